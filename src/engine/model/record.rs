//! Accounts and their assessments as stored: one record per account, holding its timeline of
//! assessments (completed ones dated and never edited; at most one draft).

use serde::{Deserialize, Serialize};

use crate::engine::model::answers::{Answers, Choice};
use crate::engine::model::bank::Bank;
use crate::engine::model::contacts::Contact;
use crate::engine::model::edit_times::EditTimes;
use crate::engine::model::eyes::{Invitation, Response};
use crate::engine::model::ids::{AccountId, AssessmentId};
use crate::engine::model::pairs::Pairs;
use crate::engine::model::plan::PlanItem;

pub use crate::engine::storage::schema::RECORD_VERSION;
/// Longest account name, in characters.
pub const MAX_NAME_CHARS: usize = 120;
/// Longest note, in characters.
pub const MAX_NOTE_CHARS: usize = 2000;
/// Most tags per account, and longest tag.
pub const MAX_TAGS: usize = 12;
pub const MAX_TAG_CHARS: usize = 40;
/// Longest industry or assessor text.
pub const MAX_SHORT_TEXT_CHARS: usize = 80;

/// Where the user was in a draft, so a reload resumes at the same question.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cursor {
    /// Index of the section on screen.
    pub section: usize,
    /// The question last answered or focused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
}

/// One assessment of an account.
///
/// Unknown fields are refused: within record format 3 a later build may add optional fields,
/// and a build that does not know one must protect the record rather than drop the field
/// ([`crate::engine::storage::schema::decode_account`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssessmentRecord {
    pub id: AssessmentId,
    /// The bank version its answers refer to.
    pub bank_version: u32,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub assessor: String,
    pub started_ms: u64,
    pub updated_ms: u64,
    /// `None` while it is a draft.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_ms: Option<u64>,
    pub answers: Answers,
    #[serde(default, skip_serializing_if = "Pairs::is_empty")]
    pub notes: Pairs<String>,
    #[serde(default)]
    pub cursor: Cursor,
    /// When each answer was last set or cleared (format 3; empty in upgraded records).
    #[serde(default, skip_serializing_if = "EditTimes::is_empty")]
    pub answered_at: EditTimes,
    /// When each note was last written or removed.
    #[serde(default, skip_serializing_if = "EditTimes::is_empty")]
    pub noted_at: EditTimes,
}

impl AssessmentRecord {
    /// Whether it is still being answered.
    pub fn is_draft(&self) -> bool {
        self.completed_ms.is_none()
    }

    /// When it was last edited (an answer, a note, its completion).
    pub fn last_edit_ms(&self) -> u64 {
        self.updated_ms
            .max(self.answered_at.latest())
            .max(self.noted_at.latest())
    }
}

/// Most remembered draft discards (see [`AccountRecord::discarded`]).
pub const MAX_DISCARDED: usize = 20;
/// Longest revision text.
pub const MAX_REV_CHARS: usize = 24;

