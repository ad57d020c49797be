//! What the stakeholder map tells (issue 16): coverage findings, the facts shown beside the
//! contact questions, answers the map clearly contradicts, and the findings' place in the
//! action plan. Rules and reasons: docs/SCORING.md, "The stakeholder map".
//!
//! The map is the key-account manager's knowledge today, so these read the account's current
//! contacts and today's date; an assessment's answers stay what the user said. Coverage is only
//! judged once at least one contact is mapped: an empty map says nothing about the account.

use crate::engine::model::answers::{score_of, Answers};
use crate::engine::model::bank::Bank;
use crate::engine::model::contacts::Contact;
use crate::engine::model::ids::ResponsePhase;
use crate::engine::model::ids::{
    Attitude, BuyingRole, ContactFunction, CoverageId, Influence, Level, Seniority,
};
use crate::engine::scoring::{
    AssessmentResult, Finding, PlannedAction, Stage, INCONSISTENCY_PENALTY,
};

/// How long influential contacts may go unseen before "not met" (days, by influence).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cadence {
    pub high: i64,
    pub medium: i64,
}

impl Cadence {
    /// A quarter, the rhythm of account reviews.
    pub const STEADY: Cadence = Cadence {
        high: 90,
        medium: 90,
    };
    /// While the business is contested — still being won (development, initial cooperation),
    /// put to tender, or being lost — a quarter unseen is far too long: a month for the people
    /// of high influence, two for the others.
    pub const CONTESTED: Cadence = Cadence {
        high: 30,
        medium: 60,
    };

    /// The cadence an assessment calls for.
    pub fn of(result: &AssessmentResult) -> Cadence {
        let contested = matches!(
            result.stage.stage,
            Some(Stage::Development | Stage::Initial)
        ) || result.level.regression.is_some()
            || result.defection.phase != ResponsePhase::Warn;
        if contested {
            Cadence::CONTESTED
        } else {
            Cadence::STEADY
        }
    }

    fn days(self, influence: Influence) -> i64 {
        match influence {
            Influence::High => self.high,
            _ => self.medium,
        }
    }
}
/// A contact met within this many days, and not against the user, is a working relationship
/// ([`covered`]); someone unseen for longer is a name on the map, not a tie.
pub const RELATIONSHIP_DAYS: i64 = 180;
/// An advocate who left within this many days is a live warning sign (a change of key contact,
/// `warn_contacts`); earlier departures are history.
pub const LEFT_RECENTLY_DAYS: i64 = 180;
/// An advocate who left within this many days contradicts "no changes in key contacts": the
/// question asks about recent changes, and a quarter is what "recently" means in a review.
pub const ADVOCATE_GONE_DAYS: i64 = 90;
/// At most this many coverage findings below the alarm tier join an assessment's action plan
/// (all are listed on the account page): a thin map raises most of them at once, and the plan
/// must stay a plan.
pub const MAX_COVERAGE_ACTIONS: usize = 3;
/// The alarm tier of `scoring::actions`: coverage findings at or above it always join the plan.
const ALARM: f64 = 5.0;
/// How many contacts a finding names as the people to see next.
const MAX_NAMED: usize = 3;

/// One coverage finding: what is missing or at risk, and whom to see about it (contact ids,
/// most useful first; none when nobody mapped can help).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoverageFinding {
    pub id: CoverageId,
    pub who: Vec<String>,
    /// For `single-owner`: the one person on the user's side who holds every relationship.
    pub owner: String,
    /// For `influential-opponent`: someone is opposed (or backs a rival), not only sceptical.
    pub opposed: bool,
}

