//! The level worth aiming for, and what to do with the account's investment (docs/SCORING.md
//! "Target", docs/CASES.md R4–R8 and R20).
//!
//! Preferred is the default: 「对大部分…来说，‘优先选择’级的关系就足够了」 (seed 000). Going
//! deeper needs evidence, so every rule can only hold the target down and an unanswered or
//! "don't know" condition never lifts it:
//! - scale (seed 002): volume, frequency and complexity set a ceiling; a one-off is `supplier`;
//! - seed 000's four conditions, each *clearly* met, for anything above preferred: both sides
//!   matter, neither can dictate, the customer needs you, and switching costs are real;
//! - the customer's own appetite (seed 000): a transactional buyer stays at preferred, and only
//!   a customer that seeks long-term partners justifies `partner`;
//! - the customer's own course — seed 001's 不可抗力 — a customer leaving the business, or making
//!   what you sell, caps the target at preferred;
//! - a big account gone sour — seed 003's 鸡肋 — is capped at preferred until its economics recover.
//!
//! The stance then says what to do with the investment: deepen, maintain, hold, manage for cash,
//! restore, scale back (the luxury of seed 000, which needs evidence that the account costs more
//! than it returns) or exit. A customer's bargaining power alone never makes it "scale back".

use serde::Serialize;

use super::{mean_of, Scores};
use crate::engine::model::ids::{ContextFactor, Dimension, Level};

/// At or above this a seed-000 condition is "clearly" met (the "important to both",
/// "heavily" anchors).
pub const CLEARLY: f64 = 75.0;

/// Why the target is what it is.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TargetReason {
    /// A one-off purchase: `supplier` is the ceiling (the truss-bridge case).
    OneOff,
    /// Volume, frequency and complexity (their mean, 0–100) support at most `ceiling`.
    Scale { score: f64, ceiling: Level },
    /// Without scale answers, `preferred`: enough for most accounts (seed 000).
    NoScaleEvidence,
    /// A seed-000 condition is not clearly met (or not answered), so the target stays at preferred.
    Condition {
        factor: ContextFactor,
        score: Option<f64>,
    },
    /// Switching costs are low, one of seed 000's conditions for going deeper.
    LowSwitchingCost { score: Option<f64> },
    /// The customer's appetite for a deeper relationship caps the target.
    Appetite { score: Option<f64>, cap: Level },
    /// The customer is leaving the business or integrating backward: beyond your control.
    CustomerCourse { score: f64 },
    /// A big account gone sour — 鸡肋 — capped until the economics recover.
    Soured,
}

/// What to do with the account's investment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    /// Below target: invest to close the gap.
    Deepen,
    /// On target: keep it healthy.
    Maintain,
    /// Deeper than the context justifies but paying its way: keep it, do not deepen.
    Hold,
    /// A transactional customer at its level: serve efficiently on clear value.
    ManageForCash,
    /// A one-off project: deliver, make it a reference, close out.
    Project,
    /// A big account gone sour — 鸡肋 — restore mutual benefit and principles.
    Restore,
    /// Costs more than it returns (the luxury of seed 000): scale the resources back.
    ScaleBack,
    /// Loss-making, dictated to and not strategic: plan an orderly exit or a walk-away point.
    Exit,
    /// Business is being lost or put to tender: win the position back before anything else.
    Recover,
}

impl Stance {
    /// The stable id.
    pub fn id(self) -> &'static str {
        match self {
            Stance::Deepen => "deepen",
            Stance::Maintain => "maintain",
            Stance::Hold => "hold",
            Stance::ManageForCash => "manage_for_cash",
            Stance::Project => "project",
            Stance::Restore => "restore",
            Stance::ScaleBack => "scale_back",
            Stance::Exit => "exit",
            Stance::Recover => "recover",
        }
    }
}

impl crate::engine::text::labels::Labelled for Stance {
    const KIND: &'static str = "stance";
    fn key(self) -> &'static str {
        self.id()
    }
}

/// The target and how the current level compares with it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetResult {
    pub target_level: Level,
    pub reasons: Vec<TargetReason>,
    /// Rungs from the current level up to the target (negative when above it).
    pub gap: i32,
    /// The resources committed exceed what the account returns (seed 000's luxury).
    pub luxury: bool,
    pub stance: Stance,
    /// A one-off project (purchase frequency at its lowest anchor).
    pub one_off: bool,
    /// The customer buys transactionally (appetite at or below 25).
    pub transactional: bool,
    /// The customer is leaving the business or integrating backward — seed 001's 不可抗力
    pub uncontrollable: bool,
}

