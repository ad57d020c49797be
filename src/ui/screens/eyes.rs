//! Other eyes (issue 17): the respondent's questionnaire (`#/respond/…`), the response brought
//! back (`#/response/…`), the account page's invitations and responses, and the perception gap
//! and team view shown there and on the results. Rendered only from the later module; strings
//! are the later texts (`eyes.*`).

use yew::prelude::*;

use crate::engine::model::answers::{position, Choice};
use crate::engine::model::bank::customer::CustomerSet;
use crate::engine::model::bank::Bank;
use crate::engine::model::eyes::{
    encode_choices, AttachError, Invitation, Kind, RespondDraft, RespondentRole, Response,
    CUSTOMER_VERSION,
};
use crate::engine::model::ids::AccountId;
use crate::engine::model::record::AccountRecord;
use crate::engine::scoring::eyes::{gap_trend, perception_gap, team_view, PerceptionGap, TeamView};
use crate::engine::scoring::{customer_set, later_text, later_text_with, round};
use crate::engine::state::app::{edited, Action};
use crate::engine::state::invite::{
    decode_invitation, decode_response, encode_invitation, encode_response, InvitationLink,
    LinkError,
};
use crate::engine::state::route::Route;
use crate::engine::storage::store::{KeyValueStore, RESPOND_PREFIX};
use crate::engine::text::bilingual::Text;
use crate::engine::text::explain::{date, lens_label};
use crate::engine::text::i18n::messages;
use crate::engine::text::lang::Lang;
use crate::ui::edge::browser::{self, BrowserStore};
use crate::ui::root::{use_app, AppHandle};

/// Fetches the customer questionnaire when `wanted` (and it is not in yet in `lang`), and
/// re-renders the caller when it arrives; `false` once a fetch failed (a re-render after the
/// language changes tries again).
#[hook]
pub fn use_customer(lang: Lang, wanted: bool) -> bool {
    let failed = use_state(|| false);
    let arrived = use_state(|| false);
    {
        let (failed, arrived) = (failed.clone(), arrived.clone());
        use_effect_with((lang, wanted), move |&(lang, wanted)| {
            if wanted && !crate::engine::model::bank::customer::customer_covers(lang) {
                yew::platform::spawn_local(async move {
                    let ok = crate::ui::edge::data::ensure_customer(lang).await.is_ok();
                    failed.set(!ok);
                    arrived.set(ok);
                });
            }
        });
    }
    !*failed
}

fn t(lang: Lang, key: &str) -> &'static str {
    later_text(lang, key)
}

fn link_error(lang: Lang, error: LinkError) -> &'static str {
    t(lang, &format!("eyes.error.{}", error.id()))
}

/// One question as the respondent's page shows it, whichever questionnaire it comes from.
struct Asked<'a> {
    position: usize,
    id: &'a str,
    prompt: &'a Text,
    options: Vec<&'a Text>,
}

/// A step: its title, intro and questions.
struct Step<'a> {
    title: &'a Text,
    intro: &'a Text,
    questions: Vec<Asked<'a>>,
}

fn customer_steps(set: &CustomerSet) -> Vec<Step<'_>> {
    set.sections
        .iter()
        .map(|s| Step {
            title: &s.title,
            intro: &s.intro,
            questions: set
                .questions
                .iter()
                .enumerate()
                .filter(|(_, q)| q.section == s.id)
                .map(|(position, q)| Asked {
                    position,
                    id: &q.id,
                    prompt: &q.prompt,
                    options: q.options.iter().map(|o| &o.label).collect(),
                })
                .collect(),
        })
        .collect()
}

fn colleague_steps(bank: &Bank) -> Vec<Step<'_>> {
    bank.sections
        .iter()
        .map(|s| Step {
            title: &s.title,
            intro: &s.intro,
            questions: bank
                .section_questions(&s.id)
                .filter_map(|q| {
                    Some(Asked {
                        position: position(&q.id)?,
                        id: &q.id,
                        prompt: &q.prompt,
                        options: q.options.iter().map(|o| &o.label).collect(),
                    })
                })
                .collect(),
        })
        .collect()
}

fn draft_key(invitation: &str) -> String {
    format!("{RESPOND_PREFIX}{invitation}")
}

/// Properties of the respondent's screen.
#[derive(Properties, PartialEq)]
pub struct RespondProps {
    pub payload: String,
}

