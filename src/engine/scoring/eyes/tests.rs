//! The perception gap and the team view on seed 004's incumbent B, at the moment Huawei has shown
//! the customer the missing billing function and B's key-account manager has not noticed
//! (scenarios: [`INCUMBENT_B`], [`B_MAINTENANCE_HEAD`], [`B_MARKET_MANAGER`],
//! [`B_FIELD_ENGINEER_CHANGES`]).

use super::*;
use crate::engine::model::bank::bank;
use crate::engine::model::eyes::{colleague_choices, encode_choices, CUSTOMER_VERSION};
use crate::engine::model::scenarios::{
    amend, answers_of, customer_choices, CustomerAnswer, B_FIELD_ENGINEER_CHANGES,
    B_MAINTENANCE_HEAD, B_MARKET_MANAGER, INCUMBENT_B,
};
use crate::engine::scoring::customer_set;

fn customer(id: &str, case: &[CustomerAnswer]) -> Response {
    // The maintenance head judges the switches; the market manager has no part in choosing
    // suppliers (neither decides: B's top-level ties are not what they speak to).
    let role = match id {
        "r2" => RespondentRole::Other,
        _ => RespondentRole::Evaluates,
    };
    Response {
        id: id.into(),
        invitation: "inv-b".into(),
        kind: Kind::Customer,
        version: CUSTOMER_VERSION,
        answered_ms: 0,
        name: String::new(),
        answers: encode_choices(&customer_choices(customer_set().unwrap(), case)),
        against: String::new(),
        role: Some(role),
        attached_ms: 0,
    }
}

fn colleague(id: &str, answers: &Answers) -> Response {
    Response {
        kind: Kind::Colleague,
        version: bank().version,
        answers: encode_choices(&colleague_choices(answers, bank().version)),
        ..customer(id, &[])
    }
}

fn gap(responses: &[&Response]) -> PerceptionGap {
    perception_gap(
        bank(),
        customer_set().unwrap(),
        &answers_of(bank(), INCUMBENT_B),
        responses,
    )
}

fn row<'a>(gap: &'a PerceptionGap, id: &str) -> &'a GapRow {
    gap.rows.iter().find(|r| r.lens.id() == id).unwrap()
}

#[test]
fn b_learns_what_its_ties_at_the_top_hid() {
    let head = customer("r1", B_MAINTENANCE_HEAD);
    let market = customer("r2", B_MARKET_MANAGER);
    let gap = gap(&[&head, &market]);
    assert_eq!(gap.respondents, 2);
    let blind: Vec<String> = gap.blind_spots().map(|r| r.lens.id()).collect();
    // The KAM answered "no sign of rivals" because nobody watches; the customer is evaluating
    // Huawei now: the widest gap, named first.
    assert_eq!(blind[0], "warning.competitor_offer", "{blind:?}");
    assert_eq!(
        row(&gap, "warning.competitor_offer").theirs.unwrap().median,
        0.0
    );
    // The KAM believes the customer plans to keep buying; both respondents doubt it.
    assert!(
        blind.contains(&"loyalty_type.intentional".to_owned()),
        "{blind:?}"
    );
    // Regular visits at the top are not communication to the people who use the switches
    // — seed 003's first safeguard, which the seed calls 一个沟通
    assert!(
        blind.contains(&"safeguard.communication".to_owned()),
        "{blind:?}"
    );
    // The assessment puts B at preferred supplier despite the capital link (the customer still
    // competes nothing, plans nothing with B). The maintenance head agrees; the market manager
    // sees a seller of boxes: split, so the median is half a rung below, not a blind spot.
    let level = row(&gap, "level");
    assert_eq!(level.own, Some(33.0));
    let theirs = level.theirs.unwrap();
    assert_eq!((theirs.low, theirs.high), (0.0, 33.0));
    assert!(
        level.gap().unwrap() > 0.0 && !level.is_blind_spot(),
        "{level:?}"
    );
    // Leaving really is hard: the hold the KAM relies on is real, not a blind spot.
    assert!(!row(&gap, "switching_cost").is_blind_spot());
    // What the KAM already rates low, the customer confirms: no gap to chase there.
    assert!(!row(&gap, "satisfaction.product_quality").is_blind_spot());
    // Two respondents, one spread: the maintenance head and the market manager.
    let value = row(&gap, "safeguard.value_guarantee").theirs.unwrap();
    assert_eq!((value.low, value.high, value.n), (0.0, 25.0, 2));
    // "Can't say" is left out, never counted as 0.
    assert_eq!(
        row(&gap, "satisfaction.product_quality").theirs.unwrap().n,
        1
    );
    // Rows are ordered by gap: every blind spot before every other row.
    let first_other = gap.rows.iter().position(|r| !r.is_blind_spot()).unwrap();
    assert!(gap.rows[first_other..].iter().all(|r| !r.is_blind_spot()));
    assert_eq!(
        gap.reasons,
        vec![
            ("warning.competitor_offer".to_owned(), 1),
            ("warning.unmet_needs".to_owned(), 1)
        ]
    );
}

