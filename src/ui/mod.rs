//! The Yew shell: renders [`crate::core::app::AppState`] and dispatches [`Action`]s.
//! Browser access (storage, `<html lang>`, the clock) is confined to [`browser`].

mod app;
mod browser;
mod notices;

pub use app::App;

/// Mounts the app on `<body>`.
pub fn start() {
    yew::Renderer::<App>::new().render();
}
