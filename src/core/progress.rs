//! The opt-in saved progress: encoding and a decoder that tolerates anything.
//!
//! Format: `v1|<step>|<answers>` where step is `q<index>` or `r` (results) and answers has
//! one character per question: `1`–`5`, `s` (skipped) or `-` (not yet answered). Stored
//! text may be stale, edited or from another version; bad input decodes to `None`.

use super::scoring::Response;

/// What the UI asks the embed layer to do with the visitor's saved progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreOp {
    /// The first save after "Remember my progress" is ticked.
    Save(String),
    /// Every later save: refused (false) when what this widget saved is gone, erased since
    /// by Forget or Quick exit in another widget or tab, so it does not write it all back.
    Update(String),
    /// "Remember my progress" was turned off: this widget's saved progress goes.
    Clear,
    /// "Forget my answers": every widget's saved progress on this origin goes.
    ForgetAll,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SavedStep {
    Question(usize),
    Results,
    /// Between two partners' turns on one device.
    Handover,
}

/// Comparing with a partner, as far as it has gone (the quiz state keeps the same).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Partner {
    #[default]
    None,
    /// Taking turns on this device; the first partner is answering.
    Turns,
    /// Taking turns; the first partner's answers, their turn over.
    First(Vec<Option<Response>>),
    /// A partner's pair code, as entered (checked again when read back).
    Code(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    pub step: SavedStep,
    pub responses: Vec<Option<Response>>,
    pub partner: Partner,
}

const VERSION: &str = "v1";

/// What every key of saved progress starts with, whichever widget or page wrote it.
const BASE: &str = "emotional-intimacy-widget:progress";

/// Whether a `localStorage` key holds saved progress of this widget: any widget on any
/// page of the origin, including keys from versions that numbered widgets by position.
/// Forget and Quick exit erase all of them.
pub fn is_progress_key(key: &str) -> bool {
    key.strip_prefix(BASE)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with([':', '#']))
}

/// The `localStorage` key of a widget's saved progress, namespaced so it cannot clash with
/// the host page's own keys. The element's id keeps widgets apart; widgets without one are
/// told apart by their order among such widgets on the page (the first keeps the plain key).
pub fn storage_key(element_id: &str, unnamed_position: usize) -> String {
    match (element_id, unnamed_position) {
        ("", 0) => BASE.to_owned(),
        ("", n) => format!("{BASE}#{}", n + 1),
        (id, _) => format!("{BASE}:{id}"),
    }
}

fn answers(responses: &[Option<Response>]) -> String {
    responses
        .iter()
        .map(|r| match r {
            Some(Response::Agree(x @ 1..=5)) => char::from(b'0' + x),
            Some(Response::Skipped) => 's',
            _ => '-',
        })
        .collect()
}

/// `v1|<step>|<answers>`, then `|t`, `|f<first partner's answers>` or `|p<pair code>` when
/// comparing with a partner.
pub fn encode(saved: &Saved) -> String {
    let step = match saved.step {
        SavedStep::Question(i) => format!("q{i}"),
        SavedStep::Results => "r".to_owned(),
        SavedStep::Handover => "h".to_owned(),
    };
    let pair = match &saved.partner {
        Partner::None => String::new(),
        Partner::Turns => "|t".to_owned(),
        Partner::First(first) => format!("|f{}", answers(first)),
        Partner::Code(code) => format!("|p{code}"),
    };
    format!("{VERSION}|{step}|{}{pair}", answers(&saved.responses))
}

fn read_answers(text: &str, total: usize) -> Option<Vec<Option<Response>>> {
    if text.chars().count() != total {
        return None;
    }
    text.chars()
        .map(|c| match c {
            '1'..='5' => Some(Some(Response::Agree(c as u8 - b'0'))),
            's' => Some(Some(Response::Skipped)),
            '-' => Some(None),
            _ => None,
        })
        .collect()
}

