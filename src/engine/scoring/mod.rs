//! Scoring: plain functions from answers to an [`AssessmentResult`]. The rules, with their
//! reasons and the seed each comes from, are written up in `docs/SCORING.md`.
//!
//! Every index is 0–100 and built only from answered questions: "don't know" and unanswered
//! questions are left out of every mean, so they never pull a score toward 0.

mod actions;
mod borderline;
mod capability;
pub mod compare;
mod confidence;
pub mod coverage;
pub mod eyes;
mod level;
mod loyalty;
pub mod portfolio;
pub mod progress;
mod risk;
mod safeguards;
mod stage;
mod target;

use serde::Serialize;

use crate::engine::model::answers::{score_of, Answers};
use crate::engine::model::bank::Bank;
use crate::engine::model::ids::*;

pub use crate::engine::model::bank::customer::customer_set;
pub use actions::{
    action_catalogue, actions_cover, actions_langs, install_actions, later_strings, later_text,
    later_text_with, ActionText, Finding, PlannedAction, FIRST_ACTIONS_SHOWN,
};
pub use borderline::Borderline;
pub use capability::Capabilities;
pub use confidence::{Confidence, Inconsistency, INCONSISTENCY_PENALTY};
pub use level::{LevelBlocker, LevelResult, Regression, RungEvidence};
pub use loyalty::{Axis, LeverScore};
pub use risk::DefectionRisk;
pub use safeguards::{SafeguardCheck, SafeguardStatus};
pub use stage::{Posture, Stage, StageResult};
pub use target::{Stance, TargetReason, TargetResult};

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
    /// Both axes near the line: no clear hold either way (docs/CASES.md Part C).
    pub no_clear_hold: bool,
    /// Whether low switching cost is a concern: not for a one-off project, a transactional
    /// customer or a supplier-level target, where being free to go is normal (R13).
    pub switching_matters: bool,
    pub capabilities: Capabilities,
    pub safeguards: Vec<SafeguardCheck>,
    pub warnings: Vec<(Warning, Option<f64>)>,
    pub defection: DefectionRisk,
    pub symbiosis: Option<f64>,
    pub symbiosis_facets: Vec<(SymbiosisFacet, Option<f64>)>,
    pub loyalty_types: Vec<(LoyaltyType, Option<f64>)>,
    pub stage: StageResult,
    /// A level above preferred at risk of going backwards — 倒退 — because a guarantee is below
    /// "equal" (seed 003) or the customer is leaving the business (seed 001).
    pub regression_risk: bool,
    /// Headline verdicts one answer a notch away from another value; `None` when not probed
    /// ([`score_figures`], for lists and exports).
    pub borderline: Option<Borderline>,
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
        score_in(&self.warnings, w)
    }

    /// The score of one loyalty type.
    pub fn loyalty_type(&self, t: LoyaltyType) -> Option<f64> {
        score_in(&self.loyalty_types, t)
    }
}

/// The score of `key` in a list of (id, score) pairs; `None` if absent or unanswered.
pub(crate) fn score_in<K: PartialEq + Copy>(list: &[(K, Option<f64>)], key: K) -> Option<f64> {
    list.iter().find(|(x, _)| *x == key).and_then(|(_, s)| *s)
}

/// Weighted sums of answered scores per dimension: the one pass over the answers, one slot per
/// dimension (see [`Dimension::index`]), so a borderline probe can copy and adjust it cheaply.
#[derive(Debug, Clone)]
pub(crate) struct Scores {
    by_dimension: [(f64, f64); Dimension::COUNT],
}

impl Default for Scores {
    fn default() -> Self {
        Scores {
            by_dimension: [(0.0, 0.0); Dimension::COUNT],
        }
    }
}

impl Scores {
    pub(crate) fn collect(bank: &Bank, answers: &Answers) -> Scores {
        let mut scores = Scores::default();
        for q in &bank.questions {
            if let Some(score) = score_of(q, answers.get(&q.id)) {
                scores.add(q.dimension, q.weight, f64::from(score));
            }
        }
        scores
    }

    /// Adds (or with a negative weight, removes) one answer's contribution.
    pub(crate) fn add(&mut self, dimension: Dimension, weight: f64, score: f64) {
        let slot = &mut self.by_dimension[dimension.index()];
        slot.0 += weight * score;
        slot.1 += weight;
    }

