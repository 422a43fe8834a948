/*! emotional-intimacy-widget loader. Readable source: src/emotional-intimacy-widget.js
 * next to this file, with a source map. Publishers include this one classic script. It
 * defines <emotional-intimacy-widget> at once (a small loading state that reserves the
 * widget's space) and downloads nothing more until a widget is about to be seen
 * (`loading="lazy"`, the default) or at once (`loading="eager"`). Then it fetches the
 * wasm-bindgen glue, the wasm and the visitor's language together, checks each against the
 * hash stamped in at build time, and mounts the widget. Nothing here stores, sends or reads
 * answers. */
(function () {
  'use strict';
  var TAG = 'emotional-intimacy-widget';
  // Included twice: the first copy already defined the element.
  if (!window.customElements || customElements.get(TAG)) return;

  // Stamped by tools/finish-dist.mjs: the version, the SHA-384 of every file this loader
  // fetches, the built-in languages (English first), each one's loading text, the
  // space the widget reserves (the "reserve" block of static/widget.css), and the
  // attributes whose change restarts the widget (attributes.json; none before a build).
  var BUILD = /*@build*/ { version: '0.0.0', files: {}, languages: ['en'], loading: { en: 'Loading the quiz…' }, reserve: '', observed: [] };

  // Where this script came from. Some site builders load it in ways that hide
  // `currentScript`; then look for our own script element, and failing that use this
  // version's published folder on jsDelivr.
  var script = document.currentScript || findSelf();
  var base = script ? filesBase(script.src) : 'https://cdn.jsdelivr.net/npm/' + TAG + '@' + BUILD.version + '/dist/';
  var nonce = script ? script.nonce : '';

  function findSelf() {
    var scripts = document.querySelectorAll('script[src]');
    for (var i = scripts.length - 1; i >= 0; i--) {
      if (/\/emotional-intimacy-widget(\.js|@[^/]*)?([?#].*)?$|\/emotional-intimacy-widget\.js[?#]|\/emotional-intimacy-widget@[^/]*\//.test(scripts[i].src)) return scripts[i];
    }
    return null;
  }

  // Served from a package CDN (jsDelivr, unpkg) through a version range (`@1`), `@latest` or
  // the bare package URL, the CDN resolves each file on its own and could hand out files
  // of two releases mid-release; glue and wasm of different builds do not link. So the
  // rest always comes from this loader's exact version. Self-hosted: the loader's folder.
  function filesBase(src) {
    var url = new URL(src, document.baseURI);
    var m = /^(.*\/)emotional-intimacy-widget(@[^/]*)?(\/.*)?$/.exec(url.pathname);
    if (m && (m[2] || !m[3])) return url.origin + m[1] + TAG + '@' + BUILD.version + '/dist/';
    return new URL('./', url).href;
  }

  function report(message, error) {
    console.error(TAG + ': ' + message, error || '');
  }

  // ---- Fetching files, each checked against its stamped hash -----------------------------

  function IntegrityError(file) {
    this.file = file;
  }

  function LoadError(file, cause) {
    this.file = file;
    this.cause = cause;
  }

  function hashOf(bytes) {
    return crypto.subtle.digest('SHA-384', bytes).then(function (digest) {
      var binary = '';
      new Uint8Array(digest).forEach(function (b) {
        binary += String.fromCharCode(b);
      });
      return 'sha384-' + btoa(binary);
    });
  }

  // Why a checked download failed: the file arrives fine without the check (so it is not
  // the file this loader was built with), or it does not arrive at all.
  function explain(file, error) {
    if (error instanceof IntegrityError) return Promise.reject(error);
    var failure = new LoadError(file, error);
    return fetch(base + file, { credentials: 'omit' }).then(
      function (response) {
        throw response.ok ? new IntegrityError(file) : failure;
      },
      function () {
        throw failure;
      },
    );
  }

  function fetchChecked(file) {
    return fetch(base + file, { integrity: BUILD.files[file], credentials: 'omit' })
      .then(function (response) {
        if (!response.ok) throw new Error(file + ': HTTP ' + response.status);
        return response;
      })
      .catch(function (error) {
        return explain(file, error);
      });
  }

  // The glue is an ES module. A module script with `integrity` is checked by the browser;
  // once it has loaded, import() returns that same module instance from the module map.
  function importChecked(file) {
    var url = base + file;
    return new Promise(function (resolve, reject) {
      var el = document.createElement('script');
      el.type = 'module';
      el.src = url;
      el.integrity = BUILD.files[file];
      el.crossOrigin = 'anonymous';
      if (nonce) el.nonce = nonce;
      el.onload = function () {
        el.remove();
        resolve();
      };
      el.onerror = function () {
        el.remove();
        reject(new Error(file + ' did not load'));
      };
      document.head.appendChild(el);
    })
      .then(function () {
        return import(url);
      })
      .catch(function (error) {
        return explain(file, error);
      });
  }

  // The wasm compiles while it streams, and is only instantiated once its hash matched.
  // Without Web Crypto (a page on plain http) the browser checks the hash before compiling.
  function compileChecked(file) {
    if (!(window.crypto && crypto.subtle && WebAssembly.compileStreaming)) {
      return fetchChecked(file)
        .then(function (response) {
          return response.arrayBuffer();
        })
        .then(function (bytes) {
          return WebAssembly.compile(bytes);
        });
    }
    return fetch(base + file, { credentials: 'omit' }).then(
      function (response) {
        if (!response.ok) throw new LoadError(file, 'HTTP ' + response.status);
        var branches = response.body.tee();
        // Whatever type the server sends (some send application/octet-stream).
        var wasm = new Response(branches[0], { headers: { 'content-type': 'application/wasm' } });
        var compiling = WebAssembly.compileStreaming(wasm);
        compiling.catch(function () {}); // reported below, after the integrity check
        return new Response(branches[1])
          .arrayBuffer()
          .then(hashOf)
          .then(function (hash) {
            if (hash !== BUILD.files[file]) throw new IntegrityError(file);
            return compiling;
          });
      },
      function (error) {
        throw new LoadError(file, error);
      },
    );
  }

  // A module: its glue and compiled wasm, fetched together, then initialised once. A
  // download that failed is tried again the next time it is asked for.
  function moduleLoader(name) {
    var promise = null;
    return function () {
      if (!promise) {
        var loading = Promise.all([importChecked(name + '.js'), compileChecked(name + '_bg.wasm')]).then(
          function (parts) {
            return parts[0].default({ module_or_path: parts[1] }).then(function () {
              return parts[0];
            });
          },
        );
        loading.catch(function () {
          if (promise === loading) promise = null;
        });
        promise = loading;
      }
      return promise;
    };
  }
  // The widget, and the languages added to it (code → promise of the file's text).
  var widgetModule = { load: moduleLoader('eiw'), languages: {} };
  // Only widgets with a publisher configuration need the configuration module.
  var loadConfig = moduleLoader('eiw-config');

  // ---- Languages: only the visitor's is downloaded ------------------------------------------

  var failedLanguages = [];
  var texts = {}; // code → promise of its checked file's text

  function availableLanguages() {
    return BUILD.languages.filter(function (code) {
      return failedLanguages.indexOf(code) < 0;
    });
  }

  // The language the widget will show: the element's `lang`, else the page's, else English.
  // The same rule as `locale::choose` in Rust, so the right file is fetched in parallel
  // with the wasm rather than after it (the tests check the two agree).
  function languageFor(el) {
    var tags = [el.getAttribute('lang'), document.documentElement.getAttribute('lang')];
    var available = availableLanguages();
    for (var i = 0; i < tags.length; i++) {
      var m = /^([a-z]{2,3})(?:[-_]|$)/i.exec((tags[i] || '').trim());
      var code = m && m[1].toLowerCase();
      if (code && available.indexOf(code) >= 0) return code;
    }
    return 'en';
  }

  // Resolves once `code` (or, if its file fails, English instead) is in module `mod`.
  function languageReady(code, mod) {
    if (!mod.languages[code]) {
      var file = 'lang/' + code + '.txt';
      if (!texts[code]) {
        texts[code] = fetchChecked(file).then(function (response) {
          return response.text();
        });
      }
      var ready = Promise.all([mod.load(), texts[code]])
        .then(function (parts) {
          if (!parts[0].add_language(code, parts[1])) throw new LoadError(file, 'unreadable');
          return parts[1];
        })
        .catch(function (error) {
          if (code === 'en' || !error || error.file !== file) throw error;
          if (failedLanguages.indexOf(code) < 0) {
            failedLanguages.push(code);
            report(describe(error) + ' Showing English instead.', error instanceof LoadError ? error.cause : '');
          }
          return mod.load().then(function (glue) {
            glue.language_failed(code);
            return languageReady('en', mod);
          });
        });
      // A module that failed to download may be asked again.
      ready.catch(function () {
        if (mod.languages[code] === ready) delete mod.languages[code];
      });
      mod.languages[code] = ready;
    }
    return mod.languages[code];
  }

  // The language files `mod` has so far, for the configuration module.
  function downloadedLanguages(mod) {
    var codes = Object.keys(mod.languages);
    return Promise.all(
      codes.map(function (code) {
        return mod.languages[code].catch(function () {
          return null;
        });
      }),
    ).then(function (texts) {
      return texts.filter(function (text, i) {
        return text && failedLanguages.indexOf(codes[i]) < 0;
      });
    });
  }

  // ---- The element -------------------------------------------------------------------------

  // Per-element state lives here, not on the element, where host scripts could read it.
  var state = new WeakMap();
  var failed = false;

  function stateOf(el) {
    var s = state.get(el);
    if (!s) {
      s = { shadow: null, widget: null, active: false, started: false, config: undefined, pending: false, run: 0 };
      state.set(el, s);
    }
    return s;
  }

  var loadingSheet = null;

  // The loading state takes the space the widget will (so nothing moves when it is ready).
  function showLoading(el, s) {
    if (!loadingSheet) {
      loadingSheet = new CSSStyleSheet();
      loadingSheet.replaceSync(BUILD.reserve + '.loading{font:medium system-ui,sans-serif;color:#4d5966;' +
        'margin:0;padding:1.5em;border:1px dashed #7a8793;border-radius:12px}@media (prefers-color-scheme:dark){' +
        '.loading{color:#b3bdc7}}');
    }
    s.shadow.adoptedStyleSheets = [loadingSheet];
    var box = document.createElement('p');
    box.className = 'loading';
    box.setAttribute('role', 'status');
    box.textContent = BUILD.loading[languageFor(el)] || BUILD.loading.en;
    s.shadow.replaceChildren(box);
  }

  // If the files cannot load, the publisher's light-DOM content (e.g. the FAQ snippet)
  // is shown again through a slot.
  function showFallback(s) {
    s.shadow.adoptedStyleSheets = [];
    s.shadow.replaceChildren(document.createElement('slot'));
  }

  function describe(error) {
    if (error instanceof IntegrityError) {
      return error.file + ' failed its integrity check: it is not the file this loader (version ' +
        BUILD.version + ') was built with, so it was not used. Serve the files of one release together, unchanged.';
    }
    var file = error instanceof LoadError ? error.file : 'its files';
    return 'could not load ' + file + ' from ' + base + '. Check that the widget\'s files are ' +
      'next to this script, that the server sends CORS headers, and that the page\'s ' +
      'Content-Security-Policy allows them (script-src needs \'wasm-unsafe-eval\', ' +
      'connect-src the files\' origin).';
  }

  function fail(error) {
    if (!failed) report(describe(error), error instanceof LoadError ? error.cause : error instanceof IntegrityError ? '' : error);
    failed = true;
    document.querySelectorAll(TAG).forEach(function (el) {
      var s = stateOf(el);
      if (s.started && !s.active && s.shadow) showFallback(s);
    });
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
    var text;
    if (s.config !== undefined) {
      if (typeof s.config === 'string') text = s.config;
      else {
        try {
          text = JSON.stringify(s.config);
        } catch (error) {
          report('the config property could not be turned into JSON; it is ignored.', error);
        }
      }
    } else {
      var child = el.querySelector(':scope > script[type="application/json"]');
      text = child ? child.textContent : undefined;
    }
    return text && text.trim() ? text : undefined;
  }

  // The configuration module's result for `text`, downloading the language it asks for
  // (at most once per built-in language).
  function compile(el, text, mod, attempt) {
    return Promise.all([loadConfig(), downloadedLanguages(mod)]).then(function (parts) {
      var result = parts[0].compile(text, el.getAttribute('lang') || undefined,
        document.documentElement.getAttribute('lang') || undefined, availableLanguages(), parts[1]);
      if (result.indexOf('need:') !== 0) return result;
      if ((attempt || 0) > BUILD.languages.length) throw new LoadError('lang/' + result.slice(5) + '.txt');
      return languageReady(result.slice(5), mod).then(function () {
        return compile(el, text, mod, (attempt || 0) + 1);
      });
    });
  }

  // Builds (or rebuilds, with its current attributes and configuration) an element's widget.
  // A later run supersedes an earlier one still downloading.
  function run(el) {
    var s = stateOf(el);
    var current = ++s.run;
    var text = configText(el, s);
    var mod = widgetModule;
    Promise.all([mod.load(), languageReady(languageFor(el), mod), text && compile(el, text, mod)]).then(
      function (parts) {
        if (current !== s.run || !el.isConnected) return;
        try {
          if (s.widget) s.widget.resume(parts[2]);
          else s.widget = parts[0].mount(el, s.shadow, parts[2]);
          s.active = true;
        } catch (error) {
          report('failed to start.', error);
          showFallback(s);
        }
      },
      fail,
    );
  }

  // Lazy widgets start when within about one screen of being seen, or when focused.
  var watcher = window.IntersectionObserver
    ? new IntersectionObserver(
        function (entries) {
          entries.forEach(function (entry) {
            if (entry.isIntersecting) start(entry.target);
          });
        },
        { rootMargin: '100% 0px' },
      )
    : null;

  function onFocus(event) {
    start(event.currentTarget);
  }

  function start(el) {
    var s = stateOf(el);
    if (watcher) watcher.unobserve(el);
    el.removeEventListener('focusin', onFocus);
    if (s.started || !el.isConnected) return;
    s.started = true;
    if (failed) showFallback(s);
    else run(el);
  }

  // A deep link to an FAQ entry (#faq-…) means the visitor came for the widget: load it.
  function eager(el) {
    return el.getAttribute('loading') === 'eager' || !watcher || location.hash.indexOf('#faq-') === 0;
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

  // Several changes in one task restart the widget once.
  function restart(el) {
    var s = stateOf(el);
    if (!s.started) {
      if (eager(el) || s.config !== undefined) start(el);
      return;
    }
    if (s.pending) return;
    s.pending = true;
    queueMicrotask(function () {
      s.pending = false;
      if (el.isConnected) run(el);
    });
  }

  class EmotionalIntimacyWidget extends HTMLElement {
    static get observedAttributes() {
      // Those attributes.json says restart the widget; the stylesheet follows the others, or
      // they are read once.
      return BUILD.observed;
    }

    get config() {
      return stateOf(this).config;
    }

    // Setting the configuration starts a lazy widget: the page is clearly about to use it.
    set config(value) {
      stateOf(this).config = value;
      restart(this);
    }

    connectedCallback() {
      var s = stateOf(this);
      if (!s.shadow) {
        mask(this);
        // Closed by default so host-page scripts (e.g. session recorders) cannot read answers.
        var mode = this.getAttribute('shadow') === 'open' ? 'open' : 'closed';
        s.shadow = this.attachShadow({ mode: mode });
        showLoading(this, s);
      }
      if (s.active) return;
      if (s.started) {
        // Back on the page after having been removed: a fresh app in the same root.
        if (failed) showFallback(s);
        else run(this);
      } else if (eager(this) || s.config !== undefined) {
        start(this);
      } else {
        watcher.observe(this);
        this.addEventListener('focusin', onFocus);
      }
    }

    disconnectedCallback() {
      if (watcher) watcher.unobserve(this);
      unmount(stateOf(this));
    }

    attributeChangedCallback(name, previous, value) {
      if (previous !== value) restart(this);
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
})();
