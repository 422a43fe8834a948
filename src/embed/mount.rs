//! Mounting one widget into the shadow root the loader created, and tearing it down.

use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, Element, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};
use yew::{AppHandle, Callback, Renderer};

use crate::core::faq_html::json_ld;
use crate::core::packed::from_text;
use crate::core::progress::{decode, StoreOp};
use crate::core::report::{Problem, Severity};
use crate::core::resolve::{resolve, Compiled, Resolved};
use crate::core::resources::host_of;
use crate::core::settings::{Attributes, LOG_PREFIX};
use crate::embed::events::{dispatch, ensure_faq_schema};
use crate::embed::theme::Theme;
use crate::embed::{keepsake, languages, storage, theme};
use crate::ui::app::{AppProps, HostServices, Mount, MountProps};

/// The widget's only stylesheet (static/widget.css, minified by build.rs), compiled in so it
/// costs no extra request.
const STYLE: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.css"));

/// A mounted widget. The loader keeps one per element for the element's lifetime.
///
/// Yew never releases the event listeners it puts on an app's root element, so creating
/// a new app for every insertion would leak memory with each cycle. Instead the root stays
/// and the app inside it is unmounted (`suspend`: every effect, listener and timer of ours
/// is cleaned up) and mounted afresh (`resume`) as the element leaves and re-enters the page.
#[wasm_bindgen]
pub struct Widget {
    app: Option<AppHandle<Mount>>,
    host: HtmlElement,
    shadow: ShadowRoot,
    generation: u32,
    theme: Option<Theme>,
}

#[wasm_bindgen]
impl Widget {
    /// The element left the page: unmount the app, keep nothing running.
    pub fn suspend(&mut self) {
        if let Some(theme) = self.theme.as_mut() {
            theme.suspend();
        }
        if let Some(app) = self.app.as_mut() {
            app.update(MountProps {
                app: None,
                generation: self.generation,
            });
        }
    }

    /// The element (re-)entered the page, or its attributes or configuration changed:
    /// a fresh app with the current settings. `config` is the configuration module's
    /// result for the element's configuration, if it has one.
    pub fn resume(&mut self, config: Option<String>) {
        self.generation = self.generation.wrapping_add(1);
        if let Some(theme) = self.theme.as_mut() {
            theme.resume();
        }
        let app = build(&self.host, &self.shadow, config.as_deref());
        if let Some(handle) = self.app.as_mut() {
            handle.update(MountProps {
                app,
                generation: self.generation,
            });
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

/// Every attribute of the table the widget reads (`Attributes::NAMES`), the page's
/// language and URL fragment, and the visitor's browser languages (core infers the country
/// for crisis resources from them).
fn read_attributes(host: &Element) -> Attributes {
    let window = web_sys::window();
    let mut attributes = Attributes {
        page_lang: window
            .as_ref()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|html| html.get_attribute("lang")),
        page_hash: window.as_ref().and_then(|w| w.location().hash().ok()),
        browser_languages: window
            .map(|w| browser_languages(&w.navigator()))
            .unwrap_or_default(),
        ..Attributes::default()
    };
    for name in Attributes::NAMES {
        if let Some(value) = host.get_attribute(name) {
            attributes.set(name, value);
        }
    }
    attributes
}

/// `navigator.languages`, most preferred first; `navigator.language` where a browser
/// gives no list.
fn browser_languages(navigator: &web_sys::Navigator) -> Vec<String> {
    let list: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|tag| tag.as_string())
        .collect();
    if list.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        list
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
/// `config` is the configuration module's result for the element's configuration, if it
/// has one; the loader has added the widget's language with `add_language` first.
#[wasm_bindgen]
pub fn mount(host: HtmlElement, shadow: ShadowRoot, config: Option<String>) -> Widget {
    let mut widget = Widget {
        app: None,
        host,
        shadow: shadow.clone(),
        generation: 0,
        theme: None,
    };
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return widget;
    };
    if let Some(sheet) = stylesheet() {
        shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    }
    // Replaces the loader's loading state with the one root the app lives in.
    while let Some(child) = shadow.first_child() {
        let _ = shadow.remove_child(&child);
    }
    let Ok(root) = document.create_element("div") else {
        return widget;
    };
    if shadow.append_child(&root).is_err() {
        return widget;
    }
    // Colours first, so the first screen already has the page's scheme.
    if let Ok(root) = root.clone().dyn_into::<HtmlElement>() {
        widget.theme = Theme::start(widget.host.clone(), &shadow, root);
    }
    let props = MountProps {
        app: build(&widget.host, &shadow, config.as_deref()),
        generation: 0,
    };
    widget.app = Some(Renderer::<Mount>::with_root_and_props(root, props).render());
    widget
}

/// Quick exit: replaces the page with `href` (`replace()`, not `assign()`: Back does not
/// return). Inside a frame it replaces the whole tab where the frame may navigate it; a
/// sandboxed frame may not (the browser refuses), and a cross-origin one may not without
/// a click (Esc is not one), so the frame's own page is replaced too: whatever else the
/// visitor sees, the widget is gone.
fn leave(href: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Some(document) = window.document() {
        cover(&document);
        // The tab's title stays readable above the cover until the next page loads: it
        // names where the visitor is going (`google.com`), not the page they are leaving.
        document.set_title(host_of(href));
    }
    if let Ok(Some(top)) = window.top() {
        if top != window {
            let _ = top.location().replace(href);
        }
    }
    let _ = window.location().replace(href);
}

/// Quick exit's first step: a plain cover over the whole viewport, so nothing of the page
/// stays readable while the next page loads (on a slow network that can take seconds). It
/// is its own element on `<html>`, not inside the widget: a host page's `transform` or
/// `contain` on an ancestor would trap a fixed box inside the widget. Its shadow root's
/// adopted sheet styles it, which a strict `style-src` allows, and `!important` in `:host`
/// wins over any page rule.
///
/// It takes the page's own background colour, so a dark page does not flash white in a dark
/// room while the next page loads.
fn cover(document: &web_sys::Document) {
    let Some(root) = document.document_element() else {
        return;
    };
    let colour = match (web_sys::window(), document.body()) {
        (Some(window), Some(body)) => theme::page(&window, &body, &body).hex(),
        _ => "#fff".to_owned(),
    };
    let css = format!(
        ":host{{all:initial!important;display:block!important;position:fixed!important;\
        inset:0!important;z-index:2147483647!important;background:{colour}!important}}"
    );
    let Ok(cover) = document.create_element("div") else {
        return;
    };
    let Ok(shadow) = cover.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Closed)) else {
        return;
    };
    if let Ok(sheet) = CssStyleSheet::new() {
        if sheet.replace_sync(&css).is_ok() {
            shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
        }
    }
    let _ = cover.set_attribute("data-eiw-exit", "");
    let _ = root.append_child(&cover);
}

