//! The reducer's rules: every user and system action, on the host.

use super::*;
use crate::engine::model::bank::bank;
use crate::engine::storage::store::StoreError;

fn clean_boot() -> SettingsBoot {
    SettingsBoot {
        settings: Settings::default(),
        persist: true,
        problem: None,
    }
}

/// A first start, before the question bank has arrived (the browser's case).
fn unloaded() -> AppState {
    AppState::boot(
        clean_boot(),
        LoadedAccounts::default(),
        &["en"],
        Route::Home,
    )
}

fn ready_data() -> DataStatus {
    DataStatus::Ready(Loaded::embedded())
}

/// A first start with the question bank loaded.
fn empty() -> AppState {
    reduce(unloaded(), Action::Data(ready_data()))
}

fn started() -> AppState {
    let input = NewAccount {
        name: "Acme".into(),
        ..Default::default()
    };
    reduce(
        empty(),
        Action::Open(OpenDraft::Start {
            account_id: "a1".into(),
            assessment_id: "s1".into(),
            input,
            now_ms: 1,
        }),
    )
}

/// An answer (or with `None` a cleared one) to a question of account a1's draft.
fn answer_a1(question_id: &str, choice: Option<Choice>, now_ms: u64) -> Action {
    Action::Answer {
        account_id: "a1".into(),
        question_id: question_id.to_owned(),
        choice,
        now_ms,
    }
}

fn start_action(name: &str) -> Action {
    Action::Open(OpenDraft::Start {
        account_id: "a1".into(),
        assessment_id: "s1".into(),
        input: NewAccount {
            name: name.into(),
            ..Default::default()
        },
        now_ms: 1,
    })
}

#[test]
fn a_start_submitted_before_the_bank_arrives_runs_when_it_does() {
    let waiting = reduce(unloaded(), start_action("Acme"));
    assert!(waiting.accounts.is_empty());
    assert_eq!(
        waiting.route,
        Route::Home,
        "nothing opens without the questions"
    );
    assert!(waiting.deferred.is_some());
    assert!(waiting.data_requested, "the wait asks for the bank");

    let failed = reduce(waiting, Action::Data(DataStatus::Failed("offline".into())));
    assert!(failed.deferred.is_some(), "kept for the retry");

    let ready = reduce(failed, Action::Data(ready_data()));
    assert!(ready.deferred.is_none());
    assert_eq!(ready.accounts.len(), 1);
    assert_eq!(ready.accounts[0].name, "Acme");
    assert_eq!(
        ready.route,
        Route::Assess {
            account: "a1".into()
        }
    );
}

#[test]
fn a_start_refused_for_its_details_is_refused_at_once_even_while_loading() {
    let refused = reduce(unloaded(), start_action("   "));
    assert_eq!(refused.start_error, Some(EditError::NameMissing));
    assert!(refused.deferred.is_none());
    let ready = reduce(refused, Action::Data(ready_data()));
    assert!(ready.accounts.is_empty());
}

#[test]
fn submitting_twice_while_loading_creates_one_account() {
    let once = reduce(unloaded(), start_action("Acme"));
    let twice = reduce(
        once,
        Action::Open(OpenDraft::Start {
            account_id: "a2".into(),
            assessment_id: "s2".into(),
            input: NewAccount {
                name: "Acme".into(),
                ..Default::default()
            },
            now_ms: 2,
        }),
    );
    let ready = reduce(twice, Action::Data(ready_data()));
    assert_eq!(ready.accounts.len(), 1);
    assert_eq!(ready.accounts[0].id, "a2", "the latest submission wins");
}

#[test]
fn the_address_bar_echoing_the_screen_keeps_a_waiting_start() {
    let on_start = reduce(unloaded(), Action::Navigate(Route::New));
    let waiting = reduce(on_start, start_action("Acme"));
    let echoed = reduce(waiting, Action::Navigate(Route::New));
    assert!(echoed.deferred.is_some());
    let ready = reduce(echoed, Action::Data(ready_data()));
    assert_eq!(ready.accounts.len(), 1);
}

