//! The edge between the core and the browser: `localStorage`, the clock, the URL, the document.

use gloo_storage::{LocalStorage, Storage as _};
use wasm_bindgen::{JsCast, JsValue};

use crate::engine::state::route::Route;
use crate::engine::storage::json::Json;
use crate::engine::storage::store::{KeyValueStore, StoreError};
use crate::engine::text::lang::Lang;

/// `window.localStorage` behind [`KeyValueStore`]. Every call reports failure instead of
/// panicking: storage may be disabled, blocked in an iframe, or full.
pub struct BrowserStore;

impl BrowserStore {
    /// Fails instead of panicking when storage is blocked (gloo's accessor would throw).
    fn storage() -> Result<web_sys::Storage, StoreError> {
        let window =
            web_sys::window().ok_or_else(|| StoreError::Unavailable("no window".into()))?;
        match window.local_storage() {
            Ok(Some(_)) => Ok(LocalStorage::raw()),
            Ok(None) => Err(StoreError::Unavailable("localStorage is disabled".into())),
            Err(err) => Err(StoreError::Unavailable(js_error_text(&err))),
        }
    }
}

/// Parses JSON with the browser's own parser and copies the result into the engine's tree (see
/// `engine::storage::json`): the first load then carries no JSON parser.
pub fn parse_json(text: &str) -> Result<Json, String> {
    fn convert(value: JsValue) -> Json {
        if let Some(s) = value.as_string() {
            Json::String(s)
        } else if let Some(n) = value.as_f64() {
            Json::Number(n)
        } else if let Some(b) = value.as_bool() {
            Json::Bool(b)
        } else if value.is_null() {
            Json::Null
        } else if js_sys::Array::is_array(&value) {
            Json::Array(js_sys::Array::from(&value).iter().map(convert).collect())
        } else {
            // JSON.parse makes nothing else: an object, read key by key.
            let object = js_sys::Object::from(value);
            let members = js_sys::Object::entries(&object)
                .iter()
                .filter_map(|entry| {
                    let pair = js_sys::Array::from(&entry);
                    Some((pair.get(0).as_string()?, convert(pair.get(1))))
                })
                .collect();
            Json::Object(members)
        }
    }
    js_sys::JSON::parse(text)
        .map(convert)
        .map_err(|err| js_error_text(&err))
}

impl KeyValueStore for BrowserStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Self::storage()?.get_item(key).map_err(|err| classify(&err))
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        Self::storage()?
            .set_item(key, value)
            .map_err(|err| classify(&err))
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        Self::storage()?
            .remove_item(key)
            .map_err(|err| classify(&err))
    }

    fn parse_json(&self, raw: &str) -> Result<Json, String> {
        parse_json(raw)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let storage = Self::storage()?;
        let n = storage.length().map_err(|err| classify(&err))?;
        Ok((0..n)
            .filter_map(|i| storage.key(i).ok().flatten())
            .collect())
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
#[expect(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "Date.now() is a positive whole number far below 2^53; `as` saturates anyway"
)]
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// The user's local date, `YYYY-MM-DD` (what `<input type="date">` gives): plan items due before
/// it are overdue.
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    // Minutes west of UTC; a local day starts that much later (or earlier) than UTC's.
    let offset_ms = now.get_timezone_offset() * 60_000.0;
    let local = (now.get_time() - offset_ms).max(0.0);
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a non-negative count of milliseconds, far below 2^53"
    )]
    let local = local as u64;
    crate::engine::text::explain::date(local)
}

/// A fresh random id for an account or assessment (base 36, safe in keys and URLs).
#[expect(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "Math.random() * 2^52 is a non-negative whole number below 2^52"
)]
pub fn new_id<Id: From<String>>() -> Id {
    let mut n = (js_sys::Math::random() * 2f64.powi(52)) as u64 ^ now_ms().rotate_left(20);
    let mut id = String::new();
    while n > 0 && id.len() < 12 {
        let digit = (n % 36) as u32;
        id.push(char::from_digit(digit, 36).unwrap_or('0'));
        n /= 36;
    }
    if id.is_empty() {
        id.push('0');
    }
    Id::from(id)
}

#[cfg(target_arch = "wasm32")] // Used only when the app starts in a browser.
/// `navigator.languages`, most preferred first.
pub fn browser_languages() -> Vec<String> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    let navigator = window.navigator();
    let list: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if list.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        list
    }
}