/// The respondent's screen: only the invitation's questionnaire, a step at a time, the draft in
/// their own browser, and at the end the response to send back.
#[function_component]
pub fn Respond(props: &RespondProps) -> Html {
    let state = use_app();
    let lang = state.lang;
    let link = decode_invitation(&props.payload);
    let step = use_state(|| 0_usize);
    let answers = use_state(|| None::<Vec<Option<Choice>>>);
    let name = use_state(String::new);
    let finished = use_state(|| None::<String>);
    let keep = use_state(|| false);
    let role = use_state(|| None::<RespondentRole>);
    let unreadable_draft = use_state(|| false);
    let customer_ok = use_customer(lang, matches!(&link, Ok(l) if l.kind == Kind::Customer));
    let wants_bank = matches!(&link, Ok(l) if l.kind == Kind::Colleague);
    {
        let state = state.clone();
        use_effect_with(wants_bank, move |&wants| {
            if wants && state.loaded().is_none() {
                state.dispatch(Action::NeedData);
            }
        });
    }
    {
        // First open: the inviter's language, unless a draft shows the respondent was here.
        let (state, link) = (state.clone(), link.clone());
        use_effect_with(props.payload.clone(), move |_| {
            if let Ok(link) = &link {
                let stored = BrowserStore.get(&draft_key(&link.id)).ok().flatten();
                if stored.is_none() && state.lang != link.lang {
                    let (switch, lang) = (state.clone(), link.lang);
                    crate::ui::root::in_language(&state, lang, move || {
                        switch.dispatch(Action::SetLang(lang))
                    });
                }
            }
        });
    }
    let link = match link {
        Ok(link) => link,
        Err(error) => {
            return html! {
                <section class="card" data-screen="respond" data-invitation="refused">
                    <h1>{ t(lang, "eyes.respond.refused_heading") }</h1>
                    <p role="alert">{ link_error(lang, error) }</p>
                </section>
            };
        }
    };
    let bank = state.loaded().map(|l| l.bank);
    let steps = match (link.kind, customer_set(), bank) {
        (Kind::Customer, Some(set), _)
            if crate::engine::model::bank::customer::customer_covers(lang) =>
        {
            customer_steps(set)
        }
        (Kind::Colleague, _, Some(bank)) => colleague_steps(bank),
        (Kind::Customer, _, _) if !customer_ok => {
            let m = messages(lang);
            return html! {
                <div class="data-pending notice" role="alert" data-data="failed">
                    <p>{ m.screen_load_failed() }</p>
                </div>
            };
        }
        (Kind::Customer, _, _) => {
            return html! { <p class="data-pending" role="status" data-data="loading">{ messages(lang).loading_questions() }</p> };
        }
        _ => return crate::ui::edge::data::data_pending(&state),
    };
    let positions = link.kind.positions(link.version).unwrap_or(0);
    if answers.is_none() {
        let stored = BrowserStore.get(&draft_key(&link.id)).ok().flatten();
        let read = stored.as_deref().map(|s| RespondDraft::read(s, positions));
        match read {
            Some(Some((choices, stored_name))) => {
                name.set(stored_name);
                answers.set(Some(choices));
            }
            Some(None) => {
                unreadable_draft.set(true);
                answers.set(Some(vec![None; positions]));
            }
            None => answers.set(Some(vec![None; positions])),
        }
        return Html::default();
    }
    let current = (*answers).clone().unwrap_or_default();
    let save_draft = {
        let link_id = link.id.clone();
        move |choices: &[Option<Choice>], name: &str| {
            let draft = RespondDraft {
                answers: encode_choices(choices),
                name: name.to_owned(),
            };
            if let Ok(json) = serde_json::to_string(&draft) {
                // A full or blocked storage loses only the ability to resume later: the
                // answers stay on the page, and the response can still be made.
                let _ = BrowserStore.set(&draft_key(&link_id), &json);
            }
        }
    };
    if let Some(code) = &*finished {
        return finished_view(lang, &link, code, *keep);
    }
    let answered = current.iter().filter(|c| c.is_some()).count();
    let total_steps = steps.len();
    let at = (*step).min(total_steps);
    let go = |to: usize| {
        let step = step.clone();
        Callback::from(move |_: MouseEvent| {
            step.set(to);
            browser::scroll_to_top();
            browser::focus_element("respond-heading");
        })
    };
    let body = if at < total_steps {
        let s = &steps[at];
        let questions = s.questions.iter().map(|q| {
            let chosen = current.get(q.position).copied().flatten();
            let pick = |choice: Choice| {
                let (answers, name, save) = (answers.clone(), name.clone(), save_draft.clone());
                let position = q.position;
                Callback::from(move |_: Event| {
                    let mut next = (*answers).clone().unwrap_or_default();
                    if let Some(slot) = next.get_mut(position) {
                        *slot = Some(choice);
                    }
                    save(&next, &name);
                    answers.set(Some(next));
                })
            };
            let group = format!("r-{}", q.id.replace('.', "-"));
            html! {
                <fieldset class="question" data-question={q.id.to_owned()}>
                    <legend><span class="question-prompt">{ q.prompt.get(lang) }</span></legend>
                    <div class="options">
                        { for q.options.iter().enumerate().map(|(i, label)| {
                            let id = format!("{group}-{i}");
                            html! {
                                <div class="option">
                                    <input type="radio" id={id.clone()} name={group.clone()} value={i.to_string()}
                                        checked={chosen == Some(Choice::option(i))} onchange={pick(Choice::option(i))} />
                                    <label for={id}>{ label.get(lang) }</label>
                                </div>
                            }
                        }) }
                        <div class="option option-dk">
                            <input type="radio" id={format!("{group}-dk")} name={group.clone()} value="dk"
                                checked={chosen == Some(Choice::DontKnow)} onchange={pick(Choice::DontKnow)} />
                            <label for={format!("{group}-dk")}>{ t(lang, "eyes.respond.cant_say") }</label>
                        </div>
                    </div>
                </fieldset>
            }
        });
        html! {
            <>
                <h2>{ s.title.get(lang) }</h2>
                <p>{ s.intro.get(lang) }</p>
                { for questions }
            </>
        }
    } else {
        let on_name = {
            let (name, answers, save) = (name.clone(), answers.clone(), save_draft.clone());
            Callback::from(move |e: InputEvent| {
                let value = e
                    .target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value();
                save(&(*answers).clone().unwrap_or_default(), &value);
                name.set(value);
            })
        };
        let on_keep = {
            let keep = keep.clone();
            Callback::from(move |e: Event| {
                keep.set(
                    e.target_unchecked_into::<web_sys::HtmlInputElement>()
                        .checked(),
                );
            })
        };
        let finish = {
            let (link, finished, name, keep) =
                (link.clone(), finished.clone(), name.clone(), keep.clone());
            let (current, role) = (current.clone(), role.clone());
            Callback::from(move |_: MouseEvent| {
                let response = Response {
                    id: browser::new_id(),
                    invitation: link.id.clone(),
                    kind: link.kind,
                    version: link.version,
                    answered_ms: browser::now_ms() / 86_400_000 * 86_400_000,
                    name: crate::engine::model::record::clean_text(
                        &name,
                        crate::engine::model::eyes::MAX_RESPONDENT_CHARS,
                    )
                    .unwrap_or_default(),
                    answers: encode_choices(&current),
                    against: String::new(),
                    role: *role,
                    attached_ms: 0,
                };
                let code = encode_response(&response);
                if !*keep {
                    let _ = BrowserStore.remove(&draft_key(&link.id));
                }
                let config = crate::ui::edge::host_frame::config();
                crate::ui::edge::host_frame::post(
                    &config,
                    &crate::engine::state::embed::response_message(&link.id, link.kind.id(), &code),
                );
                finished.set(Some(code));
                browser::focus_element("respond-heading");
            })
        };
        html! {
            <>
                <h2>{ t(lang, "eyes.respond.finish_heading") }</h2>
                <p>{ later_text_with(lang, "eyes.respond.answered", &[("n", &answered.to_string()), ("total", &positions.to_string())]) }</p>
                <label for="respond-name">{ t(lang, "eyes.respond.name_label") }</label>
                <input id="respond-name" type="text" maxlength="80" autocomplete="name" value={(*name).clone()} oninput={on_name} />
                <p class="meta">{ t(lang, "eyes.respond.name_hint") }</p>
                if link.kind == Kind::Customer {
                    <fieldset class="question" data-question="respondent-role">
                        <legend>{ t(lang, "eyes.respond.role_legend") }</legend>
                        <div class="options">
                            { for RespondentRole::ALL.iter().map(|r| {
                                let id = format!("respond-role-{}", r.id());
                                let pick = {
                                    let (role, r) = (role.clone(), *r);
                                    Callback::from(move |_: Event| role.set(Some(r)))
                                };
                                html! {
                                    <div class="option">
                                        <input type="radio" id={id.clone()} name="respond-role" value={r.id()} checked={*role == Some(*r)} onchange={pick} />
                                        <label for={id}>{ t(lang, &format!("eyes.role.{}", r.id())) }</label>
                                    </div>
                                }
                            }) }
                        </div>
                    </fieldset>
                }
                <div class="option">
                    <input type="checkbox" id="respond-keep" checked={*keep} onchange={on_keep} />
                    <label for="respond-keep">{ t(lang, "eyes.respond.keep") }</label>
                </div>
                if answered == 0 {
                    <p class="notice" role="status">{ t(lang, "eyes.respond.none_yet") }</p>
                } else {
                    <button type="button" class="button-primary" data-action="finish-response" onclick={finish}>{ t(lang, "eyes.respond.finish") }</button>
                }
            </>
        }
    };
    let m = messages(lang);
    let intro = if link.shown.is_empty() {
        t(lang, &format!("eyes.respond.intro.{}", link.kind.id())).to_owned()
    } else {
        later_text_with(
            lang,
            &format!("eyes.respond.intro_named.{}", link.kind.id()),
            &[("name", &link.shown)],
        )
    };
    html! {
        <section class="questionnaire respond" aria-labelledby="respond-heading" data-screen="respond" data-kind={link.kind.id()}>
            <h1 id="respond-heading" tabindex="-1">{ t(lang, &format!("eyes.respond.heading.{}", link.kind.id())) }</h1>
            <p>{ intro }</p>
            <p class="meta">{ t(lang, "eyes.respond.privacy") }</p>
            if *unreadable_draft {
                <p class="notice" role="status">{ t(lang, "eyes.respond.draft_unreadable") }</p>
            }
            <p class="meta" role="status">{ later_text_with(lang, "eyes.respond.step", &[("n", &(at + 1).to_string()), ("total", &(total_steps + 1).to_string())]) }</p>
            { body }
            <div class="step-nav">
                if at > 0 {
                    <button type="button" class="button-secondary" data-action="respond-back" onclick={go(at - 1)}>{ m.back() }</button>
                }
                if at < total_steps {
                    <button type="button" class="button-primary" data-action="respond-next" onclick={go(at + 1)}>{ m.next_section() }</button>
                }
            </div>
        </section>
    }
}

