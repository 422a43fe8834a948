//! Renders the safe rich-text subset as Yew nodes: every string stays text.

use yew::prelude::*;

use crate::core::rich_text::{parse, Inline};

pub fn paragraph(source: &str) -> Html {
    html! {
        <p>
            { for parse(source).into_iter().map(|inline| match inline {
                Inline::Text(t) => html! { { t } },
                Inline::Emphasis(t) => html! { <em>{ t }</em> },
                Inline::Link { text, href } => html! { <a href={href} rel="noreferrer">{ text }</a> },
            }) }
        </p>
    }
}
