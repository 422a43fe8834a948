//! The embed builder's module: a third small wasm that only `builder.html` loads, never a
//! publisher's page. It gives the builder the widget's own checks and texts, so the page
//! holds no copy of them: every built-in language is compiled in (`language::builtin`), the
//! configuration goes through `config::compile` exactly as the configuration module runs it
//! for a widget, and the attributes through `settings::from_attributes`.
//!
//! Results cross to JavaScript as JSON text (the core's own writer), which keeps this
//! module free of js-sys and of hand-written getters.

use std::rc::Rc;
use wasm_bindgen::prelude::*;

use eiw::core::attributes::{find, TABLE};
use eiw::core::colour::{
    Accent, Rgb, Scheme, DARK_BACKGROUND, LIGHT_BACKGROUND, MIN_TEXT_CONTRAST,
};
use eiw::core::config::{compile, Compile};
use eiw::core::content::{Content, QuestionRef, BUILTIN_LANGUAGES};
use eiw::core::faq_html::snippet;
use eiw::core::json::{self, Value};
use eiw::core::language::builtin;
use eiw::core::report::{Problem, Severity};
use eiw::core::settings::{from_attributes, Attributes, DEFAULT_QUICK_EXIT};

/// The built-in language codes, English first.
#[wasm_bindgen]
pub fn languages() -> Vec<String> {
    BUILTIN_LANGUAGES.iter().map(|c| (*c).to_owned()).collect()
}

/// Every attribute of the element (`attributes.json`), in the order the builder writes them.
#[wasm_bindgen]
pub fn attributes() -> Vec<String> {
    TABLE.iter().map(|a| a.name.to_owned()).collect()
}

/// What an empty field means for `lang`, as JSON: the call-to-action label in that language
/// and the default Quick exit page, for the fields' hints.
#[wasm_bindgen]
pub fn defaults(lang: &str) -> String {
    let cta_label = builtin(lang)
        .or_else(|_| builtin("en"))
        .map(|c| c.ui.cta_label.clone())
        .unwrap_or_default();
    Value::object([
        ("cta_label", Value::from(cta_label)),
        ("quick_exit_href", Value::from(DEFAULT_QUICK_EXIT)),
    ])
    .to_string()
}

/// Checks the element's attributes (`names[i]` = `values[i]`) and the JSON configuration
/// (`config`; blank for none) as a page would see them. Returns JSON:
/// `{ "config": "none" | "valid" | "invalid", "languages": [codes the widget could show],
/// "problems": [{ "path", "message", "severity": "error" | "warning" }] }`. `invalid` means
/// the text is not JSON at all, so it must not go into a snippet.
#[wasm_bindgen]
pub fn check(config: &str, names: Vec<String>, values: Vec<String>) -> String {
    let mut problems: Vec<Problem> = Vec::new();
    let mut attributes = Attributes::default();
    for (name, value) in names.iter().zip(values) {
        // The loader's own attributes (`loading`, `shadow`) are no settings of the widget.
        let known = attributes.set(name, value) || find(name).is_some();
        if !known {
            problems.push(Problem {
                severity: Severity::Error,
                path: name.clone(),
                message: "is not an attribute of the widget".to_owned(),
            });
        }
    }

    let state = if config.trim().is_empty() {
        "none"
    } else if json::parse(config).is_ok() {
        "valid"
    } else {
        "invalid"
    };
    let mut offered = languages();
    let mut config_problems = Vec::new();
    if state != "none" {
        match compiled(config, &attributes) {
            Ok(Compile::Done(result)) => {
                offered = result.languages.clone();
                config_problems = result.problems;
            }
            Ok(Compile::NeedLanguage(code)) => config_problems.push(Problem {
                severity: Severity::Error,
                path: "lang".to_owned(),
                message: format!("no language \"{code}\" here"),
            }),
            Err(found) => config_problems = found,
        }
    }
    let available: Vec<&str> = offered.iter().map(String::as_str).collect();
    let (_, errors) = from_attributes(&attributes, &available);
    problems.extend(errors.iter().map(|e| Problem {
        severity: Severity::Error,
        path: e.attribute().to_owned(),
        message: e.to_string(),
    }));
    problems.extend(config_problems);

    let listed: Vec<Value> = problems
        .iter()
        .map(|p| {
            Value::object([
                ("path", Value::from(p.path.as_str())),
                ("message", Value::from(p.message.as_str())),
                (
                    "severity",
                    Value::from(match p.severity {
                        Severity::Error => "error",
                        Severity::Warning => "warning",
                    }),
                ),
            ])
        })
        .collect();
    Value::object([
        ("config", Value::from(state)),
        ("languages", Value::from(offered)),
        ("problems", Value::Array(listed)),
    ])
    .to_string()
}

