//! The application state and its reducer: every change the user makes goes through
//! [`reduce`], so the rules are tested on the host and the Yew shell only renders, dispatches and
//! persists what [`AppState::unsaved`] lists.

use crate::engine::model::answers::Choice;
use crate::engine::model::bank::Bank;
use crate::engine::model::ids::{AccountId, AssessmentId};
use crate::engine::model::record::{
    AccountRecord, AssessmentRecord, Cursor, EditError, NewAccount,
};
use crate::engine::state::route::{AssessmentRef, Route};
use crate::engine::storage::persist::LoadedAccounts;
use crate::engine::storage::record_ops::RecordOps;
use crate::engine::storage::settings::{Settings, SettingsBoot};
use crate::engine::storage::store::{LoadProblem, StoreError};
use crate::engine::text::lang::{Lang, Langs};

/// What was being saved when a write failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveTarget {
    Settings,
    Account,
}

/// Something the user must be told, kept as data so it is rendered in the current language.
#[derive(Debug, Clone, PartialEq)]
pub enum NoticeKind {
    /// Stored data could not be read (see [`LoadProblem`]).
    Load(LoadProblem),
    /// A write failed; the previous stored state is intact.
    NotSaved {
        target: SaveTarget,
        error: StoreError,
    },
    /// Deleting downloaded unreadable data failed; it is still stored.
    QuarantineNotDeleted(StoreError),
    /// The interface texts of the language asked for could not be fetched, so the screen stays
    /// in the current one.
    LanguageUnavailable {
        lang: crate::engine::text::lang::Lang,
        error: String,
    },
}

/// The data fetched on demand (the question bank; the action texts and labels are installed
/// before it), carried by the state so that only code holding it can score or edit answers.
#[derive(Debug, Clone, Copy)]
pub struct Loaded {
    /// The question bank.
    pub bank: &'static Bank,
    /// The languages whose texts this copy of the data carries (the first fetch brings the
    /// visitor's language only).
    pub langs: Langs,
}

impl PartialEq for Loaded {
    /// An installed bank never changes (a copy with more languages is a new one): the same bank
    /// is the same address.
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.bank, other.bank) && self.langs == other.langs
    }
}

impl Eq for Loaded {}

impl Loaded {
    /// The bank embedded in host builds (tests, benchmarks, tools).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn embedded() -> Loaded {
        Loaded {
            bank: crate::engine::model::bank::bank(),
            langs: Langs::ALL,
        }
    }
}

/// Whether the question bank and action texts (fetched on demand in the browser) are here.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum DataStatus {
    #[default]
    NotLoaded,
    Loading,
    /// Here, and carried with the status: see [`AppState::loaded`].
    Ready(Loaded),
    /// Loading failed; the text says why. Retrying sets it back to `NotLoaded`.
    Failed(String),
}

/// A notice with an id so it can be dismissed.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub id: u32,
    pub kind: NoticeKind,
    /// The user downloaded the unreadable data it is about: deleting it is offered now.
    pub downloaded: bool,
}

/// A small set of account ids, in insertion order. (A list: these hold a handful of ids at a
/// time, and a tree set would add its code to the wasm.)
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IdSet(Vec<AccountId>);

impl IdSet {
    /// Adds `id` unless present.
    pub fn insert(&mut self, id: AccountId) {
        if !self.contains(&id) {
            self.0.push(id);
        }
    }

    /// Removes `id` if present.
    pub fn remove(&mut self, id: &AccountId) {
        self.0.retain(|x| x != id);
    }

    /// Whether `id` is in the set.
    pub fn contains(&self, id: &AccountId) -> bool {
        self.0.iter().any(|x| x == id)
    }

    /// Whether the set holds no id.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Removes every id.
    pub fn clear(&mut self) {
        self.0.clear();
    }

    /// The ids, in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &AccountId> {
        self.0.iter()
    }
}

impl FromIterator<AccountId> for IdSet {
    fn from_iter<I: IntoIterator<Item = AccountId>>(iter: I) -> Self {
        let mut set = IdSet::default();
        for id in iter {
            set.insert(id);
        }
        set
    }
}

