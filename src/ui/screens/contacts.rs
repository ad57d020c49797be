//! The stakeholder map on the account page (contacts, their form, the map, coverage findings),
//! the map's evidence beside the contact questions, and the contacts' part of the results
//! (whom to see, and answers the map contradicts). Rendered only from the later module, so none
//! of it is in the first load; its strings are the later texts (`actions.json` → `texts`).

use yew::prelude::*;

use crate::engine::model::contacts::{Contact, ContactEdit, ContactInput};
use crate::engine::model::ids::{
    AccountId, Attitude, BuyingRole, ContactFunction, Influence, Seniority,
};
use crate::engine::model::record::{AccountRecord, EditError};
use crate::engine::scoring::coverage::{self, Cadence, CoverageFinding, MapConflict};
use crate::engine::scoring::{later_text, later_text_with};
use crate::engine::state::app::edited;
use crate::engine::text::i18n::messages;
use crate::engine::text::lang::Lang;
use crate::ui::edge::browser;
use crate::ui::root::{use_app, AppHandle};

/// How long a deleted contact can be brought back.
const UNDO_MS: u32 = 10_000;

/// A closed-set value's display name: `<prefix><id>`, e.g. `contacts.attitude.champion`.
fn named(lang: Lang, prefix: &str, id: &str) -> &'static str {
    later_text(lang, &format!("{prefix}{id}"))
}

fn refusal(lang: Lang, error: EditError) -> &'static str {
    match error {
        EditError::NameMissing => later_text(lang, "contacts.error.name"),
        EditError::BadDate => later_text(lang, "contacts.error.date"),
        EditError::TooMany => later_text(lang, "contacts.error.full"),
        _ => later_text(lang, "contacts.error.long"),
    }
}

/// Applies `edit` to the account and hands the edited copy to the reducer; a refusal changes
/// nothing and is returned for the form to show.
fn dispatch_contact(
    state: &AppHandle,
    account_id: &AccountId,
    edit: ContactEdit,
) -> Result<(), EditError> {
    let account = state.account(account_id).ok_or(EditError::NoItem)?;
    let action = edited(account, |a| edit.apply(a, browser::now_ms()))?;
    state.dispatch(action);
    Ok(())
}

/// "Name (title)" (full-width parentheses in Chinese), or the name alone.
fn who(lang: Lang, contact: &Contact) -> String {
    if contact.title.is_empty() {
        contact.name.clone()
    } else {
        format!("{}{}", contact.name, messages(lang).paren(&contact.title))
    }
}

/// The people a finding names, as one line of text.
fn names(lang: Lang, account: &AccountRecord, ids: &[String]) -> String {
    ids.iter()
        .filter_map(|id| account.contact(id))
        .map(|c| who(lang, c))
        .collect::<Vec<_>>()
        .join(messages(lang).enumeration())
}

#[derive(Properties, PartialEq)]
pub struct StakeholderMapProps {
    pub account_id: AccountId,
}

/// Which form is open.
#[derive(Clone, PartialEq)]
enum Open {
    None,
    Adding,
    Editing(String),
}

