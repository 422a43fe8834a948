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

/// When a partner's code is entered on the results, moves focus (and so the screen) to the
/// new "You and your partner" heading inside `card`; otherwise the comparison would appear
/// out of sight and nothing visible would change. Only for that change: not when the
/// results first appear (their own heading takes focus) or when a page loads.
///
/// ```ignore
/// use_focus_on_comparison(card.clone(), state.step, partner.is_some());
/// ```
#[hook]
pub fn use_focus_on_comparison(card: NodeRef, step: Step, has_partner: bool) {
    let before = use_mut_ref(|| (step, has_partner));
    use_effect_with((step, has_partner), move |now| {
        let arrived = *before.borrow() == (Step::Results, false) && *now == (Step::Results, true);
        *before.borrow_mut() = *now;
        if arrived {
            let heading = card
                .cast::<web_sys::Element>()
                .and_then(|c| c.query_selector("#eiw-comparison-title").ok().flatten())
                .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(heading) = heading {
                let _ = heading.focus();
            }
        }
    });
}

/// When "Need help now?" opens its panel, brings the panel's heading (`heading`) into view
/// just below the sticky bar and moves focus to it. The panel sits at the top of the widget,
/// which may be far above the screen by then: opened out of sight, it would look as if the
/// button did nothing, at the moment help is needed most. Nothing happens on first render.
///
/// ```ignore
/// use_reveal_on_open(heading.clone(), *open);
/// ```
#[hook]
pub fn use_reveal_on_open(heading: NodeRef, open: bool) {
    use_effect_with(open, move |open| {
        if let (true, Some(heading)) = (*open, heading.cast::<web_sys::HtmlElement>()) {
            // Aligned to its top, where its scroll margin keeps it clear of the bar.
            let scroll = web_sys::ScrollIntoViewOptions::new();
            scroll.set_block(web_sys::ScrollLogicalPosition::Start);
            heading.scroll_into_view_with_scroll_into_view_options(&scroll);
            let focus = web_sys::FocusOptions::new();
            focus.set_prevent_scroll(true);
            let _ = heading.focus_with_options(&focus);
        }
    });
}
