//! [`Pairs`]: a small string-keyed map kept as a list, read and written as a JSON object.
//!
//! Notes (a few per assessment) and labels (about a hundred) are small; a tree map would add a
//! few KB of code to the wasm per value type, and a linear search over them is instant.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};

/// Entries in insertion order; keys are unique.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pairs<V>(Vec<(String, V)>);

impl<V> Default for Pairs<V> {
    fn default() -> Self {
        Pairs(Vec::new())
    }
}

impl<V> Pairs<V> {
    /// No entries.
    pub fn new() -> Self {
        Self::default()
    }

    /// The value under `key`.
    pub fn get(&self, key: &str) -> Option<&V> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// The value under `key`, to change in place.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut V> {
        self.0.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Whether `key` has a value.
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Sets `key` to `value`, replacing an earlier value in place.
    pub fn insert(&mut self, key: String, value: V) {
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some(entry) => entry.1 = value,
            None => self.0.push((key, value)),
        }
    }

    /// Removes `key` and its value, if present.
    pub fn remove(&mut self, key: &str) {
        self.0.retain(|(k, _)| k != key);
    }

    /// How many entries.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there is no entry.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Every entry as a slice, in insertion order.
    pub fn as_slice(&self) -> &[(String, V)] {
        &self.0
    }

    /// Every entry, in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &V)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    /// Every key, in insertion order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }
}

impl<'a, V> IntoIterator for &'a Pairs<V> {
    type Item = (&'a String, &'a V);
    type IntoIter =
        std::iter::Map<std::slice::Iter<'a, (String, V)>, fn(&(String, V)) -> (&String, &V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl<V: Serialize> Serialize for Pairs<V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Pairs<V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct PairsVisitor<V>(PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for PairsVisitor<V> {
            type Value = Pairs<V>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Pairs<V>, M::Error> {
                let mut pairs = Pairs::new();
                while let Some((k, v)) = map.next_entry::<String, V>()? {
                    // A repeated key keeps the last value, as a map would.
                    pairs.insert(k, v);
                }
                Ok(pairs)
            }
        }
        d.deserialize_map(PairsVisitor(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn behaves_like_a_map_and_round_trips_as_an_object() {
        let mut p: Pairs<String> = Pairs::new();
        p.insert("b".into(), "1".into());
        p.insert("a".into(), "2".into());
        p.insert("b".into(), "3".into());
        assert_eq!(p.len(), 2);
        assert_eq!(p.get("b").map(String::as_str), Some("3"));
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(json, r#"{"b":"3","a":"2"}"#);
        assert_eq!(serde_json::from_str::<Pairs<String>>(&json).unwrap(), p);
        assert_eq!(
            serde_json::from_str::<Pairs<String>>(r#"{"k":"x","k":"y"}"#)
                .unwrap()
                .get("k")
                .map(String::as_str),
            Some("y")
        );
        assert!(serde_json::from_str::<Pairs<String>>("[]").is_err());
        p.remove("b");
        assert!(!p.contains_key("b") && !p.is_empty());
    }
}
