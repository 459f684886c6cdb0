//! Scenarios: a walk through an SOP written as data, with the tickets it must
//! produce. `cargo test` runs every `sops/*.scenarios.toml`; training drills
//! are the same walks with the caller's lines added.

use crate::flow::{Call, Caller, Input, Refusal};
use crate::model::{Catalog, System};
use crate::ticket::{self, Composed};
use std::collections::BTreeMap;

/// A `*.scenarios.toml` file.
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "authoring", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "authoring", serde(deny_unknown_fields))]
pub struct ScenarioFile {
    #[cfg_attr(feature = "authoring", serde(rename = "scenario", default))]
    pub scenarios: Vec<Scenario>,
}

/// One walk from the SOP's first step to its outcome.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "authoring", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "authoring", serde(deny_unknown_fields))]
pub struct Scenario {
    pub name: String,
    pub sop: String,
    /// Local time in WIB, `YYYY-MM-DD HH:MM`, for the ticket stamp.
    #[cfg_attr(feature = "authoring", serde(default = "default_now"))]
    pub now: String,
    #[cfg_attr(feature = "authoring", serde(default))]
    pub caller: Caller,
    /// Drills: what the caller says first, before the trainee has found the SOP.
    #[cfg_attr(
        feature = "authoring",
        serde(default, skip_serializing_if = "String::is_empty")
    )]
    pub opening: String,
    /// Drills: what the drill practises, one line for the trainer's list
    /// (e.g. "Pengecualian: pemohon tidak memiliki HP").
    #[cfg_attr(
        feature = "authoring",
        serde(default, skip_serializing_if = "String::is_empty")
    )]
    pub focus: String,
    #[cfg_attr(feature = "authoring", serde(default))]
    pub walk: Vec<WalkItem>,
    #[cfg_attr(feature = "authoring", serde(default))]
    pub expect: Expect,
}

#[cfg(feature = "authoring")]
fn default_now() -> String {
    "2026-01-05 09:00".into()
}

/// One thing the CSO does. Exactly one of `choose`, `fill`, `next`, `back`.
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "authoring", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "authoring", serde(deny_unknown_fields))]
pub struct WalkItem {
    /// The step the call must be at before this action.
    #[cfg_attr(
        feature = "authoring",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub at: Option<String>,
    /// What the caller says here (drills show it to the trainee).
    #[cfg_attr(
        feature = "authoring",
        serde(default, skip_serializing_if = "String::is_empty")
    )]
    pub says: String,
    #[cfg_attr(
        feature = "authoring",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub choose: Option<String>,
    #[cfg_attr(
        feature = "authoring",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub fill: Option<BTreeMap<String, String>>,
    #[cfg_attr(
        feature = "authoring",
        serde(default, skip_serializing_if = "std::ops::Not::not")
    )]
    pub next: bool,
    #[cfg_attr(
        feature = "authoring",
        serde(default, skip_serializing_if = "std::ops::Not::not")
    )]
    pub back: bool,
    /// The input must be refused with exactly these messages (field id → message).
    #[cfg_attr(
        feature = "authoring",
        serde(default, skip_serializing_if = "BTreeMap::is_empty")
    )]
    pub errors: BTreeMap<String, String>,
    /// The input must be accepted with exactly these warnings.
    #[cfg_attr(
        feature = "authoring",
        serde(default, skip_serializing_if = "BTreeMap::is_empty")
    )]
    pub warnings: BTreeMap<String, String>,
    /// For `back`: the values that must be reported dropped.
    #[cfg_attr(
        feature = "authoring",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub dropped: Vec<String>,
    /// The step's must-say lines are left unticked and the input must still
    /// be taken: the option chosen says they do not apply (`skip_must`).
    #[cfg_attr(
        feature = "authoring",
        serde(default, skip_serializing_if = "std::ops::Not::not")
    )]
    pub unticked: bool,
    /// At an outcome: another topic for the same caller, with this SOP.
    #[cfg_attr(
        feature = "authoring",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub topic: Option<String>,
    /// At an outcome: nothing more was asked; the call's closing lines are said.
    #[cfg_attr(
        feature = "authoring",
        serde(default, skip_serializing_if = "std::ops::Not::not")
    )]
    pub close: bool,
    /// The step's must-say lines are left unticked: the input must be refused
    /// for that. Otherwise the walk ticks them, as a CSO who said them.
    #[cfg_attr(
        feature = "authoring",
        serde(default, skip_serializing_if = "std::ops::Not::not")
    )]
    pub unsaid: bool,
}

/// What the walk must end in.
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "authoring", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "authoring", serde(deny_unknown_fields))]
pub struct Expect {
    /// The outcome step's id.
    #[cfg_attr(
        feature = "authoring",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub outcome: Option<String>,
    /// Exactly these tickets: system → field name → value.
    #[cfg_attr(
        feature = "authoring",
        serde(default, skip_serializing_if = "BTreeMap::is_empty")
    )]
    pub ticket: BTreeMap<String, BTreeMap<String, String>>,
    /// Numbers transferred to, in order.
    #[cfg_attr(
        feature = "authoring",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub transfers: Vec<String>,
    /// `channel level` of each escalation, in order (level may be empty).
    #[cfg_attr(
        feature = "authoring",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub escalations: Vec<String>,
    /// The topics ended before the last one (`topic` in the walk), in order.
    #[cfg_attr(
        feature = "authoring",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub earlier: Vec<Expect>,
    /// The closing lines at the end of the call (`close` in the walk), as said.
    #[cfg_attr(
        feature = "authoring",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub closing: Vec<String>,
}

