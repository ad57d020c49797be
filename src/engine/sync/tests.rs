//! The sync protocol end to end on the host: devices with their own records and sync state,
//! one in-memory server, the cases one by one, and a property test of the merge.

use proptest::prelude::*;
use serde_json::json;

use crate::engine::model::answers::Choice;
use crate::engine::model::bank::bank;
use crate::engine::model::ids::AccountId;
use crate::engine::model::merge::{merge, same_content};
use crate::engine::model::plan::PlanInput;
use crate::engine::model::record::{AccountRecord, NewAccount};
use crate::engine::sync::doc::{account_doc_id, assessment_doc_id};
use crate::engine::sync::fake_couch::FakeCouch;
use crate::engine::sync::merge3::{resolve, Field, Resolved, Side};
use crate::engine::sync::session::{Outcome, Round, Stop};
use crate::engine::sync::state::SyncState;

/// One member's browser.
struct Device {
    member: &'static str,
    local: Vec<AccountRecord>,
    state: SyncState,
}

impl Device {
    fn new(member: &'static str) -> Device {
        Device {
            member,
            local: Vec::new(),
            state: SyncState {
                device: format!("{member}-laptop"),
                ..Default::default()
            },
        }
    }

    fn account(&mut self) -> &mut AccountRecord {
        &mut self.local[0]
    }

    fn draft_answer(&self, question: usize) -> Option<Choice> {
        self.local[0].draft()?.answers.get(&q(question))
    }

    /// One round, applied as the shell applies it: each write merged into what the device
    /// holds now, then the state remembered.
    fn sync(&mut self, server: &mut FakeCouch, now_ms: u64) -> Outcome {
        let mut round = Round::new(
            bank(),
            self.member,
            self.local.clone(),
            self.state.clone(),
            now_ms,
        );
        while let Some(request) = round.request() {
            let reply = server.handle(&request);
            round.reply(reply);
        }
        let outcome = round.outcome();
        self.apply(&outcome);
        outcome
    }

    fn apply(&mut self, outcome: &Outcome) {
        for write in &outcome.writes {
            match self.local.iter_mut().find(|r| r.id == write.id) {
                Some(mine) => *mine = merge(write, mine),
                None => self.local.push(write.clone()),
            }
        }
        self.local.retain(|r| !outcome.deletes.contains(&r.id));
        self.state = outcome.state.clone();
    }
}

fn q(i: usize) -> String {
    bank().questions[i].id.clone()
}

fn new_account(at: u64) -> AccountRecord {
    let input = NewAccount {
        name: "J-province railway telecom".into(),
        industry: "Telecom".into(),
        ..Default::default()
    };
    AccountRecord::start(&"acct1".into(), &"s1".into(), &input, bank(), at).unwrap()
}

fn answer(record: &mut AccountRecord, i: usize, option: u8, at: u64) {
    record
        .answer(bank(), &q(i), Some(Choice::Option(option)), at)
        .unwrap();
}

fn plan_input(title: &str) -> PlanInput {
    PlanInput {
        title: title.into(),
        ..Default::default()
    }
}

/// Ana shares an account with a finished assessment and a started re-assessment; Ben, on his
/// own laptop, has synced it.
fn shared() -> (FakeCouch, Device, Device) {
    let mut server = FakeCouch::new();
    let (mut ana, mut ben) = (Device::new("ana"), Device::new("ben"));
    let mut record = new_account(1_000);
    answer(&mut record, 0, 2, 1_001);
    record.finish(1_002).unwrap();
    record
        .start_draft(&"s2".into(), "Ana", bank(), 1_003)
        .unwrap();
    answer(&mut record, 0, 1, 1_004);
    ana.local.push(record);
    assert_eq!(ana.sync(&mut server, 2_000).stop, None);
    assert_eq!(ben.sync(&mut server, 2_001).stop, None);
    (server, ana, ben)
}

