//! Merging two copies of one account: another tab's (or, later, another device's) and ours.
//!
//! The rule, for every field that can be edited: **the later edit wins, field by field.** An
//! answer and a note are fields of their own (their times are in
//! [`AssessmentRecord::answered_at`] and [`AssessmentRecord::noted_at`]); the account's name,
//! industry and tags are one field (`details_ms`). Completed assessments are kept from both
//! copies (by id); a discarded draft stays discarded unless it was edited after the discard.
//! Two edits of one field at the same millisecond are ordered by their value, so both tabs
//! pick the same one.
//!
//! [`merge`] is commutative, associative and idempotent on everything but the cursor (which
//! is where *this* tab is in the questionnaire, and stays this tab's): whichever order the
//! copies meet in, every tab ends with the same content. `engine::state::app::tabs` proves it
//! over arbitrary interleavings of two tabs' edits, saves and `storage` events.

use std::cmp::Ordering;

use crate::engine::model::answers::Choice;
use crate::engine::model::record::{AccountRecord, AssessmentRecord};
use crate::engine::storage::schema::ANSWER_ORDER;

/// The answer's stored character, to order two answers made at the same millisecond.
fn rank(choice: Option<Choice>) -> u16 {
    match choice {
        None => 0,
        Some(Choice::Option(i)) => 1 + u16::from(i),
        Some(Choice::DontKnow) => 300,
    }
}

/// Which copy's value of one field wins: `Greater` for ours.
fn later(ours_ms: u64, theirs_ms: u64, by_value: impl FnOnce() -> Ordering) -> Ordering {
    ours_ms.cmp(&theirs_ms).then_with(by_value)
}

/// One assessment from two copies of it, field by field (the later edit wins).
pub fn merge_assessment(ours: &AssessmentRecord, theirs: &AssessmentRecord) -> AssessmentRecord {
    let mut out = ours.clone();
    // Rebuilt in question order, so two tabs' merges list the notes alike.
    out.notes = Default::default();
    for (at, id) in ANSWER_ORDER.iter().copied().enumerate() {
        let (mine, other) = (ours.answers.at(at), theirs.answers.at(at));
        let (mine_ms, other_ms) = (ours.answered_at.at(at), theirs.answered_at.at(at));
        if later(mine_ms, other_ms, || rank(mine).cmp(&rank(other))) == Ordering::Less {
            out.answers.set_at(at, other);
            out.answered_at.set(at, other_ms);
        }
        let (mine, other) = (ours.notes.get(id), theirs.notes.get(id));
        let (mine_ms, other_ms) = (ours.noted_at.at(at), theirs.noted_at.at(at));
        let note = if later(mine_ms, other_ms, || mine.cmp(&other)) == Ordering::Less {
            out.noted_at.set(at, other_ms);
            other
        } else {
            mine
        };
        if let Some(text) = note {
            out.notes.insert(id.to_owned(), text.clone());
        }
    }
    out.bank_version = ours.bank_version.max(theirs.bank_version);
    if theirs.assessor > ours.assessor {
        out.assessor.clone_from(&theirs.assessor);
    }
    out.started_ms = ours.started_ms.min(theirs.started_ms);
    out.updated_ms = ours.updated_ms.max(theirs.updated_ms);
    // Completed on either side means completed; the first completion's date stands.
    out.completed_ms = match (ours.completed_ms, theirs.completed_ms) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    out
}

/// One account from two copies of it; the cursor is `ours`' and the revision is left to the
/// caller (it is set when the result is written).
pub fn merge(ours: &AccountRecord, theirs: &AccountRecord) -> AccountRecord {
    let mut out = ours.clone();
    let details = |a: &AccountRecord| (a.name.clone(), a.industry.clone(), a.tags.clone());
    let details_ms = |a: &AccountRecord| a.details_ms.max(a.created_ms);
    if later(details_ms(ours), details_ms(theirs), || {
        details(ours).cmp(&details(theirs))
    }) == Ordering::Less
    {
        out.name.clone_from(&theirs.name);
        out.industry.clone_from(&theirs.industry);
        out.tags.clone_from(&theirs.tags);
    }
    out.details_ms = ours.details_ms.max(theirs.details_ms);
    out.created_ms = ours.created_ms.min(theirs.created_ms);
    for (id, at) in &theirs.discarded {
        out.remember_discard(id, *at);
    }
    for other in &theirs.assessments {
        match out.assessments.iter_mut().find(|a| a.id == other.id) {
            Some(mine) => *mine = merge_assessment(mine, other),
            None => out.assessments.push(other.clone()),
        }
    }
    let discarded = out.discarded.clone();
    out.assessments.retain(|a| {
        !a.is_draft()
            || discarded
                .get(a.id.as_str())
                .is_none_or(|at| a.last_edit_ms() > *at)
    });
    crate::engine::model::sort::sort_by(&mut out.assessments, |a, b| {
        (a.started_ms, a.id.as_str()).cmp(&(b.started_ms, b.id.as_str()))
    });
    fold_extra_drafts(&mut out);
    merge_lists(&mut out, theirs);
    if let Some(own) = ours.draft() {
        if let Some(draft) = out.assessments.iter_mut().find(|a| a.id == own.id) {
            draft.cursor.clone_from(&own.cursor);
        }
    }
    out
}

