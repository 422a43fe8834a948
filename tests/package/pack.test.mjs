// The npm package holds exactly what a page needs and what publishers and tools read, and
// its package.json points at files that exist. Needs dist/ (./run.sh build).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import { stage, crateVersion, repo, DEMO } from '../../tools/package.mjs';

const folder = stage();
const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

test('the packed files are exactly the widget’s files, its types, manifest, docs and licences', () => {
  const [{ files }] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: folder, encoding: 'utf8' }));
  const packed = files.map((f) => f.path).sort();
  const dist = join(repo, 'dist');
  const widget = walk(dist)
    .map((f) => relative(dist, f))
    .filter((f) => !DEMO.includes(f))
    .map((f) => `dist/${f}`);
  const expected = [...widget, 'package.json', 'README.md', 'CHANGELOG.md', 'LICENSE-MIT', 'LICENSE-APACHE', 'index.d.ts', 'react.d.ts', 'custom-elements.json'].sort();
  assert.deepEqual(packed, expected);
  for (const needed of ['dist/emotional-intimacy-widget.js', 'dist/eiw.js', 'dist/eiw_bg.wasm', 'dist/eiw-config.js', 'dist/eiw-config_bg.wasm', 'dist/lang/en.txt', 'dist/integrity.json', 'dist/src/emotional-intimacy-widget.js', 'dist/emotional-intimacy-widget.js.map', 'dist/eiw.js.map']) {
    assert.ok(packed.includes(needed), needed);
  }
  assert.ok(!packed.some((f) => DEMO.some((d) => f.endsWith(`/${d}`))), 'no demo page');
});

test('package.json: the name, the crate’s version, and fields that resolve to packed files', () => {
  assert.equal(manifest.name, 'emotional-intimacy-widget');
  assert.equal(manifest.version, crateVersion());
  for (const field of ['main', 'jsdelivr', 'unpkg']) assert.equal(manifest[field], 'dist/emotional-intimacy-widget.js', field);
  for (const field of ['main', 'jsdelivr', 'unpkg', 'types', 'customElements']) {
    assert.ok(existsSync(join(folder, manifest[field])), `${field}: ${manifest[field]}`);
  }
  const targets = (value) => (typeof value === 'string' ? [value] : Object.values(value).flatMap(targets));
  for (const target of targets(manifest.exports)) {
    if (target.includes('*')) assert.ok(existsSync(join(folder, target.split('*')[0])), target);
    else assert.ok(existsSync(join(folder, target)), target);
  }
  for (const entry of manifest.files) assert.ok(existsSync(join(folder, entry)), entry);
  const elements = JSON.parse(readFileSync(join(folder, manifest.customElements), 'utf8'));
  assert.ok(elements.modules.some((m) => m.path === 'dist/emotional-intimacy-widget.js'), 'the manifest describes the packed loader');
});

test('integrity.json gives the hash of every shipped file, the loader’s for the publisher snippet', () => {
  const { version, files } = JSON.parse(readFileSync(join(folder, 'dist', 'integrity.json'), 'utf8'));
  assert.equal(version, crateVersion());
  for (const [file, hash] of Object.entries(files)) {
    const actual = 'sha384-' + createHash('sha384').update(readFileSync(join(folder, 'dist', file))).digest('base64');
    assert.equal(hash, actual, file);
  }
  assert.ok(files['emotional-intimacy-widget.js']);
});

test('the publisher snippets in the docs name this version', () => {
  for (const doc of ['README.md', 'docs/platforms.md', 'packaging/npm/README.md']) {
    const text = readFileSync(join(repo, doc), 'utf8');
    const versions = [...text.matchAll(/emotional-intimacy-widget@(\d+\.\d+\.\d+)/g)].map((m) => m[1]);
    assert.ok(versions.length > 0, `${doc} has a versioned snippet`);
    assert.deepEqual([...new Set(versions)], [crateVersion()], doc);
  }
});
