// What the bench pages' scripts find on the page, for TypeScript's checker
// (tsconfig.checkjs-browser.json). Types only: no page loads this file.

/** The quiz as tests/e2e/server.mjs writes it into a page's JSON block ({{QUIZ}}). */
interface BenchQuiz {
  title: string;
  intro: string[];
  scale: string[];
  statements: { text: string; reverse: boolean; area: string }[];
  faq: string[];
  faqTitle: string;
  start: string;
}

interface Window {
  /** When the page's quiz was first usable (performance.now()); bench/run.mjs reads it. */
  __benchReady?: number;
}

/** SurveyJS's browser build (survey.core.min.js) defines this global. */
declare const Survey: typeof import('survey-core');
