//! Share links: one completed assessment packed into the URL *fragment* (`#/shared/<payload>`), so
//! it never reaches a server. The payload is versioned and compact: 3 bits per answer, the date
//! in days and the account name, base64url-encoded (≈ 50 characters plus the name).
//!
//! Only the account name, the completion date and the answers travel. Notes, industry, tags and
//! the assessor's name stay on the device: notes are free text that is often confidential, and a
//! link is easily forwarded further than intended.

use crate::engine::model::answers::{Answers, Choice};
use crate::engine::model::bank::Bank;
use crate::engine::model::ids::{AccountId, AssessmentId};
use crate::engine::model::record::{
    clean_text, AccountRecord, AssessmentRecord, Cursor, MAX_NAME_CHARS, RECORD_VERSION,
};
use crate::engine::storage::schema::{answer_count, ANSWER_ORDER};

/// The payload format this build writes; it reads this one only (and says so for others).
pub const SHARE_VERSION: u8 = 1;
/// Longest payload accepted (a name of 120 Chinese characters needs about 540).
pub const MAX_PAYLOAD_CHARS: usize = 1024;

const MS_PER_DAY: u64 = 86_400_000;
const CODE_DONT_KNOW: u8 = 6;
const CODE_UNANSWERED: u8 = 7;
/// Bytes of packed answers for a bank version's positions (three bits each).
fn answer_bytes(positions: usize) -> usize {
    (positions * 3).div_ceil(8)
}

/// What a share link carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedAssessment {
    pub name: String,
    pub bank_version: u32,
    /// Midnight UTC of the day it was completed.
    pub completed_ms: u64,
    pub answers: Answers,
}

/// Why a link could not be opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareError {
    /// Damaged or truncated (often: the link was cut when it was pasted).
    Damaged,
    /// Made by a newer Rapport.
    Newer,
    /// Made for a question bank this build does not have.
    OtherBank,
}

/// The payload for one completed assessment of `account`.
pub fn encode(account: &AccountRecord, record: &AssessmentRecord) -> String {
    let day = record.completed_ms.unwrap_or(record.updated_ms) / MS_PER_DAY;
    let mut bytes = vec![
        SHARE_VERSION,
        u8::try_from(record.bank_version).unwrap_or(u8::MAX),
    ];
    bytes.extend_from_slice(&u16::try_from(day).unwrap_or(u16::MAX).to_be_bytes());
    let positions = answer_count(record.bank_version).unwrap_or(ANSWER_ORDER.len());
    let mut packed = vec![0u8; answer_bytes(positions)];
    for (i, id) in ANSWER_ORDER[..positions].iter().enumerate() {
        let code = match record.answers.get(id) {
            Some(Choice::Option(n)) if n < CODE_DONT_KNOW => n,
            Some(Choice::DontKnow) => CODE_DONT_KNOW,
            _ => CODE_UNANSWERED,
        };
        for bit in 0..3 {
            if code & (1 << bit) != 0 {
                let at = i * 3 + bit;
                packed[at / 8] |= 1 << (at % 8);
            }
        }
    }
    bytes.extend_from_slice(&packed);
    bytes.extend_from_slice(account.name.as_bytes());
    base64url(&bytes)
}