#[test]
fn leaving_the_screen_cancels_a_waiting_start() {
    let waiting = reduce(unloaded(), start_action("Acme"));
    let left = reduce(waiting, Action::Navigate(Route::Rules));
    assert!(left.deferred.is_none());
    let ready = reduce(left, Action::Data(ready_data()));
    assert!(ready.accounts.is_empty());
    assert_eq!(ready.route, Route::Rules);
}

#[test]
fn a_reassessment_waits_for_the_bank_too() {
    let state = reduce(
        started(),
        Action::Finish {
            account_id: "a1".into(),
            now_ms: 2,
        },
    );
    let before = state.account(&"a1".into()).unwrap().assessments.len();
    // A later visit: the account is stored, the questions not yet here.
    let mut state = state;
    state.data = DataStatus::NotLoaded;
    let waiting = reduce(
        state,
        Action::Open(OpenDraft::Reassess {
            account_id: "a1".into(),
            assessment_id: "s2".into(),
            now_ms: 3,
        }),
    );
    assert_eq!(
        waiting.account(&"a1".into()).unwrap().assessments.len(),
        before
    );
    let ready = reduce(waiting, Action::Data(ready_data()));
    assert_eq!(
        ready.account(&"a1".into()).unwrap().assessments.len(),
        before + 1
    );
    assert_eq!(
        ready.route,
        Route::Assess {
            account: "a1".into()
        }
    );
}

#[test]
fn language_follows_browser_until_chosen() {
    let state = AppState::boot(
        clean_boot(),
        LoadedAccounts::default(),
        &["zh-CN"],
        Route::Home,
    );
    assert_eq!(state.lang, Lang::Zh);
    assert_eq!(state.settings.lang, None);
    let state = reduce(state, Action::SetLang(Lang::En));
    assert_eq!(state.lang, Lang::En);
    assert_eq!(state.settings.lang, Some(Lang::En));
}

#[test]
fn host_language_applies_without_overwriting_the_users_choice() {
    let state = reduce(empty(), Action::SetLang(Lang::En));
    let state = reduce(state, Action::ShowLang(Lang::Zh));
    assert_eq!(state.lang, Lang::Zh);
    assert_eq!(state.settings.lang, Some(Lang::En));
}

#[test]
fn boot_problems_become_dismissable_notices() {
    let problem = LoadProblem::Unreadable {
        key: "k".into(),
        error: "bad".into(),
        kept_as: Ok("q".into()),
    };
    let boot = SettingsBoot {
        settings: Settings::default(),
        persist: true,
        problem: Some(problem.clone()),
    };
    let accounts = LoadedAccounts {
        problems: vec![LoadProblem::StoreFailed(StoreError::QuotaExceeded)],
        ..Default::default()
    };
    let state = AppState::boot(boot, accounts, &["en"], Route::Home);
    assert_eq!(state.notices.len(), 2);
    assert_eq!(state.notices[0].kind, NoticeKind::Load(problem));
    let id = state.notices[0].id;
    let state = reduce(state, Action::Dismiss(id));
    assert_eq!(state.notices.len(), 1);
}

#[test]
fn starting_opens_the_draft_and_marks_it_unsaved() {
    let state = started();
    assert_eq!(
        state.route,
        Route::Assess {
            account: "a1".into()
        }
    );
    assert!(state.unsaved.contains(&"a1".into()));
    assert_eq!(state.save_tick, 1);
    let blank = reduce(
        empty(),
        Action::Open(OpenDraft::Start {
            account_id: "b".into(),
            assessment_id: "s".into(),
            input: NewAccount::default(),
            now_ms: 1,
        }),
    );
    assert_eq!(blank.start_error, Some(EditError::NameMissing));
    assert_eq!(blank.route, Route::Home);
}

