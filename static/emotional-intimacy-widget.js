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

  // The publisher's JSON configuration: the `config` property if set, else a child
  // <script type="application/json"> (data, never executed, so fine under any CSP).
  function configText(el, s) {
    if (s.config !== undefined) {
      if (typeof s.config === 'string') return s.config;
      try {
        return JSON.stringify(s.config);
      } catch (error) {
        report('the config property could not be turned into JSON; it is ignored.', error);
        return undefined;
      }
    }
    var script = el.querySelector(':scope > script[type="application/json"]');
    return script ? script.textContent : undefined;
  }

  function define(glue) {
    if (customElements.get(TAG)) return;
    // Per-element state lives here, not on the element, where host scripts could read it.
    var state = new WeakMap();

    function stateOf(el) {
      var s = state.get(el);
      if (!s) {
        s = { shadow: null, widget: null, config: undefined, pending: false };
        state.set(el, s);
      }
      return s;
    }

    function unmount(s) {
      if (!s.widget) return;
      var widget = s.widget;
      s.widget = null;
      try {
        widget.destroy();
      } catch (error) {
        report('failed to clean up.', error);
      }
    }

    function mount(el, s) {
      try {
        s.widget = glue.mount(el, s.shadow, configText(el, s));
      } catch (error) {
        report('failed to start.', error);
      }
    }

    // Several attribute changes in one task remount once.
    function remount(el) {
      var s = stateOf(el);
      if (!s.widget || s.pending) return;
      s.pending = true;
      queueMicrotask(function () {
        s.pending = false;
        if (!s.widget || !el.isConnected) return;
        unmount(s);
        mount(el, s);
      });
    }

    class EmotionalIntimacyWidget extends HTMLElement {
      static get observedAttributes() {
        // `theme` is not here: the stylesheet follows it without a remount.
        return ['lang', 'sections', 'faq-mode', 'faq-schema', 'faq-heading-level', 'cta-href',
          'cta-label', 'quick-exit-href', 'region', 'share-score'];
      }

      get config() {
        return stateOf(this).config;
      }

      set config(value) {
        stateOf(this).config = value;
        remount(this);
      }

      connectedCallback() {
        var s = stateOf(this);
        if (!s.shadow) {
          mask(this);
          // Closed by default so host-page scripts (e.g. session recorders) cannot read answers.
          var mode = this.getAttribute('shadow') === 'open' ? 'open' : 'closed';
          s.shadow = this.attachShadow({ mode: mode });
        }
        if (!s.widget) mount(this, s);
      }

      disconnectedCallback() {
        unmount(stateOf(this));
      }

      attributeChangedCallback(name, previous, value) {
        if (previous !== value) remount(this);
      }
    }

    // A `config` set before the element was upgraded is an own property shadowing the
    // accessor: move it into our state.
    document.querySelectorAll(TAG).forEach(function (el) {
      if (Object.prototype.hasOwnProperty.call(el, 'config')) {
        var value = el.config;
        delete el.config;
        stateOf(el).config = value;
      }
    });
    customElements.define(TAG, EmotionalIntimacyWidget);
  }
})();