/// What the respondent sends back: the link, the code and a file.
fn finished_view(lang: Lang, link: &InvitationLink, code: &str, kept: bool) -> Html {
    let url = browser::page_url_with(
        &Route::Response {
            payload: code.to_owned(),
        }
        .to_hash(),
    );
    let download = {
        let (url, code) = (url.clone(), code.to_owned());
        let intro = t(lang, "eyes.respond.file_intro");
        Callback::from(move |_: MouseEvent| {
            browser::download(
                &crate::ui::widgets::data_tools::file_name("rapport-response", "txt"),
                "text/plain;charset=utf-8",
                &format!("{intro}\r\n\r\n{url}\r\n\r\n{code}\r\n"),
            );
        })
    };
    html! {
        <section class="card respond" aria-labelledby="respond-heading" data-screen="respond" data-kind={link.kind.id()} data-response="ready">
            <h1 id="respond-heading" tabindex="-1">{ t(lang, "eyes.respond.done_heading") }</h1>
            <p>{ t(lang, "eyes.respond.done") }</p>
            <label for="response-link">{ t(lang, "eyes.respond.link_label") }</label>
            <input id="response-link" class="share-link" readonly=true value={url} />
            <label for="response-code">{ t(lang, "eyes.respond.code_label") }</label>
            <textarea id="response-code" class="share-link" readonly=true rows="3" value={code.to_owned()} />
            <p><button type="button" class="button-secondary" data-action="download-response" onclick={download}>{ t(lang, "eyes.respond.download") }</button></p>
            <p class="meta">{ t(lang, if kept { "eyes.respond.kept" } else { "eyes.respond.not_kept" }) }</p>
        </section>
    }
}