/// The account page's stakeholder map: what it shows, the picture, the people, and their form.
#[function_component]
pub fn StakeholderMap(props: &StakeholderMapProps) -> Html {
    let state = use_app();
    let open = use_state(|| Open::None);
    // The contact deleted last, while it can be brought back.
    let undo = use_state(|| None::<Contact>);
    {
        let undo = undo.clone();
        let shown = undo.as_ref().map(|c| c.id.clone());
        use_effect_with(shown, move |shown| {
            let timer = shown
                .as_ref()
                .map(|_| gloo_timers::callback::Timeout::new(UNDO_MS, move || undo.set(None)));
            move || drop(timer)
        });
    }
    let lang = state.lang;
    let Some(account) = state.account(&props.account_id) else {
        return html! {};
    };
    let today = browser::today();
    let cadence = cadence(&state, account);
    let findings = coverage::coverage(&account.contacts, &today, cadence);
    let on_done = Callback::from({
        let open = open.clone();
        move |()| open.set(Open::None)
    });
    let add = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(Open::Adding))
    };
    let undo_view = undo.as_ref().map(|contact| {
        let bring_back = {
            let (state, undo, contact) = (state.clone(), undo.clone(), contact.clone());
            let account_id = account.id.clone();
            Callback::from(move |_| {
                // Refused only for an item gone meanwhile: nothing left to act on.
                let _ = dispatch_contact(&state, &account_id, ContactEdit::Restore { contact: contact.clone() });
                undo.set(None);
                browser::focus_element("contacts-heading");
            })
        };
        html! {
            <p class="notice undo" role="status">
                { later_text_with(lang, "contacts.deleted", &[("name", &contact.name)]) }{ " " }
                <button type="button" class="button-secondary" data-action="undo-delete-contact" onclick={bring_back}>{ later_text(lang, "contacts.undo") }</button>
            </p>
        }
    });
    html! {
        <section class="card contacts" aria-labelledby="contacts-heading" data-block="contacts">
            <h2 id="contacts-heading" tabindex="-1">{ later_text(lang, "contacts.heading") }</h2>
            <p>{ later_text(lang, "contacts.intro") }</p>
            { undo_view.unwrap_or_default() }
            if account.contacts.is_empty() {
                <p data-contacts-empty="">{ later_text(lang, "contacts.empty") }</p>
            } else {
                { coverage_view(lang, account, &findings) }
                { map_view(lang, account) }
                { contact_list(&state, account, &open, &undo, &today, cadence) }
            }
            if *open == Open::Adding {
                <ContactForm account_id={account.id.clone()} contact_id={None::<String>} on_done={on_done.clone()} />
            } else if let Open::Editing(id) = &*open {
                <ContactForm account_id={account.id.clone()} contact_id={Some(id.clone())} on_done={on_done.clone()} />
            }
            if *open == Open::None {
                <div class="card-actions">
                    <button type="button" class="button-primary" data-action="add-contact" onclick={add}>{ later_text(lang, "contacts.add") }</button>
                    if !account.contacts.is_empty() {
                        <button type="button" class="button-secondary" data-action="export-contacts-csv" onclick={export_contacts_csv(std::slice::from_ref(account))}>{ later_text(lang, "contacts.export_csv") }</button>
                    }
                </div>
            }
        </section>
    }
}

/// How long key people may go unseen at this account: by its latest assessment (a month while
/// the business is contested), a quarter without one.
fn cadence(state: &AppHandle, account: &AccountRecord) -> Cadence {
    match (state.loaded(), account.latest_completed()) {
        (Some(loaded), Some(latest)) => Cadence::of(&crate::engine::scoring::score_figures(
            loaded.bank,
            &latest.answers,
        )),
        _ => Cadence::STEADY,
    }
}

/// Downloads the contacts of `accounts` as CSV, one row per contact.
pub fn export_contacts_csv(accounts: &[AccountRecord]) -> Callback<MouseEvent> {
    let accounts = accounts.to_vec();
    Callback::from(move |_| {
        let csv = crate::engine::storage::exchange::export_contacts_csv(&accounts);
        browser::download(
            &crate::ui::widgets::data_tools::file_name("rapport-contacts", "csv"),
            "text/csv;charset=utf-8",
            &csv,
        );
    })
}

