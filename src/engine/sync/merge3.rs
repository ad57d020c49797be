//! The three-way merge of one account: this device's copy, the server's, and the base they
//! both came from (the body this device last synced).
//!
//! The merged body is [`crate::engine::model::merge::merge`]'s — the later edit of each field
//! wins, so every device and tab that meets the same copies ends with the same content. What
//! the base adds is knowing *who changed what*: a field changed on both sides to different
//! values is a [`Conflict`] the user is asked about (the merged body holds the later edit until
//! they choose), and an edit on one side against a removal on the other keeps the edit — with
//! an edit time after the removal, so no later merge drops it — and asks too. Nothing is ever
//! dropped without the user's word.
//!
//! Fields: the account's details (name, industry, tags, as one), each answer and each note of
//! a draft, the draft itself (discarded on one side, answered on the other), and each plan
//! item, contact and invitation. Completed assessments never change in ordinary work; they are
//! kept from both sides, as between tabs. Responses never change once attached.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::engine::model::answers::Choice;
use crate::engine::model::contacts::Contact;
use crate::engine::model::eyes::Invitation;
use crate::engine::model::ids::{AccountId, AssessmentId};
use crate::engine::model::keyed::{next_edit_time, Keyed};
use crate::engine::model::merge::merge;
use crate::engine::model::pairs::Pairs;
use crate::engine::model::plan::PlanItem;
use crate::engine::model::record::{AccountRecord, AssessmentRecord};
use crate::engine::storage::schema::ANSWER_ORDER;

/// Which side's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// This device's.
    Mine,
    /// The server's (another member's, or this member's on another device).
    Theirs,
}

/// A keyed list that can hold a conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ListKind {
    Plan,
    Contacts,
    Invitations,
}

/// What a conflict is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Field {
    /// The account's name, industry and tags.
    Details,
    /// One answer of a draft.
    Answer {
        assessment: AssessmentId,
        question: String,
    },
    /// One note of a draft.
    Note {
        assessment: AssessmentId,
        question: String,
    },
    /// The draft, discarded on one side and answered on the other.
    Draft { assessment: AssessmentId },
    /// A plan item, contact or invitation.
    Item { list: ListKind, id: String },
    /// The whole account, deleted on one side and edited on the other.
    Account,
}

/// One field both sides changed differently: both values are kept here until the user picks
/// one ([`resolve`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    pub account: AccountId,
    pub field: Field,
    /// This device's value as stored (`null`: cleared, removed or discarded).
    pub mine: Value,
    /// The server's value.
    pub theirs: Value,
    /// Which of them the merged record holds meanwhile.
    pub kept: Side,
    /// When each was made.
    pub mine_ms: u64,
    pub theirs_ms: u64,
    /// Who made the server's (the member who last wrote its document).
    pub by: String,
}

impl Conflict {
    /// The same question (account and field), whatever the values.
    pub fn same_field(&self, other: &Conflict) -> bool {
        self.account == other.account && self.field == other.field
    }
}

/// A merged account and the questions it leaves for the user.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    pub record: AccountRecord,
    pub conflicts: Vec<Conflict>,
}

/// An answer as stored: an option's index, `"dk"`, or `null` for none.
fn answer_json(choice: Option<Choice>) -> Value {
    match choice {
        None => Value::Null,
        Some(Choice::Option(i)) => Value::from(i),
        Some(Choice::DontKnow) => Value::from("dk"),
    }
}

fn answer_from_json(value: &Value) -> Result<Option<Choice>, ResolveError> {
    match value {
        Value::Null => Ok(None),
        Value::String(s) if s == "dk" => Ok(Some(Choice::DontKnow)),
        other => other
            .as_u64()
            .and_then(|i| u8::try_from(i).ok())
            .map(|i| Some(Choice::Option(i)))
            .ok_or(ResolveError::BadValue),
    }
}

fn note_json(note: Option<&String>) -> Value {
    note.map_or(Value::Null, |n| Value::String(n.clone()))
}

