// Screens that work on a phone: results in the NHS order with the call to action in view,
// the partner's code form under its button, the comparison in view after Compare, heading
// sizes that follow their levels, and no keys tip on touch screens. Geometry, not pixels.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openWidget, completeQuiz, content, focused, audit } from './harness.mjs';

let env;
before(async () => {
  env = await setup();
});
after(() => env.close());

const PHONE = { viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1280, height: 900 } };
const VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1">';
// Mixed answers: some areas to explore, some strengths; disagrees with the safety statement.
const ANSWERS = [5, 4, 2, 5, 1, 4, 3, 2, 5, 1, 4, 3, 2, 5, 1, 4, 3, 2, 5, 1, 3];
const langContent = Object.fromEntries(
  await Promise.all(['en', 'es', 'ar'].map(async (l) => [l, (await import(`../../content/${l}.json`, { with: { type: 'json' } })).default])),
);

/** Saved progress of two partners who took turns (the safety slot is always stored as skipped). */
const remembered = () => {
  const digits = (answers) => answers.map((a, i) => (i === 19 ? 's' : String(a))).join('');
  return `v1|r|${digits(ANSWERS.map((a) => 6 - a))}|f${digits(ANSWERS)}`;
};

/** Top of `selector` relative to the results heading's top, and the results' height. */
const resultsGeometry = (page) =>
  page.locator('#w1').evaluate((host) => {
    const root = /** @type {ShadowRoot} */ (host.shadowRoot);
    const box = (sel) => /** @type {Element} */ (root.querySelector(sel)).getBoundingClientRect();
    const heading = box('.results-title');
    return { cta: box('.cta').top - heading.top, height: box('.results').height };
  });

test('on a phone, the call to action is within 1.5 screens of the results heading, in every language', async () => {
  const heights = {};
  for (const lang of ['en', 'es', 'ar']) {
    const page = await openWidget(env, `lang="${lang}" cta-href="#book"`, { context: PHONE, head: VIEWPORT });
    await completeQuiz(page, ANSWERS);
    const g = await resultsGeometry(page);
    assert.ok(g.cta <= 1.5 * 800, `${lang}: the call to action starts ${g.cta} px below the heading`);
    heights[lang] = g.height;
    // The first screen: score and one sentence, then where to start, each area with one tip.
    const order = await page.locator('#w1 .results > *').evaluateAll((els) => els.map((e) => e.className.split(' ')[0]));
    assert.deepEqual(order.slice(0, 4), ['results-title', 'headline', 'areas', 'cta'], lang);
    const areas = page.locator('#w1 .results > .areas .area');
    assert.ok((await areas.count()) >= 2 && (await areas.count()) <= 3);
    assert.equal(await areas.first().locator('.tip').count(), 1, 'one tip each');
    await page.context().close();
  }
  for (const lang of ['es', 'ar']) {
    assert.ok(heights[lang] <= heights.en * 1.15, `${lang} results ${heights[lang]} px, English ${heights.en} px`);
  }
});

test('the rest of the results is one tap away: every area, more ideas', async () => {
  const page = await openWidget(env, 'cta-href="#book"', { context: DESKTOP });
  await completeQuiz(page, ANSWERS);
  assert.equal(await page.locator('#w1 .chart').isVisible(), false, 'closed');
  const all = page.locator('#w1 [aria-controls=eiw-all-scores]');
  assert.equal(await all.textContent(), content.ui.chart_title);
  await all.click();
  assert.equal(await page.locator('#w1 #eiw-all-scores .chart-row').count(), 10);
  await page.locator('#w1 [aria-controls=eiw-more-ideas]').click();
  const tips = await page.locator('#w1 #eiw-more-ideas .tips li').count();
  assert.ok(tips >= 4, `${tips} tips`);
  assert.deepEqual(await audit(page, 'results, disclosures open'), []);
  await page.context().close();
});

