//! The storage schema and the rules that keep stored data safe.
//!
//! Keys are namespaced and versioned (`rapport.v1.*`). Reading never destroys anything: a value
//! that cannot be decoded is copied to a quarantine key *before* the app may write a fresh one,
//! and if that copy fails the app keeps working in memory without touching the original.
//! The browser's `localStorage` is reached through the [`KeyValueStore`] trait so these rules
//! are tested on the host with [`MemoryStore`].

#[cfg(not(target_arch = "wasm32"))]
use std::cell::RefCell;
#[cfg(not(target_arch = "wasm32"))]
use std::collections::BTreeMap;
use std::fmt;

use serde::de::DeserializeOwned;
use serde::Serialize;

/// Interface settings ([`crate::engine::storage::settings::Settings`]).
pub const SETTINGS_KEY: &str = "rapport.v1.settings";
/// Prefix of the per-account keys: `rapport.v1.account.<account id>`. One key per account keeps
/// each write small and lets two tabs edit different accounts without overwriting each other.
pub const ACCOUNT_PREFIX: &str = "rapport.v1.account.";
/// The prefix of a respondent's draft answers to an invitation (`<prefix><invitation id>`),
/// kept in the respondent's own browser until they finish.
pub const RESPOND_PREFIX: &str = "rapport.v1.respond.";
/// Prefix of keys holding unreadable values moved aside for the user to recover.
pub const QUARANTINE_PREFIX: &str = "rapport.quarantine.";

/// Where an unreadable value of `key` is kept; the timestamp keeps earlier copies intact.
pub fn quarantine_key(key: &str, now_ms: u64) -> String {
    format!("{QUARANTINE_PREFIX}{now_ms}.{key}")
}

/// The most the quarantine may hold (UTF-16 code units, a fifth of the typical quota): copies of
/// unreadable values must never fill the storage the user's accounts need.
pub const QUARANTINE_BUDGET_UNITS: usize = TYPICAL_QUOTA_UNITS / 5;

/// Copies an unreadable `raw` value of `key` aside, **once**: if the quarantine already holds the
/// same value for this key, that copy's key is returned and nothing is written (an unreadable
/// value is met again at every start). A copy that would take the quarantine past its budget is
/// refused, which leaves the original protected for the session instead.
pub fn quarantine(
    store: &dyn KeyValueStore,
    key: &str,
    raw: &str,
    now_ms: u64,
) -> Result<String, StoreError> {
    let suffix = format!(".{key}");
    let mut held = 0;
    for existing in store.keys()? {
        let Some(rest) = existing.strip_prefix(QUARANTINE_PREFIX) else {
            continue;
        };
        let value = store.get(&existing)?.unwrap_or_default();
        if rest.ends_with(&suffix) && value == raw {
            return Ok(existing);
        }
        held += stored_units(&existing, &value);
    }
    let target = quarantine_key(key, now_ms);
    if held + stored_units(&target, raw) > QUARANTINE_BUDGET_UNITS {
        return Err(StoreError::Other(
            "the quarantine is full: download and delete the copies it holds".into(),
        ));
    }
    store.set(&target, raw).map(|()| target)
}

/// Why a storage operation failed, in terms the user can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// The browser refused to store more (`QuotaExceededError`): export and free space.
    QuotaExceeded,
    /// Storage is switched off or blocked (private mode, a sandboxed iframe, site settings).
    Unavailable(String),
    /// Anything else the browser reported.
    Other(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::QuotaExceeded => write!(f, "storage quota exceeded"),
            StoreError::Unavailable(detail) => write!(f, "storage unavailable: {detail}"),
            StoreError::Other(detail) => write!(f, "storage error: {detail}"),
        }
    }
}

/// What browsers give one origin's `localStorage`: about 5 MiB, counted in UTF-16 code units of
/// keys and values (Chromium and WebKit; Firefox counts similarly). An estimate, used to refuse an
/// import that could not fit before anything is written.
pub const TYPICAL_QUOTA_UNITS: usize = 5 * 1024 * 1024;

/// The UTF-16 code units a key and its value take in `localStorage`.
pub fn stored_units(key: &str, value: &str) -> usize {
    key.encode_utf16().count() + value.encode_utf16().count()
}

/// How much of the store is in use, in UTF-16 code units of keys and values.
pub fn used_units(store: &dyn KeyValueStore) -> Result<usize, StoreError> {
    let mut used = 0;
    for key in store.keys()? {
        if let Some(value) = store.get(&key)? {
            used += stored_units(&key, &value);
        }
    }
    Ok(used)
}