/// Reads a payload and checks it against `bank` completely: every answer must be an option the
/// question offers, the name a valid account name.
pub fn decode(payload: &str, bank: &Bank) -> Result<SharedAssessment, ShareError> {
    if payload.len() > MAX_PAYLOAD_CHARS {
        return Err(ShareError::Damaged);
    }
    let bytes = from_base64url(payload).ok_or(ShareError::Damaged)?;
    let (&version, rest) = bytes.split_first().ok_or(ShareError::Damaged)?;
    if version > SHARE_VERSION {
        return Err(ShareError::Newer);
    }
    if version != SHARE_VERSION || rest.len() < 3 {
        return Err(ShareError::Damaged);
    }
    // Links made with an earlier questionnaire still open: their answers carry over.
    let bank_version = u32::from(rest[0]);
    if bank_version > bank.version {
        return Err(ShareError::OtherBank);
    }
    let positions = answer_count(bank_version).ok_or(ShareError::Damaged)?;
    let bytes_needed = answer_bytes(positions);
    if rest.len() < 3 + bytes_needed {
        return Err(ShareError::Damaged);
    }
    let day = u64::from(u16::from_be_bytes([rest[1], rest[2]]));
    let packed = &rest[3..3 + bytes_needed];
    let mut answers = Answers::new();
    for (i, id) in ANSWER_ORDER[..positions].iter().enumerate() {
        let code = (0..3).fold(0u8, |code, bit| {
            let at = i * 3 + bit;
            code | (((packed[at / 8] >> (at % 8)) & 1) << bit)
        });
        match code {
            CODE_UNANSWERED => {}
            CODE_DONT_KNOW => answers.set(id, Choice::DontKnow),
            n => answers.set(id, Choice::Option(n)),
        }
    }
    if !answers.invalid_entries(bank).is_empty() {
        return Err(ShareError::Damaged);
    }
    let name = std::str::from_utf8(&rest[3 + bytes_needed..]).map_err(|_| ShareError::Damaged)?;
    let name = clean_text(name, MAX_NAME_CHARS).map_err(|_| ShareError::Damaged)?;
    if name.is_empty() {
        return Err(ShareError::Damaged);
    }
    Ok(SharedAssessment {
        name,
        bank_version,
        completed_ms: day * MS_PER_DAY,
        answers,
    })
}

impl SharedAssessment {
    /// As an assessment record (for the read-only results view and for saving).
    pub fn record(&self, assessment_id: &AssessmentId) -> AssessmentRecord {
        AssessmentRecord {
            id: assessment_id.clone(),
            bank_version: self.bank_version,
            assessor: String::new(),
            started_ms: self.completed_ms,
            updated_ms: self.completed_ms,
            completed_ms: Some(self.completed_ms),
            answers: self.answers.clone(),
            notes: Default::default(),
            cursor: Cursor::default(),
        }
    }

