//! The stage of the relationship and its posture (seed 001; DOMAIN.md §8; docs/CASES.md R14).
//!
//! Stages are about share and time, levels about depth, so they are read from different
//! answers: the customer's buying (share) and plans (time) give the stage, the level only
//! separates strategic cooperation (an alliance tie at extended level or deeper). Development and
//! initial cooperation call for offence (not yet the main supplier); the stable and strategic
//! stages for defence: 「在保持目前最大业务份额的前提下，如何从主要供应商发展成为客户长期供应商」.
//! Regression — 倒退、中断 — is possible at every stage, so it is a flag, not a stage.

use serde::Serialize;

use crate::engine::model::ids::{Level, LoyaltyType, ResponsePhase};
use crate::engine::text::labels::Labelled;

/// Seed 001's four stages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Development — 客户开发阶段 — little business yet, the relationship at supplier level.
    Development,
    /// Initial cooperation — 初期合作阶段 — one supplier among several, or a new main supplier not yet in the plans.
    Initial,
    /// Stable cooperation — 稳定合作阶段 — the main supplier, in the customer's plans and budgets.
    Stable,
    /// Strategic cooperation — 战略合作阶段 — the main supplier with an alliance at extended level or deeper.
    Strategic,
}

/// Offence (win share) or defence (keep it and deepen).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Posture {
    Offence,
    Defence,
}

impl Stage {
    /// The stable id.
    pub fn id(self) -> &'static str {
        match self {
            Stage::Development => "development",
            Stage::Initial => "initial",
            Stage::Stable => "stable",
            Stage::Strategic => "strategic",
        }
    }

    /// Seed 001: offence until the account is won, defence after.
    pub fn posture(self) -> Posture {
        match self {
            Stage::Development | Stage::Initial => Posture::Offence,
            Stage::Stable | Stage::Strategic => Posture::Defence,
        }
    }
}

impl Posture {
    /// The stable id.
    pub fn id(self) -> &'static str {
        match self {
            Posture::Offence => "offence",
            Posture::Defence => "defence",
        }
    }
}

impl Labelled for Stage {
    const KIND: &'static str = "stage";
    fn key(self) -> &'static str {
        self.id()
    }
}

impl Labelled for Posture {
    const KIND: &'static str = "posture";
    fn key(self) -> &'static str {
        self.id()
    }
}

/// The stage, its posture and whether the relationship is going backwards.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StageResult {
    /// `None` when the buying questions are unanswered (and the account is not a one-off).
    pub stage: Option<Stage>,
    pub posture: Option<Posture>,
    /// Regressing — 倒退 — when business is being lost, put to tender, or the customer plans to reduce or end it.
    pub regressing: bool,
}

/// What the stage is read from.
pub(super) struct StageInputs<'a> {
    pub loyalty_types: &'a [(LoyaltyType, Option<f64>)],
    pub level: Level,
    pub alliance: bool,
    pub one_off: bool,
    pub tendered: bool,
    pub phase: ResponsePhase,
}

pub(super) fn assess(input: &StageInputs<'_>) -> StageResult {
    let of = |t: LoyaltyType| super::score_in(input.loyalty_types, t);
    let share = of(LoyaltyType::Behavioural);
    let plans = of(LoyaltyType::Intentional);
    let main_supplier = share.is_some_and(|s| s >= 75.0);
    let stage = if input.one_off {
        Some(Stage::Initial)
    } else if main_supplier && input.alliance && input.level >= Level::Extended {
        Some(Stage::Strategic)
    } else if main_supplier && plans.is_some_and(|p| p >= 75.0) {
        Some(Stage::Stable)
    } else if share.is_some_and(|s| s <= 25.0) && input.level == Level::Supplier {
        Some(Stage::Development)
    } else if share.is_some() {
        Some(Stage::Initial)
    } else {
        None
    };
    let regressing = input.tendered
        || input.phase == ResponsePhase::Rescue
        || (main_supplier && plans.is_some_and(|p| p <= 0.0));
    StageResult {
        stage,
        posture: stage.map(Stage::posture),
        regressing,
    }
}
