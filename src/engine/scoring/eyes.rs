//! Other eyes (issue 17): the key-account manager's view set beside the customer's own answers
//! (the perception gap) and beside colleagues' ratings of the same account (the team view).
//!
//! Every figure compared is on the assessment's 0–100 scale, higher = healthier. A **blind spot**
//! is a figure the KAM rates at least [`BLIND_SPOT`] points above the customer's median: the
//! supplier believes something the customer does not feel (seed 001: most defections come from
//! poor communication; the satisfaction levers are by definition what the customer feels). Blind
//! spots lead the action plan, a warning signal or intended repurchase first (a **threat**: the
//! customer says the business is in play, which calls for a counter-move, not a question). The
//! reverse, the customer rating higher, is a hidden strength. A weakness both sides see — the
//! customer's median at or below [`CONFIRMED`] on a figure the plan already acts on — is
//! *confirmed by the customer* and ranks right after the blind spots.

use crate::engine::model::answers::{score_of, Answers};
use crate::engine::model::bank::customer::{CustomerSet, Lens};
use crate::engine::model::bank::Bank;
use crate::engine::model::eyes::{Kind, RespondentRole, Response};
use crate::engine::model::ids::{Capability, Level};
use crate::engine::model::record::AccountRecord;
use crate::engine::model::sort::sort_by;
use crate::engine::scoring::{
    round, score_figures, AssessmentResult, Finding, PlannedAction, Scores,
};

/// Points by which the KAM's figure must exceed the customer's for a blind spot.
pub const BLIND_SPOT: f64 = 20.0;
/// Most blind spots ranked into the action plan.
pub const MAX_BLIND_SPOT_ACTIONS: usize = 3;
/// Above every tier of the plan: what the customer says outranks what the KAM believes.
const BLIND_SPOT_TIER: f64 = 10.0;
/// A threat above the other blind spots.
const THREAT_TIER: f64 = 11.0;
/// Right after the blind spots: a weakness the customer confirms.
const CONFIRMED_TIER: f64 = 9.9;
/// A customer median at or below this confirms a weakness, and on a threat figure is an alarm.
pub const CONFIRMED: f64 = 25.0;

/// Whether a blind spot on this figure is a threat to the business: a warning signal or the
/// customer's intention to keep buying.
pub fn is_threat(lens: &str) -> bool {
    lens.starts_with("warning.") || lens == "loyalty_type.intentional"
}
/// A question on which raters' scores lie this far apart is where the team disagrees.
pub const TEAM_SPLIT: u8 = 50;
/// Most disagreements listed.
pub const MAX_SPLITS: usize = 10;

/// The median and range of several raters' figures.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spread {
    pub median: f64,
    pub low: f64,
    pub high: f64,
    /// How many raters gave a figure.
    pub n: usize,
}

impl Spread {
    /// The spread of the known values, `None` if there are none.
    pub fn of(values: impl IntoIterator<Item = Option<f64>>) -> Option<Spread> {
        let mut known: Vec<f64> = values.into_iter().flatten().collect();
        sort_by(&mut known, f64::total_cmp);
        let n = known.len();
        let median = match n {
            0 => return None,
            _ if n % 2 == 1 => known[n / 2],
            _ => (known[n / 2 - 1] + known[n / 2]) / 2.0,
        };
        Some(Spread {
            median,
            low: known[0],
            high: known[n - 1],
            n,
        })
    }
}

/// One figure seen from both sides.
#[derive(Debug, Clone, PartialEq)]
pub struct GapRow {
    pub lens: Lens,
    /// The KAM's figure, from the assessment compared.
    pub own: Option<f64>,
    /// The customer respondents'.
    pub theirs: Option<Spread>,
}

impl GapRow {
    /// The KAM's figure minus the customer's median: positive when the KAM sees it rosier.
    pub fn gap(&self) -> Option<f64> {
        Some(self.own? - self.theirs?.median)
    }

    /// The KAM rates it at least [`BLIND_SPOT`] above the customer.
    pub fn is_blind_spot(&self) -> bool {
        self.gap().is_some_and(|g| g >= BLIND_SPOT)
    }