/// The coverage findings, each with whom to see (`data-coverage`).
fn coverage_view(lang: Lang, account: &AccountRecord, findings: &[CoverageFinding]) -> Html {
    html! {
        <div class="coverage" data-coverage-list="">
            <h3>{ later_text(lang, "contacts.coverage_heading") }</h3>
            if findings.is_empty() {
                <p data-coverage-none="">{ later_text(lang, "contacts.coverage_none") }</p>
            } else {
                <p class="meta">{ later_text(lang, "contacts.coverage_intro") }</p>
                <ul class="coverage-findings">
                    { for findings.iter().map(|f| html! {
                        <li data-coverage={f.id.id()}>
                            <strong>{ later_text(lang, &format!("{}{}", "coverage.finding.", f.id.id())) }</strong>
                            { whom(lang, account, &f.who, &f.owner) }
                        </li>
                    }) }
                </ul>
            }
        </div>
    }
}

/// "Whom to see" (`who`, contact ids) and who holds every relationship (`owner`) for a finding.
pub fn whom(lang: Lang, account: &AccountRecord, who: &[String], owner: &str) -> Html {
    let people = names(lang, account, who);
    html! {
        <>
            if !people.is_empty() {
                <p class="who" data-who="">{ later_text_with(lang, "contacts.who", &[("names", &people)]) }</p>
            }
            if !owner.is_empty() {
                <p class="who">{ later_text_with(lang, "contacts.held_by", &[("owner", owner)]) }</p>
            }
        </>
    }
}

/// Width of the map's drawing, in its own units (it scales to the page). Integer units
/// throughout: formatting floats would add their code to the wasm.
const MAP_WIDTH: u32 = 360;
/// One column per attitude.
const COLUMN: u32 = MAP_WIDTH / 5;
/// Height of the column headings.
const HEAD: u32 = 22;
/// Contacts per line within one cell, and the distance between their centres.
const PER_LINE: usize = 3;
const STEP: u32 = 24;
const LINE: u32 = 24;

fn radius(influence: Influence) -> &'static str {
    match influence {
        Influence::High => "11",
        Influence::Medium => "8.5",
        Influence::Low => "6",
    }
}

