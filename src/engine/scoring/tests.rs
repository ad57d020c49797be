//! Scenario and property tests of the scoring rules.

use proptest::prelude::*;

use super::*;
use crate::engine::model::answers::Choice;
use crate::engine::model::bank::{bank, Question};
use crate::engine::model::scenarios;

/// The option of `q` whose score is closest to `target`.
fn nearest(q: &Question, target: u8) -> Choice {
    let (i, _) = q
        .options
        .iter()
        .enumerate()
        .min_by_key(|(_, o)| (i16::from(o.score) - i16::from(target)).abs())
        .expect("questions have options");
    Choice::option(i)
}

/// Answers every question with the option nearest the score `rule` gives its dimension
/// (`None` leaves it unanswered).
fn answers_by(rule: impl Fn(Dimension) -> Option<u8>) -> Answers {
    Answers::from_fn(bank(), |q| rule(q.dimension).map(|t| nearest(q, t)))
}

fn result_by(rule: impl Fn(Dimension) -> Option<u8>) -> AssessmentResult {
    score(bank(), &answers_by(rule))
}

fn with(base: &Answers, question_id: &str, choice: Choice) -> Answers {
    let mut a = base.clone();
    a.set(question_id, choice);
    a
}

#[test]
fn all_best_answers_make_a_loyal_strategic_partner() {
    let r = result_by(|_| Some(100));
    assert_eq!(r.level.level, Level::Partner);
    assert_eq!(r.target.target_level, Level::Partner);
    assert_eq!(r.target.gap, 0);
    assert_eq!(r.quadrant, Some(Quadrant::Loyal));
    assert_eq!(r.capabilities.bottleneck, None);
    assert_eq!(r.defection.band, Some(RiskBand::Green));
    assert_eq!(r.defection.phase, ResponsePhase::Warn);
    assert_eq!(r.confidence.score, 100);
    assert!(r.level.blockers.is_empty());
    // Partner hangs on the alliance tie, its defining fact: one notch down is extended.
    assert_eq!(r.borderline.as_ref().unwrap().level, [Level::Extended]);
    assert!(
        r.borderline.as_ref().unwrap().quadrant.is_empty()
            && r.borderline.as_ref().unwrap().risk_band.is_empty()
    );
    // Nothing to fix: only the strategic stage's own strategies remain.
    let ids: Vec<&str> = r.actions.iter().map(|a| a.action_id.as_str()).collect();
    assert_eq!(ids, ["stage.strategic"]);
}

#[test]
fn all_worst_answers_make_a_drifting_supplier_beyond_rescue() {
    let r = result_by(|_| Some(0));
    assert_eq!(r.level.level, Level::Supplier);
    assert_eq!(r.target.target_level, Level::Supplier);
    assert_eq!(r.quadrant, Some(Quadrant::Defector));
    assert_eq!(r.capabilities.bottleneck, Some(Capability::Execution));
    assert_eq!(r.defection.band, Some(RiskBand::Red));
    assert_eq!(r.summary().defection_risk, Some(100));
    // The customer is making what you sell itself — seed 001's 不可抗力 — no rescue spending.
    assert!(r.target.uncontrollable);
    assert_eq!(r.defection.phase, ResponsePhase::Control);
}

#[test]
fn dont_know_on_the_other_level_questions_never_makes_a_partner() {
    // Issue: one partner-rung answer plus "don't know" everywhere else gave Partner.
    let mut answers = Answers::new();
    for q in &bank().questions {
        if let Dimension::Level(facet) = q.dimension {
            if facet == LevelFacet::Contacts {
                answers.set(&q.id, Choice::option(3));
            } else {
                answers.set(&q.id, Choice::DontKnow);
            }
        }
    }
    let r = score(bank(), &answers);
    assert_eq!(r.level.level, Level::Supplier);
    assert!(!r.level.enough_evidence);
    assert!(matches!(
        r.level.blockers[0],
        LevelBlocker::TooLittleEvidence { answered: 1 }
    ));
}

