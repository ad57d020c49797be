//! The relationship level: the highest rung whose evidence is consistently present *and* whose
//! defining fact is there (docs/SCORING.md "Level", docs/CASES.md R1–R3).
//!
//! - **Consensus.** A rung is consistently present when the level questions showing it (or a
//!   higher rung) carry at least two-thirds of the weight of *all* level questions. "Don't know"
//!   and unanswered questions count as not showing it, so they can never raise the level above
//!   what answering them would give; and at least [`MIN_SCORED`] answers are needed before any
//!   rung above supplier is claimed, else the result says "not enough evidence".
//! - **Defining facts** (seeds 000, 002). Preferred needs the customer's preference; extended
//!   needs top-level contacts and shared, synchronised plans; partner needs an alliance tie
//!   (capital, or a binding exclusive arrangement with dedicated assets or teams) and real mutual
//!   dependence. Capital alone is not enough (seed 004's incumbent) and not necessary (seed 002's
//!   dedicated trucks).
//! - **Regression** (seed 001, Hyundai). When the ties say extended or partner but the customer
//!   puts the business to open tender, the level is the rung below the consensus, flagged 倒退.

use serde::Serialize;

use crate::engine::model::answers::{score_of, Answers};
use crate::engine::model::bank::Bank;
use crate::engine::model::ids::{Dimension, Level, LevelFacet};

/// Share of all level evidence (by weight) that must reach a rung for it to count.
pub const CONSISTENCY: f64 = 2.0 / 3.0;
/// Scored level answers needed before any rung above `supplier` can be claimed.
pub const MIN_SCORED: usize = 4;

/// How much of the level evidence reaches one rung.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RungEvidence {
    pub rung: Level,
    /// Percentage (0–100) of all level evidence at this rung or higher; `None` if none answered.
    pub share: Option<f64>,
    /// Question ids whose answers reach this rung.
    pub supporting: Vec<String>,
}

/// Something that keeps the account below the next rung.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LevelBlocker {
    /// This question's answer is below the next rung. `defining` when the facet is the next
    /// rung's defining fact: that one has to move first.
    Facet {
        facet: LevelFacet,
        question: String,
        shows: Level,
        defining: bool,
    },
    /// `partner` needs an alliance tie, and the formal-links question is unanswered.
    NoFormalLinks,
    /// Fewer than `MIN_SCORED` level questions have a scored answer.
    TooLittleEvidence { answered: usize },
}

/// Why the level is below what the ties alone would say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Regression {
    /// Extended- or partner-level ties, but new business goes to open tender (seed 001).
    OpenTender,
}

impl Regression {
    /// The stable id.
    pub fn id(self) -> &'static str {
        match self {
            Regression::OpenTender => "open_tender",
        }
    }
}

/// The level and the evidence behind it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LevelResult {
    pub level: Level,
    /// False when too few level questions were scored to claim any rung: show "not enough
    /// evidence", not the rung.
    pub enough_evidence: bool,
    /// The rung the ties show without the customer's preference: above `level` when business
    /// is put to tender despite them.
    pub consensus: Level,
    /// Set when the customer's behaviour has pulled the level below its ties.
    pub regression: Option<Regression>,
    /// Weighted mean of the level evidence scores (0–100), for trends.
    pub index: Option<f64>,
    /// One entry per rung above `supplier`.
    pub evidence: Vec<RungEvidence>,
    /// What blocks the next rung, defining facts first (empty at `partner`).
    pub blockers: Vec<LevelBlocker>,
}

struct Evidence<'a> {
    question: &'a str,
    facet: LevelFacet,
    weight: f64,
    score: u8,
    rung: Level,
}

/// A defining fact: the best answer among `facets` must show at least `at_least`.
struct Fact {
    facets: &'static [LevelFacet],
    at_least: Level,
}

/// The facts that define `rung` (docs/CASES.md R2 and R3).
fn defining_facts(rung: Level) -> &'static [Fact] {
    const PREFERENCE: Fact = Fact {
        facets: &[LevelFacet::Preference],
        at_least: Level::Preferred,
    };
    match rung {
        Level::Supplier => &[],
        Level::Preferred => &[PREFERENCE],
        Level::Extended => &[
            Fact {
                facets: &[LevelFacet::Contacts],
                at_least: Level::Extended,
            },
            Fact {
                facets: &[LevelFacet::Information, LevelFacet::Planning],
                at_least: Level::Extended,
            },
        ],
        Level::Partner => &[
            Fact {
                facets: &[LevelFacet::FormalLinks],
                at_least: Level::Partner,
            },
            Fact {
                facets: &[LevelFacet::Dependence],
                at_least: Level::Extended,
            },
        ],
    }
}

