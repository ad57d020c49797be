//! Export and import: round trips, refusals that change nothing, and hostile input.

use proptest::prelude::*;

use super::*;
use crate::engine::model::bank::bank;
use crate::engine::model::record::NewAccount;
use crate::engine::model::scenarios;

fn account(id: &str, name: &str, finished: bool) -> AccountRecord {
    let input = NewAccount {
        name: name.into(),
        tags: ["华东", " key"].join(","),
        ..Default::default()
    };
    let mut a = AccountRecord::start(
        &id.into(),
        &format!("{id}s1").into(),
        &input,
        bank(),
        1_700_000_000_000,
    )
    .unwrap();
    let answers = scenarios::answers_named(bank(), "incumbent-b");
    for (q, c) in answers.iter() {
        a.answer(bank(), q, Some(c), 1_700_000_000_500).unwrap();
    }
    a.set_note(
        bank(),
        &bank().questions[0].id,
        "=cmd|' /C calc'!A0, \"quoted\"\nline",
        1_700_000_000_600,
    )
    .unwrap();
    if finished {
        a.finish(1_700_000_001_000).unwrap();
    }
    a
}

#[test]
fn export_then_import_gives_identical_data() {
    let accounts = vec![
        account("a1", "Acme", true),
        account("b2", "上海精密零部件有限公司", false),
    ];
    let json = export_all(&accounts, 42);
    assert_eq!(parse_import(json.as_bytes(), bank()).unwrap(), accounts);
    let with_bom = format!("\u{feff}{json}");
    assert_eq!(parse_import(with_bom.as_bytes(), bank()).unwrap(), accounts);
}

#[test]
fn one_assessment_exports_alone() {
    let mut a = account("a1", "Acme", true);
    a.start_draft(&"a1s2".into(), "", bank(), 2).unwrap();
    let json = export_one(&a, &"a1s1".into(), 3).unwrap();
    let back = parse_import(json.as_bytes(), bank()).unwrap();
    assert_eq!(back.len(), 1);
    assert_eq!(back[0].assessments.len(), 1);
    assert_eq!(back[0].assessments[0].id, "a1s1");
    assert!(export_one(&a, &"nope".into(), 3).is_none());
}

