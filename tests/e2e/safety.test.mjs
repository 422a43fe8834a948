// Privacy and safety for vulnerable visitors: no requests, no storage unless asked,
// Quick exit, the safety statement and crisis resources.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setup, openWidget, completeQuiz, content } from './harness.mjs';

const text = (lang) => JSON.parse(readFileSync(new URL(`../../content/${lang}.json`, import.meta.url), 'utf8'));
const ES = text('es');
const AR = text('ar');

let env;
before(async () => {
  env = await setup();
});
after(() => env.close());

const KEY = 'emotional-intimacy-widget:progress:w1';
const SAFETY = 19; // index of the safety statement
const answers = (safety) => {
  const a = [4, 3, 2, 5, 1, 4, 3, 2, 5, 1, 4, 3, 2, 5, 1, 4, 3, 2, 5, safety, 3];
  return a;
};

// Counts every way a page could persist or send something, installed before any script.
const SPY = () => {
  window.__writes = [];
  const note = (what) => window.__writes.push(what);
  for (const name of ['setItem', 'removeItem', 'clear']) {
    const original = Storage.prototype[name];
    Storage.prototype[name] = function (...args) {
      note(`storage.${name}(${args[0] ?? ''})`);
      return original.apply(this, args);
    };
  }
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  Object.defineProperty(document, 'cookie', {
    get: () => cookie.get.call(document),
    set: (v) => {
      note('cookie');
      cookie.set.call(document, v);
    },
  });
  const idb = indexedDB.open.bind(indexedDB);
  indexedDB.open = (...args) => {
    note('indexedDB.open');
    return idb(...args);
  };
  for (const name of ['pushState', 'replaceState']) {
    const original = history[name];
    history[name] = function (...args) {
      note(`history.${name}`);
      return original.apply(this, args);
    };
  }
  const beacon = navigator.sendBeacon?.bind(navigator);
  navigator.sendBeacon = (...args) => {
    note('sendBeacon');
    return beacon?.(...args);
  };
};

test('a full quiz and FAQ session makes no requests and writes nothing', async () => {
  const requests = [];
  const page = await openWidget(env, 'faq-schema', {
    before: async (p) => {
      await p.addInitScript(SPY);
      p.on('request', (r) => requests.push(r.url()));
    },
  });
  const loaded = requests.length;
  assert.deepEqual(
    requests.map((u) => new URL(u).pathname).sort(),
    ['/eiw/eiw.js', '/eiw/eiw_bg.wasm', '/eiw/emotional-intimacy-widget.js', '/eiw/lang/en.txt', new URL(page.generatedUrl).pathname].sort(),
    'only the page and the widget’s own files',
  );
  const url = page.url();
  await completeQuiz(page, answers(5));
  for (let i = 0; i < 3; i++) await page.locator('#w1 .faq-button').nth(i).click();
  await page.locator('#w1 .help-button').click();
  // Two rendering frames: every effect of those clicks has run.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

  assert.deepEqual(requests.slice(loaded), [], 'no request of any kind after loading');
  assert.deepEqual(await page.evaluate(() => window.__writes), [], 'no storage, cookie, IndexedDB or history writes');
  assert.equal(await page.evaluate(() => localStorage.length + sessionStorage.length), 0);
  assert.equal(page.url(), url, 'nothing is put in the URL');
  await page.context().close();
});

test('the host element carries session-replay masking attributes', async () => {
  const page = await openWidget(env);
  const masks = await page.locator('#w1').evaluate((el) => ({
    hj: el.getAttribute('data-hj-suppress'),
    clarity: el.getAttribute('data-clarity-mask'),
    priv: el.hasAttribute('data-private'),
    classes: [...el.classList].sort(),
  }));
  assert.deepEqual(masks, { hj: '', clarity: 'true', priv: true, classes: ['fs-exclude', 'ph-no-capture', 'rr-block'] });
  await page.context().close();
});