/// The page's document, if there is one.
pub fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// Keeps `<html lang>` equal to the interface language, for screen readers and CJK fonts.
pub fn set_document_lang(lang: Lang) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        // Failing to set an attribute on <html> leaves only the hint wrong; nothing to report.
        let _ = root.set_attribute("lang", lang.html_tag());
    }
}

/// Sets the document title.
pub fn set_document_title(title: &str) {
    if let Some(document) = document() {
        document.set_title(title);
    }
}

/// The screen named by the URL fragment.
pub fn current_route() -> Route {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    Route::parse(&hash)
}

fn element(id: &str) -> Option<web_sys::Element> {
    document()?.get_element_by_id(id)
}

/// Focuses and selects the text of the input with this `id`.
pub fn select_field(id: &str) {
    let input = element(id)
        .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(el).ok());
    if let Some(input) = input {
        let _ = input.focus();
        input.select();
    }
}

/// The current value of the form control with this `id` (input or select), or empty.
pub fn field_value(id: &str) -> String {
    element(id)
        .and_then(|el| js_sys::Reflect::get(&el, &"value".into()).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// This page's address without its query, with `hash` as its fragment (for share links: the
/// fragment never reaches a server, the path keeps working under any sub-path, and embedding
/// parameters such as `parent=` are not passed on to whoever opens the link).
pub fn page_url_with(hash: &str) -> String {
    let location = web_sys::window().map(|w| w.location());
    let part = |f: fn(&web_sys::Location) -> Result<String, wasm_bindgen::JsValue>| {
        location
            .as_ref()
            .and_then(|l| f(l).ok())
            .unwrap_or_default()
    };
    format!("{}{}{hash}", part(|l| l.origin()), part(|l| l.pathname()))
}

/// Puts `text` on the clipboard; false when the browser refuses (no permission, not a secure
/// context, no user gesture). `writeText` answers with a promise that rejects on refusal, so the
/// answer is awaited: a call that merely started is not a copy. `navigator.clipboard` is reached
/// dynamically: web-sys marks it unstable.
pub async fn copy_text(text: String) -> bool {
    let get = |target: &wasm_bindgen::JsValue, name: &str| {
        js_sys::Reflect::get(target, &name.into())
            .ok()
            .filter(|v| !v.is_undefined())
    };
    let clipboard = web_sys::window().and_then(|w| get(&w.navigator().into(), "clipboard"));
    let Some(clipboard) = clipboard else {
        return false;
    };
    let Some(write) = get(&clipboard, "writeText") else {
        return false;
    };
    let write: js_sys::Function = wasm_bindgen::JsCast::unchecked_into(write);
    let Ok(answer) = write.call1(&clipboard, &text.into()) else {
        return false;
    };
    let answer: js_sys::Promise = wasm_bindgen::JsCast::unchecked_into(answer);
    wasm_bindgen_futures::JsFuture::from(answer).await.is_ok()
}

/// Puts `route` in the URL fragment (a new history entry) unless it is already there.
pub fn show_route(route: &Route) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let current = window.location().hash().unwrap_or_default();
    // The address changed since the app last saw it (a link or the back button between this
    // screen's render and this effect): that navigation is newer than this screen, and its
    // `hashchange` is on its way; writing this screen's address would lose it.
    let moved = SEEN_HASH.with(|seen| seen.borrow().as_ref().is_some_and(|s| *s != current));
    if moved {
        return;
    }
    let wanted = route.to_hash();
    if Route::parse(&current) != *route {
        // A failure leaves only the address bar stale; the screen itself is right.
        let _ = window.location().set_hash(&wanted);
    }
    note_hash();
}

thread_local! {
    /// The address as the app last saw or wrote it (`None` before the first look).
    static SEEN_HASH: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Remembers the address the app has now seen (at start and on every `hashchange`).
pub fn note_hash() {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    SEEN_HASH.with(|seen| *seen.borrow_mut() = Some(hash));
}

/// Moves keyboard focus to the element with `id` and scrolls it into view.
pub fn focus_element(id: &str) {
    if let Some(el) = document().and_then(|d| d.get_element_by_id(id)) {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Center);
            el.scroll_into_view_with_scroll_into_view_options(&options);
        }
    }
}

