//! Stored record formats and the migrations between them.
//!
//! Every account record carries its format version in `v`. Reading accepts every version this
//! build has ever written ([`decode_account`]) and upgrades it in memory; the caller then rewrites
//! it in the current format. A record from a *newer* build is refused (never guessed at), so an
//! out-of-date tab cannot damage it. Fixtures of every earlier format live in
//! `tests/fixtures/storage/` and are decoded by the tests below.
//!
//! | v | answers stored as | written by |
//! |---|---|---|
//! | 1 | `{"question_id": option index or "dk", …}` (≈ 1,300 characters) | 0.1.0 before compaction |
//! | 2 | one character per position of [`ANSWER_ORDER`] (at most 80 characters) | 0.1.0, bank v1–v2 |
//! | 3 | as 2, plus the envelope: a revision, per-answer and per-note edit times, details and discard times | current |
//!
//! Format 3 is the envelope every later stored field goes into (see ARCHITECTURE.md, "The
//! record format"): a later build adds *optional* fields without bumping `v`, and a build that
//! meets a field it does not know treats the record like one from a newer build
//! ([`DecodeError::NewerField`]): it protects it, never rewrites it without the field.

use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::engine::model::answers::{Answers, Choice};
use crate::engine::model::record::AccountRecord;

/// The record format this build writes.
pub const RECORD_VERSION: u32 = 3;

/// The question order the compact answer string and share links follow: every question any bank
/// has had, each at a position it keeps for ever. Positions 0–69 are bank version 1's questions,
/// 70–79 the ones bank version 2 added. A later bank may add questions at the end; it may never
/// reorder or reuse a position, so a question whose options change meaning gets a new id and
/// the old one is retired (kept here, answered in old records, no longer asked or scored). A
/// test checks every bank question has a position here.
pub const ANSWER_ORDER: [&str; 80] = [
    "ctx_volume",
    "ctx_revenue_share",
    "ctx_frequency",
    "ctx_complexity",
    "ctx_mutual_importance",
    "ctx_bargaining",
    "ctx_dependence",
    "lvl_contacts",
    "lvl_information",
    "lvl_understanding",
    "lvl_planning",
    "lvl_preference",
    "lvl_dependence",
    "lvl_formal_links",
    "sat_quality",
    "sat_quality_compare",
    "sat_tech_support",
    "sat_tech_lead",
    "sat_solution_fit",
    "sat_solution_edge",
    "sat_terms",
    "sat_terms_flex",
    "sat_service",
    "sat_service_compare",
    "sat_personal",
    "sat_personal_renew",
    "sat_psych_respect",
    "sat_psych_security",
    "sw_investment",
    "sw_integration",
    "sw_criticality",
    "sw_uncertainty",
    "sw_brand",
    "sw_personal_risk",
    "sw_differentiation",
    "sw_specific_assets",
    "sw_incentives",
    "sw_commitment_term",
    "sw_exec_channel",
    "sw_personal_ties",
    "cap_trust_candour",
    "cap_trust_confidences",
    "cap_trust_familiarity",
    "cap_exec_commitments",
    "cap_exec_delivery",
    "cap_exec_connection",
    "cap_innov_ideas",
    "cap_innov_adopted",
    "cap_innov_models",
    "sg_communication",
    "sg_needs_alignment",
    "sg_strategy_alignment",
    "sg_quality_guarantee",
    "sg_service_guarantee",
    "sg_delivery_guarantee",
    "sg_value_guarantee",
    "loy_behavioural",
    "loy_intentional",
    "loy_emotional",
    "warn_price",
    "warn_offer",
    "warn_unmet",
    "warn_complaints",
    "warn_orders",
    "warn_contacts",
    "sym_market",
    "sym_purchasing_power",
    "sym_rnd",
    "sym_risk",
    "sym_alliance_fit",
    // Added by bank version 2.
    "ev_basis",
    "ctx_appetite",
    "ctx_return",
    "ctx_course",
    "sat_price_talks",
    "sat_tailoring",
    "sat_recognition",
    "sat_safe_choice",
    "mon_watch",
    "warn_share",
];

