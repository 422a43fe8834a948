//! Keeps `docs/configuration.md` true: its tables and example are checked against the
//! real schema.

use super::*;
use crate::core::attributes::TABLE;
use crate::core::language::builtin;

const DOC: &str = include_str!("../../../docs/configuration.md");

/// The text of the section that starts with `heading` (up to the next heading).
fn section(heading: &str) -> &'static str {
    let start = DOC
        .find(heading)
        .unwrap_or_else(|| panic!("docs lack {heading}"));
    let body = &DOC[start + heading.len()..];
    let end = body.find("\n#").unwrap_or(body.len());
    &body[..end]
}

/// The backticked first cell of every table row in a section.
fn first_cells(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split('`').next())
        .map(str::to_owned)
        .collect()
}

#[test]
fn attributes_table_lists_the_table_in_order() {
    // The docs' table is generated from attributes.json (`node tools/attributes.mjs --write`;
    // tests/package/in-step.test.mjs checks every cell): here, that it is there at all.
    let names: Vec<&str> = TABLE.iter().map(|a| a.name).collect();
    assert_eq!(first_cells(section("## Attributes")), names);
}

#[test]
fn json_keys_table_matches_the_schema() {
    assert_eq!(first_cells(section("## JSON keys")), KEYS);
}

#[test]
fn strings_tables_match_the_content() {
    let en = builtin("en").unwrap();
    let mut expected: Vec<String> = en.ui.texts().map(|(k, _)| k.to_owned()).collect();
    expected.insert(1, "intro".into());
    expected.push("scale".into());
    let mut documented = first_cells(section("### `strings`"));
    let grouped = |group: &str| -> Vec<String> {
        documented
            .iter()
            .filter(|k| k.starts_with(&format!("{group}.")))
            .cloned()
            .collect()
    };
    let (safety, compare) = (grouped("safety"), grouped("compare"));
    documented.retain(|k| !k.contains('.'));
    let mut sorted_doc = documented.clone();
    sorted_doc.sort();
    expected.sort();
    assert_eq!(sorted_doc, expected);
    let keys = |texts: Vec<&str>, group: &str| -> Vec<String> {
        texts.into_iter().map(|k| format!("{group}.{k}")).collect()
    };
    assert_eq!(
        safety,
        keys(en.safety.texts().map(|(k, _)| k).collect(), "safety")
    );
    assert_eq!(
        compare,
        keys(en.compare.texts().map(|(k, _)| k).collect(), "compare")
    );
}

#[test]
fn complete_example_is_valid_and_uses_every_key() {
    let example = section("## Complete example");
    let open = "<script type=\"application/json\">";
    let start = example.find(open).unwrap() + open.len();
    let end = example.find("</script>").unwrap();
    let json = &example[start..end];
    let r = resolve(&Attributes::default(), Some(json)).unwrap();
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    let value = json::parse(json).unwrap();
    for key in KEYS {
        assert!(value.get(key).is_some(), "the example should show `{key}`");
    }
    assert_eq!(r.settings.cta_phone.as_deref(), Some("+1 555-0100"));
    assert_eq!(r.content.faq.last().map(|f| f.slug.as_str()), Some("fees"));
}

#[test]
fn events_table_lists_every_event() {
    use crate::core::events::HostEvent;
    let names = [
        HostEvent::Ready,
        HostEvent::Start,
        HostEvent::Step { index: 0, total: 1 },
        HostEvent::Complete { scores: None },
        HostEvent::FaqToggle {
            slug: String::new(),
            open: false,
        },
        HostEvent::Cta {
            href: String::new(),
        },
        HostEvent::Compare { scores: None },
    ]
    .map(|e| e.name());
    assert_eq!(first_cells(section("## Events")), names);
}
