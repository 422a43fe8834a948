// @ts-check
// The npm package, exactly as `npm publish` would upload it: stages
// target/package/emotional-intimacy-widget/ from dist/ (without the demo page) and
// packaging/npm/, with the crate's version, then packs it with `npm pack`.
// Usage: node tools/package.mjs [folder for the .tgz]   (default: target/package)
// Prints the .tgz's path. Tests and `./run.sh release` use it; see RELEASING in README.md.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const NAME = 'emotional-intimacy-widget';
/** dist/ files that are the demo page, not the widget. */
export const DEMO = ['index.html', 'demo.css'];

/** The crate's version, from Cargo.toml's [package]: the one version everything ships as. */
export function crateVersion() {
  const found = /^\[package\][^[]*?^version\s*=\s*"([^"]+)"/m.exec(readFileSync(join(repo, 'Cargo.toml'), 'utf8'));
  if (!found) throw new Error('Cargo.toml: no version in [package]');
  return found[1];
}

/** Stages the package folder; returns its path. */
export function stage() {
  const dist = join(repo, 'dist');
  if (!existsSync(join(dist, `${NAME}.js`))) throw new Error('dist/ is not built: run ./run.sh build first');
  const folder = join(repo, 'target', 'package', NAME);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  cpSync(dist, join(folder, 'dist'), { recursive: true, filter: (src) => !DEMO.includes(basename(src)) || dirname(src) !== dist });
  for (const file of ['README.md', 'index.d.ts', 'react.d.ts', 'custom-elements.json']) {
    cpSync(join(repo, 'packaging', 'npm', file), join(folder, file));
  }
  for (const file of ['CHANGELOG.md', 'LICENSE-MIT', 'LICENSE-APACHE']) cpSync(join(repo, file), join(folder, file));
  const manifest = JSON.parse(readFileSync(join(repo, 'packaging', 'npm', 'package.json'), 'utf8'));
  manifest.version = crateVersion();
  writeFileSync(join(folder, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  return folder;
}

/** Stages and packs; returns the .tgz's path. */
export function pack(out = join(repo, 'target', 'package')) {
  const folder = stage();
  mkdirSync(out, { recursive: true });
  const result = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', resolve(out)], { cwd: folder, encoding: 'utf8' }));
  return join(resolve(out), result[0].filename);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(pack(process.argv[2]));
}
