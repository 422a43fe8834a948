//! Crisis and partner-violence resources, chosen by region.
//!
//! The data (`content/resources.json`) is per region, each naming its country in every
//! built-in language; the words around it ("Call …") come from the language file.
//! Partner-violence services come first, because the safety panel opens when a visitor says
//! they feel afraid. The types are plain data; the checks on what goes in are
//! `config::helplines`, for the built-in directory as for a publisher's list.

use super::locale::Locale;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Violence,
    Crisis,
    Directory,
    /// The country's emergency number: not listed with the services, but named in the
    /// emergency line ("call the emergency number in Mexico: Call 911"), which otherwise
    /// can only say "your local emergency number".
    Emergency,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sms {
    /// The number as people write it locally (the link sends to its digits).
    pub number: String,
    /// The word to send, where the service asks for one (`START`); `None`: any message.
    pub keyword: Option<String>,
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
    /// The country the service is for, named in the visitor's language; `None` for the
    /// international directory and a publisher's own list.
    pub country: Option<String>,
}

/// The services of one region. Lists rather than maps, because map code costs the
/// download several kilobytes for a handful of entries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    /// ISO 3166 code, upper case: `GB`.
    pub code: String,
    /// The country's name in each built-in language: (language code, name).
    pub names: Vec<(String, String)>,
    pub resources: Vec<Resource>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directory {
    pub regions: Vec<Region>,
    /// An international directory of helplines: first where no region fits, else last.
    pub international: Vec<Resource>,
}

impl Resource {
    pub fn tel_href(&self) -> Option<String> {
        self.tel.as_ref().map(|t| format!("tel:{t}"))
    }

    pub fn sms_href(&self) -> Option<String> {
        self.sms.as_ref().map(|s| {
            let number = phone_digits(&s.number).unwrap_or_default();
            match &s.keyword {
                Some(keyword) => format!("sms:{number}?body={keyword}"),
                None => format!("sms:{number}"),
            }
        })
    }
}

impl Region {
    /// The country's name in `language`, else in English (a publisher's own language has
    /// none of its own), else its code.
    pub fn name(&self, language: &str) -> &str {
        let named = |code: &str| {
            self.names
                .iter()
                .find(|(l, _)| l == code)
                .map(|(_, name)| name.as_str())
        };
        named(language)
            .or_else(|| named("en"))
            .unwrap_or(&self.code)
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
            .map(|&(code, names)| Region {
                code: code.to_owned(),
                names: names
                    .iter()
                    .map(|&(l, name)| (l.to_owned(), name.to_owned()))
                    .collect(),
                resources: services(code),
            })
            .collect(),
        international: services(""),
    }
}

/// (code, its name in each built-in language), and (region code or "" for the international
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
type RegionRow = (&'static str, &'static [(&'static str, &'static str)]);
#[cfg(generated)]
const TABLES: (&[RegionRow], &[Service]) = include!(concat!(env!("OUT_DIR"), "/resources.rs"));

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
                "emergency" => Kind::Emergency,
                _ => Kind::Directory,
            },
            name: name.to_owned(),
            phone: text(phone),
            tel: text(tel),
            sms: text(sms).map(|number| Sms {
                number,
                keyword: text(keyword),
            }),
            url: text(url),
            country: None,
        })
        .collect()
}

/// `https://www.example.org/x` → `example.org`, to show where a link goes.
pub fn host_of(url: &str) -> &str {
    let rest = url.split("://").nth(1).unwrap_or(url);
    let host = rest.split('/').next().unwrap_or(rest);
    host.strip_prefix("www.").unwrap_or(host)
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
    /// The region whose services to show: the publisher's `region`, else the first of the
    /// visitor's browser languages (`navigator.languages`, most preferred first) that names
    /// a country we have services for (`en-GB` → GB, `fr-CA` → CA). A bare language (`en`,
    /// `es`, `ar`) names no country, and no guess is better than a wrong one: English is
    /// read far beyond the United States, Spanish beyond Spain. `None` (or a region we have
    /// nothing for) puts the international directory first.
    pub fn region(&self, publisher: Option<&str>, browser_languages: &[String]) -> Option<String> {
        publisher.map(str::to_ascii_uppercase).or_else(|| {
            browser_languages
                .iter()
                .filter_map(|tag| Locale::parse(tag)?.region)
                .find(|code| self.regions.iter().any(|r| &r.code == code))
        })
    }

    /// Resources for a region, partner-violence services first, each naming its country in
    /// `language`, then the international directory. An unknown region, or none, gets the
    /// directory alone.
    pub fn select(&self, region: Option<&str>, language: &str) -> Vec<Resource> {
        let region = region.map(str::to_ascii_uppercase);
        let mut list = match self
            .regions
            .iter()
            .find(|r| Some(&r.code) == region.as_ref())
        {
            Some(r) => {
                let country = r.name(language);
                violence_first(&r.resources)
                    .into_iter()
                    .map(|resource| Resource {
                        country: Some(country.to_owned()),
                        ..resource
                    })
                    .collect()
            }
            None => Vec::new(),
        };
        list.extend(self.international.iter().cloned());
        list
    }
}