#[test]
fn answering_saving_and_finishing() {
    let q = bank().questions[0].id.clone();
    let state = started();
    let state = reduce(
        state,
        Action::Saved {
            written: vec!["a1".into()],
            records: vec![],
            failed: None,
            ops: Some(RecordOps::FULL),
        },
    );
    assert!(state.unsaved.is_empty());
    let state = reduce(state, answer_a1(&q, Some(Choice::Option(1)), 2));
    assert!(state.unsaved.contains(&"a1".into()));
    let state = reduce(
        state,
        Action::Finish {
            account_id: "a1".into(),
            now_ms: 3,
        },
    );
    assert_eq!(
        state.route,
        Route::Results {
            account: "a1".into(),
            assessment: "s1".into()
        }
    );
    assert_eq!(state.last_completed, Some(("a1".into(), "s1".into())));
    // A completed assessment is immutable: further answers are ignored.
    let tick = state.save_tick;
    let state = reduce(state, answer_a1(&q, None, 4));
    assert_eq!(state.save_tick, tick);
}

#[test]
fn failed_save_keeps_the_change_pending_and_tells_the_user() {
    let state = reduce(
        started(),
        Action::Saved {
            written: vec![],
            records: vec![],
            failed: Some(StoreError::QuotaExceeded),
            ops: Some(RecordOps::FULL),
        },
    );
    assert!(state.unsaved.contains(&"a1".into()));
    assert!(matches!(
        state.notices[0].kind,
        NoticeKind::NotSaved {
            target: SaveTarget::Account,
            ..
        }
    ));
}

#[test]
fn discarding_a_first_draft_removes_the_account() {
    let state = reduce(
        started(),
        Action::Discard {
            account_id: "a1".into(),
            now_ms: 9_000,
        },
    );
    assert!(state.accounts.is_empty());
    assert!(
        state.unsaved.contains(&"a1".into()),
        "the shell must delete the stored key"
    );
    assert_eq!(state.route, Route::Home);
}

#[test]
fn data_is_asked_for_only_where_a_screen_needs_it() {
    let home = unloaded();
    assert!(!home.should_load_data(), "a first visit loads only the app");
    let start = reduce(home, Action::Navigate(Route::New));
    assert!(start.should_load_data());
    let loading = reduce(start, Action::Data(DataStatus::Loading));
    assert!(!loading.should_load_data());
    let failed = reduce(loading, Action::Data(DataStatus::Failed("offline".into())));
    assert!(
        !failed.should_load_data(),
        "no retry loop without the user asking"
    );
    let retry = reduce(failed, Action::Data(DataStatus::NotLoaded));
    assert!(retry.should_load_data());
    let mut with_account = started();
    with_account.data = DataStatus::NotLoaded; // the next visit
    let home_again = reduce(with_account, Action::Navigate(Route::Home));
    assert!(home_again.should_load_data(), "listed accounts are scored");
}

#[test]
fn import_adds_accounts_and_marks_them_for_saving() {
    use crate::engine::storage::exchange::{preview, Resolution};
    let state = started();
    let mut incoming = state.accounts.clone();
    incoming[0].name = "Acme (other laptop)".into();
    let p = preview(&state.accounts, incoming);
    let mut state = reduce(
        state,
        Action::Saved {
            written: vec!["a1".into()],
            records: vec![],
            failed: None,
            ops: Some(RecordOps::FULL),
        },
    );
    state = reduce(
        state,
        Action::Import {
            preview: p,
            resolution: Resolution::KeepBoth,
            new_ids: vec!["n1".into()],
        },
    );
    assert_eq!(state.accounts.len(), 2);
    assert!(state.unsaved.contains(&"n1".into()));
    assert!(
        !state.unsaved.contains(&"a1".into()),
        "the existing account was not touched"
    );
}

