// @ts-check
// Short names for the functions a wasm module imports from its wasm-bindgen glue.
//
// wasm-bindgen names each import after the Rust binding plus a 16-digit hash
// (`__wbg_getAttribute_80900eec94cc3ab8`), and each name is written twice: in the wasm's
// import section and as a key of the glue's imports object. Hashes do not compress, so the
// widget's 152 names cost 5.1 KB of the gzip download (English 156.3 → 151.2 KB: wasm
// 138.9 → 135.6 KB, glue 6.4 → 4.6 KB; measured 2026-12-03). This renames both sides
// together, after wasm-bindgen and wasm-opt, as terser shortens the glue's own names.
// (wasm-opt's --minify-imports renames only Emscripten's `env` imports.)
//
// Usage: import { shortImports } from './short-imports.mjs';
//        const { wasm, glue } = shortImports(wasmBytes, glueSource);

/**
 * @param {Uint8Array} bytes
 * @param {number} at
 * @returns {[number, number]} the unsigned LEB128 value and the offset after it
 */
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    if (byte === undefined) throw new Error('short-imports: the wasm ends inside a number');
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

/** @param {number} value */
function encodeLeb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return out;
}

/** @param {string} text */
const encodeName = (text) => {
  const utf8 = new TextEncoder().encode(text);
  return [...encodeLeb(utf8.length), ...utf8];
};

/**
 * The offset after an import's description (what kind of thing it imports, and its type).
 * @param {Uint8Array} bytes
 * @param {number} at
 */
function skipDescription(bytes, at) {
  const kind = bytes[at++];
  const limits = (/** @type {number} */ at) => {
    const flags = bytes[at++] ?? 0;
    [, at] = leb(bytes, at);
    if (flags & 1) [, at] = leb(bytes, at);
    return at;
  };
  switch (kind) {
    case 0: // function: its type's index
      return leb(bytes, at)[1];
    case 1: // table: a reference type (one byte: funcref or externref), then its limits
      return limits(at + 1);
    case 2: // memory: its limits
      return limits(at);
    case 3: // global: a value type (one byte), then whether it is mutable
      return at + 2;
    case 4: // tag: an attribute, then its type's index
      return leb(bytes, at + 1)[1];
    default:
      throw new Error(`short-imports: an import of unknown kind ${kind}`);
  }
}

/**
 * Renames every function the wasm imports from its glue (module `./<name>_bg.js`) to a short
 * name, in the wasm and in the glue's source. Throws if a name is not found exactly once in
 * the glue, so a change in wasm-bindgen's output fails the build instead of the widget.
 * @param {Uint8Array} wasm
 * @param {string} glue
 * @returns {{ wasm: Uint8Array, glue: string }}
 */
export function shortImports(wasm, glue) {
  const decoder = new TextDecoder();
  /** @type {Uint8Array[]} */
  const out = [wasm.subarray(0, 8)];
  let at = 8;
  let count = 0;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, start] = leb(wasm, at + 1);
    const end = start + size;
    if (id !== 2) {
      out.push(wasm.subarray(at, end));
      at = end;
      continue;
    }
    let [entries, p] = leb(wasm, start);
    /** @type {number[]} */
    const section = encodeLeb(entries);
    while (entries-- > 0) {
      const [moduleLength, moduleStart] = leb(wasm, p);
      const module = decoder.decode(wasm.subarray(moduleStart, moduleStart + moduleLength));
      const [fieldLength, fieldStart] = leb(wasm, moduleStart + moduleLength);
      const field = decoder.decode(wasm.subarray(fieldStart, fieldStart + fieldLength));
      const descriptionStart = fieldStart + fieldLength;
      p = skipDescription(wasm, descriptionStart);
      let name = field;
      if (/^\.\/.*_bg\.js$/.test(module)) {
        name = '_' + (count++).toString(36);
        const key = new RegExp(`(?<![\\w$])${field.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
        const found = glue.match(key)?.length ?? 0;
        if (found !== 1) throw new Error(`short-imports: the glue names ${field} ${found} times, not once`);
        glue = glue.replace(key, name);
      }
      section.push(...encodeName(module), ...encodeName(name), ...wasm.subarray(descriptionStart, p));
    }
    if (p !== end) throw new Error('short-imports: the import section did not read to its end');
    out.push(Uint8Array.from([2, ...encodeLeb(section.length), ...section]));
    at = end;
  }
  return { wasm: Buffer.concat(out), glue };
}
