//! Reading and writing account records: one key per account (see [`ACCOUNT_PREFIX`]).

use crate::engine::model::ids::AccountId;
use crate::engine::model::record::{is_valid_id, AccountRecord};
use crate::engine::storage::checksum::crc32;
use crate::engine::storage::record_ops::RecordOps;
use crate::engine::storage::schema;
use crate::engine::storage::store::{
    self, KeyValueStore, LoadProblem, Loaded, StoreError, ACCOUNT_PREFIX,
};

/// The key of an account.
pub fn account_key(account_id: &AccountId) -> String {
    format!("{ACCOUNT_PREFIX}{account_id}")
}

/// Everything stored, and what could not be read (already quarantined, never deleted).
#[derive(Debug, Default)]
pub struct LoadedAccounts {
    pub accounts: Vec<AccountRecord>,
    pub problems: Vec<LoadProblem>,
    /// Ids whose keys must not be written this session (unreadable and not preserved).
    pub protected: Vec<AccountId>,
    /// Ids of accounts read from an older record format: rewrite them in the current one.
    pub migrated: Vec<AccountId>,
}

/// Reads every account. A record that does not decode, or whose id does not match its key, is
/// reported and quarantined like any unreadable value; the rest load normally.
pub fn load_accounts(store: &dyn KeyValueStore, now_ms: u64, ops: &RecordOps) -> LoadedAccounts {
    let mut out = LoadedAccounts::default();
    let keys = match store.keys() {
        Ok(keys) => keys,
        Err(err) => {
            out.problems.push(LoadProblem::StoreFailed(err));
            return out;
        }
    };
    for key in keys.iter().filter(|k| k.starts_with(ACCOUNT_PREFIX)) {
        let id = &key[ACCOUNT_PREFIX.len()..];
        let mut newer = false;
        let decoded = store::load_with(store, key, now_ms, |raw| {
            (ops.decode)(raw).map_err(|e| {
                newer = schema::is_newer(&e);
                e.to_string()
            })
        });
        let loaded = match decoded {
            Loaded::Found(d) if d.account.id != id || !is_valid_id(id) => {
                // Valid JSON that is not ours to trust: treat exactly like unreadable text.
                let raw = store.get(key).ok().flatten().unwrap_or_default();
                let kept_as = store::quarantine(store, key, &raw, now_ms);
                Loaded::Unreadable {
                    raw,
                    error: format!("record id {:?} does not match its key", d.account.id),
                    kept_as,
                }
            }
            other => other,
        };
        // A newer build's record is never written by this one, even with a copy kept.
        if newer || !loaded.safe_to_overwrite() {
            out.protected.push(AccountId::from(id));
        }
        if let Some(problem) = loaded.problem(key) {
            out.problems.push(problem);
        }
        if let Loaded::Found(decoded) = loaded {
            if decoded.migrated_from.is_some() {
                out.migrated.push(AccountId::from(id));
            }
            out.accounts.push(decoded.account);
        }
    }
    crate::engine::model::sort::sort_by(&mut out.accounts, |a, b| a.created_ms.cmp(&b.created_ms));
    out
}

/// A change another tab made to an account, read from a `storage` event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExternalChange {
    /// The account was written (created or edited) elsewhere.
    Written(Box<AccountRecord>),
    /// The account was deleted elsewhere.
    Removed(AccountId),
}

/// Interprets a `storage` event (key, new value). Keys that are not accounts, and values that do
/// not decode, are ignored here: the tab that wrote them, or the next start-up, reports them.
pub fn external_change(
    key: &str,
    new_value: Option<&str>,
    ops: &RecordOps,
) -> Option<ExternalChange> {
    let id = key.strip_prefix(ACCOUNT_PREFIX)?;
    match new_value {
        None => Some(ExternalChange::Removed(AccountId::from(id))),
        Some(json) => {
            let record = (ops.decode)(json).ok()?.account;
            (record.id == id).then(|| ExternalChange::Written(Box::new(record)))
        }
    }
}

