// Light and dark like the page around the widget, and accent colours that stay readable
// (docs/configuration.md, "Light and dark"). Colours are read as the browser computed them
// and compared with WCAG's contrast ratio, re-implemented here; no screenshots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, openWidget, completeQuiz, audit } from './harness.mjs';

let env;
before(async () => {
  env = await setup();
});
after(() => env.close());

const WHITE_CARD = 'rgb(255, 255, 255)';
const DARK_CARD = 'rgb(22, 27, 34)';
const ANSWERS = [4, 3, 2, 5, 1, 4, 3, 2, 5, 1, 4, 3, 2, 5, 1, 4, 3, 2, 5, 1, 3];

/** The card's background and the scheme the widget's form controls get. */
function looks(page, id = 'w1') {
  return page.locator(`#${id}`).evaluate((el) => {
    const root = el.shadowRoot;
    return {
      card: getComputedStyle(root.querySelector('.card')).backgroundColor,
      scheme: getComputedStyle(root.querySelector('.eiw')).colorScheme,
    };
  });
}

const LIGHT = { card: WHITE_CARD, scheme: 'light' };
const DARK = { card: DARK_CARD, scheme: 'dark' };

test('auto follows the host page: a light page gives a light widget even when the device is dark, a dark page a dark one', async () => {
  const cases = [
    // [what, device, head, expected]
    ['a light article, nothing declared, device dark', 'dark', '', LIGHT],
    ['a white page, device dark', 'dark', '<style>body { background: #fff; color: #111; }</style>', LIGHT],
    ['a dark page, device light', 'light', '<style>body { background: #121417; color: #eee; }</style>', DARK],
    ['a page allowing both (meta), device dark', 'dark', '<meta name="color-scheme" content="light dark">', DARK],
    ['a page allowing both (meta), device light', 'light', '<meta name="color-scheme" content="light dark">', LIGHT],
    ['a page declaring dark in CSS, nothing painted', 'light', '<style>:root { color-scheme: dark; }</style>', DARK],
    ['a translucent black veil over a white page', 'light', '<style>body { background: rgba(0, 0, 0, 0.85); }</style>', DARK],
    ['a light column inside a dark site: the nearest background counts', 'dark', '<style>html { background: #111; } body { background: #fafafa; }</style>', LIGHT],
  ];
  for (const [what, device, head, expected] of cases) {
    const page = await openWidget(env, '', { head, context: { colorScheme: device } });
    assert.deepEqual(await looks(page), expected, what);
    assert.deepEqual(await page.evaluate(() => window.__errors), [], what);
    await page.context().close();
  }
});

test('theme="light" and theme="dark" still force; changes apply at once, keeping the answers', async () => {
  const dark = '<style>body { background: #121417; }</style>';
  const forcedLight = await openWidget(env, 'theme="light"', { head: dark });
  assert.deepEqual(await looks(forcedLight), LIGHT);
  await forcedLight.context().close();
  const forcedDark = await openWidget(env, 'theme="dark"', { context: { colorScheme: 'light' } });
  assert.deepEqual(await looks(forcedDark), DARK);
  await forcedDark.context().close();

  // On a dark page: auto is dark; forcing light and back, mid-question.
  const page = await openWidget(env, '', { head: dark });
  await page.locator('#w1 .intro .button.primary').click();
  await page.locator('#w1 .option').nth(1).click();
  assert.deepEqual(await looks(page), DARK);
  await page.locator('#w1').evaluate((el) => el.setAttribute('theme', 'light'));
  await page.waitForFunction(() => getComputedStyle(document.querySelector('#w1').shadowRoot.querySelector('.card')).backgroundColor === 'rgb(255, 255, 255)');
  await page.locator('#w1').evaluate((el) => el.setAttribute('theme', 'auto'));
  await page.waitForFunction(() => getComputedStyle(document.querySelector('#w1').shadowRoot.querySelector('.card')).backgroundColor === 'rgb(22, 27, 34)');
  assert.equal(await page.locator('#w1 .option.checked').count(), 1, 'the answer is kept');
  await page.context().close();
});

test('a site switching its own dark mode, or the device switching, switches the widget', async () => {
  const head = `<style>html.dark body { background: #0e1116; color: #eee; }</style>
    <meta name="color-scheme" content="light dark">`;
  const page = await openWidget(env, '', { head, context: { colorScheme: 'light' } });
  const card = () => looks(page).then((l) => l.card);
  assert.equal(await card(), WHITE_CARD);
  await page.evaluate(() => document.documentElement.classList.add('dark'));
  await page.waitForFunction(() => getComputedStyle(document.querySelector('#w1').shadowRoot.querySelector('.card')).backgroundColor === 'rgb(22, 27, 34)');
  await page.evaluate(() => document.documentElement.classList.remove('dark'));
  await page.waitForFunction(() => getComputedStyle(document.querySelector('#w1').shadowRoot.querySelector('.card')).backgroundColor === 'rgb(255, 255, 255)');
  // The page allows both: the device decides.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForFunction(() => getComputedStyle(document.querySelector('#w1').shadowRoot.querySelector('.card')).backgroundColor === 'rgb(22, 27, 34)');
  await page.context().close();
});

