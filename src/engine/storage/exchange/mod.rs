//! Moving data out of and into Rapport: a JSON export of everything (or one assessment), a CSV
//! for spreadsheets, and an import that validates everything before changing anything.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::engine::model::answers::{score_of, Choice};
use crate::engine::model::bank::customer::CustomerSet;
use crate::engine::model::bank::Bank;
use crate::engine::model::contacts::{Contact, MAX_CONTACTS, MAX_CONTACTS_REMOVED};
use crate::engine::model::eyes::{
    Invitation, Response, MAX_EYES_REMOVED, MAX_INVITATIONS, MAX_RESPONSES,
};
use crate::engine::model::ids::{AccountId, AssessmentId, SatisfactionLever, SwitchingLever};
use crate::engine::model::keyed::Keyed;
use crate::engine::model::pairs::Pairs;
use crate::engine::model::plan::{PlanItem, MAX_PLAN_ITEMS, MAX_PLAN_REMOVED};
use crate::engine::model::record::{
    is_valid_id, AccountRecord, MAX_DISCARDED, MAX_NAME_CHARS, MAX_NOTE_CHARS, MAX_REV_CHARS,
    MAX_SHORT_TEXT_CHARS, MAX_TAGS, MAX_TAG_CHARS, RECORD_VERSION,
};
use crate::engine::scoring::eyes::{perception_gap, team_view, Spread};
use crate::engine::scoring::{round, score_figures};
use crate::engine::storage::schema;
use crate::engine::storage::schema::{answer_count, ANSWER_ORDER};
use crate::engine::text::explain::date;

/// Marks a file as Rapport's.
pub const FORMAT: &str = "rapport-export";
/// The export schema this build writes. It reads every earlier one too: schema 1 files hold
/// accounts in record format 1, schema 2 files format 2, schema 3 files format 3; older records
/// are upgraded on import (see [`crate::engine::storage::schema`]).
pub const SCHEMA: u32 = 3;
/// Largest file accepted for import (a thousand assessments take well under 2 MB).
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;
/// Most accounts and assessments accepted in one import.
pub const MAX_IMPORT_ACCOUNTS: usize = 2_000;
pub const MAX_IMPORT_ASSESSMENTS: usize = 10_000;

/// An export file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportFile {
    pub format: String,
    pub schema: u32,
    /// The version of Rapport that wrote it.
    pub app_version: String,
    pub exported_ms: u64,
    pub accounts: Vec<AccountRecord>,
}

/// Everything, as pretty JSON.
pub fn export_all(accounts: &[AccountRecord], now_ms: u64) -> String {
    let file = ExportFile {
        format: FORMAT.to_owned(),
        schema: SCHEMA,
        app_version: env!("CARGO_PKG_VERSION").to_owned(),
        exported_ms: now_ms,
        accounts: accounts.to_vec(),
    };
    // Compact: the pretty printer would add a second copy of every serializer to the wasm.
    serde_json::to_string(&file).unwrap_or_default()
}

/// One assessment (with its account's name and tags), as an export file of one account.
pub fn export_one(
    account: &AccountRecord,
    assessment_id: &AssessmentId,
    now_ms: u64,
) -> Option<String> {
    let assessment = account.assessment(assessment_id)?.clone();
    // One assessment to pass on: the account plan is the team's working document, the
    // contacts are personal data and the responses are other people's opinions given to the
    // user; none of them is part of it.
    let one = AccountRecord {
        assessments: vec![assessment],
        plan: Vec::new(),
        plan_removed: Default::default(),
        contacts: Vec::new(),
        contacts_removed: Default::default(),
        invitations: Vec::new(),
        invitations_removed: Default::default(),
        responses: Vec::new(),
        responses_removed: Default::default(),
        ..account.clone()
    };
    Some(export_all(&[one], now_ms))
}