/// A customer account and its assessments, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccountRecord {
    /// [`RECORD_VERSION`].
    pub v: u32,
    pub id: AccountId,
    /// The document's revision, `<count>-<checksum>`, set on every write
    /// ([`crate::engine::storage::persist::save_account`]): a tab that finds another revision
    /// stored than the one it last read or wrote merges before it writes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rev: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub industry: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    pub created_ms: u64,
    /// When the name, industry or tags were last edited (0: at creation).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub details_ms: u64,
    pub assessments: Vec<AssessmentRecord>,
    /// Drafts discarded lately (assessment id → when), so a copy in another tab that still holds
    /// the draft does not bring it back; at most [`MAX_DISCARDED`], the latest kept.
    #[serde(default, skip_serializing_if = "Pairs::is_empty")]
    pub discarded: Pairs<u64>,
    /// The account plan (issue 15): items kept across assessments, in the order they were added.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plan: Vec<PlanItem>,
    /// Plan items removed lately (item id → when), so another copy does not bring them back; at
    /// most [`crate::engine::model::plan::MAX_PLAN_REMOVED`], the latest kept.
    #[serde(default, skip_serializing_if = "Pairs::is_empty")]
    pub plan_removed: Pairs<u64>,
    /// The stakeholder map (issue 16): the people at the customer, in the order they were added.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<Contact>,
    /// Contacts deleted lately (id → when); at most
    /// [`crate::engine::model::contacts::MAX_CONTACTS_REMOVED`], the latest kept.
    #[serde(default, skip_serializing_if = "Pairs::is_empty")]
    pub contacts_removed: Pairs<u64>,
    /// Invitations sent for other eyes on the account (issue 17), in the order they were made.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub invitations: Vec<Invitation>,
    /// Invitations withdrawn lately (id → when).
    #[serde(default, skip_serializing_if = "Pairs::is_empty")]
    pub invitations_removed: Pairs<u64>,
    /// Responses attached (issue 17): the customer's view and colleagues' ratings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responses: Vec<Response>,
    /// Responses removed lately (id → when).
    #[serde(default, skip_serializing_if = "Pairs::is_empty")]
    pub responses_removed: Pairs<u64>,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// Why an edit was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditError {
    /// The account name is empty after trimming.
    NameMissing,
    /// A text is longer than its limit.
    TooLong,
    /// The account already has a draft (only one at a time).
    DraftExists,
    /// There is no draft to change.
    NoDraft,
    /// The answer names a question or option the bank does not have (or an edit names an id,
    /// lever or action that does not exist).
    UnknownAnswer,
    /// A plan item needs a title.
    TitleMissing,
    /// A date is not a real `YYYY-MM-DD` date.
    BadDate,
    /// A list is full (the plan's items).
    TooMany,
    /// There is no plan item with that id.
    NoItem,
}

impl EditError {
    /// What was wrong, in English (for import and sync messages, which quote the field).
    pub fn describe(self) -> &'static str {
        match self {
            EditError::NameMissing => "the name is missing",
            EditError::TooLong => "a text is too long",
            EditError::DraftExists => "there is a draft already",
            EditError::NoDraft => "there is no draft",
            EditError::UnknownAnswer => "it names something unknown",
            EditError::TitleMissing => "the title is missing",
            EditError::BadDate => "a date is not a real date",
            EditError::TooMany => "there are too many items",
            EditError::NoItem => "there is no such item",
        }
    }
}

/// Trims, collapses inner whitespace runs and checks a user text against `max` characters.
pub fn clean_text(text: &str, max: usize) -> Result<String, EditError> {
    let cleaned = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if cleaned.chars().count() > max {
        Err(EditError::TooLong)
    } else {
        Ok(cleaned)
    }
}

