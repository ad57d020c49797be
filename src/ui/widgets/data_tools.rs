//! Export and import on the home screen. The core validates everything (`engine::storage::exchange`);
//! this only reads the picked file, shows the preview and offers downloads.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::engine::state::app::Action;
use crate::engine::storage::exchange::{self, ImportError, ImportPreview};
use crate::engine::text::i18n::{messages, Messages};
use crate::engine::text::labels::text_with;
use crate::engine::text::lang::Lang;
use crate::ui::edge::browser;
use crate::ui::root::use_app;

/// A timestamped file name such as `rapport-2026-11-24.json`.
pub fn file_name(stem: &str, extension: &str) -> String {
    format!(
        "{stem}-{}.{extension}",
        crate::engine::text::explain::date(browser::now_ms())
    )
}

/// Downloads every account (including changes not yet saved) as one JSON export file.
pub fn download_everything(accounts: &[crate::engine::model::record::AccountRecord]) {
    let json = exchange::export_all(accounts, browser::now_ms());
    browser::download(&file_name("rapport", "json"), "application/json", &json);
}

fn error_text(m: &Messages, lang: Lang, error: &ImportError) -> String {
    match error {
        ImportError::TooLarge { bytes } => {
            // Hundredths of a megabyte (MiB, as the limit is), rounded up so a file just over
            // the limit never reads as the limit itself; integer arithmetic, because float
            // formatting would add code to the wasm.
            let hundredths = (bytes * 100).div_ceil(1_048_576);
            m.import_too_large(&format!("{}.{:02}", hundredths / 100, hundredths % 100))
        }
        ImportError::NotUtf8 { at, line } => text_with(
            lang,
            "import_not_utf8",
            &[("at", &at.to_string()), ("line", &line.to_string())],
        ),
        ImportError::Unreadable(detail) => {
            text_with(lang, "import_unreadable", &[("detail", detail)])
        }
        ImportError::NotJson(detail) => m.import_not_json(detail),
        ImportError::NotRapport => m.import_not_rapport().to_owned(),
        ImportError::NewerSchema(v) => m.import_newer(*v),
        ImportError::Invalid(detail) => m.import_invalid(detail),
    }
}

