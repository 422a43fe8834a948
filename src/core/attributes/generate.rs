//! Used by `build.rs` only (not a module of the crate): reads `attributes.json`, the one
//! definition of the element's attributes, with the crate's own JSON reader, refuses a table
//! that breaks its rules (see the file's `$comment`), and writes the Rust that
//! `src/core/attributes.rs` includes.

use crate::core::json::{self, Map, Value};
use std::collections::BTreeSet;

const FIELDS: [&str; 10] = [
    "name",
    "type",
    "values",
    "open",
    "default",
    "default_text",
    "description",
    "on_change",
    "read_by",
    "offered",
];

/// The Rust for `src/core/attributes.rs`, or what is wrong with the table.
pub fn rust(text: &str) -> Result<String, String> {
    let file = json::parse(text).map_err(|e| e.to_string())?;
    let rows = file
        .get("attributes")
        .and_then(Value::as_array)
        .ok_or("expected an \"attributes\" list")?;
    let mut names = BTreeSet::new();
    let mut fields = String::new();
    let mut table = String::from("&[\n");
    for (i, row) in rows.iter().enumerate() {
        let row = row
            .as_object()
            .ok_or(format!("attributes[{i}]: expected an object"))?;
        let name = text_field(row, "name")?.ok_or(format!("attributes[{i}]: no name"))?;
        let line = entry(row, name).map_err(|e| format!("attribute \"{name}\": {e}"))?;
        if !names.insert(name) {
            return Err(format!("attribute \"{name}\" is listed twice"));
        }
        if text_field(row, "read_by")? == Some("widget") {
            fields.push_str(&format!("    {} = {name:?},\n", name.replace('-', "_")));
        }
        table.push_str(&line);
    }
    Ok(format!(
        "element_attributes! {{\n{fields}}}\n\n/// Every attribute, in the order of `attributes.json`.\npub const TABLE: &[Attribute] = {table}];\n"
    ))
}

/// A text field, if present.
fn text_field<'a>(row: &'a Map, key: &str) -> Result<Option<&'a str>, String> {
    match row.get(key) {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(format!("\"{key}\" should be text")),
    }
}

/// One of `allowed`, as the Rust variant of the same name (`on_change: "restart"` → `Restart`).
fn variant(row: &Map, key: &str, allowed: &[&str]) -> Result<String, String> {
    match text_field(row, key)? {
        Some(v) if allowed.contains(&v) => {
            let mut chars = v.chars();
            Ok(chars
                .next()
                .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default())
        }
        _ => Err(format!("\"{key}\" is one of {allowed:?}")),
    }
}

/// Checks a row and writes its line of `TABLE`.
fn entry(row: &Map, name: &str) -> Result<String, String> {
    if let Some(key) = row.keys().find(|k| !FIELDS.contains(&k.as_str())) {
        return Err(format!(
            "unknown field \"{key}\"; the fields are {FIELDS:?}"
        ));
    }
    // Each name is also a Rust field (hyphens become underscores) and a JavaScript string.
    let word = |w: &str| {
        w.starts_with(|c: char| c.is_ascii_lowercase())
            && w.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
    };
    if !name.split('-').all(word) {
        return Err("names are lowercase words joined by hyphens".into());
    }
    let kind = variant(row, "type", &["text", "flag", "choice", "switch"])?;
    let on_change = variant(row, "on_change", &["restart", "apply", "ignore"])?;
    let read_by = variant(row, "read_by", &["widget", "loader"])?;
    let description = text_field(row, "description")?.unwrap_or("");
    if description.trim().is_empty() || description.contains('\n') {
        return Err("needs a one-line description".into());
    }
    let open = text_field(row, "open")?;
    let default = text_field(row, "default")?;
    let default_text = text_field(row, "default_text")?;
    if !matches!(row.get("offered"), None | Some(Value::Bool(_))) {
        return Err("\"offered\" is true or false".into());
    }
    let values: Vec<&str> = match (kind.as_str(), row.get("values")) {
        ("Choice", Some(Value::Array(list))) if !list.is_empty() => list
            .iter()
            .map(|v| v.as_str().ok_or("a choice's values are texts"))
            .collect::<Result<_, _>>()?,
        ("Choice", _) => return Err("a choice lists its values".into()),
        ("Text", Some(Value::String(words))) if !words.trim().is_empty() => Vec::new(),
        ("Text", _) => return Err("a text says in words what it accepts (values)".into()),
        (_, None) => Vec::new(),
        _ => return Err("a flag or switch has no values of its own".into()),
    };
    if open.is_some() && kind != "Choice" {
        return Err("only a choice can be open".into());
    }
    match (kind.as_str(), default) {
        ("Flag", Some(_)) => return Err("a flag is off by default".into()),
        ("Switch", Some("on" | "off")) | ("Flag", None) => {}
        ("Switch", _) => return Err("a switch's default is \"on\" or \"off\"".into()),
        ("Choice", Some(d)) if !values.contains(&d) => {
            return Err(format!("the default \"{d}\" is not one of its values"))
        }
        (_, None) if default_text.is_none() => {
            return Err("needs a default or a default_text".into())
        }
        _ => {}
    }
    Ok(format!(
        "    Attribute {{ name: {name:?}, kind: Kind::{kind}, values: &{values:?}, open: {}, default: {default:?}, on_change: OnChange::{on_change}, read_by: ReadBy::{read_by} }},\n",
        open.is_some(),
    ))
}
