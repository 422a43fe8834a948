//! The quiz state machine: every change of screen or answer goes through `Action`.

use std::rc::Rc;
use yew::Reducible;

use crate::core::pair::PairError;
use crate::core::progress::{decode, encode, Partner, Saved, SavedStep};
use crate::core::scoring::Response;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Intro,
    /// The index of the question on screen.
    Question(usize),
    Results,
    /// Taking turns: the first partner has finished; their results stay hidden.
    Handover,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizState {
    pub step: Step,
    /// One slot per question; `None` until the visitor answers or skips it.
    pub responses: Vec<Option<Response>>,
    /// The visitor ticked "Remember my progress on this device".
    pub remember: bool,
    /// Comparing with a partner: taking turns, or a partner's code.
    pub partner: Partner,
    /// What the comparing controls show (here, so their views need no state of their own).
    pub view: CompareView,
    /// Where the unscored safety statement is, for the safety rules of taking turns.
    safety: Option<usize>,
}

/// The comparing controls' display state; never stored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CompareView {
    /// The intro's "Compare with a partner" shows its choices.
    pub together_open: bool,
    /// "I have a partner's code" is open.
    pub form_open: bool,
    /// Why the code last entered could not be used.
    pub rejected: Option<PairError>,
    /// The visitor's own pair code is shown.
    pub code_shown: bool,
    /// Whether copying the code worked; `None` before any attempt.
    pub copied: Option<bool>,
    /// The default build only: handing over to the comparison build.
    pub download: Download,
}

/// The default build hands over to the comparison build when a visitor asks to compare.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Download {
    #[default]
    Idle,
    /// Downloading; then act on this control as if it had been used there.
    Loading(Option<Action>),
    /// It could not be downloaded.
    Failed,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Start,
    /// Answer (or skip) the question on screen.
    Choose(Response),
    Next,
    Back,
    Retake,
    /// Tick or untick "Remember my progress".
    SetRemember(bool),
    /// "Forget my answers" and Quick exit: everything back to the start, nothing remembered,
    /// both partners' data gone.
    Forget,
    /// "Take turns on this device": from the intro the first partner starts; from the
    /// results the visitor's turn is over and the device goes to their partner.
    TakeTurns,
    /// The second partner starts after the hand-over screen.
    StartTurn,
    /// A partner's pair code that reads (checked by the view that took it).
    PartnerCode(String),
    /// A partner's code that does not read, and why.
    CodeRejected(PairError),
    /// Open or close the intro's "Compare with a partner".
    ToggleTogether,
    /// Open or close "I have a partner's code".
    ToggleCodeForm,
    /// Show or hide the visitor's own pair code.
    ToggleOwnCode,
    /// Copying the code worked, or not (then it is selected for the visitor to copy).
    Copied(bool),
    /// Hand over to the comparison build (it downloads), then act on this control there.
    Switch(Option<Box<Action>>),
    /// The comparison build could not be downloaded.
    SwitchFailed,
}

/// The comparing controls whose click hands over to the comparison build, as written in a
/// hand-over (`QuizState::handoff`).
const INTENTS: [(char, Action); 4] = [
    ('g', Action::ToggleTogether),
    ('f', Action::ToggleCodeForm),
    ('o', Action::ToggleOwnCode),
    ('t', Action::TakeTurns),
];

impl QuizState {
    /// `safety`: the index of the safety statement among the questions, if it is asked.
    pub fn new(questions: usize, safety: Option<usize>) -> Self {
        QuizState {
            step: Step::Intro,
            responses: vec![None; questions],
            remember: false,
            partner: Partner::None,
            view: CompareView::default(),
            safety,
        }
    }

    /// Resumes saved progress (which the visitor chose to keep, so `remember` stays on).
    pub fn restored(saved: Saved, safety: Option<usize>) -> Self {
        QuizState {
            step: match saved.step {
                SavedStep::Question(i) => Step::Question(i),
                SavedStep::Results => Step::Results,
                SavedStep::Handover => Step::Handover,
            },
            responses: saved.responses,
            remember: true,
            partner: saved.partner,
            view: CompareView::default(),
            safety,
        }
    }