/// Merges `mine` and `theirs`, which both descend from `base` (`None`: the account was new to
/// this device's last sync). `by` names who wrote theirs.
pub fn merge3(
    base: Option<&AccountRecord>,
    mine: &AccountRecord,
    theirs: &AccountRecord,
    by: &str,
) -> Merged {
    let mut record = merge(mine, theirs);
    let mut found = Found {
        account: &mine.id,
        by,
        list: Vec::new(),
    };
    let empty = base.is_none().then(|| {
        let mut b = mine.clone();
        b.assessments.clear();
        b.plan.clear();
        b.contacts.clear();
        b.invitations.clear();
        b
    });
    let base = base.or(empty.as_ref()).unwrap_or(mine);
    details(&mut found, base, mine, theirs, &record);
    drafts(&mut found, &mut record, base, mine, theirs);
    items(
        &mut found,
        ListKind::Plan,
        (&mut record.plan, &record.plan_removed),
        [&base.plan, &mine.plan, &theirs.plan],
    );
    items(
        &mut found,
        ListKind::Contacts,
        (&mut record.contacts, &record.contacts_removed),
        [&base.contacts, &mine.contacts, &theirs.contacts],
    );
    items(
        &mut found,
        ListKind::Invitations,
        (&mut record.invitations, &record.invitations_removed),
        [&base.invitations, &mine.invitations, &theirs.invitations],
    );
    Merged {
        record,
        conflicts: found.list,
    }
}

/// The conflicts found so far, and what each needs to say.
struct Found<'a> {
    account: &'a AccountId,
    by: &'a str,
    list: Vec<Conflict>,
}

impl Found<'_> {
    fn push(&mut self, field: Field, mine: (Value, u64), theirs: (Value, u64), kept: Side) {
        self.list.push(Conflict {
            account: self.account.clone(),
            field,
            mine: mine.0,
            theirs: theirs.0,
            kept,
            mine_ms: mine.1,
            theirs_ms: theirs.1,
            by: self.by.to_owned(),
        });
    }
}

fn kept_of(merged: &Value, mine: &Value) -> Side {
    if merged == mine {
        Side::Mine
    } else {
        Side::Theirs
    }
}

fn details(
    found: &mut Found<'_>,
    base: &AccountRecord,
    mine: &AccountRecord,
    theirs: &AccountRecord,
    merged: &AccountRecord,
) {
    let value = |a: &AccountRecord| {
        let mut v = serde_json::Map::new();
        v.insert("name".into(), Value::String(a.name.clone()));
        v.insert("industry".into(), Value::String(a.industry.clone()));
        let tags = a.tags.iter().map(|t| Value::String(t.clone())).collect();
        v.insert("tags".into(), Value::Array(tags));
        Value::Object(v)
    };
    let at = |a: &AccountRecord| a.details_ms.max(a.created_ms);
    let (b, m, t) = (value(base), value(mine), value(theirs));
    let changed = |v: &Value, a: &AccountRecord| *v != b || at(a) != at(base);
    if changed(&m, mine) && changed(&t, theirs) && m != t {
        let kept = kept_of(&value(merged), &m);
        found.push(Field::Details, (m, at(mine)), (t, at(theirs)), kept);
    }
}

