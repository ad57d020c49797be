//! Scoring: plain functions from answers to an [`AssessmentResult`]. The rules, with their
//! reasons and the seed each comes from, are written up in `docs/SCORING.md`.
//!
//! Every index is 0–100 and built only from answered questions: "don't know" and unanswered
//! questions are left out of every mean, so they never pull a score toward 0.

mod actions;
mod capability;
pub mod compare;
mod confidence;
mod level;
mod loyalty;
pub mod portfolio;
mod risk;
mod safeguards;
mod target;

use serde::Serialize;

use crate::engine::model::answers::{score_of, Answers};
use crate::engine::model::bank::Bank;
use crate::engine::model::ids::*;

pub use actions::{
    action_catalogue, install_actions, ActionText, Finding, PlannedAction, FIRST_ACTIONS_SHOWN,
};
pub use capability::Capabilities;
pub use confidence::{Confidence, Inconsistency};
pub use level::{LevelBlocker, LevelResult, RungEvidence};
pub use loyalty::{Axis, LeverScore};
pub use risk::DefectionRisk;
pub use safeguards::{SafeguardCheck, SafeguardStatus};
pub use target::{TargetReason, TargetResult};

/// A score is "high" (a strength) at or above this on every 0–100 index. The options' middle
/// anchor is 50 ("acceptable", "about the same"); 60 asks for more than neutral.
pub const HIGH: f64 = 60.0;

/// Everything the assessment concludes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AssessmentResult {
    pub level: LevelResult,
    pub target: TargetResult,
    pub satisfaction: Axis<SatisfactionLever>,
    pub switching_cost: Axis<SwitchingLever>,
    /// `None` until both axes have answers.
    pub quadrant: Option<Quadrant>,
    /// Low satisfaction held in place by high switching cost: false loyalty (seed 000).
    pub hostage: bool,
    pub capabilities: Capabilities,
    pub safeguards: Vec<SafeguardCheck>,
    pub warnings: Vec<(Warning, Option<f64>)>,
    pub defection: DefectionRisk,
    pub symbiosis: Option<f64>,
    pub symbiosis_facets: Vec<(SymbiosisFacet, Option<f64>)>,
    pub loyalty_types: Vec<(LoyaltyType, Option<f64>)>,
    pub confidence: Confidence,
    /// Ranked, most valuable first.
    pub actions: Vec<PlannedAction>,
}

/// The headline figures, rounded: the results' `data-*` attributes and the embed payload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub level: Level,
    pub target_level: Level,
    pub quadrant: Option<Quadrant>,
    pub satisfaction: Option<u8>,
    pub switching_cost: Option<u8>,
    pub trust: Option<u8>,
    pub execution: Option<u8>,
    pub innovation: Option<u8>,
    /// Serialised as the capability id, or `"none"` when no capability is weak.
    #[serde(serialize_with = "bottleneck_id")]
    pub bottleneck: Option<Capability>,
    pub defection_risk: Option<u8>,
    pub risk_band: Option<RiskBand>,
    pub symbiosis: Option<u8>,
    pub confidence: u8,
}

fn bottleneck_id<S: serde::Serializer>(b: &Option<Capability>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(b.map_or("none", Capability::id))
}

/// Rounds a 0–100 figure to an integer for display and export.
#[expect(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "clamped to 0–100 first"
)]
pub fn round(value: f64) -> u8 {
    value.clamp(0.0, 100.0).round() as u8
}

impl AssessmentResult {
    /// The headline figures.
    pub fn summary(&self) -> Summary {
        let cap = |c| self.capabilities.index(c).map(round);
        Summary {
            level: self.level.level,
            target_level: self.target.target_level,
            quadrant: self.quadrant,
            satisfaction: self.satisfaction.index.map(round),
            switching_cost: self.switching_cost.index.map(round),
            trust: cap(Capability::Trust),
            execution: cap(Capability::Execution),
            innovation: cap(Capability::Innovation),
            bottleneck: self.capabilities.bottleneck,
            defection_risk: self.defection.risk.map(round),
            risk_band: self.defection.band,
            symbiosis: self.symbiosis.map(round),
            confidence: self.confidence.score,
        }
    }

