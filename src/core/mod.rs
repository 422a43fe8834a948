//! The pure core: content, scoring, settings and locale logic.
//!
//! Nothing here touches the browser (no `web-sys`), so all of it is tested natively with
//! `cargo test`. The UI and embed layers only render and wire what this module decides.

pub mod config;
pub mod content;
pub mod events;
pub mod faq_html;
pub mod json;
pub mod locale;
pub mod progress;
pub mod resources;
pub mod rich_text;
pub mod scoring;
pub mod settings;
pub mod template;
