//! The widget's state: the catalogue and the running call, in small `Copy`
//! context structs. Every transition goes through a method here, which calls
//! the engine and then does the UI's part (notice, focus, stamp time,
//! autosave), so no component changes the call behind another's back.

use crate::browser::clock::Debounce;
use crate::browser::{self, Dom};
use crate::hooks::{self, Hook};
use crate::keys::StepShape;
use crate::screen::{self, Ending};
use crate::shift::ShiftCtx;
use crate::store;
use chrono::{NaiveDate, NaiveDateTime};
use leptos::prelude::*;
use pandu_engine::flow::{Answer, Call, Caller, Dropped, Input, Refusal};
use pandu_engine::library::Library;
use pandu_engine::saved;
use pandu_engine::{search, ticket, Catalog, Step, StepKind};
use std::collections::BTreeMap;

/// The catalogue, the clock the widget believes, and what is derived from them once.
#[derive(Clone, Copy)]
pub struct AppCtx {
    /// Every SOP's heading; steps are read when a call needs them.
    pub lib: StoredValue<Library>,
    pub index: StoredValue<search::Index>,
    /// Today in WIB, for "in force / ended" (the simulated day in training).
    pub today: RwSignal<NaiveDate>,
    /// Training: drills, scoring, a simulated date. Live calls never see it.
    pub training: RwSignal<bool>,
    /// The trainer's simulated date (training only).
    pub sim: RwSignal<Option<NaiveDate>>,
    /// The copy status of the tickets on screen (only one set is ever shown).
    pub copy: CopyCtx,
    /// This widget's piece of the page: every focus and look-up goes through it.
    pub dom: Dom,
    /// Where this widget keeps the id of its call in this tab (`store::tab_key`).
    pub tab: StoredValue<String>,
    /// Where Pandu's own files are (the catalogue's bodies, the drills).
    pub assets: StoredValue<String>,
}

/// What the last transition left for the CSO to read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Notice {
    /// Answers that stepping back took off the path.
    pub dropped: Vec<Dropped>,
    /// Non-blocking warnings of the form just sent: (field id, field label, message).
    pub warnings: Vec<(String, String, String)>,
    /// Set when the call was brought back from storage: from when, and
    /// whether its SOP changed since.
    pub restored: Option<String>,
    /// Answers that no longer apply after a changed SOP was restored.
    pub lost: Vec<Dropped>,
}

/// A question the CSO must answer before something irreversible happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pending {
    /// Start the same SOP again from its first step.
    Restart,
    /// Leave this SOP for the finder, keeping the caller.
    Leave,
    /// "Hapus semua data" on the start screen.
    Wipe,
}

/// The collect form of the current step: its messages, reset at every transition.
#[derive(Clone, Copy)]
pub struct FormCtx {
    pub errors: RwSignal<BTreeMap<String, String>>,
    pub warnings: RwSignal<BTreeMap<String, String>>,
    /// "2 isian perlu diperbaiki" above the button after a refused send.
    pub summary: RwSignal<Option<String>>,
    /// Refused sends, so a test (or a host) can tell "refused again" from "nothing happened".
    pub refused: RwSignal<u32>,
    /// Fields typed in since the step appeared: tabbing through an untouched
    /// empty field is not an error yet.
    pub touched: StoredValue<Vec<String>>,
}

impl FormCtx {
    fn new() -> FormCtx {
        FormCtx {
            errors: RwSignal::new(BTreeMap::new()),
            warnings: RwSignal::new(BTreeMap::new()),
            summary: RwSignal::new(None),
            refused: RwSignal::new(0),
            touched: StoredValue::new(Vec::new()),
        }
    }

    fn reset(&self) {
        self.errors.set(BTreeMap::new());
        self.warnings.set(BTreeMap::new());
        self.summary.set(None);
        self.touched.set_value(Vec::new());
    }
}

