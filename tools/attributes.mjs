// @ts-check
// The element's attributes, from attributes.json (the one place they are defined; see its
// $comment), written into the files that must list them for their readers:
//   docs/configuration.md                              the "Attributes" table
//   packaging/npm/index.d.ts                           interface EmotionalIntimacyWidgetAttributes
//   packaging/npm/custom-elements.json                 the element's "attributes"
//   integrations/wordpress/plugin/emotional-intimacy-widget.php   EIW_ATTRIBUTES
//   integrations/wordpress/plugin/readme.txt           the shortcode's attributes
//   integrations/wordpress/plugin/block/block.json     the block's "attributes"
// The loader's observed attributes are stamped at build time instead (tools/finish-dist.mjs
// calls observed()), and Rust reads the JSON through build.rs.
// Usage: node tools/attributes.mjs --write   rewrite the files that are out of date
//        node tools/attributes.mjs --check   list them and exit 1 (tests/package/in-step.test.mjs
//                                            runs the same check)
// ./run.sh build runs --write.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const COMMAND = 'node tools/attributes.mjs --write';

/**
 * One row of attributes.json (the meaning of each field is in its $comment).
 * @typedef {{
 *   name: string,
 *   type: 'text' | 'flag' | 'choice' | 'switch',
 *   values?: string[] | string,
 *   open?: string,
 *   default?: string,
 *   default_text?: string,
 *   description: string,
 *   on_change: 'restart' | 'apply' | 'ignore',
 *   read_by: 'widget' | 'loader',
 *   offered?: boolean,
 * }} Attribute
 */

/** @returns {Attribute[]} the table, in its order. */
export function table() {
  const file = JSON.parse(readFileSync(join(repo, 'attributes.json'), 'utf8'));
  /** @type {Attribute[]} */
  const rows = file.attributes;
  for (const a of rows) {
    // build.rs checks the table's rules; these are the ones the texts below rely on.
    for (const text of [a.description, a.default_text, a.open, typeof a.values === 'string' ? a.values : '']) {
      if (text && /\*\/|\n/.test(text)) throw new Error(`attributes.json: ${a.name}: no "*/" or line breaks in texts`);
    }
  }
  return rows;
}

/** The attributes whose change restarts the widget: what the loader observes. */
export function observed(rows = table()) {
  return rows.filter((a) => a.on_change === 'restart').map((a) => a.name);
}

/** Whether the embed builder and the WordPress block offer the attribute. */
export const offered = (/** @type {Attribute} */ a) => a.offered !== false;

// ---- Words ---------------------------------------------------------------------------------

const code = (/** @type {string} */ s) => `\`${s}\``;

/** `a`, `b` or `c`. */
function either(/** @type {string[]} */ items) {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** What the attribute accepts, in words. */
export function valuesText(/** @type {Attribute} */ a) {
  switch (a.type) {
    case 'flag':
      return 'present (any value but `false`) or absent';
    case 'switch':
      return either(['on', 'off'].map(code));
    case 'choice': {
      const listed = /** @type {string[]} */ (a.values).map(code);
      return either(a.open ? [...listed, a.open] : listed);
    }
    default:
      return /** @type {string} */ (a.values);
  }
}

/** What leaving the attribute out means, in words. */
export function defaultText(/** @type {Attribute} */ a) {
  if (a.default_text) return a.default_text;
  if (a.default !== undefined) return code(a.default);
  return 'off';
}

/** The description and what a change on a live element does. */
function described(/** @type {Attribute} */ a) {
  const change = {
    restart: '',
    apply: ' Applies at once, without restarting the widget.',
    ignore: ' Read once, when the element is first connected.',
  }[a.on_change];
  return a.description + change;
}

/** One line for a reader of the types or the manifest: what it does, accepts and defaults to. */
function summary(/** @type {Attribute} */ a) {
  const accepts = a.type === 'text' || a.open ? ` Values: ${valuesText(a)}.` : '';
  return `${described(a)}${accepts} Default: ${defaultText(a)}.`;
}

// ---- docs/configuration.md -----------------------------------------------------------------

const GENERATED = 'Generated from attributes.json by `node tools/attributes.mjs --write`: edit that file, not this';

export function docsTable(rows = table()) {
  const cell = (/** @type {string} */ s) => s.replaceAll('|', '\\|');
  return [
    `<!-- ${GENERATED} table. -->`,
    '| attribute | values | default | what it does |',
    '| --- | --- | --- | --- |',
    ...rows.map((a) => `| ${code(a.name)} | ${cell(valuesText(a))} | ${cell(defaultText(a))} | ${cell(described(a))} |`),
  ].join('\n');
}

// ---- packaging/npm/index.d.ts --------------------------------------------------------------

/** The attribute's TypeScript type (JSX may pass a number where the values are numbers). */
export function tsType(/** @type {Attribute} */ a) {
  const quoted = (/** @type {string} */ s) => `'${s.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  switch (a.type) {
    case 'flag':
      return 'PresenceAttribute';
    case 'switch':
      return "'on' | 'off'";
    case 'choice': {
      const values = /** @type {string[]} */ (a.values);
      const numbers = values.every((v) => /^\d+$/.test(v)) ? values : [];
      return [...numbers, ...values.map(quoted), ...(a.open ? ['(string & {})'] : [])].join(' | ');
    }
    default:
      return 'string';
  }
}

export function dtsMembers(rows = table()) {
  return [
    `  // ${GENERATED} list.`,
    ...rows.flatMap((a) => [`  /** ${summary(a)} */`, `  '${a.name}'?: ${tsType(a)};`]),
  ].join('\n');
}

