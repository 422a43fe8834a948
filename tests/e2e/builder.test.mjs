// The embed builder (builder.html): its code, pasted into a blank page on another origin,
// runs the widget as chosen under the policy it shows; it checks JSON with the widget's own
// validator; its integrity values are the built files'; its FAQ snippet is the command
// line's; it offers every attribute attributes.json offers; it is accessible and sends nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { promisify } from 'node:util';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setup, open, completeQuiz } from './harness.mjs';
import { offered as isOffered, table } from '../../tools/attributes.mjs';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const dist = join(repo, 'dist');
const TAG = 'emotional-intimacy-widget';
const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const es = JSON.parse(readFileSync(join(repo, 'content', 'es.json'), 'utf8'));
const ANSWERS = [4, 3, 2, 5, 1, 4, 3, 2, 5, 1, 4, 3, 2, 5, 1, 4, 3, 2, 5, 2, 3];

// The attributes the builder offers, and those it deliberately does not (`offered: false` in
// attributes.json, e.g. `shadow`, for testing tools only: it opens the shadow root that keeps
// answers private).
const OFFERED = table().filter(isOffered).map((a) => a.name);
const NOT_OFFERED = table().filter((a) => !isOffered(a)).map((a) => a.name);

let env;
// A third origin for the pages the code is pasted into: a real loopback server (Chromium
// lets only pages that really come from loopback load the test server's files), answering
// each page with its own headers.
const blank = { pages: new Map(), origin: null, server: null };
before(async () => {
  env = await setup();
  blank.server = createServer((req, res) => {
    const page = blank.pages.get(new URL(req.url, 'http://x').pathname);
    if (!page) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...page.headers });
    res.end(page.body);
  });
  await new Promise((ok) => blank.server.listen(0, '127.0.0.1', ok));
  blank.origin = `http://127.0.0.1:${blank.server.address().port}`;
});
after(async () => {
  await new Promise((ok) => {
    blank.server.close(ok);
    blank.server.closeAllConnections();
  });
  await env.close();
});

// The widget's shadow root is closed; the tests open it to read the widget, without
// changing the code that is pasted.
const OPEN_SHADOWS = () => {
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    return attach.call(this, { ...init, mode: 'open' });
  };
};

const RECORD_VIOLATIONS = () => {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
};

async function openBuilder(origin, { context = {}, init = [] } = {}) {
  const ctx = await env.browser.newContext(context);
  const page = await ctx.newPage();
  page.pageErrors = [];
  page.on('pageerror', (e) => page.pageErrors.push(String(e)));
  for (const script of init) await page.addInitScript(script);
  await page.goto(`${origin}/builder.html`);
  await page.waitForFunction(() => document.documentElement.dataset.builder === 'ready');
  return page;
}

const embedCode = (page) => page.inputValue('#embed');

let pasted = 0;

/**
 * Opens a blank page on a third origin holding only `snippet`, sent with `csp` (if any) as
 * its Content-Security-Policy header; waits for the widget to be ready.
 */
async function paste(snippet, { csp, context = {}, ready = 1, routes } = {}) {
  const path = `/pasted-${++pasted}.html`;
  blank.pages.set(path, {
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pasted</title></head><body>\n${snippet}\n</body></html>`,
    headers: csp ? { 'content-security-policy': csp } : {},
  });
  return open(env.browser, blank.origin + path, {
    ready,
    context,
    before: async (p) => {
      await p.addInitScript(OPEN_SHADOWS);
      await p.addInitScript(RECORD_VIOLATIONS);
      if (routes) await routes(p);
    },
  });
}

/** What the pasted widget shows: its start button, colour scheme and accent. */
function widgetLooks(page, id = 'w1') {
  return page.locator(`#${id}`).evaluate((el) => {
    const root = el.shadowRoot;
    const card = root.querySelector('.card');
    const [r, g, b] = getComputedStyle(card).backgroundColor.match(/\d+/g).map(Number);
    return {
      start: root.querySelector('.intro .button.primary')?.textContent,
      scheme: getComputedStyle(el).colorScheme,
      darkCard: 0.2126 * r + 0.7152 * g + 0.0722 * b < 80,
      accent: getComputedStyle(el).getPropertyValue('--eiw-accent').trim(),
    };
  });
}

const sri = (file) => 'sha384-' + createHash('sha384').update(readFileSync(join(dist, file))).digest('base64');

