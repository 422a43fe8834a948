//! The comparison build: the whole widget with comparing with a partner compiled in. It has
//! the same exports as the default build (`mount`, `add_language`, `language_failed`), so the
//! loader drives both alike; it loads this one only when a visitor asks to compare, and
//! hands it the visitor's progress so far (see `eiw::embed::mount`).

pub use eiw::{add_language, language_failed, mount, Widget};
