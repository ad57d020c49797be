//! The model: ids, answers, the question bank, records, and the small collections they use.

pub mod answers;
pub mod bank;
pub mod contacts;
pub mod edit_times;
pub mod eyes;
pub mod ids;
pub mod keyed;
pub mod merge;
pub mod pairs;
pub mod plan;
pub mod record;
pub mod sort;
// Named answer sets from the seeds' cases: host tests, the benchmark and the e2e fixtures.
#[cfg(not(target_arch = "wasm32"))]
pub mod scenarios;
