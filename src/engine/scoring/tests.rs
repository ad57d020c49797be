//! Scenario and property tests of the scoring rules.

use proptest::prelude::*;

use super::*;
use crate::engine::model::answers::Choice;
use crate::engine::model::bank::{bank, Question};

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
fn all_best_answers_make_a_loyal_partner() {
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
    assert!(r.actions.is_empty(), "nothing to fix: {:?}", r.actions);
}

#[test]
fn all_worst_answers_make_a_defecting_supplier() {
    let r = result_by(|_| Some(0));
    assert_eq!(r.level.level, Level::Supplier);
    assert_eq!(r.target.target_level, Level::Supplier);
    assert_eq!(r.quadrant, Some(Quadrant::Defector));
    assert_eq!(r.capabilities.bottleneck, Some(Capability::Trust));
    assert_eq!(r.defection.band, Some(RiskBand::Red));
    assert_eq!(r.defection.phase, ResponsePhase::Rescue);
    assert_eq!(r.summary().defection_risk, Some(100));
    assert_eq!(r.actions[0].action_id, "phase.rescue");
    assert!(r.actions.iter().any(|a| a.action_id == "quadrant.defector"));
}

#[test]
fn satisfied_without_lock_in_is_mercenary() {
    let r = result_by(|d| match d {
        Dimension::Satisfaction(_) => Some(100),
        Dimension::SwitchingCost(_) => Some(0),
        _ => Some(50),
    });
    assert_eq!(r.quadrant, Some(Quadrant::Mercenary));
    assert!(!r.hostage);
    let first_lever_action = r
        .actions
        .iter()
        .find(|a| a.action_id.starts_with("switching_cost."))
        .unwrap();
    assert!(r
        .actions
        .iter()
        .all(|a| !a.action_id.starts_with("satisfaction.")));
    assert!(first_lever_action.priority > 0.0);
    assert!(r
        .actions
        .iter()
        .any(|a| a.action_id == "quadrant.mercenary"));
}

#[test]
fn trapped_and_unhappy_is_a_hostage_and_satisfaction_comes_first() {
    let r = result_by(|d| match d {
        Dimension::Satisfaction(_) => Some(0),
        Dimension::SwitchingCost(_) => Some(100),
        _ => Some(50),
    });
    assert_eq!(r.quadrant, Some(Quadrant::Hostage));
    assert!(r.hostage);
    let pos = |prefix: &str| {
        r.actions
            .iter()
            .position(|a| a.action_id.starts_with(prefix))
    };
    assert!(pos("quadrant.hostage").unwrap() < pos("satisfaction.").unwrap());
    assert_eq!(
        pos("switching_cost."),
        None,
        "no lever of a hostage's lock is weak"
    );
}

#[test]
fn one_off_project_targets_supplier_the_truss_bridge() {
    // A one-off bridge for a local government: big and complex, but bought once (seed 002).
    let r = result_by(|d| match d {
        Dimension::Context(ContextFactor::PurchaseFrequency) => Some(0),
        Dimension::Context(_) => Some(75),
        _ => Some(50),
    });
    assert_eq!(r.target.target_level, Level::Supplier);
    assert!(r.target.reasons.contains(&TargetReason::OneOff));
}

#[test]
fn dedicated_trucks_for_few_customers_reach_partner_through_innovation() {
    // Seed 002: a trucking firm reserves trucks for a few customers under exclusive contracts.
    let r = result_by(|d| match d {
        Dimension::Capability(Capability::Innovation) => Some(100),
        Dimension::Level(LevelFacet::FormalLinks) => Some(100),
        Dimension::Level(_) => Some(100),
        Dimension::Context(_) => Some(100),
        _ => Some(75),
    });
    assert_eq!(r.level.level, Level::Partner);
    assert_eq!(r.target.target_level, Level::Partner);
    assert_eq!(r.capabilities.bottleneck, None);
}

