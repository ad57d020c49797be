//! The results of one completed assessment: every figure, its explanation and the action plan.

use yew::prelude::*;

use crate::engine::model::ids::{AccountId, AssessmentId};

use crate::engine::model::bank::Bank;
use crate::engine::scoring::{
    round, score, AssessmentResult, SafeguardStatus, FIRST_ACTIONS_SHOWN,
};
use crate::engine::state::route::Route;
use crate::engine::text::explain;
use crate::engine::text::i18n::{messages, Messages};
use crate::engine::text::labels::text;
use crate::engine::text::labels::{label, Labelled};
use crate::engine::text::lang::Lang;
use crate::ui::root::{dispatcher, use_app};
use crate::ui::widgets::charts::{bar, ladder, loyalty_map, Ladder, LoyaltyMap};

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub account_id: AccountId,
    pub assessment_id: AssessmentId,
}

fn opt_num(v: Option<u8>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

fn figure(m: &Messages, v: Option<f64>) -> String {
    v.map_or(m.unknown().to_owned(), |v| round(v).to_string())
}

/// A collapsible "how this was computed" with a link to all the rules.
fn how(m: &Messages, texts: &[&'static str]) -> Html {
    html! {
        <details class="how">
            <summary>{ m.how_computed() }</summary>
            { for texts.iter().map(|t| html! { <p>{ *t }</p> }) }
            <p><a href={Route::Rules.to_hash()}>{ m.full_rules_link() }</a></p>
        </details>
    }
}

/// The results screen of one of the user's own assessments.
#[function_component]
pub fn Results(props: &ResultsProps) -> Html {
    let state = use_app();
    let show_all = use_state(|| false);
    let sharing = use_state(|| false);
    // Whether the last "copy link" worked (`None` before any).
    let copied = use_state(|| None::<bool>);
    let lang = state.lang;
    let m = messages(lang);
    let has_responses = state.account(&props.account_id).is_some_and(|a| {
        a.responses_against(props.assessment_id.as_str())
            .next()
            .is_some()
    });
    crate::ui::screens::eyes::use_customer(lang, has_responses);
    let Some(account) = state.account(&props.account_id) else {
        return html! {};
    };
    let Some(record) = account.assessment(&props.assessment_id) else {
        return html! {};
    };
    let Some(bank) = state.loaded().map(|l| l.bank) else {
        return crate::ui::edge::data::data_pending(&state);
    };
    let export_one = {
        let account = account.clone();
        let assessment = record.id.clone();
        Callback::from(move |_| {
            if let Some(json) = crate::engine::storage::exchange::export_one(
                &account,
                &assessment,
                crate::ui::edge::browser::now_ms(),
            ) {
                let name = crate::ui::widgets::data_tools::file_name(
                    &format!("rapport-{}", account.id),
                    "json",
                );
                crate::ui::edge::browser::download(&name, "application/json", &json);
            }
        })
    };
    let toggle_share = {
        let sharing = sharing.clone();
        Callback::from(move |_| sharing.set(!*sharing))
    };
    let actions = html! {
        <>
            <button type="button" class="button-primary" data-action="print-summary" onclick={Callback::from(|_| crate::ui::edge::browser::print_summary())}>{ m.print_summary() }</button>
            <button type="button" class="button-secondary" data-action="print" onclick={Callback::from(|_| crate::ui::edge::browser::print())}>{ m.print_report() }</button>
            <button type="button" class="button-secondary" data-action="export-one" onclick={export_one}>{ m.export_one() }</button>
            <button type="button" class="button-secondary" data-action="share" aria-expanded={sharing.to_string()} onclick={toggle_share}>{ m.share_link() }</button>
            <a class="button-secondary" href={Route::Account { account: account.id.clone() }.to_hash()}>{ m.account_page() }</a>
            <a class="button-secondary" href={Route::Home.to_hash()}>{ m.back_to_accounts() }</a>
        </>
    };
    let link = (*sharing).then(|| {
        let hash = Route::Shared { payload: crate::engine::state::share::encode(account, record) }.to_hash();
        let url = crate::ui::edge::browser::page_url_with(&hash);
        let copy = {
            let url = url.clone();
            let copied = copied.clone();
            Callback::from(move |_| {
                let (url, copied) = (url.clone(), copied.clone());
                yew::platform::spawn_local(async move {
                    let ok = crate::ui::edge::browser::copy_text(url).await;
                    if !ok {
                        // Selected, so Ctrl+C / ⌘C copies it.
                        crate::ui::edge::browser::select_field("share-link");
                    }
                    copied.set(Some(ok));
                });
            })
        };
        html! {
            <div class="card share-panel" data-share-panel="">
                <label for="share-link">{ m.share_link_label() }</label>
                <div class="share-row">
                    <input id="share-link" class="share-link" readonly=true value={url} />
                    <button type="button" class="button-primary" data-action="copy-link" onclick={copy}>{ m.copy_link() }</button>
                </div>
                <p class="meta" role="status">{ match *copied { Some(true) => m.link_copied(), Some(false) => m.copy_failed(), None => "" } }</p>
                <p class="meta">{ m.share_link_note() }</p>
            </div>
        }
    });
    results_view(
        bank,
        lang,
        &account.name,
        record,
        &show_all,
        actions,
        link.unwrap_or_default(),
        Some(account),
    )
}

/// A shared assessment opened from a link: read-only, with "save to my accounts".
#[derive(Properties, PartialEq)]
pub struct SharedResultsProps {
    pub payload: String,
}

#[function_component]
pub fn SharedResults(props: &SharedResultsProps) -> Html {
    let state = use_app();
    let show_all = use_state(|| false);
    let lang = state.lang;
    let m = messages(lang);
    let Some(bank) = state.loaded().map(|l| l.bank) else {
        return crate::ui::edge::data::data_pending(&state);
    };
    let shared = match crate::engine::state::share::decode(&props.payload, bank) {
        Ok(shared) => shared,
        Err(error) => {
            let text = match error {
                crate::engine::state::share::ShareError::CutShort => text(lang, "share_cut_short"),
                crate::engine::state::share::ShareError::Changed => text(lang, "share_damaged"),
                crate::engine::state::share::ShareError::Newer => text(lang, "share_newer"),
                crate::engine::state::share::ShareError::OtherBank => {
                    text(lang, "share_other_bank")
                }
            };
            return html! {
                <section class="card" data-screen="shared-error">
                    <h1>{ m.shared_heading() }</h1>
                    <p class="warning" role="alert">{ text }</p>
                    <a class="button-secondary" href={Route::Home.to_hash()}>{ m.back_to_accounts() }</a>
                </section>
            };
        }
    };
    let record = shared.record(&"shared".into());
    let save = {
        let shared = shared.clone();
        dispatcher(&state, move |_| {
            crate::engine::state::app::Action::SaveShared {
                shared: shared.clone(),
                account_id: crate::ui::edge::browser::new_id(),
                assessment_id: crate::ui::edge::browser::new_id(),
                now_ms: crate::ui::edge::browser::now_ms(),
            }
        })
    };
    let actions = html! {
        <>
            <button type="button" class="button-primary" data-action="save-shared" onclick={save}>{ m.save_shared() }</button>
            <button type="button" class="button-secondary" data-action="print-summary" onclick={Callback::from(|_| crate::ui::edge::browser::print_summary())}>{ m.print_summary() }</button>
            <button type="button" class="button-secondary" data-action="print" onclick={Callback::from(|_| crate::ui::edge::browser::print())}>{ m.print_report() }</button>
            <a class="button-secondary" href={Route::Home.to_hash()}>{ m.back_to_accounts() }</a>
        </>
    };
    let banner = html! {
        <>
            <p class="card shared-banner" data-shared="">{ m.shared_banner() }</p>
            if !shared.verified {
                <p class="card notice" data-unverified="">{ text(lang, "share_unverified") }</p>
            }
        </>
    };
    // A shared assessment has no account, so no plan: the plan never travels in a link.
    results_view(
        bank,
        lang,
        &shared.name,
        &record,
        &show_all,
        actions,
        banner,
        None,
    )
}

/// Every block of one assessment's results; `actions` go in the heading, `before` above the
/// blocks; `account` (the user's own, not a shared one) adds adopting actions and the plan.
#[expect(clippy::too_many_arguments, reason = "one view shared by two screens")]
fn results_view(
    bank: &Bank,
    lang: Lang,
    name: &str,
    record: &crate::engine::model::record::AssessmentRecord,
    show_all: &UseStateHandle<bool>,
    actions: Html,
    before: Html,
    account: Option<&crate::engine::model::record::AccountRecord>,
) -> Html {
    let m = messages(lang);
    // Completed assessments never change, so scoring on render is exact (and takes microseconds).
    let mut result = score(bank, &record.answers);
    // The stakeholder map is today's knowledge: it speaks to the latest assessment only.
    let map = account.filter(|a| {
        a.latest_completed().is_some_and(|l| l.id == record.id) && !a.contacts.is_empty()
    });
    let conflicts = map.map_or_else(Vec::new, |a| {
        let today = crate::ui::edge::browser::today();
        crate::engine::scoring::coverage::apply_map(
            bank,
            &mut result,
            &record.answers,
            &a.contacts,
            &today,
        )
    });
    // What the customer said about this assessment's figures leads its action plan.
    let eyes = account.filter(|a| a.responses_against(record.id.as_str()).next().is_some());
    if let (Some(a), Some(set)) = (eyes, crate::engine::scoring::customer_set()) {
        let responses: Vec<_> = a.responses_against(record.id.as_str()).collect();
        let gap =
            crate::engine::scoring::eyes::perception_gap(bank, set, &record.answers, &responses);
        result.actions = crate::engine::scoring::eyes::with_blind_spots(&result.actions, &gap);
    }
    let summary = result.summary();
    let s = &summary;
    // The `data-*` contract of the results root (see README). Written as attributes here: adding
    // them afterwards would turn yew's attribute list into an index map (and pull in its code).
    html! {
        <section class="results" aria-labelledby="results-heading" data-screen="results" data-results=""
            data-level={s.level.id()} data-target-level={s.target_level.id()}
            data-quadrant={s.quadrant.map_or("", |q| q.id())}
            data-satisfaction={opt_num(s.satisfaction)} data-switching-cost={opt_num(s.switching_cost)}
            data-trust={opt_num(s.trust)} data-execution={opt_num(s.execution)} data-innovation={opt_num(s.innovation)}
            data-bottleneck={s.bottleneck.map_or("none", |c| c.id())}
            data-defection-risk={opt_num(s.defection_risk)}
            data-risk-band={s.risk_band.map_or("", |b| b.id())}
            data-symbiosis={opt_num(s.symbiosis)} data-confidence={s.confidence.to_string()}
            data-level-evidence={if result.level.enough_evidence { "enough" } else { "insufficient" }}
            data-stance={result.target.stance.id()}
            data-stage={result.stage.stage.map_or("", |st| st.id())}
            data-posture={result.stage.posture.map_or("", |p| p.id())}
            data-borderline={borderline_ids(&result)}
            data-bank-version={record.bank_version.to_string()}>
            <div class="screen-head">
                <div>
                    <h1 id="results-heading">{ format!("{} · {}", m.results_heading(), name) }</h1>
                    <p class="meta">{ m.assessed_on(&explain::date(record.completed_ms.unwrap_or(record.updated_ms)), &record.assessor) }</p>
                </div>
                <div class="card-actions">{ actions }</div>
            </div>
            { before }
            { section_nav(lang, !record.notes.is_empty(), account.is_some_and(|a| !a.plan.is_empty()), eyes.is_some()) }
            { summary_block(lang, &result) }
            { carried_over(lang, bank, record) }
            { level_block(lang, &result) }
            { loyalty_block(lang, &result) }
            { capability_block(lang, &result) }
            { risk_block(lang, &result) }
            { symbiosis_block(lang, &result) }
            { actions_block(lang, &result, show_all, account.map(|a| (a, &record.id))) }
            { eyes.map(|a| crate::ui::screens::eyes::results_part(lang, bank, a, record.id.as_str())).unwrap_or_default() }
            { account.map(|a| crate::ui::screens::plan::results_plan_block(lang, bank, a, &record.id)).unwrap_or_default() }
            { confidence_block(lang, bank, &result, &conflicts) }
            { notes_block(lang, bank, &record.notes) }
        </section>
    }
}

/// The results' blocks in page order: the heading each section-navigation button moves to.
const SECTION_HEADINGS: [&str; 10] = [
    "summary-heading",
    "level-heading",
    "loyalty-heading",
    "capabilities-heading",
    "safeguards-heading",
    "risk-heading",
    "symbiosis-heading",
    "actions-heading",
    "confidence-heading",
    "notes-heading",
];

/// A row of buttons that stays at the top of the window and moves focus to any block, so a
/// reader can jump to a framework and back. Buttons, not `#` links: the fragment is the router's.
fn section_nav(lang: Lang, has_notes: bool, has_plan: bool, has_eyes: bool) -> Html {
    let m = messages(lang);
    let mut sections: Vec<(&'static str, &'static str)> = SECTION_HEADINGS
        .into_iter()
        .zip(m.results_sections())
        .collect();
    if !has_notes {
        sections.pop();
    }
    // Right after the action plan: the plan items it became, and the blind spots that lead it.
    let mut after_actions = |id: &'static str, key: &str| {
        let at = sections
            .iter()
            .position(|(id, _)| *id == "actions-heading")
            .map_or(sections.len(), |i| i + 1);
        sections.insert(at, (id, crate::engine::scoring::later_text(lang, key)));
    };
    if has_plan {
        after_actions("plan-heading", "plan.heading");
    }
    if has_eyes {
        after_actions("eyes-results-heading", "eyes.heading");
    }
    html! {
        <nav class="results-nav" aria-label={m.results_nav_label()} data-results-nav="">
            <ul>
                { for sections.into_iter().map(|(id, name)| {
                    html! {
                        <li><button type="button" class="nav-button" data-goto={id}
                            onclick={Callback::from(move |_| crate::ui::edge::browser::focus_element(id))}>{ name }</button></li>
                    }
                }) }
            </ul>
        </nav>
    }
}

/// The verdict readable in ten seconds (`data-summary`): level → target and the stage, the
/// loyalty quadrant, the defection-risk band, confidence and the three first actions, each
/// borderline verdict with its neighbour. "Print the one-page summary" prints this alone.
fn summary_block(lang: Lang, r: &AssessmentResult) -> Html {
    let m = messages(lang);
    let b = r.borderline.as_ref();
    let current = if r.level.enough_evidence {
        r.level.level.label(lang)
    } else {
        m.not_enough_evidence().to_owned()
    };
    let level = format!(
        "{}{} → {}{}",
        current,
        near(lang, b.map_or(&[][..], |b| &b.level)),
        r.target.target_level.label(lang),
        near(lang, b.map_or(&[][..], |b| &b.target)),
    );
    let stage = r
        .stage
        .stage
        .map(|st| format!("{}{}{}", m.stage_label(), m.colon(), st.label(lang)));
    let quadrant = format!(
        "{}{}",
        r.quadrant.map_or(m.unknown().to_owned(), |q| q.label(lang)),
        near(lang, b.map_or(&[][..], |b| &b.quadrant)),
    );
    let band = r
        .defection
        .band
        .map_or(m.unknown().to_owned(), |band| band.label(lang));
    let risk = format!(
        "{}{}",
        m.risk_value(&figure(m, r.defection.risk), &band),
        near(lang, b.map_or(&[][..], |b| &b.risk_band)),
    );
    html! {
        <section class="card summary" aria-labelledby="summary-heading" data-summary="">
            <h2 id="summary-heading" tabindex="-1">{ m.summary_heading() }</h2>
            <dl class="summary-grid">
                <div data-summary-item="level"><dt>{ m.col_level() }</dt><dd>
                    <strong>{ level }</strong>
                    if let Some(stage) = stage { <span class="meta">{ stage }</span> }
                </dd></div>
                <div data-summary-item="quadrant"><dt>{ m.col_quadrant() }</dt><dd><strong>{ quadrant }</strong></dd></div>
                <div data-summary-item="risk"><dt>{ m.col_risk() }</dt>
                    <dd class={crate::ui::class_list("risk", &[r.defection.band.map(|b| b.id())])}><strong>{ risk }</strong></dd></div>
                <div data-summary-item="confidence"><dt>{ m.confidence_heading() }</dt><dd><strong>{ r.confidence.score.to_string() }</strong>{ " / 100" }</dd></div>
            </dl>
            if !r.actions.is_empty() {
                <h3>{ m.priority_actions() }</h3>
                <ol class="summary-actions">
                    { for r.actions.iter().take(3).map(|a| {
                        let text = a.text();
                        html! {
                            <li data-summary-action={a.action_id.clone()}>
                                <strong>{ text.map_or(a.action_id.as_str(), |t| t.title.get(lang)) }</strong>
                                <p><span>{ format!("{}{}", m.first_step(), m.colon()) }</span>{ text.map_or("", |t| t.first_step.get(lang)) }</p>
                            </li>
                        }
                    }) }
                </ol>
            }
        </section>
    }
}

/// A flagged finding beside a figure (`data-flag`), styled as a warning or as a plain note. One
/// function for all of them: each `html!` element costs code in the wasm.
fn flag(id: &'static str, warning: bool, text: impl Into<String>) -> Html {
    html! { <p class={warning.then_some("warning")} data-flag={id}>{ text.into() }</p> }
}

/// The headline verdicts one answer away from another value, as `data-borderline`.
fn borderline_ids(r: &AssessmentResult) -> String {
    let Some(b) = &r.borderline else {
        return String::new();
    };
    [
        ("level", !b.level.is_empty()),
        ("target", !b.target.is_empty()),
        ("quadrant", !b.quadrant.is_empty()),
        ("risk_band", !b.risk_band.is_empty()),
    ]
    .iter()
    .filter(|(_, near)| *near)
    .map(|(id, _)| *id)
    .collect::<Vec<_>>()
    .join(" ")
}

/// " (near X, Y)" / "（接近X、Y）" when a verdict is borderline, else nothing.
fn near<T: Labelled>(lang: Lang, others: &[T]) -> String {
    if others.is_empty() {
        return String::new();
    }
    let m = messages(lang);
    let names: Vec<String> = others.iter().map(|o| o.label(lang)).collect();
    m.near(&names.join(m.enumeration()))
}

/// Says which questionnaire an older assessment was answered with, and what carried over.
fn carried_over(
    lang: Lang,
    bank: &Bank,
    record: &crate::engine::model::record::AssessmentRecord,
) -> Html {
    if record.bank_version >= bank.version {
        return html! {};
    }
    let m = messages(lang);
    html! {
        <p class="card notice" data-carried-over={record.answers.answered_in(bank).to_string()}>
            { m.carried_over(record.bank_version, record.answers.answered_in(bank), bank.questions.len()) }
        </p>
    }
}

/// Levers of either axis as (id, score), for the bars.
fn lever_ids<L: std::fmt::Display>(levers: Vec<(L, Option<f64>)>) -> Vec<(String, Option<f64>)> {
    levers
        .into_iter()
        .map(|(l, v)| (l.to_string(), v))
        .collect()
}

fn level_block(lang: Lang, r: &AssessmentResult) -> Html {
    let m = messages(lang);
    let next = r.level.level.next();
    let current = if r.level.enough_evidence {
        r.level.level.label(lang)
    } else {
        m.not_enough_evidence().to_owned()
    };
    html! {
        <section class="card" aria-labelledby="level-heading" data-block="level">
            <h2 id="level-heading" tabindex="-1">{ m.level_heading() }</h2>
            <div class="level-layout">
                { ladder(&Ladder { lang, current: r.level.level, target: r.target.target_level, current_label: m.current_level(), target_label: m.target_level(), title: m.chart_ladder_label() }) }
                <div class="level-text">
                    <p class="headline">
                        <strong data-current-level="">{ format!("{}{}{}{}", m.current_level(), m.colon(), current, near(lang, r.borderline.as_ref().map_or(&[][..], |b| &b.level))) }</strong>
                        { " · " }
                        <strong>{ format!("{}{}{}{}", m.target_level(), m.colon(), r.target.target_level.label(lang), near(lang, r.borderline.as_ref().map_or(&[][..], |b| &b.target))) }</strong>
                    </p>
                    if r.level.regression.is_some() {
                        { flag("regression", true, text(lang, "regression_open_tender")) }
                    } else if r.regression_risk {
                        { flag("regression-risk", true, text(lang, "regression_risk")) }
                    }
                    if r.target.luxury {
                        { flag("luxury", true, text(lang, "luxury_warning")) }
                    } else if r.target.gap > 0 {
                        <p>{ m.gap_below(r.target.gap) }</p>
                    }
                    <p data-stance-text="">
                        <strong>{ format!("{}{}{}", m.stance_label(), m.colon(), r.target.stance.label(lang)) }</strong>
                        { format!("{}{}", m.dash(), r.target.stance.description(lang)) }
                    </p>
                    if let Some(stage) = r.stage.stage {
                        <p data-stage-text="">
                            <strong>{ format!("{}{}{}{}", m.stage_label(), m.colon(), stage.label(lang), r.stage.posture.map_or(String::new(), |p| format!(" · {}", p.label(lang)))) }</strong>
                            { format!("{}{}", m.dash(), stage.description(lang)) }
                        </p>
                    }
                    <ul class="evidence">
                        { for r.level.evidence.iter().map(|e| html! {
                            <li>{ format!("{}{}{}", e.rung.label(lang), m.colon(), e.share.map_or(m.unknown().to_owned(), |s| m.evidence_share(round(s)))) }</li>
                        }) }
                    </ul>
                    // What blocks the next rung matters only on the way to the target.
                    if let (Some(next), false, true) = (next, r.level.blockers.is_empty(), r.target.gap > 0) {
                        <h3>{ m.blocks_next(&next.label(lang)) }</h3>
                        <ul class="blockers">{ for r.level.blockers.iter().map(|b| html! { <li>{ explain::blocker(lang, b) }</li> }) }</ul>
                    }
                    <h3>{ m.why_target() }</h3>
                    <ul>{ for r.target.reasons.iter().map(|t| html! { <li>{ explain::target_reason(lang, t) }</li> }) }</ul>
                </div>
            </div>
            { how(m, &[text(lang, "explain_level"), text(lang, "explain_target")]) }
        </section>
    }
}

fn loyalty_block(lang: Lang, r: &AssessmentResult) -> Html {
    let m = messages(lang);
    let quadrant = r.quadrant.map_or(m.unknown().to_owned(), |q| q.label(lang));
    let description = m.loyalty_map_label(
        &figure(m, r.satisfaction.index),
        &figure(m, r.switching_cost.index),
        &quadrant,
    );
    let lever_bars = |kind: &'static str, levers: Vec<(String, Option<f64>)>| {
        html! { <>{ for levers.into_iter().map(|(id, v)| html! {
            { bar(label(lang, &format!("{kind}.{id}")).to_owned(), v, m.unknown(), &format!("{kind}.{id}")) }
        }) }</> }
    };
    let sat = lever_ids(r.satisfaction.levers_for_display());
    let sw = lever_ids(r.switching_cost.levers_for_display());
    html! {
        <section class="card" aria-labelledby="loyalty-heading" data-block="loyalty">
            <h2 id="loyalty-heading" tabindex="-1">{ m.loyalty_heading() }</h2>
            <div class="loyalty-layout">
                <figure class="map-figure">
                    { loyalty_map(&LoyaltyMap { lang, satisfaction: r.satisfaction.index, switching_cost: r.switching_cost.index, quadrant: r.quadrant, description: description.clone(), path: Vec::new(), others: Vec::new() }) }
                    <figcaption>
                        <strong data-quadrant-label="">{ format!("{}{}", quadrant, near(lang, r.borderline.as_ref().map_or(&[][..], |b| &b.quadrant))) }</strong>
                        if r.no_clear_hold {
                            <span data-flag="no-clear-hold">{ format!("{}{}", m.dash(), text(lang, "no_clear_hold")) }</span>
                        } else if let Some(q) = r.quadrant {
                            { format!("{}{}", m.dash(), q.description(lang)) }
                        }
                    </figcaption>
                </figure>
                <div class="levers">
                    { bar(format!("{}{}", label(lang, "axis.satisfaction"), m.paren(label(lang, "axis_hint.satisfaction"))), r.satisfaction.index, m.unknown(), "satisfaction") }
                    { bar(format!("{}{}", label(lang, "axis.switching_cost"), m.paren(label(lang, "axis_hint.switching_cost"))), r.switching_cost.index, m.unknown(), "switching_cost") }
                    <h3>{ format!("{} · {}", label(lang, "axis.satisfaction"), m.levers_weakest_first()) }</h3>
                    { lever_bars("satisfaction", sat) }
                    <h3>{ format!("{} · {}", label(lang, "axis.switching_cost"), m.levers_weakest_first()) }</h3>
                    { lever_bars("switching_cost", sw) }
                </div>
            </div>
            if r.hostage {
                { flag("hostage", true, text(lang, "hostage_flag")) }
            }
            if !r.switching_matters && matches!(r.quadrant, Some(crate::engine::model::ids::Quadrant::Mercenary | crate::engine::model::ids::Quadrant::Defector)) {
                { flag("free-to-go-is-normal", false, text(lang, "normal_for_transactional")) }
            }
            { how(m, &[text(lang, "explain_loyalty")]) }
        </section>
    }
}

