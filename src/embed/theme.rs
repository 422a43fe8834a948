//! Light or dark, and readable accent colours, for one widget (rules in `core::colour`).
//!
//! `theme="light"` and `theme="dark"` force a scheme (the stylesheet's `:host([theme])`
//! rules). Otherwise the widget takes the scheme of the page around it: the backgrounds from
//! its element outwards, else the page's `color-scheme`, else the device's preference. That
//! is read here, and the dark colours are switched on with the `scheme-dark` class on the
//! widget's root (`scheme-light` otherwise). Then the accent the stylesheet gives (the
//! publisher's `--eiw-accent`, or the default) is read as the browser computed it, and the
//! shades that keep 4.5:1 (`--_accent`, `--_accent-contrast`, `--_link`) go into the
//! widget's own small constructable stylesheet, adopted after the shared one: a strict
//! `style-src` allows it, unlike `style=""` or `<style>`, and the shadow DOM keeps no style
//! attribute.
//!
//! It is checked again when anything it read may have changed: the element's `theme`,
//! `style` or `class`, any attribute of `<html>` or `<body>` (where sites switch their own
//! dark mode), and the device's preference.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    CssStyleSheet, Element, HtmlElement, MediaQueryList, MutationObserver, MutationObserverInit,
    ShadowRoot, Window,
};

use crate::core::colour::{page_colour, Accent, Rgb, Rgba, Scheme, ThemeChoice};
use crate::core::settings::LOG_PREFIX;

/// The classes on the widget's root: the stylesheet's dark colours apply with the first.
const DARK_CLASS: &str = "scheme-dark";
const LIGHT_CLASS: &str = "scheme-light";
const PREFERS_DARK: &str = "(prefers-color-scheme: dark)";

/// Keeps one widget's colours in step with its page while it is on the page.
pub struct Theme {
    colours: Colours,
    watch: Option<Watch>,
}

/// What applying reads and writes.
#[derive(Clone)]
struct Colours {
    host: HtmlElement,
    root: HtmlElement,
    /// The widget's own sheet, after the shared one: the shades, once computed.
    sheet: CssStyleSheet,
}

struct Watch {
    observer: MutationObserver,
    media: Option<MediaQueryList>,
    // Held so the observers' callback lives as long as they do.
    callback: Closure<dyn FnMut()>,
}

impl Theme {
    /// Applies the colours for `host`'s widget, whose root element is `root` (connected, in
    /// `shadow`, which has adopted the shared stylesheet), and starts watching. `None` if
    /// the browser makes no constructable stylesheet: the stylesheet's own colours remain.
    pub fn start(host: HtmlElement, shadow: &ShadowRoot, root: HtmlElement) -> Option<Self> {
        let sheet = CssStyleSheet::new().ok()?;
        let sheets = shadow.adopted_style_sheets();
        sheets.push(&sheet);
        shadow.set_adopted_style_sheets(&sheets);
        let mut theme = Self {
            colours: Colours { host, root, sheet },
            watch: None,
        };
        theme.resume();
        Some(theme)
    }

    /// The element left the page: stop watching.
    pub fn suspend(&mut self) {
        if let Some(watch) = self.watch.take() {
            watch.observer.disconnect();
            if let Some(media) = &watch.media {
                let _ = media.remove_event_listener_with_callback(
                    "change",
                    watch.callback.as_ref().unchecked_ref(),
                );
            }
        }
    }

    /// The element (re-)entered the page: apply afresh (its page may have changed) and watch.
    pub fn resume(&mut self) {
        self.suspend();
        self.colours.apply(true);
        self.watch = watch(&self.colours);
    }
}

impl Drop for Theme {
    fn drop(&mut self) {
        self.suspend();
    }
}

fn watch(colours: &Colours) -> Option<Watch> {
    let window = web_sys::window()?;
    let document = window.document()?;
    let host = colours.host.clone();
    let callback = {
        let colours = colours.clone();
        Closure::<dyn FnMut()>::new(move || colours.apply(false))
    };
    let observer = MutationObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    let on_host = MutationObserverInit::new();
    on_host.set_attribute_filter(&js_sys::Array::of3(
        &"theme".into(),
        &"style".into(),
        &"class".into(),
    ));
    let _ = observer.observe_with_options(&host, &on_host);
    let on_page = MutationObserverInit::new();
    on_page.set_attributes(true);
    for element in [document.document_element(), document.body().map(Into::into)]
        .into_iter()
        .flatten()
    {
        let _ = observer.observe_with_options(&element, &on_page);
    }
    let media = window.match_media(PREFERS_DARK).ok().flatten();
    if let Some(media) = &media {
        let _ = media.add_event_listener_with_callback("change", callback.as_ref().unchecked_ref());
    }
    Some(Watch {
        observer,
        media,
        callback,
    })
}

