//! The documents an account becomes on a team's CouchDB server, and reading them back.
//!
//! One account is one `account:<account id>` document — its details, draft, plan, contacts,
//! invitations and responses — and one `assessment:<account id>:<assessment id>` document per
//! completed assessment, which never changes in ordinary work: a new assessment never collides
//! with anything. The record inside is the stored record format (format 3), so the server holds
//! exactly what an export holds, checked by the same validation. Two things stay on the device:
//! the record's revision (the server has its own `_rev`) and the draft's cursor (where *this*
//! device is in the questionnaire).

use serde_json::{json, Map, Value};

use crate::engine::model::bank::Bank;
use crate::engine::model::ids::{AccountId, AssessmentId};
use crate::engine::model::record::{
    is_valid_id, AccountRecord, AssessmentRecord, MAX_SHORT_TEXT_CHARS,
};
use crate::engine::storage::exchange::validate_account;
use crate::engine::storage::schema::decode_account;

/// The `type` of an account document.
pub const ACCOUNT_TYPE: &str = "rapport.account";
/// The `type` of a completed assessment's document.
pub const ASSESSMENT_TYPE: &str = "rapport.assessment";
/// Longest member name the documents carry (`owner`, `by`).
pub const MAX_MEMBER_CHARS: usize = MAX_SHORT_TEXT_CHARS;

/// The id of an account's document.
pub fn account_doc_id(account: &AccountId) -> String {
    format!("account:{}", account.as_str())
}

/// The id of a completed assessment's document.
pub fn assessment_doc_id(account: &AccountId, assessment: &AssessmentId) -> String {
    format!("assessment:{}:{}", account.as_str(), assessment.as_str())
}

/// The part of a record the account document holds and every device compares: no completed
/// assessments, no revision, no cursor.
pub fn account_body(record: &AccountRecord) -> AccountRecord {
    let mut body = record.clone();
    body.rev.clear();
    body.assessments.retain(AssessmentRecord::is_draft);
    for a in &mut body.assessments {
        a.cursor = Default::default();
    }
    body
}

/// A completed assessment as its document holds it.
pub fn assessment_body(assessment: &AssessmentRecord) -> AssessmentRecord {
    let mut body = assessment.clone();
    body.cursor = Default::default();
    body
}

/// The record a server's documents make: the account body with the completed assessments,
/// oldest first; the draft's cursor is `local`'s, when it has the same draft.
pub fn join(
    body: &AccountRecord,
    completed: impl IntoIterator<Item = AssessmentRecord>,
    local: Option<&AccountRecord>,
) -> AccountRecord {
    let mut record = body.clone();
    for a in completed {
        if !record.assessments.iter().any(|x| x.id == a.id) {
            record.assessments.push(a);
        }
    }
    crate::engine::model::sort::sort_by(&mut record.assessments, |a, b| {
        (a.started_ms, a.id.as_str()).cmp(&(b.started_ms, b.id.as_str()))
    });
    if let (Some(local), Some(draft)) =
        (local, record.assessments.iter_mut().find(|a| a.is_draft()))
    {
        if let Some(mine) = local.assessment(&draft.id) {
            draft.cursor.clone_from(&mine.cursor);
        }
    }
    record.rev = local.map(|l| l.rev.clone()).unwrap_or_default();
    record
}

/// Who wrote a document and for whom, as the documents say it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Authors {
    /// The member whose account it is (the one who first shared it).
    pub owner: String,
    /// The member who wrote this revision.
    pub by: String,
}

/// A record as a JSON tree, through its JSON text: the record's text serializer is in the first
/// load anyway (storage uses it), while `serde_json::to_value` would add a second serializer of
/// every type it holds. Every other value the sync code turns into JSON goes through a record
/// too ([`part_tree`]), for the same reason: a (de)serializer of its own for an item type would
/// be code shared with the first load, which the first load would then have to carry.
pub fn tree(record: &AccountRecord) -> Value {
    serde_json::to_string(record)
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or(Value::Null)
}

/// An otherwise empty account, as JSON text, to carry one part (an item, an assessment).
const HOLDER: &str = r#"{"v":3,"id":"x","name":"-","created_ms":0,"assessments":[]}"#;

