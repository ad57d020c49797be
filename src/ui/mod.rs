//! The Yew shell: renders [`crate::engine::app::AppState`] and dispatches [`Action`]s.
//! Browser access (storage, URL, focus, clock) is confined to [`browser`].
//!
//! [`Action`]: crate::engine::app::Action

mod account;
mod browser;
mod charts;
mod compare_screen;
mod data;
mod data_tools;
mod home;
mod host_frame;
mod notices;
mod portfolio_screen;
mod questionnaire;
mod results;
mod root;
mod rules;
mod start;

pub use root::App;

use crate::engine::ids::{AccountId, AssessmentId};
use yew::html::IntoPropValue;
use yew::AttrValue;

/// Record ids go into `data-*` attributes and `id`s as their text.
macro_rules! id_attribute {
    ($name:ident) => {
        impl IntoPropValue<Option<AttrValue>> for $name {
            fn into_prop_value(self) -> Option<AttrValue> {
                Some(AttrValue::from(self.0))
            }
        }
    };
}
id_attribute!(AccountId);
id_attribute!(AssessmentId);

/// A `class` value: `base` and every present extra, space-separated. (Yew's `classes!` builds an
/// index set per element, and its code is a large share of a small app.)
fn class_list(base: &str, extra: &[Option<&str>]) -> String {
    let mut out = base.to_owned();
    for e in extra.iter().flatten() {
        out.push(' ');
        out.push_str(e);
    }
    out
}

/// Mounts the app on `<body>`.
pub fn start() {
    yew::Renderer::<App>::new().render();
}
