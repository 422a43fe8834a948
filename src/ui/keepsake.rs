//! "Save my results" and "Print my results": the keepsake (`core::keepsake`) made from
//! what the results screen shows, handed to the embed layer to download or print
//! (`HostServices::on_keepsake`).

use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::core::content::Content;
use crate::core::keepsake::{file_name, html, Keepsake, Output};
use crate::core::scoring::Outcome;

/// What a button sends: the keepsake of `report`, to save (`save`) or print. `code` is the
/// results code, where keeping results is offered.
pub fn keepsake(
    content: &Rc<Content>,
    report: &Rc<Outcome>,
    code: Option<String>,
    on_keepsake: &Callback<Output>,
    save: bool,
) -> Callback<MouseEvent> {
    let (content, report) = (content.clone(), report.clone());
    on_keepsake.reform(move |_: MouseEvent| {
        let (day, shown) = today(&content.lang);
        let keepsake = Keepsake {
            date: &shown,
            code: code.as_deref(),
        };
        let html = html(&content, &report, &keepsake);
        if save {
            Output::Save {
                name: file_name(&day),
                html,
            }
        } else {
            Output::Print(html)
        }
    })
}

/// Today as `YYYY-MM-DD` (the visitor's own calendar day) and as their language writes
/// it, or the former where the browser cannot write the language's dates.
fn today(lang: &str) -> (String, String) {
    let now = js_sys::Date::new_0();
    let day = format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    );
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"long".into());
    // Called through `call2`, which catches: a publisher's language tag that Intl refuses
    // throws, and a throw must not cross the wasm.
    let shown = js_sys::Reflect::get(&now, &"toLocaleDateString".into())
        .ok()
        .map(|f| f.unchecked_into::<js_sys::Function>())
        .and_then(|f| f.call2(&now, &lang.into(), &options).ok())
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| day.clone());
    (day, shown)
}
