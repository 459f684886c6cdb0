//! What changed between two versions of an SOP, in the terms a reviewer
//! cares about: what CSOs will say differently, what they will be asked to
//! collect, what the tickets will say. Steps are matched by id; a step
//! whose id changed shows as removed and added.

use crate::model::{Field, Sop, Step, StepKind, TicketSpec};

/// One change, in Indonesian, with the step it is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The step's id; empty for the SOP's heading.
    pub step: String,
    pub what: Kind,
    /// The text before (empty when added).
    pub before: String,
    /// The text after (empty when removed).
    pub after: String,
}

/// What a change is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Heading,
    StepAdded,
    StepRemoved,
    /// A line to say (or a closing line).
    Script,
    /// A CSO instruction (`do`).
    Instruction,
    Question,
    Option,
    Field,
    Ticket,
    /// Where a step leads.
    Flow,
}

impl Kind {
    /// The label a reviewer reads.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Heading => "Kepala SOP",
            Kind::StepAdded => "Langkah baru",
            Kind::StepRemoved => "Langkah dihapus",
            Kind::Script => "Kalimat",
            Kind::Instruction => "Instruksi",
            Kind::Question => "Pertanyaan",
            Kind::Option => "Pilihan",
            Kind::Field => "Isian",
            Kind::Ticket => "Tiket",
            Kind::Flow => "Alur",
        }
    }
}

/// Every change from `old` to `new`, heading first, then steps in `new`'s
/// order, then the steps `new` no longer has.
pub fn changes(old: &Sop, new: &Sop) -> Vec<Change> {
    let mut out = Vec::new();
    let heading = |s: &Sop| {
        [
            ("Judul", s.title.clone()),
            ("Ringkasan", s.summary.clone()),
            (
                "Berlaku mulai",
                s.effective_from.clone().unwrap_or_default(),
            ),
            (
                "Berlaku sampai",
                s.effective_until.clone().unwrap_or_default(),
            ),
            ("Kata kunci", s.keywords.join(", ")),
        ]
    };
    for ((name, a), (_, b)) in heading(old).into_iter().zip(heading(new)) {
        if a != b {
            out.push(change(
                "",
                Kind::Heading,
                format!("{name}: {a}"),
                format!("{name}: {b}"),
            ));
        }
    }
    for step in &new.steps {
        match old.step(&step.id) {
            None => out.push(change(
                &step.id,
                Kind::StepAdded,
                String::new(),
                describe(step),
            )),
            Some(before) => step_changes(before, step, &mut out),
        }
    }
    for step in &old.steps {
        if new.step(&step.id).is_none() {
            out.push(change(
                &step.id,
                Kind::StepRemoved,
                describe(step),
                String::new(),
            ));
        }
    }
    out
}

fn change(step: &str, what: Kind, before: String, after: String) -> Change {
    Change {
        step: step.to_string(),
        what,
        before,
        after,
    }
}

fn describe(step: &Step) -> String {
    format!("{} ({}, {})", step.label(), step.kind.name(), step.clause)
}

/// Lists compared item by item: those only in one of them are changes.
fn lists(step: &str, what: Kind, old: &[String], new: &[String], out: &mut Vec<Change>) {
    for a in old {
        if !new.contains(a) {
            out.push(change(step, what, a.clone(), String::new()));
        }
    }
    for b in new {
        if !old.contains(b) {
            out.push(change(step, what, String::new(), b.clone()));
        }
    }
}

fn step_changes(old: &Step, new: &Step, out: &mut Vec<Change>) {
    let id = new.id.as_str();
    let said = |s: &Step| -> Vec<String> {
        let closing = match &s.kind {
            StepKind::Outcome { closing, .. } => closing.as_slice(),
            _ => &[],
        };
        s.say
            .iter()
            .chain(closing)
            .map(|l| {
                if l.must {
                    format!("{} (wajib)", l.text)
                } else {
                    l.text.clone()
                }
            })
            .collect()
    };
    lists(id, Kind::Script, &said(old), &said(new), out);
    lists(id, Kind::Instruction, &old.todo, &new.todo, out);
    if old.kind.name() != new.kind.name() {
        out.push(change(id, Kind::Flow, describe(old), describe(new)));
        return;
    }
    match (&old.kind, &new.kind) {
        (
            StepKind::Ask {
                question: qa,
                options: oa,
            },
            StepKind::Ask {
                question: qb,
                options: ob,
            },
        ) => {
            if qa != qb {
                out.push(change(id, Kind::Question, qa.clone(), qb.clone()));
            }
            let show = |o: &crate::model::Choice| format!("{} → {}", o.label, o.next);
            lists(
                id,
                Kind::Option,
                &oa.iter().map(show).collect::<Vec<_>>(),
                &ob.iter().map(show).collect::<Vec<_>>(),
                out,
            );
        }
        (StepKind::Collect { fields: fa, .. }, StepKind::Collect { fields: fb, .. }) => {
            let show = |f: &Field| {
                format!(
                    "{} ({}{})",
                    f.label,
                    f.kind.as_str(),
                    if f.required { ", wajib" } else { "" }
                )
            };
            lists(
                id,
                Kind::Field,
                &fa.iter().map(show).collect::<Vec<_>>(),
                &fb.iter().map(show).collect::<Vec<_>>(),
                out,
            );
        }
        (StepKind::Outcome { tickets: ta, .. }, StepKind::Outcome { tickets: tb, .. }) => {
            let show = |ts: &[TicketSpec]| -> Vec<String> {
                ts.iter()
                    .flat_map(|t| {
                        t.fields
                            .iter()
                            .map(move |f| format!("{} · {}: {}", t.system.title(), f.name, f.value))
                    })
                    .collect()
            };
            lists(id, Kind::Ticket, &show(ta), &show(tb), out);
        }
        _ => {}
    }
    let (na, nb) = (next_of(old), next_of(new));
    if na != nb {
        out.push(change(id, Kind::Flow, na, nb));
    }
}

// An explicit `next` of a step that has one (moves of the file order aside).
fn next_of(step: &Step) -> String {
    match &step.kind {
        StepKind::Say { next }
        | StepKind::Collect { next, .. }
        | StepKind::Include { next, .. }
        | StepKind::Transfer { next, .. }
        | StepKind::Escalate { next, .. } => next.clone().unwrap_or_default(),
        StepKind::Decide { otherwise, rules } => {
            let mut s: Vec<String> = rules.iter().map(|r| r.next.clone()).collect();
            s.push(otherwise.clone());
            s.join(", ")
        }
        _ => String::new(),
    }
}
