//! One sync round with a team's CouchDB database, without I/O: the round says which HTTP
//! request to make next ([`Round::request`]), is handed the reply ([`Round::reply`]), and ends
//! with what to write locally and remember ([`Round::outcome`]). The browser's shell makes the
//! requests; the host tests answer them with an in-memory server. So every rule of the
//! protocol is tested on the host, and the shell only moves bytes.
//!
//! A round: pull `_changes` since the checkpoint (every page, each document validated like an
//! import; a bad one is kept aside, never applied); fetch the losing revisions of documents the
//! server holds in conflict; merge each touched account three ways against its base; push the
//! accounts changed here with `_bulk_docs` and the known `_rev`, the losing revisions deleted;
//! on a 409 pull again, merge and push again (three times at most in one round; what is left
//! waits for the next round, and is counted as waiting).

use serde_json::Value;

use crate::engine::model::bank::Bank;
use crate::engine::model::ids::AccountId;
use crate::engine::model::merge::{merge, merge_assessment, same_content};
use crate::engine::model::pairs::Pairs;
use crate::engine::model::record::{AccountRecord, AssessmentRecord};
use crate::engine::sync::doc::{
    account_body, account_doc, account_doc_id, assessment_doc, assessment_doc_id, deletion, join,
    read_doc, Authors, ServerDoc,
};
use crate::engine::sync::merge3::{merge3, Conflict, Field, Side};
use crate::engine::sync::state::{AccountSync, Kept, SyncState};

/// Documents asked for per `_changes` page, and pushed per `_bulk_docs`.
pub const PAGE: usize = 200;
/// Pull–merge–push passes in one round when the server answers 409.
pub const MAX_PASSES: u8 = 3;

/// An HTTP method the round uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
}

/// A request, its path relative to the team database's URL (which ends with `/`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpRequest {
    pub method: Method,
    pub path: String,
    /// JSON, for a POST.
    pub body: Option<String>,
}

/// What came back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    Http {
        status: u16,
        body: String,
    },
    /// No answer at all: offline, or the server is down.
    Offline,
}

/// Why a round ended before it was through. Nothing local is lost in any of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stop {
    /// No answer: the edits wait and the next round tries again.
    Offline,
    /// 401: the session ended or the password is wrong; sign in again.
    SignIn,
    /// 403: this member may not read or write the team database (removed from it?).
    Forbidden,
    /// 404: there is no such database at the address.
    NoDatabase,
    /// Any other status: the server's trouble.
    Server(u16),
    /// An answer that is not CouchDB's.
    BadReply,
}

/// The end of a round.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// Records to save here, each the merge of this device's and the server's: the caller
    /// merges each into whatever its tab holds now (edits made during the round are kept).
    pub writes: Vec<AccountRecord>,
    /// Accounts a member deleted on the server that held no edit of this device's.
    pub deletes: Vec<AccountId>,
    /// To remember — only after the writes are saved: a failed write must leave the old state,
    /// so that the next round pulls the same documents again.
    pub state: SyncState,
    /// Documents read and written.
    pub pulled: usize,
    pub pushed: usize,
    /// Conflicts found in this round.
    pub new_conflicts: usize,
    pub stop: Option<Stop>,
}

/// What the server said of one account in this round.
#[derive(Debug, Clone, Default)]
struct Incoming {
    account: Option<(String, Authors, AccountRecord)>,
    deleted: Option<String>,
    assessments: Vec<(String, AssessmentRecord)>,
    /// Who sent each of those assessments first (assessment id, member).
    assessors: Vec<(String, String)>,
    /// Losing revisions of a server conflict, to delete once merged: (doc id, rev).
    losers: Vec<(String, String)>,
    /// Losing revisions' account bodies and assessments, merged in.
    loser_bodies: Vec<AccountRecord>,
    loser_assessments: Vec<AssessmentRecord>,
}

/// What a pushed document's success changes in the metadata.
#[derive(Debug, Clone)]
enum Pushed {
    Account {
        account: AccountId,
        body: Box<AccountRecord>,
    },
    Assessment {
        account: AccountId,
        assessment: String,
    },
    Deleted {
        account: AccountId,
    },
    Loser,
}