impl<'a> IntoIterator for &'a IdSet {
    type Item = &'a AccountId;
    type IntoIter = std::slice::Iter<'a, AccountId>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// The whole interface state.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// The language in use.
    pub lang: Lang,
    /// The user's settings as they should be stored.
    pub settings: Settings,
    /// False when writing settings could destroy an unreadable value that was not preserved.
    pub persist_settings: bool,
    /// Notices not yet dismissed, oldest first.
    pub notices: Vec<Notice>,
    /// The screen.
    pub route: Route,
    /// Every account, in creation order.
    pub accounts: Vec<AccountRecord>,
    /// Accounts changed (or deleted) in memory and not yet written to storage.
    pub unsaved: IdSet,
    /// Accounts whose stored value is unreadable and unpreserved: never written this session.
    pub protected: IdSet,
    /// Bumped on every change that needs saving; the shell saves when it changes.
    pub save_tick: u64,
    /// How many times code or texts the screens wait for arrived ([`Action::CodeArrived`]).
    /// What arrived lives outside the state, so without this change the screens that read it
    /// would compare equal to their last render and not render again.
    pub arrivals: u64,
    /// Why the last start-form submission was refused.
    pub start_error: Option<EditError>,

    /// A new version of the app is installed and waiting: offer "Reload to update".
    pub update_ready: bool,
    /// The question bank and action texts.
    pub data: DataStatus,
    /// Something outside the screens (an import) asked for the question bank.
    pub data_requested: bool,
    /// A start or re-assessment submitted before the question bank arrived: it runs when the
    /// bank is ready, so a fast typist's Enter is never silently ignored.
    pub deferred: Option<OpenDraft>,
    /// The account deleted last, kept so the deletion can be undone (with its list position).
    pub recently_deleted: Option<(AccountRecord, usize)>,
    /// The assessment most recently completed in this session (account id, assessment id), for
    /// the embed API's `completed` message.
    pub last_completed: Option<(AccountId, AssessmentId)>,
    /// Owners and assessors from the team database while team sync is on (none when off).
    pub team: Option<std::rc::Rc<crate::engine::sync::team::Team>>,
    next_notice_id: u32,
}

/// A user or system event.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The user picked a language (remembered).
    SetLang(Lang),
    /// The host page asked for a language (this session only, the user's choice is kept).
    ShowLang(Lang),
    /// Show a notice.
    Notify(NoticeKind),
    /// The user dismissed the notice with this id.
    Dismiss(u32),
    /// The user downloaded the unreadable data the notice with this id is about.
    Downloaded(u32),
    /// Go to a screen (from a link, a button or the browser's history).
    Navigate(Route),
    /// Open a draft (on a new account or an existing one); waits for the question bank if needed.
    Open(OpenDraft),
    /// Rename an account or change its industry and tags.
    EditDetails {
        account_id: AccountId,
        input: NewAccount,
        now_ms: u64,
    },
    /// Keep a shared assessment (opened from a link) as a new account and show its results.
    SaveShared {
        shared: crate::engine::state::share::SharedAssessment,
        account_id: AccountId,
        assessment_id: AssessmentId,
        now_ms: u64,
    },
    /// Answer (or with `None` clear) a question of an account's draft.
    Answer {
        account_id: AccountId,
        question_id: String,
        choice: Option<Choice>,
        now_ms: u64,
    },
    /// Set the note on a question of an account's draft.
    Note {
        account_id: AccountId,
        question_id: String,
        text: String,
        now_ms: u64,
    },
    /// Show another section of the draft.
    ShowSection {
        account_id: AccountId,
        section: usize,
    },
    /// Complete the draft and show its results.
    Finish { account_id: AccountId, now_ms: u64 },
    /// Drop the draft; an account with nothing else is removed with it.
    Discard { account_id: AccountId, now_ms: u64 },
    /// The shell wrote (or removed) these accounts; `records` are the records as written, which
    /// may hold another tab's edits merged in; `failed` is why some could not be written.
    /// `ops` is the record code if the shell has it: without it no save merged anything in
    /// (a merge needs it), so each record written is this state's own earlier copy.
    Saved {
        written: Vec<AccountId>,
        records: Vec<AccountRecord>,
        failed: Option<StoreError>,
        ops: Option<RecordOps>,
    },
    /// Code or texts the screens or the saves were waiting for have arrived (the record code,
    /// see [`RecordOps`]; the labels): render again, and write what a save held back.
    CodeArrived,
    /// A new version of the app is waiting to take over.
    UpdateReady,
    /// The shell started, finished or failed loading the question bank, or retries.
    Data(DataStatus),
    /// Load the question bank whatever the screen (an import needs it to validate).
    NeedData,
    /// Another tab changed an account; `ops` merges it into ours.
    External {
        change: crate::engine::storage::persist::ExternalChange,
        ops: RecordOps,
    },
    /// Team sync learnt who owns what (`None`: sync turned off).
    Team(Option<std::rc::Rc<crate::engine::sync::team::Team>>),
    /// Delete an account (after the user confirmed); it can be undone until forgotten.
    Delete { account_id: AccountId },
    /// Bring back the account deleted last.
    UndoDelete,
    /// The undo period is over.
    ForgetDeleted,
    /// An edited copy of an account from a later screen (its plan or its contacts changed):
    /// merged in like another tab's copy, so an edit carried by the copy wins and nothing the
    /// state holds is lost (see [`edited`]).
    Edited {
        record: Box<AccountRecord>,
        ops: RecordOps,
    },
    /// Add validated accounts from an import, resolving id conflicts as chosen.
    Import {
        preview: crate::engine::storage::exchange::ImportPreview,
        resolution: crate::engine::storage::exchange::Resolution,
        new_ids: Vec<AccountId>,
    },
}