/// Why an import was refused. Nothing has been changed when this is returned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    TooLarge {
        bytes: usize,
    },
    /// Not UTF-8 text: the first bad byte's offset and line (1-based).
    NotUtf8 {
        at: usize,
        line: usize,
    },
    /// The browser could not read the file; the detail is its message.
    Unreadable(String),
    /// Not JSON at all; the detail says where.
    NotJson(String),
    /// JSON, but not a Rapport export.
    NotRapport,
    /// Written by a newer Rapport: update before importing.
    NewerSchema(u64),
    /// A Rapport export with content that fails validation; the detail says what.
    Invalid(String),
}

fn check_len(what: &str, text: &str, max: usize) -> Result<(), ImportError> {
    if text.chars().count() > max {
        Err(ImportError::Invalid(format!(
            "{what} is longer than {max} characters"
        )))
    } else {
        Ok(())
    }
}

/// One keyed list (the plan, the contacts): at most `max` items and `max_removed` tombstones,
/// every item checked like an edit (`check`), ids unique. `what` names the items in the message.
fn validate_keyed<T: Keyed>(
    what: &str,
    (items, removed): (&[T], &Pairs<u64>),
    (max, max_removed): (usize, usize),
    check: impl Fn(&T) -> Result<(), String>,
) -> Result<(), String> {
    if items.len() > max || removed.len() > max_removed || removed.keys().any(|id| !is_valid_id(id))
    {
        return Err(format!(
            "more {what}s than the limit, or malformed removals"
        ));
    }
    let mut ids = HashSet::new();
    for item in items {
        check(item)?;
        if !ids.insert(item.key()) {
            return Err(format!("{what} id {:?} repeated", item.key()));
        }
    }
    Ok(())
}

/// The account's keyed lists: discarded drafts, the plan and the contacts.
fn validate_lists(account: &AccountRecord) -> Result<(), String> {
    if account.discarded.len() > MAX_DISCARDED
        || account.discarded.keys().any(|id| !is_valid_id(id))
    {
        return Err("a malformed list of discarded drafts".into());
    }
    validate_keyed(
        "plan item",
        (&account.plan, &account.plan_removed),
        (MAX_PLAN_ITEMS, MAX_PLAN_REMOVED),
        PlanItem::check_stored,
    )?;
    validate_keyed(
        "contact",
        (&account.contacts, &account.contacts_removed),
        (MAX_CONTACTS, MAX_CONTACTS_REMOVED),
        Contact::check_stored,
    )?;
    validate_keyed(
        "invitation",
        (&account.invitations, &account.invitations_removed),
        (MAX_INVITATIONS, MAX_EYES_REMOVED),
        Invitation::check_stored,
    )?;
    validate_keyed(
        "response",
        (&account.responses, &account.responses_removed),
        (MAX_RESPONSES, MAX_EYES_REMOVED),
        Response::check_stored,
    )
}

/// A colleague's answers are an assessment's: every one an option its question offers. (A
/// customer's are checked for shape by `validate_lists`; an option its question lacks scores
/// nothing.)
fn validate_responses(bank: &Bank, account: &AccountRecord) -> Result<(), String> {
    if account.responses.iter().any(|r| {
        r.colleague_answers()
            .is_some_and(|a| r.version > bank.version || !a.invalid_entries(bank).is_empty())
    }) {
        return Err("a colleague's response names an answer the questionnaire lacks".into());
    }
    Ok(())
}

/// Checks one account exactly as an import does (bounds, ids, answers against the bank): a
/// document pulled from a team's server passes here before it touches local storage.
pub fn validate_account(bank: &Bank, account: &AccountRecord) -> Result<(), ImportError> {
    validate(bank, account)
}

