//! The pure core: the quiz's rules, content, scoring, settings and locale logic.
//!
//! Nothing here touches the browser (no `web-sys`), so all of it is tested natively with
//! `cargo test`. The UI and embed layers only render and wire what this module decides.
//!
//! Three wasm modules use it. The widget uses most of it (`quiz`, `scoring`, `pair`,
//! `progress`, `resolve`, `packed`, `settings` with `attributes`, `colour` for readable
//! themes, and through them `json` for event payloads and `report` for attribute problems).
//! The configuration module, which only pages with a publisher configuration download, adds
//! `config` and `language` (reading and checking JSON). The embed builder's module uses
//! `config`, `settings`, `attributes`, `colour` and `faq_html`. Nothing the widget uses
//! depends on `config` or `language`, so the widget's wasm leaves them out.

pub mod attributes;
pub mod colour;
pub mod config;
pub mod content;
pub mod events;
pub mod faq_html;
pub mod json;
pub mod keepsake;
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
pub mod then_now;
