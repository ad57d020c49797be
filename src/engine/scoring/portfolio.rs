//! Every account at a glance: one row per account from its latest completed assessment, sorted
//! and filtered for the portfolio table and map, and an account's trend over time.

use std::cmp::Ordering;

use crate::engine::model::bank::Bank;
use crate::engine::model::ids::{AccountId, AssessmentId, Quadrant, RiskBand};
use crate::engine::model::record::AccountRecord;
use crate::engine::scoring::coverage::{coverage, Cadence};
use crate::engine::scoring::{score_figures, summarize, AssessmentResult, Summary};
use crate::engine::sync::team::Team;

/// One account's latest figures (`summary` is `None` until it has a completed assessment).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub account_id: AccountId,
    pub name: String,
    pub tags: Vec<String>,
    pub industry: String,
    pub assessment_id: Option<AssessmentId>,
    pub last_ms: Option<u64>,
    pub summary: Option<Summary>,
    /// Open account-plan items past their due date.
    pub overdue: usize,
    /// The stakeholder map's coverage findings (`scoring::coverage`); `None` without a map.
    pub map_gaps: Option<usize>,
    /// The member it belongs to, while team sync is on.
    pub owner: Option<String>,
}

impl Row {
    /// Rungs between the level and the level worth aiming for (negative: deeper than worth it).
    pub fn gap(&self) -> Option<i32> {
        self.summary
            .as_ref()
            .map(|s| s.target_level.rank() - s.level.rank())
    }
}

/// The table's rows, in the accounts' order. Scoring each latest assessment costs ~20 µs.
/// `today` (`YYYY-MM-DD`, the user's local date) decides which plan items are overdue; `team`
/// (while team sync is on) names each account's owner.
pub fn rows(bank: &Bank, accounts: &[AccountRecord], today: &str, team: Option<&Team>) -> Vec<Row> {
    accounts
        .iter()
        .map(|a| {
            let latest = a.latest_completed();
            let figures = latest.map(|r| score_figures(bank, &r.answers));
            let cadence = figures.as_ref().map_or(Cadence::STEADY, Cadence::of);
            Row {
                account_id: a.id.clone(),
                name: a.name.clone(),
                tags: a.tags.clone(),
                industry: a.industry.clone(),
                assessment_id: latest.map(|r| r.id.clone()),
                last_ms: latest.and_then(|r| r.completed_ms),
                summary: figures.as_ref().map(AssessmentResult::summary),
                overdue: a.overdue_count(today),
                map_gaps: (!a.contacts.is_empty())
                    .then(|| coverage(&a.contacts, today, cadence).len()),
                owner: team.map(|t| t.owner_of(&a.id).to_owned()),
            }
        })
        .collect()
}

/// A sortable column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    #[default]
    Name,
    Level,
    Target,
    Gap,
    Quadrant,
    Risk,
    Last,
    Overdue,
    MapGaps,
}

impl SortKey {
    /// Every column, in table order.
    pub const ALL: [SortKey; 9] = [
        SortKey::Name,
        SortKey::Level,
        SortKey::Target,
        SortKey::Gap,
        SortKey::Quadrant,
        SortKey::Risk,
        SortKey::Last,
        SortKey::Overdue,
        SortKey::MapGaps,
    ];

    /// The column's stable id (`data-sort`).
    pub fn id(self) -> &'static str {
        match self {
            SortKey::Name => "name",
            SortKey::Level => "level",
            SortKey::Target => "target",
            SortKey::Gap => "gap",
            SortKey::Quadrant => "quadrant",
            SortKey::Risk => "risk",
            SortKey::Last => "last",
            SortKey::Overdue => "overdue",
            SortKey::MapGaps => "map-gaps",
        }
    }
}

