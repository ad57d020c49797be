//! The seeds' case studies as acceptance tests (docs/CASES.md): each case's answers are in
//! `model::scenarios`, written as the supplier's KAM would answer them, with the reason for each.

use super::*;
use crate::engine::model::bank::bank;
use crate::engine::model::scenarios::{self, Scenario};

fn run(name: &str) -> (Scenario, AssessmentResult) {
    let case = scenarios::all(bank())
        .into_iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no case {name}"));
    let result = score(bank(), &case.answers);
    (case, result)
}

fn ids(result: &AssessmentResult) -> Vec<&str> {
    result
        .actions
        .iter()
        .map(|a| a.action_id.as_str())
        .collect()
}

#[test]
fn every_case_answers_every_question_of_the_bank() {
    for case in scenarios::all(bank()) {
        assert_eq!(
            case.answers.answered_in(bank()),
            bank().questions.len(),
            "{} leaves questions unanswered",
            case.name
        );
    }
}

#[test]
fn every_case_gets_the_headline_an_expert_expects() {
    let mut wrong = Vec::new();
    for case in scenarios::all(bank()) {
        let r = score(bank(), &case.answers);
        let got = (
            r.level.level,
            r.target.target_level,
            r.quadrant,
            r.defection.band,
            r.capabilities.bottleneck,
            r.stage.stage.map(|s| s.id()),
        );
        let e = &case.expect;
        let want = (
            e.level,
            e.target,
            Some(e.quadrant),
            Some(e.band),
            e.bottleneck,
            Some(e.stage),
        );
        if got != want {
            wrong.push(format!(
                "{}: got {got:?}, expected {want:?} (risk {:?}, sat {:?}, sw {:?})",
                case.name, r.defection.risk, r.satisfaction.index, r.switching_cost.index
            ));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

/// The first `n` actions of a case's plan.
fn first(name: &str, n: usize) -> Vec<String> {
    let (_, r) = run(name);
    ids(&r).into_iter().take(n).map(str::to_owned).collect()
}

#[test]
fn supplier_a_strategic_alliance_keeps_pace_and_coordinates() {
    let (_, r) = run("supplier-a-shares");
    assert_eq!(r.target.stance, Stance::Maintain);
    assert_eq!(r.stage.posture, Some(Posture::Defence));
    assert!(!r.target.luxury);
    // CASES A1: executive coordination and communication, keeping pace with the customer's
    // technology — no deepening, nothing about the level.
    let top = first("supplier-a-shares", 3);
    assert!(
        top.contains(&"safeguard.communication".to_owned()),
        "{top:?}"
    );
    assert!(
        top.contains(&"safeguard.needs_alignment".to_owned()),
        "{top:?}"
    );
    assert!(!ids(&r).iter().any(|a| a.starts_with("level.")));
}

#[test]
fn hyundai_before_the_tender_flags_the_value_guarantee_above_everything() {
    let (_, r) = run("hyundai-costs-rising");
    assert!(r.regression_risk, "partner at risk of 倒退");
    assert_eq!(r.defection.floor, Some(Safeguard::ValueGuarantee));
    assert_eq!(r.actions[0].action_id, "safeguard.value_guarantee");
    // Satisfaction first for a captive customer, never a tighter lock.
    assert!(!ids(&r).iter().any(|a| a.starts_with("switching_cost.")));
}

#[test]
fn hyundai_open_tender_is_a_regression_with_rescue_and_the_value_guarantee_first() {
    let (_, r) = run("hyundai-open-tender");
    assert_eq!(r.level.consensus, Level::Partner);
    assert_eq!(r.level.regression, Some(Regression::OpenTender));
    assert!(r.stage.regressing);
    assert_eq!(r.defection.phase, ResponsePhase::Rescue);
    assert_eq!(
        first("hyundai-open-tender", 3),
        [
            "phase.rescue",
            "regression.open_tender",
            "safeguard.value_guarantee"
        ]
    );
    // The plan must not lead with deepening the relationship.
    assert_eq!(r.target.stance, Stance::Recover);
    assert!(!ids(&r).iter().any(|a| a.starts_with("level.")));
}

#[test]
fn the_truss_bridge_is_delivered_and_closed_out_not_locked_in() {
    let (_, r) = run("truss-bridge");
    assert_eq!(r.target.stance, Stance::Project);
    assert!(!r.switching_matters, "free to go is normal for a one-off");
    assert_eq!(r.actions[0].action_id, "context.one_off");
    assert!(ids(&r).iter().all(|a| !a.starts_with("switching_cost.")
        && !a.starts_with("quadrant.")
        && !a.starts_with("stage.")));
    // Don't-know and not-applicable answers do not raise the risk.
    assert_eq!(r.defection.band, Some(RiskBand::Green));
}

#[test]
fn the_dedicated_trucks_reach_partner_without_capital_and_without_luxury() {
    let (_, r) = run("dedicated-trucks");
    assert!(!r.target.luxury);
    assert_eq!(
        r.capabilities.bottleneck, None,
        "innovation created the trust"
    );
    // Loyal, but held mainly by the contract: borderline with satisfied-not-bound.
    assert_eq!(
        r.borderline.as_ref().unwrap().quadrant,
        [Quadrant::Mercenary]
    );
    assert!(ids(&r).contains(&"safeguard.communication"));
}

#[test]
fn huawei_goes_on_the_offence_for_top_level_channels() {
    let (_, r) = run("huawei-phase-one");
    assert_eq!(r.stage.posture, Some(Posture::Offence));
    assert_eq!(r.target.stance, Stance::Deepen);
    assert_ne!(r.defection.phase, ResponsePhase::Rescue);
    assert!(r.defection.shallow_contacts);
    // The top blocker is contact seniority: extended's defining fact.
    assert_eq!(r.actions[0].action_id, "level.contacts");
    assert!(matches!(
        r.level.blockers[0],
        LevelBlocker::Facet {
            facet: LevelFacet::Contacts,
            defining: true,
            ..
        }
    ));
    assert!(!r.target.luxury);
}

#[test]
fn incumbent_b_fixes_stability_and_value_before_anything_else() {
    let (_, r) = run("incumbent-b");
    assert!(r.hostage);
    assert_eq!(r.capabilities.lagging, Some(Capability::Innovation));
    assert_eq!(
        first("incumbent-b", 2),
        ["safeguard.quality_guarantee", "safeguard.value_guarantee"]
    );
    assert!(ids(&r).contains(&"quadrant.hostage"));
    assert!(ids(&r).contains(&"evidence.monitoring"));
    assert!(!ids(&r).iter().any(|a| a.starts_with("switching_cost.")));
    // High in the amber band.
    assert!(r.defection.risk.is_some_and(|x| x >= 50.0));
}

#[test]
fn the_flat_account_has_no_clear_hold_and_no_urgency() {
    let (_, r) = run("flat-account");
    assert!(r.no_clear_hold);
    assert_eq!(r.defection.phase, ResponsePhase::Warn);
    assert_eq!(r.actions[0].action_id, "quadrant.centre");
    assert!(
        !ids(&r).contains(&"quadrant.defector"),
        "no 'urgent' for an average account"
    );
    // "Equal" meets the guarantees' floor: no guarantee action.
    assert!(!ids(&r).iter().any(|a| a.ends_with("_guarantee")));
    assert!(!r.target.luxury);
    let (_, c2) = run("flat-without-preference");
    assert_eq!(c2.actions[0].action_id, "level.preference");
}
