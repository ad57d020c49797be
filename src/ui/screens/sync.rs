//! Team sync: the settings (the team database, sign-in, on and off), the status, the conflicts
//! waiting for the user and the documents kept aside; and the header's status badge, which
//! also runs the rounds. All in the later module: a visitor who never turns sync on never
//! fetches any of it.

use serde_json::Value;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::engine::model::bank::Bank;
use crate::engine::scoring::{later_text, later_text_with};
use crate::engine::state::app::Action;
use crate::engine::sync::config::{check_token, check_url, SyncConfig, SyncStatus};
use crate::engine::sync::merge3::{resolve, Conflict, Field, Resolved, Side};
use crate::engine::sync::state::SyncState;
use crate::engine::text::explain::date;
use crate::engine::text::lang::Lang;
use crate::ui::edge::browser;
use crate::ui::edge::sync as driver;
use crate::ui::root::use_app;

fn t(lang: Lang, key: &str) -> &'static str {
    later_text(lang, key)
}

/// Re-renders the calling component whenever the sync status changes.
#[hook]
fn use_sync_status() -> (SyncStatus, SyncState) {
    let tick = use_state(|| 0_u32);
    {
        let tick = tick.clone();
        use_effect_with((), move |_| {
            let id = driver::subscribe(Callback::from(move |()| tick.set(tick.wrapping_add(1))));
            move || driver::unsubscribe(id)
        });
    }
    driver::snapshot()
}

/// The time of day of a moment, `HH:MM` in the user's time zone.
fn clock(ms: u64) -> String {
    #[expect(
        clippy::cast_precision_loss,
        reason = "milliseconds since 1970 fit in f64 exactly"
    )]
    let when = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    format!("{:02}:{:02}", when.get_hours(), when.get_minutes())
}

fn status_text(lang: Lang, status: &SyncStatus) -> String {
    let key = format!("sync.status.{}", status.message_id());
    match status {
        SyncStatus::Synced { at_ms } => later_text_with(lang, &key, &[("time", &clock(*at_ms))]),
        _ => t(lang, &key).to_owned(),
    }
}

/// A count in words: `<key>_one` for one, `<key>` with `{n}` for any other number.
fn count(lang: Lang, key: &str, n: usize) -> String {
    if n == 1 {
        t(lang, &format!("{key}_one")).to_owned()
    } else {
        later_text_with(lang, key, &[("n", &n.to_string())])
    }
}

/// The header's status: one element, `data-sync-status`, with the changes waiting.
#[function_component]
fn SyncBadge() -> Html {
    let state = use_app();
    driver::observe(&state);
    let (status, sync) = use_sync_status();
    let waiting = sync.waiting(&state.accounts);
    let lang = state.lang;
    // Chinese runs on without spaces after its full-width punctuation.
    let gap = if lang == Lang::Zh { "" } else { " " };
    let mut text = status_text(lang, &status);
    if waiting > 0 && !matches!(status, SyncStatus::Off) {
        text = format!("{text}{gap}{}", count(lang, "sync.waiting", waiting));
    }
    html! {
        <p class="sync-badge" role="status" data-sync-status={status.code()}
            data-sync-waiting={waiting.to_string()} data-sync-conflicts={sync.conflicts.len().to_string()}>
            <a href="#/sync" class="sync-badge-label">{ t(lang, "sync.badge") }</a>
            { gap }
            <span class="sync-badge-text">{ text }</span>
            if !sync.conflicts.is_empty() {
                { gap }
                <span class="sync-badge-conflicts">{ count(lang, "sync.conflicts.count", sync.conflicts.len()) }</span>
            }
        </p>
    }
}

/// The header's badge, for the first load's `lazy::LaterSync`.
pub fn badge() -> Html {
    html! { <SyncBadge /> }
}

/// The settings screen with the status on top, for `lazy::LaterSync`.
pub fn screen() -> Html {
    html! { <><SyncBadge /><SyncScreen /></> }
}

/// How the member signs in.
enum SignIn {
    /// Name and password, traded for CouchDB's session cookie.
    Password { user: String, password: String },
    /// A bearer token (CouchDB's JWT authentication), kept for this tab.
    Token(String),
    /// Nothing typed: the browser may already be signed in (a session cookie, or a company's
    /// login proxy in front of the server).
    AlreadySignedIn,
}

