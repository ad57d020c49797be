//! The screens outside the first load: results, shared results, the account page, compare,
//! portfolio, the scoring rules, and other eyes' respondent and response screens, and the import and spreadsheet export behind the home
//! screen's buttons ([`ExchangeTools`]). A new visitor's way to the first question (home, start,
//! questionnaire) never needs them, so the release build moves their code into a second wasm
//! module fetched the first time one of them is shown (ARCHITECTURE.md, "Loading on demand").
//!
//! With the `split` feature (`scripts/split.sh`), [`later_screens`] is reachable only through a
//! `wasm_split` point, and `wasm-split-cli` moves everything only it reaches into the module
//! `later`. Without the feature (`trunk serve`, the single-file edition, the build-time render)
//! the same function is called directly and nothing is deferred.
//!
//! The split point returns a plain render function, not a component: the screens' own
//! components and hooks run unchanged inside the deferred module, and once it has loaded every
//! render is synchronous. A third, small module holds the code that reads and merges stored
//! records ([`Records`]), which a returning user needs at start and a new visitor does not.
//! The action texts these screens show come with them: fetched apart
//! from the question bank, they too stay off a new visitor's way to the first question.

use yew::prelude::*;

use crate::engine::model::answers::Answers;
use crate::engine::model::bank::Bank;
use crate::engine::model::record::AccountRecord;
use crate::engine::scoring::Summary;
use crate::engine::state::route::Route;
use crate::engine::storage::exchange::{self, ImportError, ImportPreview};
use crate::engine::storage::record_ops::RecordOps;
#[cfg(target_arch = "wasm32")]
use crate::engine::storage::store::KeyValueStore;
use crate::engine::text::i18n::messages;
use crate::engine::text::lang::{Lang, Langs};
use crate::ui::edge::data::{ensure_later_texts, later_texts_cover};
use crate::ui::root::{use_app, AppHandle};
use crate::ui::screens::account::AccountPage;
use crate::ui::screens::compare_screen::compare_page;
use crate::ui::screens::eyes::{Respond, ResponseScreen};
use crate::ui::screens::portfolio_screen::Portfolio;
use crate::ui::screens::results::{Results, SharedResults};
use crate::ui::screens::rules::rules;

/// Renders one of the deferred screens for the route.
type View = fn(&AppHandle, &Route) -> Html;

/// Reads, validates and previews an import file against the accounts here.
type ImportFn = fn(&[u8], &Bank, &[AccountRecord]) -> Result<ImportPreview, ImportError>;

/// The home screen's import and spreadsheet export, which only run once a file is picked or the
/// button pressed: their parsing, validation and CSV code comes with the later screens. (The
/// JSON export stays in the first load: it is the rescue when storage fails, maybe offline.)
#[derive(Clone, Copy)]
pub struct ExchangeTools {
    /// Reads, validates and previews an import file against the accounts here.
    pub import: ImportFn,
    /// The CSV export of every completed assessment.
    pub csv: fn(&Bank, &[AccountRecord]) -> String,
    /// The preview of a validated import, with its confirmation.
    pub panel: fn(ImportPreview, Callback<Option<String>>) -> Html,
}

/// The stakeholder map's facts beside a contact question of the questionnaire.
type EvidenceFn = fn(Lang, &AccountRecord, &str) -> Html;

/// What the deferred module provides.
#[derive(Clone, Copy)]
struct Deferred {
    view: View,
    tools: ExchangeTools,
    evidence: EvidenceFn,
    /// Team sync's screen (`true`) or header status.
    sync: fn(bool) -> Html,
}

fn import_preview(
    bytes: &[u8],
    bank: &Bank,
    accounts: &[AccountRecord],
) -> Result<ImportPreview, ImportError> {
    exchange::parse_import(bytes, bank).map(|incoming| exchange::preview(accounts, incoming))
}

