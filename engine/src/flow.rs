//! The interpreter: a call is a plain value, and every transition is a method
//! that either changes it or says why not and leaves it as it was.
//!
//! The call keeps the path of answered steps, not a bag of variables: the
//! variables are folded from the path, so stepping back and taking another
//! branch cannot leave an abandoned answer behind in the ticket.

use crate::json::{FromJson, Json, Obj, ObjOut, ToJson};
use crate::model::{Catalog, Field, FieldKind, Sop, Step, StepKind, TicketSpec};
use crate::template::{self, Env, Honorific};
use crate::validate::{self, FieldCtx};
use std::collections::BTreeMap;

/// The answer recorded for a sub-flow taken over from an earlier topic.
pub const REUSED: &str = "sudah dicatat di topik sebelumnya";

/// Automatic steps (decide, include, return) run in a row at most this many
/// times; more means a cycle the lint should have refused.
const MAX_AUTO_STEPS: usize = 500;

/// (field id, value) pairs, in field order.
type Pairs = Vec<(String, String)>;

/// The caller header, filled by the CSO (or the host) before or during the call.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "authoring", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "authoring", serde(deny_unknown_fields))]
pub struct Caller {
    #[cfg_attr(feature = "authoring", serde(default))]
    pub name: String,
    #[cfg_attr(feature = "authoring", serde(default))]
    pub honorific: Honorific,
    #[cfg_attr(feature = "authoring", serde(default))]
    pub idpel: String,
    #[cfg_attr(feature = "authoring", serde(default))]
    pub phone: String,
    /// Values the host console already knows (`email`, `unit`), by field id:
    /// a field with that id starts with it, as if the CSO had typed it.
    #[cfg_attr(
        feature = "authoring",
        serde(default, skip_serializing_if = "BTreeMap::is_empty")
    )]
    pub known: BTreeMap<String, String>,
}

/// Where a sub-flow returns to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    pub sop: String,
    pub resume: String,
}

/// A step inside the stack of included SOPs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pos {
    pub stack: Vec<Frame>,
    pub sop: String,
    pub step: String,
}

/// What was done at a step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// A say, transfer or escalate step read out / done.
    Continue,
    /// The option chosen at an ask step.
    Choice(String),
    /// Raw field input as typed, by field id.
    Fields(BTreeMap<String, String>),
    /// A decide, include or return step: where it led.
    Auto(String),
}

/// One step of the path so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub pos: Pos,
    pub answer: Answer,
    /// Variables this step set, already normalised (`08…` phones, ISO dates).
    pub set: Vec<(String, String)>,
    /// Must-say lines of this step ticked as said (all of them, unless the
    /// option chosen says they do not apply to this caller).
    pub said: u32,
    /// Fields of this step accepted with a warning, with the warning (for
    /// `warned` conditions, and a scenario recorded from the call).
    pub warned: Vec<(String, String)>,
}

/// What a CSO sends the interpreter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Continue,
    Choose(String),
    Submit(BTreeMap<String, String>),
}

impl Input {
    /// The answer this input gives when the step takes it.
    pub fn answer(&self) -> Answer {
        match self {
            Input::Continue => Answer::Continue,
            Input::Choose(id) => Answer::Choice(id.clone()),
            Input::Submit(raw) => Answer::Fields(raw.clone()),
        }
    }
}

impl Answer {
    /// The input that gives this answer again (a replay); `None` for the
    /// steps the interpreter takes by itself.
    pub fn input(&self) -> Option<Input> {
        match self {
            Answer::Auto(_) => None,
            Answer::Continue => Some(Input::Continue),
            Answer::Choice(id) => Some(Input::Choose(id.clone())),
            Answer::Fields(raw) => Some(Input::Submit(raw.clone())),
        }
    }
}

/// Why an input was refused; the call is unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Field id → message, in the order of the fields.
    Invalid(Vec<(String, String)>),
    /// The input does not fit the step (an option id that does not exist, ...).
    Mismatch(String),
    /// The call has reached its outcome.
    Finished,
    /// Must-say lines of the step not ticked as said yet (their indices
    /// among the step's must lines).
    Unsaid(Vec<usize>),
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::Invalid(errs) => {
                let parts: Vec<String> = errs.iter().map(|(k, v)| format!("{k}: {v}")).collect();
                write!(f, "{}", parts.join("; "))
            }
            Refusal::Mismatch(m) => f.write_str(m),
            Refusal::Finished => f.write_str("Panggilan sudah sampai di hasil akhir."),
            Refusal::Unsaid(_) => {
                f.write_str("Centang dulu kalimat wajib setelah disampaikan kepada pelanggan.")
            }
        }
    }
}

