// Loading: lazy by default, eager on request, the three files requested together, only the
// visitor's language, and a page that does not move while the widget loads.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, openWidget } from './harness.mjs';
import { startServer } from './server.mjs';

let env;
before(async () => {
  env = await setup();
});
after(() => env.close());

const widgetFiles = (requests) =>
  requests.map((u) => new URL(u).pathname).filter((p) => p.startsWith('/eiw/') && !p.endsWith('/emotional-intimacy-widget.js'));

// The loader has run and the first visibility check is done: the custom element is defined
// and two frames have passed (IntersectionObserver reports in the frame after `observe`).
const settled = (page) =>
  page.evaluate(async () => {
    await customElements.whenDefined('emotional-intimacy-widget');
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });

const below = (attributes = '', childHtml = '') =>
  `<p id="top">Top of the article.</p><div style="height: 5000px"></div>
   <emotional-intimacy-widget id="w1" shadow="open" ${attributes}>${childHtml}</emotional-intimacy-widget>`;

async function lazyPage(attributes = '', childHtml = '', options = {}) {
  const requests = [];
  const url = `${env.server.host}/fixtures/lazy-${Math.random().toString(36).slice(2)}.html`;
  const html = `<!doctype html><html lang="${options.lang || 'en'}"><head><meta charset="utf-8">
    <script src="/eiw/emotional-intimacy-widget.js" defer></script></head><body>${below(attributes, childHtml)}</body></html>`;
  const page = await open(env.browser, url + (options.hash || ''), {
    ready: 0,
    context: { viewport: { width: 800, height: 600 } },
    before: async (p) => {
      p.on('request', (r) => requests.push(r.url()));
      await p.route(url, (route) => route.fulfill({ contentType: 'text/html', body: html }));
    },
  });
  await settled(page);
  return { page, requests };
}

const ready = (page) => page.waitForFunction(() => window.__events.some((e) => e.type === 'ei-ready'));

test('lazy by default: far below the fold only the loader downloads, until the visitor comes near', async () => {
  const { page, requests } = await lazyPage();
  assert.deepEqual(widgetFiles(requests), [], 'nothing but the loader before scrolling');
  assert.equal(await page.locator('#w1 [role=status]').textContent(), 'Loading the quiz…', 'space reserved, loading state shown');
  // Half a screen short of the widget: close enough to start, so it is ready when seen.
  await page.evaluate(() => {
    const top = document.getElementById('w1').getBoundingClientRect().top + scrollY;
    scrollTo(0, top - innerHeight * 1.5);
  });
  await ready(page);
  assert.equal(await page.locator('#w1').evaluate((el) => el.getBoundingClientRect().top > innerHeight), true, 'still below the screen');
  assert.deepEqual(widgetFiles(requests).sort(), ['/eiw/eiw.js', '/eiw/eiw_bg.wasm', '/eiw/lang/en.txt']);
  await page.context().close();
});

test('a lazy widget starts when focused, when its config is set, or when loading becomes eager', async () => {
  const focused = await lazyPage('tabindex="-1"');
  await focused.page.locator('#w1').evaluate((el) => el.focus({ preventScroll: true }));
  await ready(focused.page);
  await focused.page.context().close();

  const configured = await lazyPage();
  assert.deepEqual(widgetFiles(configured.requests), []);
  await configured.page.locator('#w1').evaluate((el) => {
    el.config = { strings: { title: 'Set from script' } };
  });
  await ready(configured.page);
  assert.equal(await configured.page.locator('#w1 .quiz .title').textContent(), 'Set from script');
  assert.ok(widgetFiles(configured.requests).includes('/eiw/eiw-config_bg.wasm'), 'the configuration module, for a configured widget');
  await configured.page.context().close();

  const later = await lazyPage();
  await later.page.locator('#w1').evaluate((el) => el.setAttribute('loading', 'eager'));
  await ready(later.page);
  await later.page.context().close();
});

test('loading="eager" and a deep link to an FAQ entry load at once, wherever the widget is', async () => {
  const eager = await lazyPage('loading="eager"');
  await ready(eager.page);
  await eager.page.context().close();

  const linked = await lazyPage('', '', { hash: '#faq-where-do-my-answers-go' });
  await ready(linked.page);
  assert.equal(await linked.page.locator('#w1 #faq-button-where-do-my-answers-go').getAttribute('aria-expanded'), 'true');
  await linked.page.context().close();
});

