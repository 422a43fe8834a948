//! The quiz's effects, each a named hook: what it watches, what it does to the world
//! outside the component (the page, storage, focus), and when it cleans up.

pub mod double_escape;
pub mod focus;
pub mod host_events;
pub mod saved_progress;
