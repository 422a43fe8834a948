// Helplines for a visitor who may be afraid: the country comes from the publisher's `region`,
// else from the browser's languages (Playwright's `locale` sets navigator.languages); every
// block names its country; where no built-in country fits, "Find a helpline in your country"
// comes first, beside the emergency-number line. The builder warns when Region is empty.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setup, openWidget, open, completeQuiz } from './harness.mjs';

const text = (lang) => JSON.parse(readFileSync(new URL(`../../content/${lang}.json`, import.meta.url), 'utf8'));
const TEXTS = { en: text('en'), es: text('es'), ar: text('ar') };
const SAFETY = 19; // index of the safety statement

let env;
before(async () => {
  env = await setup();
});
after(() => env.close());

/** Opens a widget for a browser set to `locale`, on a page in `lang`, and opens "Need help now?". */
async function helpPanel({ locale, lang, attrs = '' }) {
  const page = await openWidget(env, `sections="faq" ${attrs}`, { lang, context: { locale } });
  await page.locator('#w1 .help-button').click();
  await page.locator('#w1 .help-panel .resources').waitFor();
  return page;
}

/**
 * What a helpline list shows, in order: the country heading, tel: and sms: links, and where
 * the directory is (its link's text, and whether it leads).
 */
function read(list) {
  return list.evaluate((root) => ({
    navigator: navigator.languages,
    country: root.querySelector('.resource-country')?.textContent ?? null,
    countryTag: root.querySelector('.resource-country')?.tagName.toLowerCase() ?? null,
    groupTags: [...root.querySelectorAll('.resource-group > :first-child')].map((h) => h.tagName.toLowerCase()),
    links: [...root.querySelectorAll('a[href^="tel:"], a[href^="sms:"]')].map((a) => a.getAttribute('href')),
    last: root.lastElementChild?.className ?? null,
    directory: root.querySelector('a[href="https://findahelpline.com"]')?.textContent ?? null,
    directoryLeads: root.classList.contains('directory-first'),
    directoryTag: root.querySelector('.directory > :first-child')?.tagName.toLowerCase() ?? null,
    large: root.querySelector('.directory-link')?.classList.contains('primary') ?? false,
  }));
}

test('an en-GB browser gets the United Kingdom’s lines, under the country’s name', async () => {
  const page = await helpPanel({ locale: 'en-GB', lang: 'en' });
  const seen = await read(page.locator('#w1 .help-panel .resources'));
  assert.deepEqual(seen.navigator, ['en-GB'], 'the browser is set to British English');
  assert.equal(seen.country, 'United Kingdom');
  assert.deepEqual(seen.links, ['tel:+448082000247', 'tel:116123']);
  // Under the panel's h2: the country h3, its groups h4, the directory h3 of its own (not
  // part of the United Kingdom's list), last and not the large one.
  assert.equal(seen.countryTag, 'h3');
  assert.deepEqual(seen.groupTags, ['h4', 'h4']);
  assert.equal(seen.directoryTag, 'h3');
  assert.equal(seen.directory, TEXTS.en.safety.directory_title);
  assert.equal(seen.directoryLeads, false);
  assert.match(seen.last, /directory/);
  assert.equal(seen.large, false);
  await page.context().close();
});

test('a bare language, or a country with no lines here, gets the directory first', async () => {
  const cases = [
    { locale: 'es-MX', lang: 'es' },
    { locale: 'ar', lang: 'ar' },
    { locale: 'en', lang: 'en' },
    { locale: 'en-GB', lang: 'en', attrs: 'region="FR"' },
  ];
  for (const c of cases) {
    const page = await helpPanel(c);
    const panel = page.locator('#w1 .help-panel');
    const seen = await read(panel.locator('.resources'));
    const what = `${c.locale} ${c.attrs ?? ''}`;
    assert.equal(seen.country, null, what);
    assert.deepEqual(seen.links, [], `${what}: no other country's numbers`);
    assert.equal(seen.directoryLeads, true, what);
    assert.equal(seen.large, true, `${what}: one large link`);
    assert.equal(seen.directory, TEXTS[c.lang].safety.directory_title, what);
    // Beside the line about the local emergency number, which comes just before it.
    const order = await panel.evaluate((p) => [...p.children].map((e) => e.className));
    const at = order.indexOf('resources directory-first');
    assert.equal(order[at - 1], 'emergency', `${what}: ${order}`);
    // Mexico's own emergency number is known; elsewhere, the general words.
    const safety = TEXTS[c.lang].safety;
    const emergency = c.locale === 'es-MX'
      ? `${safety.emergency_in.replace('{country}', 'México')} ${safety.call.replace('{number}', '911')}`
      : safety.emergency;
    assert.equal(await panel.locator('.emergency').textContent(), emergency, what);
    await page.context().close();
  }
});

