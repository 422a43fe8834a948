// A tiny static server for the e2e tests and benchmarks, on loopback only.
// Two origins: the "host" page origin and a "CDN" origin, both serving:
//   /eiw/...       the built widget (dist/), with CORS, as a publisher's CDN would
//   /fixtures/...  host pages from tests/fixtures/, with {{CDN}} replaced by the widget's origin
//   /bench/...     the benchmark's pages (bench/pages/), likewise, and {{QUIZ}} replaced by
//                  the English statements and FAQ, for the SurveyJS and plain-DOM versions
//   /vendor/...    SurveyJS's files from node_modules, with CORS (benchmark only)
//   /              the demo page (dist/index.html and its files)
// With `compress` (the benchmark's option; tests get bytes as they are on disk), every text
// response is compressed as a CDN serves it: brotli if the request accepts it, else gzip.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));
// EIW_DIST: another built folder, for instance a copy taken while someone rebuilds dist/.
const dist = process.env.EIW_DIST ? resolve(process.env.EIW_DIST) : join(repo, 'dist');
const fixtures = join(repo, 'tests', 'fixtures');
const benchPages = join(repo, 'bench', 'pages');
const vendor = join(repo, 'node_modules');
const VENDORED = ['survey-core/', 'survey-js-ui/'];

// The quiz as the other implementations need it: the widget's own English statements, in
// its question order (first statement of each area, then the second), and its FAQ.
let quiz = null;
async function quizJson() {
  if (!quiz) {
    const en = JSON.parse(await readFile(join(repo, 'content', 'en.json'), 'utf8'));
    const statements = [];
    for (let item = 0; item < 3; item++) {
      for (const d of en.dimensions) if (d.items[item]) statements.push({ text: d.items[item].text, reverse: !!d.items[item].reverse, area: d.id });
    }
    quiz = JSON.stringify({ title: en.ui.title, intro: en.ui.intro, scale: en.scale, statements, faq: en.faq.map((f) => f.question), faqTitle: en.ui.faq_title, start: en.ui.start });
  }
  return quiz;
}
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
};

// What a CDN compresses (text and wasm); images, fonts and archives are compressed already.
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.txt', '.map', '.svg', '.xml']);

/** br, else gzip, else identity, as the request's Accept-Encoding allows (q=0 refuses). */
function chooseEncoding(acceptEncoding = '') {
  const accepted = new Set();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name.trim());
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return 'identity';
}

// Compressed bytes by file, its version on disk, the page variant and encoding, so each is
// compressed once per run (a CDN serves cached compressed bytes; compressing 1.8 MB of
// SurveyJS at brotli 11 on every request would be timed as network).
/** @type {Map<string, Buffer>} */
const compressed = new Map();
/** @param {string} file @param {string} variant @param {Buffer} body @param {'br' | 'gzip'} encoding */
async function encode(file, variant, body, encoding) {
  const { mtimeMs, size } = await stat(file);
  const key = `${file}\0${mtimeMs}\0${size}\0${variant}\0${encoding}`;
  let bytes = compressed.get(key);
  if (!bytes) {
    // The same settings as the size figures: brotli 11, gzip 9 (static files, precompressed).
    bytes = encoding === 'br' ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }) : gzipSync(body, { level: 9 });
    compressed.set(key, bytes);
  }
  return bytes;
}

function inside(root, path) {
  const full = normalize(join(root, decodeURIComponent(path)));
  return full.startsWith(root) ? full : null;
}

