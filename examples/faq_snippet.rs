//! Prints the FAQ as plain `<details><summary>` HTML for a language, ready to paste inside
//! `<emotional-intimacy-widget>` so search engines and visitors without JavaScript see it.
//!
//! Usage: `./run.sh faq-snippet [lang]` (or `cargo run -q --example faq_snippet -- [lang]`).

use std::process::ExitCode;

use eiw::core::content::BUILTIN_LANGUAGES;
use eiw::core::faq_html::snippet;
use eiw::core::language::builtin;

fn main() -> ExitCode {
    let lang = std::env::args().nth(1).unwrap_or_else(|| "en".to_owned());
    if !BUILTIN_LANGUAGES.contains(&lang.as_str()) {
        eprintln!(
            "faq-snippet: no language \"{lang}\"; available: {}",
            BUILTIN_LANGUAGES.join(", ")
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