#[test]
fn an_account_shared_by_one_member_reaches_the_other_whole() {
    let (server, ana, ben) = shared();
    assert_eq!(ben.local.len(), 1);
    assert!(same_content(&ana.local[0], &ben.local[0]));
    assert_eq!(ben.local[0].completed().count(), 1);
    assert_eq!(ben.state.owner(&"acct1".into()), Some("ana"));
    let mut ids = server.live_ids();
    ids.sort();
    assert_eq!(ids, ["account:acct1", "assessment:acct1:s1"]);
    assert_eq!(ana.state.waiting(&ana.local), 0);
    assert_eq!(ben.state.waiting(&ben.local), 0);
}

#[test]
fn a_round_with_nothing_new_reads_the_checkpoint_and_the_changes_only() {
    let (mut server, mut ana, _) = shared();
    // The first round reads back Ana's own push (and moves her checkpoint past it).
    let echo = ana.sync(&mut server, 2_500);
    assert_eq!((echo.pulled, echo.pushed, echo.writes.len()), (0, 0, 0));
    let before = server.requests;
    let out = ana.sync(&mut server, 3_000);
    assert_eq!((out.pulled, out.pushed, out.writes.len()), (0, 0, 0));
    assert_eq!(
        server.requests - before,
        2,
        "_local checkpoint and _changes"
    );
}

#[test]
fn different_answers_edited_offline_on_two_devices_merge_without_asking() {
    let (mut server, mut ana, mut ben) = shared();
    answer(ana.account(), 1, 3, 3_000);
    answer(ben.account(), 2, 0, 3_001);
    ben.account()
        .set_note(bank(), &q(2), "their CFO says so", 3_002)
        .unwrap();
    ana.sync(&mut server, 4_000);
    let out = ben.sync(&mut server, 4_001);
    assert_eq!(out.new_conflicts, 0);
    ana.sync(&mut server, 4_002);
    for device in [&ana, &ben] {
        assert_eq!(device.draft_answer(0), Some(Choice::Option(1)));
        assert_eq!(device.draft_answer(1), Some(Choice::Option(3)));
        assert_eq!(device.draft_answer(2), Some(Choice::Option(0)));
        assert!(device.state.conflicts.is_empty());
    }
    assert!(same_content(&ana.local[0], &ben.local[0]));
}

#[test]
fn the_same_answer_changed_on_both_is_asked_and_the_choice_reaches_the_other() {
    let (mut server, mut ana, mut ben) = shared();
    answer(ana.account(), 3, 0, 3_000);
    answer(ben.account(), 3, 4, 3_010); // later: held meanwhile
    ana.sync(&mut server, 4_000);
    let out = ben.sync(&mut server, 4_001);
    assert_eq!(out.new_conflicts, 1);
    let conflict = ben.state.conflicts[0].clone();
    assert_eq!(
        conflict.field,
        Field::Answer {
            assessment: "s2".into(),
            question: q(3)
        }
    );
    assert_eq!(
        (conflict.mine.clone(), conflict.theirs.clone()),
        (json!(4), json!(0))
    );
    assert_eq!(conflict.by, "ana");
    assert_eq!(conflict.kept, Side::Mine);
    // Ben takes Ana's value: it is written again, later than both.
    assert_eq!(
        resolve(ben.account(), &conflict, Side::Theirs, 5_000),
        Ok(Resolved::Record)
    );
    ben.state.conflicts.clear();
    ben.sync(&mut server, 5_001);
    ana.sync(&mut server, 5_002);
    assert_eq!(ana.draft_answer(3), Some(Choice::Option(0)));
    assert_eq!(ben.draft_answer(3), Some(Choice::Option(0)));
    assert!(
        ana.state.conflicts.is_empty(),
        "only the side that merged asks"
    );
}

