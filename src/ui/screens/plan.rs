//! The account plan on the account page (items, their form, status and removal), the "adopt"
//! control of the results' action plan, and the plan's block on the results ("did it work?").
//! Rendered only from the later screens, so none of it is in the first load; its strings are
//! the later texts (`actions.json` → `texts`).

use yew::prelude::*;

use crate::engine::model::bank::Bank;
use crate::engine::model::ids::{AccountId, AssessmentId, PlanStatus};
use crate::engine::model::plan::{lever_for_action, lever_keys, PlanEdit, PlanInput, PlanItem};
use crate::engine::model::record::{AccountRecord, EditError};
use crate::engine::scoring::progress::{progress, ItemProgress};
use crate::engine::scoring::{later_text, later_text_with};
use crate::engine::state::app::edited;
use crate::engine::state::route::Route;
use crate::engine::text::explain::date;
use crate::engine::text::i18n::messages;
use crate::engine::text::labels::label;
use crate::engine::text::lang::Lang;
use crate::ui::edge::browser;
use crate::ui::root::{use_app, AppHandle};

fn status_text(lang: Lang, status: PlanStatus) -> &'static str {
    later_text(lang, &format!("{}{}", "plan.status.", status.id()))
}

fn refusal(lang: Lang, error: EditError) -> &'static str {
    match error {
        EditError::TitleMissing => later_text(lang, "plan.error.title"),
        EditError::BadDate => later_text(lang, "plan.error.date"),
        EditError::TooMany => later_text(lang, "plan.error.full"),
        _ => later_text(lang, "plan.error.long"),
    }
}

/// Applies `edit` to the account and hands the edited copy to the reducer; a refusal changes
/// nothing and is returned for the form to show.
fn dispatch_plan(
    state: &AppHandle,
    account_id: &AccountId,
    edit: PlanEdit,
) -> Result<(), EditError> {
    let account = state.account(account_id).ok_or(EditError::NoItem)?;
    let action = edited(account, |a| edit.apply(a, browser::now_ms()))?;
    state.dispatch(action);
    Ok(())
}

#[derive(Properties, PartialEq)]
pub struct AccountPlanProps {
    pub account_id: AccountId,
}

/// Which form is open.
#[derive(Clone, PartialEq)]
enum Open {
    None,
    Adding,
    Editing(String),
    /// Asking to confirm the removal of this item.
    Removing(String),
}

/// The account page's plan: every item with its status, owner, due date and measure; add, edit,
/// move and remove.
#[function_component]
pub fn AccountPlan(props: &AccountPlanProps) -> Html {
    let state = use_app();
    let open = use_state(|| Open::None);
    let lang = state.lang;
    let Some(account) = state.account(&props.account_id) else {
        return html! {};
    };
    let today = browser::today();
    let set_open = |to: Open| {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(to.clone()))
    };
    let open_items = account.plan.iter().filter(|p| p.status.is_open()).count();
    html! {
        <section class="card plan" aria-labelledby="plan-heading" data-block="plan">
            <h2 id="plan-heading" tabindex="-1">{ later_text(lang, "plan.heading") }</h2>
            <p>{ later_text(lang, "plan.intro") }</p>
            if account.plan.is_empty() {
                <p data-plan-empty="">{ later_text(lang, "plan.empty") }</p>
            } else {
                <p class="meta">{ later_text_with(lang, "plan.count", &[("n", &account.plan.len().to_string()), ("open", &open_items.to_string())]) }</p>
                <ol class="plan-items">
                    { for account.plan.iter().map(|item| {
                        let editing = *open == Open::Editing(item.id.clone());
                        let removing = *open == Open::Removing(item.id.clone());
                        if editing {
                            html! {
                                <li class="plan-item" data-plan-item={item.id.clone()} data-status={item.status.id()}>
                                    <PlanForm account_id={account.id.clone()} item_id={Some(item.id.clone())} on_done={Callback::from({ let open = open.clone(); move |()| open.set(Open::None) })} />
                                </li>
                            }
                        } else {
                            item_view(&state, account, item, &today, removing, &open)
                        }
                    }) }
                </ol>
            }
            if *open == Open::Adding {
                <PlanForm account_id={account.id.clone()} item_id={None::<String>} on_done={Callback::from({ let open = open.clone(); move |()| open.set(Open::None) })} />
            } else {
                <div class="card-actions">
                    <button type="button" class="button-primary" data-action="add-plan-item" onclick={set_open(Open::Adding)}>{ later_text(lang, "plan.add") }</button>
                    if !account.plan.is_empty() {
                        <button type="button" class="button-secondary" data-action="export-plan-csv" onclick={export_plan_csv(std::slice::from_ref(account))}>{ later_text(lang, "plan.export_csv") }</button>
                    }
                </div>
            }
        </section>
    }
}

