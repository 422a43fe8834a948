//! The keepsake: a visitor's results as one self-contained HTML file, to keep on their own
//! device, print, or bring to a counsellor. "Save my results" downloads it and "Print"
//! prints it (both in `embed`), so what reaches paper is the results alone, never the page
//! around the widget.
//!
//! The file holds no script and loads nothing (inline styles, inline SVG bars, system
//! fonts), so it opens offline in any browser years later, and its own Content-Security-
//! Policy refuses scripts and requests should anything slip through. Every text in it comes
//! from the content, which publishers may replace, so every text is escaped.

use std::fmt::Write;

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

/// The keepsake of `outcome`: a whole HTML document, well-formed, every text escaped.
pub fn html(content: &Content, outcome: &Outcome, keepsake: &Keepsake) -> String {
    let ui = &content.ui;
    let e = |text: &str| escape(text);
    let mut out = String::with_capacity(12_000);
    // `write!` into a String cannot fail.
    let _ = write!(
        out,
        "<!doctype html><html lang=\"{}\" dir=\"{}\"><head><meta charset=\"utf-8\">\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\
<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>{} · {}</title><style>{STYLE}</style></head>\
<body><main><h1>{}</h1><p class=\"m\">{}</p>",
        e(&content.lang),
        content.dir.as_str(),
        e(&ui.results_title),
        e(keepsake.date),
        e(&ui.results_title),
        e(&fill(&ui.keepsake_date, &[("date", keepsake.date)])),
    );
    match outcome.overall {
        Some(overall) => {
            let band = overall.band.text(&content.bands);
            let _ = write!(
                out,
                "<p>{}</p><p class=\"s\" data-score=\"{}\">{}</p><p><strong>{}</strong></p><p>{}</p>",
                e(&ui.score_label),
                overall.percent,
                e(&fill(
                    &ui.score_value,
                    &[("score", &content.number(overall.percent))]
                )),
                e(&band.sentence),
                e(&band.summary),
            );
        }
        None => {
            let _ = write!(out, "<p>{}</p>", e(&ui.nothing_scored));
        }
    }

    // The ten areas: each bar is decorative, its row's text says the same.
    let _ = write!(
        out,
        "<h2>{}</h2><p class=\"m\">{}</p><ul class=\"c\">",
        e(&ui.chart_title),
        e(&ui.bands_note)
    );
    for (dim, score) in content.dimensions.iter().zip(&outcome.dimensions) {
        let (percent, value) = match score {
            Some(s) => (
                s.percent,
                format!(
                    "{} · {}",
                    content.number(s.percent),
                    s.band.text(&content.bands).label
                ),
            ),
            None => (0, ui.not_scored.clone()),
        };
        let _ = write!(
            out,
            "<li data-dimension=\"{}\" data-score=\"{}\"><span>{}</span>\
<svg viewBox=\"0 0 100 8\" preserveAspectRatio=\"none\" aria-hidden=\"true\">\
<rect class=\"t\" width=\"100\" height=\"8\"/><rect class=\"f\" width=\"{percent}\" height=\"8\"/></svg>\
<span>{}</span></li>",
            e(&dim.id),
            score.map_or_else(String::new, |s| s.percent.to_string()),
            e(&dim.name),
            e(&value),
        );
    }
    out.push_str("</ul>");

    let areas = outcome.areas_to_explore();
    if !areas.is_empty() {
        let _ = write!(out, "<h2>{}</h2>", e(&ui.areas_title));
        for dim in areas.iter().filter_map(|&i| content.dimensions.get(i)) {
            let _ = write!(
                out,
                "<h3>{}</h3><p class=\"m\">{}</p><ul>",
                e(&dim.name),
                e(&dim.description)
            );
            for tip in dim.tips.iter().take(3) {
                let _ = write!(out, "<li>{}</li>", e(tip));
            }
            out.push_str("</ul>");
        }
    }
    let strengths = outcome.strengths();
    if !strengths.is_empty() {
        let _ = write!(out, "<h2>{}</h2><ul>", e(&ui.strengths_title));
        for dim in strengths.iter().filter_map(|&i| content.dimensions.get(i)) {
            let _ = write!(
                out,
                "<li><strong>{}</strong> — {}</li>",
                e(&dim.name),
                e(&dim.description)
            );
        }
        out.push_str("</ul>");
    }

    let _ = write!(
        out,
        "<h2>{}</h2><p>{}</p><p>{}</p><h3>{}</h3><dl>",
        e(&ui.counsellor_title),
        e(&ui.counsellor_intro),
        e(&ui.counsellor_method),
        e(&ui.counsellor_areas),
    );
    for dim in &content.dimensions {
        let _ = write!(
            out,
            "<dt>{}</dt><dd>{}</dd>",
            e(&dim.name),
            e(&dim.description)
        );
    }
    out.push_str("</dl>");

    if let Some(code) = keepsake.code {
        let _ = write!(
            out,
            "<h2>{}</h2><p class=\"k\" dir=\"ltr\">{}</p><p class=\"m\">{}</p>",
            e(&ui.keepsake_code_title),
            e(code),
            e(&ui.keepsake_code_note),
        );
    }
    let _ = write!(
        out,
        "<p class=\"m\">{}</p></main></body></html>",
        e(&ui.not_diagnosis)
    );
    out
}

#[cfg(test)]
mod tests;
