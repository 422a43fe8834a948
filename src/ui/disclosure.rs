//! A labelled button that shows or hides what is under it: the results keep their first
//! screen short (score, where to start, the publisher's call to action) and put the rest
//! one tap away, as NHS self-assessment results do.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DisclosureProps {
    /// The button's text: says what opening it shows.
    pub label: AttrValue,
    /// The id of the region it controls (unique in the widget).
    pub id: AttrValue,
    /// Always rendered, hidden while closed, so printed results still show it.
    #[prop_or_default]
    pub children: Html,
}

#[function_component(Disclosure)]
pub fn disclosure(props: &DisclosureProps) -> Html {
    let open = use_state(|| false);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    html! {
        <div class="disclosure">
            <button type="button" class="disclosure-button" part="button" aria-expanded={open.to_string()}
                aria-controls={props.id.clone()} onclick={toggle}>{ &props.label }</button>
            <div id={props.id.clone()} class="disclosure-panel" hidden={!*open}>
                { props.children.clone() }
            </div>
        </div>
    }
}
