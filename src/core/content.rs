//! Typed quiz and FAQ content: one JSON file per language (`content/<lang>.json`), read and
//! checked by `language` like a publisher's own, and shipped to visitors as a separate
//! data file per language (`packed`), so each downloads only their own.
//!
//! Every string a visitor sees lives in `content/<lang>.json`; the code only knows keys.

use thiserror::Error;

use super::template::placeholders;

mod schema;
pub use schema::*;

/// The ten factors of emotional intimacy, in the order the results list them. Dimension
/// ids are fixed so that scoring, tips and publisher overrides always line up.
pub const DIMENSION_IDS: [&str; 10] = [
    "communication",
    "trust",
    "past",
    "background",
    "time",
    "wellbeing",
    "conflict",
    "values",
    "empathy",
    "affection",
];

impl Content {
    /// Empty content with the ten dimensions in place: what a language file fills in.
    pub fn skeleton() -> Content {
        Content {
            dimensions: DIMENSION_IDS
                .iter()
                .map(|id| Dimension {
                    id: (*id).to_owned(),
                    ..Dimension::default()
                })
                .collect(),
            ..Content::default()
        }
    }

    pub fn direction_is_rtl(&self) -> bool {
        self.dir == Direction::Rtl
    }
}

impl Direction {
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// Where one question of the quiz comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionRef {
    /// A scored statement: `dimensions[dimension].items[item]`.
    Item { dimension: usize, item: usize },
    /// The unscored safety statement.
    Safety,
}

/// A problem in a content file, phrased for the translator or publisher who wrote it.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ContentError {
    #[error("content is not valid JSON for the widget: {0}")]
    Parse(String),
    /// A problem found while reading a language file, as `path: message`.
    #[error("{0}")]
    Invalid(String),
    #[error("{path}: this text is empty; write the words a visitor should see")]
    Empty { path: String },
    #[error("{path}: the template must contain {{{placeholder}}}")]
    MissingPlaceholder { path: String, placeholder: String },
    #[error("digits: expected the ten digits 0 to 9 in order, found {found} characters")]
    Digits { found: usize },
    #[error("scale: expected exactly 5 answer labels (strongly disagree … strongly agree), found {found}")]
    ScaleLength { found: usize },
    #[error("dimensions: expected the ten dimensions {expected} in this order, found {found}")]
    Dimensions {
        /// Ids separated by commas.
        expected: String,
        found: String,
    },
    #[error("dimensions[{index}].items: each dimension needs at least one item")]
    NoItems { index: usize },
    #[error("dimensions[{index}].tips: each dimension needs at least two tips")]
    TooFewTips { index: usize },
    #[error(
        "dimensions[{index}].starters: each dimension needs at least two conversation starters"
    )]
    TooFewStarters { index: usize },
    #[error("faq[{index}].slug: \"{slug}\" must be lowercase letters, digits and hyphens")]
    BadSlug { index: usize, slug: String },
    #[error("faq[{index}].slug: \"{slug}\" is used twice; slugs must be unique")]
    DuplicateSlug { index: usize, slug: String },
}

/// Placeholders each template must contain, so no language can drop a number by mistake.
const REQUIRED_PLACEHOLDERS: [(&str, &[&str]); 11] = [
    ("cta_phone", &["phone"]),
    ("facts", &["count"]),
    ("progress", &["n", "total"]),
    ("score_value", &["score"]),
    ("chart_row", &["name", "score", "band"]),
    ("chart_row_skipped", &["name"]),
    ("safety.call", &["number"]),
    ("safety.text", &["keyword", "number"]),
    ("safety.website", &["site"]),
    ("compare.chart_row", &["name", "you", "partner"]),
    ("compare.chart_row_missing", &["name"]),
];

impl Content {
    /// Parses and validates a content file. Tests only: the widget's own languages arrive as
    /// JSON read through `config` like a publisher's; this serde path cross-checks it.
    #[cfg(test)]
    pub fn from_json(json: &str) -> Result<Content, Vec<ContentError>> {
        let content: Content =
            serde_json::from_str(json).map_err(|e| vec![ContentError::Parse(e.to_string())])?;
        let problems = content.validate();
        if problems.is_empty() {
            Ok(content)
        } else {
            Err(problems)
        }
    }

