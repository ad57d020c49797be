//! Every account at a glance: the latest positions on one loyalty map, and a sortable, filterable
//! table (name, tags, level, target, gap, quadrant, defection risk band, last assessed).

use yew::prelude::*;

use crate::engine::model::ids::{Quadrant, RiskBand};
use crate::engine::scoring::portfolio::{rows, select, Query, SortKey};
use crate::engine::state::route::Route;
use crate::engine::text::explain::date;
use crate::engine::text::i18n::{messages, Messages};
use crate::engine::text::labels::Labelled;
use crate::ui::root::use_app;
use crate::ui::screens::account::compare_form;
use crate::ui::widgets::charts::{loyalty_map, LoyaltyMap, MapPoint};

fn column_name(lang: crate::engine::text::lang::Lang, m: &Messages, key: SortKey) -> &'static str {
    match key {
        SortKey::Name => m.col_name(),
        SortKey::Level => m.col_level(),
        SortKey::Target => m.col_target(),
        SortKey::Gap => m.col_gap(),
        SortKey::Quadrant => m.col_quadrant(),
        SortKey::Risk => m.col_risk(),
        SortKey::Last => m.col_last(),
        SortKey::Overdue => crate::engine::scoring::later_text(lang, "plan.col_overdue"),
        SortKey::MapGaps => crate::engine::scoring::later_text(lang, "contacts.col_gaps"),
    }
}

