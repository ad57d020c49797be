//! One account: its details (editable), its trend over time, its path on the loyalty map, its
//! history, and a way to compare any two assessments.

use yew::prelude::*;

use crate::engine::model::ids::AccountId;

use crate::engine::model::record::{AccountRecord, EditError, NewAccount};
use crate::engine::scoring::portfolio::{trend, TrendPoint};
use crate::engine::scoring::{later_text_with, Summary};
use crate::engine::state::app::Action;
use crate::engine::state::route::{AssessmentRef, Route};
use crate::engine::text::explain::date;
use crate::engine::text::i18n::{messages, Messages};
use crate::engine::text::labels::{label, Labelled};
use crate::engine::text::lang::Lang;
use crate::ui::root::{use_app, AppHandle};
use crate::ui::widgets::charts::{loyalty_map, trend_chart, LoyaltyMap, Series, TrendChart};

/// An index the trend chart can plot.
struct TrendIndex {
    /// For `data-series` and the CSS class `series-<id>`.
    id: &'static str,
    /// Its label key.
    label: &'static str,
    value: fn(&Summary) -> Option<u8>,
}

/// Every index of an assessment's summary, in the order of the toggles; the first three are
/// shown at first (the loyalty axes and defection risk).
const TREND_INDICES: [TrendIndex; 8] = [
    trend_index("satisfaction", "axis.satisfaction", |s| s.satisfaction),
    trend_index("switching_cost", "axis.switching_cost", |s| {
        s.switching_cost
    }),
    trend_index("risk", "index.defection_risk", |s| s.defection_risk),
    trend_index("trust", "capability.trust", |s| s.trust),
    trend_index("execution", "capability.execution", |s| s.execution),
    trend_index("innovation", "capability.innovation", |s| s.innovation),
    trend_index("symbiosis", "index.symbiosis", |s| s.symbiosis),
    trend_index("confidence", "index.confidence", |s| Some(s.confidence)),
];

const fn trend_index(
    id: &'static str,
    label: &'static str,
    value: fn(&Summary) -> Option<u8>,
) -> TrendIndex {
    TrendIndex { id, label, value }
}

const TREND_SHOWN_AT_FIRST: u16 = 0b111;

#[derive(Properties, PartialEq)]
pub struct AccountPageProps {
    pub account_id: AccountId,
}

fn num(m: &Messages, v: Option<u8>) -> String {
    v.map_or(m.unknown().to_owned(), |v| v.to_string())
}

fn quadrant_text(lang: Lang, m: &Messages, s: &Summary) -> String {
    s.quadrant.map_or(m.unknown().to_owned(), |q| q.label(lang))
}

/// The account screen.
#[function_component]
pub fn AccountPage(props: &AccountPageProps) -> Html {
    let state = use_app();
    // `Some(refusal)` while the details form is open.
    let editing = use_state(|| None::<Option<EditError>>);
    // Which of TREND_INDICES the chart plots, one bit each.
    let shown = use_state(|| TREND_SHOWN_AT_FIRST);
    let lang = state.lang;
    let m = messages(lang);
    let Some(account) = state.account(&props.account_id) else {
        return html! {};
    };
    let Some(bank) = state.loaded().map(|l| l.bank) else {
        return crate::ui::edge::data::data_pending(&state);
    };
    let points = trend(bank, account);
    let id = account.id.clone();

    let details = details_control(&state, account, &editing);
    let latest = points.last();
    let team = state.team.as_deref();
    let owner = team.map(|t| t.owner_of(&id).to_owned());

    html! {
        <section class="account-page" aria-labelledby="account-heading" data-screen="account" data-account={id.clone()} data-owner={owner.clone()}>
            <div class="screen-head">
                <div>
                    <h1 id="account-heading">{ &account.name }</h1>
                    <p class="account-meta">
                        { &account.industry }
                        { for account.tags.iter().map(|t| html! { <span class="tag">{ t }</span> }) }
                    </p>
                    if let Some(owner) = &owner {
                        <p class="account-meta account-owner">{ later_text_with(lang, "sync.owner_is", &[("name", owner)]) }</p>
                    }
                </div>
                <div class="card-actions">
                    { details }
                    <a class="button-secondary" href={Route::Home.to_hash()}>{ m.back_to_accounts() }</a>
                </div>
            </div>
            if points.is_empty() {
                <p class="card">{ m.not_assessed_yet() }</p>
            } else {
                <section class="card" aria-labelledby="trend-heading" data-block="trend">
                    <h2 id="trend-heading">{ m.trend_heading() }</h2>
                    { trend_view(lang, &points, &shown) }
                    { history_table(lang, &id, &points, team) }
                </section>
                { compare_form(&state, points.len().checked_sub(2).map(|i| AssessmentRef { account: id.clone(), assessment: points[i].assessment_id.clone() }), latest.map(|p| AssessmentRef { account: id.clone(), assessment: p.assessment_id.clone() }), false) }
            }
            <crate::ui::screens::contacts::StakeholderMap account_id={id.clone()} />
            <crate::ui::screens::plan::AccountPlan account_id={id.clone()} />
            <crate::ui::screens::eyes::OtherEyes account_id={id.clone()} />
        </section>
    }
}

