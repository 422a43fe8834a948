//! The bar at the top of every widget, whatever its sections: "Need help now?" with its
//! panel, and Quick exit (the button, or Esc twice). It sticks to the top of the screen
//! while the visitor scrolls through a tall widget, so leaving is always one tap away.

use std::rc::Rc;
use yew::prelude::*;

use crate::core::content::Content;
use crate::core::resources::Resource;
use crate::ui::hooks::double_escape::use_double_escape;
use crate::ui::hooks::focus::use_reveal_on_open;
use crate::ui::safety::{emergency_line, resource_list};

#[derive(Properties, PartialEq)]
pub struct TopBarProps {
    pub content: Rc<Content>,
    pub resources: Rc<Vec<Resource>>,
    /// The quiz has started: Esc twice leaves from anywhere on the page, not only from
    /// inside the widget.
    pub started: bool,
    /// Quick exit: clear everything and leave.
    pub on_exit: Callback<()>,
}

#[function_component(TopBar)]
pub fn top_bar(props: &TopBarProps) -> Html {
    let open = use_state(|| false);
    let bar = use_node_ref();
    let heading = use_node_ref();
    use_reveal_on_open(heading.clone(), *open);
    let armed = use_double_escape(bar.clone(), props.started, props.on_exit.clone());
    let safety = &props.content.safety;
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    // Announced after one Esc, and cleared when a second would no longer count. Each new
    // first press changes the text (a trailing no-break space), so screen readers announce
    // it again.
    let announcement = match armed {
        0 => String::new(),
        n if n % 2 == 1 => safety.exit_armed.clone(),
        _ => format!("{}\u{a0}", safety.exit_armed),
    };
    html! {
        <>
            <div class="bar" part="bar" ref={bar}>
                <button type="button" class="help-button" part="help-button"
                    aria-expanded={open.to_string()} aria-controls="eiw-help" onclick={toggle}>
                    { &safety.help_button }
                </button>
                <button type="button" class="quick-exit" part="quick-exit"
                    onclick={props.on_exit.reform(|_: MouseEvent| ())}>{ &props.content.ui.quick_exit }</button>
                <p class="visually-hidden" aria-live="assertive">{ announcement }</p>
            </div>
            // Filled only while open: nothing of it is seen before, and rendering the
            // helplines up front slowed every widget's start.
            <div id="eiw-help" class="card help-panel" part="help-panel" hidden={!*open}>
                if *open {
                    <h2 class="title" tabindex="-1" ref={heading}>{ &safety.help_title }</h2>
                    <p>{ &safety.help_intro }</p>
                    <p class="traces">{ &safety.traces }</p>
                    { emergency_line(&props.content, &props.resources) }
                    { resource_list(&props.content, &props.resources, 3) }
                    <p class="hint exit-note">{ &safety.exit_note }</p>
                }
            </div>
        </>
    }
}