#[test]
fn capital_alone_does_not_make_a_partner_and_dedicated_assets_can() {
    // Seed 004's incumbent: ministry shareholding, no joint planning.
    let b = score(
        bank(),
        &scenarios::answers_of(bank(), scenarios::INCUMBENT_B),
    );
    assert_eq!(b.level.level, Level::Preferred);
    // Seed 002's trucks: no capital, a binding exclusive arrangement with dedicated trucks.
    let d = score(
        bank(),
        &scenarios::answers_of(bank(), scenarios::DEDICATED_TRUCKS),
    );
    assert_eq!(d.level.level, Level::Partner);
}

/// A case with some answers replaced.
fn variant(case: &[scenarios::Answer], changes: &[(&str, Option<u8>)]) -> AssessmentResult {
    let mut answers = scenarios::answers_of(bank(), case);
    for (id, score) in changes {
        let q = bank().question(id).expect("known question");
        let choice = match score {
            None => Choice::DontKnow,
            Some(s) => Choice::option(
                q.options
                    .iter()
                    .position(|o| o.score == *s)
                    .expect("option"),
            ),
        };
        answers.set(id, choice);
    }
    score(bank(), &answers)
}

#[test]
fn a_customer_with_the_upper_hand_means_hold_not_scale_back() {
    // Supplier A's account, but the customer dictates terms (a Hyundai-type OEM): the target
    // drops to preferred, and the advice is to hold, never to scale back the largest account.
    let r = variant(scenarios::SUPPLIER_A, &[("ctx_bargaining", Some(25))]);
    assert_eq!(r.target.target_level, Level::Preferred);
    assert_eq!(r.target.stance, Stance::Hold);
    assert!(!r.target.luxury);
    assert!(!r.actions.iter().any(|a| a.action_id == "target.luxury"));
    assert!(r.actions.iter().any(|a| a.action_id == "stance.hold"));
}

#[test]
fn luxury_needs_evidence_that_the_account_costs_more_than_it_returns() {
    let r = variant(scenarios::SUPPLIER_A, &[("ctx_return", Some(0))]);
    assert!(r.target.luxury);
    assert_eq!(r.target.stance, Stance::ScaleBack);
    // The dedicated trucks are deep and costly, and the most profitable: no luxury.
    let d = score(
        bank(),
        &scenarios::answers_of(bank(), scenarios::DEDICATED_TRUCKS),
    );
    assert!(!d.target.luxury);
}

#[test]
fn a_big_account_gone_sour_is_restored_not_deepened() {
    let r = variant(
        scenarios::SUPPLIER_A,
        &[("ctx_return", Some(25)), ("ctx_bargaining", Some(25))],
    );
    assert_eq!(r.target.stance, Stance::Restore);
    assert_eq!(r.target.target_level, Level::Preferred);
    assert_eq!(r.actions[0].action_id, "stance.restore");
}

#[test]
fn a_deliberate_second_source_is_not_a_rescue() {
    // Huawei's account where the customer keeps a stable second supplier on purpose.
    let r = variant(
        scenarios::HUAWEI_PHASE_ONE,
        &[("loy_behavioural", Some(25)), ("warn_share", Some(75))],
    );
    assert_ne!(r.defection.phase, ResponsePhase::Rescue);
    // A rival trialled or qualified is a reason to watch and control, not a rescue.
    let r = variant(scenarios::HUAWEI_PHASE_ONE, &[("warn_offer", Some(0))]);
    assert_ne!(r.defection.phase, ResponsePhase::Rescue);
    assert!(r
        .actions
        .iter()
        .any(|a| a.action_id == "warning.competitor_offer"));
}

#[test]
fn a_customer_leaving_the_business_is_adapted_to_not_rescued() {
    // The trucks' customer builds its own fleet and moves volumes to it.
    let r = variant(
        scenarios::DEDICATED_TRUCKS,
        &[("ctx_course", Some(0)), ("warn_share", Some(0))],
    );
    assert!(r.target.uncontrollable);
    assert_ne!(r.defection.phase, ResponsePhase::Rescue);
    assert_eq!(r.target.target_level, Level::Preferred);
    assert!(r
        .actions
        .iter()
        .any(|a| a.action_id == "context.uncontrollable"));
    assert!(!r
        .actions
        .iter()
        .any(|a| a.action_id == "warning.order_trend"));
}