    /// The customer rates it at least [`BLIND_SPOT`] above the KAM.
    pub fn is_hidden_strength(&self) -> bool {
        self.gap().is_some_and(|g| g <= -BLIND_SPOT)
    }
}

/// The KAM's view beside the customer's.
#[derive(Debug, Clone, PartialEq)]
pub struct PerceptionGap {
    /// Customer responses compared.
    pub respondents: usize,
    /// Biggest blind spot first, then by gap (at an equal gap, the lower customer figure
    /// first), hidden strengths last; figures nobody at the
    /// customer rated at the end.
    pub rows: Vec<GapRow>,
    /// What would most likely make them leave: the dimension id (or `none`) and how many said so.
    pub reasons: Vec<(String, usize)>,
    /// Threat figures the customer rates at or below [`CONFIRMED`] (a rival being evaluated,
    /// complaints left unresolved, no intention to keep buying): an early warning from the
    /// customer's own mouth, whatever the KAM's risk band says.
    pub alarm: Vec<String>,
    /// Respondents who said they take part in deciding on suppliers. None while the KAM's view
    /// rests on ties at the top means that view is untested.
    pub deciders: usize,
}

impl PerceptionGap {
    /// The blind spots, biggest first.
    pub fn blind_spots(&self) -> impl Iterator<Item = &GapRow> {
        self.rows.iter().filter(|r| r.is_blind_spot())
    }

    /// The mean gap over the figures both sides rated.
    pub fn mean_gap(&self) -> Option<f64> {
        crate::engine::scoring::mean_of(self.rows.iter().map(GapRow::gap))
    }
}

/// A level as a figure on the 0–100 scale the customer's depth question uses.
fn level_score(level: Level) -> f64 {
    [0.0, 33.0, 67.0, 100.0][usize::try_from(level.rank()).unwrap_or(0).min(3)]
}

/// The KAM's figure for what a customer question measures.
fn own_figure(lens: Lens, scores: &Scores, result: &AssessmentResult) -> Option<f64> {
    match lens {
        Lens::Dimension(d) => scores.get(d),
        Lens::Level => result
            .level
            .enough_evidence
            .then(|| level_score(result.level.level)),
        Lens::SwitchingCost => result.switching_cost.index,
        Lens::Reason => None,
    }
}

/// The perception gap of the KAM's `answers` against customer `responses` (others are ignored).
pub fn perception_gap(
    bank: &Bank,
    set: &CustomerSet,
    answers: &Answers,
    responses: &[&Response],
) -> PerceptionGap {
    let customer_responses: Vec<&&Response> = responses
        .iter()
        .filter(|r| r.kind == Kind::Customer)
        .collect();
    let customer: Vec<Vec<_>> = customer_responses
        .iter()
        .filter_map(|r| r.choices())
        .collect();
    let deciders = customer_responses
        .iter()
        .filter(|r| r.role == Some(RespondentRole::Decides))
        .count();
    let scores = Scores::collect(bank, answers);
    let result = score_figures(bank, answers);
    let mut rows = Vec::new();
    let mut reasons: Vec<(String, usize)> = Vec::new();
    for (position, q) in set.questions.iter().enumerate() {
        let theirs = customer.iter().map(|c| c.get(position).copied().flatten());
        if q.dimension == Lens::Reason {
            for choice in theirs {
                let Some(target) = q.reason(choice) else {
                    continue;
                };
                match reasons.iter_mut().find(|(t, _)| *t == target) {
                    Some((_, n)) => *n += 1,
                    None => reasons.push((target, 1)),
                }
            }
            continue;
        }
        rows.push(GapRow {
            lens: q.dimension,
            own: own_figure(q.dimension, &scores, &result),
            theirs: Spread::of(theirs.map(|c| q.score(c).map(f64::from))),
        });
    }
    // Blind spots first, threats first among them; then by gap, widest first; at an equal
    // gap, the figure the customer rates lower is more urgent.
    let threat = |r: &GapRow| r.is_blind_spot() && is_threat(&r.lens.id());
    sort_by(&mut rows, |a, b| {
        let by_kind = (b.is_blind_spot(), threat(b)).cmp(&(a.is_blind_spot(), threat(a)));
        by_kind.then_with(|| match (a.gap(), b.gap()) {
            (Some(x), Some(y)) => y.total_cmp(&x).then_with(|| {
                let theirs = |r: &GapRow| r.theirs.map_or(f64::MAX, |t| t.median);
                theirs(a).total_cmp(&theirs(b))
            }),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        })
    });
    sort_by(&mut reasons, |a, b| b.1.cmp(&a.1));
    let alarm = rows
        .iter()
        .filter(|r| is_threat(&r.lens.id()) && r.theirs.is_some_and(|t| t.median <= CONFIRMED))
        .map(|r| r.lens.id())
        .collect();
    PerceptionGap {
        respondents: customer.len(),
        rows,
        reasons,
        alarm,
        deciders,
    }
}

