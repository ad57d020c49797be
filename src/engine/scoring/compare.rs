//! Two completed assessments side by side: every index and lever with its change, and the
//! warnings that appeared or went away. The same comparison drives an account's trend.

use crate::engine::model::ids::{Level, Quadrant, Safeguard, Warning};
use crate::engine::scoring::{round, AssessmentResult, Inconsistency, SafeguardStatus};

/// Below this a warning-sign score counts as a warning (the action plan's threshold too).
const WARNING_BELOW: f64 = 75.0;

/// One figure in both assessments. `key` is a label key (`labels.json`), e.g.
/// `axis.satisfaction`, `satisfaction.trade_terms`, `capability.trust`, `index.defection_risk`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureChange {
    pub key: String,
    pub before: Option<u8>,
    pub after: Option<u8>,
}

impl FigureChange {
    /// After minus before, when both are known.
    pub fn delta(&self) -> Option<i16> {
        Some(i16::from(self.after?) - i16::from(self.before?))
    }

    /// Whether a rise is bad news (defection risk is the one index where lower is better).
    pub fn lower_is_better(&self) -> bool {
        self.key == "index.defection_risk"
    }
}

/// A problem an assessment raises. Its label key is [`Flag::key`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    /// Low satisfaction held in place by high switching cost.
    Hostage,
    /// The level is above the level worth aiming for.
    Luxury,
    Warning(Warning),
    SafeguardMissing(Safeguard),
    Inconsistency(Inconsistency),
}

impl Flag {
    /// The label key of its text.
    pub fn key(&self) -> String {
        match self {
            Flag::Hostage => "flag.hostage".to_owned(),
            Flag::Luxury => "flag.luxury".to_owned(),
            Flag::Warning(w) => format!("warning.{w}"),
            Flag::SafeguardMissing(s) => format!("safeguard.{s}"),
            Flag::Inconsistency(i) => format!("inconsistency.{}", i.id()),
        }
    }
}

/// Every flag an assessment raises, in a stable order.
pub fn flags(r: &AssessmentResult) -> Vec<Flag> {
    let mut out = Vec::new();
    if r.hostage {
        out.push(Flag::Hostage);
    }
    if r.target.luxury {
        out.push(Flag::Luxury);
    }
    out.extend(
        r.warnings
            .iter()
            .filter(|(_, s)| s.is_some_and(|s| s < WARNING_BELOW))
            .map(|(w, _)| Flag::Warning(*w)),
    );
    out.extend(
        r.safeguards
            .iter()
            .filter(|c| c.status == SafeguardStatus::Missing)
            .map(|c| Flag::SafeguardMissing(c.safeguard)),
    );
    out.extend(
        r.confidence
            .inconsistencies
            .iter()
            .map(|i| Flag::Inconsistency(*i)),
    );
    out
}

/// The headline of one assessment, for a row of a comparison or a point of a trend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Headline {
    pub level: Level,
    pub target: Level,
    pub quadrant: Option<Quadrant>,
}

/// Two assessments compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    pub before: Headline,
    pub after: Headline,
    pub figures: Vec<FigureChange>,
    /// Raised by `after` and not by `before`.
    pub new_flags: Vec<Flag>,
    /// Raised by `before` and no longer by `after`.
    pub resolved_flags: Vec<Flag>,
}

fn headline(r: &AssessmentResult) -> Headline {
    Headline {
        level: r.level.level,
        target: r.target.target_level,
        quadrant: r.quadrant,
    }
}

/// Every index and lever of `r` as (label key, rounded value), in a fixed order.
pub fn figures(r: &AssessmentResult) -> Vec<(String, Option<u8>)> {
    let rounded = |v: Option<f64>| v.map(round);
    let mut out = vec![
        (
            "axis.satisfaction".to_owned(),
            rounded(r.satisfaction.index),
        ),
        (
            "axis.switching_cost".to_owned(),
            rounded(r.switching_cost.index),
        ),
    ];
    out.extend(
        r.capabilities
            .indices
            .iter()
            .map(|(c, v)| (format!("capability.{c}"), rounded(*v))),
    );
    out.push(("index.defection_risk".to_owned(), rounded(r.defection.risk)));
    out.push(("index.symbiosis".to_owned(), rounded(r.symbiosis)));
    out.push(("index.confidence".to_owned(), Some(r.confidence.score)));
    out.extend(
        r.satisfaction
            .levers
            .iter()
            .map(|l| (format!("satisfaction.{}", l.lever), rounded(l.score))),
    );
    out.extend(
        r.switching_cost
            .levers
            .iter()
            .map(|l| (format!("switching_cost.{}", l.lever), rounded(l.score))),
    );
    out
}

/// Compares `before` with `after` (they need not be of the same account).
pub fn compare(before: &AssessmentResult, after: &AssessmentResult) -> Comparison {
    let figures = figures(before)
        .into_iter()
        .zip(figures(after))
        .map(|((key, b), (_, a))| FigureChange {
            key,
            before: b,
            after: a,
        })
        .collect();
    let (old, new) = (flags(before), flags(after));
    Comparison {
        before: headline(before),
        after: headline(after),
        figures,
        new_flags: new.iter().filter(|f| !old.contains(f)).copied().collect(),
        resolved_flags: old.iter().filter(|f| !new.contains(f)).copied().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::model::bank::bank;
    use crate::engine::model::scenarios;
    use crate::engine::scoring::score;
    use crate::engine::text::labels::labels;

    fn result(name: &str) -> AssessmentResult {
        score(bank(), &scenarios::answers_named(bank(), name))
    }

    #[test]
    fn comparing_worst_with_best_shows_every_figure_rising_and_warnings_resolved() {
        let (worst, best) = (result("all-worst"), result("all-best"));
        let c = compare(&worst, &best);
        assert_eq!(c.before.level, Level::Supplier);
        assert_eq!(c.after.level, Level::Partner);
        assert_eq!(c.figures.len(), figures(&best).len());
        for f in &c.figures {
            assert!(labels().contains_key(&f.key), "label for {}", f.key);
            let d = f.delta().unwrap();
            if f.lower_is_better() {
                assert!(d < 0, "{} {d}", f.key);
            } else if f.key != "index.confidence" {
                assert!(d > 0, "{} {d}", f.key);
            }
        }
        assert!(c.new_flags.is_empty(), "{:?}", c.new_flags);
        assert!(c
            .resolved_flags
            .contains(&Flag::Warning(Warning::CompetitorPrice)));
        assert!(c
            .resolved_flags
            .contains(&Flag::SafeguardMissing(Safeguard::Communication)));
        for f in flags(&worst) {
            assert!(labels().contains_key(&f.key()), "label for {}", f.key());
        }
        // The other way round, the same flags are new instead of resolved.
        let back = compare(&best, &worst);
        assert_eq!(back.new_flags, c.resolved_flags);
        assert!(back.figures.iter().all(|f| f.delta()
            == c.figures
                .iter()
                .find(|g| g.key == f.key)
                .unwrap()
                .delta()
                .map(|d| -d)));
    }

    #[test]
    fn an_assessment_compared_with_itself_changes_nothing() {
        let r = result("incumbent-b");
        let c = compare(&r, &r);
        assert!(c.figures.iter().all(|f| f.delta().unwrap_or(0) == 0));
        assert!(c.new_flags.is_empty() && c.resolved_flags.is_empty());
        assert!(flags(&r).contains(&Flag::Hostage));
    }
}