/// Signs in: `Ok((member, with a token))`, or the message that says what to do.
async fn sign_in(lang: Lang, db_url: &str, how: SignIn) -> Result<(String, bool), String> {
    let failed = |status: u16| {
        later_text_with(
            lang,
            "sync.sign_in.failed",
            &[("status", &status.to_string())],
        )
    };
    let offline = || t(lang, "sync.sign_in.offline").to_owned();
    match how {
        SignIn::Password { user, password } => {
            let _ = driver::set_token(None);
            match driver::sign_in(db_url, &user, &password).await {
                Ok(200..=299) => Ok((user, false)),
                Ok(401 | 403) => Err(t(lang, "sync.sign_in.wrong").to_owned()),
                Ok(status) => Err(failed(status)),
                Err(()) => Err(offline()),
            }
        }
        SignIn::Token(jwt) => match driver::who_is_signed_in(db_url, Some(&jwt)).await {
            Ok((200..=299, Some(member))) => match driver::set_token(Some(&jwt)) {
                Ok(()) => Ok((member, true)),
                Err(()) => Err(t(lang, "sync.status.storage_full").to_owned()),
            },
            Ok((200..=299 | 401 | 403, _)) => Err(t(lang, "sync.token.refused").to_owned()),
            Ok((status, _)) => Err(failed(status)),
            Err(()) => Err(offline()),
        },
        SignIn::AlreadySignedIn => match driver::who_is_signed_in(db_url, None).await {
            Ok((200..=299, Some(member))) => Ok((member, false)),
            Ok((200..=299 | 401 | 403, _)) => Err(t(lang, "sync.sign_in.no_password").to_owned()),
            Ok((status, _)) => Err(failed(status)),
            Err(()) => Err(offline()),
        },
    }
}

fn input_value(e: &Event) -> String {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|i| i.value())
        .unwrap_or_default()
}

/// The settings screen.
#[function_component]
pub fn SyncScreen() -> Html {
    let state = use_app();
    let lang = state.lang;
    let (_, sync) = use_sync_status();
    let stored = use_memo((), |_| driver::config());
    let url = use_state(|| stored.url.clone());
    let user = use_state(|| stored.user.clone());
    let password = use_state(String::new);
    let token = use_state(String::new);
    let message = use_state(|| None::<String>);
    let busy = use_state(|| false);
    let on = driver::config().on;

    let on_submit = {
        let (url, user, password, token, message, busy) = (
            url.clone(),
            user.clone(),
            password.clone(),
            token.clone(),
            message.clone(),
            busy.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let origin = web_sys::window()
                .and_then(|w| w.location().origin().ok())
                .unwrap_or_default();
            let checked = match check_url(&url, &origin, driver::sync_origin().as_deref()) {
                Ok(path) => path,
                Err(error) => {
                    message.set(Some(
                        t(lang, &format!("sync.url.{}", error.id())).to_owned(),
                    ));
                    return;
                }
            };
            let how = if !token.trim().is_empty() {
                match check_token(&token) {
                    Ok(jwt) => SignIn::Token(jwt),
                    Err(_) => {
                        message.set(Some(t(lang, "sync.token.malformed").to_owned()));
                        return;
                    }
                }
            } else if !password.is_empty() {
                if user.trim().is_empty() {
                    message.set(Some(t(lang, "sync.sign_in.no_user").to_owned()));
                    return;
                }
                SignIn::Password {
                    user: user.trim().to_owned(),
                    password: (*password).clone(),
                }
            } else {
                SignIn::AlreadySignedIn
            };
            let (user, message, busy, password, token) = (
                user.clone(),
                message.clone(),
                busy.clone(),
                password.clone(),
                token.clone(),
            );
            busy.set(true);
            yew::platform::spawn_local(async move {
                let answer = sign_in(lang, &checked, how).await;
                busy.set(false);
                password.set(String::new());
                token.set(String::new());
                let text = match answer {
                    Ok((member, with_token)) => {
                        user.set(member.clone());
                        let config = SyncConfig {
                            url: checked,
                            user: member,
                            on: true,
                            token: with_token,
                        };
                        match driver::save_config(&config) {
                            Ok(()) => {
                                driver::start_rounds();
                                None
                            }
                            Err(_) => Some(t(lang, "sync.status.storage_full").to_owned()),
                        }
                    }
                    Err(text) => Some(text),
                };
                message.set(text);
            });
        })
    };
    let on_off = {
        let message = message.clone();
        Callback::from(move |_: MouseEvent| {
            let mut config = driver::config();
            config.on = false;
            match driver::save_config(&config) {
                Ok(()) => {
                    driver::stop_rounds();
                    let url = config.url.clone();
                    yew::platform::spawn_local(async move { driver::sign_out(&url).await });
                    message.set(None);
                }
                Err(_) => message.set(Some(t(lang, "sync.status.storage_full").to_owned())),
            }
        })
    };
    let field = |id: &'static str,
                 kind: &'static str,
                 value: &UseStateHandle<String>,
                 autocomplete: &'static str| {
        let setter = value.clone();
        html! {
            <p class="field">
                <label for={format!("sync-{id}")}>{ t(lang, &format!("sync.field.{id}")) }</label>
                <input id={format!("sync-{id}")} type={kind} data-field={format!("sync-{id}")}
                    autocomplete={autocomplete} value={(**value).clone()}
                    aria-describedby={format!("sync-{id}-hint")}
                    onchange={Callback::from(move |e: Event| setter.set(input_value(&e)))}
                    oninput={{ let setter = value.clone(); Callback::from(move |e: InputEvent| setter.set(input_value(&e))) }} />
                <span class="meta" id={format!("sync-{id}-hint")}>{ t(lang, &format!("sync.hint.{id}")) }</span>
            </p>
        }
    };
    html! {
        <section class="sync-screen" aria-labelledby="sync-heading" data-screen="sync">
            <h1 id="sync-heading">{ t(lang, "sync.heading") }</h1>
            <p>{ t(lang, "sync.intro") }</p>
            if let Some(text) = &*message {
                <p class="notice" role="alert" data-sync-message="">{ text.clone() }</p>
            }
            <form class="sync-form" onsubmit={on_submit}>
                <fieldset>
                    <legend>{ t(lang, "sync.legend") }</legend>
                    { field("url", "text", &url, "url") }
                    { field("user", "text", &user, "username") }
                    { field("password", "password", &password, "current-password") }
                    { field("token", "password", &token, "off") }
                </fieldset>
                <p class="card-actions">
                    <button type="submit" class="button-primary" data-action="sync-on" disabled={*busy}>
                        { t(lang, if on { "sync.sign_in_again" } else { "sync.on" }) }
                    </button>
                    if on {
                        <button type="button" class="button-secondary" data-action="sync-now"
                            onclick={Callback::from(|_| driver::run_now())}>{ t(lang, "sync.now") }</button>
                        <button type="button" class="button-secondary" data-action="sync-off" onclick={on_off}>
                            { t(lang, "sync.off") }</button>
                    }
                </p>
            </form>
            <SignOut message={message.clone()} />
            { conflicts(lang, &sync) }
            { kept(lang, &sync) }
        </section>
    }
}