/// The running call and everything the UI keeps beside it.
#[derive(Clone, Copy)]
pub struct CallCtx {
    pub app: AppCtx,
    /// Storage, history and queue: every transition is saved through it.
    pub shift: ShiftCtx,
    /// The caller header; copied into the call so script lines follow edits.
    pub caller: RwSignal<Caller>,
    pub call: RwSignal<Option<Call>>,
    /// Bumped at every transition. The step view is rebuilt on this alone, so
    /// editing the caller header re-renders text but keeps typed input.
    pub rev: RwSignal<u64>,
    pub notice: RwSignal<Notice>,
    /// Why the last input was not taken (unticked must-lines, an engine refusal).
    pub hint: RwSignal<Option<String>>,
    pub pending: RwSignal<Option<Pending>>,
    /// When the outcome was reached: the ticket stamp does not drift.
    pub finished_at: RwSignal<Option<NaiveDateTime>>,
    pub form: FormCtx,
    /// Told of every input the call takes or refuses (a drill records them).
    pub observer: StoredValue<Option<Observer>, LocalStorage>,
    /// The SOPs the call runs on, at the versions it started with
    /// (`Library::call_catalog`): saved with it, restored with it, untouched
    /// by what is published meanwhile.
    sops: StoredValue<Catalog>,
    /// The finder is open inside the call, for another topic of this caller.
    pub picking: RwSignal<bool>,
    /// What was typed into the form and not saved yet: (field id, text).
    typed: StoredValue<Vec<(String, String)>>,
    /// Saves `typed` once the CSO pauses.
    drafting: Debounce,
}

/// How long typing must pause before what was typed is saved with the call.
const DRAFT_DELAY: std::time::Duration = std::time::Duration::from_millis(400);

/// Sees each input with the call as it was and what the engine answered.
pub type Observer = Box<dyn Fn(&Call, &Input, &Result<(), Refusal>)>;

/// The catalogue context.
pub fn use_app() -> AppCtx {
    expect_context::<AppCtx>()
}

/// The call context.
pub fn use_call() -> CallCtx {
    expect_context::<CallCtx>()
}

impl AppCtx {
    pub fn new(lib: Library, today: NaiveDate, dom: Dom, tab: String, assets: String) -> AppCtx {
        // The build prepared each SOP's words; an SOP published later is
        // read here.
        let index = search::Index::build(lib.catalog(), &lib.prepared());
        AppCtx {
            lib: StoredValue::new(lib),
            index: StoredValue::new(index),
            today: RwSignal::new(today),
            training: RwSignal::new(false),
            sim: RwSignal::new(None),
            copy: CopyCtx::new(),
            dom,
            tab: StoredValue::new(tab),
            assets: StoredValue::new(assets),
        }
    }

    /// Remember (or forget) the call this widget runs in this tab.
    pub fn set_tab_call(&self, id: Option<&str>) {
        self.tab.with_value(|key| store::set_tab_call(key, id));
    }

    /// Read the catalogue (SOPs not loaded yet have no steps).
    pub fn with_cat<R>(&self, f: impl FnOnce(&Catalog) -> R) -> R {
        self.lib.with_value(|l| f(l.catalog()))
    }

    /// Change the library (load an SOP's steps); `None` once the widget is gone.
    pub fn with_lib<R>(&self, f: impl FnOnce(&mut Library) -> R) -> Option<R> {
        self.lib.try_update_value(f)
    }

    /// The time the widget believes: the clock in WIB, on the simulated day
    /// when a trainer set one (training only).
    pub fn now(&self) -> NaiveDateTime {
        let now = browser::now_wib();
        match (self.training.get_untracked(), self.sim.get_untracked()) {
            (true, Some(day)) => day.and_time(now.time()),
            _ => now,
        }
    }

    /// Whether calls are real: saved, kept in the history and the queue.
    pub fn live(&self) -> bool {
        !self.training.get_untracked()
    }
}

impl CallCtx {
    pub fn new(app: AppCtx, shift: ShiftCtx) -> CallCtx {
        CallCtx {
            app,
            shift,
            caller: RwSignal::new(Caller::default()),
            call: RwSignal::new(None),
            rev: RwSignal::new(0),
            notice: RwSignal::new(Notice::default()),
            hint: RwSignal::new(None),
            pending: RwSignal::new(None),
            finished_at: RwSignal::new(None),
            form: FormCtx::new(),
            observer: StoredValue::new_local(None),
            sops: StoredValue::new(Catalog::default()),
            picking: RwSignal::new(false),
            typed: StoredValue::new(Vec::new()),
            drafting: Debounce::new(),
        }
    }

    /// Read the call's own SOPs (the steps of every SOP it runs through).
    pub fn with_cat<R>(&self, f: impl FnOnce(&Catalog) -> R) -> R {
        self.sops.with_value(f)
    }

