//! The platform-free core. Nothing here may depend on a browser API: the UI is a thin shell
//! over these types, and every rule is tested on the host.

pub mod app;
pub mod i18n;
pub mod lang;
pub mod settings;
pub mod storage;
