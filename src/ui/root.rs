//! The root component: state, persistence and URL at the edge; header, notices and the screen.

use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::engine::state::app::{reduce, Action, AppState, NoticeKind, SaveTarget};
use crate::engine::state::embed as embed_protocol;
use crate::engine::state::route::Route;
use crate::engine::storage::persist;
use crate::engine::storage::settings;
use crate::engine::text::i18n::messages;
use crate::engine::text::lang::Lang;
use crate::ui::edge::browser::{self, BrowserStore};
use crate::ui::edge::host_frame;
use crate::ui::lazy::{sync_is_on, Later, Records};
use crate::ui::screens::home::home;
use crate::ui::screens::questionnaire::questionnaire;
use crate::ui::screens::start::Start;
use crate::ui::widgets::notices::notices;

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(reduce((*self).clone(), action))
    }
}

/// What every screen reads the state from and dispatches to.
pub type AppHandle = UseReducerHandle<AppState>;

/// The app's state and dispatcher, from any component under [`App`].
///
/// # Panics
/// Outside [`App`], which provides the context around every screen: a programming error that
/// the first render of any screen shows, not a condition that depends on data.
#[hook]
pub fn use_app() -> AppHandle {
    use_context::<AppHandle>().expect("use_app() is called only under App")
}

/// A callback that dispatches the action `make` builds from its event.
pub fn dispatcher<E: 'static>(
    state: &AppHandle,
    make: impl Fn(E) -> Action + 'static,
) -> Callback<E> {
    let state = state.clone();
    Callback::from(move |event| state.dispatch(make(event)))
}

/// The state the browser starts from: storage, the URL, the browser's languages, the host page.
/// The stored accounts are read with the record code; without it (`None`: `ui::start` found
/// no account stored) there are none to read.
#[cfg(target_arch = "wasm32")]
pub(crate) fn boot_state(records: Option<&Records>) -> AppState {
    let now = browser::now_ms();
    let settings = settings::boot(&BrowserStore, now);
    let accounts = records.map_or_else(Default::default, |r| {
        persist::load_accounts(&BrowserStore, now, &r.ops)
    });
    let mut state = AppState::boot(
        settings,
        accounts,
        &browser::browser_languages(),
        browser::current_route(),
    );
    // A language picked on the build-time render, before the app ran, is the user's choice.
    if let Some(lang) = browser::language_chosen_before_start() {
        state = reduce(state, Action::SetLang(lang));
        if state.persist_settings {
            // A failure here is reported by the next change of settings; the choice shows anyway.
            let _ = settings::save(&BrowserStore, &state.settings);
        }
    }
    // A host page's `lang=` applies to this visit only; the user's own choice stays stored.
    if let Some(lang) = host_frame::config().lang {
        state.lang = lang;
    }
    state
}

/// Runs `then` with the records module: at once if it is in, else once fetched. `None` when
/// the fetch failed (offline before the service worker held it).
fn with_records(then: impl FnOnce(Option<Records>) + 'static) {
    match crate::ui::lazy::records() {
        Some(records) => then(Some(records)),
        None => yew::platform::spawn_local(async move {
            then(crate::ui::lazy::load_records().await);
        }),
    }
}

/// Writes the accounts the reducer marked as changed; one `setItem` per account.
///
/// Without the record code an account whose stored copy another tab has written since is held
/// back (it stays unsaved): the code is fetched and `Action::CodeArrived` saves it, merged.
fn persist_unsaved(state: &AppHandle) {
    if state.unsaved.is_empty() {
        return;
    }
    let ops = crate::ui::lazy::records().map(|r| r.ops);
    let mut written = Vec::new();
    let mut records = Vec::new();
    let mut failed = None;
    let mut held_back = false;
    for id in &state.unsaved {
        // Whether it was written (`false`: held back for the record code).
        let result = match state.account(id) {
            Some(account) => persist::save_account_with(&BrowserStore, account, ops.as_ref())
                .map(|r| r.map(|r| records.push(r)).is_some()),
            None => persist::remove_account(&BrowserStore, id).map(|()| true),
        };
        match result {
            Ok(true) => written.push(id.clone()),
            Ok(false) => held_back = true,
            Err(err) => failed = Some(err),
        }
    }
    state.dispatch(Action::Saved {
        written,
        records,
        failed,
        ops,
    });
    if held_back {
        let state = state.clone();
        with_records(move |records| {
            match records {
            Some(_) => state.dispatch(Action::CodeArrived),
            None => state.dispatch(Action::Notify(NoticeKind::NotSaved {
                target: SaveTarget::Account,
                error: crate::engine::storage::store::StoreError::Other(
                    "another tab changed this account, and the code that merges the two copies could not be loaded".to_owned(),
                ),
            })),
        }
        });
    }
}

