//! "You and your partner": where partners are closest, where they differ most with questions
//! to talk about, a reminder that different scores are normal, and, one tap away, both
//! scores for each of the ten areas (each row reads as one sentence; the bars are decorative
//! SVG). Short enough for two phone screens.

use yew::prelude::*;

use crate::core::content::{Content, Dimension};
use crate::core::pair::{compare, Mean, Means};
use crate::core::template::fill;
use crate::ui::disclosure::Disclosure;

pub fn comparison(content: &Content, yours: &Means, theirs: &Means) -> Html {
    let texts = &content.compare;
    let result = compare(yours, theirs);
    let name = |i: usize| {
        content
            .dimensions
            .get(i)
            .map(|d| d.name.clone())
            .unwrap_or_default()
    };
    let rows = two_bars(content, yours, theirs, &|dim, you, partner| {
        let sentence = match (you, partner) {
            (Some(you), Some(partner)) => fill(
                &texts.chart_row,
                &[
                    ("name", &dim.name),
                    ("you", &content.number(you.percent())),
                    ("partner", &content.number(partner.percent())),
                ],
            ),
            _ => fill(&texts.chart_row_missing, &[("name", &dim.name)]),
        };
        (sentence, None)
    });
    html! {
        <section class="comparison" part="comparison" aria-labelledby="eiw-comparison-title">
            // Focused (and so scrolled to) when a partner's code was just entered.
            <h4 id="eiw-comparison-title" tabindex="-1">{ &texts.title }</h4>
            if !result.closest.is_empty() {
                <h5>{ &texts.closest_title }</h5>
                <ul class="closest">
                    { for result.closest.iter().map(|&i| html! { <li>{ name(i) }</li> }) }
                </ul>
            }
            <h5>{ &texts.gaps_title }</h5>
            if result.furthest.is_empty() {
                <p>{ &texts.gaps_none }</p>
            }
            { for result.furthest.iter().filter_map(|&i| content.dimensions.get(i)).map(|dim| html! {
                <article class="area gap" data-dimension={dim.id.clone()}>
                    <h6>{ &dim.name }</h6>
                    <p class="muted">{ &texts.starters_title }</p>
                    <ul class="starters">
                        { for dim.starters.iter().map(|s| html! { <li>{ s }</li> }) }
                    </ul>
                </article>
            }) }
            <p class="note">{ &texts.note }</p>
            <Disclosure label={texts.chart_toggle.clone()} id="eiw-both-scores">
                { legend(&texts.you, &texts.partner) }
                { rows }
            </Disclosure>
        </section>
    }
}

/// For a visitor who said they feel afraid, under "See your scores": both partners' scores
/// as plain numbers and nothing else (no "where you differ", no questions to ask each
/// other). It is there so that a partner who gave their code sees the comparison they
/// expected, and learns nothing from its absence (see `core::quiz::QuizState::partner_means`).
pub fn plain_comparison(content: &Content, yours: &Means, theirs: &Means) -> Html {
    let texts = &content.compare;
    let rows = two_bars(content, yours, theirs, &|dim, you, partner| {
        let sentence = match (you, partner) {
            (Some(you), Some(partner)) => fill(
                &texts.chart_row,
                &[
                    ("name", &dim.name),
                    ("you", &content.number(you.percent())),
                    ("partner", &content.number(partner.percent())),
                ],
            ),
            _ => fill(&texts.chart_row_missing, &[("name", &dim.name)]),
        };
        (sentence, None)
    });
    html! {
        <section class="comparison-plain" part="comparison" aria-labelledby="eiw-plain-comparison-title">
            <h4 id="eiw-plain-comparison-title">{ &texts.title }</h4>
            { legend(&texts.you, &texts.partner) }
            { rows }
        </section>
    }
}

/// The two bars' key: which colour is whose.
pub fn legend(first: &str, second: &str) -> Html {
    html! {
        <p class="legend" aria-hidden="true">
            <span class="swatch you"></span>{ first }
            <span class="swatch partner"></span>{ second }
        </p>
    }
}

/// An area's sentence and the word shown beside its two scores, from its two means.
pub type Row<'a> = dyn Fn(&Dimension, Option<Mean>, Option<Mean>) -> (String, Option<&'a str>) + 'a;

/// Two scores for each of the ten areas, one bar each (the partner comparison's, and "then
/// and now"'s). `row` gives each area's sentence, all a screen reader hears of it, and a
/// word to show beside the two numbers. (`dyn`: one copy of the rows for every caller.)
pub fn two_bars<'a>(content: &Content, first: &Means, second: &Means, row: &Row<'a>) -> Html {
    let rows = content.dimensions.iter().zip(first.iter().zip(second)).map(|(dim, (&a, &b))| {
        let (sentence, note) = row(dim, a, b);
        let (a, b) = (a.map(|m| m.percent()), b.map(|m| m.percent()));
        let shown = |score: Option<u8>| score.map_or_else(|| "–".to_owned(), |s| content.number(s));
        let mut value = format!("{} · {}", shown(a), shown(b));
        if let Some(note) = note {
            value = format!("{value} · {note}");
        }
        html! {
            <li class="chart-row compare-row" data-dimension={dim.id.clone()}>
                <span class="visually-hidden">{ sentence }</span>
                <span class="chart-name" aria-hidden="true">{ &dim.name }</span>
                <svg class="chart-bar compare-bars" viewBox="0 0 100 14" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                    <rect class="track" width="100" height="6" />
                    <rect class="fill you" width={a.unwrap_or(0).to_string()} height="6" />
                    <rect class="track" y="8" width="100" height="6" />
                    <rect class="fill partner" y="8" width={b.unwrap_or(0).to_string()} height="6" />
                </svg>
                <span class="chart-value" aria-hidden="true">{ value }</span>
            </li>
        }
    });
    html! { <ul class="chart-rows">{ for rows }</ul> }
}
