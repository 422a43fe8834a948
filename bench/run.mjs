// @ts-check
// Benchmarks: size, start-up against SurveyJS and a plain-DOM version of the same quiz (on
// loopback and on throttled "slow 4G"), when each file is requested, interaction, memory,
// and what Lighthouse reports. They report; they never fail the test run. Run with
// `./run.sh bench` (builds dist/ first). Results also go to bench/results/latest.json.
// Every side is served compressed, as a CDN serves it (brotli or gzip, from a cache), and
// the bench prints the encodings Chromium was actually sent.
// BENCH_RUNS, BENCH_SLOW_RUNS and BENCH_LIGHTHOUSE=0 shorten a run.
import { readFileSync, mkdirSync, writeFileSync, readdirSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { cpus } from 'node:os';
import { spawnSync } from 'node:child_process';
import { setup, CHROMIUM_ARGS } from '../tests/e2e/harness.mjs';

const dist = new URL('../dist/', import.meta.url);
const RUNS = Number(process.env.BENCH_RUNS || 21);
const SLOW_RUNS = Number(process.env.BENCH_SLOW_RUNS || 9);
// "Slow 4G" as Chrome DevTools defines it: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up.
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 };
const TARGETS = { englishGzip: 140 * 1024, ofSurveyJs: 0.4, ofPlainDom: 2.5, slowOfSurveyJs: 0.5 };

/** @typedef {{ raw: number, gzip: number, brotli: number }} Bytes */
/** @typedef {{ name: string, start: number, end: number }} Request When a file was requested and received (ms after navigation start). */
/**
 * What a run measured, as bench/results/latest.json keeps it.
 * @typedef {object} Results
 * @property {string} date
 * @property {string} machine
 * @property {{ files: (Bytes & { file: string })[] } & Record<string, unknown>} [size]
 * @property {Record<string, number>} [breakdown]
 * @property {Record<string, number>} [ownItems]
 * @property {Record<string, unknown>} [served]
 * @property {Record<string, number>} [requests]
 * @property {Comparison} [startup]
 * @property {Comparison} [slow4g]
 * @property {{ answerMedianMs: number, answerP95Ms: number, nextMedianMs: number, nextP95Ms: number }} [interaction]
 * @property {Record<string, { jsHeap: number, wasmMemory: number }>} [memory]
 * @property {Record<string, unknown>} [lighthouse]
 */
/**
 * Start-up times, each side's median, and the widget's against the others'.
 * @typedef {{ runs: number, medianMs: Record<Side, number>, ofSurveyJs: number, ofPlainDom: number, widgetRenderedMs: number }} Comparison
 */
/** @typedef {'widget' | 'surveyjs' | 'plain'} Side */

/** @param {number[]} xs */
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/** @param {number[]} xs */
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
/** @param {number} n */
const kb = (n) => (n / 1024).toFixed(1) + ' KB';
/** @param {number} n */
const ms = (n) => n.toFixed(0) + ' ms';
/** @type {Results} */
const results = { date: new Date().toISOString(), machine: `${cpus().length} × ${cpus()[0]?.model?.trim()}` };