/// An accepted input: warnings to show (field id → message), e.g. an unusual invoice.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Accepted {
    pub warnings: Vec<(String, String)>,
}

/// An answer that `back` took off the path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dropped {
    pub step: String,
    /// The field label or question.
    pub label: String,
    /// What had been answered, as the CSO saw it.
    pub value: String,
}

/// Errors starting a call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StartError {
    UnknownSop(String),
    Broken(String),
}

impl std::fmt::Display for StartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StartError::UnknownSop(id) => write!(f, "SOP `{id}` tidak ditemukan."),
            StartError::Broken(m) => write!(f, "SOP tidak dapat dijalankan: {m}"),
        }
    }
}

/// One call through one SOP. Serialises exactly, for autosave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Call {
    /// Given by the host or the UI; the engine draws no random numbers.
    pub id: String,
    pub sop: String,
    /// The SOP's version when the call started, to notice a changed SOP on restore.
    pub version: String,
    pub caller: Caller,
    pub path: Vec<Entry>,
    pub at: Pos,
    /// Raw input typed at steps that were later stepped back over, to prefill
    /// them if the CSO comes that way again, by `<sop id>/<step id>` (a
    /// sub-flow's step may share its id with one of the SOP that includes it).
    /// Never reaches a ticket.
    pub drafts: BTreeMap<String, BTreeMap<String, String>>,
    /// Ticks of the current step's must-say lines, in order; cleared when the step is left.
    pub ticks: Vec<bool>,
    /// The day of the call, `YYYY-MM-DD` in WIB (the simulated day in
    /// training): the `hari_ini` variable, for SOPs whose programme ends.
    pub day: String,
    /// Topics finished earlier in this call, for the same caller, oldest first.
    pub earlier: Vec<Topic>,
    /// The CSO offered other help, nothing more was asked: the call's
    /// closing lines are being said (`closing_lines`).
    pub closing: bool,
}

/// A topic of a call that ended before the current one began.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Topic {
    pub sop: String,
    pub version: String,
    pub path: Vec<Entry>,
    /// Its tickets as they were when it ended: what the CSO copied.
    pub composed: crate::ticket::Composed,
}

crate::json_struct!(Caller {
    name: def,
    honorific: def,
    idpel: def,
    phone: def,
    known: skip,
});
crate::json_struct!(Frame {
    sop: req,
    resume: req
});
crate::json_struct!(Pos {
    stack: skip,
    sop: req,
    step: req,
});
crate::json_struct!(Entry {
    pos: req,
    answer: req,
    set: skip,
    said: skip,
    warned: skip,
});
crate::json_struct!(Topic {
    sop: req,
    version: req,
    path: req,
    composed: req,
});
crate::json_struct!(Call {
    id: req,
    sop: req,
    version: req,
    caller: req,
    path: req,
    at: req,
    drafts: skip,
    ticks: skip,
    day: skip,
    earlier: skip,
    closing: skip,
});

/// Where the drafts of a step are kept in `Call::drafts`. SOP ids have no `/`.
fn draft_key(sop: &str, step: &str) -> String {
    format!("{sop}/{step}")
}

/// `{"t":"choice","v":"ya"}`, as serde's adjacent tagging wrote it.
impl ToJson for Answer {
    fn to_json(&self) -> Json {
        let mut o = ObjOut::default();
        let (t, v) = match self {
            Answer::Continue => ("continue", None),
            Answer::Choice(id) => ("choice", Some(id.to_json())),
            Answer::Fields(raw) => ("fields", Some(raw.to_json())),
            Answer::Auto(to) => ("auto", Some(to.to_json())),
        };
        o.put("t", t);
        if let Some(v) = v {
            o.put_json("v", v);
        }
        o.done()
    }
}

impl FromJson for Answer {
    fn from_json(j: &Json) -> Result<Self, String> {
        let o = Obj::of(j)?;
        let t: String = o.req("t")?;
        Ok(match t.as_str() {
            "continue" => Answer::Continue,
            "choice" => Answer::Choice(o.req("v")?),
            "fields" => Answer::Fields(o.req("v")?),
            "auto" => Answer::Auto(o.req("v")?),
            other => return Err(format!("jenis jawaban `{other}` tidak dikenal")),
        })
    }
}

impl Call {
    /// Start `sop_id` for a caller on `day` and run its automatic first steps.
    pub fn start(
        catalog: &Catalog,
        sop_id: &str,
        caller: Caller,
        id: impl Into<String>,
        day: chrono::NaiveDate,
    ) -> Result<Call, StartError> {
        Call::resume_with(
            catalog,
            sop_id,
            caller,
            id.into(),
            crate::dates::iso(day),
            Vec::new(),
        )
    }

