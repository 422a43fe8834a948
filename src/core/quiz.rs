//! The quiz's rules, as a pure state machine: which screen comes next, which answers are
//! accepted, when the device passes to a partner, what "Remember my progress" keeps, and
//! what a visitor who said they feel afraid is never offered. `ui` renders this state and
//! sends [`Action`]s (its reducer only wraps [`QuizState::apply`]); it decides nothing.

use super::content::{Content, QuestionRef, DIMENSION_IDS};
use super::events::{HostEvent, SharedScores};
use super::pair::{self, fingerprint, means, Means, PairError, StatementSet};
use super::progress::{Partner, Saved, SavedStep};
use super::scoring::{score, Outcome, Response};

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

/// How the visitor answered the safety statement ("At times, I feel afraid of them"), which
/// decides what the results may show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SafetyAnswer {
    /// Agreed (4 or 5): safety first, and nothing that grades, praises or compares.
    Afraid,
    /// "Neither" or skipped: the usual results, with one gentle line pointing to help.
    Unsure,
    /// Disagreed, or not asked (taking turns): the usual results.
    NotAfraid,
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
    /// A partner's pair code that reads (see [`read_partner_code`]).
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
}

/// The statement set a page's pair codes are made from: codes from a page whose publisher
/// replaced the statements only match that page's.
pub fn statement_fingerprint(content: &Content) -> u16 {
    fingerprint(if content.statements_replaced {
        StatementSet::Custom(&content.dimensions)
    } else {
        StatementSet::Builtin
    })
}

/// What a typed partner's code becomes: the action that compares with it (the code in its
/// canonical form, so whatever spacing the visitor typed, it fits saved progress), or the
/// reason it cannot be used (shown next to the field).
pub fn read_partner_code(text: &str, fingerprint: u16) -> Action {
    match pair::decode(text, fingerprint) {
        Ok(scores) => Action::PartnerCode(pair::encode(&scores, fingerprint)),
        Err(problem) => Action::CodeRejected(problem),
    }
}

/// `ei-complete`: that the results are shown. The band and scores (never answers) only if
/// the publisher opted in with `share-score`: without it the privacy line says nothing
/// scored is sent, and the event keeps that promise.
pub fn completion_event(report: &Outcome, share_score: bool) -> HostEvent {
    let scores = share_score.then(|| SharedScores {
        band: report.overall.map(|s| s.band.id()),
        score: report.overall.map(|s| s.percent),
        dimensions: DIMENSION_IDS
            .iter()
            .zip(&report.dimensions)
            .map(|(id, s)| (*id, s.map(|s| s.percent)))
            .collect(),
    });
    HostEvent::Complete { scores }
}

