//! The events the widget announces to its host page, for publishers' own analytics.
//!
//! By construction no variant can carry an answer: the payloads are counts, a band id,
//! FAQ slugs and the publisher's own link.

use serde_json::json;

#[derive(Debug, Clone, PartialEq)]
pub enum HostEvent {
    Ready,
    Start,
    Step { index: usize, total: usize },
    Complete { band: Option<&'static str> },
    FaqToggle { slug: String, open: bool },
    Cta { href: String },
}

impl HostEvent {
    /// The DOM event name, `ei-…`.
    pub fn name(&self) -> &'static str {
        match self {
            HostEvent::Ready => "ei-ready",
            HostEvent::Start => "ei-start",
            HostEvent::Step { .. } => "ei-step",
            HostEvent::Complete { .. } => "ei-complete",
            HostEvent::FaqToggle { .. } => "ei-faq-toggle",
            HostEvent::Cta { .. } => "ei-cta",
        }
    }

    /// The `detail` of the CustomEvent, as JSON.
    pub fn detail(&self) -> serde_json::Value {
        match self {
            HostEvent::Ready | HostEvent::Start => json!({}),
            HostEvent::Step { index, total } => json!({ "index": index, "total": total }),
            HostEvent::Complete { band } => json!({ "band": band }),
            HostEvent::FaqToggle { slug, open } => json!({ "slug": slug, "open": open }),
            HostEvent::Cta { href } => json!({ "href": href }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_details() {
        assert_eq!(HostEvent::Ready.name(), "ei-ready");
        assert_eq!(
            HostEvent::Step {
                index: 3,
                total: 20
            }
            .detail()
            .to_string(),
            r#"{"index":3,"total":20}"#
        );
        assert_eq!(
            HostEvent::Complete { band: Some("grow") }
                .detail()
                .to_string(),
            r#"{"band":"grow"}"#
        );
    }
}
