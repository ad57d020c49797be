//! "You did this; did it work?": for each account-plan item, the figure it was meant to move in
//! the assessment it was planned from and in a later one, and whether the finding behind an
//! adopted action is still raised.

use crate::engine::model::bank::Bank;
use crate::engine::model::ids::AssessmentId;
use crate::engine::model::plan::PlanItem;
use crate::engine::model::record::AccountRecord;
use crate::engine::scoring::{compare, round, score, AssessmentResult};

/// The rounded value of the figure under label key `key` (see
/// [`crate::engine::model::plan::lever_keys`]) in `r`.
pub fn figure(r: &AssessmentResult, key: &str) -> Option<u8> {
    let (kind, id) = key.split_once('.')?;
    let found = match kind {
        "safeguard" => r
            .safeguards
            .iter()
            .find(|c| c.safeguard.id() == id)
            .and_then(|c| c.score),
        "warning" => r
            .warnings
            .iter()
            .find(|(w, _)| w.id() == id)
            .and_then(|(_, s)| *s),
        "symbiosis" => r
            .symbiosis_facets
            .iter()
            .find(|(f, _)| f.id() == id)
            .and_then(|(_, s)| *s),
        _ => {
            return compare::figures(r)
                .into_iter()
                .find(|(k, _)| k == key)
                .and_then(|(_, v)| v)
        }
    };
    found.map(round)
}

/// Which way the figure moved, read the right way up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moved {
    Better,
    Worse,
    Same,
    /// The figure is not known in one of the two assessments, or the item names none.
    Unknown,
}

impl Moved {
    /// The stable id (`data-moved`).
    pub fn id(self) -> &'static str {
        match self {
            Moved::Better => "better",
            Moved::Worse => "worse",
            Moved::Same => "same",
            Moved::Unknown => "unknown",
        }
    }
}

/// One plan item measured between the assessment it was planned from and a later one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemProgress {
    pub item_id: String,
    /// The assessment it was planned from, and when that was completed.
    pub from: AssessmentId,
    pub from_ms: u64,
    /// The item's figure then and now (`None` when unknown or when it names none).
    pub before: Option<u8>,
    pub after: Option<u8>,
    pub moved: Moved,
    /// For an adopted action: whether the later assessment still raises its finding.
    pub still_raised: Option<bool>,
}

/// The progress of every plan item planned from an assessment completed before `after_id`.
/// Items planned from `after_id` itself, or later, or from nothing, are not measured.
pub fn progress(
    bank: &Bank,
    account: &AccountRecord,
    after_id: &AssessmentId,
) -> Vec<ItemProgress> {
    let Some(after) = account.assessment(after_id) else {
        return Vec::new();
    };
    let Some(after_ms) = after.completed_ms else {
        return Vec::new();
    };
    let later = score(bank, &after.answers);
    // A handful of distinct "before" assessments at most: each is scored once.
    let mut earlier: Vec<(AssessmentId, u64, AssessmentResult)> = Vec::new();
    let mut out = Vec::new();
    for item in &account.plan {
        let Some(from) = item.from.as_ref() else {
            continue;
        };
        let Some(base) = account.assessment(from) else {
            continue;
        };
        let Some(from_ms) = base.completed_ms.filter(|ms| *ms < after_ms) else {
            continue;
        };
        if !earlier.iter().any(|(id, _, _)| id == from) {
            earlier.push((from.clone(), from_ms, score(bank, &base.answers)));
        }
        let Some((_, _, before_result)) = earlier.iter().find(|(id, _, _)| id == from) else {
            continue;
        };
        out.push(measure(item, from.clone(), from_ms, before_result, &later));
    }
    out
}