/** The section of docs/configuration.md under `heading`, up to the next heading. */
function docSection(heading) {
  const doc = readFileSync(join(repo, 'docs', 'configuration.md'), 'utf8');
  const start = doc.indexOf(`\n${heading}\n`);
  assert.ok(start >= 0, `docs/configuration.md has "${heading}"`);
  const body = doc.slice(start + heading.length + 2);
  const end = body.search(/\n#/);
  return end < 0 ? body : body.slice(0, end);
}

test('pasted on another origin, the code runs the widget as chosen; one option changed changes only that', async () => {
  const builder = await openBuilder(env.server.host);
  await builder.selectOption('#opt-lang', 'es');
  await builder.selectOption('#opt-theme', 'dark');
  await builder.getByLabel('Call-to-action link', { exact: true }).fill('https://example.org/book?from=quiz&lang=es');
  await builder.getByLabel('Call-to-action label', { exact: true }).fill('Reservar una llamada');
  await builder.getByLabel('Element id', { exact: true }).fill('w1');
  await builder.getByLabel('Files URL', { exact: true }).fill(`${env.server.cdn}/eiw/`);
  const code = await embedCode(builder);
  const csp = await builder.locator('#csp').textContent();
  assert.equal(
    code,
    `<script src="${env.server.cdn}/eiw/${TAG}.js"></script>\n` +
      `<${TAG} id="w1" lang="es" theme="dark" cta-href="https://example.org/book?from=quiz&amp;lang=es" cta-label="Reservar una llamada"></${TAG}>`,
  );
  assert.match(await builder.locator('#embed-notes').textContent(), /No `?integrity`? value/);
  assert.equal(csp, `script-src ${env.server.cdn} 'wasm-unsafe-eval';\nconnect-src ${env.server.cdn};`);

  // A blank page on the host origin, with nothing allowed but what the builder said.
  const policy = `default-src 'none'; ${csp.replaceAll('\n', ' ')}`;
  const page = await paste(code, { csp: policy });
  assert.deepEqual(await widgetLooks(page), { start: es.ui.start, scheme: 'dark', darkCard: true, accent: '' });
  await completeQuiz(page, ANSWERS);
  const cta = page.locator('#w1 .cta a.button');
  assert.equal(await cta.textContent(), 'Reservar una llamada');
  assert.equal(await cta.getAttribute('href'), 'https://example.org/book?from=quiz&lang=es');
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no CSP violation');
  assert.deepEqual(await page.evaluate(() => window.__errors), [], 'the widget reported no problem');
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();

  // The same code with one option changed.
  await builder.selectOption('#opt-theme', 'light');
  const changed = await embedCode(builder);
  assert.equal(changed, code.replace(' theme="dark"', ' theme="light"'));
  assert.notEqual(changed, code);
  const again = await paste(changed, { csp: policy });
  assert.deepEqual(await widgetLooks(again), { start: es.ui.start, scheme: 'light', darkCard: false, accent: '' });
  await completeQuiz(again, ANSWERS);
  assert.equal(await again.locator('#w1 .cta a.button').textContent(), 'Reservar una llamada');
  assert.deepEqual(await again.evaluate(() => window.__violations), []);
  await again.context().close();

  // An accent colour comes as one <style> line before the element; nothing else changes.
  await builder.getByLabel('Accent colour', { exact: true }).fill('#6b3fa0');
  const accented = await embedCode(builder);
  const lines = changed.split('\n');
  assert.equal(accented, [lines[0], `<style>${TAG}{--eiw-accent:#6b3fa0}</style>`, ...lines.slice(1)].join('\n'));
  assert.match(await builder.locator('#csp-notes').textContent(), /style-src/);
  // Without a policy on styles the colour applies.
  const coloured = await paste(accented);
  assert.equal((await widgetLooks(coloured)).accent, '#6b3fa0');
  await coloured.context().close();
  assert.deepEqual(builder.pageErrors, []);
  await builder.context().close();
});

test('a JSON configuration with a typo and a wrong type shows both problems, with their paths, before anything is copied', async () => {
  const builder = await openBuilder(env.server.host, {
    context: { permissions: ['clipboard-read', 'clipboard-write'] },
  });
  const editor = builder.getByLabel('JSON configuration', { exact: true });
  await editor.fill('{\n  "strngs": { "title": "Hola" },\n  "faq": "none",\n  "cta": { "label": "Book </script> now" }\n}');
  const status = builder.locator('#config-status');
  assert.equal(await status.getAttribute('role'), 'status');
  const problems = await builder.locator('#config-problems li').allTextContents();
  assert.equal(problems.length, 2, problems.join('\n'));
  assert.match(problems[0], /^Warning at config\.strngs: unknown key, ignored; did you mean strings\?/);
  assert.match(problems[1], /^Error at config\.faq: expected a list/);
  assert.match(await builder.locator('#config-summary').textContent(), /2 problems/);
  assert.equal(await builder.locator('#copy-embed-status').textContent(), '', 'nothing copied yet');

  // The JSON (valid JSON, with problems the widget reports too) goes in, safe inside <script>.
  const code = await embedCode(builder);
  const json = /<script type="application\/json">\n([\s\S]*)\n {2}<\/script>/.exec(code)[1];
  assert.ok(!json.includes('</script'), 'the text cannot end the script block');
  assert.deepEqual(JSON.parse(json).cta, { label: 'Book </script> now' });
  assert.equal(code.split('</script>').length, 3, 'the loader\'s and the JSON block\'s only');

  await builder.getByRole('button', { name: 'Copy embed code' }).click();
  await builder.locator('#copy-embed-status').filter({ hasText: 'Copied' }).waitFor();
  assert.equal(await builder.evaluate(() => navigator.clipboard.readText()), code);

  // Not JSON at all: the problem is shown and the code carries no JSON block.
  await editor.fill('{ "faq": [ }');
  assert.match(await builder.locator('#config-summary').textContent(), /not valid JSON/);
  const parse = await builder.locator('#config-problems li').allTextContents();
  assert.equal(parse.length, 1);
  assert.match(parse[0], /^Error at config: is not valid JSON .* at line 1 column/);
  const without = await embedCode(builder);
  assert.ok(!without.includes('application/json'), without);
  assert.match(await builder.locator('#embed-notes').textContent(), /not in this code/);

  // Fixed: in again, and the preview shows it.
  await editor.fill('{ "strings": { "title": "Hola desde la consulta" } }');
  assert.equal(await builder.locator('#config-summary').textContent(), '✓ The JSON configuration is valid.');
  assert.match(await embedCode(builder), /"Hola desde la consulta"/);
  assert.deepEqual(builder.pageErrors, []);
  await builder.context().close();
});

test('copying without the Clipboard API selects the code instead', async () => {
  const builder = await openBuilder(env.server.host, {
    init: [() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined })],
  });
  await builder.getByRole('button', { name: 'Copy embed code' }).press('Enter');
  await builder.locator('#copy-embed-status').filter({ hasText: 'selected' }).waitFor();
  const selection = await builder.locator('#embed').evaluate((t) => [document.activeElement === t, t.selectionStart, t.selectionEnd, t.value.length]);
  assert.deepEqual(selection, [true, 0, selection[3], selection[3]]);
  await builder.context().close();
});