/// Partner-violence services first, then crisis lines, the emergency number, then
/// directories, each group in its given order (a stable sort by kind, without a sort's code
/// size).
pub fn violence_first(list: &[Resource]) -> Vec<Resource> {
    [
        Kind::Violence,
        Kind::Crisis,
        Kind::Emergency,
        Kind::Directory,
    ]
    .iter()
    .flat_map(|kind| list.iter().filter(move |r| r.kind == *kind))
    .cloned()
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts() {
        assert_eq!(host_of("https://www.thehotline.org"), "thehotline.org");
        assert_eq!(host_of("https://988lifeline.org/x"), "988lifeline.org");
        assert_eq!(host_of("odd"), "odd");
    }

    fn names(list: &[Resource]) -> Vec<&str> {
        list.iter().map(|r| r.name.as_str()).collect()
    }

    fn dir() -> Directory {
        builtin()
    }

    fn languages(tags: &[&str]) -> Vec<String> {
        tags.iter().map(|t| (*t).to_owned()).collect()
    }

    /// The region a visitor with these browser languages gets when the publisher sets none.
    fn inferred(tags: &[&str]) -> Option<String> {
        dir().region(None, &languages(tags))
    }

    #[test]
    fn the_compiled_directory_passes_the_publisher_checks() {
        let json =
            crate::core::json::parse(include_str!(concat!(env!("OUT_DIR"), "/resources.json")));
        let checked = crate::core::config::builtin_directory(
            &json.unwrap(),
            crate::core::content::BUILTIN_LANGUAGES,
        )
        .unwrap();
        assert_eq!(builtin(), checked);
    }

    #[test]
    fn united_states() {
        let list = dir().select(Some("US"), "en");
        assert_eq!(
            names(&list),
            [
                "National Domestic Violence Hotline",
                "988 Suicide & Crisis Lifeline",
                "911",
                "Find A Helpline"
            ]
        );
        assert_eq!(list[0].tel_href().as_deref(), Some("tel:+18007997233"));
        assert_eq!(list[0].sms_href().as_deref(), Some("sms:88788?body=START"));
        assert_eq!(list[1].tel_href().as_deref(), Some("tel:988"));
        assert_eq!(
            list[1].sms_href().as_deref(),
            Some("sms:988"),
            "988 takes texts"
        );
    }

    #[test]
    fn other_regions() {
        let d = dir();
        assert_eq!(
            names(&d.select(Some("gb"), "en"))[..2],
            ["Refuge National Domestic Abuse Helpline", "Samaritans"]
        );
        assert_eq!(d.select(Some("GB"), "en")[1].tel.as_deref(), Some("116123"));
        let ca = d.select(Some("CA"), "en");
        assert_eq!(
            (ca[0].kind, ca[0].phone.as_deref()),
            (Kind::Violence, None),
            "family-violence help by province, first"
        );
        assert!(ca[0]
            .url
            .as_deref()
            .is_some_and(|u| u.contains("justice.gc.ca")));
        assert_eq!(ca[1].phone.as_deref(), Some("988"));
        assert_eq!(
            ca[1].sms_href().as_deref(),
            Some("sms:988"),
            "Canada's 988 takes texts too"
        );
        assert_eq!(
            (ca[2].kind, ca[2].tel.as_deref()),
            (Kind::Emergency, Some("911"))
        );
        let au = d.select(Some("AU"), "en");
        assert_eq!(au[0].phone.as_deref(), Some("1800 737 732"));
        assert_eq!(au[1].phone.as_deref(), Some("13 11 14"));
        let es = d.select(Some("ES"), "es");
        assert_eq!(
            (es[0].kind, es[0].tel.as_deref()),
            (Kind::Violence, Some("016"))
        );
        assert_eq!(
            (es[1].kind, es[1].tel.as_deref()),
            (Kind::Crisis, Some("024"))
        );
        // Spain's short numbers say in words what each is for.
        assert!(es[0].name.contains("violencia"), "{}", es[0].name);
        assert!(es[1].name.contains("suicid"), "{}", es[1].name);
    }

    #[test]
    fn every_block_names_its_country_in_the_visitors_language() {
        let d = dir();
        for (region, language, country) in [
            ("US", "en", "United States"),
            ("GB", "en", "United Kingdom"),
            ("GB", "es", "Reino Unido"),
            ("GB", "ar", "المملكة المتحدة"),
            ("CA", "es", "Canadá"),
            ("AU", "ar", "أستراليا"),
            ("ES", "es", "España"),
            ("ES", "en", "Spain"),
            // A publisher's own language has no names of its own: English.
            ("GB", "fr", "United Kingdom"),
        ] {
            let list = d.select(Some(region), language);
            let regional: Vec<&Resource> =
                list.iter().filter(|r| r.kind != Kind::Directory).collect();
            assert!(!regional.is_empty(), "{region}");
            for r in regional {
                assert_eq!(r.country.as_deref(), Some(country), "{region} {language}");
            }
            let directory = list.last().unwrap();
            assert_eq!(
                (directory.kind, &directory.country),
                (Kind::Directory, &None)
            );
        }
        for region in &d.regions {
            for language in crate::core::content::BUILTIN_LANGUAGES {
                assert!(
                    region.names.iter().any(|(l, _)| l == language),
                    "{} has no name in {language}",
                    region.code
                );
            }
        }
    }

    #[test]
    fn nothing_fits_the_directory_alone() {
        let d = dir();
        for region in [None, Some("FR")] {
            let list = d.select(region, "en");
            assert_eq!(names(&list), ["Find A Helpline"], "{region:?}");
            assert_eq!(list[0].url.as_deref(), Some("https://findahelpline.com"));
        }
        // Mexico: no services here, but its emergency number, named with the country.
        let mx = d.select(Some("MX"), "es");
        assert_eq!(mx.len(), 2);
        assert_eq!(
            (mx[0].kind, mx[0].tel.as_deref(), mx[0].country.as_deref()),
            (Kind::Emergency, Some("911"), Some("México"))
        );
        assert_eq!(mx[1].kind, Kind::Directory);
        assert_eq!(
            d.region(None, &languages(&["es-MX"])).as_deref(),
            Some("MX")
        );
    }

    #[test]
    fn the_browser_names_the_country() {
        for (tags, region) in [
            (&["en-GB"][..], Some("GB")),
            (&["en-AU", "en"], Some("AU")),
            (&["en-CA"], Some("CA")),
            (&["fr-CA", "fr"], Some("CA")),
            (&["en-US", "en"], Some("US")),
            (&["es-ES"], Some("ES")),
            (&["es-US", "es"], Some("US")),
            (&["EN_gb"], Some("GB")),
            // The first language that names a country we have services for.
            (&["fr-FR", "fr", "en-GB"], Some("GB")),
            (&["de-DE", "es", "en-US"], Some("US")),
            // Mexico has no services here but its emergency number: better than the
            // United States' lines for a visitor in Mexico.
            (&["es-MX", "es", "en-US"], Some("MX")),
        ] {
            assert_eq!(inferred(tags).as_deref(), region, "{tags:?}");
        }
    }

    #[test]
    fn no_guess_is_better_than_a_wrong_country() {
        for tags in [
            &["en"][..],
            &["es"],
            &["ar"],
            &["en", "es", "ar"],
            &["es-AR", "es"],
            &["es-419"],
            &["ar-EG", "ar"],
            &["fr-FR"],
            &[],
            &["", "??", "english", "12-US"],
        ] {
            assert_eq!(inferred(tags), None, "{tags:?}");
        }
    }

    #[test]
    fn the_publisher_decides() {
        let d = dir();
        let browser = languages(&["en-GB"]);
        assert_eq!(d.region(Some("au"), &browser).as_deref(), Some("AU"));
        // A country we have nothing for stays the publisher's choice: the directory first,
        // never another country's lines.
        assert_eq!(d.region(Some("FR"), &browser).as_deref(), Some("FR"));
        assert_eq!(names(&d.select(Some("FR"), "en")), ["Find A Helpline"]);
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