    /// Start `sop_id` as the next topic of a call that already has `earlier`
    /// ones (their sub-flows are taken over, not asked again).
    fn resume_with(
        catalog: &Catalog,
        sop_id: &str,
        caller: Caller,
        id: String,
        day: String,
        earlier: Vec<Topic>,
    ) -> Result<Call, StartError> {
        let sop = catalog
            .get(sop_id)
            .ok_or_else(|| StartError::UnknownSop(sop_id.to_string()))?;
        let start = sop
            .start_id()
            .ok_or_else(|| StartError::Broken(format!("SOP `{sop_id}` tidak punya langkah")))?;
        let mut call = Call {
            id,
            sop: sop.id.clone(),
            version: sop.version.clone(),
            caller,
            path: Vec::new(),
            at: Pos {
                stack: Vec::new(),
                sop: sop.id.clone(),
                step: start.to_string(),
            },
            drafts: BTreeMap::new(),
            ticks: Vec::new(),
            day,
            earlier,
            closing: false,
        };
        call.settle(catalog).map_err(StartError::Broken)?;
        Ok(call)
    }

    /// A fresh start of this call's current SOP, with its caller, day and
    /// earlier topics (a restart, or a replay on a changed SOP).
    pub fn fresh(&self, catalog: &Catalog) -> Result<Call, StartError> {
        Call::resume_with(
            catalog,
            &self.sop,
            self.caller.clone(),
            self.id.clone(),
            self.day.clone(),
            self.earlier.clone(),
        )
    }