/// The count part of a revision (`<count>-<checksum>`); 0 for none.
fn rev_count(rev: &str) -> u64 {
    rev.split('-')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// The two fields of a stored record a save needs: whose it is and which revision.
struct Head {
    id: AccountId,
    rev: String,
}

impl Head {
    /// Read with the platform's parser, so a save needs no record decoder: an object with a
    /// string `id`; `rev` absent (formats before 3) reads as empty.
    fn read(store: &dyn KeyValueStore, raw: &str) -> Option<Head> {
        let json = store.parse_json(raw).ok()?;
        let id = AccountId(json.get("id")?.as_str()?.to_owned());
        let rev = match json.get("rev") {
            None => String::new(),
            Some(rev) => rev.as_str()?.to_owned(),
        };
        Some(Head { id, rev })
    }
}

/// Writes one account (a single `setItem`: on failure the previous record is intact) and
/// returns what was written.
///
/// If the stored record has another revision than `account` (another tab wrote it since this
/// one last read or wrote it), the two are merged first, the later edit of each field winning
/// ([`crate::engine::model::merge`]), so a save never overwrites an edit it has not seen.
/// The written record's revision is `<count>-<checksum of the content>`: one more than either
/// copy's count, with a checksum so two tabs that both write revision 7 still differ; the same
/// content written again keeps its revision.
pub fn save_account(
    store: &dyn KeyValueStore,
    account: &AccountRecord,
    ops: &RecordOps,
) -> Result<AccountRecord, StoreError> {
    // With the record code a save never waits for it; the error is for the impossible.
    save_account_with(store, account, Some(ops))?
        .ok_or_else(|| StoreError::Other("the record code was not used".to_owned()))
}

/// [`save_account`] for a caller that may not have the record code yet: a stored record of
/// this account's revision (the one this tab read or wrote last), or none, needs only its head
/// read, and is written as `save_account` would. `Ok(None)` when another revision is stored and
/// `ops` is `None`: nothing was written; load the code and save again.
pub fn save_account_with(
    store: &dyn KeyValueStore,
    account: &AccountRecord,
    ops: Option<&RecordOps>,
) -> Result<Option<AccountRecord>, StoreError> {
    let key = account_key(&account.id);
    let raw = store.get(&key)?;
    // A value that is not a record of this account (unreadable, or another id) is replaced,
    // as it always was: load_accounts quarantined it, or protected the key from writes.
    let head = raw
        .as_deref()
        .and_then(|raw| Head::read(store, raw))
        .filter(|h| h.id == account.id);
    let stored = match (&head, raw.as_deref(), ops) {
        (Some(head), Some(raw), Some(ops)) if head.rev != account.rev => (ops.decode)(raw)
            .ok()
            .map(|d| d.account)
            .filter(|s| s.id == account.id),
        (Some(head), _, None) if head.rev != account.rev => return Ok(None),
        _ => None,
    };
    let mut out = match (&stored, ops) {
        (Some(stored), Some(ops)) => (ops.merge)(account, stored),
        _ => account.clone(),
    };
    let stored_rev = head.as_ref().map(|h| h.rev.as_str());
    let count = rev_count(&account.rev).max(stored_rev.map_or(0, rev_count));
    out.rev.clear();
    let body = serde_json::to_string(&out).map_err(|e| StoreError::Other(e.to_string()))?;
    let checksum = format!("{:08x}", crc32(body.as_bytes()));
    // The same content written again (an import of an export) keeps the revision it had.
    out.rev = match account.rev.split_once('-') {
        Some((_, same)) if same == checksum && stored_rev.is_none_or(|s| s == account.rev) => {
            account.rev.clone()
        }
        _ => format!("{}-{checksum}", count + 1),
    };
    store::save_json(store, &key, &out)?;
    Ok(Some(out))
}

/// Deletes a quarantined copy the user has downloaded and, if the stored value it was copied
/// from is still that same unreadable text, that value too — so it is not met, and copied,
/// again at the next start. A record written by a newer Rapport is never deleted (it is good
/// data for that version), nor a value another tab has since replaced with a readable one.
/// Returns whether the original was deleted.
///
/// Telling a newer build's record takes the record code: without it (`ops` is `None`) an
/// account's original is never deleted, only the copy.
pub fn forget_quarantined(
    store: &dyn KeyValueStore,
    copy_key: &str,
    original_key: &str,
    ops: Option<&RecordOps>,
) -> Result<bool, StoreError> {
    if !copy_key.starts_with(store::QUARANTINE_PREFIX) {
        return Err(StoreError::Other(format!(
            "{copy_key:?} is not a quarantined copy"
        )));
    }
    let copy = store.get(copy_key)?;
    let original = store.get(original_key)?;
    let newer = |raw: &str| {
        original_key.starts_with(ACCOUNT_PREFIX)
            && ops.is_none_or(|ops| (ops.decode)(raw).is_err_and(|e| schema::is_newer(&e)))
    };
    let delete_original = match (&copy, &original) {
        (Some(copy), Some(original)) => copy == original && !newer(original),
        _ => false,
    };
    if delete_original {
        store.remove(original_key)?;
    }
    store.remove(copy_key)?;
    Ok(delete_original)
}

/// Deletes one account.
pub fn remove_account(store: &dyn KeyValueStore, account_id: &AccountId) -> Result<(), StoreError> {
    store.remove(&account_key(account_id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::model::bank::bank;
    use crate::engine::model::record::NewAccount;
    use crate::engine::storage::store::{LoadProblem, MemoryStore};

    fn account(id: &str, at: u64) -> AccountRecord {
        let input = NewAccount {
            name: format!("Account {id}"),
            ..Default::default()
        };
        AccountRecord::start(&id.into(), &format!("{id}-s").into(), &input, bank(), at).unwrap()
    }

    #[test]
    fn accounts_round_trip_and_load_in_creation_order() {
        let store = MemoryStore::new();
        save_account(&store, &account("b", 2), &RecordOps::FULL).unwrap();
        save_account(&store, &account("a", 1), &RecordOps::FULL).unwrap();
        store.set("unrelated.key", "whatever").unwrap();
        let loaded = load_accounts(&store, 0, &RecordOps::FULL);
        assert!(loaded.problems.is_empty());
        let ids: Vec<&str> = loaded.accounts.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
        remove_account(&store, &"a".into()).unwrap();
        assert_eq!(load_accounts(&store, 0, &RecordOps::FULL).accounts.len(), 1);
    }

    #[test]
    fn one_corrupt_account_is_quarantined_and_the_rest_load() {
        let store = MemoryStore::new();
        save_account(&store, &account("good", 1), &RecordOps::FULL).unwrap();
        store
            .set(&account_key(&"bad".into()), "{\"v\":1,\"id\":")
            .unwrap();
        let mut wrong_id = account("other", 1);
        wrong_id.id = "x".into();
        store
            .set(
                &account_key(&"other".into()),
                &serde_json::to_string(&wrong_id).unwrap(),
            )
            .unwrap();
        let loaded = load_accounts(&store, 7, &RecordOps::FULL);
        assert_eq!(loaded.accounts.len(), 1);
        assert_eq!(loaded.problems.len(), 2);
        assert!(loaded.protected.is_empty(), "both were preserved");
        let snapshot = store.snapshot();
        assert_eq!(
            snapshot[&account_key(&"bad".into())],
            "{\"v\":1,\"id\":",
            "the original stays"
        );
        assert!(snapshot.contains_key(&format!(
            "rapport.quarantine.7.{}",
            account_key(&"bad".into())
        )));
        assert!(snapshot.contains_key(&format!(
            "rapport.quarantine.7.{}",
            account_key(&"other".into())
        )));
    }

    #[test]
    fn older_formats_load_upgraded_and_newer_ones_are_left_alone() {
        let store = MemoryStore::new();
        let v1 = include_str!("../../../tests/fixtures/storage/v1-account.json");
        let v2 = include_str!("../../../tests/fixtures/storage/v2-account.json");
        store.set(&account_key(&"acct-v1".into()), v1).unwrap();
        let newer = v2
            .replacen("\"v\":2", "\"v\":9", 1)
            .replacen("acct-v1", "acct-v9", 1);
        store.set(&account_key(&"acct-v9".into()), &newer).unwrap();
        let loaded = load_accounts(&store, 5, &RecordOps::FULL);
        assert_eq!(loaded.accounts.len(), 1);
        assert_eq!(loaded.migrated, ["acct-v1"]);
        assert_eq!(loaded.protected, ["acct-v9"]);
        assert!(
            matches!(&loaded.problems[..], [LoadProblem::Unreadable { error, .. }] if error.contains("newer version"))
        );
        assert_eq!(
            store
                .get(&account_key(&"acct-v9".into()))
                .unwrap()
                .as_deref(),
            Some(newer.as_str())
        );
        // Saving the upgraded record writes the current format, with a first revision.
        let written = save_account(&store, &loaded.accounts[0], &RecordOps::FULL).unwrap();
        assert!(written.rev.starts_with("1-"), "{}", written.rev);
        let stored = store.get(&account_key(&"acct-v1".into())).unwrap().unwrap();
        assert!(stored.starts_with("{\"v\":3,"));
        assert_eq!(schema::decode_account(&stored).unwrap().account, written);
        let mut without_rev = written.clone();
        without_rev.rev.clear();
        assert_eq!(without_rev, loaded.accounts[0]);
    }

    #[test]
    fn a_downloaded_quarantined_copy_is_deleted_with_its_damaged_original_only() {
        let store = MemoryStore::new();
        let broken = account_key(&"bad".into());
        store.set(&broken, "{\"v\":1,\"id\":").unwrap();
        let v3 = include_str!("../../../tests/fixtures/storage/v3-account.json").trim_end();
        let newer_key = account_key(&"acct-v1".into());
        let newer = v3.replacen("\"rev\":", "\"watchers\":[],\"rev\":", 1);
        store.set(&newer_key, &newer).unwrap();
        let loaded = load_accounts(&store, 7, &RecordOps::FULL);
        let copies: Vec<(String, String)> = loaded
            .problems
            .iter()
            .filter_map(|p| match p {
                LoadProblem::Unreadable {
                    key,
                    kept_as: Ok(copy),
                    ..
                } => Some((key.clone(), copy.clone())),
                _ => None,
            })
            .collect();
        assert_eq!(copies.len(), 2);
        assert_eq!(
            loaded.protected,
            ["acct-v1"],
            "a newer build's record is protected"
        );
        for (key, copy) in &copies {
            let deleted = forget_quarantined(&store, copy, key, Some(&RecordOps::FULL)).unwrap();
            assert_eq!(deleted, *key == broken, "{key}");
            assert_eq!(store.get(copy).unwrap(), None);
        }
        assert_eq!(store.get(&broken).unwrap(), None);
        assert_eq!(
            store.get(&newer_key).unwrap().as_deref(),
            Some(newer.as_str())
        );
        // Nothing is met again at the next start but the newer record.
        assert_eq!(load_accounts(&store, 8, &RecordOps::FULL).problems.len(), 1);
        // An original repaired meanwhile (by another tab) is left alone.
        store.set(&broken, "{garbage").unwrap();
        let copy = store::quarantine(&store, &broken, "{garbage", 9).unwrap();
        store.set(&broken, v3).unwrap();
        assert!(!forget_quarantined(&store, &copy, &broken, Some(&RecordOps::FULL)).unwrap());
        assert_eq!(store.get(&broken).unwrap().as_deref(), Some(v3));
        assert!(
            forget_quarantined(&store, &broken, &broken, Some(&RecordOps::FULL)).is_err(),
            "only copies"
        );
    }

    #[test]
    fn storage_events_become_account_changes() {
        let a = account("a", 1);
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(
            external_change(&account_key(&"a".into()), Some(&json), &RecordOps::FULL),
            Some(ExternalChange::Written(Box::new(a)))
        );
        assert_eq!(
            external_change(&account_key(&"a".into()), None, &RecordOps::FULL),
            Some(ExternalChange::Removed("a".into()))
        );
        assert_eq!(
            external_change(&account_key(&"b".into()), Some(&json), &RecordOps::FULL),
            None,
            "id must match the key"
        );
        assert_eq!(
            external_change(
                &account_key(&"a".into()),
                Some("{garbage"),
                &RecordOps::FULL
            ),
            None
        );
        assert_eq!(
            external_change("rapport.v1.settings", Some("{}"), &RecordOps::FULL),
            None
        );
    }

    #[test]
    fn full_store_keeps_previous_record() {
        let store = MemoryStore::with_quota(4000);
        let mut a = account("a", 1);
        save_account(&store, &a, &RecordOps::FULL).unwrap();
        let before = store.snapshot();
        a.name = "y".repeat(5000);
        assert_eq!(
            save_account(&store, &a, &RecordOps::FULL),
            Err(StoreError::QuotaExceeded)
        );
        assert_eq!(store.snapshot(), before);
    }

    /// A tab without the record code (a new visitor's) writes its own account as a tab with it
    /// would, as long as what is stored is what it read or wrote last; it is held back, with
    /// nothing written, only when another tab has written another revision since.
    #[test]
    fn a_save_without_the_record_code_waits_only_for_another_revision() {
        let store = MemoryStore::new();
        let mut ours = account("a", 1);
        let first = save_account_with(&store, &ours, None).unwrap().unwrap();
        assert_eq!(
            first.rev,
            save_account(&MemoryStore::new(), &ours, &RecordOps::FULL)
                .unwrap()
                .rev
        );
        ours.rev.clone_from(&first.rev);
        ours.name = "Ours".into();
        ours.details_ms = 5;
        let second = save_account_with(&store, &ours, None).unwrap().unwrap();
        assert!(second.rev.starts_with("2-"), "{}", second.rev);
        let stored = schema::decode_account(&store.get(&account_key(&ours.id)).unwrap().unwrap());
        assert_eq!(stored.unwrap().account.name, "Ours");

        // Another tab writes revision 3; ours still holds revision 2.
        let mut theirs = second.clone();
        theirs.industry = "Theirs".into();
        theirs.details_ms = 6;
        let third = save_account(&store, &theirs, &RecordOps::FULL).unwrap();
        ours.rev.clone_from(&second.rev);
        ours.tags = vec!["ours".into()];
        let before = store.snapshot();
        assert_eq!(save_account_with(&store, &ours, None), Ok(None));
        assert_eq!(store.snapshot(), before, "nothing written while held back");
        let merged = save_account_with(&store, &ours, Some(&RecordOps::FULL))
            .unwrap()
            .unwrap();
        assert_eq!(
            merged.industry, "Theirs",
            "their later edit of the details won"
        );
        assert!(
            merged.rev.starts_with("4-"),
            "{} after {}",
            merged.rev,
            third.rev
        );
    }

    /// A stored value that is not this account's record is replaced as before: the head that
    /// decides whether to merge reads neither garbage nor another account's id as a revision.
    #[test]
    fn a_save_without_the_record_code_replaces_what_is_not_this_record() {
        let store = MemoryStore::new();
        let ours = account("a", 1);
        store.set(&account_key(&ours.id), "{garbage").unwrap();
        assert!(save_account_with(&store, &ours, None).unwrap().is_some());
        let other = account("b", 1);
        let mut foreign = serde_json::to_value(&other).unwrap();
        foreign["rev"] = "9-00000000".into();
        store
            .set(&account_key(&ours.id), &foreign.to_string())
            .unwrap();
        assert!(save_account_with(&store, &ours, None).unwrap().is_some());
    }
}
