//! The Yew shell: renders [`crate::core::app::AppState`] and dispatches [`Action`]s.
//! Browser access (storage, URL, focus, clock) is confined to [`browser`].
//!
//! [`Action`]: crate::core::app::Action

mod account;
mod app;
mod browser;
mod charts;
mod compare;
mod data;
mod embed;
mod exchange;
mod home;
mod notices;
mod portfolio;
mod questionnaire;
mod results;
mod rules;
mod start;

pub use app::App;

/// Mounts the app on `<body>`.
pub fn start() {
    yew::Renderer::<App>::new().render();
}
