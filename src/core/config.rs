//! The publisher's JSON configuration (a child `<script type="application/json">` or the
//! element's `config` property), validated and applied on top of the built-in content.
//!
//! Every problem is reported with its path and a fix, invalid parts fall back to the
//! defaults, and the rest still applies. Nothing here can inject markup: strings are data
//! and the UI renders them as text.

// Input path: publisher and stored data reach this code, and with `panic = "abort"` one
// panic would stop every widget on the page.
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use super::json::{self, Map, Value};
use std::fmt;
use std::rc::Rc;

use super::content::{
    builtin, builtin_languages, Content, Direction, FaqEntry, Item, DIMENSION_IDS,
};
use super::resources::{self, Directory, Kind, Region, Resource, Sms};
use super::rich_text::is_safe_href;
use super::settings::{from_attributes, Attributes, Settings, LOG_PREFIX};
use super::template::placeholders;

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
const FAQ_KEYS: [&str; 3] = ["slug", "question", "answer"];
const ITEM_KEYS: [&str; 2] = ["text", "reverse"];
const RESOURCE_KEYS: [&str; 6] = ["kind", "name", "phone", "tel", "sms", "url"];

struct Report(Vec<Problem>);

impl Report {
    fn error(&mut self, path: &str, message: impl Into<String>) {
        self.0.push(Problem {
            severity: Severity::Error,
            path: path.to_owned(),
            message: message.into(),
        });
    }

    fn warn(&mut self, path: &str, message: impl Into<String>) {
        self.0.push(Problem {
            severity: Severity::Warning,
            path: path.to_owned(),
            message: message.into(),
        });
    }

    /// Warns about keys not in `known`, suggesting the closest known key.
    fn unknown_keys(&mut self, path: &str, object: &Map, known: &[&str]) {
        for key in object.keys().filter(|k| !known.contains(&k.as_str())) {
            let hint = suggest(key, known)
                .map(|s| format!("; did you mean `{s}`?"))
                .unwrap_or_else(|| format!("; known keys: {}", known.join(", ")));
            self.warn(
                &format!("{path}.{key}"),
                format!("unknown key, ignored{hint}"),
            );
        }
    }

    fn text(&mut self, path: &str, value: &Value) -> Option<String> {
        match value {
            Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
            Value::String(_) => {
                self.error(
                    path,
                    "is empty; write the text visitors should see, or leave the key out",
                );
                None
            }
            other => {
                self.error(path, format!("expected text, found {}", kind_of(other)));
                None
            }
        }
    }

    /// `map[key]` as text, reporting a missing key with `why` ("each entry needs a question").
    fn required_text(&mut self, map: &Map, path: &str, key: &str, why: &str) -> Option<String> {
        let path = format!("{path}.{key}");
        match map.get(key) {
            Some(v) => self.text(&path, v),
            None => {
                self.error(&path, format!("is missing; {why}"));
                None
            }
        }
    }

    /// Replaces `slot` with `map[key]` when that is present and valid text.
    fn override_text(&mut self, map: &Map, path: &str, key: &str, slot: &mut String) {
        if let Some(v) = map.get(key) {
            if let Some(text) = self.text(&format!("{path}.{key}"), v) {
                *slot = text;
            }
        }
    }

    fn object<'v>(&mut self, path: &str, value: &'v Value) -> Option<&'v Map> {
        match value {
            Value::Object(map) => Some(map),
            other => {
                self.error(
                    path,
                    format!("expected an object {{ … }}, found {}", kind_of(other)),
                );
                None
            }
        }
    }

    fn list<'v>(&mut self, path: &str, value: &'v Value) -> Option<&'v [Value]> {
        match value {
            Value::Array(list) => Some(list),
            other => {
                self.error(
                    path,
                    format!("expected a list [ … ], found {}", kind_of(other)),
                );
                None
            }
        }
    }

    /// Text or a list of paragraphs; a single text is split on blank lines.
    fn paragraphs(&mut self, path: &str, value: &Value) -> Option<Vec<String>> {
        match value {
            Value::String(_) => self.text(path, value).map(|t| {
                t.split("\n\n")
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .map(str::to_owned)
                    .collect()
            }),
            Value::Array(list) => {
                let paras: Option<Vec<String>> = list
                    .iter()
                    .enumerate()
                    .map(|(i, v)| self.text(&format!("{path}[{i}]"), v))
                    .collect();
                paras.filter(|p| !p.is_empty())
            }
            other => {
                self.error(path, format!("expected text, found {}", kind_of(other)));
                None
            }
        }
    }
}

