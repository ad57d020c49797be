//! The question bank: data (`bank.json`, embedded at build time), parsed once into typed structs.
//!
//! The bank is the questionnaire *and* the scoring input: each question names the DOMAIN.md
//! dimension it measures and each option its score (0–100, higher = healthier relationship;
//! for context questions, more reason to aim for a deeper level).

pub mod customer;

use std::collections::HashSet;

use serde::Deserialize;

use crate::engine::model::ids::{Dimension, Level};
use crate::engine::storage::json::Json;
use crate::engine::text::bilingual::Text;
use crate::engine::text::installed::Installed;
use crate::engine::text::lang::Langs;

/// The bank as shipped. The browser build does not embed it: it fetches `bank.json` when an
/// assessment is first needed (see `ui::data`), which keeps it out of the first load.
#[cfg(not(target_arch = "wasm32"))]
const BANK_JSON: &str = include_str!("bank.json");

/// The whole question bank.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bank {
    /// Bumped whenever a question's options change meaning, so stored answers can be migrated.
    pub version: u32,
    /// Sections in interview order.
    pub sections: Vec<Section>,
    /// Questions in interview order; each names its section.
    pub questions: Vec<Question>,
}

/// A step of the questionnaire.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    pub title: Text,
    /// Why these questions are asked, shown at the top of the step.
    pub intro: Text,
}

/// One question.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable id, used in stored answers, exports and `data-question`.
    pub id: String,
    /// The id of its section.
    pub section: String,
    /// What it measures.
    pub dimension: Dimension,
    /// Relative weight within its dimension (default 1).
    #[serde(default = "one")]
    pub weight: f64,
    pub prompt: Text,
    /// Guidance shown on demand: what to look for, where the evidence is.
    pub help: Text,
    /// Behaviourally anchored options, ascending by score.
    pub options: Vec<AnswerOption>,
    /// "Don't know" scores as the lowest option instead of being left out: for questions where
    /// not knowing *is* the answer (not knowing whether anyone watches the signals means nobody does).
    #[serde(default)]
    pub dont_know_is_lowest: bool,
}

fn one() -> f64 {
    1.0
}

impl Section {
    fn from_json(json: &Json, what: &str) -> Result<Section, String> {
        json.only(&["id", "title", "intro"], what)?;
        Ok(Section {
            id: json.string("id", what)?,
            title: Text::from_json(json.get("title"), &format!("{what}: title"))?,
            intro: Text::from_json(json.get("intro"), &format!("{what}: intro"))?,
        })
    }
}

impl Question {
    fn from_json(json: &Json, what: &str) -> Result<Question, String> {
        const FIELDS: &[&str] = &[
            "id",
            "section",
            "dimension",
            "weight",
            "prompt",
            "help",
            "options",
            "dont_know_is_lowest",
        ];
        let id = json.string("id", what)?;
        let what = format!("{what} ({id})");
        json.only(FIELDS, &what)?;
        let dimension = json.string("dimension", &what)?;
        let options = json
            .get("options")
            .ok_or(format!("{what}: options is missing"))?
            .items(&what)?
            .iter()
            .map(|o| AnswerOption::from_json(o, &what))
            .collect::<Result<_, _>>()?;
        Ok(Question {
            section: json.string("section", &what)?,
            dimension: Dimension::parse(&dimension)
                .ok_or(format!("{what}: unknown dimension id {dimension:?}"))?,
            weight: match json.get("weight") {
                None => one(),
                Some(w) => w
                    .as_f64()
                    .ok_or(format!("{what}: weight must be a number"))?,
            },
            prompt: Text::from_json(json.get("prompt"), &format!("{what}: prompt"))?,
            help: Text::from_json(json.get("help"), &format!("{what}: help"))?,
            options,
            dont_know_is_lowest: match json.get("dont_know_is_lowest") {
                None => false,
                Some(Json::Bool(b)) => *b,
                Some(_) => {
                    return Err(format!("{what}: dont_know_is_lowest must be true or false"))
                }
            },
            id,
        })
    }
}

impl AnswerOption {
    fn from_json(json: &Json, what: &str) -> Result<AnswerOption, String> {
        json.only(&["score", "label"], what)?;
        Ok(AnswerOption {
            score: json.get("score").and_then(Json::whole).ok_or(format!(
                "{what}: an option's score must be a whole number 0–255"
            ))?,
            label: Text::from_json(json.get("label"), &format!("{what}: option label"))?,
        })
    }
}

/// One anchored option: an observable situation and its score.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerOption {
    /// 0–100; higher is healthier (see module docs).
    pub score: u8,
    pub label: Text,
}

impl Bank {
    /// Decodes a parsed bank as the derived `Deserialize` would (unknown fields refused,
    /// `weight` 1 and `dont_know_is_lowest` false when absent; a host test holds the two to the
    /// same result), without serde's code: the browser parses the file with its own parser and
    /// the first load carries only this.
    pub fn from_json(json: &Json) -> Result<Bank, String> {
        json.only(&["version", "sections", "questions"], "bank")?;
        let version = json
            .get("version")
            .and_then(Json::whole)
            .ok_or("bank: version must be a whole number")?;
        let sections = json
            .get("sections")
            .ok_or("bank: sections is missing")?
            .items("bank: sections")?
            .iter()
            .enumerate()
            .map(|(i, s)| Section::from_json(s, &format!("section {}", i + 1)))
            .collect::<Result<_, _>>()?;
        let questions = json
            .get("questions")
            .ok_or("bank: questions is missing")?
            .items("bank: questions")?
            .iter()
            .enumerate()
            .map(|(i, q)| Question::from_json(q, &format!("question {}", i + 1)))
            .collect::<Result<_, _>>()?;
        Ok(Bank {
            version,
            sections,
            questions,
        })
    }

