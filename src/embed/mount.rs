//! Mounting one widget into the shadow root the loader created, and tearing it down.

use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, Element, HtmlElement, ShadowRoot};
use yew::{AppHandle, Callback, Renderer};

use crate::core::config::{resolve, Problem, Resolved, Severity};
use crate::core::faq_html::json_ld;
use crate::core::progress::StoreOp;
use crate::core::settings::{Attributes, LOG_PREFIX};
use crate::embed::events::{dispatch, ensure_faq_schema};
use crate::embed::storage;
use crate::ui::app::{App, AppProps, HostServices};

/// The widget's only stylesheet, compiled in so it costs no extra request.
const STYLE: &str = include_str!("../../static/widget.css");

/// A mounted widget. The loader keeps it and calls `destroy` when the element leaves the page.
#[wasm_bindgen]
pub struct Widget {
    app: Option<AppHandle<App>>,
}

#[wasm_bindgen]
impl Widget {
    /// Unmounts the app: Yew runs every effect's cleanup and drops every listener.
    pub fn destroy(mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

fn log_error(message: &str) {
    web_sys::console::error_1(&JsValue::from_str(&format!("{LOG_PREFIX}: {message}")));
}

/// One constructable stylesheet shared by every widget on the page. Adopted stylesheets
/// are allowed under a strict `style-src`, unlike `<style>` elements or `style=""`.
fn stylesheet() -> Option<CssStyleSheet> {
    thread_local! {
        static SHEET: Option<CssStyleSheet> = CssStyleSheet::new().ok().inspect(|sheet| {
            if sheet.replace_sync(STYLE).is_err() {
                log_error("the stylesheet could not be applied");
            }
        });
    }
    SHEET.with(Clone::clone)
}

fn attribute(el: &Element, name: &str) -> Option<String> {
    el.get_attribute(name)
}

fn read_attributes(host: &Element) -> Attributes {
    let window = web_sys::window();
    let document = window.as_ref().and_then(|w| w.document());
    Attributes {
        lang: attribute(host, "lang"),
        page_lang: document
            .as_ref()
            .and_then(|d| d.document_element())
            .and_then(|html| attribute(&html, "lang")),
        sections: attribute(host, "sections"),
        faq_mode: attribute(host, "faq-mode"),
        faq_schema: attribute(host, "faq-schema"),
        faq_heading_level: attribute(host, "faq-heading-level"),
        cta_href: attribute(host, "cta-href"),
        cta_label: attribute(host, "cta-label"),
        quick_exit_href: attribute(host, "quick-exit-href"),
        share_score: attribute(host, "share-score"),
        theme: attribute(host, "theme"),
        region: attribute(host, "region"),
        page_hash: window.and_then(|w| w.location().hash().ok()),
    }
}

/// Logs the publisher's mistakes once per mount: errors together, warnings together.
fn log_problems(problems: &[Problem]) {
    for (severity, log) in [
        (Severity::Error, web_sys::console::error_1 as fn(&JsValue)),
        (Severity::Warning, web_sys::console::warn_1),
    ] {
        let lines: Vec<String> = problems
            .iter()
            .filter(|p| p.severity == severity)
            .map(ToString::to_string)
            .collect();
        if !lines.is_empty() {
            log(&JsValue::from_str(&lines.join("\n")));
        }
    }
}

/// Mounts a widget for `host` into `shadow` (created by the loader, open or closed).
/// `config` is the publisher's JSON configuration, if any.
#[wasm_bindgen]
pub fn mount(host: HtmlElement, shadow: ShadowRoot, config: Option<String>) -> Widget {
    let unmounted = Widget { app: None };
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return unmounted;
    };
    if let Some(sheet) = stylesheet() {
        shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    }

    let resolved = resolve(&read_attributes(&host), config.as_deref());
    let Resolved {
        settings,
        content,
        resources,
        problems,
    } = match resolved {
        Ok(resolved) => resolved,
        Err(problems) => {
            log_problems(&problems);
            return unmounted;
        }
    };
    log_problems(&problems);

    // A fresh root each time: re-inserting an element mounts a new app.
    while let Some(child) = shadow.first_child() {
        let _ = shadow.remove_child(&child);
    }
    let Ok(root) = document.create_element("div") else {
        return unmounted;
    };
    if shadow.append_child(&root).is_err() {
        return unmounted;
    }

    if settings.faq_schema && settings.show_faq {
        ensure_faq_schema(&document, &json_ld(&content.faq));
    }

    let key = storage::key(&host.id());
    let storage_available = storage::available();
    let saved = storage_available.then(|| storage::load(&key)).flatten();
    let event_host: Element = host.into();
    let on_store = {
        let key = key.clone();
        Callback::from(move |op: StoreOp| match op {
            StoreOp::Save(value) => storage::save(&key, &value),
            StoreOp::Clear => storage::clear(&key),
        })
    };
    let quick_exit_href = settings.quick_exit_href.clone();
    let on_quick_exit = Callback::from(move |_| {
        storage::clear(&key);
        if let Some(window) = web_sys::window() {
            // replace(), not assign(): Back does not return to this page.
            let _ = window.location().replace(&quick_exit_href);
        }
    });
    let props = AppProps {
        content,
        settings: Rc::new(settings),
        resources: Rc::new(resources),
        host: HostServices {
            on_event: Callback::from(move |event| dispatch(&event_host, &event)),
            on_store,
            on_quick_exit,
            storage_available,
            saved,
        },
    };
    Widget {
        app: Some(Renderer::<App>::with_root_and_props(root, props).render()),
    }
}
