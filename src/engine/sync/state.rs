//! What a device remembers about its sync, beside its records: per account, the server's
//! revisions and the body last synced (the merge base); for the team database, the `_changes`
//! checkpoint, the conflicts waiting for the user and the documents kept aside.
//!
//! Stored under `rapport.v1.sync.*`, on this device only; the records themselves stay where
//! they always were (`rapport.v1.account.<id>`), so turning sync off changes nothing about them.

use serde::{Deserialize, Serialize};

use crate::engine::model::ids::AccountId;
use crate::engine::model::merge::same_content;
use crate::engine::model::pairs::Pairs;
use crate::engine::model::record::AccountRecord;
use crate::engine::sync::doc::{account_body, Refusal};
use crate::engine::sync::merge3::Conflict;

/// One account's sync metadata.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AccountSync {
    /// The `_rev` of its account document on the server (empty: never pushed or pulled).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rev: String,
    /// The account body last synced: the base of the next three-way merge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<AccountRecord>,
    /// The `_rev` of each completed assessment's document (assessment id → rev).
    #[serde(default, skip_serializing_if = "Pairs::is_empty")]
    pub assessments: Pairs<String>,
    /// Who completed each assessment: the member whose device first sent it (assessment id →
    /// member), for "assessed by" on the account page.
    #[serde(default, skip_serializing_if = "Pairs::is_empty")]
    pub assessed_by: Pairs<String>,
    /// The member it belongs to, and who wrote the server's last revision, and when.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub by: String,
    #[serde(default)]
    pub at: u64,
    /// Deleted on this device; the deletion is not on the server yet.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub deleted: bool,
}

/// Refusal as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kept {
    pub id: String,
    pub rev: String,
    pub why: String,
    /// Refused by the server (a push) rather than by this device (a pull).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub by_server: bool,
}

impl Kept {
    /// A pulled document this device refused.
    pub fn pulled(r: Refusal) -> Kept {
        Kept {
            id: r.id,
            rev: r.rev,
            why: r.why,
            by_server: false,
        }
    }
}

/// Everything a device keeps about its sync.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SyncState {
    /// This device's name for its checkpoint on the server (`_local/rapport-<device>`), made
    /// once when sync is turned on.
    #[serde(default)]
    pub device: String,
    /// The revision of that checkpoint document.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub checkpoint_rev: String,
    /// The `last_seq` of the last `_changes` read whose documents were all applied.
    #[serde(default)]
    pub checkpoint: String,
    /// Per account.
    #[serde(default)]
    pub accounts: Pairs<AccountSync>,
    /// Fields waiting for the user's choice.
    #[serde(default)]
    pub conflicts: Vec<Conflict>,
    /// Documents kept aside, with why (the latest [`MAX_KEPT`]).
    #[serde(default)]
    pub kept: Vec<Kept>,
}

/// See [`SyncState::sign_out_plan`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SignOutPlan {
    pub remove: Vec<AccountId>,
    pub unsent: Vec<AccountId>,
    pub stays: usize,
}

/// Most documents kept aside that are remembered.
pub const MAX_KEPT: usize = 50;

impl SyncState {
    /// Owners and assessors for the screens, `me` being the member signed in here.
    pub fn team(&self, me: &str) -> crate::engine::sync::team::Team {
        let mut team = crate::engine::sync::team::Team {
            me: me.to_owned(),
            ..Default::default()
        };
        for (id, meta) in self.accounts.iter() {
            if !meta.owner.is_empty() {
                team.owners.insert(id.clone(), meta.owner.clone());
            }
            for (assessment, by) in meta.assessed_by.iter() {
                team.assessed_by.insert(assessment.clone(), by.clone());
            }
        }
        team
    }

    /// Whether this record holds edits the server does not have yet.
    pub fn is_dirty(&self, record: &AccountRecord) -> bool {
        let Some(meta) = self.accounts.get(record.id.as_str()) else {
            return true;
        };
        if meta.rev.is_empty() {
            return true;
        }
        let body_synced = meta
            .base
            .as_ref()
            .is_some_and(|base| same_content(base, &account_body(record)));
        !body_synced
            || record
                .completed()
                .any(|a| !meta.assessments.contains_key(a.id.as_str()))
    }

    /// Forgets what the server held: its revisions and the checkpoint. Used when the server no
    /// longer has this device's checkpoint (restored from nothing, or another database at the
    /// address): the next pushes send every account again, and a document the server does
    /// have answers 409 and is merged.
    pub fn forget_server(&mut self) {
        self.checkpoint.clear();
        self.checkpoint_rev.clear();
        let ids: Vec<String> = self.accounts.keys().cloned().collect();
        for id in ids {
            if let Some(meta) = self.accounts.get_mut(&id) {
                meta.rev.clear();
                meta.assessments = Pairs::new();
            }
        }
        let deleted: Vec<String> = self
            .accounts
            .iter()
            .filter(|(_, m)| m.deleted)
            .map(|(id, _)| id.clone())
            .collect();
        for id in deleted {
            self.accounts.remove(&id);
        }
    }

    /// How many local changes wait to be pushed: dirty records and local deletions.
    pub fn waiting(&self, records: &[AccountRecord]) -> usize {
        records.iter().filter(|r| self.is_dirty(r)).count()
            + self.accounts.iter().filter(|(_, m)| m.deleted).count()
    }

    /// What signing out removes from this device: every account it shares with the team
    /// database (`remove`), of which `unsent` hold changes the server does not have yet (to
    /// export first). Accounts never sent (`stays`) are nobody else's and stay.
    pub fn sign_out_plan(&self, records: &[AccountRecord]) -> SignOutPlan {
        let mut plan = SignOutPlan::default();
        for record in records {
            let shared = self
                .accounts
                .get(record.id.as_str())
                .is_some_and(|m| !m.rev.is_empty());
            if !shared {
                plan.stays += 1;
                continue;
            }
            if self.is_dirty(record) {
                plan.unsent.push(record.id.clone());
            }
            plan.remove.push(record.id.clone());
        }
        plan
    }

    /// Remembers that the user deleted an account here, so the deletion reaches the server
    /// (an account never synced is simply forgotten).
    pub fn mark_deleted(&mut self, account: &AccountId) {
        let known = self
            .accounts
            .get(account.as_str())
            .is_some_and(|m| !m.rev.is_empty());
        if known {
            if let Some(mut meta) = self.accounts.get(account.as_str()).cloned() {
                meta.deleted = true;
                self.accounts.insert(account.as_str().to_owned(), meta);
            }
        } else {
            self.accounts.remove(account.as_str());
        }
        self.conflicts.retain(|c| c.account != *account);
    }

    /// Adds conflicts, each replacing an earlier one on the same field.
    pub fn add_conflicts(&mut self, found: Vec<Conflict>) {
        for c in found {
            self.conflicts.retain(|old| !old.same_field(&c));
            self.conflicts.push(c);
        }
    }

    /// Keeps a document aside (a later revision of the same one replaces it).
    pub fn keep(&mut self, kept: Kept) {
        self.kept.retain(|k| k.id != kept.id);
        self.kept.push(kept);
        if self.kept.len() > MAX_KEPT {
            self.kept.remove(0);
        }
    }

    /// The member who owns an account, as far as this device knows.
    pub fn owner(&self, account: &AccountId) -> Option<&str> {
        self.accounts
            .get(account.as_str())
            .map(|m| m.owner.as_str())
            .filter(|o| !o.is_empty())
    }
}