test('the glue, the wasm and the language are requested together, not one after another', async () => {
  const gated = await startServer({ gate: ['eiw.js', 'eiw_bg.wasm', 'lang/es.txt'] });
  after(() => gated.close());
  const page = await open(env.browser, gated.host + '/fixtures/basic.html', {
    ready: 0,
    before: (p) =>
      p.route(gated.host + '/fixtures/basic.html', (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><html lang="es"><head><script src="/eiw/emotional-intimacy-widget.js" defer></script></head>
            <body><emotional-intimacy-widget id="w1" shadow="open"></emotional-intimacy-widget></body></html>`,
        }),
      ),
  });
  await ready(page);
  assert.equal(gated.gateForced, false, 'each file was requested before any had arrived');
  assert.equal(await page.locator('#w1 .eiw').getAttribute('lang'), 'es');
  await page.context().close();
});

test('only the visitor’s language file is downloaded, the one the widget shows', async () => {
  const cases = [
    ['', 'es-MX', 'es'],
    ['ar', 'en', 'ar'],
    ['fr', 'es', 'es'],
    ['zz-ZZ', 'de', 'en'],
    ['EN_gb', 'ar', 'en'],
    ['es', '', 'es'],
  ];
  for (const [lang, pageLang, shown] of cases) {
    const requests = [];
    const page = await openWidget(env, lang ? `lang="${lang}"` : '', {
      lang: pageLang,
      before: (p) => p.on('request', (r) => requests.push(r.url())),
    });
    assert.equal(await page.locator('#w1 .eiw').getAttribute('lang'), shown, `lang="${lang}", page "${pageLang}"`);
    assert.deepEqual(widgetFiles(requests).filter((p) => p.includes('/lang/')), [`/eiw/lang/${shown}.txt`], `lang="${lang}", page "${pageLang}"`);
    await page.context().close();
  }
});

test('a language file that fails to load falls back to English, with a message', async () => {
  for (const failure of ['missing', 'tampered']) {
    const page = await openWidget(env, '', {
      lang: 'es',
      before: (p) =>
        p.route('**/eiw/lang/es.txt', (route) =>
          failure === 'missing' ? route.fulfill({ status: 404, body: 'gone' }) : route.fulfill({ contentType: 'text/plain', body: 'eiw1\u001fes\u001fltr' }),
        ),
    });
    assert.equal(await page.locator('#w1 .eiw').getAttribute('lang'), 'en', failure);
    await page.locator('#w1 .intro .button.primary').click();
    assert.equal(await page.locator('#w1 .progress-text').textContent(), 'Question 1 of 21', 'the quiz works');
    const errors = await page.evaluate(() => window.__errors);
    assert.equal(errors.length, 1, errors.join('\n'));
    const expected = failure === 'missing' ? /could not load lang\/es\.txt from .* Showing English instead\./ : /lang\/es\.txt failed its integrity check.* Showing English instead\./;
    assert.match(errors[0], expected);
    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  }
});

test('nothing on the page moves while the widget loads (320 to 1280 px wide, every section)', async () => {
  const slow = await startServer({ wasmDelayMs: 300 });
  after(() => slow.close());
  // Spanish has the longest texts; the reserve is measured for it.
  for (const width of [320, 412, 768, 1280]) {
    for (const sections of ['', 'sections="quiz"', 'sections="faq"']) {
      const url = slow.host + '/fixtures/shift.html';
      const page = await open(env.browser, url, {
        ready: 0,
        context: { viewport: { width, height: 800 } },
        before: async (p) => {
          await p.addInitScript(() => {
            window.__shift = 0;
            new PerformanceObserver((list) => {
              for (const entry of list.getEntries()) { window.__shift += entry.value; (window.__shifts ||= []).push(entry.sources.map((s) => `${s.node?.nodeName}.${s.node?.className} ${JSON.stringify(s.previousRect)} ${JSON.stringify(s.currentRect)}`)); }
            }).observe({ type: 'layout-shift', buffered: true });
          });
          await p.route(url, (route) =>
            route.fulfill({
              contentType: 'text/html',
              // The publisher snippet as the README gives it: the loader renders first.
              body: `<!doctype html><html lang="es"><head><meta name="viewport" content="width=device-width, initial-scale=1">
                <script src="/eiw/emotional-intimacy-widget.js" defer blocking="render"></script></head>
                <body><h1>A host page</h1><emotional-intimacy-widget id="w1" shadow="open" ${sections}></emotional-intimacy-widget>
                <p id="after">${'Host text below the widget. '.repeat(40)}</p></body></html>`,
            }),
          );
        },
      });
      await ready(page);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      assert.equal(await page.evaluate(() => window.__shift), 0, `${width} px ${sections}: ${JSON.stringify(await page.evaluate(() => window.__shifts))}`);
      await page.context().close();
    }
  }
});
