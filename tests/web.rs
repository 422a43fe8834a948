//! Browser tests (wasm-bindgen-test in headless Chromium): real components mounted into
//! shadow roots, driven by DOM events, asserted on the DOM.
#![cfg(test)] // Lets clippy.toml's allow-…-in-tests apply to helpers here too.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use eiw::core::content::Content;
use eiw::core::events::HostEvent;
use eiw::core::scoring::{Outcome, Score};
use eiw::core::settings::Settings;
use eiw::ui::app::{App, AppProps, HostServices};
use eiw::ui::faq::{Faq, FaqProps};
use eiw::ui::results::{Results, ResultsProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{
    Element, HtmlElement, HtmlInputElement, KeyboardEvent, KeyboardEventInit, ShadowRoot,
    ShadowRootInit, ShadowRootMode,
};
use yew::{scheduler, Callback, Html, Renderer};

wasm_bindgen_test_configure!(run_in_browser);

/// English, read from its source file through the checks every language gets.
fn english() -> Rc<Content> {
    let value = eiw::core::json::parse(include_str!("../content/en.json")).unwrap();
    Rc::new(eiw::core::language::builtin_language("en", &value).unwrap())
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A host element with an open shadow root holding an empty mount point.
fn shadow_host() -> (HtmlElement, ShadowRoot, Element) {
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    let shadow = host
        .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .unwrap();
    let root = document().create_element("div").unwrap();
    shadow.append_child(&root).unwrap();
    (host, shadow, root)
}

fn q(root: &ShadowRoot, selector: &str) -> Option<HtmlElement> {
    root.query_selector(selector)
        .unwrap()
        .map(|e| e.unchecked_into())
}

fn all(root: &ShadowRoot, selector: &str) -> Vec<HtmlElement> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.unchecked_into())
        .collect()
}

