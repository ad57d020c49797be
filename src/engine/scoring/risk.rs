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
//!
//! Three rules keep the figure honest (docs/CASES.md R9, R10, R13, R19):
//! - a "no sign" is worth only the watching behind it: the signals someone has to watch for
//!   (competitors' prices and offers, the order trend, contact changes) count at most
//!   `50 + monitoring / 2`, so a complacent answer never beats an honest one;
//! - for a one-off project or a transactional customer, low switching cost is normal and is left
//!   out of the hold (seed 000: 「争取相对容易，但流失起来也快」);
//! - the four guarantees are a floor (seed 003): one below "equal to competitors" keeps the risk
//!   at least amber; so does being the main supplier with contacts only below top management
//!   (seed 001: 「如果关系层次还限于在客户中低层的…一有风吹草动，你的客户就会被竞争对手夺去」).
//!
//! The band is read from the figure as displayed (rounded), so the two always agree. Rescue is
//! only for a loss under way — business lost, orders stopped, the customer deciding to leave —
//! and not when the customer is leaving the business itself — seed 001's 不可抗力

use serde::Serialize;

use super::loyalty::Axis;
use super::safeguards::SafeguardCheck;
use crate::engine::model::ids::{
    LoyaltyType, ResponsePhase, RiskBand, Safeguard, SatisfactionLever, SwitchingLever, Warning,
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
    /// The weakest guarantee, when it is below "equal to competitors": the floor that keeps the
    /// band off green.
    pub floor: Option<Safeguard>,
    /// Nobody watches the signals (monitoring below "regular review"), so "no sign" means little.
    pub unwatched: bool,
    /// The main supplier, held only by low- and mid-level contacts (seed 001): at least amber.
    pub shallow_contacts: bool,
}

/// Signals that only show when someone watches for them.
const WATCHED: [Warning; 4] = [
    Warning::CompetitorPrice,
    Warning::CompetitorOffer,
    Warning::OrderTrend,
    Warning::ContactChange,
];

/// Signals that, at or below [`LOSS_UNDER_WAY`], sound the alarm — seed 001's 事中控制
const ALARMS: [Warning; 5] = [
    Warning::OrderTrend,
    Warning::CompetitorOffer,
    Warning::CompetitorPrice,
    Warning::ContactChange,
    Warning::UnresolvedComplaints,
];

/// What the risk is read from, beyond the axes.
pub(super) struct RiskInputs<'a> {
    pub warnings: &'a [(Warning, Option<f64>)],
    pub safeguards: &'a [SafeguardCheck],
    pub satisfaction: &'a Axis<SatisfactionLever>,
    pub switching_cost: &'a Axis<SwitchingLever>,
    pub loyalty_types: &'a [(LoyaltyType, Option<f64>)],
    /// The monitoring score; `None` when unanswered (as in every bank-v1 assessment), which
    /// caps the watched signals like "nobody watches" but raises no flag: nobody said so.
    pub monitoring: Option<f64>,
    /// Whether low switching cost is a risk for this account (not for one-off or transactional ones).
    pub switching_matters: bool,
    /// The customer is leaving the business or integrating backward.
    pub uncontrollable: bool,
    /// The main supplier with contacts below top management.
    pub shallow_contacts: bool,
}

/// The figure as displayed.
fn band_of(risk: f64) -> RiskBand {
    let shown = f64::from(super::round(risk));
    if shown >= RED_FROM {
        RiskBand::Red
    } else if shown >= AMBER_FROM {
        RiskBand::Amber
    } else {
        RiskBand::Green
    }
}

pub(super) fn assess(input: &RiskInputs<'_>) -> DefectionRisk {
    // A "no sign" is worth the watching behind it; unknown watching counts as none.
    let watching = input.monitoring.unwrap_or(0.0);
    let signal_cap = |w: Warning| {
        if WATCHED.contains(&w) {
            50.0 + watching / 2.0
        } else {
            100.0
        }
    };
    let signals: Vec<f64> = input
        .warnings
        .iter()
        .filter_map(|(w, s)| s.map(|s| s.min(signal_cap(*w))))
        .collect();
    let warning_component = (!signals.is_empty()).then(|| {
        let mean = signals.iter().sum::<f64>() / signals.len() as f64;
        let worst = signals.iter().copied().fold(f64::INFINITY, f64::min);
        100.0 - (0.5 * mean + 0.5 * worst)
    });

    let (sum, weight) =
        input
            .safeguards
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

    let switching = input
        .switching_cost
        .index
        .filter(|_| input.switching_matters);
    let hold_component = match (input.satisfaction.index, switching) {
        (Some(sat), Some(sw)) => Some(100.0 - (0.6 * sat + 0.4 * sw)),
        (Some(one), None) | (None, Some(one)) => Some(100.0 - one),
        (None, None) => None,
    };

    let loyalty = super::mean_of(input.loyalty_types.iter().map(|(_, s)| *s));
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
    let floor = input
        .safeguards
        .iter()
        .filter(|c| c.safeguard.is_guarantee())
        .filter_map(|c| c.score.map(|s| (c.safeguard, s)))
        .filter(|(_, s)| *s < 50.0)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(g, _)| g);
    let risk = (weight > 0.0).then(|| {
        let risk = (sum / weight).clamp(0.0, 100.0);
        if floor.is_some() || input.shallow_contacts {
            risk.max(AMBER_FROM)
        } else {
            risk
        }
    });
    let band = risk.map(band_of);

    let phase = phase(input, band);
    DefectionRisk {
        risk,
        band,
        phase,
        floor,
        unwatched: input.monitoring.is_some_and(|m| m < 50.0),
        shallow_contacts: input.shallow_contacts,
    }
}

/// Seed 001's phase: rescue only for a loss under way (and not one beyond your control).
fn phase(input: &RiskInputs<'_>, band: Option<RiskBand>) -> ResponsePhase {
    let score_of = |w: Warning| super::score_in(input.warnings, w);
    let loyalty_of = |t: LoyaltyType| super::score_in(input.loyalty_types, t);
    let at_or_below = |v: Option<f64>, limit: f64| v.is_some_and(|v| v <= limit);
    let orders = score_of(Warning::OrderTrend);
    let loss_under_way = at_or_below(orders, 0.0)
        || at_or_below(loyalty_of(LoyaltyType::Behavioural), 0.0)
        || (at_or_below(loyalty_of(LoyaltyType::Intentional), 0.0)
            && at_or_below(orders, LOSS_UNDER_WAY));
    // 「当客户关系出现警报时」: the alarm is a red figure or business visibly threatened — share
    // moving, a rival listened to, prices pressed, supporters gone, complaints escalated. An
    // unmet need is a cause to fix before the alarm (seed 004's incumbent), not the alarm itself.
    let alarm = band == Some(RiskBand::Red)
        || ALARMS
            .iter()
            .any(|&w| at_or_below(score_of(w), LOSS_UNDER_WAY));
    if loss_under_way && !input.uncontrollable {
        ResponsePhase::Rescue
    } else if alarm || loss_under_way {
        ResponsePhase::Control
    } else {
        ResponsePhase::Warn
    }
}
