//! The publisher's JSON configuration (a child `<script type="application/json">` or the
//! element's `config` property), validated and applied on top of the built-in content.
//!
//! Every problem is reported with its path and a fix, invalid parts fall back to the
//! defaults, and the rest still applies. Nothing here can inject markup: strings are data
//! and the UI renders them as text.
//!
//! This file resolves attributes and configuration into what a widget shows; `report`
//! collects problems, `language` turns texts into content (the built-in languages go
//! through it too) and `helplines` reads lists of services.

// Input path: publisher and stored data reach this code, and with `panic = "abort"` one
// panic would stop every widget on the page.
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::fmt;
use std::rc::Rc;

use super::content::{builtin, builtin_languages, Content};
use super::json::{self, Map, Value};
use super::resources::{self, Resource};
use super::rich_text::is_safe_href;
use super::settings::{from_attributes, Attributes, Settings, LOG_PREFIX};

// The submodules inherit the input-path lints above.
mod helplines;
mod language;
mod report;

pub use helplines::{builtin_directory, phone_digits};
pub use language::{builtin_language, english_shape, extra_keys, missing_keys, slugify};
pub use report::suggest;

use helplines::resource_list;
use language::{apply_items, apply_strings, faq_entries, language_from_json};
use report::{describe, kind_of, Report};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// Something was ignored; the default is used instead.
    Error,
    /// Harmless but probably a mistake, such as an unknown key.
    Warning,
}

/// One problem in the publisher's configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    /// Where: `config.faq[2].answer`, or `sections` for an attribute.
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{LOG_PREFIX}: {}: {}", self.path, self.message)
    }
}

/// Everything a widget instance needs, resolved from attributes and configuration.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub settings: Settings,
    pub content: Rc<Content>,
    pub resources: Vec<Resource>,
    pub problems: Vec<Problem>,
}

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

/// Resolves attributes and the optional configuration JSON into what the widget shows.
/// Fails only if no content at all can be loaded (a broken build), with the reasons.
pub fn resolve(attributes: &Attributes, config: Option<&str>) -> Result<Resolved, Vec<Problem>> {
    let mut report = Report(Vec::new());
    let config: Option<Map> = config.filter(|c| !c.trim().is_empty()).and_then(|text| {
        match json::parse(text) {
            Ok(Value::Object(map)) => Some(map),
            Ok(other) => {
                report.error("config", format!("expected a JSON object {{ … }}, found {}; the whole configuration is ignored", kind_of(&other)));
                None
            }
            Err(e) => {
                report.error("config", format!("is not valid JSON ({e}); the whole configuration is ignored. Check for trailing commas and unquoted keys"));
                None
            }
        }
    });
    let config = config.unwrap_or_default();
    report.unknown_keys("config", &config, &KEYS);

    // Languages the publisher adds must be known before the language is chosen.
    let custom = config
        .get("languages")
        .map(|v| custom_languages(&mut report, v))
        .unwrap_or_default();
    let mut available: Vec<String> = builtin_languages().map(str::to_owned).collect();
    available.extend(custom.iter().map(|(code, _)| code.clone()));
    let available_refs: Vec<&str> = available.iter().map(String::as_str).collect();

    let (mut settings, attribute_problems) = from_attributes(attributes, &available_refs);
    for p in attribute_problems {
        // Attribute messages read `name="value": what is wrong`; the first part is the path.
        let text = p.to_string();
        let (path, message) = text.split_once(": ").unwrap_or((p.attribute(), &text));
        report.error(path, message);
    }

    let base = custom
        .iter()
        .find(|(code, _)| *code == settings.locale.language)
        .map(|(_, content)| Ok(content.clone()))
        .unwrap_or_else(|| builtin(&settings.locale.language));
    let mut content: Content = match base {
        Ok(content) => (*content).clone(),
        Err(errors) => {
            for e in errors {
                report.error("content", e.to_string());
            }
            return Err(report.0);
        }
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
    if let Some(v) = config.get("cta") {
        apply_cta(&mut report, v, attributes, &mut settings);
    }

    let resources = match config.get("resources") {
        Some(v) => resource_list(&mut report, "config.resources", v)
            .unwrap_or_else(|| default_resources(&settings)),
        None => default_resources(&settings),
    };

    Ok(Resolved {
        settings,
        content: Rc::new(content),
        resources,
        problems: report.0,
    })
}

fn default_resources(settings: &Settings) -> Vec<Resource> {
    resources::builtin()
        .map(|dir| {
            let region = dir.region(
                settings.region.as_deref(),
                settings.locale.region.as_deref(),
                &settings.locale.language,
            );
            dir.select(region.as_deref())
        })
        .unwrap_or_default()
}

fn apply_cta(report: &mut Report, value: &Value, attributes: &Attributes, settings: &mut Settings) {
    let Some(map) = report.object("config.cta", value) else {
        return;
    };
    report.unknown_keys("config.cta", map, &CTA_KEYS);
    if let Some(v) = map.get("label") {
        if let Some(label) = report.text("config.cta.label", v) {
            if attributes.cta_label.is_none() {
                settings.cta_label = Some(label);
            }
        }
    }
    if let Some(v) = map.get("href") {
        if let Some(href) = report.text("config.cta.href", v) {
            if !is_safe_href(&href) {
                report.error("config.cta.href", format!("\"{href}\" is not an http(s) or tel: URL (or mailto: or a relative link); the button is hidden"));
            } else if attributes.cta_href.is_none() {
                settings.cta_href = Some(href);
            }
        }
    }
    if let Some(v) = map.get("phone") {
        if let Some(phone) = report.text("config.cta.phone", v) {
            if phone_digits(&phone).is_some() {
                settings.cta_phone = Some(phone);
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
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
mod docs_test;
#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
mod tests;
