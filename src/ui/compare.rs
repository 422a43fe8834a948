//! Comparing with a partner, where it is offered: on the intro, one quiet "Compare with a
//! partner" button whose choices open on demand; on the results, "Take it together" with the
//! visitor's pair code to give a partner, a field for a partner's code, and taking turns on
//! this device. Not shown at all to a visitor who said they feel afraid (nothing says why).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, HtmlInputElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::core::content::Content;
use crate::ui::partner_code::{partner_code, partner_code_button};
use crate::ui::state::{Action, CompareView};

/// The intro's comparing controls: a note once a partner's scores are here, else one quiet
/// button (most visitors take the quiz alone) that opens taking turns and a partner's code.
pub fn together(
    content: &Content,
    has_partner: bool,
    view: &CompareView,
    fingerprint: u16,
    dispatch: &Callback<Action>,
) -> Html {
    let texts = &content.compare;
    if has_partner {
        return html! { <p class="notice" role="status">{ &texts.accepted }</p> };
    }
    html! {
        <>
            <div class="actions">
                <button type="button" class="button" part="button" aria-expanded={view.together_open.to_string()}
                    aria-controls="eiw-together" onclick={dispatch.reform(|_: MouseEvent| Action::ToggleTogether)}>
                    { &texts.button }
                </button>
            </div>
            <div id="eiw-together" class="together" hidden={!view.together_open}>
                if view.together_open {
                    // Each form right under the button that opens it.
                    <div class="actions">
                        <button type="button" class="button" part="button"
                            onclick={dispatch.reform(|_: MouseEvent| Action::TakeTurns)}>{ &texts.turns }</button>
                    </div>
                    <p class="hint">{ &texts.turns_note }</p>
                    <div class="actions">{ partner_code_button(content, view, dispatch) }</div>
                    { partner_code(content, view, fingerprint, dispatch) }
                }
            </div>
        </>
    }
}

/// What the invitation offers: a field for a partner's code unless their scores are already
/// here, and taking turns unless the partner's turn has been.
pub struct Offer<'a> {
    /// The visitor's own pair code.
    pub code: &'a str,
    pub fingerprint: u16,
    pub has_partner: bool,
    pub can_take_turns: bool,
}

pub fn compare(
    content: &Content,
    offer: Offer,
    view: &CompareView,
    dispatch: &Callback<Action>,
) -> Html {
    let texts = &content.compare;
    html! {
        <section class="compare" part="compare" aria-labelledby="eiw-compare-title">
            <h4 id="eiw-compare-title">{ &texts.heading }</h4>
            <p>{ &texts.text }</p>
            <div class="actions">
                <button type="button" class="button" part="button" aria-expanded={view.code_shown.to_string()}
                    aria-controls="eiw-pair-code" onclick={dispatch.reform(|_: MouseEvent| Action::ToggleOwnCode)}>
                    { &texts.button }
                </button>
            </div>
            <div id="eiw-pair-code" class="field" hidden={!view.code_shown}>
                { own_code(content, &offer, view, dispatch) }
            </div>
            // Each form right under the button that opens it.
            if !offer.has_partner {
                <div class="actions">{ partner_code_button(content, view, dispatch) }</div>
                { partner_code(content, view, offer.fingerprint, dispatch) }
            }
            if offer.can_take_turns {
                <div class="actions">
                    <button type="button" class="button" part="button"
                        onclick={dispatch.reform(|_: MouseEvent| Action::TakeTurns)}>{ &texts.turns }</button>
                </div>
                <p class="hint">{ &texts.turns_note }</p>
            }
        </section>
    }
}

/// The visitor's own code with Copy.
fn own_code(
    content: &Content,
    offer: &Offer,
    view: &CompareView,
    dispatch: &Callback<Action>,
) -> Html {
    let texts = &content.compare;
    let copy = {
        let (code, dispatch) = (offer.code.to_owned(), dispatch.clone());
        Callback::from(move |e: MouseEvent| copy_code(&code, e, &dispatch))
    };
    let status = match view.copied {
        Some(true) => texts.copied.as_str(),
        Some(false) => texts.copy_failed.as_str(),
        None => "",
    };
    html! {
        <>
            <label for="eiw-code">{ &texts.code_label }</label>
            <div class="code-row">
                <input id="eiw-code" class="code" type="text" readonly=true value={offer.code.to_owned()}
                    aria-describedby="eiw-code-note" />
                <button type="button" class="button" part="button" onclick={copy}>{ &texts.copy }</button>
            </div>
            <p id="eiw-code-note" class="hint">{ &texts.code_note }</p>
            <p class="hint" role="status">{ status }</p>
        </>
    }
}

/// Copies with the Clipboard API; where that is missing or refused (some embeds, older
/// browsers), selects the code so the visitor can copy it themselves.
fn copy_code(code: &str, event: MouseEvent, dispatch: &Callback<Action>) {
    // The code's field is the button's neighbour.
    let field = event
        .target_dyn_into::<Element>()
        .and_then(|button| button.parent_element())
        .and_then(|row| row.query_selector("input").ok().flatten())
        .and_then(|input| input.dyn_into::<HtmlInputElement>().ok());
    let select = {
        let dispatch = dispatch.clone();
        move || {
            if let Some(input) = &field {
                input.select();
            }
            dispatch.emit(Action::Copied(false));
        }
    };
    let clipboard = web_sys::window()
        .map(|w| w.navigator())
        .and_then(|n| js_sys::Reflect::get(&n, &"clipboard".into()).ok())
        .and_then(|c| c.dyn_into::<web_sys::Clipboard>().ok());
    let Some(clipboard) = clipboard else {
        return select();
    };
    let written = JsFuture::from(clipboard.write_text(code));
    let dispatch = dispatch.clone();
    spawn_local(async move {
        match written.await {
            Ok(_) => dispatch.emit(Action::Copied(true)),
            Err(_) => select(),
        }
    });
}
