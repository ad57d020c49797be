//! The stakeholder map's rules on the seeds' cases, each map written as the key-account manager
//! would enter it, one reason per contact.

use super::*;
use crate::engine::model::bank::bank;
use crate::engine::model::contacts::ContactInput;
use crate::engine::model::ids::{Attitude as A, BuyingRole as R, ContactFunction as F};
use crate::engine::model::ids::{Influence as I, Seniority as S};
use crate::engine::model::record::{AccountRecord, NewAccount};
use crate::engine::model::scenarios::{answers_of, HUAWEI_PHASE_ONE, INCUMBENT_B};
use crate::engine::scoring::score;

const TODAY: &str = "2026-12-01";

/// (id, function, role, seniority, influence, attitude, owner, last met, left on)
type Row = (
    &'static str,
    F,
    Option<R>,
    S,
    I,
    A,
    &'static str,
    &'static str,
    &'static str,
);

fn map(rows: &[Row]) -> Vec<Contact> {
    let mut account = AccountRecord::start(
        &"acct".into(),
        &"s1".into(),
        &NewAccount {
            name: "J-province railway telecom".into(),
            ..Default::default()
        },
        bank(),
        1,
    )
    .unwrap();
    for (at, &(id, function, role, seniority, influence, attitude, owner, last_met, left_on)) in
        (10_u64..).zip(rows)
    {
        let input = ContactInput {
            name: id.to_owned(),
            function,
            role,
            seniority,
            influence,
            attitude,
            owner: owner.into(),
            last_met: last_met.into(),
            left_on: left_on.into(),
            ..Default::default()
        };
        account.add_contact(id, &input, at).unwrap();
    }
    account.contacts
}

/// Seed 004, Huawei after phase one at J-province railway telecom, as Huawei's KAM maps it.
const HUAWEI_MAP: &[Row] = &[
    // Worked with us late into the night for days on the network plan (「連續幾天干到深夜」):
    // he judges the equipment, and he is ours.
    (
        "zhou-planning",
        F::Technical,
        Some(R::TechnicalEvaluator),
        S::SeniorManager,
        I::High,
        A::Champion,
        "Chen",
        "2026-11-20",
        "",
    ),
    // We taught his team selling skills and won clients in his account managers' names: he
    // tells us how the customer thinks.
    (
        "liu-market",
        F::Commercial,
        Some(R::Coach),
        S::SeniorManager,
        I::High,
        A::Champion,
        "Chen",
        "2026-11-25",
        "",
    ),
    // Runs the 37,000 installed lines: a stable phase one is his daily life.
    (
        "sun-maintenance",
        F::Operations,
        Some(R::User),
        S::Manager,
        I::Medium,
        A::Supporter,
        "Wu",
        "2026-11-28",
        "",
    ),
    // Handles the tender papers; neither for nor against us; last seen at the phase-one signing.
    (
        "qian-purchasing",
        F::Purchasing,
        Some(R::Gatekeeper),
        S::Staff,
        I::Medium,
        A::Neutral,
        "Chen",
        "2026-08-20",
        "",
    ),
    // The general manager decides phase two; B's support from the top (「來自鐵通上層的支持」)
    // sits with him, and nobody on our side has met him.
    (
        "zhao-gm",
        F::Management,
        Some(R::EconomicBuyer),
        S::Executive,
        I::High,
        A::Sceptic,
        "",
        "",
        "",
    ),
];

fn ids_of(findings: &[CoverageFinding]) -> Vec<&'static str> {
    findings.iter().map(|f| f.id.id()).collect()
}

#[test]
fn huawei_sees_the_top_is_not_ours_though_the_general_manager_is_on_the_map() {
    let findings = coverage(&map(HUAWEI_MAP), TODAY, Cadence::STEADY);
    // The general manager is mapped, but as a sceptic nobody has met: mapped is not covered.
    assert_eq!(
        ids_of(&findings),
        [
            "influential-opponent",
            "no-economic-buyer",
            "no-executive",
            "not-met"
        ]
    );
    // Never approached cold: the most senior champion who can open the door is named with him.
    assert_eq!(findings[0].who, ["zhao-gm", "zhou-planning"]);
    assert!(!findings[0].opposed, "a sceptic, not an opponent");
    // Purchasing, unseen for 103 days; the sceptical general manager is the opponent finding's.
    assert_eq!(findings[3].who, ["qian-purchasing"]);
}