    /// Read the current step in place (untracked); `None` without a call.
    pub fn with_step<R>(&self, f: impl FnOnce(&Step) -> R) -> Option<R> {
        self.call.with_untracked(|c| {
            let c = c.as_ref()?;
            self.with_cat(|cat| c.current(cat).map(f))
        })
    }

    /// What the current step offers the shortcuts; `None` without a call.
    pub fn step_shape(&self) -> Option<StepShape> {
        if self.call.with_untracked(Option::is_none) {
            return None;
        }
        Some(
            self.with_step(|s| match &s.kind {
                StepKind::Ask { options, .. } => StepShape::Ask(options.len()),
                StepKind::Say { .. } | StepKind::Transfer { .. } | StepKind::Escalate { .. } => {
                    StepShape::Continues
                }
                _ => StepShape::Other,
            })
            .unwrap_or(StepShape::Other),
        )
    }

    /// Render a template against the call (tracked: follows the caller header).
    pub fn render(&self, template: &str) -> String {
        self.call
            .with(|c| c.as_ref().map(|c| c.render(template)))
            .unwrap_or_default()
    }

    /// Start an SOP for the caller in the header.
    /// Its SOP and those it includes must be read (`catalogue::fetch_for`).
    pub fn start(&self, sop_id: &str) -> Result<(), String> {
        let sops = self
            .app
            .with_lib(|l| l.call_catalog(sop_id))
            .unwrap_or_else(|| Err("Pandu sudah ditutup.".into()))?;
        self.sops.set_value(sops);
        let caller = self.caller.get_untracked();
        let call = self
            .with_cat(|cat| {
                Call::start(
                    cat,
                    sop_id,
                    caller,
                    browser::call_id(),
                    self.app.now().date(),
                )
            })
            .map_err(|e| e.to_string())?;
        if self.app.live() {
            self.app.set_tab_call(Some(&call.id));
            // Before the call itself: a saved call is only read with its SOPs.
            let _ = self.sops.with_value(|c| store::save_call_sops(&call.id, c));
        }
        self.notice.set(Notice::default());
        self.settle(call);
        Ok(())
    }

    /// Resume a saved call: this tab's own after a reload, or one picked from
    /// the list of unfinished calls. It is read from storage at this moment,
    /// since another tab may have moved it on. When it cannot be restored
    /// (ended or wiped in another tab meanwhile) the CSO is told and the list
    /// is read again.
    pub fn resume(&self, id: &str) -> bool {
        let Some((saved, sops)) = store::load_call(id) else {
            self.shift.resume_failed.set(Some(
                "Panggilan itu tidak dapat dipulihkan lagi: sudah diselesaikan atau dihapus di tab lain."
                    .into(),
            ));
            self.shift.refresh_unfinished(None);
            return false;
        };
        let id = id.to_string();
        let at = saved.saved_at.clone();
        let stamp = store::saved_time(&saved);
        let Ok(restored) = saved::restore(&sops, saved) else {
            self.shift.resume_failed.set(Some(
                "Panggilan itu tidak dapat dipulihkan: SOP-nya tidak ada lagi.".into(),
            ));
            self.shift.refresh_unfinished(None);
            return false;
        };
        let changed = restored.notice.is_some();
        let mut text = format!("Panggilan dipulihkan dari simpanan otomatis ({at} WIB).");
        if let Some(n) = restored.notice {
            text.push(' ');
            text.push_str(&n);
        }
        self.sops.set_value(sops);
        self.app.set_tab_call(Some(&id));
        self.caller.set(restored.call.caller.clone());
        self.notice.set(Notice {
            restored: Some(text),
            lost: restored.lost,
            ..Notice::default()
        });
        // Only a call the restore changed is written back: an unchanged one
        // keeps its time, which is the stamp of a ticket it had reached.
        self.place(restored.call, changed);
        if self.finished_at.get_untracked().is_some() && !changed {
            self.finished_at
                .set(stamp.or_else(|| Some(browser::now_wib())));
        }
        self.shift.resume_failed.set(None);
        self.shift.refresh_unfinished(Some(&id));
        true
    }

    /// Choose an option of the current ask step.
    pub fn choose(&self, option_id: &str) {
        let _ = self.answer(Input::Choose(option_id.to_string()), Vec::new());
    }

