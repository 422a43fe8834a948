//! The events the quiz announces to the host page as the visitor moves through it.

use std::rc::Rc;
use yew::prelude::*;

use crate::core::content::{Content, QuestionRef};
use crate::core::events::HostEvent;
use crate::core::pair::{means, Means};
use crate::core::quiz::{comparison_event, completion_event, QuizState, Step};
use crate::core::scoring::score;

/// Emits `ei-step` for each question shown, `ei-complete` when the results appear, and
/// `ei-compare` once a comparison is on screen (never for a visitor who said they feel
/// afraid: `partner` is then `None`). Scores go along only when `share_score`.
///
/// ```ignore
/// use_host_events(&state, &content, questions.clone(), partner.clone(), share, on_event);
/// ```
#[hook]
pub fn use_host_events(
    state: &QuizState,
    content: &Rc<Content>,
    questions: Rc<Vec<QuestionRef>>,
    partner: Option<Rc<Means>>,
    share_score: bool,
    on_event: Callback<HostEvent>,
) {
    {
        let on_event = on_event.clone();
        let content = content.clone();
        let questions = questions.clone();
        let responses = state.responses.clone();
        // Counted as the visitor sees them: taking turns skips a question.
        let position = state.position();
        use_effect_with(state.step, move |step| match (*step, position) {
            (Step::Question(_), Some((number, total))) => on_event.emit(HostEvent::Step {
                index: number.saturating_sub(1),
                total,
            }),
            (Step::Results, _) => {
                let report = score(&content, &questions, &responses);
                on_event.emit(completion_event(&report, share_score));
            }
            _ => {}
        });
    }
    let content = content.clone();
    let responses = state.responses.clone();
    let shown = state.step == Step::Results;
    use_effect_with((shown, partner), move |(shown, partner)| {
        if let (true, Some(partner)) = (*shown, partner) {
            let yours = means(&score(&content, &questions, &responses).dimensions);
            on_event.emit(comparison_event(&yours, partner, share_score));
        }
    });
}
