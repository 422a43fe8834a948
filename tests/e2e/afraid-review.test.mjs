// What the independent review of issue 20 found, playing a visitor who is afraid of their
// partner, each fixed and held here: "Need help now?" after scrolling, what taking turns
// shows, a comparison that never gives the safety answer away, resuming and forgetting,
// what the site receives, plain scores, emergency numbers, and Quick exit's small print.
// Every wait is for a state or an event, never for time.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setup, openWidget, completeQuiz, events, content, audit, focused } from './harness.mjs';

const es = JSON.parse(readFileSync(new URL('../../content/es.json', import.meta.url), 'utf8'));

let env;
before(async () => {
  env = await setup();
});
after(() => env.close());

const KEY = 'emotional-intimacy-widget:progress:w1';
const SAFETY = 19; // index of the safety statement
const TOTAL = 21;
const order = [];
for (let item = 0; item < 2; item++) content.dimensions.forEach((d) => order.push(d.items[item]));
order.splice(order.length - 1, 0, null);
// High everywhere (every area 100), with the safety statement answered `safety`.
const high = (safety) => order.map((item) => (item === null ? safety : item.reverse ? 1 : 5));
const NEUTRAL = 'https://www.google.com/search?q=weather';
const PHONE = { viewport: { width: 375, height: 800 }, hasTouch: true, isMobile: true };
const PHONE_HEAD = '<meta name="viewport" content="width=device-width, initial-scale=1">';
const shadow = (page, selector) =>
  page.evaluate((s) => document.getElementById('w1').shadowRoot.querySelector(s)?.textContent ?? null, selector);

async function partnerCode() {
  const anna = await openWidget(env);
  await completeQuiz(anna, high(1));
  await anna.locator('#w1 .compare .button').first().click();
  const code = await anna.locator('#w1 #eiw-code').inputValue();
  await anna.context().close();
  return code;
}

async function enterCode(page, code) {
  await page.locator('#w1 .intro [aria-controls=eiw-together]').click();
  await page.locator('#w1 [aria-controls=eiw-partner-form]').click();
  await page.locator('#w1 #eiw-partner-input').fill(code);
  await page.locator('#w1 #eiw-partner-form .button').click();
  await page.locator('#w1 .intro .notice').waitFor();
}

test('1. "Need help now?" after scrolling brings its panel into view and focuses it', async () => {
  const found = [];
  for (const lang of ['en', 'ar']) {
    const page = await openWidget(env, `lang="${lang}"`, {
      context: PHONE,
      head: PHONE_HEAD,
      body: '<p style="height:1600px">Host text after the widget.</p>',
    });
    await completeQuiz(page, high(1));
    // Far down the results: the sticky bar is on screen, the top of the widget is not.
    const end = await page.locator('#w1 .results .disclaimer').evaluate((el) => el.getBoundingClientRect().top + scrollY);
    await page.evaluate((y) => window.scrollTo(0, y - 200), end);
    await page.waitForFunction(() => document.getElementById('w1').shadowRoot.querySelector('#eiw-title').getBoundingClientRect().bottom < 0);
    await page.locator('#w1 .help-button').click();
    await page.waitForFunction(() => {
      const root = document.getElementById('w1').shadowRoot;
      return root.activeElement && root.activeElement.matches('.help-panel h2');
    });
    const seen = await page.evaluate(() => {
      const root = document.getElementById('w1').shadowRoot;
      const title = root.querySelector('.help-panel h2').getBoundingClientRect();
      const bar = root.querySelector('.bar').getBoundingClientRect();
      const x = title.left + Math.min(20, title.width / 2);
      const y = title.top + title.height / 2;
      return { top: title.top, bottom: title.bottom, barBottom: bar.bottom, height: innerHeight, hit: root.elementFromPoint(x, y)?.closest('h2') !== null };
    });
    assert.ok(seen.top >= seen.barBottom - 1, `below the bar, not under it: ${JSON.stringify(seen)}`);
    assert.ok(seen.bottom <= seen.height, `in the viewport: ${JSON.stringify(seen)}`);
    assert.equal(seen.hit, true, 'nothing covers it');
    assert.equal((await focused(page)).text, lang === 'en' ? content.safety.help_title : (await shadow(page, '.help-panel h2')));
    found.push(...(await audit(page, `${lang}: help panel opened after scrolling, phone`)));
    await page.context().close();
  }
  assert.deepEqual(found, []);
});

