// @ts-check
// What each way of including the loader costs, and whether the host text moves, in Chromium
// and Firefox ESR (which has no `blocking="render"`). Pages: bench/pages/snippet-*.html, an
// article with the widget between two paragraphs, 1280 × 1600 px so all of it is on screen:
//   readme           the README's snippet: the loader just before the element, parser-blocking
//   render-blocking  deferred in the head with blocking="render" (the earlier snippet)
//   defer            a plain deferred loader in the head
//   head             a parser-blocking loader in the head (the WordPress plugin, on a page it
//                    knows shows a widget)
// Figures (medians, ms from navigation): first contentful paint; when the text above and the
// text below the widget were painted (Element Timing, Chromium only); when the text below
// was in the DOM (so could be painted); when the element was defined; `ei-ready`. And in how
// many loads the text below was laid out somewhere else first while on screen (both engines;
// painted or not), and Chromium's CLS (what it painted).
// Conditions: the loader answered 150 ms late (a distant CDN; both engines), and Chromium on
// "slow 4G". Every file is served compressed, as a CDN serves it.
// Usage: node bench/snippet.mjs   (after ./run.sh build; ./run.sh bench runs it)
// SNIPPET_RUNS (default 15) and SNIPPET_SLOW_RUNS (default 7) shorten a run.
import { mkdirSync, writeFileSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { launch } from '../tests/e2e/harness.mjs';
import { startServer } from '../tests/e2e/server.mjs';

const RUNS = Number(process.env.SNIPPET_RUNS || 15);
const SLOW_RUNS = Number(process.env.SNIPPET_SLOW_RUNS || 7);
const VARIANTS = ['readme', 'render-blocking', 'defer', 'head'];
const VIEWPORT = { width: 1280, height: 1600 };
const LOADER_DELAY_MS = 150;
// "Slow 4G" as Chrome DevTools defines it (the same as bench/run.mjs).
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 };

/**
 * @typedef {object} Load
 * @property {number} fcp
 * @property {number} heading
 * @property {number} after
 * @property {number} parsedAfter
 * @property {number} defined
 * @property {number} ready
 * @property {number} cls
 * @property {number} moves
 */

// Runs in the page before its scripts.
const RECORD = () => {
  /** @type {Record<string, number>} */
  const bench = { fcp: NaN, heading: NaN, after: NaN, parsedAfter: NaN, defined: NaN, ready: NaN, cls: 0, moves: 0 };
  /** @type {any} */ (window).__bench = bench;
  /** @param {string} type @param {(entry: any) => void} take */
  const observe = (type, take) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(take)).observe({ type, buffered: true });
    } catch {
      // This engine does not report `type`.
    }
  };
  observe('paint', (e) => {
    if (e.name === 'first-contentful-paint') bench.fcp = e.startTime;
  });
  observe('element', (e) => {
    bench[e.identifier] = e.renderTime || e.loadTime;
  });
  observe('layout-shift', (e) => {
    if (!e.hadRecentInput) bench.cls += e.value;
  });
  customElements.whenDefined('emotional-intimacy-widget').then(() => (bench.defined = performance.now()));
  document.addEventListener('ei-ready', () => (bench.ready = performance.now()));
  /** @type {{ top: number, seen: boolean } | null} */
  let last = null;
  const sample = () => {
    const el = document.getElementById('after');
    if (!el) return;
    if (Number.isNaN(bench.parsedAfter)) bench.parsedAfter = performance.now();
    const rect = el.getBoundingClientRect();
    const now = { top: rect.top + scrollY, seen: rect.bottom > 0 && rect.top < innerHeight };
    if (last && last.top !== now.top && (last.seen || now.seen)) bench.moves++;
    last = now;
  };
  new MutationObserver(sample).observe(document, { childList: true, subtree: true });
  const frame = () => {
    sample();
    requestAnimationFrame(frame);
  };
  frame();
};
const done = () => {
  const b = /** @type {any} */ (window).__bench;
  return !!b && !Number.isNaN(b.ready) && !Number.isNaN(b.fcp);
};
const read = () => /** @type {Load} */ (/** @type {any} */ (window).__bench);

