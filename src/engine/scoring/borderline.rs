//! Which headline verdicts are one answer away from another value.
//!
//! A verdict is borderline when moving a single answer one option up or down — the honest doubt
//! about any answer — would change it. That is measured, not guessed from distances to
//! thresholds: each neighbouring answer is scored (the per-dimension sums are adjusted in place,
//! so the probe costs about a hundred and fifty small evaluations), and the values reached are
//! kept. The result then names both candidates ("satisfied, near loyal"), and no answer moved a
//! notch can change a headline verdict the result showed as clear. Larger moves are real changes
//! of fact (a guarantee failing, a tender announced), not doubt; "don't know" is covered by its
//! own rule (it never raises the level and always lowers confidence).

use serde::Serialize;

use super::{evaluate, level, AssessmentResult, Scores};
use crate::engine::model::answers::{score_of, Answers, Choice};
use crate::engine::model::bank::Bank;
use crate::engine::model::ids::{Dimension, Level, Quadrant, RiskBand};

/// For each headline verdict, the other values one changed answer would give (empty = clear).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Borderline {
    pub level: Vec<Level>,
    pub target: Vec<Level>,
    pub quadrant: Vec<Quadrant>,
    pub risk_band: Vec<RiskBand>,
}

impl Borderline {
    /// Whether any headline verdict is borderline.
    pub fn any(&self) -> bool {
        !(self.level.is_empty()
            && self.target.is_empty()
            && self.quadrant.is_empty()
            && self.risk_band.is_empty())
    }
}

/// Adds `alt` to `near` in order, unless it is the base value or already there. (Inserted by
/// hand: a generic sort would add a copy of the sorting code to the wasm per verdict type.)
fn note<T: PartialEq + Ord + Copy>(near: &mut Vec<T>, base: Option<T>, alt: Option<T>) {
    if let Some(alt) = alt {
        if base != Some(alt) && !near.contains(&alt) {
            let at = near.iter().position(|x| *x > alt).unwrap_or(near.len());
            near.insert(at, alt);
        }
    }
}

pub(super) fn probe(
    bank: &Bank,
    answers: &Answers,
    scores: &Scores,
    base: &AssessmentResult,
) -> Borderline {
    let mut near = Borderline::default();
    for q in &bank.questions {
        let current = answers.get(&q.id);
        let Some(Choice::Option(at)) = current else {
            continue;
        };
        let at = usize::from(at);
        let alternatives = [at.checked_sub(1), Some(at + 1)]
            .into_iter()
            .flatten()
            .filter(|&i| i < q.options.len())
            .map(Choice::option);
        for alt in alternatives {
            let mut changed = scores.clone();
            if let Some(old) = score_of(q, current) {
                changed.add(q.dimension, -q.weight, f64::from(old));
            }
            if let Some(new) = score_of(q, Some(alt)) {
                changed.add(q.dimension, q.weight, f64::from(new));
            }
            let level = if matches!(q.dimension, Dimension::Level(_)) {
                let mut changed_answers = answers.clone();
                changed_answers.set(&q.id, alt);
                level::assess(bank, &changed_answers)
            } else {
                base.level.clone()
            };
            let r = evaluate(&changed, level);
            note(&mut near.level, Some(base.level.level), Some(r.level.level));
            note(
                &mut near.target,
                Some(base.target.target_level),
                Some(r.target.target_level),
            );
            note(&mut near.quadrant, base.quadrant, r.quadrant);
            note(&mut near.risk_band, base.defection.band, r.defection.band);
        }
    }
    near
}