test('the integrity value is the built loader\'s; the published code runs under the policy shown, and a changed file is refused', async () => {
  const integrity = JSON.parse(readFileSync(join(dist, 'integrity.json'), 'utf8'));
  const builder = await openBuilder(env.server.host);
  const code = await embedCode(builder);
  const loader = sri(`${TAG}.js`);
  assert.equal(integrity.files[`${TAG}.js`], loader);
  const folder = `https://cdn.jsdelivr.net/npm/${TAG}@${integrity.version}/dist/`;
  assert.equal(await builder.inputValue('#opt-files'), folder);
  assert.equal(code, `<script src="${folder}${TAG}.js" integrity="${loader}" crossorigin="anonymous"></script>\n<${TAG}></${TAG}>`);
  const csp = await builder.locator('#csp').textContent();
  assert.equal(csp, "script-src https://cdn.jsdelivr.net 'wasm-unsafe-eval';\nconnect-src https://cdn.jsdelivr.net;");
  await builder.context().close();

  // jsDelivr, answered from dist/ (with CORS, as jsDelivr sends), optionally with a changed loader.
  const cdn = (tamper) => (p) =>
    p.context().route(`${folder}**`, (route) => {
      const file = new URL(route.request().url()).pathname.slice(new URL(folder).pathname.length);
      let body = readFileSync(join(dist, file));
      if (tamper && file === `${TAG}.js`) body = Buffer.concat([body, Buffer.from('\n// changed\n')]);
      const type = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.txt': 'text/plain' }[extname(file)];
      route.fulfill({ body, headers: { 'content-type': type, 'access-control-allow-origin': '*' } });
    });
  const withId = code.replace(`<${TAG}>`, `<${TAG} id="w1">`);
  const page = await paste(withId, { csp: `default-src 'none'; ${csp.replaceAll('\n', ' ')}`, routes: cdn(false) });
  assert.equal((await widgetLooks(page)).start, 'Start');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();

  const refused = await paste(withId, { ready: 0, routes: cdn(true) });
  const script = refused.locator('script[src]');
  await refused.waitForFunction(() => document.readyState === 'complete');
  assert.equal(await script.count(), 1);
  assert.equal(await refused.evaluate((tag) => customElements.get(tag) === undefined, TAG), true, 'the changed loader never ran');
  await refused.context().close();
});

