//! The events the widget announces to its host page, for publishers' own analytics.
//!
//! By construction no variant can carry an answer: the payloads are counts, FAQ slugs and
//! the publisher's own link, and a band id and scores only with `share-score`.

use super::json::Value;

/// The scores a publisher may opt in to receive (`share-score`): results, not answers.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedScores {
    /// The overall band's id, `None` when nothing was scored.
    pub band: Option<&'static str>,
    pub score: Option<u8>,
    /// Dimension id → 0–100, or `None` when not scored.
    pub dimensions: Vec<(&'static str, Option<u8>)>,
}

/// Per dimension id: the visitor's and their partner's score (0–100), `None` when not scored.
pub type ComparedScores = Vec<(&'static str, Option<u8>, Option<u8>)>;

#[derive(Debug, Clone, PartialEq)]
pub enum HostEvent {
    Ready,
    Start,
    Step {
        index: usize,
        total: usize,
    },
    /// The band and scores only when the publisher set `share-score` (else an empty
    /// detail); answers are never included.
    Complete {
        scores: Option<SharedScores>,
    },
    FaqToggle {
        slug: String,
        open: bool,
    },
    Cta {
        href: String,
    },
    /// A comparison with a partner is shown. Scores (never answers, never the partner's code)
    /// only when the publisher set `share-score`: per dimension, yours and your partner's.
    Compare {
        scores: Option<ComparedScores>,
    },
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
            HostEvent::Compare { .. } => "ei-compare",
        }
    }

    /// The `detail` of the CustomEvent, as JSON.
    pub fn detail(&self) -> Value {
        match self {
            HostEvent::Ready | HostEvent::Start => Value::object::<&str>([]),
            HostEvent::Step { index, total } => {
                Value::object([("index", (*index).into()), ("total", (*total).into())])
            }
            HostEvent::Complete { scores: None } => Value::object::<&str>([]),
            HostEvent::Complete {
                scores: Some(shared),
            } => {
                let dimensions = shared
                    .dimensions
                    .iter()
                    .map(|(id, score)| (*id, (*score).into()));
                Value::object([
                    ("band", shared.band.into()),
                    ("score", shared.score.into()),
                    ("dimensions", Value::object(dimensions)),
                ])
            }
            HostEvent::FaqToggle { slug, open } => {
                Value::object([("slug", slug.as_str().into()), ("open", (*open).into())])
            }
            HostEvent::Cta { href } => Value::object([("href", href.as_str().into())]),
            HostEvent::Compare { scores: None } => Value::object::<&str>([]),
            HostEvent::Compare {
                scores: Some(scores),
            } => {
                let dimensions = scores.iter().map(|(id, you, partner)| {
                    let pair =
                        Value::object([("you", (*you).into()), ("partner", (*partner).into())]);
                    (*id, pair)
                });
                Value::object([("dimensions", Value::object(dimensions))])
            }
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
            HostEvent::Complete { scores: None }.detail().to_string(),
            "{}",
            "nothing scored without share-score"
        );
        let shared = SharedScores {
            band: Some("grow"),
            score: Some(57),
            dimensions: vec![("communication", Some(63)), ("trust", None)],
        };
        assert_eq!(
            HostEvent::Complete {
                scores: Some(shared)
            }
            .detail()
            .to_string(),
            r#"{"band":"grow","score":57,"dimensions":{"communication":63,"trust":null}}"#
        );
        assert_eq!(
            HostEvent::Compare { scores: None }.detail().to_string(),
            "{}"
        );
        assert_eq!(
            HostEvent::Compare {
                scores: Some(vec![
                    ("communication", Some(50), Some(75)),
                    ("trust", None, Some(25))
                ])
            }
            .detail()
            .to_string(),
            r#"{"dimensions":{"communication":{"you":50,"partner":75},"trust":{"you":null,"partner":25}}}"#
        );
    }
}