test('opt-in: remember, resume after reload, then forget', async () => {
  const page = await openWidget(env);
  const box = page.locator('#w1 .remember input[type=checkbox]');
  assert.equal(await box.isChecked(), false, 'off by default');
  await box.check();
  await page.locator('#w1 .intro .button.primary').click();
  // Once on, Forget stays one tap away on every question (afraid-review.test.mjs).
  assert.equal(await page.locator('#w1 .remember .button').textContent(), content.ui.forget);
  for (const a of [5, 2, 'skip']) {
    if (a === 'skip') await page.locator('#w1 .option.skip').click();
    else await page.locator('#w1 .option').nth(a - 1).click();
    await page.locator('#w1 .nav .button.primary').click();
  }
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), 'v1|q3|52s----------------s-');

  await page.reload();
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'ei-ready'));
  assert.equal(await page.locator('#w1 .notice').textContent(), content.ui.resumed);
  assert.equal(await page.locator('#w1 .progress-text').textContent(), 'Statement 4 of 21');
  await page.locator('#w1 .nav .button:not(.primary)').click();
  assert.equal(await page.locator('#w1 .option.checked').textContent(), content.ui.skip);
  for (let i = 0; i < 3; i++) await page.locator('#w1 .nav .button:not(.primary)').click();
  assert.equal(await box.isChecked(), true);

  await page.locator('#w1 .remember .button').click();
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), null, 'forgotten');
  assert.equal(await page.locator('#w1 .intro').count(), 1, 'back to the start');
  assert.equal(await box.isChecked(), false);
  await page.reload();
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'ei-ready'));
  assert.equal(await page.locator('#w1 .intro').count(), 1, 'nothing resumes');
  await page.context().close();
});

test('storage that throws never breaks the quiz; the option is hidden', async () => {
  const blocked = await openWidget(env, '', {
    before: (p) =>
      p.addInitScript(() => {
        Object.defineProperty(window, 'localStorage', {
          get() {
            throw new DOMException('The operation is insecure.', 'SecurityError');
          },
        });
      }),
  });
  assert.equal(await blocked.locator('#w1 .remember').count(), 0);
  await completeQuiz(blocked, answers(1));
  assert.deepEqual(blocked.pageErrors, []);
  await blocked.context().close();

  const full = await openWidget(env, '', {
    before: (p) =>
      p.addInitScript(() => {
        Storage.prototype.setItem = () => {
          throw new DOMException('quota', 'QuotaExceededError');
        };
      }),
  });
  await full.locator('#w1 .remember input').click();
  await full.locator('#w1 .remember').waitFor({ state: 'detached' });
  await full.locator('#w1 .intro .button.primary').click();
  await full.locator('#w1 .option').nth(2).click();
  await full.locator('#w1 .nav .button.primary').click();
  assert.equal(await full.locator('#w1 .progress-text').textContent(), 'Statement 2 of 21');
  assert.deepEqual(full.pageErrors, []);
  await full.context().close();
});

test('two widgets without an id keep their saved progress apart', async () => {
  // Eager: three stacked quizzes reach below the lazy-loading margin, and laziness is not
  // what this test is about.
  const body = '<emotional-intimacy-widget shadow="open" sections="quiz" loading="eager"></emotional-intimacy-widget>'.repeat(2);
  const page = await openWidget(env, 'sections="quiz" loading="eager"', { body, ready: 3 });
  const widgets = page.locator('emotional-intimacy-widget:not([id])');
  for (const [n, answer] of [[0, 5], [1, 1]]) {
    const w = widgets.nth(n);
    await w.locator('.remember input').check();
    await w.locator('.intro .button.primary').click();
    await w.locator('.option').nth(answer - 1).click();
    await w.locator('.nav .button.primary').click();
  }
  const stored = () =>
    page.evaluate(() => Object.keys(localStorage).sort((a, b) => a.length - b.length).map((k) => `${k}=${localStorage.getItem(k)}`));
  assert.deepEqual(await stored(), [
    'emotional-intimacy-widget:progress=v1|q1|5------------------s-',
    'emotional-intimacy-widget:progress#2=v1|q1|1------------------s-',
  ]);
  await page.reload();
  await page.waitForFunction(() => window.__events.filter((e) => e.type === 'ei-ready').length >= 3);
  for (const [n, answer] of [[0, 5], [1, 1]]) {
    const w = widgets.nth(n);
    assert.equal(await w.locator('.progress-text').textContent(), 'Statement 2 of 21');
    await w.locator('.nav .button:not(.primary)').click();
    assert.equal(await w.locator('.option.checked').textContent(), content.scale[answer - 1]);
  }
  await page.context().close();
});

async function exitPage(attributes = '', options = {}) {
  const neutral = 'https://www.google.com/search?q=weather';
  const page = await openWidget(env, attributes, {
    before: async (p) => {
      await p.route(neutral, (r) => r.fulfill({ contentType: 'text/html', body: '<title>Weather</title>' }));
      if (options.before) await options.before(p);
    },
  });
  return { page, neutral };
}

