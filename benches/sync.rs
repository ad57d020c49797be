//! Prints what a team sync costs on the host: a team database of 1,000 accounts with five
//! completed assessments, a draft, a plan and contacts each — the first push, a new device's
//! first pull, and a round with nothing new — against the in-memory server. Figures to read,
//! not a pass/fail test. Run: `cargo bench --bench sync`.

use std::time::Instant;

use rapport::engine::model::answers::Choice;
use rapport::engine::model::bank::bank;
use rapport::engine::model::contacts::ContactInput;
use rapport::engine::model::plan::PlanInput;
use rapport::engine::model::record::{AccountRecord, NewAccount};
use rapport::engine::sync::fake_couch::FakeCouch;
use rapport::engine::sync::session::{Reply, Round};
use rapport::engine::sync::state::SyncState;

fn account(i: u64) -> AccountRecord {
    let bank = bank();
    let input = NewAccount {
        name: format!("Account {i}"),
        industry: "Telecom".into(),
        ..Default::default()
    };
    let t = 1_800_000_000_000 + i * 1_000;
    let mut a = AccountRecord::start(
        &format!("a{i:011}").as_str().into(),
        &format!("s{i:010}0").as_str().into(),
        &input,
        bank,
        t,
    )
    .expect("valid account");
    for n in 0..5u64 {
        if n > 0 {
            a.start_draft(
                &format!("s{i:010}{n}").as_str().into(),
                "",
                bank,
                t + n * 100,
            )
            .expect("draft");
        }
        for (k, q) in bank.questions.iter().enumerate() {
            let choice = Choice::option((k as u64 + n + i) % q.options.len() as u64);
            a.answer(bank, &q.id, Some(choice), t + n * 100 + 1)
                .expect("answer");
        }
        a.finish(t + n * 100 + 50).expect("finish");
    }
    a.start_draft(&format!("s{i:010}9").as_str().into(), "", bank, t + 900)
        .expect("draft");
    for p in 0..5 {
        let plan = PlanInput {
            title: format!("Action {p} for the next review"),
            ..Default::default()
        };
        a.add_plan_item(&format!("p{i:010}{p}"), &plan, "", None, t + 901 + p)
            .expect("plan item");
    }
    for c in 0..8 {
        let contact = ContactInput {
            name: format!("Contact {c}"),
            ..Default::default()
        };
        a.add_contact(&format!("c{i:010}{c}"), &contact, t + 910 + c)
            .expect("contact");
    }
    a
}

/// What one round cost and left.
struct Figures {
    ms: f64,
    received: usize,
    sent: usize,
    requests: usize,
    state: SyncState,
    writes: Vec<AccountRecord>,
}

fn round(
    server: &mut FakeCouch,
    member: &str,
    local: Vec<AccountRecord>,
    state: SyncState,
) -> Figures {
    let t = Instant::now();
    let mut r = Round::new(bank(), member, local, state, 1_900_000_000_000);
    let (mut received, mut sent, mut requests) = (0, 0, 0);
    while let Some(request) = r.request() {
        requests += 1;
        sent += request.path.len() + request.body.as_ref().map_or(0, String::len);
        let reply = server.handle(&request);
        if let Reply::Http { body, .. } = &reply {
            received += body.len();
        }
        r.reply(reply);
    }
    let out = r.outcome();
    assert_eq!(out.stop, None, "the round went through");
    Figures {
        ms: t.elapsed().as_secs_f64() * 1e3,
        received,
        sent,
        requests,
        state: out.state,
        writes: out.writes,
    }
}

fn main() {
    let accounts: Vec<AccountRecord> = (0..1_000).map(account).collect();
    let local_chars: usize = accounts
        .iter()
        .map(|a| serde_json::to_string(a).expect("serialises").len())
        .sum();
    let mut server = FakeCouch::new();
    let device = |name: &str| SyncState {
        device: name.into(),
        ..Default::default()
    };
    let push = round(&mut server, "ana", accounts.clone(), device("ana"));
    println!(
        "sync: first push of 1,000 accounts × 5 assessments (+ a draft, 5 plan items, 8 contacts each): {:.0} ms of client work, {:.1} MB sent in {} requests",
        push.ms, push.sent as f64 / 1e6, push.requests
    );
    if let Ok(path) = std::env::var("RAPPORT_TEAM_DOCS") {
        // The team's documents as the server holds them, for measuring a first pull in a real
        // browser (scripts/measure-team-pull.mjs).
        let docs: Vec<serde_json::Value> = server
            .live_ids()
            .iter()
            .filter_map(|id| server.current(id))
            .map(|mut doc| {
                if let Some(map) = doc.as_object_mut() {
                    map.remove("_rev");
                }
                doc
            })
            .collect();
        std::fs::write(&path, serde_json::Value::from(docs).to_string()).expect("writes the team");
        println!(
            "sync: wrote the team's {} documents to {path}",
            server.live_ids().len()
        );
    }
    let pull = round(&mut server, "ben", Vec::new(), device("ben"));
    println!(
        "sync: a new device's first pull of that team: {:.0} ms of client work, {:.1} MB received in {} requests, {} accounts written",
        pull.ms, pull.received as f64 / 1e6, pull.requests, pull.writes.len()
    );
    let idle = round(&mut server, "ben", pull.writes.clone(), pull.state.clone());
    println!(
        "sync: a round with nothing new: {:.1} ms of client work, {} requests, {} bytes received, {} accounts written",
        idle.ms, idle.requests, idle.received, idle.writes.len()
    );
    let meta_chars = serde_json::to_string(&idle.state)
        .expect("serialises")
        .len();
    println!(
        "sync: localStorage for that team: records {:.1} M characters + sync state {:.1} M (browsers allow about 5 M characters per origin)",
        local_chars as f64 / 1e6,
        meta_chars as f64 / 1e6
    );
}
