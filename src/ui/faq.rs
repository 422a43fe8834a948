//! The FAQ accordion, following the WAI-ARIA Authoring Practices accordion pattern:
//! header buttons inside headings with `aria-expanded`/`aria-controls`, Up/Down/Home/End
//! between headers, and `role=region` panels only while there are six entries or fewer.

use std::rc::Rc;
use web_sys::{HtmlElement, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

use crate::core::content::Content;
use crate::core::events::HostEvent;
use crate::ui::rich_text::paragraph;

#[derive(Properties, PartialEq)]
pub struct FaqProps {
    pub content: Rc<Content>,
    /// Only one entry open at a time.
    pub single: bool,
    /// Heading level (2–6) of each entry's header.
    pub heading_level: u8,
    /// Slug to open (and scroll to) on load, from `#faq-<slug>`.
    pub deep_link: Option<String>,
    pub on_event: Callback<HostEvent>,
}

/// The APG advises landmark regions only for small accordions.
const MAX_REGIONS: usize = 6;

/// Which header a navigation key moves focus to, if any.
pub fn target(key: &str, current: usize, count: usize) -> Option<usize> {
    if count == 0 {
        return None;
    }
    match key {
        "ArrowDown" => Some((current + 1) % count),
        "ArrowUp" => Some((current + count - 1) % count),
        "Home" => Some(0),
        "End" => Some(count - 1),
        _ => None,
    }
}

/// Opens or closes entry `index`, closing the others in single mode.
pub fn toggle(open: &[bool], index: usize, single: bool) -> Vec<bool> {
    open.iter()
        .enumerate()
        .map(|(i, &was)| if i == index { !was } else { was && !single })
        .collect()
}

#[function_component(Faq)]
pub fn faq(props: &FaqProps) -> Html {
    let entries = &props.content.faq;
    let count = entries.len();
    let open = use_state(|| {
        entries
            .iter()
            .map(|e| props.deep_link.as_deref() == Some(e.slug.as_str()))
            .collect::<Vec<bool>>()
    });
    // Answers are rendered once first opened and kept (so closing still animates): most
    // visitors open few, and ten rendered answers were a measurable part of start-up.
    let seen = use_mut_ref(Vec::<usize>::new);
    let buttons = use_memo(count, |&n| {
        (0..n).map(|_| NodeRef::default()).collect::<Vec<_>>()
    });
    {
        let buttons = buttons.clone();
        let linked = props
            .deep_link
            .as_deref()
            .and_then(|slug| entries.iter().position(|e| e.slug == slug));
        use_effect_with((), move |_| {
            if let Some(el) = linked
                .and_then(|i| buttons.get(i))
                .and_then(|b| b.cast::<HtmlElement>())
            {
                let options = ScrollIntoViewOptions::new();
                options.set_block(ScrollLogicalPosition::Start);
                el.scroll_into_view_with_scroll_into_view_options(&options);
            }
        });
    }

    let level = props.heading_level.clamp(2, 6);
    let title_tag = format!("h{}", (level - 1).max(2));
    let header_tag = format!("h{level}");
    let regions = count <= MAX_REGIONS;

    html! {
        <section class="card faq" part="card" aria-labelledby="eiw-faq-title">
            <@{title_tag} id="eiw-faq-title" class="title">{ &props.content.ui.faq_title }</@>
            <div class="faq-list">
            { for entries.iter().enumerate().map(|(i, entry)| {
                let is_open = open.get(i).copied().unwrap_or(false);
                if is_open && !seen.borrow().contains(&i) {
                    seen.borrow_mut().push(i);
                }
                let rendered = seen.borrow().contains(&i);
                let button_id = format!("faq-button-{}", entry.slug);
                let panel_id = format!("faq-panel-{}", entry.slug);
                let onclick = {
                    let open = open.clone();
                    let on_event = props.on_event.clone();
                    let slug = entry.slug.clone();
                    let single = props.single;
                    Callback::from(move |_: MouseEvent| {
                        let next = toggle(&open, i, single);
                        let now_open = next.get(i).copied().unwrap_or(false);
                        open.set(next);
                        on_event.emit(HostEvent::FaqToggle { slug: slug.clone(), open: now_open });
                    })
                };
                let onkeydown = {
                    let buttons = buttons.clone();
                    Callback::from(move |e: KeyboardEvent| {
                        if let Some(t) = target(&e.key(), i, count) {
                            e.prevent_default();
                            if let Some(el) = buttons.get(t).and_then(|b| b.cast::<HtmlElement>()) {
                                let _ = el.focus();
                            }
                        }
                    })
                };
                html! {
                    <div class={if is_open { "faq-item is-open" } else { "faq-item" }} part="faq-item" key={entry.slug.clone()}>
                        <@{header_tag.clone()} class="faq-heading">
                            <button type="button" class="faq-button" part="faq-button" id={button_id.clone()}
                                aria-expanded={is_open.to_string()} aria-controls={panel_id.clone()}
                                ref={buttons.get(i).cloned().unwrap_or_default()} {onclick} {onkeydown}>
                                <span class="faq-question">{ &entry.question }</span>
                                <svg class="faq-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                                    <path d="M3 6l5 5 5-5" />
                                </svg>
                            </button>
                        </@>
                        <div id={panel_id} class={if is_open { "faq-panel is-open" } else { "faq-panel" }} part="faq-panel"
                            role={regions.then_some("region")}
                            aria-labelledby={regions.then_some(button_id)}>
                            <div class="faq-panel-inner">
                                if rendered {
                                    { for entry.answer.iter().map(|p| paragraph(p)) }
                                }
                            </div>
                        </div>
                    </div>
                }
            }) }
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn navigation_keys_wrap() {
        assert_eq!(target("ArrowDown", 8, 9), Some(0));
        assert_eq!(target("ArrowUp", 0, 9), Some(8));
        assert_eq!(target("Home", 4, 9), Some(0));
        assert_eq!(target("End", 4, 9), Some(8));
        assert_eq!(target("Tab", 4, 9), None);
        assert_eq!(target("ArrowDown", 0, 0), None);
    }

    #[test]
    fn single_mode_closes_the_others() {
        assert_eq!(
            toggle(&[true, false, true], 1, false),
            vec![true, true, true]
        );
        assert_eq!(
            toggle(&[true, false, true], 1, true),
            vec![false, true, false]
        );
        assert_eq!(toggle(&[false, true], 1, true), vec![false, false]);
        assert_eq!(toggle(&[false], 5, true), vec![false]);
    }
}