fn small(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The map: one column per attitude (champion to opponent), one band per seniority (executive
/// at the top); each active contact a numbered circle sized by influence. The numbers are the
/// list's, which is the text equivalent; the picture is labelled by its one-sentence summary.
fn map_view(lang: Lang, account: &AccountRecord) -> Html {
    let active: Vec<(usize, &Contact)> = account.active_contacts().enumerate().collect();
    let in_cell = |s: Seniority, a: Attitude| {
        active
            .iter()
            .filter(move |(_, c)| c.seniority == s && c.attitude == a)
    };
    let mut y = HEAD;
    let mut bands = Vec::new();
    for seniority in Seniority::ALL {
        let lines = Attitude::ALL
            .iter()
            .map(|a| in_cell(*seniority, *a).count().div_ceil(PER_LINE))
            .max()
            .unwrap_or(0)
            .max(1);
        bands.push((*seniority, y));
        y += 22 + LINE * small(lines);
    }
    let total_height = y;
    let count = |f: fn(&Contact) -> bool| active.iter().filter(|(_, c)| f(c)).count().to_string();
    let summary = later_text_with(
        lang,
        "contacts.map_summary",
        &[
            ("count", &active.len().to_string()),
            ("favourable", &count(|c| c.attitude.is_favourable())),
            ("hostile", &count(|c| c.attitude.is_hostile())),
            (
                "executives",
                &count(|c| c.seniority == Seniority::Executive),
            ),
        ],
    );
    let cell = |seniority: Seniority, attitude: Attitude, top: u32| -> Html {
        let x0 = COLUMN * small(attitude as usize);
        html! {
            { for in_cell(seniority, attitude).enumerate().map(|(k, (n, c))| {
                let cx = x0 + 12 + STEP * small(k % PER_LINE);
                let cy = top + 30 + LINE * small(k / PER_LINE);
                html! {
                    <g class={format!("map-dot influence-{}", c.influence.id())} data-map-contact={c.id.clone()}>
                        <title>{ who(lang, c) }</title>
                        <circle cx={cx.to_string()} cy={cy.to_string()} r={radius(c.influence)} />
                        <text x={cx.to_string()} y={(cy + 4).to_string()} text-anchor="middle">{ n + 1 }</text>
                    </g>
                }
            }) }
        }
    };
    html! {
        <figure class="stakeholder-map" data-stakeholder-map="">
            <figcaption>
                <h3>{ later_text(lang, "contacts.map_heading") }</h3>
                <p id="stakeholder-map-summary">{ summary }</p>
            </figcaption>
            <svg viewBox={format!("0 0 {MAP_WIDTH} {total_height}")} role="img" aria-labelledby="stakeholder-map-summary" class="map-svg">
                { for Attitude::ALL.iter().map(|a| {
                    let x = COLUMN * small(*a as usize);
                    html! {
                        <>
                            <rect class={format!("map-col attitude-{}", a.id())} x={x.to_string()} y={HEAD.to_string()} width={COLUMN.to_string()} height={(total_height - HEAD).to_string()} />
                            <text class="map-head" x={(x + COLUMN / 2).to_string()} y="15" text-anchor="middle">{ named(lang, "contacts.attitude.", a.id()) }</text>
                        </>
                    }
                }) }
                { for bands.iter().map(|&(seniority, top)| html! {
                    <>
                        <line class="map-band" x1="0" x2={MAP_WIDTH.to_string()} y1={top.to_string()} y2={top.to_string()} />
                        <text class="map-row" x="4" y={(top + 13).to_string()}>{ named(lang, "contacts.seniority.", seniority.id()) }</text>
                        { for Attitude::ALL.iter().map(|a| cell(seniority, *a, top)) }
                    </>
                }) }
            </svg>
            <p class="meta">{ later_text(lang, "contacts.map_legend") }</p>
        </figure>
    }
}

/// The people: the active ones numbered as on the map, then those who left.
fn contact_list(
    state: &AppHandle,
    account: &AccountRecord,
    open: &UseStateHandle<Open>,
    undo: &UseStateHandle<Option<Contact>>,
    today: &str,
    cadence: Cadence,
) -> Html {
    let lang = state.lang;
    let left: Vec<&Contact> = account.contacts.iter().filter(|c| !c.is_active()).collect();
    html! {
        <>
            <h3>{ later_text(lang, "contacts.list_heading") }</h3>
            <ol class="contact-list">
                { for account.active_contacts().map(|c| contact_view(state, account, c, (open, undo), today, cadence)) }
            </ol>
            if !left.is_empty() {
                <h3>{ later_text(lang, "contacts.left_heading") }</h3>
                <ul class="contact-list contact-left">
                    { for left.into_iter().map(|c| contact_view(state, account, c, (open, undo), today, cadence)) }
                </ul>
            }
        </>
    }
}

fn contact_view(
    state: &AppHandle,
    account: &AccountRecord,
    c: &Contact,
    (open, undo): (&UseStateHandle<Open>, &UseStateHandle<Option<Contact>>),
    today: &str,
    cadence: Cadence,
) -> Html {
    let lang = state.lang;
    let m = messages(lang);
    let edit = {
        let open = open.clone();
        let id = c.id.clone();
        Callback::from(move |_: MouseEvent| open.set(Open::Editing(id.clone())))
    };
    let toggle_left = {
        let state = state.clone();
        let (account_id, id) = (account.id.clone(), c.id.clone());
        let on = if c.is_active() {
            today.to_owned()
        } else {
            String::new()
        };
        Callback::from(move |_| {
            // Refused only for an item gone meanwhile: nothing left to act on.
            let _ = dispatch_contact(
                &state,
                &account_id,
                ContactEdit::Left {
                    contact_id: id.clone(),
                    on: on.clone(),
                },
            );
        })
    };
    let delete = {
        let state = state.clone();
        let (account_id, contact, undo) = (account.id.clone(), c.clone(), undo.clone());
        Callback::from(move |_| {
            // Refused only for an item gone meanwhile: nothing left to act on.
            let _ = dispatch_contact(
                &state,
                &account_id,
                ContactEdit::Remove {
                    contact_id: contact.id.clone(),
                },
            );
            undo.set(Some(contact.clone()));
            browser::focus_element("contacts-heading");
        })
    };
    let facts: Vec<&str> = [
        c.role.map_or("", |r| named(lang, "contacts.role.", r.id())),
        named(lang, "contacts.function.", c.function.id()),
        named(lang, "contacts.seniority.", c.seniority.id()),
        named(lang, "contacts.attitude.", c.attitude.id()),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect();
    let stale =
        c.is_active() && c.influence != Influence::Low && coverage::not_met(c, today, cadence);
    let hidden_name = format!("{}{}", m.colon(), c.name);
    html! {
        <li class="contact" data-contact={c.id.clone()} data-attitude={c.attitude.id()} data-seniority={c.seniority.id()}
            data-influence={c.influence.id()} data-role={c.role.map_or("", |r| r.id())} data-left={(!c.is_active()).to_string()}>
            <h4 class="contact-name">{ &c.name }
                if !c.title.is_empty() { <span class="contact-title">{ format!(" · {}", c.title) }</span> }
            </h4>
            <p class="contact-facts">
                { facts.join(" · ") }
                { format!(" · {}{}{}", later_text(lang, "contacts.field.influence"), m.colon(), named(lang, "contacts.influence.", c.influence.id())) }
            </p>
            <p class="meta">
                if !c.owner.is_empty() { { later_text_with(lang, "contacts.owner", &[("owner", &c.owner)]) }{ " · " } }
                <span class={crate::ui::class_list("", &[stale.then_some("is-stale")])}>
                    { if c.last_met.is_empty() { later_text(lang, "contacts.never_met").to_owned() } else { later_text_with(lang, "contacts.last_met", &[("date", &c.last_met)]) } }
                </span>
                if !c.is_active() { { " · " }{ later_text_with(lang, "contacts.left_on", &[("date", &c.left_on)]) } }
            </p>
            <div class="card-actions no-print">
                <button type="button" class="button-secondary" data-action="edit-contact" onclick={edit}>
                    { later_text(lang, "contacts.edit") }<span class="visually-hidden">{ hidden_name.clone() }</span>
                </button>
                <button type="button" class="button-secondary" data-action={if c.is_active() { "contact-left" } else { "contact-back" }} onclick={toggle_left}>
                    { later_text(lang, if c.is_active() { "contacts.mark_left" } else { "contacts.still_there" }) }<span class="visually-hidden">{ hidden_name.clone() }</span>
                </button>
                <button type="button" class="button-link" data-action="delete-contact" onclick={delete}>
                    { later_text(lang, "contacts.delete") }<span class="visually-hidden">{ hidden_name }</span>
                </button>
            </div>
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct ContactFormProps {
    account_id: AccountId,
    /// The contact edited, or `None` for a new one.
    contact_id: Option<String>,
    on_done: Callback<()>,
}

/// A labelled select of a closed set.
fn choice<T: Copy + PartialEq>(
    lang: Lang,
    field: &'static str,
    prefix: &'static str,
    all: &[T],
    id: fn(T) -> &'static str,
    current: T,
) -> Html {
    let dom_id = format!("contact-{field}");
    html! {
        <div class="field">
            <label for={dom_id.clone()}>{ later_text(lang, &format!("{}{field}", "contacts.field.")) }</label>
            <select id={dom_id.clone()} data-field={dom_id}>
                { for all.iter().map(|v| html! {
                    <option value={id(*v)} selected={*v == current}>{ named(lang, prefix, id(*v)) }</option>
                }) }
            </select>
        </div>
    }
}

/// The form of one contact (new or edited); a refusal is shown next to what was typed.
#[function_component]
fn ContactForm(props: &ContactFormProps) -> Html {
    let state = use_app();
    let error = use_state(|| None::<EditError>);
    let lang = state.lang;
    let m = messages(lang);
    let Some(account) = state.account(&props.account_id) else {
        return html! {};
    };
    let contact = props.contact_id.as_ref().and_then(|id| account.contact(id));
    let current = contact.map(ContactInput::of).unwrap_or_default();
    use_effect_with((), |()| browser::focus_element("contact-name"));
    let on_submit = {
        let state = state.clone();
        let error = error.clone();
        let on_done = props.on_done.clone();
        let account = account.clone();
        let contact_id = props.contact_id.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let field = browser::field_value;
            let input = ContactInput {
                name: field("contact-name"),
                title: field("contact-title"),
                function: ContactFunction::parse(&field("contact-function"))
                    .unwrap_or(ContactFunction::Other),
                role: BuyingRole::parse(&field("contact-role")),
                seniority: Seniority::parse(&field("contact-seniority"))
                    .unwrap_or(Seniority::Manager),
                influence: Influence::parse(&field("contact-influence"))
                    .unwrap_or(Influence::Medium),
                attitude: Attitude::parse(&field("contact-attitude")).unwrap_or(Attitude::Neutral),
                owner: field("contact-owner"),
                last_met: field("contact-last-met"),
                left_on: field("contact-left-on"),
            };
            let edit = match &contact_id {
                Some(id) => ContactEdit::Edit {
                    contact_id: id.clone(),
                    input,
                },
                None => ContactEdit::Add {
                    contact_id: browser::new_id(),
                    input,
                },
            };
            crate::ui::widgets::edit_form::settle(
                dispatch_contact(&state, &account.id, edit),
                &error,
                &on_done,
                ("contacts-heading", "contact-name"),
            );
        })
    };
    let cancel = crate::ui::widgets::edit_form::cancel(&props.on_done, "contacts-heading");
    let heading = later_text(
        lang,
        if contact.is_some() {
            "contacts.form_edit"
        } else {
            "contacts.form_add"
        },
    );
    let error_text = error.map(|e| refusal(lang, e));
    html! {
        <form class="plan-form contact-form" data-form="contact" onsubmit={on_submit} aria-labelledby="contact-form-heading" novalidate=true>
            <h3 id="contact-form-heading">{ heading }</h3>
            if let Some(text) = error_text {
                <p class="warning" role="alert" id="contact-error">{ text }</p>
            }
            <div class="plan-form-row">
                <div class="field">
                    <label for="contact-name">{ later_text(lang, "contacts.field.name") }</label>
                    <input id="contact-name" data-field="contact-name" value={current.name.clone()} required=true autocomplete="off"
                        aria-invalid={error_text.is_some().then_some("true")} aria-describedby={error_text.is_some().then_some("contact-error")} />
                </div>
                <div class="field">
                    <label for="contact-title">{ later_text(lang, "contacts.field.title") }</label>
                    <input id="contact-title" data-field="contact-title" value={current.title.clone()} autocomplete="off" />
                </div>
            </div>
            <div class="plan-form-row">
                { choice(lang, "function", "contacts.function.", ContactFunction::ALL, ContactFunction::id, current.function) }
                <div class="field">
                    <label for="contact-role">{ later_text(lang, "contacts.field.role") }</label>
                    <select id="contact-role" data-field="contact-role">
                        <option value="" selected={current.role.is_none()}>{ later_text(lang, "contacts.role.none") }</option>
                        { for BuyingRole::ALL.iter().map(|r| html! {
                            <option value={r.id()} selected={Some(*r) == current.role}>{ named(lang, "contacts.role.", r.id()) }</option>
                        }) }
                    </select>
                </div>
            </div>
            <div class="plan-form-row">
                { choice(lang, "seniority", "contacts.seniority.", Seniority::ALL, Seniority::id, current.seniority) }
                { choice(lang, "influence", "contacts.influence.", Influence::ALL, Influence::id, current.influence) }
                { choice(lang, "attitude", "contacts.attitude.", Attitude::ALL, Attitude::id, current.attitude) }
            </div>
            <div class="plan-form-row">
                <div class="field">
                    <label for="contact-owner">{ later_text(lang, "contacts.field.owner") }</label>
                    <input id="contact-owner" data-field="contact-owner" value={current.owner.clone()} />
                </div>
                <div class="field">
                    <label for="contact-last-met">{ later_text(lang, "contacts.field.last_met") }</label>
                    <input id="contact-last-met" type="date" data-field="contact-last-met" value={current.last_met.clone()} />
                </div>
                <div class="field">
                    <label for="contact-left-on">{ later_text(lang, "contacts.field.left_on") }</label>
                    <input id="contact-left-on" type="date" data-field="contact-left-on" value={current.left_on.clone()} />
                </div>
            </div>
            <div class="card-actions">
                <button type="submit" class="button-primary" data-action="save-contact">{ later_text(lang, "contacts.save") }</button>
                <button type="button" class="button-secondary" onclick={cancel}>{ m.cancel() }</button>
            </div>
        </form>
    }
}

/// The map's facts beside one of the contact questions (`coverage::EVIDENCE_QUESTIONS`):
/// nothing when the account has no contacts. The answer stays the user's.
pub fn evidence(lang: Lang, account: &AccountRecord, question_id: &str) -> Html {
    let today = browser::today();
    let Some(facts) = coverage::facts(&account.contacts, &today) else {
        return html! {};
    };
    let m = messages(lang);
    let lines: Vec<String> = match question_id {
        "lvl_contacts" => {
            let functions: Vec<&str> = facts
                .functions
                .iter()
                .map(|f| named(lang, "contacts.function.", f.id()))
                .collect();
            vec![
                later_text_with(
                    lang,
                    "contacts.evidence.count",
                    &[
                        ("count", &facts.active.to_string()),
                        ("functions", &functions.join(m.enumeration())),
                    ],
                ),
                executives_line(lang, account, &facts.executives),
            ]
        }
        "sw_exec_channel" | "sw_personal_ties" => vec![
            executives_line(lang, account, &facts.executives),
            later_text_with(
                lang,
                "contacts.evidence.favourable",
                &[("count", &facts.favourable.to_string())],
            ),
        ],
        "warn_contacts" => vec![if facts.left_recently.is_empty() {
            later_text(lang, "contacts.evidence.none_left").to_owned()
        } else {
            later_text_with(
                lang,
                "contacts.evidence.left",
                &[("names", &names(lang, account, &facts.left_recently))],
            )
        }],
        _ => return html! {},
    };
    html! {
        <div class="evidence" role="note" data-evidence={question_id.to_owned()}>
            <p class="evidence-heading">{ later_text(lang, "contacts.evidence_heading") }</p>
            <ul>{ for lines.into_iter().map(|l| html! { <li>{ l }</li> }) }</ul>
            <p class="meta">{ later_text(lang, "contacts.evidence.note") }</p>
        </div>
    }
}

fn executives_line(lang: Lang, account: &AccountRecord, executives: &[String]) -> String {
    if executives.is_empty() {
        later_text(lang, "contacts.evidence.no_executive").to_owned()
    } else {
        later_text_with(
            lang,
            "contacts.evidence.executives",
            &[("names", &names(lang, account, executives))],
        )
    }
}

/// The answers the map contradicts, as items of the results' confidence list.
pub fn conflict_items(lang: Lang, conflicts: &[MapConflict]) -> Html {
    html! {
        { for conflicts.iter().map(|c| html! {
            <li data-inconsistency={c.id} data-map-conflict={c.questions.join(" ")}>
                { later_text(lang, &format!("{}{}", "contacts.conflict.", c.id)) }
            </li>
        }) }
    }
}