test('2. taking turns says plainly, before it starts, that both partners see both sets of scores', async () => {
  assert.match(content.compare.turns_note, /takes the quiz alone/);
  // Before anyone starts: at the end each partner sees the other's area scores.
  assert.match(content.compare.turns_note, /both sets of area scores/);
  // And what they never see, as the pair code's note says too.
  assert.match(content.compare.turns_note, /never see each other’s answers/);
  // Said with both beside the screen, a word about fear would tell one partner what the quiz
  // asks when taken alone (third review).
  assert.doesNotMatch(content.compare.turns_note, /afraid|fear/);
  const page = await openWidget(env);
  await page.locator('#w1 .intro [aria-controls=eiw-together]').click();
  const turns = page.locator('#w1 #eiw-together .button', { hasText: content.compare.turns });
  const note = page.locator('#w1 #eiw-together .hint').first();
  assert.equal(await note.textContent(), content.compare.turns_note);
  // Said next to the button, before anyone starts.
  assert.ok((await note.boundingBox()).y > (await turns.boundingBox()).y);
  await page.context().close();
  // And on the results, where taking turns is offered again.
  const results = await openWidget(env);
  await completeQuiz(results, high(1));
  assert.equal(await results.locator('#w1 .compare .hint', { hasText: content.compare.turns_note }).count(), 1);
  await results.context().close();
});

test('3. after a partner’s code, the comparison never gives the safety answer away', async () => {
  const code = await partnerCode();
  const outcomes = {};
  for (const safety of [1, 5]) {
    const page = await openWidget(env);
    await enterCode(page, code);
    await completeQuiz(page, high(safety));
    await page.waitForFunction(() => window.__events.some((e) => e.type === 'ei-compare'));
    outcomes[safety] = {
      compare: (await events(page, 'ei-compare')).map((e) => e.detail),
      complete: (await events(page, 'ei-complete')).map((e) => e.detail),
    };
    if (safety === 5) {
      // Safety first, and the comparison is there, closed with the scores, as plain numbers.
      await page.locator('#w1 .safety-panel').waitFor();
      const disclosure = page.locator('#w1 [aria-controls=eiw-scores]');
      assert.equal(await disclosure.textContent(), content.safety.see_scores);
      assert.equal(await page.locator('#w1 .comparison-plain').isVisible(), false, 'closed');
      await disclosure.click();
      const plain = page.locator('#w1 #eiw-scores .comparison-plain');
      await plain.waitFor();
      assert.equal(await plain.locator('h4').textContent(), content.compare.title);
      assert.equal(await plain.locator('.compare-row').count(), content.dimensions.length);
      const sentence = await plain.locator('.compare-row .visually-hidden').first().textContent();
      const row = content.compare.chart_row.replace('{name}', content.dimensions[0].name).replace('{you}', '100').replace('{partner}', '\\d+');
      assert.match(sentence, new RegExp(`^${row}$`));
      // Nothing that coaches the couple: no gaps, no questions to ask each other.
      for (const selector of ['.starters', '.gap', '.closest', '.comparison:not(.comparison-plain)', '.compare']) {
        assert.equal(await page.locator(`#w1 .results ${selector}`).count(), 0, selector);
      }
      const found = await audit(page, 'safety-first results with a plain comparison open');
      assert.deepEqual(found, []);
    } else {
      await page.locator('#w1 .results .comparison').waitFor();
    }
    await page.context().close();
  }
  // The host page hears the same in both cases: it cannot tell either.
  assert.deepEqual(outcomes[5], outcomes[1]);
});

