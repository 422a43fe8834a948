// Keeping results (issue 22): "Save my results" downloads one self-contained HTML file,
// Print prints that file (never the host page), "then and now" compares with an earlier
// results code; none of it for a visitor who said they feel afraid, each part can be
// turned off, and nothing is requested or stored.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setup, open, openWidget, completeQuiz, expectedScores, content, audit } from './harness.mjs';

const ar = JSON.parse(await readFile(new URL('../../content/ar.json', import.meta.url), 'utf8'));

let env;
before(async () => {
  env = await setup();
});
after(() => env.close());

// Index 19 is the unscored safety statement.
const EARLIER = [2, 3, 2, 4, 1, 3, 3, 2, 4, 2, 3, 3, 2, 4, 1, 3, 3, 2, 4, 1, 3];
const NOW = [4, 3, 2, 5, 1, 4, 3, 2, 5, 1, 4, 3, 2, 5, 1, 4, 3, 2, 5, 1, 3];
const AFRAID = [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 5, 3];
const HOST_TEXT = 'Harbour Lane Counselling, menus and article';

const saveButton = (page) => page.locator('#w1 .results .button', { hasText: content.ui.save });
const printButton = (page) => page.locator('#w1 .results .button', { hasText: content.ui.print });
const earlierButton = (page) => page.locator('#w1 [aria-controls=eiw-earlier-form]');

// Records print() calls, the page's own and its frames', instead of opening a dialog.
const PRINT_SPY = () => {
  const top = window.top;
  top.__printed ??= { page: 0, frame: 0 };
  window.print = () => {
    top.__printed[window === top ? 'page' : 'frame'] += 1;
  };
};

async function save(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), saveButton(page).click()]);
  const html = await readFile(await download.path(), 'utf8');
  return { name: download.suggestedFilename(), html };
}

/** Opens a saved file from disk in a fresh context: JavaScript off, every request refused. */
async function openFile(html, { javaScript = false } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'keepsake-'));
  const path = join(dir, 'results.html');
  await writeFile(path, html);
  const context = await env.browser.newContext({ javaScriptEnabled: javaScript, bypassCSP: javaScript });
  const requests = [];
  await context.route('**/*', (route) => {
    if (route.request().url().startsWith('file:')) return route.continue();
    requests.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(path).href);
  return { page, requests: () => requests.filter((u) => !u.startsWith('file:')) };
}

const rowsOf = (page) =>
  page.locator('li[data-dimension]').evaluateAll((lis) =>
    lis.map((li) => ({ id: li.dataset.dimension, score: li.dataset.score, text: li.textContent })),
  );

test('"Save my results" downloads one neutral .html that works offline with no script', async () => {
  const downloads = [];
  const page = await openWidget(env, '', { body: `<p>${HOST_TEXT}</p>` });
  page.on('download', (d) => downloads.push(d));
  await completeQuiz(page, NOW);
  const shown = await page.locator('#w1 .chart .chart-row').evaluateAll((rows) =>
    rows.map((r) => ({ id: r.dataset.dimension, text: r.querySelector('.chart-value').textContent })),
  );
  const { name, html } = await save(page);
  assert.equal(downloads.length, 1, 'one file');
  assert.match(name, /^results-\d{4}-\d{2}-\d{2}\.html$/, 'a neutral name');
  assert.ok(!/intima|relation|partner|quiz/i.test(name));
  assert.ok(!/<script/i.test(html), 'no script');
  assert.ok(!html.includes(HOST_TEXT), 'nothing of the host page');

  const file = await openFile(html);
  const expected = expectedScores(NOW).dimensions;
  const rows = await rowsOf(file.page);
  assert.deepEqual(
    rows.map((r) => [r.id, r.score]),
    expected.map((d) => [d.id, String(d.percent)]),
    'the ten areas with their scores',
  );
  // The same numbers and bands the results screen showed.
  rows.forEach((row, i) => assert.ok(row.text.endsWith(shown[i].text), `${row.text} / ${shown[i].text}`));
  const text = await file.page.locator('body').innerText();
  for (const part of [content.ui.counsellor_title, content.ui.not_diagnosis, content.ui.keepsake_code_title]) {
    assert.ok(text.includes(part), part);
  }
  assert.match(text, /EI1(-[2-9A-HJ-NP-Z]{4}){4}/, 'the results code');
  assert.deepEqual(file.requests(), [], 'the file makes no request');
  await file.page.context().close();

  // axe needs script: a second look with it on (the file's own policy bypassed for axe only).
  const checked = await openFile(html, { javaScript: true });
  assert.deepEqual(await auditPage(checked.page), []);
  assert.deepEqual(checked.requests(), []);
  await checked.page.context().close();
  await page.context().close();
});