const DEFERRED: Deferred = Deferred {
    view: later_screens,
    tools: ExchangeTools {
        import: import_preview,
        csv: exchange::export_csv,
        panel: crate::ui::widgets::import_panel::import_panel,
    },
    evidence: crate::ui::screens::contacts::evidence,
    sync: sync_slot,
};

fn later_screens(state: &AppHandle, route: &Route) -> Html {
    match route {
        Route::Results {
            account,
            assessment,
        } => {
            html! { <Results account_id={account.clone()} assessment_id={assessment.clone()} /> }
        }
        Route::Shared { payload } => html! { <SharedResults payload={payload.clone()} /> },
        Route::Respond { payload } => html! { <Respond payload={payload.clone()} /> },
        Route::Response { payload } => html! { <ResponseScreen payload={payload.clone()} /> },
        Route::Account { account } => html! { <AccountPage account_id={account.clone()} /> },
        Route::Compare { a, b } => compare_page(state, a, b),
        Route::Portfolio => html! { <Portfolio /> },
        Route::Rules => rules(state),
        Route::Sync => sync_slot(true),
        Route::Home | Route::New | Route::Assess { .. } => Html::default(),
    }
}

/// A split point: module `$name` holds `$value` (a `Copy` table of functions) and everything only
/// it reaches. With the `split` feature the module is fetched by `load()` the first time, and
/// `loaded()` is `None` until then; without it (`trunk serve`, the single-file edition, the
/// build-time render) the value is always there.
macro_rules! split_point {
    ($module:ident, $split:ident, $fetch:ident, $ty:ty, $value:ident) => {
        #[cfg(feature = "split")]
        mod $module {
            use std::cell::Cell;

            use super::{$ty, $value};

            // `fallible`: a failed fetch (offline before the service worker holds the module)
            // returns an error instead of trapping, and is not cached, so "Try again" fetches again.
            #[wasm_split_helpers::wasm_split($split, fallible)]
            fn $fetch() -> Result<$ty, wasm_split_helpers::SplitLoaderError> {
                Ok($value)
            }

            thread_local! {
                static LOADED: Cell<Option<$ty>> = const { Cell::new(None) };
            }

            pub fn loaded() -> Option<$ty> {
                LOADED.with(Cell::get)
            }

            /// Fetches and instantiates the module; `false` when that failed.
            pub async fn load() -> bool {
                match $fetch().await {
                    Ok(value) => {
                        LOADED.with(|cell| cell.set(Some(value)));
                        true
                    }
                    Err(_) => false,
                }
            }
        }

        #[cfg(not(feature = "split"))]
        mod $module {
            use super::{$ty, $value};

            pub fn loaded() -> Option<$ty> {
                Some($value)
            }

            pub async fn load() -> bool {
                true
            }
        }
    };
}

split_point!(split, later, later_module, Deferred, DEFERRED);

/// The import and spreadsheet export, once their code and the texts of their messages (the
/// labels) are in (fetching them if need be); `None` when either could not be fetched.
pub async fn exchange_tools(lang: Lang) -> Option<ExchangeTools> {
    let texts = ensure_later_texts(lang);
    if split::loaded().is_none() {
        split::load().await;
    }
    texts.await.ok()?;
    split::loaded().map(|d| d.tools)
}

/// The import and spreadsheet export if their code is in already (it is, once a file has been
/// validated).
pub fn loaded_exchange_tools() -> Option<ExchangeTools> {
    split::loaded().map(|d| d.tools)
}

/// Whether the deferred screens can render in `lang`: their code, and the labels and action
/// texts they show, are in.
fn ready(lang: Lang) -> Option<View> {
    split::loaded()
        .filter(|_| later_texts_cover(lang))
        .map(|d| d.view)
}

/// Fetches both; `false` when either failed (a later call tries again).
async fn load(lang: Lang) -> bool {
    let texts = ensure_later_texts(lang);
    let code = split::load().await;
    code & texts.await.is_ok()
}