#[test]
fn a_complacent_no_sign_is_not_rewarded() {
    // Same account, two KAMs: one watches nothing and sees "no sign" everywhere; the other
    // watches monthly and reports minor, honest signs.
    let warnings: Vec<&str> = bank()
        .questions
        .iter()
        .filter(|q| matches!(q.dimension, Dimension::Warning(_)))
        .map(|q| q.id.as_str())
        .collect();
    let mut complacent: Vec<(&str, Option<u8>)> =
        warnings.iter().map(|id| (*id, Some(100))).collect();
    complacent.push(("mon_watch", Some(0)));
    let mut honest: Vec<(&str, Option<u8>)> = warnings.iter().map(|id| (*id, Some(75))).collect();
    honest.push(("mon_watch", Some(100)));
    let c = variant(scenarios::SUPPLIER_A, &complacent);
    let h = variant(scenarios::SUPPLIER_A, &honest);
    assert!(
        c.defection.risk > h.defection.risk,
        "{:?} vs {:?}",
        c.defection.risk,
        h.defection.risk
    );
    assert!(c.confidence.score < h.confidence.score);
    assert!(c
        .confidence
        .inconsistencies
        .contains(&Inconsistency::UnwatchedWarnings));
    assert!(c
        .actions
        .iter()
        .any(|a| a.action_id == "evidence.monitoring"));
    // "Don't know whether anyone watches" is nobody watching.
    let dk = variant(scenarios::HUAWEI_PHASE_ONE, &[("mon_watch", None)]);
    assert!(dk.defection.unwatched);
}

#[test]
fn evidence_from_the_customer_weighs_more_than_impressions() {
    let impressions = variant(scenarios::HUAWEI_PHASE_ONE, &[("ev_basis", Some(0))]);
    let checked = variant(scenarios::HUAWEI_PHASE_ONE, &[("ev_basis", Some(100))]);
    assert!(checked.confidence.score > impressions.confidence.score);
    assert!((checked.confidence.evidence_factor - 1.0).abs() < 1e-9);
}

#[test]
fn a_one_off_project_gets_no_lock_in_or_rebate_advice() {
    let r = score(
        bank(),
        &scenarios::answers_of(bank(), scenarios::TRUSS_BRIDGE),
    );
    assert_eq!(r.target.stance, Stance::Project);
    assert!(r
        .actions
        .iter()
        .all(|a| !a.action_id.starts_with("switching_cost.")
            && a.action_id != "quadrant.mercenary"
            && a.action_id != "quadrant.defector"));
    assert_eq!(r.actions[0].action_id, "context.one_off");
}

#[test]
fn not_enough_level_answers_says_so_instead_of_a_rung() {
    let r = result_by(|d| match d {
        Dimension::Level(LevelFacet::Contacts | LevelFacet::Information) => Some(67),
        Dimension::Level(_) => None,
        _ => Some(75),
    });
    assert!(!r.level.enough_evidence);
    assert_eq!(r.level.level, Level::Supplier);
}

#[test]
fn nothing_answered_gives_unknowns_not_zeros() {
    let r = score(bank(), &Answers::new());
    assert_eq!(r.level.level, Level::Supplier);
    assert_eq!(r.target.target_level, Level::Preferred);
    assert_eq!(r.satisfaction.index, None);
    assert_eq!(r.quadrant, None);
    assert_eq!(r.defection.risk, None);
    assert_eq!(r.confidence.score, 0);
    assert_eq!(r.confidence.thin_sections.len(), bank().sections.len());
    let all_dk = score(
        bank(),
        &Answers::from_fn(bank(), |_| Some(Choice::DontKnow)),
    );
    assert_eq!(all_dk.confidence.dont_know, bank().questions.len());
    assert_eq!(all_dk.summary(), r.summary());
}

