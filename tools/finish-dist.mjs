// @ts-check
// The last step of every build (a trunk post_build hook, see Trunk.toml), on the staging
// folder trunk is about to publish as dist/:
//   1. the built-in languages: each content/<code>.json checked by the configuration
//      module's own validator and written packed as lang/<code>.txt, so a visitor
//      downloads only theirs;
//   2. the wasm-bindgen glue minified, with its source map and readable source (src/), and
//      the functions the wasm imports from it renamed short on both sides;
//   3. the loader stamped with the version, every file's SHA-384, the languages and their
//      loading texts, the attributes it observes (attributes.json), then minified the same way;
//   4. integrity.json: every shipped file's hash and the publisher snippet's `integrity`.
// Usage: node tools/finish-dist.mjs [folder]   (default: $TRUNK_STAGING_DIR, else dist/)
import { readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { minify } from 'terser';
import { crateVersion, repo } from './package.mjs';
import { observed } from './attributes.mjs';
import { shortImports } from './short-imports.mjs';

const out = process.argv[2] || process.env.TRUNK_STAGING_DIR || join(repo, 'dist');
const LOADER = 'emotional-intimacy-widget.js';
const MODULES = ['eiw', 'eiw-config'];

const version = crateVersion();
/** @param {import('node:crypto').BinaryLike} bytes */
const sri = (bytes) => 'sha384-' + createHash('sha384').update(bytes).digest('base64');
/** @param {string} name @param {string | NodeJS.ArrayBufferView} data */
const write = (name, data) => {
  mkdirSync(dirname(join(out, name)), { recursive: true });
  writeFileSync(join(out, name), data);
};

// 1. Languages: English first (the fallback), then by code; the same rule as build.rs.
const codes = readdirSync(join(repo, 'content'))
  .filter((f) => f.endsWith('.json') && f !== 'resources.json')
  .map((f) => f.slice(0, -5))
  .sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a < b ? -1 : 1));
const config = await import(pathToFileURL(join(out, 'eiw-config.js')).href);
config.initSync({ module: readFileSync(join(out, 'eiw-config_bg.wasm')) });
/** @type {Record<string, string>} */
const loading = {};
for (const code of codes) {
  const source = readFileSync(join(repo, 'content', `${code}.json`), 'utf8');
  let packed;
  try {
    packed = config.pack_language(code, source);
  } catch (problems) {
    console.error(`content/${code}.json:\n${problems}`);
    process.exit(1);
  }
  write(`lang/${code}.txt`, packed);
  loading[code] = JSON.parse(source).ui.loading;
}

// 2 and 3. Minified with a source map; the readable file goes to src/ for auditing.
/** @param {string} name @param {string} code @param {import('terser').MinifyOptions} options */
async function minified(name, code, options) {
  write(`src/${name}`, code);
  const result = await minify(
    { [`src/${name}`]: code },
    { ...options, sourceMap: { url: `${name}.map` }, format: { comments: /^!/ } },
  );
  // Both are there whenever terser succeeds with a source map asked for as text.
  if (result.code === undefined || typeof result.map !== 'string') throw new Error(`terser gave no code or source map for ${name}`);
  write(name, result.code);
  write(`${name}.map`, result.map);
}
for (const name of MODULES) {
  // Short import names first (tools/short-imports.mjs says what they save).
  const { wasm, glue } = shortImports(readFileSync(join(out, `${name}_bg.wasm`)), readFileSync(join(out, `${name}.js`), 'utf8'));
  write(`${name}_bg.wasm`, wasm);
  await minified(`${name}.js`, glue, { module: true });
}

/** @type {Record<string, string>} */
const files = {};
for (const name of MODULES) {
  files[`${name}.js`] = sri(readFileSync(join(out, `${name}.js`)));
  files[`${name}_bg.wasm`] = sri(readFileSync(join(out, `${name}_bg.wasm`)));
}
for (const code of codes) files[`lang/${code}.txt`] = sri(readFileSync(join(out, 'lang', `${code}.txt`)));

// The space the widget reserves, from its stylesheet, for the loading state.
const css = readFileSync(join(repo, 'static', 'widget.css'), 'utf8');
const reserve = /\/\* reserve:[\s\S]*?\*\/([\s\S]*?)\/\* reserve end \*\//.exec(css);
if (!reserve) throw new Error('static/widget.css: the /* reserve: … */ … /* reserve end */ block is missing');
const minifiedReserve = reserve[1].replace(/\s+/g, ' ').replace(/\s*([{}:;,()])\s*/g, '$1').replace(/;}/g, '}').trim();

const build = { version, files, languages: codes, loading, reserve: minifiedReserve, observed: observed() };
const source = readFileSync(join(repo, 'static', LOADER), 'utf8');
const marker = /\/\*@build\*\/ \{[^\n]*\};/;
if (!marker.test(source)) throw new Error(`static/${LOADER}: the /*@build*/ marker is missing`);
await minified(LOADER, source.replace(marker, `/*@build*/ ${JSON.stringify(build)};`), {
  compress: { passes: 2 },
});

/** @type {Record<string, string>} */
const shipped = {};
for (const name of [LOADER, ...Object.keys(files)]) shipped[name] = sri(readFileSync(join(out, name)));
write('integrity.json', JSON.stringify({ version, files: shipped }, null, 2) + '\n');
console.log(`finish-dist: ${out}: ${codes.length} languages, loader ${shipped[LOADER]}`);
