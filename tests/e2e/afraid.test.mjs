// Safe for a visitor who is afraid: what the results show after the safety statement, taking
// turns without it, saved answers that never hold it, Quick exit on every screen and its
// limits, and the words around them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openWidget, completeQuiz, content, audit, focused } from './harness.mjs';

let env;
before(async () => {
  env = await setup();
});
after(() => env.close());

const KEY = 'emotional-intimacy-widget:progress:w1';
const SAFETY = 19; // index of the safety statement
const TOTAL = 21;
// High everywhere: every reverse-keyed statement gets 1, every other 5, so each area scores 100.
const order = [];
for (let item = 0; item < 2; item++) content.dimensions.forEach((d) => order.push(d.items[item]));
order.splice(order.length - 1, 0, null);
const high = (safety) => order.map((item) => (item === null ? safety : item.reverse ? 1 : 5));
const NEUTRAL = 'https://www.google.com/search?q=weather';
const neutralPage = (p) => p.route(NEUTRAL, (r) => r.fulfill({ contentType: 'text/html', body: '<title>Weather</title>' }));

/** The questions shown until the results or the hand-over, answering `value` to each. */
async function answerAll(page, value) {
  await page.locator('#w1 .question').waitFor();
  const shown = [];
  while (await page.locator('#w1 .question').count()) {
    const text = await page.locator('#w1 .question-text').textContent();
    const progress = await page.locator('#w1 .progress-text').textContent();
    shown.push({ text, progress });
    await page.locator('#w1 .option').nth(value - 1).click();
    await page.locator('#w1 .nav .button.primary').click();
    // The screen has moved on: another question's number, or no question at all.
    await page.waitForFunction((before) => {
      const now = document.getElementById('w1').shadowRoot.querySelector('.progress-text');
      return !now || now.textContent !== before;
    }, progress);
  }
  return shown;
}

test('a high scorer who agrees with the safety statement is not graded, praised or compared', async () => {
  // A browser in the United States: the safety panel lists its call and text buttons.
  const page = await openWidget(env, 'cta-href="#book" share-score', { context: { locale: 'en-US' } });
  await completeQuiz(page, high(5));
  const results = page.locator('#w1 .results');
  assert.equal(await results.locator('.results-title').textContent(), content.safety.title);
  assert.equal((await focused(page)).text, content.safety.title, 'the safety heading is announced first');
  for (const [selector, what] of [
    ['.band', 'band sentence'], ['.headline', 'summary'], ['.strengths', 'strengths'], ['.tips', 'tips'],
    ['.compare', 'comparing'], ['.comparison', 'comparison'], ['.cta', 'call to action'],
  ]) {
    assert.equal(await results.locator(selector).count(), 0, `no ${what}`);
  }
  for (const text of [content.bands.strength.sentence, content.bands.strength.summary, content.ui.print, content.ui.strengths_title]) {
    assert.ok(!(await results.textContent()).includes(text), `not shown: ${text}`);
  }
  // The call and text buttons are there, large; the scores wait behind a closed disclosure.
  const call = results.locator('.safety-panel a[href^="tel:"]').first();
  assert.ok((await call.boundingBox()).height >= 48);
  const disclosure = results.locator('[aria-controls=eiw-scores]');
  assert.equal(await disclosure.textContent(), content.safety.see_scores);
  assert.equal(await disclosure.getAttribute('aria-expanded'), 'false');
  assert.equal(await results.locator('.chart').isVisible(), false, 'closed');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await results.locator('.chart').isVisible(), false, 'not on paper either');
  await page.emulateMedia({ media: 'screen' });
  await disclosure.click();
  await results.locator('#eiw-scores .chart').waitFor();
  // The safety heading outranks everything below it, the scores included.
  const sizes = await results.evaluate((el) => {
    const size = (e) => parseFloat(getComputedStyle(e).fontSize);
    const title = el.querySelector('.results-title');
    const others = [...el.querySelectorAll('*')].filter((e) => e !== title && e.textContent.trim() && !e.closest('.visually-hidden'));
    return { title: size(title), largest: Math.max(...others.map(size)) };
  });
  assert.ok(sizes.title > sizes.largest, JSON.stringify(sizes));
  // ei-complete carries nothing more than for anyone else, and no comparison event.
  assert.equal((await page.evaluate(() => window.__events.filter((e) => e.type === 'ei-compare'))).length, 0);
  await page.context().close();
});

