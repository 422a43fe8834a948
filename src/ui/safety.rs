//! Safety paths: the helpline list and the results' safety panel ("Need help now?" is in
//! `top_bar`).

use yew::prelude::*;

use crate::core::content::{Content, Safety};
use crate::core::resources::{host_of, Kind, Resource};
use crate::core::template::fill;

/// Helplines. Where the visitor's country is known, its name heads its services, grouped by
/// kind with partner-violence services first (`level` is the country's heading level, the
/// groups' one below), and the international directory follows. Where it is not (no region
/// set or inferred from the browser, or one with no services here), the directory comes
/// first, as one large link: a wrong country's numbers would be worse than none.
pub fn resource_list(content: &Content, resources: &[Resource], level: u8) -> Html {
    let safety = &content.safety;
    let tag = |level: u8| format!("h{}", level.clamp(2, 6));
    let (directories, own): (Vec<&Resource>, Vec<&Resource>) = resources
        .iter()
        .filter(|r| r.kind != Kind::Emergency)
        .partition(|r| r.kind == Kind::Directory);
    // A publisher's own list names no country: its groups take the country's place.
    let country = own.iter().find_map(|r| r.country.clone());
    let group_level = if country.is_some() { level + 1 } else { level };
    let groups = [
        (Kind::Violence, "kind-violence", &safety.violence_title),
        (Kind::Crisis, "kind-crisis", &safety.crisis_title),
    ];
    let directory = directory(safety, &directories, tag(level), own.is_empty());
    if own.is_empty() {
        return html! { <div class="resources directory-first">{ directory }</div> };
    }
    html! {
        <div class="resources">
            if let Some(country) = country {
                <@{tag(level)} class="resource-country">{ country }</@>
            }
            { for groups.into_iter().map(|(kind, class, title)| {
                let items: Vec<&Resource> = own.iter().copied().filter(|r| r.kind == kind).collect();
                if items.is_empty() {
                    return html! {};
                }
                html! {
                    <div class={format!("resource-group {class}")}>
                        <@{tag(group_level)}>{ title }</@>
                        <ul>{ for items.into_iter().map(|r| item(safety, r)) }</ul>
                    </div>
                }
            }) }
            { directory }
        </div>
    }
}

/// The international directory: one large link, "Find a helpline in your country", under a
/// heading of its own so it never reads as part of the country above it. (A publisher's list
/// with several directories lists them under that heading.)
fn directory(safety: &Safety, directories: &[&Resource], tag: String, first: bool) -> Html {
    match directories {
        [] => html! {},
        [only] if only.url.is_some() => {
            let url = only.url.clone().unwrap_or_default();
            let site = host_of(&url).to_owned();
            html! {
                <div class={if first { "directory directory-first" } else { "directory" }}>
                    <@{tag}>
                        <a class={if first { "button primary directory-link" } else { "button directory-link" }}
                            href={url} rel="noreferrer">{ &safety.directory_title }</a>
                    </@>
                    <p class="hint">{ site }</p>
                </div>
            }
        }
        many => html! {
            <div class="resource-group kind-directory">
                <@{tag}>{ &safety.directory_title }</@>
                <ul>{ for many.iter().map(|r| item(safety, r)) }</ul>
            </div>
        },
    }
}

/// One service: its name, and a link for each way to reach it.
fn item(safety: &Safety, r: &Resource) -> Html {
    let text = r.sms.as_ref().map(|sms| match &sms.keyword {
        Some(keyword) => with_number(&safety.text, &[("keyword", keyword)], &sms.number),
        None => with_number(&safety.text_number, &[], &sms.number),
    });
    html! {
        <li class="resource">
            <strong dir="auto">{ &r.name }</strong>
            <span class="resource-links">
                if let (Some(href), Some(phone)) = (r.tel_href(), r.phone.as_ref()) {
                    <a href={href}>{ with_number(&safety.call, &[], phone) }</a>
                }
                if let (Some(href), Some(text)) = (r.sms_href(), text) {
                    <a href={href}>{ text }</a>
                }
                if let Some(url) = r.url.clone() {
                    <a href={url} rel="noreferrer">{ fill(&safety.website, &[("site", host_of(r.url.as_deref().unwrap_or_default()))]) }</a>
                }
            </span>
        </li>
    }
}

/// A template with its `{number}` isolated left to right: in an Arabic sentence the bidi
/// algorithm would otherwise turn "800-799-7233" into "7233-799-800", because hyphens between
/// digits that follow Arabic letters do not join them into one number.
fn with_number(template: &str, values: &[(&str, &str)], number: &str) -> Html {
    let mut parts = template.split("{number}").map(|part| fill(part, values));
    let first = parts.next().unwrap_or_default();
    // One span: the links are flex boxes, which would trim the space before the number.
    html! {
        <span>
            { first }
            { for parts.map(|part| html! {
                <><bdi class="number" dir="ltr">{ number.to_owned() }</bdi>{ part }</>
            }) }
        </span>
    }
}

/// "If you are in danger right now, call …": the country's emergency number with a Call
/// link where it is known (an `emergency` entry, which names its country), else the local
/// emergency number in general words.
pub fn emergency_line(content: &Content, resources: &[Resource]) -> Html {
    let safety = &content.safety;
    let known = resources.iter().find(|r| r.kind == Kind::Emergency);
    match known.and_then(|r| Some((r.tel_href()?, r.phone.as_deref()?, r.country.as_deref()?))) {
        Some((href, number, country)) => html! {
            <p class="emergency">
                { fill(&safety.emergency_in, &[("country", country)]) }{ " " }
                <a class="emergency-call" href={href}>{ with_number(&safety.call, &[], number) }</a>
            </p>
        },
        None => html! { <p class="emergency">{ &safety.emergency }</p> },
    }
}

/// Opens the results when the visitor said they sometimes feel afraid (under the results'
/// heading, which is then the safety title).
pub fn safety_panel(content: &Content, resources: &[Resource]) -> Html {
    let safety = &content.safety;
    html! {
        <section class="safety-panel" part="safety-panel" aria-labelledby="eiw-safety-intro">
            <p id="eiw-safety-intro">{ &safety.intro }</p>
            <p class="traces">{ &safety.traces }</p>
            { resource_list(content, resources, 4) }
            { emergency_line(content, resources) }
            // What the browser keeps, here too: a visitor who reads this panel may never
            // open "Need help now?", where it is also said.
            <p class="hint exit-note">{ &safety.exit_note }</p>
        </section>
    }
}