    /// Every problem in the content, not just the first.
    pub fn validate(&self) -> Vec<ContentError> {
        let mut problems = Vec::new();
        let mut check = |path: String, text: &str| {
            if text.trim().is_empty() {
                problems.push(ContentError::Empty { path });
            }
        };
        for (path, text) in self.ui.texts() {
            check(format!("ui.{path}"), text);
        }
        for (i, p) in self.ui.intro.iter().enumerate() {
            check(format!("ui.intro[{i}]"), p);
        }
        for (i, label) in self.scale.iter().enumerate() {
            check(format!("scale[{i}]"), label);
        }
        for (name, band) in [
            ("strength", &self.bands.strength),
            ("grow", &self.bands.grow),
            ("explore", &self.bands.explore),
        ] {
            check(format!("bands.{name}.label"), &band.label);
            check(format!("bands.{name}.sentence"), &band.sentence);
            check(format!("bands.{name}.summary"), &band.summary);
        }
        for (d, dim) in self.dimensions.iter().enumerate() {
            check(format!("dimensions[{d}].name"), &dim.name);
            check(format!("dimensions[{d}].description"), &dim.description);
            for (i, item) in dim.items.iter().enumerate() {
                check(format!("dimensions[{d}].items[{i}].text"), &item.text);
            }
            for (i, tip) in dim.tips.iter().enumerate() {
                check(format!("dimensions[{d}].tips[{i}]"), tip);
            }
            for (i, starter) in dim.starters.iter().enumerate() {
                check(format!("dimensions[{d}].starters[{i}]"), starter);
            }
        }
        for (i, entry) in self.faq.iter().enumerate() {
            check(format!("faq[{i}].question"), &entry.question);
            if entry.answer.is_empty() {
                check(format!("faq[{i}].answer"), "");
            }
            for (p, para) in entry.answer.iter().enumerate() {
                check(format!("faq[{i}].answer[{p}]"), para);
            }
        }

        for (path, text) in self.safety.texts() {
            check(format!("safety.{path}"), text);
        }
        for (path, text) in self.compare.texts() {
            check(format!("compare.{path}"), text);
        }

        for (key, needed) in REQUIRED_PLACEHOLDERS {
            let present = self.text(key).map(placeholders).unwrap_or_default();
            for placeholder in needed {
                if !present.contains(placeholder) {
                    let path = if key.contains('.') {
                        key.to_owned()
                    } else {
                        format!("ui.{key}")
                    };
                    problems.push(ContentError::MissingPlaceholder {
                        path,
                        placeholder: (*placeholder).to_owned(),
                    });
                }
            }
        }
        if self.digits.chars().count() != 10 {
            problems.push(ContentError::Digits {
                found: self.digits.chars().count(),
            });
        }
        if self.scale.len() != 5 {
            problems.push(ContentError::ScaleLength {
                found: self.scale.len(),
            });
        }
        let found: Vec<&str> = self.dimensions.iter().map(|d| d.id.as_str()).collect();
        if found != DIMENSION_IDS {
            problems.push(ContentError::Dimensions {
                expected: DIMENSION_IDS.join(", "),
                found: found.join(", "),
            });
        }
        for (index, dim) in self.dimensions.iter().enumerate() {
            if dim.items.is_empty() {
                problems.push(ContentError::NoItems { index });
            }
            if dim.tips.len() < 2 {
                problems.push(ContentError::TooFewTips { index });
            }
            if dim.starters.len() < 2 {
                problems.push(ContentError::TooFewStarters { index });
            }
        }
        let mut seen: Vec<&str> = Vec::new();
        for (index, entry) in self.faq.iter().enumerate() {
            let slug = entry.slug.as_str();
            let well_formed = !slug.is_empty()
                && slug
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if !well_formed {
                problems.push(ContentError::BadSlug {
                    index,
                    slug: slug.to_owned(),
                });
            } else if seen.contains(&slug) {
                problems.push(ContentError::DuplicateSlug {
                    index,
                    slug: slug.to_owned(),
                });
            }
            seen.push(slug);
        }
        problems
    }

