// Any host page: strict CSP across origins, host globals, slow and failing downloads,
// malformed configuration, and many insert/remove cycles.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, openWidget, completeQuiz, events, stampedBuild } from './harness.mjs';
import { startServer } from './server.mjs';

let env;
before(async () => {
  env = await setup();
});
after(() => env.close());

const ANSWERS = [4, 3, 2, 5, 1, 4, 3, 2, 5, 1, 4, 3, 2, 5, 1, 4, 3, 2, 5, 2, 3];

test('strict CSP, widget files from a CDN origin: works fully with zero violations', async () => {
  const page = await open(env.browser, env.server.host + '/fixtures/csp.html?cdn=1', {
    before: (p) =>
      p.addInitScript(() => {
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
        );
      }),
  });
  await completeQuiz(page, ANSWERS);
  assert.equal(await page.locator('#w1 .safety-panel').count(), 0);
  await page.locator('#w1 .faq-button').first().click();
  await page.locator('#w1 .help-button').click();
  assert.equal(await page.locator('#w1 .cta a.button').textContent(), 'Book', 'child JSON config works under CSP');
  // Styles really applied (adopted stylesheet), not blocked.
  assert.equal(await page.locator('#w1 .intro, #w1 .results').first().evaluate((el) => getComputedStyle(el).display), 'flex');
  assert.equal(await page.evaluate(() => document.querySelectorAll('script[type="application/ld+json"]').length), 1);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(page.pageErrors, []);
  const complete = await events(page, 'ei-complete');
  assert.equal(complete.length, 1);
  await page.context().close();
});

test('host globals named like wasm-bindgen’s are neither used nor changed', async () => {
  const page = await open(env.browser, env.server.host + '/fixtures/globals.html');
  const globals = await page.evaluate(() => [window.wasm_bindgen, window.init(), window.__wbg_init, JSON.stringify(window.wasm)]);
  assert.deepEqual(globals, ['host value', 'host init', 42, '{"host":true}']);
  await page.locator('#w1 .intro .button.primary').click();
  assert.equal(await page.locator('#w1 .progress-text').textContent(), 'Statement 1 of 21');
  await page.context().close();
});

