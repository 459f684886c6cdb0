//! The SOP model: what a supervisor writes in `sops/*.toml`, as Rust values.
//!
//! One decoder reads them (`codec.rs`), whether they came from a TOML file
//! (turned into JSON values first, `authoring.rs`), the built catalogue, a
//! published SOP or a host's pack: nothing here knows where the data came from.

/// One SOP: a flow of steps taken from one seed document.
#[derive(Debug, Clone, PartialEq)]
pub struct Sop {
    pub id: String,
    pub title: String,
    /// The seed document this SOP comes from, e.g. `"004"`.
    pub seed: String,
    pub version: String,
    /// First day in force, `YYYY-MM-DD`. Absent: standing rule.
    pub effective_from: Option<String>,
    /// Last day in force, `YYYY-MM-DD`. Absent: still in force.
    pub effective_until: Option<String>,
    /// One line for the finder: what the SOP is for.
    pub summary: String,
    /// Words callers and CSOs use for this case ("tambah daya", "internet mati").
    pub keywords: Vec<String>,
    /// Other ways callers say this SOP's words: `"naikin daya = tambah daya"` or a plain
    /// word; every phrase of an entry is one of the SOP's words for the finder.
    pub synonyms: Vec<String>,
    /// A sub-flow meant to be included by other SOPs (seed 001); still runnable alone.
    pub subflow: bool,
    /// Id of the first step. Absent: the first step in the file.
    pub start: Option<String>,
    pub steps: Vec<Step>,
}

/// One step of a flow. What the CSO sees and does depends on `kind`.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub id: String,
    /// Short name for breadcrumbs and reviews.
    pub title: String,
    /// The seed clause this step comes from, e.g. `"004 II.A.1.a"`.
    pub clause: String,
    /// The seed is silent here and the step is our most faithful reading.
    pub assumed: bool,
    /// Lines the CSO says to the caller, in the seed's wording.
    pub say: Vec<ScriptLine>,
    /// Instructions to the CSO: what to do, not what to say.
    pub todo: Vec<String>,
    pub kind: StepKind,
}

/// A line to say. In the file either a plain string or `{ text = "...", must = true }`.
#[derive(Debug, Clone, PartialEq)]
pub struct ScriptLine {
    pub text: String,
    /// Must be ticked as said before the CSO may continue.
    pub must: bool,
}

/// What a step does. `next` left out means "the step below this one in the file".
#[derive(Debug, Clone, PartialEq)]
pub enum StepKind {
    /// Read the lines out, then continue.
    Say { next: Option<String> },
    /// Ask the caller (or decide as CSO); each option leads somewhere.
    Ask {
        question: String,
        options: Vec<Choice>,
    },
    /// Collect data from the caller.
    Collect {
        fields: Vec<Field>,
        next: Option<String>,
    },
    /// Branch automatically on collected data: the first rule that holds wins.
    Decide { rules: Vec<Rule>, otherwise: String },
    /// Run another SOP as a sub-flow, then come back to `next`.
    Include {
        sop: String,
        next: Option<String>,
        /// Values the sub-flow's fields of these ids start with (seed 000's
        /// buyer HP and email for 001's), as if typed: the CSO still checks
        /// and sends them, and a field the sub-flow skips never gets them.
        prefill: Vec<Assign>,
    },
    /// Transfer the call to another contact center.
    Transfer {
        destination: String,
        number: String,
        /// The clicks in Fines, in order.
        fines: Vec<String>,
        next: Option<String>,
    },
    /// Escalate to someone or something (Simone, HoCC, Form Request Callback).
    Escalate {
        /// Target system of the escalation record: `simone`, `callback`, or a
        /// person/role (`HoCC`) when no form is involved.
        channel: String,
        level: String,
        /// Template: why, shown on the escalation record.
        reason: String,
        next: Option<String>,
    },
    /// The end of the flow: the tickets to write.
    Outcome {
        /// One line telling the CSO how the call ends.
        summary: String,
        tickets: Vec<TicketSpec>,
        /// Lines said once at the very end of the call, after the offer of
        /// other help, when this outcome was reached on the way (seed 001
        /// butir 5–6: the service-information line).
        closing: Vec<ScriptLine>,
    },
}