test('under a strict Content-Security-Policy the colours apply through CSSOM, with no violation', async () => {
  const head = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; style-src 'self'">
    <meta name="color-scheme" content="dark">`;
  const page = await openWidget(env, '', {
    head,
    context: { colorScheme: 'light' },
    before: (p) =>
      p.addInitScript(() => {
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      }),
  });
  assert.deepEqual(await looks(page), DARK);
  const button = await page.locator('#w1 .intro .button.primary').evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]);
  assert.deepEqual(button, ['rgb(111, 211, 196)', 'rgb(0, 0, 0)']);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  await page.context().close();
});

// ---- Contrast ----------------------------------------------------------------------------

/** WCAG 2 contrast of two computed `rgb(…)` colours (opaque). */
function contrast(a, b) {
  const luminance = (css) => {
    const [r, g, b] = css.match(/[\d.]+/g).slice(0, 3).map(Number).map((v) => {
      const c = v / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

const ACCENTS = ['#ffff00', '#6b3fa0', '#0f6e63', '#6fd3c4', '#ff8800', '#00ff00', '#808080', '#1a1a2e', '#0000ff', '#ffffff', '#000000', 'hsl(330 100% 45%)', 'oklch(0.75 0.18 90)'];

/** A page with one widget per accent, on a light or a dark page (theme auto). */
async function accentPage(scheme) {
  const url = `${env.server.host}/fixtures/generated-accents-${scheme}.html`;
  const rules = ACCENTS.map((accent, i) => `#a${i} { --eiw-accent: ${accent}; }`).join('\n');
  const widgets = ACCENTS.map((_, i) => `<emotional-intimacy-widget id="a${i}" shadow="open" loading="eager" sections="quiz"></emotional-intimacy-widget>`).join('\n');
  const background = scheme === 'dark' ? 'body { background: #0e1116; color: #eee; }' : 'body { background: #fff; }';
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>${background}\n${rules}</style>
    <script src="/eiw/emotional-intimacy-widget.js" defer></script></head><body>${widgets}</body></html>`;
  return open(env.browser, url, {
    ready: ACCENTS.length,
    before: (page) => page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: html })),
  });
}

/** Each widget's primary button, card and link colours, as computed. */
function colours(page) {
  return page.evaluate(async (count) => {
    // Any computed colour (an accent may compute to oklch(…)) as rgb(…), through color-mix.
    const probe = document.body.appendChild(document.createElement('span'));
    const rgb = (css) => {
      probe.style.color = `color-mix(in srgb, ${css}, ${css})`;
      const channels = getComputedStyle(probe).color.match(/color\(srgb ([-\d.e]+) ([-\d.e]+) ([-\d.e]+)/).slice(1);
      return `rgb(${channels.map((v) => Math.round(Math.min(1, Math.max(0, Number(v))) * 255)).join(', ')})`;
    };
    const out = [];
    for (let i = 0; i < count; i++) {
      const root = document.querySelector(`#a${i}`).shadowRoot;
      root.querySelector('.help-button').click();
      await new Promise((resolve) => {
        const found = () => root.querySelector('.resource-links a');
        if (found()) return resolve();
        new MutationObserver((_, observer) => {
          if (found()) {
            observer.disconnect();
            resolve();
          }
        }).observe(root, { childList: true, subtree: true });
      });
      const cs = (el) => getComputedStyle(el);
      const button = root.querySelector('.intro .button.primary');
      out.push({
        button: rgb(cs(button).backgroundColor),
        text: rgb(cs(button).color),
        card: rgb(cs(root.querySelector('.card')).backgroundColor),
        bar: rgb(cs(root.querySelector('.bar')).backgroundColor),
        link: rgb(cs(root.querySelector('.resource-links a')).color),
      });
    }
    probe.remove();
    return out;
  }, ACCENTS.length);
}