/// Finds the account that sent the invitation a response answers.
fn account_for<'a>(
    accounts: &'a [AccountRecord],
    response: &Response,
) -> Option<&'a AccountRecord> {
    accounts
        .iter()
        .find(|a| a.invitation(&response.invitation).is_some())
}

fn attach_error(lang: Lang, error: AttachError) -> &'static str {
    t(
        lang,
        match error {
            AttachError::UnknownInvitation => "eyes.attach.unknown",
            AttachError::WrongKind => "eyes.attach.wrong_kind",
            AttachError::Duplicate => "eyes.attach.duplicate",
            AttachError::Full => "eyes.attach.full",
        },
    )
}

/// Reads and attaches a response (a link, code or file text); the account it went to, or why not.
fn attach(state: &AppHandle, text: &str) -> Result<AccountId, String> {
    let lang = state.lang;
    let (Some(bank), Some(set)) = (state.loaded().map(|l| l.bank), customer_set()) else {
        return Err(messages(lang).loading_questions().to_owned());
    };
    let response = text
        .split_whitespace()
        .map(|token| decode_response(token, bank, set))
        .find(Result::is_ok)
        .unwrap_or_else(|| decode_response(text, bank, set))
        .map_err(|e| link_error(lang, e).to_owned())?;
    let account = account_for(&state.accounts, &response)
        .ok_or_else(|| attach_error(lang, AttachError::UnknownInvitation).to_owned())?;
    let action = edited(account, |a| a.attach(&response, browser::now_ms()))
        .map_err(|e| attach_error(lang, e).to_owned())?;
    state.dispatch(action);
    Ok(account.id.clone())
}

/// Properties of the response screen.
#[derive(Properties, PartialEq)]
pub struct ResponseProps {
    pub payload: String,
}

