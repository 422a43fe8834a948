// ESLint's recommended rules over the repository's JavaScript: `npx eslint .`
// (./run.sh test runs it with the type-check, see tsconfig.checkjs.json). Each folder gets the
// globals of where its code runs, so a browser script using Node's globals (or the reverse)
// is reported as undefined.
import js from '@eslint/js';
import globals from 'globals';

export default [
  // Built, installed or written by runs; not source.
  { ignores: ['dist/', 'target/', 'release/', 'node_modules/', 'bench/results/', 'test-results/', 'fuzz/target/'] },
  js.configs.recommended,
  // A disable comment that no longer disables anything goes.
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  // Browser modules (the builder).
  {
    files: ['static/**/*.js'],
    languageOptions: { sourceType: 'module', globals: globals.browser },
  },
  // Classic scripts for a <script> tag: the loader, the bench pages, the block editor's script.
  {
    files: ['static/emotional-intimacy-widget.js', 'bench/pages/*.js', 'integrations/**/*.js'],
    languageOptions: { sourceType: 'script', globals: globals.browser },
  },
  // Node: the build tools and this file.
  {
    files: ['tools/**/*.mjs', 'eslint.config.js'],
    languageOptions: { sourceType: 'module', globals: globals.node },
  },
  // Node, plus the browser's globals for the functions the tests and the bench hand to a
  // page (page.evaluate, addInitScript, waitForFunction), which run in the browser.
  {
    files: ['tests/**/*.mjs', 'bench/*.mjs'],
    languageOptions: { sourceType: 'module', globals: { ...globals.node, ...globals.browser } },
  },
];
