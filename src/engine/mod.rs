//! The platform-free core. Nothing here may depend on a browser API: the UI is a thin shell
//! over these types, and every rule is tested on the host.

pub mod model;
pub mod scoring;
pub mod state;
pub mod storage;
pub mod sync;
pub mod text;
