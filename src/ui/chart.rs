//! The per-dimension bar chart. Each row is readable as one sentence
//! ("Communication: 62 of 100, room to grow"); the bars are decorative SVG.
//!
//! Views without state here and in `progress`, `remember`, `rich_text` and the safety lists
//! are plain functions returning `Html`: as function components each cost about 0.4 KB of
//! the gzip download (measured 2026-11-29) for no benefit.

use yew::prelude::*;

use crate::core::content::Content;
use crate::core::scoring::{Band, Outcome};
use crate::core::template::fill;

pub fn band_label(content: &Content, band: Band) -> &str {
    match band {
        Band::Strength => &content.bands.strength.label,
        Band::Grow => &content.bands.grow.label,
        Band::Explore => &content.bands.explore.label,
    }
}

pub fn chart(content: &Content, report: &Outcome) -> Html {
    rows(content, report, false)
}

/// The same scores as plain numbers, for a visitor who said they feel afraid: no band words
/// ("a strength", "worth exploring") and one neutral colour, so nothing grades the
/// relationship.
pub fn plain_chart(content: &Content, report: &Outcome) -> Html {
    rows(content, report, true)
}

fn rows(content: &Content, report: &Outcome, plain: bool) -> Html {
    let ui = &content.ui;
    html! {
        <figure class="chart" part="chart">
            <figcaption><h4>{ &ui.chart_title }</h4></figcaption>
            <ul class="chart-rows">
                { for content.dimensions.iter().zip(report.dimensions.iter()).map(|(dim, score)| {
                    let (percent, band_text, band_id) = match score {
                        Some(s) if plain => (s.percent, String::new(), "plain"),
                        Some(s) => (s.percent, band_label(content, s.band).to_owned(), s.band.id()),
                        None => (0, ui.not_scored.clone(), "none"),
                    };
                    let value = if score.is_some() { content.number(percent) } else { "–".to_owned() };
                    let sentence = match score {
                        Some(_) if plain => fill(&ui.chart_row_plain, &[("name", &dim.name), ("score", &value)]),
                        Some(_) => fill(&ui.chart_row, &[("name", &dim.name), ("score", &value), ("band", &band_text)]),
                        None => fill(&ui.chart_row_skipped, &[("name", &dim.name)]),
                    };
                    let shown = if band_text.is_empty() { value } else { format!("{value} · {band_text}") };
                    html! {
                        <li class={format!("chart-row band-{band_id}")} data-dimension={dim.id.clone()}>
                            <span class="visually-hidden">{ sentence }</span>
                            <span class="chart-name" aria-hidden="true">{ &dim.name }</span>
                            <svg class="chart-bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                                <rect class="track" width="100" height="8" />
                                <rect class="fill" width={percent.to_string()} height="8" />
                            </svg>
                            <span class="chart-value" aria-hidden="true">{ shown }</span>
                        </li>
                    }
                }) }
            </ul>
        </figure>
    }
}