#[test]
fn refusals_say_why() {
    let b = bank();
    assert_eq!(
        parse_import(&vec![b' '; MAX_IMPORT_BYTES + 1], b),
        Err(ImportError::TooLarge {
            bytes: MAX_IMPORT_BYTES + 1
        })
    );
    assert!(matches!(
        parse_import(b"{not json", b),
        Err(ImportError::NotJson(_))
    ));
    assert!(matches!(
        parse_import(&[0xff, 0xfe, 0x00], b),
        Err(ImportError::NotUtf8 { at: 0, line: 1 })
    ));
    assert_eq!(
        parse_import(br#"{"hello":"world"}"#, b),
        Err(ImportError::NotRapport)
    );
    assert_eq!(
        parse_import(
            br#"{"format":"rapport-export","schema":99,"accounts":[]}"#,
            b
        ),
        Err(ImportError::NewerSchema(99))
    );
    assert!(matches!(
        parse_import(br#"{"format":"rapport-export","schema":"1"}"#, b),
        Err(ImportError::Invalid(_))
    ));
}

fn mutated(f: impl FnOnce(&mut serde_json::Value)) -> Result<Vec<AccountRecord>, ImportError> {
    let mut value: serde_json::Value =
        serde_json::from_str(&export_all(&[account("a1", "Acme", true)], 1)).unwrap();
    f(&mut value);
    parse_import(value.to_string().as_bytes(), bank())
}

#[test]
fn invalid_content_is_refused_whole() {
    let invalid =
        |r: Result<Vec<AccountRecord>, ImportError>| matches!(r, Err(ImportError::Invalid(_)));
    assert!(invalid(mutated(
        |v| v["accounts"][0]["id"] = "../../etc".into()
    )));
    assert!(invalid(mutated(|v| v["accounts"][0]["name"] = "  ".into())));
    assert!(invalid(mutated(
        |v| v["accounts"][0]["name"] = "x".repeat(500).into()
    )));
    // Option 9 of the first question (it has five), an unknown code, more answers than questions.
    for answers in ["9", "1?", &"1".repeat(81)] {
        assert!(invalid(mutated(
            |v| v["accounts"][0]["assessments"][0]["answers"] = answers.into()
        )));
    }
    assert!(invalid(mutated(
        |v| v["accounts"][0]["assessments"][0]["bank_version"] = 7.into()
    )));
    // Made with questionnaire v1, but answering a question only v2 has (position 70, ev_basis).
    assert!(invalid(mutated(|v| {
        v["accounts"][0]["assessments"][0]["bank_version"] = 1.into();
        v["accounts"][0]["assessments"][0]["answers"] = format!("{}2", ".".repeat(70)).into();
    })));
    assert!(invalid(mutated(|v| {
        let first = v["accounts"][0].clone();
        v["accounts"].as_array_mut().unwrap().push(first);
    })));
    assert!(invalid(mutated(|v| {
        let mut draft = v["accounts"][0]["assessments"][0].clone();
        draft["completed_ms"] = serde_json::Value::Null;
        draft["id"] = "d1".into();
        let mut draft2 = draft.clone();
        draft2["id"] = "d2".into();
        let list = v["accounts"][0]["assessments"].as_array_mut().unwrap();
        list.push(draft);
        list.push(draft2);
    })));
}

#[test]
fn preview_and_apply_resolve_conflicts_by_id() {
    let existing = vec![account("a1", "Acme", true)];
    let incoming = vec![
        account("a1", "Acme (laptop)", true),
        account("c3", "New Co", true),
    ];
    let p = preview(&existing, incoming.clone());
    assert_eq!(p.added, vec!["New Co".to_owned()]);
    assert_eq!(
        p.conflicts,
        vec![Conflict {
            id: "a1".into(),
            existing_name: "Acme".into(),
            incoming_name: "Acme (laptop)".into()
        }]
    );

    let mut both = existing.clone();
    let mut ids = [AccountId::from("a1"), AccountId::from("z9")].into_iter();
    let changed = apply(&mut both, p.clone(), Resolution::KeepBoth, || {
        ids.next().unwrap_or_default()
    });
    assert_eq!(both.len(), 3);
    assert_eq!(both[0].name, "Acme");
    assert!(
        both.iter()
            .any(|a| a.id == "z9" && a.name == "Acme (laptop)"),
        "a colliding new id is skipped"
    );
    assert_eq!(changed, vec![AccountId::from("z9"), AccountId::from("c3")]);

    let mut replaced = existing;
    apply(&mut replaced, p, Resolution::Replace, AccountId::default);
    assert_eq!(replaced.len(), 2);
    assert_eq!(replaced[0].name, "Acme (laptop)");
}

#[test]
fn csv_has_a_bom_one_row_per_completed_assessment_and_safe_cells() {
    let accounts = vec![
        account("a1", "Acme, \"Steel\"", true),
        account("b2", "上海", false),
    ];
    let csv = export_csv(bank(), &accounts);
    assert!(csv.starts_with('\u{feff}'));
    let lines: Vec<&str> = csv
        .trim_start_matches('\u{feff}')
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(lines.len(), 2, "header + the one completed assessment");
    let header_cols = lines[0].split(',').count();
    assert_eq!(header_cols, 23 + 7 + 6 + bank().questions.len());
    assert!(lines[1].starts_with("a1,\"Acme, \"\"Steel\"\"\","));
    assert!(lines[1].contains(",hostage,"));
    // A name that a spreadsheet would run as a formula is neutralised.
    let evil = vec![account("e1", "=HYPERLINK(\"http://x\")", true)];
    assert!(export_csv(bank(), &evil).contains("\"'=HYPERLINK(\"\"http://x\"\")\""));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = parse_import(&bytes, bank());
    }

    #[test]
    fn arbitrary_json_shapes_never_panic(text in r#"\{"format":"rapport-export","schema":[123],"accounts":\[[ -~]{0,300}\]\}"#) {
        let _ = parse_import(text.as_bytes(), bank());
    }

    /// A format-3 export with one byte changed anywhere: refused, or read as a file that
    /// exports back to what was read (never a panic, never a half-read record).
    #[test]
    fn a_format_3_file_with_one_byte_changed_is_refused_or_read_whole(at in 0usize..4096, byte in any::<u8>()) {
        let v3 = fixture(include_str!("../../../../tests/fixtures/storage/v3-account.json"));
        let mut bytes = export_all(&[v3], 2).into_bytes();
        let at = at % bytes.len();
        bytes[at] = byte;
        if let Ok(accounts) = parse_import(&bytes, bank()) {
            let again = parse_import(export_all(&accounts, 2).as_bytes(), bank()).unwrap();
            prop_assert_eq!(again, accounts);
        }
    }
}

/// A stored-record fixture, read (and upgraded) as storage reads it.
fn fixture(json: &str) -> AccountRecord {
    crate::engine::storage::schema::decode_account(json)
        .unwrap()
        .account
}

/// Files exported before the compact record format (schema 1) still import, upgraded.
#[test]
fn schema_1_export_fixture_imports_upgraded() {
    let file = include_str!("../../../../tests/fixtures/storage/v1-export.json");
    let accounts = parse_import(file.as_bytes(), bank()).unwrap();
    let expected = fixture(include_str!(
        "../../../../tests/fixtures/storage/v1-account.json"
    ));
    assert_eq!(accounts, vec![expected]);
    // And what this build exports reads back identically.
    let again = parse_import(export_all(&accounts, 2).as_bytes(), bank()).unwrap();
    assert_eq!(again, accounts);
}

/// Files of schema 2 (records in format 2) import upgraded to format 3; a format-3 record with
/// its envelope round-trips; envelope fields are bounded like the rest.
#[test]
fn schema_2_export_fixture_imports_upgraded_and_the_envelope_is_checked() {
    let file = include_str!("../../../../tests/fixtures/storage/v2-export.json");
    let accounts = parse_import(file.as_bytes(), bank()).unwrap();
    let expected = fixture(include_str!(
        "../../../../tests/fixtures/storage/v2-account.json"
    ));
    assert_eq!(accounts, vec![expected]);
    let v3 = fixture(include_str!(
        "../../../../tests/fixtures/storage/v3-account.json"
    ));
    let exported = export_all(std::slice::from_ref(&v3), 2);
    assert!(exported.contains("\"schema\":3"));
    assert_eq!(
        parse_import(exported.as_bytes(), bank()).unwrap(),
        vec![v3.clone()]
    );
    let refused = |edit: &dyn Fn(&mut AccountRecord)| {
        let mut bad = v3.clone();
        edit(&mut bad);
        parse_import(export_all(&[bad], 2).as_bytes(), bank()).unwrap_err()
    };
    assert!(
        matches!(refused(&|a| a.rev = "9".repeat(40)), ImportError::Invalid(m) if m.contains("revision"))
    );
    assert!(
        matches!(refused(&|a| a.rev = "<b>".into()), ImportError::Invalid(m) if m.contains("revision"))
    );
    assert!(matches!(refused(&|a| {
        for i in 0..30 {
            a.discarded.insert(format!("d{i}"), 1);
        }
    }), ImportError::Invalid(m) if m.contains("discarded")));
    assert!(
        matches!(refused(&|a| a.assessments[1].updated_ms = 1), ImportError::Invalid(m) if m.contains("edit times"))
    );
}

/// Bytes are checked as they are: a Latin-1 é or a stray 0xFF is refused, and the message says
/// where, instead of being turned into U+FFFD and accepted.
#[test]
fn invalid_utf8_is_refused_with_its_place() {
    let mut bytes = b"{\"format\": \"rapport-export\",\n \"accounts\": [\"Caf".to_vec();
    bytes.push(0xE9);
    bytes.extend_from_slice(b"\"]}");
    assert_eq!(
        parse_import(&bytes, bank()),
        Err(ImportError::NotUtf8 { at: 47, line: 2 })
    );
    assert!(matches!(
        parse_import(&[0xFF], bank()),
        Err(ImportError::NotUtf8 { at: 0, line: 1 })
    ));
}

#[test]
fn a_schema_number_beyond_u32_is_reported_as_it_is() {
    let text = r#"{"format": "rapport-export", "schema": 4294967297, "accounts": []}"#;
    assert_eq!(
        parse_import(text.as_bytes(), bank()),
        Err(ImportError::NewerSchema(4_294_967_297))
    );
}

#[test]
fn a_draft_cursor_is_bounded_by_the_questionnaire() {
    let invalid =
        |r: Result<Vec<AccountRecord>, ImportError>| matches!(r, Err(ImportError::Invalid(_)));
    let draft = |f: fn(&mut serde_json::Value)| {
        let mut value: serde_json::Value =
            serde_json::from_str(&export_all(&[account("d1", "Draft Co", false)], 1)).unwrap();
        f(&mut value);
        parse_import(value.to_string().as_bytes(), bank())
    };
    assert!(draft(|_| {}).is_ok());
    assert!(invalid(draft(|v| {
        v["accounts"][0]["assessments"][0]["cursor"]["question"] = "q".repeat(2_000_000).into();
    })));
    assert!(invalid(draft(|v| {
        v["accounts"][0]["assessments"][0]["cursor"]["section"] = 99.into();
    })));
}

#[test]
fn the_space_an_import_needs_counts_what_it_writes_less_what_it_replaces() {
    let existing = vec![account("a1", "Acme", true)];
    let incoming = vec![account("a1", "Acme", true), account("b2", "Beta", true)];
    let p = preview(&existing, incoming.clone());
    let one = |a: &AccountRecord| {
        i64::try_from(crate::engine::storage::store::stored_units(
            &crate::engine::storage::persist::account_key(&a.id),
            &serde_json::to_string(a).unwrap(),
        ))
        .unwrap()
    };
    assert_eq!(
        space_needed(&existing, &p, Resolution::KeepBoth),
        one(&incoming[0]) + one(&incoming[1])
    );
    assert_eq!(
        space_needed(&existing, &p, Resolution::Replace),
        one(&incoming[1])
    );
}

/// An account with a plan as a KAM keeps it: one adopted action, one own item overdue, one
/// removed (its tombstone travels too).
fn planned(id: &str) -> AccountRecord {
    use crate::engine::model::plan::PlanInput;
    let mut a = account(id, "Acme", true);
    let adopted = PlanInput {
        title: "Set up a quarterly business review with the plant manager".into(),
        lever: "safeguard.communication".into(),
        owner: "王经理".into(),
        due: "2027-01-31".into(),
        measure: "Two reviews held, minutes shared".into(),
        ..Default::default()
    };
    a.add_plan_item(
        "p1",
        &adopted,
        "safeguard.communication",
        None,
        1_700_000_002_000,
    )
    .unwrap();
    let own = PlanInput {
        title: "=SUM(A1) visit, \"urgent\"".into(),
        notes: "line 1\nline 2".into(),
        ..Default::default()
    };
    a.add_plan_item("p2", &own, "", None, 1_700_000_002_100)
        .unwrap();
    a.add_plan_item("p3", &own, "", None, 1_700_000_002_200)
        .unwrap();
    a.remove_plan_item("p3", 1_700_000_002_300).unwrap();
    a
}

#[test]
fn the_plan_travels_in_the_json_export_but_not_in_a_one_assessment_file() {
    let accounts = vec![planned("a1")];
    let back = parse_import(export_all(&accounts, 1).as_bytes(), bank()).unwrap();
    assert_eq!(back, accounts);
    assert_eq!(back[0].plan.len(), 2);
    assert!(back[0].plan_removed.contains_key("p3"));
    let one = export_one(&accounts[0], &"a1s1".into(), 1).unwrap();
    let one = parse_import(one.as_bytes(), bank()).unwrap();
    assert!(one[0].plan.is_empty() && one[0].plan_removed.is_empty());
}

#[test]
fn a_malformed_or_oversized_plan_refuses_the_file() {
    let mutated_plan = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut value: serde_json::Value =
            serde_json::from_str(&export_all(&[planned("a1")], 1)).unwrap();
        f(&mut value["accounts"][0]);
        parse_import(value.to_string().as_bytes(), bank())
    };
    let invalid =
        |r: Result<Vec<AccountRecord>, ImportError>| matches!(r, Err(ImportError::Invalid(_)));
    assert!(mutated_plan(&|_| ()).is_ok());
    assert!(invalid(mutated_plan(
        &|a| a["plan"][0]["status"] = "finished".into()
    )));
    assert!(invalid(mutated_plan(
        &|a| a["plan"][0]["due"] = "31/01/2027".into()
    )));
    assert!(invalid(mutated_plan(
        &|a| a["plan"][0]["id"] = "<img>".into()
    )));
    assert!(invalid(mutated_plan(&|a| a["plan"][1]["id"] = "p1".into())));
    assert!(invalid(mutated_plan(
        &|a| a["plan"][0]["title"] = "x".repeat(161).into()
    )));
    assert!(invalid(mutated_plan(
        &|a| a["plan"][0]["lever"] = "satisfaction.bribes".into()
    )));
    assert!(invalid(mutated_plan(&|a| {
        let item = a["plan"][0].clone();
        let list = a["plan"].as_array_mut().unwrap();
        for i in 0..=crate::engine::model::plan::MAX_PLAN_ITEMS {
            let mut copy = item.clone();
            copy["id"] = format!("x{i}").into();
            list.push(copy);
        }
    })));
}

