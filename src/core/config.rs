//! The publisher's JSON configuration (a child `<script type="application/json">` or the
//! element's `config` property), validated and applied on top of the built-in content.
//!
//! Every problem is reported with its path and a fix, invalid parts fall back to the
//! defaults, and the rest still applies. Nothing here can inject markup: strings are data
//! and the UI renders them as text.
//!
//! This is the configuration module's code (`modules/config`): pages without a
//! configuration never download it. `compile` turns the configuration into a `Compiled`
//! the widget reads (`core::resolve`); `language` turns texts into content (the built-in
//! languages go through it too) and `helplines` reads lists of services.

use std::rc::Rc;

use super::content::Content;
use super::json::{self, Map, Value};
use super::language::{
    apply_items, apply_strings, english_shape, faq_entries, language_from_json, missing_keys,
};
use super::locale::choose;
use super::report::{describe, kind_of, Report};
use super::resolve::Compiled;
use super::resources::phone_digits;
use super::rich_text::is_safe_href;
use super::settings::Attributes;

// The submodule inherits the input-path lints above.
mod helplines;

pub use helplines::builtin_directory;

use helplines::resource_list;

/// The top-level keys of the configuration.
pub const KEYS: [&str; 7] = [
    "strings",
    "cta",
    "faq",
    "faq_merge",
    "items",
    "resources",
    "languages",
];
const CTA_KEYS: [&str; 3] = ["label", "href", "phone"];

/// What `compile` needs before it can finish.
#[derive(Debug, Clone, PartialEq)]
pub enum Compile {
    Done(Box<Compiled>),
    /// The built-in language this widget shows has not been downloaded yet.
    NeedLanguage(String),
}

/// Checks the publisher's configuration and applies it to the language the widget shows.
/// `available` lists the built-in languages the page can download and `downloaded` those it
/// has; which one is shown depends on the configuration (a publisher may add languages).
pub fn compile(
    config: &str,
    attributes: &Attributes,
    available: &[&str],
    downloaded: &[Rc<Content>],
) -> Compile {
    let mut report = Report(Vec::new());
    let config: Option<Map> = match json::parse(config) {
        Ok(Value::Object(map)) => Some(map),
        Ok(other) => {
            report.error(
                "config",
                format!(
                    "expected a JSON object {{ … }}, found {}; the whole configuration is ignored",
                    kind_of(&other)
                ),
            );
            None
        }
        Err(e) => {
            report.error("config", format!("is not valid JSON ({e}); the whole configuration is ignored. Check for trailing commas and unquoted keys"));
            None
        }
    };
    let config = config.unwrap_or_default();
    report.unknown_keys("config", &config, &KEYS);

    // Languages the publisher adds must be known before the language is chosen.
    let custom = config
        .get("languages")
        .map(|v| custom_languages(&mut report, v))
        .unwrap_or_default();
    let mut languages: Vec<String> = available.iter().map(|c| (*c).to_owned()).collect();
    languages.extend(custom.iter().map(|(code, _)| code.clone()));
    let offered: Vec<&str> = languages.iter().map(String::as_str).collect();
    let wanted = choose(
        attributes.lang.as_deref(),
        attributes.page_lang.as_deref(),
        &offered,
    )
    .language;
    let base = custom
        .iter()
        .find(|(code, _)| *code == wanted)
        .map(|(_, content)| content)
        .or_else(|| downloaded.iter().find(|c| c.lang == wanted));
    let mut content: Content = match base {
        Some(content) => (**content).clone(),
        None => return Compile::NeedLanguage(wanted),
    };

    if let Some(v) = config.get("strings") {
        apply_strings(&mut report, "config.strings", v, &mut content);
    }
    if let Some(v) = config.get("items") {
        apply_items(&mut report, "config.items", v, &mut content);
    }
    let append = match config.get("faq_merge") {
        None => false,
        Some(Value::String(s)) if s == "replace" => false,
        Some(Value::String(s)) if s == "append" => true,
        Some(other) => {
            report.error(
                "config.faq_merge",
                format!(
                    "expected \"replace\" or \"append\", found {}; replacing",
                    describe(other)
                ),
            );
            false
        }
    };
    if let Some(v) = config.get("faq") {
        if let Some(entries) = faq_entries(&mut report, "config.faq", v) {
            if append {
                let taken: Vec<String> = content.faq.iter().map(|e| e.slug.clone()).collect();
                for (i, e) in entries.into_iter().enumerate() {
                    if taken.contains(&e.slug) {
                        report.error(
                            &format!("config.faq[{i}].slug"),
                            format!(
                                "\"{}\" is already used by a built-in entry; choose another slug",
                                e.slug
                            ),
                        );
                    } else {
                        content.faq.push(e);
                    }
                }
            } else {
                content.faq = entries;
            }
        }
    }
    let mut compiled = Compiled {
        problems: Vec::new(),
        languages,
        content,
        cta_label: None,
        cta_href: None,
        cta_phone: None,
        resources: None,
    };
    if let Some(v) = config.get("cta") {
        apply_cta(&mut report, v, &mut compiled);
    }
    compiled.resources = config
        .get("resources")
        .and_then(|v| resource_list(&mut report, "config.resources", v));
    compiled.problems = report.0;
    Compile::Done(Box::new(compiled))
}

