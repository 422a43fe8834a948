// The embed contract: loader, custom element, shadow roots, lifecycle and CSS isolation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, events, content } from './harness.mjs';

let env;
before(async () => {
  env = await setup();
});
after(() => env.close());

test('the demo page upgrades its widget in a closed shadow root and fires ei-ready', async () => {
  const page = await open(env.browser, env.server.host + '/');
  const info = await page.evaluate(() => {
    const el = document.querySelector('emotional-intimacy-widget');
    const r = el.getBoundingClientRect();
    return { defined: !!customElements.get('emotional-intimacy-widget'), shadow: el.shadowRoot, height: r.height };
  });
  assert.equal(info.defined, true);
  assert.equal(info.shadow, null, 'closed by default: host scripts cannot reach inside');
  assert.ok(info.height > 200, `widget has content (${info.height}px)`);
  const ready = await events(page, 'ei-ready');
  assert.equal(ready.length, 1);
  assert.deepEqual(page.pageErrors, []);
  assert.deepEqual(await page.evaluate(() => window.__errors), []);
  await page.context().close();
});

test('the files work from another origin (CDN) and a sub-directory', async () => {
  const page = await open(env.browser, env.server.host + '/fixtures/basic.html?cdn=1');
  const src = await page.evaluate(() => document.querySelector('script').src);
  assert.ok(src.startsWith(env.server.cdn + '/eiw/'));
  const title = await page.locator('#w1 .quiz .title').textContent();
  assert.equal(title, 'Are you lacking emotional intimacy?');
  await page.context().close();
});