/// How the table is sorted and filtered.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub sort: SortKey,
    pub descending: bool,
    /// Matched against name, industry and tags, ignoring ASCII case (full Unicode case folding
    /// would add its tables to the wasm; Chinese has no case).
    pub text: String,
    pub quadrant: Option<Quadrant>,
    pub risk_band: Option<RiskBand>,
    /// Only this member's accounts (team sync); `None`: the whole team's.
    pub owner: Option<String>,
}

fn compare_rows(key: SortKey, a: &Row, b: &Row) -> Ordering {
    fn s(r: &Row) -> Option<&Summary> {
        r.summary.as_ref()
    }
    match key {
        SortKey::Name => a
            .name
            .to_ascii_lowercase()
            .cmp(&b.name.to_ascii_lowercase()),
        SortKey::Level => s(a).map(|s| s.level).cmp(&s(b).map(|s| s.level)),
        SortKey::Target => s(a)
            .map(|s| s.target_level)
            .cmp(&s(b).map(|s| s.target_level)),
        SortKey::Gap => a.gap().cmp(&b.gap()),
        SortKey::Quadrant => s(a)
            .and_then(|s| s.quadrant)
            .cmp(&s(b).and_then(|s| s.quadrant)),
        SortKey::Risk => s(a)
            .and_then(|s| s.defection_risk)
            .cmp(&s(b).and_then(|s| s.defection_risk)),
        SortKey::Last => a.last_ms.cmp(&b.last_ms),
        SortKey::Overdue => a.overdue.cmp(&b.overdue),
        SortKey::MapGaps => a.map_gaps.cmp(&b.map_gaps),
    }
}

/// The rows that match `query`, in its order (ties by name, so the order is stable).
pub fn select<'a>(rows: &'a [Row], query: &Query) -> Vec<&'a Row> {
    let needle = query.text.trim().to_ascii_lowercase();
    let mut out: Vec<&Row> = rows
        .iter()
        .filter(|r| {
            needle.is_empty()
                || r.name.to_ascii_lowercase().contains(&needle)
                || r.industry.to_ascii_lowercase().contains(&needle)
                || r.tags
                    .iter()
                    .any(|t| t.to_ascii_lowercase().contains(&needle))
        })
        .filter(|r| {
            query.quadrant.is_none()
                || r.summary.as_ref().and_then(|s| s.quadrant) == query.quadrant
        })
        .filter(|r| {
            query.risk_band.is_none()
                || r.summary.as_ref().and_then(|s| s.risk_band) == query.risk_band
        })
        .filter(|r| query.owner.is_none() || r.owner == query.owner)
        .collect();
    crate::engine::model::sort::sort_by(&mut out, |a, b| {
        let o = compare_rows(query.sort, a, b);
        let o = if query.descending { o.reverse() } else { o };
        o.then_with(|| compare_rows(SortKey::Name, a, b))
    });
    out
}

/// One completed assessment of an account, for its trend.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrendPoint {
    pub assessment_id: AssessmentId,
    pub completed_ms: u64,
    pub summary: Summary,
    /// The questionnaire version it was answered with, when older than the current one: its
    /// figures rest partly on questions since reworded, so trends mark it.
    pub older_questionnaire: Option<u32>,
}

