// Benchmarks: size, startup, interaction and memory. They report; they never fail the
// test run. Run with `./run.sh bench` (builds dist/ first). Results also go to
// bench/results/latest.json.
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { cpus } from 'node:os';
import { spawnSync } from 'node:child_process';
import { setup } from '../tests/e2e/harness.mjs';

const dist = new URL('../dist/', import.meta.url);
const FILES = ['emotional-intimacy-widget.js', 'eiw.js', 'eiw_bg.wasm'];
const BUDGET_GZIP = 100 * 1024;
const RUNS = Number(process.env.BENCH_RUNS || 21);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const kb = (n) => (n / 1024).toFixed(1) + ' KB';
const ms = (n) => n.toFixed(1) + ' ms';
const results = { date: new Date().toISOString(), machine: `${cpus().length} × ${cpus()[0]?.model?.trim()}` };

// 1. Size of everything a visitor downloads (the stylesheet and all three languages are
//    inside the wasm).
{
  const rows = FILES.map((name) => {
    const bytes = readFileSync(new URL(name, dist));
    return {
      file: name,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  results.size = { files: rows, total, budgetGzip: BUDGET_GZIP };
  console.log('\nSize (what a visitor downloads)');
  for (const r of rows) console.log(`  ${r.file.padEnd(32)} raw ${kb(r.raw).padStart(9)}  gzip ${kb(r.gzip).padStart(9)}  brotli ${kb(r.brotli).padStart(9)}`);
  console.log(`  ${'total'.padEnd(32)} raw ${kb(total.raw).padStart(9)}  gzip ${kb(total.gzip).padStart(9)}  brotli ${kb(total.brotli).padStart(9)}`);
  console.log(`  budget ≤ ${kb(BUDGET_GZIP)} gzip: ${total.gzip <= BUDGET_GZIP ? 'within' : 'OVER by ' + kb(total.gzip - BUDGET_GZIP)}`);
}

// 1b. What the wasm is made of, by crate (twiggy on the un-stripped build), to find the
//     biggest contributors.
{
  const wasm = new URL('../target/wasm32-unknown-unknown/release/eiw.wasm', import.meta.url).pathname;
  const run = spawnSync('twiggy', ['top', '-n', '100000', '--format', 'csv', wasm], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.status === 0) {
    const byCrate = new Map();
    for (const line of run.stdout.split('\n').slice(1)) {
      const m = line.match(/^(?:"((?:[^"]|"")*)"|([^,]*)),(\d+),/);
      if (!m) continue;
      const name = (m[1] ?? m[2]).replaceAll('""', '"');
      if (/^(custom section|"function names"|export |import )/.test(name)) continue;
      const crate = name.startsWith('data segment') ? 'data (strings, content, CSS)' : (name.replace(/^[<&*\s]+|mut |dyn /g, '').match(/^[A-Za-z_][A-Za-z0-9_]*/) || ['other'])[0];
      byCrate.set(crate, (byCrate.get(crate) || 0) + Number(m[3]));
    }
    const top = [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, 10);
    results.breakdown = Object.fromEntries(top);
    console.log('\nWhat the wasm is made of (before wasm-opt, by crate; twiggy)');
    for (const [crate, bytes] of top) console.log(`  ${crate.padEnd(32)} ${kb(bytes).padStart(9)}`);
  } else {
    console.log('\n(install twiggy for a per-crate breakdown: cargo install twiggy)');
  }
}

const env = await setup();
const PAGE = (origin) => `${origin}/fixtures/basic.html`;

// 2. Startup over cold loads: a fresh browser context each time (empty cache).
{
  const fromNavigation = [];
  const fromScript = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      document.addEventListener('ei-ready', () => {
        const ready = performance.now();
        const loader = performance.getEntriesByType('resource').find((r) => r.name.endsWith('/emotional-intimacy-widget.js'));
        window.__startup = { ready, script: loader ? loader.responseEnd : NaN };
      });
    });
    await page.goto(PAGE(env.server.host));
    await page.waitForFunction(() => window.__startup);
    const s = await page.evaluate(() => window.__startup);
    fromNavigation.push(s.ready);
    fromScript.push(s.ready - s.script);
    await context.close();
  }
  results.startup = { runs: RUNS, navigationToReadyMs: median(fromNavigation), scriptToReadyMs: median(fromScript) };
  console.log(`\nStartup (median of ${RUNS} cold loads, loopback server)`);
  console.log(`  navigation start → ei-ready   ${ms(results.startup.navigationToReadyMs)}`);
  console.log(`  loader script loaded → ei-ready ${ms(results.startup.scriptToReadyMs)}`);
}