#[test]
fn delete_can_be_undone_and_both_are_saved() {
    let state = reduce(
        started(),
        Action::Saved {
            written: vec!["a1".into()],
            records: vec![],
            failed: None,
            ops: Some(RecordOps::FULL),
        },
    );
    let state = reduce(
        state,
        Action::Delete {
            account_id: "a1".into(),
        },
    );
    assert!(state.accounts.is_empty());
    assert!(
        state.unsaved.contains(&"a1".into()),
        "the key is removed by the next save"
    );
    assert_eq!(state.route, Route::Home, "its screen is gone");
    let state = reduce(state, Action::UndoDelete);
    assert_eq!(state.accounts.len(), 1);
    assert!(state.recently_deleted.is_none());
    let state = reduce(
        state,
        Action::Delete {
            account_id: "a1".into(),
        },
    );
    let state = reduce(state, Action::ForgetDeleted);
    assert_eq!(reduce(state, Action::UndoDelete).accounts.len(), 0);
}

#[test]
fn another_tabs_changes_merge_into_ours_and_only_ours_are_written_back() {
    use crate::engine::storage::persist::ExternalChange;
    let state = reduce(
        started(),
        Action::Saved {
            written: vec!["a1".into()],
            records: vec![],
            failed: None,
            ops: Some(RecordOps::FULL),
        },
    );
    let mut theirs = state.accounts[0].clone();
    theirs
        .edit_details(
            &NewAccount {
                name: "Renamed elsewhere".into(),
                ..Default::default()
            },
            4_000,
        )
        .unwrap();
    let state = reduce(
        state,
        Action::External {
            change: ExternalChange::Written(Box::new(theirs.clone())),
            ops: RecordOps::FULL,
        },
    );
    assert_eq!(state.accounts[0].name, "Renamed elsewhere");
    assert!(state.unsaved.is_empty(), "nothing of ours is missing there");
    // An answer given here that their copy lacks survives their next write and is written back.
    let q = bank().questions[0].id.clone();
    let state = reduce(state, answer_a1(&q, Some(Choice::Option(1)), 4_500));
    let state = reduce(
        state,
        Action::Saved {
            written: vec![],
            records: vec![],
            failed: None,
            ops: Some(RecordOps::FULL),
        },
    );
    theirs.rev = "2-0".into();
    let state = reduce(
        state,
        Action::External {
            change: ExternalChange::Written(Box::new(theirs)),
            ops: RecordOps::FULL,
        },
    );
    let draft = state.accounts[0].draft().unwrap();
    assert_eq!(draft.answers.get(&q), Some(Choice::Option(1)));
    assert_eq!(state.accounts[0].rev, "2-0");
    assert!(state.unsaved.contains(&"a1".into()), "ours goes back");
    let state = reduce(
        state,
        Action::External {
            change: ExternalChange::Removed("a1".into()),
            ops: RecordOps::FULL,
        },
    );
    assert!(state.accounts.is_empty());
    assert_eq!(state.route, Route::Home);
}

#[test]
fn stale_routes_fall_back_home() {
    let state = reduce(
        empty(),
        Action::Navigate(Route::Assess {
            account: "ghost".into(),
        }),
    );
    assert_eq!(state.route, Route::Home);
    let state = reduce(
        started(),
        Action::Navigate(Route::Results {
            account: "a1".into(),
            assessment: "s1".into(),
        }),
    );
    assert_eq!(state.route, Route::Home, "a draft has no results yet");
}

#[test]
fn sections_move_the_cursor_to_their_first_question() {
    let state = reduce(
        started(),
        Action::ShowSection {
            account_id: "a1".into(),
            section: 2,
        },
    );
    let cursor = &state.account(&"a1".into()).unwrap().draft().unwrap().cursor;
    assert_eq!(cursor.section, 2);
    let first = bank()
        .section_questions(&bank().sections[2].id)
        .next()
        .unwrap();
    assert_eq!(cursor.question.as_deref(), Some(first.id.as_str()));
}

