//! The edge between the core and the browser: `localStorage`, the clock, the document.

use gloo_storage::{LocalStorage, Storage as _};
use wasm_bindgen::{JsCast, JsValue};

use crate::core::lang::Lang;
use crate::core::storage::{KeyValueStore, StoreError};

/// `window.localStorage` behind [`KeyValueStore`]. Every call reports failure instead of
/// panicking: storage may be disabled, blocked in an iframe, or full.
pub struct BrowserStore;

impl BrowserStore {
    /// Fails instead of panicking when storage is blocked (gloo's accessor would throw).
    fn storage() -> Result<web_sys::Storage, StoreError> {
        let window = web_sys::window().ok_or_else(|| StoreError::Unavailable("no window".into()))?;
        match window.local_storage() {
            Ok(Some(_)) => Ok(LocalStorage::raw()),
            Ok(None) => Err(StoreError::Unavailable("localStorage is disabled".into())),
            Err(err) => Err(StoreError::Unavailable(js_error_text(&err))),
        }
    }
}

impl KeyValueStore for BrowserStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Self::storage()?.get_item(key).map_err(|err| classify(&err))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        Self::storage()?.set_item(key, value).map_err(|err| classify(&err))
    }
}

/// Maps a DOMException from storage to a [`StoreError`] the user can act on.
fn classify(err: &JsValue) -> StoreError {
    let name = err
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.name()))
        .unwrap_or_default();
    match name.as_str() {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StoreError::QuotaExceeded,
        "SecurityError" => StoreError::Unavailable(js_error_text(err)),
        _ => StoreError::Other(js_error_text(err)),
    }
}

fn js_error_text(err: &JsValue) -> String {
    err.dyn_ref::<js_sys::Error>()
        .map(|e| format!("{}: {}", String::from(e.name()), String::from(e.message())))
        .or_else(|| err.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

/// Milliseconds since the epoch.
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// `navigator.languages`, most preferred first.
pub fn browser_languages() -> Vec<String> {
    let Some(window) = web_sys::window() else { return Vec::new() };
    let navigator = window.navigator();
    let list: Vec<String> = navigator.languages().iter().filter_map(|v| v.as_string()).collect();
    if list.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        list
    }
}

/// Keeps `<html lang>` equal to the interface language, for screen readers and CJK fonts.
pub fn set_document_lang(lang: Lang) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        // Failing to set an attribute on <html> leaves only the hint wrong; nothing to report.
        let _ = root.set_attribute("lang", lang.html_tag());
    }
}

/// Sets the document title.
pub fn set_document_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}