test('answering "Neither" or skipping the safety statement adds one gentle line, not the panel', async () => {
  for (const value of [3, 'skip']) {
    const page = await openWidget(env);
    const answers = high(5);
    answers[SAFETY] = value;
    await completeQuiz(page, answers);
    assert.equal(await page.locator('#w1 .unsure-note').textContent(), content.safety.unsure);
    assert.equal(await page.locator('#w1 .safety-panel').count(), 0);
    assert.equal(await page.locator('#w1 .results-title').textContent(), content.ui.results_title);
    await page.context().close();
  }
  const page = await openWidget(env);
  await completeQuiz(page, high(1));
  assert.equal(await page.locator('#w1 .unsure-note').count(), 0, 'not after disagreeing');
  await page.context().close();
});

test('taking turns on one device never shows the safety statement, to either partner', async () => {
  const page = await openWidget(env);
  const intro = page.locator('#w1 .intro [aria-controls=eiw-together]');
  await intro.click();
  assert.match(await page.locator('#w1 #eiw-together .hint').textContent(), /alone/);
  await page.locator('#w1 #eiw-together .button', { hasText: content.compare.turns }).click();
  const first = await answerAll(page, 4);
  await page.locator('#w1 .handover').waitFor();
  await page.locator('#w1 .handover .button').click();
  const second = await answerAll(page, 2);
  await page.locator('#w1 .comparison').waitFor();
  for (const shown of [first, second]) {
    assert.equal(shown.length, TOTAL - 1);
    assert.ok(!shown.some((q) => q.text === content.safety.item), 'never asked');
    assert.equal(shown.at(-1).progress, `Statement ${TOTAL - 1} of ${TOTAL - 1}`);
  }
  // "Need help now?" is there on every screen, turns included.
  assert.equal(await page.locator('#w1 .bar .help-button').count(), 1);
  await page.context().close();
});

test('saved progress never holds the safety answer; a resumed quiz asks it again', async () => {
  for (const safety of [5, 1]) {
    const page = await openWidget(env);
    await page.locator('#w1 .remember input').check();
    await completeQuiz(page, high(safety));
    const stored = await page.evaluate((k) => localStorage.getItem(k), KEY);
    const answers = stored.split('|')[2];
    assert.equal(answers.length, TOTAL);
    assert.equal(answers[SAFETY], 's', `the same whatever was answered (${safety}): ${stored}`);
    await page.reload();
    await page.waitForFunction(() => window.__events.some((e) => e.type === 'ei-ready'));
    // Not reopened on it (afraid-review.test.mjs), but asked again before the results.
    assert.notEqual(await page.locator('#w1 .question-text').textContent(), content.safety.item);
    await page.locator('#w1 .nav .button.primary').click();
    await page.waitForFunction((t) => document.getElementById('w1').shadowRoot.querySelector('.question-text')?.textContent === t, content.safety.item);
    assert.equal(await page.locator('#w1 .option.checked').count(), 0, 'asked again');
    await page.context().close();
  }
  // The Remember option warns about shared devices.
  const page = await openWidget(env);
  assert.match(await page.locator('#w1 .remember .hint').textContent(), /no one else uses/);
  await page.context().close();
});

