//! Interface state: the app state and its reducer, routes, the embedding contract, share links, invitations.

pub mod app;
pub mod embed;
pub mod invite;
pub mod route;
pub mod share;
