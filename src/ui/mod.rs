//! The Yew shell: renders [`crate::engine::state::app::AppState`] and dispatches [`Action`]s.
//! Laid out as [`screens`], [`widgets`] and the browser [`edge`], where all browser access
//! (storage, URL, focus, clock, the host page) is confined.
//!
//! [`Action`]: crate::engine::state::app::Action

mod edge;
mod lazy;
mod root;
mod screens;
mod widgets;

pub use root::{App, AppProps};

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

/// Starts the app. Where the page holds the build-time render of the first screen
/// (scripts/postbuild.mjs), the app renders into that element, which Yew clears first, in the
/// same task as its first render: no frame shows both or neither, and as the markup is the
/// same components' and the element lays out as if absent (`display: contents`), nothing
/// moves. (The app's code is only fetched once that render has been painted: see
/// `afterFirstPaint` in scripts/postbuild.mjs.) Without a build-time render (the single-file
/// edition) the app mounts on `<body>`.
///
/// With accounts stored, the start waits for the code that reads them ([`lazy::Records`]); it
/// always waits for the interface texts of the language it starts in. If either cannot be
/// fetched, a notice says so and offers a reload, and nothing stored is touched.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    yew::platform::spawn_local(async {
        let records = if edge::browser::may_hold_accounts() {
            match lazy::load_records().await {
                Some(records) => Some(records),
                None => return start_failed(),
            }
        } else {
            None
        };
        let initial = root::boot_state(records.as_ref());
        // Usually in already: static/first-paint.js started the fetch while the page was parsed.
        if edge::data::ensure_messages(initial.lang).await.is_err() {
            return start_failed();
        }
        mount::<App>(AppProps { initial });
    });
}

/// Shows [`root::StartFailed`] in the language the app would have started in.
#[cfg(target_arch = "wasm32")]
fn start_failed() {
    mount::<root::StartFailed>(root::StartFailedProps {
        lang: root::boot_state(None).lang,
    });
}

/// Renders `C` into the build-time render's element, or on `<body>` without one.
#[cfg(target_arch = "wasm32")]
fn mount<C: yew::BaseComponent>(props: C::Properties) {
    match edge::browser::prerendered() {
        Some(element) => yew::Renderer::<C>::with_root_and_props(element, props).render(),
        None => yew::Renderer::<C>::with_props(props).render(),
    };
}

/// The first screen a new visitor sees (header, welcome, "New assessment"), rendered on the
/// host by Yew's server-side renderer from the same components, for the build to put in
/// `index.html` so there is content before the wasm has loaded.
#[cfg(not(target_arch = "wasm32"))]
pub fn prerender(lang: crate::engine::text::lang::Lang) -> String {
    use crate::engine::state::app::AppState;
    use crate::engine::state::route::Route;
    use crate::engine::storage::persist::LoadedAccounts;
    use crate::engine::storage::settings::{Settings, SettingsBoot};
    let boot = SettingsBoot {
        settings: Settings::default(),
        persist: true,
        problem: None,
    };
    let state = AppState::boot(boot, LoadedAccounts::default(), &[lang.id()], Route::Home);
    // static/first-paint.js shows this markup only to a visit that would show the same.
    debug_assert!(state.matches_first_visit());
    let props = AppProps { initial: state };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a single-threaded runtime for the renderer");
    runtime.block_on(
        yew::LocalServerRenderer::<App>::with_props(props)
            .hydratable(false)
            .render(),
    )
}
