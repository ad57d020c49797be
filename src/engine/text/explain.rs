//! Turns results into sentences in the user's language: the findings behind actions, what
//! blocks the next rung, why the target is what it is. Pure functions, tested on the host.

use crate::engine::model::ids::Level;
use crate::engine::scoring::{round, Finding, LevelBlocker, TargetReason};
use crate::engine::text::i18n::messages;
use crate::engine::text::labels::text;
use crate::engine::text::labels::Labelled;
use crate::engine::text::lang::Lang;

fn rung(lang: Lang, level: Level) -> String {
    level.label(lang)
}

/// A score as "42/100".
fn score_text(score: f64) -> String {
    format!("{}/100", round(score))
}

/// "<label>: <score>/100".
fn scored(lang: Lang, id: impl Labelled, score: f64) -> String {
    format!(
        "{}{}{}",
        id.label(lang),
        messages(lang).colon(),
        score_text(score)
    )
}

/// "<label>: <description>".
fn described(lang: Lang, id: impl Labelled) -> String {
    format!(
        "{}{}{}",
        id.label(lang),
        messages(lang).colon(),
        id.description(lang)
    )
}

/// The name of a figure compared by other eyes (`scoring::eyes`): a dimension's label, or the
/// level's or the switching-cost axis's.
pub fn lens_label(lang: Lang, lens: &str) -> &str {
    let key = match lens {
        "level" => "index.level_rank",
        "switching_cost" => "axis.switching_cost",
        "satisfaction" => "axis.satisfaction",
        "defection_risk" => "index.defection_risk",
        other => other,
    };
    crate::engine::text::labels::label(lang, key)
}

/// The finding that triggered an action, e.g. "Trade terms: 25/100".
pub fn finding(lang: Lang, finding: &Finding) -> String {
    let m = messages(lang);
    match finding {
        Finding::Phase { phase } => described(lang, *phase),
        Finding::Quadrant { quadrant } => described(lang, *quadrant),
        Finding::Safeguard { safeguard, score } => scored(lang, *safeguard, *score),
        Finding::Warning { warning, score } => scored(lang, *warning, *score),
        Finding::Satisfaction { lever, score } => scored(lang, *lever, *score),
        Finding::SwitchingCost { lever, score } => scored(lang, *lever, *score),
        Finding::Symbiosis { facet, score } => scored(lang, *facet, *score),
        Finding::Bottleneck { capability, score } => m.bottleneck(&format!(
            "{}{}",
            capability.label(lang),
            m.paren(&score_text(*score))
        )),
        Finding::LevelGap { facet, next, .. } => m.blocker_facet(
            &format!("{} → {}", facet.label(lang), rung(lang, *next)),
            &rung(lang, level_below(*next)),
        ),
        Finding::Regression { .. } => text(lang, "regression_open_tender").to_owned(),
        Finding::NoClearHold => text(lang, "no_clear_hold").to_owned(),
        Finding::ShallowContacts => text(lang, "shallow_contacts").to_owned(),
        Finding::Unwatched => text(lang, "unwatched").to_owned(),
        Finding::BlindSpot { lens, own, theirs } => crate::engine::scoring::later_text_with(
            lang,
            "eyes.finding",
            &[
                ("figure", lens_label(lang, lens)),
                ("own", &own.to_string()),
                ("theirs", &theirs.to_string()),
            ],
        ),
        Finding::Coverage { coverage, .. } => {
            crate::engine::scoring::later_text(lang, &format!("coverage.finding.{coverage}"))
                .to_owned()
        }
        Finding::Lagging { capability, score } => m.lagging(&format!(
            "{}{}",
            capability.label(lang),
            m.paren(&score_text(*score))
        )),
        Finding::Stance { stance } => described(lang, *stance),
        Finding::OneOff => text(lang, "reason_one_off").to_owned(),
        Finding::Uncontrollable => text(lang, "uncontrollable").to_owned(),
        Finding::Stage { stage } => described(lang, *stage),
        Finding::OverInvestment { level, target } => {
            format!(
                "{} > {}{}{}",
                rung(lang, *level),
                rung(lang, *target),
                m.colon(),
                text(lang, "luxury_warning")
            )
        }
    }
}