test('a slow download shows an accessible loading state; the page stays responsive; nothing shifts', async () => {
  const slow = await startServer({ wasmDelayMs: 1500 });
  after(() => slow.close());
  const page = await open(env.browser, slow.host + '/fixtures/basic.html', {
    ready: 0,
    context: { viewport: { width: 800, height: 700 } },
    before: (p) =>
      p.route(slow.host + '/fixtures/basic.html', (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><html lang="es"><head><script src="/eiw/emotional-intimacy-widget.js" defer></script></head>
            <body><button id="host">Host button</button>
            <emotional-intimacy-widget id="w1" shadow="open"></emotional-intimacy-widget>
            <p id="below">Below the widget</p></body></html>`,
        }),
      ),
  });
  const status = page.locator('#w1 [role=status]');
  await status.waitFor();
  assert.equal(await status.textContent(), 'Cargando el cuestionario…');
  const beforeY = await page.locator('#below').evaluate((el) => el.getBoundingClientRect().top + scrollY);
  // The host page answers clicks and runs script while the wasm is still downloading.
  await page.locator('#host').evaluate((b) => b.addEventListener('click', () => (window.__clicked = true)));
  const t0 = Date.now();
  await page.locator('#host').click();
  assert.equal(await page.evaluate(() => window.__clicked), true);
  assert.ok(Date.now() - t0 < 1000, 'the click was handled before the download finished');
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'ei-ready'));
  const afterY = await page.locator('#below').evaluate((el) => el.getBoundingClientRect().top + scrollY);
  // Ready, the widget drops the rest of its reserve only where that moves nothing seen: the
  // content below it stays put, or moves up below the screen.
  const screenEnd = await page.evaluate(() => scrollY + innerHeight);
  assert.ok(afterY === beforeY || (beforeY > screenEnd && afterY > screenEnd && afterY < beforeY), `content below the widget did not move in sight: ${beforeY} → ${afterY}, screen ends at ${screenEnd}`);
  await page.context().close();
});

test('when the files cannot load, the publisher’s light-DOM fallback shows again', async () => {
  const failing = await open(env.browser, env.server.host + '/fixtures/basic.html', {
    ready: 0,
    before: (p) => p.route('**/eiw/eiw_bg.wasm', (route) => route.fulfill({ status: 404, body: 'gone' })),
  });
  await failing.locator('#w1').evaluate((el) => {
    const p = document.createElement('p');
    p.id = 'fallback';
    p.textContent = 'Call us: 555-0100';
    el.appendChild(p);
  });
  await failing.waitForFunction(() => window.__errors.length > 0);
  const errors = await failing.evaluate(() => window.__errors);
  assert.match(errors[0], /emotional-intimacy-widget: could not load eiw_bg\.wasm from .*eiw\/\. Check/);
  assert.equal(await failing.locator('#fallback').isVisible(), true, 'light DOM is shown through a slot');
  assert.deepEqual(failing.pageErrors, []);
  await failing.context().close();
});

test('a malformed child JSON is reported and the widget still works', async () => {
  const page = await openWidget(env, '', { childHtml: '<script type="application/json">{"cta": {"label": "x",}</script>' });
  const errors = await page.evaluate(() => window.__errors);
  assert.equal(errors.length, 1);
  assert.match(errors[0], /^emotional-intimacy-widget: config: is not valid JSON \(/);
  await completeQuiz(page, ANSWERS);
  assert.equal(await page.locator('#w1 .results').count(), 1);
  await page.context().close();
});

test('100 insert/remove cycles: every cycle mounts and unmounts cleanly, wasm memory stays flat', async () => {
  const page = await openWidget(env);
  const cycle = (n) =>
    page.evaluate(async (n) => {
      const el = document.getElementById('w1');
      const parent = el.parentNode;
      for (let i = 0; i < n; i++) {
        el.remove();
        await window.__unmounted(el);
        const ready = new Promise((r) => el.addEventListener('ei-ready', r, { once: true }));
        parent.appendChild(el);
        await ready;
      }
      return {
        ready: window.__events.filter((e) => e.type === 'ei-ready').length,
        roots: el.shadowRoot.querySelectorAll('.eiw').length,
      };
    }, n);
  const wasmMemory = () => page.evaluate(async () => (await (await import('/eiw/eiw.js')).default()).memory.buffer.byteLength);
  const first = await cycle(100);
  assert.deepEqual(first, { ready: 101, roots: 1 }, 'one ready per mount, exactly one app rendered');
  const warm = await wasmMemory();
  await cycle(100);
  await cycle(100);
  assert.equal(await wasmMemory(), warm, 'wasm memory does not grow with more cycles');
  // A synchronous burst renders once, at the end.
  const burst = await page.evaluate(async () => {
    const el = document.getElementById('w1');
    const ready = new Promise((r) => el.addEventListener('ei-ready', r, { once: true }));
    for (let i = 0; i < 100; i++) {
      el.remove();
      document.body.appendChild(el);
    }
    await ready;
    return el.shadowRoot.querySelectorAll('.eiw').length;
  });
  assert.equal(burst, 1);
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test('the built loader carries each file’s hash, the languages and their loading texts', async () => {
  const { readFileSync, readdirSync } = await import('node:fs');
  const { createHash } = await import('node:crypto');
  const dist = new URL('../../dist/', import.meta.url);
  const build = stampedBuild();
  const codes = readdirSync(new URL('../../content/', import.meta.url))
    .filter((f) => f.endsWith('.json') && f !== 'resources.json')
    .map((f) => f.slice(0, -5));
  assert.deepEqual([...build.languages].sort(), codes.sort());
  assert.equal(build.languages[0], 'en', 'English first: the fallback');
  assert.match(build.reserve, /^:host\{display:block;font-size:medium;min-height:[\d.]+em\}/, 'the reserve block of widget.css');
  for (const lang of codes) {
    const c = JSON.parse(readFileSync(new URL(`../../content/${lang}.json`, import.meta.url), 'utf8'));
    assert.equal(build.loading[lang], c.ui.loading, lang);
    assert.ok(build.files[`lang/${lang}.txt`], lang);
  }
  for (const [file, hash] of Object.entries(build.files)) {
    const actual = 'sha384-' + createHash('sha384').update(readFileSync(new URL(file, dist))).digest('base64');
    assert.equal(hash, actual, file);
  }
  assert.deepEqual(Object.keys(build.files).filter((f) => !f.startsWith('lang/')).sort(),
    ['eiw-config.js', 'eiw-config_bg.wasm', 'eiw.js', 'eiw_bg.wasm']);
});