test('the partner’s code form opens under its button, one line high, with Compare as the main button', async () => {
  for (const context of [PHONE, DESKTOP]) {
    const page = await openWidget(env, '', { context, head: VIEWPORT });
    await completeQuiz(page, ANSWERS);
    const button = page.locator('#w1 .compare [aria-controls=eiw-partner-form]');
    await button.click();
    const g = await page.locator('#w1').evaluate((host) => {
      const root = /** @type {ShadowRoot} */ (host.shadowRoot);
      const box = (sel) => /** @type {Element} */ (root.querySelector(sel)).getBoundingClientRect();
      return { button: box('.compare [aria-controls=eiw-partner-form]'), form: box('#eiw-partner-form'), field: box('#eiw-partner-input') };
    });
    const gap = g.form.top - g.button.bottom;
    assert.ok(gap >= 0 && gap <= 24, `${context.viewport.width} px: the form starts ${gap} px under its button`);
    assert.ok(g.field.height <= 56, `${context.viewport.width} px: the field is ${g.field.height} px high`);
    assert.match(await page.locator('#w1 #eiw-partner-form [type=submit]').getAttribute('class'), /\bprimary\b/);
    await page.context().close();
  }
});

test('after Compare, focus and the screen go to “You and your partner”, which fits two phone screens', async () => {
  const anna = await openWidget(env);
  await completeQuiz(anna, ANSWERS);
  await anna.locator('#w1 .compare .button', { hasText: content.compare.button }).click();
  const code = await anna.locator('#w1 #eiw-code').inputValue();
  await anna.context().close();

  const page = await openWidget(env, 'cta-href="#book"', { context: PHONE, head: VIEWPORT });
  await completeQuiz(page, ANSWERS.map((a) => (typeof a === 'number' ? 6 - a : a)).map((a, i) => (i === 19 ? 1 : a)));
  await page.locator('#w1 .compare [aria-controls=eiw-partner-form]').click();
  await page.locator('#w1 #eiw-partner-input').fill(code);
  await page.locator('#w1 #eiw-partner-form [type=submit]').click();
  await page.locator('#w1 .comparison').waitFor();
  await page.waitForFunction(() => document.getElementById('w1').shadowRoot.activeElement?.id === 'eiw-comparison-title');
  assert.equal((await focused(page)).text, content.compare.title);
  const g = await page.locator('#w1 .comparison').evaluate((el) => {
    const heading = /** @type {Element} */ (el.querySelector('h4')).getBoundingClientRect();
    return { top: heading.top, bottom: heading.bottom, height: el.getBoundingClientRect().height };
  });
  assert.ok(g.top >= 0 && g.bottom <= 800, `the heading is on screen (${g.top}–${g.bottom})`);
  assert.ok(g.height <= 2 * 800, `the comparison is ${g.height} px tall`);
  await page.context().close();
});

test('heading sizes decrease with their level on the results and the comparison', async () => {
  const page = await openWidget(env, 'cta-href="#book"', {
    context: DESKTOP,
    // Both partners took turns on this device and asked to be remembered.
    before: (p) => p.addInitScript((saved) => localStorage.setItem('emotional-intimacy-widget:progress:w1', saved), remembered()),
  });
  await page.locator('#w1 .comparison').waitFor();
  for (const id of ['eiw-all-scores', 'eiw-more-ideas', 'eiw-both-scores']) await page.locator(`#w1 [aria-controls=${id}]`).click();
  const sizes = await page.locator('#w1 .results').evaluate((el) =>
    [...el.querySelectorAll('h3, h4, h5, h6')].map((h) => [Number(h.tagName[1]), parseFloat(getComputedStyle(h).fontSize)]),
  );
  const levels = [3, 4, 5, 6].filter((l) => sizes.some(([level]) => level === l));
  assert.ok(levels.length >= 3, JSON.stringify(sizes));
  for (let i = 1; i < levels.length; i++) {
    const smallestAbove = Math.min(...sizes.filter(([l]) => l === levels[i - 1]).map(([, s]) => s));
    const largestHere = Math.max(...sizes.filter(([l]) => l === levels[i]).map(([, s]) => s));
    assert.ok(smallestAbove > largestHere, `h${levels[i - 1]} ${smallestAbove}px > h${levels[i]} ${largestHere}px`);
  }
  // The overall sentence is in the text colour, not a band colour.
  const colours = await page.locator('#w1 .band').evaluate((band) => [getComputedStyle(band).color, getComputedStyle(/** @type {Element} */ (band.closest('.results'))).color]);
  assert.equal(colours[0], colours[1]);
  await page.context().close();
});

