#!/usr/bin/env bash
# The widget's wasm built as for dist/, but keeping names (v0 symbol mangling names generic
# code after what it was made for, e.g. Yew's view of our Results component), for the
# benchmark's size breakdown. Prints the optimised, named wasm's path.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/named
RUSTFLAGS="-C symbol-mangling-version=v0" CARGO_TARGET_DIR=$out \
  cargo build --quiet --release --target wasm32-unknown-unknown -p eiw >&2
wasm-bindgen --target web --keep-debug --out-dir $out/bindgen --out-name eiw \
  $out/wasm32-unknown-unknown/release/eiw_widget.wasm >&2
# The same wasm-opt passes as index.html asks trunk for, plus -g to keep the names.
wasm-opt -Oz -g --converge --strip-producers --low-memory-unused --zero-filled-memory \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
  --enable-reference-types --enable-multivalue $out/bindgen/eiw_bg.wasm -o $out/named.wasm >&2
echo "$PWD/$out/named.wasm"