fn capability_block(lang: Lang, r: &AssessmentResult) -> Html {
    let m = messages(lang);
    html! {
        <section class="card" aria-labelledby="capabilities-heading" data-block="capabilities">
            <h2 id="capabilities-heading" tabindex="-1">{ m.capabilities_heading() }</h2>
            { for r.capabilities.indices.iter().map(|(c, v)| html! {
                { bar(format!("{}{}{}", c.label(lang), m.dash(), c.description(lang)), *v, m.unknown(), &format!("capability.{c}")) }
            }) }
            <p class="headline">{ match r.capabilities.bottleneck {
                Some(c) => m.bottleneck(&c.label(lang)),
                None => m.no_bottleneck().to_owned(),
            } }</p>
            if let Some(c) = r.capabilities.lagging {
                <p data-lagging={c.id()}>{ m.lagging(&c.label(lang)) }</p>
            }
            { how(m, &[text(lang, "explain_capabilities")]) }
        </section>
    }
}

fn risk_block(lang: Lang, r: &AssessmentResult) -> Html {
    let m = messages(lang);
    let band = r
        .defection
        .band
        .map_or(m.unknown().to_owned(), |b| b.label(lang));
    html! {
        <>
        <section class="card" aria-labelledby="safeguards-heading" data-block="safeguards">
            <h2 id="safeguards-heading" tabindex="-1">{ m.safeguards_heading() }</h2>
            <ul class="checklist">
                { for r.safeguards.iter().map(|s| html! {
                    <li class={crate::ui::class_list("check", &[Some(s.status.id())])} data-safeguard={s.safeguard.id()} data-status={s.status.id()}>
                        <span class="check-mark" aria-hidden="true">{ match s.status { SafeguardStatus::InPlace => "✓", SafeguardStatus::Partial => "◐", SafeguardStatus::Missing => "✗", SafeguardStatus::Unknown => "?" } }</span>
                        <span class="check-name">{ s.safeguard.label(lang) }</span>
                        <span class="check-status">{ s.status.label(lang) }</span>
                    </li>
                }) }
            </ul>
            { how(m, &[text(lang, "explain_safeguards")]) }
        </section>
        <section class="card" aria-labelledby="risk-heading" data-block="risk">
            <h2 id="risk-heading" tabindex="-1">{ m.risk_heading() }</h2>
            <p class={crate::ui::class_list("risk", &[r.defection.band.map(|b| b.id())])}>
                <strong>{ format!("{}{}", m.risk_value(&figure(m, r.defection.risk), &band), near(lang, r.borderline.as_ref().map_or(&[][..], |b| &b.risk_band))) }</strong>
            </p>
            if let Some(g) = r.defection.floor {
                { flag("guarantee-floor", true, m.guarantee_floor(&g.label(lang))) }
            }
            if r.defection.shallow_contacts {
                { flag("shallow-contacts", true, text(lang, "shallow_contacts")) }
            }
            if r.defection.unwatched {
                { flag("unwatched", false, text(lang, "unwatched")) }
            }
            <p><strong>{ format!("{}{}{}", m.phase_label(), m.colon(), r.defection.phase.label(lang)) }</strong>
                { format!("{}{}", m.dash(), r.defection.phase.description(lang)) }</p>
            <h3>{ m.warnings_heading() }</h3>
            { for r.warnings.iter().map(|(w, v)| html! {
                { bar(w.label(lang), *v, m.unknown(), &format!("warning.{w}")) }
            }) }
            { how(m, &[text(lang, "explain_risk")]) }
        </section>
        </>
    }
}

