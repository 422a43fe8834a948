// Loader reliability: a failed download affects only the widgets that needed it (a later
// widget, a re-inserted one and the next widget needing a language file try again), each
// kind of failure (refused by the page's Content-Security-Policy, not arriving, changed)
// tells the publisher its own fix, and a cold load leaves no failed or canceled request.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, openWidget } from './harness.mjs';

let env;
before(async () => {
  env = await setup();
});
after(() => env.close());

const PREFIX = 'emotional-intimacy-widget: ';

/** Fails the first request for `path` with `failure(route)`; later ones go through. */
async function failFirst(page, path, failure) {
  const seen = [];
  await page.route(
    (url) => url.pathname === path,
    (route) => {
      seen.push(route.request().url());
      return seen.length === 1 ? failure(route) : route.continue();
    },
  );
  return seen;
}

const readyFor = (page, id) =>
  page.waitForFunction((id) => window.__events.some((e) => e.type === 'ei-ready' && e.id === id), id);

const errorsSoFar = (page) => page.evaluate(() => window.__errors);

/** Inserts another open, eager widget at the end of the page. */
const insertWidget = (page, id, attributes = {}) =>
  page.evaluate(
    ({ id, attributes }) => {
      const el = document.createElement('emotional-intimacy-widget');
      el.id = id;
      el.setAttribute('shadow', 'open');
      el.setAttribute('loading', 'eager');
      for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
      document.body.append(el);
    },
    { id, attributes },
  );

test('a failed download affects only the widgets that needed it: a later widget and a re-inserted one load', async () => {
  for (const file of ['eiw_bg.wasm', 'eiw.js']) {
    let seen;
    const page = await openWidget(env, '', {
      ready: 0,
      childHtml: '<p id="fallback">Call us: 555-0100</p>',
      before: async (p) => {
        seen = await failFirst(p, `/eiw/${file}`, (route) => route.abort('connectionreset'));
      },
    });
    await page.locator('#fallback').waitFor({ state: 'visible' });
    const errors = await errorsSoFar(page);
    assert.equal(errors.length, 1, errors.join('\n'));
    assert.ok(errors[0].startsWith(`${PREFIX}could not load ${file} from `), errors[0]);

    // The network is back: a widget that starts now loads, and the first one is left alone.
    await insertWidget(page, 'w2');
    await readyFor(page, 'w2');
    assert.equal(await page.locator('#w2 .eiw').count(), 1);
    assert.equal(await page.locator('#fallback').isVisible(), true, 'the first widget still shows its fallback');

    // Re-inserted, the first widget tries again and starts.
    await page.evaluate(() => {
      const el = document.getElementById('w1');
      el.remove();
      document.body.prepend(el);
    });
    await readyFor(page, 'w1');
    assert.equal(await page.locator('#w1 .eiw').count(), 1);
    assert.equal(await page.locator('#fallback').isVisible(), false, 'the widget replaced the fallback');
    await page.locator('#w1 .intro .button.primary').click();
    assert.equal(await page.locator('#w1 .progress-text').textContent(), 'Statement 1 of 21', `${file}: the quiz works`);
    // Once more by the later widget; a failed glue also once by the loader, to find out why.
    assert.equal(seen.length, file === 'eiw.js' ? 3 : 2, `${file}: ${seen.join(', ')}`);
    assert.deepEqual(await errorsSoFar(page), errors, 'nothing more to report');
    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  }
});

