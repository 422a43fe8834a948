// @ts-check
// The embed builder (builder.html): turns the options a site owner picks into the code they
// paste, and shows the real widget with those options. Every check and every generated text
// that the widget itself defines (attribute rules, the JSON configuration, the no-JS FAQ)
// comes from the builder's wasm (modules/builder), which runs the widget's own Rust code;
// this file only reads the form and writes HTML text. It makes no request except for its
// own files (the wasm, integrity.json) and the widget's, and stores nothing unless the owner
// ticks "Remember my settings".
import init, * as core from './eiw-builder.js';

/** @typedef {import('../packaging/npm/index.js').EmotionalIntimacyWidgetElement} WidgetElement */
/**
 * A problem core.check found: where (an attribute's name, or `config…`), what, how bad.
 * @typedef {{ path: string, message: string, severity: 'error' | 'warning' }} Problem
 */
/**
 * core.check's answer (see modules/builder).
 * @typedef {{ config: 'none' | 'valid' | 'invalid', languages: string[], problems: Problem[] }} Checked
 */
/**
 * core.accent's answer for one scheme: what the widget shows with the accent on its own
 * background, and the contrast ratios (see modules/builder).
 * @typedef {{ background: string, accent_contrast: number, fill: string, fill_contrast: number, text: string, text_contrast: number, link: string, link_contrast: number }} Shown
 */
/** @typedef {{ min: number, light: Shown, dark: Shown }} AccentFigures */
/**
 * A text field read: its value when usable, or what is wrong with it (neither when empty).
 * @typedef {{ value?: string, problem?: string }} Entry
 */
/**
 * A folder of the widget's files: its address, its origin for the CSP, whether it is jsDelivr's.
 * @typedef {{ url: string, origin: string, published: boolean, http?: boolean }} Folder
 */
/**
 * Where the files live, or what is wrong with the address (test `problem` against undefined
 * to tell them apart).
 * @typedef {(Folder & { problem?: undefined }) | { problem: string }} Files
 */
/**
 * Everything the outputs are made from, checked (readState).
 * @typedef {object} State
 * @property {[string, string][]} attributes The attributes to write, as [name, value].
 * @property {string[]} left The attributes left out because of a problem.
 * @property {Map<string, string[]>} fieldProblems Each attribute's problems.
 * @property {{ state: Checked['config'], text: string, problems: Problem[] }} config
 * @property {string[]} languages
 * @property {Entry} accent
 * @property {Entry} id
 * @property {Files} files
 */
/**
 * A form field that sets an attribute or is remembered.
 * @typedef {HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement} Control
 */

const TAG = 'emotional-intimacy-widget';
const LOADER = `${TAG}.js`;
const STORAGE_KEY = `${TAG}:builder`;
// The loader's own attributes: the preview always loads at once and keeps its own id.
const PREVIEW_SKIPS = ['loading', 'shadow'];

/**
 * The element of builder.html with this id, of the kind this file expects: a changed page
 * fails here, by name, rather than somewhere later.
 * @template {HTMLElement} [T=HTMLElement]
 * @param {string} id
 * @param {{ new (): T }} [kind]
 * @returns {T}
 */
function $(id, kind) {
  const node = document.getElementById(id);
  const type = kind ?? HTMLElement;
  if (!(node instanceof type)) throw new Error(`builder.html has no ${type.name} with the id "${id}"`);
  return /** @type {T} */ (node);
}
const form = $('options', HTMLFormElement);
// The loader defines the element's class, so there is no constructor here to check against.
const preview = /** @type {WidgetElement} */ ($('preview'));

/** @type {string[]} */
let ATTRIBUTES = [];
/** @type {string[]} */
let BUILTIN = [];
/** The attribute each control sets (name → element). @type {Map<string, Control>} */
const controls = new Map();
/**
 * This build: its version and the loader's SHA-384, from integrity.json next to this page.
 * @type {{ version: string | null, integrity: string | null, problem: string | null }}
 */
const build = { version: null, integrity: null, problem: null };
/** The outputs last written, by the ids of the elements that show them (for copying). @type {Map<string, string>} */
const texts = new Map();

/** @param {unknown} node @returns {node is Control} */
const isControl = (node) => node instanceof HTMLInputElement || node instanceof HTMLSelectElement || node instanceof HTMLTextAreaElement;

// ---- Small helpers ----------------------------------------------------------------------

/** Text for an HTML attribute value between double quotes. @param {string} value */
const attr = (value) => value.replaceAll('&', '&amp;').replaceAll('"', '&quot;');

/** @typedef {Node | string | null | undefined} Child */
/**
 * A new element: `text` sets its text, `class` its class, the rest are attributes (true: present
 * and empty; false, null or undefined: left out).
 * @param {string} tag
 * @param {{ text?: string, class?: string, [attribute: string]: string | boolean | null | undefined }} [props]
 * @param {Child | Child[]} [children]
 */
function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  const { text, class: cls, ...attributes } = props;
  if (text !== undefined) node.textContent = text;
  if (cls !== undefined) node.className = cls;
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of [children].flat()) if (child !== null && child !== undefined) node.append(child);
  return node;
}

/** Plain words with `code` and **strong** parts, as DOM nodes (never parsed as HTML). @param {string} text */
function rich(text) {
  return text.split(/(`[^`]+`|\*\*[^*]+\*\*)/).filter(Boolean).map((part) => {
    if (part.startsWith('`')) return el('code', { text: part.slice(1, -1) });
    if (part.startsWith('**')) return el('strong', { text: part.slice(2, -2) });
    return document.createTextNode(part);
  });
}

/** @param {string} text @param {string} [cls] */
const para = (text, cls) => el('p', { class: cls }, rich(text));