fn symbiosis_block(lang: Lang, r: &AssessmentResult) -> Html {
    let m = messages(lang);
    html! {
        <section class="card" aria-labelledby="symbiosis-heading" data-block="symbiosis">
            <h2 id="symbiosis-heading" tabindex="-1">{ m.symbiosis_heading() }</h2>
            { bar(m.symbiosis_heading().to_owned(), r.symbiosis, m.unknown(), "symbiosis") }
            { for r.symbiosis_facets.iter().map(|(f, v)| html! {
                { bar(f.label(lang), *v, m.unknown(), &format!("symbiosis.{f}")) }
            }) }
            <h3>{ m.loyalty_types_heading() }</h3>
            { for r.loyalty_types.iter().map(|(t, v)| html! {
                { bar(t.label(lang), *v, m.unknown(), &format!("loyalty_type.{t}")) }
            }) }
            { how(m, &[text(lang, "explain_symbiosis")]) }
        </section>
    }
}

/// The ranked actions; with `adopt` (the account and this assessment), each can be adopted into
/// the account plan.
fn actions_block(
    lang: Lang,
    r: &AssessmentResult,
    show_all: &UseStateHandle<bool>,
    adopt: Option<(&crate::engine::model::record::AccountRecord, &AssessmentId)>,
) -> Html {
    let m = messages(lang);
    let shown = if **show_all {
        r.actions.len()
    } else {
        r.actions.len().min(FIRST_ACTIONS_SHOWN)
    };
    let more = r.actions.len() - r.actions.len().min(FIRST_ACTIONS_SHOWN);
    let toggle = {
        let show_all = show_all.clone();
        Callback::from(move |_| show_all.set(!*show_all))
    };
    html! {
        <section class="card" aria-labelledby="actions-heading" data-block="actions">
            <h2 id="actions-heading" tabindex="-1">{ m.actions_heading() }</h2>
            <p>{ m.actions_intro() }</p>
            if r.actions.is_empty() {
                <p>{ m.no_actions() }</p>
            } else {
                <ol class="actions">
                    { for r.actions.iter().enumerate().map(|(i, a)| {
                        let text = a.text();
                        // All are rendered; the extras stay hidden on screen until asked for, and print.
                        html! {
                            <li class={crate::ui::class_list("action", &[(i >= FIRST_ACTIONS_SHOWN).then_some("extra")])}
                                hidden={i >= shown} data-action-id={a.action_id.clone()}>
                                <strong class="action-title">{ text.map_or(a.action_id.as_str(), |t| t.title.get(lang)) }</strong>
                                <p>{ text.map_or("", |t| t.detail.get(lang)) }</p>
                                <p class="first-step"><span>{ format!("{}{}", m.first_step(), m.colon()) }</span>{ text.map_or("", |t| t.first_step.get(lang)) }</p>
                                <p class="because"><span>{ format!("{}{}", m.because(), m.colon()) }</span>{ explain::finding(lang, &a.finding) }</p>
                                if let Some(theirs) = a.confirmed_by_customer {
                                    <p class="confirmed" data-confirmed={theirs.to_string()}>{ crate::engine::scoring::later_text_with(lang, "eyes.confirmed", &[("theirs", &theirs.to_string())]) }</p>
                                }
                                <p class="meta" data-source={text.map(|t| t.source.clone())}>{ text.map_or(String::new(), |t| m.source_article(&t.source.split(", ").collect::<Vec<_>>().join(m.enumeration()))) }</p>
                                if let (Some((account, _)), crate::engine::scoring::Finding::Coverage { who, .. }) = (adopt, &a.finding) {
                                    { crate::ui::screens::contacts::whom(lang, account, who, "") }
                                }
                                if let Some((account, assessment)) = adopt {
                                    <crate::ui::screens::plan::AdoptButton account_id={account.id.clone()} assessment_id={assessment.clone()}
                                        action_id={a.action_id.clone()} title={text.map_or(a.action_id.as_str(), |t| t.title.get(lang)).to_owned()} />
                                }
                            </li>
                        }
                    }) }
                </ol>
                if more > 0 {
                    <button type="button" class="button-secondary" aria-expanded={show_all.to_string()} onclick={toggle}>
                        { if **show_all { m.show_fewer_actions().to_owned() } else { m.show_all_actions(more) } }
                    </button>
                }
            }
            { how(m, &[text(lang, "explain_actions")]) }
        </section>
    }
}