#[test]
fn the_plan_csv_has_one_row_per_item_with_safe_cells() {
    let csv = export_plan_csv(&[planned("a1"), account("b2", "No plan", true)]);
    assert!(csv.starts_with('\u{feff}'));
    let lines: Vec<&str> = csv
        .trim_start_matches('\u{feff}')
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(
        lines.len(),
        3,
        "header + two items (the removed one is not listed)"
    );
    assert!(lines[0].starts_with("account_id,account,item_id,title,status,owner,due"));
    assert!(lines[1].starts_with("a1,Acme,p1,Set up a quarterly business review"));
    let cells = [
        "",
        "planned",
        "王经理",
        "2027-01-31",
        "safeguard.communication",
        "",
    ];
    assert!(lines[1].contains(&cells.join(",")));
    // Formula-looking title neutralised, quotes doubled; the notes keep their line break.
    assert!(csv.contains("\"'=SUM(A1) visit, \"\"urgent\"\"\""));
    assert!(csv.contains("\"line 1\nline 2\""));
}

/// An account with a stakeholder map as a KAM keeps it: a champion, an executive who left, and
/// a deleted contact (its tombstone travels too).
fn mapped(id: &str) -> AccountRecord {
    use crate::engine::model::contacts::{ContactEdit, ContactInput};
    use crate::engine::model::ids::{Attitude, BuyingRole, ContactFunction, Influence, Seniority};
    let mut a = account(id, "Acme", true);
    let champion = ContactInput {
        name: "周建国".into(),
        title: "网络规划部主任".into(),
        function: ContactFunction::Technical,
        role: Some(BuyingRole::TechnicalEvaluator),
        seniority: Seniority::SeniorManager,
        influence: Influence::High,
        attitude: Attitude::Champion,
        owner: "陈经理".into(),
        last_met: "2026-11-20".into(),
        ..Default::default()
    };
    a.add_contact("c1", &champion, 1_700_000_003_000).unwrap();
    let gone = ContactInput {
        name: "=HYPERLINK(\"x\") Zhao, \"GM\"".into(),
        seniority: Seniority::Executive,
        left_on: "2026-10-01".into(),
        ..Default::default()
    };
    a.add_contact("c2", &gone, 1_700_000_003_100).unwrap();
    a.add_contact("c3", &gone, 1_700_000_003_200).unwrap();
    ContactEdit::Remove {
        contact_id: "c3".into(),
    }
    .apply(&mut a, 1_700_000_003_300)
    .unwrap();
    a
}

