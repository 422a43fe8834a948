// Quick exit inside a frame, as some site builders embed widgets: it takes the whole tab
// away where the frame may navigate it, and otherwise at least the frame's own page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open } from './harness.mjs';

let env;
before(async () => {
  env = await setup();
});
after(() => env.close());

const NEUTRAL = 'https://www.google.com/search?q=weather';

// `kind`: "open" (an ordinary cross-origin iframe) or "sandboxed" (sandbox="allow-scripts":
// no allow-top-navigation), both in tests/fixtures/frame-host-*.html.
async function framedPage(kind) {
  const url = `${env.server.host}/fixtures/frame-host-${kind}.html?cdn=1`;
  const page = await open(env.browser, url, {
    ready: 0,
    before: (p) => p.route(NEUTRAL, (r) => r.fulfill({ contentType: 'text/html', body: '<title>Weather</title><p>Weather</p>' })),
  });
  const frame = page.frames().find((f) => f !== page.mainFrame());
  await frame.locator('#w1 .quick-exit').waitFor();
  return { page, frame, url };
}

test('in a cross-origin frame, the Quick exit button replaces the whole tab', async () => {
  const { page, frame } = await framedPage('open');
  await Promise.all([page.waitForURL(NEUTRAL), frame.locator('#w1 .quick-exit').click()]);
  assert.equal(await page.title(), 'Weather');
  await page.context().close();
});

test('in a sandboxed frame that may not navigate the tab, Quick exit replaces the frame’s page', async () => {
  const { page, frame, url } = await framedPage('sandboxed');
  await Promise.all([frame.waitForURL(NEUTRAL), frame.locator('#w1 .quick-exit').click()]);
  assert.equal(page.url(), url, 'the tab stays (the browser does not let the frame navigate it)');
  assert.equal(await frame.locator('p').textContent(), 'Weather', 'the widget is gone');
  await page.context().close();
});
