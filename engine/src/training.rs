//! Training drills: a scenario with the caller's lines, played by a trainee
//! as a real call. The build turns each `sops/*.drills.toml` scenario into a
//! `Drill` with the path the engine expects; the widget records what the
//! trainee does in a `Session`; the score and the review come from the two.

use crate::flow::{Answer, Call, Caller, Input, Refusal};
use crate::json::{Json, ObjOut};
use crate::model::{Catalog, StepKind};
use crate::scenario::Scenario;
use chrono::{NaiveDateTime, Timelike};
use std::collections::BTreeMap;

/// What the drill expects at one step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    pub sop: String,
    pub step: String,
    /// The option id for an ask step; empty otherwise.
    pub choice: String,
    /// The form values for a collect step (the drill's own, for the review).
    pub fill: BTreeMap<String, String>,
    /// What the caller says here, shown to the trainee.
    pub says: String,
}

crate::json_struct!(Expected {
    sop: req,
    step: req,
    choice: skip,
    fill: skip,
    says: skip,
});

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

/// A drill as the widget carries it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drill {
    pub name: String,
    pub sop: String,
    /// What the drill practises, for the trainer's list.
    pub focus: String,
    /// What the caller says first, before the SOP is found.
    pub opening: String,
    /// The drill's moment, `YYYY-MM-DD HH:MM` WIB: its day is the simulated
    /// date when the SOP is not in force today.
    pub now: String,
    pub caller: Caller,
    pub expected: Vec<Expected>,
    /// The outcome step the drill ends at.
    pub outcome: String,
}

crate::json_struct!(Drill {
    name: req,
    sop: req,
    focus: skip,
    opening: skip,
    now: req,
    caller: def,
    expected: req,
    outcome: req,
});

impl Drill {
    /// The drill of a scenario: its walk replayed on the engine. `Err` names
    /// the drill and what does not fit, so the build refuses a broken one.
    pub fn from_scenario(catalog: &Catalog, drill: &Scenario) -> Result<Drill, String> {
        let (expected, outcome) = walk(catalog, drill)?;
        Ok(Drill {
            name: drill.name.clone(),
            sop: drill.sop.clone(),
            focus: drill.focus.clone(),
            opening: drill.opening.clone(),
            now: drill.now.clone(),
            caller: drill.caller.clone(),
            expected,
            outcome,
        })
    }

    /// What the caller says at a step (empty where the drill has no line there).
    pub fn says_at(&self, sop: &str, step: &str) -> &str {
        self.expected
            .iter()
            .find(|e| e.sop == sop && e.step == step)
            .map(|e| e.says.as_str())
            .unwrap_or("")
    }
}

/// The path the drill expects and the outcome it ends at, by replaying its
/// walk on the engine.
fn walk(catalog: &Catalog, drill: &Scenario) -> Result<(Vec<Expected>, String), String> {
    let day = crate::scenario::parse_now(&drill.now)
        .ok_or_else(|| format!("`now` = \"{}\" tidak valid", drill.now))?
        .date();
    let mut call = Call::start(catalog, &drill.sop, drill.caller.clone(), "latihan", day)
        .map_err(|e| e.to_string())?;
    let mut out: Vec<Expected> = Vec::new();
    for item in &drill.walk {
        if item.back {
            call.back(catalog);
            out.pop();
            continue;
        }
        if item.topic.is_some() {
            return Err(format!(
                "drill `{}`: latihan adalah satu topik; `topic` tidak dapat dipakai",
                drill.name
            ));
        }
        // The closing lines come after the outcome the drill is scored on.
        if item.close {
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
        call.tick_all(catalog);
        match call.answer(catalog, input) {
            Ok(_) => out.push(here),
            // A walk item that shows a refusal is part of the scenario, not of the path.
            Err(Refusal::Invalid(_) | Refusal::Unsaid(_))
                if !item.errors.is_empty() || item.unsaid => {}
            Err(e) => return Err(format!("drill `{}`: {e}", drill.name)),
        }
    }
    if !call.is_finished(catalog) {
        return Err(format!("drill `{}` does not reach an outcome", drill.name));
    }
    Ok((out, call.at.step))
}

/// One thing the trainee did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attempt {
    pub sop: String,
    pub step: String,
    pub answer: Answer,
    /// Field ids refused, for a form.
    pub invalid: Vec<String>,
    /// Must-say lines not ticked yet (the input was refused for them).
    pub unsaid: Vec<usize>,
}