#[test]
fn contacts_travel_in_the_json_export_only() {
    let accounts = vec![mapped("a1")];
    let back = parse_import(export_all(&accounts, 1).as_bytes(), bank()).unwrap();
    assert_eq!(back, accounts);
    assert_eq!(back[0].contacts.len(), 2);
    assert!(back[0].contacts_removed.contains_key("c3"));
    // A one-assessment file, a share link and the assessments' CSV never carry them.
    let one = export_one(&accounts[0], &"a1s1".into(), 1).unwrap();
    assert!(!one.contains("周建国"));
    let one = parse_import(one.as_bytes(), bank()).unwrap();
    assert!(one[0].contacts.is_empty() && one[0].contacts_removed.is_empty());
    let link = crate::engine::state::share::encode(&accounts[0], &accounts[0].assessments[0]);
    let without = {
        let mut a = accounts[0].clone();
        a.contacts.clear();
        a.contacts_removed = Default::default();
        crate::engine::state::share::encode(&a, &a.assessments[0])
    };
    assert_eq!(link, without);
    assert!(!export_csv(bank(), &accounts).contains("周建国"));
}

/// Imports `json` (an export of one account) after `f` changed that account.
fn import_changed(
    json: &str,
    f: &dyn Fn(&mut serde_json::Value),
) -> Result<Vec<AccountRecord>, ImportError> {
    let mut value: serde_json::Value = serde_json::from_str(json).unwrap();
    f(&mut value["accounts"][0]);
    parse_import(value.to_string().as_bytes(), bank())
}