/// An action that creates a draft: it records the question bank's version, so it needs the bank.
#[derive(Debug, Clone, PartialEq)]
pub enum OpenDraft {
    /// Create an account with a first draft and open it.
    Start {
        account_id: AccountId,
        assessment_id: AssessmentId,
        input: NewAccount,
        now_ms: u64,
    },
    /// Open a new draft on an existing account (or resume the one it has).
    Reassess {
        account_id: AccountId,
        assessment_id: AssessmentId,
        now_ms: u64,
    },
}

impl AppState {
    /// The starting state from what storage held, the browser's languages and the URL.
    pub fn boot<S: AsRef<str>>(
        settings: SettingsBoot,
        accounts: LoadedAccounts,
        browser_languages: &[S],
        route: Route,
    ) -> AppState {
        let mut state = AppState {
            lang: settings.settings.effective_lang(browser_languages),
            settings: settings.settings,
            persist_settings: settings.persist,
            notices: Vec::new(),
            route: Route::Home,
            accounts: accounts.accounts,
            // Records read from an older format are rewritten in the current one on the first
            // save pass (the upgrade is lossless; see engine::storage::schema's fixture tests).
            unsaved: accounts.migrated.into_iter().collect(),
            protected: accounts.protected.into_iter().collect(),
            save_tick: 0,
            arrivals: 0,
            start_error: None,
            update_ready: false,
            last_completed: None,
            data: DataStatus::NotLoaded,
            data_requested: false,
            deferred: None,
            recently_deleted: None,
            team: None,
            next_notice_id: 1,
        };
        for problem in settings.problem.into_iter().chain(accounts.problems) {
            state.push_notice(NoticeKind::Load(problem));
        }
        state.route = state.resolve(route);
        state
    }

    /// Whether the current screen needs the question bank and it has not been asked for yet:
    /// assessing, results, the rules and the start form need it (the rules' texts come with
    /// it), and so does a home screen that lists accounts (their figures are scored). An empty
    /// home screen does not, so a first visit loads only the app itself.
    ///
    /// Data loaded in another language than the current one counts as not loaded: a language
    /// switch fetches the texts in both.
    pub fn should_load_data(&self) -> bool {
        let missing = match self.data {
            DataStatus::NotLoaded => true,
            DataStatus::Ready(loaded) => !loaded.langs.contains(self.lang),
            DataStatus::Loading | DataStatus::Failed(_) => false,
        };
        missing
            && (self.data_requested
                || match &self.route {
                    Route::Home => !self.accounts.is_empty(),
                    // A customer answers the customer questionnaire, which comes with the later
                    // screens: a respondent on mobile data does not fetch the bank for nothing.
                    Route::Respond { payload } => {
                        crate::engine::state::invite::decode_invitation(payload)
                            .is_ok_and(|i| i.kind == crate::engine::model::eyes::Kind::Colleague)
                    }
                    // Every other screen shows scored figures or the questions.
                    _ => true,
                })
    }

