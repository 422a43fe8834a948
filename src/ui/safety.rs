//! Safety paths: the helpline list and the results' safety panel ("Need help now?" is in
//! `top_bar`).

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

/// Opens the results when the visitor said they sometimes feel afraid (under the results'
/// heading, which is then the safety title).
pub fn safety_panel(content: &Content, resources: &[Resource]) -> Html {
    let safety = &content.safety;
    html! {
        <section class="safety-panel" part="safety-panel" aria-labelledby="eiw-safety-intro">
            <p id="eiw-safety-intro">{ &safety.intro }</p>
            { resource_list(content, resources, 5) }
            <p class="emergency">{ &safety.emergency }</p>
        </section>
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
