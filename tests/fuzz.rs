//! Fuzzing the input paths on stable Rust with proptest: publisher configuration JSON,
//! attributes, stored progress and language tags. None of them may panic, whatever the
//! input (with `panic = "abort"` a panic would stop every widget on the page).
//!
//! `cargo test --test fuzz` runs a short pass; `./run.sh fuzz` runs a long one
//! (PROPTEST_CASES). Inputs that once mattered live in `tests/fuzz-corpus/` and run every time.
#![cfg(test)] // Lets clippy.toml's allow-…-in-tests apply to helpers here too.
#![cfg(not(target_arch = "wasm32"))]

use eiw::core::config::{resolve, KEYS};
use eiw::core::locale::Locale;
use eiw::core::pair;
use eiw::core::progress::{decode, encode};
use eiw::core::rich_text::{is_safe_href, parse};
use eiw::core::settings::Attributes;
use proptest::prelude::*;
use serde_json::{json, Value};

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(256)
}

/// Arbitrary JSON, biased towards the configuration's own keys so the fuzzer reaches
/// deep into the validator rather than stopping at "unknown key".
fn json_value() -> impl Strategy<Value = Value> {
    let nested = [
        "label",
        "href",
        "phone",
        "question",
        "answer",
        "slug",
        "text",
        "reverse",
        "kind",
        "name",
        "tel",
        "sms",
        "url",
        "number",
        "keyword",
        "title",
        "intro",
        "progress",
        "scale",
        "safety",
        "trust",
        "communication",
        "fr",
        "x",
    ];
    let keys = prop::sample::select(KEYS.iter().chain(&nested).copied().collect::<Vec<_>>());
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| json!(f)),
        ".{0,40}".prop_map(Value::from),
        prop::sample::select(vec![
            "append",
            "replace",
            "crisis",
            "violence",
            "https://a.org",
            "javascript:x",
            "{n} {total}",
            "tel:+1",
            "*a* [b](c)"
        ])
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(6, 96, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(keys.clone(), inner, 0..6).prop_map(|m| Value::Object(
                m.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
            )),
        ]
    })
}

fn config_object() -> impl Strategy<Value = String> {
    prop::collection::btree_map(prop::sample::select(KEYS.to_vec()), json_value(), 0..7).prop_map(
        |m| Value::Object(m.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()).to_string(),
    )
}

/// Every attribute the widget reads (from the table, so a new one is fuzzed at once), the
/// page's language and URL fragment, and the browser's languages (the country for crisis
/// resources is inferred from them).
fn attributes() -> impl Strategy<Value = Attributes> {
    let text = || prop::option::of(".{0,24}");
    (
        prop::collection::vec(text(), Attributes::NAMES.len()),
        text(),
        text(),
        prop::collection::vec("[a-zA-Z]{2,3}([-_][a-zA-Z0-9]{2,8}){0,2}|.{0,12}", 0..4),
    )
        .prop_map(|(values, page_lang, page_hash, browser_languages)| {
            let mut a = Attributes {
                page_lang,
                page_hash,
                browser_languages,
                ..Attributes::default()
            };
            for (name, value) in Attributes::NAMES.iter().zip(values) {
                if let Some(value) = value {
                    a.set(name, value);
                }
            }
            a
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn configuration_never_panics_and_always_yields_valid_content(config in config_object(), attrs in attributes()) {
        let resolved = resolve(&attrs, Some(&config)).expect("built-in content always loads");
        // Whatever was accepted still forms content the UI can render.
        let problems = resolved.content.validate();
        prop_assert!(problems.is_empty(), "{:?}", problems);
        prop_assert!(resolved.settings.faq_heading_level >= 2 && resolved.settings.faq_heading_level <= 6);
        // Whatever the region and browser languages, a visitor always has somewhere to turn.
        prop_assert!(!resolved.resources.is_empty());
        if let Some(href) = &resolved.settings.cta_href {
            prop_assert!(is_safe_href(href));
        }
    }

    #[test]
    fn typed_pair_codes_never_panic(text in "(EI[0-9A-Za-z]?[- ]?)?[0-9A-Za-z \\-\u{2010}-\u{2015}]{0,40}|.{0,80}", fingerprint: u16) {
        // Whatever a partner's code looks like, it reads or it is refused with a reason.
        let _ = pair::decode(&text, fingerprint);
    }

    #[test]
    fn arbitrary_text_as_configuration_never_panics(text in ".{0,200}") {
        let _ = resolve(&Attributes::default(), Some(&text));
    }

    #[test]
    fn stored_progress_never_panics_and_round_trips(text in "v1\\|(q[0-9]{0,3}|r|h)\\|[1-5s\\-]{0,25}(\\|(t|f[1-5s\\-]{0,25}|p.{0,30}))?|.{0,40}", total in 0usize..30) {
        if let Some(saved) = decode(&text, total) {
            prop_assert_eq!(saved.responses.len(), total);
            prop_assert_eq!(decode(&encode(&saved), total), Some(saved));
        }
    }

    #[test]
    fn language_tags_and_rich_text_never_panic(text in ".{0,60}") {
        if let Some(locale) = Locale::parse(&text) {
            prop_assert!(locale.language.chars().all(|c| c.is_ascii_lowercase()));
        }
        let _ = parse(&text);
        let _ = is_safe_href(&text);
    }
}

#[test]
fn corpus() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-corpus");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("corpus folder") {
        let path = entry.expect("corpus entry").path();
        let text = std::fs::read_to_string(&path).expect("corpus file");
        match path.extension().and_then(|e| e.to_str()) {
            Some("json") => {
                let resolved = resolve(&Attributes::default(), Some(&text)).expect("content loads");
                assert!(resolved.content.validate().is_empty(), "{}", path.display());
            }
            Some("txt") => {
                let _ = decode(&text, 21);
            }
            _ => continue,
        }
        seen += 1;
    }
    assert!(seen >= 10, "the corpus has {seen} inputs");
}