/// Downloads the plans of `accounts` as CSV, one row per item.
pub fn export_plan_csv(accounts: &[AccountRecord]) -> Callback<MouseEvent> {
    let accounts = accounts.to_vec();
    Callback::from(move |_| {
        let csv = crate::engine::storage::exchange::export_plan_csv(&accounts);
        browser::download(
            &crate::ui::widgets::data_tools::file_name("rapport-plan", "csv"),
            "text/csv;charset=utf-8",
            &csv,
        );
    })
}

/// One item, read-only, with its status control and its edit and remove buttons.
fn item_view(
    state: &AppHandle,
    account: &AccountRecord,
    item: &PlanItem,
    today: &str,
    removing: bool,
    open: &UseStateHandle<Open>,
) -> Html {
    let lang = state.lang;
    let m = messages(lang);
    let overdue = item.is_overdue(today);
    let status_id = format!("plan-status-{}", item.id);
    let on_status = {
        let state = state.clone();
        let (account_id, item_id) = (account.id.clone(), item.id.clone());
        Callback::from(move |e: Event| {
            let value = e
                .target()
                .and_then(|t| js_sys::Reflect::get(&t, &"value".into()).ok())
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            if let Some(status) = PlanStatus::parse(&value) {
                // Refused only for an item gone meanwhile: nothing left to act on.
                let _ = dispatch_plan(
                    &state,
                    &account_id,
                    PlanEdit::Status {
                        item_id: item_id.clone(),
                        status,
                    },
                );
            }
        })
    };
    let remove = {
        let state = state.clone();
        let open = open.clone();
        let (account_id, item_id) = (account.id.clone(), item.id.clone());
        Callback::from(move |_| {
            // Refused only for an item gone meanwhile: nothing left to act on.
            let _ = dispatch_plan(
                &state,
                &account_id,
                PlanEdit::Remove {
                    item_id: item_id.clone(),
                },
            );
            open.set(Open::None);
            browser::focus_element("plan-heading");
        })
    };
    let set_open = |to: Open| {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(to.clone()))
    };
    html! {
        <li class={crate::ui::class_list("plan-item", &[overdue.then_some("is-overdue")])}
            data-plan-item={item.id.clone()} data-status={item.status.id()}>
            <h3 class="plan-title">{ &item.title }</h3>
            <div class="plan-facts">
                <div class="field plan-status">
                    <label for={status_id.clone()}>{ later_text(lang, "plan.status") }</label>
                    <select id={status_id} data-field="plan-status" onchange={on_status}>
                        { for PlanStatus::ALL.iter().map(|s| html! {
                            <option value={s.id()} selected={*s == item.status}>{ status_text(lang, *s) }</option>
                        }) }
                    </select>
                </div>
                <ul class="plan-meta">
                    if !item.due.is_empty() {
                        <li data-due={item.due.clone()}>
                            { later_text_with(lang, "plan.due_on", &[("date", &item.due)]) }
                            if overdue {
                                { " " }<strong class="badge-overdue" data-overdue="">{ later_text(lang, "plan.overdue") }</strong>
                            }
                        </li>
                    }
                    if !item.owner.is_empty() {
                        <li>{ later_text_with(lang, "plan.owner_is", &[("owner", &item.owner)]) }</li>
                    }
                    if !item.lever.is_empty() {
                        <li data-lever={item.lever.clone()}>{ format!("{}{}{}", later_text(lang, "plan.lever"), m.colon(), label(lang, &item.lever)) }</li>
                    }
                    if !item.measure.is_empty() {
                        <li>{ later_text_with(lang, "plan.measure_is", &[("measure", &item.measure)]) }</li>
                    }
                </ul>
            </div>
            if !item.notes.is_empty() {
                <p class="plan-notes">{ &item.notes }</p>
            }
            if removing {
                <div class="discard" role="alert">
                    <p>{ later_text_with(lang, "plan.remove_confirm", &[("title", &item.title)]) }</p>
                    <button type="button" class="button-danger" data-action="remove-plan-item-confirm" onclick={remove}>{ later_text(lang, "plan.remove_yes") }</button>
                    <button type="button" class="button-secondary" onclick={set_open(Open::None)}>{ m.cancel() }</button>
                </div>
            } else {
                <div class="card-actions">
                    <button type="button" class="button-secondary" data-action="edit-plan-item" onclick={set_open(Open::Editing(item.id.clone()))}>
                        { later_text(lang, "plan.edit") }<span class="visually-hidden">{ format!("{}{}", m.colon(), item.title) }</span>
                    </button>
                    <button type="button" class="button-link" data-action="remove-plan-item" onclick={set_open(Open::Removing(item.id.clone()))}>
                        { later_text(lang, "plan.remove") }<span class="visually-hidden">{ format!("{}{}", m.colon(), item.title) }</span>
                    </button>
                </div>
            }
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct PlanFormProps {
    account_id: AccountId,
    /// The item edited, or `None` for a new one.
    item_id: Option<String>,
    on_done: Callback<()>,
}

/// The form of one item (new or edited); a refusal is shown next to what was typed.
#[function_component]
fn PlanForm(props: &PlanFormProps) -> Html {
    let state = use_app();
    let error = use_state(|| None::<EditError>);
    let lang = state.lang;
    let m = messages(lang);
    let Some(account) = state.account(&props.account_id) else {
        return html! {};
    };
    let item = props.item_id.as_ref().and_then(|id| account.plan_item(id));
    let current = item.map(PlanInput::of).unwrap_or_default();
    use_effect_with((), |()| browser::focus_element("plan-title"));
    let on_submit = {
        let state = state.clone();
        let error = error.clone();
        let on_done = props.on_done.clone();
        let account = account.clone();
        let item_id = props.item_id.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let field = browser::field_value;
            let input = PlanInput {
                title: field("plan-title"),
                lever: field("plan-lever"),
                owner: field("plan-owner"),
                due: field("plan-due"),
                status: PlanStatus::parse(&field("plan-form-status"))
                    .unwrap_or(PlanStatus::Planned),
                measure: field("plan-measure"),
                notes: field("plan-notes"),
            };
            let edit = match &item_id {
                Some(id) => PlanEdit::Edit {
                    item_id: id.clone(),
                    input,
                },
                None => PlanEdit::Add {
                    item_id: browser::new_id(),
                    input,
                    action: String::new(),
                    from: None,
                },
            };
            crate::ui::widgets::edit_form::settle(
                dispatch_plan(&state, &account.id, edit),
                &error,
                &on_done,
                ("plan-heading", "plan-title"),
            );
        })
    };
    let cancel = crate::ui::widgets::edit_form::cancel(&props.on_done, "plan-heading");
    let heading = if item.is_some() {
        later_text(lang, "plan.form_edit")
    } else {
        later_text(lang, "plan.form_add")
    };
    let error_text = error.map(|e| refusal(lang, e));
    html! {
        <form class="plan-form" data-form="plan-item" onsubmit={on_submit} aria-labelledby="plan-form-heading" novalidate=true>
            <h3 id="plan-form-heading">{ heading }</h3>
            if let Some(text) = error_text {
                <p class="warning" role="alert" id="plan-error">{ text }</p>
            }
            <label for="plan-title">{ later_text(lang, "plan.title") }</label>
            <input id="plan-title" data-field="plan-title" value={current.title.clone()} required=true
                aria-invalid={error_text.is_some().then_some("true")} aria-describedby={error_text.is_some().then_some("plan-error")} />
            <label for="plan-lever">{ later_text(lang, "plan.lever") }</label>
            <select id="plan-lever" data-field="plan-lever">
                <option value="" selected={current.lever.is_empty()}>{ later_text(lang, "plan.lever_none") }</option>
                { for lever_keys().map(|key| {
                    let selected = key == current.lever;
                    html! { <option value={key.clone()} {selected}>{ label(lang, &key) }</option> }
                }) }
            </select>
            <div class="plan-form-row">
                <div class="field">
                    <label for="plan-owner">{ later_text(lang, "plan.owner") }</label>
                    <input id="plan-owner" data-field="plan-owner" value={current.owner.clone()} />
                </div>
                <div class="field">
                    <label for="plan-due">{ later_text(lang, "plan.due") }</label>
                    <input id="plan-due" type="date" data-field="plan-due" value={current.due.clone()} />
                </div>
                <div class="field">
                    <label for="plan-form-status">{ later_text(lang, "plan.status") }</label>
                    <select id="plan-form-status" data-field="plan-form-status">
                        { for PlanStatus::ALL.iter().map(|s| html! {
                            <option value={s.id()} selected={*s == current.status}>{ status_text(lang, *s) }</option>
                        }) }
                    </select>
                </div>
            </div>
            <label for="plan-measure">{ later_text(lang, "plan.measure") }</label>
            <input id="plan-measure" data-field="plan-measure" value={current.measure.clone()} />
            <label for="plan-notes">{ later_text(lang, "plan.notes") }</label>
            <textarea id="plan-notes" data-field="plan-notes" rows="3" value={current.notes.clone()} />
            <div class="card-actions">
                <button type="submit" class="button-primary" data-action="save-plan-item">{ later_text(lang, "plan.save") }</button>
                <button type="button" class="button-secondary" onclick={cancel}>{ m.cancel() }</button>
            </div>
        </form>
    }
}

