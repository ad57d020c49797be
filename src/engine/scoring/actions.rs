//! The ranked action plan (DOMAIN.md §8, docs/SCORING.md "Action plan").
//!
//! Each finding triggers one concrete action from `bank/actions.json`, with a first step a KAM
//! can take next week. Actions are ranked in tiers, and by severity (how far the score is from
//! healthy) within a tier:
//! 1. a loss under way (rescue) or business put to tender;
//! 2. a guarantee below "equal to competitors": the floor (seed 003) comes before anything else;
//! 3. what the account's economics and context call for: exit, restore a 鸡肋 account, scale back
//!    a luxury, close out a one-off, adapt to a customer leaving the business; for a captive
//!    customer, satisfaction (never a tighter lock, seed 000);
//! 4. the gap to the target level, its defining fact first;
//! 5. the alarm, the quadrant, holding at the target, and nobody watching the signals;
//! 6. partial safeguards and warning signals;
//! 7. the capability bottleneck, then a lagging capability;
//! 8. the weakest levers; then the stage's strategies and symbiosis.
//!
//! Context decides what applies: a one-off project or a transactional customer gets no lock-in
//! or rebate advice; capital-link advice appears only when the next rung is partner.

use serde::{Deserialize, Serialize};

use super::level::{LevelBlocker, Regression};
use super::safeguards::SafeguardStatus;
use super::stage::Stage;
use super::target::Stance;
use super::{AssessmentResult, HIGH};
use crate::engine::model::ids::*;
use crate::engine::model::pairs::Pairs;
use crate::engine::text::bilingual::Text;
use crate::engine::text::installed::Installed;
use crate::engine::text::lang::{Lang, Langs};

/// How many actions the results show before "show all".
pub const FIRST_ACTIONS_SHOWN: usize = 7;

/// Embedded on the host only; the browser fetches `actions.json` with the bank.
#[cfg(not(target_arch = "wasm32"))]
const ACTIONS_JSON: &str = include_str!("../model/bank/actions.json");

static ACTIONS: Installed<LaterTexts> = Installed::empty();

/// `actions.json`: the texts fetched with the later screens — every action's, and the later
/// screens' own strings (the plan's, the map's, other eyes'), kept out of the first load.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LaterTexts {
    pub actions: Vec<ActionText>,
    /// Strings of the later screens by key, e.g. `plan.heading`.
    pub texts: Pairs<Text>,
}

/// One action's text.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionText {
    /// The id of the finding kind that triggers it, e.g. `satisfaction.product_quality`.
    pub id: String,
    pub title: Text,
    pub detail: Text,
    /// A concrete first step a KAM could take next week.
    pub first_step: Text,
    /// The seed article it is drawn from.
    pub source: String,
}

/// Installs the action texts from their JSON, a copy carrying `langs`' texts (kept when the
/// installed copy carries them already).
pub fn install_actions(json: &str, langs: Langs) -> Result<(), String> {
    ACTIONS.install(langs, || {
        serde_json::from_str(json).map_err(|e| format!("action plan texts: {e}"))
    })?;
    Ok(())
}

/// Whether the action texts are installed in `lang` (in the browser they are fetched apart from
/// the bank, for the screens that show the action plan).
pub fn actions_cover(lang: Lang) -> bool {
    actions_langs().contains(lang)
}

/// The languages of the installed action texts (none before they are fetched).
pub fn actions_langs() -> Langs {
    #[cfg(not(target_arch = "wasm32"))]
    let _ = action_catalogue();
    ACTIONS.langs()
}

/// Every action's text, once installed (on the host, the embedded copy on first use). Ranking
/// needs only the ids, so the plan itself never waits for this.
pub fn action_catalogue() -> &'static [ActionText] {
    later_texts().map_or(&[], |t| t.actions.as_slice())
}