/// Reads the settings and builds the app's props; `None` if no content could load.
fn build(host: &HtmlElement, shadow: &ShadowRoot, config: Option<&str>) -> Option<Rc<AppProps>> {
    let document = web_sys::window().and_then(|w| w.document())?;
    let compiled = config.and_then(|text| {
        let compiled = from_text::<Compiled>(text);
        if compiled.is_none() {
            log_error("the configuration module's result could not be read; check that all the widget's files are from the same version");
        }
        compiled
    });
    let available = languages::available();
    let available: Vec<&str> = available.iter().map(String::as_str).collect();
    let resolved = resolve(
        &read_attributes(host),
        compiled,
        &languages::downloaded(),
        &available,
    );
    let Resolved {
        settings,
        content,
        resources,
        problems,
    } = match resolved {
        Ok(resolved) => resolved,
        Err(problems) => {
            log_problems(&problems);
            return None;
        }
    };
    log_problems(&problems);

    if settings.faq_schema && settings.show_faq {
        ensure_faq_schema(&document, &json_ld(&content.faq));
    }

    let key = storage::key(&document, host);
    let storage_available = storage::available();
    // Progress that no longer reads (another version, fewer questions, edited) is deleted
    // when read: nothing else would ever clear it.
    let saved = storage_available
        .then(|| storage::load(&key))
        .flatten()
        .filter(|text| {
            let reads = decode(text, content.questions().len()).is_some();
            if !reads {
                storage::clear(&key);
            }
            reads
        });
    let event_host: Element = host.clone().into();
    let on_store = {
        let key = key.clone();
        Callback::from(move |op: StoreOp| match op {
            StoreOp::Save(value) => storage::save(&key, &value),
            StoreOp::Update(value) => storage::load(&key).is_some() && storage::save(&key, &value),
            StoreOp::Clear => storage::clear(&key),
            StoreOp::ForgetAll => storage::clear_all(),
        })
    };
    let quick_exit_href = settings.quick_exit_href.clone();
    let on_quick_exit = {
        let shadow = shadow.clone();
        Callback::from(move |_| {
            storage::clear_all();
            keepsake::clear(&shadow);
            leave(&quick_exit_href);
        })
    };
    Some(Rc::new(AppProps {
        content,
        settings: Rc::new(settings),
        resources: Rc::new(resources),
        host: HostServices {
            on_event: Callback::from(move |event| dispatch(&event_host, &event)),
            on_store,
            on_quick_exit,
            on_keepsake: {
                let shadow = shadow.clone();
                Callback::from(move |output| keepsake::handle(&shadow, output))
            },
            storage_available,
            saved,
        },
    }))
}
