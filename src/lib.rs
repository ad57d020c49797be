//! Rapport: a key-account relationship assessment that runs entirely in the browser.
//!
//! [`engine`] is plain Rust (model, texts, settings and storage schema) tested on the host with
//! `cargo test`; `ui` is the Yew shell, compiled for `wasm32` only, that renders the core's
//! data and dispatches user actions back to it. See `ARCHITECTURE.md`.

pub mod engine;

#[cfg(target_arch = "wasm32")]
pub mod ui;
