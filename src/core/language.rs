//! Reading and checking language texts into content: a publisher's overrides (`strings`,
//! `items`, `faq`), a publisher's own language, and the built-in languages, all through the
//! same checks. This is the one validator of content: `config` uses it for publishers,
//! build.rs compiles this file in and runs it over every built-in file (a broken one stops
//! the build with these messages), and `Content::validate` runs it over typed content.

use super::content::{Content, Direction, FaqEntry, Item, DIMENSION_IDS};
use super::json::{Map, Value};
use super::report::{describe, kind_of, Problem, Report, Severity};
use super::template::placeholders;

const FAQ_KEYS: [&str; 3] = ["slug", "question", "answer"];
const ITEM_KEYS: [&str; 2] = ["text", "reverse"];

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
/// (`generated`: see `content::BUILTIN_LANGUAGES`.)
#[cfg(generated)]
pub fn english_shape() -> Value {
    super::json::parse(include_str!(concat!(env!("OUT_DIR"), "/en-shape.json"))).unwrap_or_default()
}

/// Placeholders each template must contain, so no language or override can drop a number
/// by mistake. (The built-in texts use exactly these.)
pub const REQUIRED_PLACEHOLDERS: [(&str, &[&str]); 18] = [
    ("cta_phone", &["phone"]),
    ("facts", &["count"]),
    ("progress", &["n", "total"]),
    ("score_value", &["score"]),
    ("chart_row", &["name", "score", "band"]),
    ("chart_row_skipped", &["name"]),
    ("chart_row_plain", &["name", "score"]),
    ("safety.call", &["number"]),
    ("safety.emergency_in", &["country"]),
    ("safety.text", &["keyword", "number"]),
    ("safety.text_number", &["number"]),
    ("safety.website", &["site"]),
    ("compare.chart_row", &["name", "you", "partner"]),
    ("compare.chart_row_missing", &["name"]),
    ("keepsake_date", &["date"]),
    ("compare.then_row", &["name", "then", "now"]),
    ("compare.then_row_small", &["name", "then", "now"]),
    ("compare.then_row_missing", &["name"]),
];

/// The groups of single texts a language file nests under their own key (`safety.call`).
const GROUPS: [&str; 2] = ["safety", "compare"];
const BANDS: [&str; 3] = ["strength", "grow", "explore"];
const BAND_KEYS: [&str; 3] = ["label", "sentence", "summary"];

/// Overrides any user-facing string: `strings.title`, `strings.intro`, `strings.safety.item`,
/// `strings.compare.note`.
pub fn apply_strings(report: &mut Report, base: &str, value: &Value, content: &mut Content) {
    let Some(map) = report.object(base, value) else {
        return;
    };
    let ui_keys: Vec<&str> = content.ui.texts().map(|(k, _)| k).collect();
    let mut known = ui_keys.clone();
    known.extend(["intro", "scale", "bands", "dimensions"]);
    known.extend(GROUPS);
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
            group if GROUPS.contains(&group) => {
                if let Some(inner) = report.object(&path, v) {
                    let known: Vec<&str> = match group {
                        "safety" => content.safety.texts().map(|(k, _)| k).collect(),
                        _ => content.compare.texts().map(|(k, _)| k).collect(),
                    };
                    report.unknown_keys(&path, inner, &known);
                    for (k, v) in inner {
                        set_text(
                            report,
                            &format!("{path}.{k}"),
                            &format!("{group}.{k}"),
                            v,
                            content,
                        );
                    }
                }
            }
            k if ui_keys.contains(&k) => set_text(report, &path, k, v, content),
            _ => {}
        }
    }
}

/// Replaces the text `key` (see `Content::text`) with `value`, if it is text that keeps the
/// template's placeholders.
fn set_text(report: &mut Report, path: &str, key: &str, value: &Value, content: &mut Content) {
    if let Some(text) = report.text(path, value) {
        if template_ok(report, path, key, content, &text) {
            if let Some(slot) = content.text_slot(key) {
                *slot = text;
            }
        }
    }
}