#[test]
fn blind_spots_lead_the_action_plan_threats_first_then_what_the_customer_confirms() {
    let head = customer("r1", B_MAINTENANCE_HEAD);
    let market = customer("r2", B_MARKET_MANAGER);
    let gap = gap(&[&head, &market]);
    let result = crate::engine::scoring::score(bank(), &answers_of(bank(), INCUMBENT_B));
    let plan = with_blind_spots(&result.actions, &gap);
    let ids: Vec<&str> = plan.iter().map(|a| a.action_id.as_str()).collect();
    // A rival being evaluated and no intention to renew: the business is in play. That calls
    // for a counter-move (decision date, the billing loss answered, B's executive at the top),
    // not a polite question, and it comes before everything else.
    // One counter-move for both threats (the alarm names them all), then the other blind spots.
    assert_eq!(
        ids[..3],
        ["gap.threat", "gap.blind_spot", "gap.blind_spot"],
        "{ids:?}"
    );
    assert!(matches!(
        &plan[0].finding,
        Finding::BlindSpot { lens, own: 100, theirs: 0 } if lens == "warning.competitor_offer"
    ));
    assert!(matches!(
        &plan[1].finding,
        Finding::BlindSpot { lens, .. } if lens == "safeguard.communication"
    ));
    // Then what both sides see and the customer confirms: the value B delivers (the billing
    // loss) and the solution's fit, ahead of the rest of the plan, each with the customer's
    // figure.
    let confirmed: Vec<(&str, u8)> = plan
        .iter()
        .filter_map(|a| Some((a.action_id.as_str(), a.confirmed_by_customer?)))
        .collect();
    assert!(
        confirmed.contains(&("safeguard.value_guarantee", 13)),
        "{confirmed:?}"
    );
    assert!(
        confirmed.contains(&("satisfaction.solution_fit", 0)),
        "{confirmed:?}"
    );
    let first_unconfirmed = plan
        .iter()
        .skip(MAX_BLIND_SPOT_ACTIONS)
        .position(|a| a.confirmed_by_customer.is_none())
        .unwrap();
    assert!(plan[MAX_BLIND_SPOT_ACTIONS + first_unconfirmed..]
        .iter()
        .all(|a| a.confirmed_by_customer.is_none()));
    assert_eq!(plan.len(), result.actions.len() + MAX_BLIND_SPOT_ACTIONS);
    // Ranked, so a later sort by priority keeps this order.
    assert!(plan.windows(2).all(|w| w[0].priority >= w[1].priority));
    // The customer's own alarm, and nobody who decides was heard (B's case rests on the top).
    assert_eq!(
        gap.alarm,
        ["warning.competitor_offer", "loyalty_type.intentional"]
    );
    assert_eq!(gap.deciders, 0);
    // Without a customer response there is nothing to add.
    assert_eq!(
        with_blind_spots(&result.actions, &super::tests::gap(&[])),
        result.actions
    );
}

