//! The accounts home screen: every account with its latest result, and how to start.

use yew::prelude::*;

use crate::engine::model::ids::AccountId;

use crate::engine::scoring::later_text_with;
use crate::engine::state::app::{Action, OpenDraft};
use crate::engine::state::route::Route;
use crate::engine::text::explain;
use crate::engine::text::i18n::messages;
use crate::engine::text::labels::Labelled;
use crate::ui::edge::browser;
use crate::ui::root::{dispatcher, use_app, AppHandle};

/// The accounts list.
pub fn home(state: &AppHandle) -> Html {
    let lang = state.lang;
    let m = messages(lang);
    let on_new = dispatcher(state, move |_| Action::Navigate(Route::New));
    let accounts = &state.accounts;
    html! {
        <section class="accounts" aria-labelledby="accounts-heading" data-screen="accounts">
            <div class="screen-head">
                <h1 id="accounts-heading">{ m.accounts_heading() }</h1>
                <div class="card-actions">
                    if !accounts.is_empty() {
                        <a class="button-secondary" data-action="portfolio" href={Route::Portfolio.to_hash()}>{ m.portfolio_heading() }</a>
                    }
                    <button type="button" class="button-primary" data-action="new-assessment" onclick={on_new}>{ m.new_assessment() }</button>
                </div>
            </div>
            if state.deferred.is_some() {
                { crate::ui::edge::data::data_pending(state) }
            }
            if accounts.is_empty() {
                <div class="empty-state">
                    <h2>{ m.accounts_empty_title() }</h2>
                    <p>{ m.accounts_empty_body() }</p>
                    <ol>{ for m.accounts_empty_steps().iter().map(|step| html! { <li>{ *step }</li> }) }</ol>
                </div>
            } else {
                <ul class="account-list">
                    { for accounts.iter().rev().map(|a| html! { <AccountCard key={a.id.as_str()} account_id={a.id.clone()} /> }) }
                </ul>
            }
            <crate::ui::widgets::data_tools::DataTools />
            <p class="rules-link"><a href={Route::Rules.to_hash()}>{ m.rules_link() }</a></p>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct CardProps {
    account_id: AccountId,
}

/// One account: its latest figures, its draft, and what can be done with it.
#[function_component]
fn AccountCard(props: &CardProps) -> Html {
    let state = use_app();
    let confirming_delete = use_state(|| false);
    let lang = state.lang;
    let m = messages(lang);
    let Some(account) = state.account(&props.account_id) else {
        return html! {};
    };
    let delete = {
        let id = account.id.clone();
        dispatcher(&state, move |_| Action::Delete {
            account_id: id.clone(),
        })
    };
    let set_confirm = |v: bool| {
        let confirming = confirming_delete.clone();
        Callback::from(move |_| confirming.set(v))
    };
    // Figures need the question bank, the scoring code (with the record code) and the labels
    // (with the later screens' texts), which `root::use_later_prefetch` fetches for a home
    // screen listing completed accounts; until all are in, the card shows the date only.
    let bank = state.loaded().map(|l| l.bank);
    let summarize = crate::ui::lazy::records()
        .filter(|_| crate::engine::text::labels::labels_cover(lang))
        .map(|r| r.summarize);
    let latest = account
        .latest_completed()
        .map(|a| (a, bank.zip(summarize).map(|(b, f)| f(b, &a.answers))));
    let draft = account.draft();
    let owner = state
        .team
        .as_deref()
        .map(|t| t.owner_of(&account.id).to_owned());
    let overdue = account.overdue_count(&browser::today());
    let id = account.id.clone();
    let resume = {
        let id = id.clone();
        dispatcher(&state, move |_| {
            Action::Navigate(Route::Assess {
                account: id.clone(),
            })
        })
    };
    let reassess = {
        let id = id.clone();
        dispatcher(&state, move |_| {
            Action::Open(OpenDraft::Reassess {
                account_id: id.clone(),
                assessment_id: browser::new_id(),
                now_ms: browser::now_ms(),
            })
        })
    };
    html! {
        <li class="account-card" data-account={id.clone()} data-owner={owner.clone()}>
            <h2 class="account-name"><a href={Route::Account { account: id.clone() }.to_hash()}>{ &account.name }</a></h2>
            if let Some(owner) = &owner {
                // Only while team sync is on, so the later screens' texts are in.
                <p class="account-meta account-owner">{ later_text_with(lang, "sync.owner_is", &[("name", owner)]) }</p>
            }
            if !account.industry.is_empty() || !account.tags.is_empty() {
                <p class="account-meta">
                    { &account.industry }
                    { for account.tags.iter().map(|t| html! { <span class="tag">{ t }</span> }) }
                </p>
            }
            if overdue > 0 {
                <p class="badge-overdue" data-overdue={overdue.to_string()}>
                    <a href={Route::Account { account: id.clone() }.to_hash()}>{ m.overdue_items(overdue) }</a>
                </p>
            }
            if let Some((record, summary)) = &latest {
                <dl class="account-figures">
                    if let Some(summary) = summary {
                        <div><dt>{ m.col_level() }</dt><dd>{ summary.level.label(lang) }</dd></div>
                        <div><dt>{ m.col_quadrant() }</dt><dd>{ summary.quadrant.map_or(m.unknown().to_owned(), |q| q.label(lang)) }</dd></div>
                        <div><dt>{ m.col_risk() }</dt><dd>{ summary.risk_band.map_or(m.unknown().to_owned(), |b| b.label(lang)) }</dd></div>
                    }
                    <div><dt>{ m.col_last() }</dt><dd>{ explain::date(record.completed_ms.unwrap_or(record.updated_ms)) }</dd></div>
                </dl>
                if let (true, Some((bank, summarize))) = (account.completed().count() > 1, bank.zip(summarize)) {
                    <details class="timeline" data-timeline={account.id.clone()}>
                        <summary>{ m.history(account.completed().count()) }</summary>
                        <ol reversed=true>
                            { for account.completed().rev().map(|a| {
                                let s = summarize(bank, &a.answers);
                                let route = Route::Results { account: account.id.clone(), assessment: a.id.clone() };
                                html! {
                                    <li>
                                        <a href={route.to_hash()}>{ explain::date(a.completed_ms.unwrap_or(a.updated_ms)) }</a>
                                        { format!(" · {} · {}", s.level.label(lang),
                                            s.quadrant.map_or(m.unknown().to_owned(), |q| q.label(lang))) }
                                    </li>
                                }
                            }) }
                        </ol>
                    </details>
                }
            } else {
                <p class="account-meta">{ m.not_assessed_yet() }</p>
            }
            <div class="card-actions">
                if let Some(draft) = draft {
                    if let Some(bank) = bank {
                        <span class="draft-progress">{ m.draft_progress(draft.answers.len(), bank.questions.len()) }</span>
                    }
                    <button type="button" class="button-primary" data-action="resume" onclick={resume}>{ m.resume() }</button>
                } else {
                    <button type="button" class="button-secondary" data-action="reassess" onclick={reassess}>{ m.reassess() }</button>
                }
                if let Some((record, _)) = &latest {
                    <a class="button-secondary" href={Route::Results { account: id.clone(), assessment: record.id.clone() }.to_hash()}>{ m.view_results() }</a>
                }
                <a class="button-secondary" data-action="account-page" href={Route::Account { account: id.clone() }.to_hash()}>{ m.account_page() }</a>
                if !*confirming_delete {
                    <button type="button" class="button-link" data-action="delete" onclick={set_confirm(true)}>{ m.delete_account() }</button>
                }
            </div>
            if *confirming_delete {
                <div class="discard" role="alert">
                    <p>{ m.delete_confirm(&account.name) }</p>
                    <button type="button" class="button-danger" data-action="delete-confirm" onclick={delete}>{ m.delete_yes() }</button>
                    <button type="button" class="button-secondary" onclick={set_confirm(false)}>{ m.cancel() }</button>
                </div>
            }
        </li>
    }
}
