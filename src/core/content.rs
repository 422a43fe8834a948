//! Typed quiz and FAQ content: one JSON file per language (`content/<lang>.json`), read and
//! checked by `language` like a publisher's own, and shipped to visitors as a separate
//! data file per language (`packed`), so each downloads only their own.
//!
//! Every string a visitor sees lives in `content/<lang>.json`; the code only knows keys.
//! The types below are plain data: `language` is the one place that checks what goes in.

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

/// One language's texts. Equal means the same value, not the same texts (see `PartialEq`).
#[derive(Debug, Clone, Default)]
pub struct Content {
    pub lang: String,
    pub dir: Direction,
    /// The ten digits 0–9 as this language writes them (Arabic: ٠١٢٣٤٥٦٧٨٩).
    pub digits: String,
    pub ui: Ui,
    /// The five answer labels, from "Strongly disagree" (1) to "Strongly agree" (5).
    pub scale: Vec<String>,
    pub bands: Bands,
    pub dimensions: Vec<Dimension>,
    pub safety: Safety,
    /// Comparing results with a partner.
    pub compare: Compare,
    pub faq: Vec<FaqEntry>,
    /// The statements are the publisher's own (replaced through `items`, or a publisher's
    /// language), not the built-in set all built-in languages translate: pair codes from
    /// such a page are only comparable with codes from the same statements.
    pub statements_replaced: bool,
}

/// Two contents are equal when they are the same value. A widget builds its content once and
/// shares it (`Rc<Content>`), and Yew compares every component's props, and so the content, on
/// each render: comparing every text instead cost 1.5 KB of the gzip download (English,
/// measured 2026-12-03) and a walk through every string per render. Tests that need the texts
/// compared compare their `Debug` forms.
impl PartialEq for Content {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Direction {
    #[default]
    Ltr,
    Rtl,
}

/// Interface strings. Templates use `{placeholders}`; `language::REQUIRED_PLACEHOLDERS`
/// lists them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Ui {
    pub title: String,
    pub intro: Vec<String>,
    pub who: String,
    pub facts: String,
    pub privacy: String,
    pub quick_exit_hint: String,
    /// `quick_exit_hint` on a touch screen, where Esc means nothing.
    pub quick_exit_hint_touch: String,
    pub start: String,
    pub progress: String,
    pub progress_label: String,
    pub skip: String,
    pub back: String,
    pub next: String,
    pub finish: String,
    pub shortcut_hint: String,
    pub results_title: String,
    pub score_label: String,
    pub score_value: String,
    pub bands_note: String,
    pub chart_title: String,
    pub chart_row: String,
    pub chart_row_skipped: String,
    /// A bar's accessible text without its band, for a visitor who feels afraid.
    pub chart_row_plain: String,
    pub not_scored: String,
    pub nothing_scored: String,
    pub areas_title: String,
    pub areas_none: String,
    pub strengths_title: String,
    pub not_diagnosis: String,
    pub cta_text: String,
    pub cta_label: String,
    pub cta_phone: String,
    pub retake: String,
    pub print: String,
    pub faq_title: String,
    pub quick_exit: String,
    pub remember: String,
    pub remember_hint: String,
    pub forget: String,
    pub resumed: String,
    pub loading: String,
    /// `privacy` where the publisher set `share-score`.
    pub privacy_shared: String,
    /// The results' disclosure with every tip for the areas to explore.
    pub more_ideas: String,
    /// "Save my results": the keepsake file, and what it says (see `keepsake`).
    pub save: String,
    pub save_note: String,
    pub keepsake_date: String,
    pub keepsake_code_title: String,
    pub keepsake_code_note: String,
    pub counsellor_title: String,
    pub counsellor_intro: String,
    pub counsellor_method: String,
    pub counsellor_areas: String,
}

/// The unscored safety statement and everything shown around it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Safety {
    /// Asked near the end; agreeing opens the safety panel on the results.
    pub item: String,
    pub title: String,
    pub intro: String,
    pub reframe: String,
    pub emergency: String,
    /// `emergency` where the visitor's country and its number are known; the number follows.
    pub emergency_in: String,
    pub violence_title: String,
    pub crisis_title: String,
    pub directory_title: String,
    pub help_button: String,
    pub help_title: String,
    pub help_intro: String,
    pub call: String,
    pub text: String,
    pub website: String,
    /// A text-message link to a service that needs no keyword.
    pub text_number: String,
    /// In the help panel: what Quick exit cannot erase.
    pub exit_note: String,
    /// Before any Call or Text link (help panel and safety panel): what a call or a text
    /// leaves on a phone, read before tapping, not after.
    pub traces: String,
    /// Announced to screen readers after one Esc: what a second one does.
    pub exit_armed: String,
    /// The disclosure that holds the scores of a visitor who said they feel afraid.
    pub see_scores: String,
    /// On the results after "Neither" or a skipped safety statement.
    pub unsure: String,
}