/// Plan items, contacts, invitations and responses one by one (`model::keyed`).
fn merge_lists(out: &mut AccountRecord, theirs: &AccountRecord) {
    out.plan_list().merge(&theirs.plan, &theirs.plan_removed);
    out.contact_list()
        .merge(&theirs.contacts, &theirs.contacts_removed);
    out.invitation_list()
        .merge(&theirs.invitations, &theirs.invitations_removed);
    out.response_list()
        .merge(&theirs.responses, &theirs.responses_removed);
}

/// Two tabs that each began a re-assessment at the same time hold two drafts; an account has at
/// most one, so the later-begun one's answers and notes are merged into the earlier one.
fn fold_extra_drafts(account: &mut AccountRecord) {
    while account.assessments.iter().filter(|a| a.is_draft()).count() > 1 {
        let mut drafts = account
            .assessments
            .iter()
            .enumerate()
            .filter(|(_, a)| a.is_draft())
            .map(|(i, _)| i);
        let (Some(keep), Some(extra)) = (drafts.next(), drafts.next()) else {
            return;
        };
        let extra = account.assessments.remove(extra);
        let kept = &account.assessments[keep];
        let mut folded = merge_assessment(kept, &extra);
        folded.id.clone_from(&kept.id);
        folded.cursor.clone_from(&kept.cursor);
        account.assessments[keep] = folded;
    }
}

