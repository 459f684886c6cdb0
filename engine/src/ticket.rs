//! The ticket composer: from a finished call to the text a CSO pastes, field
//! by field, into APKT, CRM, AP2T, Simone or the Form Request Callback.
//!
//! Values are rendered from the call's variables, so a ticket can only say
//! what was collected on the path actually taken.

use crate::flow::{Answer, Call};
use crate::model::{Catalog, StepKind, System, TicketSpec};
use crate::validate;
use chrono::NaiveDateTime;

/// APKT refuses very long texts; longer values are cut and flagged, never silently.
pub const MAX_FIELD_CHARS: usize = 1000;

/// The time zone the stamp is written in; the caller passes time already in WIB.
pub const TIME_ZONE: &str = "WIB";

/// One field of a composed ticket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TicketField {
    /// The system's own field name, e.g. `Email Pelapor`.
    pub name: String,
    pub value: String,
    /// Set when the value had to be changed to fit the system (cut to length).
    pub warning: Option<String>,
}

/// What to write into one system.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ticket {
    pub system: System,
    pub tab: String,
    pub fields: Vec<TicketField>,
}

/// A transfer done on the way: where, which number, the clicks in Fines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransferNote {
    pub destination: String,
    pub number: String,
    pub fines: Vec<String>,
}

/// An escalation done on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EscalationNote {
    pub channel: String,
    pub level: String,
    pub reason: String,
}

/// Everything the outcome asks the CSO to write, with its stamp.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Composed {
    pub sop: String,
    pub version: String,
    /// `DD-MM-YYYY HH:MM WIB`
    pub time: String,
    /// The outcome step's id.
    pub outcome: String,
    pub summary: String,
    pub tickets: Vec<Ticket>,
    pub transfers: Vec<TransferNote>,
    pub escalations: Vec<EscalationNote>,
    /// Must-say lines ticked as said on the way.
    pub said: u32,
}

crate::json_struct!(TicketField {
    name: req,
    value: req,
    warning: skip,
});
crate::json_struct!(Ticket {
    system: req,
    tab: skip,
    fields: req,
});
crate::json_struct!(TransferNote {
    destination: req,
    number: req,
    fines: req,
});
crate::json_struct!(EscalationNote {
    channel: req,
    level: req,
    reason: req,
});
crate::json_struct!(Composed {
    sop: req,
    version: req,
    time: req,
    outcome: req,
    summary: req,
    tickets: req,
    transfers: req,
    escalations: req,
    said: skip,
});

impl Ticket {
    pub fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|f| f.name == name)
            .map(|f| f.value.as_str())
    }

    /// `Name: value` lines under a heading, as pasted into a note.
    pub fn text(&self) -> String {
        let mut out = String::from(self.system.title());
        if !self.tab.is_empty() {
            out.push_str(" – ");
            out.push_str(&self.tab);
        }
        for f in &self.fields {
            out.push('\n');
            out.push_str(&f.name);
            out.push_str(": ");
            out.push_str(&f.value);
        }
        out
    }
}

impl EscalationNote {
    /// What follows the channel's name: ` – URGENT: <reason>`, each part when there is one.
    pub fn detail(&self) -> String {
        let mut s = String::new();
        if !self.level.is_empty() {
            s.push_str(" – ");
            s.push_str(&self.level);
        }
        if !self.reason.is_empty() {
            s.push_str(": ");
            s.push_str(&self.reason);
        }
        s
    }
}

impl Composed {
    pub fn ticket(&self, system: System) -> Option<&Ticket> {
        self.tickets.iter().find(|t| t.system == system)
    }

    /// The stamp line: which SOP, which version, when, and how many must-say
    /// lines the CSO ticked as said.
    pub fn stamp(&self) -> String {
        let mut s = format!("SOP {} v{} · {}", self.sop, self.version, self.time);
        if self.said > 0 {
            s.push_str(&format!(" · {} kalimat wajib disampaikan", self.said));
        }
        s
    }

    /// All tickets, transfers and escalations as one text, stamp last.
    pub fn text(&self) -> String {
        let mut parts: Vec<String> = self.tickets.iter().map(Ticket::text).collect();
        for t in &self.transfers {
            parts.push(format!(
                "Transfer: {} {}{}",
                t.destination,
                t.number,
                if t.fines.is_empty() {
                    String::new()
                } else {
                    format!(" (Fines: {})", t.fines.join(" → "))
                }
            ));
        }
        for e in &self.escalations {
            parts.push(format!("Eskalasi: {}{}", e.channel, e.detail()));
        }
        parts.push(self.stamp());
        parts.join("\n\n")
    }
}

