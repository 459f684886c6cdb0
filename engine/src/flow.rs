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
    /// Must-say lines of this step ticked as said (all of them: the step
    /// could not be left otherwise).
    pub said: u32,
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
    /// them if the CSO comes that way again. Never reaches a ticket.
    pub drafts: BTreeMap<String, BTreeMap<String, String>>,
    /// Ticks of the current step's must-say lines, in order; cleared when the step is left.
    pub ticks: Vec<bool>,
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
});

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
    /// Start `sop_id` for a caller and run its automatic first steps.
    pub fn start(
        catalog: &Catalog,
        sop_id: &str,
        caller: Caller,
        id: impl Into<String>,
    ) -> Result<Call, StartError> {
        let sop = catalog
            .get(sop_id)
            .ok_or_else(|| StartError::UnknownSop(sop_id.to_string()))?;
        let start = sop
            .start_id()
            .ok_or_else(|| StartError::Broken(format!("SOP `{sop_id}` tidak punya langkah")))?;
        let mut call = Call {
            id: id.into(),
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
        };
        call.settle(catalog).map_err(StartError::Broken)?;
        Ok(call)
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
        self.at.stack.is_empty()
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
        for e in &self.path {
            for (k, v) in &e.set {
                vars.insert(k.clone(), v.clone());
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
        if let Some(v) = self
            .drafts
            .get(&self.at.step)
            .and_then(|d| d.get(&field.id))
        {
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
        let unsaid = self.unsaid(catalog);
        if !unsaid.is_empty() {
            return Err(Refusal::Unsaid(unsaid));
        }
        let said = step.must_lines() as u32;
        let mut accepted = Accepted::default();
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
        self.drafts.remove(&self.at.step);
        self.ticks.clear();
        self.path.push(Entry {
            pos: self.at.clone(),
            answer,
            set,
            said,
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
                self.drafts.insert(entry.pos.step.clone(), raw.clone());
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

    /// Start over with the same SOP and caller.
    pub fn restart(&mut self, catalog: &Catalog) -> Result<(), StartError> {
        let fresh = Call::start(catalog, &self.sop, self.caller.clone(), self.id.clone())?;
        *self = fresh;
        Ok(())
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
                StepKind::Include { sop: sub, .. } => {
                    let resume = sop.next_of(step).ok_or_else(|| {
                        format!("langkah `{}` tidak punya langkah berikutnya", step.id)
                    })?;
                    let child = catalog
                        .get(sub)
                        .ok_or_else(|| format!("SOP `{sub}` tidak ditemukan"))?;
                    let first = child
                        .start_id()
                        .ok_or_else(|| format!("SOP `{sub}` tidak punya langkah"))?;
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
        });
    }

    /// How many must-say lines the current step has.
    pub fn must_lines(&self, catalog: &Catalog) -> usize {
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

    /// How far the call is: steps answered and an estimate of the total along
    /// the shortest way from here to an outcome.
    pub fn progress(&self, catalog: &Catalog) -> (usize, usize) {
        let done = self
            .path
            .iter()
            .filter(|e| !matches!(e.answer, Answer::Auto(_)))
            .count();
        let left = self
            .current_sop(catalog)
            .map(|sop| shortest_to_outcome(sop, &self.at.step))
            .unwrap_or(0);
        (done, done + left)
    }
}

fn is_auto(kind: &StepKind) -> bool {
    matches!(kind, StepKind::Decide { .. } | StepKind::Include { .. })
}

/// Steps the CSO still has to take on the shortest way to an outcome, this one included.
fn shortest_to_outcome(sop: &Sop, from: &str) -> usize {
    let mut dist: BTreeMap<&str, usize> = BTreeMap::new();
    let mut frontier = vec![from];
    dist.insert(from, 0);
    let mut i = 0;
    while i < frontier.len() {
        let id = frontier[i];
        i += 1;
        let Some(step) = sop.step(id) else { continue };
        let d = dist[id];
        if matches!(step.kind, StepKind::Outcome { .. }) {
            return d + 1;
        }
        let cost = usize::from(!is_auto(&step.kind));
        for next in sop.successors(step) {
            if let Some(n) = sop.step(&next) {
                if !dist.contains_key(n.id.as_str()) {
                    dist.insert(n.id.as_str(), d + cost);
                    frontier.push(n.id.as_str());
                }
            }
        }
    }
    1
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
