//! The stakeholder map: the people the key-account manager knows at the account (issue 16).
//!
//! Contacts belong to the account ([`AccountRecord::contacts`]), like the plan: they survive
//! re-assessment and merge one by one with another copy (`model::keyed`). A contact who left the
//! customer is kept, dated (`left_on`), because "our champion left" is itself a finding; a
//! deleted one leaves a tombstone.
//!
//! Contacts are personal data. What is kept is what a buying-centre map needs and nothing more:
//! no free-text notes, no phone or e-mail. They never travel in share links, embed messages or
//! the assessments' CSV; they go in the JSON export and in their own CSV.

use serde::{Deserialize, Serialize};

use crate::engine::model::ids::{Attitude, BuyingRole, ContactFunction, Influence, Seniority};
use crate::engine::model::keyed::{by_creation, next_edit_time, Keyed, KeyedList};
use crate::engine::model::plan::is_date;
use crate::engine::model::record::{clean_text, is_valid_id, AccountRecord, EditError};

/// Most contacts per account (a large buying centre has a few dozen).
pub const MAX_CONTACTS: usize = 150;
/// Most remembered deletions.
pub const MAX_CONTACTS_REMOVED: usize = 150;
/// Longest name, in characters.
pub const MAX_CONTACT_NAME_CHARS: usize = 100;
/// Longest job title.
pub const MAX_JOB_TITLE_CHARS: usize = 120;
/// Longest owner text (who on the user's side holds the relationship).
pub const MAX_CONTACT_OWNER_CHARS: usize = 80;

/// One person at the customer.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Unique within the account; the same character rules as record ids.
    pub id: String,
    pub name: String,
    /// Job title, as the customer writes it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    pub function: ContactFunction,
    /// Role in the buying decision; `None` when the user does not know it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<BuyingRole>,
    pub seniority: Seniority,
    pub influence: Influence,
    pub attitude: Attitude,
    /// Who on the user's side owns the relationship (free text).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// The last meaningful contact, `YYYY-MM-DD`, or empty when none is recorded.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub last_met: String,
    /// When the person left the customer, `YYYY-MM-DD`; empty while they are there.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub left_on: String,
    pub created_ms: u64,
    pub updated_ms: u64,
}

impl Contact {
    /// Still at the customer.
    pub fn is_active(&self) -> bool {
        self.left_on.is_empty()
    }

    /// The checks an imported or synced contact must pass: the same bounds as an edit, a valid
    /// id and times in order.
    pub fn check_stored(&self) -> Result<(), String> {
        if !is_valid_id(&self.id) {
            return Err(format!("contact id {:?} is invalid", self.id));
        }
        let checked = ContactInput::of(self)
            .check()
            .map_err(|e| format!("contact {:?}: {}", self.id, e.describe()))?;
        if checked.name != self.name
            || checked.title != self.title
            || checked.owner != self.owner
            || self.updated_ms < self.created_ms
        {
            return Err(format!("contact {:?} has a malformed field", self.id));
        }
        Ok(())
    }
}

impl Keyed for Contact {
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

/// What the user typed or picked for a contact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactInput {
    pub name: String,
    pub title: String,
    pub function: ContactFunction,
    pub role: Option<BuyingRole>,
    pub seniority: Seniority,
    pub influence: Influence,
    pub attitude: Attitude,
    pub owner: String,
    pub last_met: String,
    pub left_on: String,
}

impl Default for ContactInput {
    fn default() -> Self {
        ContactInput {
            name: String::new(),
            title: String::new(),
            function: ContactFunction::Other,
            role: None,
            seniority: Seniority::Manager,
            influence: Influence::Medium,
            attitude: Attitude::Neutral,
            owner: String::new(),
            last_met: String::new(),
            left_on: String::new(),
        }
    }
}

/// The input's texts, cleaned.
struct Checked {
    name: String,
    title: String,
    owner: String,
}

impl ContactInput {
    fn check(&self) -> Result<Checked, EditError> {
        let name = clean_text(&self.name, MAX_CONTACT_NAME_CHARS)?;
        if name.is_empty() {
            return Err(EditError::NameMissing);
        }
        for date in [&self.last_met, &self.left_on] {
            if !date.is_empty() && !is_date(date) {
                return Err(EditError::BadDate);
            }
        }
        Ok(Checked {
            name,
            title: clean_text(&self.title, MAX_JOB_TITLE_CHARS)?,
            owner: clean_text(&self.owner, MAX_CONTACT_OWNER_CHARS)?,
        })
    }

    /// Whether an add or edit would accept it (the form shows a refusal next to what was typed).
    pub fn validate(&self) -> Result<(), EditError> {
        self.check().map(drop)
    }