/// The import was refused as invalid.
fn invalid(r: Result<Vec<AccountRecord>, ImportError>) -> bool {
    matches!(r, Err(ImportError::Invalid(_)))
}

#[test]
fn malformed_or_too_many_contacts_refuse_the_file() {
    let json = export_all(&[mapped("a1")], 1);
    let mutated = |f: &dyn Fn(&mut serde_json::Value)| import_changed(&json, f);
    assert!(mutated(&|_| ()).is_ok());
    assert!(invalid(mutated(
        &|a| a["contacts"][0]["attitude"] = "enemy".into()
    )));
    assert!(invalid(mutated(
        &|a| a["contacts"][0]["last_met"] = "yesterday".into()
    )));
    assert!(invalid(
        mutated(&|a| a["contacts"][0]["name"] = "  ".into())
    ));
    assert!(invalid(mutated(
        &|a| a["contacts"][0]["phone"] = "123".into()
    )));
    assert!(invalid(mutated(&|a| a["contacts"][1]["id"] = "c1".into())));
    assert!(invalid(mutated(
        &|a| a["contacts"][0]["title"] = "x".repeat(121).into()
    )));
    assert!(invalid(mutated(&|a| {
        let item = a["contacts"][0].clone();
        let list = a["contacts"].as_array_mut().unwrap();
        for i in 0..=crate::engine::model::contacts::MAX_CONTACTS {
            let mut copy = item.clone();
            copy["id"] = format!("x{i}").into();
            list.push(copy);
        }
    })));
}

