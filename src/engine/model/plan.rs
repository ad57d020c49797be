//! The account plan: what the key-account manager decided to do about an account, item by item,
//! tracked from one assessment to the next (issue 15).
//!
//! The plan belongs to the account, not to an assessment: it lives in the account's record
//! ([`AccountRecord::plan`]) and survives re-assessment. Each item remembers the assessment it
//! was planned from (`from`) and the figure it is meant to move (`lever`), so a later
//! assessment can show "you did this; did it work?" (`scoring::progress`).
//!
//! Items are keyed by id and carry their own edit time, so two tabs (and later a server) merge
//! them one by one (`model::merge`); a removed item leaves a dated tombstone
//! ([`AccountRecord::plan_removed`]) so a copy that still holds it does not bring it back.

use serde::{Deserialize, Serialize};

use crate::engine::model::ids::{
    AssessmentId, Capability, PlanStatus, Safeguard, SatisfactionLever, SwitchingLever,
    SymbiosisFacet, Warning,
};
use crate::engine::model::keyed::{next_edit_time, Keyed, KeyedList};
use crate::engine::model::record::{clean_text, is_valid_id, AccountRecord, EditError};

/// Most items in one account's plan.
pub const MAX_PLAN_ITEMS: usize = 100;
/// Most remembered removals (see [`AccountRecord::plan_removed`]).
pub const MAX_PLAN_REMOVED: usize = 100;
/// Longest title, in characters.
pub const MAX_TITLE_CHARS: usize = 160;
/// Longest owner text.
pub const MAX_OWNER_CHARS: usize = 80;
/// Longest success measure.
pub const MAX_MEASURE_CHARS: usize = 300;
/// Longest notes.
pub const MAX_PLAN_NOTES_CHARS: usize = 2000;
/// Longest action id an item may name.
const MAX_ACTION_CHARS: usize = 60;

/// One item of an account plan.
///
/// Unknown fields are refused, as in the rest of the record (see
/// [`crate::engine::model::record::AssessmentRecord`]).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanItem {
    /// Unique within the account; the same character rules as record ids.
    pub id: String,
    pub title: String,
    /// The action-plan action it was adopted from (`actions.json` id), or empty for an item the
    /// user wrote.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub action: String,
    /// The figure it is meant to move, a label key from [`lever_keys`], or empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub lever: String,
    /// Who on the user's side owns it (free text).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// Due date, `YYYY-MM-DD`, or empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub due: String,
    pub status: PlanStatus,
    /// How the user will know it worked.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub measure: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// The completed assessment it was planned from (the "before" of its progress), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<AssessmentId>,
    pub created_ms: u64,
    /// When any field was last edited: the later edit of an item wins when copies merge.
    pub updated_ms: u64,
}

/// What the user typed or picked for a plan item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanInput {
    pub title: String,
    pub lever: String,
    pub owner: String,
    pub due: String,
    pub status: PlanStatus,
    pub measure: String,
    pub notes: String,
}

impl Default for PlanInput {
    fn default() -> Self {
        PlanInput {
            title: String::new(),
            lever: String::new(),
            owner: String::new(),
            due: String::new(),
            status: PlanStatus::Planned,
            measure: String::new(),
            notes: String::new(),
        }
    }
}

/// The input with its texts cleaned, or why it was refused.
struct Checked {
    title: String,
    owner: String,
    measure: String,
    notes: String,
}

impl PlanInput {
    fn check(&self) -> Result<Checked, EditError> {
        let title = clean_text(&self.title, MAX_TITLE_CHARS)?;
        if title.is_empty() {
            return Err(EditError::TitleMissing);
        }
        if !self.due.is_empty() && !is_date(&self.due) {
            return Err(EditError::BadDate);
        }
        if !self.lever.is_empty() && !lever_keys().any(|k| k == self.lever) {
            return Err(EditError::UnknownAnswer);
        }
        if self.notes.chars().count() > MAX_PLAN_NOTES_CHARS {
            return Err(EditError::TooLong);
        }
        Ok(Checked {
            title,
            owner: clean_text(&self.owner, MAX_OWNER_CHARS)?,
            measure: clean_text(&self.measure, MAX_MEASURE_CHARS)?,
            // Notes keep their line breaks, like assessment notes.
            notes: if self.notes.trim().is_empty() {
                String::new()
            } else {
                self.notes.clone()
            },
        })
    }