#[test]
fn editing_details_marks_the_account_and_a_refusal_changes_nothing() {
    let mut state = started();
    state.unsaved.clear();
    let edit = |name: &str| Action::EditDetails {
        account_id: "a1".into(),
        input: NewAccount {
            name: name.into(),
            tags: "x, y".into(),
            ..Default::default()
        },
        now_ms: 5_000,
    };
    let refused = reduce(state.clone(), edit(""));
    assert_eq!(refused.accounts, state.accounts);
    assert!(refused.unsaved.is_empty());
    let state = reduce(state, edit("Acme Group"));
    assert_eq!(state.accounts[0].name, "Acme Group");
    assert_eq!(state.accounts[0].tags, ["x", "y"]);
    assert!(state.unsaved.contains(&"a1".into()));
}

#[test]
fn a_saved_share_becomes_a_new_account_showing_its_results() {
    let bank = crate::engine::model::bank::bank();
    let mut account = started().accounts[0].clone();
    account.finish(86_400_000 * 3).unwrap();
    let payload = crate::engine::state::share::encode(&account, &account.assessments[0]);
    let shared = crate::engine::state::share::decode(&payload, bank).unwrap();
    let state = reduce(
        empty(),
        Action::Navigate(Route::Shared {
            payload: payload.clone(),
        }),
    );
    assert_eq!(state.route, Route::Shared { payload });
    assert!(state.accounts.is_empty(), "opening a link stores nothing");
    let state = reduce(
        state,
        Action::SaveShared {
            shared,
            account_id: "n1".into(),
            assessment_id: "t1".into(),
            now_ms: 9,
        },
    );
    assert_eq!(state.accounts.len(), 1);
    assert!(state.unsaved.contains(&"n1".into()));
    assert_eq!(
        state.route,
        Route::Results {
            account: "n1".into(),
            assessment: "t1".into()
        }
    );
}

#[test]
fn compare_and_account_routes_need_what_they_show() {
    let mut state = started();
    state.accounts[0].finish(5).unwrap();
    let done = AssessmentRef {
        account: "a1".into(),
        assessment: "s1".into(),
    };
    let missing = AssessmentRef {
        account: "a1".into(),
        assessment: "zz".into(),
    };
    let go = |s: &AppState, r: Route| reduce(s.clone(), Action::Navigate(r)).route;
    let ok = Route::Compare {
        a: done.clone(),
        b: done.clone(),
    };
    assert_eq!(go(&state, ok.clone()), ok);
    assert_eq!(
        go(
            &state,
            Route::Compare {
                a: done,
                b: missing
            }
        ),
        Route::Home
    );
    assert_eq!(
        go(
            &state,
            Route::Account {
                account: "nope".into()
            }
        ),
        Route::Home
    );
    assert_eq!(go(&state, Route::Portfolio), Route::Portfolio);
}

#[test]
fn protected_accounts_are_never_marked_for_writing() {
    let mut state = started();
    state.protected.insert("a1".into());
    state.unsaved.clear();
    let q = bank().questions[0].id.clone();
    let state = reduce(state, answer_a1(&q, Some(Choice::DontKnow), 2));
    assert!(state.unsaved.is_empty());
}

mod tabs;

#[test]
fn only_a_new_visitors_home_screen_matches_the_build_time_render() {
    assert!(unloaded().matches_first_visit(), "what the build renders");
    assert!(
        !started().matches_first_visit(),
        "an account and the questionnaire"
    );
    let elsewhere = reduce(unloaded(), Action::Navigate(Route::Rules));
    assert!(!elsewhere.matches_first_visit());
    let noticed = reduce(
        unloaded(),
        Action::Notify(NoticeKind::NotSaved {
            target: SaveTarget::Settings,
            error: StoreError::QuotaExceeded,
        }),
    );
    assert!(!noticed.matches_first_visit());
}

