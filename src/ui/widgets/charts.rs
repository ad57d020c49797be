//! Hand-built SVG charts. Each has a text alternative; the numbers are also printed beside it.

use yew::prelude::*;

use crate::engine::model::ids::{Level, Quadrant};
use crate::engine::scoring::{round, HIGH};
use crate::engine::text::labels::{label, Labelled};
use crate::engine::text::lang::Lang;

/// A labelled 0–100 bar; `None` is drawn empty and labelled as unknown. `id` goes to `data-bar`,
/// so tests and styles can find a bar. (A function, not a component: it has no state, and each
/// component type costs its own lifecycle code in the wasm.)
pub fn bar(name: String, value: Option<f64>, unknown: &'static str, id: &str) -> Html {
    let value_text = value.map_or(unknown.to_owned(), |v| round(v).to_string());
    let width = value.map_or(0, round);
    let tone = match value {
        None => "unknown",
        Some(v) if v >= HIGH => "strong",
        Some(v) if v >= 40.0 => "middling",
        Some(_) => "weak",
    };
    html! {
        <div class={crate::ui::class_list("bar", &[Some(tone)])} data-bar={id.to_owned()} data-value={value.map(|v| round(v).to_string())}>
            <span class="bar-name">{ name }</span>
            <svg class="bar-track" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                <rect class="bar-bg" x="0" y="0" width="100" height="10" rx="2" />
                <rect class="bar-fill" x="0" y="0" width={width.to_string()} height="10" rx="2" />
                <line class="bar-threshold" x1={px(HIGH)} x2={px(HIGH)} y1="0" y2="10" />
            </svg>
            <span class="bar-value">{ value_text }</span>
        </div>
    }
}

/// The relationship ladder: four rungs, highest on top, current and target marked in text.
pub struct Ladder {
    pub lang: Lang,
    pub current: Level,
    pub target: Level,
    pub current_label: &'static str,
    pub target_label: &'static str,
    pub title: &'static str,
}

/// Draws a [`Ladder`].
pub fn ladder(props: &Ladder) -> Html {
    html! {
        <ol class="ladder" aria-label={props.title} reversed=true>
            { for Level::ALL.iter().rev().map(|&rung| {
                let is_current = rung == props.current;
                let is_target = rung == props.target;
                html! {
                    <li class={crate::ui::class_list("rung", &[is_current.then_some("current"), is_target.then_some("target"), (rung <= props.current).then_some("reached")])}
                        data-rung={rung.id()}>
                        <span class="rung-name">{ rung.label(props.lang) }</span>
                        <span class="rung-marks">
                            if is_current { <span class="mark mark-current">{ props.current_label }</span> }
                            if is_target { <span class="mark mark-target">{ props.target_label }</span> }
                        </span>
                        <span class="rung-desc">{ rung.description(props.lang) }</span>
                    </li>
                }
            }) }
        </ol>
    }
}

/// One point (and optional history) on the loyalty map.
pub struct LoyaltyMap {
    pub lang: Lang,
    pub satisfaction: Option<f64>,
    pub switching_cost: Option<f64>,
    pub quadrant: Option<Quadrant>,
    /// The full text alternative.
    pub description: String,
    /// Earlier positions of the same account, oldest first: drawn as arrows ending at the point.
    pub path: Vec<(u8, u8)>,
    /// Other accounts (portfolio): name, satisfaction, switching cost, link to their results.
    pub others: Vec<MapPoint>,
}

/// A named, linked point on the portfolio map.
#[derive(Clone, PartialEq)]
pub struct MapPoint {
    pub name: String,
    pub satisfaction: u8,
    pub switching_cost: u8,
    pub href: String,
}

// Plot geometry in SVG user units (about one CSS pixel each at full width): whole units are
// precise enough, and integer output keeps float formatting out of the wasm.
const LEFT: f64 = 44.0;
const TOP: f64 = 8.0;
const SIZE: f64 = 260.0;

/// A coordinate as whole units.
#[expect(
    clippy::cast_possible_truncation,
    reason = "chart coordinates are a few thousand units at most"
)]
fn px(v: f64) -> String {
    (v.round() as i32).to_string()
}

