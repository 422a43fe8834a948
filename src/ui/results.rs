//! The results screen, in the order NHS self-assessments use: the score and one overall
//! sentence; where to start (the two or three areas to explore, each with its first tip);
//! the publisher's call to action; then the rest, one tap away or below (every area's score,
//! more ideas, strengths, comparing with a partner, Print and Retake).
//!
//! For a visitor who said they feel afraid it is a different screen: safety first, under a
//! heading that outranks everything below it, and nothing that grades, praises or compares
//! (no band sentence, strengths, tips, call to action or Print). Their scores wait, closed,
//! behind a neutral "See your scores", as plain numbers, with a partner's comparison if a
//! code was entered (plain too, so its absence cannot tell the partner anything).

use std::rc::Rc;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::core::content::{BandText, Content};
use crate::core::events::HostEvent;
use crate::core::keepsake::Output;
use crate::core::quiz::SafetyAnswer;
use crate::core::resources::{phone_digits, Resource};
use crate::core::scoring::{Band, Outcome};
use crate::core::template::fill;
use crate::ui::chart::{chart, plain_chart};
use crate::ui::disclosure::Disclosure;
use crate::ui::keepsake::keepsake;
use crate::ui::safety::safety_panel;

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub content: Rc<Content>,
    pub report: Rc<Outcome>,
    /// How the visitor answered the safety statement.
    pub safety: SafetyAnswer,
    pub resources: Rc<Vec<Resource>>,
    pub cta_href: Option<String>,
    pub cta_label: Option<String>,
    pub cta_phone: Option<String>,
    pub on_retake: Callback<()>,
    pub on_event: Callback<HostEvent>,
    /// "You and your partner", when there is a comparison to show.
    #[prop_or_default]
    pub comparison: Html,
    /// The invitation to compare with a partner, where it is offered.
    #[prop_or_default]
    pub invite: Html,
    /// The results code, where keeping results is offered ("Save my results").
    #[prop_or_default]
    pub kept_code: Option<String>,
    /// Downloads or prints the keepsake.
    #[prop_or_default]
    pub on_keepsake: Callback<Output>,
    /// "Then and now", where it is offered.
    #[prop_or_default]
    pub earlier: Html,
}

fn band_text(content: &Content, band: Band) -> &BandText {
    match band {
        Band::Strength => &content.bands.strength,
        Band::Grow => &content.bands.grow,
        Band::Explore => &content.bands.explore,
    }
}

