//! Notices about storage problems, rendered in the current language.

use yew::prelude::*;

use crate::engine::state::app::{Action, NoticeKind, SaveTarget};
use crate::engine::storage::persist;
use crate::engine::storage::store::{KeyValueStore, LoadProblem, StoreError, SETTINGS_KEY};
use crate::engine::text::i18n::{messages, Messages};
use crate::ui::edge::browser::BrowserStore;
use crate::ui::root::AppHandle;

/// The text of a notice in the language of `m`.
fn notice_text(m: &Messages, kind: &NoticeKind) -> String {
    let what = |key: &str| {
        if key == SETTINGS_KEY {
            m.what_settings()
        } else {
            m.what_account()
        }
    };
    match kind {
        NoticeKind::Load(LoadProblem::Unreadable {
            key,
            error,
            kept_as: Ok(kept),
        }) => m.unreadable_kept(what(key), kept, error),
        NoticeKind::Load(LoadProblem::Unreadable {
            key,
            error,
            kept_as: Err(_),
        }) => m.unreadable_not_kept(what(key), error),
        NoticeKind::Load(LoadProblem::StoreFailed(err)) => m.storage_unavailable(&err.to_string()),
        NoticeKind::NotSaved {
            error: err @ StoreError::Unavailable(_),
            ..
        } => m.storage_unavailable(&err.to_string()),
        NoticeKind::NotSaved {
            target: SaveTarget::Settings,
            error,
        } => m.settings_not_saved(&error.to_string()),
        NoticeKind::NotSaved {
            target: SaveTarget::Account,
            error: StoreError::QuotaExceeded,
        } => m.account_not_saved_full().to_owned(),
        NoticeKind::NotSaved {
            target: SaveTarget::Account,
            error,
        } => m.account_not_saved(&error.to_string()),
        NoticeKind::QuarantineNotDeleted(error) => m.quarantine_not_deleted(&error.to_string()),
        NoticeKind::LanguageUnavailable { lang, error } => {
            m.language_unavailable(lang.native_name(), error)
        }
    }
}

/// Offers the preserved raw text as a file, so the user can keep or repair it; deleting it is
/// offered next.
fn download_quarantined(app: &AppHandle, notice: u32, key: String) -> Callback<MouseEvent> {
    let app = app.clone();
    Callback::from(move |_| {
        if let Ok(Some(raw)) = BrowserStore.get(&key) {
            crate::ui::edge::browser::download(
                &format!("{key}.txt"),
                "text/plain;charset=utf-8",
                &raw,
            );
            app.dispatch(Action::Downloaded(notice));
        }
    })
}

/// Deletes the downloaded copy (and the damaged original it came from, see
/// [`persist::forget_quarantined`]); the notice goes with it.
fn delete_quarantined(
    app: &AppHandle,
    notice: u32,
    copy: String,
    original: String,
) -> Callback<MouseEvent> {
    let app = app.clone();
    Callback::from(move |_| {
        // A quarantined account means accounts were stored: the start loaded the record code.
        let ops = crate::ui::lazy::records().map(|r| r.ops);
        match persist::forget_quarantined(&BrowserStore, &copy, &original, ops.as_ref()) {
            Ok(_) => app.dispatch(Action::Dismiss(notice)),
            Err(error) => app.dispatch(Action::Notify(NoticeKind::QuarantineNotDeleted(error))),
        }
    })
}

/// A stable id per notice kind, for tests and styling.
fn notice_id(kind: &NoticeKind) -> &'static str {
    match kind {
        NoticeKind::Load(LoadProblem::Unreadable { key, .. }) if key == SETTINGS_KEY => {
            "settings-unreadable"
        }
        NoticeKind::Load(LoadProblem::Unreadable { .. }) => "account-unreadable",
        NoticeKind::Load(LoadProblem::StoreFailed(_)) => "storage-unavailable",
        NoticeKind::NotSaved {
            target: SaveTarget::Settings,
            ..
        } => "settings-not-saved",
        NoticeKind::NotSaved {
            target: SaveTarget::Account,
            ..
        } => "account-not-saved",
        NoticeKind::QuarantineNotDeleted(_) => "quarantine-not-deleted",
        NoticeKind::LanguageUnavailable { .. } => "language-unavailable",
    }
}

/// The list of open notices; an `alert` region so assistive technology announces problems.
pub fn notices(app: &AppHandle, on_dismiss: Callback<u32>) -> Html {
    let m = messages(app.lang);
    // When storage is full, the export is the way to keep the change that could not be saved.
    let export_all = {
        let app = app.clone();
        Callback::from(move |_| crate::ui::widgets::data_tools::download_everything(&app.accounts))
    };
    html! {
        <section class="notices" aria-label={m.notices_label()} role="alert">
            { for app.notices.iter().map(|notice| {
                let id = notice.id;
                let on_dismiss = on_dismiss.reform(move |_| id);
                html! {
                    <div class="notice" data-notice={notice_id(&notice.kind)}>
                        <p>{ notice_text(m, &notice.kind) }</p>
                        <div class="notice-actions">
                            if let NoticeKind::Load(LoadProblem::Unreadable { key: original, kept_as: Ok(key), .. }) = &notice.kind {
                                <button type="button" class="button-secondary" data-action="download-quarantined"
                                    onclick={download_quarantined(app, id, key.clone())}>{ m.download_quarantined() }</button>
                                if notice.downloaded {
                                    <button type="button" class="button-secondary" data-action="delete-quarantined"
                                        onclick={delete_quarantined(app, id, key.clone(), original.clone())}>{ m.delete_quarantined() }</button>
                                }
                            }
                            if matches!(notice.kind, NoticeKind::NotSaved { target: SaveTarget::Account, error: StoreError::QuotaExceeded }) {
                                <button type="button" data-action="export-all-notice" onclick={export_all.clone()}>{ m.export_all() }</button>
                            }
                            <button type="button" class="button-secondary" onclick={on_dismiss}>{ m.dismiss() }</button>
                        </div>
                    </div>
                }
            }) }
        </section>
    }
}