// 3. Interaction: a click on an answer (and on Next) to the next frame, over a full quiz.
// 4. Memory after the quiz, and after 100 mount/unmount cycles.
{
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(PAGE(env.server.host));
  await page.waitForFunction(() => customElements.get('emotional-intimacy-widget') && document.getElementById('w1').shadowRoot.querySelector('.eiw'));
  const cdp = await context.newCDPSession(page);
  const memory = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const wasm = await page.evaluate(async () => (await (await import('/eiw/eiw.js')).default()).memory.buffer.byteLength);
    return { jsHeap: usedSize, wasmMemory: wasm };
  };
  const atStart = await memory();
  const timings = await page.evaluate(async () => {
    const root = document.getElementById('w1').shadowRoot;
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    // Work: click until the DOM is updated (Yew renders in a microtask; a zero-delay task
    // runs after it, so this is an upper bound). Frame: click until the next animation
    // frame, when the browser paints the result (bounded below by the frame clock).
    const measure = async (el) => {
      const t0 = performance.now();
      const nextFrame = new Promise((r) => requestAnimationFrame(() => r(performance.now())));
      el.click();
      await new Promise((r) => setTimeout(r, 0));
      const work = performance.now() - t0;
      const frameAt = await nextFrame;
      await frame();
      return { work, frame: frameAt - t0 };
    };
    const answers = [];
    const nexts = [];
    root.querySelector('.intro .button.primary').click();
    await frame();
    for (let i = 0; i < 21; i++) {
      answers.push(await measure(root.querySelectorAll('.option')[i % 5]));
      nexts.push(await measure(root.querySelector('.nav .button.primary')));
    }
    return { answers, nexts };
  });
  const afterQuiz = await memory();
  const cycles = () =>
    page.evaluate(async () => {
      const el = document.getElementById('w1');
      const parent = el.parentNode;
      for (let i = 0; i < 100; i++) {
        el.remove();
        parent.appendChild(el);
        await new Promise((r) => setTimeout(r, 0));
      }
    });
  await cycles();
  const afterCycles = await memory();
  await cycles();
  const afterMoreCycles = await memory();
  const pick = (list, key) => list.map((t) => t[key]);
  results.interaction = {
    answerWorkMedianMs: median(pick(timings.answers, 'work')),
    answerWorkP95Ms: p95(pick(timings.answers, 'work')),
    answerToFrameMedianMs: median(pick(timings.answers, 'frame')),
    nextWorkMedianMs: median(pick(timings.nexts, 'work')),
    nextWorkP95Ms: p95(pick(timings.nexts, 'work')),
    nextToFrameMedianMs: median(pick(timings.nexts, 'frame')),
    budgetMs: 16,
  };
  results.memory = { atStart, afterQuiz, after100Cycles: afterCycles, after200Cycles: afterMoreCycles };
  const i = results.interaction;
  console.log('\nInteraction (full quiz of 21 questions; budget: the work fits in one 16 ms frame)');
  console.log(`  answer click → DOM updated: median ${ms(i.answerWorkMedianMs)}, p95 ${ms(i.answerWorkP95Ms)}; → next frame: median ${ms(i.answerToFrameMedianMs)}`);
  console.log(`  Next click   → DOM updated: median ${ms(i.nextWorkMedianMs)}, p95 ${ms(i.nextWorkP95Ms)}; → next frame: median ${ms(i.nextToFrameMedianMs)}`);
  console.log('\nMemory (after garbage collection)');
  for (const [label, m] of Object.entries(results.memory)) {
    console.log(`  ${label.padEnd(16)} JS heap ${kb(m.jsHeap).padStart(10)}   wasm memory ${kb(m.wasmMemory).padStart(10)}`);
  }
  await context.close();
}

await env.close();
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/latest.json', import.meta.url), JSON.stringify(results, null, 2));
console.log(`\n${results.date} on ${results.machine}; saved to bench/results/latest.json`);
