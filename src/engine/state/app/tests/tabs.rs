//! Two tabs on one account, with the interleavings a browser allows: each tab edits, saves
//! through [`persist::save_account`] against *its own* view of `localStorage` (which may lag the
//! other tab's latest write), and receives the other's writes as `storage` events, in order but
//! at any later moment. Whatever the interleaving, once every event has been delivered, every
//! edit has survived or was overridden only by a later edit of the same field, and both tabs
//! and the storage agree.
//!
//! One tab starts without the record code (a new visitor's tab: `ui::lazy` fetches it when a
//! save finds another revision stored, or a `storage` event arrives), the other with it.

use super::*;
use crate::engine::storage::persist::{self, ExternalChange};
use crate::engine::storage::record_ops::RecordOps;
use crate::engine::storage::store::{KeyValueStore, MemoryStore};

/// A small deterministic generator: the same seed replays the same run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % u64::try_from(n).unwrap()).unwrap()
    }
}

struct Tab {
    state: AppState,
    /// This tab's view of storage: its own writes, and the other tab's once delivered.
    view: MemoryStore,
    /// The other tab's writes not yet visible here, oldest first.
    inbox: Vec<(String, Option<String>)>,
    /// Writes already visible in `view` whose `storage` event has not run yet (the browser
    /// updates a page's copy of storage before the event's task runs, so a save can come between).
    events: Vec<(String, Option<String>)>,
    /// The record code, once this tab has fetched it.
    ops: Option<RecordOps>,
}

/// A field and the value an edit gave it, in the order the merge breaks ties by.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Field {
    Answer(usize),
    Note(usize),
    Name,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Value {
    /// An answer, by the rank the merge orders same-millisecond answers by (one per choice).
    Choice(u16),
    Note(Option<String>),
    Name(String),
}

fn rank(choice: Option<Choice>) -> u16 {
    match choice {
        None => 0,
        Some(Choice::Option(i)) => 1 + u16::from(i),
        Some(Choice::DontKnow) => 300,
    }
}

const QUESTIONS: usize = 6;
const ACCOUNT: &str = "a1";

fn value_of(account: &AccountRecord, field: &Field) -> (u64, Value) {
    let draft = account.draft().expect("the draft survives");
    match field {
        Field::Answer(at) => {
            let choice = draft.answers.at(*at);
            (draft.answered_at.at(*at), Value::Choice(rank(choice)))
        }
        Field::Note(at) => {
            let id = crate::engine::storage::schema::ANSWER_ORDER[*at];
            (
                draft.noted_at.at(*at),
                Value::Note(draft.notes.get(id).cloned()),
            )
        }
        Field::Name => (account.details_ms, Value::Name(account.name.clone())),
    }
}

fn edit(tab: &mut Tab, rng: &mut Rng, now_ms: u64) -> (Field, u64, Value) {
    let bank = bank();
    let q = &bank.questions[rng.below(QUESTIONS)];
    let at = crate::engine::model::answers::position(&q.id).unwrap();
    let account_id: AccountId = ACCOUNT.into();
    let (field, action) = match rng.below(5) {
        0..=2 => {
            let choice = match rng.below(q.options.len() + 2) {
                0 => None,
                1 => Some(Choice::DontKnow),
                n => Some(Choice::option(n - 2)),
            };
            let action = Action::Answer {
                account_id,
                question_id: q.id.clone(),
                choice,
                now_ms,
            };
            (Field::Answer(at), action)
        }
        3 => {
            let text = ["", "price talks next week", "质量稳定", "ask Li"][rng.below(4)];
            let action = Action::Note {
                account_id,
                question_id: q.id.clone(),
                text: text.into(),
                now_ms,
            };
            (Field::Note(at), action)
        }
        _ => {
            let name = ["Acme", "Acme Steel", "Acme 华东", "ACME"][rng.below(4)];
            let action = Action::EditDetails {
                account_id,
                input: NewAccount {
                    name: name.into(),
                    ..Default::default()
                },
                now_ms,
            };
            (Field::Name, action)
        }
    };
    tab.state = reduce(tab.state.clone(), action);
    let (stamp, value) = value_of(tab.state.account(&ACCOUNT.into()).unwrap(), &field);
    (field, stamp, value)
}

/// What the shell's `persist_unsaved` does, against the tab's view; returns the write.
fn save(tab: &mut Tab) -> Option<(String, String)> {
    let id: AccountId = ACCOUNT.into();
    if !tab.state.unsaved.contains(&id) {
        return None;
    }
    let account = tab.state.account(&id).unwrap().clone();
    let written = match persist::save_account_with(&tab.view, &account, tab.ops.as_ref()).unwrap() {
        Some(written) => written,
        None => {
            // Another revision is stored: the shell fetches the record code, then saves again.
            assert!(
                tab.ops.is_none(),
                "only a tab without the code is held back"
            );
            tab.ops = Some(RecordOps::FULL);
            tab.state = reduce(tab.state.clone(), Action::CodeArrived);
            persist::save_account(&tab.view, &account, &RecordOps::FULL).unwrap()
        }
    };
    tab.state = reduce(
        tab.state.clone(),
        Action::Saved {
            written: vec![id.clone()],
            records: vec![written],
            failed: None,
            ops: tab.ops,
        },
    );
    let key = persist::account_key(&id);
    let value = tab.view.get(&key).unwrap().unwrap();
    Some((key, value))
}

