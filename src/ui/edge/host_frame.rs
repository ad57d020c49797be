//! The iframe edge: applies the host's URL parameters and talks to the host page through
//! `postMessage`, only with the origin named by `parent=` (see `engine::state::embed`).

use std::cell::Cell;
use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::engine::state::embed::{self, Command, EmbedConfig};

/// The configuration from `location.search`, read once.
pub fn config() -> EmbedConfig {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    EmbedConfig::from_query(&search)
}

/// Theme, accent and compact chrome on `<html>`.
pub fn apply_appearance(config: &EmbedConfig) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let _ = root.set_attribute("data-theme", config.theme.id());
    if config.compact {
        let _ = root.class_list().add_1("embedded");
    }
    if let Some(accent) = &config.accent {
        // CSSOM, not a style attribute: allowed by the Content-Security-Policy.
        let _ = root.style().set_property("--accent", &accent.color);
    }
}

/// Sends one message (JSON text from `engine::state::embed`) to the parent, if a parent origin is set
/// and the app really is framed. Never with target `*`.
pub fn post(config: &EmbedConfig, message: &str) {
    let Some(origin) = &config.parent_origin else {
        return;
    };
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if JsValue::from(parent.clone()) == JsValue::from(window) {
        return;
    }
    if let Ok(value) = js_sys::JSON::parse(message) {
        let _ = parent.post_message(&value, origin);
    }
}

/// Keeps the host informed of the content height; the returned observer must be kept alive.
pub fn observe_height(
    config: EmbedConfig,
) -> Option<(web_sys::ResizeObserver, Closure<dyn FnMut()>)> {
    config.parent_origin.as_ref()?;
    let body = web_sys::window()?.document()?.body()?;
    let last = Rc::new(Cell::new(0u32));
    let measure = {
        let body = body.clone();
        move || {
            let height = u32::try_from(body.scroll_height()).unwrap_or(0);
            if height != last.get() {
                last.set(height);
                post(&config, &embed::resize_message(height));
            }
        }
    };
    let callback = Closure::<dyn FnMut()>::new(measure);
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(&body);
    Some((observer, callback))
}

/// Listens for commands from the parent origin.
pub fn listen(
    config: EmbedConfig,
    on_command: impl Fn(Command) + 'static,
) -> Option<EventListener> {
    config.parent_origin.as_ref()?;
    let window = web_sys::window()?;
    Some(EventListener::new(&window, "message", move |event| {
        let Some(event) = event.dyn_ref::<web_sys::MessageEvent>() else {
            return;
        };
        let origin = event.origin();
        if !embed::accepts(&config, &origin) {
            return;
        }
        // Through JSON text and back: whatever the host posted (a cycle, a Map) becomes plain
        // JSON or is dropped.
        let Some(data) = js_sys::JSON::stringify(&event.data())
            .ok()
            .and_then(|s| s.as_string())
            .and_then(|text| crate::ui::edge::browser::parse_json(&text).ok())
        else {
            return;
        };
        if let Some(command) = embed::parse_command(&config, &origin, &data) {
            on_command(command);
        }
    }))
}
