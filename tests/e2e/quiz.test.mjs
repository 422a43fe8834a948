// The whole quiz with the keyboard only, checked against an independent computation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, events, focused, tabTo, content, expectedScores } from './harness.mjs';

let env;
before(async () => {
  env = await setup();
});
after(() => env.close());

// Question i's answer (1–5) or 'skip'. Both "wellbeing" statements (questions 6 and 16)
// are skipped, so that dimension is "not scored". Question 20 is the unscored safety
// statement ("At times, I feel afraid of them"), answered "Disagree" here.
const ANSWERS = [5, 4, 2, 3, 1, 'skip', 4, 5, 2, 3, 4, 4, 1, 2, 2, 'skip', 5, 3, 1, 2, 4];

async function answer(page, i, value) {
  // From the question heading, Tab enters the radio group on its first radio.
  const f = await tabTo(page, (f) => f.type === 'radio', 3);
  assert.equal(f.label, content.scale[0], 'Tab lands on the first option');
  if (value === 'skip') {
    await page.keyboard.press('ArrowUp'); // wraps to the last option, "Prefer not to say"
  } else if (i % 2 === 0) {
    await page.keyboard.press(String(value)); // number-key shortcut
  } else {
    await page.keyboard.press('Space'); // native radio keys: Space checks, arrows move
    for (let k = 1; k < value; k++) await page.keyboard.press('ArrowDown');
  }
  const now = await focused(page);
  const label = value === 'skip' ? content.ui.skip : content.scale[value - 1];
  assert.equal(now.label, label, `question ${i + 1}: focus is on the chosen option`);
}

test('a visitor completes the quiz with the keyboard alone', async () => {
  const page = await open(env.browser, env.server.host + '/fixtures/basic.html');
  await page.locator('#w1 .faq').evaluate(() => 0); // the FAQ is there too, after the quiz
  // Tab order: "Need help now?", Quick exit, then Start.
  const order = [];
  const start = await tabTo(page, (f) => {
    order.push(f.text);
    return f.text === content.ui.start;
  });
  assert.deepEqual(order, [content.safety.help_button, content.ui.quick_exit, content.ui.start]);
  assert.equal(start.tag, 'button');
  await page.keyboard.press('Enter');

  for (let i = 0; i < ANSWERS.length; i++) {
    const f = await focused(page);
    assert.equal(f.id, 'eiw-question', `focus on question ${i + 1}'s heading`);
    assert.equal(await page.locator('#w1 .progress-text').textContent(), `Statement ${i + 1} of 21`);
    await answer(page, i, ANSWERS[i]);

    if (i === 2) {
      // Back keeps the previous answer; Enter from the heading moves on again.
      await tabTo(page, (f) => f.text === content.ui.back, 10);
      await page.keyboard.press('Enter');
      assert.equal(await page.locator('#w1 .progress-text').textContent(), 'Statement 2 of 21');
      const checked = await page.locator('#w1 .option.checked').textContent();
      assert.equal(checked, content.scale[ANSWERS[1] - 1]);
      await page.keyboard.press('Enter');
      assert.equal(await page.locator('#w1 .option.checked').textContent(), content.scale[ANSWERS[2] - 1]);
    }
    await page.keyboard.press('Enter');
  }

  const f = await focused(page);
  assert.equal(f.cls, 'results-title', 'focus moves to the results heading');
  const expected = expectedScores(ANSWERS);

  const score = await page.locator('#w1 .score-value').getAttribute('data-score');
  assert.equal(Number(score), expected.overall.percent);
  assert.equal(await page.locator('#w1 .band').getAttribute('data-band'), expected.overall.band);

  const rows = await page.locator('#w1 .chart-row .visually-hidden').allTextContents();
  const bandLabel = (b) => content.bands[b].label;
  assert.deepEqual(
    rows,
    expected.dimensions.map((d) =>
      d.percent === null
        ? content.ui.chart_row_skipped.replace('{name}', d.name)
        : content.ui.chart_row.replace('{name}', d.name).replace('{score}', d.percent).replace('{band}', bandLabel(d.band)),
    ),
  );
  const widths = await page.locator('#w1 .chart-row .fill').evaluateAll((els) => els.map((e) => e.getAttribute('width')));
  assert.deepEqual(widths, expected.dimensions.map((d) => String(d.percent ?? 0)));

  const areas = await page.locator('#w1 .areas .area').evaluateAll((els) => els.map((e) => e.dataset.dimension));
  assert.deepEqual(areas, expected.areas);
  for (const id of areas) {
    const first = await page.locator(`#w1 .areas .area[data-dimension="${id}"] .tip`).textContent();
    assert.equal(first, content.dimensions.find((d) => d.id === id).tips[0], 'one tip first');
    const tips = await page.locator(`#w1 #eiw-more-ideas .area[data-dimension="${id}"] .tips li`).allTextContents();
    assert.deepEqual(tips, content.dimensions.find((d) => d.id === id).tips.slice(0, 3));
  }
  assert.equal(await page.locator('#w1 .disclaimer').textContent(), content.ui.not_diagnosis);
  assert.equal(await page.locator('#w1 .safety-panel').count(), 0, 'no safety panel when not afraid');
  assert.equal(await page.locator('#w1 .note').textContent(), content.ui.bands_note);

  // Host events carry nothing scored without share-score, and never answers.
  const complete = await events(page, 'ei-complete');
  assert.deepEqual(complete.map((e) => e.detail), [{}]);
  const steps = await events(page, 'ei-step');
  assert.ok(steps.every((e) => Object.keys(e.detail).sort().join() === 'index,total'));

  // Retake clears everything.
  await tabTo(page, (f) => f.text === content.ui.retake);
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#w1 .intro').count(), 1);
  await page.locator('#w1 .intro .button.primary').click();
  assert.equal(await page.locator('#w1 .option.checked').count(), 0, 'no answer survives a retake');
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test('skipping every statement gives a kind "nothing to score" result', async () => {
  const page = await open(env.browser, env.server.host + '/fixtures/basic.html');
  await page.locator('#w1 .intro .button.primary').click();
  for (let i = 0; i < 21; i++) {
    await page.locator('#w1 .option.skip').click();
    await page.locator('#w1 .nav .button.primary').click();
  }
  assert.equal(await page.locator('#w1 .headline').textContent(), content.ui.nothing_scored);
  assert.equal(await page.locator('#w1 .score-value').count(), 0);
  assert.deepEqual((await events(page, 'ei-complete')).map((e) => e.detail), [{}]);
  await page.context().close();
});