test('4. a resumed quiz never reopens on the safety statement; Forget is on every question', async () => {
  const page = await openWidget(env);
  await page.locator('#w1 .remember input').check();
  await completeQuiz(page, high(5));
  await page.waitForFunction((k) => (localStorage.getItem(k) || '').includes('|r|'), KEY);
  await page.reload();
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'ei-ready'));
  // Welcome back, on the question before the safety statement, with its answer.
  assert.equal(await page.locator('#w1 .notice').textContent(), content.ui.resumed);
  const first = await page.locator('#w1 .question-text').textContent();
  assert.notEqual(first, content.safety.item, 'not opened on the safety statement');
  assert.equal(await page.locator('#w1 .progress-text').textContent(), `Statement ${SAFETY} of ${TOTAL}`);
  assert.equal(await page.locator('#w1 .option.checked').count(), 1);
  // Forget is one tap away mid-quiz, and the note says Quick exit erases too.
  const forget = page.locator('#w1 .remember .button', { hasText: content.ui.forget });
  assert.equal(await forget.count(), 1);
  const hint = await page.locator('#w1 .remember .hint').textContent();
  assert.equal(hint, content.ui.remember_hint);
  assert.ok(hint.includes(`“${content.ui.forget}”`) && hint.includes(`“${content.ui.quick_exit}”`), hint);
  const found = await audit(page, 'resumed question with Forget');
  assert.deepEqual(found, []);
  // The statement is asked once more, in its place, then the last question (kept), then
  // the results.
  await page.locator('#w1 .nav .button.primary').click();
  await page.waitForFunction((t) => document.getElementById('w1').shadowRoot.querySelector('.question-text')?.textContent === t, content.safety.item);
  assert.equal(await page.locator('#w1 .option.checked').count(), 0, 'unanswered');
  await page.locator('#w1 .option').nth(4).click();
  await page.locator('#w1 .nav .button.primary').click();
  await page.waitForFunction((t) => document.getElementById('w1').shadowRoot.querySelector('.progress-text')?.textContent === t, `Statement ${TOTAL} of ${TOTAL}`);
  assert.equal(await page.locator('#w1 .option.checked').count(), 1, 'its answer kept');
  await page.locator('#w1 .nav .button.primary').click();
  await page.locator('#w1 .results.safety-first').waitFor();
  await page.context().close();

  // Without Remember, nothing about saving under the questions.
  const off = await openWidget(env);
  await off.locator('#w1 .intro .button.primary').click();
  await off.locator('#w1 .question').waitFor();
  assert.equal(await off.locator('#w1 .remember').count(), 0);
  await off.context().close();

  // Saved on the statement itself: resumed on the question before it.
  const mid = await openWidget(env);
  await mid.locator('#w1 .remember input').check();
  await mid.locator('#w1 .intro .button.primary').click();
  for (let i = 0; i < SAFETY; i++) {
    await mid.locator('#w1 .option').nth(2).click();
    await mid.locator('#w1 .nav .button.primary').click();
  }
  await mid.waitForFunction((t) => document.getElementById('w1').shadowRoot.querySelector('.question-text')?.textContent === t, content.safety.item);
  await mid.waitForFunction((k) => (localStorage.getItem(k) || '').includes(`|q${19}|`), KEY);
  await mid.reload();
  await mid.waitForFunction(() => window.__events.some((e) => e.type === 'ei-ready'));
  assert.notEqual(await mid.locator('#w1 .question-text').textContent(), content.safety.item);
  assert.equal(await mid.locator('#w1 .progress-text').textContent(), `Statement ${SAFETY} of ${TOTAL}`);
  // Forget mid-quiz erases what was saved and starts over.
  await mid.locator('#w1 .remember .button', { hasText: content.ui.forget }).click();
  await mid.locator('#w1 .intro').waitFor();
  await mid.waitForFunction(() => localStorage.length === 0);
  await mid.context().close();

  // The help panel says Quick exit erases saved answers, and what it cannot erase.
  assert.match(content.safety.exit_note, /erases the answers this quiz saved in your browser/);
  assert.match(content.safety.exit_note, /cannot delete a results file/);
  assert.doesNotMatch(content.safety.exit_note, /phone/, 'calls and texts are said before the links (safety.traces)');
  const help = await openWidget(env);
  await help.locator('#w1 .help-button').click();
  assert.equal(await help.locator('#w1 .exit-note').textContent(), content.safety.exit_note);
  await help.context().close();
});

