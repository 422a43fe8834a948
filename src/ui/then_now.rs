//! "Then and now": "I have an earlier result" takes the results code from an earlier visit
//! (from the keepsake file) and shows each area's earlier and current score in the partner
//! comparison's two-bar rows. Offered where keeping results is (`keepsake::offered`);
//! nothing of it is stored.

use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yew::prelude::*;

use crate::core::content::Content;
use crate::core::pair::{Means, PairError};
use crate::core::template::fill;
use crate::core::then_now::{change, Change, Earlier, EarlierAction};
use crate::ui::comparison::{legend, two_bars};

impl Reducible for Earlier {
    type Action = EarlierAction;

    fn reduce(self: Rc<Self>, action: EarlierAction) -> Rc<Self> {
        let next = self.apply(action);
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct ThenNowProps {
    pub content: Rc<Content>,
    /// Today's area scores.
    pub now: Means,
    /// This page's statement set: codes from other statements are refused.
    pub fingerprint: u16,
}

#[function_component(ThenNow)]
pub fn then_now(props: &ThenNowProps) -> Html {
    let state = use_reducer(Earlier::default);
    let title = use_node_ref();
    {
        // The form closes once a code reads: focus goes to what it brought.
        let title = title.clone();
        use_effect_with(state.scores.is_some(), move |shown| {
            if let (true, Some(el)) = (*shown, title.cast::<HtmlElement>()) {
                let _ = el.focus();
            }
        });
    }
    let content = &props.content;
    let texts = &content.compare;
    let fingerprint = props.fingerprint;
    let dispatch = {
        let state = state.clone();
        Callback::from(move |action| state.dispatch(action))
    };
    let onsubmit = dispatch.reform(move |e: SubmitEvent| {
        e.prevent_default();
        let text = e
            .target_dyn_into::<Element>()
            .and_then(|form| form.query_selector("input").ok().flatten())
            .and_then(|input| input.dyn_into::<HtmlInputElement>().ok())
            .map(|input| input.value())
            .unwrap_or_default();
        EarlierAction::Enter { text, fingerprint }
    });
    let message = state.rejected.map(|problem| match problem {
        PairError::Typo => &texts.earlier_error_typo,
        PairError::OtherVersion => &texts.error_version,
        PairError::OtherStatements => &texts.error_statements,
        PairError::NotACode => &texts.earlier_error_not_code,
    });
    let described = if message.is_some() {
        "eiw-earlier-error eiw-earlier-hint"
    } else {
        "eiw-earlier-hint"
    };
    let chart = state.scores.map(|then| {
        let rows = two_bars(content, &then, &props.now, &|dim, then, now| {
            let (Some(a), Some(b)) = (then, now) else {
                return (fill(&texts.then_row_missing, &[("name", &dim.name)]), None);
            };
            let small = change(then, now, dim.items.len()) == Change::Small;
            let template = if small {
                &texts.then_row_small
            } else {
                &texts.then_row
            };
            let (a, b) = (content.number(a.percent()), content.number(b.percent()));
            let sentence = fill(template, &[("name", &dim.name), ("then", &a), ("now", &b)]);
            (sentence, small.then_some(texts.then_small.as_str()))
        });
        html! {
            <div class="then-now-chart">
                { legend(&texts.then_earlier, &texts.then_now) }
                { rows }
                <p class="note">{ &texts.then_note }</p>
            </div>
        }
    });
    html! {
        <section class="then-now" part="then-now" aria-labelledby="eiw-then-title">
            <h4 id="eiw-then-title" tabindex="-1" ref={title}>{ &texts.then_title }</h4>
            <div class="actions no-print">
                <button type="button" class="button" part="button" aria-expanded={state.open.to_string()}
                    aria-controls="eiw-earlier-form" onclick={dispatch.reform(|_: MouseEvent| EarlierAction::Toggle)}>
                    { &texts.earlier_button }
                </button>
            </div>
            <form id="eiw-earlier-form" class="field" hidden={!state.open} {onsubmit} novalidate=true>
            if state.open {
                <label for="eiw-earlier-input">{ &texts.earlier_label }</label>
                <input id="eiw-earlier-input" class="code" type="text" autocomplete="off"
                    autocapitalize="characters" spellcheck="false" aria-describedby={described}
                    aria-invalid={message.is_some().then_some("true")} />
                <p id="eiw-earlier-hint" class="hint">{ &texts.earlier_hint }</p>
                if let Some(message) = message {
                    <p id="eiw-earlier-error" class="field-error" role="alert">{ message }</p>
                }
                <div class="actions">
                    <button type="submit" class="button primary" part="button primary-button">{ &texts.submit }</button>
                </div>
            }
            </form>
            { for chart }
        </section>
    }
}