/// A drill being played.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub drill: String,
    pub started: NaiveDateTime,
    pub attempts: Vec<Attempt>,
    /// SOPs opened that were not the drill's, in order.
    pub wrong_sops: Vec<String>,
}

/// A choice that left the expected path, with the clause that was missed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Miss {
    pub step: String,
    pub clause: String,
    pub chose: String,
    pub expected: String,
}

crate::json_struct!(Miss {
    step: req,
    clause: req,
    chose: req,
    expected: req,
});

/// The result of a drill.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Score {
    pub drill: String,
    pub sop: String,
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

crate::json_struct!(Score {
    drill: req,
    sop: req,
    choices_right: req,
    choices_total: req,
    fields_valid: req,
    fields_total: req,
    must_said: req,
    must_total: req,
    seconds: req,
    percent: req,
    misses: req,
});

/// One row of the review: a step of the expected path and the trainee's
/// answer there (or a step only the trainee took).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewRow {
    /// The step's title.
    pub step: String,
    pub clause: String,
    /// What the drill expected here; empty for a step off the expected path.
    pub expected: String,
    /// What the trainee answered first here; empty for a step never reached.
    pub actual: String,
    pub ok: bool,
}

crate::json_struct!(ReviewRow {
    step: req,
    clause: req,
    expected: req,
    actual: req,
    ok: req,
});

impl Session {
    pub fn new(drill: &Drill, started: NaiveDateTime) -> Session {
        Session {
            drill: drill.name.clone(),
            started,
            attempts: Vec::new(),
            wrong_sops: Vec::new(),
        }
    }

    /// Record an input the trainee gave at the call's current step, with
    /// what the engine said to it. `call` is the call before the input.
    pub fn record(&mut self, call: &Call, input: &Input, result: &Result<(), Refusal>) {
        let answer = input.answer();
        let (invalid, unsaid) = match result {
            Err(Refusal::Invalid(errs)) => {
                (errs.iter().map(|(k, _)| k.clone()).collect(), Vec::new())
            }
            Err(Refusal::Unsaid(n)) => (Vec::new(), n.clone()),
            _ => (Vec::new(), Vec::new()),
        };
        self.attempts.push(Attempt {
            sop: call.at.sop.clone(),
            step: call.at.step.clone(),
            answer,
            invalid,
            unsaid,
        });
    }

    /// An SOP opened from the finder that is not the drill's.
    pub fn wrong_sop(&mut self, id: &str) {
        self.wrong_sops.push(id.to_string());
    }

    fn first(&self, sop: &str, step: &str) -> Option<&Attempt> {
        self.attempts
            .iter()
            .find(|a| a.sop == sop && a.step == step)
    }

    /// The first try at a step that was not refused for an unticked line:
    /// the answer the trainee meant.
    fn first_heard(&self, sop: &str, step: &str) -> Option<&Attempt> {
        self.attempts
            .iter()
            .find(|a| a.sop == sop && a.step == step && a.unsaid.is_empty())
    }

