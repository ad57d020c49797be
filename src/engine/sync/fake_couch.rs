//! An in-memory server that answers the subset of CouchDB's HTTP API a sync round uses, with
//! CouchDB's revision rules (a write must name the current leaf, siblings from replication are
//! conflicts, the winner is the undeleted leaf with the highest revision), for the host tests.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use crate::engine::sync::session::{HttpRequest, Method, Reply};

#[derive(Debug, Clone)]
struct Leaf {
    rev: String,
    body: Value,
    deleted: bool,
}

#[derive(Debug, Clone, Default)]
struct Doc {
    leaves: Vec<Leaf>,
    seq: u64,
}

fn generation(rev: &str) -> u64 {
    rev.split('-')
        .next()
        .and_then(|g| g.parse().ok())
        .unwrap_or(0)
}

impl Doc {
    fn winner(&self) -> Option<&Leaf> {
        self.leaves.iter().max_by(|a, b| {
            (!a.deleted, generation(&a.rev), &a.rev).cmp(&(!b.deleted, generation(&b.rev), &b.rev))
        })
    }

    fn conflicts(&self) -> Vec<String> {
        let winner = self.winner().map(|w| w.rev.clone());
        self.leaves
            .iter()
            .filter(|l| !l.deleted && Some(&l.rev) != winner.as_ref())
            .map(|l| l.rev.clone())
            .collect()
    }
}

/// The server. `refuse` stands in for `validate_doc_update`.
#[derive(Default)]
pub struct FakeCouch {
    docs: BTreeMap<String, Doc>,
    locals: BTreeMap<String, Value>,
    seq: u64,
    /// Answers nothing while set (the server is down).
    pub down: bool,
    /// Answers every request with this status while set (401: signed out, 403: removed).
    pub status: Option<u16>,
    /// A refusal reason for a document, as `validate_doc_update` would throw `forbidden`.
    pub refuse: Option<fn(&Value) -> Option<String>>,
    /// Requests answered.
    pub requests: usize,
}

