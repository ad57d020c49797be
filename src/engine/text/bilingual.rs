//! Text in both interface languages, as stored in data files (question bank, actions).

use serde::{Deserialize, Serialize};

use crate::engine::text::lang::Lang;

/// A string in English and Simplified Chinese.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub en: String,
    pub zh: String,
}

impl Text {
    /// The string in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
        }
    }

    /// Whether either language is blank.
    pub fn has_blank(&self) -> bool {
        self.en.trim().is_empty() || self.zh.trim().is_empty()
    }
}