/** axe on a whole page (the harness's `audit` looks inside the widget). */
async function auditPage(page) {
  const { createRequire } = await import('node:module');
  const axe = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: axe });
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }),
  );
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
}

test('Arabic: the file is right to left, in Arabic', async () => {
  const page = await openWidget(env, 'lang="ar"', { lang: 'ar' });
  await completeQuiz(page, NOW);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('#w1 .results .button', { hasText: ar.ui.save }).click(),
  ]);
  const html = await readFile(await download.path(), 'utf8');
  assert.match(download.suggestedFilename(), /^results-\d{4}-\d{2}-\d{2}\.html$/);
  const file = await openFile(html);
  assert.equal(await file.page.evaluate(() => getComputedStyle(document.documentElement).direction), 'rtl');
  assert.equal(await file.page.locator('html').getAttribute('lang'), 'ar');
  assert.ok((await file.page.locator('h1').textContent()).includes(ar.ui.results_title));
  await file.page.context().close();
  await page.context().close();
});

test('Print prints the results alone, never the host page, on one or two pages; Quick exit removes it', async () => {
  const neutral = 'https://neutral.example/';
  const page = await openWidget(env, `quick-exit-href="${neutral}"`, {
    body: `<p>${HOST_TEXT}</p>`,
    before: async (p) => {
      await p.addInitScript(PRINT_SPY);
      // The neutral page never answers, so the widget's page stays to be looked at.
      await p.route(neutral, () => {});
    },
  });
  await completeQuiz(page, NOW);
  await printButton(page).click();
  const frame = page.locator('#w1 iframe[data-eiw-print]');
  await frame.waitFor({ state: 'attached' });
  const handle = await (await frame.elementHandle()).contentFrame();
  await handle.waitForFunction(() => document.readyState === 'complete' && document.adoptedStyleSheets.length === 1);
  await page.waitForFunction(() => window.__printed.frame === 1);
  assert.equal(await page.evaluate(() => window.__printed.page), 0, 'the page itself is never printed');
  const printed = await handle.locator('body').innerText();
  assert.ok(printed.includes(content.ui.results_title));
  assert.ok(!printed.includes(HOST_TEXT), 'no host content');
  assert.equal(await handle.locator('li[data-dimension]').count(), 10);

  // What paper gets: the frame's document as print media, on A4 and on Letter.
  const html = await handle.content();
  const style = await handle.evaluate(() => [...document.adoptedStyleSheets[0].cssRules].map((r) => r.cssText).join('\n'));
  const paper = await env.browser.newPage();
  await paper.setContent(html);
  await paper.addStyleTag({ content: style });
  await paper.emulateMedia({ media: 'print' });
  for (const format of ['A4', 'Letter']) {
    const pdf = (await paper.pdf({ format })).toString('latin1');
    const pages = pdf.match(/\/Type\s*\/Page[^s]/g).length;
    assert.ok(pages >= 1 && pages <= 2, `${format}: ${pages} pages`);
  }
  await paper.close();

  // Quick exit leaves nothing of the results in the page, the print frame included: it is
  // removed in the click's own handler, before the page is replaced. (Clicked from the page:
  // a click through the driver would wait for the navigation, which never answers here.)
  const left = await page.locator('#w1').evaluate((host) => {
    host.shadowRoot.querySelector('.quick-exit').click();
    return host.shadowRoot.querySelectorAll('iframe').length;
  });
  assert.equal(left, 0);
  await page.context().close();
});

