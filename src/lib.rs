//! An embeddable "Are you lacking emotional intimacy?" quiz and FAQ.
//!
//! Data flows one way: host page → [`embed`] → [`core`] → [`ui`] → DOM. The loader script
//! (`static/emotional-intimacy-widget.js`) defines the custom element and calls `mount`,
//! then the returned [`Widget`]'s `suspend` / `resume`; everything else is internal.

pub mod core;
pub mod embed;
pub mod ui;

pub use embed::mount::{mount, Widget};
