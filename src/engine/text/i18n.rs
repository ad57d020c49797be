//! Every interface string in both languages, as data.
//!
//! The texts live in `messages.json` (`{"key": {"en": …, "zh": …}}`, in [`Messages`]' field
//! order), not in the code, so that the first load carries the visitor's language only: the
//! build writes one flat array of strings per language (`scripts/postbuild.mjs`), the browser
//! fetches the active language's before the app renders and the other's before a switch
//! (`ui::edge::data::ensure_messages`), and [`install`] puts it in place. On the host (tests,
//! the build-time render) the file is compiled in. A key missing, extra or out of order fails
//! the host tests here; a file of the wrong length is refused by [`install`], never shown.
//!
//! Strings with values in them are templates with named `{placeholders}`, private fields
//! filled by the method of the same name. The question bank's texts live with the bank's data,
//! not here.

use std::fmt::{Display, Write};
use std::sync::OnceLock;

use crate::engine::text::lang::Lang;

/// Declares [`Messages`] from one list of texts in the file's order: `text` (one string, read
/// with the method of its name), `[n]` (n strings, read as an array) or `template` (one string
/// with `{placeholders}`, filled by a hand-written method of the same name). Each gets a
/// [`Field`] and, from the counts, its constant offset in a language's strings; on the host,
/// the names too, for the checks against the file.
macro_rules! messages {
    (@count text) => { 1 };
    (@count template) => { 1 };
    (@count [$n:literal]) => { $n };
    (@read [$(#[$doc:meta])*] $vis:vis $name:ident text) => {
        $(#[$doc])*
        $vis fn $name(&self) -> &'static str {
            self.get(Field::$name)
        }
    };
    (@read [$(#[$doc:meta])*] $vis:vis $name:ident [$n:literal]) => {
        $(#[$doc])*
        $vis fn $name(&self) -> [&'static str; $n] {
            let at = OFFSETS[Field::$name as usize];
            let mut some = [""; $n];
            some.copy_from_slice(&self.all[at..at + $n]);
            some
        }
    };
    (@read [$(#[$doc:meta])*] $vis:vis $name:ident template) => {};
    ($( $(#[$doc:meta])* $vis:vis $name:ident : $kind:tt ),* $(,)?) => {
        /// Every text of [`Messages`], in the file's order.
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy)]
        enum Field {
            $( $name, )*
        }

        /// How many strings each [`Field`] takes.
        const COUNTS: &[usize] = &[ $( messages!(@count $kind) ),* ];

        /// Where each [`Field`]'s strings start, computed at compile time.
        const OFFSETS: [usize; COUNTS.len()] = {
            let mut offsets = [0; COUNTS.len()];
            let mut i = 1;
            while i < COUNTS.len() {
                offsets[i] = offsets[i - 1] + COUNTS[i - 1];
                i += 1;
            }
            offsets
        };

        impl Messages {
            /// How many strings one language's file holds.
            pub const STRINGS: usize = 0 $( + messages!(@count $kind) )*;

            /// Each field's name and how many strings it takes, in the file's order.
            #[cfg(not(target_arch = "wasm32"))]
            const FIELDS: &'static [(&'static str, usize)] =
                &[ $( (stringify!($name), messages!(@count $kind)) ),* ];

            $( messages!(@read [$(#[$doc])*] $vis $name $kind); )*
        }
    };
}

/// The interface texts of one language: its strings in the file's order, each read by a method
/// named after it, so reading one is a load at a constant offset and installing them is no
/// more than checking their number.
pub struct Messages {
    all: &'static [&'static str; Messages::STRINGS],
}

impl Messages {
    /// One text's string.
    fn get(&self, field: Field) -> &'static str {
        self.all[OFFSETS[field as usize]]
    }
}

messages! {

    pub app_name: text,
    pub tagline: text,
    pub language_switch_label: text,
    pub skip_to_content: text,
    /// Between a name and its value ("Level: Partner"): full width in Chinese.
    pub colon: text,
    /// Between the items of an inline list: full width in Chinese.
    pub comma: text,
    /// Between longer items ("; "): full width in Chinese.
    pub list_separator: text,
    /// Between items of a short enumeration: ", " / "、".
    pub enumeration: text,
    paren: template,
    /// Before a description: " — " / "——".
    pub dash: text,
    pub accounts_heading: text,
    pub accounts_empty_title: text,
    pub accounts_empty_body: text,
    pub accounts_empty_steps: [3],
    pub privacy_note: text,
    /// The footer's way to the team sync settings.
    pub sync_link: text,
    pub dismiss: text,
    pub notices_label: text,
    unreadable_kept: template,
    unreadable_not_kept: template,
    pub what_settings: text,
    pub what_account: text,
    storage_unavailable: template,
    settings_not_saved: template,
    /// An account write failed for lack of space.
    pub account_not_saved_full: text,
    language_unavailable: template,
    account_not_saved: template,

    /// A new version is installed and waiting.
    pub update_available: text,
    pub reload_to_update: text,

    /// The question bank is being fetched.
    pub loading_questions: text,
    /// A start was submitted while the questions load: it will open by itself.
    pub opens_when_loaded: text,
    data_failed: template,
    pub retry: text,
    /// A screen whose code is fetched when first opened is on its way.
    pub screen_loading: text,
    /// That fetch failed (offline before the app was installed for offline use): the heading
    /// that stands in for the screen's own, and what to do.
    pub screen_load_failed_heading: text,
    pub screen_load_failed: text,
    /// The import or the spreadsheet export, whose code comes with the later screens, could not
    /// be fetched.
    pub tool_load_failed: text,

    // Moving data
    pub data_heading: text,
    pub export_all: text,
    /// Under the export buttons when any account has contacts (personal data travels in the file).
    pub export_contacts_note: text,
    pub export_csv: text,
    pub export_one: text,
    pub import_label: text,
    pub import_hint: text,
    pub import_preview_heading: text,
    import_summary: template,
    import_conflict: template,
    pub import_resolution_legend: text,
    pub import_keep_both: text,
    pub import_replace: text,
    pub import_confirm: text,
    imported: template,
    import_too_large: template,
    import_not_json: template,
    pub import_not_rapport: text,
    import_newer: template,
    import_invalid: template,
    pub download_quarantined: text,
    /// Offered once the unreadable data was downloaded.
    pub delete_quarantined: text,
    quarantine_not_deleted: template,

    history: template,
    overdue_items_one: template,
    overdue_items: template,
    pub print_report: text,
    /// Prints only the results' one-page summary.
    pub print_summary: text,
    /// The results' summary block and its three first actions.
    pub summary_heading: text,
    pub priority_actions: text,
    /// The results' section navigation: its label and a short name per block, in page order
    /// (summary, level, loyalty, capabilities, safeguards, risk, symbiosis, actions, confidence,
    /// notes).
    pub results_nav_label: text,
    pub results_sections: [10],
    pub notes_heading: text,
    pub delete_account: text,
    delete_confirm: template,
    pub delete_yes: text,
    deleted: template,
    pub undo: text,

    // Home
    pub new_assessment: text,
    pub rules_link: text,
    pub col_level: text,
    pub col_quadrant: text,
    pub col_risk: text,
    pub col_last: text,
    pub resume: text,
    pub view_results: text,
    pub reassess: text,
    draft_progress: template,
    pub not_assessed_yet: text,

    // Start
    pub start_heading: text,
    pub start_intro: text,
    pub account_name_label: text,
    pub account_name_hint: text,
    pub industry_label: text,
    pub tags_label: text,
    pub tags_hint: text,
    pub assessor_label: text,
    pub optional: text,
    pub start_button: text,
    pub cancel: text,
    pub error_name_missing: text,
    pub error_too_long: text,
    pub error_other: text,

    // Questionnaire
    progress: template,
    pub sections_nav_label: text,
    section_count: template,
    pub unanswered_marker: text,
    pub help_toggle: text,
    pub dont_know: text,
    pub note_label: text,
    pub keyboard_hint: text,
    pub back: text,
    pub next_section: text,
    pub finish: text,
    finish_hint_none: template,
    finish_hint: template,
    section_unanswered_none: template,
    section_unanswered_one: template,
    section_unanswered: template,
    pub discard_draft: text,
    pub discard_confirm: text,
    pub discard_yes: text,
    pub discard_no: text,
    pub saved_locally: text,
    question_of: template,

    // Results
    pub results_heading: text,
    assessed_on_anonymous: template,
    assessed_on: template,
    pub back_to_accounts: text,
    pub unknown: text,
    pub level_heading: text,
    pub current_level: text,
    pub target_level: text,
    gap_below_one: template,
    gap_below: template,
    evidence_share: template,
    blocks_next: template,
    blocker_facet: template,
    blocker_too_little: template,
    pub why_target: text,
    reason_scale: template,
    reason_condition_unanswered: template,
    reason_condition: template,
    reason_low_switching_unanswered: template,
    reason_low_switching: template,
    reason_appetite_unanswered: template,
    reason_appetite: template,
    pub not_enough_evidence: text,
    near: template,
    pub stance_label: text,
    pub stage_label: text,
    lagging: template,
    guarantee_floor: template,
    pub first_step: text,
    source_article: template,
    carried_over: template,
    questionnaire_marker: template,
    pub older_questionnaire_note: text,
    versions_differ: template,
    evidence_basis: template,
    pub loyalty_heading: text,
    loyalty_map_label: template,
    pub levers_weakest_first: text,
    pub capabilities_heading: text,
    bottleneck: template,
    pub no_bottleneck: text,
    pub safeguards_heading: text,
    pub risk_heading: text,
    risk_value: template,
    pub phase_label: text,
    pub warnings_heading: text,
    pub symbiosis_heading: text,
    pub loyalty_types_heading: text,
    pub actions_heading: text,
    pub actions_intro: text,
    show_all_actions: template,
    pub show_fewer_actions: text,
    pub because: text,
    pub no_actions: text,
    pub confidence_heading: text,
    confidence_answered: template,
    pub thin_sections: text,
    pub inconsistencies_heading: text,
    pub how_computed: text,
    pub full_rules_link: text,
    pub chart_ladder_label: text,

    // Rules
    pub rules_heading: text,
    pub account_page: text,
    pub better: text,
    pub worse: text,
    pub col_change: text,
    pub col_figure: text,
    pub col_gap: text,
    pub col_name: text,
    pub col_tags: text,
    pub col_target: text,
    pub compare_after: text,
    pub compare_before: text,
    pub compare_button: text,
    pub compare_caption: text,
    pub compare_heading: text,
    pub compare_previous: text,
    pub edit_details: text,
    pub filter_all: text,
    pub filter_text: text,
    pub history_caption: text,
    pub new_warnings: text,
    pub resolved_warnings: text,
    pub none_listed: text,
    pub path_caption: text,
    pub portfolio_caption: text,
    pub portfolio_heading: text,
    pub portfolio_map_caption: text,
    pub save: text,
    pub save_shared: text,
    pub share_link: text,
    pub share_link_label: text,
    pub share_link_note: text,
    pub shared_banner: text,
    pub shared_heading: text,
    pub trend_heading: text,
    portfolio_map_label: template,
    rows_shown: template,
    pub copy_link: text,
    pub link_copied: text,
    pub copy_failed: text,
    pub trend_show: text,
}

/// `template` with each `{name}` replaced by its value; an unknown name stays as written, so a
/// mistyped placeholder shows on screen and in the tests instead of vanishing.
fn fill(template: &str, values: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after
            .find('}')
            .and_then(|close| Some((values.iter().find(|(n, _)| *n == &after[..close])?, close)));
        match value {
            Some(((_, value), close)) => {
                let _ = write!(out, "{value}");
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

impl Messages {
    /// A parenthetical after a word: " (x)" / "（x）".
    pub fn paren(&self, inner: &str) -> String {
        fill(self.get(Field::paren), &[("inner", &inner)])
    }

    /// Stored data could not be read and was copied to a quarantine key.
    pub fn unreadable_kept(&self, what: &str, kept_as: &str, error: &str) -> String {
        fill(
            self.get(Field::unreadable_kept),
            &[("what", &what), ("kept_as", &kept_as), ("error", &error)],
        )
    }

    /// Stored data could not be read and could not be copied either.
    pub fn unreadable_not_kept(&self, what: &str, error: &str) -> String {
        fill(
            self.get(Field::unreadable_not_kept),
            &[("what", &what), ("error", &error)],
        )
    }

    /// Storage could not be read at all.
    pub fn storage_unavailable(&self, error: &str) -> String {
        fill(self.get(Field::storage_unavailable), &[("error", &error)])
    }

    /// A settings write failed.
    pub fn settings_not_saved(&self, error: &str) -> String {
        fill(self.get(Field::settings_not_saved), &[("error", &error)])
    }

    /// Switching to `language` (its name in its own script) failed: its texts could not be
    /// fetched.
    pub fn language_unavailable(&self, language: &str, error: &str) -> String {
        fill(
            self.get(Field::language_unavailable),
            &[("language", &language), ("error", &error)],
        )
    }

    /// An account write failed for another reason.
    pub fn account_not_saved(&self, error: &str) -> String {
        fill(self.get(Field::account_not_saved), &[("error", &error)])
    }

    /// Fetching the question bank failed.
    pub fn data_failed(&self, error: &str) -> String {
        fill(self.get(Field::data_failed), &[("error", &error)])
    }

    /// Fills the `import_summary` template.
    pub fn import_summary(&self, added: usize, conflicts: usize) -> String {
        fill(
            self.get(Field::import_summary),
            &[("added", &added), ("conflicts", &conflicts)],
        )
    }

    /// Fills the `import_conflict` template.
    pub fn import_conflict(&self, existing: &str, incoming: &str) -> String {
        fill(
            self.get(Field::import_conflict),
            &[("existing", &existing), ("incoming", &incoming)],
        )
    }

    /// Fills the `imported` template.
    pub fn imported(&self, count: usize) -> String {
        fill(self.get(Field::imported), &[("count", &count)])
    }

    /// Fills the `import_too_large` template.
    pub fn import_too_large(&self, megabytes: &str) -> String {
        fill(
            self.get(Field::import_too_large),
            &[("megabytes", &megabytes)],
        )
    }

    /// Fills the `import_not_json` template.
    pub fn import_not_json(&self, detail: &str) -> String {
        fill(self.get(Field::import_not_json), &[("detail", &detail)])
    }

    /// Fills the `import_newer` template.
    pub fn import_newer(&self, schema: u64) -> String {
        fill(self.get(Field::import_newer), &[("schema", &schema)])
    }

    /// Fills the `import_invalid` template.
    pub fn import_invalid(&self, detail: &str) -> String {
        fill(self.get(Field::import_invalid), &[("detail", &detail)])
    }

    /// Fills the `quarantine_not_deleted` template.
    pub fn quarantine_not_deleted(&self, error: &str) -> String {
        fill(
            self.get(Field::quarantine_not_deleted),
            &[("error", &error)],
        )
    }

    /// Fills the `history` template.
    pub fn history(&self, count: usize) -> String {
        fill(self.get(Field::history), &[("count", &count)])
    }

    /// Open account-plan items past their due date (home screen).
    pub fn overdue_items(&self, count: usize) -> String {
        match count {
            1 => fill(self.get(Field::overdue_items_one), &[("count", &count)]),
            _ => fill(self.get(Field::overdue_items), &[("count", &count)]),
        }
    }

    /// Fills the `delete_confirm` template.
    pub fn delete_confirm(&self, name: &str) -> String {
        fill(self.get(Field::delete_confirm), &[("name", &name)])
    }

    /// Fills the `deleted` template.
    pub fn deleted(&self, name: &str) -> String {
        fill(self.get(Field::deleted), &[("name", &name)])
    }

    /// Fills the `draft_progress` template.
    pub fn draft_progress(&self, answered: usize, total: usize) -> String {
        fill(
            self.get(Field::draft_progress),
            &[("answered", &answered), ("total", &total)],
        )
    }

    /// Fills the `progress` template.
    pub fn progress(
        &self,
        section: usize,
        sections: usize,
        answered: usize,
        total: usize,
    ) -> String {
        fill(
            self.get(Field::progress),
            &[
                ("section", &section),
                ("sections", &sections),
                ("answered", &answered),
                ("total", &total),
            ],
        )
    }

    /// Fills the `section_count` template.
    pub fn section_count(&self, answered: usize, total: usize) -> String {
        fill(
            self.get(Field::section_count),
            &[("answered", &answered), ("total", &total)],
        )
    }

    /// Fills the `finish_hint` template.
    pub fn finish_hint(&self, unanswered: usize) -> String {
        match unanswered {
            0 => fill(
                self.get(Field::finish_hint_none),
                &[("unanswered", &unanswered)],
            ),
            _ => fill(self.get(Field::finish_hint), &[("unanswered", &unanswered)]),
        }
    }

    /// Fills the `section_unanswered` template.
    pub fn section_unanswered(&self, unanswered: usize) -> String {
        match unanswered {
            0 => fill(
                self.get(Field::section_unanswered_none),
                &[("unanswered", &unanswered)],
            ),
            1 => fill(
                self.get(Field::section_unanswered_one),
                &[("unanswered", &unanswered)],
            ),
            _ => fill(
                self.get(Field::section_unanswered),
                &[("unanswered", &unanswered)],
            ),
        }
    }

    /// Fills the `question_of` template.
    pub fn question_of(&self, n: usize, total: usize) -> String {
        fill(
            self.get(Field::question_of),
            &[("n", &n), ("total", &total)],
        )
    }

    /// Fills the `assessed_on` template.
    pub fn assessed_on(&self, date: &str, assessor: &str) -> String {
        if assessor.is_empty() {
            fill(self.get(Field::assessed_on_anonymous), &[("date", &date)])
        } else {
            fill(
                self.get(Field::assessed_on),
                &[("date", &date), ("assessor", &assessor)],
            )
        }
    }

    /// Fills the `gap_below` template.
    pub fn gap_below(&self, rungs: i32) -> String {
        match rungs {
            1 => fill(self.get(Field::gap_below_one), &[("rungs", &rungs)]),
            _ => fill(self.get(Field::gap_below), &[("rungs", &rungs)]),
        }
    }

    /// Fills the `evidence_share` template.
    pub fn evidence_share(&self, share: u8) -> String {
        fill(self.get(Field::evidence_share), &[("share", &share)])
    }

    /// Fills the `blocks_next` template.
    pub fn blocks_next(&self, next: &str) -> String {
        fill(self.get(Field::blocks_next), &[("next", &next)])
    }

    /// Fills the `blocker_facet` template.
    pub fn blocker_facet(&self, facet: &str, shows: &str) -> String {
        fill(
            self.get(Field::blocker_facet),
            &[("facet", &facet), ("shows", &shows)],
        )
    }

    /// Fills the `blocker_too_little` template.
    pub fn blocker_too_little(&self, considered: usize) -> String {
        fill(
            self.get(Field::blocker_too_little),
            &[("considered", &considered)],
        )
    }

    /// Fills the `reason_scale` template.
    pub fn reason_scale(&self, score: u8, ceiling: &str) -> String {
        fill(
            self.get(Field::reason_scale),
            &[("score", &score), ("ceiling", &ceiling)],
        )
    }

    /// Fills the `reason_condition` template.
    pub fn reason_condition(&self, factor: &str, score: Option<u8>) -> String {
        match score {
            Some(score) => fill(
                self.get(Field::reason_condition),
                &[("factor", &factor), ("score", &score)],
            ),
            None => fill(
                self.get(Field::reason_condition_unanswered),
                &[("factor", &factor)],
            ),
        }
    }

    /// Fills the `reason_low_switching` template.
    pub fn reason_low_switching(&self, score: Option<u8>) -> String {
        match score {
            Some(score) => fill(self.get(Field::reason_low_switching), &[("score", &score)]),
            None => fill(self.get(Field::reason_low_switching_unanswered), &[]),
        }
    }

    /// Fills the `reason_appetite` template.
    pub fn reason_appetite(&self, score: Option<u8>, cap: &str) -> String {
        match score {
            Some(score) => fill(
                self.get(Field::reason_appetite),
                &[("cap", &cap), ("score", &score)],
            ),
            None => fill(
                self.get(Field::reason_appetite_unanswered),
                &[("cap", &cap)],
            ),
        }
    }

    /// Fills the `near` template.
    pub fn near(&self, others: &str) -> String {
        fill(self.get(Field::near), &[("others", &others)])
    }

    /// Fills the `lagging` template.
    pub fn lagging(&self, capability: &str) -> String {
        fill(self.get(Field::lagging), &[("capability", &capability)])
    }

    /// Fills the `guarantee_floor` template.
    pub fn guarantee_floor(&self, guarantee: &str) -> String {
        fill(
            self.get(Field::guarantee_floor),
            &[("guarantee", &guarantee)],
        )
    }

    /// Fills the `source_article` template.
    pub fn source_article(&self, articles: &str) -> String {
        fill(self.get(Field::source_article), &[("articles", &articles)])
    }

    /// Fills the `carried_over` template.
    pub fn carried_over(&self, version: u32, carried: usize, total: usize) -> String {
        fill(
            self.get(Field::carried_over),
            &[
                ("version", &version),
                ("carried", &carried),
                ("total", &total),
            ],
        )
    }

    /// Fills the `questionnaire_marker` template.
    pub fn questionnaire_marker(&self, version: u32) -> String {
        fill(
            self.get(Field::questionnaire_marker),
            &[("version", &version)],
        )
    }

    /// Fills the `versions_differ` template.
    pub fn versions_differ(&self, before: u32, after: u32) -> String {
        fill(
            self.get(Field::versions_differ),
            &[("before", &before), ("after", &after)],
        )
    }

    /// Fills the `evidence_basis` template.
    pub fn evidence_basis(&self, percent: u8) -> String {
        fill(self.get(Field::evidence_basis), &[("percent", &percent)])
    }

    /// Fills the `loyalty_map_label` template.
    pub fn loyalty_map_label(&self, sat: &str, sw: &str, quadrant: &str) -> String {
        fill(
            self.get(Field::loyalty_map_label),
            &[("sat", &sat), ("sw", &sw), ("quadrant", &quadrant)],
        )
    }

    /// Fills the `bottleneck` template.
    pub fn bottleneck(&self, capability: &str) -> String {
        fill(self.get(Field::bottleneck), &[("capability", &capability)])
    }

    /// Fills the `risk_value` template.
    pub fn risk_value(&self, risk: &str, band: &str) -> String {
        fill(
            self.get(Field::risk_value),
            &[("risk", &risk), ("band", &band)],
        )
    }

    /// Fills the `show_all_actions` template.
    pub fn show_all_actions(&self, more: usize) -> String {
        fill(self.get(Field::show_all_actions), &[("more", &more)])
    }

    /// Fills the `confidence_answered` template.
    pub fn confidence_answered(&self, answered: usize, total: usize, dont_know: usize) -> String {
        fill(
            self.get(Field::confidence_answered),
            &[
                ("answered", &answered),
                ("total", &total),
                ("dont_know", &dont_know),
            ],
        )
    }

    /// Fills the `portfolio_map_label` template.
    pub fn portfolio_map_label(&self, points: usize) -> String {
        fill(self.get(Field::portfolio_map_label), &[("points", &points)])
    }

    /// Fills the `rows_shown` template.
    pub fn rows_shown(&self, shown: usize, total: usize) -> String {
        fill(
            self.get(Field::rows_shown),
            &[("shown", &shown), ("total", &total)],
        )
    }
}

fn slot(lang: Lang) -> &'static OnceLock<&'static Messages> {
    static SLOTS: [OnceLock<&'static Messages>; 2] = [OnceLock::new(), OnceLock::new()];
    match lang {
        Lang::En => &SLOTS[0],
        Lang::Zh => &SLOTS[1],
    }
}

/// One language's texts from its file's strings (leaked: screens hold `&'static` references to
/// them). Refuses a file that does not hold exactly [`Messages::STRINGS`] strings: one from
/// another build would put every text in the wrong place.
fn from_file(lang: Lang, strings: Vec<String>) -> Result<Messages, String> {
    if strings.len() != Messages::STRINGS {
        return Err(format!(
            "the {} interface texts hold {} strings, not {}",
            lang.id(),
            strings.len(),
            Messages::STRINGS
        ));
    }
    let all: Box<[&'static str; Messages::STRINGS]> = leak_all(strings)
        .into_boxed_slice()
        .try_into()
        .map_err(|_| "the interface texts changed length".to_owned())?;
    Ok(Messages {
        all: Box::leak(all),
    })
}

/// The strings, leaked. Apart, so that the length checked before cannot lead the compiler to
/// unroll this loop into one call per string (12 KB of wasm, measured).
#[inline(never)]
fn leak_all(strings: Vec<String>) -> Vec<&'static str> {
    strings
        .into_iter()
        .map(|s| &*Box::leak(s.into_boxed_str()))
        .collect()
}

/// Installs `lang`'s texts from its file's strings, as [`from_file`] reads them.
pub fn install(lang: Lang, strings: Vec<String>) -> Result<(), String> {
    let texts = from_file(lang, strings)?;
    // Installed twice (two loads racing): the first copy stays, the second is a leaked few KB.
    let _ = slot(lang).set(Box::leak(Box::new(texts)));
    Ok(())
}

/// Whether `lang`'s texts are in place.
pub fn installed(lang: Lang) -> bool {
    slot(lang).get().is_some()
}

/// The interface texts of `lang`.
///
/// In the browser the app renders only once the active language's texts are installed, and
/// changes language only once the new one's are, so a missing copy is a broken invariant.
// Not inlined: hundreds of call sites would each carry the lookup and its panic branch.
#[inline(never)]
pub fn messages(lang: Lang) -> &'static Messages {
    #[cfg(not(target_arch = "wasm32"))]
    {
        slot(lang).get_or_init(|| {
            Box::leak(Box::new(
                from_source(SOURCE, lang).expect("messages.json matches Messages"),
            ))
        })
    }
    #[cfg(target_arch = "wasm32")]
    {
        slot(lang)
            .get()
            .copied()
            .expect("the interface texts are installed before anything renders in their language")
    }
}

/// The source file, compiled in on the host only.
#[cfg(not(target_arch = "wasm32"))]
const SOURCE: &str = include_str!("messages.json");

/// The source's keys in file order, with each one's value.
#[cfg(not(target_arch = "wasm32"))]
struct Ordered(Vec<(String, serde_json::Value)>);

#[cfg(not(target_arch = "wasm32"))]
impl<'de> serde::Deserialize<'de> for Ordered {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Ordered;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object of texts")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Ordered, A::Error> {
                let mut all = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    all.push(entry);
                }
                Ok(Ordered(all))
            }
        }
        d.deserialize_map(Visit)
    }
}

/// One language's texts from the bilingual source, checked key by key against the fields: the
/// same check the build's flat arrays rely on.
#[cfg(not(target_arch = "wasm32"))]
fn from_source(source: &str, lang: Lang) -> Result<Messages, String> {
    let Ordered(entries) = serde_json::from_str(source).map_err(|e| e.to_string())?;
    let names: Vec<&str> = entries.iter().map(|(k, _)| k.as_str()).collect();
    let fields: Vec<&str> = Messages::FIELDS.iter().map(|(n, _)| *n).collect();
    if names != fields {
        let first = names.iter().zip(&fields).position(|(a, b)| a != b);
        return Err(format!(
            "messages.json's keys differ from Messages' fields (first at {first:?}: {:?} against {:?})",
            first.and_then(|i| names.get(i)),
            first.and_then(|i| fields.get(i)),
        ));
    }
    let mut strings = Vec::with_capacity(Messages::STRINGS);
    for ((key, value), (_, count)) in entries.iter().zip(Messages::FIELDS) {
        let value = &value[lang.id()];
        let texts: Vec<String> = match value {
            serde_json::Value::String(s) => vec![s.clone()],
            serde_json::Value::Array(a) => a
                .iter()
                .map(|v| v.as_str().map(str::to_owned))
                .collect::<Option<_>>()
                .ok_or(format!("{key}: not strings"))?,
            _ => return Err(format!("{key}: no {} text", lang.id())),
        };
        if texts.len() != *count {
            return Err(format!("{key}: {} strings, not {count}", texts.len()));
        }
        strings.extend(texts);
    }
    from_file(lang, strings)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every string of `lang` in the source, with its key.
    fn strings(lang: Lang) -> Vec<(String, String)> {
        let Ordered(entries) = serde_json::from_str(SOURCE).unwrap();
        let mut all = Vec::new();
        for (key, value) in entries {
            match &value[lang.id()] {
                serde_json::Value::Array(items) => all.extend(
                    items
                        .iter()
                        .map(|t| (key.clone(), t.as_str().unwrap().to_owned())),
                ),
                text => all.push((key, text.as_str().unwrap().to_owned())),
            }
        }
        all
    }

    /// The `{names}` a template fills.
    fn placeholders(template: &str) -> Vec<&str> {
        let mut names: Vec<&str> = template
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        names.sort_unstable();
        names
    }

    #[test]
    fn the_source_holds_every_field_of_both_languages_in_order() {
        for lang in Lang::ALL {
            from_source(SOURCE, lang).unwrap();
            assert_eq!(strings(lang).len(), Messages::STRINGS);
        }
    }

    #[test]
    fn a_field_missing_or_out_of_order_is_refused() {
        let missing = SOURCE.replacen("\"tagline\"", "\"tag_line\"", 1);
        let error = from_source(&missing, Lang::En).err().unwrap();
        assert!(
            error.contains("tag_line") && error.contains("tagline"),
            "{error}"
        );
        let no_zh = SOURCE.replacen("\"zh\": \"大客户关系评估", "\"fr\": \"大客户关系评估", 1);
        assert!(from_source(&no_zh, Lang::Zh).is_err());
        assert!(from_source(&no_zh, Lang::En).is_ok());
    }

    #[test]
    fn a_file_of_the_wrong_length_is_refused() {
        let file: Vec<String> = strings(Lang::Zh).into_iter().map(|(_, t)| t).collect();
        let texts = from_file(Lang::Zh, file.clone()).unwrap();
        assert_eq!(texts.app_name(), "Rapport");
        assert_eq!(texts.accounts_empty_steps().len(), 3);
        let mut short = file.clone();
        short.pop();
        let error = from_file(Lang::Zh, short).err().unwrap();
        assert!(error.contains(&Messages::STRINGS.to_string()), "{error}");
        let mut long = file;
        long.push("extra".into());
        assert!(from_file(Lang::Zh, long).is_err());
    }

    #[test]
    fn no_string_is_blank_in_either_language() {
        for lang in Lang::ALL {
            for (key, text) in strings(lang) {
                assert!(!text.trim().is_empty(), "blank string in {lang:?}: {key}");
            }
        }
    }

    #[test]
    fn chinese_strings_are_translated_not_copied() {
        // The same in both: the name, and two figures with no words in them.
        let same = ["app_name", "section_count", "risk_value"];
        for ((key, en), (_, zh)) in strings(Lang::En).iter().zip(strings(Lang::Zh)) {
            if !same.contains(&key.as_str()) {
                assert_ne!(en, &zh, "untranslated string: {key}");
            }
        }
    }

    #[test]
    fn both_languages_fill_the_same_placeholders() {
        for ((key, en), (_, zh)) in strings(Lang::En).iter().zip(strings(Lang::Zh)) {
            assert_eq!(placeholders(en), placeholders(&zh), "{key}");
        }
    }

    #[test]
    fn every_template_is_filled_in_both_languages() {
        for lang in Lang::ALL {
            let m = messages(lang);
            for text in [
                m.paren("X"),
                m.unreadable_kept("X", "X", "X"),
                m.unreadable_not_kept("X", "X"),
                m.storage_unavailable("X"),
                m.settings_not_saved("X"),
                m.account_not_saved("X"),
                m.data_failed("X"),
                m.import_summary(0, 7),
                m.import_summary(1, 7),
                m.import_summary(7, 7),
                m.import_conflict("X", "X"),
                m.imported(0),
                m.imported(1),
                m.imported(7),
                m.import_too_large("X"),
                m.import_not_json("X"),
                m.import_newer(7),
                m.import_invalid("X"),
                m.quarantine_not_deleted("X"),
                m.history(0),
                m.history(1),
                m.history(7),
                m.overdue_items(0),
                m.overdue_items(1),
                m.overdue_items(7),
                m.delete_confirm("X"),
                m.deleted("X"),
                m.draft_progress(0, 7),
                m.draft_progress(1, 7),
                m.draft_progress(7, 7),
                m.progress(0, 7, 7, 7),
                m.progress(1, 7, 7, 7),
                m.progress(7, 7, 7, 7),
                m.section_count(0, 7),
                m.section_count(1, 7),
                m.section_count(7, 7),
                m.finish_hint(0),
                m.finish_hint(1),
                m.finish_hint(7),
                m.section_unanswered(0),
                m.section_unanswered(1),
                m.section_unanswered(7),
                m.question_of(0, 7),
                m.question_of(1, 7),
                m.question_of(7, 7),
                m.assessed_on("X", "X"),
                m.assessed_on("X", ""),
                m.gap_below(0),
                m.gap_below(1),
                m.gap_below(7),
                m.evidence_share(7),
                m.blocks_next("X"),
                m.blocker_facet("X", "X"),
                m.blocker_too_little(0),
                m.blocker_too_little(1),
                m.blocker_too_little(7),
                m.reason_scale(7, "X"),
                m.reason_condition("X", Some(7)),
                m.reason_condition("X", None),
                m.reason_low_switching(Some(7)),
                m.reason_low_switching(None),
                m.reason_appetite(Some(7), "X"),
                m.reason_appetite(None, "X"),
                m.near("X"),
                m.lagging("X"),
                m.guarantee_floor("X"),
                m.source_article("X"),
                m.carried_over(7, 7, 7),
                m.questionnaire_marker(7),
                m.versions_differ(7, 7),
                m.evidence_basis(7),
                m.loyalty_map_label("X", "X", "X"),
                m.bottleneck("X"),
                m.risk_value("X", "X"),
                m.show_all_actions(0),
                m.show_all_actions(1),
                m.show_all_actions(7),
                m.confidence_answered(0, 7, 7),
                m.confidence_answered(1, 7, 7),
                m.confidence_answered(7, 7, 7),
                m.portfolio_map_label(0),
                m.portfolio_map_label(1),
                m.portfolio_map_label(7),
                m.rows_shown(0, 7),
                m.rows_shown(1, 7),
                m.rows_shown(7, 7),
            ] {
                assert!(
                    !text.contains('{') && !text.contains('}'),
                    "{lang:?}: {text}"
                );
            }
        }
    }

    #[test]
    fn fill_replaces_known_names_and_keeps_the_rest() {
        assert_eq!(fill("{a} of {b}", &[("a", &1), ("b", &"two")]), "1 of two");
        assert_eq!(fill("{a} {missing} {", &[("a", &1)]), "1 {missing} {");
        assert_eq!(fill("no placeholder", &[]), "no placeholder");
        assert_eq!(fill("（{x}）", &[("x", &"中文")]), "（中文）");
    }

    /// Every string of the Chinese interface, templates included, uses full-width punctuation.
    #[test]
    fn chinese_interface_uses_full_width_punctuation() {
        let mut bad = Vec::new();
        for (_, text) in strings(Lang::Zh) {
            bad.extend(crate::engine::text::bilingual::ascii_punctuation_in_chinese(&text));
        }
        assert!(bad.is_empty(), "ASCII punctuation in Chinese: {bad:#?}");
        // The faults the rule finds are built at run time, so this file holds none itself.
        let faulty = ["关系", "很好"].join(",");
        assert!(!crate::engine::text::bilingual::ascii_punctuation_in_chinese(&faulty).is_empty());
        // Parentheses around Latin text inside Chinese are full width too; in a Latin run they stay.
        let mixed = ["关系，很好（OK），Rapport (v1", " 也是。"].join(")");
        assert_eq!(
            crate::engine::text::bilingual::ascii_punctuation_in_chinese(&mixed).len(),
            1
        );
    }

    /// The Chinese outside the texts file — the installed app's description, the start-failure
    /// notices, the no-script line — follows the same rule as the interface.
    #[test]
    fn chinese_outside_the_texts_file_uses_full_width_punctuation() {
        let files = [
            (
                "manifest",
                include_str!("../../../static/manifest.webmanifest"),
            ),
            (
                "first-paint.js",
                include_str!("../../../static/first-paint.js"),
            ),
            ("index.html", include_str!("../../../index.html")),
            // StartFailed's few words, shown when the texts file itself could not be fetched.
            ("ui/root.rs", include_str!("../../ui/root.rs")),
        ];
        for (name, source) in files {
            let bad: Vec<String> = source
                .split(['"', '\'', '<', '>'])
                .flat_map(crate::engine::text::bilingual::ascii_punctuation_in_chinese)
                .collect();
            assert!(
                bad.is_empty(),
                "ASCII punctuation in Chinese in {name}: {bad:#?}"
            );
        }
    }

    #[test]
    fn formatted_strings_include_their_values() {
        for lang in Lang::ALL {
            let m = messages(lang);
            let kept = m.unreadable_kept(m.what_settings(), "rapport.quarantine.1.x", "EOF at 3");
            assert!(kept.contains("rapport.quarantine.1.x") && kept.contains("EOF at 3"));
            assert!(m.unreadable_not_kept(m.what_account(), "E1").contains("E1"));
            assert!(m.account_not_saved("E4").contains("E4"));
            assert!(m.progress(3, 9, 24, 70).contains("24"));
            assert!(m.storage_unavailable("E2").contains("E2"));
            assert!(m.settings_not_saved("E3").contains("E3"));
            assert!(m.reason_appetite(None, "X").contains('X'));
            assert!(!m.reason_appetite(None, "X").contains("None"));
        }
    }
}
