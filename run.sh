#!/usr/bin/env bash
# The project's commands. A newcomer needs two:
#   ./run.sh demo    build the widget and serve the demo page at http://127.0.0.1:8080
#   ./run.sh test    run every test suite (native, wasm-in-browser, end-to-end in Chromium,
#                    a smoke suite in Firefox and WebKit)
# and, when wanted:
#   ./run.sh build            build dist/ (what publishers host)
#   ./run.sh bench            print size, startup, interaction and memory figures
#   ./run.sh fuzz [cases]     a long fuzz pass over the input paths (the test run does a short one)
#   ./run.sh mutants [files]  mutation testing of src/core: the share of mutants caught, each one missed
#   ./run.sh faq-snippet [lang]  print the FAQ as no-JS HTML to paste inside the element
#   ./run.sh wordpress [folder]  build the WordPress plugin zip (default folder: release/)
#   ./run.sh release          test the packed files, then write release/: the npm package (.tgz),
#                             the self-hosting zip, the WordPress plugin zip and SHA256SUMS
# Every command installs what it needs first, and only what is missing.
set -euo pipefail
cd "$(dirname "$0")"

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
CARGO_MUTANTS_VERSION=27.1.0

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

ensure_rust() {
  command -v cargo >/dev/null || { echo "Install Rust with rustup first: https://rustup.rs" >&2; exit 1; }
  export PATH="$HOME/.cargo/bin:$PATH"
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then
    say "installing trunk $TRUNK_VERSION (once per machine; ~15 minutes on 2 cores)"
    cargo install --locked "trunk@$TRUNK_VERSION"
  fi
  if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\$"; then
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
    # No --locked: its lock file names a crate version the registry no longer has.
    cargo install "wasm-bindgen-cli@$WASM_BINDGEN_VERSION"
  fi
}

ensure_node() {
  command -v npm >/dev/null || { echo "Install Node.js 20+ and npm first." >&2; exit 1; }
  # node_modules holds binaryen (wasm-opt) for the build and playwright-core/axe-core for tests.
  if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm packages from package-lock.json"
    npm ci --no-audit --no-fund
  fi
  export PATH="$PWD/node_modules/.bin:$PATH"
}

ensure_browser() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then return; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing chromium and chromium-driver (apt)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    echo "The browser tests need Chromium and ChromeDriver at /usr/bin/chromium and /usr/bin/chromedriver." >&2
    echo "On Debian/Ubuntu run: sudo apt-get install chromium chromium-driver" >&2
    exit 1
  fi
}

