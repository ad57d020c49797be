//! Interface state: the app state and its reducer, routes, the embedding contract, share links.

pub mod app;
pub mod embed;
pub mod route;
pub mod share;