/// `ei-compare`: that a comparison is shown, with both partners' scores only if the publisher
/// opted in.
pub fn comparison_event(yours: &Means, partner: &Means, share_score: bool) -> HostEvent {
    let scores = share_score.then(|| {
        DIMENSION_IDS
            .iter()
            .zip(yours.iter().zip(partner.iter()))
            .map(|(id, (y, p))| (*id, y.map(|m| m.percent()), p.map(|m| m.percent())))
            .collect()
    });
    HostEvent::Compare { scores }
}

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

    /// A fresh quiz for `questions`, or the progress the visitor chose to keep (so
    /// `remember` stays on) if `saved` reads.
    pub fn start(questions: &[QuestionRef], saved: Option<Saved>) -> Self {
        let safety = questions.iter().position(|q| *q == QuestionRef::Safety);
        match saved {
            Some(saved) => QuizState::restored(saved, safety),
            None => QuizState::new(questions.len(), safety),
        }
    }

    /// Resumes saved progress (which the visitor chose to keep, so `remember` stays on).
    /// Saved progress never holds the safety statement's answer, so it is asked again, but
    /// the quiz never reopens on it: "Welcome back" over "At times, I feel afraid of them"
    /// would greet whoever picks up the device with the one question that matters most. A
    /// quiz saved on or past that statement (the results included) resumes on the question
    /// just before it, already answered, so the statement comes next in its usual place.
    /// Where none comes before it, the quiz resumes on the question after it, and the
    /// statement is asked after the last question (see `Next`).
    pub fn restored(saved: Saved, safety: Option<usize>) -> Self {
        let mut state = QuizState {
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
        };
        // The slot `saved` wrote as "skipped" is unanswered again, here and for a first partner.
        if let Some(i) = safety {
            if let Some(slot) = state.responses.get_mut(i) {
                *slot = None;
            }
            if let Partner::First(first) = &mut state.partner {
                if let Some(slot) = first.get_mut(i) {
                    *slot = None;
                }
            }
        }
        if let (Some(i), false) = (safety, state.taking_turns()) {
            let reached = match state.step {
                Step::Question(j) => j >= i,
                Step::Results => true,
                Step::Intro | Step::Handover => false,
            };
            let resume_at = if reached {
                i.checked_sub(1)
                    .or_else(|| (i + 1 < state.total()).then_some(i + 1))
            } else {
                None
            };
            state.step = match (state.step, resume_at) {
                (_, Some(j)) => Step::Question(j),
                // Nothing else to resume on: the statement is the whole quiz.
                (Step::Results, None) => Step::Question(i),
                (step, None) => step,
            };
        }
        state
    }

    /// The safety statement, when it is asked and still unanswered (only after a resume
    /// skipped over it): asked after the last question, before the results.
    fn safety_left_behind(&self) -> Option<usize> {
        self.safety
            .filter(|&i| self.asks(i) && matches!(self.responses.get(i), Some(None)))
    }

    /// What "Remember my progress" stores; the intro saves as the first question. The safety
    /// statement's answer is never stored: its slot always reads "skipped", whatever the
    /// visitor answered, so it says nothing (and `restored` asks it again).
    pub fn saved(&self) -> Saved {
        let hide = |responses: &[Option<Response>]| {
            let mut responses = responses.to_vec();
            if let Some(slot) = self.safety.and_then(|i| responses.get_mut(i)) {
                *slot = Some(Response::Skipped);
            }
            responses
        };
        Saved {
            step: match self.step {
                Step::Intro => SavedStep::Question(0),
                Step::Question(i) => SavedStep::Question(i),
                Step::Results => SavedStep::Results,
                Step::Handover => SavedStep::Handover,
            },
            responses: hide(&self.responses),
            partner: match &self.partner {
                Partner::First(first) => Partner::First(hide(first)),
                other => other.clone(),
            },
        }
    }

    /// Two partners are taking turns on this device (either partner's turn, or after both).
    pub fn taking_turns(&self) -> bool {
        matches!(self.partner, Partner::Turns | Partner::First(_))
    }

    /// Whether question `i` is asked. Taking turns never asks the safety statement, of
    /// either partner: the other may be beside the screen, and whether the device is handed
    /// over would tell them the answer.
    fn asks(&self, i: usize) -> bool {
        !(self.taking_turns() && Some(i) == self.safety)
    }

    /// The first question asked after `i` (or from the start with `None`).
    fn next_asked(&self, after: Option<usize>) -> Option<usize> {
        let from = after.map_or(0, |i| i + 1);
        (from..self.total()).find(|&j| self.asks(j))
    }

    /// The last question asked before `i` (or of all, with `None`).
    fn previous_asked(&self, before: Option<usize>) -> Option<usize> {
        let to = before.unwrap_or(self.total());
        (0..to).rev().find(|&j| self.asks(j))
    }

    /// The question on screen as the visitor counts it: its number among the questions asked
    /// (1-based) and how many are asked.
    pub fn position(&self) -> Option<(usize, usize)> {
        let Step::Question(i) = self.step else {
            return None;
        };
        let asked = (0..self.total()).filter(|&j| self.asks(j));
        let number = asked.clone().take_while(|&j| j <= i).count();
        Some((number, asked.count()))
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

    /// The visitor agreed (4 or 5) with the safety statement ("At times, I feel afraid of
    /// them"): the results put safety first, no comparison is offered, and a first
    /// partner's turn never hands the device over. Skipping it, or any other answer, is not
    /// a concern.
    pub fn afraid(&self) -> bool {
        self.safety_answer() == SafetyAnswer::Afraid
    }

    /// How the safety statement was answered (see [`SafetyAnswer`]).
    pub fn safety_answer(&self) -> SafetyAnswer {
        match self
            .safety
            .and_then(|i| self.responses.get(i))
            .copied()
            .flatten()
        {
            Some(Response::Agree(4 | 5)) => SafetyAnswer::Afraid,
            Some(Response::Agree(3) | Response::Skipped) => SafetyAnswer::Unsure,
            Some(Response::Agree(_)) | None => SafetyAnswer::NotAfraid,
        }
    }

    /// Whether comparing with a partner is offered: the publisher allows it (`compare`), and
    /// the visitor did not say they feel afraid (nothing on screen says why).
    pub fn comparing_offered(&self, allowed: bool) -> bool {
        allowed && !self.afraid()
    }

    /// Taking turns is offered on the results unless the partner's turn has already been.
    pub fn can_take_turns(&self) -> bool {
        !matches!(self.partner, Partner::First(_))
    }

    /// Whether `action` starts a quiz (the host page's `ei-start`).
    pub fn starts_with(&self, action: &Action) -> bool {
        *action == Action::Start || (*action == Action::TakeTurns && self.step == Step::Intro)
    }

    /// The partner's area scores to compare with, where the publisher allows comparing:
    /// from their turn on this device, or their code (a remembered code from statements
    /// this page no longer has is ignored).
    ///
    /// Also for a visitor who said they feel afraid. Once a partner's code is entered, the
    /// intro promises the comparison with the results, and the partner who gave the code
    /// may be waiting to see it; if it silently failed to appear for that visitor alone, its
    /// absence would tell the partner how the safety statement was answered. So it is never
    /// withheld for a reason only one of them knows: the results show it as plain numbers,
    /// closed behind "See your scores" with the visitor's own, where it can be shown if asked
    /// for and grades nothing (see `ui::results`). Nothing new is offered, though: no own
    /// code and no hand-over (`comparing_offered`).
    pub fn partner_means(
        &self,
        content: &Content,
        questions: &[QuestionRef],
        fingerprint: u16,
        allowed: bool,
    ) -> Option<Means> {
        if !allowed {
            return None;
        }
        match &self.partner {
            Partner::First(first) => Some(means(&score(content, questions, first).dimensions)),
            Partner::Code(code) => pair::decode(code, fingerprint).ok(),
            Partner::None | Partner::Turns => None,
        }
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

    /// The one transition function: the state after `action`. Actions that do not apply on
    /// the current screen change nothing.
    pub fn apply(&self, action: Action) -> QuizState {
        let mut next = self.clone();
        let total = self.total();
        match (self.step, action) {
            (Step::Intro, Action::Start) => {
                if let Some(first) = self.next_asked(None) {
                    next.step = Step::Question(first);
                }
            }
            (Step::Intro, Action::TakeTurns) if total > 0 => {
                next.partner = Partner::Turns;
                if let Some(first) = next.next_asked(None) {
                    next.step = Step::Question(first);
                }
            }
            (Step::Results, Action::TakeTurns) if self.can_take_turns() => next.hand_over(),
            (Step::Handover, Action::StartTurn) => {
                if let Some(first) = self.next_asked(None) {
                    next.step = Step::Question(first);
                }
            }
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
            (Step::Question(i), Action::Choose(response)) => {
                let valid = !matches!(response, Response::Agree(x) if !(1..=5).contains(&x));
                if let (true, Some(slot)) = (valid, next.responses.get_mut(i)) {
                    *slot = Some(response);
                }
            }
            (Step::Question(i), Action::Next) if self.current().is_some() => {
                if let Some(j) = self.next_asked(Some(i)) {
                    next.step = Step::Question(j);
                } else if let Some(j) = self.safety_left_behind() {
                    next.step = Step::Question(j);
                } else if self.partner == Partner::Turns {
                    next.hand_over();
                } else {
                    next.step = Step::Results;
                }
            }
            (Step::Question(i), Action::Back) => {
                next.step = self
                    .previous_asked(Some(i))
                    .map_or(Step::Intro, Step::Question)
            }
            (Step::Results, Action::Back) => {
                if let Some(j) = self.previous_asked(None) {
                    next.step = Step::Question(j);
                }
            }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::progress::{decode, encode};

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

    /// Answers every question with `answer`, the safety statement with `safety`. Bounded: a
    /// quiz that stops moving forward fails here instead of hanging the test run.
    fn finish(mut s: QuizState, answer: u8, safety: u8) -> QuizState {
        for _ in 0..=s.total() {
            let Step::Question(i) = s.step else {
                return s;
            };
            let a = if Some(i) == s.safety { safety } else { answer };
            s = s
                .apply(Action::Choose(Response::Agree(a)))
                .apply(Action::Next);
        }
        panic!("still on {:?} after answering every question", s.step);
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
        // The safety statement was never asked.
        let first = vec![Some(Response::Agree(5)), None, Some(Response::Agree(5))];
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
    fn taking_turns_never_asks_the_safety_statement() {
        let mut s = QuizState::new(3, Some(1)).apply(Action::TakeTurns);
        let mut shown = vec![];
        for _ in 0..2 {
            for _ in 0..=s.total() {
                let Step::Question(i) = s.step else { break };
                shown.push((i, s.position()));
                s = s
                    .apply(Action::Choose(Response::Agree(5)))
                    .apply(Action::Next);
            }
            let expected = if shown.len() == 2 {
                Step::Handover
            } else {
                Step::Results
            };
            assert_eq!(s.step, expected);
            s = s.apply(Action::StartTurn);
        }
        let expected = [(0, Some((1, 2))), (2, Some((2, 2)))];
        assert_eq!(
            shown,
            [expected, expected].concat(),
            "neither partner sees it"
        );
        // Back skips it too, and the second partner's Retake still leaves it out.
        let back = finish(QuizState::new(3, Some(1)).apply(Action::TakeTurns), 4, 4)
            .apply(Action::StartTurn)
            .apply(Action::Choose(Response::Agree(2)))
            .apply(Action::Next)
            .apply(Action::Back);
        assert_eq!(back.step, Step::Question(0));
        let again = finish(back, 2, 2)
            .apply(Action::Retake)
            .apply(Action::Start);
        assert_eq!(again.position(), Some((1, 2)));
    }

    #[test]
    fn a_visitor_who_feels_afraid_is_never_handed_over() {
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
    fn only_agreeing_with_the_safety_statement_means_afraid() {
        let questions = [
            QuestionRef::Item {
                dimension: 0,
                item: 0,
            },
            QuestionRef::Safety,
        ];
        let with = |answer: Option<Response>| {
            let s = QuizState::start(&questions, None).apply(Action::Start);
            let s = s
                .apply(Action::Choose(Response::Agree(3)))
                .apply(Action::Next);
            match answer {
                Some(a) => s.apply(Action::Choose(a)),
                None => s,
            }
        };
        for (answer, expected) in [
            (None, SafetyAnswer::NotAfraid),
            (Some(Response::Agree(1)), SafetyAnswer::NotAfraid),
            (Some(Response::Agree(2)), SafetyAnswer::NotAfraid),
            (Some(Response::Skipped), SafetyAnswer::Unsure),
            (Some(Response::Agree(3)), SafetyAnswer::Unsure),
        ] {
            assert_eq!(with(answer).safety_answer(), expected, "{answer:?}");
            assert!(!with(answer).afraid(), "{answer:?}");
            assert!(with(answer).comparing_offered(true));
        }
        for answer in [Response::Agree(4), Response::Agree(5)] {
            let s = with(Some(answer));
            assert!(s.afraid(), "{answer:?}");
            assert!(
                !s.comparing_offered(true),
                "no comparing for a visitor who feels afraid"
            );
        }
        assert!(
            !with(None).comparing_offered(false),
            "the publisher turned comparing off"
        );
    }

    #[test]
    fn saved_progress_never_holds_the_safety_answer_and_a_resumed_quiz_asks_it_again() {
        for safety in 1..=5 {
            let done = finish(QuizState::new(3, Some(1)).apply(Action::Start), 3, safety)
                .apply(Action::SetRemember(true));
            let saved = done.saved();
            assert_eq!(
                saved.responses,
                [
                    Some(Response::Agree(3)),
                    Some(Response::Skipped),
                    Some(Response::Agree(3))
                ],
                "the same whatever was answered ({safety})"
            );
            let text = encode(&saved);
            let resumed = QuizState::restored(decode(&text, 3).expect("reads"), Some(1));
            assert_eq!(
                resumed.step,
                Step::Question(0),
                "resumed on the question before the safety statement, not on it"
            );
            assert!(!resumed.afraid());
            let asked = resumed.apply(Action::Next);
            assert_eq!(asked.step, Step::Question(1), "asked again, in its place");
            assert_eq!(asked.current(), None);
            let answered = asked
                .apply(Action::Choose(Response::Agree(safety)))
                .apply(Action::Next);
            assert_eq!(answered.step, Step::Question(2));
            let answered = answered.apply(Action::Next);
            assert_eq!(answered.step, Step::Results);
            assert_eq!(answered.afraid(), safety >= 4);
        }
        // Saved on the statement itself: resumed before it; taking turns never asks it, so
        // nothing moves.
        let early = QuizState::new(3, Some(1))
            .apply(Action::Start)
            .apply(Action::Choose(Response::Agree(2)))
            .apply(Action::Next);
        assert_eq!(
            QuizState::restored(early.saved(), Some(1)).step,
            Step::Question(0)
        );
        let turns = finish(QuizState::new(3, Some(1)).apply(Action::TakeTurns), 4, 4)
            .apply(Action::StartTurn);
        let turns = finish(turns, 2, 2);
        let resumed =
            QuizState::restored(decode(&encode(&turns.saved()), 3).expect("reads"), Some(1));
        assert_eq!(resumed.step, Step::Results);
        // The first partner's slot is hidden too.
        let Partner::First(first) = resumed.partner else {
            panic!("the first partner's scores are kept");
        };
        assert_eq!(first.get(1), Some(&None));
    }

    #[test]
    fn a_partner_code_is_kept_in_its_canonical_form() {
        let yours = crate::core::pair::means(&[]);
        let code = pair::encode(&yours, 7);
        // Thin spaces, lower case and extra dashes are all accepted by the form.
        let typed = format!(
            " {} ",
            code.to_lowercase().replace('-', "\u{2009}-\u{2009}")
        );
        assert_eq!(
            read_partner_code(&typed, 7),
            Action::PartnerCode(code.clone())
        );
        let s = QuizState::new(3, Some(1))
            .apply(read_partner_code(&typed, 7))
            .apply(Action::SetRemember(true));
        let resumed = decode(&encode(&s.saved()), 3).expect("survives a reload");
        assert_eq!(resumed.partner, Partner::Code(code));
        assert!(matches!(
            read_partner_code("EI1-XXXX", 7),
            Action::CodeRejected(_)
        ));
    }

    #[test]
    fn empty_quiz_never_starts() {
        let s = QuizState::new(0, None);
        assert_eq!(s.apply(Action::Start).step, Step::Intro);
        assert_eq!(s.apply(Action::Back).step, Step::Intro);
        assert_eq!(s.apply(Action::TakeTurns), s, "no turns to take either");
    }

    #[test]
    fn a_resumed_quiz_never_opens_on_the_safety_statement_but_comes_to_it_in_its_place() {
        let mut s = QuizState::new(4, Some(1))
            .apply(Action::SetRemember(true))
            .apply(Action::Start);
        // Saved on or past the statement: resumed on the question before it.
        for (at, resumed_at) in [(0, 0), (1, 0), (2, 0), (3, 0)] {
            assert_eq!(s.step, Step::Question(at));
            let resumed = QuizState::restored(s.saved(), Some(1));
            assert_eq!(
                resumed.step,
                Step::Question(resumed_at),
                "saved on question {at}"
            );
            // Whatever the place, the statement is asked once more before the results.
            let mut walked = resumed;
            let mut seen = Vec::new();
            for _ in 0..8 {
                let Step::Question(i) = walked.step else {
                    break;
                };
                seen.push(i);
                walked = walked
                    .apply(Action::Choose(Response::Agree(5)))
                    .apply(Action::Next);
            }
            assert_eq!(walked.step, Step::Results, "saved on question {at}");
            assert!(seen.contains(&1), "asked again: {seen:?}");
            assert!(walked.afraid());
            s = s
                .apply(Action::Choose(Response::Agree(2)))
                .apply(Action::Next);
        }
        // The statement last: resumed on the question before it, which leads to it.
        let last = QuizState::new(2, Some(1))
            .apply(Action::SetRemember(true))
            .apply(Action::Start)
            .apply(Action::Choose(Response::Agree(2)))
            .apply(Action::Next);
        let resumed = QuizState::restored(last.saved(), Some(1));
        assert_eq!(resumed.step, Step::Question(0));
        assert_eq!(resumed.apply(Action::Next).step, Step::Question(1));
        // A quiz of the statement alone has nothing else to open on.
        let alone = finish(QuizState::new(1, Some(0)).apply(Action::Start), 3, 3);
        assert_eq!(
            QuizState::restored(alone.saved(), Some(0)).step,
            Step::Question(0)
        );
        // The statement first: resumed after it, and asked after the last question.
        let first = finish(QuizState::new(3, Some(0)).apply(Action::Start), 3, 5);
        let resumed = QuizState::restored(first.saved(), Some(0));
        assert_eq!(resumed.step, Step::Question(1));
        let late = resumed.apply(Action::Next).apply(Action::Next);
        assert_eq!(
            late.step,
            Step::Question(0),
            "asked after the last question"
        );
        assert_eq!(late.current(), None);
        // Going back from the statement walks the usual order.
        let late = QuizState::restored(
            finish(QuizState::new(3, Some(1)).apply(Action::Start), 3, 1).saved(),
            Some(1),
        )
        .apply(Action::Next);
        assert_eq!(late.step, Step::Question(1));
        assert_eq!(late.apply(Action::Back).step, Step::Question(0));
    }

    #[test]
    fn partners_take_turns_once() {
        let solo = finish(QuizState::new(3, Some(1)).apply(Action::Start), 4, 1);
        assert!(solo.can_take_turns());
        let first = finish(QuizState::new(3, Some(1)).apply(Action::TakeTurns), 4, 4);
        let both = finish(first.apply(Action::StartTurn), 2, 2);
        assert_eq!(both.step, Step::Results);
        assert!(!both.can_take_turns());
        assert_eq!(
            both.apply(Action::TakeTurns),
            both,
            "after both turns the comparison stays; there is no third turn"
        );
    }

    #[test]
    fn the_host_page_hears_ei_start_only_when_a_quiz_starts() {
        let intro = QuizState::new(3, Some(1));
        assert!(intro.starts_with(&Action::Start));
        assert!(
            intro.starts_with(&Action::TakeTurns),
            "taking turns from the intro starts the first partner's quiz"
        );
        let results = finish(intro.apply(Action::Start), 4, 1);
        assert!(
            !results.starts_with(&Action::TakeTurns),
            "handing the device over is not a new start"
        );
        for other in [
            Action::Next,
            Action::Back,
            Action::StartTurn,
            Action::Retake,
            Action::ToggleTogether,
        ] {
            assert!(!intro.starts_with(&other), "{other:?}");
            assert!(!results.starts_with(&other), "{other:?}");
        }
    }

    #[test]
    fn codes_compare_only_between_pages_with_the_same_statements() {
        let en = crate::core::language::builtin("en").expect("built in");
        assert_eq!(statement_fingerprint(&en), pair::BUILTIN_FINGERPRINT);
        let mut custom = (*en).clone();
        custom.statements_replaced = true;
        if let Some(item) = custom
            .dimensions
            .first_mut()
            .and_then(|d| d.items.first_mut())
        {
            item.text = "We talk about our day every evening.".into();
        }
        let custom_fingerprint = statement_fingerprint(&custom);
        assert_ne!(custom_fingerprint, pair::BUILTIN_FINGERPRINT);
        let code = pair::encode(&means(&[]), statement_fingerprint(&en));
        assert_eq!(
            read_partner_code(&code, custom_fingerprint),
            Action::CodeRejected(PairError::OtherStatements)
        );
        assert_eq!(
            read_partner_code(&code, statement_fingerprint(&en)),
            Action::PartnerCode(code)
        );
    }

    #[test]
    fn comparing_uses_the_partner_s_scores_unless_the_visitor_is_afraid() {
        let en = crate::core::language::builtin("en").expect("built in");
        let questions = en.questions();
        let fingerprint = statement_fingerprint(&en);
        let compare =
            |s: &QuizState, allowed| s.partner_means(&en, &questions, fingerprint, allowed);
        let outcome = |s: &QuizState| means(&score(&en, &questions, &s.responses).dimensions);
        // Answers that differ from question to question (so areas score differently), the
        // safety statement with `safety`.
        let answer_all = |mut s: QuizState, shift: usize, safety: u8| {
            for _ in 0..=s.total() {
                let Step::Question(i) = s.step else { break };
                let a = if Some(i) == s.safety {
                    safety
                } else {
                    ((i + shift) % 5) as u8 + 1
                };
                s = s
                    .apply(Action::Choose(Response::Agree(a)))
                    .apply(Action::Next);
            }
            s
        };
        let fresh = || QuizState::start(&questions, None);
        let alone = answer_all(fresh().apply(Action::Start), 0, 1);
        assert_eq!(alone.step, Step::Results);
        assert_eq!(compare(&alone, true), None, "nothing to compare with yet");
        let theirs = outcome(&alone);

        // Taking turns: the first partner's scores, as their own results would have shown.
        let handed = answer_all(fresh().apply(Action::TakeTurns), 0, 1);
        assert_eq!(handed.step, Step::Handover);
        let both = answer_all(handed.apply(Action::StartTurn), 2, 1);
        assert_eq!(both.step, Step::Results);
        assert_ne!(outcome(&both), theirs);
        assert_eq!(compare(&both, true), Some(theirs));
        assert_eq!(
            compare(&both, false),
            None,
            "the publisher turned comparing off"
        );

        // A partner's code: the scores it carries.
        let code = pair::encode(&theirs, fingerprint);
        let with_code = fresh()
            .apply(Action::PartnerCode(code))
            .apply(Action::Start);
        assert_eq!(
            compare(&answer_all(with_code.clone(), 2, 2), true),
            Some(theirs)
        );
        // Not withheld for a visitor who is afraid: its absence would tell the partner who
        // gave the code how the safety statement was answered (shown closed, as numbers).
        let afraid = answer_all(with_code, 2, 5);
        assert!(afraid.afraid());
        assert_eq!(compare(&afraid, true), Some(theirs));
        assert!(
            !afraid.comparing_offered(true),
            "but nothing new is offered"
        );
        assert_eq!(compare(&afraid, false), None);
    }

    #[test]
    fn ei_complete_shares_the_band_and_scores_only_when_allowed() {
        let en = crate::core::language::builtin("en").expect("built in");
        let questions = en.questions();
        for (answer, band) in [(5, "strength"), (3, "grow"), (1, "explore")] {
            let responses: Vec<Option<Response>> = questions
                .iter()
                .map(|q| {
                    let reverse = en.item(*q).is_some_and(|item| item.reverse);
                    Some(Response::Agree(if reverse { 6 - answer } else { answer }))
                })
                .collect();
            let outcome = score(&en, &questions, &responses);
            assert_eq!(
                completion_event(&outcome, false),
                HostEvent::Complete { scores: None },
                "nothing scored without share-score"
            );
            let HostEvent::Complete { scores } = completion_event(&outcome, true) else {
                panic!("ei-complete");
            };
            let expected = outcome.overall.map(|s| s.percent);
            let scores = scores.expect("shared");
            assert_eq!((scores.band, scores.score), (Some(band), expected));
        }
    }

    #[test]
    fn the_comparing_controls_open_close_and_say_why_a_code_was_refused() {
        let s = QuizState::new(3, Some(1));
        let open = s
            .apply(Action::ToggleTogether)
            .apply(Action::ToggleCodeForm)
            .apply(Action::ToggleOwnCode);
        assert_eq!(
            open.view,
            CompareView {
                together_open: true,
                form_open: true,
                code_shown: true,
                ..CompareView::default()
            }
        );
        let closed = open
            .apply(Action::ToggleTogether)
            .apply(Action::ToggleCodeForm)
            .apply(Action::ToggleOwnCode);
        assert_eq!(closed.view, CompareView::default());
        let refused = open.apply(Action::CodeRejected(PairError::Typo));
        assert_eq!(refused.view.rejected, Some(PairError::Typo));
        assert!(
            refused.view.form_open,
            "the form stays open to correct the code"
        );
        let accepted = refused.apply(Action::PartnerCode("EI1-X".into()));
        assert_eq!(
            (accepted.view.rejected, accepted.view.form_open),
            (None, false)
        );
        assert_eq!(s.apply(Action::Copied(true)).view.copied, Some(true));
        assert_eq!(s.apply(Action::Copied(false)).view.copied, Some(false));
    }
}
