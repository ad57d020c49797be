//! A parsed JSON value, for the decoders the first load needs (the question bank, the settings,
//! a stored record's id and revision).
//!
//! Parsing is the platform's: in the browser its own `JSON.parse` (`ui::edge::browser`), on the
//! host `serde_json`. The decoders over this tree are written once, here in the engine, and
//! host-tested; serde's derived decoders and serde_json's parser are then needed only by code
//! outside the first load (stored records, imports, the later screens' data), which is what
//! keeps them out of the main wasm module.

/// One JSON value. An object's members are in no order to rely on, each key once (a repeated
/// key's last value, as both parsers keep it).
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    /// The number, if this is one.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// The number, if this is a whole one that fits `T` (a count, a score, a version).
    pub fn whole<T: TryFrom<u64>>(&self) -> Option<T> {
        let n = self.as_f64()?;
        // 2^53: beyond it an f64 no longer holds every whole number.
        if n.fract() != 0.0 || !(0.0..=9_007_199_254_740_992.0).contains(&n) {
            return None;
        }
        // Checked just above: whole, not negative, exact.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        T::try_from(n as u64).ok()
    }

    /// What kind of value this is, for error messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
        }
    }

    /// The members of an object, or an error naming `what` it should have been.
    pub fn members(&self, what: &str) -> Result<&[(String, Json)], String> {
        match self {
            Json::Object(members) => Ok(members),
            other => Err(format!(
                "{what}: expected an object, found {}",
                other.kind()
            )),
        }
    }

    /// The items of an array, or an error naming `what` it should have been.
    pub fn items(&self, what: &str) -> Result<&[Json], String> {
        match self {
            Json::Array(items) => Ok(items),
            other => Err(format!("{what}: expected an array, found {}", other.kind())),
        }
    }

    /// The string member `key` of an object, required.
    pub fn string(&self, key: &str, what: &str) -> Result<String, String> {
        match self.get(key) {
            Some(Json::String(s)) => Ok(s.clone()),
            Some(other) => Err(format!(
                "{what}: {key} must be a string, found {}",
                other.kind()
            )),
            None => Err(format!("{what}: {key} is missing")),
        }
    }

    /// An error unless every member of this object is one of `known` (for formats that refuse
    /// what they do not know, like the question bank).
    pub fn only(&self, known: &[&str], what: &str) -> Result<(), String> {
        for (key, _) in self.members(what)? {
            if !known.contains(&key.as_str()) {
                return Err(format!("{what}: unknown field {key:?}"));
            }
        }
        Ok(())
    }
}

/// serde_json's parse, for the host (tests, tools, the build-time render).
#[cfg(not(target_arch = "wasm32"))]
pub fn parse(text: &str) -> Result<Json, String> {
    fn convert(value: serde_json::Value) -> Json {
        match value {
            serde_json::Value::Null => Json::Null,
            serde_json::Value::Bool(b) => Json::Bool(b),
            // Every number JSON can carry reads as an f64, as in the browser.
            serde_json::Value::Number(n) => Json::Number(n.as_f64().unwrap_or(f64::NAN)),
            serde_json::Value::String(s) => Json::String(s),
            serde_json::Value::Array(items) => {
                Json::Array(items.into_iter().map(convert).collect())
            }
            serde_json::Value::Object(members) => {
                Json::Object(members.into_iter().map(|(k, v)| (k, convert(v))).collect())
            }
        }
    }
    serde_json::from_str::<serde_json::Value>(text)
        .map(convert)
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_kind_of_value() {
        let json = parse(r#"{"a":[1,2.5,-3e2],"b":{"c":null,"d":true},"e":"é\n\u4e2d"}"#).unwrap();
        assert_eq!(
            json.get("a").unwrap().items("a").unwrap(),
            &[Json::Number(1.0), Json::Number(2.5), Json::Number(-300.0)]
        );
        assert_eq!(json.get("b").unwrap().get("c"), Some(&Json::Null));
        assert_eq!(json.get("b").unwrap().get("d"), Some(&Json::Bool(true)));
        assert_eq!(json.string("e", "x").unwrap(), "é\n中");
        assert!(parse("{").is_err());
        assert!(parse("[1,]").is_err());
    }

    #[test]
    fn errors_name_the_place_and_what_was_found() {
        let json = parse(r#"{"id":5,"extra":1}"#).unwrap();
        assert_eq!(
            json.string("id", "record").unwrap_err(),
            "record: id must be a string, found a number"
        );
        assert_eq!(
            json.string("rev", "record").unwrap_err(),
            "record: rev is missing"
        );
        assert_eq!(
            json.only(&["id"], "record").unwrap_err(),
            "record: unknown field \"extra\""
        );
        assert!(json
            .items("record")
            .unwrap_err()
            .contains("expected an array"));
        assert!(Json::Null.members("x").unwrap_err().contains("found null"));
    }
}
