//! Problems in a publisher's configuration or a language file, with their paths, and the
//! small helpers that phrase them ("a number", "did you mean `faq`?").

use std::fmt;

use super::json::{Map, Value};
use super::settings::LOG_PREFIX;

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

/// The problems found so far, in the order met; every check adds to it and carries on.
pub struct Report(pub Vec<Problem>);

impl Report {
    pub fn error(&mut self, path: &str, message: impl Into<String>) {
        self.0.push(Problem {
            severity: Severity::Error,
            path: path.to_owned(),
            message: message.into(),
        });
    }

    pub fn warn(&mut self, path: &str, message: impl Into<String>) {
        self.0.push(Problem {
            severity: Severity::Warning,
            path: path.to_owned(),
            message: message.into(),
        });
    }

    /// Warns about keys not in `known`, suggesting the closest known key.
    pub fn unknown_keys(&mut self, path: &str, object: &Map, known: &[&str]) {
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

    pub fn text(&mut self, path: &str, value: &Value) -> Option<String> {
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
    pub fn required_text(&mut self, map: &Map, path: &str, key: &str, why: &str) -> Option<String> {
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
    pub fn override_text(&mut self, map: &Map, path: &str, key: &str, slot: &mut String) {
        if let Some(v) = map.get(key) {
            if let Some(text) = self.text(&format!("{path}.{key}"), v) {
                *slot = text;
            }
        }
    }

    pub fn object<'v>(&mut self, path: &str, value: &'v Value) -> Option<&'v Map> {
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

    pub fn list<'v>(&mut self, path: &str, value: &'v Value) -> Option<&'v [Value]> {
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
    pub fn paragraphs(&mut self, path: &str, value: &Value) -> Option<Vec<String>> {
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
pub fn kind_of(value: &Value) -> &'static str {
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

pub fn describe(value: &Value) -> String {
    match value {
        Value::String(s) => format!("\"{s}\""),
        other => kind_of(other).to_owned(),
    }
}