test('button text keeps 4.5:1 whatever the accent, in both themes; in dark the accent itself keeps 4.5:1; links too', async () => {
  const figures = [];
  for (const scheme of ['light', 'dark']) {
    const page = await accentPage(scheme);
    const found = await colours(page);
    found.forEach((c, i) => {
      const accent = ACCENTS[i];
      const where = `${accent}, ${scheme}`;
      assert.equal(c.card, scheme === 'dark' ? DARK_CARD : WHITE_CARD, where);
      assert.match(c.text, /^rgb\((0, 0, 0|255, 255, 255)\)$/, `${where}: button text is black or white`);
      const text = contrast(c.button, c.text);
      assert.ok(text >= 4.5, `${where}: button text ${text.toFixed(2)}:1`);
      const other = c.text === 'rgb(0, 0, 0)' ? 'rgb(255, 255, 255)' : 'rgb(0, 0, 0)';
      assert.ok(text >= contrast(c.button, other), `${where}: the better of black and white`);
      // The help panel sits on the bar's background, the card's colour.
      const link = contrast(c.link, c.bar);
      assert.ok(link >= 4.5, `${where}: link ${link.toFixed(2)}:1`);
      if (scheme === 'dark') {
        const fill = contrast(c.button, c.card);
        assert.ok(fill >= 4.5, `${where}: the accent against the dark card ${fill.toFixed(2)}:1`);
      }
      figures.push(`${where}: text ${text.toFixed(2)}, link ${link.toFixed(2)}`);
    });
    assert.deepEqual(await page.evaluate(() => window.__errors), []);
    await page.context().close();
  }
  // The two: yellow gets black text, purple in dark a lighter shade.
  assert.ok(figures.some((f) => f.startsWith('#ffff00, light: text 19.5')), figures.join('\n'));
});

test('a publisher\'s --eiw-accent-contrast is kept when it reads, replaced (and reported) when it does not', async () => {
  const kept = await openWidget(env, '', { head: '<style>#w1 { --eiw-accent: #6b3fa0; --eiw-accent-contrast: #fffff0; }</style>', context: { colorScheme: 'light' } });
  assert.equal(await kept.locator('#w1 .intro .button.primary').evaluate((el) => getComputedStyle(el).color), 'rgb(255, 255, 240)');
  await kept.context().close();

  const warnings = [];
  const faint = await openWidget(env, '', {
    head: '<style>#w1 { --eiw-accent: #ffff00; --eiw-accent-contrast: #ffffff; }</style>',
    context: { colorScheme: 'light' },
    before: (p) => p.on('console', (m) => m.type() === 'warning' && warnings.push(m.text())),
  });
  assert.equal(await faint.locator('#w1 .intro .button.primary').evaluate((el) => getComputedStyle(el).color), 'rgb(0, 0, 0)');
  assert.ok(warnings.some((w) => /^emotional-intimacy-widget: --eiw-accent-contrast: under 4\.5:1/.test(w)), warnings.join('\n'));
  await faint.context().close();
});

test('axe finds nothing on the intro, a question and the results with a light accent on a light page and a dark one on a dark page', async () => {
  const found = [];
  for (const [what, head, device] of [
    ['#ffff00 on a light page, device dark', '<style>#w1 { --eiw-accent: #ffff00; }</style>', 'dark'],
    ['#6b3fa0 on a dark page', '<style>body { background: #0e1116; } #w1 { --eiw-accent: #6b3fa0; }</style>', 'light'],
    ['the default accent on a dark page (meta)', '<meta name="color-scheme" content="dark">', 'light'],
  ]) {
    for (const width of [375, 1280]) {
      const page = await openWidget(env, '', { head, context: { colorScheme: device, viewport: { width, height: 900 } } });
      found.push(...(await audit(page, `${what}, ${width} px, intro`)));
      await page.locator('#w1 .help-button').click();
      found.push(...(await audit(page, `${what}, ${width} px, help open`)));
      await page.locator('#w1 .help-button').click();
      await page.locator('#w1 .intro .button.primary').click();
      await page.locator('#w1 .option').nth(1).click();
      found.push(...(await audit(page, `${what}, ${width} px, question`)));
      await page.locator('#w1 .nav .button.primary').click();
      for (const a of ANSWERS.slice(1)) {
        await page.locator('#w1 .option').nth(a - 1).click();
        await page.locator('#w1 .nav .button.primary').click();
      }
      await page.locator('#w1 .results').waitFor();
      found.push(...(await audit(page, `${what}, ${width} px, results`)));
      await page.context().close();
    }
  }
  assert.deepEqual(found, []);
});

test('the results screen shows the accent\'s shades as computed: bars and area marks in dark use the lighter shade', async () => {
  const page = await openWidget(env, '', { head: '<style>body { background: #0e1116; } #w1 { --eiw-accent: #6b3fa0; }</style>' });
  await completeQuiz(page, ANSWERS);
  const marks = await page.locator('#w1 .results .area').first().evaluate((el) => getComputedStyle(el).borderInlineStartColor);
  assert.equal(marks, 'rgb(148, 116, 186)');
  assert.ok(contrast(marks, DARK_CARD) >= 4.5);
  await page.context().close();
});