fn measure(
    item: &PlanItem,
    from: AssessmentId,
    from_ms: u64,
    before_result: &AssessmentResult,
    later: &AssessmentResult,
) -> ItemProgress {
    let (before, after) = if item.lever.is_empty() {
        (None, None)
    } else {
        (
            figure(before_result, &item.lever),
            figure(later, &item.lever),
        )
    };
    let lower_is_better = item.lever == "index.defection_risk";
    let moved = match (before, after) {
        (Some(b), Some(a)) if a == b => Moved::Same,
        (Some(b), Some(a)) if (a > b) != lower_is_better => Moved::Better,
        (Some(_), Some(_)) => Moved::Worse,
        _ => Moved::Unknown,
    };
    let still_raised =
        (!item.action.is_empty()).then(|| later.actions.iter().any(|a| a.action_id == item.action));
    ItemProgress {
        item_id: item.id.clone(),
        from,
        from_ms,
        before,
        after,
        moved,
        still_raised,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::model::answers::Choice;
    use crate::engine::model::bank::bank;
    use crate::engine::model::ids::Safeguard;
    use crate::engine::model::plan::{lever_for_action, lever_keys, PlanInput};
    use crate::engine::model::record::NewAccount;
    use crate::engine::model::scenarios;

    #[test]
    fn every_lever_key_reads_a_figure_from_a_full_assessment() {
        let r = score(bank(), &scenarios::answers_named(bank(), "all-best"));
        for key in lever_keys() {
            assert!(figure(&r, &key).is_some(), "{key}");
        }
        assert_eq!(figure(&r, "nope.x"), None);
    }

    /// The seeds' incumbent (seed 000's "hostage" account) is assessed; the KAM adopts the
    /// communication guarantee's action; months later, with a quarterly business review now
    /// held, the re-assessment answers the communication questions at their top option.
    #[test]
    fn an_adopted_action_shows_its_figure_before_and_after_and_whether_it_is_still_raised() {
        let b = bank();
        let answers = scenarios::answers_named(b, "incumbent-b");
        let first = score(b, &answers);
        let action = first
            .actions
            .iter()
            .find(|a| a.action_id.starts_with("safeguard."))
            .expect("the incumbent has a weak guarantee")
            .action_id
            .clone();
        let lever = lever_for_action(&action).unwrap();
        let safeguard = Safeguard::parse(lever.split_once('.').unwrap().1).unwrap();

        let mut account = AccountRecord::start(
            &"acc".into(),
            &"s1".into(),
            &NewAccount {
                name: "Incumbent".into(),
                ..Default::default()
            },
            b,
            1,
        )
        .unwrap();
        for q in &b.questions {
            account.answer(b, &q.id, answers.get(&q.id), 2).unwrap();
        }
        account.finish(100).unwrap();
        let input = PlanInput {
            title: "Fix the guarantee".into(),
            lever: lever.clone(),
            ..Default::default()
        };
        account
            .add_plan_item("p1", &input, &action, Some("s1".into()), 110)
            .unwrap();
        account
            .add_plan_item(
                "p2",
                &PlanInput {
                    title: "Own".into(),
                    ..Default::default()
                },
                "",
                None,
                111,
            )
            .unwrap();
        assert!(
            progress(b, &account, &"s1".into()).is_empty(),
            "nothing to compare yet"
        );

        account.start_draft(&"s2".into(), "", b, 200).unwrap();
        for q in &b.questions {
            let improved =
                q.dimension == crate::engine::model::ids::Dimension::Safeguard(safeguard);
            let choice = if improved {
                Some(Choice::Option(u8::try_from(q.options.len() - 1).unwrap()))
            } else {
                answers.get(&q.id)
            };
            account.answer(b, &q.id, choice, 201).unwrap();
        }
        account.finish(300).unwrap();
        let measured = progress(b, &account, &"s2".into());
        assert_eq!(measured.len(), 2);
        let p1 = &measured[0];
        assert_eq!(p1.item_id, "p1");
        assert!(p1.before.unwrap() < p1.after.unwrap(), "{p1:?}");
        assert_eq!(p1.moved, Moved::Better);
        assert_eq!(p1.still_raised, Some(false));
        assert_eq!(measured[1].moved, Moved::Unknown);
        assert_eq!(measured[1].still_raised, None);
    }
}
