//! Who owns which account and who completed which assessment, as this device last heard from
//! the team database: the part of the sync state the portfolio, the home cards and the account
//! page show. Small on purpose: the first load carries it (the home cards read it), while the
//! sync state it is made from stays in the sync module.

use crate::engine::model::ids::{AccountId, AssessmentId};
use crate::engine::model::pairs::Pairs;

/// The team's view of this device's accounts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Team {
    /// The member signed in on this device.
    pub me: String,
    /// Account id → the member it belongs to.
    pub owners: Pairs<String>,
    /// Completed assessment id → the member whose device first sent it.
    pub assessed_by: Pairs<String>,
}

impl Team {
    /// The account's owner. An account the server has not heard of yet was made here, and is
    /// sent as this member's.
    pub fn owner_of(&self, account: &AccountId) -> &str {
        self.owners
            .get(account.as_str())
            .map_or(self.me.as_str(), String::as_str)
    }

    /// Who completed the assessment; `None` until it has been sent or pulled.
    pub fn assessed_by(&self, assessment: &AssessmentId) -> Option<&str> {
        self.assessed_by
            .get(assessment.as_str())
            .map(String::as_str)
    }

    /// Every owner of these accounts, this member first, then by name.
    pub fn owners_of<'a>(&'a self, accounts: impl Iterator<Item = &'a AccountId>) -> Vec<&'a str> {
        let mut names: Vec<&str> = accounts.map(|a| self.owner_of(a)).collect();
        names.sort_unstable_by(|a, b| (*a != self.me, *a).cmp(&(*b != self.me, *b)));
        names.dedup();
        names
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn team() -> Team {
        let mut owners = Pairs::new();
        owners.insert("a1".into(), "ben".into());
        owners.insert("a2".into(), "ana".into());
        owners.insert("a3".into(), "lead".into());
        let mut assessed_by = Pairs::new();
        assessed_by.insert("s1".into(), "ben".into());
        Team {
            me: "ana".into(),
            owners,
            assessed_by,
        }
    }

    #[test]
    fn an_account_the_server_does_not_know_is_this_members() {
        let t = team();
        assert_eq!(t.owner_of(&"a1".into()), "ben");
        assert_eq!(t.owner_of(&"new".into()), "ana");
        assert_eq!(t.assessed_by(&"s1".into()), Some("ben"));
        assert_eq!(t.assessed_by(&"s2".into()), None);
    }

    #[test]
    fn owners_list_this_member_first_then_by_name_once_each() {
        let t = team();
        let ids: Vec<AccountId> = ["a3", "a1", "new", "a2", "a1"]
            .iter()
            .map(|s| AccountId::from(*s))
            .collect();
        assert_eq!(t.owners_of(ids.iter()), vec!["ana", "ben", "lead"]);
    }
}
