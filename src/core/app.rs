//! The application state and its reducer: every change the user makes goes through
//! [`reduce`], so the rules are tested on the host and the Yew shell only renders and dispatches.

use super::lang::Lang;
use super::settings::{Settings, SettingsBoot, SettingsProblem};
use super::storage::StoreError;

/// Something the user must be told, kept as data so it is rendered in the current language.
#[derive(Debug, Clone, PartialEq)]
pub enum NoticeKind {
    /// Stored settings were unreadable; see [`SettingsProblem`].
    Settings(SettingsProblem),
    /// Saving the settings failed.
    SettingsNotSaved(StoreError),
}

/// A notice with an id so it can be dismissed.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub id: u32,
    pub kind: NoticeKind,
}

/// The whole interface state.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// The language in use.
    pub lang: Lang,
    /// The user's settings as they should be stored.
    pub settings: Settings,
    /// False when writing settings could destroy an unreadable value that was not preserved.
    pub persist_settings: bool,
    /// Notices not yet dismissed, oldest first.
    pub notices: Vec<Notice>,
    next_notice_id: u32,
}

/// A user or system event.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The user picked a language.
    SetLang(Lang),
    /// Show a notice.
    Notify(NoticeKind),
    /// The user dismissed the notice with this id.
    Dismiss(u32),
}

impl AppState {
    /// The starting state from what storage held and the browser's preferred languages.
    pub fn boot<S: AsRef<str>>(boot: SettingsBoot, browser_languages: &[S]) -> AppState {
        let mut state = AppState {
            lang: boot.settings.effective_lang(browser_languages),
            settings: boot.settings,
            persist_settings: boot.persist,
            notices: Vec::new(),
            next_notice_id: 1,
        };
        if let Some(problem) = boot.problem {
            state.push_notice(NoticeKind::Settings(problem));
        }
        state
    }

    fn push_notice(&mut self, kind: NoticeKind) {
        // The same problem reported twice (e.g. two failed saves) is shown once.
        if self.notices.iter().any(|n| n.kind == kind) {
            return;
        }
        self.notices.push(Notice { id: self.next_notice_id, kind });
        self.next_notice_id += 1;
    }
}

/// Applies `action` to `state`.
pub fn reduce(mut state: AppState, action: Action) -> AppState {
    match action {
        Action::SetLang(lang) => {
            state.lang = lang;
            state.settings.lang = Some(lang);
        }
        Action::Notify(kind) => state.push_notice(kind),
        Action::Dismiss(id) => state.notices.retain(|n| n.id != id),
    }
    state
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean_boot() -> SettingsBoot {
        SettingsBoot { settings: Settings::default(), persist: true, problem: None }
    }

    #[test]
    fn language_follows_browser_until_chosen() {
        let state = AppState::boot(clean_boot(), &["zh-CN"]);
        assert_eq!(state.lang, Lang::Zh);
        assert_eq!(state.settings.lang, None);
        let state = reduce(state, Action::SetLang(Lang::En));
        assert_eq!(state.lang, Lang::En);
        assert_eq!(state.settings.lang, Some(Lang::En));
    }

    #[test]
    fn boot_problem_becomes_a_dismissable_notice() {
        let problem = SettingsProblem::Unreadable { error: "bad".into(), kept_as: Ok("q".into()) };
        let boot = SettingsBoot { settings: Settings::default(), persist: true, problem: Some(problem.clone()) };
        let state = AppState::boot(boot, &["en"]);
        assert_eq!(state.notices.len(), 1);
        assert_eq!(state.notices[0].kind, NoticeKind::Settings(problem));
        let id = state.notices[0].id;
        let state = reduce(state, Action::Dismiss(id));
        assert!(state.notices.is_empty());
    }

    #[test]
    fn repeated_notice_is_shown_once() {
        let state = AppState::boot(clean_boot(), &["en"]);
        let kind = NoticeKind::SettingsNotSaved(StoreError::QuotaExceeded);
        let state = reduce(state, Action::Notify(kind.clone()));
        let state = reduce(state, Action::Notify(kind));
        assert_eq!(state.notices.len(), 1);
    }
}