/// `strings.bands.<band>.label|sentence|summary`.
fn apply_bands(report: &mut Report, path: &str, value: &Value, content: &mut Content) {
    let Some(map) = report.object(path, value) else {
        return;
    };
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
        report.unknown_keys(&p, inner, &BAND_KEYS);
        report.override_text(inner, &p, "label", &mut band.label);
        report.override_text(inner, &p, "sentence", &mut band.sentence);
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
        report.unknown_keys(&p, inner, &["name", "description", "tips", "starters"]);
        report.override_text(inner, &p, "name", &mut dim.name);
        report.override_text(inner, &p, "description", &mut dim.description);
        for (key, what, slot) in [
            ("tips", "tips", &mut dim.tips),
            ("starters", "conversation starters", &mut dim.starters),
        ] {
            let Some(list) = inner.get(key) else {
                continue;
            };
            let lp = format!("{p}.{key}");
            match report.paragraphs(&lp, list) {
                Some(list) if (2..=3).contains(&list.len()) => *slot = list,
                Some(list) => {
                    report.error(&lp, format!("expected 2 or 3 {what}, found {}", list.len()))
                }
                None => {}
            }
        }
    }
}

/// A template must contain its required placeholders. Replacing a text, the default stays;
/// in a language file there is none, and the language is refused.
fn template_ok(report: &mut Report, path: &str, key: &str, content: &Content, text: &str) -> bool {
    let has = placeholders(text);
    let missing: Vec<String> = REQUIRED_PLACEHOLDERS
        .iter()
        .filter(|(k, _)| *k == key)
        .flat_map(|(_, needed)| needed.iter())
        .filter(|p| !has.contains(p))
        .map(|m| format!("{{{m}}}"))
        .collect();
    if missing.is_empty() {
        return true;
    }
    let fallback = if content.text(key).is_some_and(|t| !t.is_empty()) {
        "; the default is used"
    } else {
        ""
    };
    report.error(
        path,
        format!(
            "must contain {} (it is filled in by the widget){fallback}",
            missing.join(" and ")
        ),
    );
    false
}

/// `items.<dimension>`: one to three statements replacing that dimension's own.
pub fn apply_items(report: &mut Report, base: &str, value: &Value, content: &mut Content) {
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
            content.statements_replaced = true;
        }
    }
}

