//! The user's answers: for each question, an option or "don't know / not applicable".

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::engine::model::bank::{Bank, Question};
use crate::engine::storage::schema::{ANSWER_ORDER, RETIRED};

/// One answer. Stored as the option's index (in the bank's ascending order) or `"dk"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// The option at this index.
    Option(u8),
    /// Don't know / not applicable: left out of every score, never counted as 0.
    DontKnow,
}

impl Choice {
    /// The option at `index`; an index past 255 (never a real option) becomes 255, which every
    /// validation against the bank then refuses.
    pub fn option<I: TryInto<u8>>(index: I) -> Choice {
        Choice::Option(index.try_into().unwrap_or(u8::MAX))
    }
}

impl Serialize for Choice {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Choice::Option(i) => s.serialize_u8(*i),
            Choice::DontKnow => s.serialize_str("dk"),
        }
    }
}

impl<'de> Deserialize<'de> for Choice {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Index(u8),
            Text(String),
        }
        match Raw::deserialize(d)? {
            Raw::Index(i) => Ok(Choice::Option(i)),
            Raw::Text(t) if t == "dk" => Ok(Choice::DontKnow),
            Raw::Text(t) => Err(serde::de::Error::custom(format!("unknown answer {t:?}"))),
        }
    }
}

/// Answers by question id. Questions not in the map are unanswered.
/// Answers to the questions of [`ANSWER_ORDER`], by position; `None` is unanswered.
/// Stored compactly: see [`crate::engine::storage::schema::encode_answers`]. (A fixed-position list rather
/// than a map keyed by id: the order is frozen anyway, and a map's code is a few KB of wasm.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answers(Vec<Option<Choice>>);

impl Default for Answers {
    fn default() -> Self {
        Answers(vec![None; ANSWER_ORDER.len()])
    }
}

/// The frozen position of `question_id` in [`ANSWER_ORDER`].
pub fn position(question_id: &str) -> Option<usize> {
    ANSWER_ORDER.iter().position(|id| *id == question_id)
}

/// Whether `question_id` can be answered (has a position in [`ANSWER_ORDER`]).
pub fn is_known(question_id: &str) -> bool {
    position(question_id).is_some()
}

impl Answers {
    /// No answers.
    pub fn new() -> Self {
        Self::default()
    }

    /// The answer to `question_id`, if any.
    pub fn get(&self, question_id: &str) -> Option<Choice> {
        self.0[position(question_id)?]
    }

    /// Records an answer. A question id with no position in [`ANSWER_ORDER`] is not recorded
    /// (see [`is_known`]); callers check ids against the bank first.
    pub fn set(&mut self, question_id: &str, choice: Choice) {
        if let Some(i) = position(question_id) {
            self.0[i] = Some(choice);
        }
    }

    /// The answer at a position of [`ANSWER_ORDER`].
    pub fn at(&self, position: usize) -> Option<Choice> {
        self.0.get(position).copied().flatten()
    }

    /// Sets (or with `None` clears) the answer at a position of [`ANSWER_ORDER`].
    pub fn set_at(&mut self, position: usize, choice: Option<Choice>) {
        if let Some(slot) = self.0.get_mut(position) {
            *slot = choice;
        }
    }

    /// Removes an answer.
    pub fn clear(&mut self, question_id: &str) {
        if let Some(i) = position(question_id) {
            self.0[i] = None;
        }
    }

    /// Every recorded answer, in question order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, Choice)> + '_ {
        ANSWER_ORDER
            .iter()
            .zip(&self.0)
            .filter_map(|(id, c)| c.map(|c| (*id, c)))
    }

    /// How many questions have any answer (including "don't know").
    pub fn len(&self) -> usize {
        self.0.iter().flatten().count()
    }

    /// Whether nothing is answered.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Answers naming a question the bank does not have (nor an earlier bank, see
    /// [`RETIRED`]) or an option it does not offer.
    pub fn invalid_entries(&self, bank: &Bank) -> Vec<String> {
        self.iter()
            .filter(|(id, choice)| {
                let options = bank
                    .question(id)
                    .map(|q| q.options.len())
                    .or_else(|| RETIRED.iter().find(|(r, _)| r == id).map(|(_, n)| *n));
                match (options, choice) {
                    (None, _) => true,
                    (Some(n), Choice::Option(i)) => usize::from(*i) >= n,
                    (Some(_), Choice::DontKnow) => false,
                }
            })
            .map(|(id, _)| id.to_owned())
            .collect()
    }

    /// How many of the current bank's questions these answers answer (including "don't
    /// know"): for an assessment made with an earlier bank, the answers carried over.
    pub fn answered_in(&self, bank: &Bank) -> usize {
        bank.questions
            .iter()
            .filter(|q| self.get(&q.id).is_some())
            .count()
    }

    /// Answers every question of `bank` with the option `pick` chooses (test and fixture helper).
    pub fn from_fn(bank: &Bank, mut pick: impl FnMut(&Question) -> Option<Choice>) -> Answers {
        let mut answers = Answers::new();
        for q in &bank.questions {
            if let Some(choice) = pick(q) {
                answers.set(&q.id, choice);
            }
        }
        answers
    }
}

/// The score an answer carries, or `None` for "don't know" and unanswered questions.
pub fn score_of(question: &Question, choice: Option<Choice>) -> Option<u8> {
    match choice? {
        Choice::Option(i) => question.options.get(usize::from(i)).map(|o| o.score),
        // "Don't know whether anyone watches" means nobody does (the monitoring question).
        Choice::DontKnow if question.dont_know_is_lowest => {
            question.options.first().map(|o| o.score)
        }
        Choice::DontKnow => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::model::bank::bank;

    #[test]
    fn choices_read_and_write_as_index_or_dk() {
        let choices = [Choice::Option(3), Choice::DontKnow];
        let json = serde_json::to_string(&choices).unwrap();
        assert_eq!(json, r#"[3,"dk"]"#);
        assert_eq!(serde_json::from_str::<[Choice; 2]>(&json).unwrap(), choices);
        assert!(serde_json::from_str::<Choice>(r#""maybe""#).is_err());
        assert!(serde_json::from_str::<Choice>("-1").is_err());
    }

    #[test]
    fn invalid_entries_are_found_and_unknown_ids_are_not_recorded() {
        let bank = bank();
        let mut a = Answers::new();
        a.set(&bank.questions[0].id, Choice::Option(1));
        a.set(&bank.questions[1].id, Choice::Option(9));
        assert!(!is_known("no_such_question"));
        a.set("no_such_question", Choice::DontKnow);
        assert_eq!(a.len(), 2);
        assert_eq!(a.invalid_entries(bank), vec![bank.questions[1].id.clone()]);
        a.clear(&bank.questions[1].id);
        assert_eq!(
            a.iter().collect::<Vec<_>>(),
            [(bank.questions[0].id.as_str(), Choice::Option(1))]
        );
    }

    #[test]
    fn dont_know_and_unanswered_have_no_score() {
        let q = &bank().questions[0];
        assert_eq!(score_of(q, None), None);
        assert_eq!(score_of(q, Some(Choice::DontKnow)), None);
        assert_eq!(score_of(q, Some(Choice::Option(0))), Some(0));
        assert_eq!(score_of(q, Some(Choice::Option(99))), None);
    }
}
