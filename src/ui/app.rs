//! The root component: header with the language switch, notices, and the current screen.

use std::rc::Rc;

use yew::prelude::*;

use super::browser::{self, BrowserStore};
use super::notices::Notices;
use crate::core::app::{reduce, Action, AppState, NoticeKind};
use crate::core::i18n::messages;
use crate::core::lang::Lang;
use crate::core::settings;

/// Yew's reducer handle over the core's [`AppState`].
#[derive(PartialEq)]
struct State(AppState);

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(State(reduce(self.0.clone(), action)))
    }
}

fn boot_state() -> State {
    let boot = settings::boot(&BrowserStore, browser::now_ms());
    State(AppState::boot(boot, &browser::browser_languages()))
}

/// The application.
#[function_component]
pub fn App() -> Html {
    let state = use_reducer(boot_state);
    let app = &state.0;
    let m = messages(app.lang);

    use_effect_with(app.lang, |lang| {
        browser::set_document_lang(*lang);
        let m = messages(*lang);
        browser::set_document_title(&format!("{} · {}", m.app_name, m.tagline));
    });

    let on_lang = {
        let state = state.clone();
        Callback::from(move |lang: Lang| {
            state.dispatch(Action::SetLang(lang));
            // Persist at the edge, and only when doing so cannot destroy an unpreserved value.
            if state.0.persist_settings {
                let mut next = state.0.settings.clone();
                next.lang = Some(lang);
                if let Err(err) = settings::save(&BrowserStore, &next) {
                    state.dispatch(Action::Notify(NoticeKind::SettingsNotSaved(err)));
                }
            }
        })
    };
    let on_dismiss = {
        let state = state.clone();
        Callback::from(move |id: u32| state.dispatch(Action::Dismiss(id)))
    };

    html! {
        <>
            <a class="skip-link" href="#main">{ m.skip_to_content }</a>
            <header class="site-header">
                <div class="brand">
                    <span class="brand-name">{ m.app_name }</span>
                    <span class="brand-tagline">{ m.tagline }</span>
                </div>
                <LangSwitch current={app.lang} label={m.language_switch_label} on_change={on_lang} />
            </header>
            if !app.notices.is_empty() {
                <Notices notices={app.notices.clone()} lang={app.lang} on_dismiss={on_dismiss} />
            }
            <main id="main" tabindex="-1">
                <AccountsHome lang={app.lang} />
            </main>
            <footer class="site-footer"><p>{ m.privacy_note }</p></footer>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct LangSwitchProps {
    current: Lang,
    label: &'static str,
    on_change: Callback<Lang>,
}

/// Two toggle buttons, each named in its own language so either reader can find theirs.
#[function_component]
fn LangSwitch(props: &LangSwitchProps) -> Html {
    html! {
        <nav class="lang-switch" aria-label={props.label}>
            { for Lang::ALL.iter().map(|&lang| {
                let pressed = lang == props.current;
                let onclick = props.on_change.reform(move |_| lang);
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

#[derive(Properties, PartialEq)]
struct HomeProps {
    lang: Lang,
}

/// The accounts home screen; empty until assessments exist.
#[function_component]
fn AccountsHome(props: &HomeProps) -> Html {
    let m = messages(props.lang);
    html! {
        <section class="accounts" aria-labelledby="accounts-heading" data-screen="accounts">
            <h1 id="accounts-heading">{ m.accounts_heading }</h1>
            <div class="empty-state">
                <h2>{ m.accounts_empty_title }</h2>
                <p>{ m.accounts_empty_body }</p>
                <ol>
                    { for m.accounts_empty_steps.iter().map(|step| html! { <li>{ *step }</li> }) }
                </ol>
            </div>
        </section>
    }
}