test('Quick exit and Forget erase every widget’s saved progress on the origin', async () => {
  const seed = (p) =>
    p.addInitScript(() => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('emotional-intimacy-widget:progress:elsewhere', 'v1|q1|4--------------------');
      localStorage.setItem('emotional-intimacy-widget:progress#2', 'v1|q1|4--------------------');
      localStorage.setItem('emotional-intimacy-widget:progress', 'v1|q1|4--------------------');
      localStorage.setItem('host-page-setting', 'kept');
    });
  // Quick exit on this page's widget erases what another page's and an unnamed widget wrote.
  const page = await openWidget(env, '', { before: async (p) => { await seed(p); await neutralPage(p); } });
  await page.locator('#w1 .remember input').check();
  await page.waitForFunction((k) => localStorage.getItem(k) !== null, KEY);
  const origin = page.url();
  await Promise.all([page.waitForURL(NEUTRAL), page.locator('#w1 .quick-exit').click()]);
  const check = await page.context().newPage();
  await check.route(origin, (r) => r.fulfill({ contentType: 'text/html', body: '<p>empty</p>' }));
  await check.goto(origin);
  assert.deepEqual(await check.evaluate(() => Object.keys(localStorage)), ['host-page-setting']);
  await page.context().close();

  // Two widgets on one page: Forget in one erases the other's.
  const two = await openWidget(env, '', {
    body: '<emotional-intimacy-widget id="w2" shadow="open"></emotional-intimacy-widget>',
    ready: 2,
  });
  for (const id of ['w1', 'w2']) {
    await two.locator(`#${id} .remember input`).check();
    await two.waitForFunction((k) => localStorage.getItem(k) !== null, `emotional-intimacy-widget:progress:${id}`);
  }
  await two.locator('#w1 .remember .button').click();
  await two.waitForFunction(() => localStorage.length === 0);
  await two.context().close();
});

test('saved progress that no longer reads is deleted when the widget loads', async () => {
  const page = await openWidget(env, '', {
    before: (p) => p.addInitScript((k) => localStorage.getItem(k) || localStorage.setItem(k, 'v1|q3|52s'), KEY),
  });
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), null);
  assert.equal(await page.locator('#w1 .intro').count(), 1);
  await page.context().close();
});

test('a partner’s code typed with thin spaces survives a reload', async () => {
  const anna = await openWidget(env);
  await completeQuiz(anna, high(1));
  await anna.locator('#w1 .compare .button').first().click();
  const code = await anna.locator('#w1 #eiw-code').inputValue();
  await anna.context().close();
  const page = await openWidget(env);
  await page.locator('#w1 .remember input').check();
  await page.locator('#w1 .intro [aria-controls=eiw-together]').click();
  await page.locator('#w1 [aria-controls=eiw-partner-form]').click();
  await page.locator('#w1 #eiw-partner-input').fill(' ' + code.toLowerCase().replaceAll('-', '\u2009-\u2009') + ' ');
  await page.locator('#w1 #eiw-partner-form .button').click();
  await page.locator('#w1 .intro .notice').waitFor();
  await page.waitForFunction((k) => (localStorage.getItem(k) || '').includes('|p'), KEY);
  assert.equal((await page.evaluate((k) => localStorage.getItem(k), KEY)).split('|p')[1], code, 'stored as the canonical code');
  await page.reload();
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'ei-ready'));
  // Resumed (the intro is remembered as the first question), with the partner's code.
  await page.locator('#w1 .question').waitFor();
  assert.equal((await page.evaluate((k) => localStorage.getItem(k), KEY)).split('|p')[1], code);
  await page.locator('#w1 .nav .button:not(.primary)').click();
  await page.locator('#w1 .intro .notice').waitFor();
  await page.context().close();
});

test('sections="faq" has Quick exit, by button and by Esc twice', async () => {
  const page = await openWidget(env, 'sections="faq"', { before: neutralPage });
  assert.equal(await page.locator('#w1 .quiz').count(), 0);
  const exit = page.locator('#w1 .bar .quick-exit');
  assert.equal(await exit.textContent(), content.ui.quick_exit);
  await page.locator('#w1 .faq-button').first().focus();
  await page.keyboard.press('Escape');
  await Promise.all([page.waitForURL(NEUTRAL), page.keyboard.press('Escape')]);
  await page.context().close();
});

test('after one Esc, screen readers hear what a second one does', async () => {
  const page = await openWidget(env);
  await page.locator('#w1 .intro .button.primary').click();
  const live = page.locator('#w1 .bar [aria-live]');
  assert.equal(await live.textContent(), '');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.getElementById('w1').shadowRoot.querySelector('.bar [aria-live]').textContent !== '');
  assert.equal((await live.textContent()).trim(), content.safety.exit_armed);
  await page.context().close();
});