    /// The input that edits `contact` as it stands.
    pub fn of(contact: &Contact) -> ContactInput {
        ContactInput {
            name: contact.name.clone(),
            title: contact.title.clone(),
            function: contact.function,
            role: contact.role,
            seniority: contact.seniority,
            influence: contact.influence,
            attitude: contact.attitude,
            owner: contact.owner.clone(),
            last_met: contact.last_met.clone(),
            left_on: contact.left_on.clone(),
        }
    }
}

/// One change to an account's contacts, as the reducer receives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContactEdit {
    Add {
        contact_id: String,
        input: ContactInput,
    },
    Edit {
        contact_id: String,
        input: ContactInput,
    },
    /// The person left the customer on `on` (`YYYY-MM-DD`); empty `on` brings them back.
    Left { contact_id: String, on: String },
    /// Deleted (it can be undone with [`ContactEdit::Restore`] while the screen offers it).
    Remove { contact_id: String },
    /// Undoes a deletion: the contact as it was, edited after its tombstone.
    Restore { contact: Contact },
}

impl ContactEdit {
    /// Applies it to `account`; a refused edit changes nothing.
    pub fn apply(&self, account: &mut AccountRecord, now_ms: u64) -> Result<(), EditError> {
        match self {
            ContactEdit::Add { contact_id, input } => {
                account.add_contact(contact_id, input, now_ms)
            }
            ContactEdit::Edit { contact_id, input } => {
                account.edit_contact(contact_id, input, now_ms)
            }
            ContactEdit::Left { contact_id, on } => {
                let contact = account.contact(contact_id).ok_or(EditError::NoItem)?;
                let input = ContactInput {
                    left_on: on.clone(),
                    ..ContactInput::of(contact)
                };
                account.edit_contact(contact_id, &input, now_ms)
            }
            ContactEdit::Remove { contact_id } => account
                .contact_list()
                .remove(contact_id, now_ms)
                .map(drop)
                .ok_or(EditError::NoItem),
            ContactEdit::Restore { contact } => account.restore_contact(contact, now_ms),
        }
    }
}

impl AccountRecord {
    /// The contact with this id.
    pub fn contact(&self, id: &str) -> Option<&Contact> {
        self.contacts.iter().find(|c| c.id == id)
    }

    /// The contacts still at the customer.
    pub fn active_contacts(&self) -> impl Iterator<Item = &Contact> {
        self.contacts.iter().filter(|c| c.is_active())
    }

    /// The contacts and their deletions, for a change that keeps both in step.
    pub fn contact_list(&mut self) -> KeyedList<'_, Contact> {
        KeyedList {
            items: &mut self.contacts,
            removed: &mut self.contacts_removed,
            max_removed: MAX_CONTACTS_REMOVED,
        }
    }

    /// Adds a contact.
    pub fn add_contact(
        &mut self,
        id: &str,
        input: &ContactInput,
        now_ms: u64,
    ) -> Result<(), EditError> {
        let checked = input.check()?;
        if !is_valid_id(id) || self.contact(id).is_some() {
            return Err(EditError::UnknownAnswer);
        }
        if self.contacts.len() >= MAX_CONTACTS {
            return Err(EditError::TooMany);
        }
        let at = self.contact_list().add_time(id, now_ms);
        self.contacts.push(Contact {
            id: id.to_owned(),
            created_ms: at,
            updated_ms: at,
            ..filled(checked, input)
        });
        Ok(())
    }

    /// Replaces a contact's fields with `input`. Nothing changes if any field is refused.
    pub fn edit_contact(
        &mut self,
        id: &str,
        input: &ContactInput,
        now_ms: u64,
    ) -> Result<(), EditError> {
        let checked = input.check()?;
        let contact = self
            .contacts
            .iter_mut()
            .find(|c| c.id == id)
            .ok_or(EditError::NoItem)?;
        *contact = Contact {
            id: contact.id.clone(),
            created_ms: contact.created_ms,
            updated_ms: next_edit_time(contact.updated_ms, now_ms),
            ..filled(checked, input)
        };
        Ok(())
    }

    /// Brings back a deleted contact (the undo of a deletion), edited after its tombstone so
    /// that a merge keeps it.
    fn restore_contact(&mut self, contact: &Contact, now_ms: u64) -> Result<(), EditError> {
        contact
            .check_stored()
            .map_err(|_| EditError::UnknownAnswer)?;
        if self.contact(&contact.id).is_some() {
            return Ok(());
        }
        if self.contacts.len() >= MAX_CONTACTS {
            return Err(EditError::TooMany);
        }
        let tombstone = self.contacts_removed.get(&contact.id).copied().unwrap_or(0);
        let mut back = contact.clone();
        back.updated_ms = next_edit_time(tombstone.max(back.updated_ms), now_ms);
        self.contacts_removed.remove(&contact.id);
        self.contacts.push(back);
        crate::engine::model::sort::sort_by(&mut self.contacts, by_creation);
        Ok(())
    }
}

