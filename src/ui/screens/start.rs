//! Naming the account to assess.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::engine::model::record::{EditError, NewAccount, MAX_NAME_CHARS, MAX_SHORT_TEXT_CHARS};
use crate::engine::state::app::{Action, OpenDraft};
use crate::engine::state::route::Route;
use crate::engine::text::i18n::messages;
use crate::ui::edge::browser;
use crate::ui::root::{dispatcher, use_app};

pub fn input_value(e: &InputEvent) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

/// The start form.
#[function_component]
pub fn Start() -> Html {
    let state = use_app();
    let m = messages(state.lang);
    let form = use_state(NewAccount::default);

    let field = |set: fn(&mut NewAccount, String)| {
        let form = form.clone();
        Callback::from(move |e: InputEvent| {
            let mut next = (*form).clone();
            set(&mut next, input_value(&e));
            form.set(next);
        })
    };
    let onsubmit = {
        let state = state.clone();
        let form = form.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            state.dispatch(Action::Open(OpenDraft::Start {
                account_id: browser::new_id(),
                assessment_id: browser::new_id(),
                input: (*form).clone(),
                now_ms: browser::now_ms(),
            }));
        })
    };
    let on_cancel = dispatcher(&state, move |_| Action::Navigate(Route::Home));
    let error = state.start_error.map(|e| match e {
        EditError::NameMissing => m.error_name_missing(),
        EditError::TooLong => m.error_too_long(),
        _ => m.error_other(),
    });
    {
        let has_error = error.is_some();
        use_effect_with(has_error, |has_error| {
            if *has_error {
                browser::focus_element("account-name");
            }
        });
    }
    let optional = |label: &str| html! { <>{ label.to_owned() }<span class="optional">{ m.paren(m.optional()) }</span></> };

    html! {
        <section class="start" aria-labelledby="start-heading" data-screen="start">
            <h1 id="start-heading">{ m.start_heading() }</h1>
            <p>{ m.start_intro() }</p>
            if state.loaded().is_none() {
                { crate::ui::edge::data::data_pending(&state) }
            }
            <form class="start-form" {onsubmit} novalidate=true>
                <div class="field">
                    <label for="account-name">{ m.account_name_label() }</label>
                    <input id="account-name" type="text" data-field="account-name" autocomplete="organization"
                        maxlength={(MAX_NAME_CHARS * 2).to_string()} required=true
                        aria-invalid={error.is_some().to_string()}
                        aria-describedby={if error.is_some() { "account-name-error account-name-hint" } else { "account-name-hint" }}
                        value={form.name.clone()} oninput={field(|f, v| f.name = v)} />
                    <p id="account-name-hint" class="hint">{ m.account_name_hint() }</p>
                    if let Some(error) = error {
                        <p id="account-name-error" class="field-error" role="alert">{ error }</p>
                    }
                </div>
                <div class="field">
                    <label for="industry">{ optional(m.industry_label()) }</label>
                    <input id="industry" type="text" data-field="industry" maxlength={(MAX_SHORT_TEXT_CHARS * 2).to_string()}
                        value={form.industry.clone()} oninput={field(|f, v| f.industry = v)} />
                </div>
                <div class="field">
                    <label for="tags">{ optional(m.tags_label()) }</label>
                    <input id="tags" type="text" data-field="tags" aria-describedby="tags-hint"
                        value={form.tags.clone()} oninput={field(|f, v| f.tags = v)} />
                    <p id="tags-hint" class="hint">{ m.tags_hint() }</p>
                </div>
                <div class="field">
                    <label for="assessor">{ optional(m.assessor_label()) }</label>
                    <input id="assessor" type="text" data-field="assessor" autocomplete="name" maxlength={(MAX_SHORT_TEXT_CHARS * 2).to_string()}
                        value={form.assessor.clone()} oninput={field(|f, v| f.assessor = v)} />
                </div>
                <div class="form-actions">
                    // The first section needs the question bank, which loads while the user types;
                    // a submission before it arrives waits for it (see `AppState::deferred`).
                    <button type="submit" class="button-primary" data-action="start"
                        aria-busy={state.deferred.is_some().to_string()}>{ m.start_button() }</button>
                    <button type="button" class="button-secondary" onclick={on_cancel}>{ m.cancel() }</button>
                </div>
            </form>
        </section>
    }
}