test('Quick exit button replaces the page and clears saved progress', async () => {
  const { page, neutral } = await exitPage();
  const first = page.url();
  await page.locator('#w1 .remember input').check();
  await page.locator('#w1 .intro .button.primary').click();
  await page.locator('#w1 .option').nth(0).click();
  await page.locator('#w1 .nav .button.primary').click();
  assert.notEqual(await page.evaluate((k) => localStorage.getItem(k), KEY), null);
  const historyBefore = await page.evaluate(() => history.length);
  const exit = page.locator('#w1 .quick-exit');
  assert.equal(await exit.textContent(), content.ui.quick_exit);
  await exit.focus(); // reachable by keyboard
  await Promise.all([page.waitForURL(neutral), page.keyboard.press('Enter')]);
  assert.equal(await page.title(), 'Weather');
  // location.replace: the quiz page is not in the history any more.
  assert.equal(await page.evaluate(() => history.length), historyBefore, 'no new history entry');
  await page.goBack().catch(() => {});
  assert.notEqual(page.url(), first, 'Back does not return to the quiz');
  const check = await page.context().newPage();
  await check.route(first, (r) => r.fulfill({ contentType: 'text/html', body: '<p>empty</p>' }));
  await check.goto(first);
  assert.equal(await check.evaluate((k) => localStorage.getItem(k), KEY), null, 'storage cleared');
  await page.context().close();
});

// Quick exit clears saved progress in the same key handler that leaves the page, so saved
// progress still being there after a key press proves that press did not exit. The page's
// clock is Playwright's, so "more than a second later" needs no waiting.
const saved = (page) => page.evaluate((k) => localStorage.getItem(k) !== null, KEY);

test('Esc twice within a second is Quick exit; once is not', async () => {
  const { page, neutral } = await exitPage('', { before: (p) => p.clock.install() });
  await page.locator('#w1 .remember input').check();
  await page.waitForFunction((k) => localStorage.getItem(k) !== null, KEY);
  await page.locator('#w1 .intro .button.primary').click();
  await page.keyboard.press('Escape');
  await page.clock.fastForward(1200);
  await page.keyboard.press('Escape');
  assert.equal(await saved(page), true, 'two slow presses do nothing');
  await Promise.all([page.waitForURL(neutral), page.keyboard.press('Escape')]);
  await page.context().close();

  // Before the quiz starts, Esc Esc on the host page does nothing while the widget is out of
  // sight (say, the visitor is closing the host page's own dialogs far below it); once its bar
  // with "Esc twice" is on screen, it exits from anywhere, to a publisher-chosen neutral page.
  const custom = env.server.host + '/fixtures/basic.html';
  const other = await openWidget(env, `quick-exit-href="${custom}"`, {
    body: '<div id="article"></div>',
    head: '<style>#article { height: 4000px; }</style>',
  });
  await other.locator('#w1 .remember input').check();
  await other.waitForFunction((k) => localStorage.getItem(k) !== null, KEY);
  // Focus back on the host page, as after closing one of its dialogs, far below the widget.
  await other.evaluate(() => {
    document.activeElement.blur();
    window.scrollTo(0, document.documentElement.scrollHeight);
  });
  await other.waitForFunction(() => document.getElementById('w1').getBoundingClientRect().bottom < 0);
  assert.equal(await other.evaluate(() => document.activeElement === document.body), true);
  await other.keyboard.press('Escape');
  await other.keyboard.press('Escape');
  assert.equal(await saved(other), true, 'Esc twice on the host page, widget out of sight: no exit');
  await other.evaluate(() => window.scrollTo(0, 0));
  await other.waitForFunction(() => document.getElementById('w1').getBoundingClientRect().top >= 0);
  await Promise.all([
    other.waitForURL(custom),
    (async () => {
      await other.keyboard.press('Escape');
      await other.keyboard.press('Escape');
    })(),
  ]);
  await other.context().close();

  // From inside the widget it exits wherever the widget is.
  const inside = await openWidget(env, `quick-exit-href="${custom}"`);
  await inside.locator('#w1 .remember input').check();
  await inside.waitForFunction((k) => localStorage.getItem(k) !== null, KEY);
  await inside.locator('#w1 .help-button').focus();
  await Promise.all([
    inside.waitForURL(custom),
    (async () => {
      await inside.keyboard.press('Escape');
      await inside.keyboard.press('Escape');
    })(),
  ]);
  await inside.context().close();
});

