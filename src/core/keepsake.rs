//! The keepsake: a visitor's results as one self-contained HTML file, to keep on their own
//! device, print, or bring to a counsellor. "Save my results" downloads it and "Print"
//! prints it (both in `embed`), so what reaches paper is the results alone, never the page
//! around the widget.
//!
//! The file holds no script and loads nothing (inline styles, inline SVG bars, system
//! fonts), so it opens offline in any browser years later, and its own Content-Security-
//! Policy refuses scripts and requests should anything slip through. Every text in it comes
//! from the content, which publishers may replace, so every text is escaped.

use super::content::Content;
use super::faq_html::escape;
use super::quiz::QuizState;
use super::scoring::Outcome;
use super::template::fill;

/// What the results screen asks the embed layer to do with a keepsake.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    /// Download it as `name`.
    Save { name: String, html: String },
    /// Print it, and nothing of the page around the widget.
    Print(String),
}

/// Whether keeping results is offered: "Save my results", the results code on paper and
/// "then and now". Never to a visitor who said they feel afraid: a file on the device
/// could be found (and nothing on screen says why it is missing); `allowed` is the
/// publisher's `keepsake` switch.
pub fn offered(state: &QuizState, allowed: bool) -> bool {
    allowed && !state.afraid()
}

/// Light colours whatever the widget's theme (paper is white), and print rules that keep the
/// results to one or two A4 or Letter pages. The page size is left to the printer's setting,
/// so both fit.
pub const STYLE: &str = "body{margin:0;background:#fff;color:#1f2933;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif}\
main{max-width:44rem;margin:0 auto;padding:1.5rem}\
h1{font-size:1.6rem;margin:0}h2{font-size:1.15rem;margin:1.5rem 0 .5rem;border-bottom:1px solid #cbd2d9}\
h3{font-size:1rem;margin:.75rem 0 .25rem}p,ul,dl{margin:.25rem 0 .5rem}.m{color:#4a5562}\
.s{font-size:1.3rem;font-weight:700}ul.c{list-style:none;padding:0}\
.c li{display:grid;grid-template-columns:minmax(8rem,1fr) 2fr minmax(7rem,1fr);gap:.75rem;align-items:center}\
svg{width:100%;height:.7rem}.t{fill:#e4e7eb}.f{fill:#2f6f8f}[dir=rtl] svg{transform:scaleX(-1)}\
dl{display:grid;grid-template-columns:minmax(8rem,auto) 1fr;gap:.2rem 1rem}dt{font-weight:700}dd{margin:0}.k{font:700 1.2rem ui-monospace,monospace;letter-spacing:.05em}\
@page{margin:14mm}@media print{body{font-size:10pt}main{max-width:none;padding:0}\
h2,h3{break-after:avoid}li,dd{break-inside:avoid}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}";

/// The file name: neutral, so that a glance at a downloads folder does not tell what the
/// file is about; the date keeps several apart. `date` is `YYYY-MM-DD`.
pub fn file_name(date: &str) -> String {
    format!("results-{date}.html")
}

/// What goes into the keepsake besides the content and the scores.
pub struct Keepsake<'a> {
    /// When the quiz was taken, as the visitor's language writes dates.
    pub date: &'a str,
    /// The results code, for "then and now" next time; `None` where the publisher turned
    /// keepsakes off (printing still works).
    pub code: Option<&'a str>,
}

/// Markup pieces, with every text escaped on its way in. (Plain pushes rather than `write!`:
/// formatting code for each of the file's parts costs the download more than these do.)
struct Out(String);

impl Out {
    /// Markup as it is.
    fn raw(&mut self, markup: &str) -> &mut Self {
        self.0.push_str(markup);
        self
    }

    /// A text, escaped.
    fn text(&mut self, text: &str) -> &mut Self {
        self.0.push_str(&escape(text));
        self
    }

    /// `<open>text</close>`: an element around an escaped text (`open` may carry attributes).
    fn el(&mut self, open: &str, text: &str, close: &str) -> &mut Self {
        self.raw("<")
            .raw(open)
            .raw(">")
            .text(text)
            .raw("</")
            .raw(close)
            .raw(">")
    }
}