impl StepKind {
    /// The short name used in files and lint messages.
    pub fn name(&self) -> &'static str {
        match self {
            StepKind::Say { .. } => "say",
            StepKind::Ask { .. } => "ask",
            StepKind::Collect { .. } => "collect",
            StepKind::Decide { .. } => "decide",
            StepKind::Include { .. } => "include",
            StepKind::Transfer { .. } => "transfer",
            StepKind::Escalate { .. } => "escalate",
            StepKind::Outcome { .. } => "outcome",
        }
    }
}

/// One option of an `ask` step.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub id: String,
    pub label: String,
    pub next: String,
    /// Values this choice sets, usable as `{name}` in later templates.
    pub set: Vec<Assign>,
    /// The step's must-say lines do not apply to a caller who answers this
    /// (seed 004 I: an urgent caller is not redirected to PLN Mobile), so
    /// the option may be chosen before they are ticked.
    pub skip_must: bool,
}

/// `{ var = "alasan", value = "PEMOHON TIDAK MEMILIKI HP" }`
#[derive(Debug, Clone, PartialEq)]
pub struct Assign {
    pub var: String,
    pub value: String,
}

/// One field of a `collect` step.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub id: String,
    pub label: String,
    pub kind: FieldKind,
    pub required: bool,
    /// Hint under the input.
    pub help: String,
    /// Template for the starting value, e.g. `"{telepon}"` from the caller header.
    pub prefill: String,
    /// Choices of a `select` field.
    pub options: Vec<String>,
    /// For `date`: earliest accepted day, `YYYY-MM-DD`.
    pub min: Option<String>,
    /// For `date`: latest accepted day, `YYYY-MM-DD`.
    pub max: Option<String>,
    /// For `invoice`: the date field to cross-check; for `account_name`: the KTP name field.
    pub against: Option<String>,
}

/// Which validator a field runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FieldKind {
    /// One line of free text.
    #[default]
    Text,
    /// Several lines of free text (kept as one line in tickets).
    Note,
    Email,
    /// A telephone number: mobile or fixed line (seed 001's "No. Telepon").
    Phone,
    /// A mobile number only (seed 000's "Nomor Handphone pembeli").
    Hp,
    Idpel,
    Nik,
    Power,
    Date,
    Money,
    Invoice,
    AccountName,
    Select,
}

impl FieldKind {
    pub const ALL: [FieldKind; 13] = [
        FieldKind::Text,
        FieldKind::Note,
        FieldKind::Email,
        FieldKind::Phone,
        FieldKind::Hp,
        FieldKind::Idpel,
        FieldKind::Nik,
        FieldKind::Power,
        FieldKind::Date,
        FieldKind::Money,
        FieldKind::Invoice,
        FieldKind::AccountName,
        FieldKind::Select,
    ];

    /// The name used in files (`type = "account_name"`) and in `data-kind`.
    pub fn as_str(self) -> &'static str {
        match self {
            FieldKind::Text => "text",
            FieldKind::Note => "note",
            FieldKind::Email => "email",
            FieldKind::Phone => "phone",
            FieldKind::Hp => "hp",
            FieldKind::Idpel => "idpel",
            FieldKind::Nik => "nik",
            FieldKind::Power => "power",
            FieldKind::Date => "date",
            FieldKind::Money => "money",
            FieldKind::Invoice => "invoice",
            FieldKind::AccountName => "account_name",
            FieldKind::Select => "select",
        }
    }

    pub fn parse(s: &str) -> Option<FieldKind> {
        FieldKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A rule of a `decide` step: all conditions hold → go to `next`.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    pub all: Vec<Cond>,
    pub next: String,
    /// Shown in the path: why this branch was taken.
    pub label: String,
}