fn later_texts() -> Option<&'static LaterTexts> {
    #[cfg(not(target_arch = "wasm32"))]
    if let Err(problem) = install_actions(ACTIONS_JSON, Langs::ALL) {
        panic!("invalid embedded actions: {problem}");
    }
    ACTIONS.get().map(|(texts, _)| texts)
}

/// A later screen's string (`actions.json` → `texts`); empty until the texts arrive (the later
/// screens wait for them) or for a missing key (a host test checks every key the UI names).
pub fn later_text(lang: Lang, key: &str) -> &'static str {
    later_texts()
        .and_then(|t| t.texts.get(key))
        .map_or("", |t| t.get(lang))
}

/// Every later-screen string by key (for the host tests).
pub fn later_strings() -> &'static [(String, Text)] {
    later_texts().map_or(&[], |t| t.texts.as_slice())
}

/// [`later_text`] with its `{name}` placeholders filled in.
pub fn later_text_with(lang: Lang, key: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(later_text(lang, key).to_owned(), |out, (name, value)| {
            out.replace(&format!("{{{name}}}"), value)
        })
}

/// What the assessment found that calls for action.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Finding {
    /// Defection is under way or alarmed: seed 001's control or rescue phase.
    Phase { phase: ResponsePhase },
    /// The level is below its ties: business put to open tender (seed 001).
    Regression { regression: Regression },
    /// Where the account sits on the loyalty map, when it is not `loyal`.
    Quadrant { quadrant: Quadrant },
    /// Both axes near the line: no clear reason to stay or to stay put.
    NoClearHold,
    /// A safeguard that is missing or partial.
    Safeguard { safeguard: Safeguard, score: f64 },
    /// A warning signal showing.
    Warning { warning: Warning, score: f64 },
    /// Nobody watches the warning signals regularly.
    Unwatched,
    /// The main supplier with contacts only below top management (seed 001).
    ShallowContacts,
    /// The first weak capability the target needs, in build order.
    Bottleneck { capability: Capability, score: f64 },
    /// A capability far below the others.
    Lagging { capability: Capability, score: f64 },
    /// A level facet below the next rung while the account is below its target.
    LevelGap {
        facet: LevelFacet,
        next: Level,
        score: f64,
    },
    /// The account costs more than it returns (seed 000's luxury): scale back.
    OverInvestment { level: Level, target: Level },
    /// What to do with the investment, when it is not "deepen" or "maintain".
    Stance { stance: Stance },
    /// A one-off project.
    OneOff,
    /// The customer is leaving the business or integrating backward — seed 001's 不可抗力
    Uncontrollable,
    /// The stage's strategies (seed 001).
    Stage { stage: Stage },
    /// A weak satisfaction lever.
    Satisfaction {
        lever: SatisfactionLever,
        score: f64,
    },
    /// A weak switching-cost lever.
    SwitchingCost { lever: SwitchingLever, score: f64 },
    /// A weak symbiosis facet where the target needs it.
    Symbiosis { facet: SymbiosisFacet, score: f64 },
    /// What the stakeholder map shows missing or at risk (`scoring::coverage`), with whom to
    /// see about it (contact ids). Never raised by `score`: the results add it from the map.
    Coverage {
        coverage: CoverageId,
        who: Vec<String>,
    },
    /// The KAM rates a figure well above what the customer's own answers give it
    /// (`scoring::eyes`): the lens id and both figures. Never raised by `score`.
    BlindSpot { lens: String, own: u8, theirs: u8 },
}

