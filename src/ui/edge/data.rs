//! Loads the question bank, action texts and labels on demand: they are not in the wasm, which
//! keeps them out of the first load. The single-file edition carries them inline instead.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::engine::state::app::{Action, DataStatus, Loaded};
use crate::engine::text::i18n::messages;
use crate::ui::edge::browser::document;
use crate::ui::root::{dispatcher, AppHandle};

fn js_text(err: JsValue) -> String {
    err.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| err.as_string())
        .unwrap_or_else(|| "unknown error".into())
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

/// A data set on its way: inline text, or a fetch already started (so the files download in
/// parallel while the first one is awaited).
enum Pending {
    Inline(String),
    Fetch(String, JsFuture),
}

fn begin(kind: &str) -> Result<Pending, String> {
    if let Some(text) = inline(kind) {
        return Ok(Pending::Inline(text));
    }
    let window = web_sys::window().ok_or("no window")?;
    let url = data_url(kind);
    let request = JsFuture::from(window.fetch_with_str(&url));
    Ok(Pending::Fetch(url, request))
}

async fn finish(pending: Pending) -> Result<String, String> {
    let (url, request) = match pending {
        Pending::Inline(text) => return Ok(text),
        Pending::Fetch(url, request) => (url, request),
    };
    let url = url.as_str();
    let response = request.await.map_err(js_text)?;
    let response: web_sys::Response = response.dyn_into().map_err(js_text)?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(js_text)?)
        .await
        .map_err(js_text)?;
    text.as_string().ok_or_else(|| format!("{url}: not text"))
}

/// Fetches the three data sets together and installs them, the bank last: the state carries the
/// bank once this returns, so once a screen has it the labels and action texts are there too.
async fn load() -> Result<Loaded, String> {
    let (bank, actions, labels) = (begin("bank")?, begin("actions")?, begin("labels")?);
    let (bank, actions, labels) = (
        finish(bank).await?,
        finish(actions).await?,
        finish(labels).await?,
    );
    crate::engine::text::labels::install_labels(&labels)?;
    crate::engine::scoring::install_actions(&actions)?;
    let bank = crate::engine::model::bank::install(&bank)?;
    Ok(Loaded { bank })
}

/// Starts loading and reports the outcome to the reducer.
pub fn start_loading(state: AppHandle) {
    state.dispatch(Action::Data(DataStatus::Loading));
    yew::platform::spawn_local(async move {
        let status = match load().await {
            Ok(loaded) => DataStatus::Ready(loaded),
            Err(error) => DataStatus::Failed(error),
        };
        state.dispatch(Action::Data(status));
    });
}

/// Shown in place of a screen while its data loads, or with a retry button if loading failed.
pub fn data_pending(state: &AppHandle) -> Html {
    let m = messages(state.lang);
    let retry = dispatcher(state, move |_| Action::Data(DataStatus::NotLoaded));
    match &state.data {
        DataStatus::Failed(error) => html! {
            <div class="data-pending notice" role="alert" data-data="failed">
                <p>{ (m.data_failed)(error) }</p>
                <button type="button" class="button-secondary" onclick={retry}>{ m.retry }</button>
            </div>
        },
        _ => {
            let text = if state.deferred.is_some() {
                m.opens_when_loaded
            } else {
                m.loading_questions
            };
            html! { <p class="data-pending" role="status" data-data="loading">{ text }</p> }
        }
    }
}
