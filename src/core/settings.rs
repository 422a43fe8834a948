//! Publisher attributes → validated `Settings`, with every problem explained.
//!
//! A bad attribute never stops the widget: the problem is reported (the embed layer logs
//! it with `console.error`) and the built-in default is used for that setting alone.

use thiserror::Error;

pub use super::attributes::Attributes;
use super::locale::{choose, Locale};
use super::rich_text::is_safe_href;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub locale: Locale,
    pub show_quiz: bool,
    pub show_faq: bool,
    /// `faq-mode="single"`: opening one FAQ entry closes the others.
    pub faq_single: bool,
    pub faq_schema: bool,
    /// Heading level (2–6) of the FAQ entries; the FAQ title uses one level above.
    pub faq_heading_level: u8,
    pub cta_href: Option<String>,
    pub cta_label: Option<String>,
    /// A phone number shown under the call to action, from the JSON configuration.
    pub cta_phone: Option<String>,
    /// Add the overall and per-dimension scores (never answers) to `ei-complete`.
    pub share_score: bool,
    /// Offer comparing results with a partner (pair codes, taking turns); `compare="off"`.
    pub compare: bool,
    /// Offer keeping results: "Save my results" and "then and now"; `keepsake="off"`.
    pub keepsake: bool,
    /// Where Quick exit sends the visitor (`location.replace`, so Back does not return).
    pub quick_exit_href: String,
    /// The publisher's region for crisis resources (ISO 3166 alpha-2), if set.
    pub region: Option<String>,
    /// The FAQ slug named by a `#faq-<slug>` fragment in the host page URL.
    pub faq_deep_link: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            locale: Locale {
                language: "en".into(),
                region: None,
            },
            show_quiz: true,
            show_faq: true,
            faq_single: false,
            faq_schema: false,
            faq_heading_level: 3,
            cta_href: None,
            cta_label: None,
            cta_phone: None,
            share_score: false,
            compare: true,
            keepsake: true,
            quick_exit_href: DEFAULT_QUICK_EXIT.to_owned(),
            region: None,
            faq_deep_link: None,
        }
    }
}

/// A publisher mistake, with what was wrong and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SettingsError {
    #[error(
        "sections=\"{value}\": unknown section \"{word}\"; use \"quiz\", \"faq\" or \"quiz faq\""
    )]
    UnknownSection { value: String, word: String },
    #[error("sections=\"{value}\": names no section; use \"quiz\", \"faq\" or \"quiz faq\"")]
    NoSection { value: String },
    #[error("faq-mode=\"{value}\": expected \"single\" or \"multiple\"")]
    FaqMode { value: String },
    #[error("faq-heading-level=\"{value}\": expected a number from 2 to 6")]
    HeadingLevel { value: String },
    #[error("cta-href=\"{value}\": is not an http(s), tel: or mailto: URL or a relative link; the button is hidden")]
    CtaHref { value: String },
    #[error("quick-exit-href=\"{value}\": must be an http(s) URL of a neutral page; using {DEFAULT_QUICK_EXIT}")]
    QuickExitHref { value: String },
    #[error("compare=\"{value}\": expected \"off\" (or \"on\", the default); comparing with a partner stays on")]
    Compare { value: String },
    #[error(
        "keepsake=\"{value}\": expected \"off\" (or \"on\", the default); saving results stays on"
    )]
    Keepsake { value: String },
    #[error("theme=\"{value}\": expected \"light\", \"dark\" or \"auto\"; following the page around the widget")]
    Theme { value: String },
    #[error("region=\"{value}\": expected a two-letter country code such as \"US\" or \"GB\"")]
    Region { value: String },
    #[error("lang=\"{value}\": no such language here; available: {available}. Showing {shown}")]
    Lang {
        value: String,
        available: String,
        shown: String,
    },
}

/// A neutral, widely used page: a weather search. (`attributes.json` documents it as the
/// default of `quick-exit-href`; a test keeps the two equal.)
pub const DEFAULT_QUICK_EXIT: &str = "https://www.google.com/search?q=weather";

/// The prefix every console message carries, so publishers can find ours.
pub const LOG_PREFIX: &str = "emotional-intimacy-widget";

