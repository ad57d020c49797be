//! Invitation links and responses (issue 17), carried in URL fragments and short codes, so they
//! never reach a server: `#/respond/<invitation>` opens the questionnaire for the respondent,
//! `#/response/<response>` brings their answers back to the inviter.
//!
//! Both are one envelope, base64url: a tag byte (`I` or `R`), a format version, the body's
//! length and a CRC-32 of everything before it. The length tells a code cut short from one
//! changed; the check catches a changed character. Like share links, this is an integrity check
//! against accidents, not a signature, and not encryption (see ARCHITECTURE.md, "Other eyes",
//! for why responses are not sealed).
//!
//! An invitation carries its kind, its language, its id, the questionnaire version and the
//! name the user chose to show — nothing else of the account. A response carries the invitation
//! id, its own id, the day, the name and part in choosing suppliers the respondent gave
//! (optional) and the answers, four bits each.

use crate::engine::model::answers::Choice;
use crate::engine::model::bank::customer::CustomerSet;
use crate::engine::model::bank::Bank;
use crate::engine::model::eyes::{
    encode_choices, Invitation, Kind, RespondentRole, Response, MAX_RESPONDENT_CHARS,
    MAX_SHOWN_CHARS,
};
use crate::engine::model::record::{clean_text, is_valid_id};
use crate::engine::storage::checksum::crc32;
use crate::engine::text::lang::Lang;

use super::share::{base64url, from_base64url, trim_link};

/// The envelope version this build writes and reads.
pub const LINK_VERSION: u8 = 1;
const INVITATION_TAG: u8 = b'I';
const RESPONSE_TAG: u8 = b'R';
/// Longest code accepted, in characters (a response to the full bank with a long name is
/// about 200).
pub const MAX_CODE_CHARS: usize = 1024;
const MS_PER_DAY: u64 = 86_400_000;
const CODE_DONT_KNOW: u8 = 14;
const CODE_UNANSWERED: u8 = 15;

/// Why a link or code could not be read. Each names what the person can do about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkError {
    /// Shorter than it says it is: cut when copied.
    CutShort,
    /// A character changed, added or removed.
    Changed,
    /// Made by a newer Rapport.
    Newer,
    /// An invitation where a response was expected, or the other way round, or something else.
    NotThisKind,
    /// Answers a questionnaire version this build does not have.
    OtherQuestionnaire,
}

impl LinkError {
    /// The id of its message (`eyes.error.<id>`).
    pub fn id(self) -> &'static str {
        match self {
            LinkError::CutShort => "cut_short",
            LinkError::Changed => "changed",
            LinkError::Newer => "newer",
            LinkError::NotThisKind => "not_this_kind",
            LinkError::OtherQuestionnaire => "other_questionnaire",
        }
    }
}

fn seal(tag: u8, body: &[u8]) -> String {
    let mut bytes = vec![tag, LINK_VERSION];
    bytes.extend_from_slice(&u16::try_from(body.len()).unwrap_or(u16::MAX).to_be_bytes());
    bytes.extend_from_slice(body);
    let check = crc32(&bytes);
    bytes.extend_from_slice(&check.to_be_bytes());
    base64url(&bytes)
}

/// The part of `text` after its last `/`, if a whole link was pasted (base64url has no `/`),
/// so an invitation pasted where a response belongs is named as such.
fn payload_of(text: &str) -> &str {
    let text = trim_link(text);
    text.rfind('/').map_or(text, |at| &text[at + 1..])
}