test('5. what the site receives is what the privacy texts say, in every configuration', async () => {
  const shared = await openWidget(env, 'share-score');
  assert.equal(await shared.locator('#w1 .intro .privacy').textContent(), content.ui.privacy_shared);
  // It names all three things the site receives, and what it never does.
  for (const sent of [/overall score/, /the label that goes with it/, /each of the ten areas/, /never your answers/]) {
    assert.match(content.ui.privacy_shared, sent);
  }
  await completeQuiz(shared, high(1));
  const detail = (await events(shared, 'ei-complete'))[0].detail;
  assert.deepEqual(Object.keys(detail).sort(), ['band', 'dimensions', 'score'], 'exactly what the sentence names');
  assert.equal(Object.keys(detail.dimensions).length, 10);
  // The FAQ's answer holds here too: answers are never sent; the site gets scores.
  await shared.locator('#w1 #faq-button-where-do-my-answers-go').click();
  const answer = await shared.locator('#w1 #faq-panel-where-do-my-answers-go').textContent();
  assert.ok(!/^\s*Nowhere/.test(answer), answer);
  assert.match(answer, /does not send your answers to this website or to anyone else/);
  assert.match(answer, /receive your scores when you finish. If this one does, the start screen says so. It never receives your answers/);
  await shared.context().close();

  // Without share-score: "This quiz sends nothing anywhere", and ei-complete carries nothing scored.
  const plain = await openWidget(env);
  assert.equal(await plain.locator('#w1 .intro .privacy').textContent(), content.ui.privacy);
  await completeQuiz(plain, high(1));
  assert.deepEqual((await events(plain, 'ei-complete')).map((e) => e.detail), [{}]);
  await plain.context().close();
});

test('6. "Show my scores" shows plain numbers: no band words, one neutral colour', async () => {
  const page = await openWidget(env);
  const answers = high(5);
  answers[0] = 1; // one area lower, so bands would differ
  await completeQuiz(page, answers);
  await page.locator('#w1 [aria-controls=eiw-scores]').click();
  const chart = page.locator('#w1 #eiw-scores .chart');
  await chart.waitFor();
  const rows = chart.locator('.chart-row');
  assert.equal(await rows.count(), 10);
  const visible = (await chart.locator('.chart-value').allTextContents()).join(' ');
  const spoken = (await chart.locator('.visually-hidden').allTextContents()).join(' ');
  for (const band of Object.values(content.bands)) {
    assert.ok(!visible.includes(band.label), `no "${band.label}" on screen: ${visible}`);
    assert.ok(!spoken.includes(band.label), `nor read out: ${spoken}`);
  }
  assert.equal(
    await chart.locator('.visually-hidden').nth(1).textContent(),
    content.ui.chart_row_plain.replace('{name}', content.dimensions[1].name).replace('{score}', '100'),
  );
  const colours = await rows.evaluateAll((els) => els.map((el) => getComputedStyle(el.querySelector('.fill')).fill));
  assert.equal(new Set(colours).size, 1, `one colour: ${colours}`);
  await page.context().close();
  // The usual results keep their bands and colours.
  const usual = await openWidget(env);
  await completeQuiz(usual, answers.map((a, i) => (i === SAFETY ? 1 : a)));
  await usual.locator('#w1 [aria-controls=eiw-all-scores]').click();
  const labels = (await usual.locator('#w1 #eiw-all-scores .chart-value').allTextContents()).join(' ');
  assert.ok(labels.includes(content.bands.strength.label));
  await usual.context().close();
});