fn x(v: f64) -> f64 {
    LEFT + SIZE * v / 100.0
}

fn y(v: f64) -> f64 {
    TOP + SIZE * (1.0 - v / 100.0)
}

/// Satisfaction across, switching cost up; the four quadrants split at [`HIGH`].
/// Draws a [`LoyaltyMap`].
pub fn loyalty_map(props: &LoyaltyMap) -> Html {
    let lang = props.lang;
    let quadrant_label = |q: Quadrant, cx: f64, cy: f64| {
        let active = props.quadrant == Some(q);
        html! {
            <text class={crate::ui::class_list("quadrant-name", &[active.then_some("active")])} x={px(cx)} y={px(cy)} text-anchor="middle">
                { crate::engine::text::labels::label(lang, &format!("quadrant_short.{}", q.id())).to_owned() }
            </text>
        }
    };
    // The path ends at the current point, so the last arrow points at it.
    let mut path: Vec<(f64, f64)> = props
        .path
        .iter()
        .map(|(s, w)| (f64::from(*s), f64::from(*w)))
        .collect();
    if let (Some(s), Some(w), false) = (props.satisfaction, props.switching_cost, path.is_empty()) {
        path.push((s, w));
    }
    let mid_low = HIGH / 2.0;
    let mid_high = (100.0 + HIGH) / 2.0;
    let dash = crate::engine::text::i18n::messages(lang).dash();
    let sat_title = format!(
        "{}{dash}{}",
        label(lang, "axis.satisfaction"),
        label(lang, "axis_hint.satisfaction")
    );
    let sw_title = format!(
        "{}{dash}{}",
        label(lang, "axis.switching_cost"),
        label(lang, "axis_hint.switching_cost")
    );
    html! {
        // With linked points it is a group of links, not a picture (an image's content is hidden).
        <svg class="loyalty-map" viewBox="0 0 312 312" role={if props.others.is_empty() { "img" } else { "group" }}
            aria-labelledby="loyalty-map-title loyalty-map-desc">
            <title id="loyalty-map-title">{ format!("{sat_title} / {sw_title}") }</title>
            <desc id="loyalty-map-desc">{ &props.description }</desc>
            <rect class="plot-bg" x={px(LEFT)} y={px(TOP)} width={px(SIZE)} height={px(SIZE)} />
            <rect class="quadrant-loyal" x={px(x(HIGH))} y={px(TOP)} width={px(x(100.0) - x(HIGH))} height={px(y(HIGH) - TOP)} />
            <line class="threshold" x1={px(x(HIGH))} x2={px(x(HIGH))} y1={px(TOP)} y2={px(y(0.0))} />
            <line class="threshold" x1={px(LEFT)} x2={px(x(100.0))} y1={px(y(HIGH))} y2={px(y(HIGH))} />
            { quadrant_label(Quadrant::Loyal, x(mid_high), y(mid_high)) }
            { quadrant_label(Quadrant::Hostage, x(mid_low), y(mid_high)) }
            { quadrant_label(Quadrant::Mercenary, x(mid_high), y(mid_low)) }
            { quadrant_label(Quadrant::Defector, x(mid_low), y(mid_low)) }
            <text class="axis-label" x={px(x(50.0))} y="304" text-anchor="middle">{ sat_title.clone() }</text>
            <text class="axis-label" transform={format!("translate(14 {}) rotate(-90)", px(y(50.0)))} text-anchor="middle">{ sw_title.clone() }</text>
            <text class="tick" x={px(LEFT)} y="284" text-anchor="middle">{ "0" }</text>
            <text class="tick" x={px(x(100.0))} y="284" text-anchor="end">{ "100" }</text>
            <text class="tick" x="36" y={px(y(100.0) + 4.0)} text-anchor="end">{ "100" }</text>
            if !path.is_empty() {
                <defs>
                    <marker id="map-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                        <path class="arrow-head" d="M0 0L10 5L0 10z" />
                    </marker>
                </defs>
                { for path.windows(2).map(|w| html! {
                    <line class="path" data-path-step="" x1={px(x(w[0].0))} y1={px(y(w[0].1))} x2={px(x(w[1].0))} y2={px(y(w[1].1))} marker-end="url(#map-arrow)" />
                }) }
                { for path[..path.len() - 1].iter().map(|(s, w)| html! {
                    <circle class="past-point" cx={px(x(*s))} cy={px(y(*w))} r="4" />
                }) }
            }
            { for props.others.iter().map(|p| html! {
                <a href={p.href.clone()} data-map-point={p.name.clone()}>
                    <circle class="portfolio-point" cx={px(x(f64::from(p.satisfaction)))} cy={px(y(f64::from(p.switching_cost)))} r="5">
                        <title>{ format!("{} ({}, {})", p.name, p.satisfaction, p.switching_cost) }</title>
                    </circle>
                </a>
            }) }
            if let (Some(s), Some(w)) = (props.satisfaction, props.switching_cost) {
                <circle class="point" cx={px(x(s))} cy={px(y(w))} r="7" />
            }
        </svg>
    }
}