/// A response link opened on the inviter's device: what it is, and attach.
#[function_component]
pub fn ResponseScreen(props: &ResponseProps) -> Html {
    let state = use_app();
    let lang = state.lang;
    let outcome = use_state(|| None::<Result<AccountId, String>>);
    use_customer(lang, true);
    let (Some(bank), Some(set)) = (state.loaded().map(|l| l.bank), customer_set()) else {
        return crate::ui::edge::data::data_pending(&state);
    };
    let decoded = decode_response(&props.payload, bank, set);
    let body = match (&decoded, &*outcome) {
        (_, Some(Ok(account))) => html! {
            <p role="status" data-attached="">{ t(lang, "eyes.attach.done") }{ " " }
                <a href={Route::Account { account: account.clone() }.to_hash()}>{ messages(lang).account_page() }</a></p>
        },
        (Err(e), _) => {
            html! { <p role="alert" data-response="refused">{ link_error(lang, *e) }</p> }
        }
        (Ok(response), previous) => {
            let account = account_for(&state.accounts, response);
            let on_attach = {
                let (state, outcome, payload) =
                    (state.clone(), outcome.clone(), props.payload.clone());
                Callback::from(move |_: MouseEvent| outcome.set(Some(attach(&state, &payload))))
            };
            html! {
                <>
                    <p>{ describe_response(lang, response) }</p>
                    if let Some(a) = account {
                        <p>{ later_text_with(lang, "eyes.response.account", &[("account", &a.name)]) }</p>
                    }
                    if let Some(Err(why)) = previous {
                        <p role="alert" class="notice">{ why.clone() }</p>
                    }
                    if account.is_some() {
                        <button type="button" class="button-primary" data-action="attach-response" onclick={on_attach}>{ t(lang, "eyes.attach.button") }</button>
                    } else {
                        <p role="alert" class="notice">{ attach_error(lang, AttachError::UnknownInvitation) }</p>
                    }
                </>
            }
        }
    };
    html! {
        <section class="card" aria-labelledby="response-heading" data-screen="response">
            <h1 id="response-heading">{ t(lang, "eyes.response.heading") }</h1>
            { body }
        </section>
    }
}

fn respondent(lang: Lang, response: &Response) -> String {
    if response.name.is_empty() {
        t(lang, "eyes.anonymous").to_owned()
    } else {
        response.name.clone()
    }
}

fn describe_response(lang: Lang, response: &Response) -> String {
    let said = later_text_with(
        lang,
        &format!("eyes.response.from.{}", response.kind.id()),
        &[
            ("name", &respondent(lang, response)),
            ("date", &date(response.answered_ms)),
        ],
    );
    match response.role {
        Some(role) => format!(
            "{said}{}",
            messages(lang).paren(t(lang, &format!("eyes.role_of.{}", role.id())))
        ),
        None => said,
    }
}

/// Properties of the account page's section.
#[derive(Properties, PartialEq)]
pub struct OtherEyesProps {
    pub account_id: AccountId,
}