/// A string key-value store with the semantics of `window.localStorage`.
pub trait KeyValueStore {
    /// The raw value under `key`, if any.
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Writes `value` under `key`; on error nothing has changed.
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    /// Deletes `key` (no error if absent).
    fn remove(&self, key: &str) -> Result<(), StoreError>;
    /// Every key currently stored.
    fn keys(&self) -> Result<Vec<String>, StoreError>;
    /// Parses a stored value as JSON with the platform's parser (the browser's own, so the
    /// first load carries no JSON parser of its own; see [`json`](super::json)).
    fn parse_json(&self, raw: &str) -> Result<super::json::Json, String>;
}

/// An in-memory store for host tests and tools (not in the wasm: the browser has `localStorage`).
/// `quota_bytes` imitates the browser's limit (counted as key + value bytes).
#[derive(Debug, Default)]
#[cfg(not(target_arch = "wasm32"))]
pub struct MemoryStore {
    entries: RefCell<BTreeMap<String, String>>,
    quota_bytes: Option<usize>,
}

#[cfg(not(target_arch = "wasm32"))]
impl MemoryStore {
    /// An unlimited empty store.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty store that refuses writes beyond `quota_bytes` in total.
    pub fn with_quota(quota_bytes: usize) -> Self {
        MemoryStore {
            entries: RefCell::default(),
            quota_bytes: Some(quota_bytes),
        }
    }

    /// A copy of every entry, for assertions.
    pub fn snapshot(&self) -> BTreeMap<String, String> {
        self.entries.borrow().clone()
    }

    fn used_bytes_without(&self, key: &str) -> usize {
        self.entries
            .borrow()
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| k.len() + v.len())
            .sum()
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.entries.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(quota) = self.quota_bytes {
            if self.used_bytes_without(key) + key.len() + value.len() > quota {
                return Err(StoreError::QuotaExceeded);
            }
        }
        self.entries
            .borrow_mut()
            .insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.entries.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.entries.borrow().keys().cloned().collect())
    }

    fn parse_json(&self, raw: &str) -> Result<super::json::Json, String> {
        super::json::parse(raw)
    }
}

/// A problem met while reading stored data, for the user to see.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadProblem {
    /// The value under `key` did not decode; it was copied to `kept_as` (or could not be copied).
    Unreadable {
        key: String,
        error: String,
        kept_as: Result<String, StoreError>,
    },
    /// Storage could not be read at all.
    StoreFailed(StoreError),
}

/// What reading one key found.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded<T> {
    /// Nothing stored yet.
    Missing,
    /// A value that decoded.
    Found(T),
    /// A value that did not decode. `raw` is the untouched text and `error` says why.
    /// `kept_as` is the quarantine key holding a copy, or why the copy could not be made — in
    /// that case the caller must not overwrite `key`, or the only copy would be lost.
    Unreadable {
        raw: String,
        error: String,
        kept_as: Result<String, StoreError>,
    },
    /// The store itself could not be read.
    StoreFailed(StoreError),
}

impl<T> Loaded<T> {
    /// The problem to report, if any.
    pub fn problem(&self, key: &str) -> Option<LoadProblem> {
        match self {
            Loaded::Missing | Loaded::Found(_) => None,
            Loaded::Unreadable { error, kept_as, .. } => Some(LoadProblem::Unreadable {
                key: key.to_owned(),
                error: error.clone(),
                kept_as: kept_as.clone(),
            }),
            Loaded::StoreFailed(err) => Some(LoadProblem::StoreFailed(err.clone())),
        }
    }

    /// Whether the caller may write a new value under the key without losing data.
    pub fn safe_to_overwrite(&self) -> bool {
        match self {
            Loaded::Missing | Loaded::Found(_) => true,
            Loaded::Unreadable { kept_as, .. } => kept_as.is_ok(),
            Loaded::StoreFailed(_) => false,
        }
    }
}

/// Reads `key` and decodes it as JSON. An unreadable value is copied to a quarantine key
/// first (see the module docs); the original is never modified here.
pub fn load_json<T: DeserializeOwned>(
    store: &dyn KeyValueStore,
    key: &str,
    now_ms: u64,
) -> Loaded<T> {
    load_with(store, key, now_ms, |raw| {
        serde_json::from_str::<T>(raw).map_err(|e| e.to_string())
    })
}

/// [`load_json`] with a caller's decoder (one that knows older formats, for instance).
pub fn load_with<T>(
    store: &dyn KeyValueStore,
    key: &str,
    now_ms: u64,
    decode: impl FnOnce(&str) -> Result<T, String>,
) -> Loaded<T> {
    let raw = match store.get(key) {
        Ok(Some(raw)) => raw,
        Ok(None) => return Loaded::Missing,
        Err(err) => return Loaded::StoreFailed(err),
    };
    match decode(&raw) {
        Ok(value) => Loaded::Found(value),
        Err(error) => {
            let kept_as = quarantine(store, key, &raw, now_ms);
            Loaded::Unreadable {
                raw,
                error,
                kept_as,
            }
        }
    }
}

