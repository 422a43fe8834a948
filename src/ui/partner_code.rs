//! "I have a partner's code": a field for a partner's pair code. A code that cannot be read
//! gets an inline message tied to the field; nothing is thrown or logged, and the visitor's
//! own answers are untouched.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};
use yew::prelude::*;

use crate::core::content::Content;
use crate::core::pair::PairError;
use crate::core::quiz::read_partner_code;
use crate::ui::state::{Action, CompareView};

/// The "I have a partner's code" button, which opens [`partner_code`]'s form; the caller
/// places it among its other buttons.
pub fn partner_code_button(
    content: &Content,
    view: &CompareView,
    dispatch: &Callback<Action>,
) -> Html {
    html! {
        <button type="button" class="button" part="button" aria-expanded={view.form_open.to_string()}
            aria-controls="eiw-partner-form" onclick={dispatch.reform(|_: MouseEvent| Action::ToggleCodeForm)}>
            { &content.compare.have_code }
        </button>
    }
}

/// The form for a partner's code. `fingerprint`: this page's statement set, so codes from
/// other statements are refused.
pub fn partner_code(
    content: &Content,
    view: &CompareView,
    fingerprint: u16,
    dispatch: &Callback<Action>,
) -> Html {
    let texts = &content.compare;
    let onsubmit = dispatch.reform(move |e: SubmitEvent| {
        e.prevent_default();
        let text = e
            .target_dyn_into::<Element>()
            .and_then(|form| form.query_selector("input").ok().flatten())
            .and_then(|input| input.dyn_into::<HtmlInputElement>().ok())
            .map(|input| input.value())
            .unwrap_or_default();
        read_partner_code(&text, fingerprint)
    });
    let message = view.rejected.map(|problem| match problem {
        PairError::Typo => &texts.error_typo,
        PairError::OtherVersion => &texts.error_version,
        PairError::OtherStatements => &texts.error_statements,
        PairError::NotACode => &texts.error_not_code,
    });
    let described = if message.is_some() {
        "eiw-partner-error eiw-partner-hint"
    } else {
        "eiw-partner-hint"
    };
    html! {
        <div class="partner-code">
            // Filled only while open: nothing of it is needed at start-up.
            <form id="eiw-partner-form" class="field" hidden={!view.form_open} {onsubmit} novalidate=true>
            if view.form_open {
                <label for="eiw-partner-input">{ &texts.partner_label }</label>
                <input id="eiw-partner-input" class="code" type="text" autocomplete="off"
                    autocapitalize="characters" spellcheck="false" aria-describedby={described}
                    aria-invalid={message.is_some().then_some("true")} />
                <p id="eiw-partner-hint" class="hint">{ &texts.partner_hint }</p>
                if let Some(message) = message {
                    <p id="eiw-partner-error" class="field-error" role="alert">{ message }</p>
                }
                <div class="actions">
                    <button type="submit" class="button primary" part="button primary-button">{ &texts.submit }</button>
                </div>
            }
            </form>
        </div>
    }
}
