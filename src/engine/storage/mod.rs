//! Storage: the key-value store and quarantine, record formats and their upgrades, settings,
//! accounts, export and import.

pub mod checksum;
pub mod exchange;
pub mod json;
pub mod persist;
pub mod record_ops;
pub mod schema;
pub mod settings;
pub mod store;
