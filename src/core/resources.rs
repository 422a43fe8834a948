//! Crisis and partner-violence resources, chosen by region.
//!
//! The data (`content/resources.json`) is per region; the words around it ("Call …") come
//! from the language file. Partner-violence services come first, because the safety panel
//! opens when a visitor says they feel afraid.

// Input path: publisher and stored data reach this code, and with `panic = "abort"` one
// panic would stop every widget on the page.
#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::rc::Rc;

use super::config::builtin_directory;
use super::json;

mod schema;
pub use schema::*;

impl Resource {
    pub fn tel_href(&self) -> Option<String> {
        self.tel.as_ref().map(|t| format!("tel:{t}"))
    }

    pub fn sms_href(&self) -> Option<String> {
        self.sms
            .as_ref()
            .map(|s| format!("sms:{}?body={}", s.number, s.keyword))
    }
}

/// The built-in directory, read once (through the checks a publisher's list gets).
pub fn builtin() -> Option<Rc<Directory>> {
    thread_local! {
        static DIRECTORY: Option<Rc<Directory>> =
            json::parse(include_str!(concat!(env!("OUT_DIR"), "/resources.json")))
                .ok()
                .and_then(|value| builtin_directory(&value).ok())
                .map(Rc::new);
    }
    DIRECTORY.with(Clone::clone)
}

impl Directory {
    /// The region whose services to show: the publisher's choice, else the language tag's
    /// region, else the language's usual region. `None` means international only.
    pub fn region(
        &self,
        publisher: Option<&str>,
        locale_region: Option<&str>,
        language: &str,
    ) -> Option<String> {
        publisher
            .or(locale_region)
            .map(str::to_ascii_uppercase)
            .or_else(|| {
                self.regions
                    .iter()
                    .find(|r| r.default_for.iter().any(|l| l == language))
                    .map(|r| r.code.clone())
            })
    }

    /// Resources for a region, partner-violence services first, the international
    /// directory last. An unknown region gets the directory alone.
    pub fn select(&self, region: Option<&str>) -> Vec<Resource> {
        let region = region.map(str::to_ascii_uppercase);
        let own = self
            .regions
            .iter()
            .find(|r| Some(&r.code) == region.as_ref())
            .map(|r| r.resources.as_slice())
            .unwrap_or_default();
        let mut list = violence_first(own);
        list.extend(self.international.iter().cloned());
        list
    }
}

/// Partner-violence services first, then crisis lines, then directories, each group in its
/// given order (a stable sort by kind, without a sort's code size).
pub fn violence_first(list: &[Resource]) -> Vec<Resource> {
    [Kind::Violence, Kind::Crisis, Kind::Directory]
        .iter()
        .flat_map(|kind| list.iter().filter(move |r| r.kind == *kind))
        .cloned()
        .collect()
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]
mod tests {
    use super::*;

    fn names(list: &[Resource]) -> Vec<&str> {
        list.iter().map(|r| r.name.as_str()).collect()
    }

    fn dir() -> Rc<Directory> {
        builtin().expect("resources.json parses")
    }

    #[test]
    fn united_states() {
        let list = dir().select(Some("US"));
        assert_eq!(
            names(&list),
            [
                "National Domestic Violence Hotline",
                "988 Suicide & Crisis Lifeline",
                "Find A Helpline"
            ]
        );
        assert_eq!(list[0].tel_href().as_deref(), Some("tel:+18007997233"));
        assert_eq!(list[0].sms_href().as_deref(), Some("sms:88788?body=START"));
        assert_eq!(list[1].tel_href().as_deref(), Some("tel:988"));
    }

    #[test]
    fn other_regions() {
        let d = dir();
        assert_eq!(
            names(&d.select(Some("gb")))[..2],
            ["Refuge National Domestic Abuse Helpline", "Samaritans"]
        );
        assert_eq!(d.select(Some("GB"))[1].tel.as_deref(), Some("116123"));
        assert_eq!(d.select(Some("CA"))[0].phone.as_deref(), Some("988"));
        let au = d.select(Some("AU"));
        assert_eq!(au[0].phone.as_deref(), Some("1800 737 732"));
        assert_eq!(au[1].phone.as_deref(), Some("13 11 14"));
        let es = d.select(Some("ES"));
        assert_eq!(
            (es[0].kind, es[0].tel.as_deref()),
            (Kind::Violence, Some("016"))
        );
        assert_eq!(
            (es[1].kind, es[1].tel.as_deref()),
            (Kind::Crisis, Some("024"))
        );
        assert_eq!(names(&d.select(Some("FR"))), ["Find A Helpline"]);
        assert_eq!(names(&d.select(None)), ["Find A Helpline"]);
    }

    #[test]
    fn region_choice() {
        let d = dir();
        assert_eq!(
            d.region(Some("au"), Some("GB"), "en").as_deref(),
            Some("AU"),
            "publisher first"
        );
        assert_eq!(
            d.region(None, Some("GB"), "en").as_deref(),
            Some("GB"),
            "then the tag"
        );
        assert_eq!(
            d.region(None, None, "en").as_deref(),
            Some("US"),
            "then the language"
        );
        assert_eq!(d.region(None, None, "es").as_deref(), Some("ES"));
        assert_eq!(d.region(None, None, "ar"), None, "else international only");
    }

    #[test]
    fn every_link_is_safe() {
        let d = dir();
        for r in d
            .regions
            .iter()
            .flat_map(|r| &r.resources)
            .chain(&d.international)
        {
            for href in [r.tel_href(), r.sms_href(), r.url.clone()]
                .into_iter()
                .flatten()
            {
                assert!(
                    crate::core::rich_text::is_safe_href(&href) || href.starts_with("sms:"),
                    "{href}"
                );
            }
            assert!(r
                .tel
                .as_deref()
                .is_none_or(|t| t.chars().all(|c| c.is_ascii_digit() || c == '+')));
        }
    }
}