#[test]
fn a_plan_item_edited_on_one_device_and_removed_on_the_other_stays_and_is_asked_about() {
    let (mut server, mut ana, mut ben) = shared();
    ana.account()
        .add_plan_item("p1", &plan_input("Brief the CIO"), "", None, 3_000)
        .unwrap();
    ana.sync(&mut server, 3_001);
    ben.sync(&mut server, 3_002);
    ben.account().remove_plan_item("p1", 4_000).unwrap();
    ana.account()
        .edit_plan_item("p1", &plan_input("Brief the CIO on the billing fix"), 3_900)
        .unwrap();
    ben.sync(&mut server, 5_000); // the removal reaches the server first
    let out = ana.sync(&mut server, 5_001);
    assert_eq!(out.new_conflicts, 1);
    assert_eq!(ana.state.conflicts[0].kept, Side::Mine);
    assert!(ana.state.conflicts[0].theirs.is_null());
    ben.sync(&mut server, 5_002);
    for device in [&ana, &ben] {
        assert_eq!(
            device.local[0].plan_item("p1").map(|p| p.title.as_str()),
            Some("Brief the CIO on the billing fix"),
            "{}'s copy",
            device.member
        );
    }
    // Ana agrees with the removal after all; it reaches Ben.
    let conflict = ana.state.conflicts.remove(0);
    resolve(ana.account(), &conflict, Side::Theirs, 6_000).unwrap();
    ana.sync(&mut server, 6_001);
    ben.sync(&mut server, 6_002);
    assert!(ben.local[0].plan_item("p1").is_none());
}

#[test]
fn a_draft_discarded_on_one_device_and_answered_on_the_other_is_kept_and_asked_about() {
    let (mut server, mut ana, mut ben) = shared();
    ben.account().discard_draft(3_000).unwrap();
    answer(ana.account(), 5, 2, 2_900);
    ben.sync(&mut server, 4_000);
    let out = ana.sync(&mut server, 4_001);
    assert_eq!(out.new_conflicts, 1);
    assert_eq!(ana.draft_answer(5), Some(Choice::Option(2)));
    ben.sync(&mut server, 4_002);
    assert_eq!(
        ben.draft_answer(5),
        Some(Choice::Option(2)),
        "nothing answered is thrown away"
    );
}

#[test]
fn a_conflict_made_on_the_server_is_resolved_there_and_loses_nothing() {
    let (mut server, mut ana, mut ben) = shared();
    // Another replica of the team database wrote a sibling revision with Ben's answer.
    let id = account_doc_id(&"acct1".into());
    let mut doc = server.current(&id).unwrap();
    let mut record: AccountRecord = serde_json::from_value(doc["record"].clone()).unwrap();
    answer(&mut record, 7, 3, 3_000);
    doc["record"] = serde_json::to_value(&record).unwrap();
    doc["by"] = json!("ben");
    server.sibling(&id, doc);
    assert_eq!(server.leaves(&id), 2);
    ana.sync(&mut server, 4_000);
    assert_eq!(server.leaves(&id), 1, "the losing revision is deleted");
    assert_eq!(
        ana.draft_answer(7),
        Some(Choice::Option(3)),
        "its answer kept"
    );
    assert_eq!(ana.draft_answer(0), Some(Choice::Option(1)));
    ben.sync(&mut server, 4_001);
    assert_eq!(ben.draft_answer(7), Some(Choice::Option(3)));
}

#[test]
fn the_server_gone_mid_sync_keeps_the_edits_and_the_next_round_pushes_them() {
    let (mut server, mut ana, mut ben) = shared();
    answer(ana.account(), 4, 1, 3_000);
    let mut round = Round::new(bank(), "ana", ana.local.clone(), ana.state.clone(), 4_000);
    let mut n = 0;
    while let Some(request) = round.request() {
        n += 1;
        // The checkpoint and the pull go through; the push finds the server gone.
        server.down = n > 2;
        round.reply(server.handle(&request));
    }
    let out = round.outcome();
    assert_eq!(out.stop, Some(Stop::Offline));
    ana.apply(&out);
    assert_eq!(ana.draft_answer(4), Some(Choice::Option(1)));
    assert_eq!(ana.state.waiting(&ana.local), 1);
    server.down = false;
    assert_eq!(ana.sync(&mut server, 5_000).stop, None);
    assert_eq!(ana.state.waiting(&ana.local), 0);
    ben.sync(&mut server, 5_001);
    assert_eq!(ben.draft_answer(4), Some(Choice::Option(1)));
}