impl Finding {
    /// The id of the action this finding triggers.
    pub fn action_id(&self) -> String {
        match self {
            Finding::Phase { phase } => format!("phase.{phase}"),
            Finding::Regression { regression } => format!("regression.{}", regression.id()),
            Finding::Quadrant { quadrant } => format!("quadrant.{quadrant}"),
            Finding::NoClearHold => "quadrant.centre".to_owned(),
            Finding::Safeguard { safeguard, .. } => format!("safeguard.{safeguard}"),
            Finding::Warning { warning, .. } => format!("warning.{warning}"),
            Finding::Unwatched => "evidence.monitoring".to_owned(),
            Finding::Bottleneck { capability, .. } | Finding::Lagging { capability, .. } => {
                format!("capability.{capability}")
            }
            Finding::LevelGap { facet, .. } => format!("level.{facet}"),
            Finding::ShallowContacts => "level.contacts".to_owned(),
            Finding::OverInvestment { .. } => "target.luxury".to_owned(),
            Finding::Stance { stance } => format!("stance.{}", stance.id()),
            Finding::OneOff => "context.one_off".to_owned(),
            Finding::Uncontrollable => "context.uncontrollable".to_owned(),
            Finding::Stage { stage } => format!("stage.{}", stage.id()),
            Finding::Satisfaction { lever, .. } => format!("satisfaction.{lever}"),
            Finding::SwitchingCost { lever, .. } => format!("switching_cost.{lever}"),
            Finding::Symbiosis { facet, .. } => format!("symbiosis.{facet}"),
            Finding::Coverage { coverage, .. } => format!("coverage.{coverage}"),
            Finding::BlindSpot { lens, .. } if crate::engine::scoring::eyes::is_threat(lens) => {
                "gap.threat".to_owned()
            }
            Finding::BlindSpot { .. } => "gap.blind_spot".to_owned(),
        }
    }
}

/// An action in the plan, with the finding behind it and its priority.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlannedAction {
    pub action_id: String,
    pub finding: Finding,
    /// Higher first; comparable within one plan only. The integer part is the tier.
    pub priority: f64,
    /// The customer's own median for the figure, when their answers confirm the weakness
    /// (`scoring::eyes::with_blind_spots`): the action then ranks right after the blind spots.
    pub confirmed_by_customer: Option<u8>,
}

impl PlannedAction {
    /// The action's text.
    pub fn text(&self) -> Option<&'static ActionText> {
        action_catalogue().iter().find(|a| a.id == self.action_id)
    }
}

/// How far a 0–100 score is from healthy, in [0, 0.99]: the order within a tier.
fn deficit(score: f64) -> f64 {
    ((100.0 - score) / 100.0).clamp(0.0, 0.99)
}

/// Tiers, highest first (see the module docs).
mod tier {
    pub const LOSS: f64 = 9.0;
    pub const FLOOR: f64 = 8.0;
    pub const CONTEXT: f64 = 7.0;
    pub const GAP: f64 = 6.0;
    pub const ALARM: f64 = 5.0;
    pub const SAFEGUARDS: f64 = 4.0;
    pub const CAPABILITY: f64 = 3.0;
    pub const LEVERS: f64 = 2.0;
    pub const STAGE: f64 = 1.0;
    pub const LAST: f64 = 0.0;
}

/// What stands between the current rung and the next, when the target is higher: one finding
/// per lagging facet, defining facts first.
fn level_gap_findings(result: &AssessmentResult, add: &mut impl FnMut(Finding, f64)) {
    let Some(next) = result.level.level.next() else {
        return;
    };
    if result.target.gap <= 0 || result.target.stance != Stance::Deepen {
        return;
    }
    for blocker in &result.level.blockers {
        let (facet, shows, defining) = match blocker {
            LevelBlocker::Facet {
                facet,
                shows,
                defining,
                ..
            } => (*facet, Some(*shows), *defining),
            LevelBlocker::NoFormalLinks => (LevelFacet::FormalLinks, None, true),
            LevelBlocker::TooLittleEvidence { .. } => continue,
        };
        // Alliance ties (capital, dedicated assets) are advice only on the way to partner.
        if facet == LevelFacet::FormalLinks && next != Level::Partner {
            continue;
        }
        let lag = shows.map_or(1.0, |s| f64::from(next.rank() - s.rank()) / 3.0);
        let score = 100.0 * (1.0 - lag);
        let order = if defining { 0.5 } else { 0.0 } + 0.49 * lag;
        add(Finding::LevelGap { facet, next, score }, tier::GAP + order);
    }
}

