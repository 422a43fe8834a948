// Accessibility: axe-core (WCAG 2.0/2.1/2.2 A and AA) on every screen, light and dark,
// English and Arabic; layout from 280 px; touch targets; reduced motion.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openWidget, audit } from './harness.mjs';

let env;
before(async () => {
  env = await setup();
});
after(() => env.close());


const AFRAID = [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 5, 3];

for (const lang of ['en', 'ar']) {
  for (const scheme of ['light', 'dark']) {
    test(`axe finds no WCAG A/AA violations on any screen (${lang}, ${scheme})`, async () => {
      // A page that lets the device choose, so a dark device means a dark page and widget.
      const head = '<meta name="color-scheme" content="light dark">';
      const page = await openWidget(env, `lang="${lang}"`, { head, context: { colorScheme: scheme } });
      const found = [];
      found.push(...(await audit(page, 'intro')));
      await page.locator('#w1 .help-button').click();
      found.push(...(await audit(page, 'help open')));
      await page.locator('#w1 .help-button').click();
      await page.locator('#w1 .intro .button.primary').click();
      found.push(...(await audit(page, 'question')));
      await page.locator('#w1 .option').nth(2).click();
      found.push(...(await audit(page, 'question answered')));
      await page.locator('#w1 .nav .button.primary').click();
      for (let i = 1; i < AFRAID.length; i++) {
        await page.locator('#w1 .option').nth(AFRAID[i] - 1).click();
        await page.locator('#w1 .nav .button.primary').click();
      }
      await page.locator('#w1 .safety-panel').waitFor();
      found.push(...(await audit(page, 'results with safety panel')));
      await page.locator('#w1 .faq-button').nth(0).click();
      await page.locator('#w1 .faq-button').nth(8).click();
      found.push(...(await audit(page, 'faq open')));
      assert.deepEqual(found, []);
      await page.context().close();
    });
  }
}

test('usual results screen has no violations either', async () => {
  const page = await openWidget(env, 'cta-href="#book"');
  await page.locator('#w1 .intro .button.primary').click();
  for (const a of [5, 4, 2, 3, 1, 'skip', 4, 5, 2, 3, 4, 4, 1, 2, 2, 'skip', 5, 3, 1, 2, 4]) {
    if (a === 'skip') await page.locator('#w1 .option.skip').click();
    else await page.locator('#w1 .option').nth(a - 1).click();
    await page.locator('#w1 .nav .button.primary').click();
  }
  assert.deepEqual(await audit(page, 'results'), []);
  await page.context().close();
});

test('280 px to desktop: no horizontal scroll, touch targets at least 44 px', async () => {
  // 640 px is a 1280 px window at 200% zoom.
  for (const width of [280, 320, 640, 1280]) {
    const page = await openWidget(env, '', { context: { viewport: { width, height: 800 } } });
    await page.locator('#w1 .intro .button.primary').click();
    await page.locator('#w1 .option').nth(3).click();
    const check = () =>
      page.evaluate(() => {
        const root = document.getElementById('w1').shadowRoot;
        const small = [...root.querySelectorAll('button, .option, .check, .help-button, .resource-links a, .cta a')]
          .filter((el) => el.getClientRects().length > 0)
          .map((el) => ({ el: el.className || el.tagName, h: el.getBoundingClientRect().height, w: el.getBoundingClientRect().width }))
          .filter((b) => b.h < 44 || b.w < 44);
        return {
          pageScroll: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          widgetOverflow: [...root.querySelectorAll('*')].filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'hidden' && el.clientWidth > 0).map((el) => el.className),
          small,
        };
      });
    const r = await check();
    assert.equal(r.pageScroll, 0, `no horizontal scroll at ${width}px`);
    assert.deepEqual(r.small, [], `touch targets at ${width}px`);
    await page.context().close();
  }
});

test('reduced motion makes the FAQ open instantly; otherwise it animates', async () => {
  const duration = async (reducedMotion) => {
    const page = await openWidget(env, 'sections="faq"', { context: { reducedMotion } });
    const d = await page.locator('#w1 .faq-panel').first().evaluate((el) => getComputedStyle(el).transitionDuration);
    await page.context().close();
    return d;
  };
  assert.equal(await duration('reduce'), '0s');
  assert.notEqual(await duration('no-preference'), '0s');
});

test('forced colors keep buttons and bars visible', async () => {
  const page = await openWidget(env, '', { context: { forcedColors: 'active' } });
  const border = await page.locator('#w1 .intro .button.primary').evaluate((el) => getComputedStyle(el).borderTopStyle);
  assert.equal(border, 'solid');
  await page.context().close();
});

test('every focusable control shows a visible focus indicator', async () => {
  const page = await openWidget(env, 'cta-href="#book"');
  await page.locator('#w1 .intro .button.primary').click();
  await page.keyboard.press('Shift+Tab'); // back to Quick exit, from the question heading
  const seen = new Set();
  for (let i = 0; i < 14; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      let el = document.activeElement;
      while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
      if (!el || el === document.body) return null;
      // Radios show focus on their option box.
      const target = el.type === 'radio' ? el.closest('.option') : el;
      const cs = getComputedStyle(target);
      return { name: (el.textContent || el.value || el.className).trim().slice(0, 30), outline: cs.outlineStyle, width: parseFloat(cs.outlineWidth) };
    });
    if (!info) continue;
    seen.add(info.name);
    assert.notEqual(info.outline, 'none', `${info.name} has a focus outline`);
    assert.ok(info.width >= 2, `${info.name}: outline at least 2px`);
  }
  assert.ok(seen.size >= 5, `checked ${seen.size} controls`);
  await page.context().close();
});

test('Print shows the results and hides the controls and the FAQ', async () => {
  const page = await openWidget(env);
  await page.locator('#w1 .intro .button.primary').click();
  for (let i = 0; i < 21; i++) {
    // Disagree with the safety statement (19th): its results print as a report.
    await page.locator('#w1 .option').nth(i === 19 ? 1 : 3).click();
    await page.locator('#w1 .nav .button.primary').click();
  }
  await page.emulateMedia({ media: 'print' });
  const visible = await page.locator('#w1').evaluate((el) => {
    const root = el.shadowRoot;
    const shown = (sel) => [...root.querySelectorAll(sel)].some((e) => e.getClientRects().length > 0);
    return { results: shown('.results'), chart: shown('.chart'), actions: shown('.results .actions'), faq: shown('.faq'), help: shown('.bar, .help-panel'), exit: shown('.quick-exit') };
  });
  assert.deepEqual(visible, { results: true, chart: true, actions: false, faq: false, help: false, exit: false });
  await page.context().close();
});