#[test]
fn the_contacts_csv_has_one_row_per_contact_with_safe_cells() {
    let csv = export_contacts_csv(&[mapped("a1"), account("b2", "No map", true)]);
    assert!(csv.starts_with('\u{feff}'));
    let lines: Vec<&str> = csv
        .trim_start_matches('\u{feff}')
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(
        lines.len(),
        3,
        "header + two contacts (the deleted one is not listed)"
    );
    assert!(lines[0].starts_with("account_id,account,contact_id,name,title,function,role"));
    let cells = [
        "a1",
        "Acme",
        "c1",
        "周建国",
        "网络规划部主任",
        "technical",
        "technical_evaluator",
        "senior_manager",
        "high",
        "champion",
        "陈经理",
        "2026-11-20",
        "",
        "",
    ];
    assert!(lines[1].starts_with(&cells.join(",")));
    // A formula-looking name neutralised, its commas and quotes kept inside one cell.
    assert!(lines[2].contains(",\"'=HYPERLINK(\"\"x\"\") Zhao, \"\"GM\"\"\",,other,,executive,medium,neutral,,,2026-10-01,"));
}

/// An account asked for other eyes: a customer and a colleague invitation, one response each.
fn with_eyes(id: &str) -> AccountRecord {
    use crate::engine::model::eyes::{colleague_choices, encode_choices, Kind, Response};
    use crate::engine::model::scenarios::{
        amend, answers_of, customer_choices, B_FIELD_ENGINEER_CHANGES, B_MAINTENANCE_HEAD,
        INCUMBENT_B,
    };
    use crate::engine::text::lang::Lang;
    let mut a = mapped(id);
    a.assessments[0].answers = answers_of(bank(), INCUMBENT_B);
    a.invite(
        "inv-c",
        Kind::Customer,
        Lang::Zh,
        "B Telecom",
        "王主任（运维部）",
        1_700_000_004_000,
    )
    .unwrap();
    a.invite(
        "inv-t",
        Kind::Colleague,
        Lang::En,
        "",
        "",
        1_700_000_004_100,
    )
    .unwrap();
    let set = crate::engine::scoring::customer_set().unwrap();
    let customer = Response {
        id: "r-c".into(),
        invitation: "inv-c".into(),
        kind: Kind::Customer,
        version: 1,
        answered_ms: 1_700_000_000_000 / 86_400_000 * 86_400_000,
        name: "=cmd|' /C calc'!A0".into(),
        answers: encode_choices(&customer_choices(set, B_MAINTENANCE_HEAD)),
        against: String::new(),
        role: None,
        attached_ms: 0,
    };
    a.attach(&customer, 1_700_000_005_000).unwrap();
    let engineer = answers_of(bank(), &amend(INCUMBENT_B, B_FIELD_ENGINEER_CHANGES));
    let colleague = Response {
        id: "r-t".into(),
        invitation: "inv-t".into(),
        kind: Kind::Colleague,
        version: bank().version,
        answers: encode_choices(&colleague_choices(&engineer, bank().version)),
        name: String::new(),
        ..customer
    };
    a.attach(&colleague, 1_700_000_005_100).unwrap();
    a
}

