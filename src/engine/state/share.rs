//! Share links: one completed assessment packed into the URL *fragment* (`#/shared/<payload>`), so
//! it never reaches a server. The payload is versioned and compact: 3 bits per answer, the date
//! in days and the account name, base64url-encoded (≈ 60 characters plus the name).
//!
//! Only the account name, the completion date and the answers travel. Notes, industry, tags and
//! the assessor's name stay on the device: notes are free text that is often confidential, and a
//! link is easily forwarded further than intended.
//!
//! Version 2 (written since 2026-12) ends with a CRC-32 of everything before it and carries the
//! name's length, so a link cut short or changed by even one character is refused with the reason
//! — never shown with a cut name or other figures. CRC-32 is an integrity check against accidents
//! (chat apps, copy and paste), not a signature: the link is not a secret and not authenticated.
//! Version 1 links (no check) still open, marked as unverifiable.

use crate::engine::model::answers::{Answers, Choice};
use crate::engine::model::bank::Bank;
use crate::engine::model::ids::{AccountId, AssessmentId};
use crate::engine::model::record::{
    clean_text, AccountRecord, AssessmentRecord, Cursor, MAX_NAME_CHARS, RECORD_VERSION,
};
use crate::engine::storage::checksum::crc32;
use crate::engine::storage::schema::{answer_count, ANSWER_ORDER};

/// The payload format this build writes; it also reads version 1.
pub const SHARE_VERSION: u8 = 2;
/// Longest payload accepted (a name of 120 Chinese characters needs about 560).
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
    /// False for a version-1 link, which carries no integrity check.
    pub verified: bool,
}

/// Why a link could not be opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareError {
    /// Shorter than it says it is: cut when it was copied or pasted.
    CutShort,
    /// Its content does not match its check: a character changed, added or removed.
    Changed,
    /// Made by a newer Rapport.
    Newer,
    /// Made with a newer questionnaire than this build has.
    OtherBank,
}

/// What chat apps and sentences add around a link: whitespace, and trailing punctuation that is
/// never part of a payload (the base64url alphabet has none of it).
pub(crate) fn trim_link(payload: &str) -> &str {
    payload
        .trim()
        .trim_end_matches([
            '.', ',', ';', ':', '!', '?', ')', ']', '}', '>', '\'', '"', '。', '，', '；', '：',
            '！', '？', '）', '」', '》',
        ])
        .trim_start_matches(['<', '(', '['])
}

/// The payload for one completed assessment of `account`.
pub fn encode(account: &AccountRecord, record: &AssessmentRecord) -> String {
    let day = record.completed_ms.unwrap_or(record.updated_ms) / MS_PER_DAY;
    let name = account.name.as_bytes();
    let mut bytes = vec![
        SHARE_VERSION,
        u8::try_from(record.bank_version).unwrap_or(u8::MAX),
    ];
    bytes.extend_from_slice(&u16::try_from(day).unwrap_or(u16::MAX).to_be_bytes());
    bytes.extend_from_slice(&u16::try_from(name.len()).unwrap_or(u16::MAX).to_be_bytes());
    bytes.extend_from_slice(&pack(&record.answers, record.bank_version));
    bytes.extend_from_slice(name);
    let check = crc32(&bytes);
    bytes.extend_from_slice(&check.to_be_bytes());
    base64url(&bytes)
}

