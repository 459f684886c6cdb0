//! The SOP format's one codec. Every SOP Pandu runs is read here, whatever it
//! came from: a `sops/*.toml` file (the build and the tests turn its TOML
//! into JSON values first, `authoring.rs`), the catalogue the build writes, a
//! published SOP, a host's pack. The shape is the TOML files' (`step`,
//! `option`, `field`, `ticket` keep their names, and their plurals are
//! accepted), and keys the format does not know are refused (`model::keys`).
//! The writer gives the same shape back, leaving out what holds nothing, so
//! what the build writes is exactly what the widget reads.

use crate::json::{FromJson, Json, Obj, ObjOut, ToJson};
use crate::model::keys::*;
use crate::model::*;

/// An object whose keys must all be in `known`.
fn obj<'a>(j: &'a Json, known: &[&str]) -> Result<Obj<'a>, String> {
    let o = Obj::of(j)?;
    only(&o, known)?;
    Ok(o)
}

fn only(o: &Obj<'_>, known: &[&str]) -> Result<(), String> {
    match o.unknown(known) {
        Some(k) => Err(format!(
            "kunci `{k}` tidak dikenal; periksa ejaannya (lihat docs/SOP-FORMAT.md)"
        )),
        None => Ok(()),
    }
}

/// A list under `name` or its plural `alias`; absent means empty.
fn list<T: FromJson>(o: &Obj<'_>, name: &str, alias: &str) -> Result<Vec<T>, String> {
    match (o.get(name), o.get(alias)) {
        (Some(_), Some(_)) => Err(both(name, alias)),
        (Some(_), None) => o.opt(name),
        _ => o.opt(alias),
    }
}

/// A list under `name` or `alias` that the format requires.
fn list_req<T: FromJson>(o: &Obj<'_>, name: &str, alias: &str) -> Result<Vec<T>, String> {
    match (o.get(name), o.get(alias)) {
        (None, None) => Err(format!("kunci `{name}` tidak ada")),
        (Some(_), Some(_)) => Err(both(name, alias)),
        (Some(_), None) => o.req(name),
        (None, Some(_)) => o.req(alias),
    }
}

// One of them would be read and the other silently dropped.
fn both(name: &str, alias: &str) -> String {
    format!("kunci `{name}` dan `{alias}` dipakai bersamaan; pakai salah satu saja")
}

impl FromJson for Catalog {
    fn from_json(j: &Json) -> Result<Self, String> {
        Ok(Catalog {
            sops: Obj::of(j)?.req("sops")?,
        })
    }
}

/// Why an SOP could not be read: which SOP, which step, and what is wrong
/// there (naming the key), so a TOML reader can point at the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SopError {
    pub sop: String,
    pub step: Option<String>,
    pub detail: String,
}

impl std::fmt::Display for SopError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SOP `{}`: ", self.sop)?;
        if let Some(step) = &self.step {
            write!(f, "langkah `{step}`: ")?;
        }
        f.write_str(&self.detail)
    }
}

/// Read one SOP, saying where it fails.
pub fn sop(j: &Json) -> Result<Sop, SopError> {
    let fail = |sop: &str, step: Option<&str>, detail: String| SopError {
        sop: sop.to_string(),
        step: step.map(str::to_string),
        detail,
    };
    let o = Obj::of(j).map_err(|e| fail("?", None, e))?;
    let id: String = o.req("id").map_err(|e| fail("?", None, e))?;
    let head = |e: String| fail(&id, None, e);
    only(&o, SOP_KEYS).map_err(head)?;
    let steps_json = match (o.get("step"), o.get("steps")) {
        (Some(_), Some(_)) => return Err(head(both("step", "steps"))),
        (Some(v), None) | (None, Some(v)) => v,
        (None, None) => &Json::Null,
    };
    let mut steps = Vec::new();
    match steps_json {
        Json::Null => {}
        Json::Arr(items) => {
            for (i, item) in items.iter().enumerate() {
                let step_id = item
                    .get("id")
                    .and_then(Json::as_str)
                    .map(str::to_string)
                    .unwrap_or_else(|| format!("ke-{}", i + 1));
                let s = Obj::of(item)
                    .and_then(|so| {
                        only(&so, STEP_KEYS)?;
                        step(&so, so.req("id")?)
                    })
                    .map_err(|e| fail(&id, Some(&step_id), e))?;
                steps.push(s);
            }
        }
        other => {
            return Err(head(format!(
                "`step`: diharapkan daftar, ternyata {}",
                other.kind()
            )))
        }
    }
    Ok(Sop {
        title: o.req("title").map_err(head)?,
        seed: o.req("seed").map_err(head)?,
        version: o.req("version").map_err(head)?,
        effective_from: o.opt("effective_from").map_err(head)?,
        effective_until: o.opt("effective_until").map_err(head)?,
        summary: o.opt("summary").map_err(head)?,
        keywords: o.opt("keywords").map_err(head)?,
        synonyms: o.opt("synonyms").map_err(head)?,
        subflow: o.opt("subflow").map_err(head)?,
        start: o.opt("start").map_err(head)?,
        steps,
        id,
    })
}

