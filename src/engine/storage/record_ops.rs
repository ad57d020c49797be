//! The code that reads and merges whole account records, as a table of functions.
//!
//! Reading a stored record (every earlier format upgraded) and merging two copies of one are
//! needed by a user who has accounts stored, or a second tab writing the same account — never
//! on a new visitor's way to the first question. Everything that reads or merges records takes
//! this table as a parameter instead of calling the functions, so the browser build can fetch
//! their code apart from the first load (`ui::lazy`, the `records` split point) and hand the
//! table over once it is in. Saving a record this tab read or wrote itself needs none of it
//! ([`crate::engine::storage::persist::save_account_with`]).

use std::fmt;

use crate::engine::model::merge;
use crate::engine::model::record::AccountRecord;
use crate::engine::storage::schema::{self, DecodeError, Decoded};

/// Reading and merging whole records (see the module's documentation).
#[derive(Clone, Copy)]
pub struct RecordOps {
    /// Reads a stored or exported record of any format ([`schema::decode_account`]).
    pub decode: fn(&str) -> Result<Decoded, DecodeError>,
    /// Two copies of one account, the later edit of each field winning ([`merge::merge`]).
    pub merge: fn(&AccountRecord, &AccountRecord) -> AccountRecord,
    /// Whether two copies hold the same content ([`merge::same_content`]).
    pub same_content: fn(&AccountRecord, &AccountRecord) -> bool,
}

impl RecordOps {
    /// The functions themselves. Code in the first load must not name this: it would bring
    /// their code back into it (the host, the tests and the deferred modules may).
    pub const FULL: RecordOps = RecordOps {
        decode: schema::decode_account,
        merge: merge::merge,
        same_content: merge::same_content,
    };
}

// There is one set of these functions: any two tables are the same code. (Comparing the
// pointers would not even say so reliably.)
impl PartialEq for RecordOps {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl fmt::Debug for RecordOps {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RecordOps")
    }
}