#[test]
fn other_eyes_travel_in_the_json_export_and_are_checked_on_import() {
    let accounts = vec![with_eyes("a1")];
    let json = export_all(&accounts, 1);
    let back = parse_import(json.as_bytes(), bank()).unwrap();
    assert_eq!(back, accounts);
    // A one-assessment file and a share link carry none of it.
    let one = export_one(&accounts[0], &"a1s1".into(), 1).unwrap();
    assert!(!one.contains("inv-c") && !one.contains("r-c"));
    let mutated = |f: &dyn Fn(&mut serde_json::Value)| import_changed(&json, f);
    assert!(mutated(&|_| ()).is_ok());
    assert!(invalid(mutated(
        &|a| a["responses"][0]["answers"] = "12".into()
    )));
    assert!(invalid(mutated(
        &|a| a["responses"][0]["kind"] = "boss".into()
    )));
    assert!(invalid(
        mutated(&|a| a["responses"][1]["id"] = "r-c".into())
    ));
    assert!(invalid(mutated(
        &|a| a["invitations"][0]["sent_to"] = "x".repeat(81).into()
    )));
    assert!(invalid(mutated(
        &|a| a["invitations"][0]["secret"] = "1".into()
    )));
    // A colleague's answer that names an option its question lacks.
    assert!(invalid(mutated(&|a| {
        let answers = a["responses"][1]["answers"].as_str().unwrap().to_owned();
        a["responses"][1]["answers"] = format!("9{}", &answers[1..]).into();
    })));
}

#[test]
fn the_perception_csv_sets_both_views_side_by_side() {
    let accounts = vec![with_eyes("a1")];
    let csv = export_perception_csv(
        bank(),
        crate::engine::scoring::customer_set().unwrap(),
        &accounts,
    );
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert!(lines[0].starts_with("account_id,account,assessment_id,completed,view,figure,own"));
    // 19 scored customer figures and 7 team figures, for the one assessment compared.
    assert_eq!(lines.len(), 1 + 19 + 7, "{csv}");
    let competitor = lines
        .iter()
        .find(|l| l.contains(",customer,warning.competitor_offer,"))
        .unwrap();
    assert!(competitor.ends_with(",100,0,0,0,1"), "{competitor}");
    assert!(lines.iter().any(|l| l.contains(",team,defection_risk,")));
    // The respondent's name, a formula here, is not in the file at all.
    assert!(!csv.contains("calc"));
}
