//! Safety paths: the helpline list, the results' safety panel, and "Need help now?".

use std::rc::Rc;
use yew::prelude::*;

use crate::core::content::Content;
use crate::core::resources::{Kind, Resource};
use crate::core::template::fill;

/// Helplines grouped by kind, partner-violence services first; `level` is the heading level
/// of the group titles.
pub fn resource_list(content: &Content, resources: &[Resource], level: u8) -> Html {
    let safety = &content.safety;
    let tag = format!("h{}", level.clamp(2, 6));
    let groups = [
        (Kind::Violence, "kind-violence", &safety.violence_title),
        (Kind::Crisis, "kind-crisis", &safety.crisis_title),
        (Kind::Directory, "kind-directory", &safety.directory_title),
    ];
    html! {
        <div class="resources">
            { for groups.into_iter().map(|(kind, class, title)| {
                let items: Vec<&Resource> = resources.iter().filter(|r| r.kind == kind).collect();
                if items.is_empty() {
                    return html! {};
                }
                html! {
                    <div class={classes!("resource-group", class)}>
                        <@{tag.clone()}>{ title }</@>
                        <ul>
                            { for items.into_iter().map(|r| html! {
                                <li class="resource">
                                    <strong>{ &r.name }</strong>
                                    <span class="resource-links">
                                        if let (Some(href), Some(phone)) = (r.tel_href(), r.phone.as_ref()) {
                                            <a href={href}>{ fill(&safety.call, &[("number", phone)]) }</a>
                                        }
                                        if let (Some(href), Some(sms)) = (r.sms_href(), r.sms.as_ref()) {
                                            <a href={href}>{ fill(&safety.text, &[("keyword", &sms.keyword), ("number", &sms.number)]) }</a>
                                        }
                                        if let Some(url) = r.url.clone() {
                                            <a href={url} rel="noreferrer">{ fill(&safety.website, &[("site", host_of(r.url.as_deref().unwrap_or_default()))]) }</a>
                                        }
                                    </span>
                                </li>
                            }) }
                        </ul>
                    </div>
                }
            }) }
        </div>
    }
}

/// `https://www.example.org/x` → `example.org`, to show where a link goes.
fn host_of(url: &str) -> &str {
    let rest = url.split("://").nth(1).unwrap_or(url);
    let host = rest.split('/').next().unwrap_or(rest);
    host.strip_prefix("www.").unwrap_or(host)
}

/// Opens the results when the visitor said they sometimes feel afraid.
pub fn safety_panel(content: &Content, resources: &[Resource]) -> Html {
    let safety = &content.safety;
    html! {
        <section class="safety-panel" part="safety-panel" aria-labelledby="eiw-safety-title">
            <h4 id="eiw-safety-title">{ &safety.title }</h4>
            <p>{ &safety.intro }</p>
            { resource_list(content, resources, 5) }
            <p class="emergency">{ &safety.emergency }</p>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct HelpProps {
    pub content: Rc<Content>,
    pub resources: Rc<Vec<Resource>>,
}

/// The discreet, always-available "Need help now?" disclosure.
#[function_component(Help)]
pub fn help(props: &HelpProps) -> Html {
    let open = use_state(|| false);
    let safety = &props.content.safety;
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    html! {
        <div class="help">
            <button type="button" class="help-button" part="help-button"
                aria-expanded={open.to_string()} aria-controls="eiw-help" onclick={toggle}>
                { &safety.help_button }
            </button>
            // Filled only while open: nothing of it is seen before, and rendering the
            // helplines up front slowed every widget's start.
            <div id="eiw-help" class="card help-panel" part="help-panel" hidden={!*open}>
                if *open {
                    <h2 class="title">{ &safety.help_title }</h2>
                    <p>{ &safety.help_intro }</p>
                    <p class="emergency">{ &safety.emergency }</p>
                    { resource_list(&props.content, &props.resources, 3) }
                }
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::host_of;

    #[test]
    fn hosts() {
        assert_eq!(host_of("https://www.thehotline.org"), "thehotline.org");
        assert_eq!(host_of("https://988lifeline.org/x"), "988lifeline.org");
        assert_eq!(host_of("odd"), "odd");
    }
}