/// The portfolio screen.
#[function_component]
pub fn Portfolio() -> Html {
    let state = use_app();
    let query = use_state(Query::default);
    let lang = state.lang;
    let m = messages(lang);
    let Some(bank) = state.loaded().map(|l| l.bank) else {
        return crate::ui::edge::data::data_pending(&state);
    };
    // Scoring every account's latest assessment: ~20 µs each on the host.
    let team = state.team.as_deref();
    let all = rows(
        bank,
        &state.accounts,
        &crate::ui::edge::browser::today(),
        team,
    );
    let shown = select(&all, &query);
    let points: Vec<MapPoint> = shown
        .iter()
        .filter_map(|r| {
            let s = r.summary.as_ref()?;
            Some(MapPoint {
                name: r.name.clone(),
                satisfaction: s.satisfaction?,
                switching_cost: s.switching_cost?,
                href: Route::Account {
                    account: r.account_id.clone(),
                }
                .to_hash(),
            })
        })
        .collect();
    let description = m.portfolio_map_label(points.len());

    let set = |f: fn(&mut Query, String)| {
        let query = query.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target()
                .and_then(|t| js_sys::Reflect::get(&t, &"value".into()).ok())
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            let mut next = (*query).clone();
            f(&mut next, value);
            query.set(next);
        })
    };
    let on_text = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            let mut next = (*query).clone();
            next.text = crate::ui::screens::start::input_value(&e);
            query.set(next);
        })
    };
    let sort_by = |key: SortKey| {
        let query = query.clone();
        Callback::from(move |_| {
            let mut next = (*query).clone();
            next.descending = next.sort == key && !next.descending;
            next.sort = key;
            query.set(next);
        })
    };
    let header = |key: SortKey| {
        let sort = if query.sort == key {
            if query.descending {
                "descending"
            } else {
                "ascending"
            }
        } else {
            "none"
        };
        html! {
            <th scope="col" aria-sort={sort}>
                <button type="button" class="sort" data-sort={key.id()} onclick={sort_by(key)}>
                    { column_name(lang, m, key) }
                    <span aria-hidden="true">{ match sort { "ascending" => " ▲", "descending" => " ▼", _ => "" } }</span>
                </button>
            </th>
        }
    };
    // A labelled select whose first option is "all"; `selected` is always explicit: Yew inserts
    // children last-first, so a select left to the browser would start on its last option.
    let filter_select = |id: &'static str,
                         name: &'static str,
                         onchange: Callback<Event>,
                         options: Vec<(String, String, bool)>| {
        let none_selected = !options.iter().any(|o| o.2);
        html! {
            <div class="field">
                <label for={id}>{ name }</label>
                <select {id} {onchange}>
                    <option value="" selected={none_selected}>{ m.filter_all() }</option>
                    { for options.into_iter().map(|(value, text, selected)| html! { <option {value} {selected}>{ text }</option> }) }
                </select>
            </div>
        }
    };

    html! {
        <section class="portfolio" aria-labelledby="portfolio-heading" data-screen="portfolio" data-rows={shown.len().to_string()}>
            <div class="screen-head">
                <h1 id="portfolio-heading">{ m.portfolio_heading() }</h1>
                <div class="card-actions">
                    if state.accounts.iter().any(|a| !a.plan.is_empty()) {
                        <button type="button" class="button-secondary" data-action="export-plan-csv"
                            onclick={crate::ui::screens::plan::export_plan_csv(&state.accounts)}>{ crate::engine::scoring::later_text(lang, "plan.export_csv") }</button>
                    }
                    <a class="button-secondary" href={Route::Home.to_hash()}>{ m.back_to_accounts() }</a>
                </div>
            </div>
            <div class="card filters" role="search">
                <div class="field">
                    <label for="filter-text">{ m.filter_text() }</label>
                    <input id="filter-text" type="search" data-field="filter-text" value={query.text.clone()} oninput={on_text} />
                </div>
                { filter_select("filter-quadrant", m.col_quadrant(), set(|q, v| q.quadrant = Quadrant::parse(&v)),
                    Quadrant::ALL.iter().map(|q| (q.id().to_owned(), q.label(lang), query.quadrant == Some(*q))).collect()) }
                { filter_select("filter-risk", m.col_risk(), set(|q, v| q.risk_band = RiskBand::parse(&v)),
                    RiskBand::ALL.iter().map(|b| (b.id().to_owned(), b.label(lang), query.risk_band == Some(*b))).collect()) }
                if let Some(team) = team {
                    { filter_select("filter-owner", crate::engine::scoring::later_text(lang, "sync.owner"), set(|q, v| q.owner = (!v.is_empty()).then_some(v)),
                        team.owners_of(state.accounts.iter().map(|a| &a.id)).into_iter().map(|name| {
                            let text = if name == team.me {
                                crate::engine::scoring::later_text_with(lang, "sync.owner_mine", &[("name", name)])
                            } else {
                                name.to_owned()
                            };
                            (name.to_owned(), text, query.owner.as_deref() == Some(name))
                        }).collect()) }
                }
                <p class="meta" aria-live="polite">{ m.rows_shown(shown.len(), all.len()) }</p>
            </div>
            <div class="loyalty-layout">
                <figure class="map-figure card">
                    { loyalty_map(&LoyaltyMap { lang, satisfaction: None, switching_cost: None, quadrant: None, description, path: Vec::new(), others: points }) }
                    <figcaption>{ m.portfolio_map_caption() }</figcaption>
                </figure>
                { compare_form(&state, None, None, true) }
            </div>
            <div class="card table-wrap">
                <table class="portfolio-table" data-portfolio="">
                    <caption>{ m.portfolio_caption() }</caption>
                    <thead><tr>
                        { header(SortKey::Name) }
                        if team.is_some() {
                            <th scope="col">{ crate::engine::scoring::later_text(lang, "sync.owner") }</th>
                        }
                        <th scope="col">{ m.col_tags() }</th>
                        { for SortKey::ALL[1..].iter().map(|k| header(*k)) }
                    </tr></thead>
                    <tbody>
                        { for shown.iter().map(|r| {
                            let s = r.summary.as_ref();
                            let dash = || m.unknown().to_owned();
                            html! {
                                <tr data-account={r.account_id.clone()} data-owner={r.owner.clone()}>
                                    <th scope="row"><a href={Route::Account { account: r.account_id.clone() }.to_hash()}>{ &r.name }</a></th>
                                    if let Some(owner) = &r.owner {
                                        <td data-col="owner">{ owner }</td>
                                    }
                                    <td>{ for r.tags.iter().map(|t| html! { <span class="tag">{ t }</span> }) }</td>
                                    <td data-col="level">{ s.map_or_else(dash, |s| s.level.label(lang)) }</td>
                                    <td>{ s.map_or_else(dash, |s| s.target_level.label(lang)) }</td>
                                    <td data-col="gap">{ r.gap().map_or_else(dash, |g| g.to_string()) }</td>
                                    <td data-col="quadrant">{ s.and_then(|s| s.quadrant).map_or_else(dash, |q| q.label(lang)) }</td>
                                    <td data-col="risk">{ s.and_then(|s| s.risk_band).map_or_else(dash, |b| format!("{}{}", b.label(lang), m.paren(&s.and_then(|s| s.defection_risk).unwrap_or_default().to_string()))) }</td>
                                    <td>{ r.last_ms.map_or_else(dash, date) }</td>
                                    <td data-col="overdue" data-overdue={r.overdue.to_string()}>{ r.overdue.to_string() }</td>
                                    <td data-col="map-gaps">{ r.map_gaps.map_or_else(|| crate::engine::scoring::later_text(lang, "contacts.no_map").to_owned(), |n| n.to_string()) }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}