/// Compose the tickets of a finished call; `None` until the call is at its outcome.
/// `now` is the local time in WIB; the engine never reads a clock.
pub fn compose(catalog: &Catalog, call: &Call, now: NaiveDateTime) -> Option<Composed> {
    if !call.is_finished(catalog) {
        return None;
    }
    let sop = catalog.get(&call.sop)?;
    let step = call.current(catalog)?;
    let StepKind::Outcome {
        summary, tickets, ..
    } = &step.kind
    else {
        return None;
    };

    let mut out: Vec<Ticket> = tickets.iter().map(|spec| build(call, spec)).collect();

    // Sub-flow outcomes (seed 001's Email/HP) add their fields to the tickets
    // this outcome writes; a system this outcome does not write is not opened
    // just for them.
    for spec in call.returned_tickets(catalog) {
        if let Some(t) = out.iter_mut().find(|t| t.system == spec.system) {
            for f in build(call, spec).fields {
                if !t.fields.iter().any(|x| x.name == f.name) {
                    t.fields.push(f);
                }
            }
        }
    }

    let mut transfers = Vec::new();
    let mut escalations = Vec::new();
    for e in &call.path {
        if !matches!(e.answer, Answer::Continue) {
            continue;
        }
        let Some(s) = catalog.get(&e.pos.sop).and_then(|s| s.step(&e.pos.step)) else {
            continue;
        };
        match &s.kind {
            StepKind::Transfer {
                destination,
                number,
                fines,
                ..
            } => transfers.push(TransferNote {
                destination: call.render(destination),
                number: number.clone(),
                fines: fines.clone(),
            }),
            StepKind::Escalate {
                channel,
                level,
                reason,
                ..
            } => {
                let note = EscalationNote {
                    channel: channel.clone(),
                    level: level.clone(),
                    reason: validate::one_line(&call.render(reason)),
                };
                // An escalation into a system with a form gets its own panel,
                // unless the outcome already spells that form out.
                if let Some(system) = System::parse(&channel.to_ascii_lowercase()) {
                    if !out.iter().any(|t| t.system == system) {
                        out.push(escalation_ticket(system, &note, call));
                    }
                }
                escalations.push(note);
            }
            _ => {}
        }
    }
    // In the systems' fixed order; a stable bucket pass, not a sort routine in the wasm.
    let out: Vec<Ticket> = System::ALL
        .iter()
        .flat_map(|s| out.iter().filter(move |t| t.system == *s).cloned())
        .collect();

    Some(Composed {
        sop: sop.id.clone(),
        version: sop.version.clone(),
        time: format!("{} {TIME_ZONE}", crate::dates::dmy_hm(now)),
        outcome: step.id.clone(),
        summary: call.render(summary),
        tickets: out,
        transfers,
        escalations,
        said: call.said(),
    })
}

fn build(call: &Call, spec: &TicketSpec) -> Ticket {
    let vars = call.vars();
    let fields = spec
        .fields
        .iter()
        .filter_map(|f| {
            // An optional field whose value was not given is left out whole,
            // not written with a hole in it.
            if f.optional && !all_set(&f.value, &vars) {
                return None;
            }
            let value = fit(spec.system, &f.name, &call.render(&f.value));
            if f.optional && value.0.is_empty() {
                return None;
            }
            Some(TicketField {
                name: f.name.clone(),
                value: value.0,
                warning: value.1,
            })
        })
        .collect();
    Ticket {
        system: spec.system,
        tab: spec.tab.clone(),
        fields,
    }
}

fn all_set(t: &str, vars: &std::collections::BTreeMap<String, String>) -> bool {
    crate::template::placeholders(t).is_ok_and(|ps| {
        ps.iter().all(|(name, _)| {
            matches!(*name, "Bapak/Ibu" | "Pak/Bu")
                || vars.get(*name).is_some_and(|v| !v.is_empty())
        })
    })
}

fn escalation_ticket(system: System, note: &EscalationNote, call: &Call) -> Ticket {
    let mut fields = Vec::new();
    let mut push = |name: &str, value: String| {
        if !value.is_empty() {
            fields.push(TicketField {
                name: name.into(),
                value,
                warning: None,
            });
        }
    };
    match system {
        System::Callback => {
            let vars = call.vars();
            push("Nama Pelanggan", call.caller.name.trim().to_string());
            push(
                "No. HP",
                vars.get("hp")
                    .or_else(|| vars.get("telepon"))
                    .cloned()
                    .unwrap_or_default(),
            );
            push("Keterangan", note.reason.clone());
        }
        _ => {
            push("Eskalasi", note.level.clone());
            push("Keterangan", note.reason.clone());
        }
    }
    Ticket {
        system,
        tab: String::new(),
        fields,
    }
}

/// Make a value fit its system: one line, APKT's Permasalahan in capitals as
/// in the seeds, and no longer than the system takes.
fn fit(system: System, name: &str, value: &str) -> (String, Option<String>) {
    let mut v = validate::one_line(value);
    if system == System::Apkt && name == "Permasalahan" {
        v = crate::text::upper(&v);
    }
    let n = v.chars().count();
    if n > MAX_FIELD_CHARS {
        v = v.chars().take(MAX_FIELD_CHARS).collect();
        return (
            v,
            Some(format!(
                "Teks dipotong dari {n} menjadi {MAX_FIELD_CHARS} karakter; lengkapi secara manual bila perlu."
            )),
        );
    }
    (v, None)
}