/// The account page's other eyes: invite, attach, and what the responses show.
#[function_component]
pub fn OtherEyes(props: &OtherEyesProps) -> Html {
    let state = use_app();
    let lang = state.lang;
    let message = use_state(|| None::<Result<&'static str, String>>);
    let confirming = use_state(|| None::<String>);
    use_customer(lang, true);
    let Some(account) = state.account(&props.account_id) else {
        return html! {};
    };
    let Some(bank) = state.loaded().map(|l| l.bank) else {
        return Html::default();
    };
    let invite = |kind: Kind| {
        let (state, account_id, message) = (state.clone(), account.id.clone(), message.clone());
        Callback::from(move |_: MouseEvent| {
            let shown = browser::field_value("invite-shown");
            let sent_to = browser::field_value("invite-sent-to");
            let invite_lang = Lang::parse(&browser::field_value("invite-lang")).unwrap_or(lang);
            let Some(account) = state.account(&account_id) else {
                return;
            };
            let id: String = browser::new_id();
            match edited(account, |a| {
                a.invite(&id, kind, invite_lang, &shown, &sent_to, browser::now_ms())
            }) {
                Ok(action) => {
                    state.dispatch(action);
                    message.set(Some(Ok("eyes.invite.made")));
                }
                Err(e) => message.set(Some(Err(e.describe().to_owned()))),
            }
        })
    };
    let on_attach = {
        let (state, message) = (state.clone(), message.clone());
        Callback::from(move |_: MouseEvent| {
            let text = browser::field_value("attach-text");
            message.set(Some(attach(&state, &text).map(|_| "eyes.attach.done")));
        })
    };
    let on_file = {
        let (state, message) = (state.clone(), message.clone());
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            let (state, message) = (state.clone(), message.clone());
            yew::platform::spawn_local(async move {
                let outcome = match browser::read_file(file).await {
                    Ok(bytes) => match String::from_utf8(bytes) {
                        Ok(text) => attach(&state, &text).map(|_| "eyes.attach.done"),
                        Err(_) => Err(link_error(state.lang, LinkError::Changed).to_owned()),
                    },
                    Err(e) => Err(e),
                };
                message.set(Some(outcome));
            });
        })
    };
    let latest = account.latest_completed().zip(customer_set());
    let compared = latest.map(|(a, set)| {
        let responses: Vec<&Response> = account.responses_against(a.id.as_str()).collect();
        (
            perception_gap(bank, set, &a.answers, &responses),
            team_view(bank, &a.answers, &responses),
        )
    });
    let trend = customer_set().map_or_else(Vec::new, |set| gap_trend(bank, set, account));
    let status = match &*message {
        Some(Ok(key)) => {
            html! { <p role="status" class="notice" data-eyes-message="ok">{ t(lang, key) }</p> }
        }
        Some(Err(why)) => {
            html! { <p role="alert" class="notice" data-eyes-message="refused">{ why.clone() }</p> }
        }
        None => html! {},
    };
    html! {
        <section class="card eyes" aria-labelledby="eyes-heading" data-block="other-eyes">
            <h2 id="eyes-heading">{ t(lang, "eyes.heading") }</h2>
            <p>{ t(lang, "eyes.intro") }</p>
            { status }
            <fieldset class="invite-form">
                <legend>{ t(lang, "eyes.invite.legend") }</legend>
                <label for="invite-shown">{ t(lang, "eyes.invite.shown_label") }</label>
                <input id="invite-shown" type="text" maxlength="80" />
                <p class="meta">{ t(lang, "eyes.invite.shown_hint") }</p>
                <label for="invite-sent-to">{ t(lang, "eyes.invite.sent_to_label") }</label>
                <input id="invite-sent-to" type="text" maxlength="80" />
                <label for="invite-lang">{ t(lang, "eyes.invite.lang_label") }</label>
                <select id="invite-lang">
                    { for Lang::ALL.iter().map(|l| html! {
                        <option value={l.id()} selected={*l == lang}>{ l.native_name() }</option>
                    }) }
                </select>
                <div class="card-actions">
                    <button type="button" class="button-primary" data-action="invite" data-kind="customer" onclick={invite(Kind::Customer)}>{ t(lang, "eyes.invite.customer") }</button>
                    <button type="button" class="button-secondary" data-action="invite" data-kind="colleague" onclick={invite(Kind::Colleague)}>{ t(lang, "eyes.invite.colleague") }</button>
                </div>
            </fieldset>
            { invitations_view(lang, account, bank) }
            <div class="attach">
                <label for="attach-text">{ t(lang, "eyes.attach.label") }</label>
                <textarea id="attach-text" rows="2" />
                <div class="card-actions">
                    <button type="button" class="button-primary" data-action="attach-response" onclick={on_attach}>{ t(lang, "eyes.attach.button") }</button>
                    <label class="button-secondary file-button" for="attach-file">{ t(lang, "eyes.attach.file") }</label>
                    <input id="attach-file" class="visually-hidden" type="file" accept=".txt,text/plain" onchange={on_file} />
                </div>
            </div>
            if let Some((gap, team)) = &compared {
                { gap_view(lang, gap) }
                { team_block(lang, bank, team) }
            }
            { trend_view(lang, &trend) }
            { responses_view(lang, &state, account, &confirming) }
        </section>
    }
}

fn invitations_view(lang: Lang, account: &AccountRecord, bank: &Bank) -> Html {
    if account.invitations.is_empty() {
        return html! {};
    }
    let row = |i: &Invitation| {
        let version = match i.kind {
            Kind::Customer => CUSTOMER_VERSION,
            Kind::Colleague => bank.version,
        };
        let url = browser::page_url_with(
            &Route::Respond {
                payload: encode_invitation(i, version),
            }
            .to_hash(),
        );
        let answered = account
            .responses
            .iter()
            .filter(|r| r.invitation == i.id)
            .count();
        let field = format!("invite-link-{}", i.id);
        html! {
            <li data-invitation={i.id.clone()} data-kind={i.kind.id()}>
                <p><strong>{ t(lang, &format!("eyes.kind.{}", i.kind.id())) }</strong>
                    { if i.sent_to.is_empty() { String::new() } else { format!(" · {}", i.sent_to) } }
                    { format!(" · {}", date(i.created_ms)) }
                    { " · " }{ later_text_with(lang, "eyes.invite.responses", &[("n", &answered.to_string())]) }</p>
                <label for={field.clone()}>{ t(lang, "eyes.invite.link_label") }</label>
                <input id={field} class="share-link" readonly=true value={url} />
            </li>
        }
    };
    html! {
        <div class="invitations">
            <h3>{ t(lang, "eyes.invitations") }</h3>
            <p class="meta">{ t(lang, "eyes.invite.link_note") }</p>
            <ul>{ for account.invitations.iter().map(row) }</ul>
        </div>
    }
}

