// The FAQ accordion: keyboard, single mode, deep links, JSON-LD and the no-JS snippet.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { setup, open, events, focused, tabTo, content } from './harness.mjs';

let env;
before(async () => {
  env = await setup();
});
after(() => env.close());

const expandedStates = (page, id) =>
  page.locator(`#${id} .faq-button`).evaluateAll((els) => els.map((e) => e.getAttribute('aria-expanded') === 'true'));

test('keyboard: Tab reaches the headers, Enter/Space toggle, arrows/Home/End move', async () => {
  const page = await open(env.browser, env.server.host + '/fixtures/faq.html', { ready: 2 });
  const first = await tabTo(page, (f) => f.cls === 'faq-button');
  assert.equal(first.text, content.faq[0].question);
  const buttons = page.locator('#w1 .faq-button');
  assert.equal(await buttons.count(), content.faq.length);
  assert.deepEqual(await expandedStates(page, 'w1'), content.faq.map(() => false), 'all collapsed');
  // Each header is a button inside a heading (h3 by default) controlling its panel.
  const wiring = await buttons.first().evaluate((b) => ({
    heading: b.parentElement.tagName,
    controls: b.getAttribute('aria-controls'),
    panelExists: !!b.getRootNode().getElementById(b.getAttribute('aria-controls')),
  }));
  assert.deepEqual(wiring, { heading: 'H3', controls: `faq-panel-${content.faq[0].slug}`, panelExists: true });

  await page.keyboard.press('Enter');
  assert.equal((await expandedStates(page, 'w1'))[0], true);
  const panel = page.locator(`#w1 #faq-panel-${content.faq[0].slug}`);
  await panel.waitFor({ state: 'visible' });
  assert.match(await panel.textContent(), /deep, honest closeness/);

  await page.keyboard.press('ArrowDown');
  assert.equal((await focused(page)).text, content.faq[1].question);
  await page.keyboard.press('Space');
  // faq-mode="single": opening the second closes the first.
  assert.deepEqual((await expandedStates(page, 'w1')).slice(0, 2), [false, true]);
  await panel.waitFor({ state: 'hidden' });

  await page.keyboard.press('End');
  assert.equal((await focused(page)).text, content.faq.at(-1).question);
  await page.keyboard.press('ArrowDown');
  assert.equal((await focused(page)).text, content.faq[0].question, 'wraps to the first');
  await page.keyboard.press('ArrowUp');
  assert.equal((await focused(page)).text, content.faq.at(-1).question, 'wraps to the last');
  await page.keyboard.press('Home');
  assert.equal((await focused(page)).text, content.faq[0].question);

  // Tab order is the normal page order: every header is in it, collapsed panels are not.
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).text, content.faq[1].question);

  const toggles = await events(page, 'ei-faq-toggle');
  assert.deepEqual(toggles.map((e) => e.detail), [
    { slug: content.faq[0].slug, open: true },
    { slug: content.faq[1].slug, open: true },
  ]);
  await page.context().close();
});

test('without faq-mode, several entries may be open', async () => {
  const page = await open(env.browser, env.server.host + '/fixtures/faq.html', { ready: 2 });
  await page.locator('#w2 .faq-button').nth(0).click();
  await page.locator('#w2 .faq-button').nth(1).click();
  assert.deepEqual((await expandedStates(page, 'w2')).slice(0, 3), [true, true, false]);
  await page.context().close();
});

test('#faq-<slug> in the page URL opens that entry and scrolls to it', async () => {
  const slug = 'where-do-my-answers-go';
  const url = env.server.host + '/fixtures/deep-link.html';
  const page = await open(env.browser, url + '#faq-' + slug, {
    before: (p) =>
      p.route(url, (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><html lang="en"><head><script src="/eiw/emotional-intimacy-widget.js" defer></script></head>
            <body><div style="height:200vh">Long article</div>
            <emotional-intimacy-widget id="w1" shadow="open" sections="faq"></emotional-intimacy-widget>
            <div style="height:200vh"></div></body></html>`,
        }),
      ),
  });
  const index = content.faq.findIndex((f) => f.slug === slug);
  const states = await expandedStates(page, 'w1');
  assert.deepEqual(states, content.faq.map((_, i) => i === index));
  const button = page.locator(`#w1 #faq-button-${slug}`);
  await page.waitForFunction(() => window.scrollY > 0);
  const box = await button.boundingBox();
  const viewport = page.viewportSize();
  assert.ok(box.y >= 0 && box.y < viewport.height, `the entry is in view (y=${box.y})`);
  await page.context().close();
});

test('faq-schema adds one FAQPage JSON-LD per page, matching the entries', async () => {
  const page = await open(env.browser, env.server.host + '/fixtures/faq.html', { ready: 2 });
  const scripts = await page.evaluate(() =>
    [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => ({
      inHead: s.parentElement === document.head,
      text: s.textContent,
    })),
  );
  assert.equal(scripts.length, 1, 'two widgets, one JSON-LD');
  assert.equal(scripts[0].inHead, true);
  const data = JSON.parse(scripts[0].text);
  assert.equal(data['@context'], 'https://schema.org');
  assert.equal(data['@type'], 'FAQPage');
  assert.deepEqual(data.mainEntity.map((q) => q.name), content.faq.map((f) => f.question));
  assert.ok(data.mainEntity.every((q) => q['@type'] === 'Question' && q.acceptedAnswer['@type'] === 'Answer'));
  assert.ok(!data.mainEntity.at(-1).acceptedAnswer.text.includes('*'), 'markup is stripped');
  await page.context().close();
});

test('the FAQ snippet command gives crawlable HTML that the upgraded widget hides', async () => {
  const snippet = execFileSync('./run.sh', ['faq-snippet', 'en'], { cwd: new URL('../..', import.meta.url), encoding: 'utf8' });
  const url = env.server.host + '/fixtures/snippet.html';
  const body = `<!doctype html><html lang="en"><head><script src="/eiw/emotional-intimacy-widget.js" defer></script></head>
    <body><emotional-intimacy-widget id="w1" shadow="open" sections="faq">${snippet}</emotional-intimacy-widget></body></html>`;
  const serve = (p) => p.route(url, (route) => route.fulfill({ contentType: 'text/html', body }));

  const noJs = await open(env.browser, url, { ready: 0, context: { javaScriptEnabled: false }, before: serve });
  const summaries = await noJs.locator('details > summary').allTextContents();
  assert.deepEqual(summaries, content.faq.map((f) => f.question));
  await noJs.locator('details > summary').first().click();
  assert.ok(await noJs.locator('details p').first().isVisible(), 'answers open without JavaScript');
  await noJs.context().close();

  const withJs = await open(env.browser, url, { before: serve });
  assert.equal(await withJs.locator('#w1 .faq-button').count(), content.faq.length);
  assert.equal(await withJs.locator('details').first().isVisible(), false, 'the light-DOM copy is hidden');
  await withJs.context().close();
});
