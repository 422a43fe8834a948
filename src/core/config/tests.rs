//! Publisher configuration: dozens of mistakes, each with the message a publisher reads.

use super::*;
use crate::core::language::{builtin, slugify};
use crate::core::report::{suggest, Severity};
use crate::core::resolve::Resolved;

fn run(config: &str) -> Resolved {
    resolve(&Attributes::default(), Some(config)).expect("built-in content loads")
}

/// The messages of a configuration, as the console shows them.
fn messages(config: &str) -> Vec<String> {
    run(config)
        .problems
        .iter()
        .map(ToString::to_string)
        .collect()
}

fn one(config: &str) -> String {
    let m = messages(config);
    assert_eq!(m.len(), 1, "{config}: {m:#?}");
    m[0].clone()
}

const P: &str = "emotional-intimacy-widget: ";

/// The English content file, to edit into a publisher's language.
fn english_file() -> serde_json::Value {
    serde_json::from_str(include_str!("../../../content/en.json")).unwrap()
}

#[test]
fn no_config_and_empty_object_are_fine() {
    assert!(resolve(&Attributes::default(), None)
        .unwrap()
        .problems
        .is_empty());
    assert!(messages("{}").is_empty());
    assert!(messages("  ").is_empty());
    assert!(
        messages(r#"{"faq_merge": "replace"}"#).is_empty(),
        "the default, spelled out"
    );
}

#[test]
fn bad_configs_each_explained() {
    let cases: &[(&str, &str)] = &[
        ("[1, 2]", "config: expected a JSON object { … }, found a list; the whole configuration is ignored"),
        ("\"hi\"", "config: expected a JSON object { … }, found text; the whole configuration is ignored"),
        (r#"{"ctaa": {}}"#, "config.ctaa: unknown key, ignored; did you mean `cta`?"),
        (r#"{"stings": {}}"#, "config.stings: unknown key, ignored; did you mean `strings`?"),
        (r#"{"s": {}}"#, "config.s: unknown key, ignored; known keys: strings, cta, faq, faq_merge, items, resources, languages"),
        (r#"{"xxxcta": {}}"#, "config.xxxcta: unknown key, ignored; known keys: strings, cta, faq, faq_merge, items, resources, languages"),
        (r#"{"strings": {"titel": 1}}"#, "config.strings.titel: unknown key, ignored; did you mean `title`?"),
        (r#"{"zzz": 1}"#, "config.zzz: unknown key, ignored; known keys: strings, cta, faq, faq_merge, items, resources, languages"),
        (r#"{"cta": "x"}"#, "config.cta: expected an object { … }, found text"),
        (r#"{"cta": {"href": "javascript:alert(1)"}}"#, r#"config.cta.href: "javascript:alert(1)" is not an http(s) or tel: URL (or mailto: or a relative link); the button is hidden"#),
        (r#"{"cta": {"href": 5}}"#, "config.cta.href: expected text, found a number"),
        (r#"{"cta": {"label": ""}}"#, "config.cta.label: is empty; write the text visitors should see, or leave the key out"),
        (r#"{"cta": {"phone": "call me"}}"#, r#"config.cta.phone: "call me" is not a phone number; use digits, spaces, dashes and an optional leading +"#),
        (r#"{"cta": {"lable": "Book"}}"#, "config.cta.lable: unknown key, ignored; did you mean `label`?"),
        (r#"{"faq": {}}"#, "config.faq: expected a list [ … ], found an object"),
        (r#"{"faq": [1]}"#, "config.faq[0]: expected an object { … }, found a number"),
        (r#"{"faq": [{"question": "Q?"}]}"#, "config.faq[0].answer: is missing; each entry needs an answer"),
        (r#"{"faq": [{"answer": "A"}]}"#, "config.faq[0].question: is missing; each entry needs a question"),
        (r#"{"faq": [{"question": "Q?", "answer": "A"}, {"question": "R?", "answer": "B"}, {"question": "S?", "answer": 3}]}"#, "config.faq[2].answer: expected text, found a number"),
        (r#"{"faq": [{"question": "Q?", "answer": ["ok", false]}]}"#, "config.faq[0].answer[1]: expected text, found true/false"),
        (r#"{"faq": [{"question": "Q?", "answer": "A", "slug": "Bad Slug"}]}"#, r#"config.faq[0].slug: "Bad Slug" must be lowercase letters, digits and hyphens, like "opening-hours""#),
        (r#"{"faq": [{"question": "Q?", "answer": "A"}, {"question": "Q?", "answer": "B"}]}"#, r#"config.faq[1].slug: "q" is used twice; slugs must be unique"#),
        (r#"{"faq": [{"question": "Q?", "answer": "A", "anwser": "B"}]}"#, "config.faq[0].anwser: unknown key, ignored; did you mean `answer`?"),
        (r#"{"faq_merge": "merge"}"#, r#"config.faq_merge: expected "replace" or "append", found "merge"; replacing"#),
        (r#"{"faq_merge": "append", "faq": [{"slug": "technology", "question": "Q?", "answer": "A"}]}"#, r#"config.faq[0].slug: "technology" is already used by a built-in entry; choose another slug"#),
        (r#"{"strings": []}"#, "config.strings: expected an object { … }, found a list"),
        (r#"{"strings": {"titel": "Hi"}}"#, "config.strings.titel: unknown key, ignored; did you mean `title`?"),
        (r#"{"strings": {"title": 1}}"#, "config.strings.title: expected text, found a number"),
        (r#"{"strings": {"progress": "Step {n}"}}"#, "config.strings.progress: must contain {total} (it is filled in by the widget); the default is used"),
        (r#"{"strings": {"chart_row": "{name}"}}"#, "config.strings.chart_row: must contain {score} and {band} (it is filled in by the widget); the default is used"),
        (r#"{"strings": {"scale": ["a", "b"]}}"#, "config.strings.scale: expected 5 labels (strongly disagree … strongly agree), found 2"),
        (r#"{"strings": {"safety": {"call": "Phone"}}}"#, "config.strings.safety.call: must contain {number} (it is filled in by the widget); the default is used"),
        (r#"{"strings": {"safety": {"itme": "x"}}}"#, "config.strings.safety.itme: unknown key, ignored; did you mean `item`?"),
        (r#"{"strings": {"bands": {"strenght": {}}}}"#, "config.strings.bands.strenght: unknown key, ignored; did you mean `strength`?"),
        (r#"{"strings": {"bands": {"grow": {"label": 3}}}}"#, "config.strings.bands.grow.label: expected text, found a number"),
        (r#"{"strings": {"dimensions": {"trust": {"tips": ["only one"]}}}}"#, "config.strings.dimensions.trust.tips: expected 2 or 3 tips, found 1"),
        (r#"{"strings": {"dimensions": {"trust": {"nmae": "x"}}}}"#, "config.strings.dimensions.trust.nmae: unknown key, ignored; did you mean `name`?"),
        (r#"{"strings": {"dimensions": {"trsut": {}}}}"#, "config.strings.dimensions.trsut: unknown key, ignored; did you mean `trust`?"),
        (r#"{"items": []}"#, "config.items: expected an object { … }, found a list"),
        (r#"{"items": {"comunication": ["x"]}}"#, "config.items.comunication: unknown key, ignored; did you mean `communication`?"),
        (r#"{"items": {"trust": []}}"#, "config.items.trust: expected 1 to 3 statements, found 0"),
        (r#"{"items": {"trust": "x"}}"#, "config.items.trust: expected a list [ … ], found text"),
        (r#"{"items": {"trust": [{"reverse": true}]}}"#, "config.items.trust[0].text: is missing; every statement needs its text"),
        (r#"{"items": {"trust": [{"text": "I trust them.", "reverse": "yes"}]}}"#, "config.items.trust[0].reverse: expected true or false, found text"),
        (r#"{"items": {"trust": [7]}}"#, r#"config.items.trust[0]: expected text or { "text": …, "reverse": … }, found a number"#),
        (r#"{"resources": {}}"#, "config.resources: expected a list [ … ], found an object"),
        (r#"{"resources": [{"kind": "police", "name": "X", "phone": "112"}]}"#, r#"config.resources[0].kind: expected "violence", "crisis", "directory" or "emergency""#),
        (r#"{"resources": [{"kind": "crisis", "phone": "112"}]}"#, "config.resources[0].name: is missing; name the service"),
        (r#"{"resources": [{"kind": "crisis", "name": "X"}]}"#, "config.resources[0]: needs at least a phone number, text number or website"),
        (r#"{"resources": [{"kind": "crisis", "name": "X", "tel": "112", "url": "javascript:x"}]}"#, r#"config.resources[0].url: "javascript:x" is not an http(s) URL"#),
        (r#"{"resources": [{"kind": "crisis", "name": "X", "tel": "112", "url": "/help"}]}"#, r#"config.resources[0].url: "/help" is not an http(s) URL"#),
        (r#"{"resources": [{"kind": "crisis", "name": "X", "tel": "112", "sms": {"number": "abc", "keyword": "START"}}]}"#, r#"config.resources[0].sms: expected { "number": "88788", "keyword": "START" } (the keyword only where the service asks for one)"#),
        (r#"{"resources": [{"kind": "crisis", "name": "X", "tel": "112", "sms": {"number": "88788", "keyword": " "}}]}"#, r#"config.resources[0].sms: expected { "number": "88788", "keyword": "START" } (the keyword only where the service asks for one)"#),
        (r#"{"resources": [{"kind": "crisis", "name": "X", "tel": "abc", "url": "https://x.org"}]}"#, r#"config.resources[0].tel: "abc" is not a phone number"#),
        (r#"{"languages": []}"#, "config.languages: expected an object { … }, found a list"),
        (r#"{"languages": {"French": {}}}"#, r#"config.languages.French: the key must be a language code such as "fr" or "pt""#),
        (r#"{"languages": {"f": {}}}"#, r#"config.languages.f: the key must be a language code such as "fr" or "pt""#),
        (r#"{"languages": {"fren": {}}}"#, r#"config.languages.fren: the key must be a language code such as "fr" or "pt""#),
    ];
    for (config, expected) in cases {
        assert_eq!(one(config), format!("{P}{expected}"), "config: {config}");
    }
}

#[test]
fn invalid_json_names_the_position() {
    let m = one("{\"cta\": {\"label\": \"x\",}}");
    assert!(
        m.starts_with(&format!("{P}config: is not valid JSON (")),
        "{m}"
    );
    assert!(m.contains("line 1 column"), "{m}");
    assert!(m.contains("trailing commas"), "{m}");
}

#[test]
fn every_problem_is_reported_and_the_rest_applies() {
    let r = run(r#"{
        "strings": {"title": "Our check-in", "start": 5, "intro": "First.\n\nSecond."},
        "cta": {"label": "Book a call", "href": "javascript:x", "phone": "+1 555-0100"},
        "faq": [{"question": "Hours?", "answer": "Nine to five."}, {"question": 1, "answer": "x"}],
        "typo": true
    }"#);
    let m: Vec<String> = r.problems.iter().map(|p| p.path.clone()).collect();
    assert_eq!(
        m,
        [
            "config.typo",
            "config.strings.start",
            "config.faq[1].question",
            "config.cta.href"
        ]
    );
    assert_eq!(r.problems[0].severity, Severity::Warning);
    assert_eq!(r.problems[1].severity, Severity::Error);
    assert_eq!(r.content.ui.title, "Our check-in");
    assert_eq!(
        r.content.ui.start, "Start",
        "invalid value keeps the default"
    );
    assert_eq!(r.content.ui.intro, ["First.", "Second."]);
    assert_eq!(r.settings.cta_label.as_deref(), Some("Book a call"));
    assert_eq!(r.settings.cta_href, None);
    assert_eq!(r.settings.cta_phone.as_deref(), Some("+1 555-0100"));
    assert_eq!(r.content.faq.len(), 1);
    assert_eq!(r.content.faq[0].slug, "hours");
    assert!(r.content.validate().is_empty());
}

#[test]
fn faq_append_and_items_override() {
    let r = run(r#"{
        "faq_merge": "append",
        "faq": [{"slug": "fees", "question": "What does it cost?", "answer": ["A *free* first call.", "Then [see prices](/prices)."]}],
        "items": {"affection": ["We hug often.", {"text": "Touch feels awkward between us.", "reverse": true}, "We say kind things."]}
    }"#);
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    let builtin = crate::core::language::builtin("en").map_or(0, |en| en.faq.len());
    assert_eq!(r.content.faq.len(), builtin + 1);
    assert_eq!(r.content.faq.last().map(|e| e.slug.as_str()), Some("fees"));
    let affection = &r.content.dimensions[9];
    assert_eq!(affection.items.len(), 3);
    assert!(affection.items[1].reverse);
    assert_eq!(r.content.questions().len(), 22);
}

#[test]
fn dimension_and_band_texts_can_be_replaced() {
    let r = run(r#"{"strings": {
        "bands": {"grow": {"label": "growing", "summary": "Keep going."}, "strength": {"label": "strong"}, "explore": {"label": "open"}},
        "dimensions": {"time": {"name": "Time together", "description": "Shared moments.", "tips": ["One.", "Two."]}}
    }}"#);
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert_eq!(r.content.bands.grow.label, "growing");
    assert_eq!(r.content.bands.grow.summary, "Keep going.");
    assert_eq!(r.content.bands.strength.label, "strong");
    assert_eq!(r.content.bands.explore.label, "open");
    let time = &r.content.dimensions[4];
    assert_eq!(
        (time.name.as_str(), time.description.as_str()),
        ("Time together", "Shared moments.")
    );
    assert_eq!(time.tips, ["One.", "Two."]);
}

#[test]
fn markup_in_strings_stays_text() {
    let r = run(r#"{"strings": {"title": "<img src=x onerror=alert(1)>"}}"#);
    assert_eq!(r.content.ui.title, "<img src=x onerror=alert(1)>");
}

#[test]
fn attributes_win_over_config() {
    let attributes = Attributes {
        cta_href: Some("https://a.example".into()),
        ..Attributes::default()
    };
    let r = resolve(
        &attributes,
        Some(r#"{"cta": {"href": "https://b.example", "label": "Hi"}}"#),
    )
    .unwrap();
    assert_eq!(r.settings.cta_href.as_deref(), Some("https://a.example"));
    assert_eq!(r.settings.cta_label.as_deref(), Some("Hi"));
}

#[test]
fn attribute_problems_share_the_format() {
    let attributes = Attributes {
        sections: Some("quizz".into()),
        ..Attributes::default()
    };
    let r = resolve(&attributes, None).unwrap();
    assert_eq!(
        r.problems[0].to_string(),
        format!("{P}sections=\"quizz\": unknown section \"quizz\"; use \"quiz\", \"faq\" or \"quiz faq\"")
    );
}

#[test]
fn custom_resources_replace_the_regional_list() {
    let r = run(r#"{"resources": [
        {"kind": "crisis", "name": "Samaritans Ireland", "phone": "116 123", "url": "https://www.samaritans.org"},
        {"kind": "violence", "name": "Women's Aid", "phone": "1800 341 900", "sms": {"number": "50424", "keyword": "WAIDE"}}
    ]}"#);
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert_eq!(r.resources.len(), 2);
    assert_eq!(
        r.resources[0].name, "Women's Aid",
        "violence services first"
    );
    assert_eq!(r.resources[0].tel.as_deref(), Some("1800341900"));
    assert_eq!(r.resources[1].tel_href().as_deref(), Some("tel:116123"));
}

#[test]
fn a_custom_language_must_be_complete() {
    let mut french = english_file();
    french["lang"] = "fr".into();
    french["ui"]["start"] = "Commencer".into();
    let config = serde_json::json!({ "languages": { "fr": french.clone() } }).to_string();
    let attributes = Attributes {
        lang: Some("fr-CA".into()),
        ..Attributes::default()
    };
    let r = resolve(&attributes, Some(&config)).unwrap();
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert_eq!(r.settings.locale.language, "fr");
    assert_eq!(r.content.ui.start, "Commencer");

    if let Some(ui) = french["ui"].as_object_mut() {
        ui.remove("start");
        ui.remove("back");
    }
    if let Some(dims) = french["dimensions"].as_array_mut() {
        if let Some(d) = dims[2].as_object_mut() {
            d.remove("tips");
        }
    }
    let config = serde_json::json!({ "languages": { "fr": french } }).to_string();
    let r = resolve(&attributes, Some(&config)).unwrap();
    let paths: Vec<&str> = r.problems.iter().map(|p| p.path.as_str()).collect();
    assert!(paths.contains(&"config.languages.fr.ui.start"), "{paths:?}");
    assert!(paths.contains(&"config.languages.fr.ui.back"), "{paths:?}");
    assert!(
        paths.contains(&"config.languages.fr.dimensions[2].tips"),
        "{paths:?}"
    );
    assert!(r
        .problems
        .iter()
        .all(|p| p.message.contains("is missing") || p.path.starts_with("lang")));
    assert_eq!(r.settings.locale.language, "en", "falls back to English");
}

#[test]
fn unknown_keys_in_a_custom_language_are_warnings() {
    let mut french = english_file();
    french["ui"]["start"] = "Commencer".into();
    french["colour"] = "blue".into();
    french["dimensions"][0]["extra"] = 1.into();
    let config = serde_json::json!({ "languages": { "fr": french } }).to_string();
    let attributes = Attributes {
        lang: Some("fr".into()),
        ..Attributes::default()
    };
    let r = resolve(&attributes, Some(&config)).unwrap();
    let problems: Vec<(Severity, &str)> = r
        .problems
        .iter()
        .map(|p| (p.severity, p.path.as_str()))
        .collect();
    assert_eq!(
        problems,
        [
            (Severity::Warning, "config.languages.fr.colour"),
            (Severity::Warning, "config.languages.fr.dimensions[0].extra"),
        ]
    );
    assert_eq!(
        r.content.ui.start, "Commencer",
        "the language is still used"
    );
}

#[test]
fn typo_suggestions() {
    assert_eq!(suggest("ctaa", &KEYS), Some("cta"));
    assert_eq!(suggest("FAQ", &KEYS), Some("faq"));
    assert_eq!(suggest("resorces", &KEYS), Some("resources"));
    assert_eq!(suggest("colour", &KEYS), None);
}

#[test]
fn phone_numbers_and_slugs() {
    assert_eq!(
        phone_digits("+1 (555) 010-0100").as_deref(),
        Some("+15550100100")
    );
    assert_eq!(phone_digits("116 123").as_deref(), Some("116123"));
    assert_eq!(phone_digits("1+1"), None);
    assert_eq!(phone_digits("5"), None);
    assert_eq!(slugify("What's new, friend?"), "what-s-new-friend");
    assert_eq!(slugify("¿Qué?"), "qu");
    assert_eq!(slugify("???"), "entry-3");
}

#[test]
fn a_custom_language_equals_the_same_file_built_in() {
    // Arabic exercises right-to-left, its own digits and every text.
    let arabic: serde_json::Value =
        serde_json::from_str(include_str!("../../../content/ar.json")).unwrap();
    let config = serde_json::json!({ "languages": { "zz": arabic } }).to_string();
    let attributes = Attributes {
        lang: Some("zz".into()),
        ..Attributes::default()
    };
    let r = resolve(&attributes, Some(&config)).unwrap();
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    let mut expected = (*builtin("ar").unwrap()).clone();
    expected.lang = "zz".into();
    // A publisher's language counts as its own statements for pair codes.
    expected.statements_replaced = true;
    // Content's `==` is identity (see its `PartialEq`): the texts compare as their Debug forms.
    assert_eq!(format!("{:?}", r.content), format!("{expected:?}"));
}

#[test]
fn a_custom_language_with_wrong_types_names_the_place() {
    let mut french = english_file();
    french["ui"]["start"] = 5.into();
    french["dir"] = "up".into();
    french["dimensions"][1]["id"] = "trust-me".into();
    let config = serde_json::json!({ "languages": { "fr": french } }).to_string();
    let r = resolve(
        &Attributes {
            lang: Some("fr".into()),
            ..Attributes::default()
        },
        Some(&config),
    )
    .unwrap();
    let messages: Vec<String> = r.problems.iter().map(ToString::to_string).collect();
    assert!(
        messages.contains(&format!(
            "{P}config.languages.fr.ui.start: expected text, found a number"
        )),
        "{messages:#?}"
    );
    assert!(
        messages.contains(&format!(
            "{P}config.languages.fr.dir: expected \"ltr\" or \"rtl\""
        )),
        "{messages:#?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("config.languages.fr.dimensions[1].id")),
        "{messages:#?}"
    );
    assert_eq!(
        r.settings.locale.language, "en",
        "an invalid language is not offered"
    );
}

#[test]
fn helplines_follow_the_browser_when_the_publisher_sets_no_region() {
    let helplines = |region: Option<&str>, lang: &str, browser: &[&str]| {
        let attributes = Attributes {
            region: region.map(str::to_owned),
            lang: Some(lang.to_owned()),
            browser_languages: browser.iter().map(|t| (*t).to_owned()).collect(),
            ..Attributes::default()
        };
        let r = resolve(&attributes, None).unwrap();
        let first = r.resources.first().cloned().unwrap();
        (first.country.clone(), first.tel_href(), r.resources.len())
    };
    // Each country's list: its services, its emergency number, then the directory.
    let directory_first = (None, None, 1);
    assert_eq!(
        helplines(None, "en", &["en-GB", "en"]),
        (
            Some("United Kingdom".into()),
            Some("tel:+448082000247".into()),
            4
        )
    );
    assert_eq!(
        helplines(None, "es", &["es-ES"]),
        (Some("España".into()), Some("tel:016".into()), 4)
    );
    // Mexico: no services here, so the directory comes first (its emergency number is named
    // in the emergency line, not listed).
    assert_eq!(
        helplines(None, "es", &["es-MX", "es"]),
        (Some("México".into()), Some("tel:911".into()), 2)
    );
    assert_eq!(helplines(None, "ar", &["ar"]), directory_first);
    assert_eq!(helplines(None, "en", &["en"]), directory_first, "no guess");
    // The publisher's region wins, named in the page's language.
    assert_eq!(
        helplines(Some("GB"), "ar", &["es-ES"]),
        (
            Some("المملكة المتحدة".into()),
            Some("tel:+448082000247".into()),
            4
        )
    );
    assert_eq!(helplines(Some("FR"), "en", &["en-GB"]), directory_first);
}

/// Without a configuration the widget shows the language it downloaded for the visitor;
/// while that has not arrived (or failed), English, never some other language.
#[test]
fn a_language_not_yet_downloaded_falls_back_to_english() {
    let attributes = Attributes {
        lang: Some("es".into()),
        ..Attributes::default()
    };
    let [ar, en, es] = ["ar", "en", "es"].map(|code| builtin(code).unwrap());
    let shown = |downloaded: &[std::rc::Rc<crate::core::content::Content>]| {
        crate::core::resolve::resolve(&attributes, None, downloaded, &["en", "ar", "es"])
            .map(|r| r.content.lang.clone())
    };
    assert_eq!(shown(&[ar.clone(), en.clone(), es]), Ok("es".into()));
    assert_eq!(shown(&[ar.clone(), en]), Ok("en".into()));
    assert_eq!(shown(&[ar]), Ok("ar".into()), "better than nothing");
    assert!(shown(&[]).is_err());
}