/// Everything shown around comparing results with a partner (pair codes, taking turns).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Compare {
    pub heading: String,
    pub text: String,
    pub button: String,
    pub code_label: String,
    pub code_note: String,
    pub copy: String,
    pub copied: String,
    pub copy_failed: String,
    pub have_code: String,
    pub partner_label: String,
    pub partner_hint: String,
    pub submit: String,
    pub accepted: String,
    pub error_typo: String,
    pub error_version: String,
    pub error_statements: String,
    pub error_not_code: String,
    pub title: String,
    pub you: String,
    pub partner: String,
    pub chart_row: String,
    pub chart_row_missing: String,
    pub closest_title: String,
    pub gaps_title: String,
    pub gaps_none: String,
    pub starters_title: String,
    pub note: String,
    pub turns: String,
    pub turns_note: String,
    pub handover_title: String,
    pub handover_text: String,
    pub handover_button: String,
    /// The comparison's disclosure with both scores for every area.
    pub chart_toggle: String,
    /// "Then and now": the visitor's own earlier results code beside today's scores.
    pub earlier_button: String,
    pub earlier_label: String,
    pub earlier_hint: String,
    pub earlier_error_typo: String,
    pub earlier_error_not_code: String,
    pub then_title: String,
    pub then_earlier: String,
    pub then_now: String,
    pub then_row: String,
    pub then_row_small: String,
    pub then_row_missing: String,
    pub then_small: String,
    pub then_note: String,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Bands {
    pub strength: BandText,
    pub grow: BandText,
    pub explore: BandText,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct BandText {
    /// Short label for a chart row: "a strength".
    pub label: String,
    /// The overall result as a whole sentence, written for this band in each language.
    pub sentence: String,
    /// One or two kind sentences explaining what the band means.
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Dimension {
    pub id: String,
    pub name: String,
    pub description: String,
    pub items: Vec<Item>,
    pub tips: Vec<String>,
    /// Questions for two people to ask each other, shown where partners' scores differ.
    pub starters: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Item {
    pub text: String,
    /// Reverse-keyed: agreeing means *less* connection, so the answer scores as 6 − x.
    pub reverse: bool,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct FaqEntry {
    /// Stable id used in deep links (`#faq-<slug>`).
    pub slug: String,
    pub question: String,
    /// Paragraphs in the safe rich-text format (see `rich_text`).
    pub answer: Vec<String>,
}

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

impl Content {
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
    chart_row_plain,
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
    quick_exit_hint_touch,
    remember,
    remember_hint,
    forget,
    resumed,
    loading,
    privacy_shared,
    more_ideas,
    save,
    save_note,
    keepsake_date,
    keepsake_code_title,
    keepsake_code_note,
    counsellor_title,
    counsellor_intro,
    counsellor_method,
    counsellor_areas,
});

text_fields!(Safety {
    item,
    title,
    intro,
    reframe,
    emergency,
    emergency_in,
    violence_title,
    crisis_title,
    directory_title,
    help_button,
    help_title,
    help_intro,
    call,
    text,
    website,
    text_number,
    exit_note,
    traces,
    exit_armed,
    see_scores,
    unsure,
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
    chart_toggle,
    earlier_button,
    earlier_label,
    earlier_hint,
    earlier_error_typo,
    earlier_error_not_code,
    then_title,
    then_earlier,
    then_now,
    then_row,
    then_row_small,
    then_row_missing,
    then_small,
    then_note,
});

/// The codes of the built-in languages (`content/<code>.json`), in file-name order with
/// English first; build.rs writes the list. (`generated`: build.rs sets it for the crate,
/// not for itself, which compiles this file to check the built-in languages before the list
/// exists.)
#[cfg(generated)]
pub const BUILTIN_LANGUAGES: &[&str] = include!(concat!(env!("OUT_DIR"), "/languages.rs"));

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::language::builtin;
    use std::rc::Rc;

    fn english() -> Rc<Content> {
        builtin("en").expect("the built-in English content is valid")
    }

    /// Yew re-renders a view when its props differ: a widget whose language file arrives
    /// after it has started in English must be told apart from that English, and a widget's
    /// own content must not look changed on every render.
    #[test]
    fn a_content_equals_itself_and_no_other() {
        let en = english();
        assert!(*en == *Rc::clone(&en));
        assert!(*en != *builtin("es").unwrap());
        let copy: Content = (*en).clone();
        assert!(*en != copy, "another value may carry a publisher's texts");
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
    fn a_text_is_found_by_the_key_publishers_write() {
        let en = english();
        assert_eq!(en.text("title"), Some(en.ui.title.as_str()));
        assert_eq!(en.text("safety.call"), Some(en.safety.call.as_str()));
        assert_eq!(
            en.text("compare.heading"),
            Some(en.compare.heading.as_str())
        );
        for unknown in ["safety.nope", "quiz.title", "nope"] {
            assert_eq!(en.text(unknown), None, "{unknown}");
        }
    }

    #[test]
    fn each_question_shows_its_own_statement() {
        let en = english();
        let item = |dimension, item| QuestionRef::Item { dimension, item };
        assert_eq!(
            en.question_text(item(0, 0)),
            Some(en.dimensions[0].items[0].text.as_str())
        );
        assert_ne!(en.question_text(item(0, 0)), en.question_text(item(0, 1)));
        assert_eq!(
            en.question_text(QuestionRef::Safety),
            Some(en.safety.item.as_str())
        );
        assert_eq!(
            en.item(QuestionRef::Safety),
            None,
            "the safety statement is no area's"
        );
        assert_eq!(en.item(item(10, 0)), None);
        assert_eq!(en.question_text(item(0, 2)), None);
        for q in en.questions() {
            assert!(en.question_text(q).is_some_and(|t| !t.is_empty()), "{q:?}");
        }
    }

    #[test]
    fn numbers_use_the_language_digits() {
        assert_eq!(english().number(63), "63");
        assert_eq!(builtin("ar").unwrap().number(63), "٦٣");
        assert!(builtin("ar").unwrap().direction_is_rtl());
        assert!(!english().direction_is_rtl());
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
}
