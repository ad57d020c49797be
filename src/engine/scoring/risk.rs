//! Defection risk, its band and the response phase (DOMAIN.md §6, seeds 000, 001, 003).
//!
//! Risk is a weighted mean of four components, each 0–100 where higher is riskier, over the
//! components that have answers:
//! - warnings (0.35): half the mean signal, half the worst one — one alarming signal matters even
//!   when the rest are calm;
//! - safeguards (0.25): the four guarantees count double, as the minimum key customers demand;
//! - hold (0.25): what keeps the account, satisfaction weighted 0.6 and switching cost 0.4 —
//!   seed 000 warns that a controlled but dissatisfied customer leaves at the first chance;
//! - loyalty types (0.15): repeat purchase, intention and advocacy.

use serde::Serialize;

use super::loyalty::Axis;
use super::safeguards::SafeguardCheck;
use crate::engine::model::ids::{
    LoyaltyType, ResponsePhase, RiskBand, SatisfactionLever, SwitchingLever, Warning,
};

/// Risk from this figure is amber.
pub const AMBER_FROM: f64 = 35.0;
/// Risk from this figure is red.
pub const RED_FROM: f64 = 60.0;
/// A signal or loyalty score at or below this means the loss is under way.
pub const LOSS_UNDER_WAY: f64 = 25.0;

/// The defection-risk figure and what to do about it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DefectionRisk {
    /// 0–100; `None` when nothing it is built from was answered.
    pub risk: Option<f64>,
    pub band: Option<RiskBand>,
    /// Seed 001: monitor and warn before; control and coordinate during; rescue after.
    pub phase: ResponsePhase,
}

pub(super) fn assess(
    warnings: &[(Warning, Option<f64>)],
    safeguards: &[SafeguardCheck],
    satisfaction: &Axis<SatisfactionLever>,
    switching_cost: &Axis<SwitchingLever>,
    loyalty_types: &[(LoyaltyType, Option<f64>)],
) -> DefectionRisk {
    let signals: Vec<f64> = warnings.iter().filter_map(|(_, s)| *s).collect();
    let warning_component = (!signals.is_empty()).then(|| {
        let mean = signals.iter().sum::<f64>() / signals.len() as f64;
        let worst = signals.iter().copied().fold(f64::INFINITY, f64::min);
        100.0 - (0.5 * mean + 0.5 * worst)
    });

    let (sum, weight) =
        safeguards
            .iter()
            .fold((0.0, 0.0), |(sum, weight), check| match check.score {
                Some(score) => {
                    let w = if check.safeguard.is_guarantee() {
                        2.0
                    } else {
                        1.0
                    };
                    (sum + w * score, weight + w)
                }
                None => (sum, weight),
            });
    let safeguard_component = (weight > 0.0).then(|| 100.0 - sum / weight);

    let hold_component = match (satisfaction.index, switching_cost.index) {
        (Some(sat), Some(sw)) => Some(100.0 - (0.6 * sat + 0.4 * sw)),
        (Some(one), None) | (None, Some(one)) => Some(100.0 - one),
        (None, None) => None,
    };

    let loyalty = super::mean_of(loyalty_types.iter().map(|(_, s)| *s));
    let loyalty_component = loyalty.map(|l| 100.0 - l);

    let parts = [
        (0.35, warning_component),
        (0.25, safeguard_component),
        (0.25, hold_component),
        (0.15, loyalty_component),
    ];
    let (sum, weight) = parts
        .iter()
        .filter_map(|(w, c)| c.map(|c| (*w, c)))
        .fold((0.0, 0.0), |(s, tw), (w, c)| (s + w * c, tw + w));
    let risk = (weight > 0.0).then(|| (sum / weight).clamp(0.0, 100.0));
    let band = risk.map(|r| match r {
        r if r >= RED_FROM => RiskBand::Red,
        r if r >= AMBER_FROM => RiskBand::Amber,
        _ => RiskBand::Green,
    });

    let score_of = |w: Warning| warnings.iter().find(|(x, _)| *x == w).and_then(|(_, s)| *s);
    let loyalty_of = |t: LoyaltyType| {
        loyalty_types
            .iter()
            .find(|(x, _)| *x == t)
            .and_then(|(_, s)| *s)
    };
    let at_or_below = |v: Option<f64>, limit: f64| v.is_some_and(|v| v <= limit);
    let loss_under_way = at_or_below(score_of(Warning::OrderTrend), LOSS_UNDER_WAY)
        || at_or_below(loyalty_of(LoyaltyType::Behavioural), LOSS_UNDER_WAY)
        || at_or_below(loyalty_of(LoyaltyType::Intentional), 0.0);
    let alarm =
        band.is_some_and(|b| b != RiskBand::Green) || signals.iter().any(|&s| s <= LOSS_UNDER_WAY);
    let phase = if loss_under_way {
        ResponsePhase::Rescue
    } else if alarm {
        ResponsePhase::Control
    } else {
        ResponsePhase::Warn
    };
    DefectionRisk { risk, band, phase }
}
