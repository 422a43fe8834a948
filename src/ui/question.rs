//! One statement on screen: a radio group of the five agreement answers plus a skip.

use std::rc::Rc;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use crate::core::content::Content;
use crate::core::scoring::Response;
use crate::core::template::fill;
use crate::ui::progress::progress;

#[derive(Properties, PartialEq)]
pub struct QuestionProps {
    pub content: Rc<Content>,
    /// Which question this is, for moving focus when it changes.
    pub index: usize,
    /// Its number as the visitor counts (1-based), and how many are asked.
    pub number: usize,
    pub total: usize,
    pub text: AttrValue,
    pub response: Option<Response>,
    pub on_choose: Callback<Response>,
    pub on_next: Callback<()>,
    pub on_back: Callback<()>,
}

#[function_component(Question)]
pub fn question(props: &QuestionProps) -> Html {
    let heading = use_node_ref();
    // One ref per option, so a number-key shortcut can move focus to the chosen radio and
    // arrow keys keep working from there.
    let radios = use_memo((), |_| {
        (0..6).map(|_| NodeRef::default()).collect::<Vec<_>>()
    });
    {
        let heading = heading.clone();
        use_effect_with(props.index, move |_| {
            if let Some(el) = heading.cast::<HtmlElement>() {
                let _ = el.focus();
            }
        });
    }

    let ui = &props.content.ui;
    let options: Vec<(Response, &String)> = props
        .content
        .scale
        .iter()
        .enumerate()
        .map(|(i, label)| (Response::Agree(i as u8 + 1), label))
        .chain(std::iter::once((Response::Skipped, &ui.skip)))
        .collect();

    let onkeydown = {
        let on_choose = props.on_choose.clone();
        let on_next = props.on_next.clone();
        let answered = props.response.is_some();
        let radios = radios.clone();
        Callback::from(move |e: KeyboardEvent| {
            let key = e.key();
            // Enter on a button already clicks it; handling it here too would act twice.
            let on_button = e
                .target_dyn_into::<Element>()
                .is_some_and(|t| matches!(t.tag_name().as_str(), "BUTTON" | "A"));
            if key == "Enter" && answered && !on_button {
                e.prevent_default();
                on_next.emit(());
            } else if let Some(response) = shortcut(&key) {
                e.prevent_default();
                on_choose.emit(response);
                if let Response::Agree(n) = response {
                    if let Some(el) = radios
                        .get(usize::from(n) - 1)
                        .and_then(|r| r.cast::<HtmlElement>())
                    {
                        let _ = el.focus();
                    }
                }
            }
        })
    };

    let heading_id = "eiw-question";
    let number = |n: usize| props.content.number(n);
    let progress_text = fill(
        &ui.progress,
        &[
            ("n", &number(props.number)),
            ("total", &number(props.total)),
        ],
    );
    let last = props.number == props.total;
    html! {
        <div class="question" part="question" {onkeydown}>
            { progress(props.number, props.total, progress_text, &ui.progress_label) }
            <h3 id={heading_id} class="question-text" tabindex="-1" ref={heading}>{ &props.text }</h3>
            <div class="options" role="radiogroup" aria-labelledby={heading_id}>
                { for options.iter().enumerate().map(|(i, (response, label))| {
                    let response = *response;
                    let checked = props.response == Some(response);
                    let onchange = props.on_choose.reform(move |_: Event| response);
                    let class = format!(
                        "option{}{}",
                        if response == Response::Skipped { " skip" } else { "" },
                        if checked { " checked" } else { "" },
                    );
                    html! {
                        <label class={class} part="option">
                            <input type="radio" name="eiw-answer" value={i.to_string()}
                                ref={radios.get(i).cloned().unwrap_or_default()} {checked} {onchange} />
                            <span>{ *label }</span>
                        </label>
                    }
                }) }
            </div>
            <p class="hint keys-hint">{ &ui.shortcut_hint }</p>
            <div class="actions nav">
                <button type="button" class="button" part="button"
                    onclick={props.on_back.reform(|_: MouseEvent| ())}>{ &ui.back }</button>
                <button type="button" class="button primary" part="button primary-button"
                    disabled={props.response.is_none()}
                    onclick={props.on_next.reform(|_: MouseEvent| ())}>
                    { if last { &ui.finish } else { &ui.next } }
                </button>
            </div>
        </div>
    }
}

/// Maps number keys 1–5 to answers; anything else is not a shortcut.
pub fn shortcut(key: &str) -> Option<Response> {
    match key {
        "1" | "2" | "3" | "4" | "5" => key.parse().ok().map(Response::Agree),
        _ => None,
    }
}