impl SettingsError {
    /// The attribute the problem is about, for the message's path.
    pub fn attribute(&self) -> &'static str {
        match self {
            SettingsError::UnknownSection { .. } | SettingsError::NoSection { .. } => "sections",
            SettingsError::FaqMode { .. } => "faq-mode",
            SettingsError::HeadingLevel { .. } => "faq-heading-level",
            SettingsError::CtaHref { .. } => "cta-href",
            SettingsError::QuickExitHref { .. } => "quick-exit-href",
            SettingsError::Region { .. } => "region",
            SettingsError::Theme { .. } => "theme",
            SettingsError::Compare { .. } => "compare",
            SettingsError::Keepsake { .. } => "keepsake",
            SettingsError::Lang { .. } => "lang",
        }
    }
}

/// Reads the attributes; `available` lists the language codes that can be shown.
pub fn from_attributes(a: &Attributes, available: &[&str]) -> (Settings, Vec<SettingsError>) {
    let mut problems = Vec::new();
    let mut s = Settings {
        locale: choose(a.lang.as_deref(), a.page_lang.as_deref(), available),
        ..Settings::default()
    };
    if let Some(lang) = a.lang.as_deref().filter(|l| !l.trim().is_empty()) {
        let matched = Locale::parse(lang).is_some_and(|l| l.language == s.locale.language);
        if !matched {
            problems.push(SettingsError::Lang {
                value: lang.to_owned(),
                available: available.join(", "),
                shown: s.locale.language.clone(),
            });
        }
    }

    if let Some(value) = a.sections.as_deref() {
        let (mut quiz, mut faq, mut bad) = (false, false, None);
        for word in value.split([' ', ',']).filter(|w| !w.is_empty()) {
            match word.to_ascii_lowercase().as_str() {
                "quiz" => quiz = true,
                "faq" => faq = true,
                _ => bad = bad.or(Some(word.to_owned())),
            }
        }
        if let Some(word) = bad {
            problems.push(SettingsError::UnknownSection {
                value: value.to_owned(),
                word,
            });
        }
        if quiz || faq {
            s.show_quiz = quiz;
            s.show_faq = faq;
        } else if problems.is_empty() || value.trim().is_empty() {
            problems.push(SettingsError::NoSection {
                value: value.to_owned(),
            });
        }
    }

    match a.faq_mode.as_deref().map(str::trim) {
        None | Some("") | Some("multiple") => {}
        Some("single") => s.faq_single = true,
        Some(other) => problems.push(SettingsError::FaqMode {
            value: other.to_owned(),
        }),
    }

    let flag = |v: &Option<String>| {
        v.as_deref()
            .is_some_and(|v| !v.trim().eq_ignore_ascii_case("false"))
    };
    s.faq_schema = flag(&a.faq_schema);
    s.share_score = flag(&a.share_score);

    match a.compare.as_deref().map(str::trim) {
        None | Some("") | Some("on") => {}
        Some("off") => s.compare = false,
        Some(other) => problems.push(SettingsError::Compare {
            value: other.to_owned(),
        }),
    }

    match a.keepsake.as_deref().map(str::trim) {
        None | Some("") | Some("on") => {}
        Some("off") => s.keepsake = false,
        Some(other) => problems.push(SettingsError::Keepsake {
            value: other.to_owned(),
        }),
    }

    if let Some(value) = a.faq_heading_level.as_deref() {
        match value.trim().parse::<u8>() {
            Ok(level @ 2..=6) => s.faq_heading_level = level,
            _ => problems.push(SettingsError::HeadingLevel {
                value: value.to_owned(),
            }),
        }
    }

    if let Some(href) = a.cta_href.as_deref().filter(|h| !h.trim().is_empty()) {
        if is_safe_href(href) {
            s.cta_href = Some(href.trim().to_owned());
        } else {
            problems.push(SettingsError::CtaHref {
                value: href.to_owned(),
            });
        }
    }
    s.cta_label = a
        .cta_label
        .as_deref()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned);

    if let Some(href) = a
        .quick_exit_href
        .as_deref()
        .filter(|h| !h.trim().is_empty())
    {
        let lower = href.trim().to_ascii_lowercase();
        if is_safe_href(href) && (lower.starts_with("https://") || lower.starts_with("http://")) {
            s.quick_exit_href = href.trim().to_owned();
        } else {
            problems.push(SettingsError::QuickExitHref {
                value: href.to_owned(),
            });
        }
    }

    if let Some(region) = a.region.as_deref().map(str::trim).filter(|r| !r.is_empty()) {
        if region.len() == 2 && region.chars().all(|c| c.is_ascii_alphabetic()) {
            s.region = Some(region.to_ascii_uppercase());
        } else {
            problems.push(SettingsError::Region {
                value: region.to_owned(),
            });
        }
    }

    if let Some(theme) = a.theme.as_deref() {
        if !matches!(theme.trim(), "light" | "dark" | "auto" | "") {
            problems.push(SettingsError::Theme {
                value: theme.to_owned(),
            });
        }
    }

    s.faq_deep_link = a
        .page_hash
        .as_deref()
        .and_then(|h| h.strip_prefix("#faq-"))
        .filter(|slug| !slug.is_empty())
        .map(str::to_owned);

    (s, problems)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::attributes::{find, Attribute, Kind, ReadBy, TABLE};

    fn attrs() -> Attributes {
        Attributes::default()
    }

    fn from_attributes(a: &Attributes) -> (Settings, Vec<SettingsError>) {
        super::from_attributes(a, &["en"])
    }

    /// The attributes the widget reads, with each row of `attributes.json`.
    fn widget_rows() -> impl Iterator<Item = &'static Attribute> {
        TABLE.iter().filter(|a| a.read_by == ReadBy::Widget)
    }

    fn with(name: &str, value: &str) -> Attributes {
        let mut a = attrs();
        assert!(a.set(name, value.into()), "{name}");
        a
    }

    #[test]
    fn every_value_the_table_lists_is_accepted() {
        let available = crate::core::content::BUILTIN_LANGUAGES;
        for row in widget_rows() {
            let values: &[&str] = match row.kind {
                Kind::Choice => row.values,
                Kind::Switch => &["on", "off"],
                Kind::Flag => &["", "true", "false"],
                Kind::Text => &[],
            };
            for value in values {
                let (_, p) = super::from_attributes(&with(row.name, value), available);
                assert!(p.is_empty(), "{}=\"{value}\": {p:?}", row.name);
            }
        }
    }

    #[test]
    fn the_table_default_means_the_same_as_no_attribute() {
        for row in widget_rows() {
            let Some(default) = row.default else { continue };
            assert_eq!(
                from_attributes(&with(row.name, default)),
                from_attributes(&attrs()),
                "{}",
                row.name
            );
        }
        // A flag is off by default: "false" is the same as leaving it out.
        for row in widget_rows().filter(|a| a.kind == Kind::Flag) {
            assert_eq!(
                from_attributes(&with(row.name, "false")),
                from_attributes(&attrs()),
                "{}",
                row.name
            );
        }
        assert_eq!(
            find("quick-exit-href").and_then(|a| a.default),
            Some(DEFAULT_QUICK_EXIT)
        );
    }

    #[test]
    fn a_value_a_closed_choice_does_not_list_is_reported_for_that_attribute() {
        for row in widget_rows() {
            if !matches!(row.kind, Kind::Choice | Kind::Switch) || row.open {
                continue;
            }
            let (_, p) = from_attributes(&with(row.name, "not-a-value"));
            let named: Vec<&str> = p.iter().map(SettingsError::attribute).collect();
            assert_eq!(named, [row.name], "{p:?}");
            assert!(p[0]
                .to_string()
                .starts_with(&format!("{}=\"not-a-value\": ", row.name)));
        }
    }

    #[test]
    fn the_languages_and_regions_the_table_lists_are_the_built_in_ones() {
        let listed = |name| {
            let mut values = find(name).map(|a| a.values.to_vec()).unwrap_or_default();
            values.sort_unstable();
            values
        };
        let mut languages = crate::core::content::BUILTIN_LANGUAGES.to_vec();
        languages.sort_unstable();
        assert_eq!(listed("lang"), languages);
        let directory = crate::core::resources::builtin();
        let mut regions: Vec<&str> = directory.regions.iter().map(|r| r.code.as_str()).collect();
        regions.sort_unstable();
        assert_eq!(listed("region"), regions);
    }

    #[test]
    fn defaults() {
        let (s, problems) = from_attributes(&attrs());
        assert!(problems.is_empty());
        assert_eq!(s, Settings::default());
    }

    #[test]
    fn sections() {
        for (value, quiz, faq) in [
            ("quiz", true, false),
            ("faq", false, true),
            ("faq quiz", true, true),
            ("QUIZ,faq", true, true),
        ] {
            let (s, p) = from_attributes(&Attributes {
                sections: Some(value.into()),
                ..attrs()
            });
            assert!(p.is_empty(), "{value}");
            assert_eq!((s.show_quiz, s.show_faq), (quiz, faq), "{value}");
        }
        let (s, p) = from_attributes(&Attributes {
            sections: Some("quiz fqa".into()),
            ..attrs()
        });
        assert_eq!((s.show_quiz, s.show_faq), (true, false));
        assert_eq!(
            p[0].to_string(),
            "sections=\"quiz fqa\": unknown section \"fqa\"; use \"quiz\", \"faq\" or \"quiz faq\""
        );
        let (s, p) = from_attributes(&Attributes {
            sections: Some("nothing".into()),
            ..attrs()
        });
        assert_eq!(
            (s.show_quiz, s.show_faq),
            (true, true),
            "falls back to both"
        );
        assert_eq!(p.len(), 1);
        for value in [" ", ",", " , "] {
            let (_, p) = from_attributes(&Attributes {
                sections: Some(value.into()),
                ..attrs()
            });
            assert!(
                matches!(p[..], [SettingsError::NoSection { .. }]),
                "{value:?}"
            );
        }
    }

    #[test]
    fn faq_options() {
        let (s, p) = from_attributes(&Attributes {
            faq_mode: Some("single".into()),
            faq_schema: Some("".into()),
            faq_heading_level: Some("2".into()),
            ..attrs()
        });
        assert!(p.is_empty());
        assert!(s.faq_single && s.faq_schema);
        assert_eq!(s.faq_heading_level, 2);
        let (s, p) = from_attributes(&Attributes {
            faq_mode: Some("one".into()),
            faq_schema: Some("false".into()),
            faq_heading_level: Some("9".into()),
            ..attrs()
        });
        assert!(!s.faq_single && !s.faq_schema);
        assert_eq!(s.faq_heading_level, 3);
        assert_eq!(p.len(), 2);
        assert_eq!(
            p[1].to_string(),
            "faq-heading-level=\"9\": expected a number from 2 to 6"
        );
    }

    #[test]
    fn cta_href_must_be_safe() {
        let (s, p) = from_attributes(&Attributes {
            cta_href: Some("javascript:alert(1)".into()),
            cta_label: Some("  Book  ".into()),
            ..attrs()
        });
        assert_eq!(s.cta_href, None);
        assert_eq!(s.cta_label.as_deref(), Some("Book"));
        assert!(p[0].to_string().contains("javascript:alert(1)"));
        let (s, _) = from_attributes(&Attributes {
            cta_href: Some("#contact".into()),
            ..attrs()
        });
        assert_eq!(s.cta_href.as_deref(), Some("#contact"));
    }

    #[test]
    fn quick_exit_and_region() {
        let (s, p) = from_attributes(&Attributes {
            quick_exit_href: Some("https://example.org/news".into()),
            region: Some("gb".into()),
            ..attrs()
        });
        assert!(p.is_empty());
        assert_eq!(s.quick_exit_href, "https://example.org/news");
        assert_eq!(s.region.as_deref(), Some("GB"));
        for bad in ["javascript:alert(1)", "/relative", "tel:911"] {
            let (s, p) = from_attributes(&Attributes {
                quick_exit_href: Some(bad.into()),
                ..attrs()
            });
            assert_eq!(s.quick_exit_href, DEFAULT_QUICK_EXIT, "{bad}");
            assert!(matches!(p[0], SettingsError::QuickExitHref { .. }));
        }
        let (s, p) = from_attributes(&Attributes {
            region: Some("USA".into()),
            ..attrs()
        });
        assert_eq!(s.region, None);
        assert_eq!(
            p[0].to_string(),
            "region=\"USA\": expected a two-letter country code such as \"US\" or \"GB\""
        );
    }

    #[test]
    fn language_and_deep_link() {
        let (s, p) = from_attributes(&Attributes {
            lang: Some("xx".into()),
            page_lang: Some("en-GB".into()),
            ..attrs()
        });
        assert_eq!(s.locale.language, "en");
        assert_eq!(p.len(), 1);
        assert!(p[0]
            .to_string()
            .starts_with("lang=\"xx\": no such language"));
        let (s, _) = from_attributes(&Attributes {
            page_hash: Some("#faq-where-do-my-answers-go".into()),
            ..attrs()
        });
        assert_eq!(s.faq_deep_link.as_deref(), Some("where-do-my-answers-go"));
        let (s, _) = from_attributes(&Attributes {
            page_hash: Some("#top".into()),
            ..attrs()
        });
        assert_eq!(s.faq_deep_link, None);
    }
}
