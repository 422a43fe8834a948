//! The quiz's reducer: Yew's side of [`QuizState::apply`], where every rule lives.

use std::rc::Rc;
use yew::Reducible;

pub use crate::core::quiz::{Action, CompareView, QuizState, Step};

impl Reducible for QuizState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.apply(action);
        // The same state keeps the same Rc, so nothing re-renders.
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}
