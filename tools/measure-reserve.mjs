// @ts-check
// Measures the space the widget's first screen takes, for the "reserve" block of
// static/widget.css: for each width bracket the block uses and each `sections` value, the
// tallest first screen over every built-in language and every width in the bracket (the
// narrowest is the tallest), in em of the host's medium font, rounded up to half an em.
// Prints the block to paste; `--check` exits 1 when the stylesheet reserves less than that.
// Needs a built dist/ (./run.sh build).
import { readFileSync, readdirSync } from 'node:fs';
import { setup, open } from '../tests/e2e/harness.mjs';

const css = readFileSync(new URL('../static/widget.css', import.meta.url), 'utf8');
// The brackets the block uses, in px (1em = 16px): below 20em, 20–24em, …, from 46em.
const BRACKETS = [280, 320, 384, 480, 608, 736];
const TOP = 1280;
const SECTIONS = ['', 'quiz', 'faq'];
const languages = readdirSync(new URL('../content/', import.meta.url))
  .filter((f) => /^[a-z]{2,3}\.json$/.test(f))
  .map((f) => f.slice(0, -'.json'.length));

const env = await setup();
/** @type {Record<string, number[]>} */
const tallest = Object.fromEntries(SECTIONS.map((s) => [s, BRACKETS.map(() => 0)]));
try {
  for (const lang of languages) {
    for (const sections of SECTIONS) {
      const url = `${env.server.host}/fixtures/reserve-${lang}-${sections || 'all'}.html`;
      /** @type {any} */
      const options = {
        context: { viewport: { width: BRACKETS[0], height: 800 } },
        /** @param {import('playwright-core').Page} p */
        before: (p) =>
          p.route(url, (route) =>
            route.fulfill({
              contentType: 'text/html',
              body: `<!doctype html><html lang="${lang}"><head><meta name="viewport" content="width=device-width, initial-scale=1">
                <script src="/eiw/emotional-intimacy-widget.js" defer></script></head><body style="margin:0">
                <emotional-intimacy-widget id="w1" shadow="open" loading="eager" ${sections ? `sections="${sections}"` : ''}></emotional-intimacy-widget></body></html>`,
            }),
          ),
      };
      const page = await open(env.browser, url, options);
      for (let b = 0; b < BRACKETS.length; b++) {
        const end = (BRACKETS[b + 1] ?? TOP + 1) - 1;
        for (let width = BRACKETS[b]; width <= end; width += b === BRACKETS.length - 1 ? 136 : 8) {
          await page.setViewportSize({ width, height: 800 });
          const em = await page.evaluate(() => {
            const doc = /** @type {Document} */ (globalThis.document);
            const host = /** @type {HTMLElement} */ (doc.getElementById('w1'));
            const root = /** @type {ShadowRoot} */ (host.shadowRoot);
            const content = /** @type {HTMLElement} */ (root.firstElementChild);
            return content.getBoundingClientRect().height / 16;
          });
          tallest[sections][b] = Math.max(tallest[sections][b], em);
        }
      }
      await page.context().close();
    }
  }
} finally {
  await env.close();
}

/** @param {number} em */
const round = (em) => Math.ceil(em * 2) / 2;
/** @param {string} sections @param {number} em */
const rule = (sections, em) => `${sections ? `:host([sections="${sections}"])` : ':host'} { min-height: ${round(em)}em; }`;
/** @type {string[]} */
const lines = [];
BRACKETS.forEach((px, b) => {
  const rules = SECTIONS.map((s) => rule(s, tallest[s][b]));
  if (b === 0) lines.push(`:host { display: block; font-size: medium; min-height: ${round(tallest[''][0])}em; }`, ...rules.slice(1));
  else lines.push(`@media (min-width: ${px / 16}em) {`, ...rules.map((r) => '  ' + r), '}');
});
console.log(lines.join('\n'));

if (process.argv.includes('--check')) {
  // The stylesheet's value for each bracket and section, in the same order as printed.
  const block = /\/\* reserve:[\s\S]*?\*\/([\s\S]*?)\/\* reserve end \*\//.exec(css)?.[1] ?? '';
  const values = [...block.matchAll(/min-height:\s*([\d.]+)em/g)].map((m) => Number(m[1]));
  const needed = BRACKETS.flatMap((_, b) => SECTIONS.map((s) => round(tallest[s][b])));
  const short = needed.map((n, i) => [n, values[i]]).filter(([n, v]) => !(v >= n));
  if (short.length) {
    console.error(`static/widget.css reserves less than the first screen needs: ${JSON.stringify(short)}`);
    process.exit(1);
  }
}
