/*! emotional-intimacy-widget loader.
 * Publishers include this one classic script; it loads eiw.js and eiw_bg.wasm from its own
 * folder and defines <emotional-intimacy-widget>. Nothing here reads or sends answers. */
(function () {
  'use strict';
  var TAG = 'emotional-intimacy-widget';
  // A registry symbol, not a plain global, so no host-page variable can collide with it.
  var LOADING = Symbol.for(TAG + '/loader');
  if (!window.customElements || customElements.get(TAG) || window[LOADING]) return;
  window[LOADING] = true;

  var script = document.currentScript;
  var base = new URL('./', (script && script.src) || document.baseURI).href;

  function report(message, error) {
    console.error(TAG + ': ' + message, error || '');
  }

  import(base + 'eiw.js')
    .then(function (glue) {
      return glue.default({ module_or_path: base + 'eiw_bg.wasm' }).then(function () {
        return glue;
      });
    })
    .then(define, function (error) {
      // The element stays undefined, so its light-DOM fallback (if any) stays visible.
      report('could not load its files from ' + base + '. Check that eiw.js and eiw_bg.wasm are ' +
        'next to this script, that the server sends CORS headers, and that the page\'s ' +
        'Content-Security-Policy allows them (script-src needs \'wasm-unsafe-eval\').', error);
    });

  // Attributes and classes that common session-replay tools honour as "do not record":
  // Hotjar, Microsoft Clarity, LogRocket, FullStory, rrweb/PostHog. The closed shadow root
  // is the main protection; these cover recorders that capture the host element itself.
  function mask(el) {
    var attrs = { 'data-hj-suppress': '', 'data-clarity-mask': 'true', 'data-private': '', 'data-recording-disable': '' };
    for (var name in attrs) if (!el.hasAttribute(name)) el.setAttribute(name, attrs[name]);
    el.classList.add('fs-exclude', 'rr-block', 'ph-no-capture');
  }

  function define(glue) {
    if (customElements.get(TAG)) return;
    // Per-element state lives here, not on the element, where host scripts could read it.
    var state = new WeakMap();

    class EmotionalIntimacyWidget extends HTMLElement {
      connectedCallback() {
        var s = state.get(this);
        if (!s) {
          mask(this);
          // Closed by default so host-page scripts (e.g. session recorders) cannot read answers.
          var mode = this.getAttribute('shadow') === 'open' ? 'open' : 'closed';
          s = { shadow: this.attachShadow({ mode: mode }), widget: null };
          state.set(this, s);
        }
        if (s.widget) return;
        try {
          s.widget = glue.mount(this, s.shadow);
        } catch (error) {
          report('failed to start.', error);
        }
      }

      disconnectedCallback() {
        var s = state.get(this);
        if (!s || !s.widget) return;
        var widget = s.widget;
        s.widget = null;
        try {
          widget.destroy();
        } catch (error) {
          report('failed to clean up.', error);
        }
      }
    }

    customElements.define(TAG, EmotionalIntimacyWidget);
  }
})();