/// Starts fetching the deferred screens' code and texts without showing anything, so that they
/// are in by the time a screen needs them.
pub fn prefetch(lang: Lang) {
    if ready(lang).is_none() {
        yew::platform::spawn_local(async move {
            load(lang).await;
        });
    }
}

/// Properties of [`Later`].
#[derive(Properties, PartialEq)]
pub struct LaterProps {
    /// The route to render: any but home, start and the questionnaire.
    pub route: Route,
    /// The header's team sync status instead of a screen: nothing shows while it loads or if
    /// it fails (see [`sync_is_on`]).
    #[prop_or_default]
    pub sync_status: bool,
}

/// A deferred screen: the screen itself once its module has loaded, a short "Opening…" while it
/// loads, and a retry if the fetch failed.
#[function_component]
pub fn Later(props: &LaterProps) -> Html {
    let state = use_app();
    let failed = use_state(|| false);
    let attempt = use_state(|| 0_u32);
    {
        let failed = failed.clone();
        use_effect_with((*attempt, state.lang), move |&(_, lang)| {
            if ready(lang).is_none() {
                yew::platform::spawn_local(async move {
                    // Setting the state re-renders; the render reads the loaded view, never a
                    // copy kept in hook state (Yew reuses this component from route to route).
                    failed.set(!load(lang).await);
                });
            }
        });
    }
    let m = messages(state.lang);
    if props.sync_status {
        return split::loaded()
            .filter(|_| ready(state.lang).is_some())
            .map_or_else(Html::default, |d| (d.sync)(false));
    }
    match ready(state.lang) {
        Some(view) => view(&state, &props.route),
        None if *failed => {
            let retry = Callback::from(move |_: MouseEvent| {
                failed.set(false);
                attempt.set(*attempt + 1);
            });
            html! {
                <div class="data-pending notice" role="alert" data-lazy="failed">
                    <h1>{ m.screen_load_failed_heading() }</h1>
                    <p>{ m.screen_load_failed() }</p>
                    <button type="button" class="button-secondary" data-action="retry-load"
                        onclick={retry}>{ m.retry() }</button>
                </div>
            }
        }
        None => {
            html! { <p class="data-pending" role="status" data-lazy="loading">{ m.screen_loading() }</p> }
        }
    }
}

/// Properties of [`LaterEvidence`].
#[derive(Properties, PartialEq)]
pub struct LaterEvidenceProps {
    pub account_id: crate::engine::model::ids::AccountId,
    pub question_id: String,
}

/// The stakeholder map's facts beside a contact question. The questionnaire is in the first
/// load and the map's code is not: nothing shows until the later module is in (it is fetched
/// here if need be; a failed fetch shows nothing, the question works without it).
#[function_component]
pub fn LaterEvidence(props: &LaterEvidenceProps) -> Html {
    let state = use_app();
    // Only set, never read: setting it re-renders, and the render reads the loaded module (as
    // `Later` does). A failed fetch sets it too and shows nothing: the question works without.
    let arrived = use_state(|| false);
    {
        let arrived = arrived.clone();
        use_effect_with(state.lang, move |&lang| {
            if ready(lang).is_none() {
                yew::platform::spawn_local(async move {
                    arrived.set(load(lang).await);
                });
            }
        });
    }
    match (ready(state.lang), state.account(&props.account_id)) {
        (Some(_), Some(account)) => split::loaded().map_or_else(Html::default, |d| {
            (d.evidence)(state.lang, account, &props.question_id)
        }),
        _ => Html::default(),
    }
}

/// What the records module provides: reading and merging stored records, and the home
/// cards' summaries. A new visitor's way to the first question never needs them; a start with
/// accounts stored waits for them (`ui::start`), a save that finds another tab's revision
/// stored and another tab's write fetch them (`ui::root`), and so does a home screen listing
/// accounts made in this visit. The later screens name the functions directly: what both use
/// goes to a chunk both load.
#[derive(Clone, Copy)]
pub struct Records {
    /// Decoding and merging whole records.
    pub ops: RecordOps,
    /// The headline figures of an assessment, for its account's card.
    pub summarize: fn(&Bank, &Answers) -> Summary,
    /// Installs the labels and the action texts (each fetched text with the languages it
    /// carries): their decoders, serde's, are then in this module and not in the first load,
    /// and every screen that shows them (the home cards, the later screens) loads it anyway.
    pub install_texts: InstallTexts,
}

