//! Answering a draft: one section at a time, every answer saved as it is given.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::engine::model::ids::AccountId;

use crate::engine::model::answers::Choice;
use crate::engine::model::bank::Question;
use crate::engine::state::app::Action;
use crate::engine::state::app::Loaded;
use crate::engine::text::i18n::messages;
use crate::engine::text::lang::Lang;
use crate::ui::edge::browser;
use crate::ui::root::{dispatcher, use_app, AppHandle};

#[derive(Properties, PartialEq)]
pub struct QuestionnaireProps {
    pub account_id: AccountId,
    /// The question bank: the screen exists only once it has arrived.
    pub data: Loaded,
}

/// The questionnaire of one account's draft, or the loading state until the question bank has
/// arrived (the app re-renders when it does, because the app state changes with it).
pub fn questionnaire(state: &AppHandle, account_id: &AccountId) -> Html {
    match state.loaded() {
        Some(data) => html! { <QuestionnaireScreen account_id={account_id.clone()} {data} /> },
        None => crate::ui::edge::data::data_pending(state),
    }
}

#[function_component]
fn QuestionnaireScreen(props: &QuestionnaireProps) -> Html {
    let state = use_app();
    let confirming_discard = use_state(|| false);
    let lang = state.lang;
    let m = messages(lang);
    let bank = props.data.bank;
    let account = state.account(&props.account_id);
    let draft = account.and_then(|a| a.draft());
    let section_index = draft.map_or(0, |d| d.cursor.section.min(bank.sections.len() - 1));
    let cursor_question = draft.and_then(|d| d.cursor.question.clone());

    // Land on the question the user was at (after a reload too), or the section's first.
    {
        let section_id = bank.sections[section_index].id.clone();
        use_effect_with((props.account_id.clone(), section_index), move |_| {
            let in_section = cursor_question
                .filter(|q| bank.question(q).is_some_and(|q| q.section == section_id));
            let target = in_section.or_else(|| {
                bank.section_questions(&section_id)
                    .next()
                    .map(|q| q.id.clone())
            });
            if let Some(target) = target {
                browser::focus_question(&target);
            }
        });
    }

    let (Some(account), Some(draft)) = (account, draft) else {
        return html! {};
    };
    let section = &bank.sections[section_index];
    let total = bank.questions.len();
    let answered = bank
        .questions
        .iter()
        .filter(|q| draft.answers.get(&q.id).is_some())
        .count();
    let show = |i: usize| {
        let account_id = props.account_id.clone();
        dispatcher(&state, move |_| Action::ShowSection {
            account_id: account_id.clone(),
            section: i,
        })
    };
    let last = section_index + 1 == bank.sections.len();
    let questions: Vec<(usize, &Question)> = bank
        .questions
        .iter()
        .enumerate()
        .filter(|(_, q)| q.section == section.id)
        .collect();
    let unanswered_here = questions
        .iter()
        .filter(|(_, q)| draft.answers.get(&q.id).is_none())
        .count();
    let on_finish = {
        let account_id = props.account_id.clone();
        dispatcher(&state, move |_| Action::Finish {
            account_id: account_id.clone(),
            now_ms: browser::now_ms(),
        })
    };
    let on_discard = {
        let account_id = props.account_id.clone();
        dispatcher(&state, move |_| Action::Discard {
            account_id: account_id.clone(),
            now_ms: browser::now_ms(),
        })
    };
    let set_confirm = |v: bool| {
        let confirming = confirming_discard.clone();
        Callback::from(move |_| confirming.set(v))
    };

    html! {
        <section class="questionnaire" aria-labelledby="account-heading" data-screen="questionnaire">
            <h1 id="account-heading" class="account-title">{ &account.name }</h1>
            <p class="progress" data-progress={format!("{answered}/{total}")} aria-live="polite">
                { m.progress(section_index + 1, bank.sections.len(), answered, total) }
            </p>
            <progress max={total.to_string()} value={answered.to_string()} aria-hidden="true"></progress>
            <nav class="section-nav" aria-label={m.sections_nav_label()}>
                <ol>
                    { for bank.sections.iter().enumerate().map(|(i, s)| {
                        let n = bank.section_questions(&s.id).count();
                        let done = bank.section_questions(&s.id).filter(|q| draft.answers.get(&q.id).is_some()).count();
                        let current = i == section_index;
                        html! {
                            <li>
                                <button type="button" class={crate::ui::class_list("section-link", &[current.then_some("current"), (done < n).then_some("incomplete")])}
                                    aria-current={current.then_some("step")} data-section={s.id.clone()} onclick={show(i)}>
                                    <span class="section-name">{ format!("{}. {}", i + 1, s.title.get(lang)) }</span>
                                    <span class="section-count">{ m.section_count(done, n) }</span>
                                </button>
                            </li>
                        }
                    }) }
                </ol>
            </nav>
            <div class="section-body" data-section={section.id.clone()}>
                <h2>{ section.title.get(lang) }</h2>
                <p class="section-intro">{ section.intro.get(lang) }</p>
                <p class="hint keyboard-hint">{ m.keyboard_hint() }</p>
                { for questions.iter().enumerate().map(|(pos, (index, q))| {
                    let next = questions.get(pos + 1).map(|(_, q)| q.id.clone());
                    html! {
                        <QuestionView key={q.id.clone()} account_id={props.account_id.clone()} data={props.data} index={*index}
                            choice={draft.answers.get(&q.id)} note={draft.notes.get(&q.id).cloned().unwrap_or_default()}
                            next_question={next} {lang} />
                    }
                }) }
                <p class="section-status">{ m.section_unanswered(unanswered_here) }</p>
                <div class="step-actions">
                    if section_index > 0 {
                        <button type="button" class="button-secondary" data-action="back" onclick={show(section_index - 1)}>{ m.back() }</button>
                    }
                    if last {
                        <button type="button" id="step-forward" class="button-primary" data-action="finish" onclick={on_finish}>{ m.finish() }</button>
                    } else {
                        <button type="button" id="step-forward" class="button-primary" data-action="next" onclick={show(section_index + 1)}>{ m.next_section() }</button>
                    }
                </div>
                if last {
                    <p class="hint">{ m.finish_hint(total - answered) }</p>
                }
                <p class="hint">{ m.saved_locally() }</p>
            </div>
            <div class="discard">
                if *confirming_discard {
                    <p role="alert">{ m.discard_confirm() }</p>
                    <button type="button" class="button-danger" data-action="discard-confirm" onclick={on_discard}>{ m.discard_yes() }</button>
                    <button type="button" class="button-secondary" onclick={set_confirm(false)}>{ m.discard_no() }</button>
                } else {
                    <button type="button" class="button-link" data-action="discard" onclick={set_confirm(true)}>{ m.discard_draft() }</button>
                }
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct QuestionProps {
    account_id: AccountId,
    data: Loaded,
    /// Index in the bank.
    index: usize,
    choice: Option<Choice>,
    note: String,
    /// Where Enter moves focus; `None` on the section's last question (to the forward button).
    next_question: Option<String>,
    lang: Lang,
}

/// One question: a fieldset of anchored options, "don't know", help on demand and a note.
#[function_component]
fn QuestionView(props: &QuestionProps) -> Html {
    let state = use_app();
    let m = messages(props.lang);
    let bank = props.data.bank;
    let q = &bank.questions[props.index];
    let lang = props.lang;
    let answer = {
        let account_id = props.account_id.clone();
        let question_id = q.id.clone();
        dispatcher(&state, move |choice: Choice| Action::Answer {
            account_id: account_id.clone(),
            question_id: question_id.clone(),
            choice: Some(choice),
            now_ms: browser::now_ms(),
        })
    };
    let onkeydown = {
        let answer = answer.clone();
        let qid = q.id.clone();
        let options = q.options.len();
        let next = props.next_question.clone();
        Callback::from(move |e: KeyboardEvent| {
            // Keys act on the radio group only, never while typing a note.
            let on_radio = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .is_some_and(|i| i.type_() == "radio");
            if !on_radio || e.ctrl_key() || e.meta_key() || e.alt_key() {
                return;
            }
            let key = e.key();
            if key == "Enter" {
                e.prevent_default();
                match &next {
                    Some(next) => browser::focus_question(next),
                    None => browser::focus_element("step-forward"),
                }
            } else if key == "0" {
                e.prevent_default();
                answer.emit(Choice::DontKnow);
                browser::focus_element(&format!("q-{qid}-dk"));
            } else if let Some(d) = key
                .parse::<usize>()
                .ok()
                .filter(|d| (1..=options).contains(d))
            {
                e.prevent_default();
                answer.emit(Choice::option(d - 1));
                browser::focus_element(&format!("q-{qid}-{}", d - 1));
            }
        })
    };
    let name = format!("q-{}", q.id);
    let unanswered = props.choice.is_none();
    let number = props.index + 1;
    let total = bank.questions.len();
    // Whether the account has a stakeholder map, whose facts the contact questions show.
    let mapped = state
        .account(&props.account_id)
        .is_some_and(|a| !a.contacts.is_empty());

    html! {
        <fieldset id={name.clone()} class={crate::ui::class_list("question", &[unanswered.then_some("unanswered")])}
            data-question={q.id.clone()} data-dimension={q.dimension.to_string()}
            data-answered={(!unanswered).to_string()} {onkeydown}>
            <legend>
                <span class="question-number">{ m.question_of(number, total) }</span>
                <span class="question-prompt">{ q.prompt.get(lang) }</span>
            </legend>
            if unanswered {
                <p class="unanswered-marker">{ m.unanswered_marker() }</p>
            }
            <details class="question-help">
                <summary>{ m.help_toggle() }</summary>
                <p>{ q.help.get(lang) }</p>
            </details>
            if mapped && crate::engine::scoring::coverage::EVIDENCE_QUESTIONS.contains(&q.id.as_str()) {
                <crate::ui::lazy::LaterEvidence account_id={props.account_id.clone()} question_id={q.id.clone()} />
            }
            <div class="options">
                { for q.options.iter().enumerate().map(|(i, option)| {
                    let id = format!("{name}-{i}");
                    let answer = answer.clone();
                    html! {
                        <div class="option">
                            <input type="radio" id={id.clone()} name={name.clone()} value={i.to_string()}
                                data-score={option.score.to_string()}
                                checked={props.choice == Some(Choice::option(i))}
                                onchange={Callback::from(move |_| answer.emit(Choice::option(i)))} />
                            <label for={id}><span class="option-key" aria-hidden="true">{ i + 1 }</span>{ option.label.get(lang) }</label>
                        </div>
                    }
                }) }
                <div class="option option-dk">
                    <input type="radio" id={format!("{name}-dk")} name={name.clone()} value="dk"
                        checked={props.choice == Some(Choice::DontKnow)}
                        onchange={answer.reform(|_| Choice::DontKnow)} />
                    <label for={format!("{name}-dk")}><span class="option-key" aria-hidden="true">{ "0" }</span>{ m.dont_know() }</label>
                </div>
            </div>
            <details class="question-note" open={!props.note.is_empty()}>
                <summary>{ format!("{}{}", m.note_label(), m.paren(m.optional())) }</summary>
                <label class="visually-hidden" for={format!("{name}-note")}>{ format!("{}{}{}", m.note_label(), m.colon(), q.prompt.get(lang)) }</label>
                { note_field(&state, &props.account_id, &q.id, format!("{name}-note"), props.note.clone()) }
            </details>
        </fieldset>
    }
}

/// How long typing may pause before a note is saved.
const NOTE_SAVE_DELAY_MS: u32 = 600;

thread_local! {
    /// The note being typed and not yet handed to the app (one text area has focus at a time).
    static PENDING_NOTE: std::cell::RefCell<Option<(AppHandle, Action)>> = const { std::cell::RefCell::new(None) };
    /// The pause timer; kept apart so its own callback never drops it while running.
    static NOTE_TIMER: std::cell::RefCell<Option<gloo_timers::callback::Timeout>> = const { std::cell::RefCell::new(None) };
}

/// Typing is kept here and handed to the app (which saves it) once the typist pauses, leaves
/// the field, or the page is hidden or closed ([`flush_note`]) — not on every keystroke, which
/// would clone the state and rewrite the whole account record each time.
fn note_typed(state: &AppHandle, action: Action) {
    PENDING_NOTE.with(|p| *p.borrow_mut() = Some((state.clone(), action)));
    let timer = gloo_timers::callback::Timeout::new(NOTE_SAVE_DELAY_MS, hand_over_note);
    NOTE_TIMER.with(|t| *t.borrow_mut() = Some(timer));
}

fn hand_over_note() {
    if let Some((state, action)) = PENDING_NOTE.with(|p| p.borrow_mut().take()) {
        state.dispatch(action);
    }
}

/// Saves a note still being typed, at once (on leaving the field).
pub fn flush_note() {
    NOTE_TIMER.with(|t| t.borrow_mut().take());
    hand_over_note();
}

/// Saves a note still being typed when the page is hidden or closed: written to storage here,
/// synchronously, as well as handed to the app. The app's own save runs in an effect after the
/// next render, which Yew's scheduler may put after a `setTimeout` — too late when the page is
/// being closed or reloaded, and the note would be lost.
pub fn flush_note_on_hide() {
    NOTE_TIMER.with(|t| t.borrow_mut().take());
    if let Some((state, action)) = PENDING_NOTE.with(|p| p.borrow_mut().take()) {
        write_note_now(&state, &action);
        state.dispatch(action);
    }
}

fn write_note_now(state: &AppHandle, action: &Action) {
    let Action::Note {
        account_id,
        question_id,
        text,
        now_ms,
    } = action
    else {
        return;
    };
    let (Some(loaded), Some(account)) = (state.loaded(), state.account(account_id)) else {
        return;
    };
    if state.protected.contains(account_id) {
        return;
    }
    let mut record = account.clone();
    if record
        .set_note(loaded.bank, question_id, text, *now_ms)
        .is_ok()
    {
        // A failure is reported by the app's own save of the same edit, which follows; so is a
        // save held back for the record code (the page may be gone before it could arrive).
        let ops = crate::ui::lazy::records().map(|r| r.ops);
        let _ = crate::engine::storage::persist::save_account_with(
            &browser::BrowserStore,
            &record,
            ops.as_ref(),
        );
    }
}

/// A note's text area: the stored note, typing handed over by [`note_typed`].
fn note_field(
    state: &AppHandle,
    account_id: &AccountId,
    question_id: &str,
    id: String,
    stored: String,
) -> Html {
    let oninput = {
        let state = state.clone();
        let (account_id, question_id) = (account_id.clone(), question_id.to_owned());
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            note_typed(
                &state,
                Action::Note {
                    account_id: account_id.clone(),
                    question_id: question_id.clone(),
                    text,
                    now_ms: browser::now_ms(),
                },
            );
        })
    };
    html! {
        <textarea {id} data-note={question_id.to_owned()} rows="2" maxlength="2000"
            value={stored} {oninput} onblur={Callback::from(|_: FocusEvent| flush_note())} />
    }
}
