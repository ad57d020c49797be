//! Other eyes (issue 17): the key-account manager's view set beside the customer's own answers
//! (the perception gap) and beside colleagues' ratings of the same account (the team view).
//!
//! Every figure compared is on the assessment's 0–100 scale, higher = healthier. A **blind spot**
//! is a figure the KAM rates at least [`BLIND_SPOT`] points above the customer's median: the
//! supplier believes something the customer does not feel (seed 001: most defections come from
//! poor communication; the satisfaction levers are by definition what the customer feels). Blind
//! spots lead the action plan. The reverse, the customer rating higher, is a hidden strength.

use crate::engine::model::answers::{score_of, Answers};
use crate::engine::model::bank::customer::{CustomerSet, Lens};
use crate::engine::model::bank::Bank;
use crate::engine::model::eyes::{Kind, Response};
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
    /// Biggest blind spot first, then by gap, hidden strengths last; figures nobody at the
    /// customer rated at the end.
    pub rows: Vec<GapRow>,
    /// What would most likely make them leave: the dimension id (or `none`) and how many said so.
    pub reasons: Vec<(String, usize)>,
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
    let customer: Vec<Vec<_>> = responses
        .iter()
        .filter(|r| r.kind == Kind::Customer)
        .filter_map(|r| r.choices())
        .collect();
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
    sort_by(&mut rows, |a, b| match (a.gap(), b.gap()) {
        (Some(x), Some(y)) => y.total_cmp(&x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    sort_by(&mut reasons, |a, b| b.1.cmp(&a.1));
    PerceptionGap {
        respondents: customer.len(),
        rows,
        reasons,
    }
}

/// The action plan with the biggest blind spots ranked first (at most
/// [`MAX_BLIND_SPOT_ACTIONS`]): find out from the customer what lies behind their figure before
/// acting on one's own.
pub fn with_blind_spots(plan: &[PlannedAction], gap: &PerceptionGap) -> Vec<PlannedAction> {
    let mut out: Vec<PlannedAction> = gap
        .blind_spots()
        .take(MAX_BLIND_SPOT_ACTIONS)
        .filter_map(|row| {
            let (own, theirs) = (row.own?, row.theirs?.median);
            Some(PlannedAction {
                action_id: "gap.blind_spot".to_owned(),
                finding: Finding::BlindSpot {
                    lens: row.lens.id(),
                    own: round(own),
                    theirs: round(theirs),
                },
                priority: BLIND_SPOT_TIER + (own - theirs) / 1000.0,
            })
        })
        .collect();
    out.extend_from_slice(plan);
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
