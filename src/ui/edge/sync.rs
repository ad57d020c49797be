//! The browser's side of team sync: HTTP requests to the team database on this origin, the
//! rounds' timing, and applying a round's outcome to storage and the app state. Everything it
//! decides comes from `engine::sync`; this only moves bytes and schedules.
//!
//! Reached only from the later module's screens: the first load carries none of it.

use std::cell::RefCell;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use yew::Callback;

use crate::engine::state::app::Action;
use crate::engine::storage::persist::{self, ExternalChange};
// Named directly: this is the sync module, never in the first load (see `ui::lazy::Records`).
use crate::engine::storage::record_ops::RecordOps;
use crate::engine::storage::store::{load_json, save_json, KeyValueStore, Loaded, StoreError};
use crate::engine::sync::config::{
    session_url, session_user, StatusError, SyncConfig, SyncStatus, CONFIG_KEY, STATE_KEY,
    TOKEN_KEY,
};
use crate::engine::sync::session::Stop;
use crate::engine::sync::session::{HttpRequest, Method, Reply, Round};
use crate::engine::sync::state::SyncState;
use crate::ui::edge::browser::{self, BrowserStore};
use crate::ui::root::AppHandle;

/// Seconds between rounds while sync is on and the page is visible.
const EVERY_SECONDS: u32 = 20;

#[derive(Default)]
struct Driver {
    status: Option<SyncStatus>,
    running: bool,
    /// Another round was asked for while one ran.
    again: bool,
    /// The latest app state, handed over by every render of the sync badge.
    app: Option<AppHandle>,
    /// The sync state as last stored (shown by the settings screen).
    state: SyncState,
    timer: Option<gloo_timers::callback::Interval>,
    online: Option<gloo_events::EventListener>,
    /// Another tab's round stored a new sync state: show its conflicts and counts here too.
    storage: Option<gloo_events::EventListener>,
    listeners: Vec<(u32, Callback<()>)>,
    next_listener: u32,
    /// Bumped by signing out: a round that started before does not apply what it brought.
    generation: u32,
    /// The last round stopped on a full storage: the timer and `online` wait for the user
    /// (*Sync now*) rather than pulling the same megabytes again every 20 seconds.
    waiting_for_space: bool,
}

thread_local! {
    static DRIVER: RefCell<Driver> = RefCell::new(Driver::default());
}

/// The settings as stored (none: never set).
pub fn config() -> SyncConfig {
    match load_json::<SyncConfig>(&BrowserStore, CONFIG_KEY, browser::now_ms()) {
        Loaded::Found(c) => c,
        _ => SyncConfig::default(),
    }
}

/// Stores the settings.
pub fn save_config(config: &SyncConfig) -> Result<(), StoreError> {
    save_json(&BrowserStore, CONFIG_KEY, config)
}

/// The sync state as stored; a new one (with this device's name) when there is none.
pub fn stored_state() -> SyncState {
    // An unreadable state is quarantined by the reader and started afresh: that loses nothing
    // (every account then merges with the server's copy again), it only asks more questions.
    let mut state = match load_json::<SyncState>(&BrowserStore, STATE_KEY, browser::now_ms()) {
        Loaded::Found(s) => s,
        _ => SyncState::default(),
    };
    if state.device.is_empty() {
        let (a, b): (String, String) = (browser::new_id(), browser::new_id());
        state.device = format!("{a}{b}");
    }
    state
}

/// What the screens show: the status, local changes waiting, conflicts waiting, documents
/// kept aside.
pub fn snapshot() -> (SyncStatus, SyncState) {
    DRIVER.with(|d| {
        let d = d.borrow();
        let status = d.status.clone().unwrap_or(if config().on {
            SyncStatus::Syncing
        } else {
            SyncStatus::Off
        });
        (status, d.state.clone())
    })
}

/// Re-renders `callback`'s component whenever the status changes; returns its id.
pub fn subscribe(callback: Callback<()>) -> u32 {
    DRIVER.with(|d| {
        let mut d = d.borrow_mut();
        d.next_listener += 1;
        let id = d.next_listener;
        d.listeners.push((id, callback));
        id
    })
}

/// Stops re-rendering that component.
pub fn unsubscribe(id: u32) {
    DRIVER.with(|d| d.borrow_mut().listeners.retain(|(i, _)| *i != id));
}

fn notify() {
    let listeners: Vec<Callback<()>> = DRIVER.with(|d| {
        d.borrow()
            .listeners
            .iter()
            .map(|(_, c)| c.clone())
            .collect()
    });
    for l in listeners {
        l.emit(());
    }
}