    /// Parses and validates a bank; every problem found is listed.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn parse(json: &str) -> Result<Bank, Vec<String>> {
        let bank = crate::engine::storage::json::parse(json)
            .and_then(|json| Bank::from_json(&json))
            .map_err(|e| vec![format!("bank.json: {e}")])?;
        let problems = bank.problems();
        if problems.is_empty() {
            Ok(bank)
        } else {
            Err(problems)
        }
    }

    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// The questions of one section, in order.
    pub fn section_questions<'a>(
        &'a self,
        section_id: &'a str,
    ) -> impl Iterator<Item = &'a Question> + 'a {
        self.questions
            .iter()
            .filter(move |q| q.section == section_id)
    }

    /// Everything wrong with the bank's content (empty when valid).
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut section_ids = HashSet::new();
        for section in &self.sections {
            if !section_ids.insert(section.id.as_str()) {
                problems.push(format!("section {}: duplicate id", section.id));
            }
            if section.title.has_blank() || section.intro.has_blank() {
                problems.push(format!("section {}: blank text", section.id));
            }
        }
        let mut question_ids = HashSet::new();
        for q in &self.questions {
            let at = format!("question {}", q.id);
            if q.id.is_empty()
                || !q
                    .id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            {
                problems.push(format!("{at}: id must be lowercase ascii, digits and _"));
            }
            if !question_ids.insert(q.id.as_str()) {
                problems.push(format!("{at}: duplicate id"));
            }
            if !section_ids.contains(q.section.as_str()) {
                problems.push(format!("{at}: unknown section {}", q.section));
            }
            if !(q.weight > 0.0 && q.weight <= 5.0) {
                problems.push(format!("{at}: weight {} outside (0, 5]", q.weight));
            }
            if q.prompt.has_blank() || q.help.has_blank() {
                problems.push(format!("{at}: blank prompt or help"));
            }
            if !(4..=5).contains(&q.options.len()) {
                problems.push(format!("{at}: {} options, expected 4–5", q.options.len()));
            }
            if q.options.iter().any(|o| o.label.has_blank()) {
                problems.push(format!("{at}: blank option label"));
            }
            if q.options.iter().any(|o| o.score > 100) {
                problems.push(format!("{at}: score above 100"));
            }
            if !q.options.windows(2).all(|w| w[0].score < w[1].score) {
                problems.push(format!("{at}: options not strictly ascending by score"));
            }
            if q.options.first().map(|o| o.score) != Some(0)
                || q.options.last().map(|o| o.score) != Some(100)
            {
                problems.push(format!("{at}: options must span 0 to 100"));
            }
            if let Dimension::Level(_) = q.dimension {
                let rungs: Vec<Level> = q
                    .options
                    .iter()
                    .map(|o| Level::from_evidence_score(o.score))
                    .collect();
                if rungs != Level::ALL {
                    problems.push(format!(
                        "{at}: level evidence needs one option per rung scored 0, 33, 67, 100"
                    ));
                }
            }
        }
        // Sections appear in the bank's order, each as one contiguous run of questions.
        let mut seen = Vec::<&str>::new();
        for q in &self.questions {
            if seen.last() != Some(&q.section.as_str()) {
                if seen.contains(&q.section.as_str()) {
                    problems.push(format!("question {}: section {} is split", q.id, q.section));
                }
                seen.push(&q.section);
            }
        }
        let order: Vec<&str> = self.sections.iter().map(|s| s.id.as_str()).collect();
        if seen != order {
            problems.push(format!(
                "sections with questions {seen:?} differ from sections {order:?}"
            ));
        }
        problems
    }
}

static BANK: Installed<Bank> = Installed::empty();

/// Installs the bank from its JSON text, a copy carrying `langs`' texts; returns the bank already
/// installed when that one carries them.
///
/// The content rules (`Bank::problems`) are enforced by `cargo test` on the bilingual file the
/// build derives each copy from, so only the parse can fail here (a damaged download, say).
pub fn install(json: &Json, langs: Langs) -> Result<&'static Bank, String> {
    BANK.install(langs, || {
        Bank::from_json(json).map_err(|e| format!("question bank: {e}"))
    })
}

/// The embedded bank, for host code: tests, benchmarks and tools. The browser has no such
/// function: there the bank arrives on demand and is reached only through the state that carries
/// it (`app::DataStatus::Ready`), so no screen can use it before it is there.
#[cfg(not(target_arch = "wasm32"))]
pub fn bank() -> &'static Bank {
    let parsed = crate::engine::storage::json::parse(BANK_JSON);
    match parsed.and_then(|json| install(&json, Langs::ALL)) {
        Ok(bank) => bank,
        Err(problem) => panic!("invalid embedded question bank: {problem}"),
    }
}

#[cfg(test)]
mod tests;