/// One line of a [`TrendChart`].
#[derive(Clone, PartialEq)]
pub struct Series {
    /// For the CSS class (`series-<id>`) and `data-series`.
    pub id: &'static str,
    pub name: String,
    /// One value per assessment, oldest first; `None` leaves a gap.
    pub values: Vec<Option<u8>>,
}

/// 0–100 indices over an account's assessments, evenly spaced, oldest on the left.
pub struct TrendChart {
    pub title: String,
    /// The full text alternative.
    pub description: String,
    /// One label per assessment (its date).
    pub labels: Vec<String>,
    pub series: Vec<Series>,
}

const TREND_LEFT: f64 = 32.0;
const TREND_WIDTH: f64 = 440.0;
const TREND_TOP: f64 = 8.0;
const TREND_HEIGHT: f64 = 160.0;

/// Draws a [`TrendChart`].
pub fn trend_chart(props: &TrendChart) -> Html {
    let n = props.labels.len().max(1);
    let tx = |i: usize| {
        if n == 1 {
            TREND_LEFT + TREND_WIDTH / 2.0
        } else {
            TREND_LEFT + TREND_WIDTH * i as f64 / (n - 1) as f64
        }
    };
    let ty = |v: u8| TREND_TOP + TREND_HEIGHT * (1.0 - f64::from(v) / 100.0);
    let bottom = TREND_TOP + TREND_HEIGHT;
    html! {
        <figure class="trend">
            <svg class="trend-chart" viewBox="0 0 480 200" role="img" aria-label={props.title.clone()} aria-describedby="trend-desc">
                <desc id="trend-desc">{ &props.description }</desc>
                <rect class="plot-bg" x={px(TREND_LEFT)} y={px(TREND_TOP)} width={px(TREND_WIDTH)} height={px(TREND_HEIGHT)} />
                <line class="threshold" x1={px(TREND_LEFT)} x2={px(TREND_LEFT + TREND_WIDTH)} y1={px(ty(round(HIGH)))} y2={px(ty(round(HIGH)))} />
                <text class="tick" x="26" y={px(ty(100) + 4.0)} text-anchor="end">{ "100" }</text>
                <text class="tick" x="26" y={px(bottom)} text-anchor="end">{ "0" }</text>
                { for props.labels.iter().enumerate().map(|(i, l)| html! {
                    // The end labels align inwards so they are never clipped.
                    <text class="tick" x={px(tx(i))} y="190"
                        text-anchor={if n == 1 { "middle" } else if i == 0 { "start" } else if i + 1 == n { "end" } else { "middle" }}>{ l }</text>
                }) }
                { for props.series.iter().map(|s| {
                    let points: Vec<(usize, u8)> = s.values.iter().enumerate().filter_map(|(i, v)| v.map(|v| (i, v))).collect();
                    let line = points.iter().map(|(i, v)| format!("{},{}", px(tx(*i)), px(ty(*v)))).collect::<Vec<_>>().join(" ");
                    html! {
                        <g class={format!("series series-{}", s.id)} data-series={s.id}>
                            <polyline points={line} />
                            { for points.iter().map(|(i, v)| html! { <circle cx={px(tx(*i))} cy={px(ty(*v))} r="4" /> }) }
                        </g>
                    }
                }) }
            </svg>
        </figure>
    }
}
