//! The quiz state machine: every change of screen or answer goes through `Action`.

use std::rc::Rc;
use yew::Reducible;

use crate::core::progress::{Saved, SavedStep};
use crate::core::scoring::Response;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Intro,
    /// The index of the question on screen.
    Question(usize),
    Results,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizState {
    pub step: Step,
    /// One slot per question; `None` until the visitor answers or skips it.
    pub responses: Vec<Option<Response>>,
    /// The visitor ticked "Remember my progress on this device".
    pub remember: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Start,
    /// Answer (or skip) the question on screen.
    Choose(Response),
    Next,
    Back,
    Retake,
    /// Tick or untick "Remember my progress".
    SetRemember(bool),
    /// "Forget my answers" and Quick exit: everything back to the start, nothing remembered.
    Forget,
}

impl QuizState {
    pub fn new(questions: usize) -> Self {
        QuizState {
            step: Step::Intro,
            responses: vec![None; questions],
            remember: false,
        }
    }

    /// Resumes saved progress (which the visitor chose to keep, so `remember` stays on).
    pub fn restored(saved: Saved) -> Self {
        QuizState {
            step: match saved.step {
                SavedStep::Question(i) => Step::Question(i),
                SavedStep::Results => Step::Results,
            },
            responses: saved.responses,
            remember: true,
        }
    }

    /// What "Remember my progress" stores; the intro saves as the first question.
    pub fn saved(&self) -> Saved {
        Saved {
            step: match self.step {
                Step::Intro => SavedStep::Question(0),
                Step::Question(i) => SavedStep::Question(i),
                Step::Results => SavedStep::Results,
            },
            responses: self.responses.clone(),
        }
    }

    pub fn total(&self) -> usize {
        self.responses.len()
    }

    /// The response to the question on screen, if any.
    pub fn current(&self) -> Option<Response> {
        match self.step {
            Step::Question(i) => self.responses.get(i).copied().flatten(),
            _ => None,
        }
    }

    /// Pure transition, kept separate from `Reducible` so it is easy to test.
    pub fn apply(&self, action: Action) -> QuizState {
        let mut next = self.clone();
        let total = self.total();
        match (self.step, action) {
            (Step::Intro, Action::Start) if total > 0 => next.step = Step::Question(0),
            (Step::Question(i), Action::Choose(response)) => {
                let valid = !matches!(response, Response::Agree(x) if !(1..=5).contains(&x));
                if let (true, Some(slot)) = (valid, next.responses.get_mut(i)) {
                    *slot = Some(response);
                }
            }
            (Step::Question(i), Action::Next) if self.current().is_some() => {
                next.step = if i + 1 < total {
                    Step::Question(i + 1)
                } else {
                    Step::Results
                };
            }
            (Step::Question(0), Action::Back) => next.step = Step::Intro,
            (Step::Question(i), Action::Back) => next.step = Step::Question(i - 1),
            (Step::Results, Action::Back) if total > 0 => next.step = Step::Question(total - 1),
            (_, Action::Retake) => {
                next = QuizState::new(total);
                next.remember = self.remember;
            }
            (_, Action::SetRemember(on)) => next.remember = on,
            (_, Action::Forget) => next = QuizState::new(total),
            _ => {}
        }
        next
    }
}

impl Reducible for QuizState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.apply(action);
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_through_the_quiz() {
        let mut s = QuizState::new(2);
        assert_eq!(s.apply(Action::Next), s, "no Next from the intro");
        s = s.apply(Action::Start);
        assert_eq!(s.step, Step::Question(0));
        assert_eq!(
            s.apply(Action::Next).step,
            Step::Question(0),
            "Next needs an answer"
        );
        s = s
            .apply(Action::Choose(Response::Agree(4)))
            .apply(Action::Next);
        assert_eq!(s.step, Step::Question(1));
        s = s
            .apply(Action::Choose(Response::Skipped))
            .apply(Action::Next);
        assert_eq!(s.step, Step::Results);
        assert_eq!(
            s.responses,
            vec![Some(Response::Agree(4)), Some(Response::Skipped)]
        );
        s = s.apply(Action::Back);
        assert_eq!(s.step, Step::Question(1));
        assert_eq!(
            s.current(),
            Some(Response::Skipped),
            "answers survive going back"
        );
        s = s.apply(Action::Back).apply(Action::Back);
        assert_eq!(s.step, Step::Intro);
        assert_eq!(s.apply(Action::Retake), QuizState::new(2));
    }

    #[test]
    fn remember_forget_and_restore() {
        let s = QuizState::new(2)
            .apply(Action::SetRemember(true))
            .apply(Action::Start)
            .apply(Action::Choose(Response::Agree(2)))
            .apply(Action::Next);
        assert!(s.remember);
        let saved = s.saved();
        assert_eq!(QuizState::restored(saved), s);
        assert!(
            s.apply(Action::Retake).remember,
            "Retake keeps the preference"
        );
        assert_eq!(s.apply(Action::Forget), QuizState::new(2));
        assert_eq!(QuizState::new(2).saved().step, SavedStep::Question(0));
    }

    #[test]
    fn rejects_out_of_range_answers() {
        let s = QuizState::new(1).apply(Action::Start);
        assert_eq!(s.apply(Action::Choose(Response::Agree(0))).current(), None);
        assert_eq!(s.apply(Action::Choose(Response::Agree(6))).current(), None);
    }

    #[test]
    fn empty_quiz_never_starts() {
        let s = QuizState::new(0);
        assert_eq!(s.apply(Action::Start).step, Step::Intro);
        assert_eq!(s.apply(Action::Back).step, Step::Intro);
    }
}