test('agreeing with the safety statement opens the results with a safety panel', async () => {
  const page = await openWidget(env, '', { context: { locale: 'en-US' } });
  await page.locator('#w1 .intro .button.primary').click();
  for (let i = 0; i < SAFETY; i++) {
    await page.locator('#w1 .option').nth(2).click();
    await page.locator('#w1 .nav .button.primary').click();
  }
  assert.equal(await page.locator('#w1 .question-text').textContent(), content.safety.item);
  assert.equal(await page.locator('#w1 .option.skip').count(), 1, 'it can be skipped');
  await page.locator('#w1 .option').nth(3).click(); // Agree
  await page.locator('#w1 .nav .button.primary').click();
  await page.locator('#w1 .option').nth(2).click();
  await page.locator('#w1 .nav .button.primary').click();

  const panel = page.locator('#w1 .safety-panel');
  assert.equal(await panel.count(), 1);
  const order = await page.locator('#w1 .results > *').evaluateAll((els) => els.map((e) => e.className));
  assert.deepEqual(order.slice(0, 2), ['results-title', 'safety-panel'], 'the panel opens the results');
  const first = await panel.locator('.resource').first().textContent();
  assert.match(first, /National Domestic Violence Hotline/);
  assert.equal(await panel.locator('a[href="tel:+18007997233"]').count(), 1);
  assert.equal(await panel.locator('a[href="sms:88788?body=START"]').count(), 1);
  assert.equal(await page.locator('#w1 .area').count(), 0, 'no relationship homework');
  assert.equal(await page.locator('#w1 .tips').count(), 0);
  assert.equal(await page.locator('#w1 .reframe').textContent(), content.safety.reframe);
  assert.equal(await page.locator('#w1 .cta').count(), 0);
  assert.match(await page.locator('#w1 .disclaimer').textContent(), /not a diagnosis/);
  await page.context().close();
});

test('skipping or disagreeing with the safety statement shows the usual results', async () => {
  for (const value of ['skip', 2]) {
    const page = await openWidget(env);
    await completeQuiz(page, answers(value));
    assert.equal(await page.locator('#w1 .safety-panel').count(), 0, `answer ${value}`);
    assert.ok((await page.locator('#w1 .area').count()) > 0);
    await page.context().close();
  }
});

test('"Need help now?" shows the resources of the visitor’s region', async () => {
  // `locale` is the browser's language (navigator.languages), `lang` the page's.
  const cases = [
    // A country's emergency number comes first, in the emergency line, then its services.
    { attrs: '', lang: 'en', locale: 'en-US', tel: ['tel:911', 'tel:+18007997233', 'tel:988'] },
    { attrs: '', lang: 'en', locale: 'en-GB', tel: ['tel:999', 'tel:+448082000247', 'tel:116123'] },
    { attrs: '', lang: 'en-GB', locale: 'en-US', tel: ['tel:911', 'tel:+18007997233', 'tel:988'] },
    { attrs: '', lang: 'en', locale: 'en-AU', tel: ['tel:000', 'tel:1800737732', 'tel:131114'] },
    { attrs: 'region="CA"', lang: 'en-GB', locale: 'en-GB', tel: ['tel:911', 'tel:988'] },
    { attrs: 'region="ES"', lang: 'en', locale: 'en-US', tel: ['tel:112', 'tel:016', 'tel:024'] },
    { attrs: 'region="FR"', lang: 'en', locale: 'en-US', tel: [] },
    { attrs: '', lang: 'es', locale: 'es-ES', tel: ['tel:112', 'tel:016', 'tel:024'], title: ES.safety.help_title },
    { attrs: '', lang: 'es-MX', locale: 'es-MX', tel: ['tel:911'], title: ES.safety.help_title },
    { attrs: '', lang: 'es', locale: 'es', tel: [], title: ES.safety.help_title },
    { attrs: '', lang: 'ar', locale: 'ar', tel: [], title: AR.safety.help_title },
    { attrs: 'region="GB"', lang: 'ar', locale: 'ar', tel: ['tel:999', 'tel:+448082000247', 'tel:116123'], title: AR.safety.help_title },
  ];
  for (const c of cases) {
    const page = await openWidget(env, `sections="faq" ${c.attrs}`, { lang: c.lang, context: { locale: c.locale } });
    const button = page.locator('#w1 .help-button');
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.locator('#w1 .help-panel').isVisible(), false);
    await button.click();
    assert.equal(await button.getAttribute('aria-expanded'), 'true');
    const tels = await page.locator('#w1 .help-panel a[href^="tel:"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(tels, c.tel, `${c.lang} ${c.locale} ${c.attrs}`);
    if (c.title) assert.equal(await page.locator('#w1 .help-panel .title').textContent(), c.title);
    const directory = page.locator('#w1 .help-panel a[href="https://findahelpline.com"]');
    assert.equal(await directory.count(), 1, 'the international directory is always there');
    await page.context().close();
  }
});
