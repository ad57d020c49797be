//! Loads the question bank and action texts on demand (they are not in the wasm, which keeps
//! them out of the first load). The single-file edition carries them inline instead.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use super::app::AppHandle;
use crate::core::app::{Action, DataStatus};
use crate::core::i18n::messages;

fn js_text(err: JsValue) -> String {
    err.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| err.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// The file name of a data set (`bank`, `actions`): the build writes content-hashed names into
/// `<meta name="rapport-data" content="bank=bank-….json actions=actions-….json">`.
fn data_url(kind: &str) -> String {
    let listed = document()
        .and_then(|d| d.query_selector("meta[name=rapport-data]").ok().flatten())
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_default();
    listed
        .split_whitespace()
        .find_map(|pair| {
            pair.strip_prefix(kind)
                .and_then(|rest| rest.strip_prefix('='))
        })
        .map_or_else(|| format!("{kind}.json"), str::to_owned)
}

/// Data carried inside the page (`<script type="application/json" id="rapport-data-…">`).
fn inline(kind: &str) -> Option<String> {
    document()?
        .get_element_by_id(&format!("rapport-data-{kind}"))?
        .text_content()
}

async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(js_text)?;
    let response: web_sys::Response = response.dyn_into().map_err(js_text)?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(js_text)?)
        .await
        .map_err(js_text)?;
    text.as_string().ok_or_else(|| format!("{url}: not text"))
}

async fn text_of(kind: &str) -> Result<String, String> {
    match inline(kind) {
        Some(text) => Ok(text),
        None => fetch_text(&data_url(kind)).await,
    }
}

/// Fetches and installs both data sets.
async fn load() -> Result<(), String> {
    crate::core::bank::install(&text_of("bank").await?)?;
    crate::core::scoring::install_actions(&text_of("actions").await?)?;
    Ok(())
}

/// Starts loading and reports the outcome to the reducer.
pub fn start_loading(state: AppHandle) {
    state.dispatch(Action::Data(DataStatus::Loading));
    yew::platform::spawn_local(async move {
        let status = match load().await {
            Ok(()) => DataStatus::Ready,
            Err(error) => DataStatus::Failed(error),
        };
        state.dispatch(Action::Data(status));
    });
}

/// Shown in place of a screen while its data loads, or with a retry button if loading failed.
pub fn data_pending(state: &AppHandle) -> Html {
    let m = messages(state.0.lang);
    let retry = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Data(DataStatus::NotLoaded)))
    };
    match &state.0.data {
        DataStatus::Failed(error) => html! {
            <div class="data-pending notice" role="alert" data-data="failed">
                <p>{ (m.data_failed)(error) }</p>
                <button type="button" class="button-secondary" onclick={retry}>{ m.retry }</button>
            </div>
        },
        _ => {
            html! { <p class="data-pending" role="status" data-data="loading">{ m.loading_questions }</p> }
        }
    }
}
