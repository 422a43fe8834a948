//! The built-in languages this page has downloaded. The loader fetches only the visitor's
//! language (`lang/<code>.txt`, in parallel with the wasm) and hands it over here before
//! mounting; a file that failed to load is reported so the widget falls back to English.

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

use crate::core::content::{Content, BUILTIN_LANGUAGES};
use crate::core::packed::from_text;

thread_local! {
    static DOWNLOADED: RefCell<Vec<Rc<Content>>> = const { RefCell::new(Vec::new()) };
    static FAILED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// Adds a downloaded language file; false if it cannot be read (then it counts as failed).
#[wasm_bindgen]
pub fn add_language(code: &str, text: &str) -> bool {
    match from_text::<Content>(text).filter(|c| c.lang == code) {
        Some(content) => {
            DOWNLOADED.with(|d| d.borrow_mut().push(Rc::new(content)));
            true
        }
        None => {
            language_failed(code);
            false
        }
    }
}

/// A language file could not be downloaded: widgets choose among the others.
#[wasm_bindgen]
pub fn language_failed(code: &str) {
    FAILED.with(|f| f.borrow_mut().push(code.to_owned()));
}

pub fn downloaded() -> Vec<Rc<Content>> {
    DOWNLOADED.with(|d| d.borrow().clone())
}

/// The built-in languages the page can show: all but those whose file failed.
pub fn available() -> Vec<String> {
    FAILED.with(|failed| {
        let failed = failed.borrow();
        BUILTIN_LANGUAGES
            .iter()
            .filter(|code| !failed.iter().any(|f| f == *code))
            .map(|code| (*code).to_owned())
            .collect()
    })
}
