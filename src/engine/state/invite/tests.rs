use super::*;
use crate::engine::model::bank::bank;
use crate::engine::model::eyes::{colleague_choices, CUSTOMER_ORDER, CUSTOMER_VERSION};
use crate::engine::model::scenarios::{answers_of, INCUMBENT_B};
use crate::engine::scoring::customer_set;

fn invitation(kind: Kind) -> Invitation {
    Invitation {
        id: "inv-7k2m9q".into(),
        kind,
        lang: Lang::Zh,
        shown: "华为技术".into(),
        sent_to: "Chen, finance — confidential note".into(),
        created_ms: 5,
        updated_ms: 5,
    }
}

fn customer_response() -> Response {
    let mut choices = vec![Some(Choice::Option(2)); CUSTOMER_ORDER.len()];
    choices[3] = Some(Choice::DontKnow);
    choices[16] = Some(Choice::Option(1));
    choices[19] = Some(Choice::Option(6));
    choices[5] = None;
    Response {
        id: "resp-x1".into(),
        invitation: "inv-7k2m9q".into(),
        kind: Kind::Customer,
        version: CUSTOMER_VERSION,
        answered_ms: 20_500 * 86_400_000,
        name: "李女士".into(),
        answers: encode_choices(&choices),
        against: String::new(),
        role: Some(crate::engine::model::eyes::RespondentRole::Uses),
        attached_ms: 0,
    }
}

fn decode(text: &str) -> Result<Response, LinkError> {
    decode_response(text, bank(), customer_set().unwrap())
}

#[test]
fn an_invitation_link_carries_only_kind_language_id_and_the_shown_name() {
    for (kind, version) in [(Kind::Customer, CUSTOMER_VERSION), (Kind::Colleague, 2)] {
        let payload = encode_invitation(&invitation(kind), version);
        let link =
            decode_invitation(&format!("https://example.org/app/#/respond/{payload}。")).unwrap();
        assert_eq!(
            link,
            InvitationLink {
                id: "inv-7k2m9q".into(),
                kind,
                lang: Lang::Zh,
                version,
                shown: "华为技术".into(),
            }
        );
        // The local note of whom it was sent to is not in the link, in any form.
        let bytes = from_base64url(&payload).unwrap();
        let note = b"Chen";
        assert!(!bytes.windows(note.len()).any(|w| w == note));
    }
    assert_eq!(
        decode_invitation(&encode_invitation(&invitation(Kind::Customer), 9)),
        Err(LinkError::OtherQuestionnaire)
    );
}

#[test]
fn responses_of_both_kinds_read_back_exactly() {
    let r = customer_response();
    let code = encode_response(&r);
    assert!(
        code.len() < 80,
        "a code short enough to paste: {}",
        code.len()
    );
    assert_eq!(decode(&code), Ok(r.clone()));
    assert_eq!(
        decode(&format!("  <https://x.example/#/response/{code}>. ")),
        Ok(r)
    );

    let answers = answers_of(bank(), INCUMBENT_B);
    let colleague = Response {
        kind: Kind::Colleague,
        version: bank().version,
        answers: encode_choices(&colleague_choices(&answers, bank().version)),
        name: String::new(),
        ..customer_response()
    };
    let code = encode_response(&colleague);
    assert_eq!(decode(&code), Ok(colleague.clone()));
    assert_eq!(decode(&code).unwrap().colleague_answers(), Some(answers));
}

#[test]
fn a_damaged_code_is_refused_with_its_reason() {
    let code = encode_response(&customer_response());
    assert_eq!(decode(&code[..code.len() - 6]), Err(LinkError::CutShort));
    assert_eq!(decode(&code[..5]), Err(LinkError::CutShort));
    assert_eq!(decode(""), Err(LinkError::CutShort));
    // Every single changed character is caught (never read as other answers).
    let alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for at in 0..code.len() {
        let original = code.as_bytes()[at] as char;
        let other = alphabet.chars().find(|c| *c != original).unwrap();
        let changed: String = code
            .chars()
            .enumerate()
            .map(|(i, c)| if i == at { other } else { c })
            .collect();
        assert!(decode(&changed).is_err(), "changed at {at}");
    }
    assert_eq!(decode(&format!("{code}AAAA")), Err(LinkError::Changed));
    assert_eq!(decode("not a code at all!"), Err(LinkError::Changed));
    // An invitation pasted where a response belongs.
    let invitation = encode_invitation(&invitation(Kind::Customer), 1);
    assert_eq!(decode(&invitation), Err(LinkError::NotThisKind));
    assert_eq!(
        decode(&format!("https://x.example/app/#/respond/{invitation}")),
        Err(LinkError::NotThisKind)
    );
    assert_eq!(decode_invitation(&code), Err(LinkError::NotThisKind));
}

#[test]
fn a_code_from_a_newer_rapport_or_with_impossible_answers_is_refused() {
    let code = encode_response(&customer_response());
    let mut bytes = from_base64url(&code).unwrap();
    bytes[1] = LINK_VERSION + 1;
    let n = bytes.len();
    let check = crc32(&bytes[..n - 4]).to_be_bytes();
    bytes[n - 4..].copy_from_slice(&check);
    assert_eq!(decode(&base64url(&bytes)), Err(LinkError::Newer));

    // A correctly sealed code whose answer names an option the question lacks.
    let mut r = customer_response();
    r.answers = r.answers.replacen('2', "9", 1);
    assert_eq!(decode(&encode_response(&r)), Err(LinkError::Changed));
}
