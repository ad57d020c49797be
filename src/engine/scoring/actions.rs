//! The ranked action plan (DOMAIN.md §8).
//!
//! Each finding of the assessment triggers one concrete action from `bank/actions.json`. An
//! action's priority is its finding's weight times its severity (how far the score is from
//! healthy), so the plan leads with what most closes the gap to the target level and repairs the
//! weakest levers. Weights follow the seeds: a loss under way comes first (rescue), then what
//! caps everything else (the four guarantees, the trust-first bottleneck), then the levers.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::level::LevelBlocker;
use super::safeguards::SafeguardStatus;
use super::{AssessmentResult, HIGH};
use crate::engine::model::ids::*;
use crate::engine::text::bilingual::Text;

/// How many actions the results show before "show all".
pub const FIRST_ACTIONS_SHOWN: usize = 7;

/// Embedded on the host only; the browser fetches `actions.json` with the bank.
#[cfg(not(target_arch = "wasm32"))]
const ACTIONS_JSON: &str = include_str!("../model/bank/actions.json");

static ACTIONS: OnceLock<Vec<ActionText>> = OnceLock::new();

/// One action's text.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionText {
    /// The id of the finding kind that triggers it, e.g. `satisfaction.product_quality`.
    pub id: String,
    pub title: Text,
    pub detail: Text,
    /// The seed article it is drawn from.
    pub source: String,
}

/// Installs the action texts from their JSON; later calls keep the first.
pub fn install_actions(json: &str) -> Result<(), String> {
    if ACTIONS.get().is_none() {
        let actions: Vec<ActionText> =
            serde_json::from_str(json).map_err(|e| format!("action plan texts: {e}"))?;
        let _ = ACTIONS.set(actions);
    }
    Ok(())
}

/// Every action's text, once installed (on the host, the embedded copy on first use). Ranking
/// needs only the ids, so the plan itself never waits for this.
pub fn action_catalogue() -> &'static [ActionText] {
    #[cfg(not(target_arch = "wasm32"))]
    if ACTIONS.get().is_none() {
        if let Err(problem) = install_actions(ACTIONS_JSON) {
            panic!("invalid embedded actions: {problem}");
        }
    }
    ACTIONS.get().map_or(&[], Vec::as_slice)
}

/// What the assessment found that calls for action.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Finding {
    /// Defection is under way or alarmed: seed 001's control or rescue phase.
    Phase { phase: ResponsePhase },
    /// Where the account sits on the loyalty map, when it is not `loyal`.
    Quadrant { quadrant: Quadrant },
    /// A safeguard that is missing or partial.
    Safeguard { safeguard: Safeguard, score: f64 },
    /// A warning signal showing.
    Warning { warning: Warning, score: f64 },
    /// The first weak capability in build order.
    Bottleneck { capability: Capability, score: f64 },
    /// A level facet below the next rung while the account is below its target.
    LevelGap {
        facet: LevelFacet,
        next: Level,
        score: f64,
    },
    /// Current level above target: scale back.
    OverInvestment { level: Level, target: Level },
    /// A weak satisfaction lever.
    Satisfaction {
        lever: SatisfactionLever,
        score: f64,
    },
    /// A weak switching-cost lever.
    SwitchingCost { lever: SwitchingLever, score: f64 },
    /// A weak symbiosis facet where the target needs it.
    Symbiosis { facet: SymbiosisFacet, score: f64 },
}

impl Finding {
    /// The id of the action this finding triggers.
    pub fn action_id(&self) -> String {
        match self {
            Finding::Phase { phase } => format!("phase.{phase}"),
            Finding::Quadrant { quadrant } => format!("quadrant.{quadrant}"),
            Finding::Safeguard { safeguard, .. } => format!("safeguard.{safeguard}"),
            Finding::Warning { warning, .. } => format!("warning.{warning}"),
            Finding::Bottleneck { capability, .. } => format!("capability.{capability}"),
            Finding::LevelGap { facet, .. } => format!("level.{facet}"),
            Finding::OverInvestment { .. } => "target.luxury".to_owned(),
            Finding::Satisfaction { lever, .. } => format!("satisfaction.{lever}"),
            Finding::SwitchingCost { lever, .. } => format!("switching_cost.{lever}"),
            Finding::Symbiosis { facet, .. } => format!("symbiosis.{facet}"),
        }
    }
}

/// An action in the plan, with the finding behind it and its priority.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlannedAction {
    pub action_id: String,
    pub finding: Finding,
    /// Higher first; comparable within one plan only.
    pub priority: f64,
}

impl PlannedAction {
    /// The action's text.
    pub fn text(&self) -> Option<&'static ActionText> {
        action_catalogue().iter().find(|a| a.id == self.action_id)
    }
}

fn deficit(score: f64) -> f64 {
    ((100.0 - score) / 100.0).clamp(0.0, 1.0)
}