/// The no-JS FAQ snippet for `lang`, as `./run.sh faq-snippet <lang>` prints it; with a
/// configuration (not blank), its FAQ entries and FAQ title applied, as the widget shows them.
#[wasm_bindgen]
pub fn faq_snippet(lang: &str, config: &str) -> Result<String, String> {
    with_content(lang, config, |content| {
        snippet(&content.ui.faq_title, &content.faq)
    })
}

/// How an accent colour (`#rgb` or `#rrggbb`, as the builder's field takes it) shows on
/// the widget's own backgrounds, as JSON: `{ "min": 4.5, "light": …, "dark": … }`, each
/// scheme `{ "background", "accent_contrast" (the colour as given, against the background),
/// "fill" (what buttons and bars show), "fill_contrast", "text" (on buttons),
/// "text_contrast", "link", "link_contrast" }`, ratios rounded to two decimals. The widget
/// computes the same with `core::colour` from what the page really has.
#[wasm_bindgen]
pub fn accent(colour: &str) -> Result<String, String> {
    let accent =
        Rgb::from_hex(colour).ok_or_else(|| format!("\"{colour}\" is not a colour code"))?;
    let ratio =
        |a: Rgb, b: Rgb| Value::Number(format!("{:.2}", (a.contrast(b) * 100.0).floor() / 100.0));
    let scheme = |scheme: Scheme, background: Rgb| {
        let shown = Accent::on_default(accent, scheme);
        Value::object([
            ("background", Value::from(background.hex())),
            ("accent_contrast", ratio(accent, background)),
            ("fill", Value::from(shown.fill.hex())),
            ("fill_contrast", ratio(shown.fill, background)),
            ("text", Value::from(shown.text.hex())),
            ("text_contrast", ratio(shown.text, shown.fill)),
            ("link", Value::from(shown.link.hex())),
            ("link_contrast", ratio(shown.link, background)),
        ])
    };
    Ok(Value::object([
        ("min", Value::Number(MIN_TEXT_CONTRAST.to_string())),
        ("light", scheme(Scheme::Light, LIGHT_BACKGROUND)),
        ("dark", scheme(Scheme::Dark, DARK_BACKGROUND)),
    ])
    .to_string())
}

/// Answers that reach the results screen, for the builder's preview of it: JSON
/// `[[statement, answer 1–5], …]` in the quiz's order, for `lang` with `config` applied
/// (as `faq_snippet`). The areas get different scores, so the results show strengths and
/// areas to explore; the safety statement is answered "strongly disagree", so the usual
/// results show (not the safety-first ones).
#[wasm_bindgen]
pub fn preview_answers(lang: &str, config: &str) -> Result<String, String> {
    // How connected each area comes out, 1–5, in turn.
    const LEVELS: [u8; 10] = [5, 4, 2, 4, 1, 5, 3, 4, 2, 5];
    with_content(lang, config, |content| {
        let answers: Vec<Value> = content
            .questions()
            .into_iter()
            .filter_map(|q| {
                let answer = match q {
                    QuestionRef::Safety => 1,
                    QuestionRef::Item { dimension, .. } => {
                        let level = LEVELS.get(dimension % LEVELS.len()).copied().unwrap_or(3);
                        if content.item(q)?.reverse {
                            6 - level
                        } else {
                            level
                        }
                    }
                };
                let text = content.question_text(q)?;
                Some(Value::Array(vec![Value::from(text), Value::from(answer)]))
            })
            .collect();
        Value::Array(answers).to_string()
    })
}

