//! Language tags → the language the widget shows.

/// A parsed BCP 47 tag reduced to what the widget needs: language and optional region.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Locale {
    pub language: String,
    pub region: Option<String>,
}

impl Locale {
    /// Parses tags such as `es-MX`, `en_GB`, `AR`. Returns `None` for anything that is not
    /// a plausible tag, never panics.
    pub fn parse(tag: &str) -> Option<Locale> {
        let mut parts = tag.trim().split(['-', '_']);
        let language = parts.next()?.to_ascii_lowercase();
        if !(2..=3).contains(&language.len()) || !language.chars().all(|c| c.is_ascii_alphabetic())
        {
            return None;
        }
        let region = parts
            .find(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_alphabetic()))
            .map(|p| p.to_ascii_uppercase());
        Some(Locale { language, region })
    }
}

/// Picks the language: the element's `lang`, else the page's `<html lang>`, else English.
/// A tag whose language is not available falls through to the next candidate.
pub fn choose(element_lang: Option<&str>, page_lang: Option<&str>, available: &[&str]) -> Locale {
    let candidates: Vec<Locale> = [element_lang, page_lang]
        .into_iter()
        .flatten()
        .filter_map(Locale::parse)
        .collect();
    candidates
        .iter()
        .find(|l| available.contains(&l.language.as_str()))
        .cloned()
        .unwrap_or_else(|| Locale {
            language: "en".into(),
            region: None,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_tags() {
        assert_eq!(
            Locale::parse("es-MX"),
            Some(Locale {
                language: "es".into(),
                region: Some("MX".into())
            })
        );
        assert_eq!(
            Locale::parse("zh-Hant-TW"),
            Some(Locale {
                language: "zh".into(),
                region: Some("TW".into())
            })
        );
        assert_eq!(
            Locale::parse("EN_gb").unwrap().region.as_deref(),
            Some("GB")
        );
        for bad in ["", "e", "english", "12-US", "-", "ü"] {
            assert_eq!(Locale::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn chooses_element_then_page_then_english() {
        let available = ["en", "es"];
        assert_eq!(choose(Some("es-MX"), Some("en"), &available).language, "es");
        assert_eq!(choose(Some("fr"), Some("es"), &available).language, "es");
        assert_eq!(choose(None, Some("de"), &available).language, "en");
        assert_eq!(choose(Some("???"), None, &available).language, "en");
        assert_eq!(
            choose(Some("en-GB"), None, &available).region.as_deref(),
            Some("GB")
        );
    }
}
