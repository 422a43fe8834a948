#!/usr/bin/env bash
# Builds the WordPress plugin zip from plugin/ and the widget's built files:
#   integrations/wordpress/build.sh [output-folder]
# writes <output-folder>/emotional-intimacy-widget-wordpress-<version>.zip (default folder:
# the repository's release/), ready for Plugins → Add New → Upload Plugin. The version is
# the crate's (Cargo.toml). The widget's files come from $EIW_DIST (default: the
# repository's dist/, written by ./run.sh build): everything in it, recursively, except the
# demo page (*.html) and its stylesheet (demo*.css), and the embed builder's own files
# (builder.*, eiw-builder*): the plugin has its block and shortcode instead.
set -euo pipefail

# The widget's public source, named in the plugin header and readme.txt (the plugin
# directory asks for the source of compiled code). Placeholder until the repository is public.
SOURCE_URL="${EIW_SOURCE_URL:-https://github.com/harbour-lane/emotional-intimacy-widget}"

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
dist="${EIW_DIST:-$repo/dist}"
out="${1:-$repo/release}"
slug=emotional-intimacy-widget

version="$(awk -F'"' '/^\[/ { pkg = ($0 == "[package]") } pkg && /^version *=/ { print $2; exit }' "$repo/Cargo.toml")"
[ -n "$version" ] || { echo "build.sh: no version in $repo/Cargo.toml" >&2; exit 1; }
for f in emotional-intimacy-widget.js eiw.js eiw_bg.wasm; do
  [ -f "$dist/$f" ] || { echo "build.sh: $dist/$f is missing; run ./run.sh build first (or set EIW_DIST)" >&2; exit 1; }
done
if ! command -v zip >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq zip >/dev/null
  else
    echo "build.sh: needs zip (sudo apt-get install zip)" >&2; exit 1
  fi
fi

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/$slug/widget"
cp -R "$here/plugin/." "$stage/$slug/"
(cd "$dist" && tar --exclude='*.html' --exclude='demo*.css' --exclude='builder.*' --exclude='eiw-builder*' -cf - .) | (cd "$stage/$slug/widget" && tar -xf -)

# Fill in the version and source link in the plugin's text files.
find "$stage/$slug" -maxdepth 2 -type f \( -name '*.php' -o -name '*.txt' -o -name '*.json' \) \
  -exec sed -i -e "s|__EIW_VERSION__|$version|g" -e "s|__EIW_SOURCE_URL__|$SOURCE_URL|g" {} +
if grep -rl --exclude-dir=widget '__EIW_[A-Z_]*__' "$stage/$slug" --include='*.php' --include='*.txt' --include='*.json' --include='*.js' >&2; then
  echo "build.sh: placeholders left in the files above" >&2; exit 1
fi

mkdir -p "$out"
zipfile="$(cd "$out" && pwd)/$slug-wordpress-$version.zip"
rm -f "$zipfile"
# Sorted entries, without extra file attributes.
(cd "$stage" && find "$slug" -print | LC_ALL=C sort | zip -q -X "$zipfile" -@)
echo "$zipfile"
