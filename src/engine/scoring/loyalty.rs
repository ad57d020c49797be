//! The two loyalty axes and the quadrant (DOMAIN.md §4, seeds 000 and 001).
//!
//! A lever's score is the weighted mean of its answered questions; an axis is the plain mean of
//! its answered levers, so each lever counts equally however many questions it has.

use serde::Serialize;

use super::{mean_of, Scores, HIGH};
use crate::engine::model::ids::{Dimension, Quadrant};

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

pub(super) fn axis<L: Copy>(
    scores: &Scores,
    levers: &[L],
    dimension: fn(L) -> Dimension,
) -> Axis<L> {
    let levers: Vec<LeverScore<L>> = levers
        .iter()
        .map(|&lever| LeverScore {
            lever,
            score: scores.get(dimension(lever)),
        })
        .collect();
    Axis {
        index: mean_of(levers.iter().map(|l| l.score)),
        levers,
    }
}

/// The quadrant, once both axes are known. "High" is [`HIGH`] or more.
pub fn quadrant(satisfaction: Option<f64>, switching_cost: Option<f64>) -> Option<Quadrant> {
    let (happy, locked) = (satisfaction? >= HIGH, switching_cost? >= HIGH);
    Some(match (happy, locked) {
        (true, true) => Quadrant::Loyal,
        (true, false) => Quadrant::Mercenary,
        (false, true) => Quadrant::Hostage,
        (false, false) => Quadrant::Defector,
    })
}