/// An account's completed assessments, oldest first.
pub fn trend(bank: &Bank, account: &AccountRecord) -> Vec<TrendPoint> {
    let mut points: Vec<TrendPoint> = account
        .completed()
        .map(|r| TrendPoint {
            assessment_id: r.id.clone(),
            completed_ms: r.completed_ms.unwrap_or(r.updated_ms),
            summary: summarize(bank, &r.answers),
            older_questionnaire: (r.bank_version < bank.version).then_some(r.bank_version),
        })
        .collect();
    crate::engine::model::sort::sort_by(&mut points, |a, b| a.completed_ms.cmp(&b.completed_ms));
    points
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::model::answers::Answers;
    use crate::engine::model::bank::bank;
    use crate::engine::model::ids::Level;
    use crate::engine::model::record::NewAccount;
    use crate::engine::model::scenarios;

    fn account(id: &str, name: &str, tags: &str, scenario_names: &[&str]) -> AccountRecord {
        let bank = bank();
        let input = NewAccount {
            name: name.into(),
            tags: tags.into(),
            ..Default::default()
        };
        let mut a =
            AccountRecord::start(&id.into(), &format!("{id}-0").into(), &input, bank, 1).unwrap();
        a.discard_draft(0).unwrap();
        for (i, s) in scenario_names.iter().enumerate() {
            let answers: Answers = scenarios::answers_named(bank, s);
            a.start_draft(&format!("{id}-{}", i + 1).into(), "", bank, 10 + i as u64)
                .unwrap();
            for (q, c) in answers.iter() {
                a.answer(bank, q, Some(c), 10 + i as u64).unwrap();
            }
            a.finish(1_000 * (i as u64 + 1)).unwrap();
        }
        a
    }

    fn portfolio() -> Vec<AccountRecord> {
        vec![
            account("a", "Beta Corp", "east", &["all-worst", "all-best"]),
            account(
                "b",
                "alpha Ltd",
                &["west", " 重点"].join(","),
                &["incumbent-b"],
            ),
            account("c", "Gamma", "east", &["all-worst"]),
            account("d", "Delta (never assessed)", "", &[]),
        ]
    }

    fn names(rows: Vec<&Row>) -> Vec<&str> {
        rows.into_iter().map(|r| r.name.as_str()).collect()
    }

    #[test]
    fn rows_use_the_latest_completed_assessment() {
        let rows = rows(bank(), &portfolio(), "2027-01-01", None);
        assert_eq!(rows.len(), 4);
        let beta = &rows[0];
        assert_eq!(beta.assessment_id, Some(AssessmentId::from("a-2")));
        assert_eq!(beta.summary.as_ref().unwrap().level, Level::Partner);
        assert_eq!(beta.last_ms, Some(2_000));
        assert!(rows[3].summary.is_none() && rows[3].gap().is_none());
    }

    #[test]
    fn overdue_plan_items_are_counted_per_account_and_sort() {
        use crate::engine::model::plan::PlanInput;
        let mut accounts = portfolio();
        let item = |due: &str| PlanInput {
            title: "Quarterly review".into(),
            due: due.into(),
            ..Default::default()
        };
        accounts[2]
            .add_plan_item("p1", &item("2026-11-30"), "", None, 5)
            .unwrap();
        accounts[2]
            .add_plan_item("p2", &item("2026-10-01"), "", None, 5)
            .unwrap();
        accounts[0]
            .add_plan_item("p1", &item("2026-11-30"), "", None, 5)
            .unwrap();
        accounts[1]
            .add_plan_item("p1", &item("2026-12-31"), "", None, 5)
            .unwrap();
        let rows = rows(bank(), &accounts, "2026-12-01", None);
        let counts: Vec<usize> = rows.iter().map(|r| r.overdue).collect();
        assert_eq!(counts, [1, 0, 2, 0]);
        let q = Query {
            sort: SortKey::Overdue,
            descending: true,
            ..Default::default()
        };
        assert_eq!(
            names(select(&rows, &q)),
            ["Gamma", "Beta Corp", "alpha Ltd", "Delta (never assessed)"]
        );
    }

    #[test]
    fn map_gaps_are_counted_per_mapped_account_and_sort() {
        use crate::engine::model::contacts::ContactInput;
        use crate::engine::model::ids::{Attitude, BuyingRole, Seniority};
        let mut accounts = portfolio();
        // One contact: a single thread, no economic buyer, no executive, ...
        let one = ContactInput {
            name: "Wang".into(),
            attitude: Attitude::Champion,
            last_met: "2026-11-20".into(),
            ..Default::default()
        };
        accounts[0].add_contact("c1", &one, 5).unwrap();
        // The economic buyer, an executive and a champion met last month: fewer gaps.
        let buyer = ContactInput {
            name: "Zhao".into(),
            role: Some(BuyingRole::EconomicBuyer),
            seniority: Seniority::Executive,
            ..one.clone()
        };
        accounts[1].add_contact("c1", &buyer, 5).unwrap();
        let rows = rows(bank(), &accounts, "2026-12-01", None);
        let gaps: Vec<Option<usize>> = rows.iter().map(|r| r.map_gaps).collect();
        assert!(gaps[0] > gaps[1] && gaps[1].is_some());
        assert_eq!((gaps[2], gaps[3]), (None, None), "no map, nothing judged");
        let q = Query {
            sort: SortKey::MapGaps,
            descending: true,
            ..Default::default()
        };
        assert_eq!(names(select(&rows, &q))[0], accounts[0].name);
    }

    #[test]
    fn sorting_and_filtering() {
        let rows = rows(bank(), &portfolio(), "2027-01-01", None);
        let q = |sort, descending| Query {
            sort,
            descending,
            ..Default::default()
        };
        assert_eq!(
            names(select(&rows, &q(SortKey::Name, false))),
            ["alpha Ltd", "Beta Corp", "Delta (never assessed)", "Gamma"]
        );
        // Unassessed accounts sort first ascending (no value), last descending.
        assert_eq!(
            names(select(&rows, &q(SortKey::Level, true))),
            ["Beta Corp", "alpha Ltd", "Gamma", "Delta (never assessed)"]
        );
        let risk = names(select(&rows, &q(SortKey::Risk, true)));
        assert_eq!(risk[0], "Gamma", "all-worst has the highest defection risk");
        let text = Query {
            text: " EAST ".into(),
            ..Default::default()
        };
        assert_eq!(names(select(&rows, &text)), ["Beta Corp", "Gamma"]);
        let zh = Query {
            text: "重点".into(),
            ..Default::default()
        };
        assert_eq!(names(select(&rows, &zh)), ["alpha Ltd"]);
        let hostage = Query {
            quadrant: Some(Quadrant::Hostage),
            ..Default::default()
        };
        assert_eq!(names(select(&rows, &hostage)), ["alpha Ltd"]);
        let red = Query {
            risk_band: Some(RiskBand::Red),
            ..Default::default()
        };
        assert!(names(select(&rows, &red)).contains(&"Gamma"));
        assert!(!names(select(&rows, &red)).contains(&"Beta Corp"));
    }

    #[test]
    fn trend_lists_completed_assessments_oldest_first() {
        let accounts = portfolio();
        let t = trend(bank(), &accounts[0]);
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].summary.level, Level::Supplier);
        assert_eq!(t[1].summary.level, Level::Partner);
        assert!(t[0].completed_ms < t[1].completed_ms);
        assert!(trend(bank(), &accounts[3]).is_empty());
    }

    #[test]
    fn the_owner_filter_keeps_one_members_accounts_and_new_ones_are_mine() {
        use crate::engine::model::pairs::Pairs;
        let mut owners = Pairs::new();
        owners.insert("a".into(), "ben".into());
        owners.insert("b".into(), "ana".into());
        owners.insert("c".into(), "ben".into());
        // "d" was made on this device and never sent: it goes to the server as ana's.
        let team = Team {
            me: "ana".into(),
            owners,
            assessed_by: Pairs::new(),
        };
        let rows = rows(bank(), &portfolio(), "2027-01-01", Some(&team));
        let only = |owner: &str| Query {
            owner: Some(owner.into()),
            ..Query::default()
        };
        assert_eq!(
            names(select(&rows, &only("ben"))),
            vec!["Beta Corp", "Gamma"]
        );
        assert_eq!(
            names(select(&rows, &only("ana"))),
            vec!["alpha Ltd", "Delta (never assessed)"]
        );
        assert_eq!(select(&rows, &Query::default()).len(), 4);
        assert!(rows.iter().all(|r| r.owner.is_some()));
        let solo = super::rows(bank(), &portfolio(), "2027-01-01", None);
        assert!(solo.iter().all(|r| r.owner.is_none()));
    }
}