    /// The question bank and the other on-demand data, once they have arrived.
    ///
    /// Never a copy without the current language's texts: after a language switch the screens
    /// wait for the texts in the new language rather than show blanks.
    pub fn loaded(&self) -> Option<Loaded> {
        match self.data {
            DataStatus::Ready(loaded) if loaded.langs.contains(self.lang) => Some(loaded),
            _ => None,
        }
    }

    /// The languages the next fetch of the on-demand data should bring: the current one on the
    /// first fetch, both once a copy in another language has been used (the user switches).
    pub fn data_langs_to_fetch(&self) -> Langs {
        let have = match self.data {
            DataStatus::Ready(loaded) => loaded.langs,
            _ => Langs::default(),
        };
        Langs::to_fetch(have, self.lang)
    }

    /// The account with this id.
    pub fn account(&self, id: &AccountId) -> Option<&AccountRecord> {
        self.accounts.iter().find(|a| a.id == id)
    }

    fn account_mut(&mut self, id: &AccountId) -> Option<&mut AccountRecord> {
        self.accounts.iter_mut().find(|a| a.id == id)
    }

    /// A route that cannot be shown (unknown account, no draft, …) falls back to home, so a stale
    /// bookmark or a deleted account never shows a broken screen.
    fn resolve(&self, route: Route) -> Route {
        let ok = match &route {
            Route::Home
            | Route::New
            | Route::Rules
            | Route::Portfolio
            | Route::Sync
            | Route::Shared { .. }
            | Route::Respond { .. }
            | Route::Response { .. } => true,
            Route::Account { account } => self.account(account).is_some(),
            Route::Compare { a, b } => [a, b].iter().all(|r| self.completed(r).is_some()),
            Route::Assess { account } => self.account(account).is_some_and(|a| a.draft().is_some()),
            Route::Results {
                account,
                assessment,
            } => self
                .account(account)
                .and_then(|a| a.assessment(assessment))
                .is_some_and(|s| !s.is_draft()),
        };
        if ok {
            route
        } else {
            Route::Home
        }
    }

    /// A completed assessment by reference, with its account.
    pub fn completed(&self, r: &AssessmentRef) -> Option<(&AccountRecord, &AssessmentRecord)> {
        let account = self.account(&r.account)?;
        let record = account
            .assessment(&r.assessment)
            .filter(|s| !s.is_draft())?;
        Some((account, record))
    }

    /// Whether this state shows what a new visitor's first screen shows: the state the build
    /// renders into `index.html` (`ui::prerender` checks it), which static/first-paint.js shows
    /// only to visits that would show the same — no accounts, the home screen.
    pub fn matches_first_visit(&self) -> bool {
        self.route == Route::Home
            && self.accounts.is_empty()
            && self.notices.is_empty()
            && !self.update_ready
            && self.recently_deleted.is_none()
            && self.deferred.is_none()
            && self.start_error.is_none()
            && self.data == DataStatus::NotLoaded
    }

    fn push_notice(&mut self, kind: NoticeKind) {
        // The same problem reported twice (e.g. two failed saves) is shown once.
        if self.notices.iter().any(|n| n.kind == kind) {
            return;
        }
        self.notices.push(Notice {
            id: self.next_notice_id,
            kind,
            downloaded: false,
        });
        self.next_notice_id += 1;
    }

    fn touched(&mut self, account_id: &AccountId) {
        if !self.protected.contains(account_id) {
            self.unsaved.insert(account_id.clone());
            self.save_tick += 1;
        }
    }