/// How many positions of [`ANSWER_ORDER`] a bank version uses, `None` for a version this build
/// does not know (a newer one).
pub fn answer_count(bank_version: u32) -> Option<usize> {
    match bank_version {
        1 => Some(70),
        2 => Some(80),
        _ => None,
    }
}

/// Questions of earlier banks that the current bank no longer asks, with their option counts,
/// so records that answered them still validate. Their answers are kept, never scored.
pub const RETIRED: [(&str, usize); 5] = [
    ("sat_terms", 5),
    ("sat_personal", 5),
    ("sat_psych_respect", 5),
    ("sat_psych_security", 5),
    ("warn_orders", 5),
];

const UNANSWERED: char = '.';
const DONT_KNOW: char = 'x';

/// Answers as one character per question of [`ANSWER_ORDER`]: the option index `0`–`9`, `x` for
/// "don't know", `.` for unanswered; trailing unanswered positions are dropped.
pub fn encode_answers(answers: &Answers) -> String {
    let mut out: String = ANSWER_ORDER
        .iter()
        .map(|id| match answers.get(id) {
            None => UNANSWERED,
            Some(Choice::DontKnow) => DONT_KNOW,
            Some(Choice::Option(i)) => char::from_digit(u32::from(i), 10).unwrap_or(UNANSWERED),
        })
        .collect();
    out.truncate(out.trim_end_matches(UNANSWERED).len());
    out
}

/// Reads [`encode_answers`]' format; anything else is an error, never a partial result.
pub fn decode_answers(text: &str) -> Result<Answers, String> {
    if text.chars().count() > ANSWER_ORDER.len() {
        return Err(format!("more than {} answers", ANSWER_ORDER.len()));
    }
    let mut answers = Answers::new();
    for (id, c) in ANSWER_ORDER.iter().zip(text.chars()) {
        match c {
            UNANSWERED => {}
            DONT_KNOW => answers.set(id, Choice::DontKnow),
            _ => match c.to_digit(10) {
                Some(i) => answers.set(id, Choice::option(i)),
                None => return Err(format!("unexpected answer code {c:?}")),
            },
        }
    }
    Ok(answers)
}

/// Stored answers use the compact string; the questionnaire's map is an in-memory shape only.
impl Serialize for Answers {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&encode_answers(self))
    }
}

/// Reads the compact string (format 2) or format 1's map of question id → option index or
/// `"dk"`. One reader for both keeps a single record deserializer in the wasm.
impl<'de> Deserialize<'de> for Answers {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct AnyFormat;
        impl<'de> Visitor<'de> for AnyFormat {
            type Value = Answers;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("answers as a compact string or a map")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Answers, E> {
                decode_answers(text).map_err(E::custom)
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Answers, M::Error> {
                let mut answers = Answers::new();
                while let Some((id, choice)) = map.next_entry::<String, Choice>()? {
                    // Format 2 has no position for it: an error, never a silent drop.
                    if !crate::engine::model::answers::is_known(&id) {
                        return Err(de::Error::custom(format!(
                            "answer to unknown question {id:?}"
                        )));
                    }
                    answers.set(&id, choice);
                }
                Ok(answers)
            }
        }
        d.deserialize_any(AnyFormat)
    }
}

/// Why a stored record could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Written by a newer build of Rapport (its format version): reload to update.
    Newer(u32),
    /// Has a field this build does not know (named): a newer build added it within the format.
    NewerField(String),
    /// Not a record this build has ever written; the detail says why.
    Invalid(String),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Newer(v) => write!(
                f,
                "saved by a newer version of Rapport (record format {v}); reload the page to update"
            ),
            DecodeError::NewerField(field) => write!(
                f,
                "saved by a newer version of Rapport (it has a field {field:?} this version does not know); reload the page to update"
            ),
            DecodeError::Invalid(why) => f.write_str(why),
        }
    }
}

