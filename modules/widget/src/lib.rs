//! The widget as publishers' pages load it (the library's `widget` feature). Comparing with
//! a partner is left out: the first click on a comparing button hands the widget over to
//! the comparison build (modules/compare), which the loader downloads only then.

pub use eiw::{add_language, language_failed, mount, Widget};