    /// The weighted mean score of one dimension, `None` if none of its questions has a score.
    pub(crate) fn get(&self, dimension: Dimension) -> Option<f64> {
        let (sum, weight) = self.by_dimension[dimension.index()];
        (weight > 1e-9).then(|| sum / weight)
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

/// Everything that follows from the per-dimension scores and the level: the part of scoring
/// that the borderline probe repeats for each alternative answer. Never inlined: both callers
/// would otherwise carry a copy of it in the wasm.
#[inline(never)]
fn evaluate(scores: &Scores, level: LevelResult) -> AssessmentResult {
    let satisfaction = loyalty::satisfaction(scores);
    let switching_cost = loyalty::switching_cost(scores);
    let target = target::assess(scores, switching_cost.index, level.level);
    let floor_breached = Safeguard::ALL.iter().any(|g| {
        g.is_guarantee()
            && scores
                .get(Dimension::Safeguard(*g))
                .is_some_and(|s| s < 50.0)
    });
    let quadrant = loyalty::quadrant(satisfaction.index, switching_cost.index, floor_breached);
    let capabilities = capability::assess(scores, target.target_level);
    let safeguards = safeguards::assess(scores);
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
    let switching_matters =
        !target.one_off && !target.transactional && target.target_level > Level::Supplier;
    let main_supplier = scores
        .get(Dimension::LoyaltyType(LoyaltyType::Behavioural))
        .is_some_and(|s| s >= 75.0);
    let shallow_contacts = main_supplier
        && !target.one_off
        && scores
            .get(Dimension::Level(LevelFacet::Contacts))
            .is_some_and(|s| s < 67.0);
    let defection = risk::assess(&risk::RiskInputs {
        warnings: &warnings,
        safeguards: &safeguards,
        satisfaction: &satisfaction,
        switching_cost: &switching_cost,
        loyalty_types: &loyalty_types,
        monitoring: scores.get(Dimension::Evidence(EvidenceFacet::Monitoring)),
        switching_matters,
        uncontrollable: target.uncontrollable,
        shallow_contacts,
    });
    let alliance = scores
        .get(Dimension::Level(LevelFacet::FormalLinks))
        .is_some_and(|s| s >= 99.0);
    let stage = stage::assess(&stage::StageInputs {
        loyalty_types: &loyalty_types,
        level: level.level,
        alliance,
        one_off: target.one_off,
        tendered: level.regression.is_some(),
        phase: defection.phase,
    });
    let regression_risk =
        level.level >= Level::Extended && (defection.floor.is_some() || target.uncontrollable);
    // A loss under way or business put to tender overrides "maintain", "deepen" or "hold":
    // nothing is deepened while the position is being lost (seed 001). The economics stances
    // (exit, restore, scale back) and a one-off project keep theirs.
    let mut target = target;
    if (defection.phase == ResponsePhase::Rescue || level.regression.is_some())
        && matches!(
            target.stance,
            Stance::Maintain | Stance::Deepen | Stance::Hold | Stance::ManageForCash
        )
    {
        target.stance = Stance::Recover;
    }
    AssessmentResult {
        hostage: quadrant == Some(Quadrant::Hostage),
        no_clear_hold: loyalty::no_clear_hold(satisfaction.index, switching_cost.index),
        switching_matters,
        level,
        target,
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
        stage,
        regression_risk,
        borderline: None,
        confidence: Confidence::default(),
        actions: Vec::new(),
    }
}

/// Scores one assessment.
pub fn score(bank: &Bank, answers: &Answers) -> AssessmentResult {
    let scores = Scores::collect(bank, answers);
    let mut result = evaluate(&scores, level::assess(bank, answers));
    result.borderline = Some(borderline::probe(bank, answers, &scores, &result));
    result.confidence = confidence::assess(bank, answers, &result);
    result.actions = actions::plan(&result);
    result
}

/// Every figure and verdict of [`score`] by the same rules, without the borderline probe and
/// the action plan, which only the results screen shows: for lists of many assessments
/// (portfolio, trends, cards, exports), at about a tenth of the cost.
pub fn score_figures(bank: &Bank, answers: &Answers) -> AssessmentResult {
    let scores = Scores::collect(bank, answers);
    let mut result = evaluate(&scores, level::assess(bank, answers));
    result.confidence = confidence::assess(bank, answers, &result);
    result
}

/// The headline figures of [`score_figures`].
pub fn summarize(bank: &Bank, answers: &Answers) -> Summary {
    score_figures(bank, answers).summary()
}

#[cfg(test)]
mod cases;
#[cfg(test)]
mod tests;
