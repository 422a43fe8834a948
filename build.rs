//! Checks the built-in content files at build time and stores each as compact postcard
//! bytes in OUT_DIR, so the widget carries no JSON parser for its own content. A broken
//! content file fails the build with its path and the reason.

#[path = "src/core/resources/schema.rs"]
mod resources;
#[path = "src/core/content/schema.rs"]
mod schema;

use std::{env, fs, path::PathBuf};

/// The keys of a content file without its texts: what a publisher's own language must
/// contain (see `english_shape` in src/core/config.rs). Lists keep their first element,
/// because every element of a list has the same keys.
fn shape(value: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match value {
        Value::String(_) => Value::String(String::new()),
        Value::Array(list) => Value::Array(list.into_iter().take(1).map(shape).collect()),
        Value::Object(map) => Value::Object(map.into_iter().map(|(k, v)| (k, shape(v))).collect()),
        other => other,
    }
}

/// Keep in step with `BUILTIN` in src/core/content.rs.
const LANGUAGES: [&str; 3] = ["en", "es", "ar"];

fn main() {
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    println!("cargo:rerun-if-changed=src/core/content/schema.rs");
    println!("cargo:rerun-if-changed=src/core/resources/schema.rs");
    println!("cargo:rerun-if-changed=content/resources.json");
    let json = fs::read_to_string("content/resources.json").expect("content/resources.json");
    let directory: resources::Directory =
        serde_json::from_str(&json).unwrap_or_else(|e| panic!("content/resources.json: {e}"));
    let bytes = postcard::to_allocvec(&directory).expect("encoding resources");
    fs::write(out.join("resources.postcard"), bytes).expect("writing resources.postcard");
    for lang in LANGUAGES {
        let path = format!("content/{lang}.json");
        println!("cargo:rerun-if-changed={path}");
        let json = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let content: schema::Content =
            serde_json::from_str(&json).unwrap_or_else(|e| panic!("{path}: {e}"));
        let bytes = postcard::to_allocvec(&content).unwrap_or_else(|e| panic!("{path}: {e}"));
        if lang == "en" {
            let value: serde_json::Value = serde_json::from_str(&json).expect("checked above");
            fs::write(out.join("en-shape.json"), shape(value).to_string())
                .expect("writing en-shape.json");
        }
        fs::write(out.join(format!("{lang}.postcard")), bytes)
            .unwrap_or_else(|e| panic!("writing {lang}.postcard: {e}"));
    }
}