#[test]
fn huawei_counter_to_bs_top_level_support_enters_the_action_plan() {
    // Seed 004's action 4: open top-level channels to counter B's support from the top. The
    // map makes it concrete: the economic buyer is not covered and the general manager doubts us.
    let result = score(bank(), &answers_of(bank(), HUAWEI_PHASE_ONE));
    let findings = coverage(&map(HUAWEI_MAP), TODAY, Cadence::STEADY);
    let plan = with_coverage(&result.actions, &findings, result.target.target_level);
    let has = |id: &str| plan.iter().any(|a| a.action_id == id);
    for id in [
        "coverage.no-economic-buyer",
        "coverage.not-met",
        "coverage.influential-opponent",
    ] {
        assert!(has(id), "{id}");
    }
    // The plan already opens top-level contacts from the level gap: no second such action.
    assert!(has("level.contacts"));
    assert!(!has("coverage.no-executive"));
    for pair in plan.windows(2) {
        assert!(pair[0].priority >= pair[1].priority, "ranked");
    }
}

#[test]
fn a_map_of_working_level_only_shows_no_economic_buyer_and_no_executive() {
    // The same KAM who never mapped the general manager.
    let findings = coverage(&map(&HUAWEI_MAP[..4]), TODAY, Cadence::STEADY);
    assert_eq!(
        ids_of(&findings),
        ["no-economic-buyer", "no-executive", "not-met"]
    );
    // Whom to ask for an introduction: the most senior champions first.
    assert_eq!(
        findings[0].who,
        ["zhou-planning", "liu-market", "sun-maintenance"]
    );
    // The target is extended: an executive tie is a safeguard, not groundwork.
    let result = score(bank(), &answers_of(bank(), HUAWEI_PHASE_ONE));
    assert_eq!(result.target.target_level, Level::Extended);
    assert!(priority(&findings[1], Level::Extended) > 4.0);
    assert!(priority(&findings[1], Level::Preferred) < 3.0);
}

#[test]
fn a_champion_who_left_is_the_first_finding_and_shows_as_a_recent_departure() {
    let mut rows = HUAWEI_MAP.to_vec();
    // The market manager, our coach, moved to the provincial head office in October.
    rows[1].8 = "2026-10-15";
    let contacts = map(&rows);
    let findings = coverage(&contacts, TODAY, Cadence::STEADY);
    assert_eq!(findings[0].id, CoverageId::ChampionLeft);
    assert_eq!(findings[0].who, ["liu-market"]);
    let facts = facts(&contacts, TODAY).unwrap();
    assert_eq!(facts.left_recently, ["liu-market"]);
    assert_eq!(facts.active, 4);
    // A departure older than half a year is history, not a warning.
    rows[1].8 = "2026-05-01";
    let findings = coverage(&map(&rows), TODAY, Cadence::STEADY);
    assert!(!ids_of(&findings).contains(&"champion-left"));
}

#[test]
fn one_contact_or_one_owner_holding_everything_is_single_threaded() {
    let one = map(&HUAWEI_MAP[1..2]);
    let findings = coverage(&one, TODAY, Cadence::STEADY);
    assert_eq!(findings[0].id, CoverageId::SingleThreaded);
    assert_eq!(findings[0].who, ["liu-market"]);
    let mut rows = HUAWEI_MAP.to_vec();
    for row in &mut rows {
        row.6 = "Chen";
    }
    let findings = coverage(&map(&rows), TODAY, Cadence::STEADY);
    let single = findings
        .iter()
        .find(|f| f.id == CoverageId::SingleOwner)
        .unwrap();
    assert_eq!(single.owner, "Chen");
    assert!(!ids_of(&findings).contains(&"single-threaded"));
}

#[test]
fn an_opponent_is_an_alarm_and_always_joins_the_plan_a_sceptic_is_a_safeguard() {
    let mut rows = HUAWEI_MAP.to_vec();
    rows[4].5 = A::Opponent; // the general manager openly backs B
    let findings = coverage(&map(&rows), TODAY, Cadence::STEADY);
    assert!(findings[0].opposed);
    assert!(priority(&findings[0], Level::Extended) > 5.0);
    let sceptic = coverage(&map(HUAWEI_MAP), TODAY, Cadence::STEADY);
    assert!(priority(&sceptic[0], Level::Extended) < 5.0);
    // Alarm-tier findings are outside the cap of three.
    let result = score(bank(), &answers_of(bank(), INCUMBENT_B));
    let mut b = INCUMBENT_B_MAP.to_vec();
    b.push((
        "rival-sponsor",
        F::Finance,
        None,
        S::SeniorManager,
        I::High,
        A::Opponent,
        "",
        "",
        "",
    ));
    let plan = with_coverage(
        &result.actions,
        &coverage(&map(&b), TODAY, Cadence::STEADY),
        result.target.target_level,
    );
    let added = plan
        .iter()
        .filter(|a| a.action_id.starts_with("coverage."))
        .count();
    assert_eq!(added, MAX_COVERAGE_ACTIONS + 1);
}

