//! Checks the built-in content files at build time against the schema types and writes
//! each, minified, to OUT_DIR for the widget to include. A broken content file fails the
//! build with its path and the reason. Also writes the key shape of English, which a
//! publisher's own language must match.

#[path = "src/core/resources/schema.rs"]
mod resources;
#[path = "src/core/content/schema.rs"]
mod schema;

use serde_json::Value;
use std::{env, fs, path::PathBuf};

/// Keep in step with `BUILTIN` in src/core/content.rs.
const LANGUAGES: [&str; 3] = ["en", "es", "ar"];

fn main() {
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    println!("cargo:rerun-if-changed=src/core/content/schema.rs");
    println!("cargo:rerun-if-changed=src/core/resources/schema.rs");
    let write = |name: &str, text: String| {
        fs::write(out.join(name), text).unwrap_or_else(|e| panic!("writing {name}: {e}"));
    };

    println!("cargo:rerun-if-changed=static/widget.css");
    let css = fs::read_to_string("static/widget.css").expect("static/widget.css");
    write("widget.css", minify_css(&css));

    let value = read("content/resources.json");
    serde_json::from_value::<resources::Directory>(value.clone())
        .unwrap_or_else(|e| panic!("content/resources.json: {e}"));
    write("resources.json", value.to_string());

    for lang in LANGUAGES {
        let path = format!("content/{lang}.json");
        let value = read(&path);
        serde_json::from_value::<schema::Content>(value.clone())
            .unwrap_or_else(|e| panic!("{path}: {e}"));
        if lang == "en" {
            write("en-shape.json", shape(value.clone()).to_string());
        }
        write(&format!("{lang}.json"), value.to_string());
    }
}

/// Drops comments and needless whitespace (a fifth of the stylesheet's download). Quoted
/// strings are copied as they are.
fn minify_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
                space = true;
            }
            '"' | '\'' => {
                keep_space(&mut out, &mut space);
                out.push(c);
                for s in chars.by_ref() {
                    out.push(s);
                    if s == c {
                        break;
                    }
                }
            }
            c if c.is_whitespace() => space = true,
            '{' | '}' | ';' | ',' | ')' => {
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                out.push(c);
                space = false;
            }
            c => {
                keep_space(&mut out, &mut space);
                out.push(c);
            }
        }
    }
    out
}

/// Writes the one space skipped whitespace stood for, unless punctuation makes it needless.
fn keep_space(out: &mut String, space: &mut bool) {
    if *space && !out.is_empty() && !out.ends_with(['{', '}', ';', ',', '(']) {
        out.push(' ');
    }
    *space = false;
}

fn read(path: &str) -> Value {
    println!("cargo:rerun-if-changed={path}");
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The keys of a content file without its texts: what a publisher's own language must
/// contain (see `english_shape` in src/core/config.rs). Lists keep their first element,
/// because every element of a list has the same keys.
fn shape(value: Value) -> Value {
    match value {
        Value::String(_) => Value::String(String::new()),
        Value::Array(list) => Value::Array(list.into_iter().take(1).map(shape).collect()),
        Value::Object(map) => Value::Object(map.into_iter().map(|(k, v)| (k, shape(v))).collect()),
        other => other,
    }
}
