//! Every interface string in both languages.
//!
//! One struct, one constant per language: a string missing in either language is a compile
//! error, not a blank on screen. Strings with values in them are functions. The question bank's
//! texts live with the bank's data, not here.

use crate::engine::text::lang::Lang;

/// The interface texts of one language.
pub struct Messages {
    pub app_name: &'static str,
    pub tagline: &'static str,
    pub language_switch_label: &'static str,
    pub skip_to_content: &'static str,
    /// Between a name and its value ("Level: Partner"): full width in Chinese.
    pub colon: &'static str,
    /// Between the items of an inline list: full width in Chinese.
    pub comma: &'static str,
    /// Between longer items ("; "): full width in Chinese.
    pub list_separator: &'static str,
    /// Between items of a short enumeration: ", " / "、".
    pub enumeration: &'static str,
    /// A parenthetical after a word: " (x)" / "（x）".
    pub paren: fn(inner: &str) -> String,
    /// Before a description: " — " / "——".
    pub dash: &'static str,
    pub accounts_heading: &'static str,
    pub accounts_empty_title: &'static str,
    pub accounts_empty_body: &'static str,
    pub accounts_empty_steps: [&'static str; 3],
    pub privacy_note: &'static str,
    /// The footer's way to the team sync settings.
    pub sync_link: &'static str,
    pub dismiss: &'static str,
    pub notices_label: &'static str,
    /// Stored data could not be read and was copied to a quarantine key.
    pub unreadable_kept: fn(what: &str, kept_as: &str, error: &str) -> String,
    /// Stored data could not be read and could not be copied either.
    pub unreadable_not_kept: fn(what: &str, error: &str) -> String,
    pub what_settings: &'static str,
    pub what_account: &'static str,
    /// Storage could not be read at all.
    pub storage_unavailable: fn(error: &str) -> String,
    /// A settings write failed.
    pub settings_not_saved: fn(error: &str) -> String,
    /// An account write failed for lack of space.
    pub account_not_saved_full: &'static str,
    /// An account write failed for another reason.
    pub account_not_saved: fn(error: &str) -> String,

    /// A new version is installed and waiting.
    pub update_available: &'static str,
    pub reload_to_update: &'static str,

    /// The question bank is being fetched.
    pub loading_questions: &'static str,
    /// A start was submitted while the questions load: it will open by itself.
    pub opens_when_loaded: &'static str,
    /// Fetching the question bank failed.
    pub data_failed: fn(error: &str) -> String,
    pub retry: &'static str,
    /// A screen whose code is fetched when first opened is on its way.
    pub screen_loading: &'static str,
    /// That fetch failed (offline before the app was installed for offline use): the heading
    /// that stands in for the screen's own, and what to do.
    pub screen_load_failed_heading: &'static str,
    pub screen_load_failed: &'static str,
    /// The import or the spreadsheet export, whose code comes with the later screens, could not
    /// be fetched.
    pub tool_load_failed: &'static str,

    // Moving data
    pub data_heading: &'static str,
    pub export_all: &'static str,
    /// Under the export buttons when any account has contacts (personal data travels in the file).
    pub export_contacts_note: &'static str,
    pub export_csv: &'static str,
    pub export_one: &'static str,
    pub import_label: &'static str,
    pub import_hint: &'static str,
    pub import_preview_heading: &'static str,
    pub import_summary: fn(added: usize, conflicts: usize) -> String,
    pub import_conflict: fn(existing: &str, incoming: &str) -> String,
    pub import_resolution_legend: &'static str,
    pub import_keep_both: &'static str,
    pub import_replace: &'static str,
    pub import_confirm: &'static str,
    pub imported: fn(count: usize) -> String,
    pub import_too_large: fn(megabytes: &str) -> String,
    pub import_not_json: fn(detail: &str) -> String,
    pub import_not_rapport: &'static str,
    pub import_newer: fn(schema: u64) -> String,
    pub import_invalid: fn(detail: &str) -> String,
    pub download_quarantined: &'static str,
    /// Offered once the unreadable data was downloaded.
    pub delete_quarantined: &'static str,
    pub quarantine_not_deleted: fn(error: &str) -> String,

    pub history: fn(count: usize) -> String,
    /// Open account-plan items past their due date (home screen).
    pub overdue_items: fn(count: usize) -> String,
    pub print_report: &'static str,
    /// Prints only the results' one-page summary.
    pub print_summary: &'static str,
    /// The results' summary block and its three first actions.
    pub summary_heading: &'static str,
    pub priority_actions: &'static str,
    /// The results' section navigation: its label and a short name per block, in page order
    /// (summary, level, loyalty, capabilities, safeguards, risk, symbiosis, actions, confidence,
    /// notes).
    pub results_nav_label: &'static str,
    pub results_sections: [&'static str; 10],
    pub notes_heading: &'static str,
    pub delete_account: &'static str,
    pub delete_confirm: fn(name: &str) -> String,
    pub delete_yes: &'static str,
    pub deleted: fn(name: &str) -> String,
    pub undo: &'static str,

    // Home
    pub new_assessment: &'static str,
    pub rules_link: &'static str,
    pub col_level: &'static str,
    pub col_quadrant: &'static str,
    pub col_risk: &'static str,
    pub col_last: &'static str,
    pub resume: &'static str,
    pub view_results: &'static str,
    pub reassess: &'static str,
    pub draft_progress: fn(answered: usize, total: usize) -> String,
    pub not_assessed_yet: &'static str,

    // Start
    pub start_heading: &'static str,
    pub start_intro: &'static str,
    pub account_name_label: &'static str,
    pub account_name_hint: &'static str,
    pub industry_label: &'static str,
    pub tags_label: &'static str,
    pub tags_hint: &'static str,
    pub assessor_label: &'static str,
    pub optional: &'static str,
    pub start_button: &'static str,
    pub cancel: &'static str,
    pub error_name_missing: &'static str,
    pub error_too_long: &'static str,
    pub error_other: &'static str,

    // Questionnaire
    pub progress: fn(section: usize, sections: usize, answered: usize, total: usize) -> String,
    pub sections_nav_label: &'static str,
    pub section_count: fn(answered: usize, total: usize) -> String,
    pub unanswered_marker: &'static str,
    pub help_toggle: &'static str,
    pub dont_know: &'static str,
    pub note_label: &'static str,
    pub keyboard_hint: &'static str,
    pub back: &'static str,
    pub next_section: &'static str,
    pub finish: &'static str,
    pub finish_hint: fn(unanswered: usize) -> String,
    pub section_unanswered: fn(unanswered: usize) -> String,
    pub discard_draft: &'static str,
    pub discard_confirm: &'static str,
    pub discard_yes: &'static str,
    pub discard_no: &'static str,
    pub saved_locally: &'static str,
    pub question_of: fn(n: usize, total: usize) -> String,

    // Results
    pub results_heading: &'static str,
    pub assessed_on: fn(date: &str, assessor: &str) -> String,
    pub back_to_accounts: &'static str,
    pub unknown: &'static str,
    pub level_heading: &'static str,
    pub current_level: &'static str,
    pub target_level: &'static str,
    pub gap_below: fn(rungs: i32) -> String,
    pub evidence_share: fn(share: u8) -> String,
    pub blocks_next: fn(next: &str) -> String,
    pub blocker_facet: fn(facet: &str, shows: &str) -> String,
    pub blocker_too_little: fn(considered: usize) -> String,
    pub why_target: &'static str,
    pub reason_scale: fn(score: u8, ceiling: &str) -> String,
    pub reason_condition: fn(factor: &str, score: Option<u8>) -> String,
    pub reason_low_switching: fn(score: Option<u8>) -> String,
    pub reason_appetite: fn(score: Option<u8>, cap: &str) -> String,
    pub not_enough_evidence: &'static str,
    pub near: fn(others: &str) -> String,
    pub stance_label: &'static str,
    pub stage_label: &'static str,
    pub lagging: fn(capability: &str) -> String,
    pub guarantee_floor: fn(guarantee: &str) -> String,
    pub first_step: &'static str,
    pub source_article: fn(articles: &str) -> String,
    pub carried_over: fn(version: u32, carried: usize, total: usize) -> String,
    pub questionnaire_marker: fn(version: u32) -> String,
    pub older_questionnaire_note: &'static str,
    pub versions_differ: fn(before: u32, after: u32) -> String,
    pub evidence_basis: fn(percent: u8) -> String,
    pub loyalty_heading: &'static str,
    pub loyalty_map_label: fn(sat: &str, sw: &str, quadrant: &str) -> String,
    pub levers_weakest_first: &'static str,
    pub capabilities_heading: &'static str,
    pub bottleneck: fn(capability: &str) -> String,
    pub no_bottleneck: &'static str,
    pub safeguards_heading: &'static str,
    pub risk_heading: &'static str,
    pub risk_value: fn(risk: &str, band: &str) -> String,
    pub phase_label: &'static str,
    pub warnings_heading: &'static str,
    pub symbiosis_heading: &'static str,
    pub loyalty_types_heading: &'static str,
    pub actions_heading: &'static str,
    pub actions_intro: &'static str,
    pub show_all_actions: fn(more: usize) -> String,
    pub show_fewer_actions: &'static str,
    pub because: &'static str,
    pub no_actions: &'static str,
    pub confidence_heading: &'static str,
    pub confidence_answered: fn(answered: usize, total: usize, dont_know: usize) -> String,
    pub thin_sections: &'static str,
    pub inconsistencies_heading: &'static str,
    pub how_computed: &'static str,
    pub full_rules_link: &'static str,
    pub chart_ladder_label: &'static str,

    // Rules
    pub rules_heading: &'static str,
    pub account_page: &'static str,
    pub better: &'static str,
    pub worse: &'static str,
    pub col_change: &'static str,
    pub col_figure: &'static str,
    pub col_gap: &'static str,
    pub col_name: &'static str,
    pub col_tags: &'static str,
    pub col_target: &'static str,
    pub compare_after: &'static str,
    pub compare_before: &'static str,
    pub compare_button: &'static str,
    pub compare_caption: &'static str,
    pub compare_heading: &'static str,
    pub compare_previous: &'static str,
    pub edit_details: &'static str,
    pub filter_all: &'static str,
    pub filter_text: &'static str,
    pub history_caption: &'static str,
    pub new_warnings: &'static str,
    pub resolved_warnings: &'static str,
    pub none_listed: &'static str,
    pub path_caption: &'static str,
    pub portfolio_caption: &'static str,
    pub portfolio_heading: &'static str,
    pub portfolio_map_caption: &'static str,
    pub save: &'static str,
    pub save_shared: &'static str,
    pub share_link: &'static str,
    pub share_link_label: &'static str,
    pub share_link_note: &'static str,
    pub shared_banner: &'static str,
    pub shared_heading: &'static str,
    pub trend_heading: &'static str,
    pub portfolio_map_label: fn(points: usize) -> String,
    pub rows_shown: fn(shown: usize, total: usize) -> String,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub copy_failed: &'static str,
    pub trend_show: &'static str,
}

/// English.
pub const EN: Messages = Messages {
    app_name: "Rapport",
    tagline: "Key-account relationship assessment",
    language_switch_label: "Language",
    skip_to_content: "Skip to content",
    colon: ": ",
    comma: ", ",
    list_separator: "; ",
    enumeration: ", ",
    paren: |x| format!(" ({x})"),
    dash: " — ",
    accounts_heading: "Accounts",
    accounts_empty_title: "No accounts assessed yet",
    accounts_empty_body: "Rapport rates one of your customer relationships in 10–15 minutes and tells you where it stands and what to do next.",
    accounts_empty_steps: [
        "Name the account you want to assess.",
        "Answer questions about what actually happens between you and the customer.",
        "Get its relationship level, loyalty position, defection risk and a ranked action plan.",
    ],
    privacy_note: "Everything you enter stays in this browser on this device. Nothing is sent anywhere unless you export it or turn on team sync.",
    sync_link: "Team sync",
    dismiss: "Dismiss",
    notices_label: "Notices",
    unreadable_kept: |what, kept_as, error| {
        format!("Saved {what} could not be read ({error}), so it is not shown. Nothing was deleted: the original text is kept in this browser's storage under “{kept_as}”.")
    },
    unreadable_not_kept: |what, error| {
        format!("Saved {what} could not be read ({error}) and there was no room to keep a copy, so it is left untouched and will not be overwritten. Free some browser storage and reload.")
    },
    what_settings: "settings",
    what_account: "account data",
    storage_unavailable: |error| {
        format!("This browser's storage cannot be used ({error}). Rapport works, but nothing will be remembered after you close the page. Allow site data for this page to keep your work.")
    },
    settings_not_saved: |error| {
        format!("Your language choice could not be saved ({error}). It applies until you close the page.")
    },
    account_not_saved_full: "Your latest change could not be saved: this browser's storage is full. The previously saved version is intact and your change stays on this page until you close it. Export all your data now to keep a copy that includes this change, then delete accounts you no longer need to free space.",
    account_not_saved: |error| {
        format!("Your latest change could not be saved ({error}). The previously saved version is intact; your change stays on this page until you close it.")
    },

    update_available: "A new version of Rapport is ready. Your data is kept.",
    reload_to_update: "Reload to update",
    loading_questions: "Loading the questions…",
    opens_when_loaded: "Loading the questions… The assessment opens as soon as they are ready.",
    data_failed: |error| format!("The questions could not be loaded ({error}). Check your connection, then try again."),
    retry: "Try again",
    screen_loading: "Opening…",
    screen_load_failed_heading: "This screen could not be loaded",
    screen_load_failed: "Check your connection, then try again. Nothing you entered is lost.",
    tool_load_failed: "This part of Rapport could not be loaded, so nothing was imported or exported. Check your connection, then try again.",
    data_heading: "Your data",
    export_all: "Export all (JSON)",
    export_contacts_note: "The JSON export includes your stakeholder maps: the names and roles of people at your customers. Keep the file as carefully as this device.",
    export_csv: "Export for spreadsheets (CSV)",
    export_one: "Export this assessment (JSON)",
    import_label: "Import a Rapport export (JSON)",
    import_hint: "Nothing changes until you confirm the preview.",
    import_preview_heading: "Import preview",
    import_summary: |added, conflicts| format!("{added} new accounts; {conflicts} already here."),
    import_conflict: |existing, incoming| format!("“{incoming}” has the same id as “{existing}” here."),
    import_resolution_legend: "For accounts already here",
    import_keep_both: "Keep both",
    import_replace: "Replace them with the imported ones",
    import_confirm: "Import",
    imported: |n| format!("Imported {n} accounts."),
    import_too_large: |mb| format!("That file is too large: {mb} MB, over the 5 MB an import accepts. Nothing was imported."),
    import_not_json: |detail| format!("That file is not a Rapport export: it is not valid JSON ({detail}). Nothing was imported."),
    import_not_rapport: "That file is JSON but not a Rapport export. Nothing was imported.",
    import_newer: |v| format!("That export comes from a newer Rapport (format {v}). Reload to update Rapport, then import again. Nothing was imported."),
    import_invalid: |detail| format!("That export is damaged or was edited by hand: {detail}. Nothing was imported."),
    download_quarantined: "Download the unreadable data",
    delete_quarantined: "Delete it from this browser",
    quarantine_not_deleted: |e| format!("The unreadable data could not be deleted ({e}). It is still in this browser's storage; try again, or reload."),
    history: |n| format!("History: {n} assessments"),
    overdue_items: |n| {
        if n == 1 {
            "1 plan item overdue".to_owned()
        } else {
            format!("{n} plan items overdue")
        }
    },
    print_report: "Print the full report",
    print_summary: "Print the one-page summary",
    summary_heading: "At a glance",
    priority_actions: "Priority actions",
    results_nav_label: "Results sections",
    results_sections: ["Summary", "Level", "Loyalty", "Capabilities", "Safeguards", "Risk", "Symbiosis", "Actions", "Confidence", "Notes"],
    notes_heading: "Notes",
    delete_account: "Delete",
    delete_confirm: |name| format!("Delete “{name}” and all its assessments?"),
    delete_yes: "Yes, delete",
    deleted: |name| format!("Deleted “{name}”."),
    undo: "Undo",
    new_assessment: "New assessment",
    rules_link: "How the figures are computed",
    col_level: "Level",
    col_quadrant: "Loyalty",
    col_risk: "Defection risk",
    col_last: "Last assessed",
    resume: "Resume",
    view_results: "View results",
    reassess: "Re-assess",
    draft_progress: |answered, total| format!("Draft in progress: {answered} of {total} answered"),
    not_assessed_yet: "Not completed yet",

    start_heading: "New assessment",
    start_intro: "Name the customer account you want to assess. Answers are saved on this device as you go, so you can stop and resume at any time.",
    account_name_label: "Account name",
    account_name_hint: "The customer company, as your team calls it.",
    industry_label: "Industry",
    tags_label: "Tags",
    tags_hint: "Separate tags with commas, e.g. East region, Tier 1.",
    assessor_label: "Your name",
    optional: "optional",
    start_button: "Start the assessment",
    cancel: "Cancel",
    error_name_missing: "Enter the account name to start.",
    error_too_long: "One of the texts is too long: account name up to 120 characters, industry and name up to 80, up to 12 tags of 40.",
    error_other: "The assessment could not be started. Reload the page and try again.",

    progress: |section, sections, answered, total| {
        format!("Section {section} of {sections} · {answered} of {total} answered")
    },
    sections_nav_label: "Sections",
    section_count: |answered, total| format!("{answered}/{total}"),
    unanswered_marker: "Not answered yet",
    help_toggle: "Help",
    dont_know: "Don't know / not applicable",
    note_label: "Note",
    keyboard_hint: "Keyboard: arrows move within a question, 1–5 choose an option, 0 means don't know, Enter goes to the next question.",
    back: "Previous section",
    next_section: "Next section",
    finish: "See the results",
    finish_hint: |unanswered| {
        if unanswered == 0 {
            "Every question is answered.".to_owned()
        } else {
            format!("{unanswered} questions are not answered. You can still see the results; they will show lower confidence.")
        }
    },
    section_unanswered: |n| match n {
        0 => "Every question in this section is answered.".to_owned(),
        1 => "1 question in this section is not answered yet.".to_owned(),
        n => format!("{n} questions in this section are not answered yet."),
    },
    discard_draft: "Discard this draft",
    discard_confirm: "Discard this draft and all its answers? This cannot be undone.",
    discard_yes: "Yes, discard it",
    discard_no: "Keep it",
    saved_locally: "Every answer is saved on this device as you go.",
    question_of: |n, total| format!("Question {n} of {total}"),

    results_heading: "Results",
    assessed_on: |date, assessor| {
        if assessor.is_empty() {
            format!("Assessed on {date}")
        } else {
            format!("Assessed on {date} by {assessor}")
        }
    },
    back_to_accounts: "Back to accounts",
    unknown: "Not enough answers",
    level_heading: "Relationship level",
    current_level: "Current",
    target_level: "Worth aiming for",
    gap_below: |rungs| match rungs {
        1 => "One rung below the level worth aiming for: develop it.".to_owned(),
        n => format!("{n} rungs below the level worth aiming for: develop it."),
    },
    evidence_share: |share| format!("{share}% of the evidence"),
    blocks_next: |next| format!("What keeps it from {next}"),
    blocker_facet: |facet, shows| format!("{facet}: answers show {shows}"),
    blocker_too_little: |n| format!("Not enough evidence: only {n} of the relationship questions have an answer (4 needed)."),
    why_target: "Why this target",
    reason_scale: |score, ceiling| format!("Volume, purchase frequency and complexity score {score}/100, which supports up to {ceiling}."),
    reason_condition: |factor, score| match score {
        Some(score) => format!("{factor} is not clearly met ({score}/100): a target above preferred supplier needs all four conditions for a deeper relationship, each clearly met."),
        None => format!("{factor} is not answered: a target above preferred supplier needs all four conditions for a deeper relationship, each clearly met."),
    },
    reason_low_switching: |score| match score {
        Some(score) => format!("Switching costs are low ({score}/100): one of the four conditions for a deeper relationship is missing."),
        None => "Switching costs are not answered: one of the four conditions for a deeper relationship is unproven.".to_owned(),
    },
    reason_appetite: |score, cap| match score {
        Some(score) => format!("The customer's appetite for partnership ({score}/100) supports up to {cap}."),
        None => format!("The customer's appetite for partnership is not answered: {cap} at most."),
    },
    not_enough_evidence: "Not enough evidence",
    near: |others| format!(" (near {others})"),
    stance_label: "What to do with the investment",
    stage_label: "Stage",
    lagging: |c| format!("{c} lags far behind the other capabilities."),
    guarantee_floor: |g| format!("Below the floor: \u{201c}{g}\u{201d} is not met, so the risk cannot be green."),
    first_step: "First step",
    source_article: |a| format!("Source article: {a}"),
    carried_over: |version, carried, total| format!("Answered with questionnaire v{version}: {carried} of {total} answers carried over. Reworded and new questions are unanswered."),
    questionnaire_marker: |v| format!(" (questionnaire v{v})"),
    older_questionnaire_note: "Assessments marked with an earlier questionnaire version rest partly on questions since reworded: read their change with care.",
    versions_differ: |a, b| format!("Answered with different questionnaires (v{a} and v{b}): figures built on reworded questions are not directly comparable."),
    evidence_basis: |percent| format!("What the answers rest on counts {percent}%."),
    loyalty_heading: "Loyalty: happy to stay vs painful to leave",
    loyalty_map_label: |sat, sw, quadrant| format!("Loyalty map: satisfaction {sat}, switching cost {sw}, quadrant {quadrant}."),
    levers_weakest_first: "Levers, weakest first",
    capabilities_heading: "Capabilities: trust → execution → innovation",
    bottleneck: |c| format!("Bottleneck: {c}. Build it before the ones after it."),
    no_bottleneck: "No bottleneck: the capabilities this account needs are strong enough.",
    safeguards_heading: "Safeguards: one communication, two alignments, four guarantees",
    risk_heading: "Defection risk",
    risk_value: |risk, band| format!("{risk} / 100 · {band}"),
    phase_label: "Response",
    warnings_heading: "Warning signals (100 = no sign)",
    symbiosis_heading: "Symbiosis: helping the customer succeed",
    loyalty_types_heading: "Three kinds of loyalty",
    actions_heading: "Action plan",
    actions_intro: "Ranked by how much each action closes the gap to the target level and repairs the weakest levers.",
    show_all_actions: |more| format!("Show {more} more actions"),
    show_fewer_actions: "Show fewer actions",
    because: "Because",
    no_actions: "Nothing urgent: keep monitoring and re-assess in a few months.",
    confidence_heading: "Confidence",
    confidence_answered: |answered, total, dont_know| {
        format!("{answered} of {total} questions answered ({dont_know} marked don't know).")
    },
    thin_sections: "Thin sections (less than half answered):",
    inconsistencies_heading: "Answers that contradict each other:",
    how_computed: "How this was computed",
    full_rules_link: "All scoring rules",
    chart_ladder_label: "Relationship ladder",

    rules_heading: "How the figures are computed",
    account_page: "Account history and trend",
    better: "better",
    worse: "worse",
    col_change: "Change",
    col_figure: "Figure",
    col_gap: "Gap (rungs)",
    col_name: "Account",
    col_tags: "Tags",
    col_target: "Worth aiming for",
    compare_after: "Compare",
    compare_before: "With (earlier or baseline)",
    compare_button: "Compare",
    compare_caption: "Every index and lever of the two assessments, with the change from the first to the second",
    compare_heading: "Compare two assessments",
    compare_previous: "Compare with previous",
    edit_details: "Edit name and tags",
    filter_all: "All",
    filter_text: "Search name, industry or tag",
    history_caption: "Completed assessments, newest first",
    new_warnings: "New warnings",
    resolved_warnings: "Resolved warnings",
    none_listed: "None.",
    path_caption: "Arrows show how the account moved between assessments, ending at the latest.",
    portfolio_caption: "Every account's latest completed assessment; sort by any column",
    portfolio_heading: "Portfolio",
    portfolio_map_caption: "Each dot is an account's latest position; select one to open it.",
    save: "Save",
    save_shared: "Save to my accounts",
    share_link: "Share link",
    share_link_label: "Link to these results (copy it; anyone with the link sees them read-only)",
    share_link_note: "The link holds the account name, the date and the answers, inside the link itself: nothing is uploaded. Notes, industry, tags and the assessor's name are not included.",
    shared_banner: "Shared assessment, read-only. Nothing is stored until you choose “Save to my accounts”.",
    shared_heading: "Shared assessment",
    trend_heading: "Trend over time",
    portfolio_map_label: |n| format!("Loyalty map of the portfolio: {n} accounts plotted by satisfaction (across) and switching cost (up)."),
    rows_shown: |shown, total| format!("Showing {shown} of {total} accounts"),
    copy_link: "Copy link",
    link_copied: "Link copied.",
    copy_failed: "Could not copy automatically: the link is selected, press Ctrl+C (⌘C on a Mac).",
    trend_show: "Show on the chart",
};

/// Simplified Chinese.
pub const ZH: Messages = Messages {
    app_name: "Rapport",
    tagline: "大客户关系评估",
    language_switch_label: "语言",
    skip_to_content: "跳到正文",
    colon: "：",
    comma: "，",
    list_separator: "；",
    enumeration: "、",
    paren: |x| format!("（{x}）"),
    dash: "——",
    accounts_heading: "客户",
    accounts_empty_title: "还没有评估过任何客户",
    accounts_empty_body: "Rapport 用 10–15 分钟评估您的一个大客户关系，告诉您这段关系处在什么层级、下一步该做什么。",
    accounts_empty_steps: [
        "填写要评估的客户名称。",
        "根据您与客户之间实际发生的情况回答问题。",
        "得到关系层级、忠诚度定位、叛离风险和按优先级排列的行动计划。",
    ],
    privacy_note: "您输入的所有内容只保存在本设备的浏览器中；除非您主动导出或开启团队同步，不会发送到任何地方。",
    sync_link: "团队同步",
    dismiss: "关闭",
    notices_label: "提示",
    unreadable_kept: |what, kept_as, error| {
        format!("无法读取已保存的{what}（{error}），因此未显示。没有删除任何内容：原始内容已保留在浏览器存储的“{kept_as}”中。")
    },
    unreadable_not_kept: |what, error| {
        format!("无法读取已保存的{what}（{error}），且存储空间不足以保留副本，因此原内容保持不动，也不会被覆盖。请释放浏览器存储空间后重新加载。")
    },
    what_settings: "设置",
    what_account: "客户数据",
    storage_unavailable: |error| {
        format!("无法使用此浏览器的存储（{error}）。Rapport 仍可使用，但关闭页面后不会保留任何内容。请允许此页面保存网站数据。")
    },
    settings_not_saved: |error| {
        format!("无法保存语言选择（{error}），关闭页面前仍然有效。")
    },
    account_not_saved_full: "最近的修改未能保存：浏览器存储空间已满。之前保存的版本完好无损，您的修改在关闭页面前仍保留在页面上。请立即导出全部数据以保存包含此修改的副本，然后删除不再需要的客户以释放空间。",
    account_not_saved: |error| {
        format!("最近的修改未能保存（{error}）。之前保存的版本完好无损；您的修改在关闭页面前仍保留在页面上。")
    },

    update_available: "Rapport 有新版本可用。您的数据会保留。",
    reload_to_update: "重新加载以更新",
    loading_questions: "正在加载问题……",
    opens_when_loaded: "正在加载问题……加载完成后评估将自动打开。",
    data_failed: |error| format!("无法加载问题（{error}）。请检查网络连接后重试。"),
    retry: "重试",
    screen_loading: "正在打开……",
    screen_load_failed_heading: "无法加载此页面",
    screen_load_failed: "请检查网络连接后重试。您输入的内容不会丢失。",
    tool_load_failed: "无法加载这部分功能，未导入或导出任何内容。请检查网络连接后重试。",
    data_heading: "您的数据",
    export_all: "导出全部（JSON）",
    export_contacts_note: "JSON 导出文件包含客户关系图谱，即客户方人员的姓名与角色。请像保管本设备一样妥善保管该文件。",
    export_csv: "导出为表格（CSV）",
    export_one: "导出本次评估（JSON）",
    import_label: "导入 Rapport 导出文件（JSON）",
    import_hint: "确认预览之前不会做任何更改。",
    import_preview_heading: "导入预览",
    import_summary: |added, conflicts| format!("新增 {added} 个客户；{conflicts} 个已存在。"),
    import_conflict: |existing, incoming| format!("“{incoming}”与此处的“{existing}”编号相同。"),
    import_resolution_legend: "对于已存在的客户",
    import_keep_both: "两者都保留",
    import_replace: "用导入的替换",
    import_confirm: "导入",
    imported: |n| format!("已导入 {n} 个客户。"),
    import_too_large: |mb| format!("文件太大：{mb} MB，超过了导入上限 5 MB。未导入任何内容。"),
    import_not_json: |detail| format!("该文件不是 Rapport 导出文件：不是有效的 JSON（{detail}）。未导入任何内容。"),
    import_not_rapport: "该文件是 JSON，但不是 Rapport 导出文件。未导入任何内容。",
    import_newer: |v| format!("该导出文件来自更新版本的 Rapport（格式 {v}）。请重新加载以更新 Rapport，然后再导入。未导入任何内容。"),
    import_invalid: |detail| format!("该导出文件已损坏或被手工修改：{detail}。未导入任何内容。"),
    download_quarantined: "下载无法读取的数据",
    delete_quarantined: "从本浏览器中删除",
    quarantine_not_deleted: |e| format!("无法删除这些无法读取的数据（{e}），它们仍保留在浏览器存储中。请重试，或重新加载页面。"),
    history: |n| format!("历史：{n} 次评估"),
    overdue_items: |n| format!("{n} 项计划已逾期"),
    print_report: "打印完整报告",
    print_summary: "打印一页摘要",
    summary_heading: "评估概要",
    priority_actions: "优先行动",
    results_nav_label: "结果各部分",
    results_sections: ["概要", "层级", "忠诚度", "能力", "保障", "风险", "共生", "行动", "可信度", "备注"],
    notes_heading: "备注",
    delete_account: "删除",
    delete_confirm: |name| format!("删除“{name}”及其全部评估吗？"),
    delete_yes: "确定删除",
    deleted: |name| format!("已删除“{name}”。"),
    undo: "撤销",
    new_assessment: "新建评估",
    rules_link: "各项指标的计算方法",
    col_level: "层级",
    col_quadrant: "忠诚度",
    col_risk: "叛离风险",
    col_last: "最近评估",
    resume: "继续评估",
    view_results: "查看结果",
    reassess: "重新评估",
    draft_progress: |answered, total| format!("评估进行中：已回答 {answered}/{total}"),
    not_assessed_yet: "尚未完成",

    start_heading: "新建评估",
    start_intro: "填写要评估的客户名称。答案会随时保存在本设备上，您可以随时中断、随时继续。",
    account_name_label: "客户名称",
    account_name_hint: "您的团队对这家客户公司的称呼。",
    industry_label: "所属行业",
    tags_label: "标签",
    tags_hint: "多个标签用逗号分隔，例如：华东区，一级客户。",
    assessor_label: "评估人",
    optional: "选填",
    start_button: "开始评估",
    cancel: "取消",
    error_name_missing: "请填写客户名称后再开始。",
    error_too_long: "有内容过长：客户名称最多 120 个字符，行业和评估人最多 80 个字符，最多 12 个标签、每个 40 个字符。",
    error_other: "无法开始评估。请重新加载页面后再试。",

    progress: |section, sections, answered, total| {
        format!("第 {section}/{sections} 部分 · 已回答 {answered}/{total} 题")
    },
    sections_nav_label: "各部分",
    section_count: |answered, total| format!("{answered}/{total}"),
    unanswered_marker: "尚未回答",
    help_toggle: "说明",
    dont_know: "不清楚 / 不适用",
    note_label: "备注",
    keyboard_hint: "键盘操作：方向键在选项间移动，数字 1–5 选择选项，0 表示不清楚，回车进入下一题。",
    back: "上一部分",
    next_section: "下一部分",
    finish: "查看结果",
    finish_hint: |unanswered| {
        if unanswered == 0 {
            "所有问题均已回答。".to_owned()
        } else {
            format!("还有 {unanswered} 道题未回答。您仍可查看结果，但结果的可信度会较低。")
        }
    },
    section_unanswered: |n| match n {
        0 => "本部分的问题均已回答。".to_owned(),
        n => format!("本部分还有 {n} 道题未回答。"),
    },
    discard_draft: "放弃这次评估",
    discard_confirm: "确定放弃这次评估及其全部答案吗？此操作无法撤销。",
    discard_yes: "确定放弃",
    discard_no: "保留",
    saved_locally: "每个答案都会随时保存在本设备上。",
    question_of: |n, total| format!("第 {n}/{total} 题"),

    results_heading: "评估结果",
    assessed_on: |date, assessor| {
        if assessor.is_empty() {
            format!("评估日期：{date}")
        } else {
            format!("评估日期：{date} · 评估人：{assessor}")
        }
    },
    back_to_accounts: "返回客户列表",
    unknown: "回答不足",
    level_heading: "关系层级",
    current_level: "当前",
    target_level: "值得追求",
    gap_below: |rungs| format!("比值得追求的层级低 {rungs} 级：需要发展。"),
    evidence_share: |share| format!("{share}% 的证据"),
    blocks_next: |next| format!("达到{next}的障碍"),
    blocker_facet: |facet, shows| format!("{facet}：回答显示为{shows}级别"),
    blocker_too_little: |n| format!("证据不足：关系问题只有 {n} 道有明确回答（至少需要 4 道）。"),
    why_target: "为什么是这个目标",
    reason_scale: |score, ceiling| format!("业务量、采购频率和复杂度得分 {score}/100，最高可支撑到{ceiling}。"),
    reason_condition: |factor, score| match score {
        Some(score) => format!("“{factor}”这一条件未明确满足（{score}/100）：目标要高于优选供应商，四个条件必须都明确满足。"),
        None => format!("“{factor}”这一条件未回答：目标要高于优选供应商，四个条件必须都逐一明确满足。"),
    },
    reason_low_switching: |score| match score {
        Some(score) => format!("转换成本较低（{score}/100）：发展更深关系的四个条件之一不成立。"),
        None => "转换成本未回答：无法证实发展更深关系的四个条件之一成立。".to_owned(),
    },
    reason_appetite: |score, cap| match score {
        Some(score) => format!("客户建立伙伴关系的意愿（{score}/100）最高只支撑到{cap}。"),
        None => format!("客户建立伙伴关系的意愿未回答：目标最高为{cap}。"),
    },
    not_enough_evidence: "证据不足",
    near: |others| format!("（接近{others}）"),
    stance_label: "投入策略",
    stage_label: "所处阶段",
    lagging: |c| format!("{c}明显落后于其他能力。"),
    guarantee_floor: |g| format!("低于底线：未做到“{g}”，因此风险不可能为绿色。"),
    first_step: "第一步",
    source_article: |a| format!("出处：第 {a} 篇文章"),
    carried_over: |version, carried, total| format!("按第 {version} 版问卷作答：{total} 道题中有 {carried} 道沿用了原有回答；改写过的题和新增的题尚未作答。"),
    questionnaire_marker: |v| format!("（第 {v} 版问卷）"),
    older_questionnaire_note: "标有早期问卷版本的评估，部分依据的是后来改写过的问题：解读其变化时请谨慎。",
    versions_differ: |a, b| format!("两次评估使用的问卷版本不同（第 {a} 版和第 {b} 版）：依据改写过的问题得出的数字不能直接比较。"),
    evidence_basis: |percent| format!("回答依据的系数为 {percent}%。"),
    loyalty_heading: "忠诚度：留下来很快乐 vs 离开很痛苦",
    loyalty_map_label: |sat, sw, quadrant| format!("忠诚度矩阵：满意度 {sat}，转换成本 {sw}，位于“{quadrant}”象限。"),
    levers_weakest_first: "各项因素（从弱到强）",
    capabilities_heading: "三种能力：信任 → 实施 → 创新",
    bottleneck: |c| format!("短板：{c}。先补齐这块短板，再发展后面的能力。"),
    no_bottleneck: "没有短板：这个客户所需的各项能力都已足够强。",
    safeguards_heading: "防叛离保障：一个沟通、二个一致、四个保证",
    risk_heading: "叛离风险",
    risk_value: |risk, band| format!("{risk} / 100 · {band}"),
    phase_label: "应对阶段",
    warnings_heading: "预警信号（100 = 没有迹象）",
    symbiosis_heading: "客户共生：帮助客户成功",
    loyalty_types_heading: "三种忠诚",
    actions_heading: "行动计划",
    actions_intro: "按每项行动对缩小与目标层级差距、修复最弱因素的作用排序。",
    show_all_actions: |more| format!("再显示 {more} 项行动"),
    show_fewer_actions: "收起",
    because: "原因",
    no_actions: "没有紧迫问题：继续监控，几个月后再评估。",
    confidence_heading: "可信度",
    confidence_answered: |answered, total, dont_know| {
        format!("共 {total} 题，已回答 {answered} 题（另有 {dont_know} 题选择“不清楚”）。")
    },
    thin_sections: "回答不足一半的部分：",
    inconsistencies_heading: "相互矛盾的回答：",
    how_computed: "计算方法",
    full_rules_link: "全部评分规则",
    chart_ladder_label: "关系阶梯",

    rules_heading: "各项指标的计算方法",
    account_page: "客户历史与趋势",
    better: "改善",
    worse: "变差",
    col_change: "变化",
    col_figure: "指标",
    col_gap: "差距（层级）",
    col_name: "客户",
    col_tags: "标签",
    col_target: "值得追求的层级",
    compare_after: "比较对象",
    compare_before: "基准（较早或参照）",
    compare_button: "比较",
    compare_caption: "两次评估的全部指数与杠杆，以及从第一次到第二次的变化",
    compare_heading: "比较两次评估",
    compare_previous: "与上次比较",
    edit_details: "编辑名称与标签",
    filter_all: "全部",
    filter_text: "搜索名称、行业或标签",
    history_caption: "已完成的评估，最新在前",
    new_warnings: "新出现的预警",
    resolved_warnings: "已解除的预警",
    none_listed: "无。",
    path_caption: "箭头显示该客户在各次评估之间的移动轨迹，终点为最近一次。",
    portfolio_caption: "每个客户最近一次完成的评估；可按任意列排序",
    portfolio_heading: "客户组合",
    portfolio_map_caption: "每个点代表一个客户的最新位置；点击可打开该客户。",
    save: "保存",
    save_shared: "保存到我的客户",
    share_link: "分享链接",
    share_link_label: "这些结果的链接（复制即可；持有链接者只能只读查看）",
    share_link_note: "链接本身包含客户名称、日期和答案，不会上传任何内容。备注、行业、标签和评估人姓名不包含在内。",
    shared_banner: "这是分享的评估，只读。在您选择“保存到我的客户”之前不会存储任何内容。",
    shared_heading: "分享的评估",
    trend_heading: "随时间的趋势",
    portfolio_map_label: |n| format!("客户组合忠诚度图：按满意度（横轴）和转换成本（纵轴）标出 {n} 个客户。"),
    rows_shown: |shown, total| format!("显示 {total} 个客户中的 {shown} 个"),
    copy_link: "复制链接",
    link_copied: "链接已复制。",
    copy_failed: "无法自动复制：链接已选中，请按 Ctrl+C（Mac 上按 ⌘C）。",
    trend_show: "图中显示",
};

/// The texts for `lang`.
pub fn messages(lang: Lang) -> &'static Messages {
    match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain_fields(m: &Messages) -> Vec<&'static str> {
        let mut all = vec![
            m.app_name,
            m.tagline,
            m.language_switch_label,
            m.skip_to_content,
            m.accounts_heading,
            m.accounts_empty_title,
            m.accounts_empty_body,
            m.privacy_note,
            m.dismiss,
            m.notices_label,
        ];
        all.extend(m.accounts_empty_steps);
        all
    }

