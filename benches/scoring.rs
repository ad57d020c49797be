//! Prints how long scoring takes: one full assessment, and a portfolio of 1,000.
//! A figure to read, not a pass/fail test (machines differ). Run: `cargo bench --bench scoring`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use rapport::engine::model::answers::{Answers, Choice};
use rapport::engine::model::bank::{bank, Bank};
use rapport::engine::model::plan::PlanInput;
use rapport::engine::model::record::{AccountRecord, NewAccount};
use rapport::engine::scoring::portfolio::rows;
use rapport::engine::scoring::{score, summarize};

/// A deterministic spread of answers (including "don't know"), different for each `seed`.
fn answers(bank: &Bank, seed: u64) -> Answers {
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    Answers::from_fn(bank, |q| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let r = (state >> 33) as usize;
        match r % 12 {
            0 => Some(Choice::DontKnow),
            _ => Some(Choice::option(r % q.options.len())),
        }
    })
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

/// The median time of one call of `f`, in µs, over 30 batches of `per_batch` calls.
fn median_per_call_us(per_batch: u32, mut f: impl FnMut()) -> f64 {
    let samples: Vec<Duration> = (0..30)
        .map(|_| {
            let t = Instant::now();
            for _ in 0..per_batch {
                f();
            }
            t.elapsed() / per_batch
        })
        .collect();
    median(samples).as_secs_f64() * 1e6
}

fn main() {
    let started = Instant::now();
    let bank = bank();
    println!(
        "bank parse (first use): {:.2} ms",
        started.elapsed().as_secs_f64() * 1e3
    );

    let one = answers(bank, 7);
    let per_batch = 1_000;
    let one_us = median_per_call_us(per_batch, || {
        black_box(score(bank, black_box(&one)));
    });
    println!("score one assessment (results screen: borderline probe and plan included): {one_us:.1} µs (median of 30 × {per_batch}; target < 1000 µs)");
    let summary_us = median_per_call_us(per_batch, || {
        black_box(summarize(bank, black_box(&one)));
    });
    println!(
        "summarize one assessment (lists: figures only): {summary_us:.1} µs (median of 30 × {per_batch})"
    );

    let portfolio: Vec<Answers> = (0..1_000).map(|i| answers(bank, i)).collect();
    let samples: Vec<Duration> = (0..10)
        .map(|_| {
            let t = Instant::now();
            for a in &portfolio {
                black_box(summarize(bank, a));
            }
            t.elapsed()
        })
        .collect();
    println!(
        "summarize a portfolio of 1,000: {:.1} ms (median of 10)",
        median(samples).as_secs_f64() * 1e3
    );

    // Storage: what one complete assessment adds to an account's stored JSON.
    let input = NewAccount {
        name: "Shanghai Precision Components Co., Ltd.".into(),
        tags: "East, Tier 1".into(),
        ..Default::default()
    };
    let mut account = AccountRecord::start(
        &"k3x9a1b2c3d4".into(),
        &"m8q2w7e6r5t4".into(),
        &input,
        bank,
        1_795_478_400_000,
    )
    .expect("valid input");
    // Answered as a person does: about one answer every 12 s (75 in 15 minutes), so each
    // answer's edit time (format 3) takes the space it takes in real records.
    let complete = |account: &mut AccountRecord, from_ms: u64| {
        let mut at = from_ms;
        for (question, choice) in one.iter() {
            at += 12_000;
            account
                .answer(bank, question, Some(choice), at)
                .expect("valid answer");
        }
        account.finish(at + 30_000).expect("a draft to finish");
    };
    complete(&mut account, 1_795_478_400_000);
    let with_one = serde_json::to_string(&account).expect("serialises").len();
    account
        .start_draft(&"z1x2c3v4b5n6".into(), "", bank, 1_803_254_400_000)
        .expect("no draft open");
    complete(&mut account, 1_803_254_400_000);
    let per_assessment = serde_json::to_string(&account).expect("serialises").len() - with_one;
    // localStorage keeps UTF-16: two bytes per character of JSON.
    println!(
        "storage: {per_assessment} characters per stored assessment; 1,000 assessments ≈ {:.1} MB of the ~5 MB (UTF-16) quota",
        (per_assessment * 2 * 1000) as f64 / 1e6
    );

    plan_figures(bank, account.clone());
    eyes_figures(bank, account.clone());
    contact_figures(account);
}