test('a bar’s empty track is visible: 3:1 or more against the card', async () => {
  const page = await openWidget(env, '', { context: DESKTOP });
  await completeQuiz(page, ANSWERS);
  await page.locator('#w1 [aria-controls=eiw-all-scores]').click();
  const [track, card] = await page.locator('#w1').evaluate((host) => {
    const root = /** @type {ShadowRoot} */ (host.shadowRoot);
    return [getComputedStyle(/** @type {Element} */ (root.querySelector('.chart .track'))).stroke, getComputedStyle(/** @type {Element} */ (root.querySelector('.card'))).backgroundColor];
  });
  const lum = (rgb) => {
    const [r, g, b] = /** @type {RegExpMatchArray} */ (rgb.match(/\d+(\.\d+)?/g)).slice(0, 3).map(Number).map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [lum(track), lum(card)].sort((a, b) => b - a);
  const ratio = (hi + 0.05) / (lo + 0.05);
  assert.ok(ratio >= 3, `track ${track} on ${card}: ${ratio.toFixed(2)}:1`);
  await page.context().close();
});

test('“Where you feel most connected” lists only areas of 75 or more', async () => {
  const page = await openWidget(env, '', { context: DESKTOP });
  await completeQuiz(page, ANSWERS);
  const listed = await page.locator('#w1 .strengths li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-dimension')));
  await page.locator('#w1 [aria-controls=eiw-all-scores]').click();
  for (const id of listed) {
    const value = await page.locator(`#w1 .chart-row[data-dimension="${id}"] .chart-value`).textContent();
    assert.ok(Number(/\d+/.exec(value ?? '')?.[0]) >= 75, `${id}: ${value}`);
  }
  assert.ok(listed.length <= 3);
  await page.context().close();
});

test('no keys tip on a touch screen, and Remember is offered once', async () => {
  const touch = await openWidget(env, '', { context: PHONE, head: VIEWPORT });
  await touch.locator('#w1 .intro .button.primary').click();
  assert.equal(await touch.locator('#w1 .keys-hint').isVisible(), false);
  assert.equal(await touch.locator('#w1 .remember').count(), 0, 'not under the questions');
  await touch.context().close();
  const mouse = await openWidget(env, '', { context: DESKTOP });
  await mouse.locator('#w1 .intro .button.primary').click();
  assert.equal(await mouse.locator('#w1 .keys-hint').textContent(), langContent.en.ui.shortcut_hint);
  assert.equal(await mouse.locator('#w1 .keys-hint').isVisible(), true);
  await mouse.context().close();
});

test('the widget spans the article’s column by default', async () => {
  const page = await openWidget(env, '', { context: DESKTOP, body: '<p id="after">Host text.</p>' });
  const [widget, text] = await page.evaluate(() => [
    /** @type {Element} */ (/** @type {ShadowRoot} */ (/** @type {Element} */ (document.getElementById('w1')).shadowRoot).querySelector('.eiw')).getBoundingClientRect().width,
    /** @type {Element} */ (document.getElementById('after')).getBoundingClientRect().width,
  ]);
  assert.equal(Math.round(widget), Math.round(text));
  await page.context().close();
});
