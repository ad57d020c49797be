//! Writes the browser tests' fixtures as JSON on stdout: each case's answers, what an expert
//! expects of it, and the headline figures the engine computes for it on the host. The e2e tests
//! enter the same answers through the UI and require the page's `data-*` attributes to match.
//!
//! `cargo run --example e2e_fixtures > tests/e2e/.results/fixtures.json`

use rapport::engine::model::answers::Answers;
use rapport::engine::model::bank::bank;
use rapport::engine::model::scenarios;
use rapport::engine::scoring::score;
use serde_json::{json, Value};

fn fixture(name: &str, answers: &Answers, extra: Value) -> Value {
    let result = score(bank(), answers);
    let mut out = json!({
        "name": name,
        "answers": answers.iter().collect::<std::collections::BTreeMap<_, _>>(),
        "stored_answers": answers,
        "summary": result.summary(),
        "stance": result.target.stance.id(),
        "stage": result.stage.stage.map(|s| s.id()),
        "first_action": result.actions.first().map(|a| a.action_id.clone()),
    });
    if let (Some(out), Some(extra)) = (out.as_object_mut(), extra.as_object()) {
        out.extend(extra.clone());
    }
    out
}

fn main() {
    let bank = bank();
    let cases: Vec<_> = scenarios::all(bank)
        .iter()
        .map(|s| {
            fixture(
                s.name,
                &s.answers,
                json!({ "source": s.source, "expect": s.expect }),
            )
        })
        .collect();
    let extremes: Vec<_> = scenarios::extremes(bank)
        .iter()
        .map(|(name, answers)| fixture(name, answers, json!({})))
        .collect();
    let sections: Vec<_> = bank
        .sections
        .iter()
        .map(|s| json!({ "id": s.id, "questions": bank.section_questions(&s.id).map(|q| &q.id).collect::<Vec<_>>() }))
        .collect();
    // Other eyes (issue 17): seed 004's customer respondents, as option index (or "dk") per
    // question id of the customer questionnaire.
    let set = rapport::engine::scoring::customer_set().expect("customer questionnaire");
    let respondent = |case: &[scenarios::CustomerAnswer]| {
        let choices = scenarios::customer_choices(set, case);
        let by_id: serde_json::Map<String, serde_json::Value> = set
            .questions
            .iter()
            .zip(choices)
            .filter_map(|(q, c)| {
                let value = match c? {
                    rapport::engine::model::answers::Choice::Option(i) => json!(i),
                    rapport::engine::model::answers::Choice::DontKnow => json!("dk"),
                };
                Some((q.id.clone(), value))
            })
            .collect();
        serde_json::Value::Object(by_id)
    };
    let customer = json!({
        "questions": set.questions.iter().map(|q| &q.id).collect::<Vec<_>>(),
        "sections": set.sections.iter().map(|s| json!({ "id": s.id, "questions": set.questions.iter().filter(|q| q.section == s.id).map(|q| &q.id).collect::<Vec<_>>() })).collect::<Vec<_>>(),
        "b-maintenance-head": respondent(scenarios::B_MAINTENANCE_HEAD),
        "b-market-manager": respondent(scenarios::B_MARKET_MANAGER),
    });
    let out = json!({
        "customer": customer,
        "bank_version": bank.version,
        "total_questions": bank.questions.len(),
        // The compact answer string's positions (storage::schema::ANSWER_ORDER).
        "answer_order": &rapport::engine::storage::schema::ANSWER_ORDER[..],
        "sections": sections,
        "scenarios": cases,
        "extremes": extremes,
    });
    println!(
        "{}",
        serde_json::to_string_pretty(&out).expect("fixtures serialise")
    );
}