test('7. helplines: Canada lists family-violence help; the emergency number is named where known', async () => {
  const found = [];
  // Canada: where to get help with family violence, first, then 988; 9-1-1 named.
  const ca = await openWidget(env, '', { context: { locale: 'en-CA' } });
  await ca.locator('#w1 .help-button').click();
  const panel = ca.locator('#w1 .help-panel');
  await panel.locator('.emergency').waitFor();
  const violence = panel.locator('.kind-violence');
  assert.equal(await violence.locator('a[href*="justice.gc.ca"]').count(), 1);
  assert.equal(await panel.locator('.resource-country').textContent(), 'Canada');
  assert.equal(
    await panel.locator('.emergency').textContent(),
    `${content.safety.emergency_in.replace('{country}', 'Canada')} ${content.safety.call.replace('{number}', '9-1-1')}`,
  );
  assert.equal(await panel.locator('.emergency a').getAttribute('href'), 'tel:911');
  found.push(...(await audit(ca, 'en-CA help panel')));
  await ca.context().close();

  // Mexico: the directory first, with Mexico's 911 beside it.
  const mx = await openWidget(env, '', { lang: 'es', context: { locale: 'es-MX' } });
  await mx.locator('#w1 .help-button').click();
  const mxPanel = mx.locator('#w1 .help-panel');
  await mxPanel.locator('.resources.directory-first').waitFor();
  assert.equal(
    await mxPanel.locator('.emergency').textContent(),
    `${es.safety.emergency_in.replace('{country}', 'México')} ${es.safety.call.replace('{number}', '911')}`,
  );
  assert.equal(await mxPanel.locator('.emergency a').getAttribute('href'), 'tel:911');
  found.push(...(await audit(mx, 'es-MX help panel')));
  await mx.context().close();

  // No country known: the general line, as before.
  const none = await openWidget(env, '', { lang: 'ar', context: { locale: 'ar' } });
  await none.locator('#w1 .help-button').click();
  await none.locator('#w1 .help-panel .emergency').waitFor();
  assert.equal(await none.locator('#w1 .help-panel .emergency a').count(), 0);
  await none.context().close();
  assert.deepEqual(found, []);
});

test('8a. the Esc hint is for keyboards: a phone gets the button alone', async () => {
  const phone = await openWidget(env, '', { context: PHONE, head: PHONE_HEAD });
  assert.equal(await phone.locator('#w1 .intro .keys-hint').isVisible(), false);
  assert.equal(await phone.locator('#w1 .intro .touch-hint').isVisible(), true);
  assert.equal(await phone.locator('#w1 .intro .touch-hint').textContent(), content.ui.quick_exit_hint_touch);
  assert.ok(!content.ui.quick_exit_hint_touch.includes('Esc'));
  const found = await audit(phone, 'intro on a phone');
  assert.deepEqual(found, []);
  await phone.context().close();
  const desk = await openWidget(env);
  assert.equal(await desk.locator('#w1 .intro .keys-hint').isVisible(), true);
  assert.equal(await desk.locator('#w1 .intro .keys-hint').textContent(), content.ui.quick_exit_hint);
  assert.equal(await desk.locator('#w1 .intro .touch-hint').isVisible(), false);
  await desk.context().close();
});

test('8b. the announcement after one Esc is cleared once a second Esc would no longer count', async () => {
  const page = await openWidget(env);
  await page.locator('#w1 .intro .button.primary').click();
  const live = () => shadow(page, '.bar [aria-live]');
  for (let round = 0; round < 2; round++) {
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.getElementById('w1').shadowRoot.querySelector('.bar [aria-live]').textContent !== '');
    assert.equal((await live()).trim(), content.safety.exit_armed);
    // Cleared when it expires: waited for as a state, however long the machine takes.
    await page.waitForFunction(() => document.getElementById('w1').shadowRoot.querySelector('.bar [aria-live]').textContent === '');
  }
  // Still on the page: two presses far apart are not Quick exit.
  assert.equal(await page.locator('#w1 .question').count(), 1);
  await page.context().close();
});

