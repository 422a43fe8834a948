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
    assert.equal(await page.locator('#w1 .progress-text').textContent(), 'Statement 1 of 21', 'the quiz works');
    const errors = await page.evaluate(() => window.__errors);
    assert.equal(errors.length, 1, errors.join('\n'));
    const expected = failure === 'missing' ? /could not load lang\/es\.txt from .* Showing English instead\./ : /lang\/es\.txt failed its integrity check.* Showing English instead\./;
    assert.match(errors[0], expected);
    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  }
});

// The publisher snippets: the README's (the loader before the element, parser-blocking, so
// the element is defined before the browser meets it, in every browser), and the earlier
// one, deferred in the head with `blocking="render"` (Chromium and WebKit only).
const SNIPPETS = {
  readme: { head: '', before: '<script src="/eiw/emotional-intimacy-widget.js"></script>' },
  'render-blocking': { head: '<script src="/eiw/emotional-intimacy-widget.js" defer blocking="render"></script>', before: '' },
};

// Records layout shifts (those after input apart: browsers do not count them), and at each
// `ei-ready` the element's height and its content's (the widget's one root in the shadow).
const RECORD_SHIFTS = () => {
  window.__shift = 0;
  window.__shifts = [];
  window.__heights = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      window.__shift += entry.value;
      window.__shifts.push(entry.sources.map((s) => `${s.node?.nodeName}.${s.node?.className} ${JSON.stringify(s.previousRect)} ${JSON.stringify(s.currentRect)}`));
    }
  }).observe({ type: 'layout-shift', buffered: true });
  document.addEventListener('ei-ready', (e) => {
    const host = e.target;
    window.__heights.push({ host: host.getBoundingClientRect().height, content: host.shadowRoot.firstElementChild.getBoundingClientRect().height });
  });
};

/** A host page in Spanish (the longest texts; the reserve is measured for it): a heading,
 * the widget, then host text. */
async function hostPage(server, { width, height = 800, sections = '', snippet = 'readme', above = '', loading = 'eager' }) {
  const url = `${server.host}/fixtures/shift-${Math.random().toString(36).slice(2)}.html`;
  const { head, before } = SNIPPETS[snippet];
  return open(env.browser, url, {
    ready: 0,
    context: { viewport: { width, height } },
    before: async (p) => {
      await p.addInitScript(RECORD_SHIFTS);
      await p.route(url, (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: `<!doctype html><html lang="es"><head><meta name="viewport" content="width=device-width, initial-scale=1">${head}</head>
            <body>${above}<h1>A host page</h1>${before}<emotional-intimacy-widget id="w1" shadow="open" loading="${loading}" ${sections}></emotional-intimacy-widget>
            <p id="after">${'Host text below the widget. '.repeat(40)}</p></body></html>`,
        }),
      );
    },
  });
}

const twoFrames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
const shifts = (page) => page.evaluate(() => ({ total: window.__shift, sources: window.__shifts }));
const heights = (page) => page.evaluate(() => window.__heights);

test('nothing on the page moves while the widget loads (320 to 1280 px wide, every section, both snippets)', async () => {
  const slow = await startServer({ wasmDelayMs: 300 });
  after(() => slow.close());
  for (const snippet of Object.keys(SNIPPETS)) {
    for (const width of [320, 412, 768, 1280]) {
      for (const sections of ['', 'sections="quiz"', 'sections="faq"']) {
        const page = await hostPage(slow, { width, sections, snippet });
        await ready(page);
        await twoFrames(page);
        const { total, sources } = await shifts(page);
        assert.equal(total, 0, `${snippet}, ${width} px ${sections}: ${JSON.stringify(sources)}`);
        await page.context().close();
      }
    }
  }
});

