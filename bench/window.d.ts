// What the bench's page scripts (bench/run.mjs's addInitScript, waitForFunction and
// evaluate callbacks, run in the browser) record on the page's window, for TypeScript's
// checker (tsconfig.checkjs-node.json). Types only.
interface Window {
  /** When the quiz became usable (performance.now()): `ei-ready`, or a bench page's `bench-ready`. */
  __ready?: number;
  /** When the widget's first screen was in its shadow root. */
  __rendered?: number;
}