/// Parse `YYYY-MM-DD HH:MM`.
pub fn parse_now(s: &str) -> Option<chrono::NaiveDateTime> {
    crate::dates::parse_stamp(s)
}

/// Walk a scenario; `Err` explains the first difference.
pub fn run(catalog: &Catalog, sc: &Scenario) -> Result<Composed, String> {
    run_observed(catalog, sc, &mut |_| {})
}

/// `run`, showing `look` the call before each item of the walk and at its end.
pub fn run_observed(
    catalog: &Catalog,
    sc: &Scenario,
    look: &mut dyn FnMut(&Call),
) -> Result<Composed, String> {
    let now = parse_now(&sc.now).ok_or_else(|| format!("`now` = \"{}\" tidak valid", sc.now))?;
    let mut call = Call::start(catalog, &sc.sop, sc.caller.clone(), "skenario", now.date())
        .map_err(|e| e.to_string())?;
    for (i, item) in sc.walk.iter().enumerate() {
        let n = i + 1;
        look(&call);
        if let Some(sop) = &item.topic {
            call.next_topic(catalog, sop, now)
                .map_err(|e| format!("walk[{n}]: topik `{sop}`: {e}"))?;
            continue;
        }
        if item.close {
            if !call.begin_closing(catalog) {
                return Err(format!(
                    "walk[{n}]: `close` sebelum hasil akhir (di langkah `{}`)",
                    call.at.step
                ));
            }
            if item.unsaid && call.can_end(catalog).is_ok() {
                return Err(format!("walk[{n}]: tidak ada kalimat penutup wajib"));
            }
            call.tick_all(catalog);
            continue;
        }
        if let Some(at) = &item.at {
            if &call.at.step != at {
                return Err(format!(
                    "walk[{n}]: diharapkan di langkah `{at}`, ternyata di `{}`",
                    call.at.step
                ));
            }
        }
        if item.back {
            let dropped = call
                .back(catalog)
                .ok_or_else(|| format!("walk[{n}]: `back` di langkah pertama"))?;
            let values: Vec<String> = dropped.into_iter().map(|d| d.value).collect();
            if !item.dropped.is_empty() && values != item.dropped {
                return Err(format!(
                    "walk[{n}]: jawaban yang dibuang {values:?}, diharapkan {:?}",
                    item.dropped
                ));
            }
            continue;
        }
        let input = match (&item.choose, &item.fill, item.next) {
            (Some(c), None, false) => Input::Choose(c.clone()),
            (None, Some(f), false) => Input::Submit(f.clone()),
            (None, None, true) => Input::Continue,
            _ => {
                return Err(format!(
                    "walk[{n}]: tulis tepat satu dari `choose`, `fill`, `next`, `back`"
                ))
            }
        };
        let at = call.at.step.clone();
        if item.unsaid {
            match call.answer(catalog, input) {
                Err(Refusal::Unsaid(_)) => continue,
                other => {
                    return Err(format!(
                    "walk[{n}] di `{at}`: diharapkan ditolak karena kalimat wajib belum dicentang, \
                     ternyata {}",
                    match other {
                        Ok(_) => "diterima".to_string(),
                        Err(e) => e.to_string(),
                    }
                ))
                }
            }
        }
        if !item.unticked {
            call.tick_all(catalog);
        } else if call.unsaid(catalog).is_empty() {
            return Err(format!(
                "walk[{n}] di `{at}`: `unticked` di langkah tanpa kalimat wajib"
            ));
        }
        match call.answer(catalog, input) {
            Ok(acc) => {
                if !item.errors.is_empty() {
                    return Err(format!(
                        "walk[{n}] di `{at}`: diharapkan ditolak dengan {:?}, ternyata diterima",
                        item.errors
                    ));
                }
                let got: BTreeMap<String, String> = acc.warnings.into_iter().collect();
                if got != item.warnings {
                    return Err(format!(
                        "walk[{n}] di `{at}`: peringatan {got:?}, diharapkan {:?}",
                        item.warnings
                    ));
                }
            }
            Err(Refusal::Invalid(errs)) => {
                let got: BTreeMap<String, String> = errs.into_iter().collect();
                if got != item.errors {
                    return Err(format!(
                        "walk[{n}] di `{at}`: ditolak dengan {got:?}, diharapkan {:?}",
                        item.errors
                    ));
                }
            }
            Err(e) => return Err(format!("walk[{n}] di `{at}`: {e}")),
        }
    }
    look(&call);
    let composed = ticket::compose(catalog, &call, now).ok_or_else(|| {
        format!(
            "walk selesai di langkah `{}` ({}), belum sampai outcome",
            call.at.step, call.at.sop
        )
    })?;
    check_expect(&sc.expect, &composed)?;
    if call.earlier.len() != sc.expect.earlier.len() {
        return Err(format!(
            "{} topik sebelumnya, diharapkan {}",
            call.earlier.len(),
            sc.expect.earlier.len()
        ));
    }
    for (i, (topic, expect)) in call.earlier.iter().zip(&sc.expect.earlier).enumerate() {
        check_expect(expect, &topic.composed).map_err(|e| format!("topik ke-{}: {e}", i + 1))?;
    }
    let closing: Vec<String> = if call.closing {
        call.closing_lines(catalog)
            .iter()
            .map(|l| call.render(&l.text))
            .collect()
    } else {
        Vec::new()
    };
    if closing != sc.expect.closing {
        return Err(format!(
            "kalimat penutup {closing:?}, diharapkan {:?}",
            sc.expect.closing
        ));
    }
    Ok(composed)
}