    /// What "Remember my progress" stores; the intro saves as the first question.
    pub fn saved(&self) -> Saved {
        Saved {
            step: match self.step {
                Step::Intro => SavedStep::Question(0),
                Step::Question(i) => SavedStep::Question(i),
                Step::Results => SavedStep::Results,
                Step::Handover => SavedStep::Handover,
            },
            responses: self.responses.clone(),
            partner: self.partner.clone(),
        }
    }

    /// What the default build hands to the comparison build when a visitor asks to compare:
    /// `<control><remember><on intro>|<progress>`, the control being the one they used
    /// (`-` for none), the progress as "Remember my progress" writes it. It stays in memory:
    /// it goes from one wasm module to the other through the loader, never to the page.
    pub fn handoff(&self, then: Option<&Action>) -> String {
        let control = INTENTS
            .iter()
            .find(|(_, action)| Some(action) == then)
            .map_or('-', |(c, _)| *c);
        let flag = |on: bool| if on { '1' } else { '0' };
        format!(
            "{control}{}{}|{}",
            flag(self.remember),
            flag(self.step == Step::Intro),
            encode(&self.saved())
        )
    }

    /// Reads a hand-over for a quiz of `total` questions: the state, and the control to act
    /// on as if the visitor had just used it here. `None` if it does not read.
    pub fn from_handoff(
        text: &str,
        total: usize,
        safety: Option<usize>,
    ) -> Option<(QuizState, Option<Action>)> {
        let (head, progress) = text.split_once('|')?;
        let mut flags = head.chars();
        let control = flags.next()?;
        let then = INTENTS
            .iter()
            .find(|(c, _)| *c == control)
            .map(|(_, action)| action.clone());
        if then.is_none() && control != '-' {
            return None;
        }
        let (remember, intro) = (flags.next()? == '1', flags.next()? == '1');
        let mut state = QuizState::restored(decode(progress, total)?, safety);
        state.remember = remember;
        if intro {
            state.step = Step::Intro;
        }
        Some((state, then))
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

    /// The visitor agreed that they sometimes feel afraid: no comparison is offered, and a
    /// first partner's turn never hands the device over.
    pub fn afraid(&self) -> bool {
        self.safety
            .and_then(|i| self.responses.get(i))
            .is_some_and(|r| matches!(r, Some(Response::Agree(4 | 5))))
    }

    /// Ends the visitor's turn: their answers are kept for the comparison, hidden behind
    /// the hand-over screen, unless they said they feel afraid.
    fn hand_over(&mut self) {
        if self.afraid() {
            self.partner = Partner::None;
            self.step = Step::Results;
        } else {
            let total = self.total();
            let first = std::mem::replace(&mut self.responses, vec![None; total]);
            self.partner = Partner::First(first);
            self.step = Step::Handover;
        }
    }

    /// Pure transition, kept separate from `Reducible` so it is easy to test.
    pub fn apply(&self, action: Action) -> QuizState {
        let mut next = self.clone();
        let total = self.total();
        match (self.step, action) {
            (Step::Intro, Action::Start) if total > 0 => next.step = Step::Question(0),
            (Step::Intro, Action::TakeTurns) if total > 0 => {
                next.partner = Partner::Turns;
                next.step = Step::Question(0);
            }
            (Step::Results, Action::TakeTurns) if !matches!(self.partner, Partner::First(_)) => {
                next.hand_over()
            }
            (Step::Handover, Action::StartTurn) => next.step = Step::Question(0),
            (Step::Intro | Step::Results, Action::PartnerCode(code)) => {
                next.partner = Partner::Code(code);
                next.view.rejected = None;
                next.view.form_open = false;
            }
            (_, Action::CodeRejected(problem)) => next.view.rejected = Some(problem),
            (_, Action::ToggleTogether) => next.view.together_open = !self.view.together_open,
            (_, Action::ToggleCodeForm) => next.view.form_open = !self.view.form_open,
            (_, Action::ToggleOwnCode) => next.view.code_shown = !self.view.code_shown,
            (_, Action::Copied(worked)) => next.view.copied = Some(worked),
            (_, Action::Switch(then)) => next.view.download = Download::Loading(then.map(|a| *a)),
            // Only while still wanted: not after Forget or Retake.
            (_, Action::SwitchFailed) if matches!(self.view.download, Download::Loading(_)) => {
                next.view.download = Download::Failed
            }
            (Step::Question(i), Action::Choose(response)) => {
                let valid = !matches!(response, Response::Agree(x) if !(1..=5).contains(&x));
                if let (true, Some(slot)) = (valid, next.responses.get_mut(i)) {
                    *slot = Some(response);
                }
            }
            (Step::Question(i), Action::Next) if self.current().is_some() => {
                if i + 1 < total {
                    next.step = Step::Question(i + 1);
                } else if self.partner == Partner::Turns {
                    next.hand_over();
                } else {
                    next.step = Step::Results;
                }
            }
            (Step::Question(0), Action::Back) => next.step = Step::Intro,
            (Step::Question(i), Action::Back) => next.step = Step::Question(i - 1),
            (Step::Results, Action::Back) if total > 0 => next.step = Step::Question(total - 1),
            (_, Action::Retake) => {
                next = QuizState::new(total, self.safety);
                next.remember = self.remember;
                // A partner's data stays for the new attempt; a turn not yet finished ends.
                if self.partner != Partner::Turns {
                    next.partner = self.partner.clone();
                }
            }
            (_, Action::SetRemember(on)) => next.remember = on,
            (_, Action::Forget) => next = QuizState::new(total, self.safety),
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
        let mut s = QuizState::new(2, None);
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
        assert_eq!(s.apply(Action::Retake), QuizState::new(2, None));
    }

    #[test]
    fn remember_forget_and_restore() {
        let s = QuizState::new(2, None)
            .apply(Action::SetRemember(true))
            .apply(Action::Start)
            .apply(Action::Choose(Response::Agree(2)))
            .apply(Action::Next);
        assert!(s.remember);
        let saved = s.saved();
        assert_eq!(QuizState::restored(saved, None), s);
        assert!(
            s.apply(Action::Retake).remember,
            "Retake keeps the preference"
        );
        assert_eq!(s.apply(Action::Forget), QuizState::new(2, None));
        assert_eq!(QuizState::new(2, None).saved().step, SavedStep::Question(0));
    }

    #[test]
    fn rejects_out_of_range_answers() {
        let s = QuizState::new(1, None).apply(Action::Start);
        assert_eq!(s.apply(Action::Choose(Response::Agree(0))).current(), None);
        assert_eq!(s.apply(Action::Choose(Response::Agree(6))).current(), None);
    }

    /// Answers every question with `answer`, the safety statement (index 1) with `safety`.
    fn finish(mut s: QuizState, answer: u8, safety: u8) -> QuizState {
        for i in 0..s.total() {
            let a = if i == 1 { safety } else { answer };
            s = s
                .apply(Action::Choose(Response::Agree(a)))
                .apply(Action::Next);
        }
        s
    }

    #[test]
    fn taking_turns_hides_the_first_results_then_compares() {
        let s = QuizState::new(3, Some(1)).apply(Action::TakeTurns);
        assert_eq!((s.step, &s.partner), (Step::Question(0), &Partner::Turns));
        let s = finish(s, 5, 1);
        assert_eq!(
            s.step,
            Step::Handover,
            "the first partner's results stay hidden"
        );
        assert_eq!(
            s.responses,
            vec![None; 3],
            "the second starts with no answers"
        );
        let first = vec![
            Some(Response::Agree(5)),
            Some(Response::Agree(1)),
            Some(Response::Agree(5)),
        ];
        assert_eq!(s.partner, Partner::First(first.clone()));
        let s = finish(s.apply(Action::StartTurn), 2, 2);
        assert_eq!(s.step, Step::Results);
        assert_eq!(
            s.partner,
            Partner::First(first),
            "compared with the first partner"
        );
        assert_eq!(
            QuizState::restored(s.saved(), Some(1)),
            s.clone().apply(Action::SetRemember(true))
        );
        assert_eq!(
            s.apply(Action::Forget).partner,
            Partner::None,
            "both partners' data gone"
        );
    }

    #[test]
    fn a_first_partner_who_feels_afraid_is_never_handed_over() {
        let s = finish(QuizState::new(3, Some(1)).apply(Action::TakeTurns), 3, 5);
        assert_eq!((s.step, &s.partner), (Step::Results, &Partner::None));
        assert!(s.afraid());
        let solo = finish(QuizState::new(3, Some(1)).apply(Action::Start), 3, 4);
        assert_eq!(
            solo.apply(Action::TakeTurns).step,
            Step::Results,
            "no hand-over from the results either"
        );
    }

    #[test]
    fn turns_from_the_results_and_partner_codes() {
        let s = finish(QuizState::new(3, Some(1)).apply(Action::Start), 4, 1);
        let s = s.apply(Action::TakeTurns);
        assert_eq!(s.step, Step::Handover);
        let with_code = QuizState::new(3, Some(1)).apply(Action::PartnerCode("EI1-X".into()));
        assert_eq!(with_code.partner, Partner::Code("EI1-X".into()));
        let retaken = finish(with_code.apply(Action::Start), 4, 1).apply(Action::Retake);
        assert_eq!(
            retaken.partner,
            Partner::Code("EI1-X".into()),
            "kept for the next attempt"
        );
        assert_eq!(retaken.step, Step::Intro);
    }

    #[test]
    fn forgetting_or_retaking_cancels_a_hand_over() {
        let s = QuizState::new(3, Some(1))
            .apply(Action::Switch(Some(Box::new(Action::ToggleTogether))));
        assert_eq!(
            s.view.download,
            Download::Loading(Some(Action::ToggleTogether))
        );
        assert_eq!(s.apply(Action::Forget).view.download, Download::Idle);
        assert_eq!(s.apply(Action::Retake).view.download, Download::Idle);
        assert_eq!(
            s.apply(Action::SwitchFailed).view.download,
            Download::Failed
        );
        assert_eq!(
            s.apply(Action::Forget)
                .apply(Action::SwitchFailed)
                .view
                .download,
            Download::Idle,
            "a failure after Forget says nothing"
        );
    }

    #[test]
    fn a_handoff_carries_the_state_and_the_control_used() {
        let s = finish(QuizState::new(3, Some(1)).apply(Action::Start), 4, 1);
        for then in [
            None,
            Some(Action::ToggleOwnCode),
            Some(Action::ToggleCodeForm),
            Some(Action::TakeTurns),
        ] {
            let (restored, action) = QuizState::from_handoff(&s.handoff(then.as_ref()), 3, Some(1))
                .expect("a hand-over reads");
            assert_eq!((restored, action), (s.clone(), then));
        }
        // The intro (with earlier answers, after Back) and the opt-in survive too.
        let intro = s
            .apply(Action::SetRemember(true))
            .apply(Action::Back)
            .apply(Action::Back)
            .apply(Action::Back)
            .apply(Action::Back);
        assert_eq!(intro.step, Step::Intro);
        let handoff = intro.handoff(Some(&Action::ToggleTogether));
        assert_eq!(
            QuizState::from_handoff(&handoff, 3, Some(1)),
            Some((intro, Some(Action::ToggleTogether)))
        );
        // A partner's data goes along; controls that do not hand over are not written.
        let turns = finish(QuizState::new(3, Some(1)).apply(Action::TakeTurns), 4, 1);
        let (restored, _) =
            QuizState::from_handoff(&turns.handoff(Some(&Action::Start)), 3, Some(1))
                .expect("reads");
        assert_eq!(restored, turns);
        for bad in [
            "",
            "x00|v1|r|444",
            "g0|v1|r|444",
            "g00|v9|r|444",
            "g00|v1|r|44",
            "g00",
        ] {
            assert_eq!(QuizState::from_handoff(bad, 3, Some(1)), None, "{bad:?}");
        }
    }

    #[test]
    fn empty_quiz_never_starts() {
        let s = QuizState::new(0, None);
        assert_eq!(s.apply(Action::Start).step, Step::Intro);
        assert_eq!(s.apply(Action::Back).step, Step::Intro);
    }
}