test('Quick exit covers the screen at once, while the next page has not answered', async () => {
  // The neutral page never answers. The cover is measured in the same task as the click
  // that starts the navigation: Playwright cannot evaluate in a page whose navigation is
  // pending, and the page stays as it is then for as long as the navigation hangs.
  const page = await openWidget(env, '', { before: (p) => p.route(NEUTRAL, () => {}) });
  await page.locator('#w1 .intro .button.primary').click();
  const covered = await page.locator('#w1 .quick-exit').evaluate((button) => {
    button.click();
    const cover = document.querySelector('[data-eiw-exit]');
    if (!cover) return null;
    const r = cover.getBoundingClientRect();
    const points = [[1, 1], [innerWidth / 2, innerHeight / 2], [innerWidth - 2, innerHeight - 2]];
    return {
      box: [r.left, r.top, r.width, r.height],
      viewport: [innerWidth, innerHeight],
      top: points.every(([x, y]) => document.elementFromPoint(x, y) === cover),
      background: getComputedStyle(cover).backgroundColor,
    };
  });
  assert.ok(covered, 'the cover is there before the navigation starts');
  assert.deepEqual(covered.box, [0, 0, ...covered.viewport]);
  assert.equal(covered.top, true, 'nothing of the page shows through');
  assert.equal(covered.background, 'rgb(255, 255, 255)');
  await page.context().close();
});

test('on a dark page, the Quick exit cover is the page’s own dark colour, not a white flash', async () => {
  const page = await openWidget(env, '', {
    head: '<style>html, body { background: #121418; }</style>',
    before: (p) => p.route(NEUTRAL, () => {}),
  });
  const background = await page.locator('#w1 .quick-exit').evaluate((button) => {
    button.click();
    const cover = document.querySelector('[data-eiw-exit]');
    return cover ? getComputedStyle(cover).backgroundColor : null;
  });
  assert.equal(background, 'rgb(18, 20, 24)');
  await page.context().close();
});

for (const [lang, locale, width] of [['en', 'en-US', 375], ['es', 'es-MX', 375], ['ar', 'ar', 320]]) {
  test(`on a ${width} × 800 phone in ${lang}, Quick exit stays in view and clear of every question, through the results`, async () => {
    // Host text above and below the widget, so that every step scrolls.
    const page = await openWidget(env, 'cta-href="#book"', {
      lang,
      context: { viewport: { width, height: 800 }, hasTouch: true, isMobile: true, locale },
      body: `<p style="height:1200px">Host text after the widget.</p>`,
      head: '<meta name="viewport" content="width=device-width, initial-scale=1"><style>body { padding-top: 900px; }</style>',
    });
    const inView = () =>
      page.evaluate(() => {
        const root = document.getElementById('w1').shadowRoot;
        const exit = root.querySelector('.quick-exit');
        const r = exit.getBoundingClientRect();
        const x = r.left + r.width / 2;
        const y = r.top + r.height / 2;
        // Hit-test through the shadow root: nothing of the widget covers it.
        const hit = root.elementFromPoint(x, y);
        // The bar (Quick exit, "Need help now?") stays one row, and the statement is below
        // it, not under it.
        const bar = root.querySelector('.bar').getBoundingClientRect();
        const help = root.querySelector('.help-button').getBoundingClientRect();
        const first = root.querySelector('.question-text');
        const top = first ? first.getBoundingClientRect().top : Infinity;
        return {
          exit: r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth && hit === exit,
          oneRow: help.bottom > r.top && help.top < r.bottom,
          clear: top >= bar.bottom - 0.5 || !first,
          numbers: `bar ${bar.top}–${bar.bottom}, first line at ${top}`,
        };
      });
    const check = async (where, step = true) => {
      const seen = await inView();
      assert.equal(seen.exit, true, `${where}: Quick exit in view`);
      assert.equal(seen.oneRow, true, `${where}: the bar is one row`);
      if (step) assert.equal(seen.clear, true, `${where}: the step is clear of the bar (${seen.numbers})`);
    };
    await page.locator('#w1 .intro .button.primary').click();
    for (let i = 0; i < TOTAL; i++) {
      // The step has changed, and focus (which scrolls it into view) is on its statement.
      await page.locator(`#w1 [role="progressbar"][aria-valuenow="${i + 1}"]`).waitFor();
      await page.waitForFunction(() => document.getElementById('w1').shadowRoot.activeElement?.classList.contains('question-text'));
      await check(`question ${i + 1}`);
      await page.locator('#w1 .option').nth(3).click();
      await check(`question ${i + 1}, answered`, false);
      await page.locator('#w1 .nav .button.primary').click();
    }
    await page.locator('#w1 .results').waitFor();
    await check('results', false);
    // From the widget's top to the results' end: the bar sticks while the widget is on screen.
    const [start, end] = await page.locator('#w1 .results').evaluate((el) => [
      document.getElementById('w1').getBoundingClientRect().top + scrollY,
      el.getBoundingClientRect().bottom + scrollY,
    ]);
    for (let y = start; y < end; y += 300) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      await check(`results scrolled to ${y}`, false);
    }
    await page.context().close();
  });
}

