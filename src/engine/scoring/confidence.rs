//! How far the results can be trusted: how much was answered, what the answers rest on, which
//! sections are thin, and answers that contradict each other.
//!
//! Kept light on purpose: the answered share, scaled by the evidence the user says the answers
//! rest on (impressions count 75%, answers checked with the customer 100%), less a fixed penalty
//! for each contradiction and for warnings nobody watches.

use serde::Serialize;

use super::{AssessmentResult, HIGH};
use crate::engine::model::answers::{score_of, Answers, Choice};
use crate::engine::model::bank::Bank;
use crate::engine::model::ids::{
    Capability, Dimension, EvidenceFacet, Level, LevelFacet, LoyaltyType, Quadrant, SwitchingLever,
    Warning,
};

/// Each inconsistency found costs this many confidence points.
pub const INCONSISTENCY_PENALTY: u8 = 10;
/// A section with less than this share of questions scored is "thin".
pub const THIN_SECTION: f64 = 0.5;

/// Answers that contradict each other: one of them is probably wrong, or something is hidden.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Inconsistency {
    /// Extended-enterprise or partner evidence, but trust below 50.
    HighLevelWeakTrust,
    /// Satisfied (axis high), yet orders are falling.
    SatisfiedButOrdersFalling,
    /// Buying repeatedly without intending to continue: behavioural loyalty without intent.
    RepeatBuyingWithoutIntent,
    /// Partner-level evidence without helping the customer succeed (symbiosis below 40).
    PartnerWithoutSymbiosis,
    /// Loyal quadrant while a rival is already trialled or qualified.
    LoyalButRivalQualified,
    /// Strong executive ties on the switching-cost axis, but contacts only with buyers.
    ExecutiveTiesWithoutSeniorContacts,
    /// Nobody watches the warning signals regularly, so "no sign" says little (seed 001).
    UnwatchedWarnings,
}

impl Inconsistency {
    /// The stable id.
    pub fn id(self) -> &'static str {
        match self {
            Inconsistency::HighLevelWeakTrust => "high_level_weak_trust",
            Inconsistency::SatisfiedButOrdersFalling => "satisfied_but_orders_falling",
            Inconsistency::RepeatBuyingWithoutIntent => "repeat_buying_without_intent",
            Inconsistency::PartnerWithoutSymbiosis => "partner_without_symbiosis",
            Inconsistency::LoyalButRivalQualified => "loyal_but_rival_qualified",
            Inconsistency::ExecutiveTiesWithoutSeniorContacts => {
                "executive_ties_without_senior_contacts"
            }
            Inconsistency::UnwatchedWarnings => "unwatched_warnings",
        }
    }
}

/// The confidence figure and what lowers it.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Confidence {
    /// 0–100: the answered share times the evidence factor, less `INCONSISTENCY_PENALTY` per
    /// inconsistency.
    pub score: u8,
    /// 0.75 (impressions, or not said) to 1.0 (checked with the customer): what the answers rest on.
    pub evidence_factor: f64,
    /// Questions with a scored answer.
    pub answered: usize,
    /// Questions answered "don't know / not applicable".
    pub dont_know: usize,
    pub total: usize,
    /// Section ids with less than half their questions scored.
    pub thin_sections: Vec<String>,
    pub inconsistencies: Vec<Inconsistency>,
}

/// The highest scored answer among the questions of `dimension`.
fn best_answer(bank: &Bank, answers: &Answers, dimension: Dimension) -> Option<u8> {
    bank.questions
        .iter()
        .filter(|q| q.dimension == dimension)
        .filter_map(|q| score_of(q, answers.get(&q.id)))
        .max()
}

pub(super) fn assess(bank: &Bank, answers: &Answers, result: &AssessmentResult) -> Confidence {
    let total = bank.questions.len();
    let scored =
        |q: &crate::engine::model::bank::Question| score_of(q, answers.get(&q.id)).is_some();
    let answered = bank.questions.iter().filter(|q| scored(q)).count();
    let dont_know = bank
        .questions
        .iter()
        .filter(|q| answers.get(&q.id) == Some(Choice::DontKnow))
        .count();
    let thin_sections = bank
        .sections
        .iter()
        .filter(|s| {
            let (n, with_score) = bank
                .section_questions(&s.id)
                .fold((0usize, 0usize), |(n, k), q| {
                    (n + 1, k + usize::from(scored(q)))
                });
            n > 0 && (with_score as f64) < THIN_SECTION * n as f64
        })
        .map(|s| s.id.clone())
        .collect();

    let below = |v: Option<f64>, limit: f64| v.is_some_and(|v| v < limit);
    let at_most = |v: Option<f64>, limit: f64| v.is_some_and(|v| v <= limit);
    let at_least = |v: Option<f64>, limit: f64| v.is_some_and(|v| v >= limit);
    let contacts_level = best_answer(bank, answers, Dimension::Level(LevelFacet::Contacts));
    let executive_ties = result
        .switching_cost
        .levers
        .iter()
        .find(|l| l.lever == SwitchingLever::ExecutiveTies)
        .and_then(|l| l.score);

    let mut inconsistencies = Vec::new();
    let mut flag = |cond: bool, what: Inconsistency| {
        if cond {
            inconsistencies.push(what);
        }
    };
    flag(
        result.level.level >= Level::Extended
            && below(result.capabilities.index(Capability::Trust), 50.0),
        Inconsistency::HighLevelWeakTrust,
    );
    flag(
        at_least(result.satisfaction.index, HIGH)
            && at_most(result.warning(Warning::OrderTrend), 25.0),
        Inconsistency::SatisfiedButOrdersFalling,
    );
    flag(
        at_least(result.loyalty_type(LoyaltyType::Behavioural), 75.0)
            && at_most(result.loyalty_type(LoyaltyType::Intentional), 25.0),
        Inconsistency::RepeatBuyingWithoutIntent,
    );
    flag(
        result.level.level == Level::Partner && below(result.symbiosis, 40.0),
        Inconsistency::PartnerWithoutSymbiosis,
    );
    flag(
        result.quadrant == Some(Quadrant::Loyal)
            && at_most(result.warning(Warning::CompetitorOffer), 0.0),
        Inconsistency::LoyalButRivalQualified,
    );
    flag(
        at_least(executive_ties, 75.0) && contacts_level == Some(0),
        Inconsistency::ExecutiveTiesWithoutSeniorContacts,
    );
    flag(result.defection.unwatched, Inconsistency::UnwatchedWarnings);
    let basis = best_answer(bank, answers, Dimension::Evidence(EvidenceFacet::Basis));
    let evidence_factor = 0.75 + 0.25 * f64::from(basis.unwrap_or(0)) / 100.0;

    let share = if total == 0 {
        0.0
    } else {
        answered as f64 / total as f64
    };
    let count = u32::try_from(inconsistencies.len()).unwrap_or(u32::MAX);
    let penalty = u32::from(INCONSISTENCY_PENALTY).saturating_mul(count);
    let score = u8::try_from(
        u32::from(super::round(share * evidence_factor * 100.0)).saturating_sub(penalty),
    )
    .unwrap_or(u8::MAX);
    Confidence {
        score,
        evidence_factor,
        answered,
        dont_know,
        total,
        thin_sections,
        inconsistencies,
    }
}

impl crate::engine::text::labels::Labelled for Inconsistency {
    const KIND: &'static str = "inconsistency";
    fn key(self) -> &'static str {
        self.id()
    }
}