/// See [`Records::install_texts`].
pub type InstallTexts = fn(Option<(&str, Langs)>, Option<(&str, Langs)>) -> Result<(), String>;

fn install_later_texts(
    labels: Option<(&str, Langs)>,
    actions: Option<(&str, Langs)>,
) -> Result<(), String> {
    if let Some((text, langs)) = labels {
        crate::engine::text::labels::install_labels(text, langs)?;
    }
    if let Some((text, langs)) = actions {
        crate::engine::scoring::install_actions(text, langs)?;
    }
    Ok(())
}

const RECORDS: Records = Records {
    ops: RecordOps::FULL,
    summarize: crate::engine::scoring::summarize,
    install_texts: install_later_texts,
};

split_point!(records_split, records, records_module, Records, RECORDS);

/// The records module if it is in.
pub fn records() -> Option<Records> {
    records_split::loaded()
}

/// The records module, fetched if need be; `None` when that failed (a later call tries again).
pub async fn load_records() -> Option<Records> {
    if records_split::loaded().is_none() {
        records_split::load().await;
    }
    records_split::loaded()
}

/// What the sync module provides: team sync has a split point of its own, so neither the first
/// load nor the later screens carry its code until a user opens its settings or has turned it
/// on (code the sync module shares with the later screens goes to a chunk both load).
#[derive(Clone, Copy)]
struct SyncParts {
    /// The header's status, which also runs the rounds while sync is on.
    badge: fn() -> Html,
    /// The settings screen.
    screen: fn() -> Html,
}

const SYNC_PARTS: SyncParts = SyncParts {
    badge: crate::ui::screens::sync::badge,
    screen: crate::ui::screens::sync::screen,
};

split_point!(sync_split, sync, sync_module, SyncParts, SYNC_PARTS);

/// Properties of [`SyncSlot`].
#[derive(Properties, PartialEq)]
struct SyncSlotProps {
    /// The settings screen rather than the header's status.
    screen: bool,
}

/// Team sync inside the later module: it fetches the sync module (a split point called from
/// the later module, so its loader is not in the first load either) and shows the settings
/// screen or the header's status once it is in.
#[function_component]
fn SyncSlot(props: &SyncSlotProps) -> Html {
    let state = use_app();
    let failed = use_state(|| false);
    {
        let failed = failed.clone();
        use_effect_with((), move |()| {
            if sync_split::loaded().is_none() {
                yew::platform::spawn_local(async move {
                    failed.set(!sync_split::load().await);
                });
            }
        });
    }
    let m = messages(state.lang);
    match sync_split::loaded() {
        Some(parts) if props.screen => (parts.screen)(),
        Some(parts) => (parts.badge)(),
        None if !props.screen => Html::default(),
        None if *failed => html! {
            <p class="data-pending notice" role="alert" data-lazy="failed">{ m.screen_load_failed() }</p>
        },
        None => {
            html! { <p class="data-pending" role="status" data-lazy="loading">{ m.screen_loading() }</p> }
        }
    }
}

fn sync_slot(screen: bool) -> Html {
    html! { <SyncSlot {screen} /> }
}

/// Whether the stored sync settings say on (the header then shows the status, and the rounds
/// run). Read at render time in the browser only: the
/// build-time render has no storage (and shows a first visit, where sync is off).
pub fn sync_is_on() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        crate::ui::edge::browser::BrowserStore
            .get(crate::engine::sync::config::CONFIG_KEY)
            .ok()
            .flatten()
            .is_some_and(|c| c.contains("\"on\":true"))
    }
    #[cfg(not(target_arch = "wasm32"))]
    false
}