#[derive(Properties, PartialEq)]
pub struct AdoptProps {
    pub account_id: AccountId,
    pub assessment_id: AssessmentId,
    pub action_id: String,
    /// The action's title in the current language: the item's first title (the user may edit it).
    pub title: String,
}

/// "Add to the account plan" on one action of the results. Once adopted it says so and stays
/// a (now inert) button, so keyboard focus is not lost.
#[function_component]
pub fn AdoptButton(props: &AdoptProps) -> Html {
    let state = use_app();
    let lang = state.lang;
    let adopted = state
        .account(&props.account_id)
        .is_some_and(|a| a.open_item_for_action(&props.action_id).is_some());
    let onclick = {
        let state = state.clone();
        let props = (
            props.account_id.clone(),
            props.assessment_id.clone(),
            props.action_id.clone(),
            props.title.clone(),
        );
        Callback::from(move |_| {
            if adopted {
                return;
            }
            let (account_id, assessment_id, action, title) = props.clone();
            let input = PlanInput {
                title,
                lever: lever_for_action(&action).unwrap_or_default(),
                ..Default::default()
            };
            // Refused only for an item gone meanwhile: nothing left to act on.
            let _ = dispatch_plan(
                &state,
                &account_id,
                PlanEdit::Add {
                    item_id: browser::new_id(),
                    input,
                    action,
                    from: Some(assessment_id),
                },
            );
        })
    };
    html! {
        <button type="button" class="button-secondary adopt" data-action="adopt" data-adopted={adopted.to_string()}
            aria-disabled={adopted.then_some("true")} {onclick}>
            { if adopted { format!("✓ {}", later_text(lang, "plan.adopted")) } else { later_text(lang, "plan.adopt").to_owned() } }
        </button>
    }
}