fn confidence_block(
    lang: Lang,
    bank: &Bank,
    r: &AssessmentResult,
    conflicts: &[crate::engine::scoring::coverage::MapConflict],
) -> Html {
    let m = messages(lang);
    let c = &r.confidence;
    let section_title = |id: &String| {
        bank.sections
            .iter()
            .find(|s| &s.id == id)
            .map_or(id.clone(), |s| s.title.get(lang).to_owned())
    };
    html! {
        <section class="card" aria-labelledby="confidence-heading" data-block="confidence">
            <h2 id="confidence-heading" tabindex="-1">{ m.confidence_heading() }</h2>
            { bar(m.confidence_heading().to_owned(), Some(f64::from(c.score)), m.unknown(), "confidence") }
            <p>{ m.confidence_answered(c.answered, c.total, c.dont_know) }</p>
            <p data-evidence-factor={round(c.evidence_factor * 100.0).to_string()}>{ m.evidence_basis(round(c.evidence_factor * 100.0)) }</p>
            if !c.thin_sections.is_empty() {
                <p>{ m.thin_sections() }</p>
                <ul data-thin-sections="">{ for c.thin_sections.iter().map(|s| html! { <li>{ section_title(s) }</li> }) }</ul>
            }
            if !c.inconsistencies.is_empty() || !conflicts.is_empty() {
                <p>{ m.inconsistencies_heading() }</p>
                <ul>
                    { for c.inconsistencies.iter().map(|i| html! { <li data-inconsistency={i.id()}>{ i.label(lang) }</li> }) }
                    { crate::ui::screens::contacts::conflict_items(lang, conflicts) }
                </ul>
            }
            { how(m, &[text(lang, "explain_confidence")]) }
        </section>
    }
}

fn notes_block(
    lang: Lang,
    bank: &Bank,
    notes: &crate::engine::model::pairs::Pairs<String>,
) -> Html {
    let m = messages(lang);
    if notes.is_empty() {
        return html! {};
    }
    html! {
        <section class="card" aria-labelledby="notes-heading" data-block="notes">
            <h2 id="notes-heading" tabindex="-1">{ m.notes_heading() }</h2>
            <dl class="notes">
                { for bank.questions.iter().filter_map(|q| notes.get(&q.id).map(|note| (q, note))).map(|(q, note)| html! {
                    <div data-note={q.id.clone()}>
                        <dt>{ q.prompt.get(lang) }</dt>
                        <dd>{ note }</dd>
                    </div>
                }) }
            </dl>
        </section>
    }
}