impl Colours {
    /// Decides the scheme and the accent's shades and applies them. `log`: report a
    /// replaced `--eiw-accent-contrast` (once per mount, not on every change).
    fn apply(&self, log: bool) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let Self { host, root, sheet } = self;
        let around = page(&window, host, root);
        let scheme = match ThemeChoice::from_attribute(host.get_attribute("theme").as_deref()) {
            ThemeChoice::Light => Scheme::Light,
            ThemeChoice::Dark => Scheme::Dark,
            ThemeChoice::Auto if around.is_dark() => Scheme::Dark,
            ThemeChoice::Auto => Scheme::Light,
        };
        // The stylesheet's own values first, to read them.
        let _ = sheet.replace_sync("");
        let dark = scheme == Scheme::Dark;
        let classes = root.class_list();
        let _ = classes.toggle_with_force(DARK_CLASS, dark);
        let _ = classes.toggle_with_force(LIGHT_CLASS, !dark);

        let (Some(accent), Some(background)) = (
            resolve(&window, root, "var(--_accent)"),
            resolve(&window, root, "var(--_bg)"),
        ) else {
            return;
        };
        let chosen_text = custom_property(&window, host, "--eiw-accent-contrast")
            .and_then(|_| resolve(&window, root, "var(--eiw-accent-contrast)"));
        // A see-through `--eiw-bg` shows the page; a see-through accent, the card.
        let background = background.over(around);
        let accent = accent.over(background);
        let shown = Accent::new(
            accent,
            background,
            scheme,
            chosen_text.map(|c| c.over(background)),
        );
        // `!important`: the root's own class rules set these too.
        let mut rule = format!(
            ".{LIGHT_CLASS},.{DARK_CLASS}{{--_accent-contrast:{}!important;--_link:{}!important",
            shown.text.hex(),
            shown.link.hex()
        );
        if shown.fill != accent {
            rule.push_str(&format!(";--_accent:{}!important", shown.fill.hex()));
        }
        rule.push('}');
        let _ = sheet.replace_sync(&rule);
        if log && shown.text_replaced {
            web_sys::console::warn_1(&JsValue::from_str(&format!(
                "{LOG_PREFIX}: --eiw-accent-contrast: under 4.5:1 against the accent {}, so {} is used instead",
                shown.fill.hex(),
                shown.text.hex()
            )));
        }
    }
}

/// The colour of the page around `host` (see `core::colour::page_colour`); `root` holds a
/// moment's probe for colours the browser does not compute to `rgb()`.
pub fn page(window: &Window, host: &HtmlElement, root: &HtmlElement) -> Rgb {
    let mut backgrounds = Vec::new();
    let mut next: Option<Element> = Some(host.clone().into());
    while let Some(element) = next {
        let background = window
            .get_computed_style(&element)
            .ok()
            .flatten()
            .and_then(|style| style.get_property_value("background-color").ok())
            .and_then(|value| {
                Rgba::parse_computed(&value).or_else(|| resolve(window, root, &value))
            });
        if let Some(background) = background {
            backgrounds.push(background);
            if background.is_opaque() {
                break;
            }
        }
        // Up through the page's own shadow roots too, if the widget sits inside one.
        next = element.parent_element().or_else(|| {
            element
                .get_root_node()
                .dyn_into::<ShadowRoot>()
                .ok()
                .map(|shadow| shadow.host())
        });
    }
    let prefers_dark = window
        .match_media(PREFERS_DARK)
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    page_colour(&backgrounds, &color_scheme(window), prefers_dark)
}

/// The page's `color-scheme`: the root element's, else its `<meta name="color-scheme">`
/// (which browsers apply without changing the computed value).
fn color_scheme(window: &Window) -> String {
    let Some(document) = window.document() else {
        return String::new();
    };
    let computed = document
        .document_element()
        .and_then(|html| window.get_computed_style(&html).ok().flatten())
        .and_then(|style| style.get_property_value("color-scheme").ok())
        .unwrap_or_default();
    if computed
        .split_whitespace()
        .any(|word| word == "light" || word == "dark")
    {
        return computed;
    }
    document
        .query_selector("meta[name=\"color-scheme\" i]")
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .unwrap_or(computed)
}

/// A custom property set on the element (from the page's styles), if any.
fn custom_property(window: &Window, element: &Element, name: &str) -> Option<String> {
    window
        .get_computed_style(element)
        .ok()
        .flatten()
        .and_then(|style| style.get_property_value(name).ok())
        .filter(|value| !value.trim().is_empty())
}

/// A CSS colour (`value`: a colour or `var(…)`) as the browser computes it inside `root`.
/// A colour the core cannot read (`oklch(…)`, `lab(…)`, …) is brought to sRGB by
/// `color-mix()`, which computes to `color(srgb …)`. The probe is a child of `root` for the
/// moment of reading, gone before anything renders.
fn resolve(window: &Window, root: &HtmlElement, value: &str) -> Option<Rgba> {
    let probe: HtmlElement = window
        .document()?
        .create_element("span")
        .ok()?
        .dyn_into()
        .ok()?;
    root.append_child(&probe).ok()?;
    let read = |css: &str| {
        probe.style().set_property("color", css).ok()?;
        let computed = window
            .get_computed_style(&probe)
            .ok()
            .flatten()?
            .get_property_value("color")
            .ok()?;
        Rgba::parse_computed(&computed)
    };
    let colour = read(value).or_else(|| read(&format!("color-mix(in srgb, {value}, {value})")));
    probe.remove();
    colour
}
