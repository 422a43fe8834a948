// Keeps the npm package's custom-elements.json and index.d.ts, docs/configuration.md and the
// WordPress plugin in step: the attributes are attributes.json's (the files are generated from
// it by tools/attributes.mjs, and must be up to date), the events and every CSS custom
// property and part are docs/configuration.md's (itself checked against the widget by
// src/core/config/docs_test.rs).
// Run: node --test tests/package/   (plain Node 20, no dependencies)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMMAND, generated, table } from '../../tools/attributes.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (path) => readFileSync(join(repo, path), 'utf8');

const TAG = 'emotional-intimacy-widget';
// Documented for the package before docs/configuration.md has them; once the docs list them
// too, nothing changes (the expected sets are the union).
const UPCOMING_EVENTS = ['ei-compare'];
/** Every attribute, as attributes.json defines them. */
const ATTRIBUTES = table().map((a) => a.name);

// ---- docs/configuration.md -----------------------------------------------------------------

const DOC = read('docs/configuration.md');

/** The text of the section that starts with `heading`, up to the next heading. */
function section(heading) {
  const start = DOC.indexOf(`\n${heading}\n`);
  assert.ok(start >= 0, `docs/configuration.md lacks the heading "${heading}"`);
  const body = DOC.slice(start + heading.length + 2);
  const end = body.search(/\n#/);
  return end < 0 ? body : body.slice(0, end);
}

/** The backticked first cell of every table row (the same rule as docs_test.rs). */
function firstCells(text) {
  return text
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => line.slice(3).split('`')[0]);
}

/** Every backticked name in `text` that matches `pattern`. */
function backticked(text, pattern) {
  return [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]).filter((name) => pattern.test(name));
}

const documented = {
  attributes: firstCells(section('## Attributes')),
  events: firstCells(section('## Events')),
};
{
  const theming = section('## Theming');
  const prose = theming.split('```')[0];
  // "CSS custom properties …: `--eiw-accent`, … Parts for `::part()`: `card`, …"
  const partsAt = prose.indexOf('`::part()`');
  assert.ok(partsAt >= 0, 'the Theming section should list the parts after `::part()`');
  documented.properties = backticked(prose.slice(0, partsAt), /^--eiw-[a-z-]+$/);
  documented.parts = backticked(prose.slice(partsAt + '`::part()`'.length), /^[a-z][a-z-]*$/);
}

const expected = {
  attributes: ATTRIBUTES,
  events: union(documented.events, UPCOMING_EVENTS),
};

function union(a, b) {
  return [...new Set([...a, ...b])];
}

// ---- packaging/npm/custom-elements.json ----------------------------------------------------

const manifest = JSON.parse(read('packaging/npm/custom-elements.json'));
const declarations = manifest.modules.flatMap((m) => (m.declarations || []).map((d) => ({ module: m, d })));
const element = declarations.find(({ d }) => d.customElement && d.tagName === TAG);

// ---- packaging/npm/index.d.ts --------------------------------------------------------------

const DTS = withoutComments(read('packaging/npm/index.d.ts'));

/** The source without comments (string literals kept, so `'https://…'` survives). */
function withoutComments(source) {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '/' && source[i + 1] === '/') {
      while (i < source.length && source[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && source[i + 1] === '*') {
      i = source.indexOf('*/', i + 2) + 1;
      assert.ok(i > 0, 'index.d.ts: unterminated comment');
    } else if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < source.length && source[j] !== c) j += source[j] === '\\' ? 2 : 1;
      out += source.slice(i, j + 1);
      i = j;
    } else {
      out += c;
    }
  }
  return out;
}

/** The member names of `interface <name> { … }` (top level only, in order). */
function interfaceMembers(name) {
  const head = new RegExp(`interface\\s+${name}\\b[^{]*\\{`).exec(DTS);
  assert.ok(head, `index.d.ts lacks interface ${name}`);
  let depth = 1;
  let i = head.index + head[0].length;
  const start = i;
  for (; depth > 0 && i < DTS.length; i++) {
    if (DTS[i] === '{') depth++;
    else if (DTS[i] === '}') depth--;
  }
  let body = DTS.slice(start, i - 1);
  // Drop nested groups (object types, parameter lists, tuples), innermost first.
  for (let before = ''; before !== body; ) {
    before = body;
    body = body.replace(/\{[^{}]*\}|\([^()]*\)|\[[^[\]]*\]/g, '');
  }
  return body
    .split(';')
    .map((member) => /^\s*(?:readonly\s+)?(?:'([^']*)'|"([^"]*)"|([A-Za-z_$][\w$]*))\s*\??\s*:/.exec(member))
    .filter(Boolean)
    .map((m) => m[1] ?? m[2] ?? m[3]);
}