/** @param {string} code */
function languageName(code) {
  try {
    const english = new Intl.DisplayNames(['en'], { type: 'language' }).of(code);
    const own = new Intl.DisplayNames([code], { type: 'language' }).of(code);
    if (english && english !== code) return own && own !== english && own !== code ? `${english} (${own})` : english;
  } catch {
    // An unusual code: show it as it is.
  }
  return code;
}

// ---- Reading the form -------------------------------------------------------------------

/** A control's attribute value, or undefined when it stays out (its usual setting). @param {Control} control */
function valueOf(control) {
  if (control instanceof HTMLInputElement && control.type === 'checkbox') {
    const value = control.checked ? control.dataset.checked : control.dataset.unchecked;
    return value === undefined ? undefined : value;
  }
  const value = control.value.trim();
  return value === '' ? undefined : value;
}

function publishedFolder() {
  return build.version ? `https://cdn.jsdelivr.net/npm/${TAG}@${build.version}/dist/` : null;
}

/** Where the files live: { url, origin, published } or { problem }. @param {string} text @returns {Files} */
function filesFolder(text) {
  let value = text.trim();
  if (!value) {
    const published = publishedFolder();
    return published ? { url: published, origin: 'https://cdn.jsdelivr.net', published: true } : { problem: 'Enter the address of the folder that holds the quiz\'s files.' };
  }
  // A pasted script address: its folder is meant.
  value = value.replace(/emotional-intimacy-widget\.js([?#].*)?$/, '');
  if (!value.endsWith('/')) value += '/';
  if (value.startsWith('/') && !value.startsWith('//')) return { url: value, origin: "'self'", published: false };
  let url;
  try {
    url = new URL(value);
  } catch {
    return { problem: `"${text.trim()}" is not a web address. Write the folder's full address (https://…/) or, on your own site, a path starting with / such as /widgets/quiz/.` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { problem: `"${text.trim()}" is not a web address. Write the folder's full address, starting with https://.` };
  }
  if (url.search || url.hash || url.username || url.password) {
    return { problem: 'Write just the folder\'s address, without anything after ? or #.' };
  }
  return { url: url.href, origin: url.origin, published: url.href === publishedFolder(), http: url.protocol === 'http:' };
}

/** @param {string} text @returns {Entry} */
function accentColour(text) {
  const value = text.trim();
  if (!value) return {};
  if (/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(value)) return { value };
  return { problem: `"${value}" is not a colour code. Write # and six digits or letters from a to f, such as #6b3fa0 (or pick from the palette). Left out of the code until it is fixed.` };
}

/** @param {string} text @returns {Entry} */
function elementId(text) {
  const value = text.trim();
  if (!value) return {};
  if (/^[A-Za-z][A-Za-z0-9_-]*$/.test(value)) return { value };
  return { problem: `"${value}" can't be used as an id. Start with a letter and use only letters, digits, - and _, such as quiz or quiz-2. Left out of the code until it is fixed.` };
}

/** Everything the outputs are made from, checked. @returns {State} */
function readState() {
  /** @type {[string, string][]} */
  const chosen = [];
  for (const name of ATTRIBUTES) {
    const control = controls.get(name);
    if (!control) continue;
    const value = valueOf(control);
    if (value !== undefined) chosen.push([name, value]);
  }
  const configText = $('opt-config', HTMLTextAreaElement).value;
  /** @type {Checked} */
  const result = JSON.parse(core.check(configText, chosen.map(([n]) => n), chosen.map(([, v]) => v)));
  /** @type {Map<string, string[]>} */
  const fieldProblems = new Map();
  /** @type {Problem[]} */
  const configProblems = [];
  for (const problem of result.problems) {
    if (controls.has(problem.path) && !problem.path.startsWith('config')) {
      fieldProblems.set(problem.path, [...(fieldProblems.get(problem.path) || []), problem.message]);
    } else {
      configProblems.push(problem);
    }
  }
  return {
    attributes: chosen.filter(([name]) => !fieldProblems.has(name)),
    left: chosen.filter(([name]) => fieldProblems.has(name)).map(([name]) => name),
    fieldProblems,
    config: { state: result.config, text: configText.trim(), problems: configProblems },
    languages: result.languages,
    accent: accentColour($('opt-accent', HTMLInputElement).value),
    id: elementId($('opt-id', HTMLInputElement).value),
    files: filesFolder($('opt-files', HTMLInputElement).value),
  };
}

// ---- Writing the outputs ----------------------------------------------------------------

/** @param {Folder} files */
function scriptTag(files, withIntegrity = true) {
  const integrity = withIntegrity && files.published && build.integrity ? ` integrity="${build.integrity}" crossorigin="anonymous"` : '';
  return `<script src="${attr(files.url + LOADER)}"${integrity}></script>`;
}

/** @param {string} colour */
function accentRule(colour) {
  return `${TAG}{--eiw-accent:${colour}}`;
}

/** @param {State} state */
function htmlAttributes(state) {
  const parts = [];
  if (state.id.value) parts.push(` id="${attr(state.id.value)}"`);
  for (const [name, value] of state.attributes) parts.push(value === '' ? ` ${name}` : ` ${name}="${attr(value)}"`);
  return parts.join('');
}

/** The JSON block's text: as typed, with `<` escaped so it can never end the script early. @param {State} state */
function jsonForHtml(state) {
  return state.config.state === 'valid' ? state.config.text.replaceAll('<', '\\u003c') : null;
}

/** @param {State} state */
function elementHtml(state) {
  const open = `<${TAG}${htmlAttributes(state)}>`;
  const json = jsonForHtml(state);
  if (!json) return `${open}</${TAG}>`;
  return `${open}\n  <script type="application/json">\n${json}\n  </script>\n</${TAG}>`;
}

/** @param {State} state */
function embedCode(state) {
  const lines = [];
  if (state.files.problem === undefined) lines.push(scriptTag(state.files));
  if (state.accent.value) lines.push(`<style>${accentRule(state.accent.value)}</style>`);
  lines.push(elementHtml(state));
  return lines.join('\n');
}

/** @param {Folder} files */
function cspDirectives(files) {
  return `script-src ${files.origin} 'wasm-unsafe-eval';\nconnect-src ${files.origin};`;
}

/**
 * Shows a field's problem in its box (when it has one) and marks it invalid; no message clears both.
 * @param {HTMLElement} input
 * @param {string} [message]
 */
function showFieldProblem(input, message) {
  const box = document.getElementById(`${input.id}-problem`);
  if (box) {
    box.hidden = !message;
    box.textContent = message || '';
  }
  if (message) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

const LABELS = () => new Map([...form.querySelectorAll('label')].filter((l) => l.htmlFor).map((l) => [l.htmlFor, (l.textContent ?? '').trim()]));

/** @param {State} state */
function render(state) {
  for (const [name, control] of controls) {
    const messages = state.fieldProblems.get(name);
    const text = messages && messages.map((m) => (/[.!?]$/.test(m) ? m : `${m}.`)).join(' ');
    showFieldProblem(control, text ? `${text} Left out of the code until it is fixed.` : '');
  }
  showFieldProblem($('opt-accent'), state.accent.problem);
  renderAccentContrast(state);
  showFieldProblem($('opt-id'), state.id.problem);
  showFieldProblem($('opt-files'), state.files.problem);
  if (state.accent.value) {
    const hex = state.accent.value.length === 4 ? '#' + [...state.accent.value.slice(1)].map((c) => c + c).join('') : state.accent.value;
    $('opt-accent-picker', HTMLInputElement).value = hex.toLowerCase();
  }

  renderConfigStatus(state.config);
  updatePreview(state);
  // An empty Region leaves the country to each visitor's browser, which may name none.
  $('opt-region-note').hidden = $('opt-region', HTMLInputElement).value.trim() !== '';

  const code = embedCode(state);
  $('embed', HTMLTextAreaElement).value = code;
  texts.set('embed', code);
  renderEmbedNotes(state);

  $('csp').textContent = state.files.problem !== undefined ? 'Enter a valid Files URL first.' : cspDirectives(state.files);
  renderCspNotes(state);
  renderFaq(state);
  renderPlatforms(state);
}

/** @param {State['config']} config */
function renderConfigStatus(config) {
  const summary = $('config-summary');
  const list = $('config-problems');
  list.replaceChildren();
  summary.className = '';
  if (config.state === 'none') {
    summary.textContent = 'No JSON configuration: the quiz uses its own texts.';
    return;
  }
  if (config.state === 'invalid') {
    summary.textContent = 'This is not valid JSON yet, so it is left out of the embed code and the preview until it is fixed:';
  } else if (config.problems.length === 0) {
    summary.className = 'ok';
    summary.textContent = '✓ The JSON configuration is valid.';
  } else {
    const errors = config.problems.filter((p) => p.severity === 'error').length;
    const warnings = config.problems.length - errors;
    const counts = [errors && `${errors} to fix`, warnings && `${warnings} to check`].filter(Boolean).join(', ');
    summary.textContent = `${config.problems.length} ${config.problems.length === 1 ? 'problem' : 'problems'} (${counts}). The quiz ignores the parts in error and uses the rest:`;
  }
  for (const problem of config.problems) {
    list.append(
      el('li', { class: problem.severity }, [
        el('span', { class: 'severity', text: problem.severity === 'error' ? 'Error' : 'Warning' }),
        ' at ',
        el('code', { text: problem.path }),
        ': ',
        ...rich(problem.message),
      ]),
    );
  }
}

/** Black or white, in words. @param {string} hex */
const shade = (hex) => ({ '#000000': 'black', '#ffffff': 'white' })[hex] ?? hex;

/**
 * The accent's contrast, as the widget will show it (core.accent runs the widget's own rule):
 * its button text in each scheme the theme may give, and a warning when the accent itself is
 * under 4.5:1 against the light background (bars, outlines and chosen answers in it are then
 * faint; the widget keeps it, as it is the publisher's colour).
 * @param {State} state
 */
function renderAccentContrast(state) {
  const line = $('opt-accent-contrast');
  const warning = $('opt-accent-warning');
  line.hidden = true;
  warning.hidden = true;
  if (!state.accent.value) return;
  /** @type {AccentFigures} */
  const figures = JSON.parse(core.accent(state.accent.value));
  const theme = state.attributes.find(([name]) => name === 'theme')?.[1];
  const colour = state.accent.value;
  const parts = [];
  if (theme !== 'dark') {
    const light = figures.light;
    parts.push(`Light theme: ${shade(light.text)} text on ${colour}, ${light.text_contrast}:1.`);
    if (light.accent_contrast < figures.min) {
      warning.textContent = `${colour} has only ${light.accent_contrast}:1 against the light theme's white background, under the ${figures.min}:1 that text needs. Button text stays readable (${shade(light.text)}, ${light.text_contrast}:1) and links use a darker shade (${light.link}), but the bars, outlines and chosen answers in this colour will be hard to see. Choose a darker colour${theme === 'light' ? '' : ', or the dark theme if your page is dark'}.`;
      warning.hidden = false;
    }
  }
  if (theme !== 'light') {
    const dark = figures.dark;
    parts.push(
      dark.accent_contrast < figures.min
        ? `Dark theme: ${colour} has ${dark.accent_contrast}:1 against the dark background, so a lighter shade, ${dark.fill} (${dark.fill_contrast}:1), is used, with ${shade(dark.text)} text (${dark.text_contrast}:1).`
        : `Dark theme: ${shade(dark.text)} text on ${colour}, ${dark.text_contrast}:1.`,
    );
  }
  line.textContent = parts.join(' ');
  line.hidden = false;
}

/** @param {State} state */
function updatePreview(state) {
  const wanted = new Map(state.attributes.filter(([name]) => !PREVIEW_SKIPS.includes(name)));
  for (const name of ATTRIBUTES) {
    if (PREVIEW_SKIPS.includes(name)) continue;
    const value = wanted.get(name);
    if (value !== undefined) {
      if (preview.getAttribute(name) !== value) preview.setAttribute(name, value);
    } else if (preview.hasAttribute(name)) {
      preview.removeAttribute(name);
    }
  }
  if (state.accent.value) preview.style.setProperty('--eiw-accent', state.accent.value);
  else preview.style.removeProperty('--eiw-accent');
  const config = state.config.state === 'valid' ? state.config.text : undefined;
  // Setting `config` restarts the widget: only when it really changed.
  if (preview.config !== config) preview.config = config;
}

/** @param {State} state */
function renderEmbedNotes(state) {
  const notes = [];
  const labels = LABELS();
  if (state.files.problem !== undefined) {
    notes.push(para('The code has no script line until the Files URL is fixed.', 'warning'));
  } else if (state.files.published) {
    if (build.integrity) {
      notes.push(para(`The \`integrity\` value is the fingerprint of this version's script (${build.version}): browsers refuse it if jsDelivr ever served anything else, and the script checks every file it loads after itself the same way.`));
    }
    notes.push(para('jsDelivr sees your visitors\' IP addresses and your site\'s address, like any website they load files from (never their answers). Mention it in your privacy policy, or host the files yourself.'));
  } else {
    notes.push(para('No `integrity` value, because the files come from your own folder: if you ever replaced them with other files (a newer version, say), browsers would refuse them and the quiz would not appear. The script still checks every file it loads after itself. Upload all the files of the release\'s zip to that folder, unchanged.'));
    if (state.files.http) notes.push(para('This address starts with http://. Pages on https:// can\'t load files from it: use https://.', 'warning'));
  }
  if (build.problem) notes.push(para(build.problem, 'warning'));
  if (state.config.state === 'invalid') {
    notes.push(para('Your JSON configuration is not in this code, because it is not valid JSON. Fix the problem shown under "JSON configuration" first.', 'warning'));
  } else if (state.config.problems.length) {
    notes.push(para('Your JSON configuration has problems (listed under it): the quiz will ignore those parts.', 'warning'));
  }
  const left = [
    ...state.left.map((name) => labels.get(controls.get(name)?.id ?? '') ?? name),
    state.accent.problem && 'Accent colour',
    state.id.problem && 'Element id',
  ].filter(Boolean);
  if (left.length) notes.push(para(`Left out until fixed: ${left.join(', ')}.`, 'warning'));
  $('embed-notes').replaceChildren(...notes);
}

/** @param {State} state */
function renderCspNotes(state) {
  const notes = [];
  if (state.files.problem === undefined) {
    if (state.files.origin === "'self'") {
      notes.push(para('`\'self\'` means your own site, where the files are.'));
    } else if (!state.files.published) {
      notes.push(para('If the files are on another domain than your pages, that server must also send the header `Access-Control-Allow-Origin: *` (or your site\'s address) with them.'));
    }
  }
  notes.push(para('If your policy uses a nonce, put it on the quiz\'s <script> line too; the script passes it on.'));
  if (state.accent.value) {
    notes.push(para(`The accent colour comes as a small <style> line. A policy with \`style-src\` or \`default-src\` blocks it unless it allows \`'unsafe-inline'\`: then leave that line out and put this rule in your own stylesheet instead: \`${TAG} { --eiw-accent: ${state.accent.value}; }\``, 'warning'));
  }
  $('csp-notes').replaceChildren(...notes);
  texts.set('csp', $('csp').textContent);
}

/** @param {State} state */
function renderFaq(state) {
  const lang = state.attributes.find(([name]) => name === 'lang')?.[1] || 'en';
  const config = state.config.state === 'valid' ? state.config.text : '';
  let html = '';
  let note = '';
  try {
    html = core.faq_snippet(lang, config);
  } catch (error) {
    note = `The FAQ snippet could not be made: ${error}`;
  }
  $('faq-snippet', HTMLTextAreaElement).value = html;
  texts.set('faq-snippet', html);
  if (!note) {
    const sections = state.attributes.find(([name]) => name === 'sections')?.[1];
    note = [
      state.attributes.some(([name]) => name === 'lang') ? `In ${languageName(lang)}.` : 'In English: choose a language above for another.',
      config ? 'With the FAQ changes of your JSON configuration.' : '',
      sections === 'quiz' ? 'Your quiz shows no FAQ (Sections: Quiz only), so you probably don\'t need this.' : '',
    ].filter(Boolean).join(' ');
  }
  $('faq-note').textContent = note;
}

// ---- Platforms --------------------------------------------------------------------------

const PLATFORMS = [
  ['html', 'Plain HTML'],
  ['wordpress', 'WordPress'],
  ['squarespace', 'Squarespace'],
  ['wix', 'Wix'],
  ['webflow', 'Webflow'],
  ['ghost', 'Ghost'],
  ['react', 'React'],
  ['vue', 'Vue'],
];

/** A JSX attribute value: a plain string when JSX reads it as written, else an expression. @param {string} value */
const jsx = (value) => (/["\\{}<>&]/.test(value) ? `{${JSON.stringify(value)}}` : `"${value}"`);
/** A shortcode attribute value: WordPress ends one at " and a shortcode at ]. @param {string} value */
const shortcodeValue = (value) => value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('[', '&#91;').replaceAll(']', '&#93;');

/** @param {State} state */
function shortcode(state) {
  const parts = ['[emotional_intimacy_widget'];
  if (state.id.value) parts.push(`id="${shortcodeValue(state.id.value)}"`);
  for (const [name, value] of state.attributes) {
    const key = name.replaceAll('-', '_');
    parts.push(value === '' ? key : `${key}="${shortcodeValue(value)}"`);
  }
  if (state.accent.value) parts.push(`accent="${state.accent.value}"`);
  return parts.join(' ') + ']';
}

/** @param {State} state */
function reactCode(state) {
  const lines = ['// Quiz.jsx: the quiz as a React 19 component.'];
  if (state.config.state === 'valid') {
    lines.push('// Outside the component: a new object on every render would restart the quiz.');
    lines.push(`const config = ${state.config.text};`, '');
  }
  const props = [];
  if (state.id.value) props.push(`id=${jsx(state.id.value)}`);
  for (const [name, value] of state.attributes) props.push(value === '' ? name : `${name}=${jsx(value)}`);
  if (state.config.state === 'valid') props.push('config={config}');
  lines.push('export function Quiz() {');
  if (props.length === 0) lines.push(`  return <${TAG} />;`);
  else lines.push('  return (', `    <${TAG}`, ...props.map((p) => `      ${p}`), '    />', '  );');
  lines.push('}');
  return lines.join('\n');
}

/** @param {State} state */
function vueCode(state) {
  const lines = [];
  if (state.config.state === 'valid') lines.push('<script setup>', `const config = ${state.config.text};`, '</script>', '');
  const attrs = htmlAttributes(state) + (state.config.state === 'valid' ? ' :config.prop="config"' : '');
  lines.push('<template>', `  <${TAG}${attrs} />`, '</template>');
  return lines.join('\n');
}

const VITE_CONFIG = `// vite.config.js
import vue from '@vitejs/plugin-vue';

export default {
  plugins: [
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === '${TAG}' } } }),
  ],
};`;

/** @param {State} state */
function stylesheetRule(state) {
  return state.accent.value ? `${TAG} {\n  --eiw-accent: ${state.accent.value};\n}` : null;
}

/** @typedef {{ text?: string, cls?: string, steps?: string[], code?: string, copy?: string }} Block */
/**
 * A platform's panel: a list of blocks, each text, steps or code (with a label to copy it).
 * @param {string} id
 * @param {State} state
 * @returns {Block[]}
 */
function platformBlocks(id, state) {
  const script = state.files.problem !== undefined ? null : scriptTag(state.files);
  const hasJson = state.config.state === 'valid';
  const rule = stylesheetRule(state);
  const accentInCss = rule ? { text: 'For your accent colour, add this to your own stylesheet:', code: rule, copy: 'Copy the stylesheet rule' } : null;
  switch (id) {
    case 'html':
      return [
        { steps: ['Paste the embed code above where the quiz should appear on your page.', 'The first line (the `<script>`) may go in the page\'s `<head>` instead. Once per page is enough, even with two quizzes.', 'Open the page in a browser and check that the quiz appears.'] },
      ];
    case 'wordpress':
      return [
        { text: '**Recommended: the plugin.** It serves the quiz\'s files from your own site, so the Files URL above does not matter, and it works for everyone who can edit posts.' },
        { steps: ['Upload the plugin zip (emotional-intimacy-widget-wordpress-….zip, from the release) in **Plugins → Add New → Upload Plugin**, and activate it.', 'Add the **"Emotional intimacy quiz"** block and choose the options in its settings, or paste this shortcode where the quiz should appear (classic content, widgets and page builders too):'] },
        { code: shortcode(state), copy: 'Copy the shortcode' },
        hasJson ? { text: 'The shortcode has no place for your JSON configuration. To use it, use the Custom HTML block below instead.', cls: 'warning' } : null,
        { text: '**Without the plugin: a Custom HTML block.** Add a "Custom HTML" block and paste the embed code above. WordPress keeps the `<script>` only for users allowed to post unfiltered HTML: administrators and editors on a normal site, but only super admins on a multisite network. For anyone else WordPress removes it when the page is saved, and the quiz never appears; use the plugin then.' },
      ].filter((block) => block !== null);
    case 'squarespace':
      return [
        { steps: ['Edit the page and add a **Code** block where the quiz should go.', 'Paste the embed code above and save.', 'Check the published page: scripts may not run while you edit.'] },
        { text: 'Squarespace runs scripts in Code blocks only on plans that include custom code (check your plan\'s feature list).' },
      ];
    case 'wix': {
      const src = state.files.problem !== undefined ? null : state.files.url + LOADER;
      const attributes = [];
      for (const [name, value] of state.attributes) attributes.push(`${name} = ${value === '' ? 'true' : value}`);
      return [
        { text: 'Use Wix\'s **Custom Element**, not "Embed HTML": "Embed HTML" puts the code in a sandboxed frame, where the quiz is cut off from your page and Quick exit can only clear the frame, leaving your page on screen.', cls: 'warning' },
        {
          steps: [
            'In the editor: **Add Elements → Embed → Popular Embeds → Custom Element** (Wix Studio: **Add Elements → Embed & Social → Custom Element**).',
            'Click **Choose Source**, pick **Server URL**, and enter the script\'s address (below).',
            `**Tag Name**: \`${TAG}\``,
            attributes.length ? 'Under **Set Attributes**, add each of these (name = value).' : 'Your options need no attributes.',
            'Publish, and check the live site. If the quiz looks cut off, make the element taller.',
          ],
        },
        src ? { code: src, copy: 'Copy the Server URL' } : null,
        src && src.startsWith('/') ? { text: 'Wix needs a full address here, starting with https://.', cls: 'warning' } : null,
        attributes.length ? { code: attributes.join('\n'), copy: 'Copy the attributes' } : null,
        { text: 'Wix requires a Premium plan to use custom elements (and may ask for a connected domain). The Custom Element has no place for `integrity`; the script still checks every file it loads after itself.' },
        hasJson || state.accent.value ? { text: 'The Custom Element takes attributes only: your JSON configuration and accent colour can\'t be added there.', cls: 'warning' } : null,
      ].filter((block) => block !== null);
    }
    case 'webflow':
      return [
        { steps: ['Add a **Code Embed** element (from the Add panel) where the quiz should go.', 'Paste the embed code above and save.', 'Publish and check the live site: the script may not run inside the Designer.'] },
        { text: 'Webflow only runs custom code on plans that allow it, so check that your site\'s plan does.' },
      ];
    case 'ghost':
      return [
        { steps: ['In the post or page editor, add an **HTML** card (type `/html`, or use the + menu).', 'Paste the embed code above.', 'Check the published post: that is where it runs.'] },
      ];
    case 'react':
      return [
        { text: 'React 19 supports custom elements directly. Load the script in your HTML page **before** your app\'s own script, so the element is defined before React renders it. Don\'t import the quiz into your bundle.' },
        script ? { code: `<!-- index.html -->\n${script}\n<script type="module" src="/src/main.jsx"></script>`, copy: 'Copy the script lines' } : null,
        { code: reactCode(state), copy: 'Copy the component' },
        { text: 'Events such as `ei-complete` can be handled with `onei-complete={(event) => …}`. With TypeScript, `npm install --save-dev emotional-intimacy-widget` and `import type {} from \'emotional-intimacy-widget/react\';` add the types.' },
        accentInCss,
      ].filter((block) => block !== null);
    case 'vue':
      return [
        { text: 'Load the script in `index.html` as for any page, before your app\'s script:' },
        script ? { code: script, copy: 'Copy the script line' } : null,
        { text: 'Tell Vue the tag is a custom element:' },
        { code: VITE_CONFIG, copy: 'Copy the Vite configuration' },
        { text: 'Then use it in a component:' },
        { code: vueCode(state), copy: 'Copy the component' },
        hasJson ? { text: '`:config.prop` hands over the configuration as an object.' } : null,
        accentInCss,
      ].filter((block) => block !== null);
    default:
      return [];
  }
}

/** @param {State} state */
function renderPlatforms(state) {
  for (const [id] of PLATFORMS) {
    const panel = $(`panel-${id}`);
    const blocks = [];
    let n = 0;
    for (const block of platformBlocks(id, state)) {
      if (block.text) blocks.push(para(block.text, block.cls));
      if (block.steps) blocks.push(el('ol', {}, block.steps.map((s) => el('li', {}, rich(s)))));
      if (block.code) {
        const codeId = `code-${id}-${++n}`;
        texts.set(codeId, block.code);
        const status = el('p', { class: 'copy-status', role: 'status', id: `${codeId}-status` });
        blocks.push(
          el('pre', { id: codeId }, el('code', { text: block.code })),
          el('div', { class: 'actions' }, [el('button', { type: 'button', class: 'secondary', 'data-copy': codeId, text: block.copy }), status]),
        );
      }
    }
    panel.replaceChildren(...blocks);
  }
}

function buildTabs() {
  const list = $('platform-tabs');
  const panels = $('platform-panels');
  PLATFORMS.forEach(([id, name], i) => {
    list.append(el('button', { type: 'button', role: 'tab', id: `tab-${id}`, 'aria-controls': `panel-${id}`, 'aria-selected': String(i === 0), tabindex: i === 0 ? '0' : '-1', text: name }));
    panels.append(el('div', { role: 'tabpanel', id: `panel-${id}`, class: 'tab-panel', 'aria-labelledby': `tab-${id}`, tabindex: '0', hidden: i !== 0 }));
  });
  const tabs = [...list.querySelectorAll('[role="tab"]')].filter((tab) => tab instanceof HTMLElement);
  /** @param {HTMLElement} tab */
  const select = (tab) => {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      $(t.getAttribute('aria-controls') ?? '').hidden = !on;
    }
  };
  list.addEventListener('click', (event) => {
    const tab = event.target instanceof Element ? event.target.closest('[role="tab"]') : null;
    if (tab instanceof HTMLElement) select(tab);
  });
  list.addEventListener('keydown', (event) => {
    const at = tabs.findIndex((tab) => tab === document.activeElement);
    if (at < 0) return;
    /** @type {Partial<Record<string, number>>} */
    const moves = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const tab = tabs[(next + tabs.length) % tabs.length];
    tab.focus();
    select(tab);
  });
}

// ---- Copying ----------------------------------------------------------------------------

/** @param {HTMLElement} button A button with `data-copy`: the id of what it copies. */
async function copy(button) {
  const id = button.dataset.copy ?? '';
  const target = $(id);
  const status = document.getElementById(`${button.id || id}-status`) ?? $(`${id}-status`);
  const text = texts.get(id) ?? (target instanceof HTMLTextAreaElement ? target.value : target.textContent ?? '');
  try {
    if (!navigator.clipboard) throw new Error('no Clipboard API');
    await navigator.clipboard.writeText(text);
    status.classList.remove('failed');
    status.textContent = '✓ Copied. Now paste it into your page.';
  } catch {
    // Blocked or not offered (an old browser, a page on plain http): select the text so
    // one key press copies it.
    if (target instanceof HTMLTextAreaElement) {
      target.focus();
      target.select();
    } else {
      const range = document.createRange();
      range.selectNodeContents(target);
      const selection = getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    }
    status.classList.add('failed');
    status.textContent = 'Your browser did not let this page copy. The code is selected: press Ctrl+C (⌘ Command+C on a Mac) to copy it.';
  }
}

// ---- Remembering ------------------------------------------------------------------------

function fields() {
  return [...form.querySelectorAll('input, select, textarea')].filter(isControl).filter((f) => f.id && f.id !== 'opt-remember' && f.type !== 'color');
}

function save() {
  if (!$('opt-remember', HTMLInputElement).checked) return;
  /** @type {Record<string, string | boolean>} */
  const saved = {};
  for (const f of fields()) saved[f.id] = f instanceof HTMLInputElement && f.type === 'checkbox' ? f.checked : f.value;
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(saved));
  } catch {
    // Storage blocked: the choices simply aren't kept.
  }
}

function forget() {
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing stored, or storage blocked.
  }
}

function restore() {
  /** @type {unknown} */
  let stored;
  try {
    stored = JSON.parse(localStorage.getItem(STORAGE_KEY) || 'null');
  } catch {
    stored = null;
  }
  if (!stored || typeof stored !== 'object') return;
  // What save() wrote, unless someone edited it: each value's type is checked below.
  const saved = /** @type {Record<string, unknown>} */ (stored);
  $('opt-remember', HTMLInputElement).checked = true;
  const config = saved['opt-config'];
  if (typeof config === 'string') {
    $('opt-config', HTMLTextAreaElement).value = config;
    /** @type {Checked} */
    const checked = JSON.parse(core.check(config, [], []));
    setLanguages(checked.languages);
  }
  for (const f of fields()) {
    const value = saved[f.id];
    if (f instanceof HTMLInputElement && f.type === 'checkbox') {
      if (typeof value === 'boolean') f.checked = value;
    } else if (typeof value === 'string') {
      if (f instanceof HTMLSelectElement && f.id === 'opt-lang' && value && ![...f.options].some((o) => o.value === value)) f.append(el('option', { value, text: value }));
      f.value = value;
    }
  }
}

// ---- Languages ----------------------------------------------------------------------------

/** The Language options: the usual setting, the built-in languages, then any the JSON adds. @param {string[]} codes */
function setLanguages(codes) {
  const select = $('opt-lang', HTMLSelectElement);
  const value = select.value;
  const wanted = ['', ...codes];
  if (value && !codes.includes(value)) wanted.push(value);
  const have = [...select.options].map((o) => o.value);
  if (have.join(' ') === wanted.join(' ')) return;
  const usual = select.options[0];
  select.replaceChildren(
    usual,
    ...wanted.slice(1).map((code) => {
      let text = languageName(code);
      if (!BUILTIN.includes(code)) text = codes.includes(code) ? `${text}: added by your JSON configuration` : `${code} (no longer in your JSON configuration)`;
      return el('option', { value: code, text });
    }),
  );
  select.value = value;
}

// ---- Previewing the results -------------------------------------------------------------

// "The results": this page answers the quiz in the preview with core.preview_answers (the
// widget's own statements, the safety statement answered "strongly disagree"), by clicking
// as a visitor would, whenever the preview shows its start (also after each restart). The
// preview's shadow root is open for this; on publishers' pages it is closed.

/** The last state read (update), for the answers' language and configuration. @type {State | null} */
let lastState = null;
let answering = false;

const showingResults = () => $('preview-results', HTMLInputElement).checked;

/**
 * What the preview shows now: 'intro', 'results', a question ('q:' and its statement), or
 * '' (loading, or no quiz: Sections is FAQ only); and the element that says so, which a
 * restart replaces even when the step is the same.
 * @param {ShadowRoot} root
 * @returns {{ key: string, node: Element | null }}
 */
function previewStep(root) {
  const results = root.querySelector('.results');
  if (results) return { key: 'results', node: results };
  const question = root.querySelector('.question-text');
  if (question) return { key: `q:${(question.textContent ?? '').trim()}`, node: question };
  const start = root.querySelector('.intro .button.primary');
  return start ? { key: 'intro', node: start } : { key: '', node: null };
}

/** @param {{ key: string, node: Element | null }} a @param {{ key: string, node: Element | null }} b */
const sameStep = (a, b) => a.key === b.key && a.node === b.node;

/**
 * Resolves once `done()` holds, checked after every change in `root`, or once the preview
 * should no longer show the results (choosing the start restarts the widget: a change).
 * @param {ShadowRoot} root
 * @param {() => boolean} done
 */
function until(root, done) {
  return new Promise((resolve) => {
    const check = () => done() || !showingResults();
    if (check()) return resolve(undefined);
    const observer = new MutationObserver(() => {
      if (!check()) return;
      observer.disconnect();
      resolve(undefined);
    });
    observer.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
  });
}

/** The sample answers by statement, for the preview's language and configuration. */
function sampleAnswers() {
  const state = lastState;
  const lang = state?.attributes.find(([name]) => name === 'lang')?.[1] || document.documentElement.lang || 'en';
  const config = state?.config.state === 'valid' ? state.config.text : '';
  try {
    /** @type {[string, number][]} */
    const answers = JSON.parse(core.preview_answers(lang, config));
    return new Map(answers);
  } catch {
    // A configuration the quiz can't use: every statement gets "neither".
    return new Map();
  }
}

/** Answers the preview's quiz up to its results, and again whenever it starts over. */
async function answerPreview() {
  const root = preview.shadowRoot;
  if (answering || !root) return;
  answering = true;
  // Inert while this page clicks through it: the widget moves focus to each new heading, as
  // it should for a visitor, but here focus stays where the publisher is (typing, say).
  preview.inert = true;
  const status = $('preview-status');
  try {
    /** @type {{ key: string, node: Element | null }} */
    let last = { key: 'none', node: null };
    let answers = sampleAnswers();
    /** @param {string} text */
    const say = (text) => {
      if (status.textContent !== text) status.textContent = text;
    };
    while (showingResults()) {
      await until(root, () => !sameStep(previewStep(root), last));
      if (!showingResults()) break;
      const step = previewStep(root);
      last = step;
      if (step.key === 'results') {
        say('The preview shows the results of the sample answers.');
        break;
      }
      if (step.key === '') {
        // Still loading; or no quiz at all, and then nothing to answer until one appears.
        if (!lastState?.attributes.some(([name, value]) => name === 'sections' && value === 'faq')) continue;
        say('Sections is "FAQ only": there are no results to show.');
        break;
      }
      say('Answering the quiz in the preview…');
      if (step.key === 'intro') {
        // A restart may have come with another language or configuration.
        answers = sampleAnswers();
        if (step.node instanceof HTMLElement) step.node.click();
        continue;
      }
      const answer = answers.get(step.key.slice(2)) ?? 3;
      const option = root.querySelectorAll('.question .option')[answer - 1];
      if (!(option instanceof HTMLElement)) continue;
      option.click();
      // Next is enabled once the answer is in; a restart meanwhile (an option changed) shows
      // the start instead, and the loop goes on from there.
      const next = () => {
        const button = root.querySelector('.question .nav .button.primary');
        return button instanceof HTMLButtonElement && !button.disabled ? button : null;
      };
      await until(root, () => next() !== null || !sameStep(previewStep(root), step));
      if (sameStep(previewStep(root), step)) next()?.click();
    }
  } finally {
    answering = false;
    preview.inert = false;
    keepFocusOutOfPreview();
  }
}

/**
 * The widget moves focus to its results heading when they appear, as it should for a
 * visitor. The preview is inert while this page answers it, but that focus can come just
 * after this page has seen the results (Yew focuses after the render observed here). So
 * until the publisher next presses a key or the pointer, focus the widget moves into the
 * preview goes back where the publisher was.
 */
function keepFocusOutOfPreview() {
  const before = document.activeElement;
  if (!(before instanceof HTMLElement) || before === preview || before === document.body) return;
  const back = () => before.focus({ preventScroll: true });
  const stop = () => {
    preview.removeEventListener('focusin', back);
    document.removeEventListener('pointerdown', stop, true);
    document.removeEventListener('keydown', stop, true);
  };
  preview.addEventListener('focusin', back);
  document.addEventListener('pointerdown', stop, true);
  document.addEventListener('keydown', stop, true);
}

/** The Show choice changed: the results are answered for, the start is a restart. */
function showChoice() {
  $('preview-status').textContent = '';
  if (showingResults()) {
    answerPreview();
  } else {
    // Setting the configuration, even to the same, restarts the widget at its start.
    const config = preview.config;
    preview.config = config;
  }
}

// ---- Start --------------------------------------------------------------------------------

/** The fields' placeholders show what an empty field means, in the chosen language. @param {State} state */
function updateHints(state) {
  const lang = state.attributes.find(([name]) => name === 'lang')?.[1] || 'en';
  /** @type {{ cta_label: string, quick_exit_href: string }} */
  const hints = JSON.parse(core.defaults(lang));
  $('opt-cta-label', HTMLInputElement).placeholder = hints.cta_label;
  $('opt-quick-exit-href', HTMLInputElement).placeholder = hints.quick_exit_href;
}

function update() {
  const state = readState();
  lastState = state;
  setLanguages(state.languages);
  updateHints(state);
  render(state);
  save();
}

async function readBuild() {
  try {
    const response = await fetch('integrity.json', { credentials: 'omit' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    /** @type {{ version: string, files: Record<string, string> }} */
    const info = await response.json();
    build.version = info.version;
    build.integrity = info.files[LOADER] ?? null;
  } catch (error) {
    build.problem = `This page could not read integrity.json next to it (${error instanceof Error ? error.message : error}), so it can't give the published files' address and fingerprint. Put your own Files URL above, or open the builder from the folder of a release.`;
  }
}

async function start() {
  await Promise.all([init(), readBuild()]);
  ATTRIBUTES = core.attributes();
  BUILTIN = core.languages();
  for (const control of form.querySelectorAll('[data-attribute]')) {
    if (!isControl(control)) throw new Error(`builder.html: #${control.id} has data-attribute but is not a form field`);
    controls.set(control.dataset.attribute ?? '', control);
  }
  setLanguages(BUILTIN);
  $('version').textContent = build.version || '';
  $('opt-files', HTMLInputElement).value = publishedFolder() || '';
  buildTabs();
  restore();

  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('input', (event) => {
    if (event.target instanceof HTMLInputElement && event.target.id === 'opt-accent-picker') $('opt-accent', HTMLInputElement).value = event.target.value;
    update();
  });
  form.addEventListener('change', update);
  const remember = $('opt-remember', HTMLInputElement);
  remember.addEventListener('change', () => {
    if (!remember.checked) forget();
  });
  $('files-reset').addEventListener('click', () => {
    $('opt-files', HTMLInputElement).value = publishedFolder() || '';
    update();
  });
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button[data-copy]') : null;
    if (button instanceof HTMLElement) copy(button);
  });
  for (const id of ['preview-start', 'preview-results']) $(id).addEventListener('change', showChoice);
  // After any restart (an option changed), the preview shows its start: answer again.
  if (preview.shadowRoot) {
    new MutationObserver(() => {
      if (showingResults() && !answering && previewStep(/** @type {ShadowRoot} */ (preview.shadowRoot)).key === 'intro') answerPreview();
    }).observe(preview.shadowRoot, { childList: true, subtree: true });
  }
  update();
  document.documentElement.dataset.builder = 'ready';
}

start().catch((error) => {
  const text =
    location.protocol === 'file:'
      ? 'Browsers don\'t run this page when it is opened as a file. Upload the folder to your website and open builder.html there (https://…/builder.html).'
      : `The builder could not start: ${error}. Try reloading the page, or another browser.`;
  const box = el('p', { class: 'problem', role: 'alert', text });
  (document.querySelector('.page-header') ?? document.body).append(box);
  console.error('embed builder:', error);
});
