//! Between two partners' turns on one device: the first partner's results stay hidden until
//! the second has answered. (The quiz moves focus to the heading, as for every screen.)

use yew::prelude::*;

use crate::core::content::Content;

pub fn handover(content: &Content, on_start: Callback<()>) -> Html {
    let texts = &content.compare;
    html! {
        <div class="handover">
            <h3 class="handover-title" tabindex="-1">{ &texts.handover_title }</h3>
            <p>{ &texts.handover_text }</p>
            <div class="actions">
                <button type="button" class="button primary" part="button primary-button"
                    onclick={on_start.reform(|_: MouseEvent| ())}>{ &texts.handover_button }</button>
            </div>
        </div>
    }
}
