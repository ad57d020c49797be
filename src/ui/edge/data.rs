//! Loads the interface texts, the question bank, labels and action texts on demand: they are not
//! in the wasm, which keeps them (and the other language's copy) out of the first load. The app
//! renders once the visitor's interface texts are in ([`ensure_messages`]). The questionnaire waits for the bank only; the labels and
//! the action texts come with the screens that show results ([`ensure_later_texts`]). The
//! single-file edition carries them inline instead.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::engine::state::app::{Action, DataStatus, Loaded};
use crate::engine::text::i18n::messages;
use crate::engine::text::lang::{Lang, Langs};
use crate::ui::edge::browser::document;
use crate::ui::root::{dispatcher, AppHandle};

fn js_text(err: JsValue) -> String {
    err.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| err.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

/// The file name of a data set (`bank`, `actions`, or one language's copy, `bank.en`): the build
/// writes content-hashed names into
/// `<meta name="rapport-data" content="bank=bank-….json bank.en=bank-en-….json …">`.
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
/// parallel while the first one is awaited); with the languages its copy carries.
enum Pending {
    Inline(String),
    Fetch(String, JsFuture, Langs),
}

/// Starts fetching `kind` in `langs`: one language's copy, or the bilingual file. The single-file
/// edition carries the bilingual files inline, and those serve any request.
fn begin(kind: &str, langs: Langs) -> Result<Pending, String> {
    if let Some(text) = inline(kind) {
        return Ok(Pending::Inline(text));
    }
    let window = web_sys::window().ok_or("no window")?;
    let url = match langs.single() {
        Some(lang) => data_url(&format!("{kind}.{}", lang.id())),
        None => data_url(kind),
    };
    let request = JsFuture::from(window.fetch_with_str(&url));
    Ok(Pending::Fetch(url, request, langs))
}

/// The text of a data set and the languages it carries.
async fn finish(pending: Pending) -> Result<(String, Langs), String> {
    let (url, request, langs) = match pending {
        Pending::Inline(text) => return Ok((text, Langs::ALL)),
        Pending::Fetch(url, request, langs) => (url, request, langs),
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
    let text = text.as_string().ok_or_else(|| format!("{url}: not text"))?;
    Ok((text, langs))
}

/// The interface texts of `lang` as the app expects them: an array of strings, read with the
/// browser's JSON parser like every other JSON of the first load (`browser::parse_json`).
fn install_messages(lang: Lang, text: &str) -> Result<(), String> {
    let what = format!("the {} interface texts", lang.id());
    let strings = crate::ui::edge::browser::parse_json(text)
        .map_err(|e| format!("{what}: {e}"))?
        .items(&what)?
        .iter()
        .map(|s| s.as_str().map(str::to_owned))
        .collect::<Option<Vec<String>>>()
        .ok_or(format!("{what} hold a non-string"))?;
    crate::engine::text::i18n::install(lang, strings)
}

/// The fetch `static/first-paint.js` started for `lang`'s texts while the page was parsed
/// (`window.__rapportTexts[lang]`: a promise of the text, or of `null` if it failed).
fn prefetched_messages(lang: Lang) -> Option<JsFuture> {
    let window = web_sys::window()?;
    let all = js_sys::Reflect::get(&window, &JsValue::from_str("__rapportTexts")).ok()?;
    if all.is_undefined() || all.is_null() {
        return None;
    }
    let promise = js_sys::Reflect::get(&all, &JsValue::from_str(lang.id())).ok()?;
    promise
        .dyn_into::<js_sys::Promise>()
        .ok()
        .map(JsFuture::from)
}

/// Installs the interface texts of `lang` unless they are in already: the single-file
/// edition's inline copy, the fetch the first paint started, or a fetch of its own. The app
/// renders in a language only once this has succeeded for it.
pub async fn ensure_messages(lang: Lang) -> Result<(), String> {
    use crate::engine::text::i18n::installed;
    if installed(lang) {
        return Ok(());
    }
    if let Some(text) = inline(&format!("messages-{}", lang.id())) {
        return install_messages(lang, &text);
    }
    if let Some(prefetched) = prefetched_messages(lang) {
        if let Some(text) = prefetched.await.ok().and_then(|t| t.as_string()) {
            if install_messages(lang, &text).is_ok() {
                return Ok(());
            }
        }
    }
    if installed(lang) {
        return Ok(());
    }
    let window = web_sys::window().ok_or("no window")?;
    let url = data_url(&format!("messages.{}", lang.id()));
    let request = JsFuture::from(window.fetch_with_str(&url));
    let (text, _) = finish(Pending::Fetch(url, request, Langs::only(lang))).await?;
    install_messages(lang, &text)
}

/// Fetches the question bank in `langs` and installs it. Neither the labels nor the action
/// texts are needed before the first question: [`ensure_later_texts`] fetches them for the
/// screens that show results.
async fn load(langs: Langs) -> Result<Loaded, String> {
    let (bank, bank_langs) = finish(begin("bank", langs)?).await?;
    let parsed =
        crate::ui::edge::browser::parse_json(&bank).map_err(|e| format!("question bank: {e}"))?;
    let bank = crate::engine::model::bank::install(&parsed, bank_langs)?;
    Ok(Loaded {
        bank,
        langs: bank_langs,
    })
}

/// Whether the texts of the screens that show results (the labels and the action texts) are
/// installed in `lang`.
pub fn later_texts_cover(lang: Lang) -> bool {
    crate::engine::scoring::actions_cover(lang) && crate::engine::text::labels::labels_cover(lang)
}

/// Fetches and installs the labels and the action texts in `lang`, each unless it is installed
/// in it already: the one language's copy first, the bilingual file when another language's
/// copy is in. The fetches start when this is called, not when the future is first polled, so
/// they run beside each other and other loads. Their decoders are in the records module
/// (`lazy::Records::install_texts`), fetched too if need be.
pub fn ensure_later_texts(lang: Lang) -> impl std::future::Future<Output = Result<(), String>> {
    use crate::engine::scoring::{actions_cover, actions_langs};
    use crate::engine::text::labels::{labels_cover, labels_langs};
    let labels =
        (!labels_cover(lang)).then(|| begin("labels", Langs::to_fetch(labels_langs(), lang)));
    let actions =
        (!actions_cover(lang)).then(|| begin("actions", Langs::to_fetch(actions_langs(), lang)));
    async move {
        let labels = match labels {
            Some(pending) => Some(finish(pending?).await?),
            None => None,
        };
        let actions = match actions {
            Some(pending) => Some(finish(pending?).await?),
            None => None,
        };
        if labels.is_none() && actions.is_none() {
            return Ok(());
        }
        let records = crate::ui::lazy::load_records()
            .await
            .ok_or("the code that reads the texts could not be fetched")?;
        (records.install_texts)(
            labels.as_ref().map(|(text, langs)| (text.as_str(), *langs)),
            actions
                .as_ref()
                .map(|(text, langs)| (text.as_str(), *langs)),
        )
    }
}

/// Fetches and installs the customer questionnaire in `lang` unless it is in already, like
/// [`ensure_later_texts`]. Only the later screens call it, so its parser is in their module.
pub fn ensure_customer(lang: Lang) -> impl std::future::Future<Output = Result<(), String>> {
    use crate::engine::model::bank::customer::{customer_covers, customer_langs, install_customer};
    let langs = Langs::to_fetch(customer_langs(), lang);
    let pending = (!customer_covers(lang)).then(|| begin("customer", langs));
    async move {
        match pending {
            None => Ok(()),
            Some(pending) => {
                let (text, langs) = finish(pending?).await?;
                install_customer(&text, langs)
            }
        }
    }
}

/// Starts loading and reports the outcome to the reducer.
pub fn start_loading(state: AppHandle) {
    let langs = state.data_langs_to_fetch();
    state.dispatch(Action::Data(DataStatus::Loading));
    yew::platform::spawn_local(async move {
        let status = match load(langs).await {
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
                <p>{ m.data_failed(error) }</p>
                <button type="button" class="button-secondary" onclick={retry}>{ m.retry() }</button>
            </div>
        },
        _ => {
            let text = if state.deferred.is_some() {
                m.opens_when_loaded()
            } else {
                m.loading_questions()
            };
            html! { <p class="data-pending" role="status" data-data="loading">{ text }</p> }
        }
    }
}
