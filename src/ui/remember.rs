//! The opt-in "Remember my progress on this device" and "Forget my answers".

use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::core::content::Content;

#[derive(Properties, PartialEq)]
pub struct RememberProps {
    pub content: Rc<Content>,
    pub remember: bool,
    pub on_change: Callback<bool>,
    pub on_forget: Callback<()>,
}

#[function_component(Remember)]
pub fn remember(props: &RememberProps) -> Html {
    let ui = &props.content.ui;
    let onchange = props.on_change.reform(|e: Event| {
        e.target_dyn_into::<HtmlInputElement>()
            .is_some_and(|input| input.checked())
    });
    html! {
        <div class="remember no-print">
            <label class="check">
                <input type="checkbox" checked={props.remember} {onchange}
                    aria-describedby="eiw-remember-hint" />
                <span>{ &ui.remember }</span>
            </label>
            <p class="hint" id="eiw-remember-hint">{ &ui.remember_hint }</p>
            if props.remember {
                <button type="button" class="button" part="button"
                    onclick={props.on_forget.reform(|_: MouseEvent| ())}>{ &ui.forget }</button>
            }
        </div>
    }
}