// ---- Checks --------------------------------------------------------------------------------

/** Asserts that `actual` holds exactly the names in `wanted`, once each. */
function sameNames(actual, wanted, what, source = 'docs/configuration.md') {
  const duplicates = actual.filter((name, i) => actual.indexOf(name) !== i);
  const missing = wanted.filter((name) => !actual.includes(name));
  const extra = actual.filter((name) => !wanted.includes(name));
  assert.deepEqual(
    { missing, extra, duplicates },
    { missing: [], extra: [], duplicates: [] },
    `${what}: "missing" are in ${source} but not there; "extra" are there but not in ${source}`,
  );
}

test('the files generated from attributes.json are up to date', () => {
  const stale = generated().filter((f) => f.current !== f.wanted).map((f) => f.path);
  assert.deepEqual(stale, [], `run \`${COMMAND}\` to update them from attributes.json`);
});

test('docs/configuration.md documents exactly the attributes of attributes.json, in order', () => {
  assert.deepEqual(documented.attributes, ATTRIBUTES);
});

test('docs/configuration.md tables were found', () => {
  assert.ok(documented.attributes.length >= 10, `attributes: ${documented.attributes}`);
  assert.ok(documented.events.length >= 6, `events: ${documented.events}`);
  assert.ok(documented.properties.length >= 5, `custom properties: ${documented.properties}`);
  assert.ok(documented.parts.length >= 5, `parts: ${documented.parts}`);
});

test('custom-elements.json describes the element, defined by the loader module', () => {
  assert.match(manifest.schemaVersion, /^2\./);
  assert.ok(element, `no custom element declaration with tagName "${TAG}"`);
  assert.equal(element.module.path, 'dist/emotional-intimacy-widget.js');
  assert.ok(
    element.module.exports?.some((e) => e.kind === 'custom-element-definition' && e.name === TAG && e.declaration?.name === element.d.name),
    'the module should export the custom-element-definition',
  );
  assert.ok(element.d.members?.some((m) => m.kind === 'field' && m.name === 'config'), 'the config field is missing');
});

test('custom-elements.json lists exactly the attributes of attributes.json', () => {
  sameNames((element.d.attributes || []).map((a) => a.name), expected.attributes, 'custom-elements.json attributes', 'attributes.json');
  for (const a of element.d.attributes) {
    assert.ok(a.description && a.type?.text, `custom-elements.json: attribute ${a.name} needs a description and a type`);
  }
});

test('custom-elements.json lists exactly the documented events', () => {
  sameNames((element.d.events || []).map((e) => e.name), expected.events, 'custom-elements.json events');
  for (const e of element.d.events) {
    assert.ok(e.description && e.type?.text, `custom-elements.json: event ${e.name} needs a description and a type`);
  }
});

test('custom-elements.json lists every documented CSS custom property and part', () => {
  sameNames((element.d.cssProperties || []).map((p) => p.name), documented.properties, 'custom-elements.json cssProperties');
  sameNames((element.d.cssParts || []).map((p) => p.name), documented.parts, 'custom-elements.json cssParts');
});

test('index.d.ts declares exactly the attributes of attributes.json', () => {
  sameNames(interfaceMembers('EmotionalIntimacyWidgetAttributes'), expected.attributes, 'index.d.ts EmotionalIntimacyWidgetAttributes', 'attributes.json');
});

test('index.d.ts declares exactly the documented events', () => {
  sameNames(interfaceMembers('EmotionalIntimacyWidgetEventMap'), expected.events, 'index.d.ts EmotionalIntimacyWidgetEventMap');
});

test('index.d.ts maps the tag name to the element type', () => {
  assert.deepEqual(interfaceMembers('HTMLElementTagNameMap'), [TAG]);
  assert.ok(interfaceMembers('EmotionalIntimacyWidgetElement').includes('config'), 'the element type lacks `config`');
});