/// The "edit details" button, or the open form with its refusal (`editing` is `Some` while open).
fn details_control(
    state: &AppHandle,
    account: &AccountRecord,
    editing: &UseStateHandle<Option<Option<EditError>>>,
) -> Html {
    let m = messages(state.lang);
    if let Some(error) = **editing {
        let on_submit = {
            let state = state.clone();
            let editing = editing.clone();
            let account = account.clone();
            Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                let field = crate::ui::edge::browser::field_value;
                let input = NewAccount {
                    name: field("edit-name"),
                    industry: field("edit-industry"),
                    tags: field("edit-tags"),
                    assessor: String::new(),
                };
                // Checked here first, so a refusal is shown next to what was typed.
                let now_ms = crate::ui::edge::browser::now_ms();
                match account.clone().edit_details(&input, now_ms) {
                    Ok(()) => {
                        state.dispatch(Action::EditDetails {
                            account_id: account.id.clone(),
                            input,
                            now_ms,
                        });
                        editing.set(None);
                    }
                    Err(e) => editing.set(Some(Some(e))),
                }
            })
        };
        let cancel = {
            let editing = editing.clone();
            Callback::from(move |_| editing.set(None))
        };
        let error = error.map(|e| match e {
            EditError::NameMissing => m.error_name_missing(),
            _ => m.error_too_long(),
        });
        html! {
            <form class="card details-form" data-form="details" onsubmit={on_submit}>
                <h2>{ m.edit_details() }</h2>
                <label for="edit-name">{ m.account_name_label() }</label>
                <input id="edit-name" name="name" data-field="edit-name" value={account.name.clone()} required=true />
                <label for="edit-industry">{ m.industry_label() }</label>
                <input id="edit-industry" name="industry" value={account.industry.clone()} />
                <label for="edit-tags">{ m.tags_label() }</label>
                <input id="edit-tags" name="tags" value={account.tags.join(", ")} />
                if let Some(error) = error { <p class="warning" role="alert">{ error }</p> }
                <div class="card-actions">
                    <button type="submit" class="button-primary" data-action="save-details">{ m.save() }</button>
                    <button type="button" class="button-secondary" onclick={cancel}>{ m.cancel() }</button>
                </div>
            </form>
        }
    } else {
        let edit = {
            let editing = editing.clone();
            Callback::from(move |_| editing.set(Some(None)))
        };
        html! { <button type="button" class="button-secondary" data-action="edit-details" onclick={edit}>{ m.edit_details() }</button> }
    }
}

