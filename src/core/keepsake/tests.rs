use super::*;
use crate::core::content::Content;
use crate::core::language::builtin;
use crate::core::scoring::{score, Response};

/// Answers cycling through the scale, with one area skipped entirely.
fn outcome(content: &Content) -> Outcome {
    let questions = content.questions();
    let responses: Vec<_> = questions
        .iter()
        .enumerate()
        .map(|(i, q)| match q {
            crate::core::content::QuestionRef::Item { dimension: 3, .. } => Some(Response::Skipped),
            _ => Some(Response::Agree((i % 5) as u8 + 1)),
        })
        .collect();
    score(content, &questions, &responses)
}

const KEEP: Keepsake = Keepsake {
    date: "3 December 2026",
    code: Some("EI1-JW8Q-LXT7-75ZN-5HQT"),
};

/// The elements the keepsake may contain; anything else (a `<script>` above all) means a
/// text broke out of its escaping.
const ALLOWED: [&str; 20] = [
    "html", "head", "meta", "title", "style", "body", "main", "h1", "h2", "h3", "p", "strong",
    "ul", "li", "span", "svg", "rect", "dl", "dt", "dd",
];
const VOID: [&str; 1] = ["meta"];

/// Checks the document is well-formed: one doctype, every tag allowed and closed in order,
/// attribute quotes balanced, no stray `<` or `>` in text, and the style's text closed only
/// by its own end tag. Returns the elements' names in order.
fn well_formed(html: &str) -> Vec<String> {
    let rest = html
        .strip_prefix("<!doctype html>")
        .expect("starts with the doctype");
    let mut open: Vec<String> = Vec::new();
    let mut seen = Vec::new();
    let mut rest = rest;
    while let Some(start) = rest.find('<') {
        let text = &rest[..start];
        assert!(!text.contains('>'), "stray > in text: {text}");
        let end = rest[start..].find('>').expect("tag closes") + start;
        let tag = &rest[start + 1..end];
        assert_eq!(
            tag.matches('"').count() % 2,
            0,
            "quotes balanced in <{tag}>"
        );
        assert!(!tag.contains('<'), "no < inside <{tag}>");
        rest = &rest[end + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(open.pop().as_deref(), Some(name), "closes in order");
            continue;
        }
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        assert!(ALLOWED.contains(&name.as_str()), "unexpected <{name}>");
        seen.push(name.clone());
        if name == "style" {
            let close = rest.find("</style>").expect("style closes");
            assert!(
                !rest[..close].contains('<'),
                "nothing tag-like in the style"
            );
            rest = &rest[close + "</style>".len()..];
        } else if !tag.ends_with('/') && !VOID.contains(&name.as_str()) {
            open.push(name);
        }
    }
    assert!(rest.is_empty(), "nothing after </html>: {rest}");
    assert!(open.is_empty(), "unclosed: {open:?}");
    seen
}

#[test]
fn every_builtin_language_makes_a_well_formed_file_that_loads_nothing() {
    for code in ["en", "es", "ar"] {
        let content = builtin(code).unwrap();
        let html = html(&content, &outcome(&content), &KEEP);
        let elements = well_formed(&html);
        assert_eq!(elements.iter().filter(|e| *e == "style").count(), 1);
        for loads in [
            "<script", "src=", "href=", "url(", "@import", "http:", "https:", "<link",
        ] {
            assert!(!html.contains(loads), "{code}: {loads}");
        }
        assert!(html.contains(&format!(
            "<html lang=\"{code}\" dir=\"{}\">",
            content.dir.as_str()
        )));
        assert!(
            html.contains("default-src 'none'"),
            "its own policy refuses scripts"
        );
    }
    assert!(html(
        &builtin("ar").unwrap(),
        &outcome(&builtin("ar").unwrap()),
        &KEEP
    )
    .contains("dir=\"rtl\""));
}