    /// Choose the n-th (1-based) option of the current ask step, if it has one.
    pub fn choose_nth(&self, n: usize) {
        let id = self
            .with_step(|s| match &s.kind {
                StepKind::Ask { options, .. } => {
                    options.get(n.wrapping_sub(1)).map(|o| o.id.clone())
                }
                _ => None,
            })
            .flatten();
        if let Some(id) = id {
            self.choose(&id);
        }
    }

    /// Continue a say, transfer or escalate step.
    pub fn proceed(&self) {
        if self.step_shape() == Some(StepShape::Continues) {
            let _ = self.answer(Input::Continue, Vec::new());
        }
    }

    /// Send the collect form with what was typed, by field id. A refusal
    /// shows each field's message, a summary, and puts the focus on the first.
    pub fn submit(&self, raw: BTreeMap<String, String>) {
        let labels = self.with_step(|s| match &s.kind {
            StepKind::Collect { fields, .. } => Some(
                fields
                    .iter()
                    .map(|f| (f.id.clone(), f.label.clone()))
                    .collect::<Vec<_>>(),
            ),
            _ => None,
        });
        let Some(labels) = labels.flatten() else {
            return;
        };
        if let Err(Refusal::Invalid(errs)) = self.answer(Input::Submit(raw.clone()), labels) {
            // What was sent stays typed, wrong values too: saved at once.
            for (id, v) in raw {
                self.draft_soon(id, v);
            }
            self.save_drafts();
            let form = self.form;
            form.refused.update(|n| *n += 1);
            form.summary.set(Some(match errs.len() {
                1 => "1 isian perlu diperbaiki sebelum lanjut.".to_string(),
                n => format!("{n} isian perlu diperbaiki sebelum lanjut."),
            }));
            if let Some((id, _)) = errs.first() {
                self.app.dom.focus_soon(hooks::field_control(id));
            }
            form.errors.set(pandu_engine::small::map(errs));
        }
    }

    /// Check one field as the CSO leaves it (or types into one already
    /// flagged), with the same rules as on send; `form` is what the form
    /// holds now, for cross-checks.
    pub fn check_field(&self, id: &str, form_values: &BTreeMap<String, String>) {
        let text = form_values.get(id).map(String::as_str).unwrap_or_default();
        // The field and the call are read in place: nothing is cloned per keystroke.
        let result = self.call.with_untracked(|c| {
            let c = c.as_ref()?;
            self.with_cat(|cat| match &c.current(cat)?.kind {
                StepKind::Collect { fields, .. } => {
                    let field = fields.iter().find(|f| f.id == id)?;
                    Some(c.check_field(field, text, form_values))
                }
                _ => None,
            })
        });
        let form = self.form;
        match result {
            Some(Ok(checked)) => {
                form.errors.update(|e| {
                    e.remove(id);
                });
                form.warnings.update(|w| {
                    if checked.warnings.is_empty() {
                        w.remove(id);
                    } else {
                        w.insert(id.to_string(), checked.warnings.join(" "));
                    }
                });
                // Once everything is fixed the summary has nothing left to say.
                if form.errors.with_untracked(BTreeMap::is_empty) {
                    form.summary.set(None);
                }
            }
            Some(Err(message)) => form.errors.update(|e| {
                e.insert(id.to_string(), message);
            }),
            None => {}
        }
    }

    fn answer(&self, input: Input, labels: Vec<(String, String)>) -> Result<(), Refusal> {
        let Some(mut call) = self.call.get_untracked() else {
            return Err(Refusal::Mismatch("Belum ada SOP yang berjalan.".into()));
        };
        // Only a drill watches: a live call pays for no extra copy.
        let watched = self
            .observer
            .with_value(Option::is_some)
            .then(|| input.clone());
        // Answer a copy: a refused input must not notify the view, or the
        // form the CSO is typing in would be rebuilt.
        let result = self.with_cat(|cat| call.answer(cat, input));
        if let Some(input) = watched {
            let told = result.as_ref().map(|_| ()).map_err(Clone::clone);
            // The signal still holds the call as it was before this input.
            self.call.with_untracked(|before| {
                self.observer.with_value(|o| {
                    if let (Some(o), Some(before)) = (o, before) {
                        o(before, &input, &told);
                    }
                })
            });
        }
        match result {
            Ok(accepted) => {
                let warnings = accepted
                    .warnings
                    .into_iter()
                    .map(|(id, msg)| {
                        let label = labels
                            .iter()
                            .find(|(k, _)| *k == id)
                            .map(|(_, l)| l.clone())
                            .unwrap_or_else(|| id.clone());
                        (id, label, msg)
                    })
                    .collect();
                self.notice.set(Notice {
                    warnings,
                    ..Notice::default()
                });
                self.settle(call);
                Ok(())
            }
            Err(refusal) => {
                match &refusal {
                    Refusal::Invalid(_) => {}
                    Refusal::Unsaid(_) => self.remind_unsaid(),
                    _ => self.hint.set(Some(refusal.to_string())),
                }
                Err(refusal)
            }
        }
    }