    fn open(&mut self, open: OpenDraft, bank: &Bank) {
        match open {
            OpenDraft::Start {
                account_id,
                assessment_id,
                input,
                now_ms,
            } => match AccountRecord::start(&account_id, &assessment_id, &input, bank, now_ms) {
                Ok(account) if self.account(&account_id).is_none() => {
                    self.accounts.push(account);
                    self.touched(&account_id);
                    self.start_error = None;
                    self.route = Route::Assess {
                        account: account_id,
                    };
                }
                Ok(_) => self.start_error = Some(EditError::DraftExists),
                Err(err) => self.start_error = Some(err),
            },
            OpenDraft::Reassess {
                account_id,
                assessment_id,
                now_ms,
            } => {
                let opened = self.edit(&account_id, |a| {
                    if a.draft().is_some() {
                        Ok(()) // Resume the existing draft rather than refusing.
                    } else {
                        a.start_draft(&assessment_id, "", bank, now_ms)
                    }
                });
                if opened {
                    self.route = Route::Assess {
                        account: account_id,
                    };
                }
            }
        }
    }

    /// Keeps `open` until the bank arrives (`Data(Ready)` runs it), so a fast typist's Enter is
    /// never ignored. What can be refused now (an empty name) is refused now.
    fn defer(&mut self, open: OpenDraft) {
        if let OpenDraft::Start { input, .. } = &open {
            if let Err(err) = AccountRecord::check_new(input) {
                self.start_error = Some(err);
                return;
            }
        }
        self.start_error = None;
        self.data_requested = true;
        self.deferred = Some(open);
    }

    /// Applies an edit to one account and marks it for saving if it succeeded.
    fn edit(
        &mut self,
        account_id: &AccountId,
        f: impl FnOnce(&mut AccountRecord) -> Result<(), EditError>,
    ) -> bool {
        let ok = self.account_mut(account_id).is_some_and(|a| f(a).is_ok());
        if ok {
            self.touched(account_id);
        }
        ok
    }

    /// [`AppState::edit`] for the reducer's arms that only apply a user's edit: a refused one
    /// changes nothing, and the form that sent it has already shown why.
    fn apply_edit(
        &mut self,
        account_id: &AccountId,
        f: impl FnOnce(&mut AccountRecord) -> Result<(), EditError>,
    ) {
        self.edit(account_id, f);
    }
}

impl AppState {
    /// Answers (or clears) a question of the draft. Only screens that wait for the bank send it:
    /// without the bank a stray one changes nothing.
    fn answer(
        &mut self,
        bank: Option<&Bank>,
        account_id: &AccountId,
        question_id: &str,
        choice: Option<Choice>,
        now_ms: u64,
    ) {
        if let Some(bank) = bank {
            self.edit(account_id, |a| a.answer(bank, question_id, choice, now_ms));
        }
    }

    /// Sets the note on a question of the draft (needs the bank, like [`AppState::answer`]).
    fn note(
        &mut self,
        bank: Option<&Bank>,
        account_id: &AccountId,
        question_id: &str,
        text: &str,
        now_ms: u64,
    ) {
        if let Some(bank) = bank {
            self.edit(account_id, |a| a.set_note(bank, question_id, text, now_ms));
        }
    }

    /// Shows another section of the draft, its first question focused.
    fn show_section(&mut self, bank: Option<&Bank>, account_id: &AccountId, section: usize) {
        let Some(bank) = bank else { return };
        let section = section.min(bank.sections.len().saturating_sub(1));
        let first = bank
            .section_questions(&bank.sections[section].id)
            .next()
            .map(|q| q.id.clone());
        self.edit(account_id, |a| {
            a.move_cursor(Cursor {
                section,
                question: first,
            })
        });
    }

    /// Completes the draft and shows its results.
    fn finish(&mut self, account_id: AccountId, now_ms: u64) {
        let mut finished = None;
        self.edit(&account_id, |a| {
            a.finish(now_ms).map(|id| finished = Some(id))
        });
        if let Some(assessment) = finished {
            self.last_completed = Some((account_id.clone(), assessment.clone()));
            self.route = Route::Results {
                account: account_id,
                assessment,
            };
        }
    }

    /// Drops the draft; an account left with nothing is removed with it.
    fn discard(&mut self, account_id: &AccountId, now_ms: u64) {
        if self.edit(account_id, |a| a.discard_draft(now_ms)) {
            if self
                .account(account_id)
                .is_some_and(|a| a.assessments.is_empty())
            {
                self.accounts.retain(|a| a.id != account_id);
            }
            self.route = Route::Home;
        }
    }

