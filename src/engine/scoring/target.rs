//! The level worth aiming for (DOMAIN.md §2).
//!
//! Seed 002: volume, purchase frequency / sales cycle and the complexity of needs set a ceiling;
//! a one-off project is at most `supplier`. Seed 000: going beyond `preferred` is appropriate only
//! where the two sides matter to each other, neither can dominate in negotiation and they need
//! each other; otherwise the relationship is a luxury. Both rules take the minimum, so each
//! condition can only hold a target down, and raising any context answer never lowers it.

use serde::Serialize;

use super::{mean_of, Scores};
use crate::engine::model::ids::{ContextFactor, Dimension, Level};

/// Why the target is what it is.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TargetReason {
    /// A one-off purchase: `supplier` is the ceiling (the truss-bridge case).
    OneOff,
    /// Volume, frequency and complexity (their mean, 0–100) support at most `ceiling`.
    Scale { score: f64, ceiling: Level },
    /// Without context answers, `preferred` — enough for most accounts (seed 000).
    NoScaleEvidence,
    /// The weakest of mutual importance, balance of power and dependence caps the target.
    Mutuality {
        weakest: ContextFactor,
        score: f64,
        cap: Level,
    },
    /// Mutuality is unanswered, so nothing above `preferred` can be justified.
    NoMutualityEvidence,
}

/// The target and how the current level compares with it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetResult {
    pub target_level: Level,
    pub reasons: Vec<TargetReason>,
    /// Rungs from the current level up to the target (negative when above it).
    pub gap: i32,
    /// Current level above target: the relationship costs more than it returns (seed 000).
    pub luxury: bool,
}

const SCALE: [ContextFactor; 3] = [
    ContextFactor::Volume,
    ContextFactor::PurchaseFrequency,
    ContextFactor::NeedComplexity,
];
const MUTUALITY: [ContextFactor; 3] = [
    ContextFactor::MutualImportance,
    ContextFactor::BargainingBalance,
    ContextFactor::CustomerDependence,
];

fn scale_ceiling(score: f64) -> Level {
    match score {
        s if s < 25.0 => Level::Supplier,
        s if s < 50.0 => Level::Preferred,
        s if s < 75.0 => Level::Extended,
        _ => Level::Partner,
    }
}

fn mutuality_cap(score: f64) -> Level {
    match score {
        s if s < 50.0 => Level::Preferred,
        s if s < 75.0 => Level::Extended,
        _ => Level::Partner,
    }
}

/// Derives the target from the context answers and compares it with `current`.
pub fn assess(scores: &Scores, current: Level) -> TargetResult {
    let factor = |f: ContextFactor| scores.get(Dimension::Context(f));
    let mut reasons = Vec::new();

    let scale = mean_of(SCALE.iter().map(|&f| factor(f)));
    let mut target = match scale {
        Some(score) => {
            let ceiling = scale_ceiling(score);
            reasons.push(TargetReason::Scale { score, ceiling });
            ceiling
        }
        None => {
            reasons.push(TargetReason::NoScaleEvidence);
            Level::Preferred
        }
    };
    if factor(ContextFactor::PurchaseFrequency) == Some(0.0) {
        reasons.push(TargetReason::OneOff);
        target = Level::Supplier;
    }

    let weakest = MUTUALITY
        .iter()
        .filter_map(|&f| factor(f).map(|s| (f, s)))
        .min_by(|a, b| a.1.total_cmp(&b.1));
    let cap = match weakest {
        Some((weakest, score)) => {
            let cap = mutuality_cap(score);
            if cap < target {
                reasons.push(TargetReason::Mutuality {
                    weakest,
                    score,
                    cap,
                });
            }
            cap
        }
        None => {
            if target > Level::Preferred {
                reasons.push(TargetReason::NoMutualityEvidence);
            }
            Level::Preferred
        }
    };
    let target_level = target.min(cap);
    TargetResult {
        target_level,
        reasons,
        gap: target_level.rank() - current.rank(),
        luxury: current > target_level,
    }
}