#[test]
fn a_server_restored_empty_receives_everything_again() {
    let (_, mut ana, _) = shared();
    let mut empty = FakeCouch::new();
    let out = ana.sync(&mut empty, 5_000);
    assert_eq!(out.stop, None);
    let mut ids = empty.live_ids();
    ids.sort();
    assert_eq!(ids, ["account:acct1", "assessment:acct1:s1"]);
    let mut carol = Device::new("carol");
    carol.sync(&mut empty, 5_001);
    assert!(same_content(&carol.local[0], &ana.local[0]));
}

#[test]
fn signed_out_or_removed_from_the_database_pauses_and_touches_nothing_here() {
    let (mut server, mut ana, _) = shared();
    answer(ana.account(), 4, 1, 3_000);
    let before = (ana.local.clone(), ana.state.clone());
    for (status, stop) in [(401, Stop::SignIn), (403, Stop::Forbidden)] {
        server.status = Some(status);
        let out = ana.sync(&mut server, 4_000);
        assert_eq!(out.stop, Some(stop));
        assert_eq!((ana.local.clone(), ana.state.clone()), before);
    }
}

#[test]
fn a_hostile_document_from_another_client_is_kept_aside_and_never_applied() {
    let (mut server, mut ana, mut ben) = shared();
    let id = account_doc_id(&"acct1".into());
    let mut doc = server.current(&id).unwrap();
    doc["record"]["name"] = json!("x".repeat(5_000));
    server.handle(&crate::engine::sync::session::HttpRequest {
        method: crate::engine::sync::session::Method::Post,
        path: "_bulk_docs".into(),
        body: Some(json!({ "docs": [doc] }).to_string()),
    });
    let out = ben.sync(&mut server, 4_000);
    assert_eq!(out.stop, None);
    assert_eq!(ben.local[0].name, "J-province railway telecom");
    assert_eq!(ben.state.kept.len(), 1);
    assert_eq!(ben.state.kept[0].id, id);
    assert!(
        ben.state.kept[0].why.contains("longer than"),
        "{}",
        ben.state.kept[0].why
    );
    // Ana's own next edit replaces the bad revision.
    answer(ana.account(), 6, 1, 5_000);
    ana.state.conflicts.clear();
    ana.sync(&mut server, 5_001);
}

#[test]
fn a_write_the_server_refuses_is_reported_and_stays_here() {
    let (mut server, mut ana, _) = shared();
    server.refuse = Some(|doc| {
        (doc["by"] == json!("ana")).then(|| "only the owner's team may write".to_owned())
    });
    answer(ana.account(), 4, 1, 3_000);
    let out = ana.sync(&mut server, 4_000);
    assert_eq!(out.stop, None);
    assert!(ana
        .state
        .kept
        .iter()
        .any(|k| k.by_server && k.why == "only the owner's team may write"));
    assert_eq!(ana.draft_answer(4), Some(Choice::Option(1)));
    assert_eq!(ana.state.waiting(&ana.local), 1);
}

#[test]
fn a_409_between_pull_and_push_is_merged_and_pushed_again() {
    let (mut server, mut ana, mut ben) = shared();
    answer(ana.account(), 1, 1, 3_000);
    answer(ben.account(), 2, 2, 3_001);
    let mut round = Round::new(bank(), "ben", ben.local.clone(), ben.state.clone(), 4_000);
    let mut ana_went = false;
    while let Some(request) = round.request() {
        if request.path == "_bulk_docs" && !ana_went {
            ana.sync(&mut server, 4_000); // Ana's push lands first: Ben's gets 409
            ana_went = true;
        }
        round.reply(server.handle(&request));
    }
    let out = round.outcome();
    assert_eq!(out.stop, None);
    ben.apply(&out);
    ana.sync(&mut server, 4_002);
    for device in [&ana, &ben] {
        assert_eq!(device.draft_answer(1), Some(Choice::Option(1)));
        assert_eq!(device.draft_answer(2), Some(Choice::Option(2)));
    }
    assert_eq!(server.leaves(&account_doc_id(&"acct1".into())), 1);
}