test('Spain’s lines say what each is for, and the country is named in the visitor’s language', async () => {
  const spain = await helpPanel({ locale: 'es-ES', lang: 'es' });
  const seen = await read(spain.locator('#w1 .help-panel .resources'));
  assert.equal(seen.country, 'España');
  assert.deepEqual(seen.links, ['tel:016', 'tel:024']);
  const names = await spain.locator('#w1 .help-panel .resource strong').allTextContents();
  assert.match(names[0], /violencia/);
  assert.match(names[1], /suicida/);
  await spain.context().close();

  // The publisher's region wins over the browser, named in the page's language.
  const arabic = await helpPanel({ locale: 'es-ES', lang: 'ar', attrs: 'region="GB"' });
  const gb = await read(arabic.locator('#w1 .help-panel .resources'));
  assert.equal(gb.country, 'المملكة المتحدة');
  assert.deepEqual(gb.links, ['tel:+448082000247', 'tel:116123']);
  assert.equal(gb.directory, TEXTS.ar.safety.directory_title);
  await arabic.context().close();
});

test('in Arabic, phone numbers read left to right, as dialled, whole and apart from the words', async () => {
  // Hyphens between digits that follow Arabic letters do not hold a number together: without
  // isolation "800-799-7233" shows as "7233-799-800", and Canada's "9-1-1" as "1-1-9".
  // The safety panel's buttons are the narrowest, where a long number could wrap.
  const panel = (page) => afraid(page);
  const help = (page) => page.locator('#w1 .help-button').click();
  for (const [region, reach, selector, number] of [
    ['US', panel, '.safety-panel .resource a[href^="tel:"]', '800-799-7233'],
    ['US', help, '.help-panel .resource a[href^="tel:"]', '800-799-7233'],
    ['CA', help, '.help-panel .emergency-call', '9-1-1'],
  ]) {
    const page = await openWidget(env, `region="${region}"`, {
      lang: 'ar',
      head: '<meta name="viewport" content="width=device-width,initial-scale=1">',
      context: { locale: 'ar', viewport: { width: 375, height: 800 } },
    });
    await reach(page);
    const link = page.locator(`#w1 ${selector}`).first();
    await link.waitFor();
    const seen = await link.evaluate((a, number) => {
      const walker = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
      const texts = [];
      while (walker.nextNode()) texts.push(walker.currentNode);
      const node = texts.find((n) => n.data.includes(number));
      const words = texts.find((n) => n.data.trim() && !n.data.includes(number));
      if (!node || !words) return null;
      const rangeOf = (text, from, to) => {
        const range = document.createRange();
        range.setStart(text, from);
        range.setEnd(text, to);
        return range;
      };
      // The left edge of each digit group, in the order the number is written.
      const start = node.data.indexOf(number);
      const lefts = [];
      let at = 0;
      for (const group of number.split('-')) {
        lefts.push(rangeOf(node, start + at, start + at + group.length).getBoundingClientRect().left);
        at += group.length + 1;
      }
      const whole = rangeOf(node, start, start + number.length);
      const box = whole.getBoundingClientRect();
      // The word just before the number comes first in the sentence, so on its right, unless
      // a line break parts them.
      const end = words.data.trimEnd().length;
      const last = rangeOf(words, end - 1, end).getBoundingClientRect();
      const sameLine = Math.abs(last.top - box.top) < 2;
      return {
        lefts,
        lines: new Set([...whole.getClientRects()].map((r) => Math.round(r.top))).size,
        gap: sameLine ? last.left - box.right : Infinity,
        rtl: getComputedStyle(a).direction === 'rtl',
      };
    }, number);
    assert.ok(seen, `${region}: the link shows ${number} beside its words`);
    assert.equal(seen.rtl, true, `${region}: the link is in a right-to-left sentence`);
    const sorted = [...seen.lefts].sort((x, y) => x - y);
    assert.deepEqual(seen.lefts, sorted, `${region}: ${number} reads left to right (${seen.lefts})`);
    assert.equal(seen.lines, 1, `${region}: ${number} stays on one line`);
    assert.ok(seen.gap >= 2, `${region}: a space between the words and ${number} (${seen.gap} px)`);
    await page.context().close();
  }

  // A service's own name keeps its order too: "988 Suicide & Crisis Lifeline", not
  // "Suicide & Crisis Lifeline 988".
  const page = await openWidget(env, 'sections="faq" region="US"', { lang: 'ar', context: { locale: 'ar' } });
  await page.locator('#w1 .help-button').click();
  const name = page.locator('#w1 .help-panel .resource strong', { hasText: 'Lifeline' });
  const [digits, word] = await name.evaluate((el) => {
    const text = el.firstChild;
    const left = (from, to) => {
      const range = document.createRange();
      range.setStart(text, from);
      range.setEnd(text, to);
      return range.getBoundingClientRect().left;
    };
    const at = text.data.indexOf('Suicide');
    return [left(0, 3), left(at, at + 7)];
  });
  assert.ok(digits < word, `"988" stays before "Suicide" (${digits} < ${word})`);
  await page.context().close();
});