#[test]
fn inconsistent_answers_lower_confidence() {
    let r = result_by(|d| match d {
        Dimension::Satisfaction(_) => Some(100),
        Dimension::Warning(Warning::OrderTrend) => Some(25),
        Dimension::LoyaltyType(LoyaltyType::Behavioural) => Some(100),
        Dimension::LoyaltyType(LoyaltyType::Intentional) => Some(0),
        Dimension::Level(_) => Some(67),
        Dimension::Capability(Capability::Trust) => Some(25),
        _ => Some(75),
    });
    let found = &r.confidence.inconsistencies;
    assert!(found.contains(&Inconsistency::SatisfiedButOrdersFalling));
    assert!(found.contains(&Inconsistency::RepeatBuyingWithoutIntent));
    assert!(found.contains(&Inconsistency::HighLevelWeakTrust));
    assert_eq!(
        usize::from(r.confidence.score),
        super::round(r.confidence.evidence_factor * 100.0) as usize - 10 * found.len()
    );
}

#[test]
fn every_finding_has_an_action_with_a_first_step_in_both_languages() {
    let catalogue = action_catalogue();
    let mut ids: Vec<&str> = catalogue.iter().map(|a| a.id.as_str()).collect();
    ids.sort_unstable();
    let before = ids.len();
    ids.dedup();
    assert_eq!(before, ids.len(), "duplicate action ids");
    for a in catalogue {
        assert!(
            !a.title.has_blank() && !a.detail.has_blank() && !a.first_step.has_blank(),
            "{}",
            a.id
        );
        assert!(
            a.source
                .split(", ")
                .all(|s| ["000", "001", "002", "003", "004"].contains(&s)),
            "{}: source {}",
            a.id,
            a.source
        );
    }
    // Every action a plan can name exists: the cases, the extremes and random answers.
    let mut plans: Vec<AssessmentResult> = scenarios::all(bank())
        .iter()
        .map(|s| score(bank(), &s.answers))
        .collect();
    plans.push(result_by(|_| Some(0)));
    plans.push(result_by(|_| Some(25)));
    for r in &plans {
        for action in &r.actions {
            assert!(action.text().is_some(), "no text for {}", action.action_id);
        }
    }
}

#[test]
fn summary_rounds_to_integers_and_names_ids() {
    let r = result_by(|_| Some(50));
    let json = serde_json::to_value(r.summary()).unwrap();
    assert_eq!(json["satisfaction"], 50);
    // Level options score 0/33/67/100; the nearest to 50 is 33, preferred-supplier evidence.
    assert_eq!(json["level"], "preferred");
    assert!(json["quadrant"].is_string());
    assert!(json["confidence"].is_u64());
}

// ---- properties ----------------------------------------------------------------------------

/// Random answers: for each question, unanswered, "don't know" or any option.
fn any_answers() -> impl Strategy<Value = Answers> {
    let n = bank().questions.len();
    proptest::collection::vec(0u8..7, n).prop_map(|codes| {
        let mut answers = Answers::new();
        for (q, code) in bank().questions.iter().zip(codes) {
            match code {
                0 => {}
                1 => answers.set(&q.id, Choice::DontKnow),
                c => answers.set(&q.id, Choice::option(usize::from(c - 2) % q.options.len())),
            }
        }
        answers
    })
}

/// Every 0–100 figure of a result, for range checks.
fn all_figures(r: &AssessmentResult) -> Vec<f64> {
    let mut v: Vec<Option<f64>> = vec![
        r.level.index,
        r.satisfaction.index,
        r.switching_cost.index,
        r.symbiosis,
        r.defection.risk,
    ];
    v.extend(r.satisfaction.levers.iter().map(|l| l.score));
    v.extend(r.switching_cost.levers.iter().map(|l| l.score));
    v.extend(r.capabilities.indices.iter().map(|(_, s)| *s));
    v.extend(r.safeguards.iter().map(|s| s.score));
    v.extend(r.warnings.iter().map(|(_, s)| *s));
    v.extend(r.loyalty_types.iter().map(|(_, s)| *s));
    v.extend(r.symbiosis_facets.iter().map(|(_, s)| *s));
    v.extend(r.level.evidence.iter().map(|e| e.share));
    v.push(Some(f64::from(r.confidence.score)));
    v.into_iter().flatten().collect()
}