#[derive(Debug, Clone)]
enum Step {
    /// Read this device's checkpoint on the server: missing means the server lost it.
    Checkpoint,
    Pull,
    /// Read documents a push found changed (409) directly.
    Get(Vec<String>),
    Fetch,
    Push(Vec<Value>, Vec<Pushed>),
    /// Write the checkpoint reached.
    SaveCheckpoint,
    Done,
}

/// One round. See the module's documentation.
pub struct Round<'b> {
    bank: &'b Bank,
    member: String,
    now_ms: u64,
    local: Vec<AccountRecord>,
    state: SyncState,
    step: Step,
    /// The checkpoint as the server last stored it.
    saved_checkpoint: String,
    incoming: Pairs<Incoming>,
    to_fetch: Vec<(String, Vec<String>)>,
    passes: u8,
    /// Documents a push found changed on the server (409), to read and merge again.
    again: Vec<String>,
    writes: Vec<AccountId>,
    deletes: Vec<AccountId>,
    pulled: usize,
    pushed: usize,
    new_conflicts: usize,
    stop: Option<Stop>,
}

impl<'b> Round<'b> {
    /// A round for `member` over this device's records and sync state.
    pub fn new(
        bank: &'b Bank,
        member: &str,
        local: Vec<AccountRecord>,
        state: SyncState,
        now_ms: u64,
    ) -> Round<'b> {
        Round {
            bank,
            member: member.to_owned(),
            now_ms,
            local,
            saved_checkpoint: state.checkpoint.clone(),
            state,
            step: Step::Checkpoint,
            incoming: Pairs::new(),
            to_fetch: Vec::new(),
            passes: 1,
            again: Vec::new(),
            writes: Vec::new(),
            deletes: Vec::new(),
            pulled: 0,
            pushed: 0,
            new_conflicts: 0,
            stop: None,
        }
    }

    /// The next request, or `None` when the round is over.
    pub fn request(&mut self) -> Option<HttpRequest> {
        loop {
            match &self.step {
                Step::Checkpoint => {
                    return Some(HttpRequest {
                        method: Method::Get,
                        path: self.checkpoint_path(),
                        body: None,
                    })
                }
                Step::Get(ids) => {
                    let Some(id) = ids.last() else {
                        self.step = Step::Pull;
                        continue;
                    };
                    return Some(HttpRequest {
                        method: Method::Get,
                        path: format!("{}?conflicts=true", encode(id)),
                        body: None,
                    });
                }
                Step::SaveCheckpoint if self.state.checkpoint == self.saved_checkpoint => {
                    self.step = Step::Done;
                }
                Step::SaveCheckpoint => {
                    let mut doc = serde_json::json!({ "seq": self.state.checkpoint });
                    if !self.state.checkpoint_rev.is_empty() {
                        doc["_rev"] = Value::String(self.state.checkpoint_rev.clone());
                    }
                    return Some(HttpRequest {
                        method: Method::Put,
                        path: self.checkpoint_path(),
                        body: Some(doc.to_string()),
                    });
                }
                Step::Pull => {
                    let since = if self.state.checkpoint.is_empty() {
                        "0".to_owned()
                    } else {
                        encode(&self.state.checkpoint)
                    };
                    return Some(HttpRequest {
                        method: Method::Get,
                        path: format!(
                            "_changes?style=all_docs&include_docs=true&conflicts=true&limit={PAGE}&since={since}"
                        ),
                        body: None,
                    });
                }
                Step::Fetch => {
                    if let Some((id, revs)) = self.to_fetch.last() {
                        let revs = Value::from(revs.clone()).to_string();
                        return Some(HttpRequest {
                            method: Method::Get,
                            path: format!("{}?open_revs={}", encode(id), encode(&revs)),
                            body: None,
                        });
                    }
                    self.settle_all();
                }
                Step::Push(docs, _) if docs.is_empty() => self.step = Step::SaveCheckpoint,
                Step::Push(docs, _) => {
                    let batch = &docs[..docs.len().min(PAGE)];
                    let body = serde_json::json!({ "docs": batch }).to_string();
                    return Some(HttpRequest {
                        method: Method::Post,
                        path: "_bulk_docs".into(),
                        body: Some(body),
                    });
                }
                Step::Done => return None,
            }
        }
    }

    /// Hands the reply to the last request.
    pub fn reply(&mut self, reply: Reply) {
        if let Reply::Http { status: 404, body } = &reply {
            if self.on_missing(body) {
                return;
            }
        }
        let body = match reply {
            Reply::Offline => return self.halt(Stop::Offline),
            Reply::Http { status, body } if (200..300).contains(&status) => body,
            Reply::Http { status, .. } => {
                return self.halt(match status {
                    401 => Stop::SignIn,
                    403 => Stop::Forbidden,
                    404 => Stop::NoDatabase,
                    other => Stop::Server(other),
                })
            }
        };
        let Ok(json) = serde_json::from_str::<Value>(&body) else {
            return self.halt(Stop::BadReply);
        };
        let ok = match std::mem::replace(&mut self.step, Step::Done) {
            Step::Checkpoint => self.on_checkpoint(&json),
            Step::Get(mut ids) => {
                ids.pop();
                self.take(&json);
                self.queue_conflicts(&json);
                self.step = Step::Get(ids);
                true
            }
            Step::SaveCheckpoint => {
                if let Some(rev) = json.get("rev").and_then(Value::as_str) {
                    self.state.checkpoint_rev = rev.to_owned();
                }
                self.step = Step::Done;
                true
            }
            Step::Pull => self.on_changes(&json),
            Step::Fetch => self.on_revisions(&json),
            Step::Push(mut docs, mut pushed) => {
                let sent = docs.len().min(PAGE);
                let ok = self.on_pushed(&json, &pushed[..sent]);
                docs.drain(..sent);
                pushed.drain(..sent);
                self.step = if !docs.is_empty() {
                    Step::Push(docs, pushed)
                } else if !self.again.is_empty() && self.passes < MAX_PASSES {
                    self.passes += 1;
                    Step::Get(std::mem::take(&mut self.again))
                } else {
                    self.again.clear();
                    Step::SaveCheckpoint
                };
                ok
            }
            Step::Done => true,
        };
        if !ok {
            self.halt(Stop::BadReply);
        }
    }

    fn checkpoint_path(&self) -> String {
        format!("_local/rapport-{}", encode(&self.state.device))
    }

    /// A 404 that is an answer, not a failure: no checkpoint yet, or a document gone.
    fn on_missing(&mut self, body: &str) -> bool {
        // CouchDB says `{"error":"not_found"}` for a missing document; a missing database
        // says the same with reason "Database does not exist.", which stays a failure.
        let gone_db = body.contains("Database does not exist") || body.contains("no_db_file");
        if gone_db {
            return false;
        }
        match std::mem::replace(&mut self.step, Step::Done) {
            Step::Checkpoint => {
                if !self.state.checkpoint.is_empty() {
                    // The server does not know where this device got to: it lost its data or
                    // is another database. Start again from nothing; nothing local is lost.
                    self.state.forget_server();
                }
                self.saved_checkpoint.clear();
                self.step = Step::Pull;
                true
            }
            Step::Get(mut ids) => {
                if let Some(id) = ids.pop() {
                    self.forget_doc(&id);
                }
                self.step = Step::Get(ids);
                true
            }
            other => {
                self.step = other;
                false
            }
        }
    }

    /// A document the server no longer has: pushed again as new.
    fn forget_doc(&mut self, doc_id: &str) {
        let Some((account, assessment)) = crate::engine::sync::doc::parse_doc_id(doc_id) else {
            return;
        };
        if let Some(meta) = self.state.accounts.get_mut(account.as_str()) {
            match assessment {
                None => meta.rev.clear(),
                Some(a) => meta.assessments.remove(a.as_str()),
            }
        }
    }

    fn on_checkpoint(&mut self, json: &Value) -> bool {
        let seq = match json.get("seq") {
            Some(Value::String(s)) => s.clone(),
            Some(other) => other.to_string(),
            None => return false,
        };
        if let Some(rev) = json.get("_rev").and_then(Value::as_str) {
            self.state.checkpoint_rev = rev.to_owned();
        }
        // A checkpoint behind this device's is a round whose end was not saved on the server:
        // pulling from this device's own checkpoint is right either way.
        self.saved_checkpoint = seq;
        self.step = Step::Pull;
        true
    }

    fn halt(&mut self, stop: Stop) {
        self.stop = Some(stop);
        self.step = Step::Done;
    }

    /// The end of the round: what to save and remember.
    pub fn outcome(self) -> Outcome {
        let writes = self
            .writes
            .iter()
            .filter_map(|id| self.local.iter().find(|r| r.id == *id).cloned())
            .collect();
        Outcome {
            writes,
            deletes: self.deletes,
            state: self.state,
            pulled: self.pulled,
            pushed: self.pushed,
            new_conflicts: self.new_conflicts,
            stop: self.stop,
        }
    }

    fn on_changes(&mut self, json: &Value) -> bool {
        let (Some(results), Some(last_seq)) = (
            json.get("results").and_then(Value::as_array),
            json.get("last_seq"),
        ) else {
            return false;
        };
        for change in results {
            let Some(doc) = change.get("doc") else {
                continue;
            };
            self.take(doc);
            self.queue_conflicts(doc);
        }
        self.state.checkpoint = match last_seq {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let more =
            json.get("pending").and_then(Value::as_u64).unwrap_or(0) > 0 || results.len() >= PAGE;
        self.step = if more { Step::Pull } else { Step::Fetch };
        true
    }

    /// Whether this device already holds this revision (it wrote it, or pulled it before): a
    /// round's own pushes come back in the next `_changes` and change nothing.
    fn known(&self, doc: &Value) -> bool {
        let (Some(id), Some(rev)) = (
            doc.get("_id").and_then(Value::as_str),
            doc.get("_rev").and_then(Value::as_str),
        ) else {
            return false;
        };
        if doc.get("_conflicts").is_some() {
            return false;
        }
        let Some((account, assessment)) = crate::engine::sync::doc::parse_doc_id(id) else {
            return false;
        };
        let Some(meta) = self.state.accounts.get(account.as_str()) else {
            return false;
        };
        match assessment {
            None => meta.rev == rev,
            Some(a) => meta.assessments.get(a.as_str()).is_some_and(|r| r == rev),
        }
    }

    /// Lines up the losing revisions of a document the server holds in conflict.
    fn queue_conflicts(&mut self, doc: &Value) {
        let Some(revs) = doc.get("_conflicts").and_then(Value::as_array) else {
            return;
        };
        let revs: Vec<String> = revs
            .iter()
            .filter_map(|r| r.as_str().map(str::to_owned))
            .collect();
        let id = doc.get("_id").and_then(Value::as_str).unwrap_or_default();
        if !revs.is_empty() && !id.is_empty() && !self.to_fetch.iter().any(|(i, _)| i == id) {
            self.to_fetch.push((id.to_owned(), revs));
        }
    }

    /// Files one pulled document under its account, or keeps it aside.
    fn take(&mut self, doc: &Value) {
        if self.known(doc) {
            return;
        }
        self.pulled += 1;
        match read_doc(doc, self.bank) {
            Err(refusal) => self.state.keep(Kept::pulled(refusal)),
            Ok(ServerDoc::Other) => {}
            Ok(ServerDoc::Account {
                rev,
                authors,
                record,
            }) => {
                let inc = self.incoming_mut(&record.id.clone());
                inc.account = Some((rev, authors, record));
                inc.deleted = None;
            }
            Ok(ServerDoc::Assessment {
                account,
                rev,
                assessment,
                authors,
            }) => {
                let inc = self.incoming_mut(&account);
                inc.assessments.retain(|(_, a)| a.id != assessment.id);
                inc.assessors
                    .push((assessment.id.as_str().to_owned(), authors.by));
                inc.assessments.push((rev, assessment));
            }
            Ok(ServerDoc::Deleted {
                account,
                rev,
                account_doc,
            }) => {
                if account_doc {
                    let inc = self.incoming_mut(&account);
                    inc.account = None;
                    inc.deleted = Some(rev);
                }
            }
        }
    }

    fn incoming_mut(&mut self, account: &AccountId) -> &mut Incoming {
        if !self.incoming.contains_key(account.as_str()) {
            self.incoming
                .insert(account.as_str().to_owned(), Incoming::default());
        }
        self.incoming
            .get_mut(account.as_str())
            .expect("inserted above")
    }

    /// The losing revisions of one document in conflict on the server.
    fn on_revisions(&mut self, json: &Value) -> bool {
        let Some((id, _)) = self.to_fetch.pop() else {
            return false;
        };
        let Some(list) = json.as_array() else {
            return false;
        };
        for entry in list {
            let Some(doc) = entry.get("ok") else {
                continue;
            };
            let rev = doc
                .get("_rev")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned();
            match read_doc(doc, self.bank) {
                Ok(ServerDoc::Account { record, .. }) => {
                    let inc = self.incoming_mut(&record.id.clone());
                    inc.loser_bodies.push(record);
                    inc.losers.push((id.clone(), rev));
                }
                Ok(ServerDoc::Assessment {
                    account,
                    assessment,
                    ..
                }) => {
                    let inc = self.incoming_mut(&account);
                    inc.loser_assessments.push(assessment);
                    inc.losers.push((id.clone(), rev));
                }
                Ok(ServerDoc::Deleted { account, .. }) => {
                    self.incoming_mut(&account).losers.push((id.clone(), rev));
                }
                Ok(ServerDoc::Other) => {}
                Err(refusal) => self.state.keep(Kept::pulled(refusal)),
            }
        }
        self.step = Step::Fetch;
        true
    }

    /// Merges every account the server or this device changed, and lines up the push.
    fn settle_all(&mut self) {
        let mut ids: Vec<AccountId> = self
            .incoming
            .keys()
            .map(|k| AccountId::from(k.as_str()))
            .collect();
        for r in &self.local {
            if !ids.contains(&r.id) && self.state.is_dirty(r) {
                ids.push(r.id.clone());
            }
        }
        for (id, meta) in self.state.accounts.iter() {
            let id = AccountId::from(id.as_str());
            if meta.deleted && !ids.contains(&id) {
                ids.push(id);
            }
        }
        let incoming = std::mem::take(&mut self.incoming);
        let (mut docs, mut pushed) = (Vec::new(), Vec::new());
        for id in ids {
            let inc = incoming.get(id.as_str()).cloned().unwrap_or_default();
            self.settle(&id, inc, &mut docs, &mut pushed);
        }
        self.step = Step::Push(docs, pushed);
    }

    fn settle(
        &mut self,
        id: &AccountId,
        inc: Incoming,
        docs: &mut Vec<Value>,
        pushed: &mut Vec<Pushed>,
    ) {
        let mut meta = self
            .state
            .accounts
            .get(id.as_str())
            .cloned()
            .unwrap_or_default();
        let at = self.local.iter().position(|r| r.id == *id);
        let local = at.map(|i| self.local[i].clone());
        let dirty = local.as_ref().is_some_and(|r| self.state.is_dirty(r));
        for (rev, a) in &inc.assessments {
            meta.assessments
                .insert(a.id.as_str().to_owned(), rev.clone());
        }
        for (assessment, by) in &inc.assessors {
            if !by.is_empty() && !meta.assessed_by.contains_key(assessment) {
                meta.assessed_by.insert(assessment.clone(), by.clone());
            }
        }
        let server_completed: Vec<AssessmentRecord> =
            inc.assessments.iter().map(|(_, a)| a.clone()).collect();

        if meta.deleted {
            self.settle_deleted_here(id, meta, &inc, server_completed, docs, pushed);
            return;
        }

        if let Some(rev) = &inc.deleted {
            match &local {
                Some(_) if dirty => {
                    // Deleted there, edited here: the edit stays and is pushed again.
                    meta.rev = rev.clone();
                    meta.base = None;
                    self.conflict_account(id, Side::Mine, "");
                }
                _ => {
                    if local.is_some() {
                        self.local.retain(|r| r.id != *id);
                        self.deletes.push(id.clone());
                    }
                    self.state.accounts.remove(id.as_str());
                    return;
                }
            }
        }

        let mut theirs: Option<(AccountRecord, String)> = None;
        if let Some((rev, authors, body)) = &inc.account {
            let mut body = body.clone();
            for loser in &inc.loser_bodies {
                let folded = merge3(None, &body, &join(loser, [], None), &authors.by);
                self.found(folded.conflicts);
                body = account_body(&folded.record);
            }
            theirs = Some((body.clone(), authors.by.clone()));
            self.adopt(&mut meta, rev.clone(), authors, &body);
        }
        let record = match (&local, &theirs) {
            (None, Some((body, _))) => Some(join(body, server_completed, None)),
            (None, None) => None,
            (Some(local), None) => Some(local.clone()),
            (Some(local), Some((body, by))) => {
                let server = join(body, server_completed, Some(local));
                if dirty {
                    let base = self
                        .state
                        .accounts
                        .get(id.as_str())
                        .and_then(|m| m.base.clone());
                    let merged = merge3(base.as_ref(), local, &server, by);
                    self.found(merged.conflicts);
                    Some(merged.record)
                } else {
                    Some(merge(&server, local))
                }
            }
        };
        let Some(mut record) = record else {
            // Only assessments of an account this device has not seen yet: they wait for the
            // account's own document (the server sends it in the same round, or the next).
            return;
        };
        for a in inc
            .assessments
            .iter()
            .map(|(_, a)| a)
            .chain(&inc.loser_assessments)
        {
            add_completed(&mut record, a);
        }
        if local.as_ref().is_none_or(|l| !same_content(l, &record)) {
            self.write(record.clone());
        }
        self.queue_push(&mut meta, &record, &inc, docs, pushed);
        self.state.accounts.insert(id.as_str().to_owned(), meta);
    }

    /// An account deleted on this device: the deletion goes to the server, unless a member
    /// edited the account there meanwhile (then it comes back, and the user is asked).
    fn settle_deleted_here(
        &mut self,
        id: &AccountId,
        mut meta: AccountSync,
        inc: &Incoming,
        server_completed: Vec<AssessmentRecord>,
        docs: &mut Vec<Value>,
        pushed: &mut Vec<Pushed>,
    ) {
        if let Some((rev, authors, body)) = inc.account.clone() {
            if rev != meta.rev {
                // Deleted here, edited there: the edit stays, and the user is asked.
                let record = join(&body, server_completed, None);
                self.conflict_account(id, Side::Theirs, &authors.by);
                meta.deleted = false;
                self.adopt(&mut meta, rev, &authors, &body);
                self.write(record);
                self.state.accounts.insert(id.as_str().to_owned(), meta);
                return;
            }
        }
        if inc.deleted.is_none() && !meta.rev.is_empty() {
            docs.push(deletion(&account_doc_id(id), &meta.rev));
            pushed.push(Pushed::Deleted {
                account: id.clone(),
            });
            for (assessment, rev) in meta.assessments.iter() {
                docs.push(deletion(
                    &assessment_doc_id(id, &assessment.as_str().into()),
                    rev,
                ));
                pushed.push(Pushed::Loser);
            }
            self.state.accounts.insert(id.as_str().to_owned(), meta);
        } else {
            self.state.accounts.remove(id.as_str());
        }
    }

    /// The server's account document becomes the base.
    fn adopt(&self, meta: &mut AccountSync, rev: String, authors: &Authors, body: &AccountRecord) {
        meta.rev = rev;
        meta.base = Some(body.clone());
        if !authors.owner.is_empty() {
            meta.owner.clone_from(&authors.owner);
        }
        meta.by.clone_from(&authors.by);
    }

    fn queue_push(
        &self,
        meta: &mut AccountSync,
        record: &AccountRecord,
        inc: &Incoming,
        docs: &mut Vec<Value>,
        pushed: &mut Vec<Pushed>,
    ) {
        if meta.owner.is_empty() {
            meta.owner.clone_from(&self.member);
        }
        let authors = Authors {
            owner: meta.owner.clone(),
            by: self.member.clone(),
        };
        let body = account_body(record);
        let rev = (!meta.rev.is_empty()).then_some(meta.rev.as_str());
        let synced = meta.base.as_ref().is_some_and(|b| same_content(b, &body)) && rev.is_some();
        if !synced || !inc.losers.is_empty() {
            docs.push(account_doc(record, rev, &authors, self.now_ms));
            pushed.push(Pushed::Account {
                account: record.id.clone(),
                body: Box::new(body),
            });
        }
        for a in record.completed() {
            let known = meta.assessments.get(a.id.as_str());
            let server = inc.assessments.iter().find(|(_, s)| s.id == a.id);
            let changed =
                server.is_some_and(|(_, s)| crate::engine::sync::doc::assessment_body(a) != *s);
            if known.is_none() || changed {
                docs.push(assessment_doc(
                    &record.id,
                    a,
                    known.map(String::as_str),
                    &authors,
                    self.now_ms,
                ));
                pushed.push(Pushed::Assessment {
                    account: record.id.clone(),
                    assessment: a.id.as_str().to_owned(),
                });
            }
        }
        for (id, rev) in &inc.losers {
            docs.push(deletion(id, rev));
            pushed.push(Pushed::Loser);
        }
    }

    fn write(&mut self, record: AccountRecord) {
        if !self.writes.contains(&record.id) {
            self.writes.push(record.id.clone());
        }
        match self.local.iter_mut().find(|r| r.id == record.id) {
            Some(slot) => *slot = record,
            None => self.local.push(record),
        }
    }

    fn found(&mut self, conflicts: Vec<Conflict>) {
        self.new_conflicts += conflicts.len();
        self.state.add_conflicts(conflicts);
    }

    fn conflict_account(&mut self, id: &AccountId, kept: Side, by: &str) {
        let (mine, theirs) = match kept {
            Side::Mine => (Value::Bool(true), Value::Null),
            Side::Theirs => (Value::Null, Value::Bool(true)),
        };
        self.found(vec![Conflict {
            account: id.clone(),
            field: Field::Account,
            mine,
            theirs,
            kept,
            mine_ms: self.now_ms,
            theirs_ms: self.now_ms,
            by: by.to_owned(),
        }]);
    }

    fn on_pushed(&mut self, json: &Value, pushed: &[Pushed]) -> bool {
        let Some(results) = json.as_array() else {
            return false;
        };
        for (result, what) in results.iter().zip(pushed) {
            let rev = result.get("rev").and_then(Value::as_str);
            let error = result.get("error").and_then(Value::as_str);
            match (rev, error) {
                (Some(rev), None) => {
                    self.pushed += 1;
                    self.pushed_ok(what, rev);
                }
                (_, Some("conflict")) => {
                    if let Some(id) = result.get("id").and_then(Value::as_str) {
                        self.again.push(id.to_owned());
                    }
                }
                (_, Some(error)) => {
                    let reason = result
                        .get("reason")
                        .and_then(Value::as_str)
                        .unwrap_or(error);
                    self.state.keep(Kept {
                        id: result
                            .get("id")
                            .and_then(Value::as_str)
                            .unwrap_or_default()
                            .to_owned(),
                        rev: String::new(),
                        why: reason.chars().take(300).collect(),
                        by_server: true,
                    });
                }
                (None, None) => return false,
            }
        }
        true
    }

    fn pushed_ok(&mut self, what: &Pushed, rev: &str) {
        let meta_of = |state: &mut SyncState, id: &AccountId| {
            state.accounts.get(id.as_str()).cloned().unwrap_or_default()
        };
        match what {
            Pushed::Account { account, body } => {
                let mut meta = meta_of(&mut self.state, account);
                meta.rev = rev.to_owned();
                meta.base = Some(body.as_ref().clone());
                meta.by.clone_from(&self.member);
                meta.at = self.now_ms;
                self.state
                    .accounts
                    .insert(account.as_str().to_owned(), meta);
                self.state
                    .kept
                    .retain(|k| !(k.by_server && k.id == account_doc_id(account)));
            }
            Pushed::Assessment {
                account,
                assessment,
            } => {
                let mut meta = meta_of(&mut self.state, account);
                meta.assessments.insert(assessment.clone(), rev.to_owned());
                if !meta.assessed_by.contains_key(assessment) {
                    meta.assessed_by
                        .insert(assessment.clone(), self.member.clone());
                }
                self.state
                    .accounts
                    .insert(account.as_str().to_owned(), meta);
            }
            Pushed::Deleted { account } => {
                self.state.accounts.remove(account.as_str());
            }
            Pushed::Loser => {}
        }
    }
}

/// Adds a completed assessment to a record, or merges it into the record's copy.
fn add_completed(record: &mut AccountRecord, assessment: &AssessmentRecord) {
    match record
        .assessments
        .iter_mut()
        .find(|a| a.id == assessment.id)
    {
        Some(mine) => {
            let cursor = mine.cursor.clone();
            *mine = merge_assessment(mine, assessment);
            mine.cursor = cursor;
        }
        None => {
            record.assessments.push(assessment.clone());
            crate::engine::model::sort::sort_by(&mut record.assessments, |a, b| {
                (a.started_ms, a.id.as_str()).cmp(&(b.started_ms, b.id.as_str()))
            });
        }
    }
}

/// Percent-encodes what a URL's query or path segment may not hold as is.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~:".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