fn validate(bank: &Bank, account: &AccountRecord) -> Result<(), ImportError> {
    let invalid = |why: String| {
        Err(ImportError::Invalid(format!(
            "account {:?}: {why}",
            account.id
        )))
    };
    if !is_valid_id(account.id.as_str()) || account.v != RECORD_VERSION {
        return invalid("bad id or record version".into());
    }
    if account.name.trim().is_empty() {
        return invalid("no name".into());
    }
    check_len("a name", &account.name, MAX_NAME_CHARS)?;
    check_len("an industry", &account.industry, MAX_SHORT_TEXT_CHARS)?;
    if account.tags.len() > MAX_TAGS {
        return invalid("too many tags".into());
    }
    for tag in &account.tags {
        check_len("a tag", tag, MAX_TAG_CHARS)?;
    }
    if account.rev.len() > MAX_REV_CHARS
        || !account
            .rev
            .bytes()
            .all(|b| b.is_ascii_hexdigit() || b == b'-')
    {
        return invalid("a malformed revision".into());
    }
    validate_lists(account).or_else(invalid)?;
    validate_responses(bank, account).or_else(invalid)?;
    if account.assessments.iter().filter(|a| a.is_draft()).count() > 1 {
        return invalid("more than one draft".into());
    }
    let mut ids = HashSet::new();
    for a in &account.assessments {
        if !is_valid_id(a.id.as_str()) || !ids.insert(a.id.as_str()) {
            return invalid(format!("assessment id {:?} invalid or repeated", a.id));
        }
        if a.bank_version > bank.version {
            return invalid(format!(
                "assessment {:?} was made with questionnaire version {}, newer than this Rapport's (version {}): update Rapport, then import again",
                a.id, a.bank_version, bank.version
            ));
        }
        let Some(positions) = answer_count(a.bank_version) else {
            return invalid(format!(
                "assessment {:?} names questionnaire version {}, which never existed",
                a.id, a.bank_version
            ));
        };
        if a.answers
            .iter()
            .any(|(id, _)| ANSWER_ORDER[positions..].contains(&id))
        {
            return invalid(format!(
                "assessment {:?} answers questions that questionnaire version {} did not have",
                a.id, a.bank_version
            ));
        }
        let bad = a.answers.invalid_entries(bank);
        if !bad.is_empty() {
            return invalid(format!(
                "assessment {:?} answers unknown questions or options: {}",
                a.id,
                bad.join(", ")
            ));
        }
        check_len("an assessor", &a.assessor, MAX_SHORT_TEXT_CHARS)?;
        // Every save keeps an assessment's `updated_ms` at or after each of its edit times.
        if a.answered_at.latest().max(a.noted_at.latest()) > a.updated_ms {
            return invalid(format!(
                "assessment {:?}: edit times later than its last update",
                a.id
            ));
        }
        // The draft's place in the questionnaire: a section that exists, a question it knows.
        if a.cursor.section >= bank.sections.len().max(1) {
            return invalid(format!(
                "assessment {:?}: cursor section {} does not exist",
                a.id, a.cursor.section
            ));
        }
        if let Some(q) = &a.cursor.question {
            if !crate::engine::model::answers::is_known(q) {
                return invalid(format!(
                    "assessment {:?}: cursor names an unknown question",
                    a.id
                ));
            }
        }
        for (question, note) in &a.notes {
            if bank.question(question).is_none() {
                return invalid(format!("note on unknown question {question:?}"));
            }
            check_len("a note", note, MAX_NOTE_CHARS)?;
        }
    }
    Ok(())
}

/// Parses and validates an import file completely; any problem refuses the whole file.
pub fn parse_import(bytes: &[u8], bank: &Bank) -> Result<Vec<AccountRecord>, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        ImportError::NotUtf8 {
            at,
            line: 1 + bytes[..at].iter().filter(|b| **b == b'\n').count(),
        }
    })?;
    let text = text.trim_start_matches('\u{feff}');
    // Syntax first, then only the envelope, to tell "not JSON", "not ours" and "too new" apart
    // before the full, strict parse. Typed structs, never a generic JSON tree: that would put a
    // second deserializer in the wasm.
    serde_json::from_str::<serde::de::IgnoredAny>(text)
        .map_err(|e| ImportError::NotJson(e.to_string()))?;
    #[derive(Deserialize)]
    struct Envelope {
        format: Option<String>,
        schema: Option<u64>,
    }
    let envelope = serde_json::from_str::<Envelope>(text).map_err(|e| {
        if text.contains(FORMAT) {
            ImportError::Invalid(e.to_string())
        } else {
            ImportError::NotRapport
        }
    })?;
    if envelope.format.as_deref() != Some(FORMAT) {
        return Err(ImportError::NotRapport);
    }
    match envelope.schema {
        // Schema 1 files hold records of format 1; the record reader upgrades them below.
        Some(s) if (1..=u64::from(SCHEMA)).contains(&s) => {}
        Some(s) if s > u64::from(SCHEMA) => return Err(ImportError::NewerSchema(s)),
        _ => return Err(ImportError::Invalid("unknown schema version".into())),
    }
    let mut accounts = serde_json::from_str::<ExportFile>(text)
        .map_err(|e| ImportError::Invalid(e.to_string()))?
        .accounts;
    for account in &mut accounts {
        schema::upgrade(account).map_err(|e| ImportError::Invalid(e.to_string()))?;
    }
    if accounts.len() > MAX_IMPORT_ACCOUNTS
        || accounts.iter().map(|a| a.assessments.len()).sum::<usize>() > MAX_IMPORT_ASSESSMENTS
    {
        return Err(too_many());
    }
    let mut ids = HashSet::new();
    for account in &accounts {
        validate(bank, account)?;
        if !ids.insert(account.id.as_str()) {
            return Err(ImportError::Invalid(format!(
                "account {:?} appears twice",
                account.id
            )));
        }
    }
    Ok(accounts)
}

