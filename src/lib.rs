//! Rapport: a key-account relationship assessment that runs entirely in the browser.
//!
//! [`engine`] is plain Rust (model, texts, settings and storage schema) tested on the host with
//! `cargo test`; `ui` is the Yew shell, compiled for `wasm32` (and, with the `prerender` feature,
//! on the host to render the first screen at build time), that renders the core's data and
//! dispatches user actions back to it. See `ARCHITECTURE.md`.

pub mod engine;

// On the host only with `--features prerender`: the build renders the first screen with it.
#[cfg(any(target_arch = "wasm32", feature = "prerender"))]
pub mod ui;
