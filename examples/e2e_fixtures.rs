//! Writes the browser tests' fixtures as JSON on stdout: each scenario's answers and the headline
//! figures the engine computes for them on the host. The e2e tests enter the same answers through
//! the UI and require the page's `data-*` attributes to match.
//!
//! `cargo run --example e2e_fixtures > tests/e2e/.results/fixtures.json`

use rapport::engine::model::bank::bank;
use rapport::engine::model::scenarios;
use rapport::engine::scoring::score;
use serde_json::json;

fn main() {
    let bank = bank();
    let fixtures: Vec<_> = scenarios::all(bank)
        .into_iter()
        .map(|s| {
            let summary = score(bank, &s.answers).summary();
            json!({
                "name": s.name,
                "answers": s.answers.iter().collect::<std::collections::BTreeMap<_, _>>(),
                "stored_answers": s.answers,
                "expect": { "level": s.expect_level, "target_level": s.expect_target, "quadrant": s.expect_quadrant },
                "summary": summary,
            })
        })
        .collect();
    let sections: Vec<_> = bank
        .sections
        .iter()
        .map(|s| json!({ "id": s.id, "questions": bank.section_questions(&s.id).map(|q| &q.id).collect::<Vec<_>>() }))
        .collect();
    let out = json!({ "sections": sections, "scenarios": fixtures });
    println!(
        "{}",
        serde_json::to_string_pretty(&out).expect("fixtures serialise")
    );
}
