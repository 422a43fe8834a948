//! "Remember my progress": storage is touched only after the visitor opts in.

use yew::prelude::*;

use crate::core::progress::{encode, StoreOp};
use crate::core::quiz::QuizState;

/// Saves the quiz through `on_store` after every change while `state.remember` is on, and
/// clears what was saved once it is turned off. `resumed`: progress was restored from
/// storage, so there is something to clear. Returns whether storage still works: false
/// once a save was refused, so the option can be hidden.
///
/// ```ignore
/// let storage_ok = use_saved_progress(&state, resumed, available, on_store);
/// ```
#[hook]
pub fn use_saved_progress(
    state: &QuizState,
    resumed: bool,
    available: bool,
    on_store: Callback<StoreOp, bool>,
) -> bool {
    // Whether we have written anything that a later "off" must clear.
    let stored = use_mut_ref(|| resumed);
    let storage_ok = use_state(|| available);
    {
        let storage_ok = storage_ok.clone();
        use_effect_with(state.clone(), move |state| {
            if state.remember {
                *stored.borrow_mut() = true;
                if !on_store.emit(StoreOp::Save(encode(&state.saved()))) {
                    storage_ok.set(false);
                }
            } else if stored.replace(false) {
                on_store.emit(StoreOp::Clear);
            }
        });
    }
    *storage_ok
}
