// Type declarations for <emotional-intimacy-widget>, the custom element the loader
// (dist/emotional-intimacy-widget.js) defines. Types only: the loader is a classic script for a
// <script> tag, not a module to import. Pull these in with
//   import type {} from 'emotional-intimacy-widget';
// (or import the named types below). React 19 JSX types are in ./react.d.ts:
//   import type {} from 'emotional-intimacy-widget/react';
// They are separate so that projects without @types/react are not affected.
//
// The full reference is docs/configuration.md in the repository; tests/package/in-step.test.mjs
// checks that the attributes here are the ones attributes.json defines and the events match it.

// ---- Values --------------------------------------------------------------------------------

/** The ten areas the quiz looks at, in the order of the quiz. */
export type DimensionId =
  | 'communication'
  | 'trust'
  | 'past'
  | 'background'
  | 'time'
  | 'wellbeing'
  | 'conflict'
  | 'values'
  | 'empathy'
  | 'affection';

/** Result bands: `strength` (≥ 4.0), `grow` (3.0–3.99), `explore` (< 3.0). */
export type Band = 'strength' | 'grow' | 'explore';

/** A built-in language, or any other language tag (regional variants and added languages). */
export type LanguageTag = NonNullable<EmotionalIntimacyWidgetAttributes['lang']>;

/** Heading levels allowed for FAQ questions. */
export type FaqHeadingLevel = Extract<EmotionalIntimacyWidgetAttributes['faq-heading-level'], number>;

/** An on/off attribute: present (any value but `"false"`) turns it on. */
export type PresenceAttribute = boolean | '' | 'true' | 'false';

// ---- Attributes ----------------------------------------------------------------------------

/**
 * The element's attributes (docs/configuration.md, "Attributes"). Changing one on a live
 * element restarts the widget, unless its comment says otherwise. Mistakes are reported in
 * the console and that setting falls back to its default.
 */
export interface EmotionalIntimacyWidgetAttributes {
  // Generated from attributes.json by `node tools/attributes.mjs --write`: edit that file, not this list.
  /** The language of the widget's texts. Values: `en`, `es`, `ar` or another language tag: a regional variant (`es-MX` → `es`) or a language added in the configuration's `languages`. Default: the page's `<html lang>`, then `en`. */
  'lang'?: 'en' | 'es' | 'ar' | (string & {});
  /** Which parts to show. Default: `quiz faq`. */
  'sections'?: 'quiz' | 'faq' | 'quiz faq';
  /** Colour scheme; `auto` is light or dark like the page around the widget (its background, else its `color-scheme`, else the visitor's device); `light` and `dark` force one. Applies at once, without restarting the widget. Default: `auto`. */
  'theme'?: 'light' | 'dark' | 'auto';
  /** `single`: opening one FAQ entry closes the others; `multiple`: entries open independently. Default: `multiple`. */
  'faq-mode'?: 'single' | 'multiple';
  /** Adds schema.org `FAQPage` JSON-LD to the page head, once per page. Default: off. */
  'faq-schema'?: PresenceAttribute;
  /** Heading level of each FAQ question (the FAQ's title is one level above). Default: `3`. */
  'faq-heading-level'?: 2 | 3 | 4 | 5 | 6 | '2' | '3' | '4' | '5' | '6';
  /** The call-to-action link. Values: `https://…`, `tel:…`, `mailto:…` or a relative link. Default: none (the call to action is text only). */
  'cta-href'?: string;
  /** The call-to-action button's label. Values: any text. Default: the language's own (English: "Talk to a counsellor"). */
  'cta-label'?: string;
  /** The neutral page Quick exit replaces this page with (`location.replace`, so Back does not return; inside a frame, the whole tab where the frame may navigate it). Values: an `http(s)` URL. Default: a weather search (`https://www.google.com/search?q=weather`). */
  'quick-exit-href'?: string;
  /** The country whose crisis and support services are shown, under the country's name. Another country (or one with no services here, such as `MX`, which knows only its emergency number) shows the international directory first. Values: `US`, `GB`, `CA`, `AU`, `ES`, `MX` or another two-letter country code. Default: from the visitor's browser languages, the first that names one of these countries (`en-GB` → `GB`, `fr-CA` → `CA`); a language alone (`en`, `es`) names none, and then the international directory comes first. */
  'region'?: 'US' | 'GB' | 'CA' | 'AU' | 'ES' | 'MX' | (string & {});
  /** `ei-complete` and `ei-compare` also carry scores (never answers). Default: off. */
  'share-score'?: PresenceAttribute;
  /** `off` hides "Compare with the other person" (pair codes and taking turns on one device). Default: `on`. */
  'compare'?: 'on' | 'off';
  /** `off` hides "Save my results" (the results file and its results code) and "I have an earlier result" (then and now); Print stays. Default: `on`. */
  'keepsake'?: 'on' | 'off';
  /** `lazy`: download the widget only when it is about one screen away from being seen (or is focused, or its `config` is set); `eager`: at once. Choose `eager` when the widget is at the top of the page. Default: `lazy`. */
  'loading'?: 'lazy' | 'eager';
  /** `open` exposes the shadow root to testing tools (it is closed so that page scripts cannot read answers). Read once, when the element is first connected. Default: `closed`. */
  'shadow'?: 'open' | 'closed';
}