#[test]
fn a_language_switch_fetches_the_texts_in_both_and_shows_none_in_the_wrong_one() {
    let start = reduce(unloaded(), Action::Navigate(Route::New));
    assert_eq!(
        start.data_langs_to_fetch(),
        Langs::only(Lang::En),
        "the visitor's language first"
    );
    let english = Loaded {
        langs: Langs::only(Lang::En),
        ..Loaded::embedded()
    };
    let ready = reduce(start, Action::Data(DataStatus::Ready(english)));
    assert_eq!(ready.loaded(), Some(english));
    assert!(!ready.should_load_data());

    let switched = reduce(ready, Action::SetLang(Lang::Zh));
    assert_eq!(
        switched.loaded(),
        None,
        "no screen renders English data as Chinese"
    );
    assert!(switched.should_load_data());
    assert_eq!(switched.data_langs_to_fetch(), Langs::ALL);
    let loading = reduce(switched, Action::Data(DataStatus::Loading));
    assert!(!loading.should_load_data());
    let both = reduce(loading, Action::Data(ready_data()));
    assert!(both.loaded().is_some());
    let back = reduce(both, Action::SetLang(Lang::En));
    assert!(
        back.loaded().is_some() && !back.should_load_data(),
        "both are in now"
    );
}

#[test]
fn a_start_waiting_for_the_texts_opens_only_once_they_are_in_its_language() {
    let mut waiting = reduce(unloaded(), Action::Navigate(Route::New));
    waiting.lang = Lang::Zh;
    let english = Loaded {
        langs: Langs::only(Lang::En),
        ..Loaded::embedded()
    };
    let state = reduce(waiting, Action::Data(DataStatus::Ready(english)));
    assert_eq!(state.loaded(), None);
    assert!(
        state.should_load_data(),
        "the Chinese texts are fetched next"
    );
}

#[test]
fn plan_edits_go_through_the_reducer_and_a_refusal_changes_nothing() {
    use crate::engine::model::ids::PlanStatus;
    use crate::engine::model::plan::{PlanEdit, PlanInput};
    let mut state = started();
    state.unsaved.clear();
    let plan = |state: &AppState, edit: PlanEdit| {
        super::edited(&state.accounts[0], |a| edit.apply(a, 7_000))
    };
    let add = |title: &str| PlanEdit::Add {
        item_id: "p1".into(),
        input: PlanInput {
            title: title.into(),
            ..Default::default()
        },
        action: String::new(),
        from: None,
    };
    assert_eq!(
        plan(&state, add("  ")).err(),
        Some(crate::engine::model::record::EditError::TitleMissing),
        "a refusal has nothing to dispatch"
    );
    let action = plan(&state, add("Meet the new purchasing director")).unwrap();
    let state = reduce(state, action);
    assert_eq!(state.accounts[0].plan.len(), 1);
    assert!(state.unsaved.contains(&"a1".into()));
    let status = PlanEdit::Status {
        item_id: "p1".into(),
        status: PlanStatus::Done,
    };
    let action = plan(&state, status).unwrap();
    let state = reduce(state, action);
    assert_eq!(state.accounts[0].plan[0].status, PlanStatus::Done);
    let remove = PlanEdit::Remove {
        item_id: "p1".into(),
    };
    let action = plan(&state, remove).unwrap();
    let state = reduce(state, action);
    assert!(state.accounts[0].plan.is_empty());
    assert!(state.accounts[0].plan_removed.contains_key("p1"));
}