impl CoverageFinding {
    fn new(id: CoverageId, who: Vec<String>) -> Self {
        CoverageFinding {
            id,
            who,
            owner: String::new(),
            opposed: false,
        }
    }
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date.
pub fn day_number(date: &str) -> Option<i64> {
    if !crate::engine::model::plan::is_date(date) {
        return None;
    }
    let year: i64 = date.get(0..4)?.parse().ok()?;
    let month: i64 = date.get(5..7)?.parse().ok()?;
    let day: i64 = date.get(8..10)?.parse().ok()?;
    // Howard Hinnant's days-from-civil algorithm.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Days from `from` to `to` (both `YYYY-MM-DD`); `None` if either is not a date.
fn days_between(from: &str, to: &str) -> Option<i64> {
    Some(day_number(to)? - day_number(from)?)
}

/// Whether a contact has gone unseen longer than `cadence` allows for their influence (or no
/// meeting is recorded).
pub fn not_met(contact: &Contact, today: &str, cadence: Cadence) -> bool {
    days_between(&contact.last_met, today).is_none_or(|d| d > cadence.days(contact.influence))
}

/// Whether the user has a working relationship with a contact, not only their name on the map:
/// still there, met within [`RELATIONSHIP_DAYS`], and not against the user. A general manager
/// nobody has met, who backs the incumbent, is mapped but not covered (seed 004: "top management
/// is not ours").
pub fn covered(contact: &Contact, today: &str) -> bool {
    contact.is_active()
        && !contact.attitude.is_hostile()
        && days_between(&contact.last_met, today).is_some_and(|d| d <= RELATIONSHIP_DAYS)
}

fn ids<'a, 'b: 'a>(contacts: impl Iterator<Item = &'a &'b Contact>) -> Vec<String> {
    contacts.take(MAX_NAMED).map(|c| c.id.clone()).collect()
}

/// Whom to ask for an introduction: the most senior friendly contacts.
fn favourable_route(active: &[&Contact]) -> Vec<String> {
    let mut friends: Vec<&&Contact> = active
        .iter()
        .filter(|c| c.attitude.is_favourable())
        .collect();
    crate::engine::model::sort::sort_by(&mut friends, |a, b| {
        (a.seniority, a.attitude).cmp(&(b.seniority, b.attitude))
    });
    ids(friends.into_iter())
}

/// Whose departure is a warning sign: an advocate (champion, coach, or a favourable contact of
/// high influence) or the economic buyer — Miller Heiman's "new player" in the decision.
fn departure_matters(c: &Contact) -> bool {
    c.attitude == Attitude::Champion
        || c.role == Some(BuyingRole::Coach)
        || c.role == Some(BuyingRole::EconomicBuyer)
        || (c.attitude.is_favourable() && c.influence == Influence::High)
}

/// The coverage findings of a map, most pressing first (the order of [`CoverageId::ALL`]);
/// `cadence` is how long key people may go unseen ([`Cadence::of`] the latest assessment).
pub fn coverage(contacts: &[Contact], today: &str, cadence: Cadence) -> Vec<CoverageFinding> {
    if contacts.is_empty() {
        return Vec::new();
    }
    let active: Vec<&Contact> = contacts.iter().filter(|c| c.is_active()).collect();
    let threads: Vec<&Contact> = active
        .iter()
        .copied()
        .filter(|c| covered(c, today))
        .collect();
    let covers_role = |role: BuyingRole| threads.iter().any(|c| c.role == Some(role));
    let route = favourable_route(&active);
    let mut out = Vec::new();
    let left: Vec<&Contact> = contacts
        .iter()
        .filter(|c| departure_matters(c))
        .filter(|c| days_between(&c.left_on, today).is_some_and(|d| d <= LEFT_RECENTLY_DAYS))
        .collect();
    if !left.is_empty() {
        out.push(CoverageFinding::new(
            CoverageId::ChampionLeft,
            ids(left.iter()),
        ));
    }
    let opponents: Vec<&&Contact> = active
        .iter()
        .filter(|c| c.influence == Influence::High && c.attitude.is_hostile())
        .collect();
    if !opponents.is_empty() {
        // Never approach a rival's sponsor cold: name who can open the door too.
        let mut who = ids(opponents.iter().copied());
        who.extend(route.iter().take(1).cloned());
        out.push(CoverageFinding {
            opposed: opponents.iter().any(|c| c.attitude == Attitude::Opponent),
            ..CoverageFinding::new(CoverageId::InfluentialOpponent, who)
        });
    }
    // One thread: fewer than three working relationships, or all in one function (two people
    // in purchasing are still one door).
    let mut functions: Vec<ContactFunction> = threads.iter().map(|c| c.function).collect();
    crate::engine::model::sort::sort_by(&mut functions, |a, b| a.cmp(b));
    functions.dedup();
    if threads.len() < 3 || functions.len() < 2 {
        out.push(CoverageFinding::new(
            CoverageId::SingleThreaded,
            ids(threads.iter()),
        ));
    }
    if !covers_role(BuyingRole::EconomicBuyer) {
        out.push(CoverageFinding::new(
            CoverageId::NoEconomicBuyer,
            route.clone(),
        ));
    }
    if !threads.iter().any(|c| c.seniority == Seniority::Executive) {
        out.push(CoverageFinding::new(CoverageId::NoExecutive, route.clone()));
    }
    let mut unmet: Vec<&&Contact> = active
        .iter()
        .filter(|c| c.influence != Influence::Low && !c.attitude.is_hostile())
        .filter(|c| not_met(c, today, cadence))
        .collect();
    // The weightiest first, then the longest unseen (no meeting recorded counts as longest).
    crate::engine::model::sort::sort_by(&mut unmet, |a, b| {
        (a.influence, day_number(&a.last_met)).cmp(&(b.influence, day_number(&b.last_met)))
    });
    if !unmet.is_empty() {
        out.push(CoverageFinding::new(
            CoverageId::NotMet,
            ids(unmet.into_iter()),
        ));
    }
    let mut owners: Vec<&str> = active
        .iter()
        .map(|c| c.owner.as_str())
        .filter(|o| !o.is_empty())
        .collect();
    crate::engine::model::sort::sort_by(&mut owners, |a, b| a.cmp(b));
    owners.dedup();
    // Two contacts held by one person is normal; a real map resting on one person is not.
    let weighty = active.iter().any(|c| c.influence == Influence::High);
    if active.len() >= 3 && weighty && owners.len() == 1 {
        out.push(CoverageFinding {
            owner: owners[0].to_owned(),
            ..CoverageFinding::new(CoverageId::SingleOwner, Vec::new())
        });
    }
    let champion = active
        .iter()
        .any(|c| c.role == Some(BuyingRole::Coach) || c.attitude == Attitude::Champion);
    if !champion {
        let supporters = active.iter().filter(|c| c.attitude == Attitude::Supporter);
        out.push(CoverageFinding::new(CoverageId::NoCoach, ids(supporters)));
    }
    if !covers_role(BuyingRole::TechnicalEvaluator) {
        out.push(CoverageFinding::new(
            CoverageId::NoTechnicalEvaluator,
            route.clone(),
        ));
    }
    if !covers_role(BuyingRole::User) {
        out.push(CoverageFinding::new(CoverageId::NoUser, route));
    }
    crate::engine::model::sort::sort_by(&mut out, |a, b| a.id.cmp(&b.id));
    out
}

/// A finding's priority in an assessment's action plan, on the tiers of `scoring::actions`
/// (5 alarm, 4 safeguards, 3 capability, 2 levers): an advocate gone or an influential opponent
/// is an early-warning sign; one thread, no economic buyer, no executive tie where the target
/// needs one, or key people unseen are safeguards of the relationship; the rest is groundwork.
/// A sceptic is often only uninformed: a safeguard, not an alarm.
pub fn priority(finding: &CoverageFinding, target: Level) -> f64 {
    match finding.id {
        CoverageId::ChampionLeft => 5.9,
        CoverageId::InfluentialOpponent if finding.opposed => 5.6,
        CoverageId::InfluentialOpponent => 4.4,
        CoverageId::SingleThreaded => 4.9,
        CoverageId::NoEconomicBuyer => 4.8,
        CoverageId::NoExecutive if target >= Level::Extended => 4.7,
        CoverageId::NoExecutive => 2.6,
        CoverageId::NotMet => 4.5,
        CoverageId::SingleOwner => 3.6,
        CoverageId::NoCoach => 3.5,
        CoverageId::NoTechnicalEvaluator => 2.4,
        CoverageId::NoUser => 2.3,
    }
}

/// The action plan with the map's findings ranked in: every alarm-tier one (an advocate gone,
/// an opponent), and at most [`MAX_COVERAGE_ACTIONS`] of the rest. `no-executive` is left out
/// when the plan already opens top-level contacts (`level.contacts`). Among equal priorities
/// the plan's own actions come first.
pub fn with_coverage(
    plan: &[PlannedAction],
    findings: &[CoverageFinding],
    target: Level,
) -> Vec<PlannedAction> {
    let has_contacts_action = plan.iter().any(|a| a.action_id == "level.contacts");
    let mut ranked: Vec<&CoverageFinding> = findings
        .iter()
        .filter(|f| !(f.id == CoverageId::NoExecutive && has_contacts_action))
        .collect();
    crate::engine::model::sort::sort_by(&mut ranked, |a, b| {
        priority(b, target).total_cmp(&priority(a, target))
    });
    let mut out = plan.to_vec();
    let mut others = 0;
    for f in ranked {
        let at = priority(f, target);
        if at < ALARM {
            if others == MAX_COVERAGE_ACTIONS {
                continue;
            }
            others += 1;
        }
        out.push(PlannedAction {
            action_id: format!("coverage.{}", f.id),
            finding: Finding::Coverage {
                coverage: f.id,
                who: f.who.clone(),
            },
            priority: at,
            confirmed_by_customer: None,
        });
    }
    crate::engine::model::sort::sort_by(&mut out, |a, b| b.priority.total_cmp(&a.priority));
    out
}

/// The questions the map gives evidence for: who the user deals with and how senior, executive
/// channels and personal ties, and changes in key contacts.
pub const EVIDENCE_QUESTIONS: [&str; 4] = [
    "lvl_contacts",
    "sw_exec_channel",
    "sw_personal_ties",
    "warn_contacts",
];

/// What the map shows about the questions of [`EVIDENCE_QUESTIONS`], as facts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapFacts {
    /// Contacts still at the customer.
    pub active: usize,
    /// The functions they work in, in [`ContactFunction::ALL`] order.
    pub functions: Vec<ContactFunction>,
    /// Active executives (ids).
    pub executives: Vec<String>,
    /// Active contacts favourable to the user (champions and supporters).
    pub favourable: usize,
    /// Contacts who left within [`LEFT_RECENTLY_DAYS`] (ids).
    pub left_recently: Vec<String>,
}

