//! "Take it together" on the results: the visitor's pair code to give a partner, a field for
//! a partner's code, and taking turns on this device. Not shown at all to a visitor who said
//! they feel afraid (the results do not say why).
//!
//! The default build shows the same buttons; a click hands over to the comparison build
//! (see `ui::quiz`), so the panels behind them exist only there.

#[cfg(feature = "compare")]
use wasm_bindgen::JsCast;
#[cfg(feature = "compare")]
use wasm_bindgen_futures::JsFuture;
#[cfg(feature = "compare")]
use web_sys::{Element, HtmlInputElement};
#[cfg(feature = "compare")]
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::core::content::Content;
use crate::ui::partner_code::{partner_code, partner_code_button};
#[cfg(not(feature = "compare"))]
use crate::ui::state::Download;
use crate::ui::state::{Action, CompareView};

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
            { download_status(content, view) }
            <div class="actions">
                if !offer.has_partner {
                    { partner_code_button(content, view, dispatch) }
                }
                if offer.can_take_turns {
                    <button type="button" class="button" part="button"
                        onclick={dispatch.reform(|_: MouseEvent| Action::TakeTurns)}>{ &texts.turns }</button>
                }
            </div>
            if offer.can_take_turns {
                <p class="hint">{ &texts.turns_note }</p>
            }
            if !offer.has_partner {
                { partner_code(content, view, offer.fingerprint, dispatch) }
            }
        </section>
    }
}

/// The visitor's own code with Copy (only in the comparison build).
#[cfg(feature = "compare")]
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

#[cfg(not(feature = "compare"))]
fn own_code(_: &Content, _: &Offer, _: &CompareView, _: &Callback<Action>) -> Html {
    Html::default()
}

/// While the comparison build downloads after a click, and if it cannot: a live region,
/// present from the start so screen readers announce the change. Default build only.
#[cfg(not(feature = "compare"))]
pub fn download_status(content: &Content, view: &CompareView) -> Html {
    let texts = &content.compare;
    let (class, text) = match view.download {
        Download::Loading(_) => ("hint", texts.loading.as_str()),
        Download::Failed => ("field-error", texts.unavailable.as_str()),
        Download::Idle => ("hint", ""),
    };
    html! { <p class={classes!("download", class)} role="status">{ text }</p> }
}

#[cfg(feature = "compare")]
pub fn download_status(_: &Content, _: &CompareView) -> Html {
    Html::default()
}

/// Copies with the Clipboard API; where that is missing or refused (some embeds, older
/// browsers), selects the code so the visitor can copy it themselves.
#[cfg(feature = "compare")]
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