#[test]
fn payment_in_shares_lifts_a_supplier_to_strategic_alliance() {
    // Seed 000: supplier A accepts payment in its customer's shares and wins the long-term contract.
    let before = answers_by(|d| match d {
        Dimension::Level(_) => Some(67),
        _ => Some(75),
    });
    assert_eq!(score(bank(), &before).level.level, Level::Extended);
    let blockers = score(bank(), &before).level.blockers;
    assert!(blockers.iter().any(|b| matches!(
        b,
        LevelBlocker::Facet {
            facet: LevelFacet::FormalLinks,
            ..
        }
    )));
    let unanswered_links = Answers::from_fn(bank(), |q| match q.dimension {
        Dimension::Level(LevelFacet::FormalLinks) => None,
        _ => before.get(&q.id),
    });
    assert!(score(bank(), &unanswered_links)
        .level
        .blockers
        .contains(&LevelBlocker::NoFormalLinks));
    let formal = bank()
        .questions
        .iter()
        .find(|q| q.dimension == Dimension::Level(LevelFacet::FormalLinks))
        .unwrap();
    let after = with(&before, &formal.id, Choice::Option(3));
    // Formal links alone are not enough: the rest of the evidence must show partnership too.
    assert_eq!(score(bank(), &after).level.level, Level::Extended);
    let all_partner = answers_by(|d| match d {
        Dimension::Level(_) => Some(100),
        _ => Some(75),
    });
    assert_eq!(score(bank(), &all_partner).level.level, Level::Partner);
    let no_links = with(&all_partner, &formal.id, Choice::Option(2));
    assert_eq!(
        score(bank(), &no_links).level.level,
        Level::Extended,
        "partner needs formal links"
    );
}

#[test]
fn even_partners_regress_when_costs_rise() {
    // Seed 001: Korean parts makers holding Hyundai shares still lost business when costs rose.
    let r = result_by(|d| match d {
        Dimension::Level(_) => Some(100),
        Dimension::Warning(Warning::CompetitorPrice) => Some(0),
        Dimension::Warning(Warning::OrderTrend) => Some(25),
        Dimension::Safeguard(Safeguard::ValueGuarantee) => Some(0),
        Dimension::SwitchingCost(_) => Some(100),
        _ => Some(75),
    });
    assert_eq!(r.level.level, Level::Partner);
    assert_ne!(r.defection.band, Some(RiskBand::Green));
    assert_eq!(r.defection.phase, ResponsePhase::Rescue);
    let ids: Vec<&str> = r
        .actions
        .iter()
        .take(FIRST_ACTIONS_SHOWN)
        .map(|a| a.action_id.as_str())
        .collect();
    assert!(ids.contains(&"safeguard.value_guarantee"), "{ids:?}");
    assert!(ids.contains(&"warning.competitor_price"), "{ids:?}");
}

#[test]
fn helping_the_customer_succeed_shows_as_symbiosis() {
    // Seed 004: Huawei wins a railway customer with market analysis, training and billing savings.
    let r = result_by(|d| match d {
        Dimension::Symbiosis(_) => Some(100),
        _ => Some(50),
    });
    assert_eq!(r.symbiosis.map(round), Some(100));
    assert!(r
        .actions
        .iter()
        .all(|a| !a.action_id.starts_with("symbiosis.")));
}

#[test]
fn a_single_high_facet_does_not_make_a_partner() {
    let r = result_by(|d| match d {
        Dimension::Level(LevelFacet::Contacts) | Dimension::Level(LevelFacet::FormalLinks) => {
            Some(100)
        }
        Dimension::Level(_) => Some(0),
        _ => Some(50),
    });
    assert_eq!(r.level.level, Level::Supplier);
    let partner = r
        .level
        .evidence
        .iter()
        .find(|e| e.rung == Level::Partner)
        .unwrap();
    assert_eq!(partner.supporting.len(), 2);
}

#[test]
fn blockers_name_each_facet_once_at_its_weakest_answer() {
    let r = result_by(|d| match d {
        Dimension::Level(_) => Some(0),
        _ => Some(50),
    });
    let facets: Vec<LevelFacet> = r
        .level
        .blockers
        .iter()
        .filter_map(|b| match b {
            LevelBlocker::Facet { facet, .. } => Some(*facet),
            _ => None,
        })
        .collect();
    assert_eq!(
        facets,
        LevelFacet::ALL.to_vec(),
        "information has two questions but one line"
    );
}