    /// The quiz order: the first item of every dimension, then the second, and so on, so
    /// that consecutive questions touch different parts of the relationship. The safety
    /// statement comes second to last: late enough that trust has built, not the very end.
    pub fn questions(&self) -> Vec<QuestionRef> {
        let mut order = self.item_order();
        order.insert(order.len().saturating_sub(1), QuestionRef::Safety);
        order
    }

    fn item_order(&self) -> Vec<QuestionRef> {
        let rounds = self
            .dimensions
            .iter()
            .map(|d| d.items.len())
            .max()
            .unwrap_or(0);
        (0..rounds)
            .flat_map(|item| {
                self.dimensions
                    .iter()
                    .enumerate()
                    .filter(move |(_, d)| item < d.items.len())
                    .map(move |(dimension, _)| QuestionRef::Item { dimension, item })
            })
            .collect()
    }

    /// A number written with this language's digits.
    pub fn number(&self, n: impl std::fmt::Display) -> String {
        let digits: Vec<char> = self.digits.chars().collect();
        n.to_string()
            .chars()
            .map(|c| {
                c.to_digit(10)
                    .and_then(|d| digits.get(d as usize).copied())
                    .unwrap_or(c)
            })
            .collect()
    }

    pub fn item(&self, q: QuestionRef) -> Option<&Item> {
        match q {
            QuestionRef::Item { dimension, item } => {
                self.dimensions.get(dimension)?.items.get(item)
            }
            QuestionRef::Safety => None,
        }
    }

    /// A single text by its key in a language file: `title` (in `ui`), or in a group,
    /// `safety.call` or `compare.note`.
    pub fn text(&self, key: &str) -> Option<&str> {
        match key.split_once('.') {
            None => self.ui.texts().find(|(k, _)| *k == key),
            Some(("safety", k)) => self.safety.texts().find(|(name, _)| *name == k),
            Some(("compare", k)) => self.compare.texts().find(|(name, _)| *name == k),
            Some(_) => None,
        }
        .map(|(_, text)| text)
    }

    /// The text `key` (as in [`Content::text`]), to replace it.
    pub fn text_slot(&mut self, key: &str) -> Option<&mut String> {
        match key.split_once('.') {
            None => self.ui.text_mut(key),
            Some(("safety", k)) => self.safety.text_mut(k),
            Some(("compare", k)) => self.compare.text_mut(k),
            Some(_) => None,
        }
    }

    /// The statement shown for a question.
    pub fn question_text(&self, q: QuestionRef) -> Option<&str> {
        match q {
            QuestionRef::Item { .. } => self.item(q).map(|i| i.text.as_str()),
            QuestionRef::Safety => Some(&self.safety.item),
        }
    }
}

/// Lists a struct's single-string fields once and derives the views the code needs:
/// `texts` (read, for validation, docs and packing), `text_mut` (write one by key, for
/// publisher overrides) and `texts_mut` (write all in order, for unpacking).
macro_rules! text_fields {
    ($ty:ident { $($field:ident),* $(,)? }) => {
        impl $ty {
            /// Every single-string field with its key.
            pub fn texts(&self) -> impl Iterator<Item = (&'static str, &str)> {
                [$((stringify!($field), self.$field.as_str())),*].into_iter()
            }

            /// The field named `key`, to replace it.
            pub fn text_mut(&mut self, key: &str) -> Option<&mut String> {
                match key {
                    $(stringify!($field) => Some(&mut self.$field),)*
                    _ => None,
                }
            }

            /// Every single-string field, in the order of `texts`.
            pub fn texts_mut(&mut self) -> impl Iterator<Item = &mut String> {
                [$(&mut self.$field),*].into_iter()
            }
        }
    };
}