/// Whether two copies hold the same content (the cursor and the revision aside): when they do,
/// a tab that took the other's copy has nothing to write back.
pub fn same_content(a: &AccountRecord, b: &AccountRecord) -> bool {
    let strip = |r: &AccountRecord| {
        let mut r = r.clone();
        r.rev.clear();
        for s in &mut r.assessments {
            s.cursor = Default::default();
            let mut notes = Default::default();
            std::mem::swap(&mut notes, &mut s.notes);
            for id in ANSWER_ORDER {
                if let Some(text) = notes.get(id) {
                    s.notes.insert(id.to_owned(), text.clone());
                }
            }
        }
        r
    };
    strip(a) == strip(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::model::bank::bank;
    use crate::engine::model::record::NewAccount;

    fn account() -> AccountRecord {
        let input = NewAccount {
            name: "Acme".into(),
            ..Default::default()
        };
        AccountRecord::start(&"a".into(), &"s1".into(), &input, bank(), 1).unwrap()
    }

    fn q(i: usize) -> String {
        bank().questions[i].id.clone()
    }

    fn answer(a: &mut AccountRecord, i: usize, option: u8, at: u64) {
        a.answer(bank(), &q(i), Some(Choice::Option(option)), at)
            .unwrap();
    }

    #[test]
    fn different_answers_from_two_copies_are_both_kept_in_either_order() {
        let (mut ours, mut theirs) = (account(), account());
        answer(&mut ours, 0, 1, 10);
        answer(&mut theirs, 1, 2, 11);
        answer(&mut theirs, 0, 3, 9); // earlier than ours: ours wins
        ours.set_note(bank(), &q(2), "ours", 12).unwrap();
        let one = merge(&ours, &theirs);
        let other = merge(&theirs, &ours);
        assert!(same_content(&one, &other));
        let draft = one.draft().unwrap();
        assert_eq!(draft.answers.get(&q(0)), Some(Choice::Option(1)));
        assert_eq!(draft.answers.get(&q(1)), Some(Choice::Option(2)));
        assert_eq!(draft.notes.get(&q(2)).map(String::as_str), Some("ours"));
        assert!(same_content(&merge(&one, &one), &one), "idempotent");
    }

    #[test]
    fn a_cleared_answer_and_a_removed_note_stay_cleared_when_that_was_the_later_edit() {
        let (mut ours, mut theirs) = (account(), account());
        answer(&mut theirs, 0, 2, 10);
        theirs.set_note(bank(), &q(0), "old", 10).unwrap();
        ours = merge(&ours, &theirs);
        ours.answer(bank(), &q(0), None, 20).unwrap();
        ours.set_note(bank(), &q(0), "", 20).unwrap();
        let merged = merge(&theirs, &ours);
        let draft = merged.draft().unwrap();
        assert_eq!(draft.answers.get(&q(0)), None);
        assert!(draft.notes.is_empty());
    }

    #[test]
    fn an_answer_given_elsewhere_just_before_completion_is_in_the_completed_assessment() {
        let (mut finishing, mut other) = (account(), account());
        answer(&mut finishing, 0, 1, 10);
        answer(&mut other, 1, 2, 11); // not yet seen by the finishing tab
        finishing.finish(12).unwrap();
        for merged in [merge(&finishing, &other), merge(&other, &finishing)] {
            assert!(merged.draft().is_none());
            let done = merged.latest_completed().unwrap();
            assert_eq!(done.completed_ms, Some(12));
            assert_eq!(done.answers.get(&q(1)), Some(Choice::Option(2)));
            assert_eq!(done.answers.get(&q(0)), Some(Choice::Option(1)));
        }
    }

    #[test]
    fn a_discarded_draft_stays_discarded_unless_edited_after_the_discard() {
        let (mut ours, mut theirs) = (account(), account());
        answer(&mut ours, 0, 1, 10);
        answer(&mut theirs, 0, 1, 10);
        ours.discard_draft(20).unwrap();
        assert!(merge(&theirs, &ours).draft().is_none());
        assert!(merge(&ours, &theirs).draft().is_none());
        answer(&mut theirs, 1, 2, 30);
        let kept = merge(&ours, &theirs);
        assert_eq!(
            kept.draft().unwrap().answers.get(&q(1)),
            Some(Choice::Option(2)),
            "answered after the discard: nothing answered is thrown away"
        );
    }

    #[test]
    fn two_drafts_begun_at_once_become_one_with_both_tabs_answers() {
        let mut base = account();
        base.finish(5).unwrap();
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        ours.start_draft(&"s2".into(), "", bank(), 10).unwrap();
        theirs.start_draft(&"s3".into(), "", bank(), 10).unwrap();
        answer(&mut ours, 0, 1, 11);
        answer(&mut theirs, 1, 2, 12);
        let merged = merge(&ours, &theirs);
        assert!(same_content(&merged, &merge(&theirs, &ours)));
        assert_eq!(
            merged.assessments.iter().filter(|a| a.is_draft()).count(),
            1
        );
        let draft = merged.draft().unwrap();
        assert_eq!(draft.id, "s2");
        assert_eq!(draft.answers.len(), 2);
    }

    /// Edits as (copy, question, option or clear, note or not, ms).
    fn edited(edits: &[(u8, u8, u8, bool, u8)], copy: u8) -> AccountRecord {
        let mut a = account();
        for (c, qi, option, note, at) in edits {
            if *c != copy {
                continue;
            }
            let (i, at) = (usize::from(*qi), 10 + u64::from(*at));
            if *note {
                let text = if *option % 2 == 0 { "" } else { "follow up" };
                a.set_note(bank(), &q(i), text, at).unwrap();
            } else {
                let choice = (*option < 4).then_some(Choice::Option(*option));
                a.answer(bank(), &q(i), choice, at).unwrap();
            }
        }
        a
    }

    proptest::proptest! {
        /// Three copies edited apart meet in any order and end alike.
        #[test]
        fn merging_is_commutative_associative_and_idempotent(
            edits in proptest::collection::vec((0u8..3, 0u8..6, 0u8..5, proptest::bool::ANY, 0u8..20), 0..40)
        ) {
            let [a, b, c] = [0, 1, 2].map(|copy| edited(&edits, copy));
            proptest::prop_assert!(same_content(&merge(&a, &b), &merge(&b, &a)));
            proptest::prop_assert!(same_content(&merge(&merge(&a, &b), &c), &merge(&a, &merge(&b, &c))));
            let ab = merge(&a, &b);
            proptest::prop_assert!(same_content(&merge(&ab, &a), &ab));
            proptest::prop_assert!(same_content(&merge(&ab, &ab), &ab));
        }
    }

    #[test]
    fn renames_merge_by_time_and_the_cursor_stays_ours() {
        let (mut ours, mut theirs) = (account(), account());
        let rename = |name: &str| NewAccount {
            name: name.into(),
            ..Default::default()
        };
        theirs.edit_details(&rename("Acme Steel"), 50).unwrap();
        ours.edit_details(&rename("Acme Rail"), 40).unwrap();
        ours.assessments[0].cursor.section = 3;
        let merged = merge(&ours, &theirs);
        assert_eq!(merged.name, "Acme Steel");
        assert_eq!(merged.draft().unwrap().cursor.section, 3);
        assert_eq!(merge(&theirs, &ours).draft().unwrap().cursor.section, 0);
    }

    /// Plan edits as (copy, item, what, ms): 0 add, 1 status, 2 edit title, 3 remove.
    fn planned(edits: &[(u8, u8, u8, u8)], copy: u8) -> AccountRecord {
        use crate::engine::model::ids::PlanStatus;
        use crate::engine::model::plan::PlanInput;
        let mut a = account();
        for (c, item, what, at) in edits {
            if *c != copy {
                continue;
            }
            let (id, at) = (format!("p{item}"), 10 + u64::from(*at));
            let input = PlanInput {
                title: format!("item {item} v{at}"),
                ..Default::default()
            };
            // Refusals (an item that is not there, or is there already) are part of the test.
            let _ = match what {
                0 => a.add_plan_item(&id, &input, "", None, at),
                1 => a.set_plan_status(&id, PlanStatus::ALL[usize::try_from(at % 4).unwrap()], at),
                2 => a.edit_plan_item(&id, &input, at),
                _ => a.remove_plan_item(&id, at),
            };
        }
        a
    }

    proptest::proptest! {
        /// Plans edited apart in three copies merge alike in any order.
        #[test]
        fn plans_merge_commutatively_associatively_and_idempotently(
            edits in proptest::collection::vec((0u8..3, 0u8..4, 0u8..4, 0u8..30), 0..40)
        ) {
            let [a, b, c] = [0, 1, 2].map(|copy| planned(&edits, copy));
            proptest::prop_assert!(same_content(&merge(&a, &b), &merge(&b, &a)));
            proptest::prop_assert!(same_content(&merge(&merge(&a, &b), &c), &merge(&a, &merge(&b, &c))));
            let ab = merge(&a, &b);
            proptest::prop_assert!(same_content(&merge(&ab, &a), &ab));
        }
    }

    #[test]
    fn plan_items_merge_one_by_one_and_a_removal_stays_unless_edited_after() {
        use crate::engine::model::ids::PlanStatus;
        use crate::engine::model::plan::PlanInput;
        let input = |t: &str| PlanInput {
            title: t.into(),
            ..Default::default()
        };
        let mut base = account();
        base.add_plan_item("p1", &input("Review"), "", None, 10)
            .unwrap();
        base.add_plan_item("p2", &input("Visit"), "", None, 11)
            .unwrap();
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        ours.set_plan_status("p1", PlanStatus::Done, 20).unwrap();
        theirs
            .edit_plan_item("p2", &input("Visit the plant"), 21)
            .unwrap();
        theirs
            .add_plan_item("p3", &input("Call"), "", None, 22)
            .unwrap();
        ours.remove_plan_item("p2", 15).unwrap(); // before their edit: the edit wins
        let merged = merge(&ours, &theirs);
        assert!(same_content(&merged, &merge(&theirs, &ours)));
        let titles: Vec<_> = merged
            .plan
            .iter()
            .map(|p| (p.id.as_str(), p.title.as_str(), p.status))
            .collect();
        assert_eq!(
            titles,
            [
                ("p1", "Review", PlanStatus::Done),
                ("p2", "Visit the plant", PlanStatus::Planned),
                ("p3", "Call", PlanStatus::Planned)
            ]
        );
        // Removed after every edit the other copy holds: it stays removed.
        ours.remove_plan_item("p1", 30).unwrap();
        assert!(merge(&theirs, &ours).plan_item("p1").is_none());
    }
}
