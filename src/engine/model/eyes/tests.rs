use super::*;
use crate::engine::model::bank::bank;
use crate::engine::model::ids::{AccountId, AssessmentId};
use crate::engine::model::record::NewAccount;

fn account() -> AccountRecord {
    let input = NewAccount {
        name: "J-province railway telecom".into(),
        ..NewAccount::default()
    };
    AccountRecord::start(
        &AccountId::from("acc1"),
        &AssessmentId::from("as1"),
        &input,
        bank(),
        1_000,
    )
    .unwrap()
}

fn response(id: &str, invitation: &str, kind: Kind) -> Response {
    let positions = kind.positions(match kind {
        Kind::Customer => CUSTOMER_VERSION,
        Kind::Colleague => 2,
    });
    let mut choices = vec![None; positions.unwrap()];
    choices[0] = Some(Choice::Option(1));
    choices[1] = Some(Choice::DontKnow);
    Response {
        id: id.into(),
        invitation: invitation.into(),
        kind,
        version: if kind == Kind::Customer { 1 } else { 2 },
        answered_ms: 20_000 * 86_400_000,
        name: "Ms Li, operations".into(),
        answers: encode_choices(&choices),
        against: String::new(),
        role: None,
        attached_ms: 0,
    }
}

#[test]
fn answers_are_stored_one_character_each_and_read_back() {
    let choices = vec![
        Some(Choice::Option(0)),
        Some(Choice::Option(6)),
        Some(Choice::Option(13)),
        Some(Choice::DontKnow),
        None,
    ];
    let text = encode_choices(&choices);
    assert_eq!(text, "06d?-");
    assert_eq!(decode_choices(&text, 5), Some(choices));
    // Wrong length, an unknown character, upper case: not answers.
    assert_eq!(decode_choices("06d?", 5), None);
    assert_eq!(decode_choices("06d?!", 5), None);
    assert_eq!(decode_choices("06D?-", 5), None);
}

#[test]
fn a_response_attaches_once_to_its_own_invitation() {
    let mut a = account();
    a.invite(
        "inv1",
        Kind::Customer,
        Lang::Zh,
        "Acme Switching",
        "Ms Li",
        2_000,
    )
    .unwrap();
    a.invite("inv2", Kind::Colleague, Lang::En, "", "", 2_001)
        .unwrap();
    assert_eq!(
        a.invite("inv1", Kind::Customer, Lang::En, "", "", 2_002),
        Err(EditError::UnknownAnswer),
        "an id is used once"
    );
    let r = response("r1", "inv1", Kind::Customer);
    assert_eq!(
        a.attach(&response("r0", "nope", Kind::Customer), 3_000),
        Err(AttachError::UnknownInvitation)
    );
    assert_eq!(
        a.attach(&response("r9", "inv2", Kind::Customer), 3_000),
        Err(AttachError::WrongKind),
        "a customer answer to a colleague's invitation"
    );
    a.attach(&r, 3_000).unwrap();
    assert_eq!(a.attach(&r, 3_001), Err(AttachError::Duplicate));
    assert_eq!(a.responses.len(), 1);
    assert_eq!(a.responses[0].attached_ms, 3_000);
    assert_eq!(
        a.responses[0].against, "",
        "only a draft: nothing to compare with yet"
    );
    assert!(a.responses[0].check_stored().is_ok());
}

#[test]
fn a_colleague_response_reads_as_an_assessment() {
    let r = response("r2", "inv2", Kind::Colleague);
    let answers = r.colleague_answers().unwrap();
    assert_eq!(answers.at(0), Some(Choice::Option(1)));
    assert_eq!(answers.at(1), Some(Choice::DontKnow));
    assert_eq!(answers.at(2), None);
    assert!(response("r3", "inv1", Kind::Customer)
        .colleague_answers()
        .is_none());
}

#[test]
fn stored_responses_and_invitations_are_checked() {
    let mut r = response("r1", "inv1", Kind::Customer);
    r.answers.push('0');
    assert!(r.check_stored().is_err(), "one answer too many");
    let mut r = response("r1", "inv1", Kind::Customer);
    r.version = 9;
    assert!(r.check_stored().is_err(), "an unknown questionnaire");
    let mut r = response("r1", "inv1", Kind::Customer);
    r.name = "  padded ".into();
    assert!(r.check_stored().is_err());
    let inv = Invitation {
        id: "bad id".into(),
        kind: Kind::Customer,
        lang: Lang::En,
        shown: String::new(),
        sent_to: String::new(),
        created_ms: 1,
        updated_ms: 1,
    };
    assert!(inv.check_stored().is_err());
}

#[test]
fn two_copies_that_each_attached_a_response_keep_both() {
    let mut a = account();
    a.invite("inv1", Kind::Customer, Lang::En, "", "", 2_000)
        .unwrap();
    let mut b = a.clone();
    a.attach(&response("r1", "inv1", Kind::Customer), 3_000)
        .unwrap();
    b.attach(&response("r2", "inv1", Kind::Customer), 3_001)
        .unwrap();
    let ab = crate::engine::model::merge::merge(&a, &b);
    let ba = crate::engine::model::merge::merge(&b, &a);
    assert_eq!(ab.responses, ba.responses);
    assert_eq!(ab.responses.len(), 2);
    // A removal in one copy stays removed when the other, still holding it, merges in.
    let mut removed = ab.clone();
    removed.response_list().remove("r1", 4_000).unwrap();
    let merged = crate::engine::model::merge::merge(&removed, &ab);
    assert_eq!(
        merged
            .responses
            .iter()
            .map(|r| r.id.as_str())
            .collect::<Vec<_>>(),
        ["r2"]
    );
}

#[test]
fn a_respondent_draft_reads_back_or_not_at_all() {
    let draft = RespondDraft {
        answers: "12?-".into(),
        name: "Li".into(),
    };
    let json = serde_json::to_string(&draft).unwrap();
    let (choices, name) = RespondDraft::read(&json, 4).unwrap();
    assert_eq!(encode_choices(&choices), "12?-");
    assert_eq!(name, "Li");
    assert_eq!(
        RespondDraft::read(&json, 5),
        None,
        "another questionnaire's draft"
    );
    assert_eq!(RespondDraft::read("{\"answers\":1}", 4), None);
}