/// `<html lang>` and the document title follow the language.
#[hook]
fn use_document_lang(lang: Lang) {
    use_effect_with(lang, |lang| {
        browser::set_document_lang(*lang);
        let m = messages(*lang);
        browser::set_document_title(&format!("{} · {}", m.app_name(), m.tagline()));
    });
}

/// Every change the reducer marks as unsaved is written when `save_tick` moves.
#[hook]
fn use_persistence(state: &AppHandle) {
    let state = state.clone();
    use_effect_with(state.save_tick, move |_| persist_unsaved(&state));
}

/// The address bar follows the screen, and the browser's back and forward move the screen.
#[hook]
fn use_route_sync(state: &AppHandle) {
    use_effect_with(state.route.clone(), |route| {
        browser::show_route(route);
        browser::scroll_to_top();
    });
    let state = state.clone();
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|window| {
            EventListener::new(&window, "hashchange", move |_| {
                browser::note_hash();
                state.dispatch(Action::Navigate(browser::current_route()));
            })
        });
        move || drop(listener)
    });
}

/// "Reload to update" appears when the service worker has a new version waiting.
#[hook]
fn use_update_banner(state: &AppHandle) {
    let state = state.clone();
    use_effect_with((), move |_| {
        if browser::update_already_waiting() {
            state.dispatch(Action::UpdateReady);
        }
        let listener = web_sys::window().map(|window| {
            EventListener::new(&window, "rapport-update-ready", move |_| {
                state.dispatch(Action::UpdateReady)
            })
        });
        move || drop(listener)
    });
}

/// Embedding: appearance from the URL, `ready` and `resize` to the host, its commands obeyed,
/// and `completed` when an assessment is finished in this session.
#[hook]
fn use_embedding(state: &AppHandle) {
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let config = host_frame::config();
            host_frame::apply_appearance(&config);
            host_frame::post(&config, &embed_protocol::ready_message(state.lang));
            let height = host_frame::observe_height(config.clone());
            let commands = host_frame::listen(config, move |command| match command {
                embed_protocol::Command::SetLang(lang) => {
                    let show = state.clone();
                    in_language(&state, lang, move || show.dispatch(Action::ShowLang(lang)));
                }
            });
            move || {
                if let Some((observer, _callback)) = height {
                    observer.disconnect();
                }
                drop(commands);
            }
        });
    }
    let state = state.clone();
    use_effect_with(state.last_completed.clone(), move |completed| {
        let record = completed.as_ref().and_then(|(account, assessment)| {
            state
                .account(account)
                .and_then(|a| a.assessment(assessment))
        });
        if let (Some(record), Some(loaded)) = (record, state.loaded()) {
            let (bank, answers) = (loaded.bank, record.answers.clone());
            // The scoring code comes with the record code; a failed fetch posts nothing (the
            // host hears of the next completion).
            with_records(move |records| {
                if let Some(records) = records {
                    let summary = (records.summarize)(bank, &answers);
                    host_frame::post(
                        &host_frame::config(),
                        &embed_protocol::completed_message(&summary),
                    );
                }
            });
        }
    });
}

/// The question bank and action texts arrive on demand (see `ui::data`).
#[hook]
fn use_data_loading(state: &AppHandle) {
    let state = state.clone();
    use_effect_with(state.should_load_data(), move |should| {
        if *should {
            crate::ui::edge::data::start_loading(state);
        }
    });
}

/// Another tab's writes to an account show up here (the `storage` event fires only in the other
/// tabs of the same origin).
#[hook]
fn use_storage_sync(state: &AppHandle) {
    let state = state.clone();
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|window| {
            EventListener::new(&window, "storage", move |event| {
                let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                    return;
                };
                let key = event.key().unwrap_or_default();
                if !key.starts_with(crate::engine::storage::store::ACCOUNT_PREFIX) {
                    return;
                }
                let value = event.new_value();
                let state = state.clone();
                // Reading the record takes the record code. If it cannot be fetched the change
                // is not lost: it is in storage, and this tab's next save of the account finds
                // another revision there and merges it.
                with_records(move |records| {
                    let Some(Records { ops, .. }) = records else {
                        return;
                    };
                    if let Some(change) = persist::external_change(&key, value.as_deref(), &ops) {
                        state.dispatch(Action::External { change, ops });
                    }
                });
            })
        });
        move || drop(listener)
    });
}

/// A note still being typed is saved when the page is hidden (a tab switch, a phone's home
/// button) or closed: both fire before the page can be discarded.
#[hook]
fn use_note_flush_on_hide() {
    use_effect_with((), |_| {
        let listeners = web_sys::window().map(|window| {
            let hide = EventListener::new(&window, "pagehide", |_| {
                crate::ui::screens::questionnaire::flush_note_on_hide();
            });
            let hidden = window.document().map(|document| {
                EventListener::new(&document.clone(), "visibilitychange", move |_| {
                    if document.hidden() {
                        crate::ui::screens::questionnaire::flush_note_on_hide();
                    }
                })
            });
            (hide, hidden)
        });
        move || drop(listeners)
    });
}