fn figure(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |v| round(v).to_string())
}

/// The perception gap: the KAM's figure beside the customer's, blind spots first.
pub fn gap_view(lang: Lang, gap: &PerceptionGap) -> Html {
    if gap.respondents == 0 {
        return html! {};
    }
    let rows = gap.rows.iter().filter(|r| r.theirs.is_some()).map(|r| {
        let theirs = r.theirs.expect("filtered");
        let mark = if r.is_blind_spot() {
            "blind-spot"
        } else if r.is_hidden_strength() {
            "hidden-strength"
        } else {
            "agreed"
        };
        let spread = if theirs.n > 1 {
            format!("{}–{}", round(theirs.low), round(theirs.high))
        } else {
            String::new()
        };
        html! {
            <tr data-gap={r.lens.id()} data-own={figure(r.own)} data-theirs={round(theirs.median).to_string()} data-mark={mark}>
                <th scope="row">{ lens_label(lang, &r.lens.id()) }
                    if mark != "agreed" {
                        <span class="gap-mark">{ t(lang, &format!("eyes.mark.{mark}")) }</span>
                    }
                </th>
                <td>{ figure(r.own) }</td>
                <td>{ round(theirs.median).to_string() }</td>
                <td>{ spread }</td>
            </tr>
        }
    });
    let reasons = gap.reasons.iter().map(|(target, n)| {
        let name = if target == "none" { t(lang, "eyes.reason.none").to_owned() } else { lens_label(lang, target).to_owned() };
        html! { <li data-reason={target.clone()}>{ format!("{name}{}{n}", messages(lang).colon()) }</li> }
    });
    html! {
        <div class="perception-gap" data-perception-gap="" data-respondents={gap.respondents.to_string()}>
            <h3>{ t(lang, "eyes.gap.heading") }</h3>
            <p>{ later_text_with(lang, "eyes.gap.intro", &[("n", &gap.respondents.to_string())]) }</p>
            if !gap.alarm.is_empty() {
                <p class="notice" role="note" data-customer-alarm={gap.alarm.join(" ")}>{ later_text_with(lang, "eyes.gap.alarm", &[("figures", &gap.alarm.iter().map(|l| lens_label(lang, l)).collect::<Vec<_>>().join(messages(lang).enumeration()))]) }</p>
            }
            if gap.deciders == 0 {
                <p class="notice" role="note" data-no-decider="">{ t(lang, "eyes.gap.no_decider") }</p>
            }
            <div class="table-scroll">
                <table class="eyes-table">
                    <thead><tr>
                        <th scope="col">{ t(lang, "eyes.gap.figure") }</th>
                        <th scope="col">{ t(lang, "eyes.gap.own") }</th>
                        <th scope="col">{ t(lang, "eyes.gap.theirs") }</th>
                        <th scope="col">{ t(lang, "eyes.gap.spread") }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            if !gap.reasons.is_empty() {
                <h4>{ t(lang, "eyes.gap.reasons") }</h4>
                <ul>{ for reasons }</ul>
            }
        </div>
    }
}

/// The team view: the owner's figure beside the team's median and range, and the questions the
/// team splits on.
pub fn team_block(lang: Lang, bank: &Bank, team: &TeamView) -> Html {
    if team.colleagues == 0 {
        return html! {};
    }
    let rows = team.rows.iter().map(|r| {
        let (median, range) = r.team.map_or_else(
            || ("–".to_owned(), String::new()),
            |s| {
                (
                    round(s.median).to_string(),
                    format!("{}–{}", round(s.low), round(s.high)),
                )
            },
        );
        html! {
            <tr data-team={r.id} data-own={figure(r.owner)} data-median={median.clone()}>
                <th scope="row">{ lens_label(lang, r.id) }</th>
                <td>{ figure(r.owner) }</td>
                <td>{ median }</td>
                <td>{ range }</td>
            </tr>
        }
    });
    let splits = team.splits.iter().map(|s| {
        let prompt = bank.question(&s.question).map_or("", |q| q.prompt.get(lang));
        html! { <li data-split={s.question.clone()}>{ prompt }{ messages(lang).paren(&format!("{}–{}", s.low, s.high)) }</li> }
    });
    html! {
        <div class="team-view" data-team-view="" data-colleagues={team.colleagues.to_string()}>
            <h3>{ t(lang, "eyes.team.heading") }</h3>
            <p>{ later_text_with(lang, "eyes.team.intro", &[("n", &team.colleagues.to_string())]) }</p>
            <div class="table-scroll">
                <table class="eyes-table">
                    <thead><tr>
                        <th scope="col">{ t(lang, "eyes.gap.figure") }</th>
                        <th scope="col">{ t(lang, "eyes.team.owner") }</th>
                        <th scope="col">{ t(lang, "eyes.team.median") }</th>
                        <th scope="col">{ t(lang, "eyes.gap.spread") }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            if team.splits.is_empty() {
                <p>{ t(lang, "eyes.team.no_splits") }</p>
            } else {
                <h4>{ t(lang, "eyes.team.splits") }</h4>
                <ul>{ for splits }</ul>
            }
        </div>
    }
}