// ---- JSON configuration --------------------------------------------------------------------

/** Text, or a list of paragraphs (in text, blank lines split paragraphs). */
export type Paragraphs = string | string[];

/** A quiz statement: its text, or `{ text, reverse }` (`reverse: true` when agreeing means *less* closeness). */
export type Statement = string | { text: string; reverse?: boolean };

/** One to three statements for one dimension. */
export type Statements = [Statement] | [Statement, Statement] | [Statement, Statement, Statement];

/** An FAQ entry. `answer` uses the safe text format: `*emphasis*` and `[words](https://…)`. */
export interface FaqEntry {
  /** Used in deep links (`#faq-<slug>`); made from the question when left out. */
  slug?: string;
  question: string;
  answer: Paragraphs;
}

/** The call to action. */
export interface CtaConfig {
  label?: string;
  /** As the `cta-href` attribute. */
  href?: string;
  /** Shown as a `tel:` link. */
  phone?: string;
}

/** A crisis or support service (replaces the regional list). */
export interface ResourceConfig {
  kind: 'violence' | 'crisis' | 'directory';
  name: string;
  phone?: string;
  tel?: string;
  sms?: { number: string; keyword: string };
  /** An `http(s)` address. */
  url?: string;
}

/** Keys of the plain interface texts (`strings.<key>`); templates must keep their `{placeholders}`. */
export type UiStringKey =
  | 'title'
  | 'who'
  | 'facts'
  | 'privacy'
  | 'quick_exit_hint'
  | 'start'
  | 'progress'
  | 'progress_label'
  | 'skip'
  | 'back'
  | 'next'
  | 'finish'
  | 'shortcut_hint'
  | 'results_title'
  | 'score_label'
  | 'score_value'
  | 'band_sentence'
  | 'bands_note'
  | 'chart_title'
  | 'chart_row'
  | 'chart_row_skipped'
  | 'not_scored'
  | 'nothing_scored'
  | 'areas_title'
  | 'areas_none'
  | 'strengths_title'
  | 'not_diagnosis'
  | 'cta_text'
  | 'cta_label'
  | 'cta_phone'
  | 'retake'
  | 'print'
  | 'faq_title'
  | 'quick_exit'
  | 'remember'
  | 'remember_hint'
  | 'forget'
  | 'resumed'
  | 'loading';

/** Keys of the safety texts (`strings.safety.<key>`). */
export type SafetyStringKey =
  | 'item'
  | 'title'
  | 'intro'
  | 'reframe'
  | 'emergency'
  | 'violence_title'
  | 'crisis_title'
  | 'directory_title'
  | 'help_button'
  | 'help_title'
  | 'help_intro'
  | 'call'
  | 'text'
  | 'website';

/** The five answer labels, from strongly disagree to strongly agree. */
export type ScaleLabels = [string, string, string, string, string];

/** Replacements for any user-facing text; every key is optional. */
export interface StringsConfig extends Partial<Record<UiStringKey, string>> {
  intro?: Paragraphs;
  scale?: ScaleLabels;
  safety?: Partial<Record<SafetyStringKey, string>>;
  bands?: Partial<Record<Band, { label?: string; summary?: string }>>;
  dimensions?: Partial<
    Record<DimensionId, { name?: string; description?: string; tips?: [string, string] | [string, string, string] }>
  >;
}

/** One dimension of a complete language file, in the order of `DimensionId`. */
export interface LanguageDimension {
  id: DimensionId;
  name: string;
  description: string;
  items: Statement[];
  tips: string[];
}

