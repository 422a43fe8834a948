// Shared set-up for the e2e tests: Debian's Chromium through playwright-core, pages that
// record the widget's host events, and helpers that read the (open) shadow DOM.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
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

// Recorded in every page before its scripts run.
const RECORDER = () => {
  window.__events = [];
  window.__errors = [];
  for (const type of ['ei-ready', 'ei-start', 'ei-step', 'ei-complete', 'ei-faq-toggle', 'ei-cta']) {
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
  // Quiz order: first items of every dimension, then second items.
  const dims = content.dimensions;
  const order = [];
  for (let item = 0; item < 2; item++) dims.forEach((d, dim) => order.push({ dim, item }));
  const values = dims.map(() => []);
  order.forEach(({ dim, item }, i) => {
    const a = answers[i];
    if (typeof a !== 'number') return;
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