test('the FAQ snippet shown equals ./run.sh faq-snippet <lang>', { timeout: 600000 }, async () => {
  const builder = await openBuilder(env.server.host);
  const languages = await builder.locator('#opt-lang option').evaluateAll((options) => options.map((o) => o.value).filter(Boolean));
  const built = readdirSync(join(repo, 'content')).filter((f) => f.endsWith('.json') && f !== 'resources.json').map((f) => f.slice(0, -5));
  assert.deepEqual([...languages].sort(), [...built].sort(), 'the built-in languages are offered');
  const run = (lang) => promisify(execFile)('./run.sh', ['faq-snippet', lang], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 24 });
  // The usual setting (the page's language) gives the English snippet.
  assert.equal(await builder.inputValue('#faq-snippet'), (await run('en')).stdout);
  // It goes into the publisher's page: it names no tool of ours.
  assert.doesNotMatch(await builder.inputValue('#faq-snippet'), /run\.sh|cargo|Generated by/);
  for (const lang of languages) {
    await builder.selectOption('#opt-lang', lang);
    const { stdout } = await run(lang);
    assert.ok(stdout.includes('<details id="faq-'), `${lang}: the command printed a snippet`);
    assert.equal(await builder.inputValue('#faq-snippet'), stdout, lang);
  }
  // With a configuration, its FAQ entries (as the widget shows them).
  await builder.getByLabel('JSON configuration', { exact: true }).fill('{"faq": [{"slug": "precio", "question": "¿Cuánto cuesta?", "answer": "La *primera* llamada es gratis."}]}');
  await builder.selectOption('#opt-lang', 'es');
  const configured = await builder.inputValue('#faq-snippet');
  assert.match(configured, /<details id="faq-precio">\n {4}<summary>¿Cuánto cuesta\?<\/summary>\n {4}<p>La <em>primera<\/em> llamada es gratis\.<\/p>/);
  assert.equal(configured.match(/<details/g).length, 1);
  await builder.context().close();
});

test('the builder offers every attribute attributes.json offers and nothing else, each adding just itself to the code', async () => {
  const builder = await openBuilder(env.server.host);
  const offered = await builder.locator('[data-attribute]').evaluateAll((els) => els.map((e) => e.dataset.attribute));
  assert.equal(new Set(offered).size, offered.length, 'each attribute once');
  for (const name of OFFERED) {
    assert.ok(offered.includes(name), `attributes.json offers "${name}": add its control to builder.html (or set "offered": false there, with why)`);
  }
  for (const name of offered) assert.ok(OFFERED.includes(name), `builder.html offers "${name}", which attributes.json ${NOT_OFFERED.includes(name) ? 'does not offer' : 'does not define'}`);
  // The one CSS option is a documented custom property.
  const properties = await builder.locator('[data-css-property]').evaluateAll((els) => els.map((e) => e.dataset.cssProperty));
  assert.deepEqual(properties, ['--eiw-accent']);
  assert.ok(docSection('## Theming').includes('`--eiw-accent`'));

  // Every control is labelled, and setting it adds its attribute, alone, to the element.
  const SAMPLES = { 'cta-href': 'https://example.org/book', 'cta-label': 'Book a call', 'quick-exit-href': 'https://example.org/news', region: 'GB' };
  const attributesOf = (code) =>
    builder.evaluate(([code, tag]) => {
      const el = new DOMParser().parseFromString(code, 'text/html').querySelector(tag);
      return Object.fromEntries(el.getAttributeNames().map((n) => [n, el.getAttribute(n)]));
    }, [code, TAG]);
  assert.deepEqual(await attributesOf(await embedCode(builder)), {});
  for (const name of offered) {
    const control = builder.locator(`[data-attribute="${name}"]`);
    const kind = await control.evaluate((e) => (e.tagName === 'SELECT' ? 'select' : e.type));
    const label = await control.evaluate((e) => e.labels[0]?.textContent.trim());
    assert.ok(label, `${name} has a label`);
    assert.equal(await builder.getByLabel(label, { exact: true }).getAttribute('data-attribute'), name);
    if (kind === 'checkbox') {
      await control.click();
    } else if (kind === 'select') {
      const values = await control.evaluate((e) => [...e.options].map((o) => o.value));
      await control.selectOption(values.at(-1) || values.at(-2));
    } else {
      assert.ok(SAMPLES[name], `add a valid sample value for "${name}" to SAMPLES`);
      await control.fill(SAMPLES[name]);
    }
    const set = await attributesOf(await embedCode(builder));
    assert.deepEqual(Object.keys(set), [name], `${name}: ${JSON.stringify(set)}`);
    if (kind === 'checkbox') await control.click();
    else if (kind === 'select') await control.selectOption('');
    else await control.fill('');
    assert.deepEqual(await attributesOf(await embedCode(builder)), {}, `${name} back to its usual setting`);
  }
  // A wrong value is explained at the field and left out of the code.
  const link = builder.getByLabel('Call-to-action link', { exact: true });
  await link.fill('javascript:alert(1)');
  assert.equal(await link.getAttribute('aria-invalid'), 'true');
  assert.match(await builder.locator('#opt-cta-href-problem').textContent(), /cta-href="javascript:alert\(1\)": is not an http\(s\)/);
  assert.deepEqual(await attributesOf(await embedCode(builder)), {});
  await builder.context().close();
});