/// Answers at a bank version's positions, three bits each.
fn pack(answers: &Answers, bank_version: u32) -> Vec<u8> {
    let positions = answer_count(bank_version).unwrap_or(ANSWER_ORDER.len());
    let mut packed = vec![0u8; answer_bytes(positions)];
    for (i, id) in ANSWER_ORDER[..positions].iter().enumerate() {
        let code = match answers.get(id) {
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
    packed
}

/// Reads packed answers (codes that name no option are checked against the bank afterwards).
fn unpack(packed: &[u8], positions: usize) -> Answers {
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
    answers
}

/// Reads a payload and checks it against `bank` completely: the integrity check (version 2),
/// every answer an option the question offers, the name a valid account name. Whitespace and
/// trailing punctuation around the link are ignored.
pub fn decode(payload: &str, bank: &Bank) -> Result<SharedAssessment, ShareError> {
    let payload = trim_link(payload);
    if payload.len() > MAX_PAYLOAD_CHARS * 2 || !payload.is_ascii() {
        return Err(ShareError::Changed);
    }
    let Some(bytes) = from_base64url(payload) else {
        // Not valid base64url. A character outside its alphabet means the link was changed.
        // Otherwise its end is not a whole encoding: decode the whole chunks before it and let
        // the declared length say whether the link was cut or had characters added.
        if !payload.bytes().all(|b| ALPHABET.contains(&b)) {
            return Err(ShareError::Changed);
        }
        let whole = payload.len() / 4 * 4;
        let prefix = from_base64url(&payload[..whole]).unwrap_or_default();
        return Err(match prefix.split_first() {
            Some((2, rest)) => match v2_length(rest) {
                Some(n) if prefix.len() >= n => ShareError::Changed,
                _ => ShareError::CutShort,
            },
            _ => ShareError::CutShort,
        });
    };
    let (&version, rest) = bytes.split_first().ok_or(ShareError::CutShort)?;
    match version {
        1 => decode_body(rest, bank, None),
        2 => {
            // The declared name length tells a cut link from a changed one.
            match v2_length(rest) {
                Some(n) if bytes.len() < n => return Err(ShareError::CutShort),
                Some(n) if bytes.len() > n => return Err(ShareError::Changed),
                None if bytes.len() < 1 + 5 + 4 => return Err(ShareError::CutShort),
                _ => {}
            }
            let (body, check) = bytes.split_at(bytes.len() - 4);
            if crc32(body).to_be_bytes() != check {
                return Err(ShareError::Changed);
            }
            let name_len = usize::from(u16::from_be_bytes([body[4], body[5]]));
            let mut inner = body[1..].to_vec();
            inner.drain(3..5);
            decode_body(&inner, bank, Some(name_len))
        }
        v if v > SHARE_VERSION => Err(ShareError::Newer),
        _ => Err(ShareError::Changed),
    }
}

/// The whole length a version-2 payload declares, from the bytes after its version byte.
fn v2_length(rest: &[u8]) -> Option<usize> {
    let positions = answer_count(u32::from(*rest.first()?))?;
    let name_len = usize::from(u16::from_be_bytes([*rest.get(3)?, *rest.get(4)?]));
    Some(1 + 5 + answer_bytes(positions) + name_len + 4)
}

/// The part after the version byte, without v2's name length: bank version, day, answers, name.
fn decode_body(
    rest: &[u8],
    bank: &Bank,
    name_len: Option<usize>,
) -> Result<SharedAssessment, ShareError> {
    let verified = name_len.is_some();
    let damaged = if verified {
        ShareError::Changed
    } else {
        // Without a check, the commonest damage to a v1 link is losing its end.
        ShareError::CutShort
    };
    if rest.len() < 3 {
        return Err(ShareError::CutShort);
    }
    let bank_version = u32::from(rest[0]);
    if bank_version > bank.version {
        return Err(ShareError::OtherBank);
    }
    let positions = answer_count(bank_version).ok_or(damaged)?;
    let bytes_needed = answer_bytes(positions);
    if rest.len() < 3 + bytes_needed {
        return Err(ShareError::CutShort);
    }
    let day = u64::from(u16::from_be_bytes([rest[1], rest[2]]));
    let answers = unpack(&rest[3..3 + bytes_needed], positions);
    if !answers.invalid_entries(bank).is_empty() {
        return Err(damaged);
    }
    let name_bytes = &rest[3 + bytes_needed..];
    if name_len.is_some_and(|n| n != name_bytes.len()) {
        return Err(ShareError::Changed);
    }
    let name = std::str::from_utf8(name_bytes).map_err(|_| damaged)?;
    let name = clean_text(name, MAX_NAME_CHARS).map_err(|_| damaged)?;
    if name.is_empty() {
        return Err(damaged);
    }
    Ok(SharedAssessment {
        name,
        bank_version,
        completed_ms: day * MS_PER_DAY,
        answers,
        verified,
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
            answered_at: Default::default(),
            noted_at: Default::default(),
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
            details_ms: 0,
            rev: String::new(),
            discarded: Default::default(),
            plan: Vec::new(),
            plan_removed: Default::default(),
            contacts: Vec::new(),
            contacts_removed: Default::default(),
            invitations: Vec::new(),
            invitations_removed: Default::default(),
            responses: Vec::new(),
            responses_removed: Default::default(),
        }
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding (RFC 4648 §5): safe in a URL fragment as is.
pub(crate) fn base64url(bytes: &[u8]) -> String {
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

pub(crate) fn from_base64url(text: &str) -> Option<Vec<u8>> {
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
        // Canonical only: the bits a short last chunk leaves over must be zero, so no two
        // payloads decode to the same bytes (a changed last character is caught).
        let unused = match chunk.len() {
            2 => n & 0xFFFF,
            3 => n & 0xFF,
            _ => 0,
        };
        if unused != 0 {
            return None;
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

    /// The account plan is the user's working document: a share link never carries it.
    #[test]
    fn a_share_link_is_the_same_with_or_without_a_plan() {
        use crate::engine::model::plan::PlanInput;
        let bank = crate::engine::model::bank::bank();
        let input = crate::engine::model::record::NewAccount {
            name: "Acme".into(),
            ..Default::default()
        };
        let mut a = AccountRecord::start(&"a".into(), &"s".into(), &input, bank, 1).unwrap();
        a.finish(2).unwrap();
        let before = encode(&a, &a.assessments[0]);
        let secret = PlanInput {
            title: "Confidential: price concession up to 4%".into(),
            ..Default::default()
        };
        a.add_plan_item("p1", &secret, "", None, 3).unwrap();
        assert_eq!(encode(&a, &a.assessments[0]), before);
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
    fn damaged_newer_and_foreign_links_are_refused_with_the_reason() {
        let account = completed("Acme Components");
        let payload = encode(&account, &account.assessments[0]);
        // Cut short by any number of characters: never opens, and says it was cut.
        for cut in 1..payload.len() {
            let got = decode(&payload[..payload.len() - cut], bank());
            assert!(
                matches!(got, Err(ShareError::CutShort | ShareError::Changed)),
                "cut {cut}: {got:?}"
            );
        }
        assert_eq!(
            decode(&payload[..payload.len() - 3], bank()),
            Err(ShareError::CutShort)
        );
        assert_eq!(decode("", bank()), Err(ShareError::CutShort));
        assert_eq!(decode("@@@@", bank()), Err(ShareError::Changed));
        // Standard base64 instead of base64url, and one character inserted.
        let standard = payload.replacen('A', "+", 1);
        if standard != payload {
            assert_eq!(decode(&standard, bank()), Err(ShareError::Changed));
        }
        let mut inserted = payload.clone();
        inserted.insert(payload.len() / 2, 'x');
        assert!(decode(&inserted, bank()).is_err());
        let mut bytes = from_base64url(&payload).unwrap();
        bytes[0] = 9;
        assert_eq!(decode(&base64url(&bytes), bank()), Err(ShareError::Newer));
        // A newer questionnaire, with a valid check.
        let mut body = from_base64url(&payload).unwrap();
        body.truncate(body.len() - 4);
        body[1] = 42;
        let check = crc32(&body);
        body.extend_from_slice(&check.to_be_bytes());
        assert_eq!(
            decode(&base64url(&body), bank()),
            Err(ShareError::OtherBank)
        );
    }

    #[test]
    fn what_chat_apps_add_around_a_link_is_ignored() {
        let account = completed("Acme");
        let payload = encode(&account, &account.assessments[0]);
        for wrapped in [
            format!("{payload}."),
            format!("{payload})"),
            format!("({payload})."),
            format!(" {payload}\n"),
            format!("<{payload}>"),
            format!("{payload}。"),
            format!("{payload}）"),
        ] {
            let shared = decode(&wrapped, bank()).unwrap_or_else(|e| panic!("{wrapped:?}: {e:?}"));
            assert!(shared.verified);
        }
    }

    proptest! {
        /// One character changed anywhere never opens with other content.
        #[test]
        fn a_changed_character_is_always_caught(at in 0usize..200, with in 0usize..64) {
            let account = completed("Acme Components");
            let payload = encode(&account, &account.assessments[0]);
            let at = at % payload.len();
            let mut chars: Vec<char> = payload.chars().collect();
            let replacement = char::from(ALPHABET[with]);
            prop_assume!(chars[at] != replacement);
            chars[at] = replacement;
            let changed: String = chars.into_iter().collect();
            prop_assert!(decode(&changed, bank()).is_err());
        }
    }

    /// A link made by the build before bank version 2 (fixture written by that build).
    #[test]
    fn a_link_made_with_questionnaire_v1_still_opens_with_its_answers() {
        let link = include_str!("../../../tests/fixtures/share/bank-v1-link.txt").trim();
        let shared = decode(link, bank()).expect("a v1 link opens");
        assert_eq!(shared.bank_version, 1);
        assert!(!shared.verified, "a v1 link has no check");
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