// `delays`: widget files (paths under /eiw/) answered that many milliseconds late, as from
// a distant CDN (the benchmark's snippet comparison).
// `gate`: widget files (paths under /eiw/) whose responses are held until every one of them
// has been requested, which only happens if the page requests them together. A page that
// fetched them one after another would never complete; after `gateLimitMs` the gate opens
// anyway and `gateForced` says so, for the test to fail on.
export async function startServer({ wasmDelayMs = 0, gate = [], gateLimitMs = 10000, compress = false, delays = {} } = {}) {
  const origins = {};
  const requests = [];
  const waiting = new Set(gate);
  let openGate;
  const gateOpen = new Promise((resolve) => (openGate = resolve));
  const state = { gateForced: false };
  if (gate.length) {
    const timer = setTimeout(() => {
      state.gateForced = true;
      openGate();
    }, gateLimitMs);
    gateOpen.then(() => clearTimeout(timer));
  }
  const handler = async (req, res) => {
    const url = new URL(req.url, 'http://x');
    requests.push({ port: req.socket.localPort, path: url.pathname });
    const gated = url.pathname.startsWith('/eiw/') && gate.includes(url.pathname.slice(5));
    if (gated) {
      waiting.delete(url.pathname.slice(5));
      if (waiting.size === 0) openGate();
      await gateOpen;
    }
    let file;
    let cors = false;
    if (url.pathname.startsWith('/eiw/')) {
      file = inside(dist, url.pathname.slice(5));
      cors = true;
    } else if (url.pathname.startsWith('/fixtures/')) {
      file = inside(fixtures, url.pathname.slice(10));
    } else if (url.pathname.startsWith('/bench/')) {
      file = inside(benchPages, url.pathname.slice(7));
    } else if (VENDORED.some((v) => url.pathname.startsWith('/vendor/' + v))) {
      file = inside(vendor, url.pathname.slice(8));
      cors = true;
    } else {
      file = inside(dist, url.pathname === '/' ? 'index.html' : url.pathname.slice(1));
    }
    try {
      if (!file) throw new Error('outside');
      let body = await readFile(file);
      const type = types[extname(file)] || 'application/octet-stream';
      if ((file.startsWith(fixtures) || file.startsWith(benchPages)) && type.startsWith('text/html')) {
        const cdn = url.searchParams.get('cdn') === '1' ? origins.cdn : '';
        body = body.toString('utf8').replaceAll('{{CDN}}', cdn).replaceAll('{{HOST}}', origins.host);
        if (body.includes('{{QUIZ}}')) body = body.replaceAll('{{QUIZ}}', (await quizJson()).replaceAll('<', '\\u003c'));
      }
      const delay = url.pathname.startsWith('/eiw/') ? delays[url.pathname.slice(5)] : 0;
      if (delay) await new Promise((r) => setTimeout(r, delay));
      if (extname(file) === '.wasm' && wasmDelayMs > 0) {
        await new Promise((r) => setTimeout(r, wasmDelayMs));
      }
      /** @type {Record<string, string | number>} */
      const headers = { 'content-type': type, 'cache-control': 'no-store' };
      if (cors) headers['access-control-allow-origin'] = '*';
      if (compress && COMPRESSIBLE.has(extname(file))) {
        const encoding = chooseEncoding(req.headers['accept-encoding']);
        headers.vary = 'Accept-Encoding';
        if (encoding !== 'identity') {
          body = await encode(file, url.searchParams.get('cdn') === '1' ? 'cdn' : '', Buffer.from(body), encoding);
          headers['content-encoding'] = encoding;
        }
        headers['content-length'] = Buffer.byteLength(body);
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  };
  const listen = () =>
    new Promise((ok) => {
      const server = createServer(handler);
      server.listen(0, '127.0.0.1', () => ok(server));
    });
  const host = await listen();
  const cdn = await listen();
  origins.host = `http://127.0.0.1:${host.address().port}`;
  origins.cdn = `http://127.0.0.1:${cdn.address().port}`;
  return {
    ...origins,
    requests,
    get gateForced() {
      return state.gateForced;
    },
    // Browsers keep connections alive; drop them so closing never waits.
    close: () =>
      Promise.all(
        [host, cdn].map(
          (s) =>
            new Promise((ok) => {
              s.close(ok);
              s.closeAllConnections();
            }),
        ),
      ),
  };
}
