//! Checks the built-in content files with the widget's own readers, the ones that check a
//! publisher's language and helplines at run time; a broken file fails the build with the
//! readers' problems (path and reason). Writes to OUT_DIR what the code includes: the list
//! of built-in languages (every `content/<code>.json`), their sources for native tools, the
//! key shape of English (which a publisher's own language must match), the minified
//! stylesheet, and the helpline directory as Rust code, so the widget carries it without a
//! parser. (Visitors download their language as a separate file made by
//! `tools/finish-dist.mjs`.)

// A build script stops the build with its message on any problem; that is its job.
#![allow(clippy::expect_used, clippy::panic)]

/// The readers, compiled in from the crate's own source rather than copied, so there is
/// one set of rules for content and one for helplines: what fails here is what a
/// publisher's file would fail, with the same message. Only pure modules that need nothing
/// but each other; the crate's items made from this script's output are behind
/// `cfg(generated)`, which this script sets for the crate but not for itself.
#[path = "src/core"]
#[allow(dead_code)] // the build needs only the readers, not the rest of each module
mod core {
    pub mod content;
    pub mod json;
    pub mod language;
    pub mod locale;
    pub mod report;
    pub mod resources;
    pub mod rich_text;
    pub mod template;
    pub mod config {
        pub mod helplines;
    }
    /// attributes.json → the Rust that src/core/attributes.rs includes.
    pub mod attributes {
        pub mod generate;
    }
    /// Stands in for the attribute settings, of which `report` takes only the console
    /// prefix of a problem's message; the build prints path and message without it.
    pub mod settings {
        pub const LOG_PREFIX: &str = "";
    }
}

use crate::core::json::{self, Map, Value};
use crate::core::report::Problem;
use crate::core::resources::Directory;
use std::{env, fs, path::PathBuf};

fn main() {
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    println!("cargo::rustc-cfg=generated");
    let write = |name: &str, text: String| {
        fs::write(out.join(name), text).unwrap_or_else(|e| panic!("writing {name}: {e}"));
    };

    // The element's attributes, defined once in attributes.json: src/core/attributes.rs.
    println!("cargo:rerun-if-changed=attributes.json");
    let table = fs::read_to_string("attributes.json").expect("attributes.json");
    write(
        "attributes.rs",
        core::attributes::generate::rust(&table).unwrap_or_else(|e| panic!("attributes.json: {e}")),
    );

    println!("cargo:rerun-if-changed=static/widget.css");
    let css = fs::read_to_string("static/widget.css").expect("static/widget.css");
    write("widget.css", minify_css(&css));

    let languages = languages();
    // Each region names its country in every built-in language.
    let path = "content/resources.json";
    let value = read(path);
    let codes: Vec<&str> = languages.iter().map(String::as_str).collect();
    let directory = core::config::helplines::builtin_directory(&value, &codes)
        .unwrap_or_else(|problems| fail(path, &problems));
    write("resources.json", value.to_string());
    write("resources.rs", directory_code(&directory));

    let mut sources = String::from("&[");
    for lang in &languages {
        let path = format!("content/{lang}.json");
        let value = read(&path);
        if let Err(problems) = core::language::builtin_language(lang, &value) {
            fail(&path, &problems);
        }
        if lang == "en" {
            write("en-shape.json", shape(value).to_string());
        }
        let full = fs::canonicalize(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        sources.push_str(&format!(
            "({lang:?}, include_str!({:?})),",
            full.display().to_string()
        ));
    }
    write("language-sources.rs", sources + "]");
    write("languages.rs", format!("&{languages:?}"));
}

/// Stops the build with every problem in `file`, one a line (cargo shows them).
fn fail(file: &str, problems: &[Problem]) -> ! {
    for p in problems {
        eprintln!("{file}: {}: {}", p.path, p.message);
    }
    std::process::exit(1)
}

/// Every `content/<code>.json` but the helplines, English first (the fallback), then by code.
fn languages() -> Vec<String> {
    println!("cargo:rerun-if-changed=content");
    let mut codes: Vec<String> = fs::read_dir("content")
        .expect("content/")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter_map(|name| name.strip_suffix(".json").map(str::to_owned))
        .filter(|code| code != "resources")
        .collect();
    codes.sort_by_key(|code| (code != "en", code.clone()));
    assert!(
        codes.first().is_some_and(|c| c == "en"),
        "content/en.json is required"
    );
    codes
}

/// The directory as two tables of string literals (`resources::builtin` turns them into
/// a `Directory`): data rather than code, which costs the download far less.
/// Regions: (code, its name in each built-in language). Services: (region code, or "" for
/// the international list; kind; name; phone; tel; sms number; sms keyword; url), "" for
/// none. Each entry's `source` is checked, not shipped.
fn directory_code(directory: &Directory) -> String {
    let text = |s: Option<&String>| format!("{:?}", s.map(String::as_str).unwrap_or(""));
    let mut regions = String::from("&[");
    let mut services = String::from("&[");
    let lists = directory
        .regions
        .iter()
        .map(|r| (r.code.as_str(), &r.resources))
        .chain([("", &directory.international)]);
    for (code, list) in lists {
        for r in list {
            services.push_str(&format!(
                "({code:?}, {:?}, {}, {}, {}, {}, {}, {}),",
                format!("{:?}", r.kind).to_lowercase(),
                text(Some(&r.name)),
                text(r.phone.as_ref()),
                text(r.tel.as_ref()),
                text(r.sms.as_ref().map(|s| &s.number)),
                text(r.sms.as_ref().and_then(|s| s.keyword.as_ref())),
                text(r.url.as_ref()),
            ));
        }
    }
    for region in &directory.regions {
        regions.push_str(&format!("({:?}, &{:?}),", region.code, region.names));
    }
    format!("({regions}], {services}])")
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
    json::parse(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The keys of a content file without its texts: what a publisher's own language must
/// contain (see `english_shape` in src/core/language.rs). Lists keep their first element,
/// because every element of a list has the same keys.
fn shape(value: Value) -> Value {
    match value {
        Value::String(_) => Value::String(String::new()),
        Value::Array(list) => Value::Array(list.into_iter().take(1).map(shape).collect()),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), shape(v.clone())))
                .collect::<Map>(),
        ),
        other => other,
    }
}
