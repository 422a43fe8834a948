// @ts-check
// The two browser engines besides Chromium, behind one small interface for the smoke suite:
//   Firefox ESR (Debian's firefox-esr), headless, through WebDriver BiDi with puppeteer-core;
//   WebKit (Debian's webkit2gtk-driver: WebKitWebDriver driving WebKitGTK's MiniBrowser),
//     through classic WebDriver with selenium-webdriver. MiniBrowser needs a display:
//     run under xvfb-run (tests/engines/run.sh does).
// `./run.sh test` installs both packages and xvfb when missing.
import puppeteer from 'puppeteer-core';
import { Builder } from 'selenium-webdriver';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';

// A folder module of a CommonJS package: ES imports cannot name it.
/** @type {typeof import('selenium-webdriver/remote.js')} */
const remote = createRequire(import.meta.url)('selenium-webdriver/remote');

export const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER || '/usr/bin/WebKitWebDriver';
export const MINIBROWSER = process.env.MINIBROWSER || ['x86_64-linux-gnu', 'aarch64-linux-gnu']
  .map((triple) => `/usr/lib/${triple}/webkit2gtk-4.1/MiniBrowser`)
  .find((path) => existsSync(path)) || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

const TIMEOUT = 30000;

/**
 * `promise`, or a failure naming `what` after `ms`: a WebDriver command that never answers
 * (WebKitWebDriver, asked to run a script in a page that is going away) fails its test
 * instead of hanging the whole file.
 * @template T @param {Promise<T>} promise @param {string} what @param {number} [ms]
 * @returns {Promise<T>}
 */
function bounded(promise, what, ms = TIMEOUT) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer from the driver in ${ms} ms`)), ms);
  });
  return /** @type {Promise<T>} */ (Promise.race([promise, late])).finally(() => clearTimeout(timer));
}

/**
 * @typedef {object} Engine
 * @property {string} name
 * @property {string} version
 * @property {number} minWidth  the narrowest window it opens (narrower: a frame, see frame())
 * @property {(url: string, size?: { width: number, height: number }) => Promise<void>} goto
 *   a fresh page of `url` (no storage from an earlier one), at `size` (CSS px of viewport)
 * @property {(fn: Function, ...args: unknown[]) => Promise<any>} evaluate
 *   runs `fn(...args)` in the page (awaiting a promise it returns); its result, as JSON
 * @property {(fn: Function, ...args: unknown[]) => Promise<void>} waitFor
 *   until `fn(...args)` in the page is truthy
 * @property {(host: string, selector: string, index?: number) => Promise<void>} click
 *   a real click (the engine's input events) on the `index`th match of `selector` in the
 *   open shadow root of element #`host`
 * @property {() => Promise<string>} url
 * @property {(url: string) => Promise<void>} waitForUrl
 *   until the window shows `url`, across a navigation
 * @property {() => Promise<void>} close
 */

/** @param {string} host @param {string} selector @param {number} index */
const inShadow = (host, selector, index) => {
  const root = /** @type {HTMLElement} */ (document.getElementById(host)).shadowRoot;
  return root ? root.querySelectorAll(selector)[index] || null : null;
};

/** @returns {Promise<Engine>} */
export async function firefox() {
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
  /** @type {import('puppeteer-core').BrowserContext | null} */
  let context = null;
  /** @type {import('puppeteer-core').Page | null} */
  let page = null;
  const current = () => {
    if (!page) throw new Error('no page: call goto() first');
    return page;
  };
  return {
    name: 'Firefox',
    version: await browser.version(),
    minWidth: 0,
    async goto(url, size = { width: 1280, height: 800 }) {
      if (context) await context.close();
      context = await browser.createBrowserContext();
      page = await context.newPage();
      await page.setViewport(size);
      await page.goto(url);
    },
    evaluate: (fn, ...args) => current().evaluate(/** @type {any} */ (fn), ...args),
    async waitFor(fn, ...args) {
      await current().waitForFunction(/** @type {any} */ (fn), { timeout: TIMEOUT }, ...args);
    },
    async click(host, selector, index = 0) {
      const handle = await current().evaluateHandle(inShadow, host, selector, index);
      const element = handle.asElement();
      if (!element) throw new Error(`#${host} ${selector} [${index}]: not found`);
      await /** @type {import('puppeteer-core').ElementHandle<Element>} */ (element).click();
    },
    url: async () => current().url(),
    async waitForUrl(url) {
      await current().waitForFunction((/** @type {string} */ url) => location.href === url, { timeout: TIMEOUT }, url);
    },
    close: () => browser.close(),
  };
}