test('a language file that failed is tried again by the next widget that needs it', async () => {
  let seen;
  const page = await openWidget(env, '', {
    lang: 'es',
    before: async (p) => {
      seen = await failFirst(p, '/eiw/lang/es.txt', (route) => route.fulfill({ status: 503, body: 'busy' }));
    },
  });
  assert.equal(await page.locator('#w1 .eiw').getAttribute('lang'), 'en', 'the first widget falls back to English');
  const errors = await errorsSoFar(page);
  assert.equal(errors.length, 1, errors.join('\n'));
  assert.ok(errors[0].startsWith(`${PREFIX}could not load lang/es.txt from `), errors[0]);
  assert.match(errors[0], / Showing English instead\./);

  await insertWidget(page, 'w2');
  await readyFor(page, 'w2');
  assert.equal(await page.locator('#w2 .eiw').getAttribute('lang'), 'es', 'the later widget downloaded Spanish');
  assert.equal(await page.locator('#w1 .eiw').getAttribute('lang'), 'en', 'the first widget still shows English');
  assert.equal(seen.length, 2, seen.join(', '));
  assert.deepEqual(await errorsSoFar(page), errors);
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

/** Opens a widget whose files fail as `options` makes them; returns its one console error. */
async function failure(options) {
  const page = await openWidget(env, '', { ...options, ready: 0, childHtml: '<p id="fallback">Call us: 555-0100</p>' });
  await page.locator('#fallback').waitFor({ state: 'visible' });
  const errors = await errorsSoFar(page);
  assert.equal(errors.length, 1, errors.join('\n'));
  assert.equal(await page.locator('#w1').evaluate((el) => el.shadowRoot.querySelector('.eiw')), null, 'no widget ran');
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
  return errors[0];
}

const csp = (policy) => `<meta http-equiv="Content-Security-Policy" content="${policy}">`;

test('refused by the page’s Content-Security-Policy: the message names the directive to change', async () => {
  const host = env.server.host;
  const origin = host.replace(/[.:/]/g, '\\$&');
  // Only the loader itself is allowed as a script: the glue is refused.
  const glue = await failure({ head: csp(`script-src ${host}/eiw/emotional-intimacy-widget.js 'wasm-unsafe-eval'; connect-src 'self'`) });
  assert.match(glue, new RegExp(`^${PREFIX}eiw\\.js was blocked by the page's Content-Security-Policy \\(script-src(-elem)?\\)\\. Allow ${origin} in script-src`));

  const fetches = await failure({ head: csp(`script-src 'self' 'wasm-unsafe-eval'; connect-src 'none'`) });
  assert.match(fetches, new RegExp(`^${PREFIX}(eiw_bg\\.wasm|lang/en\\.txt) was blocked by the page's Content-Security-Policy \\(connect-src\\)\\. Allow ${origin} in connect-src\\.`));

  const WASM = new RegExp(`^${PREFIX}eiw_bg\\.wasm was blocked by the page's Content-Security-Policy: compiling WebAssembly needs 'wasm-unsafe-eval' in script-src\\.`);
  const wasm = await failure({ head: csp(`script-src 'self'; connect-src 'self'`) });
  assert.match(wasm, WASM);
  // WebKit reports no violation event for WebAssembly, only the error: the same message.
  const silent = await failure({
    head: csp(`script-src 'self'; connect-src 'self'`),
    before: (p) =>
      p.addInitScript(() =>
        window.addEventListener('securitypolicyviolation', (e) => e.stopImmediatePropagation(), { capture: true }),
      ),
  });
  assert.match(silent, WASM);
  for (const message of [glue, fetches, wasm]) assert.doesNotMatch(message, /integrity|could not load/);
});

test('a file that does not arrive, or arrives changed: each has its own message', async () => {
  const base = `${env.server.host}/eiw/`.replace(/[.:/]/g, '\\$&');
  for (const fail of [(route) => route.abort('connectionrefused'), (route) => route.fulfill({ status: 404, body: 'gone' })]) {
    const network = await failure({ before: (p) => p.route('**/eiw/eiw_bg.wasm', fail) });
    assert.match(network, new RegExp(`^${PREFIX}could not load eiw_bg\\.wasm from ${base}\\. Check that ${base}eiw_bg\\.wasm is on the server, and that the server sends CORS headers`));
    assert.doesNotMatch(network, /integrity|Content-Security-Policy/);
  }

  for (const file of ['eiw_bg.wasm', 'eiw.js']) {
    const changed = await failure({
      before: (p) =>
        p.route(`**/eiw/${file}`, async (route) => {
          const response = await route.fetch();
          const body = await response.body();
          body[body.length - 1] ^= 1;
          await route.fulfill({ response, body });
        }),
    });
    assert.ok(changed.startsWith(`${PREFIX}${file} failed its integrity check: it is not the file this loader (version `), changed);
    assert.match(changed, /Serve the files of one release together, unchanged/);
    assert.doesNotMatch(changed, /Content-Security-Policy|could not load/);
  }
});

/** Every request of `page` for the widget's files, and those that failed or were canceled. */
function watchRequests(page) {
  const pending = new Set();
  const failed = [];
  let wake = () => {};
  const ours = (request) => new URL(request.url()).pathname.startsWith('/eiw/');
  page.on('request', (request) => {
    if (ours(request)) pending.add(request);
  });
  page.on('requestfinished', (request) => {
    pending.delete(request);
    wake();
  });
  page.on('requestfailed', (request) => {
    pending.delete(request);
    failed.push(`${request.url()}: ${request.failure()?.errorText}`);
    wake();
  });
  return {
    failed,
    // Resolves once every request so far has finished or failed.
    async settled() {
      while (pending.size) await new Promise((resolve) => (wake = resolve));
    },
  };
}

test('a cold load completes every request: none failed or canceled (net::ERR_ABORTED)', async () => {
  // Cancellation depended on timing (about one load in three), so several cold loads, with
  // the files on the page's origin and on another.
  for (const path of ['/fixtures/basic.html', '/fixtures/basic.html?cdn=1', '/fixtures/two.html']) {
    for (let i = 0; i < 4; i++) {
      let requests;
      const page = await open(env.browser, env.server.host + path, {
        ready: path.includes('two') ? 2 : 1,
        before: (p) => {
          requests = watchRequests(p);
        },
      });
      await requests.settled();
      assert.deepEqual(requests.failed, [], `${path}, load ${i + 1}`);
      assert.deepEqual(await errorsSoFar(page), []);
      await page.context().close();
    }
  }
});