    /// Merges another tab's version of an account into ours (see [`crate::engine::model::merge`])
    /// and re-checks the screen. If ours held edits the other tab's lacks, the merged record is
    /// written back; otherwise there is nothing to save.
    fn take_external(
        &mut self,
        change: crate::engine::storage::persist::ExternalChange,
        ops: &RecordOps,
    ) {
        match change {
            crate::engine::storage::persist::ExternalChange::Written(record) => {
                let id = record.id.clone();
                match self.accounts.iter_mut().find(|a| a.id == id) {
                    Some(existing) => {
                        if merge_in(existing, &record, ops) {
                            self.touched(&id);
                        } else {
                            self.unsaved.remove(&id);
                        }
                    }
                    None => {
                        self.accounts.push(*record);
                        self.unsaved.remove(&id);
                    }
                }
            }
            crate::engine::storage::persist::ExternalChange::Removed(id) => {
                self.accounts.retain(|a| a.id != id);
                self.unsaved.remove(&id);
            }
        }
        let route = self.route.clone();
        self.route = self.resolve(route);
    }

    fn take_edited(&mut self, record: AccountRecord, ops: &RecordOps) {
        let id = record.id.clone();
        if let Some(existing) = self.accounts.iter_mut().find(|a| a.id == id) {
            let merged = (ops.merge)(existing, &record);
            if !(ops.same_content)(&merged, existing) {
                *existing = merged;
                self.touched(&id);
            }
        }
    }

    fn downloaded(&mut self, notice: u32) {
        for n in self.notices.iter_mut().filter(|n| n.id == notice) {
            n.downloaded = true;
        }
    }

    fn saved(
        &mut self,
        written: &[AccountId],
        records: Vec<AccountRecord>,
        failed: Option<StoreError>,
        ops: Option<&RecordOps>,
    ) {
        for id in written {
            self.unsaved.remove(id);
        }
        self.took_written(records, ops);
        if let Some(error) = failed {
            self.push_notice(NoticeKind::NotSaved {
                target: SaveTarget::Account,
                error,
            });
        }
    }

    /// Takes the records as the shell wrote them: their revision, and whatever another tab had
    /// written that the save merged in. Edits made here since the save are kept (the merge keeps
    /// the later edit of every field) and, being marked unsaved, are written next.
    ///
    /// Without the record code no save merged anything in: what was written is our own copy as
    /// it was, and ours holds all of it and perhaps later edits, which is what the merge would
    /// give. Only the revision is taken.
    fn took_written(&mut self, records: Vec<AccountRecord>, ops: Option<&RecordOps>) {
        for record in records {
            if let Some(existing) = self.accounts.iter_mut().find(|a| a.id == record.id) {
                match ops {
                    Some(ops) => {
                        merge_in(existing, &record, ops);
                    }
                    None => existing.rev = record.rev,
                }
            }
        }
    }

    /// Deletes an account, keeping it (and its place) for undo.
    fn delete(&mut self, account_id: &AccountId) {
        if let Some(index) = self.accounts.iter().position(|a| a.id == account_id) {
            let account = self.accounts.remove(index);
            self.recently_deleted = Some((account, index));
            self.touched(account_id);
            let route = self.route.clone();
            self.route = self.resolve(route);
        }
    }

    /// Brings back the account deleted last, where it was.
    fn undo_delete(&mut self) {
        if let Some((account, index)) = self.recently_deleted.take() {
            let id = account.id.clone();
            let at = index.min(self.accounts.len());
            self.accounts.insert(at, account);
            self.touched(&id);
        }
    }

    /// Adds an import's accounts, resolving id conflicts as the user chose.
    fn import(
        &mut self,
        preview: crate::engine::storage::exchange::ImportPreview,
        resolution: crate::engine::storage::exchange::Resolution,
        new_ids: Vec<AccountId>,
    ) {
        let mut ids = new_ids.into_iter();
        let changed = crate::engine::storage::exchange::apply(
            &mut self.accounts,
            preview,
            resolution,
            || ids.next().unwrap_or_default(),
        );
        for id in changed {
            self.touched(&id);
        }
    }
}