/** @returns {Promise<Engine>} */
export async function webkit() {
  /** @type {number} */
  const port = await new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
  const service = new remote.DriverService(WEBKIT_DRIVER, { port, args: [`--port=${port}`], loopback: true });
  const server = await service.start(TIMEOUT);
  /** @type {import('selenium-webdriver').WebDriver | null} */
  let driver = null;
  const session = async () => {
    if (driver) await bounded(driver.quit(), 'closing MiniBrowser');
    driver = null;
    const started = await bounded(new Builder()
      .usingServer(server)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
      })
      .build(), 'starting MiniBrowser');
    // The driver's own limits, so that a script or a load that never ends is reported.
    await bounded(started.manage().setTimeouts({ script: TIMEOUT, pageLoad: TIMEOUT }), 'setting timeouts');
    driver = started;
    return started;
  };
  const current = () => {
    if (!driver) throw new Error('no page: call goto() first');
    return driver;
  };
  /** @param {Function} fn @param {unknown[]} args */
  const script = (fn, args) =>
    bounded(current().executeScript(`return (${fn}).apply(null, arguments)`, ...args), `running ${String(fn).slice(0, 60)}`);
  const version = String((await (await session()).getCapabilities()).get('browserVersion'));
  return {
    name: 'WebKit',
    version,
    minWidth: 447,
    async goto(url, size = { width: 1280, height: 800 }) {
      const d = await session();
      // The window's outer size: set, then corrected by what the viewport came out as.
      await bounded(d.manage().window().setRect({ width: size.width, height: size.height }), 'sizing the window');
      const [w, h] = /** @type {number[]} */ (await bounded(d.executeScript('return [innerWidth, innerHeight]'), 'reading the viewport'));
      await bounded(d.manage().window().setRect({ width: 2 * size.width - w, height: 2 * size.height - h }), 'sizing the window');
      await bounded(d.get(url), `opening ${url}`);
    },
    evaluate: (fn, ...args) => script(fn, args),
    async waitFor(fn, ...args) {
      await current().wait(async () => !!(await script(fn, args)), TIMEOUT, `waiting for ${fn}`);
    },
    async click(host, selector, index = 0) {
      const element = /** @type {import('selenium-webdriver').WebElement | null} */ (
        await bounded(current().executeScript(`return (${inShadow}).apply(null, arguments)`, host, selector, index), `finding #${host} ${selector}`)
      );
      if (!element) throw new Error(`#${host} ${selector} [${index}]: not found`);
      // WebKitWebDriver does not scroll an element in a shadow root into view to click it.
      await bounded(current().executeScript('arguments[0].scrollIntoView({ block: "center" })', element), 'scrolling to it');
      await bounded(element.click(), `clicking #${host} ${selector}`);
    },
    url: () => bounded(current().getCurrentUrl(), 'reading the URL'),
    async waitForUrl(url) {
      // The driver's own state, not a script: a script sent while the old page unloads can
      // go unanswered in WebKitWebDriver.
      await current().wait(async () => (await bounded(current().getCurrentUrl(), 'reading the URL')) === url, TIMEOUT, `waiting for ${url}`);
    },
    async close() {
      try {
        if (driver) await bounded(driver.quit(), 'closing MiniBrowser');
      } finally {
        await service.kill();
      }
    },
  };
}