/// "a number", "a list", … for messages.
fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// The closest of `known` to `key`, if it is close enough to be a typo.
pub fn suggest<'k>(key: &str, known: &[&'k str]) -> Option<&'k str> {
    known
        .iter()
        .map(|k| (edit_distance(&key.to_ascii_lowercase(), k), *k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut next = Vec::with_capacity(row.len());
        next.push(i + 1);
        for ((cb, diagonal), up) in b.iter().zip(&row).zip(row.iter().skip(1)) {
            let left = next.last().copied().unwrap_or(usize::MAX - 1);
            next.push(
                (diagonal + usize::from(ca != *cb))
                    .min(up + 1)
                    .min(left + 1),
            );
        }
        row = next;
    }
    row.last().copied().unwrap_or(0)
}

/// Keys present in `reference` but missing from `candidate` (objects compared
/// recursively; lists compared by their first element's shape).
pub fn missing_keys(reference: &Value, candidate: &Value, path: &str) -> Vec<String> {
    match (reference, candidate) {
        (Value::Object(r), Value::Object(c)) => r
            .iter()
            .flat_map(|(k, rv)| match c.get(k) {
                None if rv.is_null() => Vec::new(),
                None => vec![format!("{path}.{k}")],
                Some(cv) => missing_keys(rv, cv, &format!("{path}.{k}")),
            })
            .collect(),
        (Value::Array(r), Value::Array(c)) => match r.first() {
            Some(first @ Value::Object(_)) => c
                .iter()
                .enumerate()
                .flat_map(|(i, cv)| missing_keys(first, cv, &format!("{path}[{i}]")))
                .collect(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// Keys present in `candidate` but not in `reference` (the other direction).
pub fn extra_keys(reference: &Value, candidate: &Value, path: &str) -> Vec<String> {
    missing_keys(candidate, reference, path)
}

/// The shape of the English content file (its keys, with every text emptied and every
/// list cut to its first element, made by build.rs): the reference every language must match.
pub fn english_shape() -> Value {
    json::parse(include_str!(concat!(env!("OUT_DIR"), "/en-shape.json"))).unwrap_or_default()
}

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

fn describe(value: &Value) -> String {
    match value {
        Value::String(s) => format!("\"{s}\""),
        other => kind_of(other).to_owned(),
    }
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

/// Overrides any user-facing string: `strings.title`, `strings.intro`, `strings.safety.item`.
fn apply_strings(report: &mut Report, base: &str, value: &Value, content: &mut Content) {
    let Some(map) = report.object(base, value) else {
        return;
    };
    let ui_keys: Vec<&str> = content.ui.texts().map(|(k, _)| k).collect();
    let mut known = ui_keys.clone();
    known.extend(["intro", "scale", "safety", "bands", "dimensions"]);
    report.unknown_keys(base, map, &known);
    for (key, v) in map {
        let path = format!("{base}.{key}");
        match key.as_str() {
            "intro" => {
                if let Some(p) = report.paragraphs(&path, v) {
                    content.ui.intro = p;
                }
            }
            "bands" => apply_bands(report, &path, v, content),
            "dimensions" => apply_dimension_texts(report, &path, v, content),
            "scale" => {
                if let Some(list) = report.list(&path, v) {
                    let labels: Option<Vec<String>> = list
                        .iter()
                        .enumerate()
                        .map(|(i, v)| report.text(&format!("{path}[{i}]"), v))
                        .collect();
                    match labels {
                        Some(l) if l.len() == 5 => content.scale = l,
                        Some(l) => report.error(
                            &path,
                            format!(
                                "expected 5 labels (strongly disagree … strongly agree), found {}",
                                l.len()
                            ),
                        ),
                        None => {}
                    }
                }
            }
            "safety" => {
                if let Some(inner) = report.object(&path, v) {
                    let known: Vec<&str> = content.safety.texts().map(|(k, _)| k).collect();
                    report.unknown_keys(&path, inner, &known);
                    for (k, v) in inner {
                        let p = format!("{path}.{k}");
                        if let Some(text) = report.text(&p, v) {
                            if template_ok(report, &p, &format!("safety.{k}"), content, &text) {
                                if let Some(slot) = content.safety.text_mut(k) {
                                    *slot = text;
                                }
                            }
                        }
                    }
                }
            }
            k if ui_keys.contains(&k) => {
                if let Some(text) = report.text(&path, v) {
                    if template_ok(report, &path, k, content, &text) {
                        if let Some(slot) = content.ui.text_mut(k) {
                            *slot = text;
                        }
                    }
                }
            }
            _ => {}
        }
    }
}

/// `strings.bands.<band>.label|summary`.
fn apply_bands(report: &mut Report, path: &str, value: &Value, content: &mut Content) {
    let Some(map) = report.object(path, value) else {
        return;
    };
    const BANDS: [&str; 3] = ["strength", "grow", "explore"];
    report.unknown_keys(path, map, &BANDS);
    for (name, v) in map {
        let band = match name.as_str() {
            "strength" => &mut content.bands.strength,
            "grow" => &mut content.bands.grow,
            "explore" => &mut content.bands.explore,
            _ => continue,
        };
        let p = format!("{path}.{name}");
        let Some(inner) = report.object(&p, v) else {
            continue;
        };
        report.unknown_keys(&p, inner, &["label", "summary"]);
        report.override_text(inner, &p, "label", &mut band.label);
        report.override_text(inner, &p, "summary", &mut band.summary);
    }
}

/// `strings.dimensions.<id>.name|description|tips`: the words around a dimension (its
/// statements are `items`).
fn apply_dimension_texts(report: &mut Report, path: &str, value: &Value, content: &mut Content) {
    let Some(map) = report.object(path, value) else {
        return;
    };
    report.unknown_keys(path, map, &DIMENSION_IDS);
    for (id, v) in map {
        let Some(dim) = DIMENSION_IDS
            .iter()
            .position(|d| d == id)
            .and_then(|i| content.dimensions.get_mut(i))
        else {
            continue;
        };
        let p = format!("{path}.{id}");
        let Some(inner) = report.object(&p, v) else {
            continue;
        };
        report.unknown_keys(&p, inner, &["name", "description", "tips"]);
        report.override_text(inner, &p, "name", &mut dim.name);
        report.override_text(inner, &p, "description", &mut dim.description);
        if let Some(tips) = inner.get("tips") {
            let tp = format!("{p}.tips");
            match report.paragraphs(&tp, tips) {
                Some(list) if (2..=3).contains(&list.len()) => dim.tips = list,
                Some(list) => {
                    report.error(&tp, format!("expected 2 or 3 tips, found {}", list.len()))
                }
                None => {}
            }
        }
    }
}

/// A replacement template must keep the placeholders of the one it replaces.
fn template_ok(report: &mut Report, path: &str, key: &str, content: &Content, text: &str) -> bool {
    let current = match key.strip_prefix("safety.") {
        Some(k) => content
            .safety
            .texts()
            .find(|(n, _)| *n == k)
            .map(|(_, t)| t.to_owned()),
        None => content
            .ui
            .texts()
            .find(|(n, _)| *n == key)
            .map(|(_, t)| t.to_owned()),
    };
    let needed: Vec<String> = current
        .as_deref()
        .map(placeholders)
        .unwrap_or_default()
        .into_iter()
        .map(str::to_owned)
        .collect();
    let has = placeholders(text);
    let missing: Vec<String> = needed
        .into_iter()
        .filter(|p| !has.contains(&p.as_str()))
        .collect();
    if missing.is_empty() {
        true
    } else {
        let list: Vec<String> = missing.iter().map(|m| format!("{{{m}}}")).collect();
        report.error(
            path,
            format!(
                "must contain {} (it is filled in by the widget); the default is used",
                list.join(" and ")
            ),
        );
        false
    }
}

/// `items.<dimension>`: one to three statements replacing that dimension's own.
fn apply_items(report: &mut Report, base: &str, value: &Value, content: &mut Content) {
    let Some(map) = report.object(base, value) else {
        return;
    };
    report.unknown_keys(base, map, &DIMENSION_IDS);
    for (id, v) in map {
        let Some(index) = DIMENSION_IDS.iter().position(|d| d == id) else {
            continue;
        };
        let path = format!("{base}.{id}");
        let Some(list) = report.list(&path, v) else {
            continue;
        };
        if !(1..=3).contains(&list.len()) {
            report.error(
                &path,
                format!("expected 1 to 3 statements, found {}", list.len()),
            );
            continue;
        }
        let items: Option<Vec<Item>> = list
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let p = format!("{path}[{i}]");
                match v {
                    Value::String(_) => report.text(&p, v).map(|text| Item {
                        text,
                        reverse: false,
                    }),
                    Value::Object(m) => {
                        report.unknown_keys(&p, m, &ITEM_KEYS);
                        let text =
                            report.required_text(m, &p, "text", "every statement needs its text");
                        let reverse = match m.get("reverse") {
                            None => Some(false),
                            Some(Value::Bool(b)) => Some(*b),
                            Some(other) => {
                                report.error(
                                    &format!("{p}.reverse"),
                                    format!("expected true or false, found {}", kind_of(other)),
                                );
                                None
                            }
                        };
                        text.zip(reverse)
                            .map(|(text, reverse)| Item { text, reverse })
                    }
                    other => {
                        report.error(
                            &p,
                            format!(
                                "expected text or {{ \"text\": …, \"reverse\": … }}, found {}",
                                kind_of(other)
                            ),
                        );
                        None
                    }
                }
            })
            .collect();
        if let (Some(items), Some(dim)) = (items, content.dimensions.get_mut(index)) {
            dim.items = items;
        }
    }
}

fn faq_entries(report: &mut Report, base: &str, value: &Value) -> Option<Vec<FaqEntry>> {
    let list = report.list(base, value)?;
    let mut entries = Vec::new();
    let mut slugs: Vec<String> = Vec::new();
    for (i, v) in list.iter().enumerate() {
        let path = format!("{base}[{i}]");
        let Some(map) = report.object(&path, v) else {
            continue;
        };
        report.unknown_keys(&path, map, &FAQ_KEYS);
        let question = report.required_text(map, &path, "question", "each entry needs a question");
        let answer = match map.get("answer") {
            Some(a) => report.paragraphs(&format!("{path}.answer"), a),
            None => {
                report.error(
                    &format!("{path}.answer"),
                    "is missing; each entry needs an answer",
                );
                None
            }
        };
        let slug = match map.get("slug") {
            None => question.as_deref().map(slugify),
            Some(Value::String(s)) if is_slug(s) => Some(s.clone()),
            Some(other) => {
                report.error(
                    &format!("{path}.slug"),
                    format!(
                        "{} must be lowercase letters, digits and hyphens, like \"opening-hours\"",
                        describe(other)
                    ),
                );
                None
            }
        };
        if let (Some(question), Some(answer), Some(slug)) = (question, answer, slug) {
            if slugs.contains(&slug) {
                report.error(
                    &format!("{path}.slug"),
                    format!("\"{slug}\" is used twice; slugs must be unique"),
                );
                continue;
            }
            slugs.push(slug.clone());
            entries.push(FaqEntry {
                slug,
                question,
                answer,
            });
        }
    }
    Some(entries)
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// "What's new?" → "what-s-new"; non-ASCII questions get a stable hash-free fallback.
pub fn slugify(text: &str) -> String {
    let mut slug = String::new();
    // ASCII only: a slug keeps just ASCII letters and digits, and Unicode case tables
    // would add kilobytes to the download.
    for c in text.chars().map(|c| c.to_ascii_lowercase()) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-').to_owned();
    if slug.is_empty() {
        format!("entry-{}", text.chars().count())
    } else {
        slug
    }
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

/// The dialable form of a phone number (`+1 555-0100` → `+15550100`), if it is one.
pub fn phone_digits(phone: &str) -> Option<String> {
    let trimmed = phone.trim();
    let ok = trimmed
        .chars()
        .enumerate()
        .all(|(i, c)| c.is_ascii_digit() || " -().".contains(c) || (c == '+' && i == 0));
    let digits: String = trimmed
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    (ok && digits.chars().filter(char::is_ascii_digit).count() >= 2).then_some(digits)
}

/// A list of helplines: the publisher's `resources`, or a region of the built-in directory.
/// `None` if none is usable.
fn resource_list(report: &mut Report, base: &str, value: &Value) -> Option<Vec<Resource>> {
    let list = report.list(base, value)?;
    let mut out = Vec::new();
    for (i, v) in list.iter().enumerate() {
        let path = format!("{base}[{i}]");
        let Some(map) = report.object(&path, v) else {
            continue;
        };
        report.unknown_keys(&path, map, &RESOURCE_KEYS);
        let kind = match map.get("kind").and_then(Value::as_str) {
            Some("violence") => Some(Kind::Violence),
            Some("crisis") => Some(Kind::Crisis),
            Some("directory") => Some(Kind::Directory),
            _ => {
                report.error(
                    &format!("{path}.kind"),
                    "expected \"violence\", \"crisis\" or \"directory\"",
                );
                None
            }
        };
        let name = report.required_text(map, &path, "name", "name the service");
        let phone = map
            .get("phone")
            .and_then(|p| report.text(&format!("{path}.phone"), p));
        let tel = match map.get("tel").or(map.get("phone")) {
            None => None,
            Some(v) => match v.as_str().and_then(phone_digits) {
                Some(d) => Some(d),
                None => {
                    report.error(
                        &format!("{path}.tel"),
                        format!("{} is not a phone number", describe(v)),
                    );
                    None
                }
            },
        };
        let url = map
            .get("url")
            .and_then(|u| report.text(&format!("{path}.url"), u))
            .filter(|u| {
                let ok = is_safe_href(u) && u.starts_with("http");
                if !ok {
                    report.error(
                        &format!("{path}.url"),
                        format!("\"{u}\" is not an http(s) URL"),
                    );
                }
                ok
            });
        let sms = map.get("sms").and_then(|s| {
            let m = report.object(&format!("{path}.sms"), s)?;
            let number = m
                .get("number")
                .and_then(Value::as_str)
                .and_then(phone_digits);
            let keyword = m.get("keyword").and_then(Value::as_str).map(str::to_owned);
            if number.is_none() || keyword.is_none() {
                report.error(
                    &format!("{path}.sms"),
                    "expected { \"number\": \"88788\", \"keyword\": \"START\" }",
                );
            }
            Some(Sms {
                number: number?,
                keyword: keyword?,
            })
        });
        if let (Some(kind), Some(name)) = (kind, name) {
            if tel.is_none() && url.is_none() && sms.is_none() {
                report.error(
                    &path,
                    "needs at least a phone number, text number or website",
                );
                continue;
            }
            out.push(Resource {
                kind,
                name,
                phone: phone.or(tel.clone()),
                tel,
                sms,
                url,
            });
        }
    }
    if out.is_empty() {
        return None;
    }
    Some(resources::violence_first(&out))
}

/// The keys of a language file (`content/en.json`) and of each of its dimensions.
const LANGUAGE_KEYS: [&str; 9] = [
    "lang",
    "dir",
    "digits",
    "ui",
    "scale",
    "bands",
    "dimensions",
    "safety",
    "faq",
];
const DIMENSION_KEYS: [&str; 5] = ["id", "name", "description", "items", "tips"];

/// Builds a language from a complete content file, the built-in ones and publishers' alike,
/// by applying every one of its texts to an empty skeleton with the same checks as any
/// override (types, placeholders), so one validator serves all content.
fn language_from_json(
    report: &mut Report,
    path: &str,
    code: &str,
    value: &Value,
) -> Option<Content> {
    let map = report.object(path, value)?;
    let mut content = Content::skeleton();
    let before = report.0.len();
    report.unknown_keys(path, map, &LANGUAGE_KEYS);
    content.lang = code.to_owned();
    match map.get("dir").and_then(Value::as_str) {
        Some("ltr") => content.dir = Direction::Ltr,
        Some("rtl") => content.dir = Direction::Rtl,
        _ => report.error(&format!("{path}.dir"), "expected \"ltr\" or \"rtl\""),
    }
    report.override_text(map, path, "digits", &mut content.digits);
    if let Some(ui) = map.get("ui") {
        apply_strings(report, &format!("{path}.ui"), ui, &mut content);
    }
    for key in ["scale", "safety", "bands"] {
        if let Some(v) = map.get(key) {
            let single = Value::Object(Map::from_iter([(key.to_owned(), v.clone())]));
            apply_strings(report, path, &single, &mut content);
        }
    }
    let dimensions = map
        .get("dimensions")
        .and_then(|d| report.list(&format!("{path}.dimensions"), d));
    for (i, dim) in dimensions.into_iter().flatten().enumerate() {
        let Some(d) = report.object(&format!("{path}.dimensions[{i}]"), dim) else {
            continue;
        };
        report.unknown_keys(&format!("{path}.dimensions[{i}]"), d, &DIMENSION_KEYS);
        let id = DIMENSION_IDS.get(i).copied().unwrap_or_default();
        if d.get("id").and_then(Value::as_str) != Some(id) {
            report.error(
                &format!("{path}.dimensions[{i}].id"),
                format!("expected \"{id}\": the ten dimensions keep the English ids and order"),
            );
            continue;
        }
        let texts: Map = d
            .iter()
            .filter(|(k, _)| matches!(k.as_str(), "name" | "description" | "tips"))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let dims_path = format!("{path}.dimensions");
        let by_id = |v: Value| Value::Object(Map::from_iter([(id.to_owned(), v)]));
        apply_dimension_texts(
            report,
            &dims_path,
            &by_id(Value::Object(texts)),
            &mut content,
        );
        if let Some(items) = d.get("items") {
            apply_items(report, &dims_path, &by_id(items.clone()), &mut content);
        }
    }
    if let Some(faq) = map
        .get("faq")
        .and_then(|f| faq_entries(report, &format!("{path}.faq"), f))
    {
        content.faq = faq;
    }
    for p in content.validate() {
        report.error(path, p.to_string());
    }
    // Warnings (an unknown key) leave the language usable; errors do not.
    let errors = report
        .0
        .iter()
        .skip(before)
        .any(|p| p.severity == Severity::Error);
    (!errors).then_some(content)
}

/// A built-in language from its file (`content/<code>.json`, minified by build.rs). Any
/// problem, even a warning, is refused: the tests keep the shipped files clean.
pub fn builtin_language(code: &str, value: &Value) -> Result<Content, Vec<Problem>> {
    let mut report = Report(Vec::new());
    let content = language_from_json(&mut report, code, code, value);
    match content {
        Some(content) if report.0.is_empty() => Ok(content),
        _ => Err(report.0),
    }
}

/// The built-in helpline directory from `content/resources.json` (minified by build.rs).
pub fn builtin_directory(value: &Value) -> Result<Directory, Vec<Problem>> {
    let mut report = Report(Vec::new());
    let mut directory = Directory {
        regions: Vec::new(),
        international: Vec::new(),
    };
    if let Some(map) = report.object("resources", value) {
        report.unknown_keys("resources", map, &["regions", "international"]);
        let regions = map
            .get("regions")
            .and_then(|r| report.list("resources.regions", r))
            .unwrap_or_default();
        for (i, region) in regions.iter().enumerate() {
            let path = format!("resources.regions[{i}]");
            let Some(r) = report.object(&path, region) else {
                continue;
            };
            report.unknown_keys(&path, r, &["code", "default_for", "resources"]);
            let code = report.required_text(r, &path, "code", "each region needs its code");
            let default_for = r
                .get("default_for")
                .and_then(|d| report.list(&format!("{path}.default_for"), d))
                .unwrap_or_default()
                .iter()
                .filter_map(|l| l.as_str().map(str::to_owned))
                .collect();
            let resources = r
                .get("resources")
                .and_then(|list| resource_list(&mut report, &format!("{path}.resources"), list));
            if let (Some(code), Some(resources)) = (code, resources) {
                directory.regions.push(Region {
                    code,
                    default_for,
                    resources,
                });
            }
        }
        if let Some(list) = map.get("international") {
            directory.international =
                resource_list(&mut report, "resources.international", list).unwrap_or_default();
        }
    }
    if report.0.is_empty() {
        Ok(directory)
    } else {
        Err(report.0)
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