/// Properties of [`SignOut`].
#[derive(Properties, PartialEq)]
struct SignOutProps {
    /// The settings screen's message line, which says how it went.
    message: UseStateHandle<Option<String>>,
}

/// Signing out and removing the team's accounts: first what goes (and what has not been sent
/// yet), with an export of exactly those, then the removal.
#[function_component]
fn SignOut(props: &SignOutProps) -> Html {
    let state = use_app();
    let lang = state.lang;
    let m = crate::engine::text::i18n::messages(lang);
    let (_, sync) = use_sync_status();
    let confirming = use_state(|| false);
    let plan = sync.sign_out_plan(&state.accounts);
    if plan.remove.is_empty() {
        return html! {};
    }
    let leaving: Vec<_> = state
        .accounts
        .iter()
        .filter(|a| plan.remove.contains(&a.id))
        .cloned()
        .collect();
    let names = leaving
        .iter()
        .map(|a| a.name.as_str())
        .collect::<Vec<_>>()
        .join(if lang == Lang::Zh { "、" } else { ", " });
    let set = |v: bool| {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(v))
    };
    let export = {
        let leaving = leaving.clone();
        Callback::from(move |_: MouseEvent| {
            crate::ui::widgets::data_tools::download_everything(&leaving);
        })
    };
    let remove = {
        let (state, message, confirming) =
            (state.clone(), props.message.clone(), confirming.clone());
        Callback::from(move |_: MouseEvent| {
            let text = match driver::sign_out_and_remove(&state) {
                Ok(n) => later_text_with(lang, "sync.sign_out.done", &[("count", &n.to_string())]),
                Err(_) => t(lang, "sync.sign_out.failed").to_owned(),
            };
            confirming.set(false);
            message.set(Some(text));
        })
    };
    html! {
        <section class="sync-sign-out" aria-labelledby="sync-sign-out-heading">
            <h2 id="sync-sign-out-heading">{ t(lang, "sync.sign_out.heading") }</h2>
            if *confirming {
                <div class="discard" role="alert" data-sign-out-plan={plan.remove.len().to_string()}
                    data-sign-out-unsent={plan.unsent.len().to_string()}>
                    <p>{ later_text_with(lang, "sync.sign_out.intro", &[("count", &plan.remove.len().to_string()), ("names", &names)]) }</p>
                    if !plan.unsent.is_empty() {
                        <p><strong>{ later_text_with(lang, "sync.sign_out.unsent", &[("count", &plan.unsent.len().to_string())]) }</strong></p>
                    }
                    if plan.stays > 0 {
                        <p>{ later_text_with(lang, "sync.sign_out.local", &[("count", &plan.stays.to_string())]) }</p>
                    }
                    <p class="card-actions">
                        <button type="button" class="button-secondary" data-action="sync-export" onclick={export}>
                            { t(lang, "sync.sign_out.export") }</button>
                        <button type="button" class="button-danger" data-action="sync-sign-out-confirm" onclick={remove}>
                            { t(lang, "sync.sign_out.confirm") }</button>
                        <button type="button" class="button-secondary" onclick={set(false)}>{ m.cancel() }</button>
                    </p>
                </div>
            } else {
                <p class="card-actions">
                    <button type="button" class="button-secondary" data-action="sync-sign-out" onclick={set(true)}>
                        { t(lang, "sync.sign_out") }</button>
                </p>
            }
        </section>
    }
}

