//! Trust, execution, innovation and the bottleneck (DOMAIN.md §3, seed 002).

use serde::Serialize;

use super::{Scores, HIGH};
use crate::engine::model::ids::{Capability, Dimension};

/// The three capability indices and the first weak one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Capabilities {
    /// In build order: trust, execution, innovation.
    pub indices: Vec<(Capability, Option<f64>)>,
    /// The first capability, in build order, scoring below [`HIGH`]; unanswered ones are skipped.
    pub bottleneck: Option<Capability>,
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

pub(super) fn assess(scores: &Scores) -> Capabilities {
    let indices: Vec<(Capability, Option<f64>)> = Capability::ALL
        .iter()
        .map(|&c| (c, scores.get(Dimension::Capability(c))))
        .collect();
    let bottleneck = indices
        .iter()
        .find(|(_, s)| s.is_some_and(|s| s < HIGH))
        .map(|(c, _)| *c);
    Capabilities {
        indices,
        bottleneck,
    }
}