text_fields!(Ui {
    title,
    who,
    facts,
    privacy,
    start,
    progress,
    progress_label,
    skip,
    back,
    next,
    finish,
    shortcut_hint,
    results_title,
    score_label,
    score_value,
    bands_note,
    chart_title,
    chart_row,
    chart_row_skipped,
    not_scored,
    nothing_scored,
    areas_title,
    areas_none,
    strengths_title,
    not_diagnosis,
    cta_text,
    cta_label,
    cta_phone,
    retake,
    print,
    faq_title,
    quick_exit,
    quick_exit_hint,
    remember,
    remember_hint,
    forget,
    resumed,
    loading,
});

text_fields!(Safety {
    item,
    title,
    intro,
    reframe,
    emergency,
    violence_title,
    crisis_title,
    directory_title,
    help_button,
    help_title,
    help_intro,
    call,
    text,
    website,
});

text_fields!(Compare {
    heading,
    text,
    button,
    code_label,
    code_note,
    copy,
    copied,
    copy_failed,
    have_code,
    partner_label,
    partner_hint,
    submit,
    accepted,
    error_typo,
    error_version,
    error_statements,
    error_not_code,
    title,
    you,
    partner,
    chart_row,
    chart_row_missing,
    closest_title,
    gaps_title,
    gaps_none,
    starters_title,
    note,
    turns,
    turns_note,
    handover_title,
    handover_text,
    handover_button,
});

