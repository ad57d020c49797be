//! The import preview: what an import would add or replace, the space it needs, how to resolve
//! conflicts, and the confirmation. Shown only once a file has been read and validated, which
//! needs the later module anyway (`ui::lazy::ExchangeTools`), so its code comes with it.

use yew::prelude::*;

use crate::engine::state::app::Action;
use crate::engine::storage::exchange::{self, ImportPreview, Resolution};
use crate::engine::text::i18n::messages;
use crate::engine::text::labels::text_with;
use crate::engine::text::lang::Lang;
use crate::ui::edge::browser;
use crate::ui::root::use_app;

/// Properties of [`ImportPanel`].
#[derive(Properties, PartialEq)]
pub struct ImportPanelProps {
    pub preview: ImportPreview,
    /// Closes the panel: `Some(message)` after the import, `None` when cancelled.
    pub on_close: Callback<Option<String>>,
}

/// The preview of a validated import and its confirmation.
#[function_component]
pub fn ImportPanel(props: &ImportPanelProps) -> Html {
    let state = use_app();
    let resolution = use_state(|| Resolution::KeepBoth);
    let m = messages(state.lang);
    let p = &props.preview;
    let cancel = props.on_close.reform(|_: MouseEvent| None);
    let confirm = {
        let state = state.clone();
        let resolution = resolution.clone();
        let on_close = props.on_close.clone();
        let p = p.clone();
        Callback::from(move |_: MouseEvent| {
            let count = p.incoming.len();
            let new_ids = p.conflicts.iter().map(|_| browser::new_id()).collect();
            state.dispatch(Action::Import {
                preview: p.clone(),
                resolution: *resolution,
                new_ids,
            });
            on_close.emit(Some(messages(state.lang).imported(count)));
        })
    };
    let choose = |r: Resolution| {
        let resolution = resolution.clone();
        Callback::from(move |_| resolution.set(r))
    };
    // The space the previewed import needs, against what the browser seems to have left.
    let needed_kb =
        (exchange::space_needed(&state.accounts, p, *resolution) + 1023).div_euclid(1024);
    let free_kb = browser::storage_free_units().map(|f| f.div_euclid(1024));
    let fits = free_kb.is_none_or(|free| needed_kb <= free);
    html! {
        <div class="import-preview" data-import="preview">
            <h3>{ m.import_preview_heading() }</h3>
            <p>{ m.import_summary(p.added.len(), p.conflicts.len()) }</p>
            { space_line(state.lang, needed_kb, free_kb) }
            if !p.conflicts.is_empty() {
                <ul>{ for p.conflicts.iter().map(|c| html! { <li>{ m.import_conflict(&c.existing_name, &c.incoming_name) }</li> }) }</ul>
                <fieldset class="resolution">
                    <legend>{ m.import_resolution_legend() }</legend>
                    <div class="option">
                        <input type="radio" id="resolve-keep" name="resolve" checked={*resolution == Resolution::KeepBoth} onchange={choose(Resolution::KeepBoth)} />
                        <label for="resolve-keep">{ m.import_keep_both() }</label>
                    </div>
                    <div class="option">
                        <input type="radio" id="resolve-replace" name="resolve" checked={*resolution == Resolution::Replace} onchange={choose(Resolution::Replace)} />
                        <label for="resolve-replace">{ m.import_replace() }</label>
                    </div>
                </fieldset>
            }
            <div class="card-actions">
                <button type="button" class="button-primary" data-action="import-confirm" disabled={!fits} onclick={confirm}>{ m.import_confirm() }</button>
                <button type="button" class="button-secondary" onclick={cancel}>{ m.cancel() }</button>
            </div>
        </div>
    }
}

/// "Needs about N KB; about M KB is free", or the refusal when it cannot fit. One KB here is
/// 1,024 characters (UTF-16 code units, as `localStorage` counts), so the quota reads as the
/// "5 MB" browsers document and the README states.
fn space_line(lang: Lang, needed_kb: i64, free_kb: Option<i64>) -> Html {
    match free_kb {
        Some(free) if needed_kb > free => html! {
            <p class="warning" role="alert" data-import="no-space">{ text_with(lang, "import_no_space", &[("needed", &needed_kb.max(1).to_string()), ("free", &free.max(0).to_string())]) }</p>
        },
        Some(free) => html! {
            <p data-import="space">{ text_with(lang, "import_space", &[("needed", &needed_kb.max(1).to_string()), ("free", &free.to_string())]) }</p>
        },
        None => html! {},
    }
}

/// The panel as the later module hands it to the home screen's data tools.
pub fn import_panel(preview: ImportPreview, on_close: Callback<Option<String>>) -> Html {
    html! { <ImportPanel {preview} {on_close} /> }
}
