//! The helpline directory's data types, shared with `build.rs` (see `content/schema.rs`).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Violence,
    Crisis,
    Directory,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sms {
    pub number: String,
    pub keyword: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Directory {
    /// Region used when the language tag names none (`en` → `US`).
    pub default_region: BTreeMap<String, String>,
    pub regions: BTreeMap<String, Vec<Resource>>,
    /// Shown everywhere, last: an international directory of helplines.
    pub international: Vec<Resource>,
}
