//! Interface settings, stored under [`SETTINGS_KEY`](crate::engine::storage::store::SETTINGS_KEY).

use serde::{Deserialize, Serialize};

use crate::engine::storage::json::Json;
use crate::engine::storage::store::{self, KeyValueStore, LoadProblem, Loaded, StoreError};
use crate::engine::text::lang::Lang;

/// What the user chose for the interface. Unknown fields are ignored so that a newer build's
/// additions do not make this build discard the settings; a wrong type is an error.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Settings {
    /// The chosen language; `None` until the user picks one, so the browser's language applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<Lang>,
}

impl Settings {
    /// Decodes stored settings as serde would (`Deserialize` above, which the host tests hold
    /// this to), without its code in the first load: unknown fields are ignored, a `lang` that is
    /// not `"en"` or `"zh"` (or null) is an error.
    pub fn from_json(json: &Json) -> Result<Settings, String> {
        json.members("settings")?;
        let lang = match json.get("lang") {
            None | Some(Json::Null) => None,
            Some(Json::String(id)) => Some(match id.as_str() {
                "en" => Lang::En,
                "zh" => Lang::Zh,
                other => return Err(format!("settings: unknown language {other:?}")),
            }),
            Some(other) => {
                return Err(format!(
                    "settings: lang must be a string, found {}",
                    other.kind()
                ))
            }
        };
        Ok(Settings { lang })
    }

    /// The language to show: the user's choice, else the browser's preference.
    pub fn effective_lang<S: AsRef<str>>(&self, browser_preferences: &[S]) -> Lang {
        self.lang
            .unwrap_or_else(|| Lang::from_browser_preferences(browser_preferences))
    }
}

/// The settings to start with and what the user must be told about how they were read.
#[derive(Debug, Clone, PartialEq)]
pub struct SettingsBoot {
    /// Settings to use for this session.
    pub settings: Settings,
    /// Whether saving them is safe; false when the stored value could not be preserved.
    pub persist: bool,
    /// Something went wrong while reading; shown to the user.
    pub problem: Option<LoadProblem>,
}

/// Reads the settings at start-up without ever losing a stored value.
pub fn boot(store: &dyn KeyValueStore, now_ms: u64) -> SettingsBoot {
    let loaded = store::load_with(store, store::SETTINGS_KEY, now_ms, |raw| {
        Settings::from_json(&store.parse_json(raw)?)
    });
    let persist = loaded.safe_to_overwrite();
    let problem = loaded.problem(store::SETTINGS_KEY);
    let settings = match loaded {
        Loaded::Found(settings) => settings,
        _ => Settings::default(),
    };
    SettingsBoot {
        settings,
        persist,
        problem,
    }
}

/// Saves the settings.
pub fn save(store: &dyn KeyValueStore, settings: &Settings) -> Result<(), StoreError> {
    store::save_json(store, store::SETTINGS_KEY, settings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::storage::store::LoadProblem;
    use crate::engine::storage::store::{MemoryStore, SETTINGS_KEY};

    #[test]
    fn fresh_store_boots_clean_and_follows_browser() {
        let boot = boot(&MemoryStore::new(), 0);
        assert_eq!(boot.problem, None);
        assert!(boot.persist);
        assert_eq!(boot.settings.effective_lang(&["zh-CN"]), Lang::Zh);
    }

    #[test]
    fn saved_choice_overrides_browser_and_survives_reload() {
        let store = MemoryStore::new();
        save(
            &store,
            &Settings {
                lang: Some(Lang::En),
            },
        )
        .unwrap();
        let boot = boot(&store, 0);
        assert_eq!(boot.settings.effective_lang(&["zh-CN"]), Lang::En);
        assert_eq!(
            store.get(SETTINGS_KEY).unwrap().as_deref(),
            Some(r#"{"lang":"en"}"#)
        );
    }

    #[test]
    fn unknown_fields_are_tolerated_wrong_types_are_not() {
        let store = MemoryStore::new();
        store
            .set(SETTINGS_KEY, r#"{"lang":"zh","theme":"dark"}"#)
            .unwrap();
        assert_eq!(boot(&store, 0).settings.lang, Some(Lang::Zh));
        store.set(SETTINGS_KEY, r#"{"lang":"fr"}"#).unwrap();
        assert!(matches!(
            boot(&store, 0).problem,
            Some(LoadProblem::Unreadable { .. })
        ));
    }

    /// The first load's decoder (over the browser's parser) agrees with the derived one.
    #[test]
    fn the_tree_decoder_reads_what_serde_reads() {
        let store = MemoryStore::new();
        for text in [
            "{}",
            r#"{"lang":"zh"}"#,
            r#"{"lang":"en","theme":"dark"}"#,
            r#"{"lang":null}"#,
            r#"{"lang":"fr"}"#,
            r#"{"lang":"zh-CN"}"#,
            r#"{"lang":5}"#,
            r#""zh""#,
            "null",
        ] {
            let tree = Settings::from_json(&store.parse_json(text).unwrap());
            let derived = serde_json::from_str::<Settings>(text);
            assert_eq!(tree.ok(), derived.ok(), "{text}");
        }
        // Stricter in one place: serde also reads a struct from an array of its fields; the
        // settings are only ever written as an object, so an array is kept aside as unreadable.
        assert!(serde_json::from_str::<Settings>(r#"["zh"]"#).is_ok());
        assert!(Settings::from_json(&store.parse_json(r#"["zh"]"#).unwrap()).is_err());
    }

    #[test]
    fn corrupt_value_is_reported_and_kept() {
        let store = MemoryStore::new();
        store.set(SETTINGS_KEY, "}{ corrupt").unwrap();
        let boot = boot(&store, 99);
        assert_eq!(boot.settings, Settings::default());
        assert!(boot.persist);
        let Some(LoadProblem::Unreadable {
            kept_as: Ok(key), ..
        }) = &boot.problem
        else {
            panic!("expected a quarantined value, got {:?}", boot.problem);
        };
        assert_eq!(store.get(key).unwrap().as_deref(), Some("}{ corrupt"));
    }
}