test('after ei-ready the element is as tall as its content: no blank gap, and nothing moved', async () => {
  for (const width of [320, 768, 1280]) {
    for (const sections of ['', 'sections="quiz"']) {
      // 600 px high: the widget ends below the screen, so what its reserve held moves up out of sight.
      const page = await hostPage(env.server, { width, height: 600, sections });
      await ready(page);
      const [at] = await heights(page);
      assert.ok(at.content > 0, `${width} px ${sections}: rendered`);
      assert.equal(at.host, at.content, `${width} px ${sections}: the element's height is its content's at ei-ready`);
      // And it follows the content: the next screen is taller or shorter, never padded.
      await page.locator('#w1 .intro .button.primary').click();
      await page.locator('#w1 .progress-text').waitFor();
      const now = await page.locator('#w1').evaluate((el) => [el.getBoundingClientRect().height, el.shadowRoot.firstElementChild.getBoundingClientRect().height]);
      assert.equal(now[0], now[1], `${width} px ${sections}: on the first question`);
      await twoFrames(page);
      const { total, sources } = await shifts(page);
      assert.equal(total, 0, `${width} px ${sections}: ${JSON.stringify(sources)}`);
      await page.context().close();
    }
  }
});

test('a widget seen whole keeps its reserve until the visitor presses in it or it ends below the screen', async () => {
  // The FAQ alone at 1280 px fits on the screen with host text under it: dropping the
  // reserve then would move that text in sight.
  const pressed = await hostPage(env.server, { width: 1280, height: 900, sections: 'sections="faq"' });
  await ready(pressed);
  const [at] = await heights(pressed);
  assert.ok(at.host > at.content, `the reserve holds while the text under it is seen: ${JSON.stringify(at)}`);
  await pressed.locator('#w1 .faq h2').first().click();
  await pressed.waitForFunction(() => {
    const el = document.getElementById('w1');
    return el.getBoundingClientRect().height === el.shadowRoot.firstElementChild.getBoundingClientRect().height;
  });
  await twoFrames(pressed);
  assert.equal((await shifts(pressed)).total, 0, 'the only shift followed input');
  await pressed.context().close();

  // A lazy widget far down, seen whole when it starts, then scrolled back up until it ends
  // below the screen.
  const scrolled = await hostPage(env.server, {
    width: 1280,
    height: 900,
    sections: 'sections="faq"',
    above: '<div style="height: 3000px"></div>',
    loading: 'lazy',
  });
  await settled(scrolled);
  assert.deepEqual(await heights(scrolled), [], 'not started yet');
  await scrolled.evaluate(() => scrollTo(0, document.getElementById('w1').getBoundingClientRect().top + scrollY - 20));
  await ready(scrolled);
  const [seen] = await heights(scrolled);
  assert.ok(seen.host > seen.content, JSON.stringify(seen));
  await scrolled.evaluate(() => scrollTo(0, 0));
  await scrolled.waitForFunction(() => {
    const el = document.getElementById('w1');
    return el.getBoundingClientRect().height === el.shadowRoot.firstElementChild.getBoundingClientRect().height;
  });
  await twoFrames(scrolled);
  assert.equal((await shifts(scrolled)).total, 0, JSON.stringify((await shifts(scrolled)).sources));
  await scrolled.context().close();
});

test('a loader before the element still reads the configuration inside it', async () => {
  const url = `${env.server.host}/fixtures/before-config.html`;
  const configured = await open(env.browser, url, {
    before: (p) =>
      p.route(url, (route) =>
        route.fulfill({
          contentType: 'text/html',
          // The element starts (connectedCallback) before the parser has reached its children.
          body: `<!doctype html><html lang="en"><head></head><body>
            <script src="/eiw/emotional-intimacy-widget.js"></script>
            <emotional-intimacy-widget id="w1" shadow="open" loading="eager">
              <script type="application/json">{ "strings": { "title": "From the configuration" } }</script>
            </emotional-intimacy-widget></body></html>`,
        }),
      ),
  });
  assert.equal(await configured.locator('#w1 .quiz .title').textContent(), 'From the configuration');
  assert.deepEqual(await configured.evaluate(() => window.__errors), []);
  await configured.context().close();
});