    /// The score of one warning signal (100 = no sign of it).
    pub fn warning(&self, w: Warning) -> Option<f64> {
        self.warnings
            .iter()
            .find(|(x, _)| *x == w)
            .and_then(|(_, s)| *s)
    }

    /// The score of one loyalty type.
    pub fn loyalty_type(&self, t: LoyaltyType) -> Option<f64> {
        self.loyalty_types
            .iter()
            .find(|(x, _)| *x == t)
            .and_then(|(_, s)| *s)
    }
}

/// Weighted sums of answered scores per dimension: the one pass over the answers.
/// A short list searched linearly (about sixty dimensions): a map would add its code to the wasm
/// for no measurable speed.
#[derive(Debug, Default)]
pub(crate) struct Scores {
    by_dimension: Vec<(Dimension, f64, f64)>,
}

impl Scores {
    pub(crate) fn collect(bank: &Bank, answers: &Answers) -> Scores {
        let mut by_dimension: Vec<(Dimension, f64, f64)> = Vec::new();
        for q in &bank.questions {
            if let Some(score) = score_of(q, answers.get(&q.id)) {
                let at = match by_dimension.iter().position(|e| e.0 == q.dimension) {
                    Some(at) => at,
                    None => {
                        by_dimension.push((q.dimension, 0.0, 0.0));
                        by_dimension.len() - 1
                    }
                };
                by_dimension[at].1 += q.weight * f64::from(score);
                by_dimension[at].2 += q.weight;
            }
        }
        Scores { by_dimension }
    }

    /// The weighted mean score of one dimension, `None` if none of its questions has a score.
    pub(crate) fn get(&self, dimension: Dimension) -> Option<f64> {
        self.by_dimension
            .iter()
            .find(|e| e.0 == dimension && e.2 > 0.0)
            .map(|(_, sum, w)| sum / w)
    }
}

/// The plain mean of the known values, `None` if there are none.
pub(crate) fn mean_of(values: impl IntoIterator<Item = Option<f64>>) -> Option<f64> {
    let (sum, n) = values
        .into_iter()
        .flatten()
        .fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / n as f64)
}

/// Scores one assessment.
pub fn score(bank: &Bank, answers: &Answers) -> AssessmentResult {
    let scores = Scores::collect(bank, answers);
    let level = level::assess(bank, answers);
    let target = target::assess(&scores, level.level);
    let satisfaction = loyalty::axis(&scores, SatisfactionLever::ALL, Dimension::Satisfaction);
    let switching_cost = loyalty::axis(&scores, SwitchingLever::ALL, Dimension::SwitchingCost);
    let quadrant = loyalty::quadrant(satisfaction.index, switching_cost.index);
    let capabilities = capability::assess(&scores);
    let safeguards = safeguards::assess(&scores);
    let warnings: Vec<_> = Warning::ALL
        .iter()
        .map(|&w| (w, scores.get(Dimension::Warning(w))))
        .collect();
    let loyalty_types: Vec<_> = LoyaltyType::ALL
        .iter()
        .map(|&t| (t, scores.get(Dimension::LoyaltyType(t))))
        .collect();
    let symbiosis_facets: Vec<_> = SymbiosisFacet::ALL
        .iter()
        .map(|&f| (f, scores.get(Dimension::Symbiosis(f))))
        .collect();
    let symbiosis = mean_of(symbiosis_facets.iter().map(|(_, s)| *s));
    let defection = risk::assess(
        &warnings,
        &safeguards,
        &satisfaction,
        &switching_cost,
        &loyalty_types,
    );

    let mut result = AssessmentResult {
        level,
        target,
        hostage: quadrant == Some(Quadrant::Hostage),
        satisfaction,
        switching_cost,
        quadrant,
        capabilities,
        safeguards,
        warnings,
        defection,
        symbiosis,
        symbiosis_facets,
        loyalty_types,
        confidence: Confidence::default(),
        actions: Vec::new(),
    };
    result.confidence = confidence::assess(bank, answers, &result);
    result.actions = actions::plan(&result);
    result
}

#[cfg(test)]
mod tests;