/// The results' plan block: each item planned from an earlier assessment measured against this
/// one ("did it work?"), then every item with its status. Nothing when the account has no plan.
pub fn results_plan_block(
    lang: Lang,
    bank: &Bank,
    account: &AccountRecord,
    assessment_id: &AssessmentId,
) -> Html {
    if account.plan.is_empty() {
        return html! {};
    }
    let measured = progress(bank, account, assessment_id);
    let today = browser::today();
    html! {
        <section class="card plan" aria-labelledby="plan-heading" data-block="plan">
            <h2 id="plan-heading" tabindex="-1">{ later_text(lang, "plan.heading") }</h2>
            if !measured.is_empty() {
                <h3>{ later_text(lang, "plan.progress_heading") }</h3>
                <p>{ later_text(lang, "plan.progress_intro") }</p>
                <ul class="plan-progress">
                    { for measured.iter().filter_map(|p| account.plan_item(&p.item_id).map(|item| progress_view(lang, item, p))) }
                </ul>
            }
            <h3>{ later_text(lang, "plan.items_heading") }</h3>
            <ul class="plan-summary">
                { for account.plan.iter().map(|item| html! {
                    <li data-plan-item={item.id.clone()} data-status={item.status.id()}>
                        <strong>{ &item.title }</strong>
                        { format!(" · {}", status_text(lang, item.status)) }
                        if !item.owner.is_empty() { { format!(" · {}", item.owner) } }
                        if !item.due.is_empty() { { format!(" · {}", later_text_with(lang, "plan.due_on", &[("date", &item.due)])) } }
                        if item.is_overdue(&today) {
                            { " " }<strong class="badge-overdue" data-overdue="">{ later_text(lang, "plan.overdue") }</strong>
                        }
                    </li>
                }) }
            </ul>
            <p class="no-print"><a href={Route::Account { account: account.id.clone() }.to_hash()}>{ later_text(lang, "plan.open_plan") }</a></p>
        </section>
    }
}

fn progress_view(lang: Lang, item: &PlanItem, p: &ItemProgress) -> Html {
    let m = messages(lang);
    let figure = |v: Option<u8>| v.map_or(m.unknown().to_owned(), |v| v.to_string());
    html! {
        <li data-progress={p.item_id.clone()} data-moved={p.moved.id()}
            data-before={p.before.map(|v| v.to_string())} data-after={p.after.map(|v| v.to_string())}>
            <strong>{ &item.title }</strong>
            { format!(" · {}", status_text(lang, item.status)) }
            <br />
            <span class="meta">{ later_text_with(lang, "plan.planned_from", &[("date", &date(p.from_ms))]) }</span>
            if !item.lever.is_empty() {
                <br />
                { later_text_with(lang, "plan.before_after", &[("figure", label(lang, &item.lever)), ("before", &figure(p.before)), ("after", &figure(p.after))]) }
                { format!("{}{}", m.comma(), later_text(lang, &format!("{}{}", "plan.moved.", p.moved.id()))) }
            }
            if let Some(raised) = p.still_raised {
                <br />
                <span data-still-raised={raised.to_string()}>{ later_text(lang, if raised { "plan.still_raised" } else { "plan.resolved" }) }</span>
            }
        </li>
    }
}