/// The loyalty-map path, the trend chart and its series toggles (`shown`: one bit per index).
fn trend_view(lang: Lang, points: &[TrendPoint], shown: &UseStateHandle<u16>) -> Html {
    let m = messages(lang);
    let latest = points.last();
    let path: Vec<(u8, u8)> = points
        .iter()
        .take(points.len().saturating_sub(1))
        .filter_map(|p| Some((p.summary.satisfaction?, p.summary.switching_cost?)))
        .collect();
    let chosen: Vec<&TrendIndex> = TREND_INDICES
        .iter()
        .enumerate()
        .filter(|(i, _)| **shown & (1 << i) != 0)
        .map(|(_, t)| t)
        .collect();
    let all_series: Vec<Series> = chosen
        .iter()
        .map(|t| Series {
            id: t.id,
            name: label(lang, t.label).to_owned(),
            values: points.iter().map(|p| (t.value)(&p.summary)).collect(),
        })
        .collect();
    // The chart's text alternative: every point with the chosen indices and the level.
    let trend_text = points
        .iter()
        .map(|p| {
            let figures: Vec<String> = chosen
                .iter()
                .map(|t| format!("{} {}", label(lang, t.label), num(m, (t.value)(&p.summary))))
                .collect();
            format!(
                "{}{}{}{}{}{}",
                date(p.completed_ms),
                p.older_questionnaire
                    .map_or(String::new(), |v| m.questionnaire_marker(v)),
                m.colon(),
                figures.join(m.comma()),
                m.comma(),
                p.summary.level.label(lang)
            )
        })
        .collect::<Vec<_>>()
        .join(m.list_separator());
    let toggles = html! {
        <fieldset class="series-toggles" data-series-toggles="">
            <legend>{ m.trend_show() }</legend>
            { for TREND_INDICES.iter().enumerate().map(|(i, t)| {
                let bit = 1u16 << i;
                let on = **shown & bit != 0;
                let onchange = {
                    let shown = shown.clone();
                    Callback::from(move |_| shown.set(*shown ^ bit))
                };
                let id = format!("series-{}", t.id);
                html! {
                    <label for={id.clone()} class={format!("toggle series-{}", t.id)}>
                        <input type="checkbox" id={id} checked={on} {onchange} data-series-toggle={t.id} />
                        <span class="swatch" aria-hidden="true"></span>
                        { label(lang, t.label) }
                    </label>
                }
            }) }
        </fieldset>
    };

    html! {
        <div class="loyalty-layout">
            if let Some(latest) = latest {
                <figure class="map-figure">
                    { loyalty_map(&LoyaltyMap { lang, satisfaction: latest.summary.satisfaction.map(f64::from), switching_cost: latest.summary.switching_cost.map(f64::from), quadrant: latest.summary.quadrant, description: trend_text.clone(), path, others: Vec::new() }) }
                    <figcaption>{ m.path_caption() }</figcaption>
                </figure>
            }
            <div class="trend-column">
                { trend_chart(&TrendChart { title: m.trend_heading().to_owned(), description: trend_text, labels: points.iter().map(|p| format!("{}{}", date(p.completed_ms), p.older_questionnaire.map_or(String::new(), |v| m.questionnaire_marker(v)))).collect(), series: all_series }) }
                { toggles }
                if points.iter().any(|p| p.older_questionnaire.is_some()) {
                    <p class="meta" data-older-questionnaire="">{ m.older_questionnaire_note() }</p>
                }
            </div>
        </div>
    }
}