/// Export buttons, the import picker and, once a file is read, its preview.
#[function_component]
pub fn DataTools() -> Html {
    let state = use_app();
    let m = messages(state.lang);
    // The picked file's bytes (or why it could not be read), waiting for the question bank
    // (needed to validate answers).
    let picked = use_state(|| None::<Result<Vec<u8>, String>>);
    let preview = use_state(|| None::<Result<ImportPreview, ImportError>>);
    let outcome = use_state(|| None::<String>);
    // The import or CSV code (fetched with the later screens) could not be fetched.
    let tools_failed = use_state(|| false);

    {
        let picked = picked.clone();
        let preview = preview.clone();
        let accounts = state.accounts.clone();
        let loaded = state.loaded();
        let tools_failed = tools_failed.clone();
        let lang = state.lang;
        use_effect_with((picked.clone(), loaded), move |_| {
            if let (Some(read), Some(bank)) = ((*picked).clone(), loaded.map(|l| l.bank)) {
                picked.set(None);
                // The validation code comes with the later screens (ui::lazy).
                yew::platform::spawn_local(async move {
                    let result = match (read, crate::ui::lazy::exchange_tools(lang).await) {
                        // Without the labels even "could not be read" cannot be said: the
                        // alert that the tools could not be loaded says what can be.
                        (_, None) => None,
                        (Err(detail), Some(_)) => Some(Err(ImportError::Unreadable(detail))),
                        (Ok(bytes), Some(tools)) => Some((tools.import)(&bytes, bank, &accounts)),
                    };
                    tools_failed.set(result.is_none());
                    preview.set(result);
                });
            }
        });
    }

    let export_all = {
        let state = state.clone();
        Callback::from(move |_| download_everything(&state.accounts))
    };
    let export_csv = {
        let state = state.clone();
        let tools_failed = tools_failed.clone();
        Callback::from(move |_| {
            if let Some(loaded) = state.loaded() {
                let accounts = state.accounts.clone();
                let tools_failed = tools_failed.clone();
                let lang = state.lang;
                yew::platform::spawn_local(async move {
                    // The CSV code comes with the later screens (ui::lazy).
                    let tools = crate::ui::lazy::exchange_tools(lang).await;
                    tools_failed.set(tools.is_none());
                    if let Some(tools) = tools {
                        let csv = (tools.csv)(loaded.bank, &accounts);
                        browser::download(
                            &file_name("rapport", "csv"),
                            "text/csv;charset=utf-8",
                            &csv,
                        );
                    }
                });
            }
        })
    };
    let on_pick = {
        let picked = picked.clone();
        let outcome = outcome.clone();
        let preview = preview.clone();
        let state = state.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            input.set_value("");
            outcome.set(None);
            if file.size() > exchange::MAX_IMPORT_BYTES as f64 {
                // Refused before reading it into memory.
                // Shown like every other import error, with its dismiss button.
                preview.set(Some(Err(ImportError::TooLarge {
                    bytes: whole_bytes(file.size()),
                })));
                return;
            }
            state.dispatch(Action::NeedData);
            let picked = picked.clone();
            yew::platform::spawn_local(async move {
                picked.set(Some(browser::read_file(file).await));
            });
        })
    };
    let cancel = {
        let preview = preview.clone();
        Callback::from(move |_| preview.set(None))
    };
    let has_accounts = !state.accounts.is_empty();
    let csv_ready = has_accounts && state.loaded().is_some();
    let close_panel = {
        let preview = preview.clone();
        let outcome = outcome.clone();
        Callback::from(move |done: Option<String>| {
            outcome.set(done);
            preview.set(None);
        })
    };

    html! {
        <section class="data-tools card" aria-labelledby="data-heading" data-block="data">
            <h2 id="data-heading">{ m.data_heading() }</h2>
            <div class="card-actions">
                <button type="button" class="button-secondary" data-action="export-all" disabled={!has_accounts} onclick={export_all}>{ m.export_all() }</button>
                <button type="button" class="button-secondary" data-action="export-csv" disabled={!csv_ready} onclick={export_csv}>{ m.export_csv() }</button>
            </div>
            if state.accounts.iter().any(|a| !a.contacts.is_empty()) {
                <p class="hint" data-export-note="contacts">{ m.export_contacts_note() }</p>
            }
            // The native file button speaks the browser's language; this label speaks the app's.
            <div class="file-picker">
                <input id="import-file" type="file" accept=".json,application/json" data-action="import"
                    aria-describedby="import-hint" onchange={on_pick} />
                <label for="import-file" class="button-secondary">{ m.import_label() }</label>
                <p id="import-hint" class="hint">{ m.import_hint() }</p>
            </div>
            if let Some(text) = &*outcome {
                <p role="status" data-import="done">{ text }</p>
            }
            if *tools_failed {
                <p class="warning" role="alert" data-exchange="failed">{ m.tool_load_failed() }</p>
            }
            if let Some(result) = &*preview {
                { match result {
                    Err(error) => html! {
                        <div class="notice" role="alert" data-import="error">
                            <p>{ error_text(m, state.lang, error) }</p>
                            <button type="button" class="button-secondary" onclick={cancel.clone()}>{ m.dismiss() }</button>
                        </div>
                    },
                    // A preview exists only once the later module validated the file.
                    Ok(p) => crate::ui::lazy::loaded_exchange_tools()
                        .map_or_else(Html::default, |tools| (tools.panel)(p.clone(), close_panel.clone())),
                } }
            }
        </section>
    }
}

/// A file's size (a whole number of bytes, as the browser reports it in a float) as `usize`.
#[expect(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "file sizes are whole and non-negative; `as` saturates past usize::MAX"
)]
fn whole_bytes(size: f64) -> usize {
    size as usize
}
