//! The keepsake (`core::keepsake`) leaves the widget: "Save my results" downloads it through
//! a Blob, and "Print" prints it in a hidden frame, so paper gets the results alone, never
//! the host page around the widget (its header, menus and article).

use gloo::events::EventListener;
use js_sys::{Array, Function, Reflect};
use wasm_bindgen::prelude::*;
use web_sys::{Blob, BlobPropertyBag, HtmlElement, ShadowRoot, Url, Window};

use crate::core::keepsake::{Output, STYLE};

pub fn handle(shadow: &ShadowRoot, output: Output) {
    match output {
        Output::Save { name, html } => {
            save(shadow, &name, &html);
        }
        Output::Print(html) => {
            if print(shadow, &html).is_none() {
                // No frame here: the page's own print, as before the keepsake.
                if let Some(window) = web_sys::window() {
                    let _ = window.print();
                }
            }
        }
    }
}

/// Downloads `html` as `name`: a link to a Blob, clicked. Nothing leaves the device; the
/// Blob's address names no content.
fn save(shadow: &ShadowRoot, name: &str, html: &str) -> Option<()> {
    let window = web_sys::window()?;
    let bag = BlobPropertyBag::new();
    bag.set_type("text/html;charset=utf-8");
    let blob = Blob::new_with_str_sequence_and_options(&Array::of1(&html.into()), &bag).ok()?;
    let url = Url::create_object_url_with_blob(&blob).ok()?;
    let link = window.document()?.create_element("a").ok()?;
    link.set_attribute("href", &url).ok()?;
    link.set_attribute("download", name).ok()?;
    // In the widget's own tree: some browsers follow only links that are in a document.
    shadow.append_child(&link).ok()?;
    if let Some(link) = link.dyn_ref::<HtmlElement>() {
        link.click();
    }
    link.remove();
    // Revoked later, not at once: revoking at once cancels the download in some browsers.
    let revoke = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
    });
    window
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000)
        .ok()?;
    Some(())
}

/// Prints `html` from an invisible frame in the widget's shadow root (a `srcdoc` frame:
/// same origin, nothing fetched, so a strict `frame-src` does not stop it). The frame
/// inherits the page's Content-Security-Policy, and a strict `style-src` refuses an inline
/// style, so the rules are adopted as a constructed sheet instead, which any policy allows.
fn print(shadow: &ShadowRoot, html: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    clear(shadow);
    let frame: HtmlElement = document.create_element("iframe").ok()?.dyn_into().ok()?;
    let style = frame.style();
    for (property, value) in [
        ("position", "fixed"),
        ("width", "0"),
        ("height", "0"),
        ("border", "0"),
        ("opacity", "0"),
    ] {
        style.set_property(property, value).ok()?;
    }
    for (name, value) in [
        ("data-eiw-print", ""),
        ("aria-hidden", "true"),
        ("tabindex", "-1"),
        // Its styles come adopted (below): an inline style would be a violation to report.
        (
            "srcdoc",
            &html.replacen(&format!("<style>{STYLE}</style>"), "", 1),
        ),
    ] {
        frame.set_attribute(name, value).ok()?;
    }
    let loaded = frame.clone();
    EventListener::once(&frame, "load", move |_| {
        // Another realm's window: `instanceof Window` would say no, so unchecked.
        let Some(window) = Reflect::get(&loaded, &"contentWindow".into())
            .ok()
            .filter(|w| w.is_object())
            .map(|w| w.unchecked_into::<Window>())
        else {
            return;
        };
        let _ = adopt_style(&window);
        let _ = window.print();
        let done = loaded.clone();
        EventListener::once(&window, "afterprint", move |_| done.remove()).forget();
    })
    .forget();
    shadow.append_child(&frame).ok()?;
    Some(())
}

/// Removes the print frame, with the results in it: before the next print, and at Quick exit
/// (where a frame may not navigate away, nothing of the results may stay in the page).
pub fn clear(shadow: &ShadowRoot) {
    if let Ok(Some(frame)) = shadow.query_selector("iframe[data-eiw-print]") {
        frame.remove();
    }
}

/// The keepsake's rules as a sheet constructed in the frame's own realm (a sheet from this
/// realm may not be adopted there).
fn adopt_style(window: &Window) -> Result<(), JsValue> {
    let constructor: Function = Reflect::get(window, &"CSSStyleSheet".into())?.unchecked_into();
    let sheet = Reflect::construct(&constructor, &Array::new())?;
    let replace: Function = Reflect::get(&sheet, &"replaceSync".into())?.unchecked_into();
    replace.call1(&sheet, &STYLE.into())?;
    let document = Reflect::get(window, &"document".into())?;
    Reflect::set(&document, &"adoptedStyleSheets".into(), &Array::of1(&sheet))?;
    Ok(())
}