// 1. Size of what a visitor downloads: the loader, the glue, the wasm and their language.
//    Pages with a publisher configuration also download the configuration module.
{
  /** @param {string} name */
  const measure = (name) => {
    const bytes = readFileSync(new URL(name, dist));
    return {
      file: name,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  };
  /** @param {Bytes[]} rows */
  const sum = (rows) => rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  const common = ['emotional-intimacy-widget.js', 'eiw.js', 'eiw_bg.wasm'].map(measure);
  const languages = readdirSync(new URL('lang/', dist)).map((f) => f.replace('.txt', ''));
  const perLanguage = Object.fromEntries(languages.map((code) => [code, sum([...common, measure(`lang/${code}.txt`)])]));
  const configModule = sum(['eiw-config.js', 'eiw-config_bg.wasm'].map(measure));
  results.size = { files: [...common, ...languages.map((c) => measure(`lang/${c}.txt`))], perLanguage, configModule };
  /** @param {string} label @param {Bytes} r */
  const row = (label, r) => console.log(`  ${label.padEnd(34)} raw ${kb(r.raw).padStart(9)}  gzip ${kb(r.gzip).padStart(9)}  brotli ${kb(r.brotli).padStart(9)}`);
  console.log('\nSize (what a visitor downloads)');
  for (const r of results.size.files) row(r.file, r);
  for (const [code, r] of Object.entries(perLanguage)) row(`total, ${code}`, r);
  row('+ configuration module (if configured)', configModule);
  const en = perLanguage.en.gzip;
  console.log(`  target ≤ ${kb(TARGETS.englishGzip)} gzip in English: ${en <= TARGETS.englishGzip ? 'met' : 'NOT met'} (${kb(en)})`);
}

// 1b. Where the wasm's bytes go, by crate before wasm-opt (twiggy), and our own largest
//     items after it (a second build with v0 symbol names, so a component's code is named
//     even where Yew's generic code contains it).
{
  const wasm = new URL('../target/wasm32-unknown-unknown/release/eiw_widget.wasm', import.meta.url).pathname;
  /** @param {string} file */
  const twiggy = (file) => spawnSync('twiggy', ['top', '-n', '100000', '--format', 'csv', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
  /** @param {string} csv */
  const rows = (csv) =>
    csv.split('\n').slice(1).map((line) => line.match(/^(?:"((?:[^"]|"")*)"|([^,]*)),(\d+),/)).filter((m) => m !== null)
      .map((m) => ({ name: (m[1] ?? m[2]).replaceAll('""', '"'), bytes: Number(m[3]) }));
  const run = twiggy(wasm);
  if (run.status === 0) {
    const byCrate = new Map();
    for (const { name, bytes } of rows(run.stdout)) {
      if (/^(custom section|"function names"|export |import )/.test(name)) continue;
      const crate = name.startsWith('data segment') ? 'data (strings, CSS)' : (name.replace(/^[<&*\s]+|mut |dyn /g, '').match(/^[A-Za-z_][A-Za-z0-9_]*/) || ['other'])[0];
      byCrate.set(crate, (byCrate.get(crate) || 0) + bytes);
    }
    const top = [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, 10);
    results.breakdown = Object.fromEntries(top);
    console.log('\nWhat the wasm is made of (before wasm-opt, by crate; twiggy)');
    for (const [crate, bytes] of top) console.log(`  ${crate.padEnd(32)} ${kb(bytes).padStart(9)}`);
  } else {
    console.log('\n(install twiggy for a per-crate breakdown: cargo install twiggy)');
  }
  // The named build is a second full compile: only worth it when twiggy can read it.
  const haveTwiggy = !spawnSync('twiggy', ['--version']).error;
  const analysis = haveTwiggy && spawnSync('bash', [new URL('./named-build.sh', import.meta.url).pathname], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const named = analysis && analysis.status === 0 && twiggy(analysis.stdout.trim());
  if (named && named.status === 0) {
    const items = new Map();
    for (const { name, bytes } of rows(named.stdout)) {
      // Our modules by name: `eiw::ui::results` and so on, wherever they were inlined to.
      const m = name.match(/eiw(?:\[[0-9a-f]+\])?::(core|ui|embed)::(\w+)/);
      if (!m || name.startsWith('custom section')) continue;
      const item = `${m[1]}::${m[2]}`;
      items.set(item, (items.get(item) || 0) + bytes);
    }
    const top = [...items].sort((a, b) => b[1] - a[1]).slice(0, 15);
    results.ownItems = Object.fromEntries(top);
    console.log('\nOur largest items after wasm-opt (raw bytes, with what was inlined into them)');
    for (const [item, bytes] of top) console.log(`  ${item.padEnd(32)} ${kb(bytes).padStart(9)}`);
  }
}

const env = await setup({ compress: true });
/** @param {string} path */
const cdn = (path) => `${env.server.host}${path}?cdn=1`;
const PAGES = {
  widget: cdn('/bench/widget.html'),
  surveyjs: cdn('/bench/surveyjs.html'),
  plain: cdn('/bench/plain.html'),
};

// Time from navigation start to the quiz being usable: the widget's `ei-ready`, SurveyJS's
// first question rendered, the plain-DOM version's first screen.
/**
 * @param {string} url
 * @param {typeof SLOW_4G} [network]
 * @param {{ response: Record<string, string>, request: Record<string, string> }[]} [served] gets each response's and request's headers
 */
async function coldStart(url, network, served) {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  /** @type {Promise<{ response: Record<string, string>, request: Record<string, string> }>[]} */
  const headers = [];
  if (served) page.on('response', (r) => headers.push(Promise.all([r.allHeaders(), r.request().allHeaders()]).then(([response, request]) => ({ response, request }))));
  if (network) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', network);
  }
  await page.addInitScript(() => {
    const done = () => (window.__ready = window.__ready ?? performance.now());
    document.addEventListener('ei-ready', done);
    document.addEventListener('bench-ready', done);
    // Also when the widget's first screen is in its shadow root: the moment SurveyJS's and
    // the plain page's figures are taken (after rendering, before effects). Yew runs
    // effects, and so `ei-ready`, after yielding to the browser when a render took over
    // 16 ms; this shows what that costs.
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (/** @type {ShadowRootInit} */ init) {
      const root = attach.call(this, init);
      new MutationObserver((_, observer) => {
        if (root.querySelector('.eiw')) {
          window.__rendered = window.__rendered ?? performance.now();
          observer.disconnect();
        }
      }).observe(root, { childList: true, subtree: true });
      return root;
    };
  });
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__ready !== undefined, null, { timeout: 60000 });
  const result = await page.evaluate(() => ({
    ready: window.__ready ?? NaN,
    rendered: window.__rendered ?? window.__ready ?? NaN,
    requests: /** @type {PerformanceResourceTiming[]} */ (performance.getEntriesByType('resource')).map((r) => ({ name: new URL(r.name).pathname, start: r.startTime, end: r.responseEnd })),
  }));
  if (served) served.push(...(await Promise.all(headers)));
  await context.close();
  return result;
}

// One uncounted load of each side: it fills the server's cache of compressed files (so no
// timed load waits for compression) and shows what was sent, so the sides are like for like.
{
  results.served = {};
  console.log('\nServed as a CDN serves it (one uncounted load of each side; encoding: files, bytes sent)');
  for (const [name, url] of Object.entries(PAGES)) {
    /** @type {{ response: Record<string, string>, request: Record<string, string> }[]} */
    const served = [];
    await coldStart(url, undefined, served);
    /** @type {Record<string, { files: number, bytes: number }>} */
    const byEncoding = {};
    for (const { response } of served) {
      const e = (byEncoding[response['content-encoding'] || 'identity'] ??= { files: 0, bytes: 0 });
      e.files++;
      e.bytes += Number(response['content-length'] || 0);
    }
    const acceptEncoding = served[0]?.request['accept-encoding'] ?? '';
    results.served[name] = { acceptEncoding, byEncoding };
    const list = Object.entries(byEncoding).map(([e, { files, bytes }]) => `${e}: ${files}, ${kb(bytes)}`).join('; ');
    console.log(`  ${name.padEnd(9)} ${list}  (the request's Accept-Encoding: ${acceptEncoding})`);
  }
}

/**
 * @param {string} label
 * @param {number} runs
 * @param {typeof SLOW_4G} [network]
 * @returns {Promise<{ figures: Comparison, starts: Request[][] }>}
 */
async function compare(label, runs, network) {
  /** @type {Record<Side, number[]>} */
  const times = { widget: [], surveyjs: [], plain: [] };
  /** @type {number[]} */
  const rendered = [];
  /** @type {Request[][]} */
  const starts = [];
  for (let i = 0; i < runs; i++) {
    // Interleaved, so a busy moment of the machine affects all three alike.
    for (const name of /** @type {const} */ (['widget', 'surveyjs', 'plain'])) {
      const r = await coldStart(PAGES[name], network);
      times[name].push(r.ready);
      if (name === 'widget') {
        starts.push(r.requests);
        rendered.push(r.rendered);
      }
    }
  }
  const m = { widget: median(times.widget), surveyjs: median(times.surveyjs), plain: median(times.plain) };
  const out = { runs, medianMs: m, ofSurveyJs: m.widget / m.surveyjs, ofPlainDom: m.widget / m.plain, widgetRenderedMs: median(rendered) };
  console.log(`\n${label} (median of ${runs} cold loads each, navigation start → ready)`);
  console.log(`  widget ${ms(m.widget)} · SurveyJS ${ms(m.surveyjs)} · plain DOM ${ms(m.plain)}`);
  console.log(`  widget / SurveyJS ${out.ofSurveyJs.toFixed(2)} · widget / plain DOM ${out.ofPlainDom.toFixed(2)}`);
  console.log(`  (widget's first screen rendered, before effects: ${ms(out.widgetRenderedMs)} = ${(out.widgetRenderedMs / m.surveyjs).toFixed(2)} of SurveyJS)`);
  return { figures: out, starts };
}

// 2. Start-up on loopback, and when each of the widget's files is requested.
{
  const { figures: loopback, starts } = await compare('Start-up on loopback', RUNS);
  /** @param {string} file */
  const when = (file) => median(starts.map((list) => list.find((r) => r.name.endsWith(file))?.start ?? NaN));
  results.requests = Object.fromEntries(['emotional-intimacy-widget.js', 'eiw.js', 'eiw_bg.wasm', 'lang/en.txt'].map((f) => [f, when(f)]));
  const loaderDone = median(starts.map((list) => list.find((r) => r.name.endsWith('emotional-intimacy-widget.js'))?.end ?? NaN));
  results.startup = loopback;
  console.log(`  widget: target ≤ ${TARGETS.ofSurveyJs} of SurveyJS and ≤ ${TARGETS.ofPlainDom}× plain DOM: ${loopback.ofSurveyJs <= TARGETS.ofSurveyJs && loopback.ofPlainDom <= TARGETS.ofPlainDom ? 'met' : 'NOT met'}`);
  console.log('\nWhen each widget file is requested (median ms after navigation start)');
  for (const [file, t] of Object.entries(results.requests)) console.log(`  ${file.padEnd(32)} ${t.toFixed(1).padStart(7)} ms`);
  console.log(`  (the loader finished at ${loaderDone.toFixed(1)} ms; the other three start together after it runs)`);
}

// 3. The same on throttled "slow 4G".
{
  const { figures: slow } = await compare('Start-up on slow 4G (150 ms RTT, 1.6 Mbit/s)', SLOW_RUNS, SLOW_4G);
  results.slow4g = slow;
  console.log(`  widget: target ≤ ${TARGETS.slowOfSurveyJs} of SurveyJS: ${slow.ofSurveyJs <= TARGETS.slowOfSurveyJs ? 'met' : 'NOT met'}`);
}

// 4. Interaction: a click on an answer (and on Next) until the DOM is updated, over a full quiz.
// 5. Memory after the quiz, and after 100 and 200 insert/remove cycles.
{
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${env.server.host}/fixtures/basic.html`);
  await page.waitForFunction(() => document.getElementById('w1')?.shadowRoot?.querySelector('.eiw'));
  const cdp = await context.newCDPSession(page);
  const memory = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    // The widget's glue as the page has it (a URL there, not a module here).
    const glue = '/eiw/eiw.js';
    const wasm = await page.evaluate(async (url) => (await (await import(url)).default()).memory.buffer.byteLength, glue);
    return { jsHeap: usedSize, wasmMemory: wasm };
  };
  const atStart = await memory();
  const timings = await page.evaluate(async () => {
    const root = /** @type {ShadowRoot} */ (document.getElementById('w1')?.shadowRoot);
    /** @param {string} selector */
    const button = (selector) => /** @type {HTMLElement} */ (root.querySelector(selector));
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    // Work: click until Yew has updated the DOM (it renders in a microtask; a task queued
    // after the click runs after it, so this is an upper bound).
    /** @param {HTMLElement} el */
    const measure = async (el) => {
      const t0 = performance.now();
      el.click();
      await new Promise((r) => setTimeout(r, 0));
      const work = performance.now() - t0;
      await frame();
      return work;
    };
    const answers = [];
    const nexts = [];
    button('.intro .button.primary').click();
    await frame();
    for (let i = 0; i < 21; i++) {
      answers.push(await measure(/** @type {NodeListOf<HTMLElement>} */ (root.querySelectorAll('.option'))[i % 5]));
      nexts.push(await measure(button('.nav .button.primary')));
    }
    return { answers, nexts };
  });
  const afterQuiz = await memory();
  const cycles = () =>
    page.evaluate(async () => {
      const el = /** @type {HTMLElement} */ (document.getElementById('w1'));
      const parent = /** @type {ParentNode} */ (el.parentNode);
      for (let i = 0; i < 100; i++) {
        el.remove();
        const ready = new Promise((r) => el.addEventListener('ei-ready', r, { once: true }));
        parent.appendChild(el);
        await ready;
      }
    });
  await cycles();
  const afterCycles = await memory();
  await cycles();
  const afterMoreCycles = await memory();
  results.interaction = {
    answerMedianMs: median(timings.answers),
    answerP95Ms: p95(timings.answers),
    nextMedianMs: median(timings.nexts),
    nextP95Ms: p95(timings.nexts),
  };
  results.memory = { atStart, afterQuiz, after100Cycles: afterCycles, after200Cycles: afterMoreCycles };
  const i = results.interaction;
  console.log('\nInteraction (full quiz of 21 questions; the work fits in one 16 ms frame)');
  console.log(`  answer click → DOM updated: median ${i.answerMedianMs.toFixed(1)} ms, p95 ${i.answerP95Ms.toFixed(1)} ms`);
  console.log(`  Next click   → DOM updated: median ${i.nextMedianMs.toFixed(1)} ms, p95 ${i.nextP95Ms.toFixed(1)} ms`);
  console.log('\nMemory (after garbage collection)');
  for (const [label, m] of Object.entries(results.memory)) {
    console.log(`  ${label.padEnd(16)} JS heap ${kb(m.jsHeap).padStart(10)}   wasm memory ${kb(m.wasmMemory).padStart(10)}`);
  }
  await context.close();
}

// 6. What a site owner's Lighthouse run shows: the widget at the top of a page at phone,
//    tablet and desktop widths, the widget far below the fold, and SurveyJS and the
//    plain-DOM version for total blocking time.
if (process.env.BENCH_LIGHTHOUSE !== '0') {
  const { default: lighthouse } = await import('lighthouse');
  const { default: desktopConfig } = await import('lighthouse/core/config/desktop-config.js');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROMIUM || '/usr/bin/chromium', chromeFlags: [...CHROMIUM_ARGS.filter((a) => a !== '--headless'), '--headless=new'] });
  /** @param {number} width @param {number} height @returns {import('lighthouse').Config} */
  const mobile = (width, height) => ({
    extends: 'lighthouse:default',
    settings: { onlyCategories: ['performance'], disableFullPageScreenshot: true, formFactor: 'mobile', screenEmulation: { mobile: true, width, height, deviceScaleFactor: 2, disabled: false } },
  });
  /** @param {number} width @param {number} height @returns {import('lighthouse').Config} */
  const desktop = (width, height) => ({
    ...desktopConfig,
    settings: { ...desktopConfig.settings, onlyCategories: ['performance'], disableFullPageScreenshot: true, screenEmulation: { ...desktopConfig.settings?.screenEmulation, width, height } },
  });
  /** @type {[string, string, import('lighthouse').Config][]} */
  const runs = [
    ['widget at the top, 412 px (mobile preset)', PAGES.widget, mobile(412, 823)],
    ['widget at the top, 320 px', PAGES.widget, mobile(320, 640)],
    ['widget at the top, 768 px', PAGES.widget, desktop(768, 1024)],
    ['widget at the top, 1280 px (desktop)', PAGES.widget, desktop(1280, 800)],
    ['demo page, 412 px (mobile preset)', `${env.server.host}/`, mobile(412, 823)],
    ['widget 5000 px below the fold, 412 px', cdn('/bench/below.html'), mobile(412, 823)],
    ['SurveyJS, 412 px (mobile preset)', PAGES.surveyjs, mobile(412, 823)],
    ['plain DOM, 412 px (mobile preset)', PAGES.plain, mobile(412, 823)],
  ];
  // A figure Lighthouse could not measure (an audit or category in error) has no value.
  /** @param {number | null | undefined} n @param {(n: number) => string} format */
  const shown = (n, format) => (n === null || n === undefined ? 'n/a' : format(n));
  results.lighthouse = {};
  console.log('\nLighthouse 12 (performance; simulated throttling as in its presets)');
  for (const [label, url, config] of runs) {
    const run = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' }, config);
    if (!run) throw new Error(`Lighthouse gave no result for ${url}`);
    const { lhr } = run;
    const a = lhr.audits;
    // The network-requests audit's details: a table, one row per request.
    const details = a['network-requests'].details;
    const requests = /** @type {{ url: string, transferSize: number }[]} */ (details?.type === 'table' ? details.items : []);
    const widgetBytes = requests
      .filter((r) => /\/eiw\//.test(r.url))
      .map((r) => ({ file: new URL(r.url).pathname.replace('/eiw/', ''), bytes: r.transferSize }));
    const r = {
      score: lhr.categories.performance.score,
      tbtMs: a['total-blocking-time'].numericValue,
      lcpMs: a['largest-contentful-paint'].numericValue,
      cls: a['cumulative-layout-shift'].numericValue,
      widgetFiles: widgetBytes,
    };
    results.lighthouse[label] = r;
    console.log(`  ${label.padEnd(42)} score ${shown(r.score, (s) => s.toFixed(2))}  TBT ${shown(r.tbtMs, ms).padStart(7)}  LCP ${shown(r.lcpMs, (t) => `${(t / 1000).toFixed(1)} s`)}  CLS ${shown(r.cls, (c) => c.toFixed(3))}` +
      (label.includes('below') ? `  widget files: ${widgetBytes.map((f) => `${f.file} ${kb(f.bytes)}`).join(', ')}` : ''));
  }
  await chrome.kill();
}

await env.close();
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/latest.json', import.meta.url), JSON.stringify(results, null, 2));
console.log(`\n${results.date} on ${results.machine}; saved to bench/results/latest.json`);