test('the preview is the real widget, restarted with the options', async () => {
  const builder = await openBuilder(env.server.host, { init: [OPEN_SHADOWS] });
  const title = (text) =>
    builder.waitForFunction((t) => document.querySelector('#preview').shadowRoot.querySelector('#eiw-title')?.textContent === t, text);
  await title('Are you lacking emotional intimacy?');
  await builder.selectOption('#opt-lang', 'es');
  await title(es.ui.title);
  await builder.getByLabel('JSON configuration', { exact: true }).fill('{"strings": {"title": "Hola desde la consulta"}}');
  await title('Hola desde la consulta');
  await builder.selectOption('#opt-sections', 'faq');
  await builder.locator('#preview #eiw-faq-title').waitFor();
  await builder.locator('#preview .intro').waitFor({ state: 'detached' });
  assert.equal(await builder.locator('#preview').getAttribute('loading'), 'eager');
  assert.equal(await builder.locator('#preview').getAttribute('sections'), 'faq');
  assert.deepEqual(builder.pageErrors, []);
  await builder.context().close();
});

test('platform tabs: keyboard operable, each with the code its platform needs', async () => {
  const builder = await openBuilder(env.server.host);
  await builder.selectOption('#opt-lang', 'es');
  await builder.getByLabel('Call-to-action link', { exact: true }).fill('https://example.org/book');
  await builder.getByLabel('Add FAQ structured data for search engines', { exact: true }).check();
  await builder.getByLabel('Accent colour', { exact: true }).fill('#6b3fa0');
  await builder.getByLabel('Element id', { exact: true }).fill('quiz');
  const tabs = await builder.getByRole('tab').allTextContents();
  assert.deepEqual(tabs, ['Plain HTML', 'WordPress', 'Squarespace', 'Wix', 'Webflow', 'Ghost', 'React', 'Vue']);
  await builder.getByRole('tab', { name: 'Plain HTML' }).focus();
  await builder.keyboard.press('ArrowRight');
  const wordpress = builder.getByRole('tabpanel', { name: 'WordPress' });
  assert.equal(await builder.getByRole('tab', { name: 'WordPress' }).getAttribute('aria-selected'), 'true');
  assert.match(await wordpress.textContent(), /\[emotional_intimacy_widget id="quiz" lang="es" faq_schema cta_href="https:\/\/example.org\/book" accent="#6b3fa0"\]/);
  assert.match(await wordpress.textContent(), /unfiltered HTML/);
  assert.equal(await builder.getByRole('tabpanel').count(), 1, 'one panel shown');

  await builder.keyboard.press('ArrowRight');
  await builder.keyboard.press('ArrowRight');
  const wix = await builder.getByRole('tabpanel', { name: 'Wix' }).textContent();
  assert.match(wix, /Custom Element/);
  assert.match(wix, /"Embed HTML" puts the code in a sandboxed frame/);
  assert.match(wix, /lang = es\nfaq-schema = true\ncta-href = https:\/\/example.org\/book/);

  await builder.keyboard.press('End');
  await builder.keyboard.press('ArrowLeft');
  await builder.getByLabel('JSON configuration', { exact: true }).fill('{"faq_merge": "append", "faq": [{"question": "Q?", "answer": "A."}]}');
  await builder.getByRole('tab', { name: 'React' }).click();
  const react = await builder.getByRole('tabpanel', { name: 'React' }).textContent();
  assert.match(react, /const config = \{"faq_merge": "append"/);
  assert.match(react, /<emotional-intimacy-widget\n\s+id="quiz"\n\s+lang="es"\n\s+faq-schema\n\s+cta-href="https:\/\/example.org\/book"\n\s+config=\{config\}\n\s+\/>/);
  assert.match(react, /--eiw-accent: #6b3fa0;/);
  await builder.getByRole('tab', { name: 'Vue' }).click();
  const vue = await builder.getByRole('tabpanel', { name: 'Vue' }).textContent();
  assert.match(vue, /isCustomElement: \(tag\) => tag === 'emotional-intimacy-widget'/);
  assert.match(vue, /<emotional-intimacy-widget id="quiz" lang="es" faq-schema cta-href="https:\/\/example.org\/book" :config.prop="config" \/>/);
  await builder.context().close();
});

test('sends nothing and stores nothing unless "Remember my settings" is ticked', async () => {
  const builder = await openBuilder(env.server.host);
  const requests = [];
  builder.on('request', (r) => requests.push(r.url()));
  await builder.selectOption('#opt-lang', 'ar');
  await builder.getByLabel('Call-to-action link', { exact: true }).fill('https://example.org/book');
  await builder.getByLabel('JSON configuration', { exact: true }).fill('{"cta": {"phone": "+1 555 0100"}}');
  await builder.getByRole('button', { name: 'Copy embed code' }).click();
  await builder.locator('#copy-embed-status').filter({ hasText: /\S/ }).waitFor();
  const stored = () => builder.evaluate(() => ({ local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie }));
  assert.deepEqual(await stored(), { local: {}, session: {}, cookie: '' });

  await builder.getByLabel('Remember my settings', { exact: true }).check();
  assert.deepEqual(Object.keys((await stored()).local), [`${TAG}:builder`]);
  await builder.reload();
  await builder.waitForFunction(() => document.documentElement.dataset.builder === 'ready');
  assert.equal(await builder.inputValue('#opt-lang'), 'ar');
  assert.equal(await builder.inputValue('#opt-cta-href'), 'https://example.org/book');
  assert.match(await embedCode(builder), /lang="ar" cta-href="https:\/\/example.org\/book">\n {2}<script type="application\/json">\n\{"cta": \{"phone": "\+1 555 0100"\}\}/);
  await builder.getByLabel('Remember my settings', { exact: true }).uncheck();
  assert.deepEqual(await stored(), { local: {}, session: {}, cookie: '' });

  // Only this page's own files and the widget's, from this folder.
  const files = new Set();
  const walk = (dir, prefix = '') => {
    for (const name of readdirSync(dir)) {
      if (statSync(join(dir, name)).isDirectory()) walk(join(dir, name), `${prefix}${name}/`);
      else files.add(`${prefix}${name}`);
    }
  };
  walk(dist);
  assert.ok(requests.length > 0);
  for (const url of requests.filter((u) => !u.startsWith('data:'))) {
    const u = new URL(url);
    assert.equal(u.origin, env.server.host, url);
    assert.ok(files.has(u.pathname.slice(1)), url);
  }
  await builder.context().close();
});

async function audit(page, where) {
  // From the page's top. axe's target-size treats a sticky element as if it were not
  // (dequelabs/axe-core#3720): wherever a click left the page scrolled, the preview's sticky
  // bar, stuck over the preview's FAQ, would read as obscuring whichever button is beneath.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.addScriptTag({ content: AXE });
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
  return result.violations.map((v) => `${where}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}: ${v.nodes[0]?.failureSummary}`);
}

/** Shows every state the page has: problems at a field, in the JSON, notes, a copy status. */
async function everyState(page) {
  await page.getByLabel('Call-to-action link', { exact: true }).fill('javascript:void 0');
  await page.getByLabel('Accent colour', { exact: true }).fill('purple');
  await page.getByLabel('Files URL', { exact: true }).fill('/widgets/quiz/');
  await page.getByLabel('JSON configuration', { exact: true }).fill('{"strngs": {}, "faq": 1}');
  await page.getByRole('button', { name: 'Copy embed code' }).click();
  await page.locator('#copy-embed-status').filter({ hasText: /\S/ }).waitFor();
}

test('accessible: no axe violations in light, dark, at 200% zoom and 320 px; no sideways scrolling', async () => {
  const found = [];
  for (const [where, context] of [
    ['light', { colorScheme: 'light' }],
    ['dark', { colorScheme: 'dark' }],
    ['200% zoom', { viewport: { width: 640, height: 900 }, deviceScaleFactor: 2 }],
    ['320 px', { viewport: { width: 320, height: 800 } }],
  ]) {
    const page = await openBuilder(env.server.host, { context });
    found.push(...(await audit(page, where)));
    await everyState(page);
    found.push(...(await audit(page, `${where}, with problems shown`)));
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(sideways, 0, `${where}: no horizontal scroll`);
    for (const tab of ['WordPress', 'Wix', 'React', 'Vue']) {
      await page.getByRole('tab', { name: tab }).click();
      found.push(...(await audit(page, `${where}, ${tab} tab`)));
    }
    await page.context().close();
  }
  assert.deepEqual(found, []);
});

test('keyboard only: every control is reached with Tab and shows a visible focus indicator', async () => {
  const page = await openBuilder(env.server.host);
  const seen = [];
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body || el.id === 'preview') return null;
      const cs = getComputedStyle(el);
      return { id: el.id || el.textContent.trim().slice(0, 30), outline: cs.outlineStyle, width: parseFloat(cs.outlineWidth) };
    });
    if (!info) continue;
    if (seen.includes(info.id)) break;
    seen.push(info.id);
    assert.notEqual(info.outline, 'none', `${info.id} shows focus`);
    assert.ok(info.width >= 2, `${info.id}: outline at least 2px`);
  }
  for (const id of ['opt-lang', 'opt-accent', 'opt-faq-mode', 'opt-loading', 'opt-files', 'opt-config', 'opt-remember', 'embed', 'copy-embed', 'tab-html', 'panel-html', 'faq-snippet', 'copy-faq']) {
    assert.ok(seen.includes(id), `${id} is reached with Tab (reached: ${seen.join(', ')})`);
  }
  // Switches work from the keyboard.
  await page.locator('#opt-compare').focus();
  await page.keyboard.press('Space');
  assert.match(await embedCode(page), / compare="off"/);
  await page.context().close();
});

