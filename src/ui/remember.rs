//! The opt-in "Remember my progress on this device" and "Forget my answers".

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::core::content::Content;

pub fn remember(
    content: &Content,
    remember: bool,
    on_change: &Callback<bool>,
    on_forget: &Callback<()>,
) -> Html {
    let ui = &content.ui;
    let onchange = on_change.reform(|e: Event| {
        e.target_dyn_into::<HtmlInputElement>()
            .is_some_and(|input| input.checked())
    });
    html! {
        <div class="remember no-print">
            <label class="check">
                <input type="checkbox" checked={remember} {onchange}
                    aria-describedby="eiw-remember-hint" />
                <span>{ &ui.remember }</span>
            </label>
            <p class="hint" id="eiw-remember-hint">{ &ui.remember_hint }</p>
            if remember {
                <button type="button" class="button" part="button"
                    onclick={on_forget.reform(|_: MouseEvent| ())}>{ &ui.forget }</button>
            }
        </div>
    }
}