/// A record read from storage or a file.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub account: AccountRecord,
    /// The older format it was upgraded from, if it was: the caller should rewrite it.
    pub migrated_from: Option<u32>,
}

/// Reads an account record of any format version up to [`RECORD_VERSION`].
pub fn decode_account(json: &str) -> Result<Decoded, DecodeError> {
    #[derive(Deserialize)]
    struct Probe {
        v: u32,
    }
    let invalid = |e: serde_json::Error| DecodeError::Invalid(e.to_string());
    // The version first: a newer build's record may not parse here at all.
    let probe: Probe = serde_json::from_str(json).map_err(invalid)?;
    check_version(probe.v)?;
    let mut account: AccountRecord =
        serde_json::from_str(json).map_err(|e| match unknown_field(&e.to_string()) {
            Some(field) if probe.v == RECORD_VERSION => DecodeError::NewerField(field),
            _ => invalid(e),
        })?;
    let migrated_from = upgrade(&mut account)?;
    Ok(Decoded {
        account,
        migrated_from,
    })
}

/// The field serde's "unknown field `x`, expected …" names, if that is the error.
fn unknown_field(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    Some(rest[..rest.find('`')?].to_owned())
}

/// Whether a decoding error means a newer build wrote the record (so it must be protected).
pub fn is_newer(error: &DecodeError) -> bool {
    matches!(error, DecodeError::Newer(_) | DecodeError::NewerField(_))
}

fn check_version(v: u32) -> Result<(), DecodeError> {
    match v {
        1..=RECORD_VERSION => Ok(()),
        v if v > RECORD_VERSION => Err(DecodeError::Newer(v)),
        v => Err(DecodeError::Invalid(format!("unknown record format {v}"))),
    }
}

