//! Notices about storage problems, rendered in the current language.

use yew::prelude::*;

use crate::core::app::{Notice, NoticeKind};
use crate::core::i18n::{messages, Messages};
use crate::core::lang::Lang;
use crate::core::settings::SettingsProblem;
use crate::core::storage::StoreError;

/// The text of a notice in the language of `m`.
fn notice_text(m: &Messages, kind: &NoticeKind) -> String {
    match kind {
        NoticeKind::Settings(SettingsProblem::Unreadable { error, kept_as: Ok(key) }) => {
            (m.settings_unreadable_kept)(key, error)
        }
        NoticeKind::Settings(SettingsProblem::Unreadable { error, kept_as: Err(_) }) => {
            (m.settings_unreadable_not_kept)(error)
        }
        NoticeKind::Settings(SettingsProblem::StoreFailed(err)) => (m.storage_unavailable)(&err.to_string()),
        NoticeKind::SettingsNotSaved(err @ StoreError::Unavailable(_)) => (m.storage_unavailable)(&err.to_string()),
        NoticeKind::SettingsNotSaved(err) => (m.settings_not_saved)(&err.to_string()),
    }
}

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub notices: Vec<Notice>,
    pub lang: Lang,
    pub on_dismiss: Callback<u32>,
}

/// The list of open notices; an `alert` region so assistive technology announces problems.
#[function_component]
pub fn Notices(props: &NoticesProps) -> Html {
    let m = messages(props.lang);
    html! {
        <section class="notices" aria-label={m.notices_label} role="alert">
            { for props.notices.iter().map(|notice| {
                let id = notice.id;
                let on_dismiss = props.on_dismiss.reform(move |_| id);
                html! {
                    <div class="notice" data-notice={notice_id(&notice.kind)}>
                        <p>{ notice_text(m, &notice.kind) }</p>
                        <button type="button" class="button-secondary" onclick={on_dismiss}>{ m.dismiss }</button>
                    </div>
                }
            }) }
        </section>
    }
}

/// A stable id per notice kind, for tests and styling.
fn notice_id(kind: &NoticeKind) -> &'static str {
    match kind {
        NoticeKind::Settings(SettingsProblem::Unreadable { .. }) => "settings-unreadable",
        NoticeKind::Settings(SettingsProblem::StoreFailed(_)) => "storage-unavailable",
        NoticeKind::SettingsNotSaved(_) => "settings-not-saved",
    }
}
