//! A team workspace on CouchDB (issue 20): the accounts of a key-account team on one server
//! database, edited offline on every member's device and merged answer by answer.
//!
//! Everything here is plain Rust over the stored records — no second database in the browser:
//! - [`doc`]: the documents an account becomes on the server, and reading them back with the
//!   same validation as an import;
//! - [`merge3`]: the three-way merge against the last synced body, and the conflicts it asks
//!   the user about;
//! - [`state`]: what a device remembers of its sync (revisions, bases, checkpoint, conflicts);
//! - [`team`]: who owns which account and who assessed it, for the screens;
//! - [`session`]: one sync round as a sequence of HTTP requests and replies, without I/O, so
//!   the host tests run the whole protocol against an in-memory server.

pub mod config;
pub mod doc;
pub mod merge3;
pub mod session;
pub mod state;
pub mod team;

/// An in-memory stand-in for CouchDB, for the host tests and the sync benchmark only.
#[cfg(not(target_arch = "wasm32"))]
pub mod fake_couch;
#[cfg(test)]
mod tests;
