//! The platform-free core. Nothing here may depend on a browser API: the UI is a thin shell
//! over these types, and every rule is tested on the host.

pub mod answers;
pub mod app;
pub mod bank;
pub mod compare;
pub mod embed;
pub mod exchange;
pub mod explain;
pub mod i18n;
pub mod ids;
pub mod labels;
pub mod lang;
pub mod pairs;
pub mod persist;
pub mod portfolio;
pub mod record;
pub mod route;
// Named answer sets from the seeds' cases: for host tests, the benchmark and the e2e fixtures.
#[cfg(not(target_arch = "wasm32"))]
pub mod scenarios;
pub mod schema;
pub mod scoring;
pub mod settings;
pub mod share;
pub mod sort;
pub mod storage;
pub mod text;