    /// Whether [`AccountRecord::add_plan_item`] would accept it (the screen shows a refusal next
    /// to what was typed).
    pub fn validate(&self) -> Result<(), EditError> {
        self.check().map(drop)
    }

    /// The input that edits `item` as it stands.
    pub fn of(item: &PlanItem) -> PlanInput {
        PlanInput {
            title: item.title.clone(),
            lever: item.lever.clone(),
            owner: item.owner.clone(),
            due: item.due.clone(),
            status: item.status,
            measure: item.measure.clone(),
            notes: item.notes.clone(),
        }
    }
}

/// Whether `text` is a real calendar date written `YYYY-MM-DD` (what `<input type="date">` gives).
pub fn is_date(text: &str) -> bool {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = text.get(r)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let (Some(year), Some(month), Some(day)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    year >= 1970 && (1..=days).contains(&day)
}

/// Every figure a plan item can be meant to move, as label keys: both axes, the defection risk,
/// the capabilities and every lever, guarantee, warning sign and symbiosis facet. These are the
/// figures `scoring::progress` can read from any assessment.
pub fn lever_keys() -> impl Iterator<Item = String> {
    let fixed = [
        "axis.satisfaction",
        "axis.switching_cost",
        "index.defection_risk",
    ]
    .into_iter()
    .map(str::to_owned);
    fixed
        .chain(Capability::ALL.iter().map(|c| format!("capability.{c}")))
        .chain(
            SatisfactionLever::ALL
                .iter()
                .map(|l| format!("satisfaction.{l}")),
        )
        .chain(
            SwitchingLever::ALL
                .iter()
                .map(|l| format!("switching_cost.{l}")),
        )
        .chain(Safeguard::ALL.iter().map(|s| format!("safeguard.{s}")))
        .chain(Warning::ALL.iter().map(|w| format!("warning.{w}")))
        .chain(SymbiosisFacet::ALL.iter().map(|f| format!("symbiosis.{f}")))
}

/// The figure an action is meant to move, when one measures it: a lever's, guarantee's, warning
/// sign's or capability's action moves that figure; a rescue, a control phase or an open tender
/// moves the defection risk; a captive customer or a defector needs satisfaction, a mercenary
/// one switching cost. Other actions (the level's facts, the stance, the stage) have no single
/// figure: their progress is whether the finding behind them is still raised.
pub fn lever_for_action(action_id: &str) -> Option<String> {
    let (kind, _) = action_id.split_once('.')?;
    match kind {
        "satisfaction" | "switching_cost" | "safeguard" | "warning" | "capability"
        | "symbiosis" => Some(action_id.to_owned()).filter(|k| lever_keys().any(|l| l == *k)),
        "phase" | "regression" => Some("index.defection_risk".to_owned()),
        // What the stakeholder map's findings move, where one figure shows it: a new tie with
        // the successor, a channel at the top, the key people seen again.
        "coverage" => match action_id {
            "coverage.champion-left" => Some("warning.contact_change".to_owned()),
            "coverage.no-executive" => Some("switching_cost.executive_ties".to_owned()),
            "coverage.not-met" => Some("safeguard.communication".to_owned()),
            _ => None,
        },
        "quadrant" => match action_id {
            "quadrant.mercenary" => Some("axis.switching_cost".to_owned()),
            _ => Some("axis.satisfaction".to_owned()),
        },
        _ => None,
    }
}

impl PlanItem {
    /// Whether it is still open and its due date is before `today` (`YYYY-MM-DD`, the user's
    /// local date).
    pub fn is_overdue(&self, today: &str) -> bool {
        self.status.is_open() && !self.due.is_empty() && self.due.as_str() < today
    }

    /// The checks an imported or synced item must pass: the same bounds as an edit, a valid id
    /// and times in order.
    pub fn check_stored(&self) -> Result<(), String> {
        if !is_valid_id(&self.id) {
            return Err(format!("plan item id {:?} is invalid", self.id));
        }
        PlanInput::of(self)
            .check()
            .map_err(|e| format!("plan item {:?}: {}", self.id, e.describe()))?;
        if self.title != clean_text(&self.title, MAX_TITLE_CHARS).unwrap_or_default()
            || self.action.len() > MAX_ACTION_CHARS
            || !self
                .action
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'.' || b == b'_')
        {
            return Err(format!("plan item {:?} has a malformed field", self.id));
        }
        if self.from.as_ref().is_some_and(|f| !is_valid_id(f.as_str()))
            || self.updated_ms < self.created_ms
        {
            return Err(format!("plan item {:?} has a malformed field", self.id));
        }
        Ok(())
    }
}

