//! The screens, one module each: they read `use_app()` and dispatch actions.

pub mod account;
pub mod compare_screen;
pub mod contacts;
pub mod eyes;
pub mod home;
pub mod plan;
pub mod portfolio_screen;
pub mod questionnaire;
pub mod results;
pub mod rules;
pub mod start;
pub mod sync;
