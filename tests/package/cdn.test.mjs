// The packed tarball behind a local server that answers the URL shapes of the public npm
// CDNs (jsDelivr: /npm/<name>@<version or range>/<file> and the bare package URL, which
// serves the package's default file; unpkg: /<name>@<range>/<file>, redirecting the bare
// URL to the exact version). Every companion file must come from the exact version's
// folder, and a changed file must never run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { launch, open } from '../e2e/harness.mjs';
import { pack, crateVersion, NAME } from '../../tools/package.mjs';

const VERSION = crateVersion();
const MAJOR = VERSION.split('.')[0];
const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.txt': 'text/plain; charset=utf-8', '.json': 'application/json', '.map': 'application/json' };

let root;
let browser;
let cdn;
let host;
const options = { tamper: [], wasmType: TYPES['.wasm'] };
let requests = [];

function listen(handler) {
  return new Promise((ok) => {
    const server = createServer(handler);
    server.listen(0, '127.0.0.1', () => ok(server));
  });
}

// Any version spec resolves to the one packed version, as a CDN resolves a range.
function fileFor(pathname) {
  const m = new RegExp(`^/(?:npm/)?${NAME}(?:@([^/]+))?(/.*)?$`).exec(pathname);
  if (!m) return null;
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const path = m[2] && m[2] !== '/' ? m[2].slice(1) : null;
  return { spec: m[1] || null, path, file: path ? normalize(join(root, path)) : join(root, manifest.jsdelivr) };
}

before(async () => {
  const tgz = pack(mkdtempSync(join(tmpdir(), 'eiw-pack-')));
  const unpacked = mkdtempSync(join(tmpdir(), 'eiw-unpacked-'));
  execFileSync('tar', ['-xzf', tgz, '-C', unpacked]);
  root = join(unpacked, 'package');
  cdn = await listen((req, res) => {
    const url = new URL(req.url, 'http://x');
    requests.push(url.pathname);
    const found = fileFor(url.pathname);
    if (!found || !found.file.startsWith(root)) return res.writeHead(404).end();
    // unpkg answers the bare package URL with a redirect to the exact version's file.
    if (!url.pathname.startsWith('/npm/') && !found.path) {
      return res.writeHead(302, { location: `/${NAME}@${VERSION}/dist/${NAME}.js`, 'access-control-allow-origin': '*' }).end();
    }
    let body;
    try {
      body = readFileSync(found.file);
    } catch {
      return res.writeHead(404).end();
    }
    if (options.tamper.some((t) => found.file.endsWith(t))) {
      body = Buffer.concat([body, Buffer.from(found.file.endsWith('.wasm') ? [0] : '\n// changed\n')]);
    }
    const type = extname(found.file) === '.wasm' ? options.wasmType : TYPES[extname(found.file)] || 'application/octet-stream';
    res.writeHead(200, { 'content-type': type, 'access-control-allow-origin': '*', 'cache-control': 'no-store' });
    res.end(body);
  });
  host = await listen((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(decodeURIComponent(new URL(req.url, 'http://x').searchParams.get('html') || ''));
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await new Promise((ok) => cdn.close(ok));
  await new Promise((ok) => host.close(ok));
});

const cdnOrigin = () => `http://127.0.0.1:${cdn.address().port}`;
const loaderHash = () => JSON.parse(readFileSync(join(root, 'dist', 'integrity.json'), 'utf8')).files[`${NAME}.js`];

async function page(src, { csp = '', body = '', ready = 1 } = {}) {
  requests = [];
  const meta = csp ? `<meta http-equiv="Content-Security-Policy" content="${csp}">` : '';
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">${meta}
    <script src="${src}" integrity="${loaderHash()}" crossorigin="anonymous" defer></script></head>
    <body><emotional-intimacy-widget id="w1" shadow="open" loading="eager">${body}</emotional-intimacy-widget></body></html>`;
  return open(browser, `http://127.0.0.1:${host.address().port}/?html=${encodeURIComponent(html)}`, {
    ready,
    before: (p) =>
      p.addInitScript(() => {
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      }),
  });
}