/// The weak levers of both axes, and symbiosis where the target needs it.
fn lever_findings(result: &AssessmentResult, add: &mut impl FnMut(Finding, f64)) {
    // A captive customer: satisfaction first, never a tighter lock (seed 000). A one-off or
    // transactional account: lock-in is beside the point (R13).
    let lock_in_applies = !result.hostage && result.switching_matters;
    for (rank, (lever, score)) in result.satisfaction.weakest_first().into_iter().enumerate() {
        if score < HIGH {
            // A captive customer: its two weakest reasons to stay come before the level.
            let at = if result.hostage && rank < 2 {
                tier::CONTEXT
            } else {
                tier::LEVERS
            };
            add(Finding::Satisfaction { lever, score }, at + deficit(score));
        }
    }
    if lock_in_applies {
        for (lever, score) in result.switching_cost.weakest_first() {
            if score < HIGH {
                add(
                    Finding::SwitchingCost { lever, score },
                    tier::LEVERS + 0.8 * deficit(score),
                );
            }
        }
    }
    let symbiosis_tier = if result.target.target_level >= Level::Extended {
        tier::STAGE
    } else {
        tier::LAST
    };
    for &(facet, score) in &result.symbiosis_facets {
        if let Some(score) = score.filter(|s| *s < HIGH) {
            add(
                Finding::Symbiosis { facet, score },
                symbiosis_tier + 0.5 * deficit(score),
            );
        }
    }
}

/// The economics and context of the account: what to do with the investment.
fn context_findings(result: &AssessmentResult, add: &mut impl FnMut(Finding, f64)) {
    let target = &result.target;
    if target.uncontrollable {
        add(Finding::Uncontrollable, tier::CONTEXT + 0.6);
    }
    match target.stance {
        Stance::Exit | Stance::Restore => {
            add(
                Finding::Stance {
                    stance: target.stance,
                },
                tier::CONTEXT + 0.9,
            );
        }
        Stance::ScaleBack => add(
            Finding::OverInvestment {
                level: result.level.level,
                target: target.target_level,
            },
            tier::CONTEXT + 0.8,
        ),
        Stance::Project => add(Finding::OneOff, tier::CONTEXT + 0.5),
        Stance::Hold | Stance::ManageForCash => {
            add(
                Finding::Stance {
                    stance: target.stance,
                },
                tier::ALARM + 0.5,
            );
        }
        Stance::Deepen | Stance::Maintain | Stance::Recover => {}
    }
}

/// The alarm, the quadrant and the watching.
fn alarm_findings(result: &AssessmentResult, add: &mut impl FnMut(Finding, f64)) {
    match result.defection.phase {
        ResponsePhase::Rescue => add(
            Finding::Phase {
                phase: ResponsePhase::Rescue,
            },
            tier::LOSS + 0.9,
        ),
        ResponsePhase::Control => add(
            Finding::Phase {
                phase: ResponsePhase::Control,
            },
            tier::ALARM + 0.9,
        ),
        ResponsePhase::Warn => {}
    }
    if let Some(regression) = result.level.regression {
        add(Finding::Regression { regression }, tier::LOSS + 0.5);
    }
    let transactional = !result.switching_matters;
    if result.target.one_off {
        // A one-off project has no next purchase to stay for: no quadrant advice.
    } else if result.no_clear_hold && result.quadrant != Some(Quadrant::Loyal) {
        add(Finding::NoClearHold, tier::ALARM + 0.6);
    } else {
        match result.quadrant {
            Some(Quadrant::Hostage) => add(
                Finding::Quadrant {
                    quadrant: Quadrant::Hostage,
                },
                tier::CONTEXT + 0.7,
            ),
            Some(Quadrant::Defector) if !transactional => add(
                Finding::Quadrant {
                    quadrant: Quadrant::Defector,
                },
                tier::ALARM + 0.8,
            ),
            // Satisfied but free to go is normal for a one-off or transactional account (R13).
            Some(Quadrant::Mercenary) if !transactional => add(
                Finding::Quadrant {
                    quadrant: Quadrant::Mercenary,
                },
                tier::ALARM + 0.3,
            ),
            _ => {}
        }
    }
    if result.defection.unwatched {
        add(Finding::Unwatched, tier::ALARM + 0.4);
    }
    if result.defection.shallow_contacts {
        add(Finding::ShallowContacts, tier::ALARM + 0.7);
    }
}