/// `f` of the content the widget shows for `lang` with `config` (blank for none) applied.
fn with_content<T>(lang: &str, config: &str, f: impl Fn(&Content) -> T) -> Result<T, String> {
    if config.trim().is_empty() {
        let content = builtin(lang).map_err(|problems| joined(&problems))?;
        return Ok(f(&content));
    }
    let attributes = Attributes {
        lang: Some(lang.to_owned()),
        ..Attributes::default()
    };
    match compiled(config, &attributes).map_err(|problems| joined(&problems))? {
        Compile::Done(result) => Ok(f(&result.content)),
        Compile::NeedLanguage(code) => Err(format!("no language \"{code}\" here")),
    }
}

/// `config::compile` with every built-in language at hand, as a widget has once its
/// language has downloaded.
fn compiled(config: &str, attributes: &Attributes) -> Result<Compile, Vec<Problem>> {
    let downloaded: Vec<Rc<Content>> = BUILTIN_LANGUAGES
        .iter()
        .map(|code| builtin(code))
        .collect::<Result<_, _>>()?;
    Ok(compile(config, attributes, BUILTIN_LANGUAGES, &downloaded))
}

fn joined(problems: &[Problem]) -> String {
    let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn checked(config: &str, attributes: &[(&str, &str)]) -> Value {
        let names = attributes.iter().map(|(n, _)| (*n).to_owned()).collect();
        let values = attributes.iter().map(|(_, v)| (*v).to_owned()).collect();
        json::parse(&check(config, names, values)).unwrap()
    }

    fn paths(result: &Value) -> Vec<(String, String)> {
        result
            .get("problems")
            .unwrap()
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                let field = |k| p.get(k).unwrap().as_str().unwrap().to_owned();
                (field("path"), field("severity"))
            })
            .collect()
    }

    #[test]
    fn a_clean_setup_has_no_problems() {
        let result = checked(
            "",
            &[("lang", "es"), ("theme", "dark"), ("loading", "eager")],
        );
        assert_eq!(result.get("config").unwrap().as_str(), Some("none"));
        assert_eq!(paths(&result), vec![]);
        assert_eq!(
            result.get("languages").unwrap().to_string(),
            "[\"en\",\"ar\",\"es\"]"
        );
    }

    #[test]
    fn a_typo_and_a_wrong_type_are_both_reported_with_their_paths() {
        let result = checked(r#"{"strngs": {"title": "Hi"}, "faq": "none"}"#, &[]);
        assert_eq!(result.get("config").unwrap().as_str(), Some("valid"));
        assert_eq!(
            paths(&result),
            vec![
                ("config.strngs".to_owned(), "warning".to_owned()),
                ("config.faq".to_owned(), "error".to_owned())
            ]
        );
        let message = result.to_string();
        assert!(message.contains("did you mean `strings`?"), "{message}");
    }

    #[test]
    fn text_that_is_not_json_is_invalid() {
        let result = checked(r#"{"faq": [}"#, &[]);
        assert_eq!(result.get("config").unwrap().as_str(), Some("invalid"));
        assert_eq!(
            paths(&result),
            vec![("config".to_owned(), "error".to_owned())]
        );
    }

    #[test]
    fn attribute_problems_name_the_attribute() {
        let result = checked(
            "",
            &[
                ("cta-href", "javascript:alert(1)"),
                ("region", "USA"),
                ("colour", "red"),
            ],
        );
        assert_eq!(
            paths(&result),
            vec![
                ("colour".to_owned(), "error".to_owned()),
                ("cta-href".to_owned(), "error".to_owned()),
                ("region".to_owned(), "error".to_owned())
            ]
        );
    }

    #[test]
    fn a_language_the_configuration_adds_may_be_chosen() {
        let mut fr = json::parse(include_str!("../../../content/en.json")).unwrap();
        if let Value::Object(map) = &mut fr {
            map.insert("lang".to_owned(), Value::from("fr"));
        }
        let config = format!("{{\"languages\": {{\"fr\": {fr}}}}}");
        let result = checked(&config, &[("lang", "fr")]);
        assert_eq!(paths(&result), vec![]);
        assert!(result
            .get("languages")
            .unwrap()
            .to_string()
            .contains("\"fr\""));
        assert_eq!(
            paths(&checked("", &[("lang", "fr")])),
            vec![("lang".to_owned(), "error".to_owned())]
        );
    }

    #[test]
    fn the_faq_snippet_is_the_command_line_one_or_the_configured_faq() {
        for code in BUILTIN_LANGUAGES {
            let content = builtin(code).unwrap();
            assert_eq!(
                faq_snippet(code, " ").unwrap(),
                snippet(&content.ui.faq_title, &content.faq)
            );
        }
        let html = faq_snippet(
            "en",
            r#"{"faq": [{"question": "What does it cost?", "answer": "Nothing."}]}"#,
        )
        .unwrap();
        assert!(
            html.contains("<details id=\"faq-what-does-it-cost\">"),
            "{html}"
        );
        assert_eq!(html.matches("<details").count(), 1);
        assert!(faq_snippet("xx", "").is_err());
    }

    #[test]
    fn defaults_follow_the_language() {
        let es = json::parse(&defaults("es")).unwrap();
        let content = builtin("es").unwrap();
        assert_eq!(
            es.get("cta_label").unwrap().as_str(),
            Some(content.ui.cta_label.as_str())
        );
        assert_eq!(
            es.get("quick_exit_href").unwrap().as_str(),
            Some(DEFAULT_QUICK_EXIT)
        );
    }

    #[test]
    fn accent_figures_warn_about_a_light_accent_and_lighten_a_dark_one() {
        let figures = |colour| json::parse(&accent(colour).unwrap()).unwrap();
        let field = |v: &Value, scheme: &str, key: &str| {
            v.get(scheme).unwrap().get(key).unwrap().to_string()
        };
        let yellow = figures("#ffff00");
        assert_eq!(field(&yellow, "light", "accent_contrast"), "1.07");
        assert_eq!(field(&yellow, "light", "fill"), "\"#ffff00\"");
        assert_eq!(field(&yellow, "light", "text"), "\"#000000\"");
        assert_eq!(field(&yellow, "light", "text_contrast"), "19.55");
        let purple = figures("#6b3fa0");
        assert_eq!(field(&purple, "dark", "accent_contrast"), "2.34");
        assert_eq!(field(&purple, "dark", "fill"), "\"#9474ba\"");
        assert_eq!(field(&purple, "dark", "fill_contrast"), "4.50");
        assert_eq!(field(&purple, "dark", "text"), "\"#000000\"");
        assert_eq!(figures("#f0f").get("min").unwrap().to_string(), "4.5");
        assert!(accent("purple").is_err());
    }

    #[test]
    fn preview_answers_reach_the_usual_results() {
        let answers = json::parse(&preview_answers("es", "").unwrap()).unwrap();
        let answers = answers.as_array().unwrap();
        let content = builtin("es").unwrap();
        assert_eq!(answers.len(), content.questions().len());
        let safety = answers
            .iter()
            .find(|a| a.as_array().unwrap()[0].as_str() == Some(content.safety.item.as_str()))
            .unwrap();
        assert_eq!(safety.as_array().unwrap()[1].to_string(), "1");
        // With a configuration's own statements, their texts.
        let config = r#"{"strings": {"title": "Hola"}}"#;
        assert_eq!(
            preview_answers("es", config).unwrap(),
            preview_answers("es", "").unwrap()
        );
    }
}