/// The draft on each side: by id, or — two drafts begun apart — each side's own (the merge
/// folds them into one).
fn drafts(
    found: &mut Found<'_>,
    merged: &mut AccountRecord,
    base: &AccountRecord,
    mine: &AccountRecord,
    theirs: &AccountRecord,
) {
    let Some(kept_id) = merged
        .draft()
        .map(|d| d.id.clone())
        .or_else(|| base.draft().map(|d| d.id.clone()))
    else {
        return;
    };
    let base_draft = base.assessment(&kept_id).filter(|a| a.is_draft()).cloned();
    // With a draft in the base, each side's is that one (or none: discarded or completed);
    // without, each side's own new draft.
    let pick = |a: &AccountRecord| -> Option<AssessmentRecord> {
        a.assessment(&kept_id)
            .cloned()
            .or_else(|| base_draft.is_none().then(|| a.draft().cloned()).flatten())
    };
    let (m, t) = (pick(mine), pick(theirs));
    match (&base_draft, &m, &t) {
        (Some(b), Some(m), None) => draft_against_discard(found, merged, theirs, b, m, Side::Mine),
        (Some(b), None, Some(t)) => draft_against_discard(found, merged, mine, b, t, Side::Theirs),
        (_, Some(m), Some(t)) => {
            let empty = AssessmentRecord {
                answers: Default::default(),
                notes: Pairs::new(),
                answered_at: Default::default(),
                noted_at: Default::default(),
                ..m.clone()
            };
            let b = base_draft.as_ref().unwrap_or(&empty);
            if let Some(out) = merged.assessments.iter().find(|a| a.id == kept_id) {
                answers_and_notes(found, &kept_id, b, m, t, out);
            }
        }
        _ => {}
    }
}

/// One side discarded the draft the other went on answering: the answers stay (after the
/// discard, so no later merge drops them) and the user is asked.
fn draft_against_discard(
    found: &mut Found<'_>,
    merged: &mut AccountRecord,
    discarding: &AccountRecord,
    base: &AssessmentRecord,
    edited: &AssessmentRecord,
    edited_side: Side,
) {
    let Some(discarded_at) = discarding.discarded.get(edited.id.as_str()).copied() else {
        // Completed there, not discarded: the merge already keeps both sides' answers.
        return;
    };
    if edited.answers == base.answers && edited.notes == base.notes {
        return;
    }
    let mut kept = edited.clone();
    kept.updated_ms = kept.updated_ms.max(discarded_at.saturating_add(1));
    merged.assessments.retain(|a| a.id != kept.id);
    merged.assessments.push(kept);
    crate::engine::model::sort::sort_by(&mut merged.assessments, |a, b| {
        (a.started_ms, a.id.as_str()).cmp(&(b.started_ms, b.id.as_str()))
    });
    let answered = (Value::from(edited.answers.len()), edited.last_edit_ms());
    let gone = (Value::Null, discarded_at);
    let (mine, theirs) = match edited_side {
        Side::Mine => (answered, gone),
        Side::Theirs => (gone, answered),
    };
    found.push(
        Field::Draft {
            assessment: edited.id.clone(),
        },
        mine,
        theirs,
        edited_side,
    );
}

fn answers_and_notes(
    found: &mut Found<'_>,
    id: &AssessmentId,
    b: &AssessmentRecord,
    m: &AssessmentRecord,
    t: &AssessmentRecord,
    out: &AssessmentRecord,
) {
    for (at, question) in ANSWER_ORDER.iter().copied().enumerate() {
        let answer = |a: &AssessmentRecord| (a.answers.at(at), a.answered_at.at(at));
        let (ab, am, atheirs) = (answer(b), answer(m), answer(t));
        if am != ab && atheirs != ab && am.0 != atheirs.0 {
            let kept = if out.answers.at(at) == am.0 {
                Side::Mine
            } else {
                Side::Theirs
            };
            found.push(
                Field::Answer {
                    assessment: id.clone(),
                    question: question.to_owned(),
                },
                (answer_json(am.0), am.1),
                (answer_json(atheirs.0), atheirs.1),
                kept,
            );
        }
        let note = |a: &AssessmentRecord| (a.notes.get(question).cloned(), a.noted_at.at(at));
        let (nb, nm, nt) = (note(b), note(m), note(t));
        if nm != nb && nt != nb && nm.0 != nt.0 {
            let kept = if out.notes.get(question) == nm.0.as_ref() {
                Side::Mine
            } else {
                Side::Theirs
            };
            found.push(
                Field::Note {
                    assessment: id.clone(),
                    question: question.to_owned(),
                },
                (note_json(nm.0.as_ref()), nm.1),
                (note_json(nt.0.as_ref()), nt.1),
                kept,
            );
        }
    }
}

