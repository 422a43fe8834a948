//! The configuration module: a second, small wasm the loader downloads only for widgets
//! with a publisher configuration (a child JSON block or the `config` property). It checks
//! the configuration with the widget's validator (`eiw::core::config`) and hands the widget
//! the result in the packed form it reads. The build also uses it to make the built-in
//! language files, so they pass exactly the checks a publisher's language does.

use std::rc::Rc;
use wasm_bindgen::prelude::*;

use eiw::core::config::{compile as compile_config, Compile};
use eiw::core::content::Content;
use eiw::core::json;
use eiw::core::language::builtin_language;
use eiw::core::packed::{from_text, to_text};
use eiw::core::settings::Attributes;

/// Checks `config` and applies it to the language this widget shows. `available` lists the
/// built-in languages the page may download, `downloaded` the packed files it has.
/// Returns the packed result, or `need:<code>` when the language it shows is not yet
/// downloaded (the loader fetches it and asks again).
#[wasm_bindgen]
pub fn compile(
    config: &str,
    lang: Option<String>,
    page_lang: Option<String>,
    available: Vec<String>,
    downloaded: Vec<String>,
) -> String {
    let attributes = Attributes {
        lang,
        page_lang,
        ..Attributes::default()
    };
    let available: Vec<&str> = available.iter().map(String::as_str).collect();
    let downloaded: Vec<Rc<Content>> = downloaded
        .iter()
        .filter_map(|text| from_text::<Content>(text))
        .map(Rc::new)
        .collect();
    match compile_config(config, &attributes, &available, &downloaded) {
        Compile::Done(compiled) => to_text(&*compiled),
        Compile::NeedLanguage(code) => format!("need:{code}"),
    }
}

/// A built-in language file (`content/<code>.json`) in the packed form visitors download,
/// after the checks a publisher's language gets; every problem is an error here.
#[wasm_bindgen]
pub fn pack_language(code: &str, json_text: &str) -> Result<String, String> {
    let value = json::parse(json_text).map_err(|e| format!("{code}: {e}"))?;
    builtin_language(code, &value)
        .map(|content| to_text(&content))
        .map_err(|problems| {
            let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
            lines.join("\n")
        })
}