#[test]
fn contact_edits_go_through_the_reducer_and_a_deletion_can_be_undone() {
    use crate::engine::model::contacts::{ContactEdit, ContactInput};
    let mut state = started();
    state.unsaved.clear();
    let contacts = |state: &AppState, edit: ContactEdit| {
        super::edited(&state.accounts[0], |a| edit.apply(a, 8_000)).unwrap()
    };
    let add = ContactEdit::Add {
        contact_id: "c1".into(),
        input: ContactInput {
            name: "Wang Fang".into(),
            ..Default::default()
        },
    };
    let action = contacts(&state, add);
    let state = reduce(state, action);
    assert!(state.unsaved.contains(&"a1".into()));
    let gone = state.accounts[0].contacts[0].clone();
    let remove = ContactEdit::Remove {
        contact_id: "c1".into(),
    };
    let action = contacts(&state, remove);
    let state = reduce(state, action);
    assert!(state.accounts[0].contacts.is_empty());
    let action = contacts(&state, ContactEdit::Restore { contact: gone });
    let state = reduce(state, action);
    assert_eq!(state.accounts[0].contacts[0].name, "Wang Fang");
}

#[test]
fn an_edited_copy_from_a_stale_screen_loses_nothing_the_state_gained_meanwhile() {
    use crate::engine::model::contacts::{ContactEdit, ContactInput};
    let state = started();
    let input = |name: &str| ContactInput {
        name: name.into(),
        ..Default::default()
    };
    // The screen rendered before either edit; both are applied to that same stale copy.
    let stale = state.accounts[0].clone();
    let first = super::edited(&stale, |a| {
        ContactEdit::Add {
            contact_id: "c1".into(),
            input: input("Wang"),
        }
        .apply(a, 9_000)
    })
    .unwrap();
    let second = super::edited(&stale, |a| {
        ContactEdit::Add {
            contact_id: "c2".into(),
            input: input("Zhao"),
        }
        .apply(a, 9_001)
    })
    .unwrap();
    let state = reduce(reduce(state, first), second);
    let names: Vec<&str> = state.accounts[0]
        .contacts
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, ["Wang", "Zhao"]);
    // An unchanged copy changes nothing and is not saved again.
    let mut state = state;
    state.unsaved.clear();
    let same = Action::Edited {
        record: Box::new(state.accounts[0].clone()),
        ops: RecordOps::FULL,
    };
    let state = reduce(state, same);
    assert!(state.unsaved.is_empty());
}

/// A save by a shell without the record code merged nothing in, so the state takes the
/// revision written and keeps what it holds, an answer given since the save included; a save
/// it held back is tried again when the code arrives.
#[test]
fn a_save_without_the_record_code_takes_the_revision_and_keeps_later_edits() {
    let q = bank().questions[0].id.clone();
    let state = started();
    let mut written = state.accounts[0].clone();
    written.rev = "1-0badc0de".into();
    let state = reduce(state, answer_a1(&q, Some(Choice::Option(2)), 2));
    let ours = state.accounts[0].clone();
    let state = reduce(
        state,
        Action::Saved {
            written: vec!["a1".into()],
            records: vec![written],
            failed: None,
            ops: None,
        },
    );
    assert_eq!(state.accounts[0].rev, "1-0badc0de");
    let mut expected = ours;
    expected.rev = "1-0badc0de".into();
    assert_eq!(state.accounts[0], expected, "the later answer is kept");

    let held_back = reduce(state.clone(), answer_a1(&q, Some(Choice::Option(3)), 3));
    let tick = held_back.save_tick;
    assert_eq!(reduce(held_back, Action::CodeArrived).save_tick, tick + 1);
    let nothing_pending = reduce(
        state,
        Action::Saved {
            written: vec!["a1".into()],
            records: vec![],
            failed: None,
            ops: None,
        },
    );
    let tick = nothing_pending.save_tick;
    let arrived = reduce(nothing_pending.clone(), Action::CodeArrived);
    assert_eq!(arrived.save_tick, tick);
    // Still a different state: the screens under the context render again and read what came
    // (a home card waiting for the labels stayed without its figures when it compared equal).
    assert_ne!(arrived, nothing_pending);
}