fn too_many() -> ImportError {
    ImportError::Invalid("more accounts or assessments than one import accepts".into())
}

/// An incoming account whose id already exists here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub id: AccountId,
    pub existing_name: String,
    pub incoming_name: String,
}

/// What an import would do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportPreview {
    pub incoming: Vec<AccountRecord>,
    /// Names of accounts that are new here.
    pub added: Vec<String>,
    pub conflicts: Vec<Conflict>,
}

/// How to resolve conflicts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// Keep the existing account and add the incoming one under a new id.
    KeepBoth,
    /// The incoming account replaces the existing one.
    Replace,
}

/// Compares incoming accounts with the existing ones.
pub fn preview(existing: &[AccountRecord], incoming: Vec<AccountRecord>) -> ImportPreview {
    let mut added = Vec::new();
    let mut conflicts = Vec::new();
    for account in &incoming {
        match existing.iter().find(|e| e.id == account.id) {
            Some(e) => conflicts.push(Conflict {
                id: account.id.clone(),
                existing_name: e.name.clone(),
                incoming_name: account.name.clone(),
            }),
            None => added.push(account.name.clone()),
        }
    }
    ImportPreview {
        incoming,
        added,
        conflicts,
    }
}

/// How much storage (UTF-16 code units, as `localStorage` counts) applying `preview` with
/// `resolution` would add: every incoming record, less the records it replaces. Negative when a
/// replacement is smaller than what it replaces.
pub fn space_needed(
    existing: &[AccountRecord],
    preview: &ImportPreview,
    resolution: Resolution,
) -> i64 {
    let units = |a: &AccountRecord| {
        let json = serde_json::to_string(a).unwrap_or_default();
        i64::try_from(crate::engine::storage::store::stored_units(
            &crate::engine::storage::persist::account_key(&a.id),
            &json,
        ))
        .unwrap_or(i64::MAX)
    };
    preview
        .incoming
        .iter()
        .map(|incoming| {
            let replaced = match (resolution, existing.iter().find(|e| e.id == incoming.id)) {
                (Resolution::Replace, Some(old)) => units(old),
                _ => 0,
            };
            units(incoming) - replaced
        })
        .sum()
}

/// Applies a previewed import; returns the ids of the accounts written.
pub fn apply(
    existing: &mut Vec<AccountRecord>,
    preview: ImportPreview,
    resolution: Resolution,
    mut new_id: impl FnMut() -> AccountId,
) -> Vec<AccountId> {
    let mut changed = Vec::new();
    for mut account in preview.incoming {
        match existing.iter().position(|e| e.id == account.id) {
            None => existing.push(account.clone()),
            Some(i) => match resolution {
                Resolution::Replace => {
                    // The stored record's revision: the save then replaces it rather than
                    // merging the two (unless another tab wrote it meanwhile).
                    account.rev.clone_from(&existing[i].rev);
                    existing[i] = account.clone();
                }
                Resolution::KeepBoth => {
                    account.id = std::iter::repeat_with(&mut new_id)
                        .find(|id| is_valid_id(id.as_str()) && existing.iter().all(|e| e.id != id))
                        .unwrap_or_default();
                    existing.push(account.clone());
                }
            },
        }
        changed.push(account.id);
    }
    changed
}