/// Brings a record read by the shared deserializer to the current format; returns the format it
/// had if that was older. Format 1 → 2 changes only how answers are written, which the reader
/// already handled; 2 → 3 adds fields whose defaults mean "not known" (no revision yet, no edit
/// times: an answer without a time loses to any timed edit of it). So the upgrade is the version
/// number, for every earlier format, here and nowhere else.
pub fn upgrade(account: &mut AccountRecord) -> Result<Option<u32>, DecodeError> {
    check_version(account.v)?;
    let from = account.v;
    account.v = RECORD_VERSION;
    Ok((from < RECORD_VERSION).then_some(from))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::model::bank::bank;

    const V1_ACCOUNT: &str = include_str!("../../../tests/fixtures/storage/v1-account.json");
    const V2_ACCOUNT: &str = include_str!("../../../tests/fixtures/storage/v2-account.json");
    const V3_ACCOUNT: &str = include_str!("../../../tests/fixtures/storage/v3-account.json");

    /// Records stored before bank version 2 score with the current bank: their answers to
    /// unchanged questions carry over, those to reworded questions stay stored but unscored.
    #[test]
    fn bank_v1_records_carry_their_unchanged_answers_over() {
        for fixture in [V1_ACCOUNT, V2_ACCOUNT] {
            let account = decode_account(fixture).unwrap().account;
            for a in &account.assessments {
                assert_eq!(a.bank_version, 1);
                assert!(a.answers.invalid_entries(bank()).is_empty());
                let retired = RETIRED
                    .iter()
                    .filter(|(id, _)| a.answers.get(id).is_some())
                    .count();
                assert_eq!(a.answers.answered_in(bank()), a.answers.len() - retired);
            }
        }
    }

    #[test]
    fn every_question_has_a_frozen_position_and_retired_ones_stay_known() {
        let bank = bank();
        let current = answer_count(bank.version).expect("the current bank has a count");
        assert_eq!(current, ANSWER_ORDER.len());
        for q in &bank.questions {
            let at = ANSWER_ORDER.iter().position(|id| *id == q.id);
            assert!(
                at.is_some(),
                "{} has no position: append it to ANSWER_ORDER",
                q.id
            );
            assert!(q.options.len() <= 10);
        }
        for (id, _) in RETIRED {
            assert!(
                bank.question(id).is_none(),
                "{id} is asked again: give it its position back"
            );
            assert!(ANSWER_ORDER[..70].contains(&id));
        }
        let asked_or_retired = bank.questions.len() + RETIRED.len();
        assert_eq!(
            asked_or_retired,
            ANSWER_ORDER.len(),
            "every position is asked or retired"
        );
        // Bank v1's positions are its questions in its order: the v1 fixtures depend on it.
        let v1: Vec<&str> = ANSWER_ORDER[..answer_count(1).unwrap()].to_vec();
        assert_eq!(v1[0], "ctx_volume");
        assert_eq!(v1[69], "sym_alliance_fit");
    }

    #[test]
    fn answers_round_trip_compactly() {
        let bank = bank();
        let mut i = 0;
        let answers = Answers::from_fn(bank, |q| {
            i += 1;
            match i % 7 {
                0 => None,
                1 => Some(Choice::DontKnow),
                n => Some(Choice::option(n % q.options.len())),
            }
        });
        let text = encode_answers(&answers);
        assert!(text.len() <= ANSWER_ORDER.len());
        assert_eq!(decode_answers(&text).unwrap(), answers);
        assert_eq!(encode_answers(&Answers::new()), "");
        assert!(decode_answers("12?").is_err());
        assert!(decode_answers(&"1".repeat(81)).is_err());
    }

    #[test]
    fn format_1_fixture_migrates_without_loss() {
        let raw: serde_json::Value = serde_json::from_str(V1_ACCOUNT).unwrap();
        let decoded = decode_account(V1_ACCOUNT).unwrap();
        assert_eq!(decoded.migrated_from, Some(1));
        let account = decoded.account;
        assert_eq!(account.v, RECORD_VERSION);
        assert_eq!(account.name, raw["name"]);
        assert_eq!(account.tags, ["east", "重点"]);
        assert_eq!(account.assessments.len(), 2);
        for (new, old) in account
            .assessments
            .iter()
            .zip(raw["assessments"].as_array().unwrap())
        {
            let old_answers = old["answers"].as_object().unwrap();
            assert_eq!(new.answers.len(), old_answers.len());
            for (id, value) in old_answers {
                let expected = match value.as_u64() {
                    Some(i) => Choice::option(i),
                    None => Choice::DontKnow,
                };
                assert_eq!(new.answers.get(id), Some(expected), "{id}");
            }
            assert_eq!(
                new.notes.len(),
                old["notes"].as_object().map_or(0, |n| n.len())
            );
            assert_eq!(new.completed_ms, old["completed_ms"].as_u64());
        }
        assert_eq!(
            account.assessments[0].notes.get("sat_quality").unwrap(),
            "Quality \"ok\" — 质量稳定"
        );
        assert_eq!(
            account.assessments[1].cursor.question.as_deref(),
            Some("ctx_frequency")
        );
        // Rewritten in the current format, it reads back identically and much smaller.
        let rewritten = serde_json::to_string(&account).unwrap();
        let again = decode_account(&rewritten).unwrap();
        assert_eq!(again.migrated_from, None);
        assert_eq!(again.account, account);
        assert!(
            rewritten.len() * 2 < V1_ACCOUNT.len(),
            "{} vs {}",
            rewritten.len(),
            V1_ACCOUNT.len()
        );
    }

    #[test]
    fn format_2_fixture_upgrades_to_the_envelope_with_nothing_known_about_edit_times() {
        let decoded = decode_account(V2_ACCOUNT).unwrap();
        assert_eq!(decoded.migrated_from, Some(2));
        let from_v1 = decode_account(V1_ACCOUNT).unwrap().account;
        assert_eq!(
            decoded.account, from_v1,
            "the v2 fixture is the v1 fixture migrated"
        );
        let account = decoded.account;
        assert!(account.rev.is_empty() && account.details_ms == 0);
        assert!(account
            .assessments
            .iter()
            .all(|a| a.answered_at.is_empty() && a.noted_at.is_empty()));
        // Written again, the only change is the version: the new fields are empty and left out.
        assert_eq!(
            serde_json::to_string(&account).unwrap(),
            V2_ACCOUNT.trim_end().replacen("\"v\":2", "\"v\":3", 1)
        );
    }

    #[test]
    fn format_3_fixture_reads_as_is_with_its_envelope() {
        let decoded = decode_account(V3_ACCOUNT).unwrap();
        assert_eq!(decoded.migrated_from, None);
        let account = &decoded.account;
        assert_eq!(account.rev, "3-5e0c1a7d");
        assert_eq!(account.details_ms, 1_705_000_000_000);
        assert_eq!(account.discarded.get("s-0"), Some(&1_709_000_000_000));
        let draft = account.draft().unwrap();
        let at = |id| crate::engine::model::answers::position(id).unwrap();
        assert_eq!(draft.answered_at.at(at("ctx_volume")), 1_710_000_060_000);
        assert_eq!(draft.answered_at.at(at("ctx_frequency")), 1_710_000_090_000);
        assert_eq!(draft.answered_at.at(at("ctx_revenue_share")), 0);
        let done = &account.assessments[0];
        assert_eq!(done.noted_at.at(at("sat_quality")), 1_700_000_500_000);
        assert_eq!(
            serde_json::to_string(account).unwrap(),
            V3_ACCOUNT.trim_end()
        );
    }

    /// Format 3 with an account plan (issue 15: optional fields, no format bump): read as is,
    /// written back byte for byte, and every earlier fixture reads with an empty plan.
    #[test]
    fn format_3_fixture_with_a_plan_reads_as_is() {
        const WITH_PLAN: &str =
            include_str!("../../../tests/fixtures/storage/v3-account-plan.json");
        let account = decode_account(WITH_PLAN).unwrap().account;
        assert_eq!(account.plan.len(), 2);
        let review = account.plan_item("p-1").unwrap();
        assert_eq!(
            review.status,
            crate::engine::model::ids::PlanStatus::InProgress
        );
        assert_eq!(review.from.as_ref().map(|f| f.as_str()), Some("s-1"));
        assert_eq!(account.plan_item("p-2").unwrap().notes.lines().count(), 2);
        assert_eq!(account.plan_removed.get("p-0"), Some(&1_700_001_500_000));
        assert_eq!(account.overdue_count("2024-03-01"), 1);
        assert_eq!(
            serde_json::to_string(&account).unwrap(),
            WITH_PLAN.trim_end()
        );
        for old in [V1_ACCOUNT, V2_ACCOUNT, V3_ACCOUNT] {
            let upgraded = decode_account(old).unwrap().account;
            assert!(upgraded.plan.is_empty() && upgraded.plan_removed.is_empty());
        }
    }

    /// Format 3 with a stakeholder map (issue 16: optional fields, no format bump): read as is,
    /// written back byte for byte, its contacts valid; every earlier fixture reads with none.
    #[test]
    fn format_3_fixture_with_contacts_reads_as_is() {
        const WITH_CONTACTS: &str =
            include_str!("../../../tests/fixtures/storage/v3-account-contacts.json");
        let account = decode_account(WITH_CONTACTS).unwrap().account;
        assert_eq!(account.contacts.len(), 3);
        assert_eq!(account.active_contacts().count(), 2);
        let gm = account.contact("c-2").unwrap();
        assert_eq!(gm.name, "Zhao <GM> & \"boss\"");
        assert_eq!(
            gm.role,
            Some(crate::engine::model::ids::BuyingRole::EconomicBuyer)
        );
        assert_eq!(account.contact("c-3").unwrap().left_on, "2024-02-10");
        assert_eq!(
            account.contacts_removed.get("c-0"),
            Some(&1_700_006_000_000)
        );
        for c in &account.contacts {
            assert_eq!(c.check_stored(), Ok(()), "{}", c.id);
        }
        assert_eq!(account.plan.len(), 2, "the plan beside it is kept");
        assert_eq!(
            serde_json::to_string(&account).unwrap(),
            WITH_CONTACTS.trim_end()
        );
        for old in [V1_ACCOUNT, V2_ACCOUNT, V3_ACCOUNT] {
            let upgraded = decode_account(old).unwrap().account;
            assert!(upgraded.contacts.is_empty() && upgraded.contacts_removed.is_empty());
        }
    }

    /// Format 3 with other eyes (issue 17: optional fields, no format bump): read as is, written
    /// back byte for byte, its invitations and responses valid; earlier fixtures read with none.
    #[test]
    fn format_3_fixture_with_invitations_and_responses_reads_as_is() {
        const WITH_EYES: &str =
            include_str!("../../../tests/fixtures/storage/v3-account-eyes.json");
        let account = decode_account(WITH_EYES).unwrap().account;
        assert_eq!(account.invitations.len(), 2);
        assert_eq!(
            account.invitation("inv-1").unwrap().sent_to,
            "Ms Li <ops> & \"head\""
        );
        let response = &account.responses[0];
        assert_eq!(response.name, "李女士");
        assert_eq!(
            response.role,
            Some(crate::engine::model::eyes::RespondentRole::Uses)
        );
        assert_eq!(response.choices().unwrap().len(), 20);
        assert_eq!(response.check_stored(), Ok(()));
        for i in &account.invitations {
            assert_eq!(i.check_stored(), Ok(()), "{}", i.id);
        }
        assert_eq!(account.contacts.len(), 3, "the map beside it is kept");
        assert_eq!(
            serde_json::to_string(&account).unwrap(),
            WITH_EYES.trim_end()
        );
        for old in [V1_ACCOUNT, V2_ACCOUNT, V3_ACCOUNT] {
            let upgraded = decode_account(old).unwrap().account;
            assert!(upgraded.invitations.is_empty() && upgraded.responses.is_empty());
        }
    }

    #[test]
    fn newer_unknown_and_broken_records_are_refused() {
        let newer = V3_ACCOUNT.replacen("\"v\":3", "\"v\":4", 1);
        assert_eq!(decode_account(&newer), Err(DecodeError::Newer(4)));
        assert!(DecodeError::Newer(4).to_string().contains("newer version"));
        // A field added by a later build within format 3, at the top or in an assessment.
        for (at, field) in [("\"rev\":", "watchers"), ("\"bank_version\":", "responses")] {
            let later = V3_ACCOUNT.replacen(at, &format!("\"{field}\":[],{at}"), 1);
            let error = decode_account(&later).unwrap_err();
            assert_eq!(error, DecodeError::NewerField(field.into()));
            assert!(is_newer(&error));
            assert!(error.to_string().contains("newer version"));
        }
        // An unknown field in an older format is damage, not a newer build's work.
        let damaged = V2_ACCOUNT.replacen("\"name\":", "\"watchers\":[],\"name\":", 1);
        assert!(matches!(
            decode_account(&damaged),
            Err(DecodeError::Invalid(_))
        ));
        let zero = V2_ACCOUNT.replacen("\"v\":2", "\"v\":0", 1);
        assert!(matches!(
            decode_account(&zero),
            Err(DecodeError::Invalid(_))
        ));
        assert!(matches!(
            decode_account("{\"v\":1}"),
            Err(DecodeError::Invalid(_))
        ));
        let unknown = V1_ACCOUNT.replacen("\"ctx_volume\"", "\"no_such_question\"", 1);
        assert!(matches!(
            decode_account(&unknown),
            Err(DecodeError::Invalid(_))
        ));
    }
}
