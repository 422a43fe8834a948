// The npm package's TypeScript declarations (packaging/npm/index.d.ts and react.d.ts) must
// accept the fixtures in this folder and reject every marked mistake in must-fail/.
// Run: node --test tests/types/   (needs typescript, react and @types/react 19 installed)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');

function tscPath() {
  try {
    return createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    throw new Error('typescript is not installed: npm install (it is a devDependency, with react and @types/react)');
  }
}

// Runs tsc on a project; returns its exit status and the errors as { file, line, code, text }.
function typeCheck(project) {
  const result = spawnSync(process.execPath, [tscPath(), '--noEmit', '--pretty', 'false', '-p', project], {
    cwd: repo,
    encoding: 'utf8',
  });
  if (result.error) throw result.error;
  const output = `${result.stdout}${result.stderr}`;
  const errors = [];
  for (const text of output.split('\n')) {
    const m = /^(.+?)\((\d+),\d+\): error (TS\d+):/.exec(text);
    if (m) errors.push({ file: resolve(repo, m[1]), line: Number(m[2]), code: m[3], text });
  }
  return { status: result.status, output, errors };
}

test('the fixtures type-check against the declarations', () => {
  const { status, output } = typeCheck('tests/types');
  assert.equal(status, 0, `tsc -p tests/types failed:\n${output}`);
});

test('every marked mistake in must-fail/ is rejected, with the expected error, and nothing else', () => {
  const folder = join(here, 'must-fail');
  // `// expect-error TS2322` marks the line below it.
  const expected = new Map(); // "file:line" → code
  for (const name of readdirSync(folder).filter((f) => /\.tsx?$/.test(f))) {
    const file = join(folder, name);
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((text, i) => {
        const m = /^\s*\/\/ expect-error (TS\d+)\s*$/.exec(text);
        if (m) expected.set(`${file}:${i + 2}`, m[1]);
      });
  }
  assert.ok(expected.size >= 5, 'must-fail/ should mark its mistakes with // expect-error TSxxxx');

  const { status, output, errors } = typeCheck('tests/types/must-fail');
  assert.notEqual(status, 0, `tsc accepted must-fail/, so the declarations constrain nothing:\n${output}`);
  assert.ok(errors.length > 0, `tsc failed without type errors (setup problem?):\n${output}`);

  const found = new Map(); // "file:line" → codes
  for (const e of errors) {
    const key = `${e.file}:${e.line}`;
    found.set(key, [...(found.get(key) || []), e.code]);
  }
  const missing = [...expected].filter(([key, code]) => !(found.get(key) || []).includes(code));
  assert.deepEqual(
    missing.map(([key, code]) => `${key} should fail with ${code}, got ${(found.get(key) || ['no error']).join(', ')}`),
    [],
    'mistakes the declarations accepted',
  );
  const unexpected = errors.filter((e) => !expected.has(`${e.file}:${e.line}`));
  assert.deepEqual(unexpected.map((e) => e.text), [], 'errors on lines not marked // expect-error');
});
