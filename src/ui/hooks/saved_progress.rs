//! "Remember my progress": storage is touched only after the visitor opts in.

use yew::prelude::*;

use crate::core::progress::{encode, StoreOp};
use crate::core::quiz::QuizState;

/// Saves the quiz through `on_store` after every change while `state.remember` is on, and
/// clears what was saved once it is turned off. `resumed`: progress was restored from
/// storage, so there is something to clear. Returns whether storage still works: false
/// once a first save was refused, so the option can be hidden. When a later save is refused
/// because what was saved has been erased elsewhere (Forget or Quick exit in another widget
/// or tab), `on_erased` is called instead: the visitor asked for everything to go, so this
/// widget stops remembering rather than writing it all back.
///
/// ```ignore
/// let storage_ok = use_saved_progress(&state, resumed, available, on_store, on_erased);
/// ```
#[hook]
pub fn use_saved_progress(
    state: &QuizState,
    resumed: bool,
    available: bool,
    on_store: Callback<StoreOp, bool>,
    on_erased: Callback<()>,
) -> bool {
    // Whether we have written anything that a later "off" must clear.
    let stored = use_mut_ref(|| resumed);
    let storage_ok = use_state(|| available);
    {
        let storage_ok = storage_ok.clone();
        use_effect_with(state.clone(), move |state| {
            if state.remember {
                let first = !*stored.borrow();
                let value = encode(&state.saved());
                let op = if first {
                    StoreOp::Save(value)
                } else {
                    StoreOp::Update(value)
                };
                if on_store.emit(op) {
                    *stored.borrow_mut() = true;
                } else if first {
                    storage_ok.set(false);
                } else {
                    *stored.borrow_mut() = false;
                    on_erased.emit(());
                }
            } else if stored.replace(false) {
                on_store.emit(StoreOp::Clear);
            }
        });
    }
    *storage_ok
}
