//! Hand-built SVG charts. Each has a text alternative; the numbers are also printed beside it.

use yew::prelude::*;

use crate::core::ids::{Level, Quadrant};
use crate::core::labels::{label, label_of};
use crate::core::lang::Lang;
use crate::core::scoring::{round, HIGH};

/// A labelled 0–100 bar; `None` is drawn empty and labelled as unknown.
#[derive(Properties, PartialEq)]
pub struct BarProps {
    pub name: String,
    pub value: Option<f64>,
    pub unknown: &'static str,
    /// For `data-bar`, so tests and styles can find a bar by id.
    pub id: String,
}

#[function_component]
pub fn Bar(props: &BarProps) -> Html {
    let value_text = props
        .value
        .map_or(props.unknown.to_owned(), |v| round(v).to_string());
    let width = props.value.map_or(0, round);
    let tone = match props.value {
        None => "unknown",
        Some(v) if v >= HIGH => "strong",
        Some(v) if v >= 40.0 => "middling",
        Some(_) => "weak",
    };
    html! {
        <div class={classes!("bar", tone)} data-bar={props.id.clone()} data-value={props.value.map(|v| round(v).to_string())}>
            <span class="bar-name">{ &props.name }</span>
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
#[derive(Properties, PartialEq)]
pub struct LadderProps {
    pub lang: Lang,
    pub current: Level,
    pub target: Level,
    pub current_label: &'static str,
    pub target_label: &'static str,
    pub title: &'static str,
}

#[function_component]
pub fn Ladder(props: &LadderProps) -> Html {
    html! {
        <ol class="ladder" aria-label={props.title} reversed=true>
            { for Level::ALL.iter().rev().map(|&rung| {
                let is_current = rung == props.current;
                let is_target = rung == props.target;
                html! {
                    <li class={classes!("rung", is_current.then_some("current"), is_target.then_some("target"), (rung <= props.current).then_some("reached"))}
                        data-rung={rung.id()}>
                        <span class="rung-name">{ label_of(props.lang, "rung", rung) }</span>
                        <span class="rung-marks">
                            if is_current { <span class="mark mark-current">{ props.current_label }</span> }
                            if is_target { <span class="mark mark-target">{ props.target_label }</span> }
                        </span>
                        <span class="rung-desc">{ label_of(props.lang, "rung_desc", rung) }</span>
                    </li>
                }
            }) }
        </ol>
    }
}

/// One point (and optional history) on the loyalty map.
#[derive(Properties, PartialEq)]
pub struct LoyaltyMapProps {
    pub lang: Lang,
    pub satisfaction: Option<f64>,
    pub switching_cost: Option<f64>,
    pub quadrant: Option<Quadrant>,
    /// The full text alternative.
    pub description: String,
}

// Plot geometry in SVG user units (about one CSS pixel each at full width): whole units are
// precise enough, and integer output keeps float formatting out of the wasm.
const LEFT: f64 = 44.0;
const TOP: f64 = 8.0;
const SIZE: f64 = 260.0;

/// A coordinate as whole units.
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
#[function_component]
pub fn LoyaltyMap(props: &LoyaltyMapProps) -> Html {
    let lang = props.lang;
    let quadrant_label = |q: Quadrant, cx: f64, cy: f64| {
        let active = props.quadrant == Some(q);
        html! {
            <text class={classes!("quadrant-name", active.then_some("active"))} x={px(cx)} y={px(cy)} text-anchor="middle">
                { label_of(lang, "quadrant", q) }
            </text>
        }
    };
    let mid_low = HIGH / 2.0;
    let mid_high = (100.0 + HIGH) / 2.0;
    let sat_title = format!(
        "{} — {}",
        label(lang, "axis.satisfaction"),
        label(lang, "axis_hint.satisfaction")
    );
    let sw_title = format!(
        "{} — {}",
        label(lang, "axis.switching_cost"),
        label(lang, "axis_hint.switching_cost")
    );
    html! {
        <svg class="loyalty-map" viewBox="0 0 312 312" role="img" aria-labelledby="loyalty-map-title loyalty-map-desc">
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
            if let (Some(s), Some(w)) = (props.satisfaction, props.switching_cost) {
                <circle class="point" cx={px(x(s))} cy={px(y(w))} r="7" />
            }
        </svg>
    }
}