fn set_status(status: SyncStatus) {
    DRIVER.with(|d| d.borrow_mut().status = Some(status));
    notify();
}

/// Hands the driver the app state of this render, and starts rounds if sync is on.
pub fn observe(app: &AppHandle) {
    let start = DRIVER.with(|d| {
        let mut d = d.borrow_mut();
        d.app = Some(app.clone());
        d.timer.is_none()
    });
    if start && config().on {
        start_rounds();
    }
}

/// Starts the timer and the `online` listener, and runs a round now.
pub fn start_rounds() {
    let timer = gloo_timers::callback::Interval::new(EVERY_SECONDS * 1000, || {
        let visible = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| !d.hidden());
        if visible {
            run_scheduled();
        }
    });
    let online = web_sys::window()
        .map(|w| gloo_events::EventListener::new(&w, "online", |_| run_scheduled()));
    let storage = web_sys::window().map(|w| {
        gloo_events::EventListener::new(&w, "storage", |event| {
            let key = event
                .dyn_ref::<web_sys::StorageEvent>()
                .and_then(web_sys::StorageEvent::key);
            if key.as_deref() == Some(STATE_KEY) {
                DRIVER.with(|d| d.borrow_mut().state = stored_state());
                notify();
            }
        })
    });
    DRIVER.with(|d| {
        let mut d = d.borrow_mut();
        d.timer = Some(timer);
        d.online = online;
        d.storage = storage;
        d.state = stored_state();
    });
    run_now();
}

/// Stops the rounds (sync turned off); the data here stays as it is.
pub fn stop_rounds() {
    let app = DRIVER.with(|d| {
        let mut d = d.borrow_mut();
        d.timer = None;
        d.online = None;
        d.storage = None;
        d.app.clone()
    });
    if let Some(app) = app {
        app.dispatch(Action::Team(None));
    }
    set_status(SyncStatus::Off);
}

/// A round the timer or coming online asks for: none while the storage is full.
fn run_scheduled() {
    if !DRIVER.with(|d| d.borrow().waiting_for_space) {
        run_now();
    }
}

/// Runs a round now, or right after the one running (the user asked: also after a full storage).
pub fn run_now() {
    DRIVER.with(|d| d.borrow_mut().waiting_for_space = false);
    let busy = DRIVER.with(|d| {
        let mut d = d.borrow_mut();
        if d.running {
            d.again = true;
        }
        std::mem::replace(&mut d.running, true)
    });
    if busy {
        return;
    }
    yew::platform::spawn_local(async {
        loop {
            with_tab_lock(round()).await;
            let again = DRIVER.with(|d| {
                let mut d = d.borrow_mut();
                let again = std::mem::take(&mut d.again);
                d.running = again;
                again
            });
            if !again {
                break;
            }
        }
    });
}

