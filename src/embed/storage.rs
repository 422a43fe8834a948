//! Opt-in progress storage. Every call tolerates storage that is missing or throws
//! (private mode, sandboxed iframes, blocked cookies): it just reports failure.

use web_sys::{Document, Element, Storage};

use crate::core::progress::{is_progress_key, storage_key};

/// The key of `host`'s saved progress (see `storage_key`).
pub fn key(document: &Document, host: &Element) -> String {
    let id = host.id();
    let position = if id.is_empty() {
        document
            .query_selector_all("emotional-intimacy-widget:not([id])")
            .ok()
            .and_then(|list| {
                (0..list.length())
                    .filter_map(|i| list.item(i))
                    .position(|node| node.is_same_node(Some(host)))
            })
            .unwrap_or(0)
    } else {
        0
    };
    storage_key(&id, position)
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

/// Erases every widget's saved progress on this origin, whichever widget or page wrote it
/// (Forget and Quick exit: answers remembered elsewhere on the site must not survive them).
pub fn clear_all() -> bool {
    let Some(storage) = storage() else {
        return false;
    };
    let count = storage.length().unwrap_or(0);
    let keys: Vec<String> = (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| is_progress_key(key))
        .collect();
    keys.iter().all(|key| storage.remove_item(key).is_ok())
}
