//! "Then and now": the visitor's results from an earlier visit, read from the results code
//! their keepsake holds (a pair code: the same format, their own scores), beside today's.
//! How far an area moved decides its wording: a difference of one answer step is the
//! wobble of answering on another day, described as small rather than as change.

use super::pair::{decode, Mean, Means, PairError};

/// "I have an earlier result": the form and what was read from it. Display state only,
/// never stored: the earlier code stays in the file the visitor saved.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Earlier {
    /// The form for the code is open.
    pub open: bool,
    /// Why the code last entered could not be used.
    pub rejected: Option<PairError>,
    /// The earlier scores, once a code reads.
    pub scores: Option<Means>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EarlierAction {
    /// Open or close the form.
    Toggle,
    /// A code typed into the form, to read with this page's statement fingerprint.
    Enter { text: String, fingerprint: u16 },
}

impl Earlier {
    pub fn apply(&self, action: EarlierAction) -> Earlier {
        let mut next = self.clone();
        match action {
            EarlierAction::Toggle => next.open = !self.open,
            EarlierAction::Enter { text, fingerprint } => match decode(&text, fingerprint) {
                Ok(scores) => {
                    next = Earlier {
                        scores: Some(scores),
                        ..Earlier::default()
                    }
                }
                Err(problem) => next.rejected = Some(problem),
            },
        }
        next
    }
}

/// How an area moved between an earlier result and today's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Same,
    /// At most one answer step on one statement.
    Small,
    /// More than one answer step.
    Moved,
    /// One of the two results did not score the area.
    Missing,
}