/// What a page does, end to end, natively: the configuration module's `compile` with every
/// built-in language at hand, its result through the packed form the widget receives, then
/// the widget's `resolve`. For tests and tools.
pub fn resolve(
    attributes: &Attributes,
    config: Option<&str>,
) -> Result<super::resolve::Resolved, Vec<super::report::Problem>> {
    use super::content::BUILTIN_LANGUAGES;
    use super::packed::{from_text, to_text};
    let downloaded = BUILTIN_LANGUAGES
        .iter()
        .map(|code| super::language::builtin(code))
        .collect::<Result<Vec<_>, _>>()?;
    let compiled = match config.filter(|c| !c.trim().is_empty()) {
        None => None,
        Some(text) => match compile(text, attributes, BUILTIN_LANGUAGES, &downloaded) {
            Compile::Done(compiled) => from_text(&to_text(&*compiled)),
            Compile::NeedLanguage(code) => {
                let mut report = Report(Vec::new());
                report.error("content", format!("no built-in language \"{code}\""));
                return Err(report.0);
            }
        },
    };
    super::resolve::resolve(attributes, compiled, &downloaded, BUILTIN_LANGUAGES)
}

fn apply_cta(report: &mut Report, value: &Value, compiled: &mut Compiled) {
    let Some(map) = report.object("config.cta", value) else {
        return;
    };
    report.unknown_keys("config.cta", map, &CTA_KEYS);
    if let Some(v) = map.get("label") {
        if let Some(label) = report.text("config.cta.label", v) {
            compiled.cta_label = Some(label);
        }
    }
    if let Some(v) = map.get("href") {
        if let Some(href) = report.text("config.cta.href", v) {
            if !is_safe_href(&href) {
                report.error("config.cta.href", format!("\"{href}\" is not an http(s) or tel: URL (or mailto: or a relative link); the button is hidden"));
            } else {
                compiled.cta_href = Some(href);
            }
        }
    }
    if let Some(v) = map.get("phone") {
        if let Some(phone) = report.text("config.cta.phone", v) {
            if phone_digits(&phone).is_some() {
                compiled.cta_phone = Some(phone);
            } else {
                report.error("config.cta.phone", format!("\"{phone}\" is not a phone number; use digits, spaces, dashes and an optional leading +"));
            }
        }
    }
}

/// `languages.<code>`: a complete content file for a language the widget lacks.
fn custom_languages(report: &mut Report, value: &Value) -> Vec<(String, Rc<Content>)> {
    let Some(map) = report.object("config.languages", value) else {
        return Vec::new();
    };
    let english = english_shape();
    let mut out = Vec::new();
    for (code, v) in map {
        let path = format!("config.languages.{code}");
        let valid_code =
            code.len() >= 2 && code.len() <= 3 && code.chars().all(|c| c.is_ascii_lowercase());
        if !valid_code {
            report.error(
                &path,
                "the key must be a language code such as \"fr\" or \"pt\"",
            );
            continue;
        }
        let mut candidate = v.clone();
        if let Value::Object(m) = &mut candidate {
            if m.get("lang").is_none() {
                m.insert("lang".to_owned(), Value::String(code.clone()));
            }
        }
        let missing = missing_keys(&english, &candidate, &path);
        if !missing.is_empty() {
            for key in &missing {
                report.error(
                    key,
                    "is missing; a language needs every text the English file has",
                );
            }
            continue;
        }
        if let Some(content) = language_from_json(report, &path, code, &candidate) {
            out.push((code.clone(), Rc::new(content)));
        }
    }
    out
}

#[cfg(test)]
mod docs_test;
#[cfg(test)]
mod tests;