// ---- packaging/npm/custom-elements.json ----------------------------------------------------

/** The attribute as the Custom Elements Manifest describes it. */
export function cemAttribute(/** @type {Attribute} */ a) {
  /** @type {string} */
  let type;
  if (a.type === 'flag') type = 'boolean';
  else if (a.type === 'switch') type = '"on" | "off"';
  else if (a.type === 'choice') {
    type = [.../** @type {string[]} */ (a.values).map((v) => JSON.stringify(v)), ...(a.open ? ['string'] : [])].join(' | ');
  } else type = 'string';
  /** @type {{ name: string, description: string, type: { text: string }, default?: string }} */
  const entry = { name: a.name, description: summary(a), type: { text: type } };
  if (a.type === 'flag') entry.default = 'false';
  else if (a.default !== undefined) entry.default = JSON.stringify(a.default);
  return entry;
}

/** The manifest's "attributes" array, laid out as the rest of the file (`indent`: its key's). */
function cemAttributes(rows = table(), indent = '') {
  const inner = `${indent}    `;
  const objects = rows.map((a) => {
    const entry = cemAttribute(a);
    const fields = Object.entries(entry).map(([key, value]) =>
      key === 'type' ? `${inner}"type": { "text": ${JSON.stringify(entry.type.text)} }` : `${inner}${JSON.stringify(key)}: ${JSON.stringify(value)}`,
    );
    return `${indent}  {\n${fields.join(',\n')}\n${indent}  }`;
  });
  return `[\n${objects.join(',\n')}\n${indent}]`;
}

// ---- The WordPress plugin ------------------------------------------------------------------

/** The block's name for an attribute: `faq-mode` → `faqMode`. */
export const blockName = (/** @type {string} */ name) => name.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());

/** block.json's attributes: every offered attribute, flags and switches as toggles, and the
 * accent colour (the --eiw-accent custom property, not an attribute of the element). */
function blockAttributes(rows = table(), indent = '') {
  const lines = rows.filter(offered).map((a) => {
    const toggle = a.type === 'flag' || a.type === 'switch';
    const fallback = a.type === 'switch' ? a.default === 'on' : toggle ? false : '';
    return `${indent}\t${JSON.stringify(blockName(a.name))}: { "type": "${toggle ? 'boolean' : 'string'}", "default": ${JSON.stringify(fallback)} }`;
  });
  lines.push(`${indent}\t"accent": { "type": "string", "default": "" }`);
  return `{\n${lines.join(',\n')}\n${indent}}`;
}

/** The plugin's EIW_ATTRIBUTES constant. */
export function phpConstant(rows = table()) {
  const width = Math.max(...rows.map((a) => a.name.length)) + 2;
  const lines = rows.map((a) => {
    const kind = a.type === 'flag' || a.type === 'switch' ? a.type : 'text';
    const fields = [`'kind' => '${kind}'`, `'block' => '${offered(a) ? blockName(a.name) : ''}'`];
    if (a.type === 'switch') fields.push(`'default' => '${a.default}'`);
    return `\t${`'${a.name}'`.padEnd(width)} => array( ${fields.join(', ')} ),`;
  });
  return [
    `// ${GENERATED} list.`,
    '/**',
    " * The element's attributes: its name => 'kind' ('flag': present is on; 'switch': on or",
    " * off; 'text': anything else), 'block' (what the block calls it; '' when the block does not",
    " * offer it) and, for a switch, its 'default'. The shortcode takes every name, with",
    ' * underscores for hyphens.',
    ' */',
    'const EIW_ATTRIBUTES = array(',
    ...lines,
    ');',
  ].join('\n');
}

/** readme.txt's list of shortcode attributes: the table's, underscored, and the plugin's own. */
export function readmeList(rows = table()) {
  const values = (/** @type {Attribute} */ a) => (a.type === 'flag' ? '`true`, or the bare word' : valuesText(a));
  return [
    ...rows.map((a) => `* \`${a.name.replaceAll('-', '_')}\`: ${described(a)} Values: ${values(a)}. Default: ${defaultText(a)}.`),
    '* `accent`: a hex colour such as `#6b3fa0` for buttons and highlights (the `--eiw-accent` custom property).',
    '* `id`: an id for the element; give one to each widget if a page shows several.',
  ].join('\n');
}

// ---- Writing -------------------------------------------------------------------------------

