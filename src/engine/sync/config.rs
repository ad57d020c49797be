//! What the user sets for sync, and the status the app shows of it.
//!
//! Stored under [`CONFIG_KEY`] on this device: the team database's address, the member's name
//! and whether sync is on. Never the password: signing in trades it for CouchDB's session
//! cookie (`_session`), which the browser keeps and the app cannot read. Nor a bearer token
//! (CouchDB's JWT authentication, for single sign-on): it lives in this tab's session storage
//! only ([`TOKEN_KEY`]), so closing the tab signs out and nothing long-lived sits on the disk.

use serde::{Deserialize, Serialize};

use crate::engine::sync::session::Stop;

/// Where the settings are stored.
pub const CONFIG_KEY: &str = "rapport.v1.sync";
/// Where the sync state ([`crate::engine::sync::state::SyncState`]) is stored.
pub const STATE_KEY: &str = "rapport.v1.sync.state";
/// Where a bearer token is kept, in the tab's `sessionStorage` (never `localStorage`).
pub const TOKEN_KEY: &str = "rapport.v1.sync.token";
/// Longest bearer token accepted (a JWT with a few claims is well under 2,000 characters).
pub const MAX_TOKEN_CHARS: usize = 8_000;
/// Longest address accepted.
pub const MAX_URL_CHARS: usize = 300;

/// The sync settings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncConfig {
    /// The team database, as a path on this origin ending with `/` (`/couch/rapport-team/`).
    pub url: String,
    /// The member's CouchDB user name.
    pub user: String,
    /// Whether rounds run.
    #[serde(default)]
    pub on: bool,
    /// Signed in with a bearer token (JWT) rather than a password: without the token (a new
    /// tab) sync pauses and asks for one.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub token: bool,
}

/// Why a bearer token was refused before it was sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenError {
    /// Not three base64url parts separated by dots, or too long.
    NotAJwt,
}

/// The token as typed, trimmed, with a `Bearer ` prefix dropped, if it has a JWT's shape:
/// three base64url parts. Its signature and claims are the server's to check.
pub fn check_token(typed: &str) -> Result<String, TokenError> {
    let token = typed.trim();
    let token = token
        .strip_prefix("Bearer ")
        .or_else(|| token.strip_prefix("bearer "))
        .unwrap_or(token)
        .trim();
    let parts: Vec<&str> = token.split('.').collect();
    let base64url = |p: &&str| {
        !p.is_empty()
            && p.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    };
    if token.len() > MAX_TOKEN_CHARS || parts.len() != 3 || !parts.iter().all(base64url) {
        return Err(TokenError::NotAJwt);
    }
    Ok(token.to_owned())
}

/// The signed-in member's name from a `GET _session` reply (`{"userCtx": {"name": …}}`);
/// `None` when the server knows nobody (`name` is null) or the reply is not CouchDB's.
pub fn session_user(body: &str) -> Option<String> {
    let reply: serde_json::Value = serde_json::from_str(body).ok()?;
    let name = reply.get("userCtx")?.get("name")?.as_str()?;
    (!name.is_empty() && name.chars().count() <= crate::engine::sync::doc::MAX_MEMBER_CHARS)
        .then(|| name.to_owned())
}

/// Why an address was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlError {
    /// Nothing typed.
    Missing,
    /// Another origin: the Content Security Policy allows only this one (docs/SYNC.md).
    OtherOrigin,
    /// Not an address of a database (`/<path>/<database>/`), or too long.
    Malformed,
}

impl UrlError {
    /// The id of its message (`sync.url.<id>`).
    pub fn id(self) -> &'static str {
        match self {
            UrlError::Missing => "missing",
            UrlError::OtherOrigin => "other_origin",
            UrlError::Malformed => "malformed",
        }
    }
}