    /// The must-say lines on screen not ticked yet, as the CSO reads them.
    pub fn unsaid_lines(&self) -> Vec<String> {
        self.call
            .with_untracked(|c| c.as_ref().map(|c| self.with_cat(|cat| c.unsaid_lines(cat))))
            .unwrap_or_default()
    }

    // Say in the step's message area which must-say lines are missing, and
    // put the focus on the first box not ticked.
    fn remind_unsaid(&self) {
        self.hint
            .set(Some(screen::unsaid_hint(&self.unsaid_lines())));
        self.app.dom.focus_soon(hooks::UNTICKED_MUST);
    }

    /// Enter on a must-say box: once every line is ticked, go on as the
    /// step goes on (continue, send the form, to the options, to
    /// "Selesai"); else say which line is missing.
    pub fn onward(&self, form: impl FnOnce() -> BTreeMap<String, String>) {
        if self.call.with_untracked(Option::is_none) {
            return;
        }
        if !self.unsaid_lines().is_empty() {
            self.remind_unsaid();
            return;
        }
        self.hint.set(None);
        if self.finished_at.get_untracked().is_some() {
            self.app.dom.focus_soon(Hook::Finish.selector());
            return;
        }
        let collect = self
            .with_step(|s| matches!(s.kind, StepKind::Collect { .. }))
            .unwrap_or(false);
        match self.step_shape() {
            Some(StepShape::Continues) => self.proceed(),
            Some(StepShape::Ask(_)) => self.app.dom.focus_soon(Hook::Option.selector()),
            _ if collect => self.submit(form()),
            _ => {}
        }
    }

    /// "Selesai": a call with closing lines shows them first (SOP 001 butir
    /// 5, said once at the very end), and ends once the must-say ones are
    /// ticked. `Ending::End`: the caller ends the call now.
    pub fn wind_up(&self) -> Ending {
        let Some(mut call) = self.call.get_untracked() else {
            return Ending::End;
        };
        let (lines, unsaid) =
            self.with_cat(|cat| (call.closing_lines(cat).len(), call.unsaid(cat).len()));
        let ending = screen::ending(lines, call.closing, unsaid);
        match ending {
            Ending::Closing => {
                self.picking.set(false);
                if self.with_cat(|cat| call.begin_closing(cat)) {
                    self.notice.set(Notice::default());
                    self.settle(call);
                }
            }
            Ending::Refused => self.remind_unsaid(),
            Ending::End => {}
        }
        ending
    }

    /// "Topik lain untuk penelepon ini": the finder, inside the call at its outcome.
    pub fn open_topics(&self) {
        let at_outcome = self.finished_at.get_untracked().is_some()
            && self
                .call
                .with_untracked(|c| c.as_ref().is_some_and(|c| !c.closing));
        if at_outcome && self.app.live() {
            self.hint.set(None);
            self.picking.set(true);
            self.app.dom.focus_soon(Hook::Search.selector());
        }
    }

    /// Close that finder: back to the outcome.
    pub fn close_topics(&self) {
        self.picking.set(false);
        self.app.dom.focus_soon(Hook::Finish.selector());
    }