    #[test]
    fn no_string_is_blank_in_either_language() {
        for lang in Lang::ALL {
            for text in plain_fields(messages(lang)) {
                assert!(!text.trim().is_empty(), "blank string in {lang:?}");
            }
        }
    }

    #[test]
    fn chinese_strings_are_translated_not_copied() {
        let (en, zh) = (plain_fields(&EN), plain_fields(&ZH));
        for (e, z) in en.iter().zip(&zh).skip(1) {
            assert_ne!(e, z, "untranslated string: {e}");
        }
    }

    /// Every string literal of the Chinese interface (the `ZH` constant, format strings
    /// included) uses full-width punctuation.
    #[test]
    fn chinese_interface_uses_full_width_punctuation() {
        let source = include_str!("i18n.rs");
        let zh = &source[source
            .find("pub const ZH: Messages")
            .expect("the ZH constant")..];
        let zh = &zh[..zh.find("\n};").expect("its end")];
        let mut bad = Vec::new();
        for literal in zh.split('"').skip(1).step_by(2) {
            bad.extend(crate::engine::text::bilingual::ascii_punctuation_in_chinese(literal));
        }
        assert!(bad.is_empty(), "ASCII punctuation in Chinese: {bad:#?}");
        assert!(
            !crate::engine::text::bilingual::ascii_punctuation_in_chinese("关系,很好").is_empty()
        );
        // Parentheses around Latin text inside Chinese are full width too; in a Latin run they stay.
        let mixed = "关系，很好（OK），Rapport (v1) 也是。";
        assert_eq!(
            crate::engine::text::bilingual::ascii_punctuation_in_chinese(mixed).len(),
            1
        );
    }

    /// The Chinese shown before or outside the wasm — the installed app's description, the
    /// start-failure notice, the no-script line — follows the same rule as the interface.
    #[test]
    fn chinese_outside_the_wasm_uses_full_width_punctuation() {
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
            let kept = (m.unreadable_kept)(m.what_settings, "rapport.quarantine.1.x", "EOF at 3");
            assert!(kept.contains("rapport.quarantine.1.x") && kept.contains("EOF at 3"));
            assert!((m.unreadable_not_kept)(m.what_account, "E1").contains("E1"));
            assert!((m.account_not_saved)("E4").contains("E4"));
            assert!((m.progress)(3, 9, 24, 70).contains("24"));
            assert!((m.storage_unavailable)("E2").contains("E2"));
            assert!((m.settings_not_saved)("E3").contains("E3"));
        }
    }
}