# Firefox ESR and WebKit (WebKitWebDriver with MiniBrowser, on a virtual display) for the
# smoke suite in tests/engines/.
ensure_engines() {
  local need=()
  [ -x /usr/bin/firefox-esr ] || need+=(firefox-esr)
  [ -x /usr/bin/WebKitWebDriver ] || need+=(webkit2gtk-driver)
  command -v xvfb-run >/dev/null || need+=(xvfb)
  command -v xauth >/dev/null || need+=(xauth)
  [ ${#need[@]} -gt 0 ] || return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing ${need[*]} (apt)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "The smoke suite in Firefox and WebKit needs: sudo apt-get install ${need[*]}" >&2
    exit 1
  fi
}

# Mutation testing (README, "Mutation testing"): cargo-mutants changes the core's code one
# small step at a time and reruns the core's unit tests, which must notice each change.
# .cargo/mutants.toml says how, and which mutants change nothing observable. Arguments:
# files or globs to mutate (default: all of src/core), and cargo-mutants options such as
# `--in-diff change.diff` (only the lines a change touched) or `--jobs 2`.
mutants() {
  command -v cargo >/dev/null || { echo "Install Rust with rustup first: https://rustup.rs" >&2; exit 1; }
  export PATH="$HOME/.cargo/bin:$PATH"
  if ! cargo mutants --version 2>/dev/null | grep -q " $CARGO_MUTANTS_VERSION\$"; then
    say "installing cargo-mutants $CARGO_MUTANTS_VERSION (once per machine; ~5 minutes on 2 cores)"
    cargo install --locked "cargo-mutants@$CARGO_MUTANTS_VERSION"
  fi
  local args=() files=0 jobs=0 prev='' arg
  for arg in "$@"; do
    case "$prev:$arg" in
      --file:* | -f:*) files=1; args+=("$arg") ;;
      *:-j* | *:--jobs* | *:--in-place) jobs=1; args+=("$arg") ;;
      *:--file=* | *:-f?*) files=1; args+=("$arg") ;;
      *:-*) args+=("$arg") ;;
      *:*.rs | *:*'*'*) files=1; args+=(--file "$arg") ;;
      *) args+=("$arg") ;;
    esac
    prev=$arg
  done
  [ "$files" = 1 ] || args+=(--file 'src/core/**')
  if [[ " ${args[*]} " == *" --list"* ]]; then
    cargo mutants "${args[@]}"
    return
  fi
  # One build at a time unless told otherwise: the machine's other work keeps a core.
  [ "$jobs" = 1 ] || args+=(--jobs 1)
  local out=target/mutants.out status=0
  mkdir -p target
  rm -rf "$out"
  say "cargo mutants ${args[*]}"
  cargo mutants "${args[@]}" || status=$?
  # 0: all caught; 2: some missed; 3: some stopped by the test timeout (see below).
  case "$status" in
    0 | 2 | 3) ;;
    *) echo "run.sh: cargo mutants failed (exit $status) before judging the tests; see $out/log/" >&2
       return "$status" ;;
  esac
  if [ ! -f "$out/outcomes.json" ]; then
    say "no mutants to test"
    return 0
  fi
  # A test run the timeout stopped (a mutant that loops forever) did notice the change.
  local caught missed timeout unviable
  caught=$(grep -c . "$out/caught.txt" || true)
  missed=$(grep -c . "$out/missed.txt" || true)
  timeout=$(grep -c . "$out/timeout.txt" || true)
  unviable=$(grep -c . "$out/unviable.txt" || true)
  echo "Per file (caught/viable):"
  awk -F: 'FILENAME ~ /missed/ { m[$1]++ } FILENAME !~ /missed/ { c[$1]++ } { f[$1] = 1 }
           END { for (k in f) printf "  %-34s %4d/%d\n", k, c[k], c[k] + m[k] }' \
    "$out/caught.txt" "$out/timeout.txt" "$out/missed.txt" | sort
  awk -v c=$((caught + timeout)) -v n=$((caught + timeout + missed)) -v t="$timeout" -v u="$unviable" \
    'BEGIN { printf "Caught %d of %d viable mutants: %.1f%% (%d by the test timeout; %d unviable: they do not build)\n",
             c, n, n ? int(1000 * c / n) / 10 : 100, t, u }'
  if [ "$missed" -gt 0 ]; then
    echo "Missed (no test noticed these changes; each diff is in $out/diff/):"
    sed 's/^/  /' "$out/missed.txt"
    return 2
  fi
}

build() {
  ensure_rust
  ensure_node
  cargo fetch --quiet
  # The committed lists of attributes (docs, npm types and manifest, WordPress plugin) from
  # attributes.json, so a new attribute needs no other edit before the build.
  node tools/attributes.mjs --write
  say "building dist/ (trunk, release, offline)"
  trunk build --release
}

ensure_zip() {
  command -v zip >/dev/null && return
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing zip (apt)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq zip >/dev/null
  else
    echo "Releases need zip: sudo apt-get install zip" >&2
    exit 1
  fi
}

# The npm package as published (tarball, CDN URL shapes, integrity) and its TypeScript types.
package_tests() {
  node --test --test-concurrency=1 --test-timeout=180000 tests/package/ tests/types/
}

