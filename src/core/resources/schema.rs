//! The helpline directory's data types, shared with `build.rs`, which checks
//! `content/resources.json` against them (see `content/schema.rs`).

use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Violence,
    Crisis,
    Directory,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sms {
    pub number: String,
    pub keyword: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resource {
    pub kind: Kind,
    pub name: String,
    /// The number as people write it locally.
    #[serde(default)]
    pub phone: Option<String>,
    /// The number for the `tel:` link.
    #[serde(default)]
    pub tel: Option<String>,
    #[serde(default)]
    pub sms: Option<Sms>,
    #[serde(default)]
    pub url: Option<String>,
}

/// The services of one region. Lists rather than maps, because map code costs the
/// download several kilobytes for a handful of entries.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// ISO 3166 code, upper case: `GB`.
    pub code: String,
    /// Languages whose visitors get this region when their tag names none (`en` → `US`).
    pub default_for: Vec<String>,
    pub resources: Vec<Resource>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Directory {
    pub regions: Vec<Region>,
    /// Shown everywhere, last: an international directory of helplines.
    pub international: Vec<Resource>,
}