/// The figure a question feeds, for monotonicity checks.
fn figure_for(r: &AssessmentResult, d: Dimension) -> Option<f64> {
    match d {
        Dimension::Satisfaction(_) => r.satisfaction.index,
        Dimension::SwitchingCost(_) => r.switching_cost.index,
        Dimension::Capability(c) => r.capabilities.index(c),
        Dimension::Level(_) => Some(f64::from(r.level.level.rank())),
        Dimension::Context(_) => Some(f64::from(r.target.target_level.rank())),
        Dimension::Symbiosis(_) => r.symbiosis,
        Dimension::Safeguard(s) => r
            .safeguards
            .iter()
            .find(|c| c.safeguard == s)
            .and_then(|c| c.score),
        Dimension::Warning(w) => r.warning(w),
        Dimension::LoyaltyType(t) => r.loyalty_type(t),
        Dimension::Evidence(_) => Some(f64::from(r.confidence.score)),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn every_figure_is_within_0_to_100(answers in any_answers()) {
        let r = score(bank(), &answers);
        for value in all_figures(&r) {
            prop_assert!((0.0..=100.0).contains(&value), "{value}");
        }
        prop_assert!(r.actions.windows(2).all(|w| w[0].priority >= w[1].priority));
    }

    #[test]
    fn raising_one_answer_never_lowers_its_figure(answers in any_answers(), pick in 0usize..1000) {
        let q = &bank().questions[pick % bank().questions.len()];
        for lower in 0..q.options.len() - 1 {
            let low = score(bank(), &with(&answers, &q.id, Choice::option(lower)));
            let high = score(bank(), &with(&answers, &q.id, Choice::option(lower + 1)));
            let (l, h) = (figure_for(&low, q.dimension), figure_for(&high, q.dimension));
            prop_assert!(h.unwrap_or(0.0) + 1e-9 >= l.unwrap_or(0.0), "{}: {:?} -> {:?}", q.id, l, h);
        }
    }

    #[test]
    fn dont_know_never_scores_below_the_worst_answer(answers in any_answers(), pick in 0usize..1000) {
        let q = &bank().questions[pick % bank().questions.len()];
        // What the answers rest on is not a figure: not knowing it lowers confidence, by design.
        prop_assume!(!matches!(q.dimension, Dimension::Evidence(EvidenceFacet::Basis)));
        let dk = score(bank(), &with(&answers, &q.id, Choice::DontKnow));
        let worst = score(bank(), &with(&answers, &q.id, Choice::Option(0)));
        if let (Some(d), Some(w)) = (figure_for(&dk, q.dimension), figure_for(&worst, q.dimension)) {
            prop_assert!(d + 1e-9 >= w, "{}: dk {d} < worst {w}", q.id);
        }
    }

    #[test]
    fn dont_know_never_gives_a_higher_level_than_answering(answers in any_answers(), pick in 0usize..7) {
        let levels: Vec<&Question> = bank().questions.iter()
            .filter(|q| matches!(q.dimension, Dimension::Level(_))).collect();
        let q = levels[pick % levels.len()];
        let dk = score(bank(), &with(&answers, &q.id, Choice::DontKnow)).level.level;
        for i in 0..q.options.len() {
            let answered = score(bank(), &with(&answers, &q.id, Choice::option(i))).level.level;
            prop_assert!(dk <= answered, "{}: dk {dk:?} > option {i} {answered:?}", q.id);
        }
    }

    #[test]
    fn dont_know_never_raises_confidence(answers in any_answers(), pick in 0usize..1000) {
        // Answering can only lower confidence through the contradictions it reveals: each costs
        // INCONSISTENCY_PENALTY, and one answer can reveal more than one (a high satisfaction
        // answer alone can make the account both "satisfied while orders fall" and "loyal while
        // a rival is qualified").
        let q = &bank().questions[pick % bank().questions.len()];
        let dk = score(bank(), &with(&answers, &q.id, Choice::DontKnow)).confidence;
        for i in 0..q.options.len() {
            let answered = score(bank(), &with(&answers, &q.id, Choice::option(i))).confidence;
            let revealed = answered.inconsistencies.len().saturating_sub(dk.inconsistencies.len());
            let allowance = u32::from(super::INCONSISTENCY_PENALTY) * u32::try_from(revealed).unwrap_or(u32::MAX);
            prop_assert!(
                u32::from(dk.score) <= u32::from(answered.score) + allowance,
                "{}: dk {} vs option {i} {} ({revealed} contradictions revealed)",
                q.id, dk.score, answered.score
            );
        }
    }

    #[test]
    fn the_band_always_matches_the_figure_shown(answers in any_answers()) {
        let r = score(bank(), &answers);
        if let (Some(shown), Some(band)) = (r.summary().defection_risk, r.defection.band) {
            let expected = if f64::from(shown) >= risk::RED_FROM {
                RiskBand::Red
            } else if f64::from(shown) >= risk::AMBER_FROM {
                RiskBand::Amber
            } else {
                RiskBand::Green
            };
            prop_assert_eq!(band, expected);
        }
    }

    #[test]
    fn a_guarantee_below_equal_is_a_floor(answers in any_answers()) {
        let r = score(bank(), &answers);
        let failed = r.safeguards.iter().any(|c| c.safeguard.is_guarantee() && c.score.is_some_and(|s| s < 50.0));
        if failed {
            prop_assert_ne!(r.defection.band, Some(RiskBand::Green));
            prop_assert_ne!(r.quadrant, Some(Quadrant::Loyal));
            let first_non_loss = r.actions.iter().find(|a| a.priority < 9.0);
            prop_assert!(
                first_non_loss.is_some_and(|a| a.action_id.starts_with("safeguard.")),
                "{:?}", r.actions.iter().map(|a| &a.action_id).collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn alliance_advice_only_on_the_way_to_partner(answers in any_answers()) {
        let r = score(bank(), &answers);
        if r.actions.iter().any(|a| a.action_id == "level.formal_links") {
            prop_assert_eq!(r.level.level.next(), Some(Level::Partner));
        }
        if r.target.one_off || r.target.transactional || r.hostage {
            prop_assert!(!r.actions.iter().any(|a| a.action_id.starts_with("switching_cost.")));
        }
    }

    #[test]
    fn scoring_is_deterministic(answers in any_answers()) {
        prop_assert_eq!(score(bank(), &answers), score(bank(), &answers));
    }
}

#[test]
fn levers_for_display_put_the_weakest_first_and_unknowns_last() {
    let answers = answers_by(|d| match d {
        Dimension::Satisfaction(SatisfactionLever::ProductQuality) => None,
        Dimension::Satisfaction(SatisfactionLever::TradeTerms) => Some(0),
        _ => Some(75),
    });
    let shown = score(bank(), &answers).satisfaction.levers_for_display();
    assert_eq!(
        shown.first(),
        Some(&(SatisfactionLever::TradeTerms, Some(0.0)))
    );
    assert_eq!(
        shown.last(),
        Some(&(SatisfactionLever::ProductQuality, None))
    );
    assert_eq!(shown.len(), SatisfactionLever::ALL.len());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// "No single answer changes a headline verdict unless the result showed it as borderline":
    /// an answer one option up or down, the realistic doubt about an answer.
    #[test]
    fn one_answer_a_notch_away_changes_only_verdicts_shown_as_borderline(answers in any_answers(), pick in 0usize..1000, up in any::<bool>()) {
        let q = &bank().questions[pick % bank().questions.len()];
        let base = score(bank(), &answers);
        let Some(Choice::Option(at)) = answers.get(&q.id) else { return Ok(()) };
        let at = usize::from(at);
        let next = if up { at + 1 } else { at.wrapping_sub(1) };
        prop_assume!(next < q.options.len());
        let choice = Choice::option(next);
        let changed = score(bank(), &with(&answers, &q.id, choice));
        let b = base.borderline.as_ref().unwrap();
        if changed.level.level != base.level.level {
            prop_assert!(b.level.contains(&changed.level.level), "level {:?}", q.id);
        }
        if changed.target.target_level != base.target.target_level {
            prop_assert!(b.target.contains(&changed.target.target_level), "target {:?}", q.id);
        }
        if let (Some(was), Some(now)) = (base.quadrant, changed.quadrant) {
            if was != now {
                prop_assert!(b.quadrant.contains(&now), "quadrant {:?}", q.id);
            }
        }
        if let (Some(was), Some(now)) = (base.defection.band, changed.defection.band) {
            if was != now {
                prop_assert!(b.risk_band.contains(&now), "band {:?}", q.id);
            }
        }
    }
}
