//! Yew components. They render state and send actions; decisions live in `crate::core`.

pub mod app;
pub mod chart;
pub mod faq;
pub mod intro;
pub mod progress;
pub mod question;
pub mod quiz;
pub mod remember;
pub mod results;
pub mod rich_text;
pub mod safety;
pub mod state;