/// The team database's origin when it is fixed at build time: the one origin besides `'self'`
/// in the Content Security Policy's `connect-src` (the build writes it there from
/// `RAPPORT_SYNC_ORIGIN`; docs/SYNC.md, "Alternative"). Reading it from the policy the page runs
/// under keeps it in one place, and what the app accepts is exactly what the browser allows.
/// `None`: the database sits behind the app's own origin, the recommended setup.
pub fn sync_origin_from_csp(policy: &str) -> Option<String> {
    let connect = policy
        .split(';')
        .map(str::trim)
        .find_map(|d| d.strip_prefix("connect-src "))?;
    connect
        .split_whitespace()
        .find(|t| {
            let rest = t
                .strip_prefix("https://")
                .or_else(|| t.strip_prefix("http://"));
            rest.is_some_and(|host| {
                !host.is_empty()
                    && host
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c))
            })
        })
        .map(str::to_owned)
}

/// The address as a path on `origin` (`https://app.example.com`), ending with `/`. An address
/// on another origin is refused: the app's CSP allows requests to its own origin only, and a
/// database behind a reverse proxy on that origin is the setup docs/SYNC.md recommends. The
/// one exception is `sync_origin` ([`sync_origin_from_csp`]): an address there comes back whole.
pub fn check_url(typed: &str, origin: &str, sync_origin: Option<&str>) -> Result<String, UrlError> {
    let typed = typed.trim();
    let fixed = sync_origin.filter(|o| !o.is_empty()).and_then(|o| {
        typed
            .strip_prefix(o)
            .filter(|rest| rest.starts_with('/'))
            .map(|rest| (o, rest))
    });
    if let Some((sync_origin, rest)) = fixed {
        return check_path(rest).map(|path| format!("{sync_origin}{path}"));
    }
    if typed.is_empty() {
        return Err(UrlError::Missing);
    }
    if typed.chars().count() > MAX_URL_CHARS {
        return Err(UrlError::Malformed);
    }
    let path = if typed.starts_with('/') && !typed.starts_with("//") {
        typed
    } else if let Some(rest) = typed.strip_prefix(origin.trim_end_matches('/')) {
        if !rest.starts_with('/') {
            return Err(UrlError::OtherOrigin);
        }
        rest
    } else if typed.contains("://") || typed.starts_with("//") {
        return Err(UrlError::OtherOrigin);
    } else {
        return Err(UrlError::Malformed);
    };
    check_path(path)
}

/// A database's path (`/couch/rapport-team/`), normalised to end with `/`.
fn check_path(path: &str) -> Result<String, UrlError> {
    if path.chars().count() > MAX_URL_CHARS {
        return Err(UrlError::Malformed);
    }
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    // CouchDB's rule for database names: a lowercase letter, then lowercase letters, digits and
    // _$()+-/ (no slash here: a slash is a path).
    let valid_db = segments.last().is_some_and(|db| {
        db.starts_with(|c: char| c.is_ascii_lowercase())
            && db
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_$()+-".contains(c))
    });
    let valid_path = segments.iter().all(|s| {
        s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-._~$()+".contains(c))
    });
    if !valid_db || !valid_path {
        return Err(UrlError::Malformed);
    }
    Ok(format!("/{}/", segments.join("/")))
}

/// The server's session endpoint for a database address: the server is the address without its
/// last segment (`/couch/rapport-team/` → `/couch/_session`).
pub fn session_url(db_url: &str) -> String {
    let trimmed = db_url.trim_end_matches('/');
    let server = trimmed.rsplit_once('/').map_or("", |(server, _)| server);
    format!("{server}/_session")
}

/// What sync is doing, as the header and the settings show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncStatus {
    Off,
    Syncing,
    /// The last round went through.
    Synced {
        at_ms: u64,
    },
    /// No answer from the server; `waiting` local changes wait for it.
    Offline,
    /// The server wants the member to sign in again, or refuses them the database.
    Paused(Stop),
    /// Something the user must act on: the server's trouble, a missing database, a full storage.
    Error(StatusError),
}