/// A test on one variable. Every comparison that is present must hold.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cond {
    pub var: String,
    pub eq: Option<String>,
    pub ne: Option<String>,
    pub one_of: Vec<String>,
    /// At most this number (VA, rupiah: whole numbers; no float is needed).
    pub le: Option<i64>,
    pub ge: Option<i64>,
    /// Date on or after, `YYYY-MM-DD`.
    pub from: Option<String>,
    /// Date on or before, `YYYY-MM-DD`.
    pub until: Option<String>,
    /// `true`: the variable has a value; `false`: it has none.
    pub set: Option<bool>,
    /// `true`: the field was accepted with a warning (an account name that
    /// fails PLN Mobile's rule, a fixed-line number); `false`: without one.
    pub warned: Option<bool>,
}

impl Cond {
    /// Whether the condition holds for these variables. A comparison on a
    /// variable that has no value, or no number/date, does not hold.
    pub fn holds(&self, vars: &std::collections::BTreeMap<String, String>) -> bool {
        let v = vars
            .get(&self.var)
            .map(|s| s.trim())
            .filter(|s| !s.is_empty());
        if let Some(want) = self.set {
            if want != v.is_some() {
                return false;
            }
        }
        if let Some(want) = self.warned {
            if want != vars.contains_key(&warned_key(&self.var)) {
                return false;
            }
        }
        let needs_value = self.eq.is_some()
            || self.ne.is_some()
            || !self.one_of.is_empty()
            || self.le.is_some()
            || self.ge.is_some()
            || self.from.is_some()
            || self.until.is_some();
        if !needs_value {
            return true;
        }
        let Some(v) = v else { return false };
        if self
            .eq
            .as_deref()
            .is_some_and(|e| !v.eq_ignore_ascii_case(e))
        {
            return false;
        }
        if self
            .ne
            .as_deref()
            .is_some_and(|e| v.eq_ignore_ascii_case(e))
        {
            return false;
        }
        if !self.one_of.is_empty() && !self.one_of.iter().any(|e| v.eq_ignore_ascii_case(e)) {
            return false;
        }
        if self.le.is_some() || self.ge.is_some() {
            let Ok(n) = v.parse::<i64>() else {
                return false;
            };
            if self.le.is_some_and(|le| n > le) || self.ge.is_some_and(|ge| n < ge) {
                return false;
            }
        }
        if self.from.is_some() || self.until.is_some() {
            let Some(d) = crate::dates::parse_iso(v) else {
                return false;
            };
            let bound = |b: &Option<String>| b.as_deref().and_then(crate::dates::parse_iso);
            if bound(&self.from).is_some_and(|f| d < f) || bound(&self.until).is_some_and(|u| d > u)
            {
                return false;
            }
        }
        true
    }
}

/// Where the call's variables note that a field was accepted with a warning:
/// a name no template or field can use, since ids have no `#`.
pub fn warned_key(var: &str) -> String {
    format!("{var}#peringatan")
}

/// The back-office systems a ticket is written to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum System {
    Apkt,
    Crm,
    Ap2t,
    Simone,
    Callback,
}

impl System {
    pub const ALL: [System; 5] = [
        System::Apkt,
        System::Crm,
        System::Ap2t,
        System::Simone,
        System::Callback,
    ];