    /// The SOP of the current step (a sub-flow's while inside one).
    pub fn current_sop<'c>(&self, catalog: &'c Catalog) -> Option<&'c Sop> {
        catalog.get(&self.at.sop)
    }

    /// The step the CSO is at.
    pub fn current<'c>(&self, catalog: &'c Catalog) -> Option<&'c Step> {
        self.current_sop(catalog)?.step(&self.at.step)
    }

    /// At an outcome of the top-level SOP: the call is done and tickets can be composed.
    pub fn is_finished(&self, catalog: &Catalog) -> bool {
        self.closing
            || self.at.stack.is_empty()
                && matches!(
                    self.current(catalog).map(|s| &s.kind),
                    Some(StepKind::Outcome { .. })
                )
    }

    /// Every variable: the caller header, then everything the path set.
    pub fn vars(&self) -> BTreeMap<String, String> {
        let mut vars = BTreeMap::new();
        // The header is typed freely; like a field, it is kept in its normal
        // form when it is valid, and as typed (trimmed) when it is not yet.
        let header = [
            ("nama", validate::one_line(&self.caller.name)),
            (
                "telepon",
                validate::phone(&self.caller.phone)
                    .unwrap_or_else(|_| self.caller.phone.trim().into()),
            ),
            (
                "idpel",
                validate::idpel(&self.caller.idpel)
                    .unwrap_or_else(|_| self.caller.idpel.trim().into()),
            ),
        ];
        for (k, v) in header {
            if !v.is_empty() {
                vars.insert(k.to_string(), v);
            }
        }
        if !self.day.is_empty() {
            vars.insert("hari_ini".into(), self.day.clone());
        }
        // Earlier topics first: what this one sets again wins.
        let paths = self.earlier.iter().map(|t| &t.path).chain([&self.path]);
        for e in paths.flatten() {
            for (k, v) in &e.set {
                vars.insert(k.clone(), v.clone());
                let mark = crate::model::warned_key(k);
                if e.warned.iter().any(|(id, _)| id == k) {
                    vars.insert(mark, String::new());
                } else {
                    vars.remove(&mark);
                }
            }
        }
        vars
    }

    /// Render a template against this call.
    pub fn render(&self, t: &str) -> String {
        let vars = self.vars();
        template::render(
            t,
            &Env {
                honorific: self.caller.honorific,
                vars: &vars,
            },
        )
    }

    /// The starting text of a field: last input there if the CSO stepped back
    /// over it, else what the host knew for that field id, else its prefill template.
    pub fn field_start_value(&self, field: &Field) -> String {
        if let Some(v) = self.drafts_here().and_then(|d| d.get(&field.id)) {
            return v.clone();
        }
        if let Some(v) = self.caller.known.get(&field.id) {
            return v.clone();
        }
        if field.prefill.is_empty() {
            String::new()
        } else {
            self.render(&field.prefill)
        }
    }

    /// Apply the CSO's input to the current step.
    pub fn answer(&mut self, catalog: &Catalog, input: Input) -> Result<Accepted, Refusal> {
        if self.is_finished(catalog) {
            return Err(Refusal::Finished);
        }
        let step = self
            .current(catalog)
            .ok_or_else(|| Refusal::Mismatch(format!("langkah `{}` tidak ada", self.at.step)))?;
        // An option whose caller the must-say lines do not concern may be
        // chosen before they are ticked (seed 004 I: urgent callers).
        let exempt = match (&step.kind, &input) {
            (StepKind::Ask { options, .. }, Input::Choose(id)) => {
                options.iter().any(|o| &o.id == id && o.skip_must)
            }
            _ => false,
        };
        let unsaid = self.unsaid(catalog);
        if !unsaid.is_empty() && !exempt {
            return Err(Refusal::Unsaid(unsaid));
        }
        let said = (step.must_lines() - unsaid.len()) as u32;
        let mut accepted = Accepted::default();
        let mut warned = Vec::new();
        let (answer, set) = match (&step.kind, input) {
            (
                StepKind::Say { .. } | StepKind::Transfer { .. } | StepKind::Escalate { .. },
                Input::Continue,
            ) => (Answer::Continue, Vec::new()),
            (StepKind::Ask { options, .. }, Input::Choose(id)) => {
                let choice = options.iter().find(|o| o.id == id).ok_or_else(|| {
                    Refusal::Mismatch(format!("pilihan `{id}` tidak ada di langkah ini"))
                })?;
                let set = choice
                    .set
                    .iter()
                    .map(|a| (a.var.clone(), self.render(&a.value)))
                    .collect();
                (Answer::Choice(id), set)
            }
            (StepKind::Collect { fields, .. }, Input::Submit(raw)) => {
                let (set, warnings) = self.check_fields(fields, &raw)?;
                warned = warnings.clone();
                accepted.warnings = warnings;
                (Answer::Fields(raw), set)
            }
            (kind, input) => {
                return Err(Refusal::Mismatch(format!(
                    "langkah `{}` ({}) tidak menerima {}",
                    step.id,
                    kind.name(),
                    match input {
                        Input::Continue => "lanjut",
                        Input::Choose(_) => "pilihan",
                        Input::Submit(_) => "isian",
                    }
                )))
            }
        };
        let sop = self.current_sop(catalog).expect("current step exists");
        let next = match (&step.kind, &answer) {
            (StepKind::Ask { options, .. }, Answer::Choice(id)) => {
                options.iter().find(|o| &o.id == id).map(|o| o.next.clone())
            }
            _ => sop.next_of(step),
        }
        .ok_or_else(|| {
            Refusal::Mismatch(format!(
                "langkah `{}` tidak punya langkah berikutnya",
                step.id
            ))
        })?;
        let before = self.clone();
        self.drafts.remove(&draft_key(&self.at.sop, &self.at.step));
        // A call saved before drafts named their SOP kept them by step id.
        self.drafts.remove(&self.at.step);
        self.ticks.clear();
        self.path.push(Entry {
            pos: self.at.clone(),
            answer,
            set,
            said,
            warned,
        });
        self.at.step = next;
        if let Err(m) = self.settle(catalog) {
            *self = before;
            return Err(Refusal::Mismatch(m));
        }
        Ok(accepted)
    }

    /// Validate a collect step's input against its fields, in order, so a
    /// field may be cross-checked against one above it in the same step.
    fn check_fields(
        &self,
        fields: &[Field],
        raw: &BTreeMap<String, String>,
    ) -> Result<(Pairs, Pairs), Refusal> {
        let vars = self.vars();
        let mut set: Vec<(String, String)> = Vec::new();
        let mut errors = Vec::new();
        let mut warnings = Vec::new();
        for f in fields {
            let text = raw.get(&f.id).map(String::as_str).unwrap_or("");
            let against = f.against.as_deref().and_then(|a| {
                set.iter()
                    .find(|(k, _)| k == a)
                    .map(|(_, v)| v.as_str())
                    .or_else(|| vars.get(a).map(String::as_str))
            });
            let ctx = FieldCtx {
                required: f.required,
                options: &f.options,
                min: f.min.as_deref(),
                max: f.max.as_deref(),
                against,
            };
            match validate::check(f.kind, text, &ctx) {
                Ok(c) => {
                    for w in c.warnings {
                        warnings.push((f.id.clone(), w));
                    }
                    if !c.value.is_empty() {
                        set.push((f.id.clone(), c.value));
                    }
                }
                Err(m) => errors.push((f.id.clone(), m)),
            }
        }
        if errors.is_empty() {
            Ok((set, warnings))
        } else {
            Err(Refusal::Invalid(errors))
        }
    }

    /// Check one field alone (on blur), with the same rules as on submit.
    pub fn check_field(
        &self,
        field: &Field,
        raw: &str,
        same_step: &BTreeMap<String, String>,
    ) -> Result<validate::Checked, String> {
        let vars = self.vars();
        let against = field
            .against
            .as_deref()
            .and_then(|a| same_step.get(a).or_else(|| vars.get(a)))
            .map(String::as_str);
        // A cross-check against a field that is itself still invalid says nothing useful.
        let against_norm = against.and_then(|v| match field.kind {
            FieldKind::Invoice => validate::date(v).ok().map(|d| d.to_string()),
            FieldKind::Power => validate::power(v).ok().map(|va| va.to_string()),
            _ => Some(v.to_string()),
        });
        validate::check(
            field.kind,
            raw,
            &FieldCtx {
                required: field.required,
                options: &field.options,
                min: field.min.as_deref(),
                max: field.max.as_deref(),
                against: against_norm.as_deref(),
            },
        )
    }

    /// Step back to the previous step the CSO answered. Automatic steps in
    /// between are undone too. Returns what was dropped from the path, or
    /// `None` at the first step.
    pub fn back(&mut self, catalog: &Catalog) -> Option<Vec<Dropped>> {
        if self.leave_closing() {
            return Some(Vec::new());
        }
        if self
            .path
            .iter()
            .all(|e| matches!(e.answer, Answer::Auto(_)))
        {
            return None;
        }
        let mut dropped = Vec::new();
        loop {
            let entry = self.path.pop()?;
            let auto = matches!(entry.answer, Answer::Auto(_));
            dropped.extend(describe(catalog, &entry));
            if let Answer::Fields(raw) = &entry.answer {
                self.drafts
                    .insert(draft_key(&entry.pos.sop, &entry.pos.step), raw.clone());
            }
            // Lines said before stay said: coming back does not ask for them again.
            self.ticks = vec![true; entry.said as usize];
            self.at = entry.pos;
            if !auto {
                break;
            }
        }
        Some(dropped)
    }

    /// Step back until the path has `len` entries (a breadcrumb click).
    pub fn back_to(&mut self, catalog: &Catalog, len: usize) -> Vec<Dropped> {
        let mut all = Vec::new();
        while self.path.len() > len {
            match self.back(catalog) {
                Some(d) => all.extend(d),
                None => break,
            }
        }
        all
    }

    /// Start the current topic over with the same SOP and caller; earlier
    /// topics of the call stay as they were.
    pub fn restart(&mut self, catalog: &Catalog) -> Result<(), StartError> {
        *self = self.fresh(catalog)?;
        Ok(())
    }

    /// A sub-flow run to an outcome that writes tickets in an earlier topic:
    /// that outcome's id and every variable the sub-flow set then.
    fn earlier_run(&self, catalog: &Catalog, sub: &str) -> Option<(String, Pairs)> {
        self.earlier.iter().rev().find_map(|t| {
            let end = t.path.iter().find(|e| {
                e.pos.sop == sub
                    && !e.pos.stack.is_empty()
                    && catalog.get(sub).and_then(|s| s.step(&e.pos.step)).is_some_and(
                        |s| matches!(&s.kind, StepKind::Outcome { tickets, .. } if !tickets.is_empty()),
                    )
            })?;
            let set = t
                .path
                .iter()
                .filter(|e| e.pos.sop == sub)
                .flat_map(|e| e.set.iter().cloned())
                .collect();
            Some((end.pos.step.clone(), set))
        })
    }

    /// Another topic for the same caller, once this one has reached its
    /// outcome (seed 001 butir 6: "setelah penawaran bantuan lainnya"). The
    /// finished topic keeps its tickets, composed at `now`; the header, the
    /// day and what sub-flows collected stay with the call.
    pub fn next_topic(
        &mut self,
        catalog: &Catalog,
        sop_id: &str,
        now: chrono::NaiveDateTime,
    ) -> Result<(), StartError> {
        if self.closing || !self.is_finished(catalog) {
            return Err(StartError::Broken(
                "topik ini belum sampai di hasil akhir".into(),
            ));
        }
        let composed = crate::ticket::compose(catalog, self, now)
            .ok_or_else(|| StartError::Broken("tiket topik ini tidak dapat disusun".into()))?;
        let mut earlier = self.earlier.clone();
        earlier.push(Topic {
            sop: self.sop.clone(),
            version: self.version.clone(),
            path: self.path.clone(),
            composed,
        });
        *self = Call::resume_with(
            catalog,
            sop_id,
            self.caller.clone(),
            self.id.clone(),
            self.day.clone(),
            earlier,
        )?;
        Ok(())
    }

    /// An include's `prefill`: each value, rendered now, becomes the starting
    /// text of the sub-flow's fields with that id. A value whose variables are
    /// not all set is left out rather than shown half-filled.
    fn prefill_subflow(&mut self, child: &Sop, prefill: &[crate::model::Assign]) {
        if prefill.is_empty() {
            return;
        }
        let vars = self.vars();
        for a in prefill {
            let complete = template::placeholders(&a.value).is_ok_and(|ps| {
                ps.iter()
                    .all(|(n, _)| template::BUILTINS.contains(n) || vars.contains_key(*n))
            });
            let value = self.render(&a.value);
            if !complete || value.trim().is_empty() {
                continue;
            }
            for step in &child.steps {
                let StepKind::Collect { fields, .. } = &step.kind else {
                    continue;
                };
                if fields.iter().any(|f| f.id == a.var) {
                    self.drafts
                        .entry(draft_key(&child.id, &step.id))
                        .or_default()
                        .entry(a.var.clone())
                        .or_insert_with(|| value.clone());
                }
            }
        }
    }

    /// Keep what the CSO has typed into the current form but not sent yet,
    /// so a reload or a crash gives it back (`field_start_value`).
    pub fn draft(&mut self, field: &str, value: &str) {
        self.drafts
            .entry(draft_key(&self.at.sop, &self.at.step))
            .or_default()
            .insert(field.to_string(), value.to_string());
    }

    /// What was typed at the current step and not sent. A call saved before
    /// drafts named their SOP kept them by step id alone; those are read for
    /// the call's own SOP, not inside a sub-flow.
    pub fn drafts_here(&self) -> Option<&BTreeMap<String, String>> {
        self.drafts
            .get(&draft_key(&self.at.sop, &self.at.step))
            .or_else(|| {
                self.drafts
                    .get(&self.at.step)
                    .filter(|_| self.at.stack.is_empty())
            })
    }

    /// The lines to say at the very end of the call: the `closing` lines of
    /// every outcome reached on the way, in every topic, each once.
    pub fn closing_lines(&self, catalog: &Catalog) -> Vec<crate::model::ScriptLine> {
        let mut out: Vec<crate::model::ScriptLine> = Vec::new();
        let reached = self
            .earlier
            .iter()
            .flat_map(|t| &t.path)
            .chain(&self.path)
            .map(|e| &e.pos)
            .chain([&self.at]);
        for pos in reached {
            let Some(StepKind::Outcome { closing, .. }) = catalog
                .get(&pos.sop)
                .and_then(|s| s.step(&pos.step))
                .map(|s| &s.kind)
            else {
                continue;
            };
            for line in closing {
                if !out.iter().any(|l| l.text == line.text) {
                    out.push(line.clone());
                }
            }
        }
        out
    }

    /// Nothing more was asked: go to the closing lines. `false` when the
    /// topic has not reached its outcome.
    pub fn begin_closing(&mut self, catalog: &Catalog) -> bool {
        if self.closing || !self.is_finished(catalog) {
            return false;
        }
        self.closing = true;
        self.ticks.clear();
        true
    }

    /// Back from the closing lines to the outcome (another topic after all).
    pub fn leave_closing(&mut self) -> bool {
        let was = std::mem::replace(&mut self.closing, false);
        self.ticks.clear();
        was
    }

    /// Whether the call may end: every closing line that must be said is ticked.
    pub fn can_end(&self, catalog: &Catalog) -> Result<(), Refusal> {
        let unsaid = self.unsaid(catalog);
        if self.closing && !unsaid.is_empty() {
            return Err(Refusal::Unsaid(unsaid));
        }
        Ok(())
    }

    /// The must-say lines not ticked yet, as rendered for the CSO.
    pub fn unsaid_lines(&self, catalog: &Catalog) -> Vec<String> {
        let musts: Vec<String> = self
            .current_lines(catalog)
            .into_iter()
            .filter(|l| l.must)
            .map(|l| self.render(&l.text))
            .collect();
        self.unsaid(catalog)
            .into_iter()
            .filter_map(|n| musts.get(n).cloned())
            .collect()
    }

    /// The script lines the CSO has in front of them: the step's, or the closing ones.
    pub fn current_lines(&self, catalog: &Catalog) -> Vec<crate::model::ScriptLine> {
        if self.closing {
            self.closing_lines(catalog)
        } else {
            self.current(catalog)
                .map(|s| s.say.clone())
                .unwrap_or_default()
        }
    }

    /// Run automatic steps until one needs the CSO.
    fn settle(&mut self, catalog: &Catalog) -> Result<(), String> {
        for _ in 0..MAX_AUTO_STEPS {
            let sop = catalog
                .get(&self.at.sop)
                .ok_or_else(|| format!("SOP `{}` tidak ditemukan", self.at.sop))?;
            let step = sop.step(&self.at.step).ok_or_else(|| {
                format!("langkah `{}` tidak ada di SOP `{}`", self.at.step, sop.id)
            })?;
            match &step.kind {
                StepKind::Decide { rules, otherwise } => {
                    let vars = self.vars();
                    let (next, why) = rules
                        .iter()
                        .find(|r| r.all.iter().all(|c| c.holds(&vars)))
                        .map(|r| (r.next.clone(), r.label.clone()))
                        .unwrap_or_else(|| (otherwise.clone(), String::new()));
                    self.push_auto(if why.is_empty() { next.clone() } else { why });
                    self.at.step = next;
                }
                StepKind::Include {
                    sop: sub, prefill, ..
                } => {
                    let resume = sop.next_of(step).ok_or_else(|| {
                        format!("langkah `{}` tidak punya langkah berikutnya", step.id)
                    })?;
                    if let Some((outcome, set)) = self.earlier_run(catalog, sub) {
                        // Done in an earlier topic of this call: the caller is
                        // not asked again (001's contact data, once per call).
                        self.push_auto(sub.clone());
                        let back = std::mem::replace(&mut self.at.sop, sub.clone());
                        self.at.stack.push(Frame { sop: back, resume });
                        self.at.step = outcome;
                        self.path.push(Entry {
                            pos: self.at.clone(),
                            answer: Answer::Auto(REUSED.into()),
                            set,
                            said: 0,
                            warned: Vec::new(),
                        });
                        let frame = self.at.stack.pop().expect("just pushed");
                        self.at.sop = frame.sop;
                        self.at.step = frame.resume;
                        continue;
                    }
                    let child = catalog
                        .get(sub)
                        .ok_or_else(|| format!("SOP `{sub}` tidak ditemukan"))?;
                    let first = child
                        .start_id()
                        .ok_or_else(|| format!("SOP `{sub}` tidak punya langkah"))?;
                    self.prefill_subflow(child, prefill);
                    self.push_auto(sub.clone());
                    self.at.stack.push(Frame {
                        sop: self.at.sop.clone(),
                        resume,
                    });
                    self.at.sop = sub.clone();
                    self.at.step = first.to_string();
                }
                StepKind::Outcome { .. } if !self.at.stack.is_empty() => {
                    // A sub-flow's outcome is its return: its tickets are merged
                    // into the caller's outcome by the composer.
                    self.push_auto(String::new());
                    let frame = self.at.stack.pop().expect("checked non-empty");
                    self.at.sop = frame.sop;
                    self.at.step = frame.resume;
                }
                _ => return Ok(()),
            }
        }
        Err(format!(
            "lebih dari {MAX_AUTO_STEPS} langkah otomatis berturut-turut (siklus?)"
        ))
    }

    fn push_auto(&mut self, to: String) {
        self.path.push(Entry {
            pos: self.at.clone(),
            answer: Answer::Auto(to),
            set: Vec::new(),
            said: 0,
            warned: Vec::new(),
        });
    }

    /// How many must-say lines the current step has.
    pub fn must_lines(&self, catalog: &Catalog) -> usize {
        if self.closing {
            return self
                .closing_lines(catalog)
                .iter()
                .filter(|l| l.must)
                .count();
        }
        self.current(catalog).map(Step::must_lines).unwrap_or(0)
    }

    /// Whether the n-th must-say line of the current step is ticked.
    pub fn ticked(&self, n: usize) -> bool {
        self.ticks.get(n).copied().unwrap_or(false)
    }

    /// Tick (or untick) the n-th must-say line of the current step; `false`
    /// when the step has no such line.
    pub fn tick(&mut self, catalog: &Catalog, n: usize, on: bool) -> bool {
        let count = self.must_lines(catalog);
        if n >= count {
            return false;
        }
        self.ticks.resize(count, false);
        self.ticks[n] = on;
        true
    }

    /// Tick every must-say line of the current step (a replay, a scenario).
    pub fn tick_all(&mut self, catalog: &Catalog) {
        self.ticks = vec![true; self.must_lines(catalog)];
    }

    /// The must-say lines of the current step not ticked yet.
    pub fn unsaid(&self, catalog: &Catalog) -> Vec<usize> {
        (0..self.must_lines(catalog))
            .filter(|&n| !self.ticked(n))
            .collect()
    }

    /// Must-say lines said along the path, for the ticket stamp.
    pub fn said(&self) -> u32 {
        self.path.iter().map(|e| e.said).sum()
    }

    /// The outcomes of sub-flows passed on the path, for the composer.
    pub fn returned_tickets<'c>(&self, catalog: &'c Catalog) -> Vec<&'c TicketSpec> {
        self.path
            .iter()
            .filter(|e| !e.pos.stack.is_empty())
            .filter_map(|e| catalog.get(&e.pos.sop)?.step(&e.pos.step))
            .filter_map(|s| match &s.kind {
                StepKind::Outcome { tickets, .. } => Some(tickets),
                _ => None,
            })
            .flatten()
            .collect()
    }

    /// How far the call is: steps answered, and an estimate of the total
    /// that does not under-read: the longest way from here to an outcome
    /// (each way taken once, sub-flows' steps included, those taken over
    /// from an earlier topic not), so "Langkah 3 dari ±12" can only come
    /// out shorter than said.
    pub fn progress(&self, catalog: &Catalog) -> (usize, usize) {
        let done = self
            .path
            .iter()
            .filter(|e| !matches!(e.answer, Answer::Auto(_)))
            .count();
        let mut memo = BTreeMap::new();
        let mut left = self.longest_from(catalog, &self.at.sop, &self.at.step, &mut memo);
        for frame in &self.at.stack {
            left += self.longest_from(catalog, &frame.sop, &frame.resume, &mut memo);
        }
        (done, done + left)
    }

    /// Steps the CSO answers on the longest way from `step` of `sop` to one
    /// of its outcomes, the outcome itself included (0 for a sub-flow's
    /// outcome, which returns). A way back to a step already on the way
    /// counts as ending there (`Some(0)` in `memo` while it is being walked).
    fn longest_from(
        &self,
        catalog: &Catalog,
        sop_id: &str,
        step_id: &str,
        memo: &mut BTreeMap<(String, String), usize>,
    ) -> usize {
        let key = (sop_id.to_string(), step_id.to_string());
        if let Some(&n) = memo.get(&key) {
            return n;
        }
        let (Some(sop), top) = (catalog.get(sop_id), sop_id == self.sop) else {
            return 0;
        };
        let Some(step) = sop.step(step_id) else {
            return 0;
        };
        memo.insert(key.clone(), 0);
        let own = match &step.kind {
            StepKind::Outcome { .. } => usize::from(top),
            StepKind::Decide { .. } => 0,
            StepKind::Include { sop: sub, .. } => {
                let reused = self.earlier_run(catalog, sub).is_some();
                match catalog.get(sub).and_then(Sop::start_id) {
                    Some(first) if !reused => self.longest_from(catalog, sub, first, memo),
                    _ => 0,
                }
            }
            _ => 1,
        };
        let after = match &step.kind {
            StepKind::Outcome { .. } => 0,
            _ => sop
                .successors(step)
                .iter()
                .map(|n| self.longest_from(catalog, sop_id, n, memo))
                .max()
                .unwrap_or(0),
        };
        memo.insert(key, own + after);
        own + after
    }
}

/// What an entry answered, for the "dropped" list and the path view.
pub fn describe(catalog: &Catalog, e: &Entry) -> Vec<Dropped> {
    let Some(step) = catalog.get(&e.pos.sop).and_then(|s| s.step(&e.pos.step)) else {
        return Vec::new();
    };
    match (&step.kind, &e.answer) {
        (StepKind::Ask { question, options }, Answer::Choice(id)) => vec![Dropped {
            step: step.id.clone(),
            label: question.clone(),
            value: options
                .iter()
                .find(|o| &o.id == id)
                .map(|o| o.label.clone())
                .unwrap_or_else(|| id.clone()),
        }],
        (StepKind::Collect { fields, .. }, Answer::Fields(_)) => e
            .set
            .iter()
            .map(|(k, v)| Dropped {
                step: step.id.clone(),
                label: fields
                    .iter()
                    .find(|f| &f.id == k)
                    .map(|f| f.label.clone())
                    .unwrap_or_else(|| k.clone()),
                value: v.clone(),
            })
            .collect(),
        _ => Vec::new(),
    }
}
