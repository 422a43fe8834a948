// React 19 JSX types for <emotional-intimacy-widget>. Needs @types/react 19; load once with
//   import type {} from 'emotional-intimacy-widget/react';
// Kept apart from index.d.ts because a `declare module 'react'` augmentation is an error
// (TS2664) in projects that do not have @types/react.
//
// How React 19 passes props to a custom element (react-dom's setPropOnCustomElement):
// - a prop whose name is a property of the element (`config`, `lang`) is set as that
//   property, so `config` takes an object. This needs the element to be defined when React
//   renders it: load the widget's script before your app's bundle. (Before that, React would
//   set `config="[object Object]"` as an attribute instead.)
// - `on` + the event name (`onei-complete`) adds a listener for that exact event name.
// - other props become attributes; `true` sets an empty attribute, `false` removes it.

import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type {
  EmotionalIntimacyWidgetAttributes,
  EmotionalIntimacyWidgetConfig,
  EmotionalIntimacyWidgetElement,
  EmotionalIntimacyWidgetEventMap,
} from './index.js';

export * from './index.js';

/** `onei-ready`, `onei-complete`, …: listeners for the element's events. */
export type EmotionalIntimacyWidgetEventProps = {
  [K in keyof EmotionalIntimacyWidgetEventMap as `on${K}`]?: (event: EmotionalIntimacyWidgetEventMap[K]) => void;
};

/** The props `<emotional-intimacy-widget>` accepts in React 19 JSX. */
export type EmotionalIntimacyWidgetProps = DetailedHTMLProps<
  HTMLAttributes<EmotionalIntimacyWidgetElement>,
  EmotionalIntimacyWidgetElement
> &
  EmotionalIntimacyWidgetAttributes &
  EmotionalIntimacyWidgetEventProps & {
    /** The JSON configuration, set as the element's `config` property. */
    config?: EmotionalIntimacyWidgetConfig | string;
  };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'emotional-intimacy-widget': EmotionalIntimacyWidgetProps;
    }
  }
}
