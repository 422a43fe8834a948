//! An embeddable "Are you lacking emotional intimacy?" quiz and FAQ.
//!
//! Data flows one way: host page → [`embed`] → [`core`] → [`ui`] → DOM. The loader script
//! (`static/emotional-intimacy-widget.js`) defines the custom element, hands over the
//! visitor's language (`add_language`), calls `mount`, then the returned [`Widget`]'s
//! `suspend` / `resume`; everything else is internal. Pages with a publisher configuration
//! also load the configuration module (`modules/config`), which checks it and gives the
//! widget its result.
//!
//! Without the default `widget` feature only [`core`] is built: that is what the
//! configuration module and the native tools use.

pub mod core;
#[cfg(feature = "widget")]
pub mod embed;
#[cfg(feature = "widget")]
pub mod ui;

#[cfg(feature = "widget")]
pub use embed::languages::add_language;
#[cfg(feature = "widget")]
pub use embed::mount::{mount, Widget};

// The widget's allocator (see Cargo.toml for why talc); the configuration module keeps
// the standard one.
#[cfg(all(
    feature = "widget",
    target_arch = "wasm32",
    not(target_feature = "atomics")
))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
