//! Screens as URL fragments (`#/…`), so reload, back and forward keep the user where they were.
//! Fragments never reach a server.

use super::assessment::is_valid_id;

/// A screen.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Route {
    /// The accounts list.
    #[default]
    Home,
    /// Naming a new account.
    New,
    /// Answering the draft of an account.
    Assess { account: String },
    /// One assessment's results.
    Results { account: String, assessment: String },
    /// How the figures are computed.
    Rules,
}

impl Route {
    /// Parses `location.hash` (with or without `#`). Anything unknown is the home screen.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        match parts.as_slice() {
            ["new"] => Route::New,
            ["rules"] => Route::Rules,
            ["assess", account] if is_valid_id(account) => Route::Assess {
                account: (*account).to_owned(),
            },
            ["results", account, assessment] if is_valid_id(account) && is_valid_id(assessment) => {
                Route::Results {
                    account: (*account).to_owned(),
                    assessment: (*assessment).to_owned(),
                }
            }
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
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_round_trip() {
        for route in [
            Route::Home,
            Route::New,
            Route::Rules,
            Route::Assess {
                account: "a1".into(),
            },
            Route::Results {
                account: "a1".into(),
                assessment: "x-2".into(),
            },
        ] {
            assert_eq!(Route::parse(&route.to_hash()), route);
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
        ] {
            assert_eq!(Route::parse(hash), Route::Home, "{hash}");
        }
    }
}
