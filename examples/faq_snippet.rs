//! Prints the FAQ as plain `<details><summary>` HTML for a language, ready to paste inside
//! `<emotional-intimacy-widget>` so search engines and visitors without JavaScript see it.
//!
//! Usage: `./run.sh faq-snippet [lang]` (or `cargo run -q --example faq_snippet -- [lang]`).

use std::process::ExitCode;

use eiw::core::content::{builtin, builtin_languages};
use eiw::core::faq_html::snippet;

fn main() -> ExitCode {
    let lang = std::env::args().nth(1).unwrap_or_else(|| "en".to_owned());
    if !builtin_languages().any(|l| l == lang) {
        let available: Vec<&str> = builtin_languages().collect();
        eprintln!(
            "faq-snippet: no language \"{lang}\"; available: {}",
            available.join(", ")
        );
        return ExitCode::FAILURE;
    }
    match builtin(&lang) {
        Ok(content) => {
            print!("{}", snippet(&content.ui.faq_title, &content.faq));
            ExitCode::SUCCESS
        }
        Err(problems) => {
            for p in problems {
                eprintln!("faq-snippet: {p}");
            }
            ExitCode::FAILURE
        }
    }
}