#[test]
fn it_holds_the_results_the_screen_shows() {
    let content = builtin("en").unwrap();
    let outcome = outcome(&content);
    let html = html(&content, &outcome, &KEEP);
    for (dim, score) in content.dimensions.iter().zip(&outcome.dimensions) {
        let value = score.map_or(String::new(), |s| s.percent.to_string());
        assert!(
            html.contains(&format!(
                "data-dimension=\"{}\" data-score=\"{value}\"",
                dim.id
            )),
            "{}",
            dim.id
        );
        assert!(
            html.contains(&escape(&dim.description)),
            "what each area covers"
        );
    }
    let overall = outcome.overall.unwrap();
    assert!(html.contains(&format!("{} out of 100", overall.percent)));
    assert!(html.contains(&escape(&overall.band.text(&content.bands).sentence)));
    assert!(
        html.contains(&escape(&content.ui.not_scored)),
        "the skipped area says so"
    );
    for i in outcome.areas_to_explore() {
        assert!(html.contains(&escape(&content.dimensions[i].tips[0])));
    }
    for key in [
        "counsellor_title",
        "counsellor_method",
        "not_diagnosis",
        "keepsake_code_note",
    ] {
        assert!(html.contains(&escape(content.text(key).unwrap())), "{key}");
    }
    assert!(html.contains("3 December 2026"));
    assert!(html.contains(">EI1-JW8Q-LXT7-75ZN-5HQT<"));
    let without_code = super::html(&content, &outcome, &Keepsake { code: None, ..KEEP });
    assert!(!without_code.contains("EI1-"));
    assert!(!without_code.contains(&escape(&content.ui.keepsake_code_title)));
}

#[test]
fn nothing_scored_still_makes_a_file() {
    let content = builtin("en").unwrap();
    let questions = content.questions();
    let skipped = vec![Some(Response::Skipped); questions.len()];
    let html = html(&content, &score(&content, &questions, &skipped), &KEEP);
    well_formed(&html);
    assert!(html.contains(&escape(&content.ui.nothing_scored)));
    assert!(
        !html.contains(&escape(&content.ui.strengths_title)),
        "no strengths heading over an empty list"
    );
}

#[test]
fn strengths_are_listed_under_their_heading() {
    let content = builtin("en").unwrap();
    let questions = content.questions();
    // The first area as close as can be, everything else in the middle.
    let closest: Vec<_> = questions
        .iter()
        .map(|q| match (q, content.item(*q)) {
            (crate::core::content::QuestionRef::Item { dimension: 0, .. }, Some(item)) => {
                Some(Response::Agree(if item.reverse { 1 } else { 5 }))
            }
            _ => Some(Response::Agree(3)),
        })
        .collect();
    let outcome = score(&content, &questions, &closest);
    assert!(!outcome.strengths().is_empty());
    let html = html(&content, &outcome, &KEEP);
    assert!(html.contains(&escape(&content.ui.strengths_title)));
    for i in outcome.strengths() {
        assert!(html.contains(&escape(&content.dimensions[i].name)));
    }
}

/// A publisher's texts (through `strings`, `items` or a language of their own) reach the file;
/// none of them can end the style, open a script or leave an attribute.
#[test]
fn hostile_publisher_texts_cannot_break_out() {
    const HOSTILE: &str = "</style><script>alert(\"x\")</script>' onload=\"alert(1)\" <b>&amp;";
    let mut content = (*builtin("en").unwrap()).clone();
    for text in content.ui.texts_mut() {
        *text = format!("{HOSTILE} {{date}} {{score}}");
    }
    for band in [
        &mut content.bands.strength,
        &mut content.bands.grow,
        &mut content.bands.explore,
    ] {
        band.label = HOSTILE.into();
        band.sentence = HOSTILE.into();
        band.summary = HOSTILE.into();
    }
    for dim in &mut content.dimensions {
        dim.name = HOSTILE.into();
        dim.description = HOSTILE.into();
        dim.tips = vec![HOSTILE.into(); 3];
    }
    content.lang = format!("en\" {HOSTILE}");
    content.digits = "0123456789".into();
    let outcome = outcome(&content);
    let html = html(
        &content,
        &outcome,
        &Keepsake {
            date: HOSTILE,
            code: Some(HOSTILE),
        },
    );
    well_formed(&html);
    assert!(!html.contains("<script"));
    assert!(!html.contains("<b>"));
    assert_eq!(html.matches("</style>").count(), 1);
    assert!(html.contains(
        "&lt;/style&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; onload=&quot;"
    ));
    assert!(html.contains("&amp;amp;"), "an entity in a text stays text");
}

#[test]
fn the_file_name_is_neutral() {
    assert_eq!(file_name("2026-12-03"), "results-2026-12-03.html");
    for code in ["en", "es", "ar"] {
        let content = builtin(code).unwrap();
        let name = file_name("2026-12-03").to_lowercase();
        for word in content.ui.title.to_lowercase().split_whitespace() {
            let word: String = word.chars().filter(|c| c.is_alphanumeric()).collect();
            assert!(word.len() < 4 || !name.contains(&word), "{code}: {word}");
        }
        for word in ["intima", "relation", "partner", "quiz"] {
            assert!(!name.contains(word));
        }
    }
}