fn text(root: &ShadowRoot, selector: &str) -> String {
    q(root, selector)
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

fn press(target: &HtmlElement, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

fn recorder() -> (Callback<HostEvent>, Rc<RefCell<Vec<HostEvent>>>) {
    let log = Rc::new(RefCell::new(Vec::new()));
    let sink = log.clone();
    (Callback::from(move |e| sink.borrow_mut().push(e)), log)
}

#[wasm_bindgen_test]
async fn mount_renders_into_a_shadow_root_with_an_adopted_stylesheet() {
    let (host, shadow, _) = shadow_host();
    host.set_attribute("sections", "quiz").unwrap();
    // What the loader does first: hand over the visitor's downloaded language.
    assert!(eiw::add_language(
        "en",
        &eiw::core::packed::to_text(&*english())
    ));
    assert!(!eiw::add_language("es", "not a language file"));
    let mut widget = eiw::mount(host.clone(), shadow.clone(), None);
    scheduler::flush().await;

    assert!(q(&shadow, ".eiw .quiz").is_some(), "quiz rendered");
    assert!(
        q(&shadow, ".faq").is_none(),
        "sections=\"quiz\" hides the FAQ"
    );
    // The shared stylesheet, and the widget's own with its readable accent shades.
    assert_eq!(shadow.adopted_style_sheets().length(), 2);
    assert!(
        shadow.query_selector("style, [style]").unwrap().is_none(),
        "no inline styles"
    );

    widget.suspend();
    scheduler::flush().await;
    assert!(q(&shadow, ".eiw").is_none(), "suspend unmounts the app");
    host.set_attribute("sections", "faq").unwrap();
    widget.resume(None);
    scheduler::flush().await;
    assert!(
        q(&shadow, ".quiz").is_none() && q(&shadow, ".faq").is_some(),
        "resume re-reads the attributes"
    );
    host.remove();
}

#[wasm_bindgen_test]
async fn app_emits_ready_and_walks_to_the_second_question() {
    let (_host, shadow, root) = shadow_host();
    let (on_event, log) = recorder();
    let props = AppProps {
        content: english(),
        settings: Rc::new(Settings::default()),
        resources: Rc::new(Vec::new()),
        host: HostServices {
            on_event,
            ..HostServices::default()
        },
    };
    let app = Renderer::<App>::with_root_and_props(root, props).render();
    scheduler::flush().await;
    assert_eq!(log.borrow().first(), Some(&HostEvent::Ready));

    q(&shadow, ".intro .button.primary").unwrap().click();
    scheduler::flush().await;
    assert_eq!(text(&shadow, ".progress-text"), "Statement 1 of 21");
    let next = q(&shadow, ".nav .button.primary").unwrap();
    assert!(next.has_attribute("disabled"), "Next waits for an answer");
    let radios = all(&shadow, "input[type=radio]");
    assert_eq!(radios.len(), 6, "five answers and a skip");
    let group = q(&shadow, "[role=radiogroup]").unwrap();
    assert_eq!(
        group.get_attribute("aria-labelledby").as_deref(),
        Some("eiw-question")
    );

    radios[3].click();
    scheduler::flush().await;
    assert!(radios[3].unchecked_ref::<HtmlInputElement>().checked());
    assert!(!q(&shadow, ".nav .button.primary")
        .unwrap()
        .has_attribute("disabled"));

    // Number keys answer, Enter moves on.
    press(&q(&shadow, ".question").unwrap(), "2");
    scheduler::flush().await;
    assert!(all(&shadow, "input[type=radio]")[1]
        .unchecked_ref::<HtmlInputElement>()
        .checked());
    press(&q(&shadow, ".question").unwrap(), "Enter");
    scheduler::flush().await;
    assert_eq!(text(&shadow, ".progress-text"), "Statement 2 of 21");
    let bar = q(&shadow, "[role=progressbar]").unwrap();
    assert_eq!(bar.get_attribute("aria-valuenow").as_deref(), Some("2"));
    let active = shadow.active_element().unwrap();
    assert_eq!(
        active.id(),
        "eiw-question",
        "focus moves to the new question"
    );
    assert!(log.borrow().contains(&HostEvent::Step {
        index: 1,
        total: 21
    }));

    // Back keeps the earlier answer.
    q(&shadow, ".nav .button:not(.primary)").unwrap().click();
    scheduler::flush().await;
    assert!(all(&shadow, "input[type=radio]")[1]
        .unchecked_ref::<HtmlInputElement>()
        .checked());
    app.destroy();
}

#[wasm_bindgen_test]
async fn results_show_score_chart_areas_and_cta() {
    let (_host, shadow, root) = shadow_host();
    let content = english();
    let means = [4.5, 2.0, 3.5, 5.0, 1.5, 3.0, 4.0, 2.5, 4.5, 3.9];
    let report = Outcome {
        overall: Some(Score {
            mean: 3.0,
            percent: 50,
            band: eiw::core::scoring::Band::Grow,
        }),
        dimensions: means
            .iter()
            .enumerate()
            .map(|(i, &m)| {
                (i != 9).then(|| Score {
                    mean: m,
                    percent: ((m - 1.0) / 4.0 * 100.0_f64).round() as u8,
                    band: eiw::core::scoring::Band::from_mean(m),
                })
            })
            .collect(),
    };
    let (on_event, log) = recorder();
    let props = ResultsProps {
        content: content.clone(),
        report: Rc::new(report),
        safety: eiw::core::quiz::SafetyAnswer::NotAfraid,
        resources: Rc::new(Vec::new()),
        cta_href: Some("#book".into()),
        cta_label: None,
        cta_phone: Some("+1 555-0100".into()),
        on_retake: Callback::noop(),
        on_event,
        comparison: Html::default(),
        invite: Html::default(),
        kept_code: None,
        on_keepsake: Callback::noop(),
        earlier: Html::default(),
    };
    let app = Renderer::<Results>::with_root_and_props(root, props).render();
    scheduler::flush().await;

    assert_eq!(text(&shadow, ".score-value"), "50 out of 100");
    let rows: Vec<String> = all(&shadow, ".chart-row .visually-hidden")
        .iter()
        .map(|e| e.text_content().unwrap())
        .collect();
    assert_eq!(rows.len(), 10);
    let row = |name: &str, score: &str, band: &str| {
        content
            .ui
            .chart_row
            .replace("{name}", name)
            .replace("{score}", score)
            .replace("{band}", band)
    };
    assert_eq!(rows[0], row("Communication", "88", "a strength"));
    assert_eq!(
        rows[1],
        row("Trust and vulnerability", "25", "worth exploring")
    );
    assert!(rows[9].starts_with("Affection: not scored"));
    let fills: Vec<String> = all(&shadow, ".chart-row .fill")
        .iter()
        .map(|e| e.get_attribute("width").unwrap())
        .collect();
    assert_eq!(fills[1], "25");
    let areas: Vec<String> = all(&shadow, ".areas .area")
        .iter()
        .map(|e| e.get_attribute("data-dimension").unwrap())
        .collect();
    assert_eq!(areas, ["time", "trust", "values"]);
    assert_eq!(
        all(&shadow, ".areas .area:first-of-type .tip").len(),
        1,
        "one tip first"
    );
    assert_eq!(
        all(&shadow, "#eiw-more-ideas .area:first-of-type .tips li").len(),
        3
    );
    assert!(text(&shadow, ".disclaimer").contains("not a diagnosis"));
    assert_eq!(
        shadow.active_element().unwrap().class_name(),
        "results-title"
    );

    let phone = q(&shadow, ".cta-phone a").unwrap();
    assert_eq!(
        phone.get_attribute("href").as_deref(),
        Some("tel:+15550100")
    );
    assert_eq!(phone.text_content().as_deref(), Some("Or call +1 555-0100"));
    q(&shadow, ".cta a").unwrap().click();
    assert!(log.borrow().contains(&HostEvent::Cta {
        href: "#book".into()
    }));
    app.destroy();
}

async fn render_faq(
    single: bool,
    deep_link: Option<&str>,
) -> (ShadowRoot, Rc<RefCell<Vec<HostEvent>>>, yew::AppHandle<Faq>) {
    let (_host, shadow, root) = shadow_host();
    let (on_event, log) = recorder();
    let props = FaqProps {
        content: english(),
        single,
        heading_level: 3,
        deep_link: deep_link.map(str::to_owned),
        on_event,
    };
    let app = Renderer::<Faq>::with_root_and_props(root, props).render();
    scheduler::flush().await;
    (shadow, log, app)
}

fn expanded(shadow: &ShadowRoot) -> Vec<bool> {
    all(shadow, ".faq-button")
        .iter()
        .map(|b| b.get_attribute("aria-expanded").as_deref() == Some("true"))
        .collect()
}

#[wasm_bindgen_test]
async fn faq_toggles_and_moves_focus_with_keys() {
    let (shadow, log, app) = render_faq(false, None).await;
    let buttons = all(&shadow, "h3 > button.faq-button");
    assert_eq!(buttons.len(), english().faq.len());
    assert!(expanded(&shadow).iter().all(|e| !e), "all collapsed");
    let panel_id = buttons[0].get_attribute("aria-controls").unwrap();
    let panel = q(&shadow, &format!("#{panel_id}")).unwrap();
    assert_eq!(
        panel.get_attribute("role"),
        None,
        "more than six entries: no regions"
    );

    buttons[0].click();
    scheduler::flush().await;
    buttons[2].click();
    scheduler::flush().await;
    assert_eq!(
        &expanded(&shadow)[..3],
        &[true, false, true],
        "several may be open"
    );
    assert!(panel.class_list().contains("is-open"));
    assert_eq!(
        log.borrow().last(),
        Some(&HostEvent::FaqToggle {
            slug: english().faq[2].slug.clone(),
            open: true
        })
    );

    buttons[0].focus().unwrap();
    press(&buttons[0], "ArrowDown");
    assert_eq!(shadow.active_element().unwrap().id(), buttons[1].id());
    let last = buttons.last().unwrap();
    press(&buttons[1], "End");
    assert_eq!(shadow.active_element().unwrap().id(), last.id());
    press(last, "ArrowDown");
    assert_eq!(
        shadow.active_element().unwrap().id(),
        buttons[0].id(),
        "wraps"
    );
    press(&buttons[0], "ArrowUp");
    assert_eq!(shadow.active_element().unwrap().id(), last.id());
    press(last, "Home");
    assert_eq!(shadow.active_element().unwrap().id(), buttons[0].id());
    app.destroy();
}

#[wasm_bindgen_test]
async fn faq_single_mode_and_deep_link() {
    let (shadow, _, app) = render_faq(true, Some("technology")).await;
    let linked = english()
        .faq
        .iter()
        .position(|entry| entry.slug == "technology")
        .expect("the English FAQ has a technology entry");
    assert!(linked > 0);
    let open = expanded(&shadow);
    assert_eq!(open.iter().filter(|o| **o).count(), 1);
    assert!(open[linked], "the deep-linked entry is open");
    let buttons = all(&shadow, ".faq-button");
    buttons[0].click();
    scheduler::flush().await;
    let open = expanded(&shadow);
    assert!(
        open[0] && !open[linked],
        "single mode closes the other entry"
    );
    app.destroy();
}