#[function_component(Results)]
pub fn results(props: &ResultsProps) -> Html {
    let heading = use_node_ref();
    {
        // Moving focus to the heading announces the results to screen readers.
        let heading = heading.clone();
        use_effect_with((), move |_| {
            if let Some(el) = heading.cast::<HtmlElement>() {
                let _ = el.focus();
            }
        });
    }
    let content = &props.content;
    let ui = &content.ui;
    let report = &props.report;
    let retake = html! {
        <button type="button" class="button" part="button"
            onclick={props.on_retake.reform(|_: MouseEvent| ())}>{ &ui.retake }</button>
    };

    if props.safety == SafetyAnswer::Afraid {
        let safety = &content.safety;
        return html! {
            <div class="results safety-first" part="results">
                <h3 class="results-title" tabindex="-1" ref={heading}>{ &safety.title }</h3>
                { safety_panel(content, &props.resources) }
                <p class="reframe">{ &safety.reframe }</p>
                <Disclosure label={safety.see_scores.clone()} id="eiw-scores">
                    if let Some(overall) = report.overall {
                        <p>{ &ui.score_label }{ " " }{ fill(&ui.score_value, &[("score", &content.number(overall.percent))]) }</p>
                    }
                    { plain_chart(content, report) }
                    // A partner's comparison, if a code was entered: never withheld (see
                    // `QuizState::partner_means`), plain numbers like the scores above.
                    { props.comparison.clone() }
                </Disclosure>
                <p class="disclaimer">{ &ui.not_diagnosis }</p>
                <div class="actions no-print">{ retake }</div>
            </div>
        };
    }

    let headline = match report.overall {
        Some(overall) => html! {
            <div class={format!("headline band-{}", overall.band.id())}>
                <p class="score">
                    <span class="score-label">{ &ui.score_label }</span>
                    <strong class="score-value" data-score={overall.percent.to_string()}>
                        { fill(&ui.score_value, &[("score", &content.number(overall.percent))]) }
                    </strong>
                </p>
                <p class="band" data-band={overall.band.id()}>
                    { &band_text(content, overall.band).sentence }
                </p>
                <p>{ &band_text(content, overall.band).summary }</p>
            </div>
        },
        None => html! { <p class="headline">{ &ui.nothing_scored }</p> },
    };

    let areas = report.areas_to_explore();
    let strengths = report.strengths();
    let cta_label = props
        .cta_label
        .clone()
        .unwrap_or_else(|| ui.cta_label.clone());
    let cta = props.cta_href.clone().map(|href| {
        let on_event = props.on_event.clone();
        let event_href = href.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            on_event.emit(HostEvent::Cta { href: event_href.clone() })
        });
        html! {
            <a class="button primary" part="button primary-button" href={href} rel="noreferrer" {onclick}>{ cta_label }</a>
        }
    });
    // Print prints the keepsake: the results alone, never the page around the widget.
    let kept = |save| {
        keepsake(
            content,
            report,
            props.kept_code.clone(),
            &props.on_keepsake,
            save,
        )
    };

    let areas: Vec<_> = areas
        .iter()
        .filter_map(|&d| content.dimensions.get(d))
        .collect();
    html! {
        <div class="results" part="results">
            <h3 class="results-title" tabindex="-1" ref={heading}>{ &ui.results_title }</h3>
            { headline }
            if props.safety == SafetyAnswer::Unsure {
                <p class="unsure-note">{ &content.safety.unsure }</p>
            }
            <section class="areas" aria-labelledby="eiw-areas">
                <h4 id="eiw-areas">{ &ui.areas_title }</h4>
                if areas.is_empty() && report.overall.is_some() {
                    <p>{ &ui.areas_none }</p>
                }
                { for areas.iter().map(|dim| html! {
                    <article class="area" data-dimension={dim.id.clone()}>
                        <h5>{ &dim.name }</h5>
                        if let Some(tip) = dim.tips.first() {
                            <p class="tip">{ tip }</p>
                        }
                    </article>
                }) }
            </section>
            <div class="cta">
                <p>{ &ui.cta_text }</p>
                { for cta }
                if let Some(phone) = props.cta_phone.clone() {
                    <p class="cta-phone">
                        <a href={format!("tel:{}", phone_digits(&phone).unwrap_or_default())}>
                            { fill(&ui.cta_phone, &[("phone", &phone)]) }
                        </a>
                    </p>
                }
            </div>
            <Disclosure label={ui.chart_title.clone()} id="eiw-all-scores">
                <p class="note">{ &ui.bands_note }</p>
                { chart(content, report) }
            </Disclosure>
            if !areas.is_empty() {
                <Disclosure label={ui.more_ideas.clone()} id="eiw-more-ideas">
                    { for areas.iter().map(|dim| html! {
                        <article class="area" data-dimension={dim.id.clone()}>
                            <h5>{ &dim.name }</h5>
                            <p class="muted">{ &dim.description }</p>
                            <ul class="tips">
                                { for dim.tips.iter().take(3).map(|tip| html! { <li>{ tip }</li> }) }
                            </ul>
                        </article>
                    }) }
                </Disclosure>
            }
            if !strengths.is_empty() {
                <section class="strengths" aria-labelledby="eiw-strengths">
                    <h4 id="eiw-strengths">{ &ui.strengths_title }</h4>
                    <ul>
                        { for strengths.iter().filter_map(|&d| content.dimensions.get(d)).map(|dim| html! {
                            <li data-dimension={dim.id.clone()}><strong>{ &dim.name }</strong>{ " — " }{ &dim.description }</li>
                        }) }
                    </ul>
                </section>
            }
            { props.comparison.clone() }
            { props.invite.clone() }
            { props.earlier.clone() }
            <p class="disclaimer">{ &ui.not_diagnosis }</p>
            <div class="actions no-print">
                if props.kept_code.is_some() {
                    <button type="button" class="button" part="button" onclick={kept(true)}>{ &ui.save }</button>
                }
                <button type="button" class="button" part="button" onclick={kept(false)}>{ &ui.print }</button>
                { retake }
            </div>
            if props.kept_code.is_some() {
                <p class="hint no-print">{ &ui.save_note }</p>
            }
        </div>
    }
}