/// Decodes progress for a quiz of `total` questions.
pub fn decode(text: &str, total: usize) -> Option<Saved> {
    let mut parts = text.split('|');
    if parts.next()? != VERSION {
        return None;
    }
    let step = match parts.next()? {
        "r" => SavedStep::Results,
        "h" => SavedStep::Handover,
        q => SavedStep::Question(q.strip_prefix('q')?.parse().ok()?),
    };
    let responses = read_answers(parts.next()?, total)?;
    let partner = match parts.next() {
        None => Partner::None,
        Some("t") => Partner::Turns,
        Some(p) => match p.split_at_checked(1)? {
            ("f", first) => {
                let first = read_answers(first, total)?;
                first
                    .iter()
                    .all(Option::is_some)
                    .then_some(Partner::First(first))?
            }
            ("p", code) if !code.is_empty() && code.len() <= 64 => Partner::Code(code.to_owned()),
            _ => return None,
        },
    };
    if parts.next().is_some() {
        return None;
    }
    let answered_before = |i: usize| responses.iter().take(i).all(Option::is_some);
    let consistent = match step {
        SavedStep::Question(i) => i < total && answered_before(i),
        SavedStep::Results => answered_before(total),
        SavedStep::Handover => {
            matches!(partner, Partner::First(_)) && responses.iter().all(Option::is_none)
        }
    };
    consistent.then_some(Saved {
        step,
        responses,
        partner,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn storage_keys_keep_widgets_apart() {
        assert_eq!(storage_key("", 0), "emotional-intimacy-widget:progress");
        assert_eq!(storage_key("", 1), "emotional-intimacy-widget:progress#2");
        assert_eq!(
            storage_key("w1", 0),
            "emotional-intimacy-widget:progress:w1"
        );
        assert_eq!(
            storage_key("w1", 3),
            "emotional-intimacy-widget:progress:w1"
        );
        // An id cannot produce the key of an id-less widget.
        assert_ne!(storage_key("#2", 0), storage_key("", 1));
        for key in [
            storage_key("", 0),
            storage_key("", 4),
            storage_key("quiz", 0),
        ] {
            assert!(is_progress_key(&key), "{key}");
        }
        for other in [
            "emotional-intimacy-widget:progressive",
            "theme",
            "emotional-intimacy-widget:settings",
        ] {
            assert!(!is_progress_key(other), "{other}");
        }
    }

    #[test]
    fn round_trips() {
        let saved = Saved {
            step: SavedStep::Question(3),
            partner: Partner::None,
            responses: vec![
                Some(Response::Agree(5)),
                Some(Response::Skipped),
                Some(Response::Agree(1)),
                None,
            ],
        };
        assert_eq!(encode(&saved), "v1|q3|5s1-");
        let turns = Saved {
            step: SavedStep::Handover,
            responses: vec![None; 2],
            partner: Partner::First(vec![Some(Response::Agree(2)), Some(Response::Skipped)]),
        };
        assert_eq!(encode(&turns), "v1|h|--|f2s");
        assert_eq!(decode("v1|h|--|f2s", 2), Some(turns));
        assert_eq!(
            decode("v1|q0|--|pEI1-ABCD", 2).map(|s| s.partner),
            Some(Partner::Code("EI1-ABCD".into()))
        );
        assert_eq!(
            decode("v1|q0|--|t", 2).map(|s| s.partner),
            Some(Partner::Turns)
        );
        assert_eq!(decode("v1|q3|5s1-", 4), Some(saved));
        assert_eq!(
            decode("v1|r|55", 2).map(|s| s.step),
            Some(SavedStep::Results)
        );
    }

    #[test]
    fn rejects_anything_odd() {
        for bad in [
            "",
            "v1",
            "v2|q0|--",
            "v1|q0|---",
            "v1|q2|--",
            "v1|q2|55",
            "v1|q1|--",
            "v1|r|5-",
            "v1|x|--",
            "v1|q|--",
            "v1|q-1|--",
            "v1|q0|6-",
            "v1|q0|--|x",
            "v1|q99999999999999999999|--",
            "v1|q0|é-",
            "v1|h|--",
            "v1|h|5-|f55",
            "v1|q0|--|f5-",
            "v1|q0|--|p",
            "v1|q0|--|t|t",
            "v1|q0|--|z",
        ] {
            assert_eq!(decode(bad, 2), None, "{bad:?}");
        }
    }
}
