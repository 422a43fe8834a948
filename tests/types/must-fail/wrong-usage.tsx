// Every statement after an `// expect-error TSxxxx` line is a mistake the declarations must
// reject with that error code; nothing else in this file may fail. types.test.mjs checks it.
import type {} from 'emotional-intimacy-widget/react';
import type { EmotionalIntimacyWidgetConfig } from 'emotional-intimacy-widget';

// expect-error TS2322
export const wrongTheme = <emotional-intimacy-widget theme="blue" />;

// expect-error TS2322
export const wrongLoading = <emotional-intimacy-widget loading="later" />;

// expect-error TS2322
export const wrongHeadingLevel = <emotional-intimacy-widget faq-heading-level={7} />;

// expect-error TS2322
export const wrongSections = <emotional-intimacy-widget sections="results" />;

// No event carries answers.
// expect-error TS2339
export const noAnswers = <emotional-intimacy-widget onei-complete={(event) => event.detail.answers} />;

// expect-error TS2322
export const wrongConfigProp = <emotional-intimacy-widget config={42} />;

// expect-error TS2322
export const wrongMerge: EmotionalIntimacyWidgetConfig = { faq_merge: 'merge' };

// expect-error TS2353
export const unknownDimension: EmotionalIntimacyWidgetConfig = { items: { closeness: ['We laugh together.'] } };

// expect-error TS2322
export const tooManyStatements: EmotionalIntimacyWidgetConfig = { items: { trust: ['a', 'b', 'c', 'd'] } };

// expect-error TS2322
export const wrongResourceKind: EmotionalIntimacyWidgetConfig = { resources: [{ kind: 'hotline', name: 'X' }] };

const el = document.querySelector('emotional-intimacy-widget')!;

// expect-error TS2322
el.config = 42;

// ei-step's detail has no band.
// expect-error TS2339
el.addEventListener('ei-step', (event) => event.detail.band);

// The band is absent without share-score, and null when nothing was scored.
// expect-error TS18049
document.addEventListener('ei-complete', (event) => event.detail.band.toUpperCase());