/// One change to an account's plan, as the reducer receives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanEdit {
    /// A new item; `action` is the adopted action's id, or empty for the user's own item.
    Add {
        item_id: String,
        input: PlanInput,
        action: String,
        from: Option<AssessmentId>,
    },
    Edit {
        item_id: String,
        input: PlanInput,
    },
    Status {
        item_id: String,
        status: PlanStatus,
    },
    /// After the user confirmed.
    Remove {
        item_id: String,
    },
}

impl PlanEdit {
    /// Applies it to `account`; a refused edit changes nothing.
    pub fn apply(&self, account: &mut AccountRecord, now_ms: u64) -> Result<(), EditError> {
        match self {
            PlanEdit::Add {
                item_id,
                input,
                action,
                from,
            } => account.add_plan_item(item_id, input, action, from.clone(), now_ms),
            PlanEdit::Edit { item_id, input } => account.edit_plan_item(item_id, input, now_ms),
            PlanEdit::Status { item_id, status } => {
                account.set_plan_status(item_id, *status, now_ms)
            }
            PlanEdit::Remove { item_id } => account.remove_plan_item(item_id, now_ms),
        }
    }
}

impl AccountRecord {
    /// The plan item with this id.
    pub fn plan_item(&self, id: &str) -> Option<&PlanItem> {
        self.plan.iter().find(|p| p.id == id)
    }

    /// How many open items are past their due date (`today`: `YYYY-MM-DD`).
    pub fn overdue_count(&self, today: &str) -> usize {
        self.plan.iter().filter(|p| p.is_overdue(today)).count()
    }

    /// The open item adopted from `action_id`, if any (an action is adopted once while open).
    pub fn open_item_for_action(&self, action_id: &str) -> Option<&PlanItem> {
        self.plan
            .iter()
            .find(|p| p.action == action_id && p.status.is_open())
    }

    /// Adds an item to the plan. `action` is the adopted action's id (empty for the user's own
    /// item); `from` the assessment it is planned from (by default the latest completed one).
    pub fn add_plan_item(
        &mut self,
        id: &str,
        input: &PlanInput,
        action: &str,
        from: Option<AssessmentId>,
        now_ms: u64,
    ) -> Result<(), EditError> {
        let checked = input.check()?;
        if !is_valid_id(id) || self.plan_item(id).is_some() || action.len() > MAX_ACTION_CHARS {
            return Err(EditError::UnknownAnswer);
        }
        if self.plan.len() >= MAX_PLAN_ITEMS {
            return Err(EditError::TooMany);
        }
        let from = from
            .filter(|f| self.assessment(f).is_some_and(|a| !a.is_draft()))
            .or_else(|| self.latest_completed().map(|a| a.id.clone()));
        let at = self.plan_list().add_time(id, now_ms);
        self.plan.push(PlanItem {
            id: id.to_owned(),
            title: checked.title,
            action: action.to_owned(),
            lever: input.lever.clone(),
            owner: checked.owner,
            due: input.due.clone(),
            status: input.status,
            measure: checked.measure,
            notes: checked.notes,
            from,
            created_ms: at,
            updated_ms: at,
        });
        Ok(())
    }

