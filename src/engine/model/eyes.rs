//! Other eyes on an account (issue 17): invitations the key-account manager sends to someone at
//! the customer or to a colleague, and the responses they send back.
//!
//! Both belong to the account ([`AccountRecord::invitations`], [`AccountRecord::responses`]) and
//! merge one by one with another copy (`model::keyed`). A response never changes once attached:
//! it is a dated opinion, like a completed assessment. What an invitation link carries is only
//! its kind, language, id and the name the user chose to show (`state::invite`); the local
//! label of whom it was sent to stays on the device.

use serde::{Deserialize, Serialize};

use crate::engine::model::answers::{Answers, Choice};
use crate::engine::model::keyed::{Keyed, KeyedList};
use crate::engine::model::record::{clean_text, is_valid_id, AccountRecord, EditError};
use crate::engine::storage::schema::{answer_count, ANSWER_ORDER};
use crate::engine::text::lang::Lang;

/// Most invitations per account.
pub const MAX_INVITATIONS: usize = 50;
/// Most responses per account (a customer survey of a large buying centre, re-run yearly).
pub const MAX_RESPONSES: usize = 200;
/// Most remembered removals of each list.
pub const MAX_EYES_REMOVED: usize = 200;
/// Longest name shown to the respondent (the supplier's), and longest local label.
pub const MAX_SHOWN_CHARS: usize = 80;
/// Longest respondent name.
pub const MAX_RESPONDENT_CHARS: usize = 80;

/// The customer questionnaire's version: bumped when a question's options change meaning.
pub const CUSTOMER_VERSION: u32 = 1;

/// The customer questionnaire's questions, by frozen position: responses carry answers by
/// position, so this order never changes (new questions are appended).
pub const CUSTOMER_ORDER: [&str; 20] = [
    "c.product_quality",
    "c.technical_capability",
    "c.service_level",
    "c.trade_terms",
    "c.solution_fit",
    "c.personalization",
    "c.psychological_needs",
    "c.quality_guarantee",
    "c.service_guarantee",
    "c.delivery_guarantee",
    "c.value_guarantee",
    "c.communication",
    "c.complaints",
    "c.behavioural",
    "c.intentional",
    "c.emotional",
    "c.depth",
    "c.switching",
    "c.competitor_offer",
    "c.leave_reason",
];

/// Who is asked. Stored as its id (`customer`, `colleague`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// Someone at the customer: the short customer-side questionnaire.
    Customer,
    /// A colleague who also knows the account: the full questionnaire.
    Colleague,
}

// By hand, through its id: serde's derive for an enum costs the first load (where records are
// read) about a kilobyte of wasm.
impl Serialize for Kind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

impl<'de> Deserialize<'de> for Kind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let id = String::deserialize(d)?;
        Kind::ALL
            .into_iter()
            .find(|k| k.id() == id)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown kind {id:?}")))
    }
}

impl Kind {
    /// Both kinds.
    pub const ALL: [Kind; 2] = [Kind::Customer, Kind::Colleague];

    /// The id in storage, links and `data-kind`.
    pub fn id(self) -> &'static str {
        match self {
            Kind::Customer => "customer",
            Kind::Colleague => "colleague",
        }
    }

    /// The byte a link carries.
    pub fn code(self) -> u8 {
        match self {
            Kind::Customer => 0,
            Kind::Colleague => 1,
        }
    }

    /// The kind a link's byte names.
    pub fn from_code(code: u8) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// How many answers a response of this kind holds for a questionnaire version.
    pub fn positions(self, version: u32) -> Option<usize> {
        match self {
            Kind::Customer => (version == CUSTOMER_VERSION).then_some(CUSTOMER_ORDER.len()),
            Kind::Colleague => answer_count(version),
        }
    }
}

/// What a customer respondent says their part is in choosing suppliers: it tells whether the
/// people who decide were heard (a KAM's belief in ties at the top is tested only by them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RespondentRole {
    /// Takes or signs off the decision.
    Decides,
    /// Uses what is bought, day to day.
    Uses,
    /// Judges it technically.
    Evaluates,
    /// Buys it: purchasing.
    Buys,
    Other,
}

impl RespondentRole {
    /// Every role, in the order offered.
    pub const ALL: [RespondentRole; 5] = [
        RespondentRole::Decides,
        RespondentRole::Uses,
        RespondentRole::Evaluates,
        RespondentRole::Buys,
        RespondentRole::Other,
    ];