fn level_below(level: Level) -> Level {
    let i = level as usize;
    Level::ALL[i.saturating_sub(1)]
}

/// One thing that blocks the next rung.
pub fn blocker(lang: Lang, blocker: &LevelBlocker) -> String {
    let m = messages(lang);
    match blocker {
        LevelBlocker::Facet { facet, shows, .. } => {
            m.blocker_facet(&facet.label(lang), &rung(lang, *shows))
        }
        LevelBlocker::NoFormalLinks => text(lang, "blocker_formal_links").to_owned(),
        LevelBlocker::TooLittleEvidence { answered } => m.blocker_too_little(*answered),
    }
}

/// One reason for the target level.
pub fn target_reason(lang: Lang, reason: &TargetReason) -> String {
    let m = messages(lang);
    match reason {
        TargetReason::OneOff => text(lang, "reason_one_off").to_owned(),
        TargetReason::Scale { score, ceiling } => {
            m.reason_scale(round(*score), &rung(lang, *ceiling))
        }
        TargetReason::NoScaleEvidence => text(lang, "reason_no_scale").to_owned(),
        TargetReason::Condition { factor, score } => {
            m.reason_condition(&factor.label(lang), score.map(round))
        }
        TargetReason::LowSwitchingCost { score } => m.reason_low_switching(score.map(round)),
        TargetReason::Appetite { score, cap } => {
            m.reason_appetite(score.map(round), &rung(lang, *cap))
        }
        TargetReason::CustomerCourse { .. } => text(lang, "reason_customer_course").to_owned(),
        TargetReason::Soured => text(lang, "reason_soured").to_owned(),
    }
}

/// A UTC date as `YYYY-MM-DD` from milliseconds since the epoch (no time-zone data needed,
/// and the same in both languages).
pub fn date(ms: u64) -> String {
    // Howard Hinnant's days-to-civil algorithm.
    let days = i64::try_from(ms / 86_400_000).unwrap_or(i64::MAX);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::model::answers::Answers;
    use crate::engine::model::bank::bank;
    use crate::engine::model::ids::*;
    use crate::engine::scoring::score;

    #[test]
    fn every_finding_of_a_weak_assessment_reads_well_in_both_languages() {
        let answers = Answers::from_fn(bank(), |q| {
            Some(crate::engine::model::answers::Choice::option(
                q.options.len() / 3,
            ))
        });
        let result = score(bank(), &answers);
        assert!(!result.actions.is_empty());
        for lang in Lang::ALL {
            for action in &result.actions {
                let text = finding(lang, &action.finding);
                assert!(!looks_like_a_key(&text), "raw label key in {text:?}");
                assert!(!text.trim().is_empty());
            }
            for b in &result.level.blockers {
                assert!(!blocker(lang, b).is_empty());
            }
            for r in &result.target.reasons {
                assert!(!target_reason(lang, r).is_empty());
            }
        }
    }

    /// A missing label shows its key, e.g. `warning.order_trend`: lowercase words joined by a dot.
    fn looks_like_a_key(text: &str) -> bool {
        text.as_bytes()
            .windows(3)
            .any(|w| w[0].is_ascii_lowercase() && w[1] == b'.' && w[2].is_ascii_lowercase())
    }

    #[test]
    fn texts_use_display_names_not_ids() {
        let f = Finding::Satisfaction {
            lever: SatisfactionLever::TradeTerms,
            score: 25.0,
        };
        assert_eq!(finding(Lang::En, &f), "Trade terms: 25/100");
        assert_eq!(finding(Lang::Zh, &f), "交易条件：25/100");
        let r = TargetReason::Condition {
            factor: ContextFactor::BargainingBalance,
            score: Some(25.0),
        };
        assert!(target_reason(Lang::En, &r).contains("Balance of bargaining power"));
        assert!(target_reason(Lang::Zh, &r).contains("优选供应商"));
        let r = TargetReason::Appetite {
            score: None,
            cap: Level::Preferred,
        };
        assert!(target_reason(Lang::Zh, &r).contains("优选供应商"));
    }

    #[test]
    fn dates_are_iso() {
        assert_eq!(date(0), "1970-01-01");
        assert_eq!(date(951_782_400_000), "2000-02-29");
        assert_eq!(date(1_795_478_400_000), "2026-11-24");
    }
}