impl FromJson for Sop {
    fn from_json(j: &Json) -> Result<Self, String> {
        sop(j).map_err(|e| e.to_string())
    }
}

fn step(o: &Obj<'_>, id: String) -> Result<Step, String> {
    let kind: String = o.req("kind")?;
    let next = || o.opt::<Option<String>>("next");
    let kind = match kind.as_str() {
        "say" => StepKind::Say { next: next()? },
        "ask" => StepKind::Ask {
            question: o.req("question")?,
            options: list_req(o, "option", "options")?,
        },
        "collect" => StepKind::Collect {
            fields: list_req(o, "field", "fields")?,
            next: next()?,
        },
        "decide" => StepKind::Decide {
            rules: list_req(o, "rule", "rules")?,
            otherwise: o.req("otherwise")?,
        },
        "include" => StepKind::Include {
            sop: o.req("sop")?,
            next: next()?,
            prefill: o.opt("prefill")?,
        },
        "transfer" => StepKind::Transfer {
            destination: o.req("destination")?,
            number: o.req("number")?,
            fines: o.opt("fines")?,
            next: next()?,
        },
        "escalate" => StepKind::Escalate {
            channel: o.req("channel")?,
            level: o.opt("level")?,
            reason: o.req("reason")?,
            next: next()?,
        },
        "outcome" => StepKind::Outcome {
            summary: o.opt("summary")?,
            tickets: list(o, "ticket", "tickets")?,
            closing: o.opt("closing")?,
        },
        other => {
            return Err(format!(
                "jenis langkah `{other}` tidak dikenal (say, ask, collect, decide, include, \
                 transfer, escalate, outcome)"
            ))
        }
    };
    Ok(Step {
        id,
        title: o.opt("title")?,
        clause: o.req("clause")?,
        assumed: o.opt("assumed")?,
        say: o.opt("say")?,
        todo: o.opt("do")?,
        kind,
    })
}

/// A plain string, or `{ text = "...", must = true }`.
impl FromJson for ScriptLine {
    fn from_json(j: &Json) -> Result<Self, String> {
        if let Some(text) = j.as_str() {
            return Ok(ScriptLine {
                text: text.to_string(),
                must: false,
            });
        }
        let o = obj(j, LINE_KEYS)?;
        Ok(ScriptLine {
            text: o.req("text")?,
            must: o.opt("must")?,
        })
    }
}

impl FromJson for Choice {
    fn from_json(j: &Json) -> Result<Self, String> {
        let o = obj(j, OPTION_KEYS)?;
        Ok(Choice {
            id: o.req("id")?,
            label: o.req("label")?,
            next: o.req("next")?,
            set: o.opt("set")?,
            skip_must: o.opt("skip_must")?,
        })
    }
}

impl FromJson for Assign {
    fn from_json(j: &Json) -> Result<Self, String> {
        let o = obj(j, ASSIGN_KEYS)?;
        Ok(Assign {
            var: o.req("var")?,
            value: o.req("value")?,
        })
    }
}

