//! Screens as URL fragments (`#/…`), so reload, back and forward keep the user where they were.
//! Fragments never reach a server.

use crate::engine::model::ids::{AccountId, AssessmentId};
use crate::engine::model::record::is_valid_id;

/// A screen.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Route {
    /// The accounts list.
    #[default]
    Home,
    /// Naming a new account.
    New,
    /// Answering the draft of an account.
    Assess { account: AccountId },
    /// One assessment's results.
    Results {
        account: AccountId,
        assessment: AssessmentId,
    },
    /// How the figures are computed.
    Rules,
    /// One account: its details, trend and history.
    Account { account: AccountId },
    /// Two completed assessments side by side (of the same account or of two).
    Compare { a: AssessmentRef, b: AssessmentRef },
    /// Every account on one map and in one table.
    Portfolio,
    /// A shared assessment carried in the fragment itself (see `engine::state::share`), shown read-only.
    Shared { payload: String },
    /// An invitation opened by its respondent (`engine::state::invite`): only its questionnaire.
    Respond { payload: String },
    /// A response brought back to the inviter, to attach to its account.
    Response { payload: String },
    /// The team sync settings, status and conflicts.
    Sync,
}

/// One assessment of one account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssessmentRef {
    pub account: AccountId,
    pub assessment: AssessmentId,
}

impl Route {
    /// Parses `location.hash` (with or without `#`). Anything unknown is the home screen.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        // Everything after `shared/`, `respond/` or `response/` is the payload, whatever it holds
        // (a standard-base64 `/`, punctuation a chat app added): the screen judges it and says
        // what is wrong. One bound for all three: a little over the longest valid payload.
        const CARRIED: [&str; 3] = ["shared/", "respond/", "response/"];
        let bound = crate::engine::state::share::MAX_PAYLOAD_CHARS * 2 + 1;
        for (i, prefix) in CARRIED.iter().enumerate() {
            if let Some(payload) = path.strip_prefix(prefix).filter(|p| !p.trim().is_empty()) {
                let payload: String = payload.chars().take(bound).collect();
                return match i {
                    0 => Route::Shared { payload },
                    1 => Route::Respond { payload },
                    _ => Route::Response { payload },
                };
            }
        }
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        match parts.as_slice() {
            ["new"] => Route::New,
            ["rules"] => Route::Rules,
            ["assess", account] if is_valid_id(account) => Route::Assess {
                account: AccountId::from(*account),
            },
            ["results", account, assessment] if is_valid_id(account) && is_valid_id(assessment) => {
                Route::Results {
                    account: AccountId::from(*account),
                    assessment: AssessmentId::from(*assessment),
                }
            }
            ["account", account] if is_valid_id(account) => Route::Account {
                account: AccountId::from(*account),
            },
            ["compare", a, s, b, t] if [a, s, b, t].iter().all(|id| is_valid_id(id)) => {
                Route::Compare {
                    a: AssessmentRef {
                        account: AccountId::from(*a),
                        assessment: AssessmentId::from(*s),
                    },
                    b: AssessmentRef {
                        account: AccountId::from(*b),
                        assessment: AssessmentId::from(*t),
                    },
                }
            }
            ["portfolio"] => Route::Portfolio,
            ["sync"] => Route::Sync,
            _ => Route::Home,
        }
    }

    /// The fragment for this screen, starting with `#`.
    pub fn to_hash(&self) -> String {
        match self {
            Route::Home => "#/".to_owned(),
            Route::New => "#/new".to_owned(),
            Route::Rules => "#/rules".to_owned(),
            Route::Assess { account } => format!("#/assess/{account}"),
            Route::Results {
                account,
                assessment,
            } => format!("#/results/{account}/{assessment}"),
            Route::Account { account } => format!("#/account/{account}"),
            Route::Compare { a, b } => format!(
                "#/compare/{}/{}/{}/{}",
                a.account, a.assessment, b.account, b.assessment
            ),
            Route::Portfolio => "#/portfolio".to_owned(),
            Route::Shared { payload } => format!("#/shared/{payload}"),
            Route::Respond { payload } => format!("#/respond/{payload}"),
            Route::Response { payload } => format!("#/response/{payload}"),
            Route::Sync => "#/sync".to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_round_trip() {
        for route in [
            Route::Respond {
                payload: "SQEAEw".into(),
            },
            Route::Response {
                payload: "UgEAEw".into(),
            },
            Route::Home,
            Route::New,
            Route::Rules,
            Route::Sync,
            Route::Assess {
                account: "a1".into(),
            },
            Route::Results {
                account: "a1".into(),
                assessment: "x-2".into(),
            },
            Route::Account {
                account: "a1".into(),
            },
            Route::Compare {
                a: AssessmentRef {
                    account: "a1".into(),
                    assessment: "s1".into(),
                },
                b: AssessmentRef {
                    account: "b2".into(),
                    assessment: "t2".into(),
                },
            },
            Route::Portfolio,
            Route::Shared {
                payload: "AQEAbc-_".into(),
            },
        ] {
            assert_eq!(Route::parse(&route.to_hash()), route);
        }
    }

    /// A damaged link must reach the screen that says so, never land silently on home.
    #[test]
    fn any_shared_payload_opens_the_shared_screen() {
        for (hash, payload) in [
            ("#/shared/a.b", "a.b"),
            ("#/shared/AQEA+/x=", "AQEA+/x="),
            ("#/shared/AQEAbc).", "AQEAbc)."),
            ("#/shared/<script>", "<script>"),
        ] {
            assert_eq!(
                Route::parse(hash),
                Route::Shared {
                    payload: payload.into()
                }
            );
        }
        let long = format!("#/shared/{}", "A".repeat(10_000));
        match Route::parse(&long) {
            Route::Shared { payload } => {
                assert!(payload.len() > crate::engine::state::share::MAX_PAYLOAD_CHARS);
                assert!(payload.len() < 10_000);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn unknown_or_hostile_fragments_go_home() {
        for hash in [
            "",
            "#",
            "#/nope",
            "#/assess/",
            "#/assess/<script>",
            "#/results/a",
            "#/results/a/b/c",
            "#/assess/a%2Fb",
            "#/compare/a/b/c",
            "#/shared/",
            "#/account/<b>",
        ] {
            assert_eq!(Route::parse(hash), Route::Home, "{hash}");
        }
    }
}