    /// The id in storage and `data-role`.
    pub fn id(self) -> &'static str {
        match self {
            RespondentRole::Decides => "decides",
            RespondentRole::Uses => "uses",
            RespondentRole::Evaluates => "evaluates",
            RespondentRole::Buys => "buys",
            RespondentRole::Other => "other",
        }
    }

    /// The byte a response code carries (0 is "not said").
    pub fn code(role: Option<RespondentRole>) -> u8 {
        match role {
            None => 0,
            Some(RespondentRole::Decides) => 1,
            Some(RespondentRole::Uses) => 2,
            Some(RespondentRole::Evaluates) => 3,
            Some(RespondentRole::Buys) => 4,
            Some(RespondentRole::Other) => 5,
        }
    }

    /// The role a response code's byte names (`Some(None)` for "not said"); `None` for a byte
    /// no role has.
    pub fn from_code(code: u8) -> Option<Option<RespondentRole>> {
        match code {
            0 => Some(None),
            n => RespondentRole::ALL
                .get(usize::from(n) - 1)
                .copied()
                .map(Some),
        }
    }
}

impl Serialize for RespondentRole {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

impl<'de> Deserialize<'de> for RespondentRole {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let id = String::deserialize(d)?;
        RespondentRole::ALL
            .into_iter()
            .find(|r| r.id() == id)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown role {id:?}")))
    }
}

/// An invitation sent from this account.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Invitation {
    /// Unique across accounts (it is how a response finds its account); record id rules.
    pub id: String,
    pub kind: Kind,
    /// The language the respondent first sees (they can switch).
    pub lang: Lang,
    /// The name shown to the respondent, e.g. the supplier's; may be empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub shown: String,
    /// Whom it was sent to, for the user only: never in the link.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sent_to: String,
    pub created_ms: u64,
    pub updated_ms: u64,
}

impl Keyed for Invitation {
    fn key(&self) -> &str {
        &self.id
    }
    fn created_ms(&self) -> u64 {
        self.created_ms
    }
    fn updated_ms(&self) -> u64 {
        self.updated_ms
    }
}

impl Invitation {
    /// The checks an imported or synced invitation must pass.
    pub fn check_stored(&self) -> Result<(), String> {
        let clean = |t: &str| clean_text(t, MAX_SHOWN_CHARS).ok().as_deref() == Some(t);
        if !is_valid_id(&self.id) {
            return Err(format!("invitation id {:?} is invalid", self.id));
        }
        if !clean(&self.shown) || !clean(&self.sent_to) || self.updated_ms < self.created_ms {
            return Err(format!("invitation {:?} has a malformed field", self.id));
        }
        Ok(())
    }
}

/// A response attached to the account: someone else's answers, dated and attributed.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Response {
    /// Made by the respondent's browser when they finished; the same response pasted twice has
    /// the same id, which is how a duplicate is refused.
    pub id: String,
    /// The invitation it answers.
    pub invitation: String,
    pub kind: Kind,
    /// The questionnaire version it was answered with (bank version for a colleague,
    /// [`CUSTOMER_VERSION`] for a customer).
    pub version: u32,
    /// Midnight UTC of the day it was answered.
    pub answered_ms: u64,
    /// The name the respondent gave; may be empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// A customer respondent's part in choosing suppliers, if they said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<RespondentRole>,
    /// One character per position of the kind's questionnaire ([`encode_choices`]).
    pub answers: String,
    /// The account's latest completed assessment when it was attached: the one it is compared
    /// with, and where it sits in the trend. Empty when there was none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub against: String,
    /// When it was attached.
    pub attached_ms: u64,
}

impl Keyed for Response {
    fn key(&self) -> &str {
        &self.id
    }
    fn created_ms(&self) -> u64 {
        self.attached_ms
    }
    fn updated_ms(&self) -> u64 {
        self.attached_ms
    }
}

impl Response {
    /// The answers by position, `None` if the stored text is malformed.
    pub fn choices(&self) -> Option<Vec<Option<Choice>>> {
        decode_choices(&self.answers, self.kind.positions(self.version)?)
    }

    /// A colleague's answers as an assessment's (`None` for a customer response).
    pub fn colleague_answers(&self) -> Option<Answers> {
        if self.kind != Kind::Colleague {
            return None;
        }
        let mut answers = Answers::new();
        for (position, choice) in self.choices()?.into_iter().enumerate() {
            answers.set_at(position, choice);
        }
        Some(answers)
    }

    /// The checks an imported or synced response must pass: ids, bounds and the answers' shape
    /// (options are checked against the questionnaire when it is read).
    pub fn check_stored(&self) -> Result<(), String> {
        let malformed = || Err(format!("response {:?} has a malformed field", self.id));
        if !is_valid_id(&self.id) || !is_valid_id(&self.invitation) {
            return Err(format!("response id {:?} is invalid", self.id));
        }
        if self.choices().is_none()
            || clean_text(&self.name, MAX_RESPONDENT_CHARS).ok().as_deref() != Some(&self.name)
            || !(self.against.is_empty() || is_valid_id(&self.against))
        {
            return malformed();
        }
        Ok(())
    }
}

/// The character for one answer: the option's index in base 36, `?` for "can't say", `-`
/// for unanswered.
fn choice_char(choice: Option<Choice>) -> char {
    match choice {
        None => '-',
        Some(Choice::DontKnow) => '?',
        Some(Choice::Option(n)) => char::from_digit(u32::from(n), 36).unwrap_or('-'),
    }
}