/// The JSON of one part of a record: `fill` puts it into an empty account, whose field `list`
/// then holds it first.
pub fn part_tree(list: &str, fill: impl FnOnce(&mut AccountRecord)) -> Value {
    let Ok(mut h) = decode_account(HOLDER).map(|d| d.account) else {
        return Value::Null;
    };
    fill(&mut h);
    tree(&h)
        .get(list)
        .and_then(|v| v.get(0))
        .cloned()
        .unwrap_or(Value::Null)
}

/// Reads one part back: an account whose field `list` holds `value` alone, decoded and checked
/// like a stored record.
pub fn part_from_tree(list: &str, value: &Value) -> Option<AccountRecord> {
    let mut h: Value = serde_json::from_str(HOLDER).ok()?;
    h.as_object_mut()?
        .insert(list.to_owned(), Value::Array(vec![value.clone()]));
    decode_account(&h.to_string()).ok().map(|d| d.account)
}

/// The JSON of an account document (`rev`: the server revision it replaces, if any).
pub fn account_doc(
    record: &AccountRecord,
    rev: Option<&str>,
    authors: &Authors,
    now_ms: u64,
) -> Value {
    let mut doc = json!({
        "_id": account_doc_id(&record.id),
        "type": ACCOUNT_TYPE,
        "owner": authors.owner,
        "by": authors.by,
        "at": now_ms,
        "record": tree(&account_body(record)),
    });
    set_rev(&mut doc, rev);
    doc
}

/// The JSON of a completed assessment's document.
pub fn assessment_doc(
    account: &AccountId,
    assessment: &AssessmentRecord,
    rev: Option<&str>,
    authors: &Authors,
    now_ms: u64,
) -> Value {
    let mut doc = json!({
        "_id": assessment_doc_id(account, &assessment.id),
        "type": ASSESSMENT_TYPE,
        "account": account.as_str(),
        "owner": authors.owner,
        "by": authors.by,
        "at": now_ms,
        "assessment": part_tree("assessments", |h| h.assessments.push(assessment_body(assessment))),
    });
    set_rev(&mut doc, rev);
    doc
}

/// A deletion of a document at a revision.
pub fn deletion(id: &str, rev: &str) -> Value {
    json!({"_id": id, "_rev": rev, "_deleted": true})
}

fn set_rev(doc: &mut Value, rev: Option<&str>) {
    if let (Some(rev), Some(map)) = (rev, doc.as_object_mut()) {
        map.insert("_rev".into(), Value::String(rev.to_owned()));
    }
}

/// A document read from the server, validated.
#[derive(Debug, Clone, PartialEq)]
pub enum ServerDoc {
    Account {
        rev: String,
        authors: Authors,
        /// Its account body (no completed assessments).
        record: AccountRecord,
    },
    Assessment {
        account: AccountId,
        rev: String,
        authors: Authors,
        assessment: AssessmentRecord,
    },
    /// A deleted document: an account deleted by a member (an assessment's deletion only
    /// ever resolves a server conflict and changes nothing here).
    Deleted {
        account: AccountId,
        rev: String,
        account_doc: bool,
    },
    /// Not Rapport's (a design document): left alone.
    Other,
}

/// Why a document from the server was kept aside rather than applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub id: String,
    pub rev: String,
    /// What is wrong, in English (it quotes the field).
    pub why: String,
}

fn text<'a>(map: &'a Map<String, Value>, key: &str) -> Option<&'a str> {
    map.get(key).and_then(Value::as_str)
}

/// The account and assessment a document id names.
pub fn parse_doc_id(id: &str) -> Option<(AccountId, Option<AssessmentId>)> {
    if let Some(account) = id.strip_prefix("account:") {
        return is_valid_id(account).then(|| (AccountId::from(account), None));
    }
    let rest = id.strip_prefix("assessment:")?;
    let (account, assessment) = rest.split_once(':')?;
    (is_valid_id(account) && is_valid_id(assessment)).then(|| {
        (
            AccountId::from(account),
            Some(AssessmentId::from(assessment)),
        )
    })
}