    /// Another SOP for the same caller: the topic that ended keeps its
    /// tickets (on screen above, and in the shift history as a finished
    /// call's), the header stays, and what its sub-flows collected is not
    /// asked again (the engine's `next_topic`).
    pub fn next_topic(&self, sop_id: &str) -> Result<(), String> {
        let Some(before) = self.call.get_untracked() else {
            return Err("Belum ada SOP yang berjalan.".into());
        };
        // The new topic's SOPs join the call's own; one it already runs on
        // (001 again) keeps the version the call has.
        let added = self
            .app
            .with_lib(|l| l.call_catalog(sop_id))
            .unwrap_or_else(|| Err("Pandu sudah ditutup.".into()))?;
        self.sops.update_value(|own| {
            for sop in added.sops {
                if own.get(&sop.id).is_none() {
                    own.sops.push(sop);
                }
            }
        });
        if self.app.live() {
            let _ = self
                .sops
                .with_value(|c| store::save_call_sops(&before.id, c));
        }
        let ended = self
            .finished_at
            .get_untracked()
            .unwrap_or_else(|| self.app.now());
        let mut call = before.clone();
        self.with_cat(|cat| call.next_topic(cat, sop_id, ended))
            .map_err(|e| e.to_string())?;
        if self.app.live() {
            let composed = call.earlier.last().map(|t| t.composed.clone());
            if let Some(composed) = composed {
                let mut topic = before;
                topic.id = screen::topic_id(&topic.id, topic.earlier.len() + 1);
                self.shift.record(&topic, composed, ended);
            }
        }
        self.picking.set(false);
        self.notice.set(Notice::default());
        // A new topic has no outcome yet, whatever it reaches first.
        self.finished_at.set(None);
        self.settle(call);
        Ok(())
    }

    /// Keep what was typed into field `id` of the form: saved with the call
    /// once typing pauses, so a reload, a crash or another tab gives it back.
    pub fn draft_soon(&self, id: String, value: String) {
        if !self.app.live() || self.call.with_untracked(Option::is_none) {
            return;
        }
        self.typed
            .update_value(|t| match t.iter_mut().find(|(k, _)| *k == id) {
                Some(slot) => slot.1 = value,
                None => t.push((id, value)),
            });
        let ctx = *self;
        self.drafting.run(DRAFT_DELAY, move || ctx.save_drafts());
    }

    /// Save what was typed now (the field was left, or the form refused).
    pub fn save_drafts(&self) {
        self.drafting.cancel();
        let Some(typed) = self.typed.try_update_value(std::mem::take) else {
            return;
        };
        if typed.is_empty() {
            return;
        }
        let mut changed = false;
        self.call.update_untracked(|c| {
            if let Some(c) = c {
                for (id, v) in &typed {
                    let same = c
                        .drafts_here()
                        .and_then(|d| d.get(id))
                        .is_some_and(|old| old == v);
                    if !same {
                        c.draft(id, v);
                        changed = true;
                    }
                }
            }
        });
        if changed {
            self.persist_at(self.app.now());
        }
    }

    /// Whether the CSO may go back from here.
    pub fn can_go_back(&self) -> bool {
        self.call.with(|c| {
            c.as_ref().is_some_and(|c| {
                c.closing || c.path.iter().any(|e| !matches!(e.answer, Answer::Auto(_)))
            })
        })
    }

    /// Step back one answered step; the dropped answers are shown.
    pub fn back(&self) {
        let Some(mut call) = self.call.get_untracked() else {
            return;
        };
        if let Some(dropped) = self.with_cat(|cat| call.back(cat)) {
            self.notice.set(Notice {
                dropped,
                ..Notice::default()
            });
            self.settle(call);
        }
    }

    /// Step back until the path has `len` entries (a breadcrumb).
    pub fn back_to(&self, len: usize) {
        let Some(mut call) = self.call.get_untracked() else {
            return;
        };
        let dropped = self.with_cat(|cat| call.back_to(cat, len));
        self.notice.set(Notice {
            dropped,
            ..Notice::default()
        });
        self.settle(call);
    }

    /// Ask before an irreversible action; Esc or "Batal" cancels.
    pub fn ask(&self, what: Pending) {
        self.pending.set(Some(what));
        self.app.dom.focus_soon(Hook::ConfirmYes.selector());
    }

    /// Close the open confirmation and put the focus back on its button.
    pub fn cancel(&self) {
        if self.pending.get_untracked().is_none() && self.picking.get_untracked() {
            self.close_topics();
            return;
        }
        if let Some(p) = self.pending.get_untracked() {
            self.pending.set(None);
            let back = match p {
                Pending::Restart => Hook::Restart,
                Pending::Leave => Hook::Leave,
                Pending::Wipe => Hook::Wipe,
            };
            self.app.dom.focus_soon(back.selector());
        }
    }

    /// Carry out the confirmed action.
    pub fn confirm(&self) {
        match self.pending.get_untracked() {
            Some(Pending::Restart) => self.restart(),
            Some(Pending::Leave) => self.leave(),
            Some(Pending::Wipe) => self.wipe(),
            None => {}
        }
    }

