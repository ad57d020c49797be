//! Two completed assessments side by side: headline, every index and lever with its change, and
//! the warnings that appeared or were resolved.

use yew::prelude::*;

use crate::engine::scoring::compare::{compare, Flag};
use crate::engine::scoring::score;
use crate::engine::state::route::{AssessmentRef, Route};
use crate::engine::text::explain::date;
use crate::engine::text::i18n::messages;
use crate::engine::text::labels::{label, Labelled};
use crate::ui::root::AppHandle;

/// The comparison screen.
pub fn compare_page(state: &AppHandle, a: &AssessmentRef, b: &AssessmentRef) -> Html {
    let lang = state.lang;
    let m = messages(lang);
    let (Some((acc_a, rec_a)), Some((acc_b, rec_b))) = (state.completed(a), state.completed(b))
    else {
        return html! {};
    };
    let Some(bank) = state.loaded().map(|l| l.bank) else {
        return crate::ui::edge::data::data_pending(state);
    };
    let c = compare(&score(bank, &rec_a.answers), &score(bank, &rec_b.answers));
    let title = |name: &str, ms: Option<u64>, r: &AssessmentRef| {
        html! {
            <a href={Route::Results { account: r.account.clone(), assessment: r.assessment.clone() }.to_hash()}>
                { format!("{name} · {}", date(ms.unwrap_or_default())) }
            </a>
        }
    };
    let quadrant = |q: Option<crate::engine::model::ids::Quadrant>| {
        q.map_or(m.unknown().to_owned(), |q| q.label(lang))
    };
    let flag_list = |id: &'static str, heading: &'static str, flags: &[Flag]| {
        html! {
            <section class="card" data-flags={id}>
                <h2>{ heading }</h2>
                if flags.is_empty() {
                    <p>{ m.none_listed() }</p>
                } else {
                    <ul>{ for flags.iter().map(|f| html! { <li data-flag={f.key()}>{ label(lang, &f.key()) }</li> }) }</ul>
                }
            </section>
        }
    };
    let rung = |l: crate::engine::model::ids::Level| l.label(lang);
    let row =
        |id: &'static str, name: &'static str, before: String, after: String, change: String| {
            html! {
                <tr data-figure={id}>
                    <th scope="row">{ name }</th>
                    <td>{ before }</td>
                    <td>{ after }</td>
                    <td>{ change }</td>
                </tr>
            }
        };
    let same_account = acc_a.id == acc_b.id;
    html! {
        <section class="compare" aria-labelledby="compare-heading" data-screen="compare">
            <div class="screen-head">
                <h1 id="compare-heading">{ m.compare_heading() }</h1>
                <div class="card-actions">
                    if same_account {
                        <a class="button-secondary" href={Route::Account { account: acc_a.id.clone() }.to_hash()}>{ m.account_page() }</a>
                    }
                    <a class="button-secondary" href={Route::Portfolio.to_hash()}>{ m.portfolio_heading() }</a>
                </div>
            </div>
            if rec_a.bank_version != rec_b.bank_version {
                <p class="card notice" data-versions-differ="">{ m.versions_differ(rec_a.bank_version, rec_b.bank_version) }</p>
            }
            <div class="card table-wrap">
                <table class="compare-table" data-compare="">
                    <caption>{ m.compare_caption() }</caption>
                    <thead><tr>
                        <th scope="col">{ m.col_figure() }</th>
                        <th scope="col">{ title(&acc_a.name, rec_a.completed_ms, a) }</th>
                        <th scope="col">{ title(&acc_b.name, rec_b.completed_ms, b) }</th>
                        <th scope="col">{ m.col_change() }</th>
                    </tr></thead>
                    <tbody>
                        { row("level", m.col_level(), rung(c.before.level), rung(c.after.level), signed(c.after.level.rank() - c.before.level.rank())) }
                        { row("target", m.col_target(), rung(c.before.target), rung(c.after.target), signed(c.after.target.rank() - c.before.target.rank())) }
                        { row("quadrant", m.col_quadrant(), quadrant(c.before.quadrant), quadrant(c.after.quadrant),
                            if c.before.quadrant == c.after.quadrant { "=".to_owned() } else { "→".to_owned() }) }
                        { for c.figures.iter().map(|f| {
                            let delta = f.delta();
                            let tone = delta.filter(|d| *d != 0).map(|d| if (d > 0) != f.lower_is_better() { "better" } else { "worse" });
                            html! {
                                <tr data-figure={f.key.clone()} data-delta={delta.map(|d| d.to_string())}>
                                    <th scope="row">{ label(lang, &f.key) }</th>
                                    <td>{ f.before.map_or(m.unknown().to_owned(), |v| v.to_string()) }</td>
                                    <td>{ f.after.map_or(m.unknown().to_owned(), |v| v.to_string()) }</td>
                                    <td class={crate::ui::class_list("delta", &[tone])}>
                                        { delta.map_or(m.unknown().to_owned(), |d| signed(i32::from(d))) }
                                        if let Some(tone) = tone {
                                            <span class="visually-hidden">{ m.paren(if tone == "better" { m.better() } else { m.worse() }) }</span>
                                        }
                                    </td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            <div class="compare-flags">
                { flag_list("new", m.new_warnings(), &c.new_flags) }
                { flag_list("resolved", m.resolved_warnings(), &c.resolved_flags) }
            </div>
        </section>
    }
}

/// `+3`, `−2` (a true minus sign), `0`.
fn signed(d: i32) -> String {
    match d {
        0 => "0".to_owned(),
        d if d > 0 => format!("+{d}"),
        d => format!("\u{2212}{}", -d),
    }
}
