//! What the later screens' edit forms (plan items, contacts) do once submitted or cancelled:
//! the same focus rules for both, so a keyboard user always lands somewhere sensible.

use yew::prelude::*;

use crate::engine::model::record::EditError;
use crate::ui::edge::browser;

/// Closes the form and returns focus to its section's heading on success; on a refusal keeps
/// the form open, shows why and puts focus back in its first field.
pub fn settle(
    result: Result<(), EditError>,
    error: &UseStateHandle<Option<EditError>>,
    on_done: &Callback<()>,
    (heading, first_field): (&str, &str),
) {
    match result {
        Ok(()) => {
            on_done.emit(());
            browser::focus_element(heading);
        }
        Err(e) => {
            error.set(Some(e));
            browser::focus_element(first_field);
        }
    }
}

/// "Cancel": closes the form and returns focus to its section's heading.
pub fn cancel(on_done: &Callback<()>, heading: &'static str) -> Callback<MouseEvent> {
    let on_done = on_done.clone();
    Callback::from(move |_| {
        on_done.emit(());
        browser::focus_element(heading);
    })
}
