//! Yew components. They render state and send actions; decisions live in `crate::core`.

pub mod app;
pub mod chart;
pub mod compare;
pub mod comparison;
pub mod disclosure;
pub mod faq;
pub mod handover;
pub mod hooks;
pub mod intro;
pub mod keepsake;
pub mod partner_code;
pub mod progress;
pub mod question;
pub mod quiz;
pub mod remember;
pub mod results;
pub mod rich_text;
pub mod safety;
pub mod state;
pub mod then_now;
pub mod top_bar;
