//! The one validator of content: a broken built-in file, a publisher's language and typed
//! content are all judged by `language_from_json`, each problem named by its path.

use super::*;
use crate::core::content::BUILTIN_LANGUAGES;
use crate::core::json;
use serde_json::json;

/// A built-in file (`content/<code>.json`) as serde_json, to break on purpose.
fn file(code: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(format!("content/{code}.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// What the build reports for `value` as the built-in language `code`: (path, message) of
/// each problem, as build.rs prints them after the file's name.
fn problems(code: &str, value: &serde_json::Value) -> Vec<(Severity, String, String)> {
    let value = json::parse(&value.to_string()).unwrap();
    match builtin_language(code, &value) {
        Ok(_) => Vec::new(),
        Err(problems) => problems
            .into_iter()
            .map(|p| (p.severity, p.path, p.message))
            .collect(),
    }
}

/// The only problem of `value`, as an error: (path, message).
fn one_error(value: &serde_json::Value) -> (String, String) {
    let mut found = problems("es", value);
    assert_eq!(found.len(), 1, "{found:#?}");
    let (severity, path, message) = found.remove(0);
    assert_eq!(severity, Severity::Error, "{path}: {message}");
    (path, message)
}

#[test]
fn every_builtin_file_passes_as_the_build_reads_it() {
    for code in BUILTIN_LANGUAGES {
        assert_eq!(problems(code, &file(code)), [], "{code}");
    }
}

#[test]
fn a_missing_key_is_named_by_its_path() {
    for (remove, path) in [
        (&["ui", "start"][..], "es.ui.start"),
        (&["ui", "intro"], "es.ui.intro"),
        (&["safety", "call"], "es.safety.call"),
        (&["compare", "note"], "es.compare.note"),
        (&["bands", "grow", "summary"], "es.bands.grow.summary"),
        (&["lang"], "es.lang"),
        (&["dir"], "es.dir"),
        (&["faq"], "es.faq"),
    ] {
        let mut es = file("es");
        let (last, parents) = remove.split_last().unwrap();
        let mut at = &mut es;
        for key in parents {
            at = &mut at[*key];
        }
        at.as_object_mut().unwrap().remove(*last).unwrap();
        assert_eq!(
            one_error(&es),
            (
                path.to_owned(),
                "is missing; a language needs every text the English file has".to_owned()
            )
        );
    }
    let mut es = file("es");
    es["dimensions"][3]
        .as_object_mut()
        .unwrap()
        .remove("starters");
    assert_eq!(one_error(&es).0, "es.dimensions[3].starters");
}

/// The check of a publisher's own language against the shape of English, and of each
/// built-in language against it in content's tests.
#[test]
fn missing_and_extra_keys_are_named_by_their_path() {
    let english = json::parse(
        r#"{"ui": {"start": "", "back": ""}, "faq": [{"slug": "", "question": ""}], "optional": null}"#,
    )
    .unwrap();
    let french = json::parse(
        r#"{"ui": {"start": "x", "colour": "blue"}, "faq": [{"slug": "a", "question": "q"}, {"slug": "b"}]}"#,
    )
    .unwrap();
    assert_eq!(
        missing_keys(&english, &french, "fr"),
        ["fr.ui.back", "fr.faq[1].question"]
    );
    assert_eq!(extra_keys(&english, &french, "fr"), ["fr.ui.colour"]);
    assert_eq!(missing_keys(&english, &english, "en"), Vec::<String>::new());
}

#[test]
fn a_wrong_type_is_named_by_its_path() {
    let cases = [
        (
            json!(5),
            &["ui", "title"][..],
            "es.ui.title",
            "expected text, found a number",
        ),
        (
            json!("up"),
            &["dir"],
            "es.dir",
            "expected \"ltr\" or \"rtl\"",
        ),
        (
            json!({}),
            &["scale"],
            "es.scale",
            "expected a list [ … ], found an object",
        ),
        (
            json!([]),
            &["safety"],
            "es.safety",
            "expected an object { … }, found a list",
        ),
        (
            json!(""),
            &["compare", "copy"],
            "es.compare.copy",
            "is empty; write the text visitors should see, or leave the key out",
        ),
    ];
    for (value, at, path, message) in cases {
        let mut es = file("es");
        let (last, parents) = at.split_last().unwrap();
        let mut slot = &mut es;
        for key in parents {
            slot = &mut slot[*key];
        }
        slot[*last] = value;
        assert!(
            problems("es", &es)
                .iter()
                .any(|(s, p, m)| *s == Severity::Error && p == path && m == message),
            "{path}: {:#?}",
            problems("es", &es)
        );
    }
    let mut es = file("es");
    es["dimensions"][4]["items"][1]["reverse"] = json!("yes");
    assert_eq!(
        one_error(&es),
        (
            "es.dimensions.time[1].reverse".to_owned(),
            "expected true or false, found text".to_owned()
        )
    );
}

#[test]
fn the_rules_on_counts_order_and_ids() {
    let mut es = file("es");
    es["faq"][2]["slug"] = es["faq"][1]["slug"].clone();
    let (path, message) = one_error(&es);
    assert_eq!(path, "es.faq[2].slug");
    assert!(
        message.ends_with("is used twice; slugs must be unique"),
        "{message}"
    );

    let mut es = file("es");
    es["faq"][0]["slug"] = json!("Not A Slug");
    assert_eq!(one_error(&es).0, "es.faq[0].slug");

    let mut es = file("es");
    es["ui"]["progress"] = json!("Pregunta {n}");
    assert_eq!(
        one_error(&es),
        (
            "es.ui.progress".to_owned(),
            // No "the default is used": a language file has no default to fall back on.
            "must contain {total} (it is filled in by the widget)".to_owned()
        )
    );

    let mut es = file("es");
    es["digits"] = json!("012345678");
    assert_eq!(
        one_error(&es),
        (
            "es.digits".to_owned(),
            "expected the ten digits 0 to 9 in order, found 9 characters".to_owned()
        )
    );

    let mut es = file("es");
    es["scale"].as_array_mut().unwrap().pop();
    assert_eq!(one_error(&es).0, "es.scale");

    let mut es = file("es");
    es["dimensions"][2]["tips"]
        .as_array_mut()
        .unwrap()
        .truncate(1);
    assert_eq!(
        one_error(&es),
        (
            "es.dimensions.past.tips".to_owned(),
            "expected 2 or 3 tips, found 1".to_owned()
        )
    );

    let mut es = file("es");
    es["dimensions"][0]["items"] = json!([]);
    assert_eq!(one_error(&es).0, "es.dimensions.communication");

    let mut es = file("es");
    es["dimensions"].as_array_mut().unwrap().swap(0, 1);
    let found = problems("es", &es);
    let paths: Vec<&str> = found.iter().map(|(_, p, _)| p.as_str()).collect();
    assert_eq!(paths, ["es.dimensions[0].id", "es.dimensions[1].id"]);

    let mut es = file("es");
    es["dimensions"].as_array_mut().unwrap().pop();
    let (path, message) = one_error(&es);
    assert_eq!(path, "es.dimensions");
    assert!(message.ends_with("in this order, found 9"), "{message}");
}

#[test]
fn any_unknown_key_fails_a_builtin_file() {
    for (at, key) in [
        (None, "colour"),
        (Some("ui"), "scale"),
        (Some("bands"), "great"),
    ] {
        let mut es = file("es");
        match at {
            None => es[key] = json!("x"),
            Some(group) => es[group][key] = json!("x"),
        }
        let found = problems("es", &es);
        let path = match at {
            None => format!("es.{key}"),
            Some(group) => format!("es.{group}.{key}"),
        };
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(
            (found[0].0, found[0].1.as_str()),
            (Severity::Warning, path.as_str())
        );
        assert!(found[0].2.starts_with("unknown key, ignored"), "{found:#?}");
    }
}

#[test]
fn a_publishers_language_gets_the_same_rules() {
    // What the build refuses in a built-in file, a page refuses in a publisher's language,
    // with the problem at the same place under `config.languages.<code>`.
    let mut fr = file("es");
    fr["ui"]["progress"] = json!("Question {n}");
    fr["digits"] = json!("0123");
    let value = json::parse(&fr.to_string()).unwrap();
    let mut report = Report(Vec::new());
    assert!(language_from_json(&mut report, "config.languages.fr", "fr", &value).is_none());
    let found: Vec<(&str, &str)> = report
        .0
        .iter()
        .map(|p| (p.path.as_str(), p.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (
                "config.languages.fr.digits",
                "expected the ten digits 0 to 9 in order, found 4 characters"
            ),
            (
                "config.languages.fr.ui.progress",
                "must contain {total} (it is filled in by the widget)"
            ),
        ]
    );
}

#[test]
fn typed_content_is_validated_by_reading_it_back() {
    for code in BUILTIN_LANGUAGES {
        let content = builtin(code).unwrap();
        assert!(content.validate().is_empty(), "{code}");
        let back = builtin_language(code, &language_json(&content)).unwrap();
        // Content's `==` is identity (see its `PartialEq`): the texts compare as Debug forms.
        assert_eq!(
            format!("{back:?}"),
            format!("{content:?}"),
            "{code}: language_json is the reader's inverse"
        );
    }
    let mut bad = (*builtin("en").unwrap()).clone();
    bad.ui.start = "  ".into();
    bad.ui.progress = "Question {n}".into();
    bad.scale.pop();
    bad.dimensions[2].tips.truncate(1);
    bad.faq[2].slug = bad.faq[1].slug.clone();
    let paths: Vec<String> = bad.validate().into_iter().map(|p| p.path).collect();
    assert_eq!(
        paths,
        [
            "en.ui.start",
            "en.ui.progress",
            "en.scale",
            "en.dimensions.past.tips",
            "en.faq[2].slug"
        ]
    );
}

#[test]
fn a_language_file_that_is_not_an_object_or_not_json_is_refused() {
    assert!(Content::from_json("not json").is_err());
    let found = problems("es", &json!({"lang": 3}));
    assert!(found.len() > 5, "every key is missing: {found:#?}");
    assert!(problems("es", &json!([]))
        .iter()
        .any(|(_, p, m)| p == "es" && m == "expected an object { … }, found a list"));
}

/// Every English template with a placeholder has its placeholders required, and only those:
/// a template that gains a number without a line in REQUIRED_PLACEHOLDERS could lose it in a
/// translation or an override without any message.
#[test]
fn required_placeholders_are_exactly_the_english_templates() {
    let en = file("en");
    let mut found: Vec<(String, Vec<String>)> = Vec::new();
    for (group, prefix) in [("ui", ""), ("safety", "safety."), ("compare", "compare.")] {
        let Some(texts) = en[group].as_object() else {
            panic!("content/en.json has no {group} object");
        };
        for (key, text) in texts {
            let Some(text) = text.as_str() else { continue };
            let mut has: Vec<String> = placeholders(text).iter().map(|p| p.to_string()).collect();
            if !has.is_empty() {
                has.sort();
                found.push((format!("{prefix}{key}"), has));
            }
        }
    }
    found.sort();
    let mut required: Vec<(String, Vec<String>)> = REQUIRED_PLACEHOLDERS
        .iter()
        .map(|(key, needed)| {
            let mut needed: Vec<String> = needed.iter().map(|p| p.to_string()).collect();
            needed.sort();
            (key.to_string(), needed)
        })
        .collect();
    required.sort();
    assert_eq!(required, found);
}
