// @ts-check
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

  /**
   * @typedef {object} Build
   * @property {string} version
   * @property {Record<string, string>} files  file → its SHA-384, as in `integrity`
   * @property {string[]} languages
   * @property {Record<string, string>} loading  language → its loading text
   * @property {string} reserve
   * @property {string[]} observed
   */
  /**
   * A mounted widget (src/embed/mount.rs).
   * @typedef {object} Widget
   * @property {(config: string | undefined) => void} resume
   * @property {() => void} suspend
   */
  /**
   * The widget module's wasm-bindgen glue (eiw.js), as far as this loader uses it.
   * @typedef {object} WidgetGlue
   * @property {(options: { module_or_path: WebAssembly.Module }) => Promise<unknown>} default
   * @property {(code: string, text: string) => boolean} add_language
   * @property {(host: HTMLElement, shadow: ShadowRoot, config: string | undefined) => Widget} mount
   */
  /**
   * The configuration module's glue (eiw-config.js).
   * @typedef {object} ConfigGlue
   * @property {(options: { module_or_path: WebAssembly.Module }) => Promise<unknown>} default
   * @property {(config: string, lang: string | undefined, pageLang: string | undefined,
   *   available: string[], downloaded: string[]) => string} compile
   */

  // Stamped by tools/finish-dist.mjs: the version, the SHA-384 of every file this loader
  // fetches, the built-in languages (English first), each one's loading text, the
  // space the widget reserves (the "reserve" block of static/widget.css), and the
  // attributes whose change restarts the widget (attributes.json; none before a build).
  /** @type {Build} */
  var BUILD = /*@build*/ { version: '0.0.0', files: {}, languages: ['en'], loading: { en: 'Loading the quiz…' }, reserve: '', observed: [] };

  // Where this script came from. Some site builders load it in ways that hide
  // `currentScript`; then look for our own script element, and failing that use this
  // version's published folder on jsDelivr.
  var script = /** @type {HTMLScriptElement | null} */ (document.currentScript) || findSelf();
  var base = script ? filesBase(script.src) : 'https://cdn.jsdelivr.net/npm/' + TAG + '@' + BUILD.version + '/dist/';
  var nonce = (script && script.nonce) || '';

  function findSelf() {
    var scripts = document.scripts;
    for (var i = scripts.length - 1; i >= 0; i--) {
      if (/\/emotional-intimacy-widget(\.js|@[^/]*)?([?#].*)?$|\/emotional-intimacy-widget\.js[?#]|\/emotional-intimacy-widget@[^/]*\//.test(scripts[i].src)) return scripts[i];
    }
    return null;
  }

  // Served from a package CDN (jsDelivr, unpkg) through a version range (`@1`), `@latest` or
  // the bare package URL, the CDN resolves each file on its own and could hand out files
  // of two releases mid-release; glue and wasm of different builds do not link. So the
  // rest always comes from this loader's exact version. Self-hosted: the loader's folder.
  /** @param {string} src */
  function filesBase(src) {
    var url = new URL(src, document.baseURI);
    var m = /^(.*\/)emotional-intimacy-widget(@[^/]*)?(\/.*)?$/.exec(url.pathname);
    if (m && (m[2] || !m[3])) return url.origin + m[1] + TAG + '@' + BUILD.version + '/dist/';
    return new URL('./', url).href;
  }

  /**
   * @param {string} message
   * @param {unknown} [error]
   */
  function report(message, error) {
    console.error(TAG + ': ' + message, error || '');
  }

  // ---- Fetching files, each checked against its stamped hash -----------------------------

  // Why one of the widget's files could not be used. Each kind has its own fix (describe):
  //   blocked    the page's Content-Security-Policy refused the request (`detail`: the
  //              directive the browser named);
  //   wasm-eval  the policy lacks 'wasm-unsafe-eval', so the browser would not compile it;
  //   network    it did not arrive (`detail`: the cause);
  //   integrity  it arrived, but is not the file this loader was built with.
  // (A function, not a class: terser's second pass drops this class declaration.)
  /**
   * @constructor
   * @param {string} file
   * @param {'blocked' | 'wasm-eval' | 'network' | 'integrity'} kind
   * @param {unknown} [detail]
   */
  function Failure(file, kind, detail) {
    this.file = file;
    this.kind = kind;
    this.detail = detail;
  }

  // Content-Security-Policy refusals of our files (blocked URL → directive), to tell them
  // from network errors. Only the browser's violation events say which it was.
  /** @type {Map<string, string>} */
  var refusals = new Map();
  /** @type {Set<() => void>} */
  var refusalWaiters = new Set();
  var origin = new URL(base).origin;
  document.addEventListener('securitypolicyviolation', function (event) {
    var uri = event.blockedURI;
    if (uri !== 'wasm-eval' && uri !== origin && uri.indexOf(base) !== 0) return;
    refusals.set(uri, event.effectiveDirective || event.violatedDirective);
    refusalWaiters.forEach(function (wake) {
      wake();
    });
  });

  /**
   * The directive that refused `url`, if the policy did. A browser may report a cross-origin
   * URL as its origin only.
   * @param {string} url
   */
  function refusedBy(url) {
    return refusals.get(url) || refusals.get(url.split('?')[0]) || refusals.get(origin);
  }

  // A refused fetch() rejects just before the browser dispatches the violation (Chromium),
  // so a failed request waits a moment for it before it counts as a network error.
  /**
   * @param {string} url
   * @returns {Promise<string | undefined>}
   */
  function refusal(url) {
    return new Promise(function (resolve) {
      var timer = setTimeout(done, 100);
      function check() {
        if (refusedBy(url)) done();
      }
      function done() {
        clearTimeout(timer);
        refusalWaiters.delete(check);
        resolve(refusedBy(url));
      }
      refusalWaiters.add(check);
      check();
    });
  }

  // Web Crypto exists only in secure contexts; on a plain-http page the browser checks the
  // hashes instead (fetch's `integrity`).
  var canHash = !!(window.crypto && crypto.subtle);

  /** @param {ArrayBuffer} bytes */
  function hashOf(bytes) {
    return crypto.subtle.digest('SHA-384', bytes).then(function (digest) {
      var binary = '';
      new Uint8Array(digest).forEach(function (b) {
        binary += String.fromCharCode(b);
      });
      return 'sha384-' + btoa(binary);
    });
  }

  /**
   * `bytes` if they are `file` as built, else an integrity failure.
   * @param {string} file
   * @param {ArrayBuffer} bytes
   */
  function verify(file, bytes) {
    return hashOf(bytes).then(function (hash) {
      if (hash !== BUILD.files[file]) throw new Failure(file, 'integrity');
      return bytes;
    });
  }

  /**
   * Requests one of the widget's files. A refusal, a network error or an error status
   * becomes a Failure naming the file; with `integrity` (no Web Crypto) a refused hash too.
   * @param {string} file
   * @param {string} [integrity]
   * @returns {Promise<Response>}
   */
  function download(file, integrity) {
    var url = base + file;
    return fetch(url, { integrity: integrity || '', credentials: 'omit' }).then(
      function (response) {
        if (!response.ok) throw new Failure(file, 'network', 'HTTP ' + response.status);
        return response;
      },
      function (error) {
        return refusal(url).then(function (directive) {
          if (directive) throw new Failure(file, 'blocked', directive);
          if (!integrity) throw new Failure(file, 'network', error);
          // Arriving unchecked tells a changed file from one that does not arrive at all.
          return fetch(url, { credentials: 'omit' }).then(
            function (response) {
              throw response.ok ? new Failure(file, 'integrity') : new Failure(file, 'network', error);
            },
            function () {
              throw new Failure(file, 'network', error);
            },
          );
        });
      },
    );
  }

  /**
   * All of `response`'s bytes; a connection lost on the way is a network failure.
   * @param {string} file
   * @param {Response} response
   * @returns {Promise<ArrayBuffer>}
   */
  function bytesOf(file, response) {
    return response.arrayBuffer().catch(function (error) {
      throw new Failure(file, 'network', error);
    });
  }

  /**
   * A text file, checked.
   * @param {string} file
   * @returns {Promise<string>}
   */
  function fetchText(file) {
    var checked = canHash
      ? download(file).then(function (response) {
          return bytesOf(file, response).then(function (bytes) {
            return verify(file, bytes);
          });
        })
      : download(file, BUILD.files[file]).then(function (response) {
          return bytesOf(file, response);
        });
    return checked.then(function (bytes) {
      return new TextDecoder().decode(bytes);
    });
  }

  // The glue is an ES module. A module script with `integrity` is checked by the browser;
  // once it has loaded, import() returns that same module instance from the module map.
  // The module map may keep a failed script for the page's life, so a retry asks for the
  // same file under another URL.
  /** @type {Record<string, number>} */
  var scriptRetries = {};

  /**
   * @param {string} file
   * @returns {Promise<any>}
   */
  function importChecked(file) {
    var retry = scriptRetries[file] || 0;
    var url = base + file + (retry ? '?retry=' + retry : '');
    return new Promise(function (resolve, reject) {
      var el = document.createElement('script');
      el.type = 'module';
      el.src = url;
      el.integrity = BUILD.files[file];
      el.crossOrigin = 'anonymous';
      if (nonce) el.nonce = nonce;
      el.onload = function () {
        el.remove();
        resolve(import(url));
      };
      el.onerror = function () {
        el.remove();
        scriptRetries[file] = retry + 1;
        scriptFailure(file, url).then(reject);
      };
      document.head.appendChild(el);
    });
  }

  /**
   * Why the glue's script element failed: refused by the policy, changed, or not there.
   * @param {string} file
   * @param {string} url
   * @returns {Promise<Failure>}
   */
  function scriptFailure(file, url) {
    return refusal(url).then(function (directive) {
      if (directive) return new Failure(file, 'blocked', directive);
      var arrived = canHash
        ? download(file).then(function (response) {
            return bytesOf(file, response).then(function (bytes) {
              return verify(file, bytes);
            });
          })
        : download(file, BUILD.files[file]);
      return arrived.then(
        function () {
          return new Failure(file, 'network', 'it arrives, but the browser would not run it as a module script (is it sent as text/javascript?)');
        },
        function (failure) {
          // The check's own request refused (connect-src) says nothing about the script.
          return failure instanceof Failure && failure.kind !== 'blocked' ? failure : new Failure(file, 'network', 'the script did not load');
        },
      );
    });
  }

  /**
   * A WebAssembly error as a Failure if the page's policy caused it. Chromium and Firefox
   * report a violation ('wasm-eval'); WebKit only rejects, naming the policy.
   * @param {string} file
   * @param {unknown} error
   */
  function wasmError(file, error) {
    var message = error instanceof Error ? error.message : String(error);
    if (refusedBy('wasm-eval') || /unsafe-eval|Content[- ]Security[- ]Policy|\bCSP\b/i.test(message)) {
      return new Failure(file, 'wasm-eval', error);
    }
    return error;
  }

  // The wasm compiles while it streams, and is only instantiated once its hash matched. The
  // hash reads a clone: reading the response's own body from script (tee(), getReader())
  // makes Chromium cancel the finished request (net::ERR_ABORTED) on many loads. A server
  // that sends another type than application/wasm gets no streaming (the browser refuses).
  /**
   * @param {string} file
   * @returns {Promise<WebAssembly.Module>}
   */
  function compileChecked(file) {
    /** @param {ArrayBuffer} bytes */
    function compileBytes(bytes) {
      return WebAssembly.compile(bytes).catch(function (error) {
        throw wasmError(file, error);
      });
    }
    if (!canHash) {
      return download(file, BUILD.files[file]).then(function (response) {
        return bytesOf(file, response).then(compileBytes);
      });
    }
    return download(file).then(function (response) {
      var type = (response.headers.get('content-type') || '').split(';')[0].trim().toLowerCase();
      if (type !== 'application/wasm' || !WebAssembly.compileStreaming) {
        return bytesOf(file, response).then(function (bytes) {
          return verify(file, bytes).then(compileBytes);
        });
      }
      var copy = response.clone();
      var compiling = WebAssembly.compileStreaming(response);
      compiling.catch(function () {}); // reported below, after the integrity check
      return bytesOf(file, copy)
        .then(function (bytes) {
          return verify(file, bytes);
        })
        .then(function () {
          return compiling.catch(function (error) {
            throw wasmError(file, error);
          });
        });
    });
  }

  // A module: its glue and compiled wasm, fetched together, then initialised once. A
  // download that failed is tried again the next time the module is asked for.
  /**
   * @param {string} name
   * @returns {() => Promise<any>}
   */
  function moduleLoader(name) {
    /** @type {Promise<any> | null} */
    var promise = null;
    return function () {
      if (!promise) {
        var wasm = name + '_bg.wasm';
        var loading = Promise.all([importChecked(name + '.js'), compileChecked(wasm)]).then(function (parts) {
          return parts[0].default({ module_or_path: parts[1] }).then(
            function () {
              return parts[0];
            },
            function (/** @type {unknown} */ error) {
              throw wasmError(wasm, error);
            },
          );
        });
        loading.catch(function () {
          if (promise === loading) promise = null;
        });
        promise = loading;
      }
      return promise;
    };
  }
  /** @type {() => Promise<WidgetGlue>} */
  var loadWidget = moduleLoader('eiw');
  // Only widgets with a publisher configuration need the configuration module.
  /** @type {() => Promise<ConfigGlue>} */
  var loadConfig = moduleLoader('eiw-config');

  // ---- Languages: only the visitor's is downloaded ------------------------------------------

  // Code → promise of its file's text, resolved once the widget module has it. A file that
  // failed is forgotten, so the next widget that needs it tries again.
  /** @type {Record<string, Promise<string>>} */
  var languages = {};

  /** @param {string} code */
  function addLanguage(code) {
    if (!languages[code]) {
      var file = 'lang/' + code + '.txt';
      var adding = Promise.all([loadWidget(), fetchText(file)]).then(function (parts) {
        if (!parts[0].add_language(code, parts[1])) throw new Failure(file, 'network', 'unreadable');
        return parts[1];
      });
      adding.catch(function () {
        if (languages[code] === adding) delete languages[code];
      });
      languages[code] = adding;
    }
    return languages[code];
  }

  /**
   * The built-in languages a widget may show: all but those whose file failed for it.
   * @param {State} s
   */
  function availableLanguages(s) {
    return BUILD.languages.filter(function (code) {
      return s.fellBack.indexOf(code) < 0;
    });
  }

  // The language the widget will show: the element's `lang`, else the page's, else English.
  // The same rule as `locale::choose` in Rust, so the right file is fetched in parallel
  // with the wasm rather than after it (the tests check the two agree). A language whose
  // file failed for this widget means English, as the widget then shows.
  /**
   * @param {Element} el
   * @param {State} s
   */
  function languageFor(el, s) {
    var tags = [el.getAttribute('lang'), document.documentElement.getAttribute('lang')];
    for (var i = 0; i < tags.length; i++) {
      var m = /^([a-z]{2,3})(?:[-_]|$)/i.exec((tags[i] || '').trim());
      var code = m && m[1].toLowerCase();
      if (code && BUILD.languages.indexOf(code) >= 0) return s.fellBack.indexOf(code) < 0 ? code : 'en';
    }
    return 'en';
  }

  /**
   * Resolves once the widget module has `code`, or English if its file fails: that widget
   * then stays in English (no new download each time it restarts) until it is re-inserted.
   * @param {string} code
   * @param {State} s
   * @returns {Promise<string>}
   */
  function languageReady(code, s) {
    var file = 'lang/' + code + '.txt';
    return addLanguage(code).catch(function (error) {
      if (code === 'en' || !(error instanceof Failure) || error.file !== file) throw error;
      if (s.fellBack.indexOf(code) < 0) s.fellBack.push(code);
      fail(error, ' Showing English instead.');
      return languageReady('en', s);
    });
  }

  // The language files downloaded so far, for the configuration module.
  function downloadedLanguages() {
    return Promise.all(
      Object.keys(languages).map(function (code) {
        return languages[code].catch(function () {
          return '';
        });
      }),
    ).then(function (texts) {
      return texts.filter(Boolean);
    });
  }

  // ---- The element -------------------------------------------------------------------------

  /**
   * Per-element state. It lives here, not on the element, where host scripts could read it.
   * @typedef {object} State
   * @property {ShadowRoot | null} shadow
   * @property {Widget | null} widget
   * @property {boolean} active  its app is mounted
   * @property {boolean} started
   * @property {boolean} fallback  the publisher's content is shown (the files did not load)
   * @property {unknown} config
   * @property {boolean} pending
   * @property {number} run
   * @property {string[]} fellBack  languages whose file failed for it (it shows English)
   * @property {boolean} fitted  the reserve no longer holds (see fit)
   */
  /** @type {WeakMap<Element, State>} */
  var state = new WeakMap();

  /** @param {Element} el */
  function stateOf(el) {
    var s = state.get(el);
    if (!s) {
      s = { shadow: null, widget: null, active: false, started: false, fallback: false, config: undefined, pending: false, run: 0, fellBack: [], fitted: false };
      state.set(el, s);
    }
    return s;
  }

  /** @type {CSSStyleSheet | null} */
  var loadingSheet = null;

  // The loading state takes the space the widget will (so nothing moves when it is ready).
  /**
   * @param {Element} el
   * @param {State} s
   */
  function showLoading(el, s) {
    if (!s.shadow) return;
    if (!loadingSheet) {
      loadingSheet = new CSSStyleSheet();
      loadingSheet.replaceSync(BUILD.reserve + '.loading{font:medium system-ui,sans-serif;color:#4d5966;' +
        'margin:0;padding:1.5em;border:1px dashed #7a8793;border-radius:12px}@media (prefers-color-scheme:dark){' +
        '.loading{color:#b3bdc7}}');
    }
    s.fallback = false;
    s.fitted = false;
    s.shadow.adoptedStyleSheets = [loadingSheet];
    var box = document.createElement('p');
    box.className = 'loading';
    box.setAttribute('role', 'status');
    box.textContent = BUILD.loading[languageFor(el, s)] || BUILD.loading.en;
    s.shadow.replaceChildren(box);
  }

  // The reserve is the tallest first screen at a width, in the longest language, so a
  // rendered widget is often shorter. Once it has rendered (`ei-ready`), the element takes
  // its content's height, but only when that moves nothing the visitor can see: at once if
  // the widget ends below the screen (what moves up is out of sight); otherwise when it
  // comes to end below the screen, or when the visitor first presses the pointer or a key
  // in it (browsers do not count a shift that follows input, and the screen changes then
  // anyway). Until then the space stays reserved.
  /** @type {CSSStyleSheet | null} */
  var fitSheet = null;

  /**
   * @param {Element} el
   * @param {State} s
   */
  function fit(el, s) {
    if (s.fitted || !s.shadow) return;
    s.fitted = true;
    if (!fitSheet) {
      // The reserve's own selectors, later in the cascade, without a minimum height.
      var reserve = new CSSStyleSheet();
      reserve.replaceSync(BUILD.reserve);
      /** @type {string[]} */
      var selectors = [];
      /** @param {CSSRuleList} rules */
      var collect = function (rules) {
        for (var i = 0; i < rules.length; i++) {
          var rule = /** @type {CSSStyleRule & CSSGroupingRule} */ (rules[i]);
          if (rule.selectorText && selectors.indexOf(rule.selectorText) < 0) selectors.push(rule.selectorText);
          else if (rule.cssRules) collect(rule.cssRules);
        }
      };
      collect(reserve.cssRules);
      fitSheet = new CSSStyleSheet();
      if (selectors.length) fitSheet.replaceSync(selectors.join(',') + '{min-height:auto}');
    }
    var sheets = Array.prototype.slice.call(s.shadow.adoptedStyleSheets);
    sheets.push(fitSheet);
    s.shadow.adoptedStyleSheets = sheets;
  }

  /** @param {Event} event */
  function onReady(event) {
    var el = /** @type {HTMLElement} */ (event.currentTarget);
    var s = stateOf(el);
    if (event.target !== el || s.fitted || s.fallback) return;
    if (el.getBoundingClientRect().bottom > innerHeight) return fit(el, s);
    // Fully inside a root reaching far above the screen: the widget ends on or above it.
    var seen = window.IntersectionObserver
      ? new IntersectionObserver(
          function (entries) {
            if (entries[entries.length - 1].intersectionRatio < 1) done();
          },
          { rootMargin: '100000px 100000px 0px 100000px', threshold: 1 },
        )
      : null;
    if (seen) seen.observe(el);
    el.addEventListener('pointerdown', done);
    el.addEventListener('keydown', done);
    function done() {
      if (seen) seen.disconnect();
      el.removeEventListener('pointerdown', done);
      el.removeEventListener('keydown', done);
      fit(el, s);
    }
  }

  // If the files cannot load, the publisher's light-DOM content (e.g. the FAQ snippet)
  // is shown again through a slot.
  /** @param {State} s */
  function showFallback(s) {
    if (!s.shadow) return;
    s.fallback = true;
    s.fitted = false;
    s.shadow.adoptedStyleSheets = [];
    s.shadow.replaceChildren(document.createElement('slot'));
  }

  /**
   * What went wrong and what the publisher can do about it.
   * @param {unknown} error
   */
  function describe(error) {
    if (!(error instanceof Failure)) return 'failed to load.';
    var file = error.file;
    switch (error.kind) {
      case 'integrity':
        return file + ' failed its integrity check: it is not the file this loader (version ' +
          BUILD.version + ') was built with, so it was not used. Serve the files of one release ' +
          'together, unchanged (no CDN or optimiser rewriting them).';
      case 'blocked':
        return file + ' was blocked by the page\'s Content-Security-Policy (' + error.detail + '). ' +
          (/\.js$/.test(file)
            ? 'Allow ' + origin + ' in script-src (and in script-src-elem, if the policy has it).'
            : 'Allow ' + origin + ' in connect-src.');
      case 'wasm-eval':
        return file + ' was blocked by the page\'s Content-Security-Policy: compiling WebAssembly ' +
          'needs \'wasm-unsafe-eval\' in script-src.';
      default:
        return 'could not load ' + file + ' from ' + base + '. Check that ' + base + file +
          ' is on the server, and that the server sends CORS headers ' +
          '(Access-Control-Allow-Origin) if it is another origin than the page\'s.';
    }
  }

  // Each failed download is reported once, however many widgets were waiting for it.
  /** @type {WeakSet<object>} */
  var reported = new WeakSet();

  /**
   * @param {unknown} error
   * @param {string} [suffix]
   */
  function fail(error, suffix) {
    if (error && typeof error === 'object') {
      if (reported.has(error)) return;
      reported.add(error);
    }
    // The browser's own words where they help: an HTTP status, a network or compile error.
    var cause = error instanceof Failure ? (error.kind === 'network' || error.kind === 'wasm-eval' ? error.detail : '') : error;
    report(describe(error) + (suffix || ''), cause);
  }

  // Attributes and classes that common session-replay tools honour as "do not record":
  // Hotjar, Microsoft Clarity, LogRocket, FullStory, rrweb/PostHog. The closed shadow root
  // is the main protection; these cover recorders that capture the host element itself.
  /** @param {Element} el */
  function mask(el) {
    /** @type {Record<string, string>} */
    var attrs = { 'data-hj-suppress': '', 'data-clarity-mask': 'true', 'data-private': '', 'data-recording-disable': '' };
    for (var name in attrs) if (!el.hasAttribute(name)) el.setAttribute(name, attrs[name]);
    el.classList.add('fs-exclude', 'rr-block', 'ph-no-capture');
  }

  // The publisher's JSON configuration: the `config` property if set, else a child
  // <script type="application/json"> (data, never executed, so fine under any CSP).
  /**
   * @param {Element} el
   * @param {State} s
   * @returns {string | undefined}
   */
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
  /**
   * @param {Element} el
   * @param {State} s
   * @param {string} text
   * @param {number} [attempt]
   * @returns {Promise<string>}
   */
  function compile(el, s, text, attempt) {
    return Promise.all([loadConfig(), downloadedLanguages()]).then(function (parts) {
      var result = parts[0].compile(text, el.getAttribute('lang') || undefined,
        document.documentElement.getAttribute('lang') || undefined, availableLanguages(s), parts[1]);
      if (result.indexOf('need:') !== 0) return result;
      if ((attempt || 0) > BUILD.languages.length) throw new Failure('lang/' + result.slice(5) + '.txt', 'network', 'unreadable');
      return languageReady(result.slice(5), s).then(function () {
        return compile(el, s, text, (attempt || 0) + 1);
      });
    });
  }

  // Resolves once the parser is past `el`, so its children (a configuration) are there. A
  // loader included before the element, as the publisher snippet is, meets the element
  // before its children: then wait until a node follows it, or the document is parsed.
  /**
   * @param {Element} el
   * @returns {Promise<void>}
   */
  function parsed(el) {
    return new Promise(function (resolve) {
      function past() {
        if (document.readyState !== 'loading') return true;
        for (var node = /** @type {Node | null} */ (el); node && node !== document; node = node.parentNode) {
          if (node.nextSibling) return true;
        }
        return false;
      }
      if (past()) return resolve();
      var observer = new MutationObserver(check);
      function check() {
        if (!past()) return;
        observer.disconnect();
        document.removeEventListener('DOMContentLoaded', check);
        resolve();
      }
      observer.observe(document, { childList: true, subtree: true });
      document.addEventListener('DOMContentLoaded', check);
    });
  }

  // Builds (or rebuilds, with its current attributes and configuration) an element's widget.
  // A later run supersedes an earlier one still downloading. If the files cannot load, only
  // this widget falls back; its next run (or another widget's) tries them again.
  /** @param {HTMLElement} el */
  function run(el) {
    var s = stateOf(el);
    var current = ++s.run;
    var config = parsed(el).then(function () {
      var text = configText(el, s);
      return text ? compile(el, s, text) : undefined;
    });
    Promise.all([loadWidget(), languageReady(languageFor(el, s), s), config]).then(
      function (parts) {
        if (current !== s.run || !el.isConnected || !s.shadow) return;
        try {
          if (s.widget) s.widget.resume(parts[2]);
          else s.widget = parts[0].mount(el, s.shadow, parts[2]);
          s.active = true;
          s.fallback = false;
        } catch (error) {
          report('failed to start.', error);
          showFallback(s);
        }
      },
      function (error) {
        fail(error);
        // A widget already running keeps its app; a superseded run has nothing to show.
        if (current === s.run && !s.active) showFallback(s);
      },
    );
  }

  // Lazy widgets start when within about one screen of being seen, or when focused.
  var watcher = window.IntersectionObserver
    ? new IntersectionObserver(
        function (entries) {
          entries.forEach(function (entry) {
            if (entry.isIntersecting) start(/** @type {HTMLElement} */ (entry.target));
          });
        },
        { rootMargin: '100% 0px' },
      )
    : null;

  /** @param {Event} event */
  function onFocus(event) {
    start(/** @type {HTMLElement} */ (event.currentTarget));
  }

  /** @param {HTMLElement} el */
  function start(el) {
    var s = stateOf(el);
    if (watcher) watcher.unobserve(el);
    el.removeEventListener('focusin', onFocus);
    if (s.started || !el.isConnected) return;
    s.started = true;
    run(el);
  }

  // A deep link to an FAQ entry (#faq-…) means the visitor came for the widget: load it.
  /** @param {Element} el */
  function eager(el) {
    return el.getAttribute('loading') === 'eager' || !watcher || location.hash.indexOf('#faq-') === 0;
  }

  /** @param {State} s */
  function unmount(s) {
    if (!s.active || !s.widget) return;
    s.active = false;
    try {
      s.widget.suspend();
    } catch (error) {
      report('failed to clean up.', error);
    }
  }

  // Several changes in one task restart the widget once.
  /** @param {HTMLElement} el */
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

    /** @returns {unknown} */
    get config() {
      return stateOf(this).config;
    }

    // Setting the configuration starts a lazy widget: the page is clearly about to use it.
    /** @param {unknown} value */
    set config(value) {
      stateOf(this).config = value;
      restart(this);
    }

    connectedCallback() {
      var s = stateOf(this);
      if (!s.shadow) {
        mask(this);
        // Closed by default so host-page scripts (e.g. session recorders) cannot read answers.
        s.shadow = this.attachShadow({ mode: this.getAttribute('shadow') === 'open' ? 'open' : 'closed' });
        showLoading(this, s);
        this.addEventListener('ei-ready', onReady);
      }
      if (s.active) return;
      if (s.started) {
        // Back on the page after having been removed: a fresh app in the same root, and
        // another try at whatever failed to download.
        s.fellBack = [];
        if (s.fallback) showLoading(this, s);
        run(this);
      } else if (eager(this) || s.config !== undefined) {
        start(this);
      } else if (watcher) {
        watcher.observe(this);
        this.addEventListener('focusin', onFocus);
      }
    }

    disconnectedCallback() {
      if (watcher) watcher.unobserve(this);
      unmount(stateOf(this));
    }

    /**
     * @param {string} name
     * @param {string | null} previous
     * @param {string | null} value
     */
    attributeChangedCallback(name, previous, value) {
      if (previous !== value) restart(this);
    }
  }

  // A `config` set before the element was defined is an own property that would hide the
  // accessor: move it into our state.
  document.querySelectorAll(TAG).forEach(function (el) {
    var own = Object.getOwnPropertyDescriptor(el, 'config');
    if (own) {
      Reflect.deleteProperty(el, 'config');
      stateOf(el).config = own.value;
    }
  });
  customElements.define(TAG, EmotionalIntimacyWidget);
})();