/// The next of the other tab's writes becomes visible in this tab's storage.
fn arrive(tab: &mut Tab) {
    if tab.inbox.is_empty() {
        return;
    }
    let (key, value) = tab.inbox.remove(0);
    match &value {
        Some(v) => tab.view.set(&key, v).unwrap(),
        None => tab.view.remove(&key).unwrap(),
    }
    tab.events.push((key, value));
}

/// The next `storage` event runs.
fn handle(tab: &mut Tab) {
    if tab.events.is_empty() {
        return;
    }
    let (key, value) = tab.events.remove(0);
    // Reading another tab's write takes the record code: the shell fetches it first.
    let ops = *tab.ops.get_or_insert(RecordOps::FULL);
    if let Some(change) = persist::external_change(&key, value.as_deref(), &ops) {
        tab.state = reduce(tab.state.clone(), Action::External { change, ops });
    }
}

fn run(seed: u64) {
    let mut rng = Rng(seed);
    let first = started();
    let store = MemoryStore::new();
    let id: AccountId = ACCOUNT.into();
    let written =
        persist::save_account(&store, first.account(&id).unwrap(), &RecordOps::FULL).unwrap();
    let key = persist::account_key(&id);
    let raw = store.get(&key).unwrap().unwrap();
    let mut tabs: Vec<Tab> = (0..2)
        .map(|n| {
            let view = MemoryStore::new();
            view.set(&key, &raw).unwrap();
            let mut state = first.clone();
            state.unsaved.clear();
            state.accounts[0] = written.clone();
            Tab {
                state,
                view,
                inbox: Vec::new(),
                events: Vec::new(),
                ops: (n == 1).then_some(RecordOps::FULL),
            }
        })
        .collect();
    let mut truth = raw;
    let mut edits: Vec<(Field, u64, Value)> = Vec::new();
    let mut now_ms = 10;
    for _ in 0..60 {
        // The clock stands still sometimes: two edits in one millisecond must still order.
        now_ms += u64::try_from(rng.below(2)).unwrap();
        let t = rng.below(2);
        match rng.below(5) {
            0 | 1 => edits.push(edit(&mut tabs[t], &mut rng, now_ms)),
            2 => {
                if let Some((k, v)) = save(&mut tabs[t]) {
                    truth.clone_from(&v);
                    tabs[1 - t].inbox.push((k, Some(v)));
                }
            }
            3 => arrive(&mut tabs[t]),
            _ => handle(&mut tabs[t]),
        }
    }
    // Quiet time: every pending save runs and every event arrives.
    for _ in 0..100 {
        let mut busy = false;
        for t in 0..2 {
            if let Some((k, v)) = save(&mut tabs[t]) {
                truth.clone_from(&v);
                tabs[1 - t].inbox.push((k, Some(v)));
                busy = true;
            }
            while !tabs[t].inbox.is_empty() || !tabs[t].events.is_empty() {
                arrive(&mut tabs[t]);
                handle(&mut tabs[t]);
                busy = true;
            }
        }
        if !busy {
            break;
        }
    }
    assert!(
        tabs.iter()
            .all(|t| t.inbox.is_empty() && t.events.is_empty() && t.state.unsaved.is_empty()),
        "seed {seed}: the tabs never settled"
    );
    let stored = crate::engine::storage::schema::decode_account(&truth)
        .unwrap()
        .account;
    for (field, _, _) in &edits {
        let winner = edits
            .iter()
            .filter(|(f, _, _)| f == field)
            .map(|(_, stamp, value)| (*stamp, value.clone()))
            .max()
            .unwrap();
        let (_, expected) = &winner;
        assert_eq!(
            &value_of(&stored, field).1,
            expected,
            "seed {seed}: {field:?} in storage"
        );
        for (i, tab) in tabs.iter().enumerate() {
            let account = tab.state.account(&id).unwrap();
            assert_eq!(
                &value_of(account, field).1,
                expected,
                "seed {seed}: {field:?} in tab {i}"
            );
        }
    }
    for tab in &tabs {
        assert!(crate::engine::model::merge::same_content(
            tab.state.account(&id).unwrap(),
            &stored
        ));
    }
}

#[test]
fn two_tabs_never_lose_an_edit_whatever_the_interleaving() {
    for seed in 1..=400u64 {
        run(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
    }
}

#[test]
fn a_deletion_elsewhere_removes_the_account_here() {
    let mut state = started();
    let id: AccountId = ACCOUNT.into();
    state = reduce(
        state,
        Action::External {
            change: ExternalChange::Removed(id.clone()),
            ops: RecordOps::FULL,
        },
    );
    assert!(state.account(&id).is_none());
}
