//! The built-in languages this page has downloaded. The loader fetches only the visitor's
//! language (`lang/<code>.txt`, in parallel with the wasm) and hands it over here before
//! mounting. A widget whose language is not here (its file failed, or is still to be
//! retried) shows English: `resolve` picks among the downloaded languages.

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

use crate::core::content::{Content, BUILTIN_LANGUAGES};
use crate::core::packed::from_text;

thread_local! {
    static DOWNLOADED: RefCell<Vec<Rc<Content>>> = const { RefCell::new(Vec::new()) };
}

/// Adds a downloaded language file; false if it cannot be read (the loader then treats it
/// as a failed download: English is shown, and a later widget tries the file again).
#[wasm_bindgen]
pub fn add_language(code: &str, text: &str) -> bool {
    match from_text::<Content>(text).filter(|c| c.lang == code) {
        Some(content) => {
            DOWNLOADED.with(|d| d.borrow_mut().push(Rc::new(content)));
            true
        }
        None => false,
    }
}

pub fn downloaded() -> Vec<Rc<Content>> {
    DOWNLOADED.with(|d| d.borrow().clone())
}

/// The built-in languages a widget may ask for.
pub fn available() -> Vec<String> {
    BUILTIN_LANGUAGES
        .iter()
        .map(|code| (*code).to_owned())
        .collect()
}
