// Publisher controls: attributes (also after mount), JSON config, the config property,
// theming, dark mode, host events and the three languages with right-to-left Arabic.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setup, openWidget, events, completeQuiz, content } from './harness.mjs';
import { observed } from '../../tools/attributes.mjs';

const es = JSON.parse(readFileSync(new URL('../../content/es.json', import.meta.url), 'utf8'));
const ar = JSON.parse(readFileSync(new URL('../../content/ar.json', import.meta.url), 'utf8'));

let env;
before(async () => {
  env = await setup();
});
after(() => env.close());

const ANSWERS = [4, 3, 2, 5, 1, 4, 3, 2, 5, 1, 4, 3, 2, 5, 1, 4, 3, 2, 5, 1, 3];

test('attributes changed after mount take effect', async () => {
  const page = await openWidget(env, 'sections="quiz"');
  assert.equal(await page.locator('#w1 .faq').count(), 0);
  await page.locator('#w1').evaluate((el) => {
    el.setAttribute('sections', 'faq');
    el.setAttribute('lang', 'es');
  });
  await page.waitForFunction(() => window.__events.filter((e) => e.type === 'ei-ready').length === 2);
  assert.equal(await page.locator('#w1 .quiz').count(), 0);
  assert.equal(await page.locator('#w1 .faq .title').textContent(), es.ui.faq_title);
  assert.equal((await events(page, 'ei-ready')).length, 2, 'two attribute changes, one restart');
  // The built loader restarts the widget for exactly the attributes attributes.json says.
  const watched = await page.evaluate(() => /** @type {any} */ (customElements.get('emotional-intimacy-widget')).observedAttributes);
  assert.deepEqual(watched, observed());
  await page.context().close();
});

test('a child JSON script configures strings, CTA and FAQ; mistakes are logged once', async () => {
  const config = {
    strings: { title: 'How close do you feel? <b>really</b>', start: 7 },
    cta: { label: 'Book a call', href: 'https://example.org/book', phone: '+1 555-0100' },
    faq_merge: 'append',
    faq: [{ slug: 'fees', question: 'What does it cost?', answer: 'The first call is *free*.' }],
    tpyo: 1,
  };
  const page = await openWidget(env, `faq-schema`, {
    body: '',
    before: async (p) => {
      await p.addInitScript(() => {
        window.__warnings = [];
        const warn = console.warn;
        console.warn = (...a) => {
          window.__warnings.push(a.join(' '));
          warn.apply(console, a);
        };
      });
    },
    childHtml: `<script type="application/json">${JSON.stringify(config)}</script>`,
  });
  assert.equal(await page.locator('#w1 .quiz .title').textContent(), 'How close do you feel? <b>really</b>', 'markup stays text');
  assert.equal(await page.locator('#w1 .quiz .title b').count(), 0);
  assert.equal(await page.locator('#w1 .intro .button.primary').textContent(), content.ui.start, 'invalid value keeps the default');
  const errors = await page.evaluate(() => window.__errors);
  assert.deepEqual(errors, ['emotional-intimacy-widget: config.strings.start: expected text, found a number']);
  const warnings = await page.evaluate(() => window.__warnings);
  assert.deepEqual(warnings, [
    'emotional-intimacy-widget: config.tpyo: unknown key, ignored; known keys: strings, cta, faq, faq_merge, items, resources, languages',
  ]);
  assert.equal(await page.locator('#w1 .faq-button').count(), content.faq.length + 1);
  assert.equal(await page.locator('#w1 #faq-button-fees').textContent(), 'What does it cost?');
  const ld = JSON.parse(await page.evaluate(() => document.querySelector('script[type="application/ld+json"]').textContent));
  assert.equal(ld.mainEntity.at(-1).name, 'What does it cost?', 'JSON-LD is built from the entries shown');

  await completeQuiz(page, ANSWERS);
  assert.equal(await page.locator('#w1 .cta a.button').textContent(), 'Book a call');
  assert.equal(await page.locator('#w1 .cta-phone a').getAttribute('href'), 'tel:+15550100');
  await page.locator('#w1 .cta a.button').evaluate((a) => a.addEventListener('click', (e) => e.preventDefault()));
  await page.locator('#w1 .cta a.button').click();
  assert.deepEqual((await events(page, 'ei-cta')).map((e) => e.detail), [{ href: 'https://example.org/book' }]);
  await page.context().close();
});