/// Quotes a CSV cell; a cell a spreadsheet would run as a formula is prefixed with `'`.
fn csv_cell(text: &str) -> String {
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// A CSV file: UTF-8 with a byte-order mark so Excel reads Chinese correctly, CRLF line ends,
/// every cell guarded by [`csv_cell`].
fn csv_table<S: AsRef<str>>(header: &[S], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut out = String::from("\u{feff}");
    let mut line = |cells: &mut dyn Iterator<Item = &str>| {
        let cells: Vec<String> = cells.map(csv_cell).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    };
    line(&mut header.iter().map(AsRef::as_ref));
    for row in rows {
        line(&mut row.iter().map(String::as_str));
    }
    out
}

/// One row per completed assessment: every index, lever and answer as columns.
pub fn export_csv(bank: &Bank, accounts: &[AccountRecord]) -> String {
    let mut header: Vec<String> = [
        "account_id",
        "account",
        "industry",
        "tags",
        "assessment_id",
        "assessor",
        "started",
        "completed",
        "level",
        "target_level",
        "gap",
        "quadrant",
        "satisfaction",
        "switching_cost",
        "trust",
        "execution",
        "innovation",
        "bottleneck",
        "defection_risk",
        "risk_band",
        "phase",
        "symbiosis",
        "confidence",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    header.extend(
        SatisfactionLever::ALL
            .iter()
            .map(|l| format!("satisfaction.{l}")),
    );
    header.extend(
        SwitchingLever::ALL
            .iter()
            .map(|l| format!("switching_cost.{l}")),
    );
    header.extend(bank.questions.iter().map(|q| q.id.clone()));
    let num = |v: Option<f64>| v.map(|v| round(v).to_string()).unwrap_or_default();
    let rows = accounts.iter().flat_map(|account| {
        account.completed().map(move |a| {
            let r = score_figures(bank, &a.answers);
            let s = r.summary();
            let mut row: Vec<String> = vec![
                account.id.to_string(),
                account.name.clone(),
                account.industry.clone(),
                account.tags.join("; "),
                a.id.to_string(),
                a.assessor.clone(),
                date(a.started_ms),
                a.completed_ms.map(date).unwrap_or_default(),
                s.level.id().to_owned(),
                s.target_level.id().to_owned(),
                r.target.gap.to_string(),
                s.quadrant.map(|q| q.id().to_owned()).unwrap_or_default(),
                num(r.satisfaction.index),
                num(r.switching_cost.index),
                s.trust.map(|v| v.to_string()).unwrap_or_default(),
                s.execution.map(|v| v.to_string()).unwrap_or_default(),
                s.innovation.map(|v| v.to_string()).unwrap_or_default(),
                s.bottleneck
                    .map_or("none".to_owned(), |c| c.id().to_owned()),
                num(r.defection.risk),
                s.risk_band.map(|b| b.id().to_owned()).unwrap_or_default(),
                r.defection.phase.id().to_owned(),
                num(r.symbiosis),
                s.confidence.to_string(),
            ];
            row.extend(r.satisfaction.levers.iter().map(|l| num(l.score)));
            row.extend(r.switching_cost.levers.iter().map(|l| num(l.score)));
            row.extend(bank.questions.iter().map(|q| {
                match a.answers.get(&q.id) {
                    Some(Choice::DontKnow) => "dk".to_owned(),
                    choice => score_of(q, choice)
                        .map(|s| s.to_string())
                        .unwrap_or_default(),
                }
            }));
            row
        })
    });
    csv_table(&header, rows)
}

/// The account plans, one row per plan item (a file of its own beside the assessments' CSV:
/// a plan item is not an assessment). UTF-8 with a byte-order mark, like [`export_csv`].
pub fn export_plan_csv(accounts: &[AccountRecord]) -> String {
    let header = [
        "account_id",
        "account",
        "item_id",
        "title",
        "status",
        "owner",
        "due",
        "lever",
        "action",
        "measure",
        "notes",
        "planned_from_assessment",
        "created",
        "updated",
    ];
    let rows = accounts.iter().flat_map(|account| {
        account.plan.iter().map(|item| {
            vec![
                account.id.to_string(),
                account.name.clone(),
                item.id.clone(),
                item.title.clone(),
                item.status.id().to_owned(),
                item.owner.clone(),
                item.due.clone(),
                item.lever.clone(),
                item.action.clone(),
                item.measure.clone(),
                item.notes.clone(),
                item.from
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
                date(item.created_ms),
                date(item.updated_ms),
            ]
        })
    });
    csv_table(&header, rows)
}

/// The stakeholder maps, one row per contact (a file of its own: contacts are personal data and
/// never in the assessments' CSV). Ids, not display names, in the closed-set columns, like the
/// other exports.
pub fn export_contacts_csv(accounts: &[AccountRecord]) -> String {
    let header = [
        "account_id",
        "account",
        "contact_id",
        "name",
        "title",
        "function",
        "role",
        "seniority",
        "influence",
        "attitude",
        "owner",
        "last_met",
        "left_on",
        "updated",
    ];
    let rows = accounts.iter().flat_map(|account| {
        account.contacts.iter().map(|c| {
            vec![
                account.id.to_string(),
                account.name.clone(),
                c.id.clone(),
                c.name.clone(),
                c.title.clone(),
                c.function.id().to_owned(),
                c.role.map(|r| r.id().to_owned()).unwrap_or_default(),
                c.seniority.id().to_owned(),
                c.influence.id().to_owned(),
                c.attitude.id().to_owned(),
                c.owner.clone(),
                c.last_met.clone(),
                c.left_on.clone(),
                date(c.updated_ms),
            ]
        })
    });
    csv_table(&header, rows)
}

/// Other eyes, one row per figure compared: for each completed assessment with responses
/// compared with it, the customer's view (`view` = `customer`) and the team's (`team`) beside the
/// key-account manager's own. Respondents' names stay out (they are in the JSON export).
pub fn export_perception_csv(
    bank: &Bank,
    customer: &CustomerSet,
    accounts: &[AccountRecord],
) -> String {
    let header = [
        "account_id",
        "account",
        "assessment_id",
        "completed",
        "view",
        "figure",
        "own",
        "theirs_median",
        "theirs_low",
        "theirs_high",
        "respondents",
    ];
    let figure = |v: Option<f64>| v.map(|v| round(v).to_string()).unwrap_or_default();
    let mut rows = Vec::new();
    for account in accounts {
        for a in account.completed() {
            let responses: Vec<&Response> = account.responses_against(a.id.as_str()).collect();
            if responses.is_empty() {
                continue;
            }
            let row = |view: &str, id: String, own: Option<f64>, theirs: Option<Spread>| {
                vec![
                    account.id.to_string(),
                    account.name.clone(),
                    a.id.to_string(),
                    date(a.completed_ms.unwrap_or(a.updated_ms)),
                    view.to_owned(),
                    id,
                    figure(own),
                    figure(theirs.map(|t| t.median)),
                    figure(theirs.map(|t| t.low)),
                    figure(theirs.map(|t| t.high)),
                    theirs.map_or(0, |t| t.n).to_string(),
                ]
            };
            let gap = perception_gap(bank, customer, &a.answers, &responses);
            if gap.respondents > 0 {
                rows.extend(
                    gap.rows
                        .iter()
                        .map(|r| row("customer", r.lens.id(), r.own, r.theirs)),
                );
            }
            let team = team_view(bank, &a.answers, &responses);
            if team.colleagues > 0 {
                rows.extend(
                    team.rows
                        .iter()
                        .map(|r| row("team", r.id.to_owned(), r.owner, r.team)),
                );
            }
        }
    }
    csv_table(&header, rows.into_iter())
}

#[cfg(test)]
mod tests;