#[test]
fn a_completed_assessment_becomes_its_own_document_and_reaches_the_others() {
    let (mut server, mut ana, mut ben) = shared();
    ana.account().finish(3_000).unwrap();
    ana.sync(&mut server, 3_001);
    assert!(server
        .current(&assessment_doc_id(&"acct1".into(), &"s2".into()))
        .is_some());
    ben.sync(&mut server, 3_002);
    assert_eq!(ben.local[0].completed().count(), 2);
    assert!(ben.local[0].draft().is_none());
}

#[test]
fn the_team_view_names_each_accounts_owner_and_who_completed_each_assessment() {
    let (mut server, mut ana, mut ben) = shared();
    // Ben completes the re-assessment Ana started; his device sends it first.
    ben.local[0].finish(3_000).unwrap();
    ben.sync(&mut server, 3_001);
    ana.sync(&mut server, 3_002);
    for device in [&ana, &ben] {
        let team = device.state.team(device.member);
        assert_eq!(team.owner_of(&"acct1".into()), "ana");
        assert_eq!(team.assessed_by(&"s1".into()), Some("ana"));
        assert_eq!(team.assessed_by(&"s2".into()), Some("ben"));
    }
}

#[test]
fn signing_out_removes_only_what_the_team_has_and_names_what_is_unsent() {
    let (mut server, mut ana, _) = shared();
    let mut own = new_account(4_000);
    own.id = "acct2".into();
    ana.sync(&mut server, 4_001);
    // acct2 is made after the last round: the server has never seen it.
    ana.local.push(own);
    assert_eq!(ana.state.sign_out_plan(&ana.local).stays, 1);
    answer(ana.account(), 1, 3, 4_002);
    let plan = ana.state.sign_out_plan(&ana.local);
    assert_eq!(plan.remove, vec![AccountId::from("acct1")]);
    assert_eq!(plan.unsent, vec![AccountId::from("acct1")]);
    ana.sync(&mut server, 4_003);
    let plan = ana.state.sign_out_plan(&ana.local);
    assert_eq!(plan.remove.len(), 2, "both are on the server now");
    assert!(plan.unsent.is_empty());
    assert_eq!(plan.stays, 0);
}

