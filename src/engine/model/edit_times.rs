//! [`EditTimes`]: when each answer (or note) of an assessment was last edited, so two tabs' or
//! two devices' copies merge answer by answer with the later edit winning
//! ([`crate::engine::model::merge`]).

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use crate::engine::storage::schema::ANSWER_ORDER;

/// Edit times by position of [`ANSWER_ORDER`], in ms since the epoch; 0 is "never edited here"
/// (an answer from an older record format, or none at all).
///
/// Stored as one short string: the earliest time in base 36, then one comma-separated entry per
/// position — empty for never, else base-36 milliseconds after the earliest — with trailing
/// empty entries dropped. A 15-minute draft takes about five characters per answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditTimes(Vec<u64>);

impl Default for EditTimes {
    fn default() -> Self {
        EditTimes(vec![0; ANSWER_ORDER.len()])
    }
}

impl EditTimes {
    /// When the position was last edited (0: never).
    pub fn at(&self, position: usize) -> u64 {
        self.0.get(position).copied().unwrap_or(0)
    }

    /// Records an edit at `position`.
    pub fn set(&mut self, position: usize, ms: u64) {
        if let Some(slot) = self.0.get_mut(position) {
            *slot = ms;
        }
    }

    /// The time a new edit at `position` gets: `now_ms`, or just after the last edit this copy
    /// knows of if the clock says otherwise — so an edit always wins over every edit its tab had
    /// seen of the same answer, whatever the clocks did.
    pub fn next(&self, position: usize, now_ms: u64) -> u64 {
        now_ms.max(self.at(position).saturating_add(1))
    }

    /// The latest edit at any position (0: none).
    pub fn latest(&self) -> u64 {
        self.0.iter().copied().max().unwrap_or(0)
    }

    /// Whether no position has an edit time.
    pub fn is_empty(&self) -> bool {
        self.latest() == 0
    }
}

fn base36(mut n: u64, out: &mut String) {
    let mut digits = [0u8; 13];
    let mut len = 0;
    loop {
        let digit = u8::try_from(n % 36).unwrap_or(0);
        digits[len] = if digit < 10 {
            b'0' + digit
        } else {
            b'a' + digit - 10
        };
        len += 1;
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.extend(digits[..len].iter().rev().map(|d| char::from(*d)));
}

fn parse_base36(text: &str) -> Option<u64> {
    if text.is_empty() || text.len() > 13 {
        return None;
    }
    text.chars().try_fold(0u64, |n, c| {
        n.checked_mul(36)?.checked_add(u64::from(c.to_digit(36)?))
    })
}

impl Serialize for EditTimes {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let base = self.0.iter().copied().filter(|t| *t > 0).min().unwrap_or(0);
        let last = self.0.iter().rposition(|t| *t > 0).map_or(0, |i| i + 1);
        let mut out = String::new();
        if last > 0 {
            base36(base, &mut out);
        }
        for t in &self.0[..last] {
            out.push(',');
            if *t > 0 {
                base36(t - base, &mut out);
            }
        }
        s.serialize_str(&out)
    }
}

/// Reads [`EditTimes`]' string; anything malformed is an error, never a partial result.
pub fn decode_edit_times(text: &str) -> Result<EditTimes, String> {
    let mut times = EditTimes::default();
    if text.is_empty() {
        return Ok(times);
    }
    let mut parts = text.split(',');
    let bad = || format!("malformed edit times {:?}", text.get(..40).unwrap_or(text));
    let base = parts.next().and_then(parse_base36).ok_or_else(bad)?;
    for (position, part) in parts.enumerate() {
        if position >= ANSWER_ORDER.len() {
            return Err(bad());
        }
        if !part.is_empty() {
            let delta = parse_base36(part).ok_or_else(bad)?;
            times.set(position, base.checked_add(delta).ok_or_else(bad)?);
        }
    }
    Ok(times)
}

impl<'de> Deserialize<'de> for EditTimes {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Text;
        impl Visitor<'_> for Text {
            type Value = EditTimes;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("edit times as a string")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<EditTimes, E> {
                decode_edit_times(text).map_err(E::custom)
            }
        }
        d.deserialize_str(Text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_times_round_trip_compactly_and_reject_garbage() {
        let mut t = EditTimes::default();
        assert!(t.is_empty());
        assert_eq!(serde_json::to_string(&t).unwrap(), "\"\"");
        t.set(0, 1_764_000_000_000);
        t.set(3, 1_764_000_600_000);
        t.set(79, 1_764_000_000_001);
        t.set(80, 5); // no such position: ignored
        let json = serde_json::to_string(&t).unwrap();
        assert!(json.len() < 120, "{json}");
        assert_eq!(serde_json::from_str::<EditTimes>(&json).unwrap(), t);
        assert_eq!(t.latest(), 1_764_000_600_000);
        assert_eq!(
            t.next(3, 10),
            1_764_000_600_001,
            "never before a known edit"
        );
        assert_eq!(t.next(1, 10), 10);
        for bad in ["?,", "zzzzzzzzzzzzzz,1", ",1", "1,,?", "1,zzzzzzzzzzzzz"] {
            assert!(decode_edit_times(bad).is_err(), "{bad}");
        }
        let too_many = format!("1{}", ",1".repeat(81));
        assert!(decode_edit_times(&too_many).is_err());
        assert!(serde_json::from_str::<EditTimes>("5").is_err());
    }

    proptest::proptest! {
        /// Any text: refused, or read as times that are written back to text reading the same.
        #[test]
        fn arbitrary_edit_time_text_is_refused_or_round_trips(text in "[0-9a-z,?]{0,120}") {
            if let Ok(times) = decode_edit_times(&text) {
                let json = serde_json::to_string(&times).unwrap();
                proptest::prop_assert_eq!(serde_json::from_str::<EditTimes>(&json).unwrap(), times);
            }
        }
    }
}