fn hash(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

impl FakeCouch {
    pub fn new() -> FakeCouch {
        FakeCouch::default()
    }

    /// Answers one request.
    pub fn handle(&mut self, request: &HttpRequest) -> Reply {
        if self.down {
            return Reply::Offline;
        }
        self.requests += 1;
        if let Some(status) = self.status {
            return reply(status, json!({"error": "unauthorized"}));
        }
        let (path, query) = request.path.split_once('?').unwrap_or((&request.path, ""));
        let query = |key: &str| {
            query
                .split('&')
                .find_map(|kv| kv.strip_prefix(&format!("{key}=")))
                .map(decode)
        };
        match (request.method, path) {
            (Method::Get, "_changes") => {
                let since: u64 = query("since").and_then(|s| s.parse().ok()).unwrap_or(0);
                let limit: usize = query("limit")
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(usize::MAX);
                self.changes(since, limit)
            }
            (Method::Post, "_bulk_docs") => {
                let body: Value =
                    serde_json::from_str(request.body.as_deref().unwrap_or("")).unwrap_or_default();
                let docs = body["docs"].as_array().cloned().unwrap_or_default();
                let results: Vec<Value> = docs.iter().map(|d| self.write(d)).collect();
                reply(201, Value::from(results))
            }
            (Method::Get, local) if local.starts_with("_local/") => {
                match self.locals.get(&decode(local)) {
                    Some(doc) => reply(200, doc.clone()),
                    None => reply(404, json!({"error": "not_found", "reason": "missing"})),
                }
            }
            (Method::Put, local) if local.starts_with("_local/") => {
                let mut doc: Value =
                    serde_json::from_str(request.body.as_deref().unwrap_or("")).unwrap_or_default();
                let id = decode(local);
                let current = self
                    .locals
                    .get(&id)
                    .and_then(|d| d["_rev"].as_str().map(str::to_owned));
                if current.as_deref() != doc["_rev"].as_str() {
                    return reply(409, json!({"error": "conflict"}));
                }
                let rev = format!("0-{}", generation(current.as_deref().unwrap_or("0-0")) + 1);
                doc["_rev"] = json!(rev);
                doc["_id"] = json!(id);
                self.locals.insert(id.clone(), doc);
                reply(201, json!({"ok": true, "id": id, "rev": rev}))
            }
            (Method::Get, id) => {
                let id = decode(id);
                if let Some(revs) = query("open_revs") {
                    let revs: Vec<String> = serde_json::from_str(&revs).unwrap_or_default();
                    let out: Vec<Value> = revs
                        .iter()
                        .map(|rev| match self.leaf(&id, rev) {
                            Some(doc) => json!({"ok": doc}),
                            None => json!({"missing": rev}),
                        })
                        .collect();
                    return reply(200, Value::from(out));
                }
                match self.current(&id) {
                    Some(doc) if doc.get("_deleted").is_none() => reply(200, doc),
                    _ => reply(404, json!({"error": "not_found", "reason": "missing"})),
                }
            }
            _ => reply(400, json!({"error": "bad_request"})),
        }
    }

    fn leaf(&self, id: &str, rev: &str) -> Option<Value> {
        let leaf = self.docs.get(id)?.leaves.iter().find(|l| l.rev == rev)?;
        Some(with_meta(id, leaf))
    }

    /// The winning revision with its `_conflicts`, as `?conflicts=true` shows it.
    pub fn current(&self, id: &str) -> Option<Value> {
        let doc = self.docs.get(id)?;
        let mut out = with_meta(id, doc.winner()?);
        let conflicts = doc.conflicts();
        if !conflicts.is_empty() {
            out["_conflicts"] = json!(conflicts);
        }
        Some(out)
    }

    /// Ids of the documents, deleted ones aside.
    pub fn live_ids(&self) -> Vec<String> {
        self.docs
            .iter()
            .filter(|(_, d)| d.winner().is_some_and(|w| !w.deleted))
            .map(|(id, _)| id.clone())
            .collect()
    }

    fn changes(&self, since: u64, limit: usize) -> Reply {
        let mut docs: Vec<(&String, &Doc)> =
            self.docs.iter().filter(|(_, d)| d.seq > since).collect();
        docs.sort_by_key(|(_, d)| d.seq);
        let pending = docs.len().saturating_sub(limit);
        let results: Vec<Value> = docs
            .iter()
            .take(limit)
            .map(|(id, d)| {
                json!({
                    "id": id,
                    "seq": d.seq,
                    "changes": d.leaves.iter().map(|l| json!({"rev": l.rev})).collect::<Vec<_>>(),
                    "doc": self.current(id),
                })
            })
            .collect();
        let last = docs[..docs.len().min(limit)]
            .last()
            .map_or(since.max(self.seq), |(_, d)| d.seq);
        reply(
            200,
            json!({"results": results, "last_seq": last, "pending": pending}),
        )
    }

    fn write(&mut self, doc: &Value) -> Value {
        let id = doc["_id"].as_str().unwrap_or_default().to_owned();
        if let Some(refuse) = self.refuse {
            if let Some(reason) = refuse(doc) {
                return json!({"id": id, "error": "forbidden", "reason": reason});
            }
        }
        let given = doc["_rev"].as_str().map(str::to_owned);
        let deleted = doc["_deleted"] == json!(true);
        let entry = self.docs.entry(id.clone()).or_default();
        let parent = match &given {
            Some(rev) => match entry.leaves.iter().position(|l| &l.rev == rev) {
                Some(at) => Some(entry.leaves.remove(at)),
                None => {
                    return json!({"id": id, "error": "conflict", "reason": "Document update conflict."})
                }
            },
            None => match entry.winner() {
                Some(w) if !w.deleted => {
                    return json!({"id": id, "error": "conflict", "reason": "Document update conflict."})
                }
                Some(w) => {
                    let rev = w.rev.clone();
                    entry
                        .leaves
                        .iter()
                        .position(|l| l.rev == rev)
                        .map(|at| entry.leaves.remove(at))
                }
                None => None,
            },
        };
        let generation = parent.as_ref().map_or(0, |p| generation(&p.rev)) + 1;
        let mut body = doc.clone();
        if let Some(map) = body.as_object_mut() {
            map.remove("_rev");
            map.remove("_id");
            map.remove("_deleted");
        }
        let rev = format!(
            "{generation}-{}",
            hash(&format!(
                "{}{body}",
                parent.map(|p| p.rev).unwrap_or_default()
            ))
        );
        entry.leaves.push(Leaf {
            rev: rev.clone(),
            body,
            deleted,
        });
        self.seq += 1;
        entry.seq = self.seq;
        json!({"id": id, "ok": true, "rev": rev})
    }

    /// Makes a conflict as replication from another server would: a sibling of the current
    /// winner with another body (`new_edits=false`).
    pub fn sibling(&mut self, id: &str, body: Value) {
        let doc = self.docs.get_mut(id).expect("document exists");
        let winner = doc.winner().expect("a revision").rev.clone();
        let mut body = body;
        if let Some(map) = body.as_object_mut() {
            map.remove("_rev");
            map.remove("_id");
        }
        let rev = format!(
            "{}-{}",
            generation(&winner),
            hash(&format!("sibling{body}"))
        );
        doc.leaves.push(Leaf {
            rev,
            body,
            deleted: false,
        });
        self.seq += 1;
        doc.seq = self.seq;
    }

    /// Number of undeleted leaves of a document (1: no conflict).
    pub fn leaves(&self, id: &str) -> usize {
        self.docs
            .get(id)
            .map_or(0, |d| d.leaves.iter().filter(|l| !l.deleted).count())
    }
}

fn with_meta(id: &str, leaf: &Leaf) -> Value {
    let mut out = if leaf.deleted {
        json!({})
    } else {
        leaf.body.clone()
    };
    out["_id"] = json!(id);
    out["_rev"] = json!(leaf.rev);
    if leaf.deleted {
        out["_deleted"] = json!(true);
    }
    out
}

fn reply(status: u16, body: Value) -> Reply {
    Reply::Http {
        status,
        body: body.to_string(),
    }
}

fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&text[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_default()
}
