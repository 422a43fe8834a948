// A tiny static server for the e2e tests and benchmarks, on loopback only.
// Two origins: the "host" page origin and a "CDN" origin, both serving:
//   /eiw/...       the built widget (dist/), with CORS, as a publisher's CDN would
//   /fixtures/...  host pages from tests/fixtures/, with {{CDN}} replaced by the widget's origin
//   /              the demo page (dist/index.html and its files)
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const dist = join(repo, 'dist');
const fixtures = join(repo, 'tests', 'fixtures');
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
};

function inside(root, path) {
  const full = normalize(join(root, decodeURIComponent(path)));
  return full.startsWith(root) ? full : null;
}

export async function startServer({ wasmDelayMs = 0 } = {}) {
  const origins = {};
  const requests = [];
  const handler = async (req, res) => {
    const url = new URL(req.url, 'http://x');
    requests.push({ port: req.socket.localPort, path: url.pathname });
    let file = null;
    let cors = false;
    if (url.pathname.startsWith('/eiw/')) {
      file = inside(dist, url.pathname.slice(5));
      cors = true;
    } else if (url.pathname.startsWith('/fixtures/')) {
      file = inside(fixtures, url.pathname.slice(10));
    } else {
      file = inside(dist, url.pathname === '/' ? 'index.html' : url.pathname.slice(1));
    }
    try {
      if (!file) throw new Error('outside');
      let body = await readFile(file);
      const type = types[extname(file)] || 'application/octet-stream';
      if (file.startsWith(fixtures) && type.startsWith('text/html')) {
        const cdn = url.searchParams.get('cdn') === '1' ? origins.cdn : '';
        body = body.toString('utf8').replaceAll('{{CDN}}', cdn).replaceAll('{{HOST}}', origins.host);
      }
      if (extname(file) === '.wasm' && wasmDelayMs > 0) {
        await new Promise((r) => setTimeout(r, wasmDelayMs));
      }
      const headers = { 'content-type': type, 'cache-control': 'no-store' };
      if (cors) headers['access-control-allow-origin'] = '*';
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