/// A contact with the input's fields (id and times to be set by the caller).
fn filled(checked: Checked, input: &ContactInput) -> Contact {
    Contact {
        id: String::new(),
        name: checked.name,
        title: checked.title,
        function: input.function,
        role: input.role,
        seniority: input.seniority,
        influence: input.influence,
        attitude: input.attitude,
        owner: checked.owner,
        last_met: input.last_met.clone(),
        left_on: input.left_on.clone(),
        created_ms: 0,
        updated_ms: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::model::record::NewAccount;

    fn account() -> AccountRecord {
        let input = NewAccount {
            name: "Acme".into(),
            ..Default::default()
        };
        let mut a = AccountRecord::start(
            &"a".into(),
            &"s1".into(),
            &input,
            crate::engine::model::bank::bank(),
            1,
        )
        .unwrap();
        a.finish(2).unwrap();
        a
    }

    fn input(name: &str) -> ContactInput {
        ContactInput {
            name: name.into(),
            title: " Head of  Purchasing ".into(),
            function: ContactFunction::Purchasing,
            role: Some(BuyingRole::EconomicBuyer),
            owner: "Li Wei".into(),
            last_met: "2026-10-01".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_contact_is_added_cleaned_edited_and_marked_as_left() {
        let mut a = account();
        a.add_contact("c1", &input(" Wang  Fang "), 10).unwrap();
        let c = a.contact("c1").unwrap();
        assert_eq!(
            (c.name.as_str(), c.title.as_str()),
            ("Wang Fang", "Head of Purchasing")
        );
        assert!(c.is_active());
        ContactEdit::Left {
            contact_id: "c1".into(),
            on: "2026-11-02".into(),
        }
        .apply(&mut a, 5)
        .unwrap();
        let c = a.contact("c1").unwrap();
        assert_eq!(c.left_on, "2026-11-02");
        assert_eq!(
            c.updated_ms, 11,
            "a clock behind still moves the edit forward"
        );
        assert_eq!(a.active_contacts().count(), 0);
        assert_eq!(c.check_stored(), Ok(()));
    }

    #[test]
    fn refused_input_changes_nothing() {
        let mut a = account();
        let before = a.clone();
        assert_eq!(
            a.add_contact("c1", &input("  "), 1),
            Err(EditError::NameMissing)
        );
        let mut bad = input("x");
        bad.last_met = "2026-02-30".into();
        assert_eq!(a.add_contact("c1", &bad, 1), Err(EditError::BadDate));
        bad.last_met.clear();
        bad.title = "t".repeat(MAX_JOB_TITLE_CHARS + 1);
        assert_eq!(a.add_contact("c1", &bad, 1), Err(EditError::TooLong));
        assert_eq!(
            a.add_contact("bad id", &input("x"), 1),
            Err(EditError::UnknownAnswer)
        );
        assert_eq!(a, before);
        for i in 0..MAX_CONTACTS {
            a.add_contact(&format!("c{i}"), &input("x"), 1).unwrap();
        }
        assert_eq!(
            a.add_contact("more", &input("x"), 1),
            Err(EditError::TooMany)
        );
    }

    #[test]
    fn a_deletion_leaves_a_tombstone_and_undo_brings_the_contact_back_for_good() {
        let mut a = account();
        a.add_contact("c1", &input("Wang"), 10).unwrap();
        a.add_contact("c2", &input("Zhao"), 11).unwrap();
        let gone = a.contact("c1").unwrap().clone();
        ContactEdit::Remove {
            contact_id: "c1".into(),
        }
        .apply(&mut a, 20)
        .unwrap();
        assert_eq!(a.contacts_removed.get("c1"), Some(&20));
        // Another tab still holds the contact: merging must not bring it back.
        let mut stale = account();
        stale.contacts = vec![gone.clone()];
        let merged = crate::engine::model::merge::merge(&a, &stale);
        assert!(merged.contact("c1").is_none());
        ContactEdit::Restore { contact: gone }
            .apply(&mut a, 21)
            .unwrap();
        assert_eq!(
            a.contacts.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(),
            ["c1", "c2"],
            "back in its place"
        );
        let merged = crate::engine::model::merge::merge(&stale, &a);
        assert!(
            merged.contact("c1").is_some(),
            "the undo wins over the tombstone"
        );
    }

    #[test]
    fn stored_contacts_are_checked_like_edits() {
        let mut a = account();
        a.add_contact("c1", &input("Wang"), 10).unwrap();
        let good = a.contacts[0].clone();
        let broken = [
            Contact {
                id: "<x>".into(),
                ..good.clone()
            },
            Contact {
                name: " padded".into(),
                ..good.clone()
            },
            Contact {
                left_on: "soon".into(),
                ..good.clone()
            },
            Contact {
                owner: "o".repeat(MAX_CONTACT_OWNER_CHARS + 1),
                ..good.clone()
            },
            Contact {
                updated_ms: 1,
                ..good.clone()
            },
        ];
        for c in broken {
            assert!(c.check_stored().is_err(), "{c:?}");
        }
    }
}