fn safeguard_findings(result: &AssessmentResult, add: &mut impl FnMut(Finding, f64)) {
    for check in &result.safeguards {
        let (Some(score), SafeguardStatus::Missing | SafeguardStatus::Partial) =
            (check.score, check.status)
        else {
            continue;
        };
        let at = if check.safeguard.is_guarantee() {
            // 「等于或高于竞争对手」: a guarantee at "equal" meets the floor; below it, it leads.
            if score >= 50.0 {
                continue;
            }
            tier::FLOOR
        } else if result.target.one_off {
            // One communication and two alignments are for a lasting relationship.
            continue;
        } else {
            tier::SAFEGUARDS
        };
        add(
            Finding::Safeguard {
                safeguard: check.safeguard,
                score,
            },
            at + deficit(score),
        );
    }
    for &(warning, score) in &result.warnings {
        // The order trend of a customer leaving the business is not yours to fix (seed 001).
        if warning == Warning::OrderTrend && result.target.uncontrollable {
            continue;
        }
        if let Some(score) = score.filter(|s| *s < 75.0) {
            // Mild signs ("occasional", "some approaches") after the alarming ones, and after a
            // lagging capability (which is at least 3.24).
            let priority = if score <= 25.0 {
                tier::SAFEGUARDS + deficit(score)
            } else {
                tier::CAPABILITY + 0.3 * deficit(score)
            };
            add(Finding::Warning { warning, score }, priority);
        }
    }
}

fn capability_findings(result: &AssessmentResult, add: &mut impl FnMut(Finding, f64)) {
    let caps = &result.capabilities;
    if let Some(capability) = caps.bottleneck {
        let score = caps.index(capability).unwrap_or(0.0);
        add(
            Finding::Bottleneck { capability, score },
            tier::CAPABILITY + 0.5 + 0.49 * deficit(score),
        );
    }
    if let Some(capability) = caps.lagging {
        let score = caps.index(capability).unwrap_or(0.0);
        add(
            Finding::Lagging { capability, score },
            tier::CAPABILITY + 0.49 * deficit(score),
        );
    }
}

pub(super) fn plan(result: &AssessmentResult) -> Vec<PlannedAction> {
    let mut planned: Vec<(Finding, f64)> = Vec::new();
    let mut add = |finding: Finding, priority: f64| planned.push((finding, priority));
    alarm_findings(result, &mut add);
    context_findings(result, &mut add);
    safeguard_findings(result, &mut add);
    level_gap_findings(result, &mut add);
    capability_findings(result, &mut add);
    lever_findings(result, &mut add);
    if let Some(stage) = result.stage.stage.filter(|_| !result.target.one_off) {
        add(Finding::Stage { stage }, tier::STAGE + 0.6);
    }

    // Stable: equal priorities keep the order above.
    crate::engine::model::sort::sort_by(&mut planned, |a, b| b.1.total_cmp(&a.1));
    let mut plan: Vec<PlannedAction> = Vec::new();
    for (finding, priority) in planned {
        let action_id = finding.action_id();
        // One action per id, at its highest priority (a satisfaction lever that is also
        // the floor's lever, say).
        if plan.iter().any(|p| p.action_id == action_id) {
            continue;
        }
        plan.push(PlannedAction {
            action_id,
            finding,
            priority,
            confirmed_by_customer: None,
        });
    }
    plan
}
