//! The scoring rules, in the current language.

use yew::prelude::*;

use crate::engine::state::route::Route;
use crate::engine::text::i18n::messages;
use crate::engine::text::lang::Lang;

/// How each figure is computed (the same texts the results show beside each figure).
pub fn rules(lang: Lang) -> Html {
    let m = messages(lang);
    let rules = [
        (m.level_heading, m.explain_level),
        (m.target_level, m.explain_target),
        (m.loyalty_heading, m.explain_loyalty),
        (m.capabilities_heading, m.explain_capabilities),
        (m.safeguards_heading, m.explain_safeguards),
        (m.risk_heading, m.explain_risk),
        (m.symbiosis_heading, m.explain_symbiosis),
        (m.actions_heading, m.explain_actions),
        (m.confidence_heading, m.explain_confidence),
    ];
    html! {
        <section class="rules" aria-labelledby="rules-heading" data-screen="rules">
            <h1 id="rules-heading">{ m.rules_heading }</h1>
            <p>{ m.rules_intro }</p>
            { for rules.iter().map(|(heading, text)| html! {
                <section class="rule"><h2>{ *heading }</h2><p>{ *text }</p></section>
            }) }
            <p><a href={Route::Home.to_hash()}>{ m.back_to_accounts }</a></p>
        </section>
    }
}
