//! The relationship level: the highest rung whose evidence is consistently present.
//!
//! Each level question's options describe one rung each (DOMAIN.md §1). A rung is *consistently
//! present* when at least two-thirds (by weight) of the answered level questions show that rung or
//! a higher one, and at least [`MIN_EVIDENCE`] level questions are considered: one executive
//! friendship does not make a partnership; the seeds describe each rung as a bundle of behaviours.
//! `partner` also needs formal links at partner rung (capital ties, joint investment, a joint
//! venture), which seed 002 names as what separates a partner from an extended-enterprise member.

use serde::Serialize;

use crate::engine::model::answers::{score_of, Answers};
use crate::engine::model::bank::Bank;
use crate::engine::model::ids::{Dimension, Level, LevelFacet};

/// Share of answered evidence (by weight) that must reach a rung for it to count.
pub const CONSISTENCY: f64 = 2.0 / 3.0;
/// Level questions that must be considered (answered, or marked "don't know") before any rung
/// above `supplier` can be claimed. "Don't know" counts as considered so that it never lowers the
/// level below what the worst answer would give.
pub const MIN_EVIDENCE: usize = 3;

/// How much of the answered evidence reaches one rung.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RungEvidence {
    pub rung: Level,
    /// Percentage (0–100) of answered level evidence at this rung or higher; `None` if none answered.
    pub share: Option<f64>,
    /// Question ids whose answers reach this rung.
    pub supporting: Vec<String>,
}

/// Something that keeps the account below the next rung.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LevelBlocker {
    /// This question's answer is below the next rung.
    Facet {
        facet: LevelFacet,
        question: String,
        shows: Level,
    },
    /// `partner` needs formal links at partner rung, and the question is unanswered.
    NoFormalLinks,
    /// Fewer than `MIN_EVIDENCE` level questions are answered.
    TooLittleEvidence { answered: usize },
}

/// The level and the evidence behind it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LevelResult {
    pub level: Level,
    /// Weighted mean of the level evidence scores (0–100), for trends.
    pub index: Option<f64>,
    /// One entry per rung above `supplier`.
    pub evidence: Vec<RungEvidence>,
    /// What blocks the next rung (empty at `partner`).
    pub blockers: Vec<LevelBlocker>,
}

struct Evidence<'a> {
    question: &'a str,
    facet: LevelFacet,
    weight: f64,
    score: u8,
    rung: Level,
}

/// Finds the level from the level-evidence answers.
pub fn assess(bank: &Bank, answers: &Answers) -> LevelResult {
    let evidence: Vec<Evidence<'_>> = bank
        .questions
        .iter()
        .filter_map(|q| {
            let Dimension::Level(facet) = q.dimension else {
                return None;
            };
            let score = score_of(q, answers.get(&q.id))?;
            Some(Evidence {
                question: &q.id,
                facet,
                weight: q.weight,
                score,
                rung: Level::from_evidence_score(score),
            })
        })
        .collect();
    let considered = bank
        .questions
        .iter()
        .filter(|q| matches!(q.dimension, Dimension::Level(_)) && answers.get(&q.id).is_some())
        .count();
    let total: f64 = evidence.iter().map(|e| e.weight).sum();
    let index = (total > 0.0).then(|| {
        evidence
            .iter()
            .map(|e| e.weight * f64::from(e.score))
            .sum::<f64>()
            / total
    });

    let share_at = |rung: Level| -> Option<f64> {
        (total > 0.0).then(|| {
            evidence
                .iter()
                .filter(|e| e.rung >= rung)
                .map(|e| e.weight)
                .sum::<f64>()
                / total
        })
    };
    let formal_links_at_partner = evidence
        .iter()
        .any(|e| e.facet == LevelFacet::FormalLinks && e.rung == Level::Partner);
    let reached = |rung: Level| -> bool {
        rung == Level::Supplier
            || (considered >= MIN_EVIDENCE
                && share_at(rung).is_some_and(|s| s + 1e-9 >= CONSISTENCY)
                && (rung != Level::Partner || formal_links_at_partner))
    };
    // Reaching a rung implies reaching every rung below it, so the highest reached one is the level.
    let level = Level::ALL
        .iter()
        .copied()
        .rev()
        .find(|&r| reached(r))
        .unwrap_or(Level::Supplier);

    let evidence_per_rung = Level::ALL[1..]
        .iter()
        .map(|&rung| RungEvidence {
            rung,
            share: share_at(rung).map(|s| s * 100.0),
            supporting: evidence
                .iter()
                .filter(|e| e.rung >= rung)
                .map(|e| e.question.to_owned())
                .collect(),
        })
        .collect();

    let mut blockers = Vec::new();
    if let Some(next) = level.next() {
        if considered < MIN_EVIDENCE {
            blockers.push(LevelBlocker::TooLittleEvidence {
                answered: considered,
            });
        }
        // One line per facet, naming its weakest answer: that is what has to move.
        for facet in LevelFacet::ALL {
            let weakest = evidence
                .iter()
                .filter(|e| e.facet == *facet && e.rung < next)
                .min_by_key(|e| e.rung);
            if let Some(e) = weakest {
                blockers.push(LevelBlocker::Facet {
                    facet: e.facet,
                    question: e.question.to_owned(),
                    shows: e.rung,
                });
            }
        }
        // A formal-links answer below partner is listed above; say so separately only when unanswered.
        let formal_links_answered = evidence.iter().any(|e| e.facet == LevelFacet::FormalLinks);
        if next == Level::Partner && !formal_links_answered {
            blockers.push(LevelBlocker::NoFormalLinks);
        }
    }
    LevelResult {
        level,
        index,
        evidence: evidence_per_rung,
        blockers,
    }
}