wasm_tests() {
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    CHROMEDRIVER=/usr/bin/chromedriver \
    cargo test --target wasm32-unknown-unknown --test web
}

# The JavaScript: TypeScript's checker over every file whose leading comments say
# `// @ts-check` (tsconfig.checkjs.json; builder.js's types for its wasm come from dist/, so
# after a build), then ESLint's recommended rules (eslint.config.js). Every shipped script,
# bench page, tool and bench script must carry the pragma, so a new one can't skip the checker.
js_checks() {
  local file missing=()
  for file in static/*.js bench/pages/*.js integrations/wordpress/plugin/block/*.js tools/*.mjs bench/*.mjs; do
    # Only leading comments count, as for TypeScript: stop at the first line of code.
    awk 'in_block { if (/\*\//) in_block = 0; next }
         /^[[:space:]]*$/ { next }
         /^[[:space:]]*\/\/ @ts-check[[:space:]]*$/ { found = 1; exit }
         /^[[:space:]]*\/\// { next }
         /^[[:space:]]*\/\*/ { if (!/\*\//) in_block = 1; next }
         { exit }
         END { exit !found }' "$file" || missing+=("$file")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    printf 'No "// @ts-check" in the leading comments of %s: add it and fix what `npx tsc -b tsconfig.checkjs.json` finds.\n' "${missing[@]}" >&2
    return 1
  fi
  tsc -b tsconfig.checkjs.json
  eslint .
}

case "${1:-help}" in
  demo)
    ensure_rust
    ensure_node
    cargo fetch --quiet
    say "serving the demo at http://127.0.0.1:8080 (Ctrl-C stops)"
    say "embed builder (options, preview, code to copy): http://127.0.0.1:8080/builder.html"
    exec trunk serve --release
    ;;
  build)
    build
    ;;
  test)
    build
    ensure_browser
    say "format and lints"
    cargo fmt --all -- --check
    cargo clippy --workspace --all-targets -- -D warnings
    cargo clippy --workspace --target wasm32-unknown-unknown --all-targets -- -D warnings
    say "JavaScript type-check and lint"
    js_checks
    say "native tests (pure core, the builder's module, and a short fuzz pass in tests/fuzz.rs)"
    cargo test --workspace
    say "wasm tests in headless Chromium"
    wasm_tests
    say "end-to-end tests (playwright-core + Chromium)"
    # The timeout is per file (each file is one test of the run): a file that hangs fails
    # after 10 minutes; the longest file takes about 2 minutes on a busy 2-core machine.
    node --test --test-concurrency=1 --test-timeout=600000 tests/e2e/
    say "smoke tests in Firefox ESR and WebKit"
    ensure_engines
    tests/engines/run.sh
    say "the npm package and its types"
    package_tests
    say "WordPress plugin on a real WordPress (Debian's package, MariaDB, PHP's server, Chromium)"
    integrations/wordpress/test.sh
    ;;
  release)
    build
    ensure_browser
    ensure_zip
    say "testing the packed files"
    package_tests
    say "writing release/"
    node tools/release.mjs
    ;;
  wordpress)
    build
    say "building the WordPress plugin zip"
    integrations/wordpress/build.sh "${2:-release}"
    ;;
  bench)
    build
    ensure_browser
    command -v twiggy >/dev/null || { say "installing twiggy for the size breakdown"; cargo install twiggy; }
    node bench/run.mjs
    say "what each way of including the loader costs (bench/snippet.mjs)"
    node bench/snippet.mjs
    ;;
  fuzz)
    ensure_rust
    say "fuzzing configuration, attributes, stored progress and language tags"
    PROPTEST_CASES="${2:-50000}" cargo test --release --test fuzz
    ;;
  mutants)
    mutants "${@:2}"
    ;;
  faq-snippet)
    ensure_rust >/dev/null
    cargo run --quiet --example faq_snippet -- "${2:-en}"
    ;;
  *)
    sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
    ;;
esac