/// An item whose edit time can be moved past a removal, so that the edit survives every later
/// merge; and the list of a record that holds it, through which it becomes JSON and back.
pub trait Touch: Keyed {
    /// The record field that holds these items.
    const LIST: &'static str;
    /// The same item, last edited at `ms`.
    fn touched(&self, ms: u64) -> Self;
    /// The items of that field.
    fn list(record: &mut AccountRecord) -> &mut Vec<Self>;
}

/// Each keyed list's item type: its record field, and its `updated_ms` moved.
macro_rules! touch {
    ($item:ty, $field:ident) => {
        impl Touch for $item {
            const LIST: &'static str = stringify!($field);
            fn touched(&self, ms: u64) -> Self {
                Self {
                    updated_ms: ms,
                    ..self.clone()
                }
            }
            fn list(record: &mut AccountRecord) -> &mut Vec<Self> {
                &mut record.$field
            }
        }
    };
}

touch!(PlanItem, plan);
touch!(Contact, contacts);
touch!(Invitation, invitations);

/// An item as stored (`null`: none).
fn item_json<T: Touch>(item: Option<&T>) -> Value {
    item.map_or(Value::Null, |item| {
        crate::engine::sync::doc::part_tree(T::LIST, |h| T::list(h).push(item.clone()))
    })
}

fn items<T: Touch>(
    found: &mut Found<'_>,
    list: ListKind,
    (merged, removed): (&mut Vec<T>, &Pairs<u64>),
    [base, mine, theirs]: [&Vec<T>; 3],
) {
    let find = |v: &[T], id: &str| v.iter().find(|x| x.key() == id).cloned();
    let mut ids: Vec<String> = Vec::new();
    for x in base.iter().chain(mine).chain(theirs) {
        if !ids.iter().any(|id| id == x.key()) {
            ids.push(x.key().to_owned());
        }
    }
    for id in ids {
        let (b, m, t) = (find(base, &id), find(mine, &id), find(theirs, &id));
        if m == b || t == b || m == t {
            continue;
        }
        let at = |x: &Option<T>| x.as_ref().map_or(0, Keyed::updated_ms);
        let field = Field::Item {
            list,
            id: id.clone(),
        };
        let (mine_v, theirs_v) = (
            (item_json(m.as_ref()), at(&m)),
            (item_json(t.as_ref()), at(&t)),
        );
        match (&m, &t) {
            (Some(_), Some(_)) => {
                let kept = kept_of(&item_json(find(merged, &id).as_ref()), &mine_v.0);
                found.push(field, mine_v, theirs_v, kept);
            }
            (Some(edit), None) | (None, Some(edit)) => {
                // An edit against a removal: the edit stays, dated after the removal.
                let side = if m.is_some() {
                    Side::Mine
                } else {
                    Side::Theirs
                };
                let removed_at = removed.get(&id).copied().unwrap_or(0);
                let keep = edit.touched(next_edit_time(removed_at, edit.updated_ms()));
                merged.retain(|x| x.key() != id);
                merged.push(keep);
                crate::engine::model::sort::sort_by(
                    merged,
                    crate::engine::model::keyed::by_creation,
                );
                found.push(field, mine_v, theirs_v, side);
            }
            (None, None) => {}
        }
    }
}

/// What applying a choice asks of the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolved {
    /// The record was changed (or already held the choice): save it.
    Record,
    /// The choice is the other side's deletion of the whole account: delete it here.
    DeleteAccount,
}

/// Why a choice could not be applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResolveError {
    /// The stored value does not read as that field (a damaged conflict list).
    BadValue,
    /// The draft or item it names is gone (the user already changed it another way).
    Gone,
}