    /// Replaces an item's fields with `input`. Nothing changes if any field is refused.
    pub fn edit_plan_item(
        &mut self,
        id: &str,
        input: &PlanInput,
        now_ms: u64,
    ) -> Result<(), EditError> {
        let checked = input.check()?;
        let item = self
            .plan
            .iter_mut()
            .find(|p| p.id == id)
            .ok_or(EditError::NoItem)?;
        item.title = checked.title;
        item.lever.clone_from(&input.lever);
        item.owner = checked.owner;
        item.due.clone_from(&input.due);
        item.status = input.status;
        item.measure = checked.measure;
        item.notes = checked.notes;
        item.updated_ms = next_edit_time(item.updated_ms, now_ms);
        Ok(())
    }

    /// Moves an item to another status.
    pub fn set_plan_status(
        &mut self,
        id: &str,
        status: PlanStatus,
        now_ms: u64,
    ) -> Result<(), EditError> {
        let item = self
            .plan
            .iter_mut()
            .find(|p| p.id == id)
            .ok_or(EditError::NoItem)?;
        item.status = status;
        item.updated_ms = next_edit_time(item.updated_ms, now_ms);
        Ok(())
    }

    /// Removes an item (after the user confirmed), remembering when.
    pub fn remove_plan_item(&mut self, id: &str, now_ms: u64) -> Result<(), EditError> {
        self.plan_list()
            .remove(id, now_ms)
            .map(drop)
            .ok_or(EditError::NoItem)
    }

    /// The plan and its removals, for a change that keeps both in step.
    pub fn plan_list(&mut self) -> KeyedList<'_, PlanItem> {
        KeyedList {
            items: &mut self.plan,
            removed: &mut self.plan_removed,
            max_removed: MAX_PLAN_REMOVED,
        }
    }
}

