//! The one-two-four safeguard checklist (DOMAIN.md §5, seed 003).

use serde::Serialize;

use super::Scores;
use crate::engine::model::ids::{Dimension, Safeguard};

/// A safeguard's state. `InPlace` from 70 (the "agreed, measured, reviewed" anchor is 75),
/// `Partial` from 40 (the middle anchor is 50), `Missing` below.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SafeguardStatus {
    Missing,
    Partial,
    InPlace,
    Unknown,
}

impl SafeguardStatus {
    /// The status of a score.
    pub fn of(score: Option<f64>) -> SafeguardStatus {
        match score {
            None => SafeguardStatus::Unknown,
            Some(s) if s >= 70.0 => SafeguardStatus::InPlace,
            Some(s) if s >= 40.0 => SafeguardStatus::Partial,
            Some(_) => SafeguardStatus::Missing,
        }
    }

    /// The stable id (`missing`, `partial`, `in_place`, `unknown`).
    pub fn id(self) -> &'static str {
        match self {
            SafeguardStatus::Missing => "missing",
            SafeguardStatus::Partial => "partial",
            SafeguardStatus::InPlace => "in_place",
            SafeguardStatus::Unknown => "unknown",
        }
    }
}

/// One line of the checklist.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SafeguardCheck {
    pub safeguard: Safeguard,
    pub score: Option<f64>,
    pub status: SafeguardStatus,
}

pub(super) fn assess(scores: &Scores) -> Vec<SafeguardCheck> {
    Safeguard::ALL
        .iter()
        .map(|&safeguard| {
            let score = scores.get(Dimension::Safeguard(safeguard));
            SafeguardCheck {
                safeguard,
                score,
                status: SafeguardStatus::of(score),
            }
        })
        .collect()
}

impl crate::engine::text::labels::Labelled for SafeguardStatus {
    const KIND: &'static str = "safeguard_status";
    fn key(self) -> &'static str {
        self.id()
    }
}