impl FromJson for Field {
    fn from_json(j: &Json) -> Result<Self, String> {
        let o = obj(j, FIELD_KEYS)?;
        Ok(Field {
            id: o.req("id")?,
            label: o.req("label")?,
            kind: match o.get("type") {
                None => FieldKind::Text,
                Some(_) => o.req("type")?,
            },
            required: o.opt::<Option<bool>>("required")?.unwrap_or(true),
            help: o.opt("help")?,
            prefill: o.opt("prefill")?,
            options: o.opt("options")?,
            min: o.opt("min")?,
            max: o.opt("max")?,
            against: o.opt("against")?,
        })
    }
}

impl FromJson for FieldKind {
    fn from_json(j: &Json) -> Result<Self, String> {
        let s = String::from_json(j)?;
        FieldKind::parse(&s).ok_or_else(|| {
            let all: Vec<&str> = FieldKind::ALL.iter().map(|k| k.as_str()).collect();
            format!("jenis isian `{s}` tidak dikenal ({})", all.join(", "))
        })
    }
}

impl FromJson for Rule {
    fn from_json(j: &Json) -> Result<Self, String> {
        let o = obj(j, RULE_KEYS)?;
        Ok(Rule {
            all: o.req("when")?,
            next: o.req("next")?,
            label: o.opt("label")?,
        })
    }
}

impl FromJson for Cond {
    fn from_json(j: &Json) -> Result<Self, String> {
        let o = obj(j, COND_KEYS)?;
        Ok(Cond {
            var: o.req("var")?,
            eq: o.opt("eq")?,
            ne: o.opt("ne")?,
            one_of: o.opt("one_of")?,
            le: o.opt("le")?,
            ge: o.opt("ge")?,
            from: o.opt("from")?,
            until: o.opt("until")?,
            set: o.opt("set")?,
            warned: o.opt("warned")?,
        })
    }
}

impl FromJson for TicketSpec {
    fn from_json(j: &Json) -> Result<Self, String> {
        let o = obj(j, TICKET_KEYS)?;
        Ok(TicketSpec {
            system: o.req("system")?,
            tab: o.opt("tab")?,
            fields: list(&o, "field", "fields")?,
        })
    }
}

impl FromJson for TicketFieldSpec {
    fn from_json(j: &Json) -> Result<Self, String> {
        let o = obj(j, TICKET_FIELD_KEYS)?;
        Ok(TicketFieldSpec {
            name: o.req("name")?,
            value: o.req("value")?,
            optional: o.opt("optional")?,
        })
    }
}

impl FromJson for System {
    fn from_json(j: &Json) -> Result<Self, String> {
        let s = String::from_json(j)?;
        System::parse(&s).ok_or_else(|| {
            format!("sistem tiket `{s}` tidak dikenal (apkt, crm, ap2t, simone, callback)")
        })
    }
}

impl ToJson for System {
    fn to_json(&self) -> Json {
        Json::Str(self.as_str().to_string())
    }
}

/// A catalogue from JSON text (a host's SOP pack): every reason it cannot be
/// read, in Indonesian, naming the SOP and step.
pub fn catalog(text: &str) -> Result<Catalog, String> {
    crate::json::from_text(text)
}

// ---------------------------------------------------------------- writing

impl ToJson for Catalog {
    fn to_json(&self) -> Json {
        let mut o = ObjOut::default();
        o.put("sops", &self.sops);
        o.done()
    }
}

impl ToJson for Sop {
    fn to_json(&self) -> Json {
        let mut o = ObjOut::default();
        o.put("id", &self.id);
        o.put("title", &self.title);
        o.put("seed", &self.seed);
        o.put("version", &self.version);
        o.put_some("effective_from", &self.effective_from);
        o.put_some("effective_until", &self.effective_until);
        o.put_some("summary", &self.summary);
        o.put_some("keywords", &self.keywords);
        o.put_some("synonyms", &self.synonyms);
        o.put_some("subflow", &self.subflow);
        o.put_some("start", &self.start);
        o.put("step", &self.steps);
        o.done()
    }
}