/** @param {number[]} xs */
const median = (xs) => {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};

/** @param {Load[]} loads */
function summary(loads) {
  /** @param {keyof Load} key */
  const m = (key) => Math.round(median(loads.map((l) => l[key])));
  return {
    fcp: m('fcp'),
    heading: m('heading'),
    after: m('after'),
    parsedAfter: m('parsedAfter'),
    defined: m('defined'),
    ready: m('ready'),
    moved: loads.filter((l) => l.moves > 0).length,
    loads: loads.length,
    maxCls: Math.max(...loads.map((l) => l.cls)),
  };
}

const server = await startServer({ compress: true, delays: { 'emotional-intimacy-widget.js': LOADER_DELAY_MS } });
/** @param {string} variant */
const url = (variant) => `${server.host}/bench/snippet-${variant}.html?cdn=1`;
/** @type {Record<string, Record<string, ReturnType<typeof summary>>>} */
const results = {};

/**
 * @param {string} label
 * @param {number} runs
 * @param {(variant: string) => Promise<Load>} load
 */
async function measure(label, runs, load) {
  results[label] = {};
  for (const variant of VARIANTS) await load(variant); // uncounted: fills the server's compression cache
  /** @type {Record<string, Load[]>} */
  const loads = Object.fromEntries(VARIANTS.map((v) => [v, []]));
  // Interleaved, so a slow moment of the machine falls on every variant alike.
  for (let i = 0; i < runs; i++) for (const variant of VARIANTS) loads[variant].push(await load(variant));
  console.log(`\n${label} (${runs} loads each; medians in ms from navigation)`);
  console.log('  variant          FCP  above  below  below in DOM  defined  ei-ready  moved*  max CLS');
  for (const variant of VARIANTS) {
    const s = (results[label][variant] = summary(loads[variant]));
    /** @param {number} n @param {number} w */
    const f = (n, w) => (Number.isNaN(n) ? '–' : String(n)).padStart(w);
    console.log(`  ${variant.padEnd(15)} ${f(s.fcp, 5)} ${f(s.heading, 6)} ${f(s.after, 6)} ${f(s.parsedAfter, 13)} ${f(s.defined, 8)} ${f(s.ready, 9)}  ${`${s.moved}/${s.loads}`.padStart(6)}  ${s.maxCls.toFixed(3)}`);
  }
  console.log('  * loads in which the text below was laid out at another place first while on screen, painted or');
  console.log('    not: CLS says whether Chromium painted it; Firefox paints it in some loads.');
}

const chromium = await launch();
/** @param {typeof SLOW_4G | undefined} network */
const inChromium = (network) => async (/** @type {string} */ variant) => {
  const context = await chromium.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  if (network) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', network);
  }
  await page.addInitScript(RECORD);
  await page.goto(url(variant), { waitUntil: 'commit' });
  await page.waitForFunction(done, null, { timeout: 60000 });
  const result = await page.evaluate(read);
  await context.close();
  return result;
};
await measure(`Chromium, the loader ${LOADER_DELAY_MS} ms late`, RUNS, inChromium(undefined));
await measure('Chromium, slow 4G', SLOW_RUNS, inChromium(SLOW_4G));
await chromium.close();

const firefox = await puppeteer.launch({ browser: 'firefox', executablePath: process.env.FIREFOX || '/usr/bin/firefox-esr', headless: true });
await measure(`Firefox ESR, the loader ${LOADER_DELAY_MS} ms late`, RUNS, async (variant) => {
  const context = await firefox.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport(VIEWPORT);
  await page.evaluateOnNewDocument(RECORD);
  await page.goto(url(variant), { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(done, { timeout: 60000 });
  const result = await page.evaluate(read);
  await context.close();
  return result;
});
await firefox.close();
await server.close();

const out = new URL('results/', import.meta.url);
mkdirSync(out, { recursive: true });
writeFileSync(new URL('snippet.json', out), JSON.stringify({ date: new Date().toISOString(), results }, null, 2) + '\n');
