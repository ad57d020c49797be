//! Named answer sets drawn from the seeds' case studies, with the outcome each must produce.
//! Used by the scoring tests and, through `examples/e2e_fixtures.rs`, by the browser tests,
//! which enter the same answers through the UI and compare what the page shows.

use serde::Serialize;

use crate::engine::model::answers::{Answers, Choice};
use crate::engine::model::bank::{Bank, Question};
use crate::engine::model::ids::*;

/// One scenario.
#[derive(Debug, Clone, Serialize)]
pub struct Scenario {
    pub name: &'static str,
    /// Option index per question id (absent = unanswered).
    pub answers: Answers,
    pub expect_level: Level,
    pub expect_target: Level,
    pub expect_quadrant: Quadrant,
}

/// The option of `q` whose score is closest to `target` (the lower one on a tie).
pub fn nearest(q: &Question, target: u8) -> Choice {
    let best = (0..q.options.len())
        .min_by_key(|&i| (i16::from(q.options[i].score) - i16::from(target)).abs())
        .unwrap_or(0);
    Choice::option(best)
}

/// Answers each question with the option nearest the score `rule` gives its dimension.
pub fn answers_by(bank: &Bank, rule: impl Fn(Dimension) -> Option<u8>) -> Answers {
    Answers::from_fn(bank, |q| rule(q.dimension).map(|t| nearest(q, t)))
}

/// The scenarios.
pub fn all(bank: &Bank) -> Vec<Scenario> {
    vec![
        Scenario {
            name: "all-best",
            answers: answers_by(bank, |_| Some(100)),
            expect_level: Level::Partner,
            expect_target: Level::Partner,
            expect_quadrant: Quadrant::Loyal,
        },
        Scenario {
            name: "all-worst",
            answers: answers_by(bank, |_| Some(0)),
            expect_level: Level::Supplier,
            expect_target: Level::Supplier,
            expect_quadrant: Quadrant::Defector,
        },
        Scenario {
            name: "satisfied-no-lock-in",
            answers: answers_by(bank, |d| match d {
                Dimension::Satisfaction(_) => Some(100),
                Dimension::SwitchingCost(_) => Some(0),
                Dimension::Level(_) => Some(33),
                _ => Some(50),
            }),
            expect_level: Level::Preferred,
            expect_target: Level::Extended,
            expect_quadrant: Quadrant::Mercenary,
        },
        Scenario {
            name: "trapped-and-unhappy",
            answers: answers_by(bank, |d| match d {
                Dimension::Satisfaction(_) => Some(0),
                Dimension::SwitchingCost(_) => Some(100),
                Dimension::Level(_) => Some(67),
                _ => Some(50),
            }),
            expect_level: Level::Extended,
            expect_target: Level::Extended,
            expect_quadrant: Quadrant::Hostage,
        },
        Scenario {
            // Seed 002: a truss bridge built once for a local government.
            name: "one-off-truss-bridge",
            answers: answers_by(bank, |d| match d {
                Dimension::Context(ContextFactor::PurchaseFrequency) => Some(0),
                Dimension::Context(_) => Some(75),
                Dimension::Level(_) => Some(0),
                Dimension::Satisfaction(_) => Some(75),
                _ => Some(25),
            }),
            expect_level: Level::Supplier,
            expect_target: Level::Supplier,
            expect_quadrant: Quadrant::Mercenary,
        },
        Scenario {
            // Seed 000: supplier A accepts payment in shares and becomes a strategic ally.
            name: "shares-strategic-alliance",
            answers: answers_by(bank, |d| match d {
                Dimension::Level(_) => Some(100),
                Dimension::Context(_) => Some(100),
                _ => Some(75),
            }),
            expect_level: Level::Partner,
            expect_target: Level::Partner,
            expect_quadrant: Quadrant::Loyal,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::model::bank::bank;
    use crate::engine::scoring::score;

    #[test]
    fn every_scenario_produces_its_expected_outcome() {
        for s in all(bank()) {
            let r = score(bank(), &s.answers);
            assert_eq!(r.level.level, s.expect_level, "{}", s.name);
            assert_eq!(r.target.target_level, s.expect_target, "{}", s.name);
            assert_eq!(r.quadrant, Some(s.expect_quadrant), "{}", s.name);
        }
    }
}