/// The keepsake of `outcome`: a whole HTML document, well-formed, every text escaped.
pub fn html(content: &Content, outcome: &Outcome, keepsake: &Keepsake) -> String {
    let ui = &content.ui;
    let mut out = Out(String::with_capacity(12_000));
    out.raw("<!doctype html><html lang=\"")
        .text(&content.lang)
        .raw("\" dir=\"")
        .raw(content.dir.as_str())
        .raw(
            "\"><head><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" \
content=\"default-src 'none'; style-src 'unsafe-inline'\"><meta name=\"viewport\" \
content=\"width=device-width,initial-scale=1\"><title>",
        )
        .text(&ui.results_title)
        .raw(" · ")
        .text(keepsake.date)
        .raw("</title><style>")
        .raw(STYLE)
        .raw("</style></head><body><main>")
        .el("h1", &ui.results_title, "h1")
        .el(
            "p class=\"m\"",
            &fill(&ui.keepsake_date, &[("date", keepsake.date)]),
            "p",
        );
    match outcome.overall {
        Some(overall) => {
            let band = overall.band.text(&content.bands);
            let score = fill(
                &ui.score_value,
                &[("score", &content.number(overall.percent))],
            );
            out.el("p", &ui.score_label, "p")
                .raw("<p class=\"s\" data-score=\"")
                .raw(&overall.percent.to_string())
                .raw("\">")
                .text(&score)
                .raw("</p>")
                .el("p><strong", &band.sentence, "strong></p")
                .el("p", &band.summary, "p");
        }
        None => {
            out.el("p", &ui.nothing_scored, "p");
        }
    }

    // The ten areas: each bar is decorative, its row's text says the same.
    out.el("h2", &ui.chart_title, "h2")
        .el("p class=\"m\"", &ui.bands_note, "p")
        .raw("<ul class=\"c\">");
    for (dim, score) in content.dimensions.iter().zip(&outcome.dimensions) {
        let (percent, value) = match score {
            Some(s) => (
                s.percent.to_string(),
                content.number(s.percent) + " · " + &s.band.text(&content.bands).label,
            ),
            None => (String::new(), ui.not_scored.clone()),
        };
        out.raw("<li data-dimension=\"")
            .text(&dim.id)
            .raw("\" data-score=\"")
            .raw(&percent)
            .raw("\">")
            .el("span", &dim.name, "span")
            .raw(
                "<svg viewBox=\"0 0 100 8\" preserveAspectRatio=\"none\" aria-hidden=\"true\">\
<rect class=\"t\" width=\"100\" height=\"8\"/><rect class=\"f\" width=\"",
            )
            .raw(if percent.is_empty() { "0" } else { &percent })
            .raw("\" height=\"8\"/></svg>")
            .el("span", &value, "span")
            .raw("</li>");
    }
    out.raw("</ul>");

    let areas = outcome.areas_to_explore();
    if !areas.is_empty() {
        out.el("h2", &ui.areas_title, "h2");
        for dim in areas.iter().filter_map(|&i| content.dimensions.get(i)) {
            out.el("h3", &dim.name, "h3")
                .el("p class=\"m\"", &dim.description, "p")
                .raw("<ul>");
            for tip in dim.tips.iter().take(3) {
                out.el("li", tip, "li");
            }
            out.raw("</ul>");
        }
    }
    let strengths = outcome.strengths();
    if !strengths.is_empty() {
        out.el("h2", &ui.strengths_title, "h2").raw("<ul>");
        for dim in strengths.iter().filter_map(|&i| content.dimensions.get(i)) {
            out.raw("<li>")
                .el("strong", &dim.name, "strong")
                .raw(" — ")
                .text(&dim.description)
                .raw("</li>");
        }
        out.raw("</ul>");
    }

    out.el("h2", &ui.counsellor_title, "h2")
        .el("p", &ui.counsellor_intro, "p")
        .el("p", &ui.counsellor_method, "p")
        .el("h3", &ui.counsellor_areas, "h3")
        .raw("<dl>");
    for dim in &content.dimensions {
        out.el("dt", &dim.name, "dt")
            .el("dd", &dim.description, "dd");
    }
    out.raw("</dl>");

    if let Some(code) = keepsake.code {
        out.el("h2", &ui.keepsake_code_title, "h2")
            .el("p class=\"k\" dir=\"ltr\"", code, "p")
            .el("p class=\"m\"", &ui.keepsake_code_note, "p");
    }
    out.el("p class=\"m\"", &ui.not_diagnosis, "p")
        .raw("</main></body></html>");
    out.0
}

#[cfg(test)]
mod tests;