    fn restart(&self) {
        let Some(mut call) = self.call.get_untracked() else {
            return;
        };
        match self.with_cat(|cat| call.restart(cat)) {
            Ok(()) => {
                self.notice.set(Notice::default());
                self.settle(call);
            }
            Err(e) => self.hint.set(Some(e.to_string())),
        }
    }

    /// "Ganti SOP": asks first when answers would be lost (some given, no
    /// outcome reached), else leaves at once.
    pub fn leave_or_ask(&self) {
        let needs_asking = self.call.with_untracked(|c| {
            c.as_ref().is_some_and(|c| {
                let answered = c.path.iter().any(|e| !matches!(e.answer, Answer::Auto(_)));
                answered && !self.with_cat(|cat| c.is_finished(cat))
            })
        });
        if needs_asking {
            self.ask(Pending::Leave);
        } else {
            self.leave();
        }
    }

    /// Back to the finder with the same caller. A call at its outcome ends
    /// (its tickets go into the history); one left half-way is given up, as
    /// the confirmation said, and its saved state goes.
    pub fn leave(&self) {
        let finished = self.call.with_untracked(|c| {
            c.as_ref()
                .is_some_and(|c| self.with_cat(|cat| c.is_finished(cat)))
        });
        if finished {
            self.finish(false);
        } else {
            if let Some(id) = self
                .call
                .with_untracked(|c| c.as_ref().map(|c| c.id.clone()))
            {
                self.forget(&id);
            }
            self.close();
        }
    }

    /// "Selesai": the call ends. Its tickets go into the shift history (and
    /// an e-voucher request into the day queue), its saved state goes, and
    /// with `next_caller` the header is cleared for the next caller.
    pub fn finish(&self, next_caller: bool) {
        let Some(call) = self.call.get_untracked() else {
            return;
        };
        if self.app.live() {
            let ended = self
                .finished_at
                .get_untracked()
                .unwrap_or_else(browser::now_wib);
            let composed = self.with_cat(|cat| ticket::compose(cat, &call, ended));
            if let Some(composed) = composed {
                // The last topic of a call of several is its own entry (`screen::topic_id`).
                let mut last = call.clone();
                last.id = screen::topic_id(&call.id, call.earlier.len() + 1);
                self.shift.record(&last, composed, ended);
            }
        }
        self.forget(&call.id);
        self.close();
        if next_caller {
            self.caller.set(Caller::default());
            self.app.dom.focus_soon(Hook::CallerName.selector());
        }
    }

    /// The host said `reset`: a call at its outcome ends as with "Selesai";
    /// an unfinished one is set aside, still saved and listed to resume, so a
    /// host's reset never loses a CSO's work. The header is cleared either way.
    pub fn reset_for_host(&self) {
        if self.call.with_untracked(Option::is_none) {
            self.caller.set(Caller::default());
            return;
        }
        if self.finished_at.get_untracked().is_some() {
            self.finish(true);
        } else {
            self.close();
            self.caller.set(Caller::default());
        }
    }

    // The call's saved state goes. Only a failure is reported: a removal is
    // not a save, and must not turn "tidak tersimpan" into "tersimpan".
    fn forget(&self, id: &str) {
        if !self.app.live() {
            return;
        }
        if let Err(e) = store::forget_call(id) {
            self.shift.report(Err(e));
        }
    }

    /// Back to the start screen: no call in this tab any more.
    pub fn close(&self) {
        if self.app.live() {
            self.app.set_tab_call(None);
        }
        self.pending.set(None);
        self.picking.set(false);
        self.drop_typed();
        self.hint.set(None);
        self.notice.set(Notice::default());
        self.finished_at.set(None);
        self.call.set(None);
        self.rev.update(|r| *r += 1);
        if self.app.live() {
            self.shift.refresh_unfinished(None);
        }
        self.app.dom.focus_soon(Hook::Search.selector());
    }

    /// "Hapus semua data", confirmed: storage wiped, the header cleared too.
    fn wipe(&self) {
        self.pending.set(None);
        self.shift.wipe();
        self.caller.set(Caller::default());
        self.app.dom.focus_soon(Hook::CallerName.selector());
    }