test('8c. under the Quick exit cover, the tab title no longer names the page', async () => {
  // The neutral page never answers; the title is read in the same task as the click.
  const page = await openWidget(env, '', {
    head: '<title>Are you afraid of your partner? Relationship help</title>',
    before: (p) => p.route(NEUTRAL, () => {}),
  });
  assert.match(await page.title(), /afraid/);
  const seen = await page.locator('#w1 .quick-exit').evaluate((button) => {
    button.click();
    return { title: document.title, covered: !!document.querySelector('[data-eiw-exit]') };
  });
  assert.deepEqual(seen, { title: 'google.com', covered: true });
  await page.context().close();
});

test('9. before any Call or Text link, both panels say what a call or text leaves on a phone', async () => {
  // Second review: the call-log sentence sat below every link in the help panel only, and said
  // nothing of texts, whose threads (replies included) stay in the phone's messages.
  const page = await openWidget(env, '', { context: { locale: 'en-US' } });
  const readOrder = (panel) =>
    panel.evaluate((root) => {
      const traces = root.querySelector('.traces');
      const links = [...root.querySelectorAll('a[href^="tel:"], a[href^="sms:"]')];
      return {
        text: traces?.textContent ?? null,
        links: links.length,
        before: links.every((a) => traces && traces.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING),
      };
    });
  await page.locator('#w1 .help-button').click();
  await page.locator('#w1 .help-panel .resources').waitFor();
  const help = await readOrder(page.locator('#w1 .help-panel'));
  assert.deepEqual(help, { text: content.safety.traces, links: 5, before: true }, 'help panel: 911, and two lines’ calls and texts');
  await page.locator('#w1 .help-button').click();
  await completeQuiz(page, high(4));
  const panel = await readOrder(page.locator('#w1 .safety-panel'));
  assert.deepEqual(panel, { text: content.safety.traces, links: 5, before: true }, 'safety panel');
  assert.match(content.safety.traces, /call/);
  assert.match(content.safety.traces, /text/);
  await page.context().close();
});

test('10. a printout of an afraid visitor’s results shows nothing of them', async () => {
  // Second review: Ctrl+P printed "You said that at times you feel afraid…".
  const page = await openWidget(env, '', { context: { locale: 'en-US' } });
  await completeQuiz(page, high(4));
  await page.locator('#w1 .safety-panel').waitFor();
  await page.emulateMedia({ media: 'print' });
  const shown = await page.locator('#w1 .results').evaluate((el) => el.getClientRects().length);
  assert.equal(shown, 0, 'the results take no space on paper');
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await page.locator('#w1 .safety-panel').isVisible(), true);
  await page.context().close();
});

test('11. after Forget in one widget, another that remembered stops, instead of saving it all back', async () => {
  // Second review: the erase worked, but widget 2 kept Remember ticked and its next answer
  // wrote every answer back (and so did another open tab after Quick exit).
  const page = await openWidget(env, '', {
    body: '<emotional-intimacy-widget id="w2" shadow="open"></emotional-intimacy-widget>',
    ready: 2,
  });
  const keys = () => page.evaluate(() => Object.keys(localStorage).sort());
  for (const id of ['w1', 'w2']) await page.locator(`#${id} .remember input`).check();
  await page.locator('#w2 .intro .button.primary').click();
  await page.locator('#w2 .option').nth(3).click();
  await page.waitForFunction(() => Object.keys(localStorage).length === 2);
  await page.locator('#w1 .remember .button', { hasText: content.ui.forget }).click();
  await page.waitForFunction(() => localStorage.length === 0);
  // Widget 2 answers on.
  await page.locator('#w2 .nav .button.primary').click();
  await page.locator('#w2 .option').nth(1).click();
  await page.locator('#w2 .nav .button.primary').click();
  await page.locator('#w2 [role="progressbar"][aria-valuenow="3"]').waitFor();
  // Forget shows on every question only while Remember is on.
  assert.equal(await page.locator('#w2 .remember .button', { hasText: content.ui.forget }).count(), 0, 'widget 2 no longer remembers');
  assert.deepEqual(await keys(), [], 'nothing was written back');
  // Ticking it again (on the intro) is the visitor's new choice, and saves again.
  await page.locator('#w1 .remember input').check();
  await page.waitForFunction(() => localStorage.length === 1);
  await page.context().close();
});
