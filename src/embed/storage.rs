//! Opt-in progress storage. Every call tolerates storage that is missing or throws
//! (private mode, sandboxed iframes, blocked cookies): it just reports failure.

use web_sys::Storage;

/// Namespaced so it cannot clash with the host page's own keys; the element's id keeps two
/// widgets on one page apart.
pub fn key(element_id: &str) -> String {
    if element_id.is_empty() {
        "emotional-intimacy-widget:progress".to_owned()
    } else {
        format!("emotional-intimacy-widget:progress:{element_id}")
    }
}

/// `localStorage`, if this page may use it. Merely reading the property throws in some
/// browsers when storage is blocked; that counts as unavailable. Nothing is written here.
fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn available() -> bool {
    storage().is_some()
}

pub fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

pub fn save(key: &str, value: &str) -> bool {
    storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

pub fn clear(key: &str) -> bool {
    storage().is_some_and(|s| s.remove_item(key).is_ok())
}