/// Applies the user's choice. The chosen value is written again with a new edit time, so it
/// wins on every device and tab it reaches; a choice of the value the merge already kept
/// changes nothing.
pub fn resolve(
    record: &mut AccountRecord,
    conflict: &Conflict,
    choice: Side,
    now_ms: u64,
) -> Result<Resolved, ResolveError> {
    let value = match choice {
        Side::Mine => &conflict.mine,
        Side::Theirs => &conflict.theirs,
    };
    if conflict.field == Field::Account {
        return Ok(if value.is_null() {
            Resolved::DeleteAccount
        } else {
            Resolved::Record
        });
    }
    if choice == conflict.kept {
        return Ok(Resolved::Record);
    }
    match &conflict.field {
        Field::Details => {
            let text = |key: &str| value.get(key).and_then(Value::as_str).map(str::to_owned);
            let (Some(name), Some(industry), Some(tags)) = (
                text("name"),
                text("industry"),
                value.get("tags").and_then(Value::as_array),
            ) else {
                return Err(ResolveError::BadValue);
            };
            record.name = name;
            record.industry = industry;
            record.tags = tags
                .iter()
                .filter_map(|t| t.as_str().map(str::to_owned))
                .collect();
            record.details_ms = next_edit_time(record.details_ms.max(record.created_ms), now_ms);
        }
        Field::Answer {
            assessment,
            question,
        } => {
            let choice = answer_from_json(value)?;
            let at = position(question)?;
            let a = assessment_mut(record, assessment)?;
            let ms = a.answered_at.next(at, now_ms);
            a.answers.set_at(at, choice);
            a.answered_at.set(at, ms);
            a.updated_ms = a.updated_ms.max(ms);
        }
        Field::Note {
            assessment,
            question,
        } => {
            let note = match value {
                Value::Null => None,
                Value::String(s) => Some(s.clone()),
                _ => return Err(ResolveError::BadValue),
            };
            let at = position(question)?;
            let a = assessment_mut(record, assessment)?;
            let ms = a.noted_at.next(at, now_ms);
            match note {
                Some(text) => a.notes.insert(question.clone(), text),
                None => a.notes.remove(question),
            }
            a.noted_at.set(at, ms);
            a.updated_ms = a.updated_ms.max(ms);
        }
        Field::Draft { assessment } => {
            if value.is_null() && record.draft().is_some_and(|d| d.id == *assessment) {
                record
                    .discard_draft(now_ms)
                    .map_err(|_| ResolveError::Gone)?;
            }
        }
        Field::Item { list, id } => match list {
            ListKind::Plan => set_item(&mut record.plan_list(), id, value, now_ms)?,
            ListKind::Contacts => set_item(&mut record.contact_list(), id, value, now_ms)?,
            ListKind::Invitations => set_item(&mut record.invitation_list(), id, value, now_ms)?,
        },
        Field::Account => {}
    }
    Ok(Resolved::Record)
}

fn position(question: &str) -> Result<usize, ResolveError> {
    crate::engine::model::answers::position(question).ok_or(ResolveError::BadValue)
}

fn assessment_mut<'a>(
    record: &'a mut AccountRecord,
    id: &AssessmentId,
) -> Result<&'a mut AssessmentRecord, ResolveError> {
    record
        .assessments
        .iter_mut()
        .find(|a| a.id == *id)
        .ok_or(ResolveError::Gone)
}

fn set_item<T: Touch>(
    list: &mut crate::engine::model::keyed::KeyedList<'_, T>,
    id: &str,
    value: &Value,
    now_ms: u64,
) -> Result<(), ResolveError> {
    if value.is_null() {
        list.remove(id, now_ms);
        return Ok(());
    }
    let item = crate::engine::sync::doc::part_from_tree(T::LIST, value)
        .and_then(|mut h| T::list(&mut h).pop())
        .ok_or(ResolveError::BadValue)?;
    if item.key() != id {
        return Err(ResolveError::BadValue);
    }
    let current = list
        .items
        .iter()
        .find(|x| x.key() == id)
        .map_or(0, Keyed::updated_ms);
    let removed = list.removed.get(id).copied().unwrap_or(0);
    let item = item.touched(next_edit_time(current.max(removed), now_ms));
    list.items.retain(|x| x.key() != id);
    list.items.push(item);
    crate::engine::model::sort::sort_by(list.items, crate::engine::model::keyed::by_creation);
    Ok(())
}