test('privacy sentences say what is true in this configuration', async () => {
  const shared = await openWidget(env, 'share-score');
  assert.equal(await shared.locator('#w1 .intro .privacy').textContent(), content.ui.privacy_shared);
  await shared.context().close();
  const plain = await openWidget(env);
  assert.equal(await plain.locator('#w1 .intro .privacy').textContent(), content.ui.privacy);
  // The FAQ's answer holds for a visitor who ticked Remember as well.
  const answer = content.faq.find((e) => e.slug === 'where-do-my-answers-go').answer.join(' ');
  assert.match(answer, /Remember my progress/);
  assert.match(answer, /Forget my answers/);
  await plain.context().close();
});

test('the FAQ answers whether couples counselling fits when one partner is afraid', async () => {
  const page = await openWidget(env, 'sections="faq"');
  const entry = content.faq.find((e) => e.slug === 'counselling-when-afraid');
  assert.ok(entry, 'the entry exists');
  await page.locator('#w1 #faq-button-counselling-when-afraid').click();
  await page.locator('#w1 #faq-panel-counselling-when-afraid').getByText(entry.answer[1].slice(0, 40)).waitFor();
  await page.context().close();
});

test('links to the publisher and from the FAQ send no referrer', async () => {
  const page = await openWidget(env, 'cta-href="https://example.org/book"', {
    childHtml: `<script type="application/json">${JSON.stringify({
      faq_merge: 'append',
      faq: [{ slug: 'fees', question: 'What does it cost?', answer: ['See [our prices](https://example.org/prices).'] }],
    })}</script>`,
  });
  await completeQuiz(page, high(1));
  assert.equal(await page.locator('#w1 .cta a').getAttribute('rel'), 'noreferrer');
  await page.locator('#w1 #faq-button-fees').click();
  assert.equal(await page.locator('#w1 #faq-panel-fees a').getAttribute('rel'), 'noreferrer');
  await page.context().close();
});

test('axe finds nothing on the new screens, light and dark, English and Arabic', async () => {
  const found = [];
  for (const lang of ['en', 'ar']) {
    for (const scheme of ['light', 'dark']) {
      // A page that lets the device choose, so a dark device means a dark page and widget.
      const head = '<meta name="color-scheme" content="light dark">';
      const page = await openWidget(env, `lang="${lang}"`, { head, context: { colorScheme: scheme } });
      await page.locator('#w1 .help-button').click();
      await page.locator('#w1 .exit-note').waitFor();
      found.push(...(await audit(page, `${lang} ${scheme}: help panel`)));
      await page.locator('#w1 .help-button').click();
      await completeQuiz(page, high(5));
      await page.locator('#w1 [aria-controls=eiw-scores]').click();
      await page.locator('#w1 #eiw-scores .chart').waitFor();
      found.push(...(await audit(page, `${lang} ${scheme}: safety-first results, scores open`)));
      await page.locator('#w1 .results .actions .button').last().click();
      const answers = high(5);
      answers[SAFETY] = 3;
      await completeQuiz(page, answers);
      found.push(...(await audit(page, `${lang} ${scheme}: results with the gentle line`)));
      await page.context().close();
    }
  }
  assert.deepEqual(found, []);
});