fn check_expect(expect: &Expect, got: &Composed) -> Result<(), String> {
    if let Some(o) = &expect.outcome {
        if o != &got.outcome {
            return Err(format!("outcome `{}`, diharapkan `{o}`", got.outcome));
        }
    }
    let got_tickets: BTreeMap<String, BTreeMap<String, String>> = got
        .tickets
        .iter()
        .map(|t| {
            (
                t.system.as_str().to_string(),
                t.fields
                    .iter()
                    .map(|f| (f.name.clone(), f.value.clone()))
                    .collect(),
            )
        })
        .collect();
    for name in expect.ticket.keys() {
        if System::parse(name).is_none() {
            return Err(format!("sistem tiket `{name}` tidak dikenal"));
        }
    }
    if got_tickets != expect.ticket {
        let mut diff = Vec::new();
        for (sys, fields) in &expect.ticket {
            match got_tickets.get(sys) {
                None => diff.push(format!("tiket {sys} tidak dibuat")),
                Some(g) => {
                    for (k, v) in fields {
                        match g.get(k) {
                            None => diff.push(format!("{sys}.{k} tidak ada")),
                            Some(x) if x != v => {
                                diff.push(format!("{sys}.{k} = \"{x}\", diharapkan \"{v}\""))
                            }
                            _ => {}
                        }
                    }
                    for (k, x) in g {
                        if !fields.contains_key(k) {
                            diff.push(format!("{sys}.{k} = \"{x}\" tidak diharapkan"));
                        }
                    }
                }
            }
        }
        for sys in got_tickets.keys() {
            if !expect.ticket.contains_key(sys) {
                diff.push(format!("tiket {sys} tidak diharapkan"));
            }
        }
        return Err(diff.join("; "));
    }
    let transfers: Vec<String> = got.transfers.iter().map(|t| t.number.clone()).collect();
    if transfers != expect.transfers {
        return Err(format!(
            "transfer {transfers:?}, diharapkan {:?}",
            expect.transfers
        ));
    }
    let escalations: Vec<String> = got
        .escalations
        .iter()
        .map(|e| format!("{} {}", e.channel, e.level).trim().to_string())
        .collect();
    if escalations != expect.escalations {
        return Err(format!(
            "eskalasi {escalations:?}, diharapkan {:?}",
            expect.escalations
        ));
    }
    Ok(())
}

/// A scenario recorded from a call walked to its outcome (the studio's
/// preview): each answered step as a walk item, the tickets as expected.
/// Caller header, day and every answer are kept, so the scenario replays
/// the same walk; errors and back-steps made on the way are not recorded.
pub fn record(call: &Call, composed: &Composed, name: &str, now: &str) -> Scenario {
    let walk = call
        .path
        .iter()
        .filter_map(|e| {
            let mut item = WalkItem {
                at: Some(e.pos.step.clone()),
                ..WalkItem::default()
            };
            match &e.answer {
                crate::flow::Answer::Auto(_) => return None,
                crate::flow::Answer::Continue => item.next = true,
                crate::flow::Answer::Choice(id) => item.choose = Some(id.clone()),
                crate::flow::Answer::Fields(raw) => {
                    item.fill = Some(raw.clone());
                    item.warnings = e.warned.iter().cloned().collect();
                }
            }
            Some(item)
        })
        .collect();
    let ticket = composed
        .tickets
        .iter()
        .map(|t| {
            (
                t.system.as_str().to_string(),
                t.fields
                    .iter()
                    .map(|f| (f.name.clone(), f.value.clone()))
                    .collect(),
            )
        })
        .collect();
    Scenario {
        name: name.to_string(),
        sop: call.sop.clone(),
        now: now.to_string(),
        caller: call.caller.clone(),
        opening: String::new(),
        focus: String::new(),
        walk,
        expect: Expect {
            outcome: Some(composed.outcome.clone()),
            ticket,
            transfers: composed
                .transfers
                .iter()
                .map(|t| t.number.clone())
                .collect(),
            escalations: composed
                .escalations
                .iter()
                .map(|e| format!("{} {}", e.channel, e.level).trim().to_string())
                .collect(),
            earlier: Vec::new(),
            closing: Vec::new(),
        },
    }
}
