//! Text in both interface languages, as stored in data files (question bank, actions).

use serde::{Deserialize, Serialize};

use crate::engine::text::lang::Lang;

/// A string in English and Simplified Chinese. The browser's first copy of the on-demand data
/// carries one language only (scripts/postbuild.mjs writes a copy per language), so a language
/// may be absent from the JSON: it reads as empty, and the state never shows a copy in a
/// language it does not carry (`AppState::loaded`). The bilingual source files are tested for
/// blanks (`has_blank`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    #[serde(default)]
    pub en: String,
    #[serde(default)]
    pub zh: String,
}

impl Text {
    /// Decodes `{"en": …, "zh": …}` as the derived `Deserialize` does: either language may be
    /// absent (one language's copy), other members are ignored. `what` names it in errors.
    pub fn from_json(
        json: Option<&crate::engine::storage::json::Json>,
        what: &str,
    ) -> Result<Text, String> {
        let json = json.ok_or(format!("{what} is missing"))?;
        json.members(what)?;
        let lang = |key: &str| match json.get(key) {
            None => Ok(String::new()),
            Some(text) => text
                .as_str()
                .map(str::to_owned)
                .ok_or(format!("{what}: {key} must be a string")),
        };
        Ok(Text {
            en: lang("en")?,
            zh: lang("zh")?,
        })
    }

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

/// Where Chinese text uses ASCII punctuation that should be full width (，。：？；！（）): an ASCII
/// `, : ; ? ! ( )` next to a Chinese character or to Chinese punctuation, spaces between them
/// ignored. Returns the offending excerpts; empty when the text follows the rule. A product rule
/// (natural business Chinese), enforced by tests on every Chinese string Rapport ships.
#[cfg(not(target_arch = "wasm32"))]
pub fn ascii_punctuation_in_chinese(text: &str) -> Vec<String> {
    let chinese = |c: char| {
        ('\u{4e00}'..='\u{9fff}').contains(&c)
            || ('\u{3000}'..='\u{303f}').contains(&c)
            || ('\u{ff00}'..='\u{ffef}').contains(&c)
    };
    let ascii = |c: char| matches!(c, ',' | ':' | ';' | '?' | '!' | '(' | ')');
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        if !ascii(c) {
            continue;
        }
        let before = chars[..i].iter().rev().find(|c| **c != ' ').copied();
        let after = chars[i + 1..].iter().find(|c| **c != ' ').copied();
        if before.is_some_and(chinese) || after.is_some_and(chinese) {
            let from = i.saturating_sub(8);
            let to = (i + 9).min(chars.len());
            found.push(chars[from..to].iter().collect());
        }
    }
    found
}