/** WCAG 2 contrast of two computed `rgb(…)` colours. */
function contrast(a, b) {
  const luminance = (css) => {
    const [r, g, b] = css.match(/[\d.]+/g).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

/** The preview's Start button: its background and text colours. */
const previewButton = (page) =>
  page.locator('#preview').evaluate((el) => {
    const button = el.shadowRoot.querySelector('.intro .button.primary');
    return [getComputedStyle(button).backgroundColor, getComputedStyle(button).color];
  });

test('accent colours: the figures the quiz will show, a warning under 4.5:1, and a preview that keeps button text at 4.5:1', async () => {
  const builder = await openBuilder(env.server.host);
  const accent = builder.getByLabel('Accent colour', { exact: true });
  const line = builder.locator('#opt-accent-contrast');
  const warning = builder.locator('#opt-accent-warning');
  assert.ok(!(await line.isVisible()) && !(await warning.isVisible()), 'nothing to say without an accent');
  const described = (await accent.getAttribute('aria-describedby')).split(' ');
  assert.ok(described.includes('opt-accent-contrast') && described.includes('opt-accent-warning'));

  await accent.fill('#ffff00');
  await warning.waitFor();
  assert.match(await warning.textContent(), /^#ffff00 has only 1\.07:1 against the light theme's white background, under the 4\.5:1 that text needs\. Button text stays readable \(black, 19\.55:1\)/);
  assert.match(await warning.textContent(), /or the dark theme if your page is dark\.$/);
  assert.equal(await line.textContent(), 'Light theme: black text on #ffff00, 19.55:1. Dark theme: black text on #ffff00, 19.55:1.');
  // A warning, not a problem: the colour stays in the code.
  assert.match(await embedCode(builder), /--eiw-accent:#ffff00/);
  assert.equal(await accent.getAttribute('aria-invalid'), null);

  await accent.fill('#6b3fa0');
  await warning.waitFor({ state: 'hidden' });
  assert.equal(
    await line.textContent(),
    'Light theme: white text on #6b3fa0, 7.38:1. Dark theme: #6b3fa0 has 2.34:1 against the dark background, so a lighter shade, #9474ba (4.5:1), is used, with black text (5.46:1).',
  );
  await builder.selectOption('#opt-theme', 'dark');
  assert.match(await line.textContent(), /^Dark theme: /);
  assert.doesNotMatch(await line.textContent(), /Light theme/);
  await builder.selectOption('#opt-theme', 'light');
  assert.equal(await line.textContent(), 'Light theme: white text on #6b3fa0, 7.38:1.');
  await accent.fill('#ffff00');
  await warning.waitFor();
  assert.match(await warning.textContent(), /Choose a darker colour\.$/, 'no dark theme offered once light is chosen');

  // The preview shows what the figures say, for each accent in each theme.
  for (const theme of ['light', 'dark']) {
    await builder.selectOption('#opt-theme', theme);
    for (const colour of ['#ffff00', '#6b3fa0', '#808080', '#00ff00', '#0000ff', '#ffffff', '#000000']) {
      await accent.fill(colour);
      await builder.waitForFunction(
        ([c, t]) => {
          const root = document.querySelector('#preview').shadowRoot;
          const card = root.querySelector('.card');
          const host = document.querySelector('#preview');
          return card && host.style.getPropertyValue('--eiw-accent') === c && getComputedStyle(card).colorScheme === t;
        },
        [colour, theme],
      );
      const [background, text] = await previewButton(builder);
      const ratio = contrast(background, text);
      assert.ok(ratio >= 4.5, `${colour}, ${theme}: button text ${ratio.toFixed(2)}:1`);
      const card = theme === 'dark' ? 'rgb(22, 27, 34)' : 'rgb(255, 255, 255)';
      if (theme === 'dark') assert.ok(contrast(background, card) >= 4.5, `${colour}: the accent on the dark card`);
      const faint = theme === 'light' && contrast(background, card) < 4.5;
      assert.equal(await warning.isVisible(), faint, `${colour}, ${theme}: warned exactly when under 4.5:1`);
    }
  }
  assert.deepEqual(builder.pageErrors, []);
  await builder.context().close();
});

test('the preview shows the results too: answered with sample answers, again after a restart, without taking focus; then the start again', async () => {
  const found = [];
  for (const colorScheme of ['light', 'dark']) {
    const builder = await openBuilder(env.server.host, { context: { colorScheme, viewport: { width: 375, height: 800 } } });
    // On a phone the options are above the preview, not on its left.
    assert.doesNotMatch(await builder.locator('.page-header').textContent(), /on the (left|right)/);
    const results = builder.getByLabel('The results, with sample answers');
    await results.check();
    await builder.locator('#preview .results').waitFor();
    assert.equal(await builder.locator('#preview-status').textContent(), 'The preview shows the results of the sample answers.');
    // A visitor who feels safe: the usual results, not safety first.
    assert.equal(await builder.locator('#preview .safety-first').count(), 0);
    assert.equal(await builder.evaluate(() => document.activeElement?.id), 'preview-results', 'focus stays on the choice');
    found.push(...(await audit(builder, `${colorScheme}, results preview`)));

    // Typing an option restarts the widget at each change: it is answered again, and focus
    // stays in the field.
    const cta = builder.getByLabel('Call-to-action link', { exact: true });
    await cta.click();
    await builder.keyboard.type('https://example.org/book');
    await builder.locator('#preview .results .cta a').waitFor();
    assert.equal(await builder.locator('#preview .results .cta a').getAttribute('href'), 'https://example.org/book');
    assert.equal(await builder.evaluate(() => document.activeElement?.id), 'opt-cta-href');
    assert.equal(await cta.inputValue(), 'https://example.org/book');

    await builder.selectOption('#opt-lang', 'es');
    await builder.waitForFunction(() => document.querySelector('#preview').shadowRoot.querySelector('.results')?.closest('[lang]')?.getAttribute('lang') === 'es');

    await builder.getByLabel('The start').check();
    await builder.locator('#preview .intro').waitFor();
    assert.equal(await builder.locator('#preview .results').count(), 0);
    found.push(...(await audit(builder, `${colorScheme}, start preview`)));
    assert.deepEqual(builder.pageErrors, []);
    await builder.context().close();
  }
  assert.deepEqual(found, []);
});

test('the demo page links to the builder', async () => {
  const page = await open(env.browser, env.server.host + '/', { ready: 0 });
  await page.getByRole('link', { name: 'Open the embed builder' }).click();
  await page.waitForFunction(() => document.documentElement.dataset.builder === 'ready');
  assert.ok(page.url().endsWith('/builder.html'));
  await page.context().close();
});