/// Answers by position as stored text.
pub fn encode_choices(choices: &[Option<Choice>]) -> String {
    choices.iter().map(|c| choice_char(*c)).collect()
}

/// Stored text back to answers, if it holds exactly `positions` valid characters.
pub fn decode_choices(text: &str, positions: usize) -> Option<Vec<Option<Choice>>> {
    if text.chars().count() != positions {
        return None;
    }
    text.chars()
        .map(|c| match c {
            '-' => Some(None),
            '?' => Some(Some(Choice::DontKnow)),
            c => c
                .to_digit(36)
                .filter(|_| !c.is_ascii_uppercase())
                .map(|n| Some(Choice::option(n))),
        })
        .collect()
}

/// A colleague's answers by position (the bank's frozen order), for a response.
pub fn colleague_choices(answers: &Answers, bank_version: u32) -> Vec<Option<Choice>> {
    let positions = answer_count(bank_version).unwrap_or(ANSWER_ORDER.len());
    (0..positions).map(|p| answers.at(p)).collect()
}

/// A respondent's unfinished answers, kept in their own browser under
/// [`crate::engine::storage::store::RESPOND_PREFIX`] and the invitation id until they finish.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RespondDraft {
    /// As [`Response::answers`].
    pub answers: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
}

impl RespondDraft {
    /// Reads a stored draft for a questionnaire of `positions` answers; `None` if it is not one.
    pub fn read(json: &str, positions: usize) -> Option<(Vec<Option<Choice>>, String)> {
        let draft: RespondDraft = serde_json::from_str(json).ok()?;
        let name = clean_text(&draft.name, MAX_RESPONDENT_CHARS).ok()?;
        Some((decode_choices(&draft.answers, positions)?, name))
    }
}

/// Why a response could not be attached. Nothing has changed when this is returned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttachError {
    /// No account on this device sent the invitation it answers.
    UnknownInvitation,
    /// It answers another kind of questionnaire than the invitation asked for.
    WrongKind,
    /// It is attached already.
    Duplicate,
    /// The account holds as many responses as it may.
    Full,
}

impl AccountRecord {
    /// The invitation with this id.
    pub fn invitation(&self, id: &str) -> Option<&Invitation> {
        self.invitations.iter().find(|i| i.id == id)
    }

    /// The invitations and their removals.
    pub fn invitation_list(&mut self) -> KeyedList<'_, Invitation> {
        KeyedList {
            items: &mut self.invitations,
            removed: &mut self.invitations_removed,
            max_removed: MAX_EYES_REMOVED,
        }
    }

    /// The responses and their removals.
    pub fn response_list(&mut self) -> KeyedList<'_, Response> {
        KeyedList {
            items: &mut self.responses,
            removed: &mut self.responses_removed,
            max_removed: MAX_EYES_REMOVED,
        }
    }

    /// Records a new invitation.
    pub fn invite(
        &mut self,
        id: &str,
        kind: Kind,
        lang: Lang,
        shown: &str,
        sent_to: &str,
        now_ms: u64,
    ) -> Result<(), EditError> {
        let shown = clean_text(shown, MAX_SHOWN_CHARS)?;
        let sent_to = clean_text(sent_to, MAX_SHOWN_CHARS)?;
        if !is_valid_id(id) || self.invitation(id).is_some() {
            return Err(EditError::UnknownAnswer);
        }
        if self.invitations.len() >= MAX_INVITATIONS {
            return Err(EditError::TooMany);
        }
        let at = self.invitation_list().add_time(id, now_ms);
        self.invitations.push(Invitation {
            id: id.to_owned(),
            kind,
            lang,
            shown,
            sent_to,
            created_ms: at,
            updated_ms: at,
        });
        Ok(())
    }

    /// Attaches a response to this account's invitation, compared with the latest completed
    /// assessment.
    pub fn attach(&mut self, response: &Response, now_ms: u64) -> Result<(), AttachError> {
        let invitation = self
            .invitation(&response.invitation)
            .ok_or(AttachError::UnknownInvitation)?;
        if invitation.kind != response.kind {
            return Err(AttachError::WrongKind);
        }
        if self.responses.iter().any(|r| r.id == response.id) {
            return Err(AttachError::Duplicate);
        }
        if self.responses.len() >= MAX_RESPONSES {
            return Err(AttachError::Full);
        }
        let against = self
            .latest_completed()
            .map(|a| a.id.as_str().to_owned())
            .unwrap_or_default();
        let at = self.response_list().add_time(&response.id, now_ms);
        self.responses.push(Response {
            against,
            attached_ms: at,
            ..response.clone()
        });
        Ok(())
    }

    /// The responses compared with this assessment.
    pub fn responses_against<'a>(
        &'a self,
        assessment: &'a str,
    ) -> impl Iterator<Item = &'a Response> + 'a {
        self.responses
            .iter()
            .filter(move |r| r.against == assessment)
    }
}

#[cfg(test)]
mod tests;