/** A complete content file for a new language: every key of `content/en.json` is required. */
export interface LanguageContent {
  lang: string;
  dir: 'ltr' | 'rtl';
  /** The digits 0–9 as this language writes them. */
  digits: string;
  ui: Record<UiStringKey, string> & { intro: Paragraphs };
  scale: ScaleLabels;
  bands: Record<Band, { label: string; summary: string }>;
  dimensions: LanguageDimension[];
  safety: Record<SafetyStringKey, string>;
  faq: FaqEntry[];
}

/**
 * The JSON configuration: the element's `config` property, or a child
 * `<script type="application/json">`. Every key is optional.
 */
export interface EmotionalIntimacyWidgetConfig {
  strings?: StringsConfig;
  cta?: CtaConfig;
  faq?: FaqEntry[];
  /** Whether `faq` replaces the built-in entries (default) or adds to them. */
  faq_merge?: 'replace' | 'append';
  /** Per dimension, 1–3 statements replacing the built-in ones. */
  items?: Partial<Record<DimensionId, Statements>>;
  /** Services replacing the regional list. */
  resources?: ResourceConfig[];
  /** A complete content file per new language code, e.g. `fr`. */
  languages?: Record<string, LanguageContent>;
}

// ---- Events --------------------------------------------------------------------------------

/** `detail` of `ei-ready` and `ei-start`: an empty object. */
export type EiEmptyDetail = Record<never, never>;

/** `detail` of `ei-step`: the question on screen (`index` counts from 0) and how many there are. */
export interface EiStepDetail {
  index: number;
  total: number;
}

/** `detail` of `ei-complete`: empty, unless the `share-score` attribute is set. */
export interface EiCompleteDetail {
  /** The overall band; `null` when nothing was scored (every statement skipped). */
  band?: Band | null;
  /** The connection score, 0–100; `null` when nothing was scored. */
  score?: number | null;
  /** Each dimension's score, 0–100; `null` when not scored. */
  dimensions?: Record<DimensionId, number | null>;
}

/** `detail` of `ei-faq-toggle`. */
export interface EiFaqToggleDetail {
  slug: string;
  open: boolean;
}

/** `detail` of `ei-cta`: the link followed. */
export interface EiCtaDetail {
  href: string;
}

/** `detail` of `ei-compare`. `dimensions` only with the `share-score` attribute. */
export interface EiCompareDetail {
  dimensions?: Record<DimensionId, { you: number | null; partner: number | null }>;
}

/**
 * The events the element fires: `CustomEvent`s that bubble and cross the shadow boundary.
 * No event ever carries an answer.
 */
export interface EmotionalIntimacyWidgetEventMap {
  /** The widget is ready. */
  'ei-ready': CustomEvent<EiEmptyDetail>;
  /** The visitor started the quiz. */
  'ei-start': CustomEvent<EiEmptyDetail>;
  /** A question is shown. */
  'ei-step': CustomEvent<EiStepDetail>;
  /** The results are shown. */
  'ei-complete': CustomEvent<EiCompleteDetail>;
  /** An FAQ entry was opened or closed. */
  'ei-faq-toggle': CustomEvent<EiFaqToggleDetail>;
  /** The call to action was followed. */
  'ei-cta': CustomEvent<EiCtaDetail>;
  /** A comparison with a partner's code was shown. */
  'ei-compare': CustomEvent<EiCompareDetail>;
}

// ---- The element ---------------------------------------------------------------------------

export interface EmotionalIntimacyWidgetElement extends HTMLElement {
  /**
   * The JSON configuration, as an object or a JSON string; setting it restarts the widget
   * (and starts a lazy one). `undefined` until set: a child `<script type="application/json">`
   * is not reflected here.
   */
  config: EmotionalIntimacyWidgetConfig | string | undefined;

  addEventListener<K extends keyof EmotionalIntimacyWidgetEventMap>(
    type: K,
    listener: (this: EmotionalIntimacyWidgetElement, ev: EmotionalIntimacyWidgetEventMap[K]) => any,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener<K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (this: EmotionalIntimacyWidgetElement, ev: HTMLElementEventMap[K]) => any,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof EmotionalIntimacyWidgetEventMap>(
    type: K,
    listener: (this: EmotionalIntimacyWidgetElement, ev: EmotionalIntimacyWidgetEventMap[K]) => any,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener<K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (this: EmotionalIntimacyWidgetElement, ev: HTMLElementEventMap[K]) => any,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions,
  ): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'emotional-intimacy-widget': EmotionalIntimacyWidgetElement;
  }
  // The events bubble, so any ancestor (or the document) can listen for them.
  interface HTMLElementEventMap extends EmotionalIntimacyWidgetEventMap {}
  interface DocumentEventMap extends EmotionalIntimacyWidgetEventMap {}
}