/** Replaces the text from the line holding `start` through the line holding `end` (kept). */
function betweenLines(/** @type {string} */ text, /** @type {string} */ start, /** @type {string} */ end, /** @type {string} */ body, /** @type {string} */ file) {
  const from = text.indexOf(start);
  const to = from < 0 ? -1 : text.indexOf(end, from + start.length);
  if (to < 0) throw new Error(`${file}: the markers "${start}" … "${end}" are missing`);
  const lineStart = text.lastIndexOf('\n', from) + 1;
  const endLine = text.lastIndexOf('\n', to) + 1;
  return text.slice(0, lineStart) + body + '\n' + text.slice(endLine);
}

/** Replaces the JSON value of the first `"key":` after `after` (brackets matched, strings skipped). */
function jsonValue(/** @type {string} */ text, /** @type {string} */ after, /** @type {string} */ key, /** @type {(indent: string) => string} */ render, /** @type {string} */ file) {
  const anchor = text.indexOf(after);
  const at = anchor < 0 ? -1 : text.indexOf(`"${key}":`, anchor);
  if (at < 0) throw new Error(`${file}: no "${key}" after ${after}`);
  const open = text.slice(at).search(/[[{]/) + at;
  let depth = 0;
  let i = open;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '[' || c === '{') depth++;
    else if ((c === ']' || c === '}') && --depth === 0) break;
  }
  const indent = /[ \t]*$/.exec(text.slice(0, at))?.[0] ?? '';
  return text.slice(0, open) + render(indent) + text.slice(i + 1);
}

/**
 * Every generated file: its path, its current text (`read`) and its text as it should be.
 * @param {Attribute[]} rows
 * @param {(path: string) => string} read
 */
export function generated(rows = table(), read = (path) => readFileSync(join(repo, path), 'utf8')) {
  /** @type {Array<[string, (text: string, file: string) => string]>} */
  const files = [
    [
      'docs/configuration.md',
      (text, file) => {
        const start = text.indexOf('\n## Attributes\n');
        const table = start < 0 ? -1 : text.indexOf('\n|', start);
        if (table < 0) throw new Error(`${file}: no table under "## Attributes"`);
        // From the generated-note (or the table) to the table's last row.
        let from = text.lastIndexOf('\n', table - 1) + 1;
        if (!text.slice(from, table).startsWith('<!--')) from = table + 1;
        let to = table + 1;
        while (text.startsWith('|', to)) to = text.indexOf('\n', to) + 1;
        return text.slice(0, from) + docsTable(rows) + '\n' + text.slice(to);
      },
    ],
    [
      'packaging/npm/index.d.ts',
      (text, file) => betweenLines(text, 'interface EmotionalIntimacyWidgetAttributes {', '\n}', `export interface EmotionalIntimacyWidgetAttributes {\n${dtsMembers(rows)}`, file),
    ],
    [
      'packaging/npm/custom-elements.json',
      (text, file) => jsonValue(text, '"tagName": "emotional-intimacy-widget"', 'attributes', (indent) => cemAttributes(rows, indent), file),
    ],
    [
      'integrations/wordpress/plugin/emotional-intimacy-widget.php',
      (text, file) => {
        // From the generated-note through the constant's closing `);`.
        const from = text.indexOf(`// ${GENERATED}`);
        const at = text.indexOf('\nconst EIW_ATTRIBUTES = array(', from);
        const end = text.indexOf('\n);\n', at);
        if (from < 0 || at < 0 || end < 0) throw new Error(`${file}: no generated EIW_ATTRIBUTES constant`);
        return text.slice(0, from) + phpConstant(rows) + text.slice(end + 3);
      },
    ],
    [
      'integrations/wordpress/plugin/readme.txt',
      (text, file) => {
        // The bullets between the shortcode's example and the paragraph after them.
        const section = text.indexOf('\n= Shortcode =\n');
        const from = section < 0 ? -1 : text.indexOf('\n* `', section) + 1;
        const to = from <= 0 ? -1 : text.indexOf('\n\n', from);
        if (to < 0) throw new Error(`${file}: no list of attributes under "= Shortcode ="`);
        return text.slice(0, from) + readmeList(rows) + text.slice(to);
      },
    ],
    [
      'integrations/wordpress/plugin/block/block.json',
      (text, file) => jsonValue(text, '"textdomain"', 'attributes', (indent) => blockAttributes(rows, indent), file),
    ],
  ];
  return files.map(([path, update]) => {
    const current = read(path);
    return { path, current, wanted: update(current, path) };
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const mode = process.argv[2];
  if (mode !== '--write' && mode !== '--check') {
    console.error('Usage: node tools/attributes.mjs --write | --check');
    process.exit(2);
  }
  const stale = generated().filter((f) => f.current !== f.wanted);
  for (const f of stale) {
    if (mode === '--write') writeFileSync(join(repo, f.path), f.wanted);
    console.log(`${mode === '--write' ? 'updated' : 'out of date'}: ${f.path}`);
  }
  if (mode === '--check' && stale.length) {
    console.error(`Run \`${COMMAND}\` to update them from attributes.json.`);
    process.exit(1);
  }
}
