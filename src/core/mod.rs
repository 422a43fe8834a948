//! The pure core: content, scoring, settings and locale logic.
//!
//! Nothing here touches the browser (no `web-sys`), so all of it is tested natively with
//! `cargo test`. The UI and embed layers only render and wire what this module decides.
//!
//! Two builds use it: the widget (`resolve`, `packed`, `settings`, `scoring` …) and the
//! configuration module that pages with a publisher configuration also download (`config`,
//! `language`, `json`, `report`). Nothing the widget uses depends on the second group.

pub mod config;
pub mod content;
pub mod events;
pub mod faq_html;
pub mod json;
pub mod language;
pub mod locale;
pub mod packed;
pub mod pair;
pub mod progress;
pub mod quiz;
pub mod report;
pub mod resolve;
pub mod resources;
pub mod rich_text;
pub mod scoring;
pub mod settings;
pub mod template;