impl ToJson for Step {
    fn to_json(&self) -> Json {
        let mut o = ObjOut::default();
        o.put("id", &self.id);
        o.put_some("title", &self.title);
        o.put("kind", self.kind.name());
        o.put("clause", &self.clause);
        o.put_some("assumed", &self.assumed);
        o.put_some("say", &self.say);
        o.put_some("do", &self.todo);
        match &self.kind {
            StepKind::Say { next } => o.put_some("next", next),
            StepKind::Ask { question, options } => {
                o.put("question", question);
                o.put("option", options);
            }
            StepKind::Collect { fields, next } => {
                o.put("field", fields);
                o.put_some("next", next);
            }
            StepKind::Decide { rules, otherwise } => {
                o.put("rule", rules);
                o.put("otherwise", otherwise);
            }
            StepKind::Include { sop, next, prefill } => {
                o.put("sop", sop);
                o.put_some("next", next);
                o.put_some("prefill", prefill);
            }
            StepKind::Transfer {
                destination,
                number,
                fines,
                next,
            } => {
                o.put("destination", destination);
                o.put("number", number);
                o.put_some("fines", fines);
                o.put_some("next", next);
            }
            StepKind::Escalate {
                channel,
                level,
                reason,
                next,
            } => {
                o.put("channel", channel);
                o.put_some("level", level);
                o.put("reason", reason);
                o.put_some("next", next);
            }
            StepKind::Outcome {
                summary,
                tickets,
                closing,
            } => {
                o.put_some("summary", summary);
                o.put_some("ticket", tickets);
                o.put_some("closing", closing);
            }
        }
        o.done()
    }
}

/// A plain string unless the line must be said.
impl ToJson for ScriptLine {
    fn to_json(&self) -> Json {
        if !self.must {
            return self.text.to_json();
        }
        let mut o = ObjOut::default();
        o.put("text", &self.text);
        o.put("must", &true);
        o.done()
    }
}

impl ToJson for Choice {
    fn to_json(&self) -> Json {
        let mut o = ObjOut::default();
        o.put("id", &self.id);
        o.put("label", &self.label);
        o.put("next", &self.next);
        o.put_some("set", &self.set);
        o.put_some("skip_must", &self.skip_must);
        o.done()
    }
}

impl ToJson for Assign {
    fn to_json(&self) -> Json {
        let mut o = ObjOut::default();
        o.put("var", &self.var);
        o.put("value", &self.value);
        o.done()
    }
}

impl ToJson for Field {
    fn to_json(&self) -> Json {
        let mut o = ObjOut::default();
        o.put("id", &self.id);
        o.put("label", &self.label);
        if self.kind != FieldKind::Text {
            o.put("type", self.kind.as_str());
        }
        if !self.required {
            o.put("required", &false);
        }
        o.put_some("help", &self.help);
        o.put_some("prefill", &self.prefill);
        o.put_some("options", &self.options);
        o.put_some("min", &self.min);
        o.put_some("max", &self.max);
        o.put_some("against", &self.against);
        o.done()
    }
}

impl ToJson for Rule {
    fn to_json(&self) -> Json {
        let mut o = ObjOut::default();
        o.put("when", &self.all);
        o.put("next", &self.next);
        o.put_some("label", &self.label);
        o.done()
    }
}

impl ToJson for Cond {
    fn to_json(&self) -> Json {
        let mut o = ObjOut::default();
        o.put("var", &self.var);
        o.put_some("eq", &self.eq);
        o.put_some("ne", &self.ne);
        o.put_some("one_of", &self.one_of);
        o.put_some("le", &self.le);
        o.put_some("ge", &self.ge);
        o.put_some("from", &self.from);
        o.put_some("until", &self.until);
        o.put_some("set", &self.set);
        o.put_some("warned", &self.warned);
        o.done()
    }
}

impl ToJson for TicketSpec {
    fn to_json(&self) -> Json {
        let mut o = ObjOut::default();
        o.put("system", &self.system);
        o.put_some("tab", &self.tab);
        o.put("field", &self.fields);
        o.done()
    }
}

impl ToJson for TicketFieldSpec {
    fn to_json(&self) -> Json {
        let mut o = ObjOut::default();
        o.put("name", &self.name);
        o.put("value", &self.value);
        o.put_some("optional", &self.optional);
        o.done()
    }
}