/// The codes of the built-in languages (`content/<code>.json`), in file-name order with
/// English first; build.rs writes the list.
pub const BUILTIN_LANGUAGES: &[&str] = include!(concat!(env!("OUT_DIR"), "/languages.rs"));

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::language::builtin;
    use std::rc::Rc;

    fn english() -> Rc<Content> {
        builtin("en").expect("the built-in English content is valid")
    }

    #[test]
    fn every_builtin_language_is_valid() {
        for code in BUILTIN_LANGUAGES {
            let content = builtin(code).unwrap_or_else(|e| panic!("{code}: {e:?}"));
            assert_eq!(content.lang, *code);
        }
    }

    #[test]
    fn every_language_has_exactly_the_keys_of_english() {
        use crate::core::json;
        use crate::core::language::{english_shape, extra_keys, missing_keys};
        let shape = english_shape();
        assert!(
            shape.get("ui").is_some(),
            "build.rs wrote the shape of English"
        );
        let english: serde_json::Value =
            serde_json::from_str(include_str!("../../content/en.json")).unwrap();
        let english_faq = english["faq"].as_array().unwrap();
        for code in BUILTIN_LANGUAGES {
            let json = std::fs::read_to_string(format!("content/{code}.json")).unwrap();
            let value = json::parse(&json).unwrap();
            assert_eq!(missing_keys(&shape, &value, code), Vec::<String>::new());
            assert_eq!(extra_keys(&shape, &value, code), Vec::<String>::new());
            let content = builtin(code).unwrap();
            assert_eq!(content.faq.len(), english_faq.len(), "{code}");
            let slugs: Vec<&str> = content.faq.iter().map(|f| f.slug.as_str()).collect();
            let english_slugs: Vec<&str> = english_faq
                .iter()
                .map(|f| f["slug"].as_str().unwrap())
                .collect();
            assert_eq!(
                slugs, english_slugs,
                "{code}: deep links work in every language"
            );
            for (d, dim) in content.dimensions.iter().enumerate() {
                let en_items = english["dimensions"][d]["items"].as_array().unwrap();
                assert_eq!(dim.items.len(), en_items.len(), "{code}");
                for (i, item) in dim.items.iter().enumerate() {
                    assert_eq!(
                        item.reverse,
                        en_items[i]["reverse"].as_bool().unwrap_or(false),
                        "{code} {d}/{i}"
                    );
                }
            }
        }
    }

    #[test]
    fn numbers_use_the_language_digits() {
        assert_eq!(english().number(63), "63");
        assert_eq!(builtin("ar").unwrap().number(63), "٦٣");
        assert!(builtin("ar").unwrap().direction_is_rtl());
    }

    #[test]
    fn english_has_ten_dimensions_of_two_items_and_a_quarter_reverse_keyed() {
        let en = english();
        assert_eq!(en.dimensions.len(), 10);
        assert!(en.dimensions.iter().all(|d| d.items.len() == 2));
        assert!(en
            .dimensions
            .iter()
            .all(|d| (2..=3).contains(&d.tips.len())));
        let reverse = en
            .dimensions
            .iter()
            .flat_map(|d| &d.items)
            .filter(|i| i.reverse)
            .count();
        assert!((4..=6).contains(&reverse), "{reverse} reverse-keyed items");
    }

    #[test]
    fn items_follow_the_writing_rules() {
        for dim in &english().dimensions {
            for item in &dim.items {
                let lower = item.text.to_lowercase();
                let words: Vec<&str> = lower
                    .split(|c: char| !c.is_alphanumeric() && c != '\'')
                    .filter(|w| !w.is_empty())
                    .collect();
                for banned in [
                    "always", "never", "not", "don't", "doesn't", "isn't", "can't",
                ] {
                    assert!(!words.contains(&banned), "\"{}\" uses {banned}", item.text);
                }
                // Short items keep the reading level low.
                assert!(words.len() <= 16, "\"{}\" is long", item.text);
            }
        }
    }

    #[test]
    fn questions_interleave_dimensions() {
        let en = english();
        let qs = en.questions();
        assert_eq!(qs.len(), 21, "twenty statements and the safety statement");
        assert_eq!(
            qs[0],
            QuestionRef::Item {
                dimension: 0,
                item: 0
            }
        );
        assert_eq!(
            qs[9],
            QuestionRef::Item {
                dimension: 9,
                item: 0
            }
        );
        assert_eq!(
            qs[10],
            QuestionRef::Item {
                dimension: 0,
                item: 1
            }
        );
        assert_eq!(qs[19], QuestionRef::Safety, "second to last");
        assert_eq!(
            qs[20],
            QuestionRef::Item {
                dimension: 9,
                item: 1
            }
        );
        let dims: Vec<usize> = qs
            .iter()
            .filter_map(|q| match q {
                QuestionRef::Item { dimension, .. } => Some(*dimension),
                QuestionRef::Safety => None,
            })
            .collect();
        assert!(dims.windows(2).all(|w| w[0] != w[1]));
        assert!(qs.iter().all(|q| en.question_text(*q).is_some()));
    }

    #[test]
    fn faq_has_the_required_entries() {
        let en = english();
        let slugs: Vec<&str> = en.faq.iter().map(|f| f.slug.as_str()).collect();
        for slug in ["is-this-a-diagnosis", "where-do-my-answers-go"] {
            assert!(slugs.contains(&slug), "{slug} missing");
        }
        assert!(en.faq.len() >= 9);
    }

    #[test]
    fn validation_reports_every_problem() {
        let mut bad = (*english()).clone();
        bad.ui.start = "  ".into();
        bad.ui.progress = "Question {n}".into();
        bad.scale.pop();
        bad.dimensions.swap(0, 1);
        bad.dimensions[2].tips.truncate(1);
        bad.faq[0].slug = "Not A Slug".into();
        bad.faq[2].slug = bad.faq[1].slug.clone();
        let problems = bad.validate();
        let messages: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert!(problems.contains(&ContentError::Empty {
            path: "ui.start".into()
        }));
        assert!(problems.contains(&ContentError::MissingPlaceholder {
            path: "ui.progress".into(),
            placeholder: "total".into()
        }));
        assert!(problems.contains(&ContentError::ScaleLength { found: 4 }));
        assert!(problems.contains(&ContentError::TooFewTips { index: 2 }));
        assert!(problems
            .iter()
            .any(|p| matches!(p, ContentError::Dimensions { .. })));
        assert!(messages
            .iter()
            .any(|m| m.contains("faq[0].slug") && m.contains("lowercase")));
        assert!(messages
            .iter()
            .any(|m| m.contains("faq[2].slug") && m.contains("used twice")));
        assert_eq!(problems.len(), 7, "{messages:#?}");
    }

    #[test]
    fn unknown_keys_and_bad_json_are_errors_not_panics() {
        assert!(matches!(
            Content::from_json("{\"lang\": 3}").unwrap_err()[0],
            ContentError::Parse(_)
        ));
        assert!(Content::from_json("not json").is_err());
    }
}
