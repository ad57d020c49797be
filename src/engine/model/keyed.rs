//! Lists of items an account keeps one by one — plan items, contacts — and how two copies of
//! such a list merge.
//!
//! Each item has an id unique within its account and its own edit time; a removed item leaves a
//! dated tombstone so that a copy still holding it (another tab, later a server) does not bring
//! it back. Merging takes, per id, the copy edited last and drops an item removed after its last
//! edit: commutative, associative and idempotent (property-tested in `model::merge`), so any two
//! copies agree whichever merges first.

use std::cmp::Ordering;

use crate::engine::model::pairs::Pairs;

/// An item of a keyed list.
pub trait Keyed: Clone + Ord {
    /// Unique within the account.
    fn key(&self) -> &str;
    /// When it was added (the list's order).
    fn created_ms(&self) -> u64;
    /// When any field was last edited: the later edit wins.
    fn updated_ms(&self) -> u64;
}

/// One account's list and its tombstones, borrowed for a change.
pub struct KeyedList<'a, T> {
    pub items: &'a mut Vec<T>,
    pub removed: &'a mut Pairs<u64>,
    /// Most tombstones kept (the oldest go first).
    pub max_removed: usize,
}

impl<T: Keyed> KeyedList<'_, T> {
    /// The time an item added now gets: after any removal of the same id this copy knows, so
    /// the new item is not hidden by it.
    pub fn add_time(&self, id: &str, now_ms: u64) -> u64 {
        self.removed
            .get(id)
            .map_or(now_ms, |t| now_ms.max(t.saturating_add(1)))
    }

    /// Removes the item with this id, remembering when; `None` when there is none.
    pub fn remove(&mut self, id: &str, now_ms: u64) -> Option<T> {
        let at = self.items.iter().position(|p| p.key() == id)?;
        let item = self.items.remove(at);
        self.remember_removal(id, now_ms.max(item.updated_ms().saturating_add(1)));
        Some(item)
    }

    /// Records a removal, keeping only the latest `max_removed`.
    pub fn remember_removal(&mut self, id: &str, at: u64) {
        if self.removed.get(id).is_some_and(|t| *t >= at) {
            return;
        }
        self.removed.insert(id.to_owned(), at);
        while self.removed.len() > self.max_removed {
            let oldest = self
                .removed
                .iter()
                .min_by(|a, b| (a.1, a.0).cmp(&(b.1, b.0)))
                .map(|(id, _)| id.clone());
            match oldest {
                Some(id) => self.removed.remove(&id),
                None => break,
            }
        }
    }

    /// Merges another copy's items and tombstones into this one.
    pub fn merge(&mut self, their_items: &[T], their_removed: &Pairs<u64>) {
        for (id, at) in their_removed.iter() {
            self.remember_removal(id, *at);
        }
        for other in their_items {
            match self.items.iter_mut().find(|p| p.key() == other.key()) {
                Some(mine) => {
                    // Same millisecond: ordered by value, so both sides pick the same copy.
                    if (mine.updated_ms(), &*mine) < (other.updated_ms(), other) {
                        *mine = other.clone();
                    }
                }
                None => self.items.push(other.clone()),
            }
        }
        sort_removed(self.removed);
        let removed = &*self.removed;
        self.items
            .retain(|p| removed.get(p.key()).is_none_or(|at| p.updated_ms() > *at));
        crate::engine::model::sort::sort_by(self.items, by_creation);
    }
}

/// Lists tombstones by id, so both copies' merges store them alike. Not generic: one copy of
/// this code serves every list (each list type would otherwise carry its own in the first load,
/// where records are merged).
#[inline(never)]
fn sort_removed(removed: &mut Pairs<u64>) {
    let mut sorted: Vec<(String, u64)> = removed.iter().map(|(id, at)| (id.clone(), *at)).collect();
    crate::engine::model::sort::sort_by(&mut sorted, |a, b| a.0.cmp(&b.0));
    *removed = Pairs::new();
    for (id, at) in sorted {
        removed.insert(id, at);
    }
}

/// The order of a keyed list: by creation, then id.
pub fn by_creation<T: Keyed>(a: &T, b: &T) -> Ordering {
    (a.created_ms(), a.key()).cmp(&(b.created_ms(), b.key()))
}

/// A later edit time than `previous`, even with a clock running behind.
pub fn next_edit_time(previous: u64, now_ms: u64) -> u64 {
    now_ms.max(previous.saturating_add(1))
}