/// The facts of a map; `None` for an empty map.
pub fn facts(contacts: &[Contact], today: &str) -> Option<MapFacts> {
    if contacts.is_empty() {
        return None;
    }
    let active: Vec<&Contact> = contacts.iter().filter(|c| c.is_active()).collect();
    Some(MapFacts {
        active: active.len(),
        functions: ContactFunction::ALL
            .iter()
            .copied()
            .filter(|f| active.iter().any(|c| c.function == *f))
            .collect(),
        executives: active
            .iter()
            .filter(|c| c.seniority == Seniority::Executive)
            .map(|c| c.id.clone())
            .collect(),
        favourable: active.iter().filter(|c| c.attitude.is_favourable()).count(),
        left_recently: contacts
            .iter()
            .filter(|c| days_between(&c.left_on, today).is_some_and(|d| d <= LEFT_RECENTLY_DAYS))
            .map(|c| c.id.clone())
            .collect(),
    })
}

/// An answer the map clearly contradicts (flagged in the results' confidence; the answer stays).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapConflict {
    /// `executive_not_mapped` or `contact_change_not_seen` (see [`conflicts`]).
    pub id: &'static str,
    /// The questions whose answers claim it.
    pub questions: Vec<&'static str>,
}

/// The answers the map contradicts. Only a clear contradiction counts:
///
/// - `executive_not_mapped`: a map that lists people but no executive met in the last
///   [`RELATIONSHIP_DAYS`], against an answer that says ties reach top management ("also top
///   management" on `lvl_contacts`) or executives meet and trust each other (75 or more on
///   `sw_exec_channel` or `sw_personal_ties`). The ties may be real and run elsewhere (seed
///   004's incumbent B: through the ministry that holds its shares), so the results ask the
///   user to name them, not to change the answer.
/// - `contact_change_not_seen`: "no changes, or the new people already support us" on
///   `warn_contacts`, while an advocate left within [`ADVOCATE_GONE_DAYS`] and no champion or
///   coach remains on the map.
///
/// A map missing people is not a contradiction of an answer about breadth: maps are rarely
/// complete.
pub fn conflicts(
    bank: &Bank,
    answers: &Answers,
    contacts: &[Contact],
    today: &str,
) -> Vec<MapConflict> {
    if !contacts.iter().any(Contact::is_active) {
        return Vec::new();
    }
    let score = |id: &str| {
        bank.questions
            .iter()
            .find(|q| q.id == id)
            .and_then(|q| score_of(q, answers.get(id)))
    };
    let mut out = Vec::new();
    let executive = contacts.iter().any(|c| {
        c.is_active()
            && c.seniority == Seniority::Executive
            && days_between(&c.last_met, today).is_some_and(|d| d <= RELATIONSHIP_DAYS)
    });
    let questions: Vec<&'static str> = [
        ("lvl_contacts", 67),
        ("sw_exec_channel", 75),
        ("sw_personal_ties", 75),
    ]
    .into_iter()
    .filter(|(id, at)| !executive && score(id).is_some_and(|s| s >= *at))
    .map(|(id, _)| id)
    .collect();
    if !questions.is_empty() {
        out.push(MapConflict {
            id: "executive_not_mapped",
            questions,
        });
    }
    let advocate_gone = contacts.iter().any(|c| {
        departure_matters(c)
            && days_between(&c.left_on, today).is_some_and(|d| d <= ADVOCATE_GONE_DAYS)
    });
    let advocate_left_standing = contacts.iter().any(|c| {
        c.is_active() && (c.attitude == Attitude::Champion || c.role == Some(BuyingRole::Coach))
    });
    if score("warn_contacts") == Some(100) && advocate_gone && !advocate_left_standing {
        out.push(MapConflict {
            id: "contact_change_not_seen",
            questions: vec!["warn_contacts"],
        });
    }
    out
}

/// The results of an account's latest assessment read against its map: the most pressing
/// coverage findings ranked into the action plan, and each contradiction taking
/// [`INCONSISTENCY_PENALTY`] points off confidence like an inconsistency between answers.
/// Returns the contradictions, for the confidence block.
pub fn apply_map(
    bank: &Bank,
    result: &mut AssessmentResult,
    answers: &Answers,
    contacts: &[Contact],
    today: &str,
) -> Vec<MapConflict> {
    let findings = coverage(contacts, today, Cadence::of(result));
    result.actions = with_coverage(&result.actions, &findings, result.target.target_level);
    let found = conflicts(bank, answers, contacts, today);
    let penalty =
        INCONSISTENCY_PENALTY.saturating_mul(u8::try_from(found.len()).unwrap_or(u8::MAX));
    result.confidence.score = result.confidence.score.saturating_sub(penalty);
    found
}

#[cfg(test)]
mod tests;
