//! The browser edge: storage, URL, focus, clock, the host page, the on-demand data.

pub mod browser;
pub mod data;
pub mod host_frame;
pub mod sync;