#[test]
fn the_map_facts_summarise_breadth_seniority_and_goodwill() {
    let facts = facts(&map(HUAWEI_MAP), TODAY).unwrap();
    assert_eq!(facts.active, 5);
    assert_eq!(
        facts.functions,
        [
            F::Purchasing,
            F::Technical,
            F::Operations,
            F::Commercial,
            F::Management
        ]
    );
    assert_eq!(facts.executives, ["zhao-gm"]);
    assert_eq!(facts.favourable, 3);
    assert!(facts.left_recently.is_empty());
}

/// Seed 004's incumbent B, as B's KAM maps the people B's staff actually deal with at the
/// account: the support from the top runs through the ministry that holds B's shares, not
/// through anyone at J-province.
const INCUMBENT_B_MAP: &[Row] = &[
    // Has operated and maintained our switches for years (「操作和維護都比較熟悉」).
    (
        "maintenance-chief",
        F::Operations,
        Some(R::User),
        S::Manager,
        I::Medium,
        A::Supporter,
        "Service team",
        "2026-11-10",
        "",
    ),
    // Places the repeat orders.
    (
        "purchasing-clerk",
        F::Purchasing,
        Some(R::Gatekeeper),
        S::Staff,
        I::Low,
        A::Neutral,
        "Sales rep",
        "2026-11-02",
        "",
    ),
];

#[test]
fn incumbent_bs_top_level_ties_are_contradicted_by_a_map_without_an_executive() {
    let answers = answers_of(bank(), INCUMBENT_B);
    let found = conflicts(bank(), &answers, &map(INCUMBENT_B_MAP), TODAY);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].id, "executive_not_mapped");
    assert_eq!(
        found[0].questions,
        ["lvl_contacts", "sw_exec_channel", "sw_personal_ties"]
    );
    // Huawei's honest answers (working level, occasional contact at the top) claim nothing the
    // map denies, even without the general manager.
    let huawei = answers_of(bank(), HUAWEI_PHASE_ONE);
    assert!(conflicts(bank(), &huawei, &map(&HUAWEI_MAP[..4]), TODAY).is_empty());
    // B's KAM names the general manager, but no meeting in the last six months: still a claim
    // the map does not bear out.
    let mut rows = INCUMBENT_B_MAP.to_vec();
    rows.push((
        "gm",
        F::Management,
        Some(R::EconomicBuyer),
        S::Executive,
        I::High,
        A::Supporter,
        "CEO",
        "2026-03-01",
        "",
    ));
    assert_eq!(conflicts(bank(), &answers, &map(&rows), TODAY).len(), 1);
    // Met in September: the answer stands.
    rows.last_mut().unwrap().7 = "2026-09-30";
    assert!(conflicts(bank(), &answers, &map(&rows), TODAY).is_empty());
}

#[test]
fn an_empty_map_says_nothing() {
    assert!(coverage(&[], TODAY, Cadence::STEADY).is_empty());
    assert!(facts(&[], TODAY).is_none());
    let answers = answers_of(bank(), INCUMBENT_B);
    assert!(conflicts(bank(), &answers, &[], TODAY).is_empty());
}

#[test]
fn at_most_three_coverage_actions_join_the_plan() {
    let result = score(bank(), &answers_of(bank(), INCUMBENT_B));
    let findings = coverage(&map(INCUMBENT_B_MAP), TODAY, Cadence::STEADY);
    assert!(findings.len() > MAX_COVERAGE_ACTIONS);
    let plan = with_coverage(&result.actions, &findings, result.target.target_level);
    let added: Vec<&str> = plan
        .iter()
        .filter_map(|a| a.action_id.strip_prefix("coverage."))
        .collect();
    assert_eq!(added.len(), MAX_COVERAGE_ACTIONS);
    // Two people, neither in the decision's centre: one thread (seed 004's action 4 for B,
    // "broaden contacts to the working level").
    assert_eq!(added[0], "single-threaded");
}