/// Splits a comma-separated tag list (ASCII or Chinese commas), dropping blanks and duplicates.
pub fn parse_tags(text: &str) -> Result<Vec<String>, EditError> {
    let mut tags: Vec<String> = Vec::new();
    for raw in text.split([',', ',', '、', ';', ';']) {
        let tag = clean_text(raw, MAX_TAG_CHARS)?;
        if !tag.is_empty() && !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    if tags.len() > MAX_TAGS {
        return Err(EditError::TooLong);
    }
    Ok(tags)
}

/// Whether `id` is safe to use in a storage key and a URL fragment.
pub fn is_valid_id(id: &str) -> bool {
    (1..=40).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// What the user typed on the start screen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewAccount {
    pub name: String,
    pub industry: String,
    pub tags: String,
    pub assessor: String,
}

impl AccountRecord {
    /// A new account with a fresh draft assessment.
    pub fn start(
        account_id: &AccountId,
        assessment_id: &AssessmentId,
        input: &NewAccount,
        bank: &Bank,
        now_ms: u64,
    ) -> Result<AccountRecord, EditError> {
        let mut account = Self::without_assessments(account_id, input, now_ms)?;
        account.start_draft(assessment_id, &input.assessor, bank, now_ms)?;
        Ok(account)
    }

    /// Whether [`AccountRecord::start`] would accept the account details (the bank aside).
    pub fn check_new(input: &NewAccount) -> Result<(), EditError> {
        Self::without_assessments(&AccountId::default(), input, 0)?;
        clean_text(&input.assessor, MAX_SHORT_TEXT_CHARS).map(drop)
    }

    fn without_assessments(
        account_id: &AccountId,
        input: &NewAccount,
        now_ms: u64,
    ) -> Result<AccountRecord, EditError> {
        let name = clean_text(&input.name, MAX_NAME_CHARS)?;
        if name.is_empty() {
            return Err(EditError::NameMissing);
        }
        Ok(AccountRecord {
            v: RECORD_VERSION,
            id: account_id.clone(),
            name,
            industry: clean_text(&input.industry, MAX_SHORT_TEXT_CHARS)?,
            tags: parse_tags(&input.tags)?,
            created_ms: now_ms,
            details_ms: 0,
            assessments: Vec::new(),
            rev: String::new(),
            discarded: Pairs::new(),
            plan: Vec::new(),
            plan_removed: Pairs::new(),
            contacts: Vec::new(),
            contacts_removed: Pairs::new(),
            invitations: Vec::new(),
            invitations_removed: Pairs::new(),
            responses: Vec::new(),
            responses_removed: Pairs::new(),
        })
    }

    /// Renames the account and replaces its industry and tags (`input.assessor` is not used).
    /// Nothing changes if any field is refused.
    pub fn edit_details(&mut self, input: &NewAccount, now_ms: u64) -> Result<(), EditError> {
        let name = clean_text(&input.name, MAX_NAME_CHARS)?;
        if name.is_empty() {
            return Err(EditError::NameMissing);
        }
        let industry = clean_text(&input.industry, MAX_SHORT_TEXT_CHARS)?;
        self.tags = parse_tags(&input.tags)?;
        self.name = name;
        self.industry = industry;
        self.details_ms = now_ms.max(self.details_ms.max(self.created_ms).saturating_add(1));
        Ok(())
    }

    /// Opens a new draft (a re-assessment). Only one draft may exist at a time.
    pub fn start_draft(
        &mut self,
        assessment_id: &AssessmentId,
        assessor: &str,
        bank: &Bank,
        now_ms: u64,
    ) -> Result<(), EditError> {
        if self.draft().is_some() {
            return Err(EditError::DraftExists);
        }
        self.assessments.push(AssessmentRecord {
            id: assessment_id.clone(),
            bank_version: bank.version,
            assessor: clean_text(assessor, MAX_SHORT_TEXT_CHARS)?,
            started_ms: now_ms,
            updated_ms: now_ms,
            completed_ms: None,
            answers: Answers::new(),
            notes: Pairs::new(),
            cursor: Cursor::default(),
            answered_at: EditTimes::default(),
            noted_at: EditTimes::default(),
        });
        Ok(())
    }

    /// The draft, if any.
    pub fn draft(&self) -> Option<&AssessmentRecord> {
        self.assessments.iter().find(|a| a.is_draft())
    }

    fn draft_mut(&mut self) -> Result<&mut AssessmentRecord, EditError> {
        self.assessments
            .iter_mut()
            .find(|a| a.is_draft())
            .ok_or(EditError::NoDraft)
    }

    /// The completed assessments, oldest first.
    pub fn completed(&self) -> impl DoubleEndedIterator<Item = &AssessmentRecord> {
        self.assessments.iter().filter(|a| !a.is_draft())
    }

    /// The most recent completed assessment.
    pub fn latest_completed(&self) -> Option<&AssessmentRecord> {
        self.completed().max_by_key(|a| a.completed_ms)
    }

    /// The assessment with this id.
    pub fn assessment(&self, id: &AssessmentId) -> Option<&AssessmentRecord> {
        self.assessments.iter().find(|a| a.id == id)
    }

    /// Records (or with `None`, clears) the draft's answer to `question_id` and moves the cursor there.
    pub fn answer(
        &mut self,
        bank: &Bank,
        question_id: &str,
        choice: Option<Choice>,
        now_ms: u64,
    ) -> Result<(), EditError> {
        let question = bank.question(question_id).ok_or(EditError::UnknownAnswer)?;
        if let Some(Choice::Option(i)) = choice {
            if usize::from(i) >= question.options.len() {
                return Err(EditError::UnknownAnswer);
            }
        }
        let draft = self.draft_mut()?;
        if let Some(at) = crate::engine::model::answers::position(question_id) {
            draft.answers.set_at(at, choice);
            let stamp = draft.answered_at.next(at, now_ms);
            draft.answered_at.set(at, stamp);
            draft.updated_ms = draft.updated_ms.max(stamp);
        }
        // A draft begun with an earlier questionnaire is now being answered with this one.
        draft.bank_version = bank.version;
        draft.cursor.question = Some(question_id.to_owned());
        Ok(())
    }

    /// Sets the draft's note on `question_id` (an empty note is removed). Notes keep line breaks.
    pub fn set_note(
        &mut self,
        bank: &Bank,
        question_id: &str,
        text: &str,
        now_ms: u64,
    ) -> Result<(), EditError> {
        bank.question(question_id).ok_or(EditError::UnknownAnswer)?;
        if text.chars().count() > MAX_NOTE_CHARS {
            return Err(EditError::TooLong);
        }
        let draft = self.draft_mut()?;
        if text.trim().is_empty() {
            draft.notes.remove(question_id);
        } else {
            draft.notes.insert(question_id.to_owned(), text.to_owned());
        }
        if let Some(at) = crate::engine::model::answers::position(question_id) {
            let stamp = draft.noted_at.next(at, now_ms);
            draft.noted_at.set(at, stamp);
            draft.updated_ms = draft.updated_ms.max(stamp);
        }
        draft.cursor.question = Some(question_id.to_owned());
        Ok(())
    }

    /// Moves the draft's cursor (section shown, question focused).
    pub fn move_cursor(&mut self, cursor: Cursor) -> Result<(), EditError> {
        self.draft_mut()?.cursor = cursor;
        Ok(())
    }

    /// Completes the draft; it can no longer be edited. Returns its id.
    pub fn finish(&mut self, now_ms: u64) -> Result<AssessmentId, EditError> {
        let draft = self.draft_mut()?;
        draft.completed_ms = Some(now_ms);
        draft.updated_ms = draft.updated_ms.max(now_ms);
        Ok(draft.id.clone())
    }

    /// Drops the draft, remembering when (see [`AccountRecord::discarded`]).
    pub fn discard_draft(&mut self, now_ms: u64) -> Result<(), EditError> {
        let draft = self.draft().ok_or(EditError::NoDraft)?;
        let id = draft.id.clone();
        let at = now_ms.max(draft.last_edit_ms().saturating_add(1));
        self.assessments.retain(|a| !a.is_draft());
        self.remember_discard(id.as_str(), at);
        Ok(())
    }

    /// Records a discard, keeping only the latest [`MAX_DISCARDED`].
    pub fn remember_discard(&mut self, id: &str, at: u64) {
        if self.discarded.get(id).is_some_and(|t| *t >= at) {
            return;
        }
        self.discarded.insert(id.to_owned(), at);
        while self.discarded.len() > MAX_DISCARDED {
            let mut oldest: Option<(u64, &str)> = None;
            for (id, t) in &self.discarded {
                if oldest.is_none_or(|o| (*t, id.as_str()) < o) {
                    oldest = Some((*t, id.as_str()));
                }
            }
            if let Some((_, id)) = oldest {
                let id = id.to_owned();
                self.discarded.remove(&id);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::model::bank::bank;

    fn new_account() -> AccountRecord {
        let input = NewAccount {
            name: "  Acme   Steel ".into(),
            industry: "Steel".into(),
            // Typed with ASCII commas, as most keyboards do.
            tags: ["east", " key ", "east", "华东"].join(","),
            assessor: "Li".into(),
        };
        AccountRecord::start(&"a1".into(), &"s1".into(), &input, bank(), 1000).unwrap()
    }

    #[test]
    fn starting_cleans_input_and_opens_a_draft() {
        let account = new_account();
        assert_eq!(account.name, "Acme Steel");
        assert_eq!(account.tags, vec!["east", "key", "华东"]);
        assert_eq!(account.draft().unwrap().assessor, "Li");
        assert!(account.latest_completed().is_none());
    }

    #[test]
    fn details_can_be_edited_and_a_refused_edit_changes_nothing() {
        let mut account = new_account();
        let before = account.clone();
        let edit = |name: &str, tags: &str| NewAccount {
            name: name.into(),
            industry: "Rail".into(),
            tags: tags.into(),
            ..Default::default()
        };
        assert_eq!(
            account.edit_details(&edit(" ", "a"), 1),
            Err(EditError::NameMissing)
        );
        let too_many = (0..=MAX_TAGS)
            .map(|i| i.to_string())
            .collect::<Vec<_>>()
            .join(",");
        assert_eq!(
            account.edit_details(&edit("New", &too_many), 1),
            Err(EditError::TooLong)
        );
        assert_eq!(account, before);
        account
            .edit_details(&edit(" Acme  Rail ", &["north", "重点"].join(";")), 1)
            .unwrap();
        assert_eq!(account.name, "Acme Rail");
        assert_eq!(account.industry, "Rail");
        assert_eq!(account.tags, ["north", "重点"]);
        assert_eq!(account.assessments, before.assessments);
    }

    #[test]
    fn name_is_required_and_bounded() {
        let blank = NewAccount {
            name: "   ".into(),
            ..Default::default()
        };
        assert_eq!(
            AccountRecord::start(&"a".into(), &"s".into(), &blank, bank(), 0),
            Err(EditError::NameMissing)
        );
        let long = NewAccount {
            name: "x".repeat(MAX_NAME_CHARS + 1),
            ..Default::default()
        };
        assert_eq!(
            AccountRecord::start(&"a".into(), &"s".into(), &long, bank(), 0),
            Err(EditError::TooLong)
        );
    }

    #[test]
    fn answers_notes_and_cursor_are_recorded_on_the_draft() {
        let mut account = new_account();
        let q = &bank().questions[3];
        account
            .answer(bank(), &q.id, Some(Choice::Option(2)), 2000)
            .unwrap();
        account
            .set_note(bank(), &q.id, "line 1\n<b>line 2</b>", 2001)
            .unwrap();
        let draft = account.draft().unwrap();
        assert_eq!(draft.answers.get(&q.id), Some(Choice::Option(2)));
        assert_eq!(draft.notes.get(&q.id).unwrap(), "line 1\n<b>line 2</b>");
        assert_eq!(draft.cursor.question.as_deref(), Some(q.id.as_str()));
        assert_eq!(draft.updated_ms, 2001);
        account.set_note(bank(), &q.id, "  ", 2002).unwrap();
        assert!(account.draft().unwrap().notes.is_empty());
        assert_eq!(
            account.answer(bank(), &q.id, Some(Choice::Option(9)), 0),
            Err(EditError::UnknownAnswer)
        );
        assert_eq!(
            account.answer(bank(), "nope", None, 0),
            Err(EditError::UnknownAnswer)
        );
    }

    #[test]
    fn finishing_freezes_the_assessment_and_allows_a_new_draft() {
        let mut account = new_account();
        let id = account.finish(5000).unwrap();
        assert_eq!(account.latest_completed().unwrap().id, id);
        let q = &bank().questions[0];
        assert_eq!(
            account.answer(bank(), &q.id, Some(Choice::Option(0)), 0),
            Err(EditError::NoDraft)
        );
        account.start_draft(&"s2".into(), "", bank(), 6000).unwrap();
        assert_eq!(
            account.start_draft(&"s3".into(), "", bank(), 6000),
            Err(EditError::DraftExists)
        );
        account.discard_draft(7000).unwrap();
        assert_eq!(account.assessments.len(), 1);
    }

    #[test]
    fn records_round_trip_through_json() {
        let mut account = new_account();
        account
            .answer(bank(), &bank().questions[0].id, Some(Choice::DontKnow), 1)
            .unwrap();
        let json = serde_json::to_string(&account).unwrap();
        assert_eq!(
            serde_json::from_str::<AccountRecord>(&json).unwrap(),
            account
        );
    }

    #[test]
    fn ids_are_restricted_to_safe_characters() {
        assert!(is_valid_id("k3x9-a1"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("a/b"));
        assert!(!is_valid_id("<img>"));
        assert!(!is_valid_id(&"a".repeat(41)));
    }
}
