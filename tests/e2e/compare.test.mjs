// Comparing with a partner: pair codes between two browsers, taking turns on one device,
// the safety rules, compare="off", other languages, privacy and accessibility.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openWidget, completeQuiz, events, expectedScores, content, audit, focused } from './harness.mjs';

let env;
before(async () => {
  env = await setup();
});
after(() => env.close());

// Two visitors' answers (index 19 is the unscored safety statement: both disagree).
const ANNA = [5, 4, 2, 5, 1, 4, 3, 2, 5, 1, 4, 3, 2, 5, 1, 4, 3, 2, 5, 1, 3];
const BEN = [2, 2, 4, 1, 5, 3, 3, 4, 1, 5, 2, 2, 4, 1, 5, 3, 'skip', 4, 1, 2, 5];
const AFRAID = [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 5, 3];
// Taking turns on one device never asks the safety statement.
const inTurns = (answers) => answers.filter((_, i) => i !== 19);

const rows = (page) => page.locator('#w1 .comparison .compare-row .visually-hidden').allTextContents();
const expectedRows = (yours, theirs) =>
  expectedScores(yours).dimensions.map((d, i) => {
    const p = expectedScores(theirs).dimensions[i];
    return d.percent === null || p.percent === null
      ? content.compare.chart_row_missing.replace('{name}', d.name)
      : content.compare.chart_row.replace('{name}', d.name).replace('{you}', d.percent).replace('{partner}', p.percent);
  });

async function ownCode(page) {
  await page.locator('#w1 .compare .button', { hasText: content.compare.button }).click();
  const code = await page.locator('#w1 #eiw-code').inputValue();
  assert.match(code, /^EI1(-[2-9A-HJ-NP-Z]{4}){4}$/);
  return code;
}