fn open(text: &str, tag: u8) -> Result<Vec<u8>, LinkError> {
    let payload = trim_link(payload_of(text));
    if payload.is_empty() || payload.len() > MAX_CODE_CHARS || !payload.is_ascii() {
        return Err(if payload.is_empty() {
            LinkError::CutShort
        } else {
            LinkError::Changed
        });
    }
    let whole = payload.len() / 4 * 4;
    let bytes = match from_base64url(payload) {
        Some(bytes) => bytes,
        // Not whole: decode what is, and let the declared length say cut or changed.
        None => {
            let prefix = from_base64url(&payload[..whole]).ok_or(LinkError::Changed)?;
            return Err(match declared(&prefix) {
                Some(n) if prefix.len() >= n => LinkError::Changed,
                _ => LinkError::CutShort,
            });
        }
    };
    if bytes.first().is_some_and(|t| *t != tag) {
        return Err(LinkError::NotThisKind);
    }
    match bytes.get(1) {
        None => return Err(LinkError::CutShort),
        Some(v) if *v > LINK_VERSION => return Err(LinkError::Newer),
        Some(v) if *v != LINK_VERSION => return Err(LinkError::Changed),
        _ => {}
    }
    let n = declared(&bytes).ok_or(LinkError::CutShort)?;
    if bytes.len() < n {
        return Err(LinkError::CutShort);
    }
    if bytes.len() > n {
        return Err(LinkError::Changed);
    }
    let (content, check) = bytes.split_at(n - 4);
    if crc32(content).to_be_bytes() != check {
        return Err(LinkError::Changed);
    }
    Ok(content[4..].to_vec())
}

/// The whole length an envelope declares.
fn declared(bytes: &[u8]) -> Option<usize> {
    let len = u16::from_be_bytes([*bytes.get(2)?, *bytes.get(3)?]);
    Some(4 + usize::from(len) + 4)
}

/// Reads a body field by field; any shortfall is damage.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], LinkError> {
        if self.0.len() < n {
            return Err(LinkError::Changed);
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }
    fn byte(&mut self) -> Result<u8, LinkError> {
        Ok(self.take(1)?[0])
    }
    /// A length-prefixed UTF-8 text.
    fn text(&mut self) -> Result<&'a str, LinkError> {
        let n = usize::from(self.byte()?);
        std::str::from_utf8(self.take(n)?).map_err(|_| LinkError::Changed)
    }
}

/// A length-prefixed text (at most 255 bytes, cut at a character boundary).
fn push_text(out: &mut Vec<u8>, text: &str) {
    let mut end = text.len().min(255);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    out.push(u8::try_from(end).unwrap_or(u8::MAX));
    out.extend_from_slice(&text.as_bytes()[..end]);
}

fn lang_code(lang: Lang) -> u8 {
    match lang {
        Lang::En => 0,
        Lang::Zh => 1,
    }
}

/// What an invitation link tells the respondent's page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvitationLink {
    pub id: String,
    pub kind: Kind,
    pub lang: Lang,
    /// The questionnaire version to answer.
    pub version: u32,
    /// The name the inviter chose to show; may be empty.
    pub shown: String,
}

/// The payload of an invitation's link (after `#/respond/`).
pub fn encode_invitation(invitation: &Invitation, version: u32) -> String {
    let mut body = vec![
        invitation.kind.code(),
        lang_code(invitation.lang),
        u8::try_from(version).unwrap_or(u8::MAX),
    ];
    push_text(&mut body, &invitation.id);
    push_text(&mut body, &invitation.shown);
    seal(INVITATION_TAG, &body)
}

/// Reads an invitation link or its payload.
pub fn decode_invitation(text: &str) -> Result<InvitationLink, LinkError> {
    let body = open(text, INVITATION_TAG)?;
    let mut r = Reader(&body);
    let kind = Kind::from_code(r.byte()?).ok_or(LinkError::Changed)?;
    let lang = match r.byte()? {
        0 => Lang::En,
        1 => Lang::Zh,
        _ => return Err(LinkError::Changed),
    };
    let version = u32::from(r.byte()?);
    kind.positions(version)
        .ok_or(LinkError::OtherQuestionnaire)?;
    let id = r.text()?.to_owned();
    let shown = r.text()?;
    let shown = clean_text(shown, MAX_SHOWN_CHARS).map_err(|_| LinkError::Changed)?;
    if !is_valid_id(&id) || !r.0.is_empty() {
        return Err(LinkError::Changed);
    }
    Ok(InvitationLink {
        id,
        kind,
        lang,
        version,
        shown,
    })
}

