//! Display names of the DOMAIN.md ids in both languages (`bank/labels.json`), keyed as
//! `<kind>.<id>`: `rung.partner`, `quadrant.hostage`, `satisfaction.trade_terms`, …

use crate::engine::model::pairs::Pairs;
use std::sync::OnceLock;

use crate::engine::text::installed::Installed;

use crate::engine::text::bilingual::Text;
use crate::engine::text::lang::{Lang, Langs};

/// The labels as shipped. The browser build does not embed them: they arrive with the action
/// texts (see `ui::edge::data::ensure_later_texts`): the questionnaire shows none, and every
/// screen that shows one waits for those texts anyway.
#[cfg(not(target_arch = "wasm32"))]
const LABELS_JSON: &str = include_str!("../model/bank/labels.json");

static LABELS: Installed<Pairs<Text>> = Installed::empty();

/// Parses and installs the labels, a copy carrying `langs`' texts (kept when the installed copy
/// carries them already).
pub fn install_labels(json: &str, langs: Langs) -> Result<(), String> {
    LABELS.install(langs, || {
        serde_json::from_str(json).map_err(|e| format!("labels: {e}"))
    })?;
    Ok(())
}

/// Whether the labels are installed in `lang` (in the browser they are fetched with the action
/// texts, for the screens that show results).
pub fn labels_cover(lang: Lang) -> bool {
    #[cfg(not(target_arch = "wasm32"))]
    let _ = labels();
    LABELS.langs().contains(lang)
}

/// The languages of the installed labels (none before they are fetched).
pub fn labels_langs() -> Langs {
    #[cfg(not(target_arch = "wasm32"))]
    let _ = labels();
    LABELS.langs()
}

/// Every label: on the host the embedded copy, in the browser once installed (empty before).
///
/// # Panics
/// On the host, if the embedded `labels.json` is invalid (its test would have failed).
pub fn labels() -> &'static Pairs<Text> {
    #[cfg(not(target_arch = "wasm32"))]
    if let Err(problem) = install_labels(LABELS_JSON, Langs::ALL) {
        panic!("invalid embedded labels: {problem}");
    }
    static EMPTY: OnceLock<Pairs<Text>> = OnceLock::new();
    LABELS
        .get()
        .map_or_else(|| EMPTY.get_or_init(Pairs::new), |(labels, _)| labels)
}

/// The label for `key` in `lang`; the key itself if there is none, so a gap is visible, not blank.
pub fn label(lang: Lang, key: &str) -> &str {
    labels().get(key).map_or(key, |t| t.get(lang))
}

/// A long results text kept with the labels (`text.<key>`), not in the app's own strings: the
/// screens that show them wait for the on-demand data anyway, so the first load stays lighter.
pub fn text(lang: Lang, key: &'static str) -> &'static str {
    labels()
        .get(&format!("text.{key}"))
        .map_or(key, |t| t.get(lang))
}

/// [`text`] with its `{name}` placeholders filled in.
pub fn text_with(lang: Lang, key: &'static str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(text(lang, key).to_owned(), |out, (name, value)| {
            out.replace(&format!("{{{name}}}"), value)
        })
}

/// The label of `<kind>.<id>`.
fn label_key(lang: Lang, kind: &str, id: &str) -> String {
    label(lang, &format!("{kind}.{id}")).to_owned()
}

/// An id with a display name in labels.json under `<KIND>.<id>` (and, for some kinds, a longer
/// description under `<KIND>_desc.<id>`): `Level::Partner.label(lang)` rather than a lookup by a
/// kind string that nothing checks.
pub trait Labelled: Copy {
    /// The key prefix in labels.json (`rung`, `quadrant`, …).
    const KIND: &'static str;

    /// The stable id (the key's second half).
    fn key(self) -> &'static str;

    /// The display name in `lang`; the key itself if labels.json has none (a visible gap).
    fn label(self, lang: Lang) -> String {
        label_key(lang, Self::KIND, self.key())
    }

