// The element from plain TypeScript, without React. It must type-check; it is never run.
import type { Band, EmotionalIntimacyWidgetElement } from 'emotional-intimacy-widget';

const found = document.querySelector('emotional-intimacy-widget');
if (found) {
  const el: EmotionalIntimacyWidgetElement = found;
  el.config = { faq_merge: 'append', faq: [{ question: 'Is it private?', answer: 'Yes.' }] };
  el.config = '{"faq_merge":"append"}';
  el.addEventListener('ei-complete', (event) => {
    const band: Band | null = event.detail.band ?? null;
    const score: number | null | undefined = event.detail.score;
    console.log(band, score, event.detail.dimensions?.communication);
  });
  el.addEventListener('ei-step', function (event) {
    console.log(this.config, event.detail.index, event.detail.total);
  });
  el.addEventListener('click', (event) => console.log(event.clientX));
}

// The events bubble: the document can listen for every widget on the page.
document.addEventListener('ei-cta', (event) => console.log(event.detail.href));
document.body.addEventListener('ei-compare', (event) => console.log(event.detail.dimensions?.values?.you));

const created = document.createElement('emotional-intimacy-widget');
created.setAttribute('loading', 'eager');
created.config = { cta: { href: 'tel:+15550100' } };
document.body.append(created);

export {};