/// Other eyes (issue 17): what a customer response stores, and the perception gap of five
/// customer respondents with the team view of three colleagues.
fn eyes_figures(bank: &Bank, mut account: AccountRecord) {
    use rapport::engine::model::eyes::{
        colleague_choices, encode_choices, Kind, Response, CUSTOMER_VERSION,
    };
    use rapport::engine::model::scenarios::{customer_choices, B_MAINTENANCE_HEAD};
    use rapport::engine::scoring::customer_set;
    use rapport::engine::scoring::eyes::{perception_gap, team_view};
    use rapport::engine::text::lang::Lang;
    let set = customer_set().expect("customer questionnaire");
    account
        .invite(
            "inv-c",
            Kind::Customer,
            Lang::Zh,
            "Supplier",
            "",
            1_803_300_000_000,
        )
        .expect("valid invitation");
    account
        .invite(
            "inv-t",
            Kind::Colleague,
            Lang::En,
            "",
            "",
            1_803_300_000_001,
        )
        .expect("valid invitation");
    let before = serde_json::to_string(&account).expect("serialises").len();
    let customer = |i: u64| Response {
        id: format!("rc{i}"),
        invitation: "inv-c".into(),
        kind: Kind::Customer,
        version: CUSTOMER_VERSION,
        answered_ms: 1_803_283_200_000,
        name: "Li Wei, head of maintenance".into(),
        role: None,
        answers: encode_choices(&customer_choices(set, B_MAINTENANCE_HEAD)),
        against: String::new(),
        attached_ms: 0,
    };
    account
        .attach(&customer(0), 1_803_400_000_000)
        .expect("attaches");
    let per_response = serde_json::to_string(&account).expect("serialises").len() - before;
    for i in 1..5 {
        account
            .attach(&customer(i), 1_803_400_000_000 + i)
            .expect("attaches");
    }
    for i in 0..3u64 {
        let colleague = Response {
            id: format!("rt{i}"),
            invitation: "inv-t".into(),
            kind: Kind::Colleague,
            version: bank.version,
            answers: encode_choices(&colleague_choices(&answers(bank, 100 + i), bank.version)),
            ..customer(i)
        };
        account
            .attach(&colleague, 1_803_500_000_000 + i)
            .expect("attaches");
    }
    let latest = account.latest_completed().expect("a completed assessment");
    let responses: Vec<&Response> = account.responses_against(latest.id.as_str()).collect();
    let us = median_per_call_us(100, || {
        black_box(perception_gap(
            bank,
            set,
            &latest.answers,
            black_box(&responses),
        ));
        black_box(team_view(bank, &latest.answers, black_box(&responses)));
    });
    println!(
        "other eyes: {per_response} characters per customer response; the gap of 5 customer respondents and the team view of 3 colleagues: {us:.1} µs (median of 30 × 100)"
    );
}

/// The stakeholder map (issue 16): what a contact stores, and the coverage findings of a
/// 15-person map.
fn contact_figures(mut account: AccountRecord) {
    use rapport::engine::model::contacts::ContactInput;
    use rapport::engine::model::ids::{
        Attitude, BuyingRole, ContactFunction, Influence, Seniority,
    };
    let before = serde_json::to_string(&account).expect("serialises").len();
    for i in 0..15u64 {
        let input = ContactInput {
            name: format!("Wang Jianguo {i}"),
            title: "Deputy director, network planning".into(),
            function: ContactFunction::Technical,
            role: Some(BuyingRole::ALL[usize::try_from(i % 5).unwrap_or(0)]),
            seniority: Seniority::ALL[usize::try_from(i % 4).unwrap_or(0)],
            influence: Influence::Medium,
            attitude: Attitude::ALL[usize::try_from(i % 5).unwrap_or(0)],
            owner: "Chen Jie".into(),
            last_met: "2026-10-15".into(),
            ..Default::default()
        };
        account
            .add_contact(&format!("c{i:011}"), &input, 1_803_254_500_000 + i)
            .expect("valid contact");
    }
    let chars = serde_json::to_string(&account).expect("serialises").len() - before;
    println!(
        "storage: {} characters per contact ({:.2} KB in UTF-16); a 15-person map adds {:.1} KB to its account",
        chars / 15,
        (chars / 15 * 2) as f64 / 1e3,
        (chars * 2) as f64 / 1e3
    );
    let samples: Vec<Duration> = (0..30)
        .map(|_| {
            let t = Instant::now();
            black_box(rapport::engine::scoring::coverage::coverage(
                black_box(&account.contacts),
                "2026-12-01",
                rapport::engine::scoring::coverage::Cadence::STEADY,
            ));
            t.elapsed()
        })
        .collect();
    println!(
        "coverage findings of a 15-person map: {:.1} µs (median of 30)",
        median(samples).as_secs_f64() * 1e6
    );
}

/// The account plan (issue 15): what a 20-item plan stores, and the portfolio's rows for 200
/// accounts holding one.
fn plan_figures(bank: &Bank, mut account: AccountRecord) {
    // Written as a KAM writes one: titles, owners, dates, measures, some notes.
    let before_plan = serde_json::to_string(&account).expect("serialises").len();
    for i in 0..20u64 {
        let input = PlanInput {
            title: format!(
                "Quarterly business review with the plant's purchasing and quality leads #{i}"
            ),
            lever: "safeguard.communication".into(),
            owner: "Wang Lei".into(),
            due: "2027-03-31".into(),
            measure: "Review held, minutes shared, two open complaints closed".into(),
            notes: if i % 3 == 0 {
                "Ask for the 2027 volume forecast first.".into()
            } else {
                String::new()
            },
            ..Default::default()
        };
        account
            .add_plan_item(
                &format!("p{i:011}"),
                &input,
                "safeguard.communication",
                None,
                1_803_254_500_000 + i,
            )
            .expect("valid item");
    }
    let plan_chars = serde_json::to_string(&account).expect("serialises").len() - before_plan;
    println!(
        "storage: a 20-item account plan adds {plan_chars} characters ({:.1} KB in UTF-16) to its account",
        (plan_chars * 2) as f64 / 1e3
    );
    let accounts: Vec<AccountRecord> = (0..200).map(|_| account.clone()).collect();
    let samples: Vec<Duration> = (0..10)
        .map(|_| {
            let t = Instant::now();
            black_box(rows(bank, black_box(&accounts), "2027-06-01", None));
            t.elapsed()
        })
        .collect();
    println!(
        "portfolio rows for 200 accounts with a 20-item plan each (overdue counted): {:.2} ms (median of 10)",
        median(samples).as_secs_f64() * 1e3
    );
}
