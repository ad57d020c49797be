//! The Yew shell: renders [`crate::engine::state::app::AppState`] and dispatches [`Action`]s.
//! Laid out as [`screens`], [`widgets`] and the browser [`edge`], where all browser access
//! (storage, URL, focus, clock, the host page) is confined.
//!
//! [`Action`]: crate::engine::state::app::Action

mod edge;
mod root;
mod screens;
mod widgets;

pub use root::App;

use crate::engine::model::ids::{AccountId, AssessmentId};
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