/// Reads and validates one document of a `_changes` feed or a revision fetch.
pub fn read_doc(doc: &Value, bank: &Bank) -> Result<ServerDoc, Refusal> {
    let map = doc.as_object();
    let id = map
        .and_then(|m| text(m, "_id"))
        .unwrap_or_default()
        .to_owned();
    let rev = map
        .and_then(|m| text(m, "_rev"))
        .unwrap_or_default()
        .to_owned();
    let refuse = |why: String| Refusal {
        id: id.clone(),
        rev: rev.clone(),
        why,
    };
    let Some(map) = map else {
        return Err(refuse("not a JSON object".into()));
    };
    if id.starts_with("_design/") {
        return Ok(ServerDoc::Other);
    }
    let Some((account, assessment)) = parse_doc_id(&id) else {
        return Err(refuse(format!("the document id {id:?} is not Rapport's")));
    };
    if rev.is_empty() || rev.len() > 64 {
        return Err(refuse("a missing or malformed revision".into()));
    }
    if map.get("_deleted") == Some(&Value::Bool(true)) {
        return Ok(ServerDoc::Deleted {
            account,
            rev,
            account_doc: assessment.is_none(),
        });
    }
    let authors = authors(map).map_err(&refuse)?;
    match assessment {
        None => {
            if text(map, "type") != Some(ACCOUNT_TYPE) {
                return Err(refuse("an account document of another type".into()));
            }
            let record = read_record(map.get("record"), bank).map_err(&refuse)?;
            if record.id != account {
                return Err(refuse("its record is another account's".into()));
            }
            if record.assessments.iter().any(|a| !a.is_draft()) {
                return Err(refuse(
                    "a completed assessment inside the account document".into(),
                ));
            }
            Ok(ServerDoc::Account {
                rev,
                authors,
                record,
            })
        }
        Some(assessment_id) => {
            if text(map, "type") != Some(ASSESSMENT_TYPE)
                || text(map, "account") != Some(account.as_str())
            {
                return Err(refuse(
                    "an assessment document of another type or account".into(),
                ));
            }
            let assessment =
                read_assessment(&account, map.get("assessment"), bank).map_err(&refuse)?;
            if assessment.id != assessment_id || assessment.is_draft() {
                return Err(refuse(
                    "its assessment is another one, or not completed".into(),
                ));
            }
            Ok(ServerDoc::Assessment {
                account,
                rev,
                authors,
                assessment,
            })
        }
    }
}

fn authors(map: &Map<String, Value>) -> Result<Authors, String> {
    let member = |key: &str| -> Result<String, String> {
        let name = text(map, key).unwrap_or_default();
        if name.chars().count() > MAX_MEMBER_CHARS {
            Err(format!(
                "{key} is longer than {MAX_MEMBER_CHARS} characters"
            ))
        } else {
            Ok(name.to_owned())
        }
    };
    Ok(Authors {
        owner: member("owner")?,
        by: member("by")?,
    })
}

/// A record inside a document: read like a stored record (an older format is upgraded, a newer
/// one refused with its reason), then validated like an import.
fn read_record(value: Option<&Value>, bank: &Bank) -> Result<AccountRecord, String> {
    let value = value.ok_or("no record")?;
    let decoded = decode_account(&value.to_string()).map_err(|e| e.to_string())?;
    validate_account(bank, &decoded.account).map_err(|e| match e {
        crate::engine::storage::exchange::ImportError::Invalid(why) => why,
        other => format!("{other:?}"),
    })?;
    Ok(decoded.account)
}

fn read_assessment(
    account: &AccountId,
    value: Option<&Value>,
    bank: &Bank,
) -> Result<AssessmentRecord, String> {
    // Validated inside an otherwise empty account, exactly as an imported one is.
    let wrapped = json!({
        "v": crate::engine::storage::schema::RECORD_VERSION,
        "id": account.as_str(),
        "name": "-",
        "created_ms": 0,
        "assessments": [value.ok_or("no assessment")?],
    });
    let mut record = read_record(Some(&wrapped), bank)?;
    record
        .assessments
        .pop()
        .ok_or_else(|| "no assessment".into())
}
