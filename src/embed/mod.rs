//! The only layer that touches the host page: find attributes, mount, announce events.

pub mod events;
pub mod keepsake;
pub mod languages;
pub mod mount;
pub mod storage;
pub mod theme;