fn conflicts(lang: Lang, sync: &SyncState) -> Html {
    html! {
        <section class="sync-conflicts" aria-labelledby="sync-conflicts-heading">
            <h2 id="sync-conflicts-heading">{ t(lang, "sync.conflicts.heading") }</h2>
            if sync.conflicts.is_empty() {
                <p>{ t(lang, "sync.conflicts.none") }</p>
            } else {
                <p>{ t(lang, "sync.conflicts.intro") }</p>
                <ul class="sync-conflict-list">
                    { for sync.conflicts.iter().enumerate().map(|(i, c)| html! { <ConflictItem index={i} conflict={c.clone()} /> }) }
                </ul>
            }
        </section>
    }
}

/// Properties of [`ConflictItem`].
#[derive(Properties, PartialEq)]
struct ConflictProps {
    index: usize,
    conflict: Conflict,
}

/// One conflict: the field, both values and who made theirs when, and the two choices.
#[function_component]
fn ConflictItem(props: &ConflictProps) -> Html {
    let state = use_app();
    let lang = state.lang;
    let c = &props.conflict;
    let account = state.account(&c.account);
    let bank = state.loaded().map(|l| l.bank);
    let account_name = account.map_or_else(|| c.account.as_str().to_owned(), |a| a.name.clone());
    let what = bank.map_or_else(String::new, |bank| field_text(lang, bank, c));
    let choose = |side: Side| {
        let state = state.clone();
        let conflict = c.clone();
        Callback::from(move |_: MouseEvent| {
            let (_, mut sync) = driver::snapshot();
            let now = browser::now_ms();
            if let Some(mut record) = state.account(&conflict.account).cloned() {
                match resolve(&mut record, &conflict, side, now) {
                    Ok(Resolved::Record) => state.dispatch(Action::Edited {
                        record: Box::new(record),
                        ops: crate::engine::storage::record_ops::RecordOps::FULL,
                    }),
                    Ok(Resolved::DeleteAccount) => state.dispatch(Action::Delete {
                        account_id: conflict.account.clone(),
                    }),
                    Err(_) => {}
                }
            }
            sync.conflicts.retain(|x| !x.same_field(&conflict));
            if driver::save_state(&sync).is_ok() {
                driver::run_now();
            }
        })
    };
    let heading_id = format!("sync-conflict-{}", props.index);
    html! {
        <li data-conflict={field_code(&c.field)} aria-labelledby={heading_id.clone()}>
            <h3 id={heading_id}>{ format!("{account_name}: {what}") }</h3>
            <dl>
                <dt>{ t(lang, "sync.conflict.mine") }</dt>
                <dd data-side="mine">{ bank.map_or_else(String::new, |b| value_text(lang, b, c, &c.mine)) }</dd>
                <dt>{ later_text_with(lang, "sync.conflict.theirs", &[("who", &c.by), ("date", &date(c.theirs_ms))]) }</dt>
                <dd data-side="theirs">{ bank.map_or_else(String::new, |b| value_text(lang, b, c, &c.theirs)) }</dd>
            </dl>
            <p class="meta">{ t(lang, if c.kept == Side::Mine { "sync.conflict.kept_mine" } else { "sync.conflict.kept_theirs" }) }</p>
            <p class="card-actions">
                <button type="button" class="button-secondary" data-action="keep-mine" onclick={choose(Side::Mine)}>
                    { t(lang, "sync.keep_mine") }</button>
                <button type="button" class="button-secondary" data-action="keep-theirs" onclick={choose(Side::Theirs)}>
                    { t(lang, "sync.keep_theirs") }</button>
            </p>
        </li>
    }
}

