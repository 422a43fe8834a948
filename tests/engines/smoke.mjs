// @ts-check
// The smoke suite every engine runs (firefox.test.mjs, webkit.test.mjs): the widget loads
// with the README's snippet and the host text under it never moves while it starts, a quiz
// to its results, the FAQ, a strict Content-Security-Policy, Arabic right to left, and
// Quick exit. Chromium runs the full suite (tests/e2e/); this one notices when another
// engine stops doing what Chromium does. Pages: tests/fixtures/engines-*.html.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../e2e/server.mjs';

/** @typedef {import('./browsers.mjs').Engine} Engine */

// Functions handed to the page run there, alone: they may use only their arguments. Those
// taking `inFrame` look in the first frame of a wrapper page (engines-frame.html) when the
// engine's window cannot be as narrow as the test needs.

/** @param {boolean} inFrame @param {string} type @param {string} [id] */
const fired = (inFrame, type, id = 'w1') => {
  const w = /** @type {any} */ (inFrame ? window.frames[0] : window);
  return !!(w && w.__events && w.__events.some((/** @type {any} */ e) => e.type === type && e.id === id));
};

/** @param {string} selector */
const shadowText = (selector) => {
  const root = /** @type {HTMLElement} */ (document.getElementById('w1')).shadowRoot;
  const el = root && root.querySelector(selector);
  return el ? (el.textContent || '').trim() : null;
};

/** @param {string} name @param {() => Promise<Engine>} launch */
export function smoke(name, launch) {
  describe(name, () => suite(launch));
}

