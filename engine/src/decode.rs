//! SOPs read from JSON in the widget: the built-in catalogue, which the build
//! writes from `sops/*.toml`, and SOP packs from a host. The shape is the
//! TOML files' (`step`, `option`, `field`, `ticket` keep their names, and
//! their plurals are accepted), and keys the format does not know are
//! refused as at build time (`model::keys`). serde reads the TOML at build
//! time; this reads the JSON at run time without serde's bytes in the wasm.

use crate::json::{FromJson, Json, Obj, ToJson};
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
    match o.get(name) {
        Some(_) => o.opt(name),
        None => o.opt(alias),
    }
}

/// A list under `name` or `alias` that the format requires.
fn list_req<T: FromJson>(o: &Obj<'_>, name: &str, alias: &str) -> Result<Vec<T>, String> {
    match (o.get(name), o.get(alias)) {
        (None, None) => Err(format!("kunci `{name}` tidak ada")),
        (Some(_), _) => o.req(name),
        (None, Some(_)) => o.req(alias),
    }
}

impl FromJson for Catalog {
    fn from_json(j: &Json) -> Result<Self, String> {
        Ok(Catalog {
            sops: Obj::of(j)?.req("sops")?,
        })
    }
}

impl FromJson for Sop {
    fn from_json(j: &Json) -> Result<Self, String> {
        let o = Obj::of(j)?;
        let id: String = o.req("id")?;
        let sop = |id: String| -> Result<Sop, String> {
            only(&o, SOP_KEYS)?;
            Ok(Sop {
                title: o.req("title")?,
                seed: o.req("seed")?,
                version: o.req("version")?,
                effective_from: o.opt("effective_from")?,
                effective_until: o.opt("effective_until")?,
                summary: o.opt("summary")?,
                keywords: o.opt("keywords")?,
                synonyms: o.opt("synonyms")?,
                subflow: o.opt("subflow")?,
                start: o.opt("start")?,
                steps: list(&o, "step", "steps")?,
                id,
            })
        };
        sop(id.clone()).map_err(|e| format!("SOP `{id}`: {e}"))
    }
}

impl FromJson for Step {
    fn from_json(j: &Json) -> Result<Self, String> {
        let o = Obj::of(j)?;
        let id: String = o.req("id")?;
        only(&o, STEP_KEYS)
            .and_then(|()| step(&o, id.clone()))
            .map_err(|e| format!("langkah `{id}`: {e}"))
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