/// Every completed assessment, newest first, each linked to its results and to a comparison
/// with the one before.
/// Every completed assessment; with team sync on, each says who completed it.
fn history_table(
    lang: Lang,
    id: &AccountId,
    points: &[TrendPoint],
    team: Option<&crate::engine::sync::team::Team>,
) -> Html {
    let m = messages(lang);
    html! {
        <div class="table-wrap">
            <table class="history-table" data-history="">
                <caption>{ m.history_caption() }</caption>
                <thead><tr>
                    <th scope="col">{ m.col_last() }</th>
                    <th scope="col">{ m.col_level() }</th>
                    <th scope="col">{ m.col_target() }</th>
                    <th scope="col">{ m.col_quadrant() }</th>
                    <th scope="col">{ label(lang, "axis.satisfaction") }</th>
                    <th scope="col">{ label(lang, "axis.switching_cost") }</th>
                    <th scope="col">{ label(lang, "index.defection_risk") }</th>
                </tr></thead>
                <tbody>
                    { for points.iter().enumerate().rev().map(|(i, p)| {
                        let this = AssessmentRef { account: id.clone(), assessment: p.assessment_id.clone() };
                        let previous = i.checked_sub(1).map(|j| AssessmentRef { account: id.clone(), assessment: points[j].assessment_id.clone() });
                        html! {
                            <tr data-assessment={p.assessment_id.clone()}>
                                <th scope="row">
                                    <a href={Route::Results { account: id.clone(), assessment: p.assessment_id.clone() }.to_hash()}>{ date(p.completed_ms) }</a>
                                    if let Some(by) = team.and_then(|t| t.assessed_by(&p.assessment_id)) {
                                        <br />
                                        <span class="small-meta" data-assessed-by={by.to_owned()}>{ later_text_with(lang, "sync.assessed_by", &[("name", by)]) }</span>
                                    }
                                    if let Some(previous) = previous {
                                        <br />
                                        <a class="small-link" data-action="compare-previous" href={Route::Compare { a: previous, b: this }.to_hash()}>{ m.compare_previous() }</a>
                                    }
                                </th>
                                <td>{ p.summary.level.label(lang) }</td>
                                <td>{ p.summary.target_level.label(lang) }</td>
                                <td>{ quadrant_text(lang, m, &p.summary) }</td>
                                <td>{ num(m, p.summary.satisfaction) }</td>
                                <td>{ num(m, p.summary.switching_cost) }</td>
                                <td>{ num(m, p.summary.defection_risk) }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}

struct CompareFormProps {
    /// Preselected as the second assessment.
    pub default_b: Option<AssessmentRef>,
    /// Preselected as the first (baseline) assessment.
    pub default_a: Option<AssessmentRef>,
    /// List only each account's latest assessment (the portfolio: 200 accounts × 5 would make
    /// two lists of 1,000 options).
    pub latest_only: bool,
}

/// Two lists of every completed assessment (of every account) and a button to compare them.
pub fn compare_form(
    state: &AppHandle,
    default_a: Option<AssessmentRef>,
    default_b: Option<AssessmentRef>,
    latest_only: bool,
) -> Html {
    let props = CompareFormProps {
        default_a,
        default_b,
        latest_only,
    };
    let m = messages(state.lang);
    let choices: Vec<(String, String)> = state
        .accounts
        .iter()
        .flat_map(|a| {
            let take = if props.latest_only { 1 } else { usize::MAX };
            a.completed().rev().take(take).map(move |r| {
                (
                    format!("{}/{}", a.id, r.id),
                    format!(
                        "{} · {}",
                        a.name,
                        date(r.completed_ms.unwrap_or(r.updated_ms))
                    ),
                )
            })
        })
        .collect();
    if choices.len() < 2 {
        return html! {};
    }
    let default_b = props
        .default_b
        .as_ref()
        .map(|r| format!("{}/{}", r.account, r.assessment))
        .unwrap_or_else(|| choices[0].0.clone());
    let default_a = props
        .default_a
        .as_ref()
        .map(|r| format!("{}/{}", r.account, r.assessment))
        .or_else(|| {
            choices
                .iter()
                .map(|c| c.0.clone())
                .find(|c| *c != default_b)
        })
        .unwrap_or_default();
    let on_submit = {
        let state = state.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let pick = |id: &str| {
                let v = crate::ui::edge::browser::field_value(id);
                let (account, assessment) = v.split_once('/').unwrap_or_default();
                AssessmentRef {
                    account: account.into(),
                    assessment: assessment.into(),
                }
            };
            state.dispatch(Action::Navigate(Route::Compare {
                a: pick("compare-a"),
                b: pick("compare-b"),
            }));
        })
    };
    let select = |name: &'static str, selected: &str| {
        html! {
            <select id={format!("compare-{name}")} name={name}>
                { for choices.iter().map(|(value, text)| html! {
                    <option value={value.clone()} selected={value == selected}>{ text }</option>
                }) }
            </select>
        }
    };
    html! {
        <form class="card compare-form" data-form="compare" onsubmit={on_submit}>
            <h2>{ m.compare_heading() }</h2>
            <label for="compare-a">{ m.compare_before() }</label>
            { select("a", &default_a) }
            <label for="compare-b">{ m.compare_after() }</label>
            { select("b", &default_b) }
            <button type="submit" class="button-primary" data-action="compare">{ m.compare_button() }</button>
        </form>
    }
}