// On the intro the choices sit behind the compare toggle (compare.heading).
async function together(page) {
  const toggle = page.locator('#w1 .intro [aria-controls=eiw-together]');
  if ((await toggle.count()) && (await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
}

async function enterCode(page, code) {
  await together(page);
  await page.locator('#w1 [aria-controls=eiw-partner-form]').click();
  await page.locator('#w1 #eiw-partner-input').fill(code);
  await page.locator('#w1 #eiw-partner-form .button').click();
}

test('a partner’s code from another browser shows both scores for all ten areas', async () => {
  const anna = await openWidget(env, 'share-score');
  await completeQuiz(anna, ANNA);
  const code = await ownCode(anna);
  assert.equal(await anna.locator('#w1 #eiw-code-note').textContent(), content.compare.code_note);
  await anna.locator('#w1 .code-row .button').click();
  await anna.locator('#w1 .compare [role=status]').filter({ hasText: /./ }).waitFor();

  const ben = await openWidget(env, 'share-score');
  await completeQuiz(ben, BEN);
  // Lower case and other spacing are fine.
  await enterCode(ben, code.toLowerCase().replaceAll('-', ' '));
  await ben.locator('#w1 .comparison').waitFor();
  assert.equal(await ben.locator('#w1 .comparison h4').textContent(), content.compare.title);
  assert.deepEqual(await rows(ben), expectedRows(BEN, ANNA));
  assert.ok((await ben.locator('#w1 .comparison .starters li').count()) >= 4, 'conversation starters for the largest gaps');
  assert.equal(await ben.locator('#w1 .comparison .note').textContent(), content.compare.note);

  // ei-compare: scores only (share-score is set), never answers or codes.
  await ben.waitForFunction(() => window.__events.some((e) => e.type === 'ei-compare'));
  const [compare] = await events(ben, 'ei-compare');
  const expected = expectedScores(BEN).dimensions;
  assert.deepEqual(Object.keys(compare.detail.dimensions), expected.map((d) => d.id));
  assert.deepEqual(compare.detail.dimensions.communication, { you: expected[0].percent, partner: expectedScores(ANNA).dimensions[0].percent });
  assert.ok(!JSON.stringify(await events(ben)).includes(code.slice(4, 8)), 'no event carries the code');
  await anna.context().close();
  await ben.context().close();
});

test('a mistyped code gets a message tied to the field; a code entered first waits for the results', async () => {
  const anna = await openWidget(env);
  await completeQuiz(anna, ANNA);
  const code = await ownCode(anna);
  await anna.context().close();

  const ben = await openWidget(env);
  // Two neighbouring, different symbols swapped: the commonest slip when copying a code.
  const at = [...code].findIndex((c, i) => i > 3 && /\w/.test(c) && /\w/.test(code[i + 1] || '') && c !== code[i + 1]);
  const swapped = code.slice(0, at) + code[at + 1] + code[at] + code.slice(at + 2);
  await enterCode(ben, swapped);
  const error = ben.locator('#w1 #eiw-partner-error');
  assert.equal(await error.textContent(), content.compare.error_typo);
  assert.match(await ben.locator('#w1 #eiw-partner-input').getAttribute('aria-describedby'), /eiw-partner-error/);
  await ben.locator('#w1 #eiw-partner-input').fill('hello there');
  await ben.locator('#w1 #eiw-partner-form .button').click();
  assert.equal(await error.textContent(), content.compare.error_not_code);
  await ben.locator('#w1 #eiw-partner-input').fill(`EI2${code.slice(3)}`);
  await ben.locator('#w1 #eiw-partner-form .button').click();
  assert.ok([content.compare.error_version, content.compare.error_typo].includes(await error.textContent()));
  // A code made with the first edition of the statements (no areas scored), before they were
  // rewritten: scores from other statements do not compare (pair::BUILTIN_EDITIONS).
  await ben.locator('#w1 #eiw-partner-input').fill('EI1-2222-2222-2222-22NP');
  await ben.locator('#w1 #eiw-partner-form .button').click();
  assert.equal(await error.textContent(), content.compare.error_statements);
  await ben.locator('#w1 #eiw-partner-input').fill(code);
  await ben.locator('#w1 #eiw-partner-form .button').click();
  assert.equal(await ben.locator('#w1 .intro .notice').textContent(), content.compare.accepted);
  await completeQuiz(ben, BEN);
  assert.deepEqual(await rows(ben), expectedRows(BEN, ANNA));
  assert.deepEqual(await ben.evaluate(() => window.__errors), [], 'nothing logged');
  assert.deepEqual(ben.pageErrors, []);
  await ben.context().close();
});

test('taking turns on one device: the first results stay hidden, then the comparison', async () => {
  const page = await openWidget(env);
  await together(page);
  await page.locator('#w1 .intro .button', { hasText: content.compare.turns }).click();
  for (const a of inTurns(ANNA)) {
    await page.locator('#w1 .option').nth(a - 1).click();
    await page.locator('#w1 .nav .button.primary').click();
  }
  await page.locator('#w1 .handover').waitFor();
  assert.equal(await page.locator('#w1 .results').count(), 0, 'no results between the turns');
  assert.equal(await page.locator('#w1 .handover h3').evaluate((h) => h.getRootNode().activeElement === h), true, 'focus on the hand-over heading');
  await page.locator('#w1 .handover .button').click();
  assert.equal(await page.locator('#w1 .progress-text').textContent(), 'Statement 1 of 20', 'the second partner starts afresh');
  assert.equal(await page.locator('#w1 .option.checked').count(), 0);
  for (const a of inTurns(BEN)) {
    if (a === 'skip') await page.locator('#w1 .option.skip').click();
    else await page.locator('#w1 .option').nth(a - 1).click();
    await page.locator('#w1 .nav .button.primary').click();
  }
  await page.locator('#w1 .comparison').waitFor();
  assert.deepEqual(await rows(page), expectedRows(BEN, ANNA));
  // Forget erases both partners' data.
  await page.locator('#w1 .remember input').check();
  await page.locator('#w1 .remember .button').click();
  await page.locator('#w1 .intro').waitFor();
  await completeQuiz(page, BEN);
  assert.equal(await page.locator('#w1 .comparison').count(), 0);
  await page.context().close();
});

test('safety first: no comparison, no code and no hand-over for a visitor who feels afraid', async () => {
  // Alone: the results do not invite a comparison at all.
  const alone = await openWidget(env);
  await completeQuiz(alone, AFRAID);
  await alone.locator('#w1 .safety-panel').waitFor();
  assert.equal(await alone.locator('#w1 .compare, #w1 .comparison, #w1 #eiw-code').count(), 0);
  await alone.context().close();

  // With a partner's code entered first: the safety panel, no invitation and no talking
  // points; the comparison waits as plain numbers behind "Show my scores", so its absence
  // cannot tell the partner anything (afraid-review.test.mjs).
  const anna = await openWidget(env);
  await completeQuiz(anna, ANNA);
  const code = await ownCode(anna);
  await anna.context().close();
  const coded = await openWidget(env);
  await enterCode(coded, code);
  await completeQuiz(coded, AFRAID);
  await coded.locator('#w1 .safety-panel').waitFor();
  assert.equal(await coded.locator('#w1 .compare, #w1 .comparison, #w1 #eiw-code').count(), 0);
  assert.equal(await coded.locator('#w1 #eiw-scores .comparison-plain').count(), 1);
  assert.equal((await events(coded, 'ei-compare')).length, 1, 'as for anyone with a comparison');
  await coded.context().close();

  // Taking turns never asks the safety statement at all (afraid.test.mjs).
});

test('compare="off" offers no comparison anywhere', async () => {
  const page = await openWidget(env, 'compare="off"');
  assert.equal(await page.locator('#w1 .partner-code, #w1 [aria-controls=eiw-partner-form], #w1 [aria-controls=eiw-together]').count(), 0);
  assert.equal(await page.locator('#w1 .intro .button').count(), 1, 'only Start');
  await completeQuiz(page, ANNA);
  assert.equal(await page.locator('#w1 .compare, #w1 .comparison').count(), 0);
  await page.context().close();
});

test('Spanish and Arabic (right to left) compare with the same codes as English', async () => {
  const anna = await openWidget(env, 'lang="es"');
  await completeQuiz(anna, ANNA);
  await anna.locator('#w1 .compare .button').first().click();
  const code = await anna.locator('#w1 #eiw-code').inputValue();
  await anna.context().close();
  const ben = await openWidget(env, 'lang="ar"');
  await completeQuiz(ben, BEN);
  await ben.locator('#w1 [aria-controls=eiw-partner-form]').click();
  await ben.locator('#w1 #eiw-partner-input').fill(code);
  await ben.locator('#w1 #eiw-partner-form .button').click();
  await ben.locator('#w1 .comparison').waitFor();
  assert.equal(await ben.locator('#w1 .eiw').getAttribute('dir'), 'rtl');
  assert.equal(await ben.locator('#w1 .comparison h4').textContent(), 'أنت والطرف الآخر');
  assert.match((await rows(ben))[0], /^التواصل: أنت [٠-٩]+، الطرف الآخر [٠-٩]+$/);
  await ben.context().close();
});

test('comparing sends nothing, writes nothing, and passes axe on every new screen', async () => {
  const requests = [];
  const anna = await openWidget(env);
  await completeQuiz(anna, ANNA);
  const code = await ownCode(anna);
  await anna.context().close();

  const page = await openWidget(env, '', { before: (p) => p.on('request', (r) => requests.push(r.url())) });
  const loaded = requests.length;
  const found = [];
  await together(page);
  await page.locator('#w1 [aria-controls=eiw-partner-form]').click();
  await page.locator('#w1 #eiw-partner-input').fill('EI1-XXXX');
  await page.locator('#w1 #eiw-partner-form .button').click();
  await page.locator('#w1 #eiw-partner-error').waitFor();
  found.push(...(await audit(page, 'intro, code form with a message')));
  await page.locator('#w1 #eiw-partner-input').fill(code);
  await page.locator('#w1 #eiw-partner-form .button').click();
  await page.locator('#w1 .intro .notice').waitFor();
  await completeQuiz(page, BEN);
  await page.locator('#w1 .compare .button').first().click();
  found.push(...(await audit(page, 'results with the comparison and the code')));
  await page.locator('#w1 .compare .button', { hasText: content.compare.turns }).click();
  await page.locator('#w1 .handover').waitFor();
  found.push(...(await audit(page, 'hand-over')));
  assert.deepEqual(found, []);
  // Comparing is part of the widget: nothing more is downloaded, nothing goes anywhere,
  // and nothing is in a URL.
  assert.deepEqual(requests.slice(loaded), []);
  assert.equal(await page.evaluate(() => location.search + location.hash), '');
  assert.equal(await page.evaluate(() => localStorage.length + sessionStorage.length), 0);
  await page.context().close();
});

test('the first comparing click shows the code at once, and the visitor keeps their place and focus', async () => {
  const page = await openWidget(env, 'share-score');
  await completeQuiz(page, ANNA);
  const score = await page.locator('#w1 .score-value').textContent();
  const button = page.locator('#w1 .compare .button', { hasText: content.compare.button });
  await button.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const scroll = await page.evaluate(() => scrollY);
  await button.click();
  // The code appears for the same answers, the visitor's place and focus are kept, and
  // the page hears of nothing new: one ready, one complete.
  const code = await page.locator('#w1 #eiw-code').inputValue();
  assert.match(code, /^EI1-/);
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  assert.equal(await page.locator('#w1 .score-value').textContent(), score);
  assert.equal(await page.evaluate(() => scrollY), scroll);
  const active = await page.evaluate(() => document.getElementById('w1').shadowRoot.activeElement?.getAttribute('aria-controls'));
  assert.equal(active, 'eiw-pair-code');
  assert.equal((await events(page, 'ei-ready')).length, 1);
  assert.equal((await events(page, 'ei-complete')).length, 1);
  assert.equal(await page.locator('#w1 .eiw').count(), 1);
  assert.equal(await page.locator('#w1 .results').count(), 1);
  await page.context().close();
});

test('the intro’s comparing choices and taking turns work from the first click', async () => {
  const page = await openWidget(env);
  await page.locator('#w1 .intro [aria-controls=eiw-together]').click();
  await page.locator('#w1 #eiw-together [aria-controls=eiw-partner-form]').waitFor();
  await page.locator('#w1 .intro [aria-controls=eiw-together][aria-expanded=true]').waitFor();
  await page.locator('#w1 #eiw-together .button', { hasText: content.compare.turns }).click();
  await page.locator('#w1 .question').waitFor();
  assert.equal((await events(page, 'ei-start')).length, 1);
  await page.context().close();
});

test('“Take turns” on the results hands the device over from the first click', async () => {
  const page = await openWidget(env);
  await completeQuiz(page, ANNA);
  await page.locator('#w1 .compare .button', { hasText: content.compare.turns }).click();
  await page.locator('#w1 .handover').waitFor();
  assert.equal((await focused(page)).text, content.compare.handover_title);
  assert.equal(await page.locator('#w1 .results').count(), 0, 'the first results are hidden');
  assert.equal((await events(page, 'ei-complete')).length, 1);
  await page.context().close();
});

test('opening the comparing choices keeps the panels the visitor opened, and neither focus nor a deep link moves the page', async () => {
  const page = await openWidget(env);
  // A deep link in the address now must not scroll the page again, or reopen its entry.
  const slug = content.faq[1].slug;
  await page.evaluate((s) => history.replaceState(null, '', '#faq-' + s), slug);
  await page.locator('#w1 .help-button').click();
  await page.locator(`#w1 #faq-button-${content.faq[2].slug}`).click();
  const toggle = page.locator('#w1 .intro [aria-controls=eiw-together]');
  // In the middle of the screen, clear of the sticky bar, so the click itself scrolls nothing.
  await toggle.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const scroll = await page.evaluate(() => scrollY);
  await toggle.click();
  await page.locator('#w1 .intro [aria-controls=eiw-together][aria-expanded=true]').waitFor();
  assert.equal(await page.evaluate(() => scrollY), scroll);
  const active = await page.evaluate(() => document.getElementById('w1').shadowRoot.activeElement?.getAttribute('aria-controls'));
  assert.equal(active, 'eiw-together');
  assert.equal(await page.locator('#w1 .help-button').getAttribute('aria-expanded'), 'true', 'help stays open');
  assert.equal(await page.locator(`#w1 #faq-button-${content.faq[2].slug}`).getAttribute('aria-expanded'), 'true', 'the FAQ entry stays open');
  assert.equal(await page.locator(`#w1 #faq-button-${slug}`).getAttribute('aria-expanded'), 'false', 'the deep link is not opened again');
  await page.context().close();
});

test('remembered progress with a partner shows the comparison again, unless comparing is off', async () => {
  const KEY = 'emotional-intimacy-widget:progress:w1';
  const digits = (answers) => answers.map((a) => (a === 'skip' ? 's' : String(a))).join('');
  // Both partners took their turns on this device; the visitor had asked to be remembered.
  const saved = `v1|r|${digits(BEN)}|f${digits(ANNA)}`;
  const load = (attributes) =>
    openWidget(env, attributes, { before: (p) => p.addInitScript(([k, v]) => localStorage.setItem(k, v), [KEY, saved]) });
  const on = await load('');
  await on.locator('#w1 .comparison').waitFor();
  assert.deepEqual(await rows(on), expectedRows(BEN, ANNA));
  await on.context().close();
  // Off: the results alone.
  const off = await load('compare="off"');
  await off.locator('#w1 .results').waitFor();
  assert.equal(await off.locator('#w1 .comparison').count(), 0);
  await off.context().close();
});