#[test]
fn too_little_evidence_stays_supplier_and_says_so() {
    let r = result_by(|d| match d {
        Dimension::Level(LevelFacet::Contacts) | Dimension::Level(LevelFacet::Planning) => {
            Some(100)
        }
        Dimension::Level(_) => None,
        _ => Some(50),
    });
    assert_eq!(r.level.level, Level::Supplier);
    assert!(r
        .level
        .blockers
        .contains(&LevelBlocker::TooLittleEvidence { answered: 2 }));
}

#[test]
fn over_investment_is_flagged_as_luxury() {
    let r = result_by(|d| match d {
        Dimension::Level(_) => Some(100),
        Dimension::Context(_) => Some(0),
        _ => Some(75),
    });
    assert_eq!(r.level.level, Level::Partner);
    assert_eq!(r.target.target_level, Level::Supplier);
    assert!(r.target.luxury);
    assert_eq!(r.target.gap, -3);
    assert!(r.actions.iter().any(|a| a.action_id == "target.luxury"));
}

#[test]
fn unbalanced_power_caps_the_target_at_preferred() {
    let r = result_by(|d| match d {
        Dimension::Context(ContextFactor::BargainingBalance) => Some(0),
        Dimension::Context(_) => Some(100),
        _ => Some(50),
    });
    assert_eq!(r.target.target_level, Level::Preferred);
    assert!(r.target.reasons.iter().any(|reason| matches!(
        reason,
        TargetReason::Mutuality {
            weakest: ContextFactor::BargainingBalance,
            cap: Level::Preferred,
            ..
        }
    )));
}

#[test]
fn below_target_the_plan_names_the_blocking_facets() {
    let r = result_by(|d| match d {
        Dimension::Level(LevelFacet::Contacts) => Some(0),
        Dimension::Level(_) => Some(33),
        Dimension::Context(_) => Some(100),
        _ => Some(75),
    });
    assert_eq!(r.level.level, Level::Preferred);
    assert_eq!(r.target.target_level, Level::Partner);
    assert_eq!(r.target.gap, 2);
    let gap_actions: Vec<&str> = r
        .actions
        .iter()
        .filter(|a| a.action_id.starts_with("level."))
        .map(|a| a.action_id.as_str())
        .collect();
    assert!(gap_actions.contains(&"level.contacts"));
    assert_eq!(
        gap_actions[0], "level.contacts",
        "the facet lagging most comes first"
    );
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
        Dimension::Warning(Warning::OrderTrend) => Some(0),
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
    assert_eq!(usize::from(r.confidence.score), 100 - 10 * found.len());
}

#[test]
fn every_finding_has_an_action_in_both_languages() {
    let catalogue = action_catalogue();
    let mut ids: Vec<&str> = catalogue.iter().map(|a| a.id.as_str()).collect();
    ids.sort();
    let before = ids.len();
    ids.dedup();
    assert_eq!(before, ids.len(), "duplicate action ids");
    for a in catalogue {
        assert!(!a.title.has_blank() && !a.detail.has_blank(), "{}", a.id);
        assert!(
            ["000", "001", "002", "003", "004"].contains(&a.source.as_str()),
            "{}",
            a.id
        );
    }
    let mut expected: Vec<String> = vec![
        "phase.rescue".into(),
        "phase.control".into(),
        "target.luxury".into(),
    ];
    expected.extend(["mercenary", "hostage", "defector"].map(|q| format!("quadrant.{q}")));
    for d in Dimension::all() {
        match d {
            Dimension::Context(_) | Dimension::LoyaltyType(_) => {}
            Dimension::Capability(_) | Dimension::Level(_) => expected.push(d.to_string()),
            _ => expected.push(d.to_string()),
        }
    }
    expected.sort();
    let catalogue_ids: Vec<String> = ids.iter().map(|s| s.to_string()).collect();
    assert_eq!(catalogue_ids, expected);
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
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

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
        let dk = score(bank(), &with(&answers, &q.id, Choice::DontKnow));
        let worst = score(bank(), &with(&answers, &q.id, Choice::Option(0)));
        if let (Some(d), Some(w)) = (figure_for(&dk, q.dimension), figure_for(&worst, q.dimension)) {
            prop_assert!(d + 1e-9 >= w, "{}: dk {d} < worst {w}", q.id);
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