/// Once the app runs, what is left of the build-time render goes (the other language's
/// template), and `<html data-app="running">` says the app has taken over.
#[hook]
fn use_prerender_takeover() {
    use_effect_with((), |_| browser::took_over());
}

/// Fetches the deferred screens' code ahead of need, but never on a new visitor's way to the
/// first question: on a home screen that lists accounts (the next click opens one), and in the
/// questionnaire once past its first section (results come next).
#[hook]
fn use_later_prefetch(state: &AppHandle) {
    let wanted = match &state.route {
        Route::Home => !state.accounts.is_empty(),
        Route::Assess { account } => state
            .account(account)
            .and_then(|a| a.draft())
            .is_some_and(|d| d.cursor.section > 0),
        _ => false,
    };
    // The scoring code that comes with the record code: for the home cards' figures (a draft's
    // card shows none), and past the questionnaire's first section for the completion's summary
    // (embedding) and the card it makes.
    let records = wanted
        && match &state.route {
            Route::Home => state
                .accounts
                .iter()
                .any(|a| a.latest_completed().is_some()),
            _ => true,
        };
    let state = state.clone();
    use_effect_with(
        (wanted, records, state.lang),
        move |&(wanted, records, lang)| {
            if wanted {
                crate::ui::lazy::prefetch(lang);
            }
            let labels = crate::engine::text::labels::labels_cover(lang);
            if records && (crate::ui::lazy::records().is_none() || !labels) {
                let texts = crate::ui::edge::data::ensure_later_texts(lang);
                yew::platform::spawn_local(async move {
                    let code = crate::ui::lazy::load_records().await;
                    if code.is_some() & texts.await.is_ok() {
                        state.dispatch(Action::CodeArrived);
                    }
                });
            }
        },
    );
}

/// The undo offer for a deleted account lasts ten seconds.
#[hook]
fn use_undo_timer(state: &AppHandle) {
    let deleted = state.recently_deleted.as_ref().map(|(a, _)| a.id.clone());
    let state = state.clone();
    use_effect_with(deleted, move |deleted| {
        let timeout = deleted.as_ref().map(|_| {
            gloo_timers::callback::Timeout::new(10_000, move || {
                state.dispatch(Action::ForgetDeleted)
            })
        });
        move || drop(timeout)
    });
}

/// Properties of [`StartFailed`].
#[cfg(target_arch = "wasm32")] // Shown only by a start in the browser.
#[derive(Properties, PartialEq)]
pub struct StartFailedProps {
    /// The language the app would have started in.
    pub lang: Lang,
}

/// What shows instead of the app when the code that reads the stored accounts, or the interface
/// texts, could not be fetched (`ui::start`): nothing stored has been read or touched, and a
/// reload tries again. Its few words are here, in both languages, because the interface texts
/// may be what is missing.
#[cfg(target_arch = "wasm32")]
#[function_component]
pub fn StartFailed(props: &StartFailedProps) -> Html {
    // The language only: the title is the page's own, as the interface texts may be missing.
    use_effect_with(props.lang, |lang| browser::set_document_lang(*lang));
    use_prerender_takeover();
    let (tagline, heading, text, reload_label) = match props.lang {
        Lang::En => (
            "Key-account relationship assessment",
            "Rapport could not be loaded",
            "Part of its code did not arrive. Check your connection, then reload the page. Your saved data is not affected.",
            "Reload",
        ),
        Lang::Zh => (
            "大客户关系评估",
            "Rapport 无法加载",
            "部分程序未能加载。请检查网络连接，然后重新加载页面。您保存的数据不受影响。",
            "重新加载",
        ),
    };
    let reload = Callback::from(|_: MouseEvent| browser::reload());
    html! {
        <>
        <header class="site-header">
            <span class="brand">
                <span class="brand-name">{ "Rapport" }</span>
                <span class="brand-tagline">{ tagline }</span>
            </span>
        </header>
        <main id="main">
            <div class="data-pending notice" role="alert" data-lazy="start-failed">
                <h1>{ heading }</h1>
                <p>{ text }</p>
                <button type="button" class="button-primary" data-action="reload" onclick={reload}>{ reload_label }</button>
            </div>
        </main>
        </>
    }
}

/// What the application starts from.
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// In the browser [`boot_state`]'s; for the build-time render of the first screen, a new
    /// visitor's ([`crate::ui::prerender`]).
    pub initial: AppState,
}

