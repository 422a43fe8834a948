#!/usr/bin/env bash
# The smoke suite in the engines besides Chromium (tests/engines/): Firefox ESR through
# WebDriver BiDi, WebKit through WebKitWebDriver and MiniBrowser, on a virtual display.
#   tests/engines/run.sh [firefox|webkit]     (default: both)
# It tests dist/ as built (./run.sh build); `./run.sh test` installs the browsers and runs it
# after the Chromium suite. While others may rebuild dist/, hold the build lock:
#   flock /tmp/eiw-dist.lock tests/engines/run.sh
set -euo pipefail
cd "$(dirname "$0")"
case "${1:-both}" in
  firefox) files=(firefox.test.mjs) ;;
  webkit) files=(webkit.test.mjs) ;;
  both) files=(firefox.test.mjs webkit.test.mjs) ;;
  *) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 1 ;;
esac
# MiniBrowser needs an X display; windows as large as the tests ask for fit on this screen.
exec xvfb-run --auto-servernum --server-args="-screen 0 1920x1200x24" \
  node --test --test-concurrency=1 --test-timeout=180000 "${files[@]}"