    /// Change the caller header; a running call follows, so its script lines
    /// say the new name at once, and is saved with it.
    pub fn edit_caller(&self, edit: impl Fn(&mut Caller)) {
        self.caller.update(&edit);
        if self.call.with_untracked(Option::is_some) {
            self.call.update(|c| {
                if let Some(c) = c {
                    edit(&mut c.caller);
                }
            });
            self.persist_at(self.app.now());
        }
    }

    // Autosave: the running call under its own key (live calls only).
    fn persist_at(&self, now: NaiveDateTime) {
        if !self.app.live() {
            return;
        }
        let written = self
            .call
            .with_untracked(|c| c.as_ref().map(|c| store::save_call(c, now)));
        if let Some(w) = written {
            self.shift.report(w);
        }
    }

    /// Tick (or untick) the n-th must-say line of the current step.
    pub fn tick(&self, n: usize, on: bool) {
        let mut all = false;
        self.call.update_untracked(|c| {
            if let Some(c) = c {
                self.with_cat(|cat| {
                    c.tick(cat, n, on);
                    all = c.unsaid(cat).is_empty();
                });
            }
        });
        if all {
            self.hint.set(None);
        }
        self.persist_at(self.app.now());
    }

    /// Put the new call in place, save it, and move the UI to its current step.
    fn settle(&self, call: Call) {
        self.place(call, true);
    }

    fn drop_typed(&self) {
        self.drafting.cancel();
        self.typed.try_update_value(Vec::clear);
    }

    fn place(&self, call: Call, save: bool) {
        let finished = self.with_cat(|cat| call.is_finished(cat));
        // One reading of the clock: a call saved at its outcome is saved at
        // the very minute its ticket is stamped with, which a reload reuses.
        let now = self.app.now();
        // Before the old step goes, and before its form is reset: the blur
        // may check the field it leaves, and the reset then clears that.
        self.app.dom.blur_within(Hook::Step);
        // What was typed at the step left is sent, or is the old step's.
        self.drop_typed();
        // The closing lines come after the outcome: its stamp stays.
        if !(finished && self.finished_at.get_untracked().is_some()) {
            self.finished_at.set(finished.then_some(now));
        }
        self.hint.set(None);
        self.pending.set(None);
        self.form.reset();
        self.call.set(Some(call));
        if save {
            self.persist_at(now);
        }
        // The step view, rebuilt on this, puts the focus on its first control.
        self.rev.update(|r| *r += 1);
    }
}

/// The finder's query and why the SOP picked could not be opened.
#[derive(Clone, Copy)]
pub struct FinderCtx {
    pub query: RwSignal<String>,
    pub error: RwSignal<Option<String>>,
}

impl FinderCtx {
    pub fn new() -> FinderCtx {
        FinderCtx {
            query: RwSignal::new(String::new()),
            error: RwSignal::new(None),
        }
    }

    /// What the query finds, in finder order: best first, at equal
    /// relevance SOPs in force today first and sub-flows last.
    pub fn hits(&self, app: AppCtx) -> search::Found {
        let today = app.today.get();
        self.query
            .with(|q| app.index.with_value(|ix| ix.find(q, today)))
    }
}

impl Default for FinderCtx {
    fn default() -> Self {
        FinderCtx::new()
    }
}

/// The caller header's messages about a number that is not right.
#[derive(Clone, Copy)]
pub struct HeaderCtx {
    pub idpel: RwSignal<Option<String>>,
    pub phone: RwSignal<Option<String>>,
}

impl HeaderCtx {
    pub fn new() -> HeaderCtx {
        HeaderCtx {
            idpel: RwSignal::new(None),
            phone: RwSignal::new(None),
        }
    }
}

impl Default for HeaderCtx {
    fn default() -> Self {
        HeaderCtx::new()
    }
}

/// The outcome's copy status, shared by its copy buttons.
#[derive(Clone, Copy)]
pub struct CopyCtx {
    /// Shown in the `copy-status` live region.
    pub status: RwSignal<String>,
    /// Text to copy by hand when no copy worked and no element shows it alone.
    pub manual: RwSignal<Option<String>>,
}

impl CopyCtx {
    pub fn new() -> CopyCtx {
        CopyCtx {
            status: RwSignal::new(String::new()),
            manual: RwSignal::new(None),
        }
    }

    /// A new set of tickets on screen: nothing copied from it yet.
    pub fn clear(&self) {
        self.status.set(String::new());
        self.manual.set(None);
    }
}

impl Default for CopyCtx {
    fn default() -> Self {
        CopyCtx::new()
    }
}
