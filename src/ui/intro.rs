//! The first screen: what the quiz is, how long it takes, where answers go, and Start.

use std::rc::Rc;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::core::content::Content;
use crate::core::template::fill;

#[derive(Properties, PartialEq)]
pub struct IntroProps {
    pub content: Rc<Content>,
    /// Move focus here (after Back or Retake), but never on first load.
    pub autofocus: bool,
    pub on_start: Callback<()>,
    /// The publisher set `share-score`: the privacy line says what the site receives.
    #[prop_or_default]
    pub share_score: bool,
    /// Comparing with a partner: taking turns, a partner's code (where offered).
    #[prop_or_default]
    pub partner: Html,
}

#[function_component(Intro)]
pub fn intro(props: &IntroProps) -> Html {
    let heading = use_node_ref();
    {
        // When the intro appears (after Back or Retake), not when something on it changes:
        // opening "Compare with a partner" keeps focus on its button.
        let heading = heading.clone();
        let autofocus = props.autofocus;
        use_effect_with((), move |_| {
            if autofocus {
                if let Some(el) = heading.cast::<HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }
    let ui = &props.content.ui;
    let on_start = props.on_start.reform(|_: MouseEvent| ());
    html! {
        <div class="intro">
            <div class="intro-text" tabindex="-1" ref={heading}>
                { for ui.intro.iter().map(|p| html! { <p>{ p }</p> }) }
            </div>
            <p class="who">{ &ui.who }</p>
            <p class="facts">{ fill(&ui.facts, &[("count", &props.content.number(props.content.questions().len()))]) }</p>
            <p class="privacy">{ if props.share_score { &ui.privacy_shared } else { &ui.privacy } }</p>
            // Esc means nothing on a touch screen: there, the hint names the button alone.
            <p class="hint keys-hint">{ &ui.quick_exit_hint }</p>
            <p class="hint touch-hint">{ &ui.quick_exit_hint_touch }</p>
            <div class="actions">
                <button type="button" class="button primary" part="button primary-button" onclick={on_start}>
                    { &ui.start }
                </button>
            </div>
            { props.partner.clone() }
        </div>
    }
}
