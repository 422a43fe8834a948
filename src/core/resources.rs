//! Crisis and partner-violence resources, chosen by region.
//!
//! The data (`content/resources.json`) is per region; the words around it ("Call …") come
//! from the language file. Partner-violence services come first, because the safety panel
//! opens when a visitor says they feel afraid. The types are plain data; the checks on
//! what goes in are `config::helplines`, for the built-in directory as for a publisher's list.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Violence,
    Crisis,
    Directory,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sms {
    pub number: String,
    pub keyword: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resource {
    pub kind: Kind,
    pub name: String,
    /// The number as people write it locally.
    pub phone: Option<String>,
    /// The number for the `tel:` link.
    pub tel: Option<String>,
    pub sms: Option<Sms>,
    pub url: Option<String>,
}

/// The services of one region. Lists rather than maps, because map code costs the
/// download several kilobytes for a handful of entries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    /// ISO 3166 code, upper case: `GB`.
    pub code: String,
    /// Languages whose visitors get this region when their tag names none (`en` → `US`).
    pub default_for: Vec<String>,
    pub resources: Vec<Resource>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directory {
    pub regions: Vec<Region>,
    /// Shown everywhere, last: an international directory of helplines.
    pub international: Vec<Resource>,
}

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

/// The built-in directory (`content/resources.json`), compiled in as tables of text by
/// build.rs so the widget needs no parser for it (data costs the download far less than the
/// same directory written as code), after build.rs has put it through a publisher's list's
/// checks. (`generated`: see `content::BUILTIN_LANGUAGES`.)
#[cfg(generated)]
pub fn builtin() -> Directory {
    Directory {
        regions: TABLES
            .0
            .iter()
            .map(|&(code, default_for)| Region {
                code: code.to_owned(),
                default_for: default_for.iter().map(|l| (*l).to_owned()).collect(),
                resources: services(code),
            })
            .collect(),
        international: services(""),
    }
}

/// (code, languages it is the default for), and (region code or "" for the international
/// list, kind, name, phone, tel, sms number, sms keyword, url) with "" for none.
#[cfg(generated)]
type Service = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);
#[cfg(generated)]
const TABLES: (&[(&str, &[&str])], &[Service]) =
    include!(concat!(env!("OUT_DIR"), "/resources.rs"));

#[cfg(generated)]
fn services(region: &str) -> Vec<Resource> {
    let text = |s: &str| (!s.is_empty()).then(|| s.to_owned());
    TABLES
        .1
        .iter()
        .filter(|service| service.0 == region)
        .map(|&(_, kind, name, phone, tel, sms, keyword, url)| Resource {
            kind: match kind {
                "violence" => Kind::Violence,
                "crisis" => Kind::Crisis,
                _ => Kind::Directory,
            },
            name: name.to_owned(),
            phone: text(phone),
            tel: text(tel),
            sms: text(sms).map(|number| Sms {
                number,
                keyword: keyword.to_owned(),
            }),
            url: text(url),
        })
        .collect()
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
mod tests {
    use super::*;

    fn names(list: &[Resource]) -> Vec<&str> {
        list.iter().map(|r| r.name.as_str()).collect()
    }

    fn dir() -> Directory {
        builtin()
    }

    #[test]
    fn the_compiled_directory_passes_the_publisher_checks() {
        let json =
            crate::core::json::parse(include_str!(concat!(env!("OUT_DIR"), "/resources.json")));
        let checked = crate::core::config::builtin_directory(&json.unwrap()).unwrap();
        assert_eq!(builtin(), checked);
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
