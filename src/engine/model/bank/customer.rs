//! The customer-side questionnaire (issue 17): about twenty questions in the customer's own
//! words, each mirroring a figure of the key-account manager's assessment, so the two views can
//! be set side by side. It is data (`customer.json`, fetched by the screens that show it, whose
//! code is in the later module, so its parser is too), like the bank; its question ids are
//! frozen by position in [`CUSTOMER_ORDER`]. Like the bank it is validated by the host tests
//! ([`CustomerSet::problems`]), not on install: a one-language copy has blank other-language
//! texts by design.

use serde::{Deserialize, Deserializer};

use crate::engine::model::eyes::{CUSTOMER_ORDER, CUSTOMER_VERSION};
use crate::engine::model::ids::Dimension;
use crate::engine::text::bilingual::Text;
use crate::engine::text::installed::Installed;
use crate::engine::text::lang::{Lang, Langs};

/// Embedded on the host only; the browser fetches `customer.json`.
#[cfg(not(target_arch = "wasm32"))]
const CUSTOMER_JSON: &str = include_str!("customer.json");

static CUSTOMER: Installed<CustomerSet> = Installed::empty();

/// Installs the customer questionnaire from a copy carrying `langs`' texts.
pub fn install_customer(json: &str, langs: Langs) -> Result<(), String> {
    CUSTOMER.install(langs, || {
        serde_json::from_str(json).map_err(|e| format!("customer questionnaire: {e}"))
    })?;
    Ok(())
}

/// The installed customer questionnaire (on the host, the embedded copy).
pub fn customer_set() -> Option<&'static CustomerSet> {
    #[cfg(not(target_arch = "wasm32"))]
    if let Err(problem) = install_customer(CUSTOMER_JSON, Langs::ALL) {
        panic!("invalid embedded customer questionnaire: {problem}");
    }
    CUSTOMER.get().map(|(set, _)| set)
}

/// Whether it is installed with `lang`'s texts.
pub fn customer_covers(lang: Lang) -> bool {
    CUSTOMER.covers(lang)
}

/// The languages of the installed copy.
pub fn customer_langs() -> Langs {
    CUSTOMER.langs()
}

/// What a customer question measures, in the assessment's terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lens {
    /// One of the assessment's dimensions (a satisfaction lever, a guarantee, a loyalty type, a
    /// warning signal): compared with the KAM's score of it.
    Dimension(Dimension),
    /// How deep the customer sees the relationship: compared with the KAM's level.
    Level,
    /// How hard the customer finds leaving: compared with the switching-cost axis.
    SwitchingCost,
    /// Not scored: what would most likely make them leave.
    Reason,
}

impl Lens {
    /// The id in the data and in `data-gap`.
    pub fn id(self) -> String {
        match self {
            Lens::Dimension(d) => d.to_string(),
            Lens::Level => "level".into(),
            Lens::SwitchingCost => "switching_cost".into(),
            Lens::Reason => "reason".into(),
        }
    }

    fn parse(id: &str) -> Option<Lens> {
        match id {
            "level" => Some(Lens::Level),
            "switching_cost" => Some(Lens::SwitchingCost),
            "reason" => Some(Lens::Reason),
            _ => Dimension::parse(id).map(Lens::Dimension),
        }
    }
}

impl<'de> Deserialize<'de> for Lens {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let id = String::deserialize(d)?;
        Lens::parse(&id).ok_or_else(|| serde::de::Error::custom(format!("unknown lens {id:?}")))
    }
}

/// The customer questionnaire.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomerSet {
    pub version: u32,
    pub sections: Vec<CustomerSection>,
    pub questions: Vec<CustomerQuestion>,
}

/// A step of it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomerSection {
    pub id: String,
    pub title: Text,
    pub intro: Text,
}

/// One question, in the customer's words.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomerQuestion {
    pub id: String,
    pub section: String,
    pub dimension: Lens,
    pub prompt: Text,
    pub options: Vec<CustomerOption>,
}

/// One option: a score (ascending) for a scored question, or what it points to for the reason
/// question (a dimension id, or `none`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomerOption {
    #[serde(default)]
    pub score: Option<u8>,
    #[serde(default)]
    pub points_to: Option<String>,
    pub label: Text,
}

impl CustomerQuestion {
    /// The score an option carries (`None` for "can't say", unanswered or the reason question).
    pub fn score(&self, choice: Option<crate::engine::model::answers::Choice>) -> Option<u8> {
        match choice? {
            crate::engine::model::answers::Choice::Option(i) => {
                self.options.get(usize::from(i))?.score
            }
            crate::engine::model::answers::Choice::DontKnow => None,
        }
    }
}

impl CustomerQuestion {
    /// What a reason option points to (a dimension id or `none`).
    pub fn reason(&self, choice: Option<crate::engine::model::answers::Choice>) -> Option<String> {
        match choice? {
            crate::engine::model::answers::Choice::Option(i) => {
                self.options.get(usize::from(i))?.points_to.clone()
            }
            crate::engine::model::answers::Choice::DontKnow => None,
        }
    }
}

impl CustomerSet {
    /// Everything wrong with it (empty when valid): ids in [`CUSTOMER_ORDER`]'s order, known
    /// sections, ascending scores from 0 to 100 on scored questions, known targets on the
    /// reason question, no blank text.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.version != CUSTOMER_VERSION {
            problems.push(format!(
                "customer version {} is not {CUSTOMER_VERSION}",
                self.version
            ));
        }
        let ids: Vec<&str> = self.questions.iter().map(|q| q.id.as_str()).collect();
        if ids != CUSTOMER_ORDER {
            problems.push("customer question ids are not CUSTOMER_ORDER".into());
        }
        for s in &self.sections {
            if s.title.has_blank() || s.intro.has_blank() {
                problems.push(format!("customer section {}: blank text", s.id));
            }
        }
        for q in &self.questions {
            let problem = |what: &str| format!("customer question {}: {what}", q.id);
            if !self.sections.iter().any(|s| s.id == q.section) {
                problems.push(problem("unknown section"));
            }
            if q.prompt.has_blank() || q.options.iter().any(|o| o.label.has_blank()) {
                problems.push(problem("blank text"));
            }
            // Four bits a position in a response: fourteen options at most.
            if q.options.len() < 2 || q.options.len() > 14 {
                problems.push(problem("needs 2 to 14 options"));
            }
            if q.dimension == Lens::Reason {
                let known = |t: &str| t == "none" || Dimension::parse(t).is_some();
                if q.options
                    .iter()
                    .any(|o| o.score.is_some() || !o.points_to.as_deref().is_some_and(known))
                {
                    problems.push(problem(
                        "reason options need a known points_to and no score",
                    ));
                }
            } else {
                let scores: Vec<Option<u8>> = q.options.iter().map(|o| o.score).collect();
                let ascending = scores.windows(2).all(|w| w[0] < w[1]);
                if scores.first() != Some(&Some(0))
                    || scores.last() != Some(&Some(100))
                    || !ascending
                    || q.options.iter().any(|o| o.points_to.is_some())
                {
                    problems.push(problem("scores must ascend from 0 to 100"));
                }
            }
        }
        problems
    }

    /// The question at a position of [`CUSTOMER_ORDER`].
    pub fn at(&self, position: usize) -> Option<&CustomerQuestion> {
        self.questions.get(position)
    }
}