fn trend_view(lang: Lang, trend: &[crate::engine::scoring::eyes::GapPoint]) -> Html {
    if trend.len() < 2 {
        return html! {};
    }
    html! {
        <div class="gap-trend" data-gap-trend="">
            <h3>{ t(lang, "eyes.trend.heading") }</h3>
            <ul>
                { for trend.iter().map(|p| html! {
                    <li data-point={p.assessment.clone()}>{ later_text_with(lang, "eyes.trend.point", &[
                        ("date", &date(p.completed_ms)),
                        ("n", &p.respondents.to_string()),
                        ("blind", &p.blind_spots.to_string()),
                        ("gap", &figure(p.mean_gap)),
                    ]) }</li>
                }) }
            </ul>
        </div>
    }
}

fn responses_view(
    lang: Lang,
    state: &AppHandle,
    account: &AccountRecord,
    confirming: &UseStateHandle<Option<String>>,
) -> Html {
    if account.responses.is_empty() {
        return html! {};
    }
    let row = |r: &Response| {
        let ask = {
            let (confirming, id) = (confirming.clone(), r.id.clone());
            Callback::from(move |_: MouseEvent| confirming.set(Some(id.clone())))
        };
        let cancel = {
            let confirming = confirming.clone();
            Callback::from(move |_: MouseEvent| confirming.set(None))
        };
        let remove = {
            let (state, account_id, id) = (state.clone(), account.id.clone(), r.id.clone());
            let confirming = confirming.clone();
            Callback::from(move |_: MouseEvent| {
                confirming.set(None);
                let Some(account) = state.account(&account_id) else {
                    return;
                };
                if let Ok(action) = edited(account, |a| {
                    a.response_list()
                        .remove(&id, browser::now_ms())
                        .map(drop)
                        .ok_or(crate::engine::model::record::EditError::NoItem)
                }) {
                    state.dispatch(action);
                }
            })
        };
        html! {
            <li data-response-id={r.id.clone()} data-kind={r.kind.id()}>
                { describe_response(lang, r) }{ " " }
                if confirming.as_deref() == Some(r.id.as_str()) {
                    <span role="group" aria-label={t(lang, "eyes.remove_confirm")}>
                        { t(lang, "eyes.remove_confirm") }{ " " }
                        <button type="button" class="button-danger" data-action="remove-response-confirm" onclick={remove}>{ t(lang, "eyes.remove") }</button>
                        <button type="button" class="button-secondary" onclick={cancel}>{ messages(lang).cancel() }</button>
                    </span>
                } else {
                    <button type="button" class="button-secondary" data-action="remove-response" onclick={ask}>{ t(lang, "eyes.remove") }</button>
                }
            </li>
        }
    };
    let export = {
        let accounts = vec![account.clone()];
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let (Some(bank), Some(set)) = (state.loaded().map(|l| l.bank), customer_set()) else {
                return;
            };
            browser::download(
                &crate::ui::widgets::data_tools::file_name("rapport-other-eyes", "csv"),
                "text/csv;charset=utf-8",
                &crate::engine::storage::exchange::export_perception_csv(bank, set, &accounts),
            );
        })
    };
    html! {
        <div class="responses">
            <h3>{ t(lang, "eyes.responses") }</h3>
            <ul>{ for account.responses.iter().map(row) }</ul>
            <button type="button" class="button-secondary" data-action="export-eyes-csv" onclick={export}>{ t(lang, "eyes.export_csv") }</button>
        </div>
    }
}

/// The results' part: the perception gap and the team view of the responses compared with this
/// assessment (nothing when there are none).
pub fn results_part(lang: Lang, bank: &Bank, account: &AccountRecord, assessment: &str) -> Html {
    let Some(set) = customer_set() else {
        return html! {};
    };
    let Some(record) = account.assessment(&assessment.into()) else {
        return html! {};
    };
    let responses: Vec<&Response> = account.responses_against(assessment).collect();
    if responses.is_empty() {
        return html! {};
    }
    let gap = perception_gap(bank, set, &record.answers, &responses);
    let team = team_view(bank, &record.answers, &responses);
    html! {
        <section class="card eyes" id="section-eyes" aria-labelledby="eyes-results-heading" data-block="other-eyes">
            <h2 id="eyes-results-heading">{ t(lang, "eyes.heading") }</h2>
            { gap_view(lang, &gap) }
            { team_block(lang, bank, &team) }
        </section>
    }
}
