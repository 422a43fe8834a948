//! The widget as publishers' pages load it (the library's `widget` feature): the quiz, with
//! comparing with a partner, and the FAQ. A crate of its own so link-time optimisation sees
//! one `cdylib` (see the root Cargo.toml's `[lib]`).

pub use eiw::{add_language, mount, Widget};