test('Canada’s 988 takes calls and texts', async () => {
  const page = await helpPanel({ locale: 'fr-CA', lang: 'en' });
  const seen = await read(page.locator('#w1 .help-panel .resources'));
  assert.equal(seen.country, 'Canada');
  assert.deepEqual(seen.links, ['tel:988', 'sms:988']);
  assert.equal(await page.locator('#w1 .help-panel a[href="sms:988"]').textContent(), 'Text 988');
  await page.context().close();
});

/** Answers "Neither" to every statement and agrees with the safety statement. */
const afraid = (page) => completeQuiz(page, Array.from({ length: 21 }, (_, i) => (i === SAFETY ? 4 : 3)));

test('the safety panel of a visitor who is afraid: their country, or the directory first', async () => {
  const gb = await openWidget(env, '', { context: { locale: 'en-GB' } });
  await afraid(gb);
  await gb.locator('#w1 .safety-panel').waitFor();
  const uk = await read(gb.locator('#w1 .safety-panel .resources'));
  assert.equal(uk.country, 'United Kingdom');
  assert.equal(uk.countryTag, 'h4', 'under the results’ h3');
  assert.deepEqual(uk.groupTags, ['h5', 'h5']);
  assert.deepEqual(uk.links, ['tel:+448082000247', 'tel:116123']);
  await gb.context().close();

  const mx = await openWidget(env, '', { lang: 'es', context: { locale: 'es-MX' } });
  await afraid(mx);
  await mx.locator('#w1 .safety-panel').waitFor();
  const panel = mx.locator('#w1 .safety-panel');
  const seen = await read(panel.locator('.resources'));
  assert.equal(seen.directoryLeads, true);
  assert.deepEqual(seen.links, []);
  assert.equal(seen.directory, TEXTS.es.safety.directory_title);
  const order = await panel.evaluate((p) => [...p.children].map((e) => e.className));
  assert.deepEqual(order, ['', 'traces', 'resources directory-first', 'emergency', 'hint exit-note'], 'intro, what calls and texts leave, the directory, the emergency line, what the browser keeps');
  await mx.context().close();
});

test('the builder warns when Region is empty', async () => {
  const page = await open(env.browser, `${env.server.host}/builder.html`, { ready: 0 });
  await page.waitForFunction(() => document.documentElement.dataset.builder === 'ready');
  const note = page.locator('#opt-region-note');
  assert.equal(await note.isVisible(), true);
  assert.equal(
    (await note.textContent()).replace(/\s+/g, ' ').trim(),
    'Visitors whose browser names no supported country will see the international directory first.',
  );
  await page.fill('#opt-region', 'GB');
  await note.waitFor({ state: 'hidden' });
  await page.fill('#opt-region', '');
  await note.waitFor({ state: 'visible' });
  await page.context().close();
});
