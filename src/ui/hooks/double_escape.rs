//! Esc twice is the keyboard Quick exit.

use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Two Escape presses this close together (ms) trigger Quick exit.
const DOUBLE_ESCAPE_MS: f64 = 1000.0;

/// Calls `on_exit` when Escape is pressed twice within a second: anywhere on the page once
/// `started` (the quiz has begun) or while `inside` (the bar, with its hint and Quick exit)
/// is on screen, and otherwise only from inside the widget. A visitor who has read "Esc
/// twice" must not find it dead because focus is on the article; one who never saw the
/// widget, closing the host page's own dialogs far from it, is not sent away by surprise. The page listener lives as long as the component. Returns how many times a
/// first Esc has armed it while it is armed (0 before any, and again once a second Esc would
/// come too late), for announcing what a second one does only while that is true.
///
/// ```ignore
/// let armed = use_double_escape(bar.clone(), started, quick_exit.clone());
/// ```
#[hook]
pub fn use_double_escape(inside: NodeRef, started: bool, on_exit: Callback<()>) -> u32 {
    let armed = use_state(|| 0_u32);
    // Read by the listener, which outlives any one render.
    let started_now = use_mut_ref(|| started);
    *started_now.borrow_mut() = started;
    let on_exit_now = use_mut_ref(|| on_exit.clone());
    *on_exit_now.borrow_mut() = on_exit;
    {
        let armed = armed.clone();
        use_effect_with((), move |_| {
            let last = Rc::new(Cell::new(f64::NEG_INFINITY));
            let presses = Rc::new(Cell::new(0_u32));
            // Disarms (and so empties the announcement) when the second Esc's time is up.
            let expiry = Rc::new(Cell::new(None::<i32>));
            let disarm = Rc::new(Closure::<dyn Fn()>::new({
                let armed = armed.clone();
                move || armed.set(0)
            }));
            let stop = {
                let expiry = expiry.clone();
                move || {
                    if let (Some(id), Some(window)) = (expiry.take(), web_sys::window()) {
                        window.clear_timeout_with_handle(id);
                    }
                }
            };
            let listener = web_sys::window().map(|window| {
                let stop = stop.clone();
                let disarm = disarm.clone();
                gloo::events::EventListener::new(&window, "keydown", move |event| {
                    let is_escape = event
                        .dyn_ref::<KeyboardEvent>()
                        .is_some_and(|e| e.key() == "Escape");
                    if !is_escape
                        || !(*started_now.borrow()
                            || on_screen(&inside)
                            || is_inside(&inside, event))
                    {
                        return;
                    }
                    let now = js_sys::Date::now();
                    stop();
                    if now - last.get() <= DOUBLE_ESCAPE_MS {
                        last.set(f64::NEG_INFINITY);
                        let on_exit = on_exit_now.borrow().clone();
                        on_exit.emit(());
                    } else {
                        last.set(now);
                        presses.set(presses.get().wrapping_add(1).max(1));
                        armed.set(presses.get());
                        expiry.set(web_sys::window().and_then(|w| {
                            w.set_timeout_with_callback_and_timeout_and_arguments_0(
                                (*disarm).as_ref().unchecked_ref(),
                                DOUBLE_ESCAPE_MS as i32,
                            )
                            .ok()
                        }));
                    }
                })
            });
            move || {
                stop();
                drop(listener);
                drop(disarm);
            }
        });
    }
    *armed
}

/// Whether any of `element` is in the viewport now.
fn on_screen(element: &NodeRef) -> bool {
    let (Some(element), Some(window)) = (element.cast::<web_sys::Element>(), web_sys::window())
    else {
        return false;
    };
    let rect = element.get_bounding_client_rect();
    let height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    rect.width() > 0.0 && rect.bottom() > 0.0 && rect.top() < height
}

/// Whether a page-level event came from inside this widget. Seen from the page, events from
/// a (closed) shadow root appear to come from its host element.
fn is_inside(card: &NodeRef, event: &Event) -> bool {
    let host = card
        .get()
        .and_then(|node| node.get_root_node().dyn_into::<web_sys::ShadowRoot>().ok())
        .map(|root| root.host());
    match (host, event.target()) {
        (Some(host), Some(target)) => {
            let host: &web_sys::EventTarget = host.as_ref();
            host == &target
        }
        _ => false,
    }
}