test('Print works under the strict CSP fixture, styled, with no violation', async () => {
  const page = await open(env.browser, env.server.host + '/fixtures/csp.html?cdn=1', {
    before: (p) =>
      p.addInitScript(() => {
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective));
      }),
  });
  await completeQuiz(page, NOW);
  await printButton(page).click();
  const frame = page.locator('#w1 iframe[data-eiw-print]');
  await frame.waitFor({ state: 'attached' });
  const handle = await (await frame.elementHandle()).contentFrame();
  await handle.waitForFunction(() => document.readyState === 'complete' && document.adoptedStyleSheets.length === 1);
  assert.equal(await handle.locator('li[data-dimension]').count(), 10);
  assert.equal(
    await handle.locator('ul.c li').first().evaluate((li) => getComputedStyle(li).display),
    'grid',
    'the keepsake’s styles apply',
  );
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test('then and now: an earlier result’s code shows both scores for each area; a typo gets the inline message', async () => {
  const first = await openWidget(env);
  await completeQuiz(first, EARLIER);
  const { html } = await save(first);
  const code = /EI1(-[2-9A-HJ-NP-Z]{4}){4}/.exec(html)[0];
  await first.context().close();

  const page = await openWidget(env);
  await completeQuiz(page, NOW);
  await earlierButton(page).click();
  assert.equal(await earlierButton(page).getAttribute('aria-expanded'), 'true');
  // One symbol mistyped: a typo, said next to the field.
  const typo = code.slice(0, 6) + (code[6] === 'K' ? 'X' : 'K') + code.slice(7);
  await page.locator('#w1 #eiw-earlier-input').fill(typo);
  await page.locator('#w1 #eiw-earlier-form .button').click();
  const error = page.locator('#w1 #eiw-earlier-error');
  await error.waitFor();
  assert.equal(await error.textContent(), content.compare.earlier_error_typo);
  assert.equal(await page.locator('#w1 #eiw-earlier-input').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#w1 .then-now .compare-row').count(), 0);

  await page.locator('#w1 #eiw-earlier-input').fill(code.toLowerCase());
  await page.locator('#w1 #eiw-earlier-form .button').click();
  await page.locator('#w1 .then-now .compare-row').first().waitFor();
  const then = expectedScores(EARLIER).dimensions;
  const now = expectedScores(NOW).dimensions;
  const expected = now.map((d, i) => {
    // Means in quarters of a step: one answer on one of two statements is half a step.
    const gap = Math.abs(d.percent - then[i].percent);
    const template = gap > 0 && gap <= 13 ? content.compare.then_row_small : content.compare.then_row;
    return template.replace('{name}', d.name).replace('{then}', then[i].percent).replace('{now}', d.percent);
  });
  assert.deepEqual(await page.locator('#w1 .then-now .compare-row .visually-hidden').allTextContents(), expected);
  assert.ok(expected.some((s) => s.endsWith('a small difference')), 'the answers include a one-step difference');
  assert.ok(expected.some((s) => !s.endsWith('a small difference')), 'and larger ones');
  assert.equal(
    await page.evaluate(() => {
      let el = document.activeElement;
      while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
      return el.id;
    }),
    'eiw-then-title',
    'focus moves to what the code brought',
  );
  assert.deepEqual(await audit(page, 'then and now'), []);
  await page.context().close();
});

test('nothing of it is offered after the safety statement is agreed with', async () => {
  const page = await openWidget(env);
  await completeQuiz(page, AFRAID);
  await page.locator('#w1 .results.safety-first').waitFor();
  assert.equal(await saveButton(page).count(), 0, 'no file');
  assert.equal(await earlierButton(page).count(), 0, 'no then and now');
  assert.equal(await page.locator('#w1 .then-now').count(), 0);
  const text = await page.locator('#w1 .results').innerText();
  assert.ok(!text.includes(content.ui.save_note), 'nothing says why');
  assert.ok(!/EI1-/.test(await page.locator('#w1 .results').innerHTML()), 'no code anywhere');
  await page.context().close();
});

test('keepsake="off" hides saving and then and now; Print stays; compare="off" leaves them', async () => {
  const off = await openWidget(env, 'keepsake="off"');
  await completeQuiz(off, NOW);
  assert.equal(await saveButton(off).count(), 0);
  assert.equal(await earlierButton(off).count(), 0);
  assert.equal(await printButton(off).count(), 1);
  await off.context().close();

  const noCompare = await openWidget(env, 'compare="off"');
  await completeQuiz(noCompare, NOW);
  assert.equal(await saveButton(noCompare).count(), 1);
  assert.equal(await earlierButton(noCompare).count(), 1);
  await noCompare.context().close();
});

test('saving, printing and then and now make no request and write nothing', async () => {
  const requests = [];
  const page = await openWidget(env, '', {
    before: async (p) => {
      await p.addInitScript(PRINT_SPY);
      await p.addInitScript(() => {
        window.__writes = [];
        for (const name of ['setItem', 'removeItem', 'clear']) {
          const original = Storage.prototype[name];
          Storage.prototype[name] = function (...args) {
            window.__writes.push(name);
            return original.apply(this, args);
          };
        }
      });
      p.on('request', (r) => requests.push(r.url()));
    },
  });
  const loaded = requests.length;
  const url = page.url();
  await completeQuiz(page, NOW);
  const { html } = await save(page);
  await printButton(page).click();
  await page.locator('#w1 iframe[data-eiw-print]').waitFor({ state: 'attached' });
  await earlierButton(page).click();
  await page.locator('#w1 #eiw-earlier-input').fill(/EI1(-[2-9A-HJ-NP-Z]{4}){4}/.exec(html)[0]);
  await page.locator('#w1 #eiw-earlier-form .button').click();
  await page.locator('#w1 .then-now .compare-row').first().waitFor();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.deepEqual(requests.slice(loaded).filter((u) => !u.startsWith('blob:') && !u.startsWith('about:')), []);
  assert.deepEqual(await page.evaluate(() => window.__writes), []);
  assert.equal(await page.evaluate(() => localStorage.length + sessionStorage.length), 0);
  assert.equal(page.url(), url, 'nothing in the URL');
  await page.context().close();
});