impl Keyed for PlanItem {
    fn key(&self) -> &str {
        &self.id
    }
    fn created_ms(&self) -> u64 {
        self.created_ms
    }
    fn updated_ms(&self) -> u64 {
        self.updated_ms
    }
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
        let mut a = AccountRecord::start(&"a".into(), &"s1".into(), &input, bank(), 1).unwrap();
        a.finish(10).unwrap();
        a
    }

    fn input(title: &str) -> PlanInput {
        PlanInput {
            title: title.into(),
            lever: "safeguard.communication".into(),
            owner: " Li  Wei ".into(),
            due: "2027-02-28".into(),
            measure: "Quarterly review held".into(),
            ..Default::default()
        }
    }

    #[test]
    fn an_item_is_added_cleaned_and_planned_from_the_latest_assessment() {
        let mut a = account();
        a.add_plan_item("p1", &input("  Set up a   quarterly review "), "", None, 20)
            .unwrap();
        let item = a.plan_item("p1").unwrap();
        assert_eq!(item.title, "Set up a quarterly review");
        assert_eq!(item.owner, "Li Wei");
        assert_eq!(item.from.as_ref().map(|f| f.as_str()), Some("s1"));
        assert_eq!(item.status, PlanStatus::Planned);
        assert_eq!((item.created_ms, item.updated_ms), (20, 20));
    }

    #[test]
    fn refused_input_changes_nothing_and_says_why() {
        let mut a = account();
        let before = a.clone();
        let mut bad = input(" ");
        assert_eq!(
            a.add_plan_item("p1", &bad, "", None, 1),
            Err(EditError::TitleMissing)
        );
        bad.title = "ok".into();
        for due in ["2027-02-30", "27-02-01", "2027-13-01", "２０２７-01-01"] {
            bad.due = due.into();
            assert_eq!(
                a.add_plan_item("p1", &bad, "", None, 1),
                Err(EditError::BadDate),
                "{due}"
            );
        }
        bad.due = "2028-02-29".into();
        bad.lever = "satisfaction.nope".into();
        assert_eq!(
            a.add_plan_item("p1", &bad, "", None, 1),
            Err(EditError::UnknownAnswer)
        );
        bad.lever.clear();
        bad.title = "x".repeat(MAX_TITLE_CHARS + 1);
        assert_eq!(
            a.add_plan_item("p1", &bad, "", None, 1),
            Err(EditError::TooLong)
        );
        assert_eq!(a, before);
        assert_eq!(
            a.add_plan_item("bad/id", &input("t"), "", None, 1),
            Err(EditError::UnknownAnswer)
        );
    }

    #[test]
    fn a_plan_is_bounded() {
        let mut a = account();
        for i in 0..MAX_PLAN_ITEMS {
            a.add_plan_item(&format!("p{i}"), &input("t"), "", None, 1)
                .unwrap();
        }
        assert_eq!(
            a.add_plan_item("one-more", &input("t"), "", None, 1),
            Err(EditError::TooMany)
        );
    }

    #[test]
    fn edits_and_status_changes_move_the_edit_time_forward_even_with_a_clock_behind() {
        let mut a = account();
        a.add_plan_item("p1", &input("t"), "", None, 100).unwrap();
        a.set_plan_status("p1", PlanStatus::InProgress, 50).unwrap();
        assert_eq!(a.plan_item("p1").unwrap().updated_ms, 101);
        let mut edit = input("New title");
        edit.status = PlanStatus::Done;
        a.edit_plan_item("p1", &edit, 200).unwrap();
        let item = a.plan_item("p1").unwrap();
        assert_eq!(
            (item.title.as_str(), item.status),
            ("New title", PlanStatus::Done)
        );
        assert_eq!(
            a.set_plan_status("nope", PlanStatus::Done, 1),
            Err(EditError::NoItem)
        );
    }

    #[test]
    fn overdue_means_open_and_due_before_today() {
        let mut a = account();
        a.add_plan_item("late", &input("t"), "", None, 1).unwrap();
        let mut undated = input("t");
        undated.due.clear();
        a.add_plan_item("undated", &undated, "", None, 1).unwrap();
        a.add_plan_item("done", &input("t"), "", None, 1).unwrap();
        a.set_plan_status("done", PlanStatus::Done, 2).unwrap();
        assert_eq!(a.overdue_count("2027-02-28"), 0, "due today is not late");
        assert_eq!(a.overdue_count("2027-03-01"), 1);
        a.set_plan_status("late", PlanStatus::Dropped, 3).unwrap();
        assert_eq!(a.overdue_count("2027-03-01"), 0);
    }

    #[test]
    fn removal_is_remembered_and_bounded() {
        let mut a = account();
        a.add_plan_item("p1", &input("t"), "", None, 5).unwrap();
        a.remove_plan_item("p1", 3).unwrap();
        assert!(a.plan.is_empty());
        assert_eq!(a.plan_removed.get("p1"), Some(&6));
        for i in 0..MAX_PLAN_REMOVED + 5 {
            a.plan_list()
                .remember_removal(&format!("r{i}"), 100 + i as u64);
        }
        assert_eq!(a.plan_removed.len(), MAX_PLAN_REMOVED);
        assert!(a.plan_removed.get("p1").is_none(), "the oldest goes first");
    }

    #[test]
    fn every_action_lever_is_a_figure_items_can_name() {
        for action in crate::engine::scoring::action_catalogue() {
            if let Some(lever) = lever_for_action(&action.id) {
                assert!(lever_keys().any(|k| k == lever), "{} → {lever}", action.id);
            }
        }
        assert_eq!(
            lever_for_action("safeguard.communication").as_deref(),
            Some("safeguard.communication")
        );
        assert_eq!(
            lever_for_action("phase.rescue").as_deref(),
            Some("index.defection_risk")
        );
        assert_eq!(lever_for_action("level.contacts"), None);
    }

    #[test]
    fn stored_items_are_checked_like_edits() {
        let mut a = account();
        a.add_plan_item("p1", &input("t"), "safeguard.communication", None, 5)
            .unwrap();
        let good = a.plan[0].clone();
        assert_eq!(good.check_stored(), Ok(()));
        let broken = [
            PlanItem {
                id: "<x>".into(),
                ..good.clone()
            },
            PlanItem {
                title: "  padded".into(),
                ..good.clone()
            },
            PlanItem {
                due: "tomorrow".into(),
                ..good.clone()
            },
            PlanItem {
                action: "<script>".into(),
                ..good.clone()
            },
            PlanItem {
                updated_ms: 1,
                ..good.clone()
            },
        ];
        for item in broken {
            assert!(item.check_stored().is_err(), "{item:?}");
        }
    }
}