#[test]
fn dates_count_days_and_a_quarter_unseen_is_not_met() {
    assert_eq!(day_number("1970-01-01"), Some(0));
    assert_eq!(day_number("2000-03-01"), Some(11_017));
    assert_eq!(day_number("2026-02-29"), None);
    for ms in [0_u64, 951_868_800_000, 1_795_000_000_000] {
        let date = crate::engine::text::explain::date(ms);
        assert_eq!(day_number(&date), i64::try_from(ms / 86_400_000).ok());
    }
    let mut rows = HUAWEI_MAP[..1].to_vec();
    rows[0].7 = "2026-09-02"; // 90 days before TODAY
    assert!(!not_met(&map(&rows)[0], TODAY, Cadence::STEADY));
    rows[0].7 = "2026-09-01";
    assert!(not_met(&map(&rows)[0], TODAY, Cadence::STEADY));
}

#[test]
fn the_latest_results_read_against_the_map_lose_confidence_for_a_contradiction() {
    let answers = answers_of(bank(), INCUMBENT_B);
    let mut result = score(bank(), &answers);
    let before = result.confidence.score;
    let found = apply_map(bank(), &mut result, &answers, &map(INCUMBENT_B_MAP), TODAY);
    assert_eq!(found.len(), 1);
    assert_eq!(
        result.confidence.score,
        before.saturating_sub(INCONSISTENCY_PENALTY)
    );
    assert!(result
        .actions
        .iter()
        .any(|a| a.action_id == "coverage.no-economic-buyer"));
    // The answers are untouched: the level still reads what B's KAM said.
    assert_eq!(result.level.level, score(bank(), &answers).level.level);
}

#[test]
fn no_change_in_key_contacts_is_contradicted_when_the_only_advocate_just_left() {
    // Huawei's KAM answers "no changes, or the new people already support us", but the market
    // manager (our coach) left in October and the planning director is only a supporter now.
    let mut answers = answers_of(bank(), HUAWEI_PHASE_ONE);
    let q = bank().question("warn_contacts").unwrap();
    answers.set(
        "warn_contacts",
        crate::engine::model::scenarios::nearest(q, 100),
    );
    let mut rows = HUAWEI_MAP.to_vec();
    rows[0].5 = A::Supporter;
    rows[1].8 = "2026-10-15";
    let found = conflicts(bank(), &answers, &map(&rows), TODAY);
    assert_eq!(
        found.iter().map(|c| c.id).collect::<Vec<_>>(),
        ["contact_change_not_seen"]
    );
    assert_eq!(found[0].questions, ["warn_contacts"]);
    // A champion still there: "the new people already support us" may well be true.
    rows[0].5 = A::Champion;
    assert!(conflicts(bank(), &answers, &map(&rows), TODAY).is_empty());
    // The KAM's own answer, "minor changes, well handled", claims nothing the map denies.
    rows[0].5 = A::Supporter;
    let honest = answers_of(bank(), HUAWEI_PHASE_ONE);
    assert!(conflicts(bank(), &honest, &map(&rows), TODAY).is_empty());
    // A departure older than a quarter is not the "recent change" the question asks about.
    rows[1].8 = "2026-08-01";
    assert!(conflicts(bank(), &answers, &map(&rows), TODAY).is_empty());
}

#[test]
fn while_the_business_is_contested_key_people_must_be_seen_monthly() {
    // Huawei before phase two: initial cooperation, a fiercer tender ahead. The incumbent B:
    // stable cooperation, nobody competing yet.
    let huawei = score(bank(), &answers_of(bank(), HUAWEI_PHASE_ONE));
    let b = score(bank(), &answers_of(bank(), INCUMBENT_B));
    assert_eq!(Cadence::of(&huawei), Cadence::CONTESTED);
    assert_eq!(Cadence::of(&b), Cadence::STEADY);
    // The planning director, high influence, last seen 45 days ago.
    let mut rows = HUAWEI_MAP[..1].to_vec();
    rows[0].7 = "2026-10-17";
    let zhou = &map(&rows)[0];
    assert!(not_met(zhou, TODAY, Cadence::CONTESTED));
    assert!(!not_met(zhou, TODAY, Cadence::STEADY));
    // A medium-influence contact gets two months while contested.
    rows[0].4 = I::Medium;
    assert!(!not_met(&map(&rows)[0], TODAY, Cadence::CONTESTED));
    // The results read the map at the assessment's cadence.
    let mut result = huawei.clone();
    let mut full = HUAWEI_MAP.to_vec();
    full[0].7 = "2026-10-17";
    apply_map(
        bank(),
        &mut result,
        &answers_of(bank(), HUAWEI_PHASE_ONE),
        &map(&full),
        TODAY,
    );
    let not_met_action = result
        .actions
        .iter()
        .find(|a| a.action_id == "coverage.not-met")
        .unwrap();
    assert!(
        matches!(&not_met_action.finding, Finding::Coverage { who, .. } if who.contains(&"zhou-planning".to_owned()))
    );
}
