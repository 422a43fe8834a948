/*! emotional-intimacy-widget loader.
 * Publishers include this one classic script. It defines <emotional-intimacy-widget> at
 * once (showing a small loading state), loads eiw.js and eiw_bg.wasm from its own folder,
 * then mounts each element. Nothing here reads or sends answers. */
(function () {
  'use strict';
  var TAG = 'emotional-intimacy-widget';
  // Included twice: the first copy already defined the element.
  if (!window.customElements || customElements.get(TAG)) return;

  var script = document.currentScript;
  var base = new URL('./', (script && script.src) || document.baseURI).href;

  var glue = null; // the wasm-bindgen module, once loaded
  var failed = false;
  // Per-element state lives here, not on the element, where host scripts could read it.
  var state = new WeakMap();
  // Elements waiting for the wasm; mounted as soon as it arrives.
  var waiting = new Set();

  function report(message, error) {
    console.error(TAG + ': ' + message, error || '');
  }

  // The loading state, in the page's language when we have it. Kept equal to each
  // language's ui.loading by the test suite.
  var LOADING_TEXT = { en: 'Loading the quiz…', es: 'Cargando el cuestionario…', ar: 'جارٍ تحميل الاستبيان…' };
  // The same space as the widget reserves (static/widget.css), so nothing moves when it is ready.
  var RESERVE = ':host{display:block;min-height:95em}:host([sections="quiz"]){min-height:54em}' +
    ':host([sections="faq"]){min-height:43em}@media (min-width:46em){:host{min-height:76em}' +
    ':host([sections="quiz"]){min-height:42em}:host([sections="faq"]){min-height:37em}}';
  var loadingSheet = null;

  function showLoading(el, s) {
    if (!loadingSheet) {
      loadingSheet = new CSSStyleSheet();
      loadingSheet.replaceSync(RESERVE + '.loading{font:medium system-ui,sans-serif;color:#4d5966;' +
        'margin:0;padding:1.5em;border:1px dashed #7a8793;border-radius:12px}@media (prefers-color-scheme:dark){' +
        '.loading{color:#b3bdc7}}');
    }
    s.shadow.adoptedStyleSheets = [loadingSheet];
    var lang = (el.getAttribute('lang') || document.documentElement.lang || 'en').slice(0, 2).toLowerCase();
    var box = document.createElement('p');
    box.className = 'loading';
    box.setAttribute('role', 'status');
    box.textContent = LOADING_TEXT[lang] || LOADING_TEXT.en;
    s.shadow.replaceChildren(box);
  }

  // If the files cannot load, the publisher's light-DOM content (e.g. the FAQ snippet)
  // is shown again through a slot.
  function showFallback(s) {
    s.shadow.adoptedStyleSheets = [];
    s.shadow.replaceChildren(document.createElement('slot'));
  }

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
    var child = el.querySelector(':scope > script[type="application/json"]');
    return child ? child.textContent : undefined;
  }

  function stateOf(el) {
    var s = state.get(el);
    if (!s) {
      s = { shadow: null, widget: null, active: false, config: undefined, pending: false };
      state.set(el, s);
    }
    return s;
  }

  // The first connection creates the element's widget; later ones resume it with a fresh
  // app (the widget keeps one root per element, see src/embed/mount.rs).
  function mount(el, s) {
    waiting.delete(el);
    try {
      if (s.widget) s.widget.resume(configText(el, s));
      else s.widget = glue.mount(el, s.shadow, configText(el, s));
      s.active = true;
    } catch (error) {
      report('failed to start.', error);
      showFallback(s);
    }
  }

  function unmount(s) {
    if (!s.active) return;
    s.active = false;
    try {
      s.widget.suspend();
    } catch (error) {
      report('failed to clean up.', error);
    }
  }

  // Several attribute changes in one task restart the widget once.
  function remount(el) {
    var s = stateOf(el);
    if (!s.active || s.pending) return;
    s.pending = true;
    queueMicrotask(function () {
      s.pending = false;
      if (s.active && el.isConnected) mount(el, s);
    });
  }

  class EmotionalIntimacyWidget extends HTMLElement {
    static get observedAttributes() {
      // `theme` is not here: the stylesheet follows it without a restart.
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
      if (s.active) return;
      if (glue) mount(this, s);
      else if (failed) showFallback(s);
      else {
        showLoading(this, s);
        waiting.add(this);
      }
    }

    disconnectedCallback() {
      waiting.delete(this);
      unmount(stateOf(this));
    }

    attributeChangedCallback(name, previous, value) {
      if (previous !== value) remount(this);
    }
  }

  // A `config` set before the element was defined is an own property that would hide the
  // accessor: move it into our state.
  document.querySelectorAll(TAG).forEach(function (el) {
    if (Object.prototype.hasOwnProperty.call(el, 'config')) {
      var value = el.config;
      delete el.config;
      stateOf(el).config = value;
    }
  });
  customElements.define(TAG, EmotionalIntimacyWidget);

  import(base + 'eiw.js')
    .then(function (module) {
      return module.default({ module_or_path: base + 'eiw_bg.wasm' }).then(function () {
        return module;
      });
    })
    .then(
      function (module) {
        glue = module;
        waiting.forEach(function (el) {
          if (el.isConnected) mount(el, stateOf(el));
        });
      },
      function (error) {
        failed = true;
        report('could not load its files from ' + base + '. Check that eiw.js and eiw_bg.wasm are ' +
          'next to this script, that the server sends CORS headers, and that the page\'s ' +
          'Content-Security-Policy allows them (script-src needs \'wasm-unsafe-eval\', ' +
          'connect-src the files\' origin).', error);
        waiting.forEach(function (el) {
          showFallback(stateOf(el));
        });
        waiting.clear();
      },
    );
})();