pub fn faq_entries(report: &mut Report, base: &str, value: &Value) -> Option<Vec<FaqEntry>> {
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

/// The keys of a language file (`content/en.json`) and of each of its dimensions.
const LANGUAGE_KEYS: [&str; 10] = [
    "lang",
    "dir",
    "digits",
    "ui",
    "scale",
    "bands",
    "dimensions",
    "safety",
    "compare",
    "faq",
];
const DIMENSION_KEYS: [&str; 6] = ["id", "name", "description", "items", "tips", "starters"];

/// Builds a language from a complete content file, the built-in ones and publishers' alike,
/// by applying every one of its texts to an empty skeleton with the same checks as any
/// override (types, placeholders, counts), after checking that every key is there. This is
/// the whole of what makes a language valid: nothing else checks content.
pub fn language_from_json(
    report: &mut Report,
    path: &str,
    code: &str,
    value: &Value,
) -> Option<Content> {
    let map = report.object(path, value)?;
    let mut content = Content::skeleton();
    let before = report.0.len();
    report.unknown_keys(path, map, &LANGUAGE_KEYS);
    require(report, path, map, &LANGUAGE_KEYS);
    // The code it is offered under names the language (a publisher's copy of en.json keeps
    // `"lang": "en"`), so `lang` only has to be there.
    content.lang = code.to_owned();
    match map.get("dir").and_then(Value::as_str) {
        Some("ltr") => content.dir = Direction::Ltr,
        Some("rtl") => content.dir = Direction::Rtl,
        _ if map.get("dir").is_none() => {}
        _ => report.error(&format!("{path}.dir"), "expected \"ltr\" or \"rtl\""),
    }
    if let Some(digits) = map
        .get("digits")
        .and_then(|d| report.text(&format!("{path}.digits"), d))
    {
        match digits.chars().count() {
            10 => content.digits = digits,
            found => report.error(
                &format!("{path}.digits"),
                format!("expected the ten digits 0 to 9 in order, found {found} characters"),
            ),
        }
    }
    if let Some(ui) = map.get("ui") {
        let ui_path = format!("{path}.ui");
        let mut keys: Vec<&str> = content.ui.texts().map(|(k, _)| k).collect();
        keys.push("intro");
        if let Value::Object(inner) = ui {
            report.unknown_keys(&ui_path, inner, &keys);
            require(report, &ui_path, inner, &keys);
        }
        // Only the interface texts: `apply_strings` would also take groups such as `scale`,
        // which a language file keeps at the top.
        let texts = match ui {
            Value::Object(inner) => Value::Object(
                inner
                    .iter()
                    .filter(|(k, _)| keys.contains(&k.as_str()))
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect(),
            ),
            other => other.clone(),
        };
        apply_strings(report, &ui_path, &texts, &mut content);
    }
    if let Some(Value::Object(bands)) = map.get("bands") {
        let bands_path = format!("{path}.bands");
        require(report, &bands_path, bands, &BANDS);
        for (name, band) in bands {
            if let Value::Object(band) = band {
                require(report, &format!("{bands_path}.{name}"), band, &BAND_KEYS);
            }
        }
    }
    for group in GROUPS {
        if let Some(Value::Object(texts)) = map.get(group) {
            let keys: Vec<&str> = match group {
                "safety" => content.safety.texts().map(|(k, _)| k).collect(),
                _ => content.compare.texts().map(|(k, _)| k).collect(),
            };
            require(report, &format!("{path}.{group}"), texts, &keys);
        }
    }
    for key in ["scale", "safety", "compare", "bands"] {
        if let Some(v) = map.get(key) {
            let single = Value::Object(Map::from_iter([(key.to_owned(), v.clone())]));
            apply_strings(report, path, &single, &mut content);
        }
    }
    let dims_path = format!("{path}.dimensions");
    let dimensions = map
        .get("dimensions")
        .and_then(|d| report.list(&dims_path, d));
    if let Some(list) = dimensions {
        if list.len() != DIMENSION_IDS.len() {
            report.error(
                &dims_path,
                format!(
                    "expected the ten dimensions {} in this order, found {}",
                    DIMENSION_IDS.join(", "),
                    list.len()
                ),
            );
        }
    }
    for (i, (dim, id)) in dimensions
        .into_iter()
        .flatten()
        .zip(DIMENSION_IDS)
        .enumerate()
    {
        let dim_path = format!("{dims_path}[{i}]");
        let Some(d) = report.object(&dim_path, dim) else {
            continue;
        };
        report.unknown_keys(&dim_path, d, &DIMENSION_KEYS);
        require(report, &dim_path, d, &DIMENSION_KEYS);
        if d.get("id").is_some_and(|found| found.as_str() != Some(id)) {
            report.error(
                &format!("{dim_path}.id"),
                format!("expected \"{id}\": the ten dimensions keep the English ids and order"),
            );
            continue;
        }
        let texts: Map = d
            .iter()
            .filter(|(k, _)| matches!(k.as_str(), "name" | "description" | "tips" | "starters"))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
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
    // Warnings (an unknown key) leave the language usable; errors do not.
    let errors = report
        .0
        .iter()
        .skip(before)
        .any(|p| p.severity == Severity::Error);
    (!errors).then_some(content)
}

/// Reports each of `keys` that `map` lacks: a language file has every text, since there is
/// no default to fall back on.
fn require(report: &mut Report, path: &str, map: &Map, keys: &[&str]) {
    for key in keys.iter().filter(|k| map.get(k).is_none()) {
        report.error(
            &format!("{path}.{key}"),
            "is missing; a language needs every text the English file has",
        );
    }
}

/// A built-in language from its file (`content/<code>.json`). Any problem, even a warning,
/// is refused: build.rs runs this over every file and stops on the first that has one.
pub fn builtin_language(code: &str, value: &Value) -> Result<Content, Vec<Problem>> {
    let mut report = Report(Vec::new());
    let content = language_from_json(&mut report, code, code, value);
    match content {
        Some(mut content) if report.0.is_empty() => {
            // The built-in languages translate one set of statements, so partners who took
            // the quiz in two of them can still compare (see `pair::fingerprint`).
            content.statements_replaced = false;
            Ok(content)
        }
        _ => Err(report.0),
    }
}

/// A built-in language read from its source file through `builtin_language`, for native
/// tools and unit tests. (A page downloads its one language as a packed file instead; the
/// build makes those with the same function, see `modules/config`.) (`generated`: see
/// `content::BUILTIN_LANGUAGES`.)
#[cfg(generated)]
pub fn builtin(code: &str) -> Result<std::rc::Rc<Content>, Vec<Problem>> {
    use std::cell::RefCell;
    use std::rc::Rc;
    /// (code, source file), written by build.rs for every `content/<code>.json`.
    const SOURCES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/language-sources.rs"));
    thread_local! {
        static CACHE: RefCell<Vec<(String, Rc<Content>)>> = const { RefCell::new(Vec::new()) };
    }
    if let Some(hit) = CACHE.with(|c| {
        c.borrow()
            .iter()
            .find(|(c, _)| c == code)
            .map(|(_, v)| v.clone())
    }) {
        return Ok(hit);
    }
    let missing = || Problem {
        severity: Severity::Error,
        path: code.to_owned(),
        message: "no such built-in language".to_owned(),
    };
    let (_, text) = SOURCES
        .iter()
        .find(|(c, _)| *c == code)
        .ok_or_else(|| vec![missing()])?;
    let value = super::json::parse(text).map_err(|e| {
        vec![Problem {
            severity: Severity::Error,
            path: code.to_owned(),
            message: e.to_string(),
        }]
    })?;
    let content = Rc::new(builtin_language(code, &value)?);
    CACHE.with(|c| c.borrow_mut().push((code.to_owned(), content.clone())));
    Ok(content)
}

impl Content {
    /// Every problem the one validator finds in this content, read back as the language
    /// file it would be (`language_json`): what the tests use to show that whatever a
    /// configuration makes is content a language file could hold.
    pub fn validate(&self) -> Vec<Problem> {
        let mut report = Report(Vec::new());
        language_from_json(&mut report, &self.lang, &self.lang, &language_json(self));
        report.0
    }

    /// A language file's text read as build.rs reads it, named by its `lang` (tests only).
    #[cfg(test)]
    pub fn from_json(json: &str) -> Result<Content, Vec<Problem>> {
        let value = super::json::parse(json).map_err(|e| {
            vec![Problem {
                severity: Severity::Error,
                path: "content".to_owned(),
                message: e.to_string(),
            }]
        })?;
        let code = value
            .get("lang")
            .and_then(Value::as_str)
            .unwrap_or_default();
        builtin_language(code, &value)
    }
}

/// The language file `content` is read from (the inverse of `language_from_json`).
pub fn language_json(content: &Content) -> Value {
    fn texts<'c>(pairs: impl Iterator<Item = (&'static str, &'c str)>) -> Value {
        Value::object(pairs.map(|(k, t)| (k, Value::from(t))))
    }
    let mut ui = texts(content.ui.texts());
    if let Value::Object(map) = &mut ui {
        map.insert("intro".to_owned(), content.ui.intro.clone().into());
    }
    let band = |b: &super::content::BandText| {
        Value::object([
            ("label", b.label.as_str().into()),
            ("sentence", b.sentence.as_str().into()),
            ("summary", b.summary.as_str().into()),
        ])
    };
    let dimensions = content.dimensions.iter().map(|d| {
        let items = d.items.iter().map(|i| {
            Value::object([
                ("text", i.text.as_str().into()),
                ("reverse", i.reverse.into()),
            ])
        });
        Value::object([
            ("id", d.id.as_str().into()),
            ("name", d.name.as_str().into()),
            ("description", d.description.as_str().into()),
            ("items", Value::Array(items.collect())),
            ("tips", d.tips.clone().into()),
            ("starters", d.starters.clone().into()),
        ])
    });
    let faq = content.faq.iter().map(|e| {
        Value::object([
            ("slug", e.slug.as_str().into()),
            ("question", e.question.as_str().into()),
            ("answer", e.answer.clone().into()),
        ])
    });
    Value::object([
        ("lang", content.lang.as_str().into()),
        ("dir", content.dir.as_str().into()),
        ("digits", content.digits.as_str().into()),
        ("ui", ui),
        ("scale", content.scale.clone().into()),
        (
            "bands",
            Value::object([
                ("strength", band(&content.bands.strength)),
                ("grow", band(&content.bands.grow)),
                ("explore", band(&content.bands.explore)),
            ]),
        ),
        ("dimensions", Value::Array(dimensions.collect())),
        ("safety", texts(content.safety.texts())),
        ("compare", texts(content.compare.texts())),
        ("faq", Value::Array(faq.collect())),
    ])
}

#[cfg(test)]
mod tests;