#[test]
fn an_account_deleted_elsewhere_goes_here_unless_it_was_edited_here() {
    let (mut server, mut ana, mut ben) = shared();
    ana.local.clear();
    ana.state.mark_deleted(&"acct1".into());
    ana.sync(&mut server, 3_000);
    assert!(server.live_ids().is_empty());
    let out = ben.sync(&mut server, 3_001);
    assert_eq!(out.deletes.len(), 1);
    assert!(ben.local.is_empty());

    let (mut server, mut ana, mut ben) = shared();
    ana.local.clear();
    ana.state.mark_deleted(&"acct1".into());
    ana.sync(&mut server, 3_000);
    answer(ben.account(), 9, 1, 2_500); // edited offline before the deletion reached him
    let out = ben.sync(&mut server, 3_001);
    assert_eq!(out.new_conflicts, 1);
    assert_eq!(ben.state.conflicts[0].field, Field::Account);
    assert_eq!(ben.draft_answer(9), Some(Choice::Option(1)));
    ana.sync(&mut server, 3_002);
    assert_eq!(ana.local.len(), 1, "the edit brought the account back");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever two devices answer offline and whichever syncs first, both end with the same
    /// answers; every question either side answered holds one of their answers; a question
    /// both answered differently is asked about on the device that merged it.
    #[test]
    fn two_devices_always_converge_and_never_lose_an_answer(
        a in proptest::collection::vec((0usize..12, 0u8..4), 0..10),
        b in proptest::collection::vec((0usize..12, 0u8..4), 0..10),
        ben_first in any::<bool>(),
    ) {
        let (mut server, mut ana, mut ben) = shared();
        for (n, (i, o)) in a.iter().enumerate() {
            answer(ana.account(), *i, *o, 3_000 + n as u64 * 2);
        }
        for (n, (i, o)) in b.iter().enumerate() {
            answer(ben.account(), *i, *o, 3_001 + n as u64 * 2);
        }
        let (first, second) = if ben_first { (&mut ben, &mut ana) } else { (&mut ana, &mut ben) };
        first.sync(&mut server, 10_000);
        let merged = second.sync(&mut server, 10_001);
        first.sync(&mut server, 10_002);
        prop_assert!(same_content(&ana.local[0], &ben.local[0]));
        let last = |edits: &[(usize, u8)], i: usize| edits.iter().rev().find(|e| e.0 == i).map(|e| e.1);
        for i in 0..12 {
            let got = ana.draft_answer(i);
            match (last(&a, i), last(&b, i)) {
                (None, None) => prop_assert_eq!(got, if i == 0 { Some(Choice::Option(1)) } else { None }),
                (Some(x), None) | (None, Some(x)) => prop_assert_eq!(got, Some(Choice::Option(x))),
                (Some(x), Some(y)) => {
                    prop_assert!(got == Some(Choice::Option(x)) || got == Some(Choice::Option(y)));
                }
            }
        }
        let mut asked: Vec<String> = merged
            .state
            .conflicts
            .iter()
            .filter_map(|c| match &c.field {
                Field::Answer { question, .. } => Some(question.clone()),
                _ => None,
            })
            .collect();
        asked.sort();
        let mut expected: Vec<String> = (0..12)
            .filter(|i| matches!((last(&a, *i), last(&b, *i)), (Some(x), Some(y)) if x != y))
            .map(q)
            .collect();
        expected.sort();
        prop_assert_eq!(asked, expected);
    }
}

/// The documents Rapport writes, as `tests/sync/validate.test.mjs` hands them to the design
/// document's `validate_doc_update`: what the server checks is what the app writes.
#[test]
fn the_documents_written_match_the_fixtures_the_server_check_is_tested_on() {
    let (server, _, _) = shared();
    for (id, file) in [
        ("account:acct1", "account-doc.json"),
        ("assessment:acct1:s1", "assessment-doc.json"),
    ] {
        let mut doc = server.current(id).unwrap();
        doc.as_object_mut().unwrap().remove("_rev");
        let path = format!("{}/tests/fixtures/sync/{file}", env!("CARGO_MANIFEST_DIR"));
        let written = serde_json::to_string_pretty(&doc).unwrap() + "\n";
        if std::env::var_os("RAPPORT_WRITE_FIXTURES").is_some() {
            std::fs::write(&path, &written).unwrap();
        }
        let stored = std::fs::read_to_string(&path).unwrap_or_default();
        assert_eq!(
            stored, written,
            "{path} (RAPPORT_WRITE_FIXTURES=1 rewrites it)"
        );
    }
}

#[test]
fn a_part_goes_to_json_and_back_through_an_empty_record() {
    use crate::engine::sync::doc::{part_from_tree, part_tree};
    let mut a = new_account(1);
    a.add_plan_item("p1", &plan_input("Brief the CIO"), "", None, 5)
        .unwrap();
    let item = a.plan[0].clone();
    let value = part_tree("plan", |h| h.plan.push(item.clone()));
    assert_eq!(value["title"], json!("Brief the CIO"));
    assert_eq!(part_from_tree("plan", &value).unwrap().plan, vec![item]);
    assert!(
        part_from_tree("plan", &json!({"title": 5})).is_none(),
        "a damaged value is refused"
    );
}
