// Shared set-up for the e2e tests: Debian's Chromium through playwright-core, pages that
// record the widget's host events, and helpers that read the (open) shadow DOM.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { startServer } from './server.mjs';

export const content = JSON.parse(
  readFileSync(new URL('../../content/en.json', import.meta.url), 'utf8'),
);

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** Starts the server and a browser; returns them with a `close` for `after()`. */
export async function setup(options) {
  const server = await startServer(options);
  const browser = await launch();
  return {
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** What tools/finish-dist.mjs stamped into the built loader: version, hashes, languages. */
export function stampedBuild() {
  const source = readFileSync(new URL('../../dist/src/emotional-intimacy-widget.js', import.meta.url), 'utf8');
  return JSON.parse(/\/\*@build\*\/ (\{.*\});/.exec(source)[1]);
}

// Recorded in every page before its scripts run.
const RECORDER = () => {
  // Resolves once `el`'s app has been taken down after removal (its root is empty).
  window.__unmounted = (el) =>
    new Promise((resolve) => {
      const done = () => !el.shadowRoot.querySelector('.eiw');
      if (done()) return resolve();
      const observer = new MutationObserver(() => {
        if (done()) {
          observer.disconnect();
          resolve();
        }
      });
      observer.observe(el.shadowRoot, { childList: true, subtree: true });
    });
  window.__events = [];
  window.__errors = [];
  for (const type of ['ei-ready', 'ei-start', 'ei-step', 'ei-complete', 'ei-faq-toggle', 'ei-cta', 'ei-compare']) {
    document.addEventListener(type, (e) => {
      window.__events.push({ type, detail: e.detail, id: e.target.id || null });
    });
  }
  const original = console.error;
  console.error = (...args) => {
    window.__errors.push(args.map(String).join(' '));
    original.apply(console, args);
  };
};

/** Opens `url` in a fresh context and waits until `ready` widgets fired `ei-ready`. */
export async function open(browser, url, { ready = 1, context: contextOptions = {}, before } = {}) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.addInitScript(RECORDER);
  if (before) await before(page);
  await page.goto(url);
  if (ready > 0) {
    await page.waitForFunction((n) => window.__events.filter((e) => e.type === 'ei-ready').length >= n, ready);
  }
  page.pageErrors = pageErrors;
  return page;
}

let generated = 0;

/**
 * Opens a generated host page holding one open widget with `attributes` (an HTML attribute
 * string), served from the test origin through request interception.
 */
export async function openWidget(env, attributes = '', options = {}) {
  const { lang = 'en', body = '', head = '', childHtml = '' } = options;
  const url = `${env.server.host}/fixtures/generated-${++generated}.html`;
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">${head}
    <script src="/eiw/emotional-intimacy-widget.js" defer></script></head>
    <body><emotional-intimacy-widget id="w1" shadow="open" ${attributes}>${childHtml}</emotional-intimacy-widget>${body}</body></html>`;
  const before = async (page) => {
    await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: html }));
    if (options.before) await options.before(page);
  };
  const page = await open(env.browser, url, { ...options, before });
  page.generatedUrl = url;
  return page;
}

/** Answers the whole quiz by clicking: `answers[i]` is 1–5 or 'skip'. */
export async function completeQuiz(page, answers, id = 'w1') {
  await page.locator(`#${id} .intro .button.primary`).click();
  for (const a of answers) {
    if (a === 'skip') await page.locator(`#${id} .option.skip`).click();
    else await page.locator(`#${id} .option`).nth(a - 1).click();
    await page.locator(`#${id} .nav .button.primary`).click();
  }
  await page.locator(`#${id} .results`).waitFor();
}

export const events = (page, type) =>
  page.evaluate((t) => window.__events.filter((e) => !t || e.type === t), type);

/** Describes the focused element, looking through open shadow roots. */
export function focused(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return null;
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      type: el.type || null,
      text: (el.textContent || '').trim(),
      label: el.closest('label') ? el.closest('label').textContent.trim() : null,
      cls: el.className || '',
    };
  });
}

/** Presses Tab until `match(focusedInfo)` is true; fails after `limit` presses. */
export async function tabTo(page, match, limit = 40) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f && match(f)) return f;
  }
  throw new Error('focus never reached the expected element');
}

/** Independent re-implementation of the scoring rules, for checking the widget. */
export function expectedScores(answers) {
  // Quiz order: first items of every dimension, then second items, with the unscored
  // safety statement second to last.
  const dims = content.dimensions;
  const order = [];
  for (let item = 0; item < 2; item++) dims.forEach((d, dim) => order.push({ dim, item }));
  order.splice(order.length - 1, 0, { safety: true });
  const values = dims.map(() => []);
  order.forEach(({ dim, item, safety }, i) => {
    const a = answers[i];
    if (safety || typeof a !== 'number') return;
    values[dim].push(dims[dim].items[item].reverse ? 6 - a : a);
  });
  const means = values.map((v) => (v.length ? v.reduce((x, y) => x + y, 0) / v.length : null));
  const pct = (m) => Math.round(((m - 1) / 4) * 100);
  const band = (m) => (m >= 4 ? 'strength' : m >= 3 ? 'grow' : 'explore');
  const scored = means.filter((m) => m !== null);
  const overall = scored.length ? scored.reduce((x, y) => x + y, 0) / scored.length : null;
  const areas = means
    .map((m, i) => ({ m, i }))
    .filter(({ m }) => m !== null && band(m) !== 'strength')
    .sort((a, b) => a.m - b.m || a.i - b.i)
    .slice(0, 3)
    .map(({ i }) => dims[i].id);
  return {
    overall: overall === null ? null : { percent: pct(overall), band: band(overall) },
    dimensions: means.map((m, i) => ({
      id: dims[i].id,
      name: dims[i].name,
      percent: m === null ? null : pct(m),
      band: m === null ? null : band(m),
    })),
    areas,
  };
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe-core's WCAG 2.0–2.2 A/AA violations in widget #w1, as lines naming `screen`. */
export async function audit(page, screen) {
  await page.addScriptTag({ content: AXE });
  // Let transitions finish so colours are measured at rest.
  await page.locator('#w1').evaluate((el) => Promise.all(el.shadowRoot.getAnimations().map((a) => a.finished)));
  const result = await page.evaluate(
    (tags) => window.axe.run(document.querySelector('#w1'), { runOnly: { type: 'tag', values: tags } }),
    TAGS,
  );
  const violations = result.violations.map((v) => `${screen}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}: ${v.nodes[0]?.failureSummary}`);
  return violations;
}