test('the config property (object) restarts the widget with the new configuration', async () => {
  const page = await openWidget(env, 'sections="faq"');
  await page.locator('#w1').evaluate((el) => {
    el.config = { faq: [{ question: 'Only this one?', answer: ['Yes.'] }] };
  });
  await page.waitForFunction(() => window.__events.filter((e) => e.type === 'ei-ready').length === 2);
  assert.deepEqual(await page.locator('#w1 .faq-button').allTextContents(), ['Only this one?']);
  assert.deepEqual(await page.locator('#w1').evaluate((el) => el.config), { faq: [{ question: 'Only this one?', answer: ['Yes.'] }] });
  // A malformed JSON string is reported, and the widget keeps working with defaults.
  await page.locator('#w1').evaluate((el) => {
    el.config = '{"faq": [}';
  });
  await page.waitForFunction(() => window.__events.filter((e) => e.type === 'ei-ready').length === 3);
  assert.equal(await page.locator('#w1 .faq-button').count(), content.faq.length);
  const errors = await page.evaluate(() => window.__errors);
  assert.match(errors.at(-1), /^emotional-intimacy-widget: config: is not valid JSON \(/);
  await page.context().close();
});

test('theme variables and ::part() reach inside; dark mode and forced themes', async () => {
  const head = `<style>
    emotional-intimacy-widget { --eiw-accent: rgb(107, 63, 160); --eiw-font: Georgia, serif; --eiw-radius: 3px; }
    emotional-intimacy-widget::part(primary-button) { text-transform: uppercase; }
    emotional-intimacy-widget::part(faq-button) { letter-spacing: 2px; }
  </style>`;
  const page = await openWidget(env, '', { head });
  const styles = await page.locator('#w1').evaluate((el) => {
    const root = el.shadowRoot;
    const cs = (sel) => getComputedStyle(root.querySelector(sel));
    return {
      start: [cs('.intro .button.primary').backgroundColor, cs('.intro .button.primary').textTransform, cs('.intro .button.primary').borderTopLeftRadius],
      font: cs('.eiw').fontFamily,
      faq: cs('.faq-button').letterSpacing,
    };
  });
  assert.deepEqual(styles, { start: ['rgb(107, 63, 160)', 'uppercase', '2px'], font: 'Georgia, serif', faq: '2px' });
  await page.context().close();

  const bg = (p) => p.locator('#w1 .quiz').evaluate((el) => getComputedStyle(el).backgroundColor);
  // Auto follows the page: this one lets the device choose (tests/e2e/theme.test.mjs has the rest).
  const both = '<meta name="color-scheme" content="light dark">';
  const light = await openWidget(env, '', { head: both, context: { colorScheme: 'light' } });
  const dark = await openWidget(env, '', { head: both, context: { colorScheme: 'dark' } });
  const forcedLight = await openWidget(env, 'theme="light"', { context: { colorScheme: 'dark' } });
  const forcedDark = await openWidget(env, 'theme="dark"', { context: { colorScheme: 'light' } });
  assert.equal(await bg(light), 'rgb(255, 255, 255)');
  assert.equal(await bg(dark), 'rgb(22, 27, 34)');
  assert.equal(await bg(forcedLight), 'rgb(255, 255, 255)');
  assert.equal(await bg(forcedDark), 'rgb(22, 27, 34)');
  // theme changes apply without a restart (answers are kept).
  await light.locator('#w1 .intro .button.primary').click();
  await light.locator('#w1 .option').nth(1).click();
  await light.locator('#w1').evaluate((el) => el.setAttribute('theme', 'dark'));
  assert.equal(await bg(light), 'rgb(22, 27, 34)');
  assert.equal(await light.locator('#w1 .option.checked').count(), 1);
  for (const p of [light, dark, forcedLight, forcedDark]) await p.context().close();
});

test('events: start, step, complete and FAQ toggles carry no answers', async () => {
  const page = await openWidget(env);
  await completeQuiz(page, ANSWERS);
  await page.locator('#w1 .faq-button').first().click();
  const all = await events(page);
  const types = [...new Set(all.map((e) => e.type))];
  assert.deepEqual(types, ['ei-ready', 'ei-start', 'ei-step', 'ei-complete', 'ei-faq-toggle']);
  const steps = all.filter((e) => e.type === 'ei-step');
  assert.deepEqual(steps.map((e) => e.detail.index), [...Array(21).keys()]);
  assert.ok(steps.every((e) => e.detail.total === 21 && Object.keys(e.detail).length === 2));
  const complete = all.find((e) => e.type === 'ei-complete');
  assert.deepEqual(complete.detail, {}, 'nothing scored without share-score');
  assert.deepEqual(all.find((e) => e.type === 'ei-faq-toggle').detail, { slug: content.faq[0].slug, open: true });
  const text = JSON.stringify(all);
  for (const label of content.scale) assert.ok(!text.includes(label), 'no answer labels');
  await page.context().close();

  const shared = await openWidget(env, 'share-score');
  await completeQuiz(shared, ANSWERS);
  const detail = (await events(shared, 'ei-complete'))[0].detail;
  assert.deepEqual(Object.keys(detail).sort(), ['band', 'dimensions', 'score']);
  assert.equal(detail.score, Number(await shared.locator('#w1 .score-value').getAttribute('data-score')));
  assert.deepEqual(Object.keys(detail.dimensions).sort(), content.dimensions.map((d) => d.id).sort());
  assert.ok(Object.values(detail.dimensions).every((v) => v === null || (v >= 0 && v <= 100)));
  await shared.context().close();
});

test('Spanish from the page language, with regional fallback', async () => {
  const page = await openWidget(env, '', { lang: 'es-MX' });
  assert.equal(await page.locator('#w1 .eiw').getAttribute('lang'), 'es');
  assert.equal(await page.locator('#w1 .quiz .title').textContent(), es.ui.title);
  await page.locator('#w1 .intro .button.primary').click();
  assert.equal(await page.locator('#w1 .progress-text').textContent(), 'Frase 1 de 21');
  assert.deepEqual(await page.locator('#w1 .option span').allTextContents(), [...es.scale, es.ui.skip]);
  await page.context().close();
});

test('Arabic runs right to left with Arabic digits and mirrored bars', async () => {
  const page = await openWidget(env, 'lang="ar"');
  const eiw = page.locator('#w1 .eiw');
  assert.equal(await eiw.getAttribute('dir'), 'rtl');
  assert.equal(await eiw.evaluate((el) => getComputedStyle(el).direction), 'rtl');
  await page.locator('#w1 .intro .button.primary').click();
  assert.equal(await page.locator('#w1 .progress-text').textContent(), 'العبارة ١ من ٢١');
  // Options start at the right edge in right-to-left layout.
  const option = await page.locator('#w1 .option').first().evaluate((el) => {
    const box = el.getBoundingClientRect();
    const input = el.querySelector('input').getBoundingClientRect();
    return { inputRight: Math.round(box.right - input.right), inputLeft: Math.round(input.left - box.left) };
  });
  assert.ok(option.inputRight < option.inputLeft, `radio on the right (${JSON.stringify(option)})`);
  for (const a of ANSWERS) {
    await page.locator('#w1 .option').nth(a - 1).click();
    await page.locator('#w1 .nav .button.primary').click();
  }
  const score = await page.locator('#w1 .score-value').textContent();
  assert.match(score, /^[٠-٩]+ من ١٠٠$/);
  await page.locator('#w1 [aria-controls=eiw-all-scores]').click();
  const transform = await page.locator('#w1 .chart-bar').first().evaluate((el) => getComputedStyle(el).transform);
  assert.equal(transform, 'matrix(-1, 0, 0, 1, 0, 0)', 'bars grow from the right');
  const rows = await page.locator('#w1 .chart-row .visually-hidden').allTextContents();
  assert.ok(rows[0].startsWith(ar.dimensions[0].name + ': '));
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});
