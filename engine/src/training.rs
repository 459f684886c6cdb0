//! Training drills: a scenario with the caller's lines, played by a trainee
//! as a real call. The session records every attempt; the score and the
//! review are computed from it against the drill's expected path.

use crate::flow::{Answer, Call, Input, Refusal};
use crate::model::{Catalog, StepKind};
use crate::scenario::Scenario;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

/// What the drill expects at one step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Expected {
    pub sop: String,
    pub step: String,
    /// The option id for an ask step; empty otherwise.
    pub choice: String,
    /// The form values for a collect step (the drill's own, for the review).
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub fill: std::collections::BTreeMap<String, String>,
    /// What the caller says here, shown to the trainee.
    pub says: String,
}

impl Expected {
    /// The input that follows the drill at this step.
    pub fn input(&self) -> Input {
        if !self.choice.is_empty() {
            Input::Choose(self.choice.clone())
        } else if !self.fill.is_empty() {
            Input::Submit(self.fill.clone())
        } else {
            Input::Continue
        }
    }
}

/// The path the drill expects, by replaying its walk on the engine.
pub fn expected_path(catalog: &Catalog, drill: &Scenario) -> Result<Vec<Expected>, String> {
    let mut call = Call::start(catalog, &drill.sop, drill.caller.clone(), "latihan")
        .map_err(|e| e.to_string())?;
    let mut out: Vec<Expected> = Vec::new();
    for item in &drill.walk {
        if item.back {
            call.back(catalog);
            out.pop();
            continue;
        }
        let input = match (&item.choose, &item.fill) {
            (Some(c), _) => Input::Choose(c.clone()),
            (None, Some(f)) => Input::Submit(f.clone()),
            _ => Input::Continue,
        };
        let here = Expected {
            sop: call.at.sop.clone(),
            step: call.at.step.clone(),
            choice: item.choose.clone().unwrap_or_default(),
            fill: item.fill.clone().unwrap_or_default(),
            says: item.says.clone(),
        };
        match call.answer(catalog, input) {
            Ok(_) => out.push(here),
            // A walk item that shows a refusal is part of the scenario, not of the path.
            Err(Refusal::Invalid(_)) if !item.errors.is_empty() => {}
            Err(e) => return Err(format!("drill `{}`: {e}", drill.name)),
        }
    }
    if !call.is_finished(catalog) {
        return Err(format!("drill `{}` does not reach an outcome", drill.name));
    }
    Ok(out)
}

/// One thing the trainee did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attempt {
    pub sop: String,
    pub step: String,
    pub answer: Answer,
    /// Field ids refused, for a form.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub invalid: Vec<String>,
}

/// A drill being played.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub drill: String,
    pub started: NaiveDateTime,
    pub attempts: Vec<Attempt>,
}

/// A choice that left the expected path, with the clause that was missed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Miss {
    pub step: String,
    pub clause: String,
    pub chose: String,
    pub expected: String,
}

/// The result of a drill.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Score {
    pub drill: String,
    pub choices_right: usize,
    pub choices_total: usize,
    pub fields_valid: usize,
    pub fields_total: usize,
    pub must_said: usize,
    pub must_total: usize,
    pub seconds: i64,
    /// Right choices, valid required fields and must-say lines, in percent.
    pub percent: u32,
    pub misses: Vec<Miss>,
}

impl Session {
    pub fn new(drill: &Scenario, started: NaiveDateTime) -> Session {
        Session {
            drill: drill.name.clone(),
            started,
            attempts: Vec::new(),
        }
    }

    /// Record an input the trainee gave at the call's current step, with
    /// what the engine said to it. Call before applying a successful input.
    pub fn record(&mut self, call: &Call, input: &Input, result: &Result<(), Refusal>) {
        let answer = match input {
            Input::Continue => Answer::Continue,
            Input::Choose(id) => Answer::Choice(id.clone()),
            Input::Submit(raw) => Answer::Fields(raw.clone()),
        };
        let invalid = match result {
            Err(Refusal::Invalid(errs)) => errs.iter().map(|(k, _)| k.clone()).collect(),
            _ => Vec::new(),
        };
        self.attempts.push(Attempt {
            sop: call.at.sop.clone(),
            step: call.at.step.clone(),
            answer,
            invalid,
        });
    }

    /// Score the session. `must` is (ticked, shown) for must-say lines on the
    /// trainee's path, as the widget counted them.
    pub fn score(
        &self,
        catalog: &Catalog,
        expected: &[Expected],
        must: (usize, usize),
        finished: NaiveDateTime,
    ) -> Score {
        let mut choices_right = 0;
        let mut choices_total = 0;
        let mut fields_valid = 0;
        let mut fields_total = 0;
        let mut misses = Vec::new();
        for e in expected {
            let step = catalog.get(&e.sop).and_then(|s| s.step(&e.step));
            let first = self
                .attempts
                .iter()
                .find(|a| a.sop == e.sop && a.step == e.step);
            match step.map(|s| &s.kind) {
                Some(StepKind::Ask { options, .. }) => {
                    choices_total += 1;
                    let chose = match first.map(|a| &a.answer) {
                        Some(Answer::Choice(c)) => c.clone(),
                        _ => String::new(),
                    };
                    if chose == e.choice {
                        choices_right += 1;
                    } else {
                        let label = |id: &str| {
                            options
                                .iter()
                                .find(|o| o.id == id)
                                .map(|o| o.label.clone())
                                .unwrap_or_else(|| "(tidak dijawab)".into())
                        };
                        misses.push(Miss {
                            step: e.step.clone(),
                            clause: step.map(|s| s.clause.clone()).unwrap_or_default(),
                            chose: label(&chose),
                            expected: label(&e.choice),
                        });
                    }
                }
                Some(StepKind::Collect { fields, .. }) => {
                    for f in fields.iter().filter(|f| f.required) {
                        fields_total += 1;
                        if first.is_some_and(|a| !a.invalid.contains(&f.id)) {
                            fields_valid += 1;
                        }
                    }
                }
                _ => {}
            }
        }
        let (must_said, must_total) = must;
        let right = choices_right + fields_valid + must_said;
        let total = choices_total + fields_total + must_total;
        Score {
            drill: self.drill.clone(),
            choices_right,
            choices_total,
            fields_valid,
            fields_total,
            must_said,
            must_total,
            seconds: (finished - self.started).num_seconds().max(0),
            // No scored item at all (a drill of say steps only) is a full score.
            percent: (right * 100 + total / 2).checked_div(total).unwrap_or(100) as u32,
            misses,
        }
    }
}

impl Score {
    /// One header line and one row, for a trainer's spreadsheet.
    pub fn to_csv(&self) -> String {
        let mut w = csv::Writer::from_writer(Vec::new());
        let _ = w.write_record([
            "Latihan",
            "Nilai (%)",
            "Pilihan benar",
            "Pilihan",
            "Isian valid",
            "Isian wajib",
            "Kalimat wajib diucapkan",
            "Kalimat wajib",
            "Waktu (detik)",
            "Pasal terlewat",
        ]);
        let clauses: Vec<&str> = self.misses.iter().map(|m| m.clause.as_str()).collect();
        let _ = w.write_record([
            self.drill.clone(),
            self.percent.to_string(),
            self.choices_right.to_string(),
            self.choices_total.to_string(),
            self.fields_valid.to_string(),
            self.fields_total.to_string(),
            self.must_said.to_string(),
            self.must_total.to_string(),
            self.seconds.to_string(),
            clauses.join("; "),
        ]);
        String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
    }
}