/// The application.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer(|| props.initial.clone());
    let m = messages(state.lang);
    use_document_lang(state.lang);
    use_persistence(&state);
    use_route_sync(&state);
    use_update_banner(&state);
    use_embedding(&state);
    use_data_loading(&state);
    use_storage_sync(&state);
    use_note_flush_on_hide();
    use_prerender_takeover();
    use_later_prefetch(&state);
    use_undo_timer(&state);

    let on_lang = {
        let state = state.clone();
        Callback::from(move |lang: Lang| {
            let switch = state.clone();
            in_language(&state, lang, move || switch.dispatch(Action::SetLang(lang)));
            // Persist at the edge, and only when doing so cannot destroy an unpreserved value.
            if state.persist_settings {
                let mut next = state.settings.clone();
                next.lang = Some(lang);
                if let Err(error) = settings::save(&BrowserStore, &next) {
                    state.dispatch(Action::Notify(NoticeKind::NotSaved {
                        target: SaveTarget::Settings,
                        error,
                    }));
                }
            }
        })
    };
    let on_dismiss = dispatcher(&state, Action::Dismiss);

    let screen = match &state.route {
        Route::Home => home(&state),
        Route::New => html! { <Start /> },
        Route::Assess { account } => questionnaire(&state, account),
        deferred => html! { <Later route={deferred.clone()} /> },
    };

    html! {
        <ContextProvider<AppHandle> context={state.clone()}>
            <a class="skip-link" href="#main" onclick={Callback::from(|e: MouseEvent| {
                // The fragment is the router's: move focus without changing it.
                e.prevent_default();
                browser::focus_element("main");
            })}>{ m.skip_to_content() }</a>
            <header class="site-header">
                // A respondent sees only the questionnaire: no way into the app's own screens.
                if matches!(state.route, Route::Respond { .. }) {
                    <span class="brand">
                        <span class="brand-name">{ m.app_name() }</span>
                        <span class="brand-tagline">{ m.tagline() }</span>
                    </span>
                } else {
                    <a class="brand" href="#/">
                        <span class="brand-name">{ m.app_name() }</span>
                        <span class="brand-tagline">{ m.tagline() }</span>
                    </a>
                }
                if !matches!(state.route, Route::Respond { .. } | Route::Sync) && sync_is_on() {
                    <Later route={Route::Sync} sync_status=true />
                }
                { lang_switch(state.lang, m.language_switch_label(), on_lang) }
            </header>
            if state.update_ready {
                <div class="update-banner" role="status" data-update="ready">
                    <p>{ m.update_available() }</p>
                    <button type="button" class="button-primary" data-action="apply-update"
                        onclick={Callback::from(|_| browser::apply_update())}>{ m.reload_to_update() }</button>
                </div>
            }
            if let Some((account, _)) = &state.recently_deleted {
                <div class="update-banner" role="status" data-deleted={account.id.clone()}>
                    <p>{ m.deleted(&account.name) }</p>
                    <button type="button" class="button-secondary" data-action="undo-delete"
                        onclick={dispatcher(&state, |_| Action::UndoDelete)}>{ m.undo() }</button>
                </div>
            }
            if !state.notices.is_empty() {
                { notices(&state, on_dismiss) }
            }
            <main id="main" tabindex="-1">{ screen }</main>
            <footer class="site-footer">
                <p>{ m.privacy_note() }</p>
                if !matches!(state.route, Route::Respond { .. }) {
                    <p><a href="#/sync" data-action="sync-settings">{ m.sync_link() }</a></p>
                }
            </footer>
        </ContextProvider<AppHandle>>
    }
}

/// Runs `change` (a change of the shown language to `lang`) once `lang`'s interface texts are
/// installed: at once if they are, after fetching them if not. If they cannot be fetched the
/// screen stays as it is, with a notice in the current language saying why.
pub(crate) fn in_language(state: &AppHandle, lang: Lang, change: impl FnOnce() + 'static) {
    if crate::engine::text::i18n::installed(lang) {
        change();
        return;
    }
    let state = state.clone();
    yew::platform::spawn_local(async move {
        match crate::ui::edge::data::ensure_messages(lang).await {
            Ok(()) => change(),
            Err(error) => state.dispatch(Action::Notify(NoticeKind::LanguageUnavailable {
                lang,
                error,
            })),
        }
    });
}

/// Two toggle buttons, each named in its own language so either reader can find theirs.
fn lang_switch(current: Lang, label: &'static str, on_change: Callback<Lang>) -> Html {
    html! {
        <nav class="lang-switch" aria-label={label}>
            { for Lang::ALL.iter().map(|&lang| {
                let pressed = lang == current;
                let onclick = on_change.reform(move |_| lang);
                html! {
                    <button type="button" lang={lang.html_tag()} data-lang={lang.id()}
                        aria-pressed={pressed.to_string()} {onclick}>
                        { lang.native_name() }
                    </button>
                }
            }) }
        </nav>
    }
}