    /// Score the session against the drill. Counted at the trainee's first
    /// try at each step of the expected path: a choice put right after going
    /// back is still a miss, a field fixed after a refusal still not valid,
    /// and a must-say line ticked only after being reminded not delivered.
    pub fn score(&self, catalog: &Catalog, drill: &Drill, finished: NaiveDateTime) -> Score {
        let mut s = Score {
            drill: drill.name.clone(),
            sop: drill.sop.clone(),
            choices_right: 0,
            choices_total: 0,
            fields_valid: 0,
            fields_total: 0,
            must_said: 0,
            must_total: 0,
            seconds: (finished - self.started).num_seconds().max(0),
            percent: 0,
            misses: Vec::new(),
        };
        let title = |id: &str| {
            catalog
                .get(id)
                .map(|x| x.title.clone())
                .unwrap_or_else(|| id.to_string())
        };
        for id in &self.wrong_sops {
            s.choices_total += 1;
            s.misses.push(Miss {
                step: "Pilih SOP".into(),
                clause: catalog
                    .get(&drill.sop)
                    .map(|x| x.seed.clone())
                    .unwrap_or_default(),
                chose: title(id),
                expected: title(&drill.sop),
            });
        }
        for e in &drill.expected {
            let Some(step) = catalog.get(&e.sop).and_then(|x| x.step(&e.step)) else {
                continue;
            };
            let first = self.first(&e.sop, &e.step);
            // An expected answer the step's must lines do not concern (an
            // urgent caller, seed 004 I) leaves nothing to say there.
            let exempt = matches!(&step.kind, StepKind::Ask { options, .. }
                if options.iter().any(|o| o.id == e.choice && o.skip_must));
            let must = if exempt { 0 } else { step.must_lines() };
            s.must_total += must;
            s.must_said += first.map_or(0, |a| must - a.unsaid.len().min(must));
            match &step.kind {
                StepKind::Ask { options, .. } => {
                    s.choices_total += 1;
                    let chose = match self.first_heard(&e.sop, &e.step).map(|a| &a.answer) {
                        Some(Answer::Choice(c)) => c.clone(),
                        _ => String::new(),
                    };
                    if chose == e.choice {
                        s.choices_right += 1;
                    } else {
                        let label = |id: &str| {
                            options
                                .iter()
                                .find(|o| o.id == id)
                                .map(|o| o.label.clone())
                                .unwrap_or_else(|| "(tidak dijawab)".into())
                        };
                        s.misses.push(Miss {
                            step: step.label(),
                            clause: step.clause.clone(),
                            chose: label(&chose),
                            expected: label(&e.choice),
                        });
                    }
                }
                StepKind::Collect { fields, .. } => {
                    let tried = self.first_heard(&e.sop, &e.step);
                    for f in fields.iter().filter(|f| f.required) {
                        s.fields_total += 1;
                        if tried.is_some_and(|a| !a.invalid.contains(&f.id)) {
                            s.fields_valid += 1;
                        }
                    }
                }
                _ => {}
            }
        }
        let right = s.choices_right + s.fields_valid + s.must_said;
        let total = s.choices_total + s.fields_total + s.must_total;
        // No scored item at all (a drill of say steps only) is a full score.
        s.percent = (right * 100 + total / 2).checked_div(total).unwrap_or(100) as u32;
        s
    }