/// The response code (also the payload after `#/response/`).
pub fn encode_response(response: &Response) -> String {
    let day = response.answered_ms / MS_PER_DAY;
    let mut body = vec![
        response.kind.code(),
        u8::try_from(response.version).unwrap_or(u8::MAX),
    ];
    body.extend_from_slice(&u16::try_from(day).unwrap_or(u16::MAX).to_be_bytes());
    push_text(&mut body, &response.invitation);
    push_text(&mut body, &response.id);
    push_text(&mut body, &response.name);
    body.push(RespondentRole::code(response.role));
    let choices = response.choices().unwrap_or_default();
    let mut packed = vec![0u8; choices.len().div_ceil(2)];
    for (i, choice) in choices.iter().enumerate() {
        let code = match choice {
            Some(Choice::Option(n)) if *n < CODE_DONT_KNOW => *n,
            Some(Choice::DontKnow) => CODE_DONT_KNOW,
            _ => CODE_UNANSWERED,
        };
        packed[i / 2] |= code << (4 * (i % 2));
    }
    body.extend_from_slice(&packed);
    seal(RESPONSE_TAG, &body)
}

/// Reads a response link, code or file text, and checks every answer against the questionnaire
/// it answers: the bank for a colleague, `customer` for a customer. The result is not attached
/// (`attached_ms` 0, no `against`).
pub fn decode_response(
    text: &str,
    bank: &Bank,
    customer: &CustomerSet,
) -> Result<Response, LinkError> {
    let body = open(text, RESPONSE_TAG)?;
    let mut r = Reader(&body);
    let kind = Kind::from_code(r.byte()?).ok_or(LinkError::Changed)?;
    let version = u32::from(r.byte()?);
    let positions = kind
        .positions(version)
        .ok_or(LinkError::OtherQuestionnaire)?;
    if kind == Kind::Colleague && version > bank.version {
        return Err(LinkError::OtherQuestionnaire);
    }
    let day = r.take(2)?;
    let day = u64::from(u16::from_be_bytes([day[0], day[1]]));
    let invitation = r.text()?.to_owned();
    let id = r.text()?.to_owned();
    let name = r.text()?;
    let name = clean_text(name, MAX_RESPONDENT_CHARS).map_err(|_| LinkError::Changed)?;
    let role = RespondentRole::from_code(r.byte()?).ok_or(LinkError::Changed)?;
    let packed = r.take(positions.div_ceil(2))?;
    if !r.0.is_empty() || !is_valid_id(&invitation) || !is_valid_id(&id) {
        return Err(LinkError::Changed);
    }
    let choices: Vec<Option<Choice>> = (0..positions)
        .map(|i| match (packed[i / 2] >> (4 * (i % 2))) & 0xF {
            CODE_UNANSWERED => None,
            CODE_DONT_KNOW => Some(Choice::DontKnow),
            n => Some(Choice::Option(n)),
        })
        .collect();
    let valid = match kind {
        Kind::Customer => choices.iter().enumerate().all(|(i, c)| match c {
            Some(Choice::Option(n)) => customer
                .at(i)
                .is_some_and(|q| usize::from(*n) < q.options.len()),
            _ => true,
        }),
        Kind::Colleague => {
            let mut answers = crate::engine::model::answers::Answers::new();
            for (i, c) in choices.iter().enumerate() {
                answers.set_at(i, *c);
            }
            answers.invalid_entries(bank).is_empty()
        }
    };
    // A cleared padding nibble and every answer an offered option, or the code was altered.
    let padding_clear = positions % 2 == 0 || packed[positions / 2] >> 4 == 0;
    if !valid || !padding_clear || choices.iter().all(Option::is_none) {
        return Err(LinkError::Changed);
    }
    Ok(Response {
        id,
        invitation,
        kind,
        version,
        answered_ms: day * MS_PER_DAY,
        name,
        answers: encode_choices(&choices),
        against: String::new(),
        role,
        attached_ms: 0,
    })
}

#[cfg(test)]
mod tests;
