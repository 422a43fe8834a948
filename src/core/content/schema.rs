//! The content schema: plain data types shared with `build.rs`, which checks each built-in
//! language file against them at build time. The widget itself reads content with
//! `core::json` and `core::config` (the derive below costs it nothing: nothing calls it).

use serde::Deserialize;

#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
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
    #[serde(skip)]
    pub statements_replaced: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    #[default]
    Ltr,
    Rtl,
}

/// Interface strings. Templates use `{placeholders}`; `REQUIRED_PLACEHOLDERS` lists them.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ui {
    pub title: String,
    pub intro: Vec<String>,
    pub who: String,
    pub facts: String,
    pub privacy: String,
    pub quick_exit_hint: String,
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
}

/// The unscored safety statement and everything shown around it.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Safety {
    /// Asked near the end; agreeing opens the safety panel on the results.
    pub item: String,
    pub title: String,
    pub intro: String,
    pub reframe: String,
    pub emergency: String,
    pub violence_title: String,
    pub crisis_title: String,
    pub directory_title: String,
    pub help_button: String,
    pub help_title: String,
    pub help_intro: String,
    pub call: String,
    pub text: String,
    pub website: String,
}

/// Everything shown around comparing results with a partner (pair codes, taking turns).
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
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
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bands {
    pub strength: BandText,
    pub grow: BandText,
    pub explore: BandText,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BandText {
    /// Short label for a chart row: "a strength".
    pub label: String,
    /// The overall result as a whole sentence, written for this band in each language.
    pub sentence: String,
    /// One or two kind sentences explaining what the band means.
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    pub id: String,
    pub name: String,
    pub description: String,
    pub items: Vec<Item>,
    pub tips: Vec<String>,
    /// Questions for two people to ask each other, shown where partners' scores differ.
    pub starters: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub text: String,
    /// Reverse-keyed: agreeing means *less* connection, so the answer scores as 6 − x.
    #[serde(default)]
    pub reverse: bool,
}

#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FaqEntry {
    /// Stable id used in deep links (`#faq-<slug>`).
    pub slug: String,
    pub question: String,
    /// Paragraphs in the safe rich-text format (see `rich_text`).
    pub answer: Vec<String>,
}