    /// The trainee's path beside the expected one, step by step: the
    /// expected steps in order, each with the trainee's first answer there,
    /// then the steps the trainee took that the drill does not go through,
    /// and last the outcome each ended at (`reached`: the trainee's, in the
    /// drill's SOP).
    pub fn review(&self, catalog: &Catalog, drill: &Drill, reached: &str) -> Vec<ReviewRow> {
        let step_of = |sop: &str, step: &str| catalog.get(sop).and_then(|x| x.step(step));
        let mut rows = Vec::new();
        for e in &drill.expected {
            let Some(step) = step_of(&e.sop, &e.step) else {
                continue;
            };
            let first = self.first_heard(&e.sop, &e.step);
            let expected = describe(catalog, &e.sop, &e.step, &e.input().answer());
            let actual = first
                .map(|a| describe(catalog, &a.sop, &a.step, &a.answer))
                .unwrap_or_default();
            let ok = match (&step.kind, first) {
                (_, None) => false,
                (StepKind::Collect { .. }, Some(a)) => a.invalid.is_empty(),
                (_, Some(a)) => a.answer == e.input().answer(),
            };
            rows.push(ReviewRow {
                step: step.label(),
                clause: step.clause.clone(),
                expected,
                actual,
                ok,
            });
        }
        let mut seen: Vec<(&str, &str)> = drill
            .expected
            .iter()
            .map(|e| (e.sop.as_str(), e.step.as_str()))
            .collect();
        for a in &self.attempts {
            if seen.contains(&(a.sop.as_str(), a.step.as_str())) {
                continue;
            }
            seen.push((&a.sop, &a.step));
            let Some(step) = step_of(&a.sop, &a.step) else {
                continue;
            };
            rows.push(ReviewRow {
                step: step.label(),
                clause: step.clause.clone(),
                expected: String::new(),
                actual: describe(catalog, &a.sop, &a.step, &a.answer),
                ok: false,
            });
        }
        let outcome = |id: &str| step_of(&drill.sop, id);
        rows.push(ReviewRow {
            step: "Hasil akhir".into(),
            clause: outcome(&drill.outcome)
                .map(|s| s.clause.clone())
                .unwrap_or_default(),
            expected: outcome(&drill.outcome)
                .map(|s| s.label())
                .unwrap_or_default(),
            actual: outcome(reached).map(|s| s.label()).unwrap_or_default(),
            ok: reached == drill.outcome,
        });
        rows
    }
}

/// An answer as the review shows it: the option's label, the fields as typed, or "Lanjut".
fn describe(catalog: &Catalog, sop: &str, step: &str, answer: &Answer) -> String {
    let step = catalog.get(sop).and_then(|x| x.step(step));
    match (step.map(|s| &s.kind), answer) {
        (Some(StepKind::Ask { options, .. }), Answer::Choice(id)) => options
            .iter()
            .find(|o| &o.id == id)
            .map(|o| o.label.clone())
            .unwrap_or_else(|| id.clone()),
        (Some(StepKind::Collect { fields, .. }), Answer::Fields(raw)) => fields
            .iter()
            .filter_map(|f| {
                let v = raw.get(&f.id).map(|v| v.trim()).unwrap_or("");
                (!v.is_empty()).then(|| format!("{}: {v}", f.label))
            })
            .collect::<Vec<_>>()
            .join("; "),
        (_, Answer::Choice(id)) => id.clone(),
        _ => "Lanjut".into(),
    }
}

impl Score {
    /// One header line and one row, for a trainer's spreadsheet.
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        crate::text::csv_record(
            &mut out,
            &[
                "Latihan",
                "SOP",
                "Nilai (%)",
                "Pilihan benar",
                "Pilihan",
                "Isian valid",
                "Isian wajib",
                "Kalimat wajib diucapkan",
                "Kalimat wajib",
                "Waktu (detik)",
                "Pasal terlewat",
            ],
        );
        let clauses: Vec<&str> = self.misses.iter().map(|m| m.clause.as_str()).collect();
        let row = [
            self.percent.to_string(),
            self.choices_right.to_string(),
            self.choices_total.to_string(),
            self.fields_valid.to_string(),
            self.fields_total.to_string(),
            self.must_said.to_string(),
            self.must_total.to_string(),
            self.seconds.to_string(),
            clauses.join("; "),
        ];
        let mut rec = vec![self.drill.as_str(), self.sop.as_str()];
        rec.extend(row.iter().map(String::as_str));
        crate::text::csv_record(&mut out, &rec);
        out
    }
}

/// A drill's result as the trainer exports it and a host hears it
/// (`training-result`): the score, the review and when it was played, in
/// whole seconds as docs/EMBEDDING.md promises (the clock gives milliseconds).
pub fn result_json(score: &Score, review: &[ReviewRow], played: NaiveDateTime) -> Json {
    let mut o = ObjOut::default();
    o.put("score", score);
    o.put("review", &review.to_vec());
    o.put("played", &played.with_nanosecond(0).unwrap_or(played));
    o.done()
}
