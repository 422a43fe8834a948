//! CustomEvents to the host page, and the one-per-page FAQ structured data.

use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, Document, Element};

use crate::core::events::HostEvent;

/// Dispatches `event` on the host element. Events bubble and cross the shadow boundary
/// (`composed`) so a listener on `document` sees them too.
pub fn dispatch(host: &Element, event: &HostEvent) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    let detail = js_sys::JSON::parse(&event.detail().to_string()).unwrap_or(JsValue::NULL);
    init.set_detail(&detail);
    if let Ok(ev) = CustomEvent::new_with_event_init_dict(event.name(), &init) {
        let _ = host.dispatch_event(&ev);
    }
}

/// The id of the JSON-LD element, so two widgets on one page add it only once.
const SCHEMA_ID: &str = "emotional-intimacy-widget-faq-schema";

/// Adds schema.org `FAQPage` JSON-LD to the host document's head, once per page.
pub fn ensure_faq_schema(document: &Document, json: &str) {
    if document.get_element_by_id(SCHEMA_ID).is_some() {
        return;
    }
    let (Some(head), Ok(script)) = (document.head(), document.create_element("script")) else {
        return;
    };
    let _ = script.set_attribute("type", "application/ld+json");
    script.set_id(SCHEMA_ID);
    // Set as text: JSON-LD is data and is never executed, so it is allowed under any CSP.
    script.set_text_content(Some(json));
    let _ = head.append_child(&script);
}
