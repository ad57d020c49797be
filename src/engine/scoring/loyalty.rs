//! The two loyalty axes and the quadrant (DOMAIN.md §4, seeds 000, 001 and 003; docs/CASES.md R11).
//!
//! A lever's score is the weighted mean of its answered questions. The two axes aggregate
//! differently, as the seeds do:
//! - **happy to stay** is the mean of the levers, but never more than [`CORE_MARGIN`] above the
//!   weakest *core* element (quality, service and terms among the levers, and the four
//!   guarantees): 「没有好的产品质量，再好的客户关系也只能望洋兴叹」 (seed 003);
//! - **painful to leave** is the mean of the two strongest levers: one strong barrier (retraining
//!   mechanics, new spare parts, seed 001) holds a customer however weak the others are.

use serde::Serialize;

use super::{mean_of, Scores, HIGH};
use crate::engine::model::ids::{
    Dimension, Quadrant, Safeguard, SatisfactionLever, SwitchingLever,
};

/// How far satisfaction may sit above its weakest core element.
pub const CORE_MARGIN: f64 = 25.0;
/// Both axes this close below [`HIGH`]: no clear hold either way.
pub const CENTRE_BAND: f64 = 12.5;

/// One lever's score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeverScore<L> {
    pub lever: L,
    pub score: Option<f64>,
}

/// An axis: its index and its levers in DOMAIN.md order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Axis<L> {
    pub index: Option<f64>,
    pub levers: Vec<LeverScore<L>>,
    /// What limits the index: the weakest core element (satisfaction), or the strongest levers
    /// that carry it (switching cost).
    pub driven_by: Vec<Dimension>,
}

impl<L: Copy> Axis<L> {
    /// Answered levers, weakest first (for the bars and the action plan).
    pub fn weakest_first(&self) -> Vec<(L, f64)> {
        let mut known: Vec<(L, f64)> = self
            .levers
            .iter()
            .filter_map(|l| l.score.map(|s| (l.lever, s)))
            .collect();
        crate::engine::model::sort::sort_by(&mut known, |a, b| a.1.total_cmp(&b.1));
        known
    }
}

impl<L: Copy> Axis<L> {
    /// Every lever for display: answered ones weakest first, then the unanswered ones.
    pub fn levers_for_display(&self) -> Vec<(L, Option<f64>)> {
        let mut out: Vec<(L, Option<f64>)> = self
            .weakest_first()
            .into_iter()
            .map(|(l, s)| (l, Some(s)))
            .collect();
        out.extend(
            self.levers
                .iter()
                .filter(|l| l.score.is_none())
                .map(|l| (l.lever, None)),
        );
        out
    }
}

fn lever_scores<L: Copy>(
    scores: &Scores,
    levers: &[L],
    dimension: fn(L) -> Dimension,
) -> Vec<LeverScore<L>> {
    levers
        .iter()
        .map(|&lever| LeverScore {
            lever,
            score: scores.get(dimension(lever)),
        })
        .collect()
}

const CORE_LEVERS: [SatisfactionLever; 3] = [
    SatisfactionLever::ProductQuality,
    SatisfactionLever::ServiceLevel,
    SatisfactionLever::TradeTerms,
];

/// Happy to stay: the levers' mean, capped just above the weakest core element.
pub(super) fn satisfaction(scores: &Scores) -> Axis<SatisfactionLever> {
    let levers = lever_scores(scores, SatisfactionLever::ALL, Dimension::Satisfaction);
    let mean = mean_of(levers.iter().map(|l| l.score));
    let core = CORE_LEVERS
        .iter()
        .map(|&l| Dimension::Satisfaction(l))
        .chain(
            Safeguard::ALL
                .iter()
                .filter(|g| g.is_guarantee())
                .map(|&g| Dimension::Safeguard(g)),
        )
        .filter_map(|d| scores.get(d).map(|s| (d, s)))
        .min_by(|a, b| a.1.total_cmp(&b.1));
    let (index, driven_by) = match (mean, core) {
        (Some(mean), Some((d, weakest))) if weakest + CORE_MARGIN < mean => {
            (Some(weakest + CORE_MARGIN), vec![d])
        }
        (mean, _) => (mean, Vec::new()),
    };
    Axis {
        index,
        levers,
        driven_by,
    }
}

/// Painful to leave: the mean of the two strongest levers.
pub(super) fn switching_cost(scores: &Scores) -> Axis<SwitchingLever> {
    let levers = lever_scores(scores, SwitchingLever::ALL, Dimension::SwitchingCost);
    let mut known: Vec<(SwitchingLever, f64)> = levers
        .iter()
        .filter_map(|l| l.score.map(|s| (l.lever, s)))
        .collect();
    crate::engine::model::sort::sort_by(&mut known, |a, b| b.1.total_cmp(&a.1));
    known.truncate(2);
    Axis {
        index: mean_of(known.iter().map(|(_, s)| Some(*s))),
        levers,
        driven_by: known
            .iter()
            .map(|(l, _)| Dimension::SwitchingCost(*l))
            .collect(),
    }
}

/// Both axes just below the line: neither clearly happy to stay nor clearly held, but not
/// clearly failing either (docs/CASES.md Part C, the "about the same" account).
pub fn no_clear_hold(satisfaction: Option<f64>, switching_cost: Option<f64>) -> bool {
    let just_below = |v: Option<f64>| v.is_some_and(|v| (HIGH - CENTRE_BAND..HIGH).contains(&v));
    just_below(satisfaction) && just_below(switching_cost)
}

/// The quadrant, once both axes are known. "High" is [`HIGH`] or more; a guarantee below
/// "equal to competitors" (`floor_breached`) means the customer is not happy to stay, whatever the
/// mean says (seed 003, R19).
pub fn quadrant(
    satisfaction: Option<f64>,
    switching_cost: Option<f64>,
    floor_breached: bool,
) -> Option<Quadrant> {
    let (happy, locked) = (
        satisfaction? >= HIGH && !floor_breached,
        switching_cost? >= HIGH,
    );
    Some(match (happy, locked) {
        (true, true) => Quadrant::Loyal,
        (true, false) => Quadrant::Mercenary,
        (false, true) => Quadrant::Hostage,
        (false, false) => Quadrant::Defector,
    })
}
