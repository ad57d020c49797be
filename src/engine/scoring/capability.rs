//! Trust, execution, innovation and the bottleneck (DOMAIN.md §3, seed 002; docs/CASES.md R16).
//!
//! 「各自的重要性要视B2B关系的背景而定」: which capabilities an account needs depends on its
//! target. A supplier-level account needs execution; a preferred one trust and execution; the
//! deeper levels all three. The bottleneck is the first needed capability, in build order, below
//! [`HIGH`] — except that a capability at least "adequate" (50) is not a bottleneck while a later
//! one is strong (75+): innovation can come first and create the trust (seed 002's dedicated
//! trucks, seed 004's Huawei). A capability far below the others is named as lagging even when
//! it comes later in the order.

use serde::Serialize;

use super::{mean_of, Scores, HIGH};
use crate::engine::model::ids::{Capability, Dimension, Level};

/// A capability this far below the mean of the others (and below 50) is lagging.
pub const LAGGING_BY: f64 = 30.0;

/// The three capability indices, the bottleneck and a lagging one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Capabilities {
    /// In build order: trust, execution, innovation.
    pub indices: Vec<(Capability, Option<f64>)>,
    /// The capabilities the target level needs.
    pub needed: Vec<Capability>,
    /// The first needed capability, in build order, that holds the account back.
    pub bottleneck: Option<Capability>,
    /// A capability far below the others, when it is not the bottleneck.
    pub lagging: Option<Capability>,
}

impl Capabilities {
    /// One capability's index.
    pub fn index(&self, c: Capability) -> Option<f64> {
        self.indices
            .iter()
            .find(|(x, _)| *x == c)
            .and_then(|(_, s)| *s)
    }
}

/// The capabilities an account aiming at `target` needs.
fn needed(target: Level) -> &'static [Capability] {
    match target {
        Level::Supplier => &[Capability::Execution],
        Level::Preferred => &[Capability::Trust, Capability::Execution],
        Level::Extended | Level::Partner => Capability::ALL,
    }
}

pub(super) fn assess(scores: &Scores, target: Level) -> Capabilities {
    let indices: Vec<(Capability, Option<f64>)> = Capability::ALL
        .iter()
        .map(|&c| (c, scores.get(Dimension::Capability(c))))
        .collect();
    let needed = needed(target);
    let later_is_strong = |at: usize| {
        indices[at + 1..]
            .iter()
            .any(|(_, s)| s.is_some_and(|s| s >= 75.0))
    };
    let bottleneck = indices
        .iter()
        .enumerate()
        .filter(|(_, (c, _))| needed.contains(c))
        .find(|(at, (_, s))| s.is_some_and(|s| s < HIGH && !(s >= 50.0 && later_is_strong(*at))))
        .map(|(_, (c, _))| *c);
    let lagging = indices
        .iter()
        .filter(|(c, _)| Some(*c) != bottleneck && (target > Level::Supplier || needed.contains(c)))
        .find(|(c, s)| {
            let others = mean_of(indices.iter().filter(|(o, _)| o != c).map(|(_, s)| *s));
            matches!((s, others), (Some(s), Some(o)) if *s < 50.0 && o - s >= LAGGING_BY)
        })
        .map(|(c, _)| *c);
    Capabilities {
        indices,
        needed: needed.to_vec(),
        bottleneck,
        lagging,
    }
}