    /// The id used in files and in `data-system`.
    pub fn as_str(self) -> &'static str {
        match self {
            System::Apkt => "apkt",
            System::Crm => "crm",
            System::Ap2t => "ap2t",
            System::Simone => "simone",
            System::Callback => "callback",
        }
    }

    /// The name CSOs know the system by.
    pub fn title(self) -> &'static str {
        match self {
            System::Apkt => "APKT",
            System::Crm => "CRM",
            System::Ap2t => "AP2T",
            System::Simone => "Simone",
            System::Callback => "Form Request Callback",
        }
    }

    pub fn parse(s: &str) -> Option<System> {
        System::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// What an outcome writes to one system.
#[derive(Debug, Clone, PartialEq)]
pub struct TicketSpec {
    pub system: System,
    /// Sub-heading, e.g. "Keluhan" for APKT.
    pub tab: String,
    pub fields: Vec<TicketFieldSpec>,
}

/// One field of a ticket: the system's own field name and a template for its value.
#[derive(Debug, Clone, PartialEq)]
pub struct TicketFieldSpec {
    pub name: String,
    pub value: String,
    /// Leave the field out when its value comes out empty (an optional field not given).
    pub optional: bool,
}

impl Step {
    /// The step's short name: its title, or its id when it has none.
    pub fn label(&self) -> String {
        if self.title.trim().is_empty() {
            self.id.clone()
        } else {
            self.title.clone()
        }
    }

    /// How many of its script lines the SOP marks as must-say.
    pub fn must_lines(&self) -> usize {
        self.say.iter().filter(|l| l.must).count()
    }
}

impl Sop {
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }

    pub fn step_index(&self, id: &str) -> Option<usize> {
        self.steps.iter().position(|s| s.id == id)
    }

    /// The first step's id.
    pub fn start_id(&self) -> Option<&str> {
        self.start
            .as_deref()
            .or_else(|| self.steps.first().map(|s| s.id.as_str()))
    }

    /// Where a step goes when it names no `next`: the step below it.
    pub fn next_of(&self, step: &Step) -> Option<String> {
        let explicit = match &step.kind {
            StepKind::Say { next }
            | StepKind::Collect { next, .. }
            | StepKind::Include { next, .. }
            | StepKind::Transfer { next, .. }
            | StepKind::Escalate { next, .. } => next.clone(),
            StepKind::Ask { .. } | StepKind::Decide { .. } | StepKind::Outcome { .. } => {
                return None
            }
        };
        explicit.or_else(|| {
            let i = self.step_index(&step.id)?;
            self.steps.get(i + 1).map(|s| s.id.clone())
        })
    }

    /// Every step id a step can lead to, in order.
    pub fn successors(&self, step: &Step) -> Vec<String> {
        match &step.kind {
            StepKind::Ask { options, .. } => options.iter().map(|o| o.next.clone()).collect(),
            StepKind::Decide { rules, otherwise } => rules
                .iter()
                .map(|r| r.next.clone())
                .chain(std::iter::once(otherwise.clone()))
                .collect(),
            StepKind::Outcome { .. } => Vec::new(),
            _ => self.next_of(step).into_iter().collect(),
        }
    }
}

/// The SOPs the widget knows, in finder order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Catalog {
    pub sops: Vec<Sop>,
}

impl Catalog {
    pub fn get(&self, id: &str) -> Option<&Sop> {
        self.sops.iter().find(|s| s.id == id)
    }
}

/// The keys each level of an SOP file may use (TOML at build time, JSON in
/// packs); anything else is refused, naming the key, since a decoder that
/// skipped it would let a misspelt `next` quietly fall through.
pub mod keys {
    pub const SOP_KEYS: &[&str] = &[
        "id",
        "title",
        "seed",
        "version",
        "effective_from",
        "effective_until",
        "summary",
        "keywords",
        "synonyms",
        "subflow",
        "start",
        "step",
        "steps",
    ];
    pub const STEP_KEYS: &[&str] = &[
        "id",
        "title",
        "clause",
        "assumed",
        "say",
        "do",
        "kind",
        "next",
        "question",
        "option",
        "options",
        "field",
        "fields",
        "rule",
        "rules",
        "otherwise",
        "sop",
        "destination",
        "number",
        "fines",
        "channel",
        "level",
        "reason",
        "summary",
        "ticket",
        "tickets",
        "closing",
        "prefill",
    ];
    pub const OPTION_KEYS: &[&str] = &["id", "label", "next", "set", "skip_must"];
    pub const ASSIGN_KEYS: &[&str] = &["var", "value"];
    pub const FIELD_KEYS: &[&str] = &[
        "id", "label", "type", "required", "help", "prefill", "options", "min", "max", "against",
    ];
    pub const RULE_KEYS: &[&str] = &["when", "next", "label"];
    pub const COND_KEYS: &[&str] = &[
        "var", "eq", "ne", "one_of", "le", "ge", "from", "until", "set", "warned",
    ];
    pub const TICKET_KEYS: &[&str] = &["system", "tab", "field", "fields"];
    pub const TICKET_FIELD_KEYS: &[&str] = &["name", "value", "optional"];
    pub const LINE_KEYS: &[&str] = &["text", "must"];
}
