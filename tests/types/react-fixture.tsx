// A React 19 component using <emotional-intimacy-widget> the way docs/platforms.md shows it.
// It must type-check (tsc -p tests/types); it is never run.
import { useEffect, useRef, useState } from 'react';
import type {} from 'emotional-intimacy-widget/react';
import type {
  Band,
  DimensionId,
  EiCompleteDetail,
  EmotionalIntimacyWidgetConfig,
  EmotionalIntimacyWidgetElement,
} from 'emotional-intimacy-widget';

// The complete example of docs/configuration.md, as an object.
const config: EmotionalIntimacyWidgetConfig = {
  strings: {
    title: 'How close do you feel?',
    intro: ['A short, private check-in from Harbour Lane Counselling.', 'Take your time; there are no right answers.'],
    cta_text: 'If you would like to talk it through, our counsellors are here.',
    safety: { help_button: 'Need support now?' },
    bands: { grow: { label: 'room to grow' } },
    dimensions: { trust: { tips: ['Keep small promises.', 'Say what you need.'] } },
    scale: ['Strongly disagree', 'Disagree', 'Neither', 'Agree', 'Strongly agree'],
  },
  cta: { label: 'Book a free call', href: 'https://harbourlane.example/book', phone: '+1 555-0100' },
  faq_merge: 'append',
  faq: [
    {
      slug: 'fees',
      question: 'What does counselling cost?',
      answer: ['Your first 15-minute call is *free*.', 'See [our fees](https://harbourlane.example/fees) for sessions.'],
    },
    { question: 'Do you see couples?', answer: 'Yes, in person and online.' },
  ],
  items: {
    affection: [
      'Lately, they show me they care in small ways.',
      { text: 'Warm touch, like a hug, feels awkward between us.', reverse: true },
    ],
  },
  resources: [
    { kind: 'violence', name: "Women's Aid", phone: '1800 341 900', url: 'https://www.womensaid.ie' },
    { kind: 'crisis', name: 'Samaritans', phone: '116 123', sms: { number: '85258', keyword: 'SHOUT' } },
  ],
  languages: {},
};

export function Quiz() {
  const ref = useRef<EmotionalIntimacyWidgetElement>(null);
  const [band, setBand] = useState<Band | null>(null);
  const [scores, setScores] = useState<Partial<Record<DimensionId, number | null>>>({});

  // The same events through addEventListener, e.g. for listeners added outside React.
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const onComplete = (event: CustomEvent<EiCompleteDetail>) => {
      if (event.detail.dimensions) setScores(event.detail.dimensions);
    };
    el.addEventListener('ei-complete', onComplete);
    el.addEventListener('ei-faq-toggle', (event) => console.log(event.detail.slug, event.detail.open));
    el.config = JSON.stringify({ faq_merge: 'append' });
    return () => el.removeEventListener('ei-complete', onComplete);
  }, []);

  return (
    <>
      <emotional-intimacy-widget
        ref={ref}
        id="quiz"
        className="quiz"
        lang="es"
        theme="dark"
        sections="quiz faq"
        faq-mode="single"
        faq-schema
        faq-heading-level={2}
        cta-href="https://harbourlane.example/book"
        cta-label="Reservar una llamada"
        quick-exit-href="https://www.bbc.co.uk/weather"
        region="ES"
        share-score
        loading="eager"
        compare="off"
        config={config}
        onei-ready={() => console.log('ready')}
        onei-step={(event) => console.log(event.detail.index + 1, 'of', event.detail.total)}
        onei-complete={(event) => setBand(event.detail.band ?? null)}
        onei-cta={(event) => console.log(event.detail.href)}
        onei-compare={(event) => console.log(event.detail.dimensions?.trust?.partner)}
      />
      <emotional-intimacy-widget sections="faq" faq-heading-level="3" shadow="open" config='{"faq_merge":"append"}' />
      <p>{band ?? 'not finished'}</p>
      <p>{Object.keys(scores).length}</p>
    </>
  );
}