/// An error the status names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatusError {
    Server(Stop),
    /// This device's storage refused a write (full): pulling stopped, nothing was lost.
    StorageFull,
    /// The server refused some of this device's changes (its `validate_doc_update`, or a
    /// member's rights): they stay here, listed with the server's reason.
    Refused,
}

impl SyncStatus {
    /// The contract's `data-sync-status` value.
    pub fn code(&self) -> &'static str {
        match self {
            SyncStatus::Off => "off",
            SyncStatus::Syncing => "syncing",
            SyncStatus::Synced { .. } => "synced",
            SyncStatus::Offline => "offline",
            SyncStatus::Paused(_) => "paused",
            SyncStatus::Error(_) => "error",
        }
    }

    /// The status a round's end gives.
    pub fn after(stop: Option<Stop>, refused: bool, now_ms: u64) -> SyncStatus {
        match stop {
            None if refused => SyncStatus::Error(StatusError::Refused),
            None => SyncStatus::Synced { at_ms: now_ms },
            Some(Stop::Offline) => SyncStatus::Offline,
            Some(stop @ (Stop::SignIn | Stop::Forbidden)) => SyncStatus::Paused(stop),
            Some(other) => SyncStatus::Error(StatusError::Server(other)),
        }
    }

    /// The id of its explanation (`sync.status.<id>`).
    pub fn message_id(&self) -> &'static str {
        match self {
            SyncStatus::Off => "off",
            SyncStatus::Syncing => "syncing",
            SyncStatus::Synced { .. } => "synced",
            SyncStatus::Offline => "offline",
            SyncStatus::Paused(Stop::Forbidden) => "forbidden",
            SyncStatus::Paused(_) => "sign_in",
            SyncStatus::Error(StatusError::StorageFull) => "storage_full",
            SyncStatus::Error(StatusError::Refused) => "refused",
            SyncStatus::Error(StatusError::Server(Stop::NoDatabase)) => "no_database",
            SyncStatus::Error(StatusError::Server(Stop::BadReply)) => "bad_reply",
            SyncStatus::Error(_) => "server",
        }
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn the_sync_origin_is_read_from_the_policy_the_page_runs_under() {
        let own = "default-src 'self'; connect-src 'self'; worker-src 'self'";
        assert_eq!(sync_origin_from_csp(own), None);
        let fixed =
            "default-src 'self'; connect-src 'self' https://couch.example.com; worker-src 'self'";
        assert_eq!(
            sync_origin_from_csp(fixed),
            Some("https://couch.example.com".into())
        );
        assert_eq!(
            sync_origin_from_csp("connect-src 'self' http://127.0.0.1:5984"),
            Some("http://127.0.0.1:5984".into())
        );
        assert_eq!(sync_origin_from_csp("connect-src 'self' https:"), None);
        assert_eq!(
            sync_origin_from_csp("connect-src 'self' https://*.example.com"),
            None
        );
        assert_eq!(sync_origin_from_csp(""), None);
    }

    #[test]
    fn a_sync_origin_fixed_at_build_time_is_the_one_other_origin_accepted() {
        let (page, couch) = ("https://app.example.com", Some("https://couch.example.com"));
        assert_eq!(
            check_url("https://couch.example.com/rapport-team", page, couch),
            Ok("https://couch.example.com/rapport-team/".into())
        );
        assert_eq!(
            check_url("/couch/rapport-team/", page, couch),
            Ok("/couch/rapport-team/".into())
        );
        for other in [
            "https://couch.example.com.evil.io/db/",
            "https://evil.io/db/",
        ] {
            assert_eq!(
                check_url(other, page, couch),
                Err(UrlError::OtherOrigin),
                "{other}"
            );
        }
        assert_eq!(
            check_url("https://couch.example.com/Bad DB/", page, couch),
            Err(UrlError::Malformed)
        );
        assert_eq!(
            session_url("https://couch.example.com/rapport-team/"),
            "https://couch.example.com/_session"
        );
        assert_eq!(
            check_url("https://couch.example.com/db/", page, None),
            Err(UrlError::OtherOrigin)
        );
    }

    #[test]
    fn a_token_needs_a_jwts_shape_and_loses_a_pasted_bearer_prefix() {
        let jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbmEifQ.c2lnbmF0dXJl";
        assert_eq!(
            check_token(&format!("  Bearer {jwt}\n")),
            Ok(jwt.to_owned())
        );
        assert_eq!(check_token(jwt), Ok(jwt.to_owned()));
        for bad in [
            "",
            "abc",
            "a.b",
            "a..c",
            "a.b.c.d",
            "a.b c.d",
            "<script>.a.b",
        ] {
            assert_eq!(check_token(bad), Err(TokenError::NotAJwt), "{bad}");
        }
        assert!(check_token(&format!("{}.b.c", "a".repeat(MAX_TOKEN_CHARS))).is_err());
    }

    #[test]
    fn the_session_reply_names_the_member_or_nobody() {
        let ok = r#"{"ok":true,"userCtx":{"name":"ana","roles":["rapport-team"]},"info":{"authenticated":"jwt"}}"#;
        assert_eq!(session_user(ok), Some("ana".into()));
        assert_eq!(
            session_user(r#"{"ok":true,"userCtx":{"name":null,"roles":[]}}"#),
            None
        );
        assert_eq!(session_user("<html>proxy login</html>"), None);
        let long = format!(r#"{{"userCtx":{{"name":"{}"}}}}"#, "x".repeat(500));
        assert_eq!(session_user(&long), None);
    }
    use super::*;

    const ORIGIN: &str = "https://app.example.com";

    #[test]
    fn an_address_on_this_origin_becomes_a_path_and_any_other_origin_is_refused() {
        assert_eq!(
            check_url("/couch/rapport-team", ORIGIN, None),
            Ok("/couch/rapport-team/".into())
        );
        assert_eq!(
            check_url(
                " https://app.example.com/couch/rapport-team/ ",
                ORIGIN,
                None
            ),
            Ok("/couch/rapport-team/".into())
        );
        assert_eq!(
            check_url("https://evil.example/db/", ORIGIN, None),
            Err(UrlError::OtherOrigin)
        );
        assert_eq!(
            check_url("//evil.example/db/", ORIGIN, None),
            Err(UrlError::OtherOrigin)
        );
        assert_eq!(
            check_url("https://app.example.com.evil.example/db/", ORIGIN, None),
            Err(UrlError::OtherOrigin)
        );
        assert_eq!(check_url("", ORIGIN, None), Err(UrlError::Missing));
        assert_eq!(
            check_url("/couch/Team DB/", ORIGIN, None),
            Err(UrlError::Malformed)
        );
        assert_eq!(
            check_url("/couch/<script>/", ORIGIN, None),
            Err(UrlError::Malformed)
        );
        assert_eq!(
            check_url("javascript:alert(1)", ORIGIN, None),
            Err(UrlError::Malformed)
        );
    }

    #[test]
    fn the_session_endpoint_is_on_the_server_above_the_database() {
        assert_eq!(session_url("/couch/rapport-team/"), "/couch/_session");
        assert_eq!(session_url("/rapport-team/"), "/_session");
    }

    #[test]
    fn every_stop_has_a_status_the_contract_names() {
        assert_eq!(SyncStatus::after(None, false, 5).code(), "synced");
        assert_eq!(SyncStatus::after(None, true, 5).message_id(), "refused");
        assert_eq!(
            SyncStatus::after(Some(Stop::Offline), false, 5).code(),
            "offline"
        );
        assert_eq!(
            SyncStatus::after(Some(Stop::SignIn), false, 5).code(),
            "paused"
        );
        assert_eq!(
            SyncStatus::after(Some(Stop::Forbidden), false, 5).message_id(),
            "forbidden"
        );
        assert_eq!(
            SyncStatus::after(Some(Stop::NoDatabase), false, 5).code(),
            "error"
        );
        assert_eq!(
            SyncStatus::after(Some(Stop::Server(500)), false, 5).message_id(),
            "server"
        );
    }
}