/// The figure an action of the plan addresses, as a lens id, when the customer questionnaire
/// asks about it.
fn action_lens(finding: &Finding) -> Option<String> {
    match finding {
        Finding::Safeguard { safeguard, .. } => Some(format!("safeguard.{safeguard}")),
        Finding::Warning { warning, .. } => Some(format!("warning.{warning}")),
        Finding::Satisfaction { lever, .. } => Some(format!("satisfaction.{lever}")),
        _ => None,
    }
}

/// The action plan read against the customer's answers: the biggest blind spots first (at most
/// [`MAX_BLIND_SPOT_ACTIONS`]; the widest threat above the rest, once), then the plan's own actions that the
/// customer's answers confirm, then the rest as ranked. A threat calls for a counter-move
/// (`gap.threat`); another blind spot for asking the customer what lies behind their figure
/// before acting on one's own (`gap.blind_spot`).
pub fn with_blind_spots(plan: &[PlannedAction], gap: &PerceptionGap) -> Vec<PlannedAction> {
    // One counter-move answers every threat (the widest names it; the alarm above the gap
    // lists them all), so the other threats do not repeat it.
    let mut threat_taken = false;
    let mut out: Vec<PlannedAction> = gap
        .blind_spots()
        .filter(|row| {
            let threat = is_threat(&row.lens.id());
            let keep = !(threat && threat_taken);
            threat_taken |= threat;
            keep
        })
        .take(MAX_BLIND_SPOT_ACTIONS)
        .filter_map(|row| {
            let (own, theirs) = (row.own?, row.theirs?.median);
            let finding = Finding::BlindSpot {
                lens: row.lens.id(),
                own: round(own),
                theirs: round(theirs),
            };
            let tier = if is_threat(&row.lens.id()) {
                THREAT_TIER
            } else {
                BLIND_SPOT_TIER
            };
            Some(PlannedAction {
                action_id: finding.action_id(),
                finding,
                priority: tier + (own - theirs) / 1000.0,
                confirmed_by_customer: None,
            })
        })
        .collect();
    let theirs = |lens: &str| {
        gap.rows
            .iter()
            .find(|r| r.lens.id() == lens)
            .and_then(|r| r.theirs)
            .map(|t| t.median)
    };
    let mut rest: Vec<PlannedAction> = plan
        .iter()
        .map(|a| {
            let confirmed = action_lens(&a.finding)
                .and_then(|lens| theirs(&lens))
                .filter(|median| *median <= CONFIRMED);
            match confirmed {
                Some(median) => PlannedAction {
                    priority: CONFIRMED_TIER + a.priority / 100.0,
                    confirmed_by_customer: Some(round(median)),
                    ..a.clone()
                },
                None => a.clone(),
            }
        })
        .collect();
    sort_by(&mut rest, |a, b| b.priority.total_cmp(&a.priority));
    out.extend(rest);
    out
}

/// One headline figure across the team.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamRow {
    /// `satisfaction`, `switching_cost`, `capability.<id>`, `defection_risk` or `level`.
    pub id: &'static str,
    /// The owner's own figure.
    pub owner: Option<f64>,
    /// The owner's and the colleagues' figures together.
    pub team: Option<Spread>,
}