test('every CDN URL shape loads the widget, and its files always come from the exact version', async () => {
  const shapes = [
    [`/npm/${NAME}@${VERSION}/dist/${NAME}.js`, `/npm/${NAME}@${VERSION}/dist/`],
    [`/npm/${NAME}@${MAJOR}/dist/${NAME}.js`, `/npm/${NAME}@${VERSION}/dist/`],
    [`/npm/${NAME}@${MAJOR}`, `/npm/${NAME}@${VERSION}/dist/`],
    [`/npm/${NAME}`, `/npm/${NAME}@${VERSION}/dist/`],
    [`/${NAME}@${MAJOR}/dist/${NAME}.js`, `/${NAME}@${VERSION}/dist/`],
    [`/${NAME}`, `/${NAME}@${VERSION}/dist/`],
  ];
  for (const [shape, folder] of shapes) {
    const p = await page(cdnOrigin() + shape);
    const companions = requests.filter((r) => r !== shape && !r.endsWith(`/${NAME}.js`));
    assert.deepEqual(companions.sort(), ['eiw.js', 'eiw_bg.wasm', 'lang/en.txt'].map((f) => folder + f).sort(), shape);
    assert.deepEqual(await p.evaluate(() => window.__errors), [], shape);
    await p.context().close();
  }
});

test('a configured widget loads the configuration module from the exact version too', async () => {
  const p = await page(`${cdnOrigin()}/npm/${NAME}@${MAJOR}`, { body: '<script type="application/json">{"cta": {"label": "Book"}}</script>' });
  assert.ok(requests.includes(`/npm/${NAME}@${VERSION}/dist/eiw-config_bg.wasm`));
  assert.ok(requests.every((r) => !r.includes(`@${MAJOR}/dist/eiw`)), 'nothing from the range');
  await p.context().close();
});

test('a changed wasm or glue is never run: the integrity message, and the publisher’s fallback', async () => {
  for (const file of ['eiw_bg.wasm', 'eiw.js']) {
    options.tamper = [`dist/${file}`];
    const p = await page(`${cdnOrigin()}/npm/${NAME}@${VERSION}/dist/${NAME}.js`, { ready: 0, body: '<p id="fallback">Call us: 555-0100</p>' });
    await p.waitForFunction(() => window.__errors.length > 0);
    const errors = await p.evaluate(() => window.__errors);
    assert.match(errors[0], new RegExp(`^${NAME}: ${file.replace('.', '\\.')} failed its integrity check`), file);
    await p.locator('#fallback').waitFor({ state: 'visible' });
    assert.equal(await p.evaluate(() => window.__events.filter((e) => e.type === 'ei-ready').length), 0, `${file}: no widget`);
    assert.equal(await p.locator('#w1').evaluate((el) => el.shadowRoot.querySelector('.eiw')), null);
    await p.context().close();
  }
  options.tamper = [];
});

test('a wasm served as application/octet-stream still loads', async () => {
  options.wasmType = 'application/octet-stream';
  const p = await page(`${cdnOrigin()}/npm/${NAME}@${VERSION}/dist/${NAME}.js`);
  assert.deepEqual(await p.evaluate(() => window.__errors), []);
  await p.context().close();
  options.wasmType = TYPES['.wasm'];
});

test('under the README’s strict Content-Security-Policy with the CDN origin: no violation', async () => {
  const origin = cdnOrigin();
  const p = await page(`${origin}/npm/${NAME}@${MAJOR}/dist/${NAME}.js`, {
    csp: `default-src 'none'; script-src ${origin} 'wasm-unsafe-eval'; connect-src ${origin}; style-src 'self'; img-src 'self' data:`,
  });
  await p.locator('#w1 .intro .button.primary').click();
  await p.locator('#w1 .question').waitFor();
  assert.deepEqual(await p.evaluate(() => window.__violations), []);
  assert.deepEqual(p.pageErrors, []);
  await p.context().close();
});