/// Scrolls to the top of the page (after changing screen or section).
pub fn scroll_to_top() {
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Focuses the chosen option of a question (or its first option), so keyboard users land on
/// the radio group, not on its help toggle.
pub fn focus_question(question_id: &str) {
    let Some(document) = document() else { return };
    let checked = format!("#q-{question_id} input[type=radio]:checked");
    let first = format!("#q-{question_id} input[type=radio]");
    let el = document
        .query_selector(&checked)
        .ok()
        .flatten()
        .or_else(|| document.query_selector(&first).ok().flatten());
    if let Some(el) = el {
        if let Some(id) = Some(el.id()).filter(|id| !id.is_empty()) {
            focus_element(&id);
        }
    }
}

/// Whether start-up code already saw a new version waiting (before the app could listen).
pub fn update_already_waiting() -> bool {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str("__rapportUpdateReady")).ok())
        .is_some_and(|v| v.is_truthy())
}

/// Asks the start-up code to activate the waiting version; the page reloads when it takes over.
pub fn apply_update() {
    if let (Some(window), Ok(event)) = (
        web_sys::window(),
        web_sys::Event::new("rapport-apply-update"),
    ) {
        let _ = window.dispatch_event(&event);
    }
}

/// Offers `text` as a file download named `file_name` (a Blob URL: nothing leaves the device).
pub fn download(file_name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(link) = document()
        .and_then(|d| d.create_element("a").ok())
        .and_then(|el| el.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        link.set_href(&url);
        link.set_download(file_name);
        link.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Reads a picked file's bytes exactly as they are (no decoding: the import checks UTF-8 itself
/// and says where it fails, instead of the browser silently replacing bad bytes).
pub async fn read_file(file: web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| js_error_text(&e))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// About how many UTF-16 code units `localStorage` has left for this origin (`None` if it cannot
/// be read): the typical quota less what is stored.
pub fn storage_free_units() -> Option<i64> {
    let used = crate::engine::storage::store::used_units(&BrowserStore).ok()?;
    let quota = crate::engine::storage::store::TYPICAL_QUOTA_UNITS;
    Some(i64::try_from(quota).ok()? - i64::try_from(used).ok()?)
}

/// Opens the browser's print dialog (where "Save as PDF" lives).
pub fn print() {
    set_print_mode(None);
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Prints the results' one-page summary alone: `<html data-print="summary">` switches the print
/// style sheet to it until the browser says printing is over (`afterprint`). Left set if that
/// event never comes (a headless browser), it is cleared by the next "Print the full report".
pub fn print_summary() {
    let Some(window) = web_sys::window() else {
        return;
    };
    set_print_mode(Some("summary"));
    gloo_events::EventListener::once(&window, "afterprint", |_| set_print_mode(None)).forget();
    let _ = window.print();
}

fn set_print_mode(mode: Option<&str>) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = match mode {
            Some(mode) => root.set_attribute("data-print", mode),
            None => root.remove_attribute("data-print"),
        };
    }
}

#[cfg(target_arch = "wasm32")] // Used only when the app starts in a browser.
/// The element holding the build-time render of the first screen, if the page has one.
pub fn prerendered() -> Option<web_sys::Element> {
    web_sys::window()?
        .document()?
        .get_element_by_id("prerender")
}

/// Marks the app as running and drops the other language's template of the first screen.
pub fn took_over() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    for id in ["prerender-zh", "prerender-en"] {
        if let Some(element) = document.get_element_by_id(id) {
            element.remove();
        }
    }
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("data-app", "running");
    }
}

#[cfg(target_arch = "wasm32")] // Used only when the app starts in a browser.
/// Whether the start must read stored accounts: an account key is stored, or storage could
/// not be listed (reading it then reports why).
pub fn may_hold_accounts() -> bool {
    use crate::engine::storage::store::{KeyValueStore, ACCOUNT_PREFIX};
    BrowserStore.keys().map_or(true, |keys| {
        keys.iter().any(|k| k.starts_with(ACCOUNT_PREFIX))
    })
}

#[cfg(target_arch = "wasm32")] // Used only when the app starts in a browser.
/// A language the user picked on the build-time render before the app started
/// (`<html data-chosen-lang>`, set by static/first-paint.js).
pub fn language_chosen_before_start() -> Option<crate::engine::text::lang::Lang> {
    let root = web_sys::window()?.document()?.document_element()?;
    crate::engine::text::lang::Lang::parse(&root.get_attribute("data-chosen-lang")?)
}

/// Loads the page again (the start could not fetch the code it needed).
#[cfg(target_arch = "wasm32")] // Used only when the app starts in a browser.
pub fn reload() {
    if let Some(window) = web_sys::window() {
        // Nothing to report if even this fails: the notice stays up.
        let _ = window.location().reload();
    }
}