/// Runs `work` holding the browser-wide lock `rapport-sync` (the Web Locks API), waiting for
/// it while another tab of this browser is in a round: two rounds at once would push the same
/// changes twice, meet each other's 409s, and overwrite each other's list of conflicts. The
/// round that waited then starts from what the other stored, so it is short (two requests when
/// nothing changed). Closing a tab releases its lock. A browser without Web Locks runs `work`
/// unlocked: the merge still converges, it only does some work twice.
async fn with_tab_lock(work: impl std::future::Future<Output = ()>) {
    use js_sys::{Function, Promise, Reflect};
    let locks = web_sys::window()
        .and_then(|w| Reflect::get(&w.navigator(), &"locks".into()).ok())
        .filter(|l| !l.is_undefined());
    let request = locks.as_ref().and_then(|l| {
        Reflect::get(l, &"request".into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
    });
    let (Some(locks), Some(request)) = (locks, request) else {
        work.await;
        return;
    };
    // `hold` stays pending while the round runs: the lock is held until it settles.
    let mut release: Option<Function> = None;
    let hold = Promise::new(&mut |resolve, _| release = Some(resolve));
    let mut answer: Option<Function> = None;
    let granted = Promise::new(&mut |resolve, _| answer = Some(resolve));
    let (Some(release), Some(answer)) = (release, answer) else {
        work.await;
        return;
    };
    let callback = wasm_bindgen::closure::Closure::once_into_js(move |_lock: JsValue| -> JsValue {
        let _ = answer.call0(&JsValue::NULL);
        hold.into()
    });
    if request
        .call2(&locks, &"rapport-sync".into(), &callback)
        .is_ok()
    {
        let _ = JsFuture::from(granted).await;
    }
    work.await;
    let _ = release.call0(&JsValue::NULL);
}

async fn round() {
    let config = config();
    let app = DRIVER.with(|d| d.borrow().app.clone());
    if !config.on {
        // Turned off in another tab: this one says so too.
        set_status(SyncStatus::Off);
        return;
    }
    let Some(app) = app else {
        return;
    };
    if config.token && token().is_none() {
        // Signed in with a token in another tab, or before this tab was closed: ask for one.
        set_status(SyncStatus::Paused(Stop::SignIn));
        return;
    }
    let Some(loaded) = app.loaded() else {
        // Pulled documents are checked against the question bank: fetch it, and try again
        // once it is in.
        app.dispatch(Action::NeedData);
        gloo_timers::callback::Timeout::new(400, run_now).forget();
        return;
    };
    set_status(SyncStatus::Syncing);
    let generation = DRIVER.with(|d| d.borrow().generation);
    let mut state = stored_state();
    let now = browser::now_ms();
    deleted_here(&app, &mut state);
    let mut round = Round::new(loaded.bank, &config.user, app.accounts.clone(), state, now);
    while let Some(request) = round.request() {
        let reply = send(&config.url, &request).await;
        round.reply(reply);
    }
    let outcome = round.outcome();
    if DRIVER.with(|d| d.borrow().generation) != generation || !self::config().on {
        // Signed out meanwhile, here or in another tab (which turns sync off before removing
        // anything): what this round brought belongs to data just removed.
        set_status(SyncStatus::Off);
        return;
    }
    let applied = apply(&app, &outcome);
    // Owners as the stored sync state has them (the round's, once applied).
    let team = DRIVER.with(|d| d.borrow().state.team(&config.user));
    if app.team.as_deref() != Some(&team) {
        app.dispatch(Action::Team(Some(std::rc::Rc::new(team))));
    }
    let status = match applied {
        Ok(()) => SyncStatus::after(
            outcome.stop.clone(),
            outcome.state.kept.iter().any(|k| k.by_server),
            browser::now_ms(),
        ),
        Err(_) => {
            DRIVER.with(|d| d.borrow_mut().waiting_for_space = true);
            SyncStatus::Error(StatusError::StorageFull)
        }
    };
    set_status(status);
}

/// Accounts this device synced before and has deleted since (their key is gone, not merely
/// unreadable): their deletion goes to the server.
fn deleted_here(app: &AppHandle, state: &mut SyncState) {
    let gone: Vec<_> = state
        .accounts
        .iter()
        .filter(|(id, meta)| {
            !meta.rev.is_empty()
                && !meta.deleted
                && !app.accounts.iter().any(|a| a.id.as_str() == id.as_str())
                && BrowserStore
                    .get(&persist::account_key(&id.as_str().into()))
                    .is_ok_and(|v| v.is_none())
        })
        .map(|(id, _)| crate::engine::model::ids::AccountId::from(id.as_str()))
        .collect();
    for id in gone {
        state.mark_deleted(&id);
    }
}

/// Saves the round's records (each merged with what storage holds, as another tab's would be),
/// tells the app, then remembers the sync state — only once every write went through.
fn apply(
    app: &AppHandle,
    outcome: &crate::engine::sync::session::Outcome,
) -> Result<(), StoreError> {
    for record in &outcome.writes {
        let written = persist::save_account(&BrowserStore, record, &RecordOps::FULL)?;
        app.dispatch(Action::External {
            change: ExternalChange::Written(Box::new(written)),
            ops: RecordOps::FULL,
        });
    }
    for id in &outcome.deletes {
        persist::remove_account(&BrowserStore, id)?;
        app.dispatch(Action::External {
            change: ExternalChange::Removed(id.clone()),
            ops: RecordOps::FULL,
        });
    }
    save_json(&BrowserStore, STATE_KEY, &outcome.state)?;
    DRIVER.with(|d| d.borrow_mut().state = outcome.state.clone());
    Ok(())
}

/// Signs out and removes from this device the accounts it shares with the team database
/// (`SyncState::sign_out_plan`; the screen has said which, and offered an export). Sync is
/// turned off first, so no round brings them back; the sync state goes last, so a removal
/// that fails half-way can simply be tried again. Returns how many accounts went.
pub fn sign_out_and_remove(app: &AppHandle) -> Result<usize, StoreError> {
    let mut config = config();
    config.on = false;
    save_config(&config)?;
    DRIVER.with(|d| d.borrow_mut().generation += 1);
    stop_rounds();
    let plan = stored_state().sign_out_plan(&app.accounts);
    for id in &plan.remove {
        persist::remove_account(&BrowserStore, id)?;
        app.dispatch(Action::External {
            change: ExternalChange::Removed(id.clone()),
            ops: RecordOps::FULL,
        });
    }
    BrowserStore.remove(STATE_KEY)?;
    DRIVER.with(|d| d.borrow_mut().state = SyncState::default());
    notify();
    let url = config.url.clone();
    yew::platform::spawn_local(async move { sign_out(&url).await });
    Ok(plan.remove.len())
}

/// Remembers a changed sync state (a conflict resolved) and runs a round to send the choice.
pub fn save_state(state: &SyncState) -> Result<(), StoreError> {
    save_json(&BrowserStore, STATE_KEY, state)?;
    DRIVER.with(|d| d.borrow_mut().state = state.clone());
    notify();
    Ok(())
}

/// One request to the team database; `Offline` when nothing answered.
async fn send(db_url: &str, request: &HttpRequest) -> Reply {
    let method = match request.method {
        Method::Get => "GET",
        Method::Post => "POST",
        Method::Put => "PUT",
    };
    let url = format!("{db_url}{}", request.path);
    match fetch(method, &url, request.body.as_deref(), token().as_deref()).await {
        Ok((status, body)) => Reply::Http { status, body },
        Err(_) => Reply::Offline,
    }
}

/// Signs in with CouchDB's session endpoint: `Ok(status)` (200: signed in, 401: wrong name or
/// password), `Err` when nothing answered. The password is sent once and never kept.
pub async fn sign_in(db_url: &str, user: &str, password: &str) -> Result<u16, ()> {
    let body = serde_json::json!({ "name": user, "password": password }).to_string();
    fetch("POST", &session_url(db_url), Some(&body), None)
        .await
        .map(|(status, _)| status)
        .map_err(|_| ())
}

/// Asks the server who is signed in — with `token` (CouchDB's JWT authentication), or with what
/// the browser already holds (a session cookie, or a company's login proxy in front of the
/// server): `Ok((status, member))`, `Err` when nothing answered.
pub async fn who_is_signed_in(
    db_url: &str,
    token: Option<&str>,
) -> Result<(u16, Option<String>), ()> {
    fetch("GET", &session_url(db_url), None, token)
        .await
        .map(|(status, body)| (status, session_user(&body)))
        .map_err(|_| ())
}

/// The team database's origin fixed at build time, from the policy this page runs under.
pub fn sync_origin() -> Option<String> {
    let meta = web_sys::window()?
        .document()?
        .query_selector(r#"meta[http-equiv="Content-Security-Policy"]"#)
        .ok()??;
    crate::engine::sync::config::sync_origin_from_csp(&meta.get_attribute("content")?)
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.session_storage().ok().flatten())
}

/// This tab's bearer token, if the member signed in with one.
fn token() -> Option<String> {
    session_storage()?.get_item(TOKEN_KEY).ok().flatten()
}

/// Keeps a bearer token for this tab (or forgets it): `Err` when the tab's storage refused.
pub fn set_token(token: Option<&str>) -> Result<(), ()> {
    let storage = session_storage().ok_or(())?;
    match token {
        Some(t) => storage.set_item(TOKEN_KEY, t).map_err(|_| ()),
        None => storage.remove_item(TOKEN_KEY).map_err(|_| ()),
    }
}

/// Ends the session on the server (the cookie goes) and forgets this tab's token.
pub async fn sign_out(db_url: &str) {
    let _ = set_token(None);
    let _ = fetch("DELETE", &session_url(db_url), None, None).await;
}

async fn fetch(
    method: &str,
    url: &str,
    body: Option<&str>,
    bearer: Option<&str>,
) -> Result<(u16, String), JsValue> {
    let window = web_sys::window().ok_or(JsValue::NULL)?;
    let init = web_sys::RequestInit::new();
    init.set_method(method);
    // The session cookie goes with every request: on this origin, or on the team database's
    // origin fixed at build time (the only other one the CSP allows; CouchDB's CORS must then
    // allow credentials, docs/SYNC.md).
    let elsewhere = url.starts_with("https://") || url.starts_with("http://");
    init.set_credentials(if elsewhere {
        web_sys::RequestCredentials::Include
    } else {
        web_sys::RequestCredentials::SameOrigin
    });
    init.set_cache(web_sys::RequestCache::NoStore);
    let headers = web_sys::Headers::new()?;
    headers.set("Accept", "application/json")?;
    if let Some(token) = bearer {
        headers.set("Authorization", &format!("Bearer {token}"))?;
    }
    if let Some(body) = body {
        headers.set("Content-Type", "application/json")?;
        init.set_body(&JsValue::from_str(body));
    }
    init.set_headers(&headers);
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await?
        .dyn_into()?;
    let text = JsFuture::from(response.text()?).await?;
    Ok((response.status(), text.as_string().unwrap_or_default()))
}