/// What stands between the current rung and the next, when the target is higher: one finding
/// per facet that lags, weighted by how far it lags and how far the target is.
fn level_gap_findings(result: &AssessmentResult, add: &mut impl FnMut(Finding, f64)) {
    if result.target.gap > 0 {
        if let Some(next) = result.level.level.next() {
            let weight = 0.6 + 0.15 * f64::from(result.target.gap);
            let mut facets: Vec<(LevelFacet, f64)> = Vec::new();
            for blocker in &result.level.blockers {
                let (facet, shows) = match blocker {
                    LevelBlocker::Facet { facet, shows, .. } => (*facet, Some(*shows)),
                    LevelBlocker::NoFormalLinks => (LevelFacet::FormalLinks, None),
                    LevelBlocker::TooLittleEvidence { .. } => continue,
                };
                // Severity: how many rungs the facet lags the next one (a missing formal link counts fully).
                let lag = shows.map_or(1.0, |s| f64::from(next.rank() - s.rank()) / 3.0);
                match facets.iter_mut().find(|(f, _)| *f == facet) {
                    Some(entry) => entry.1 = entry.1.max(lag),
                    None => facets.push((facet, lag)),
                }
            }
            for (facet, lag) in facets {
                let score = 100.0 * (1.0 - lag);
                add(
                    Finding::LevelGap { facet, next, score },
                    weight * lag.max(1.0 / 3.0),
                );
            }
        }
    }
}

/// The weak levers of both axes and of symbiosis, weighted by the quadrant's emphasis.
fn lever_findings(
    result: &AssessmentResult,
    sat_weight: f64,
    switch_weight: f64,
    add: &mut impl FnMut(Finding, f64),
) {
    for (lever, score) in result
        .satisfaction
        .weakest_first()
        .into_iter()
        .filter(|(_, s)| *s < HIGH)
    {
        add(
            Finding::Satisfaction { lever, score },
            sat_weight * deficit(score),
        );
    }
    for (lever, score) in result
        .switching_cost
        .weakest_first()
        .into_iter()
        .filter(|(_, s)| *s < HIGH)
    {
        add(
            Finding::SwitchingCost { lever, score },
            switch_weight * deficit(score),
        );
    }
    // Symbiosis supports the higher levels (seed 004): urgent only where the target needs them.
    let symbiosis_weight = if result.target.target_level >= Level::Extended {
        0.6
    } else {
        0.25
    };
    for &(facet, score) in &result.symbiosis_facets {
        if let Some(score) = score.filter(|s| *s < HIGH) {
            add(
                Finding::Symbiosis { facet, score },
                symbiosis_weight * deficit(score),
            );
        }
    }
}

pub(super) fn plan(result: &AssessmentResult) -> Vec<PlannedAction> {
    let mut planned: Vec<(Finding, f64)> = Vec::new();
    let mut add = |finding: Finding, priority: f64| planned.push((finding, priority));

    match result.defection.phase {
        ResponsePhase::Rescue => add(
            Finding::Phase {
                phase: ResponsePhase::Rescue,
            },
            1.6,
        ),
        ResponsePhase::Control => add(
            Finding::Phase {
                phase: ResponsePhase::Control,
            },
            0.9,
        ),
        ResponsePhase::Warn => {}
    }

    // Hostage: fix satisfaction first and do not tighten the trap (seed 000).
    let (sat_weight, switch_weight) = match result.quadrant {
        Some(Quadrant::Hostage) => (0.95, 0.2),
        Some(Quadrant::Mercenary) => (0.6, 0.9),
        _ => (0.75, 0.65),
    };
    match result.quadrant {
        Some(Quadrant::Defector) => add(
            Finding::Quadrant {
                quadrant: Quadrant::Defector,
            },
            1.3,
        ),
        Some(Quadrant::Hostage) => add(
            Finding::Quadrant {
                quadrant: Quadrant::Hostage,
            },
            1.2,
        ),
        Some(Quadrant::Mercenary) => add(
            Finding::Quadrant {
                quadrant: Quadrant::Mercenary,
            },
            0.8,
        ),
        Some(Quadrant::Loyal) | None => {}
    }

    for check in &result.safeguards {
        if let (Some(score), SafeguardStatus::Missing | SafeguardStatus::Partial) =
            (check.score, check.status)
        {
            let weight = if check.safeguard.is_guarantee() {
                1.1
            } else {
                0.8
            };
            add(
                Finding::Safeguard {
                    safeguard: check.safeguard,
                    score,
                },
                weight * deficit(score),
            );
        }
    }

    for &(warning, score) in &result.warnings {
        if let Some(score) = score.filter(|s| *s < 75.0) {
            add(Finding::Warning { warning, score }, 1.0 * deficit(score));
        }
    }

    if let Some(capability) = result.capabilities.bottleneck {
        let score = result.capabilities.index(capability).unwrap_or(0.0);
        let weight = match capability {
            Capability::Trust => 1.0,
            Capability::Execution => 0.9,
            Capability::Innovation => 0.8,
        };
        add(
            Finding::Bottleneck { capability, score },
            weight * deficit(score),
        );
    }

    level_gap_findings(result, &mut add);
    if result.target.luxury {
        add(
            Finding::OverInvestment {
                level: result.level.level,
                target: result.target.target_level,
            },
            0.7,
        );
    }

    lever_findings(result, sat_weight, switch_weight, &mut add);

    let mut plan: Vec<PlannedAction> = planned
        .into_iter()
        .map(|(finding, priority)| PlannedAction {
            action_id: finding.action_id(),
            finding,
            priority,
        })
        .collect();
    // Stable: equal priorities keep the order above (phase, quadrant, safeguards, …).
    crate::engine::model::sort::sort_by(&mut plan, |a, b| b.priority.total_cmp(&a.priority));
    plan
}