test('two instances work independently and the script included three times defines once', async () => {
  const page = await open(env.browser, env.server.host + '/fixtures/two.html', { ready: 2 });
  assert.equal((await events(page, 'ei-ready')).length, 2, 'each element is ready once');
  assert.deepEqual(page.pageErrors, []);
  assert.equal(await page.locator('#w1 .faq').count(), 0, 'w1 has sections="quiz"');
  assert.equal(await page.locator('#w2 .faq').count(), 1);

  await page.locator('#w1 .intro .button.primary').click();
  await page.locator('#w1 .option').nth(4).click();
  await page.locator('#w1 .nav .button.primary').click();
  assert.equal(await page.locator('#w1 .progress-text').textContent(), 'Statement 2 of 21');
  assert.equal(await page.locator('#w2 .intro').count(), 1, 'the other instance is untouched');
  const steps = await events(page, 'ei-step');
  assert.ok(steps.every((e) => e.id === 'w1'));
  assert.equal(
    await page.evaluate(() => performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.wasm')).length),
    1,
    'the wasm is fetched once',
  );
  await page.context().close();
});

test('removing an element destroys its app; re-inserting mounts a fresh one', async () => {
  const page = await open(env.browser, env.server.host + '/fixtures/basic.html');
  await page.locator('#w1 .intro .button.primary').click();
  assert.equal(await page.locator('#w1 .question').count(), 1);
  const afterRemove = await page.evaluate(async () => {
    const el = document.getElementById('w1');
    const parent = el.parentNode;
    el.remove();
    await window.__unmounted(el);
    const left = el.shadowRoot.querySelectorAll('.eiw').length;
    parent.appendChild(el);
    return left;
  });
  assert.equal(afterRemove, 0, 'nothing stays rendered after removal');
  await page.waitForFunction(() => window.__events.filter((e) => e.type === 'ei-ready').length === 2);
  assert.equal(await page.locator('#w1 .intro').count(), 1, 'a fresh app starts at the intro');
  assert.equal(await page.locator('#w1 .eiw').count(), 1, 'mounted once');

  // An element created from script after load also upgrades.
  await page.evaluate(() => {
    const el = document.createElement('emotional-intimacy-widget');
    el.id = 'late';
    el.setAttribute('shadow', 'open');
    el.setAttribute('sections', 'faq');
    document.body.appendChild(el);
  });
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'ei-ready' && e.id === 'late'));
  assert.equal(await page.locator('#late .faq-button').count(), content.faq.length);
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test('the widget uses no <style> elements or style attributes', async () => {
  const page = await open(env.browser, env.server.host + '/fixtures/basic.html');
  await page.locator('#w1 .intro .button.primary').click();
  const counts = await page.evaluate(() => {
    const root = document.getElementById('w1').shadowRoot;
    // The styles come in adopted sheets: the widget's stylesheet among them (beside small
    // ones such as the widget's own readable accent shades).
    const adopted = root.adoptedStyleSheets.some((sheet) => [...sheet.cssRules].some((rule) => rule.selectorText === '.eiw'));
    return { styled: root.querySelectorAll('style, [style]').length, adopted };
  });
  assert.deepEqual(counts, { styled: 0, adopted: true });
  await page.context().close();
});

/** Computed styles of a few widget parts, for comparing two pages. */
const probe = () => {
  const root = document.getElementById('w1').shadowRoot;
  const pick = (sel, props) => {
    const el = root.querySelector(sel);
    const cs = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    return Object.fromEntries([...props.map((p) => [p, cs[p]]), ['width', Math.round(r.width)], ['height', Math.round(r.height)]]);
  };
  return {
    eiw: pick('.eiw', ['fontSize', 'color', 'lineHeight', 'direction', 'fontFamily', 'letterSpacing']),
    title: pick('.title', ['fontSize', 'color', 'borderTopStyle']),
    start: pick('.intro .button.primary', ['display', 'fontSize', 'borderTopStyle']),
    text: pick('.intro p', ['fontSize', 'color', 'lineHeight', 'paddingTop']),
    faq: pick('.faq-button', ['display', 'fontSize']),
  };
};

test('hostile host CSS changes nothing inside; the widget CSS changes nothing outside', async () => {
  const clean = await open(env.browser, env.server.host + '/fixtures/basic.html');
  const hostile = await open(env.browser, env.server.host + '/fixtures/hostile.html');
  await clean.setViewportSize({ width: 900, height: 800 });
  await hostile.setViewportSize({ width: 900, height: 800 });
  const a = await clean.evaluate(probe);
  const b = await hostile.evaluate(probe);
  // Only the width can differ (the host element's own border and padding are the page's),
  // and with it the height of what wraps: the whole widget and the intro's paragraph.
  for (const part of Object.keys(a)) {
    delete a[part].width;
    delete b[part].width;
  }
  for (const wraps of ['eiw', 'text']) {
    delete a[wraps].height;
    delete b[wraps].height;
  }
  assert.deepEqual(b, a);
  assert.equal(b.start.display, 'flex', 'buttons stay visible');
  assert.equal(b.eiw.direction, 'ltr');

  const host = await hostile.evaluate(() => {
    const pick = (id, props) => {
      const cs = getComputedStyle(document.getElementById(id));
      return Object.fromEntries(props.map((p) => [p, cs[p]]));
    };
    return {
      button: pick('host-button', ['display', 'backgroundColor', 'fontWeight', 'cursor']),
      div: pick('host-div', ['backgroundColor', 'borderTopStyle', 'display', 'gridTemplateRows']),
    };
  });
  assert.equal(host.button.display, 'none', 'host rules still apply to host elements');
  assert.notEqual(host.button.backgroundColor, 'rgb(15, 110, 99)', 'widget .button rules do not leak out');
  assert.equal(host.button.fontWeight, '400');
  assert.equal(host.button.cursor, 'default');
  assert.equal(host.div.backgroundColor, 'rgba(0, 0, 0, 0)');
  assert.equal(host.div.display, 'block');
  await clean.context().close();
  await hostile.context().close();
});

test('lang falls back to the page language, then English', async () => {
  const page = await open(env.browser, env.server.host + '/fixtures/basic.html');
  const lang = await page.locator('#w1 .eiw').getAttribute('lang');
  assert.equal(lang, 'en');
  await page.context().close();
});