/// The action that applies `edit` to a copy of `account`, or why the edit was refused (nothing
/// to dispatch). The edit itself runs here, in the screen's code: the reducer only merges the
/// copy, with the same merge as two tabs (an edit always carries a later time than anything
/// the copy held), which keeps the edits' code out of the first load.
pub fn edited<E>(
    account: &AccountRecord,
    edit: impl FnOnce(&mut AccountRecord) -> Result<(), E>,
) -> Result<Action, E> {
    let mut copy = account.clone();
    edit(&mut copy)?;
    Ok(Action::Edited {
        record: Box::new(copy),
        ops: RecordOps::FULL,
    })
}

/// Merges a stored copy of an account (another tab's, or what a save wrote) into ours, taking
/// its revision; returns whether ours held something that copy lacks (and so must be written).
fn merge_in(ours: &mut AccountRecord, stored: &AccountRecord, ops: &RecordOps) -> bool {
    let mut merged = (ops.merge)(ours, stored);
    merged.rev.clone_from(&stored.rev);
    let ahead = !(ops.same_content)(&merged, stored);
    *ours = merged;
    ahead
}

/// Applies `action` to `state`. Pure: the question bank, where an action needs it, is the one
/// the state carries ([`AppState::loaded`]); before it arrives, such actions wait or do nothing.
pub fn reduce(mut state: AppState, action: Action) -> AppState {
    let bank = state.loaded().map(|l| l.bank);
    match action {
        Action::SetLang(lang) => {
            state.lang = lang;
            state.settings.lang = Some(lang);
        }
        Action::ShowLang(lang) => state.lang = lang,
        Action::Notify(kind) => state.push_notice(kind),
        Action::Dismiss(id) => state.notices.retain(|n| n.id != id),
        Action::Downloaded(id) => state.downloaded(id),
        Action::EditDetails {
            account_id,
            input,
            now_ms,
        } => state.apply_edit(&account_id, |a| a.edit_details(&input, now_ms)),
        Action::Edited { record, ops } => state.take_edited(*record, &ops),
        Action::SaveShared {
            shared,
            account_id,
            assessment_id,
            now_ms,
        } => {
            if state.account(&account_id).is_none() {
                state
                    .accounts
                    .push(shared.into_account(&account_id, &assessment_id, now_ms));
                state.touched(&account_id);
                state.route = Route::Results {
                    account: account_id,
                    assessment: assessment_id,
                };
            }
        }
        Action::Navigate(route) => {
            let route = state.resolve(route);
            // The address bar echoes every screen change back as a navigation to the same
            // screen: only leaving the screen cancels a waiting start.
            if route != state.route {
                state.deferred = None;
            }
            state.start_error = None;
            state.route = route;
        }
        Action::Open(open) => match bank {
            Some(bank) => state.open(open, bank),
            None => state.defer(open),
        },
        Action::Answer {
            account_id,
            question_id,
            choice,
            now_ms,
        } => state.answer(bank, &account_id, &question_id, choice, now_ms),
        Action::Note {
            account_id,
            question_id,
            text,
            now_ms,
        } => state.note(bank, &account_id, &question_id, &text, now_ms),
        Action::ShowSection {
            account_id,
            section,
        } => state.show_section(bank, &account_id, section),
        Action::Finish { account_id, now_ms } => state.finish(account_id, now_ms),
        Action::Discard { account_id, now_ms } => state.discard(&account_id, now_ms),
        Action::UpdateReady => state.update_ready = true,
        Action::Data(status) => {
            state.data = status;
            if let Some(loaded) = state.loaded() {
                if let Some(open) = state.deferred.take() {
                    state.open(open, loaded.bank);
                }
            }
        }
        Action::NeedData => state.data_requested = true,
        Action::External { change, ops } => state.take_external(change, &ops),
        Action::CodeArrived => {
            state.arrivals += 1;
            if !state.unsaved.is_empty() {
                state.save_tick += 1;
            }
        }
        Action::Team(team) => state.team = team,
        Action::Delete { account_id } => state.delete(&account_id),
        Action::UndoDelete => state.undo_delete(),
        Action::ForgetDeleted => state.recently_deleted = None,
        Action::Import {
            preview,
            resolution,
            new_ids,
        } => state.import(preview, resolution, new_ids),
        Action::Saved {
            written,
            records,
            failed,
            ops,
        } => state.saved(&written, records, failed, ops.as_ref()),
    }
    state
}

#[cfg(test)]
mod tests;