/// Encodes `value` as JSON and writes it under `key`.
pub fn save_json<T: Serialize>(
    store: &dyn KeyValueStore,
    key: &str,
    value: &T,
) -> Result<(), StoreError> {
    let json = serde_json::to_string(value).map_err(|err| StoreError::Other(err.to_string()))?;
    store.set(key, &json)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Sample {
        n: u32,
    }

    #[test]
    fn missing_and_found() {
        let store = MemoryStore::new();
        assert_eq!(load_json::<Sample>(&store, "k", 1), Loaded::Missing);
        save_json(&store, "k", &Sample { n: 7 }).unwrap();
        assert_eq!(
            load_json::<Sample>(&store, "k", 1),
            Loaded::Found(Sample { n: 7 })
        );
    }

    #[test]
    fn unreadable_value_is_quarantined_and_left_in_place() {
        let store = MemoryStore::new();
        store.set("k", "{not json").unwrap();
        let loaded = load_json::<Sample>(&store, "k", 42);
        let Loaded::Unreadable {
            raw,
            error,
            kept_as,
        } = &loaded
        else {
            panic!("expected Unreadable, got {loaded:?}");
        };
        assert_eq!(raw, "{not json");
        assert!(!error.is_empty());
        assert_eq!(kept_as.as_deref(), Ok("rapport.quarantine.42.k"));
        assert!(loaded.safe_to_overwrite());
        let snapshot = store.snapshot();
        assert_eq!(snapshot.get("k").map(String::as_str), Some("{not json"));
        assert_eq!(
            snapshot.get("rapport.quarantine.42.k").map(String::as_str),
            Some("{not json")
        );
    }

    #[test]
    fn foreign_but_valid_json_is_unreadable_too() {
        let store = MemoryStore::new();
        store.set("k", "\"hello from another app\"").unwrap();
        assert!(matches!(
            load_json::<Sample>(&store, "k", 1),
            Loaded::Unreadable { .. }
        ));
    }

    /// The same unreadable value met at every start is copied aside once, not once per start.
    #[test]
    fn an_unreadable_value_is_quarantined_once() {
        let store = MemoryStore::default();
        store.set("k", "{not json").unwrap();
        for start in 0..5 {
            let loaded: Loaded<u32> = load_json(&store, "k", 100 + start);
            assert!(matches!(
                loaded,
                Loaded::Unreadable { kept_as: Ok(ref key), .. } if key == "rapport.quarantine.100.k"
            ));
        }
        let copies = store
            .keys()
            .unwrap()
            .into_iter()
            .filter(|k| k.starts_with(QUARANTINE_PREFIX))
            .count();
        assert_eq!(copies, 1);
        // A changed bad value is a new copy.
        store.set("k", "{still not json").unwrap();
        let _: Loaded<u32> = load_json(&store, "k", 200);
        assert_eq!(
            store
                .keys()
                .unwrap()
                .iter()
                .filter(|k| k.starts_with(QUARANTINE_PREFIX))
                .count(),
            2
        );
    }

    /// Copies never take the quarantine past its budget; the original is then protected.
    #[test]
    fn the_quarantine_is_bounded() {
        let store = MemoryStore::default();
        let big = "x".repeat(QUARANTINE_BUDGET_UNITS / 2);
        for i in 0..4 {
            let key = format!("k{i}");
            store.set(&key, &big).unwrap();
            let loaded: Loaded<u32> = load_json(&store, &key, i);
            assert_eq!(loaded.safe_to_overwrite(), i < 1, "copy {i}");
        }
        let held: usize = store
            .keys()
            .unwrap()
            .iter()
            .filter(|k| k.starts_with(QUARANTINE_PREFIX))
            .map(|k| stored_units(k, &store.get(k).unwrap().unwrap()))
            .sum();
        assert!(held <= QUARANTINE_BUDGET_UNITS);
    }

    #[test]
    fn failed_quarantine_forbids_overwrite() {
        // Room for the original value only: the quarantine copy cannot be written.
        let store = MemoryStore::with_quota(12);
        store.set("k", "garbage!!").unwrap();
        let loaded = load_json::<Sample>(&store, "k", 1);
        assert!(matches!(
            &loaded,
            Loaded::Unreadable {
                kept_as: Err(StoreError::QuotaExceeded),
                ..
            }
        ));
        assert!(!loaded.safe_to_overwrite());
        assert_eq!(store.snapshot().len(), 1, "nothing else was written");
    }

    #[test]
    fn quota_refusal_leaves_previous_value() {
        let store = MemoryStore::with_quota(20);
        save_json(&store, "k", &Sample { n: 1 }).unwrap();
        let big = "x".repeat(50);
        assert_eq!(store.set("k", &big), Err(StoreError::QuotaExceeded));
        assert_eq!(
            load_json::<Sample>(&store, "k", 1),
            Loaded::Found(Sample { n: 1 })
        );
    }
}