fn field_code(field: &Field) -> String {
    match field {
        Field::Details => "details".into(),
        Field::Answer { question, .. } => format!("answer:{question}"),
        Field::Note { question, .. } => format!("note:{question}"),
        Field::Draft { .. } => "draft".into(),
        Field::Item { id, .. } => format!("item:{id}"),
        Field::Account => "account".into(),
    }
}

/// What the conflict is about, in words.
fn field_text(lang: Lang, bank: &Bank, c: &Conflict) -> String {
    let question = |id: &str| {
        bank.question(id)
            .map_or_else(|| id.to_owned(), |q| q.prompt.get(lang).to_owned())
    };
    match &c.field {
        Field::Details => t(lang, "sync.field_kind.details").to_owned(),
        Field::Answer { question: q, .. } => later_text_with(
            lang,
            "sync.field_kind.answer",
            &[("question", &question(q))],
        ),
        Field::Note { question: q, .. } => {
            later_text_with(lang, "sync.field_kind.note", &[("question", &question(q))])
        }
        Field::Draft { .. } => t(lang, "sync.field_kind.draft").to_owned(),
        Field::Item { id, .. } => {
            let name = [&c.mine, &c.theirs]
                .iter()
                .find_map(|v| {
                    v.get("title")
                        .or_else(|| v.get("name"))
                        .or_else(|| v.get("shown"))
                        .and_then(Value::as_str)
                })
                .unwrap_or(id)
                .to_owned();
            later_text_with(lang, "sync.field_kind.item", &[("name", &name)])
        }
        Field::Account => t(lang, "sync.field_kind.account").to_owned(),
    }
}

/// One side's value, in words.
fn value_text(lang: Lang, bank: &Bank, c: &Conflict, value: &Value) -> String {
    if value.is_null() {
        return t(
            lang,
            match c.field {
                Field::Answer { .. } | Field::Note { .. } => "sync.value.none",
                Field::Draft { .. } => "sync.value.discarded",
                _ => "sync.value.removed",
            },
        )
        .to_owned();
    }
    match &c.field {
        Field::Answer { question, .. } => match value {
            Value::String(s) if s == "dk" => t(lang, "sync.value.dont_know").to_owned(),
            Value::Number(n) => bank
                .question(question)
                .and_then(|q| {
                    n.as_u64()
                        .and_then(|i| q.options.get(usize::try_from(i).ok()?))
                })
                .map_or_else(|| n.to_string(), |o| o.label.get(lang).to_owned()),
            _ => String::new(),
        },
        Field::Note { .. } => value.as_str().unwrap_or_default().to_owned(),
        Field::Details => ["name", "industry"]
            .iter()
            .filter_map(|k| value.get(*k).and_then(Value::as_str))
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · "),
        Field::Draft { .. } | Field::Account => t(lang, "sync.value.kept").to_owned(),
        Field::Item { .. } => ["title", "name", "shown", "status", "due", "owner"]
            .iter()
            .filter_map(|k| value.get(*k).and_then(Value::as_str))
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · "),
    }
}

fn kept(lang: Lang, sync: &SyncState) -> Html {
    if sync.kept.is_empty() {
        return Html::default();
    }
    html! {
        <section class="sync-kept" aria-labelledby="sync-kept-heading">
            <h2 id="sync-kept-heading">{ t(lang, "sync.kept.heading") }</h2>
            <p>{ t(lang, "sync.kept.intro") }</p>
            <ul>
                { for sync.kept.iter().map(|k| html! {
                    <li data-kept={k.id.clone()}>
                        <strong>{ t(lang, if k.by_server { "sync.kept.by_server" } else { "sync.kept.pulled" }) }</strong>
                        { " " }<code>{ k.id.clone() }</code>{ ": " }{ k.why.clone() }
                    </li>
                }) }
            </ul>
        </section>
    }
}