/// Whether `facet` is part of a defining fact of `rung`.
fn is_defining(rung: Level, facet: LevelFacet) -> bool {
    defining_facts(rung)
        .iter()
        .any(|fact| fact.facets.contains(&facet))
}

/// The rung a facet must show to clear `next`: its defining threshold, else `next` itself.
fn needed_for(next: Level, facet: LevelFacet) -> Level {
    defining_facts(next)
        .iter()
        .find(|fact| fact.facets.contains(&facet))
        .map_or(next, |fact| fact.at_least)
}

/// Finds the level from the level-evidence answers.
pub fn assess(bank: &Bank, answers: &Answers) -> LevelResult {
    let mut all_weight = 0.0;
    let mut evidence: Vec<Evidence<'_>> = Vec::new();
    for q in &bank.questions {
        let Dimension::Level(facet) = q.dimension else {
            continue;
        };
        all_weight += q.weight;
        if let Some(score) = score_of(q, answers.get(&q.id)) {
            evidence.push(Evidence {
                question: &q.id,
                facet,
                weight: q.weight,
                score,
                rung: Level::from_evidence_score(score),
            });
        }
    }
    let scored_weight: f64 = evidence.iter().map(|e| e.weight).sum();
    let index = (scored_weight > 0.0).then(|| {
        evidence
            .iter()
            .map(|e| e.weight * f64::from(e.score))
            .sum::<f64>()
            / scored_weight
    });
    let share_at = |rung: Level| -> Option<f64> {
        (scored_weight > 0.0).then(|| {
            evidence
                .iter()
                .filter(|e| e.rung >= rung)
                .map(|e| e.weight)
                .sum::<f64>()
                / all_weight
        })
    };
    let best_of = |facets: &[LevelFacet]| {
        evidence
            .iter()
            .filter(|e| facets.contains(&e.facet))
            .map(|e| e.rung)
            .max()
    };
    let has_facts = |rung: Level, skip_preference: bool| {
        defining_facts(rung).iter().all(|fact| {
            (skip_preference && fact.facets == [LevelFacet::Preference])
                || best_of(fact.facets) >= Some(fact.at_least)
        })
    };
    let enough_evidence = evidence.len() >= MIN_SCORED;
    // Partner is extended-level evidence plus an alliance (R3): its bundle is extended's.
    let consistent = |rung: Level| {
        let bundle = rung.min(Level::Extended);
        bundle == Level::Supplier
            || (enough_evidence && share_at(bundle).is_some_and(|s| s + 1e-9 >= CONSISTENCY))
    };
    // The highest rung whose bundle and facts hold, as are those of every rung below it.
    let climb = |skip_preference: bool| {
        let mut level = Level::Supplier;
        for &rung in &Level::ALL[1..] {
            if !consistent(rung) || !has_facts(rung, skip_preference) {
                break;
            }
            level = rung;
        }
        level
    };
    let consensus = climb(true);
    let mut level = climb(false);
    let mut regression = None;
    let tendered = best_of(&[LevelFacet::Preference]) == Some(Level::Supplier);
    if consensus >= Level::Extended && tendered {
        level = Level::ALL[consensus as usize - 1];
        regression = Some(Regression::OpenTender);
    }

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

    LevelResult {
        level,
        enough_evidence,
        consensus,
        regression,
        index,
        evidence: evidence_per_rung,
        blockers: blockers(level, &evidence),
    }
}

fn blockers(level: Level, evidence: &[Evidence<'_>]) -> Vec<LevelBlocker> {
    let mut blockers = Vec::new();
    let Some(next) = level.next() else {
        return blockers;
    };
    if evidence.len() < MIN_SCORED {
        blockers.push(LevelBlocker::TooLittleEvidence {
            answered: evidence.len(),
        });
    }
    // One line per facet, naming its weakest answer: that is what has to move. Defining facts first.
    for defining in [true, false] {
        for facet in LevelFacet::ALL {
            if is_defining(next, *facet) != defining {
                continue;
            }
            let needed = needed_for(next, *facet);
            let weakest = evidence
                .iter()
                .filter(|e| e.facet == *facet && e.rung < needed)
                .min_by_key(|e| e.rung);
            if let Some(e) = weakest {
                blockers.push(LevelBlocker::Facet {
                    facet: e.facet,
                    question: e.question.to_owned(),
                    shows: e.rung,
                    defining,
                });
            }
        }
    }
    let formal_links_answered = evidence.iter().any(|e| e.facet == LevelFacet::FormalLinks);
    if next == Level::Partner && !formal_links_answered {
        blockers.push(LevelBlocker::NoFormalLinks);
    }
    blockers
}