/** @param {() => Promise<Engine>} launch */
function suite(launch) {
  /** @type {Engine} */
  let engine;
  /** @type {Awaited<ReturnType<typeof startServer>>} */
  let server;
  before(async () => {
    server = await startServer();
    engine = await launch();
    console.log(`# ${engine.name} ${engine.version}`);
  });
  after(async () => {
    if (engine) await engine.close();
    if (server) await server.close();
  });

  /** A fixture page from the host origin, its widget from the other one (as from a CDN). */
  const fixture = (/** @type {string} */ name) => `${server.host}/fixtures/${name}?cdn=1`;

  /**
   * Opens `name` at `width` × `height` (in a frame if the engine's window cannot be that
   * narrow) and waits for its widget's `ei-ready`; returns whether it is in a frame.
   * @param {string} name @param {number} width @param {number} height
   */
  async function openAt(name, width, height) {
    const inFrame = width < engine.minWidth;
    if (inFrame) {
      const src = encodeURIComponent(`/fixtures/${name}?cdn=1`);
      await engine.goto(`${server.host}/fixtures/engines-frame.html?w=${width}&h=${height}&src=${src}`, { width: engine.minWidth, height: height + 100 });
    } else {
      await engine.goto(fixture(name), { width, height });
    }
    await engine.waitFor(fired, inFrame, 'ei-ready');
    return inFrame;
  }

  /** What the page's recorder (engines-record.js) saw: moves of the host text, errors. */
  const record = (/** @type {boolean} */ inFrame) =>
    engine.evaluate((/** @type {boolean} */ inFrame) => {
      const w = /** @type {any} */ (inFrame ? window.frames[0] : window);
      return { moves: w.__moves(), errors: w.__errors, width: w.innerWidth, samples: w.__samples };
    }, inFrame);

  test('with the README snippet the widget loads, and the host text under it never moves (320, 768, 1280 px)', async () => {
    for (const width of [320, 768, 1280]) {
      const inFrame = await openAt('engines-start.html', width, 700);
      const seen = await record(inFrame);
      assert.equal(seen.width, width, 'the viewport is as wide as asked');
      assert.deepEqual(seen.moves, [], `${engine.name}, ${width} px: ${JSON.stringify(seen.samples)}`);
      assert.deepEqual(seen.errors, []);
      // The widget ends below the screen: its reserve has gone, the element is as tall as its content.
      const heights = await engine.evaluate((/** @type {boolean} */ inFrame) => {
        const doc = inFrame ? window.frames[0].document : document;
        const host = /** @type {HTMLElement} */ (doc.getElementById('w1'));
        const root = /** @type {ShadowRoot} */ (host.shadowRoot);
        return [!!root.querySelector('.quiz .intro'), host.getBoundingClientRect().height, /** @type {Element} */ (root.firstElementChild).getBoundingClientRect().height];
      }, inFrame);
      assert.equal(heights[0], true, 'the quiz is on screen');
      assert.equal(heights[1], heights[2], `${width} px: no blank gap under the widget`);
    }
  });

  test('the check notices a moving page: a plain deferred loader leaves the element undefined at first', async () => {
    // This engine has no `blocking="render"` (Firefox), or the snippet does not ask for it:
    // the text is laid out before the loader runs, then pushed down by the reserve.
    const inFrame = await openAt('engines-defer.html', 1280, 700);
    const seen = await record(inFrame);
    assert.notDeepEqual(seen.moves, [], JSON.stringify(seen.samples));
  });

  test('the quiz to its results', async () => {
    await openAt('engines-start.html', 1280, 800);
    await engine.click('w1', '.intro .button.primary');
    await engine.waitFor(fired, false, 'ei-step');
    /** @type {number} */
    const total = await engine.evaluate(() => /** @type {any} */ (window).__events.find((/** @type {any} */ e) => e.type === 'ei-step').detail.total);
    assert.ok(total > 10, `${total} statements`);
    for (let q = 0; q < total; q++) {
      await engine.waitFor((/** @type {string} */ text) => {
        const root = /** @type {HTMLElement} */ (document.getElementById('w1')).shadowRoot;
        const progress = root && root.querySelector('.progress-text');
        return !!progress && (progress.textContent || '').includes(text);
      }, ` ${q + 1} `);
      await engine.click('w1', '.option', 2);
      await engine.click('w1', '.nav .button.primary');
    }
    await engine.waitFor(fired, false, 'ei-complete');
    assert.ok(await engine.evaluate(shadowText, '.results .results-title'), 'the results heading');
    // Every statement answered with the middle option: 50 out of 100.
    assert.deepEqual(await engine.evaluate(() => {
      const root = /** @type {HTMLElement} */ (document.getElementById('w1')).shadowRoot;
      const score = root && root.querySelector('.results .score-value');
      const band = root && root.querySelector('.results .band');
      return [score && score.getAttribute('data-score'), band && band.getAttribute('data-band')];
    }), ['50', 'grow']);
    assert.deepEqual((await record(false)).errors, []);
  });

  test('the FAQ opens and closes', async () => {
    await openAt('engines-start.html', 1280, 800);
    /** @param {string} state */
    const expanded = (state) => {
      const root = /** @type {HTMLElement} */ (document.getElementById('w1')).shadowRoot;
      const button = root && root.querySelector('.faq-button');
      const panel = button && root.getElementById(/** @type {string} */ (button.getAttribute('aria-controls')));
      if (!button || !panel) return false;
      const open = button.getAttribute('aria-expanded') === 'true' && !panel.hidden && panel.getBoundingClientRect().height > 0;
      return state === 'open' ? open : button.getAttribute('aria-expanded') === 'false' && panel.getBoundingClientRect().height === 0;
    };
    assert.equal(await engine.evaluate(expanded, 'closed'), true);
    await engine.click('w1', '.faq-button');
    await engine.waitFor(expanded, 'open');
    await engine.waitFor(fired, false, 'ei-faq-toggle');
    await engine.click('w1', '.faq-button');
    await engine.waitFor(expanded, 'closed');
  });

  test('under a strict Content-Security-Policy, with a configuration inside the element', async () => {
    await openAt('engines-csp.html', 1280, 800);
    assert.equal(await engine.evaluate(shadowText, '.quiz .title'), 'Configured under a strict policy');
    assert.deepEqual((await record(false)).errors, [], 'no error and no refusal');
    await engine.click('w1', '.intro .button.primary');
    await engine.waitFor(fired, false, 'ei-step');
  });

  test('Arabic, right to left', async () => {
    await openAt('engines-ar.html', 1280, 800);
    const layout = await engine.evaluate(() => {
      const root = /** @type {ShadowRoot} */ (/** @type {HTMLElement} */ (document.getElementById('w1')).shadowRoot);
      const eiw = /** @type {HTMLElement} */ (root.querySelector('.eiw'));
      return { lang: eiw.getAttribute('lang'), dir: eiw.getAttribute('dir'), direction: getComputedStyle(eiw).direction };
    });
    assert.deepEqual(layout, { lang: 'ar', dir: 'rtl', direction: 'rtl' });
    await engine.click('w1', '.intro .button.primary');
    await engine.waitFor(fired, false, 'ei-step');
    // Each answer's radio button is on its right, where Arabic starts.
    const sides = await engine.evaluate(() => {
      const root = /** @type {ShadowRoot} */ (/** @type {HTMLElement} */ (document.getElementById('w1')).shadowRoot);
      return [...root.querySelectorAll('.option')].map((option) => {
        const box = option.getBoundingClientRect();
        const input = /** @type {Element} */ (option.querySelector('input')).getBoundingClientRect();
        return input.left + input.width / 2 > box.left + box.width / 2;
      });
    });
    assert.ok(sides.length >= 5 && sides.every(Boolean), JSON.stringify(sides));
    assert.deepEqual((await record(false)).errors, []);
  });

  test('Quick exit replaces the page', async () => {
    await openAt('engines-start.html', 1280, 800);
    await engine.click('w1', '.quick-exit');
    const neutral = `${server.host}/fixtures/engines-neutral.html`;
    await engine.waitForUrl(neutral);
    await engine.waitFor(() => document.readyState === 'complete' && document.title === 'Weather');
    assert.equal(await engine.url(), neutral);
  });
}