#[test]
fn a_customer_who_rates_higher_shows_a_hidden_strength() {
    // The maintenance head, asked again after B fixed its billing, now finds leaving easier
    // than the KAM thinks? No: he finds B's service *better* than its KAM rates it.
    let mut answers: Vec<CustomerAnswer> = B_MAINTENANCE_HEAD.to_vec();
    answers.retain(|a| a.0 != "c.service_level");
    answers.push((
        "c.service_level",
        "100",
        "B's new resident engineer solves issues the same day.",
    ));
    let better = customer("r3", &answers);
    let gap = gap(&[&better]);
    let service = row(&gap, "satisfaction.service_level");
    assert!(service.is_hidden_strength(), "{service:?}");
    assert!(!service.is_blind_spot());
}

#[test]
fn the_team_view_shows_where_the_account_is_least_understood() {
    let kam = answers_of(bank(), INCUMBENT_B);
    let engineer = answers_of(bank(), &amend(INCUMBENT_B, B_FIELD_ENGINEER_CHANGES));
    let from_engineer = colleague("r4", &engineer);
    let head = customer("r5", B_MAINTENANCE_HEAD);
    // A customer response among the colleagues' is left out of the team view.
    let team = team_view(bank(), &kam, &[&from_engineer, &head]);
    assert_eq!(team.colleagues, 1);
    let split_ids: Vec<&str> = team.splits.iter().map(|s| s.question.as_str()).collect();
    // The KAM sees no rival; the engineer saw Huawei in the maintenance room.
    assert_eq!(split_ids.first(), Some(&"warn_offer"), "{split_ids:?}");
    assert_eq!(
        (
            team.splits[0].low,
            team.splits[0].high,
            team.splits[0].raters
        ),
        (25, 100, 2)
    );
    // An answer a notch apart is not a disagreement; "don't know" is not an opinion.
    assert!(!split_ids.contains(&"sg_communication"));
    assert!(!split_ids.contains(&"lvl_contacts"));
    let risk = team.rows.iter().find(|r| r.id == "defection_risk").unwrap();
    let spread = risk.team.unwrap();
    assert_eq!(spread.n, 2);
    assert!(
        spread.high > spread.low,
        "the engineer sees more risk: {spread:?}"
    );
    assert_eq!(risk.owner, Some(spread.low));
}

#[test]
fn the_gap_is_trended_by_the_assessment_it_was_compared_with() {
    use crate::engine::model::ids::{AccountId, AssessmentId};
    use crate::engine::model::record::NewAccount;
    let input = NewAccount {
        name: "J-province railway telecom".into(),
        ..NewAccount::default()
    };
    let mut account = AccountRecord::start(
        &AccountId::from("acc"),
        &AssessmentId::from("as1"),
        &input,
        bank(),
        1_000,
    )
    .unwrap();
    account.assessments[0].answers = answers_of(bank(), INCUMBENT_B);
    account.assessments[0].completed_ms = Some(2_000);
    account
        .invite(
            "inv-b",
            Kind::Customer,
            crate::engine::text::lang::Lang::Zh,
            "",
            "",
            2_100,
        )
        .unwrap();
    account
        .attach(&customer("r1", B_MAINTENANCE_HEAD), 3_000)
        .unwrap();
    account
        .attach(&customer("r2", B_MARKET_MANAGER), 3_001)
        .unwrap();
    assert!(account.responses.iter().all(|r| r.against == "as1"));
    let trend = gap_trend(bank(), customer_set().unwrap(), &account);
    assert_eq!(trend.len(), 1);
    assert_eq!(trend[0].respondents, 2);
    assert!(trend[0].blind_spots >= 3);
    assert!(trend[0].mean_gap.unwrap() > 0.0);
}

#[test]
fn spreads_take_the_median() {
    let s = Spread::of([Some(0.0), None, Some(50.0), Some(100.0), Some(75.0)]).unwrap();
    assert_eq!((s.median, s.low, s.high, s.n), (62.5, 0.0, 100.0, 4));
    assert_eq!(Spread::of([None]), None);
}