/// A question on which the raters are far apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    pub question: String,
    pub low: u8,
    pub high: u8,
    /// Raters who gave a scored answer.
    pub raters: usize,
}

/// The owner's assessment beside colleagues' ratings of the same account.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamView {
    /// Colleagues compared (the owner not counted).
    pub colleagues: usize,
    pub rows: Vec<TeamRow>,
    /// Widest first.
    pub splits: Vec<Split>,
}

/// The headline figures the team view compares.
pub const TEAM_ROWS: [&str; 7] = [
    "level",
    "satisfaction",
    "switching_cost",
    "capability.trust",
    "capability.execution",
    "capability.innovation",
    "defection_risk",
];

fn team_figure(id: &str, r: &AssessmentResult) -> Option<f64> {
    let cap = |c| r.capabilities.index(c);
    match id {
        "level" => r.level.enough_evidence.then(|| level_score(r.level.level)),
        "satisfaction" => r.satisfaction.index,
        "switching_cost" => r.switching_cost.index,
        "capability.trust" => cap(Capability::Trust),
        "capability.execution" => cap(Capability::Execution),
        "capability.innovation" => cap(Capability::Innovation),
        "defection_risk" => r.defection.risk,
        _ => None,
    }
}

/// The team view of the owner's `answers` and the colleague `responses` (others are ignored).
pub fn team_view(bank: &Bank, answers: &Answers, responses: &[&Response]) -> TeamView {
    let colleagues: Vec<Answers> = responses
        .iter()
        .filter_map(|r| r.colleague_answers())
        .collect();
    let owner = score_figures(bank, answers);
    let results: Vec<AssessmentResult> = colleagues
        .iter()
        .map(|a| score_figures(bank, a))
        .chain(std::iter::once(owner.clone()))
        .collect();
    let rows = TEAM_ROWS
        .iter()
        .map(|id| TeamRow {
            id,
            owner: team_figure(id, &owner),
            team: Spread::of(results.iter().map(|r| team_figure(id, r))),
        })
        .collect();
    let mut splits: Vec<Split> = bank
        .questions
        .iter()
        .filter_map(|q| {
            let scores: Vec<u8> = std::iter::once(answers)
                .chain(colleagues.iter())
                .filter_map(|a| score_of(q, a.get(&q.id)))
                .collect();
            let (low, high) = (*scores.iter().min()?, *scores.iter().max()?);
            (scores.len() >= 2 && high - low >= TEAM_SPLIT).then(|| Split {
                question: q.id.clone(),
                low,
                high,
                raters: scores.len(),
            })
        })
        .collect();
    sort_by(&mut splits, |a, b| (b.high - b.low).cmp(&(a.high - a.low)));
    splits.truncate(MAX_SPLITS);
    TeamView {
        colleagues: colleagues.len(),
        rows,
        splits,
    }
}

/// The perception gap at one completed assessment, for the trend.
#[derive(Debug, Clone, PartialEq)]
pub struct GapPoint {
    pub assessment: String,
    pub completed_ms: u64,
    pub respondents: usize,
    pub blind_spots: usize,
    pub mean_gap: Option<f64>,
}

/// The perception gap of every completed assessment that customer responses were compared
/// with, oldest first.
pub fn gap_trend(bank: &Bank, set: &CustomerSet, account: &AccountRecord) -> Vec<GapPoint> {
    account
        .completed()
        .filter_map(|a| {
            let responses: Vec<&Response> = account
                .responses_against(a.id.as_str())
                .filter(|r| r.kind == Kind::Customer)
                .collect();
            if responses.is_empty() {
                return None;
            }
            let gap = perception_gap(bank, set, &a.answers, &responses);
            Some(GapPoint {
                assessment: a.id.as_str().to_owned(),
                completed_ms: a.completed_ms.unwrap_or(a.updated_ms),
                respondents: gap.respondents,
                blind_spots: gap.blind_spots().count(),
                mean_gap: gap.mean_gap(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;
