//! The two interface languages and how the default is chosen.

use serde::{Deserialize, Serialize};

/// An interface language. Serialised as its storage id (`"en"`, `"zh"`), which is part of
/// the stored settings and of the embed API's `lang` parameter, so it must not change.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
pub enum Lang {
    #[default]
    #[serde(rename = "en")]
    En,
    #[serde(rename = "zh")]
    Zh,
}

/// A set of languages: which ones a copy of the on-demand data carries. The browser first fetches
/// the copy in the visitor's language only, and both once the language is switched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Langs(u8);

impl Langs {
    /// Every supported language.
    pub const ALL: Langs = Langs((1 << Lang::ALL.len()) - 1);

    /// Just `lang`.
    pub fn only(lang: Lang) -> Langs {
        Langs(1 << lang as u8)
    }

    /// Whether `lang` is in the set.
    pub fn contains(self, lang: Lang) -> bool {
        self.0 & (1 << lang as u8) != 0
    }

    /// Whether every language of `other` is in the set.
    pub fn covers(self, other: Langs) -> bool {
        self.0 & other.0 == other.0
    }

    /// The language, when the set holds exactly one.
    pub fn single(self) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|&lang| Langs::only(lang) == self)
    }

    /// What the next fetch of a data set should carry, given the copy installed (`have`, empty
    /// when none) and the language wanted: `lang`'s own copy first; the bilingual file once any
    /// copy is in, so that a user who switched can switch back with nothing more to fetch.
    pub fn to_fetch(have: Langs, lang: Lang) -> Langs {
        if have == Langs::default() {
            Langs::only(lang)
        } else {
            Langs::ALL
        }
    }
}

impl Lang {
    /// Every supported language, in the order the switch shows them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The stable id used in storage and URLs.
    pub fn id(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The BCP 47 tag for `<html lang>` and `lang` attributes, so screen readers and fonts
    /// pick the right voice and glyphs (Simplified Chinese, not just "zh").
    pub fn html_tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    /// The language's own name, shown on the switch in that language.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Zh => "简体中文",
        }
    }

    /// Parses a stored id or a URL parameter; accepts BCP 47 tags such as `zh-CN` or `en-GB`.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        match primary.to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "zh" => Some(Lang::Zh),
            _ => None,
        }
    }

    /// Picks the default from the browser's preferred languages (`navigator.languages`):
    /// the first one we support wins; English when none is supported.
    ///
    /// Traditional-Chinese tags (`zh-TW`, `zh-HK`, `zh-Hant`) still map to Simplified Chinese:
    /// a Chinese reader is better served by 简体 than by English.
    pub fn from_browser_preferences<S: AsRef<str>>(preferred: &[S]) -> Lang {
        preferred
            .iter()
            .find_map(|tag| Lang::parse(tag.as_ref()))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_preferences_pick_first_supported_language() {
        assert_eq!(Lang::from_browser_preferences(&["zh-CN", "en"]), Lang::Zh);
        assert_eq!(
            Lang::from_browser_preferences(&["fr-FR", "zh-TW", "en"]),
            Lang::Zh
        );
        assert_eq!(Lang::from_browser_preferences(&["de", "en-GB"]), Lang::En);
        assert_eq!(Lang::from_browser_preferences(&["de", "fr"]), Lang::En);
        let none: [&str; 0] = [];
        assert_eq!(Lang::from_browser_preferences(&none), Lang::En);
    }

    #[test]
    fn parse_accepts_ids_and_tags_and_rejects_others() {
        assert_eq!(Lang::parse("zh"), Some(Lang::Zh));
        assert_eq!(Lang::parse("ZH_cn"), Some(Lang::Zh));
        assert_eq!(Lang::parse(" en-US "), Some(Lang::En));
        assert_eq!(Lang::parse("english"), None);
        assert_eq!(Lang::parse(""), None);
    }

    #[test]
    fn ids_round_trip_through_serde() {
        for lang in Lang::ALL {
            let json = serde_json::to_string(&lang).unwrap();
            assert_eq!(json, format!("\"{}\"", lang.id()));
            assert_eq!(serde_json::from_str::<Lang>(&json).unwrap(), lang);
        }
    }
}
