//! The scoring rules, in the current language.

use yew::prelude::*;

use crate::engine::state::route::Route;
use crate::engine::text::i18n::messages;
use crate::engine::text::labels::text;

/// How each figure is computed (the same texts the results show beside each figure). The texts
/// come with the on-demand data, so the screen waits for it.
pub fn rules(state: &crate::ui::root::AppHandle) -> Html {
    if state.loaded().is_none() {
        return crate::ui::edge::data::data_pending(state);
    }
    let lang = state.lang;
    let m = messages(lang);
    let rules = [
        (m.level_heading(), text(lang, "explain_level")),
        (m.target_level(), text(lang, "explain_target")),
        (m.loyalty_heading(), text(lang, "explain_loyalty")),
        (m.capabilities_heading(), text(lang, "explain_capabilities")),
        (m.safeguards_heading(), text(lang, "explain_safeguards")),
        (m.risk_heading(), text(lang, "explain_risk")),
        (m.symbiosis_heading(), text(lang, "explain_symbiosis")),
        (m.actions_heading(), text(lang, "explain_actions")),
        (m.confidence_heading(), text(lang, "explain_confidence")),
    ];
    html! {
        <section class="rules" aria-labelledby="rules-heading" data-screen="rules">
            <h1 id="rules-heading">{ m.rules_heading() }</h1>
            <p>{ text(lang, "rules_intro") }</p>
            { for rules.iter().map(|(heading, text)| html! {
                <section class="rule"><h2>{ *heading }</h2><p>{ *text }</p></section>
            }) }
            <p><a href={Route::Home.to_hash()}>{ m.back_to_accounts() }</a></p>
        </section>
    }
}
