//! Validation of the shipped bank: the data is the questionnaire, so its rules are tests.

use std::collections::BTreeMap;

use super::*;
use crate::engine::model::ids::*;

fn count_by<F: Fn(Dimension) -> Option<String>>(key: F) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for q in &bank().questions {
        if let Some(k) = key(q.dimension) {
            *counts.entry(k).or_insert(0) += 1;
        }
    }
    counts
}

fn framework_count(framework: &str) -> usize {
    bank()
        .questions
        .iter()
        .filter(|q| q.dimension.framework() == framework)
        .count()
}

/// The first load's decoder (`Bank::from_json`, over the browser's parser) reads exactly what
/// the derived serde decoder reads, on the shipped file, on one language's copy of it, and on
/// what either refuses.
#[test]
fn the_tree_decoder_reads_what_serde_reads() {
    use crate::engine::storage::json::parse;
    let decode = |text: &str| Bank::from_json(&parse(text).unwrap());
    let derived = |text: &str| serde_json::from_str::<Bank>(text);
    let english_only = {
        let mut value: serde_json::Value = serde_json::from_str(BANK_JSON).unwrap();
        fn drop_zh(v: &mut serde_json::Value) {
            match v {
                serde_json::Value::Object(m) => {
                    if m.contains_key("en") {
                        m.remove("zh");
                    }
                    m.values_mut().for_each(drop_zh);
                }
                serde_json::Value::Array(a) => a.iter_mut().for_each(drop_zh),
                _ => {}
            }
        }
        drop_zh(&mut value);
        value.to_string()
    };
    for text in [BANK_JSON, english_only.as_str()] {
        assert_eq!(
            format!("{:?}", decode(text).unwrap()),
            format!("{:?}", derived(text).unwrap())
        );
    }
    let q = r#"{"id":"a","section":"s","dimension":"capability.trust","prompt":{"en":"p"},"help":{"en":"h"},"options":[{"score":0,"label":{"en":"x"}}]"#;
    let with = |extra: &str| format!(r#"{{"version":1,"sections":[],"questions":[{q}{extra}}}]}}"#);
    for (text, ok) in [
        (with(""), true),
        (with(r#","weight":2.5,"dont_know_is_lowest":true"#), true),
        (with(r#","surprise":1"#), false),
        (with(r#","weight":"2""#), false),
        (with(r#","dont_know_is_lowest":1"#), false),
        (with("").replace("capability.trust", "mood.happy"), false),
        (with("").replace(r#""score":0"#, r#""score":256"#), false),
        (with("").replace(r#""score":0"#, r#""score":-1"#), false),
        (with("").replace(r#""score":0"#, r#""score":0.5"#), false),
        (
            with("").replace(r#"{"en":"p"}"#, r#"{"en":"p","fr":"q"}"#),
            true,
        ),
        (with("").replace(r#"{"en":"p"}"#, r#"{"en":5}"#), false),
        (with("").replace(r#""version":1"#, r#""version":-1"#), false),
        (
            r#"{"version":1,"sections":[],"questions":[],"extra":[]}"#.to_owned(),
            false,
        ),
        (r#"{"version":1,"sections":[]}"#.to_owned(), false),
        (r#"[]"#.to_owned(), false),
    ] {
        assert_eq!(decode(&text).is_ok(), ok, "tree decoder on {text}");
        assert_eq!(derived(&text).is_ok(), ok, "serde on {text}");
        if ok {
            assert_eq!(
                format!("{:?}", decode(&text).unwrap()),
                format!("{:?}", derived(&text).unwrap())
            );
        }
    }
    // Errors say where.
    let error = decode(&with(r#","surprise":1"#)).unwrap_err();
    assert!(
        error.contains("question 1 (a)") && error.contains("surprise"),
        "{error}"
    );
}

#[test]
fn shipped_bank_is_valid() {
    let parsed = Bank::parse(BANK_JSON);
    assert!(parsed.is_ok(), "{:#?}", parsed.err());
}

#[test]
fn size_fits_ten_to_fifteen_minutes() {
    let n = bank().questions.len();
    assert!((55..=75).contains(&n), "{n} questions");
}

#[test]
fn every_lever_and_capability_has_enough_questions() {
    let counts = count_by(|d| Some(d.to_string()));
    let need = |dims: Vec<Dimension>, min: usize| {
        for d in dims {
            let n = counts.get(&d.to_string()).copied().unwrap_or(0);
            assert!(n >= min, "{d}: {n} questions, need {min}");
        }
    };
    need(
        SatisfactionLever::ALL
            .iter()
            .map(|&l| Dimension::Satisfaction(l))
            .collect(),
        2,
    );
    need(
        SwitchingLever::ALL
            .iter()
            .map(|&l| Dimension::SwitchingCost(l))
            .collect(),
        2,
    );
    need(
        Capability::ALL
            .iter()
            .map(|&c| Dimension::Capability(c))
            .collect(),
        3,
    );
    need(
        Safeguard::ALL
            .iter()
            .map(|&s| Dimension::Safeguard(s))
            .collect(),
        1,
    );
    need(
        ContextFactor::ALL
            .iter()
            .map(|&c| Dimension::Context(c))
            .collect(),
        1,
    );
    need(
        LevelFacet::ALL
            .iter()
            .map(|&f| Dimension::Level(f))
            .collect(),
        1,
    );
    need(
        LoyaltyType::ALL
            .iter()
            .map(|&t| Dimension::LoyaltyType(t))
            .collect(),
        1,
    );
    need(
        Warning::ALL
            .iter()
            .map(|&w| Dimension::Warning(w))
            .collect(),
        1,
    );
}

#[test]
fn framework_totals_meet_the_coverage_floor() {
    assert!(framework_count("level") >= 6);
    assert!(framework_count("warning") >= 5);
    assert!(framework_count("symbiosis") >= 4);
    assert!(framework_count("context") >= 6);
    assert_eq!(framework_count("loyalty_type"), 3);
}

#[test]
fn every_rung_is_observable_in_every_level_question() {
    for q in bank()
        .questions
        .iter()
        .filter(|q| matches!(q.dimension, Dimension::Level(_)))
    {
        let rungs: Vec<Level> = q
            .options
            .iter()
            .map(|o| Level::from_evidence_score(o.score))
            .collect();
        assert_eq!(rungs, Level::ALL, "{}", q.id);
    }
}

#[test]
fn chinese_text_is_chinese_and_english_is_not() {
    let is_cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let check = |t: &crate::engine::text::bilingual::Text, at: &str| {
        // Labels without words (such as "1%–3%") are the same in both languages.
        let has_words = t.en.chars().any(|c| c.is_ascii_alphabetic());
        assert!(
            is_cjk(&t.zh) || !has_words,
            "{at}: zh has no Chinese: {}",
            t.zh
        );
        assert!(!is_cjk(&t.en), "{at}: en has Chinese: {}", t.en);
    };
    for s in &bank().sections {
        check(&s.title, &s.id);
        check(&s.intro, &s.id);
    }
    for q in &bank().questions {
        check(&q.prompt, &q.id);
        check(&q.help, &q.id);
        for o in &q.options {
            check(&o.label, &q.id);
        }
    }
}

/// Every Chinese string of the bank, the action texts and the labels uses full-width punctuation.
#[test]
fn chinese_text_uses_full_width_punctuation() {
    use crate::engine::text::bilingual::{ascii_punctuation_in_chinese, Text};
    let mut bad = Vec::new();
    let mut check = |t: &Text, at: &str| {
        for excerpt in ascii_punctuation_in_chinese(&t.zh) {
            bad.push(format!("{at}: {excerpt}"));
        }
    };
    for s in &bank().sections {
        check(&s.title, &s.id);
        check(&s.intro, &s.id);
    }
    for q in &bank().questions {
        check(&q.prompt, &q.id);
        check(&q.help, &q.id);
        for o in &q.options {
            check(&o.label, &q.id);
        }
    }
    for a in crate::engine::scoring::action_catalogue() {
        check(&a.title, &a.id);
        check(&a.detail, &a.id);
        check(&a.first_step, &a.id);
    }
    for (key, text) in crate::engine::scoring::later_strings() {
        check(text, key);
    }
    let customer = crate::engine::scoring::customer_set().expect("customer questionnaire");
    for s in &customer.sections {
        check(&s.title, &s.id);
        check(&s.intro, &s.id);
    }
    for q in &customer.questions {
        check(&q.prompt, &q.id);
        for o in &q.options {
            check(&o.label, &q.id);
        }
    }
    for (key, text) in crate::engine::text::labels::labels().iter() {
        check(text, key);
    }
    assert!(bad.is_empty(), "ASCII punctuation in Chinese: {bad:#?}");
}

#[test]
fn options_within_a_question_are_distinct() {
    for q in &bank().questions {
        for lang in [
            |t: &crate::engine::text::bilingual::Text| t.en.clone(),
            |t: &crate::engine::text::bilingual::Text| t.zh.clone(),
        ] {
            let mut labels: Vec<String> = q.options.iter().map(|o| lang(&o.label)).collect();
            labels.sort();
            labels.dedup();
            assert_eq!(
                labels.len(),
                q.options.len(),
                "{}: repeated option label",
                q.id
            );
        }
    }
}

/// The customer questionnaire is valid, mirrors a figure of the assessment with each question,
/// and covers what issue 17 names: every satisfaction lever, the four guarantees, the three
/// loyalty types, the relationship's depth and what would make them leave.
#[test]
fn customer_questionnaire_mirrors_the_assessment() {
    use crate::engine::model::bank::customer::Lens;
    use crate::engine::model::ids::{Dimension, LoyaltyType, Safeguard, SatisfactionLever};
    let set = crate::engine::scoring::customer_set().expect("customer questionnaire");
    assert_eq!(set.problems(), Vec::<String>::new());
    let lenses: Vec<Lens> = set.questions.iter().map(|q| q.dimension).collect();
    let has = |d: Dimension| lenses.contains(&Lens::Dimension(d));
    assert!(SatisfactionLever::ALL
        .iter()
        .all(|l| has(Dimension::Satisfaction(*l))));
    assert!(Safeguard::ALL
        .iter()
        .filter(|g| g.is_guarantee())
        .all(|g| has(Dimension::Safeguard(*g))));
    assert!(LoyaltyType::ALL
        .iter()
        .all(|t| has(Dimension::LoyaltyType(*t))));
    for lens in [Lens::Level, Lens::SwitchingCost, Lens::Reason] {
        assert!(lenses.contains(&lens), "{lens:?}");
    }
    // Every scored lens is asked once, so a figure is one question's answer.
    let mut ids: Vec<String> = lenses.iter().map(|l| l.id()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), lenses.len());
    // The English never says the model's jargon to the customer.
    for q in &set.questions {
        let words = format!(
            "{} {}",
            q.prompt.en,
            q.options
                .iter()
                .map(|o| o.label.en.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        );
        for jargon in [
            "switching cost",
            "safeguard",
            "loyalty",
            "extended enterprise",
            "lever",
        ] {
            assert!(!words.to_lowercase().contains(jargon), "{}: {jargon}", q.id);
        }
    }
}

#[test]
fn a_broken_customer_questionnaire_is_refused() {
    let mut value: serde_json::Value = serde_json::from_str(include_str!("customer.json")).unwrap();
    value["questions"][0]["options"][1]["score"] = serde_json::json!(0);
    let set: crate::engine::model::bank::customer::CustomerSet =
        serde_json::from_value(value).unwrap();
    assert!(set
        .problems()
        .iter()
        .any(|p| p.contains("c.product_quality")));
}

#[test]
fn validation_catches_broken_banks() {
    let broken = r#"{"version":1,
        "sections":[{"id":"s","title":{"en":"S","zh":"节"},"intro":{"en":"i","zh":"介"}}],
        "questions":[
          {"id":"a","section":"s","dimension":"capability.trust","prompt":{"en":"p","zh":"问"},"help":{"en":"h","zh":""},
           "options":[{"score":0,"label":{"en":"x","zh":"甲"}},{"score":50,"label":{"en":"y","zh":"乙"}},
                      {"score":40,"label":{"en":"z","zh":"丙"}},{"score":100,"label":{"en":"w","zh":"丁"}}]},
          {"id":"a","section":"nowhere","dimension":"level.contacts","prompt":{"en":"p","zh":"问"},"help":{"en":"h","zh":"助"},
           "options":[{"score":0,"label":{"en":"x","zh":"甲"}},{"score":50,"label":{"en":"y","zh":"乙"}},
                      {"score":60,"label":{"en":"z","zh":"丙"}},{"score":100,"label":{"en":"w","zh":"丁"}}]}]}"#;
    let problems = Bank::parse(broken).unwrap_err().join("\n");
    for expected in [
        "blank prompt or help",
        "not strictly ascending",
        "duplicate id",
        "unknown section",
        "one option per rung",
    ] {
        assert!(
            problems.contains(expected),
            "missing {expected:?} in:\n{problems}"
        );
    }
    assert!(
        Bank::parse(r#"{"version":1,"sections":[],"questions":[{"dimension":"mood.happy"}]}"#)
            .is_err()
    );
}

/// Every later-screen string the UI names exists in every language, and every one is used.
#[test]
fn every_later_screen_string_exists_and_is_used() {
    let strings = crate::engine::scoring::later_strings();
    let mut ui = String::new();
    for dir in [
        "src/ui/screens",
        "src/ui/widgets",
        "src/ui",
        "src/engine/text",
    ] {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "rs") {
                ui.push_str(&std::fs::read_to_string(path).unwrap());
            }
        }
    }
    // Keys named in the UI: string literals starting with "plan.", "contacts." or "coverage.".
    let named: Vec<&str> = ui
        .split('"')
        .skip(1)
        .step_by(2)
        .filter(|s| {
            ["plan.", "contacts.", "coverage.", "eyes.", "sync."]
                .iter()
                .any(|p| s.starts_with(p))
                && !s.ends_with('.')
                && !s.contains('{')
        })
        .collect();
    assert!(!named.is_empty());
    for key in &named {
        let text = strings.iter().find(|(k, _)| k == key);
        assert!(
            text.is_some_and(|(_, t)| !t.en.is_empty() && !t.zh.is_empty()),
            "{key}"
        );
    }
    // Keys built from an id ("plan.status.<id>", "plan.moved.<id>") count as used by prefix.
    for (key, t) in strings {
        assert!(!t.en.is_empty() && !t.zh.is_empty(), "{key}");
        let used = named.contains(&key.as_str())
            || [
                "plan.status.",
                "plan.moved.",
                "contacts.role.",
                "contacts.function.",
                "contacts.seniority.",
                "contacts.influence.",
                "contacts.attitude.",
                "contacts.field.",
                "contacts.conflict.",
                "coverage.finding.",
                "eyes.error.",
                "eyes.kind.",
                "eyes.mark.",
                "eyes.role.",
                "eyes.role_of.",
                "eyes.respond.heading.",
                "eyes.respond.intro.",
                "eyes.respond.intro_named.",
                "eyes.response.from.",
                "sync.status.",
                "sync.url.",
                "sync.field.",
                "sync.hint.",
                "sync.waiting",
                "sync.conflicts.count",
            ]
            .iter()
            .any(|p| {
                key.starts_with(p)
                    && (ui.contains(&format!("\"{p}\"")) || ui.contains(&format!("\"{p}{{")))
            });
        assert!(used, "unused later-screen string {key}");
    }
}