    /// A new account holding this assessment, for "save to my accounts".
    pub fn into_account(
        self,
        account_id: &AccountId,
        assessment_id: &AssessmentId,
        now_ms: u64,
    ) -> AccountRecord {
        AccountRecord {
            v: RECORD_VERSION,
            id: account_id.clone(),
            assessments: vec![self.record(assessment_id)],
            name: self.name,
            industry: String::new(),
            tags: Vec::new(),
            created_ms: now_ms,
        }
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding (RFC 4648 §5): safe in a URL fragment as is.
fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

fn from_base64url(text: &str) -> Option<Vec<u8>> {
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            let v = u32::try_from(ALPHABET.iter().position(|a| a == c)?).ok()?;
            n |= v << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            // The low byte of each shift: truncation is the point.
            #[expect(clippy::cast_possible_truncation, reason = "extracts one byte")]
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::model::bank::bank;
    use crate::engine::model::record::NewAccount;
    use crate::engine::scoring::summarize;
    use proptest::prelude::*;

    fn completed(name: &str) -> AccountRecord {
        let bank = bank();
        let input = NewAccount {
            name: name.into(),
            tags: "secret-tag".into(),
            ..Default::default()
        };
        let mut account =
            AccountRecord::start(&"a1".into(), &"s1".into(), &input, bank, 1_790_000_000_000)
                .unwrap();
        let mut i = 0;
        for q in &bank.questions {
            i += 1;
            let choice = match i % 9 {
                0 => None,
                1 => Some(Choice::DontKnow),
                n => Some(Choice::option(n % q.options.len())),
            };
            account
                .answer(bank, &q.id, choice, 1_790_000_000_000)
                .unwrap();
        }
        account
            .set_note(bank, &bank.questions[0].id, "confidential", 1)
            .unwrap();
        account.finish(1_795_000_000_000).unwrap();
        account
    }

    #[test]
    fn a_link_carries_name_date_and_answers_and_scores_the_same() {
        for name in [
            "Acme",
            "上海精密部件有限公司 <b>&amp;</b>",
            &"长".repeat(MAX_NAME_CHARS),
        ] {
            let account = completed(name);
            let record = &account.assessments[0];
            let payload = encode(&account, record);
            assert!(payload.len() <= MAX_PAYLOAD_CHARS, "{}", payload.len());
            assert!(payload
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
            let shared = decode(&payload, bank()).unwrap();
            assert_eq!(shared.name, name);
            assert_eq!(shared.answers, record.answers);
            assert_eq!(
                crate::engine::text::explain::date(shared.completed_ms),
                crate::engine::text::explain::date(1_795_000_000_000)
            );
            assert_eq!(
                summarize(bank(), &shared.answers),
                summarize(bank(), &record.answers)
            );
            let saved = shared.into_account(&"b1".into(), &"t1".into(), 5);
            assert!(
                saved.tags.is_empty() && saved.assessments[0].notes.is_empty(),
                "private fields stay home"
            );
            assert!(!saved.assessments[0].is_draft());
        }
        assert!(encode(&completed("Acme"), &completed("Acme").assessments[0]).len() < 60);
    }

    #[test]
    fn damaged_newer_and_foreign_links_are_refused() {
        let account = completed("Acme");
        let payload = encode(&account, &account.assessments[0]);
        assert_eq!(
            decode(&payload[..payload.len() - 10], bank()),
            Err(ShareError::Damaged)
        );
        assert_eq!(decode("", bank()), Err(ShareError::Damaged));
        assert_eq!(decode("!!!!", bank()), Err(ShareError::Damaged));
        let mut bytes = from_base64url(&payload).unwrap();
        bytes[0] = 9;
        assert_eq!(decode(&base64url(&bytes), bank()), Err(ShareError::Newer));
        bytes[0] = SHARE_VERSION;
        bytes[1] = 42;
        assert_eq!(
            decode(&base64url(&bytes), bank()),
            Err(ShareError::OtherBank)
        );
        // Option 5 of a question that has five options (0–4).
        let mut bytes = from_base64url(&payload).unwrap();
        bytes[4] = (bytes[4] & !0b111) | 5;
        assert_eq!(decode(&base64url(&bytes), bank()), Err(ShareError::Damaged));
    }

    /// A link made by the build before bank version 2 (fixture written by that build).
    #[test]
    fn a_link_made_with_questionnaire_v1_still_opens_with_its_answers() {
        let link = include_str!("../../../tests/fixtures/share/bank-v1-link.txt").trim();
        let shared = decode(link, bank()).expect("a v1 link opens");
        assert_eq!(shared.bank_version, 1);
        let stored = crate::engine::storage::schema::decode_account(include_str!(
            "../../../tests/fixtures/storage/v2-account.json"
        ))
        .unwrap()
        .account;
        let record = stored
            .assessments
            .iter()
            .find(|a| a.completed_ms.is_some())
            .unwrap();
        assert_eq!(shared.answers, record.answers);
        assert_eq!(shared.name, stored.name);
        // Unchanged questions carry over; reworded and new ones are unanswered.
        let retired = crate::engine::storage::schema::RETIRED
            .iter()
            .filter(|(id, _)| record.answers.get(id).is_some())
            .count();
        assert!(retired > 0, "the fixture answers questions v2 reworded");
        assert_eq!(
            shared.answers.answered_in(bank()),
            record.answers.len() - retired
        );
    }

    #[test]
    fn base64url_round_trips() {
        for len in 0..20 {
            let bytes: Vec<u8> = (0..len)
                .map(|i: u32| (i * 37 + 11).to_le_bytes()[0])
                .collect();
            assert_eq!(from_base64url(&base64url(&bytes)).unwrap(), bytes);
        }
    }

    proptest! {
        #[test]
        fn arbitrary_payloads_never_panic(text in ".{0,300}") {
            let _ = decode(&text, bank());
        }

        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let _ = decode(&base64url(&bytes), bank());
        }
    }
}