    /// The longer description (`<KIND>_desc.<id>`), for the kinds that have one.
    fn description(self, lang: Lang) -> String {
        label_key(lang, &format!("{}_desc", Self::KIND), self.key())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::model::ids::*;
    use crate::engine::scoring::{Inconsistency, Posture, SafeguardStatus, Stage, Stance};

    /// Every key the interface asks for.
    fn required_keys() -> Vec<String> {
        let mut keys = Vec::new();
        for l in Level::ALL {
            keys.push(format!("rung.{l}"));
            keys.push(format!("rung_desc.{l}"));
        }
        for q in Quadrant::ALL {
            keys.push(format!("quadrant.{q}"));
            keys.push(format!("quadrant_desc.{q}"));
        }
        for axis in ["satisfaction", "switching_cost"] {
            keys.push(format!("axis.{axis}"));
            keys.push(format!("axis_hint.{axis}"));
        }
        for d in Dimension::all() {
            if !matches!(d, Dimension::Capability(_)) {
                keys.push(d.to_string());
            }
        }
        for c in Capability::ALL {
            keys.push(format!("capability.{c}"));
            keys.push(format!("capability_desc.{c}"));
        }
        for s in [
            SafeguardStatus::InPlace,
            SafeguardStatus::Partial,
            SafeguardStatus::Missing,
            SafeguardStatus::Unknown,
        ] {
            keys.push(format!("safeguard_status.{}", s.id()));
        }
        for b in RiskBand::ALL {
            keys.push(format!("risk_band.{b}"));
        }
        for p in ResponsePhase::ALL {
            keys.push(format!("phase.{p}"));
            keys.push(format!("phase_desc.{p}"));
        }
        for i in [
            Inconsistency::HighLevelWeakTrust,
            Inconsistency::SatisfiedButOrdersFalling,
            Inconsistency::RepeatBuyingWithoutIntent,
            Inconsistency::PartnerWithoutSymbiosis,
            Inconsistency::LoyalButRivalQualified,
            Inconsistency::ExecutiveTiesWithoutSeniorContacts,
            Inconsistency::UnwatchedWarnings,
        ] {
            keys.push(format!("inconsistency.{}", i.id()));
        }
        // Comparison and trend rows (engine::scoring::compare).
        for k in ["defection_risk", "symbiosis", "confidence", "level_rank"] {
            keys.push(format!("index.{k}"));
        }
        keys.extend(v2_keys());
        keys.push("flag.hostage".into());
        keys.push("flag.luxury".into());
        keys
    }

    /// The keys bank version 2 added: evidence, stance, stage, posture and the long texts.
    fn v2_keys() -> Vec<String> {
        let mut keys = Vec::new();
        for f in EvidenceFacet::ALL {
            keys.push(format!("evidence.{f}"));
        }
        for s in [
            Stance::Deepen,
            Stance::Maintain,
            Stance::Hold,
            Stance::ManageForCash,
            Stance::Project,
            Stance::Restore,
            Stance::ScaleBack,
            Stance::Exit,
            Stance::Recover,
        ] {
            keys.push(format!("stance.{}", s.id()));
            keys.push(format!("stance_desc.{}", s.id()));
        }
        for q in Quadrant::ALL {
            keys.push(format!("quadrant_short.{q}"));
        }
        for s in [
            Stage::Development,
            Stage::Initial,
            Stage::Stable,
            Stage::Strategic,
        ] {
            keys.push(format!("stage.{}", s.id()));
            keys.push(format!("stage_desc.{}", s.id()));
        }
        for p in [Posture::Offence, Posture::Defence] {
            keys.push(format!("posture.{}", p.id()));
        }
        for k in [
            "explain_level",
            "explain_target",
            "explain_loyalty",
            "explain_capabilities",
            "explain_safeguards",
            "explain_risk",
            "explain_symbiosis",
            "explain_actions",
            "explain_confidence",
            "rules_intro",
            "luxury_warning",
            "blocker_formal_links",
            "reason_no_scale",
            "reason_customer_course",
            "reason_soured",
            "reason_one_off",
            "regression_open_tender",
            "regression_risk",
            "shallow_contacts",
            "normal_for_transactional",
            "unwatched",
            "uncontrollable",
            "hostage_flag",
            "no_clear_hold",
            "share_damaged",
            "share_cut_short",
            "share_unverified",
            "share_newer",
            "share_other_bank",
            "import_not_utf8",
            "import_unreadable",
            "import_space",
            "import_no_space",
        ] {
            keys.push(format!("text.{k}"));
        }
        keys
    }

    #[test]
    fn every_required_label_exists_in_both_languages() {
        for key in required_keys() {
            let text = labels()
                .get(&key)
                .unwrap_or_else(|| panic!("missing label {key}"));
            assert!(!text.has_blank(), "blank label {key}");
        }
    }

    #[test]
    fn no_label_is_unused() {
        let required = required_keys();
        for key in labels().keys() {
            assert!(required.contains(key), "unused label {key}");
        }
    }

    #[test]
    fn missing_label_shows_its_key() {
        assert_eq!(label(Lang::En, "rung.partner"), "Strategic partner");
        assert_eq!(label(Lang::Zh, "rung.partner"), "战略合作伙伴");
        assert_eq!(label(Lang::En, "no.such"), "no.such");
    }
}
