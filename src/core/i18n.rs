//! Every interface string in both languages.
//!
//! One struct, one constant per language: a string missing in either language is a compile
//! error, not a blank on screen. Strings with values in them are functions. The question bank's
//! texts live with the bank's data, not here.

use super::lang::Lang;

/// The interface texts of one language.
pub struct Messages {
    pub app_name: &'static str,
    pub tagline: &'static str,
    pub language_switch_label: &'static str,
    pub skip_to_content: &'static str,
    pub accounts_heading: &'static str,
    pub accounts_empty_title: &'static str,
    pub accounts_empty_body: &'static str,
    pub accounts_empty_steps: [&'static str; 3],
    pub privacy_note: &'static str,
    pub dismiss: &'static str,
    pub notices_label: &'static str,
    /// The stored settings could not be read and were copied to a quarantine key.
    pub settings_unreadable_kept: fn(kept_as: &str, error: &str) -> String,
    /// The stored settings could not be read and could not be copied either.
    pub settings_unreadable_not_kept: fn(error: &str) -> String,
    /// Storage could not be read at all.
    pub storage_unavailable: fn(error: &str) -> String,
    /// A settings write failed.
    pub settings_not_saved: fn(error: &str) -> String,
}

/// English.
pub const EN: Messages = Messages {
    app_name: "Rapport",
    tagline: "Key-account relationship assessment",
    language_switch_label: "Language",
    skip_to_content: "Skip to content",
    accounts_heading: "Accounts",
    accounts_empty_title: "No accounts assessed yet",
    accounts_empty_body: "Rapport rates one of your customer relationships in 10–15 minutes and tells you where it stands and what to do next.",
    accounts_empty_steps: [
        "Name the account you want to assess.",
        "Answer questions about what actually happens between you and the customer.",
        "Get its relationship level, loyalty position, defection risk and a ranked action plan.",
    ],
    privacy_note: "Everything you enter stays in this browser on this device. Nothing is sent anywhere unless you export it.",
    dismiss: "Dismiss",
    notices_label: "Notices",
    settings_unreadable_kept: |kept_as, error| {
        format!("Your saved settings could not be read ({error}), so the defaults are in use. The original text is kept in this browser's storage under “{kept_as}”.")
    },
    settings_unreadable_not_kept: |error| {
        format!("Your saved settings could not be read ({error}) and there was no room to keep a copy, so they are left untouched and changes you make now will not be remembered. Free some browser storage and reload.")
    },
    storage_unavailable: |error| {
        format!("This browser's storage cannot be used ({error}). Rapport works, but nothing will be remembered after you close the page. Allow site data for this page to keep your work.")
    },
    settings_not_saved: |error| {
        format!("Your language choice could not be saved ({error}). It applies until you close the page.")
    },
};

/// Simplified Chinese.
pub const ZH: Messages = Messages {
    app_name: "Rapport",
    tagline: "大客户关系评估",
    language_switch_label: "语言",
    skip_to_content: "跳到正文",
    accounts_heading: "客户",
    accounts_empty_title: "还没有评估过任何客户",
    accounts_empty_body: "Rapport 用 10–15 分钟评估您的一个大客户关系,告诉您这段关系处在什么层级、下一步该做什么。",
    accounts_empty_steps: [
        "填写要评估的客户名称。",
        "根据您与客户之间实际发生的情况回答问题。",
        "得到关系层级、忠诚度定位、流失风险和按优先级排列的行动计划。",
    ],
    privacy_note: "您输入的所有内容只保存在本设备的浏览器中;除非您主动导出,不会发送到任何地方。",
    dismiss: "关闭",
    notices_label: "提示",
    settings_unreadable_kept: |kept_as, error| {
        format!("无法读取已保存的设置({error}),现使用默认设置。原始内容已保留在浏览器存储的“{kept_as}”中。")
    },
    settings_unreadable_not_kept: |error| {
        format!("无法读取已保存的设置({error}),且存储空间不足以保留副本,因此原内容保持不动,您现在所做的更改不会被记住。请释放浏览器存储空间后重新加载。")
    },
    storage_unavailable: |error| {
        format!("无法使用此浏览器的存储({error})。Rapport 仍可使用,但关闭页面后不会保留任何内容。请允许此页面保存网站数据。")
    },
    settings_not_saved: |error| {
        format!("无法保存语言选择({error}),关闭页面前仍然有效。")
    },
};

/// The texts for `lang`.
pub fn messages(lang: Lang) -> &'static Messages {
    match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain_fields(m: &Messages) -> Vec<&'static str> {
        let mut all = vec![
            m.app_name,
            m.tagline,
            m.language_switch_label,
            m.skip_to_content,
            m.accounts_heading,
            m.accounts_empty_title,
            m.accounts_empty_body,
            m.privacy_note,
            m.dismiss,
            m.notices_label,
        ];
        all.extend(m.accounts_empty_steps);
        all
    }

    #[test]
    fn no_string_is_blank_in_either_language() {
        for lang in Lang::ALL {
            for text in plain_fields(messages(lang)) {
                assert!(!text.trim().is_empty(), "blank string in {lang:?}");
            }
        }
    }

    #[test]
    fn chinese_strings_are_translated_not_copied() {
        let (en, zh) = (plain_fields(&EN), plain_fields(&ZH));
        for (e, z) in en.iter().zip(&zh).skip(1) {
            assert_ne!(e, z, "untranslated string: {e}");
        }
    }

    #[test]
    fn formatted_strings_include_their_values() {
        for lang in Lang::ALL {
            let m = messages(lang);
            let kept = (m.settings_unreadable_kept)("rapport.quarantine.1.x", "EOF at 3");
            assert!(kept.contains("rapport.quarantine.1.x") && kept.contains("EOF at 3"));
            assert!((m.settings_unreadable_not_kept)("E1").contains("E1"));
            assert!((m.storage_unavailable)("E2").contains("E2"));
            assert!((m.settings_not_saved)("E3").contains("E3"));
        }
    }
}