/// Compares an area's earlier and current means; `statements` is how many statements the
/// area has. One answer step on one of n statements moves the mean by 1/n, which is 12/n
/// twelfths: on the built-in two-statement areas, 12.5 points (half of `pair::FAR_APART`,
/// under which partners' scores also count as close).
pub fn change(then: Option<Mean>, now: Option<Mean>, statements: usize) -> Change {
    let (Some(then), Some(now)) = (then, now) else {
        return Change::Missing;
    };
    let gap = usize::from(then.twelfths().abs_diff(now.twelfths()));
    if gap == 0 {
        Change::Same
    } else if gap * statements.max(1) <= 12 {
        Change::Small
    } else {
        Change::Moved
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::language::builtin;
    use crate::core::pair::{encode, DIMENSIONS};
    use crate::core::quiz::statement_fingerprint;
    use crate::core::scoring::{score, Response};

    #[test]
    fn an_earlier_code_reads_or_says_why_not() {
        let fingerprint = statement_fingerprint(&builtin("en").unwrap());
        let scores: Means = std::array::from_fn(|i| mean(i as u8 * 4));
        let code = encode(&scores, fingerprint);
        let open = Earlier::default().apply(EarlierAction::Toggle);
        assert!(open.open);
        let enter = |text: &str| EarlierAction::Enter {
            text: text.into(),
            fingerprint,
        };
        // A swapped pair of symbols is a typo; the form stays open with its message.
        let mut typo = code.clone().into_bytes();
        typo.swap(5, 6);
        let typo = String::from_utf8(typo).unwrap();
        let rejected = open.apply(enter(&typo));
        assert_eq!(
            (rejected.open, rejected.rejected),
            (true, Some(PairError::Typo))
        );
        assert_eq!(rejected.scores, None);
        assert_eq!(
            open.apply(enter("hello")).rejected,
            Some(PairError::NotACode)
        );
        let read = rejected.apply(enter(&code.to_lowercase()));
        assert_eq!(read.scores, Some(scores));
        assert_eq!((read.open, read.rejected), (false, None), "the form closes");
        let other = encode(&scores, fingerprint ^ 1);
        assert_eq!(
            open.apply(enter(&other)).rejected,
            Some(PairError::OtherStatements)
        );
        let reopened = read
            .apply(EarlierAction::Toggle)
            .apply(EarlierAction::Toggle);
        assert_eq!(
            reopened.scores,
            Some(scores),
            "the chart stays while the form opens"
        );
    }

    /// A visitor who said they feel afraid is offered none of it: no file, no code, no
    /// "then and now"; nor anyone, where the publisher turned it off.
    #[test]
    fn keeping_results_is_never_offered_to_a_visitor_who_feels_afraid() {
        use crate::core::keepsake::offered;
        use crate::core::quiz::{Action, QuizState, Step};
        let questions = builtin("en").unwrap().questions();
        let answered = |safety: u8| {
            let mut s = QuizState::start(&questions, None).apply(Action::Start);
            for _ in 0..questions.len() {
                let Step::Question(i) = s.step else { break };
                let a = if questions[i] == crate::core::content::QuestionRef::Safety {
                    safety
                } else {
                    3
                };
                s = s
                    .apply(Action::Choose(Response::Agree(a)))
                    .apply(Action::Next);
            }
            assert_eq!(s.step, Step::Results);
            s
        };
        for safety in [1, 2, 3] {
            assert!(offered(&answered(safety), true), "{safety}");
            assert!(!offered(&answered(safety), false), "{safety}: turned off");
        }
        for safety in [4, 5] {
            assert!(!offered(&answered(safety), true), "{safety}");
        }
    }

    fn mean(twelfths: u8) -> Option<Mean> {
        Some(Mean::from_twelfths(twelfths).unwrap())
    }

    /// The results code is the pair code: every level of every area (and "not scored")
    /// comes back from it unchanged, whatever the other areas hold.
    #[test]
    fn every_level_of_every_area_round_trips_as_a_results_code() {
        let fingerprint = statement_fingerprint(&builtin("en").unwrap());
        let levels: Vec<Option<Mean>> = std::iter::once(None)
            .chain((0..=Mean::MAX_TWELFTHS).map(mean))
            .collect();
        for d in 0..DIMENSIONS {
            for (k, &level) in levels.iter().enumerate() {
                let mut scores: [Option<Mean>; DIMENSIONS] =
                    std::array::from_fn(|i| levels[(k + 7 * i) % levels.len()]);
                scores[d] = level;
                let code = encode(&scores, fingerprint);
                assert_eq!(decode(&code, fingerprint), Ok(scores), "{code}");
            }
        }
    }

    #[test]
    fn one_answer_step_is_a_small_difference() {
        use Change::*;
        for (then, now, statements, expected) in [
            (24, 24, 2, Same),
            (24, 30, 2, Small),
            (30, 24, 2, Small),
            (24, 31, 2, Moved),
            (24, 36, 2, Moved),
            (24, 28, 3, Small),
            (24, 29, 3, Moved),
            (24, 36, 1, Small),
            (24, 37, 1, Moved),
            (0, 48, 2, Moved),
            (24, 36, 0, Small),
        ] {
            assert_eq!(
                change(mean(then), mean(now), statements),
                expected,
                "{then} → {now} over {statements}"
            );
        }
        assert_eq!(change(None, mean(3), 2), Missing);
        assert_eq!(change(mean(3), None, 2), Missing);
        assert_eq!(change(None, None, 2), Missing);
    }

    /// From real answers to the built-in two-statement areas: one statement one step apart
    /// is small; two steps, on one statement or across both, are not.
    #[test]
    fn one_answer_apart_on_the_quiz_is_small() {
        let en = builtin("en").unwrap();
        let questions = en.questions();
        let area = |answers: [u8; 2]| {
            let mut seen = 0;
            let responses: Vec<_> = questions
                .iter()
                .map(|q| match q {
                    crate::core::content::QuestionRef::Item { dimension: 0, .. } => {
                        seen += 1;
                        Some(Response::Agree(answers[seen - 1]))
                    }
                    _ => Some(Response::Skipped),
                })
                .collect();
            let outcome = score(&en, &questions, &responses);
            Mean::from_f64(outcome.dimensions[0].unwrap().mean)
        };
        let statements = en.dimensions[0].items.len();
        assert_eq!(
            change(area([3, 3]), area([4, 3]), statements),
            Change::Small
        );
        assert_eq!(
            change(area([3, 3]), area([3, 2]), statements),
            Change::Small
        );
        assert_eq!(
            change(area([3, 3]), area([4, 2]), statements),
            Change::Moved
        );
        assert_eq!(
            change(area([3, 3]), area([5, 3]), statements),
            Change::Moved
        );
        // The second statement is reverse-keyed: agreeing more with both is no change.
        assert!(en.dimensions[0].items[1].reverse);
        assert_eq!(change(area([3, 3]), area([4, 4]), statements), Change::Same);
    }
}
