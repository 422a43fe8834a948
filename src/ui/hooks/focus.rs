//! Focus for screens that are plain views, with no component of their own to move it.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::ui::state::Step;

/// When the quiz reaches the partners' hand-over screen, moves focus to its heading (the
/// element matching `.handover-title` inside `card`), as the other screens do for theirs,
/// so a screen reader announces it.
///
/// ```ignore
/// use_focus_on_handover(card.clone(), state.step);
/// ```
#[hook]
pub fn use_focus_on_handover(card: NodeRef, step: Step) {
    use_effect_with(step, move |step| {
        if *step == Step::Handover {
            let heading = card
                .cast::<web_sys::Element>()
                .and_then(|c| c.query_selector(".handover-title").ok().flatten())
                .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(heading) = heading {
                let _ = heading.focus();
            }
        }
    });
}