const SCALE: [ContextFactor; 3] = [
    ContextFactor::Volume,
    ContextFactor::PurchaseFrequency,
    ContextFactor::NeedComplexity,
];
/// Seed 000's conditions, in its order; the fourth (switching cost) is the switching axis.
const CONDITIONS: [(ContextFactor, f64); 3] = [
    (ContextFactor::MutualImportance, CLEARLY),
    // 「双方的谈判能力都不足以完全操控对方」: the "other side has some leverage" anchor meets it.
    (ContextFactor::BargainingBalance, 50.0),
    (ContextFactor::CustomerDependence, CLEARLY),
];

/// The scale ceiling: partner from half-way between "regular, configured" (50) and
/// "continuous, customised" (75).
fn scale_ceiling(score: f64) -> Level {
    match score {
        s if s < 25.0 => Level::Supplier,
        s if s < 50.0 => Level::Preferred,
        s if s < 62.5 => Level::Extended,
        _ => Level::Partner,
    }
}

/// Derives the target and the stance from the context answers, the switching-cost axis and
/// the current level.
pub fn assess(scores: &Scores, switching_cost: Option<f64>, current: Level) -> TargetResult {
    let factor = |f: ContextFactor| scores.get(Dimension::Context(f));
    let at_most = |f: ContextFactor, limit: f64| factor(f).is_some_and(|s| s <= limit);
    let mut reasons = Vec::new();

    let mut target = match mean_of(SCALE.iter().map(|&f| factor(f))) {
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
    let one_off = factor(ContextFactor::PurchaseFrequency) == Some(0.0);
    if one_off {
        reasons.push(TargetReason::OneOff);
        target = Level::Supplier;
    }
    let mut cap = |reason: TargetReason, cap: Level, target: &mut Level| {
        if cap < *target {
            *target = cap;
            reasons.push(reason);
        }
    };
    for (f, needs) in CONDITIONS {
        let score = factor(f);
        if !score.is_some_and(|s| s >= needs) {
            cap(
                TargetReason::Condition { factor: f, score },
                Level::Preferred,
                &mut target,
            );
        }
    }
    if !switching_cost.is_some_and(|s| s >= 50.0) {
        cap(
            TargetReason::LowSwitchingCost {
                score: switching_cost,
            },
            Level::Preferred,
            &mut target,
        );
    }
    let appetite = factor(ContextFactor::Appetite);
    let appetite_cap = match appetite {
        Some(s) if s >= CLEARLY => Level::Partner,
        Some(s) if s >= 50.0 => Level::Extended,
        _ => Level::Preferred,
    };
    cap(
        TargetReason::Appetite {
            score: appetite,
            cap: appetite_cap,
        },
        appetite_cap,
        &mut target,
    );
    let uncontrollable = at_most(ContextFactor::CustomerCourse, 25.0);
    if let Some(score) = factor(ContextFactor::CustomerCourse).filter(|_| uncontrollable) {
        cap(
            TargetReason::CustomerCourse { score },
            Level::Preferred,
            &mut target,
        );
    }
    // The 鸡肋 account (seed 003): large, with a thin or negative return, and a customer
    // dictating the terms.
    let soured = factor(ContextFactor::Volume).is_some_and(|s| s >= CLEARLY)
        && at_most(ContextFactor::Return, 25.0)
        && at_most(ContextFactor::BargainingBalance, 25.0);
    if soured {
        // Named even when another condition has already capped the target: it is the reason
        // the stance is "restore".
        reasons.push(TargetReason::Soured);
        target = target.min(Level::Preferred);
    }

    let gap = target.rank() - current.rank();
    let loss_making = at_most(ContextFactor::Return, 0.0);
    let luxury = loss_making || (gap < 0 && at_most(ContextFactor::Return, 25.0));
    let transactional = appetite.is_some_and(|s| s <= 25.0);
    let stance = stance(&Economics {
        loss_making,
        dictated: at_most(ContextFactor::BargainingBalance, 25.0),
        not_strategic: at_most(ContextFactor::MutualImportance, 25.0),
        soured,
        luxury,
        one_off,
        gap,
        transactional,
    });
    TargetResult {
        target_level: target,
        reasons,
        gap,
        luxury,
        stance,
        one_off,
        transactional,
        uncontrollable,
    }
}

/// What [`stance`] is read from.
struct Economics {
    loss_making: bool,
    dictated: bool,
    not_strategic: bool,
    soured: bool,
    luxury: bool,
    one_off: bool,
    gap: i32,
    transactional: bool,
}

/// The stance, most pressing first: the economics before the level.
fn stance(e: &Economics) -> Stance {
    if e.loss_making && e.dictated && e.not_strategic {
        Stance::Exit
    } else if e.soured {
        Stance::Restore
    } else if e.luxury {
        Stance::ScaleBack
    } else if e.one_off {
        Stance::Project
    } else if e.gap < 0 {
        Stance::Hold
    } else if e.gap > 0 {
        Stance::Deepen
    } else if e.transactional {
        Stance::ManageForCash
    } else {
        Stance::Maintain
    }
}
