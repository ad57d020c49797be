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

use crate::core::ids::{AccountId, AssessmentId};
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
