//! The embedding contract (docs/EMBEDDING.md): the messages a host console
//! and the widget exchange through `postMessage`, and which origins may talk.
//! Plain data here; the browser adapter does the posting and listening.

use crate::flow::{Call, Caller};
use crate::json::{FromJson, Json, Obj, ObjOut, ToJson};
use crate::model::{Catalog, StepKind};
use crate::template::Honorific;
use crate::ticket::{Composed, Ticket};

/// Every message carries `"pandu": CONTRACT_VERSION`; others are not ours.
pub const CONTRACT_VERSION: u32 = 1;

/// Caller context a host knows before the CSO types anything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HostCaller {
    pub name: String,
    /// `bapak`, `ibu`, or empty.
    pub honorific: String,
    pub idpel: String,
    pub phone: String,
    pub email: String,
    /// Unit / UID as APKT names it, e.g. `DISTRIBUSI JAKARTA RAYA`.
    pub unit: String,
}

impl HostCaller {
    /// The caller header the widget shows.
    pub fn caller(&self) -> Caller {
        Caller {
            name: self.name.clone(),
            honorific: Honorific::parse(&self.honorific),
            idpel: self.idpel.clone(),
            phone: self.phone.clone(),
            known: crate::small::map(
                self.prefills()
                    .into_iter()
                    .map(|(k, v)| (k.to_string(), v.trim().to_string())),
            ),
        }
    }

    /// Values that prefill fields with the same id (`email`, `unit`), as if typed.
    pub fn prefills(&self) -> Vec<(&'static str, &str)> {
        [("email", self.email.as_str()), ("unit", self.unit.as_str())]
            .into_iter()
            .filter(|(_, v)| !v.trim().is_empty())
            .collect()
    }
}

crate::json_struct!(HostCaller {
    name: def,
    honorific: def,
    idpel: def,
    phone: def,
    email: def,
    unit: def,
});

/// Host → widget.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostMessage {
    /// Caller context and the CSO on duty.
    Context { caller: HostCaller, cso: String },
    /// Start an SOP by id, optionally with the caller context.
    Start {
        sop: String,
        caller: Option<HostCaller>,
    },
    /// Drop the running call and return to the start screen.
    Reset,
}

impl FromJson for HostMessage {
    fn from_json(j: &Json) -> Result<Self, String> {
        let o = Obj::of(j)?;
        let kind: String = o.req("type")?;
        Ok(match kind.as_str() {
            "context" => HostMessage::Context {
                caller: o.opt("caller")?,
                cso: o.opt("cso")?,
            },
            "start" => HostMessage::Start {
                sop: o.req("sop")?,
                caller: o.opt("caller")?,
            },
            "reset" => HostMessage::Reset,
            other => return Err(format!("jenis pesan `{other}` tidak dikenal")),
        })
    }
}

/// One ticket in the `ticket-ready` event: the system and its fields in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TicketOut {
    pub system: String,
    pub fields: Vec<(String, String)>,
}

impl From<&Ticket> for TicketOut {
    fn from(t: &Ticket) -> Self {
        TicketOut {
            system: t.system.as_str().to_string(),
            fields: t
                .fields
                .iter()
                .map(|f| (f.name.clone(), f.value.clone()))
                .collect(),
        }
    }
}

crate::json_struct!(TicketOut {
    system: req,
    fields: req,
});

/// Widget → host.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WidgetEvent {
    Ready {
        version: String,
        sops: Vec<String>,
    },
    StepChanged {
        sop: String,
        step: String,
        clause: String,
    },
    TransferRequested {
        destination: String,
        number: String,
    },
    Escalation {
        channel: String,
        level: String,
        reason: String,
    },
    TicketReady {
        call: String,
        cso: String,
        sop: String,
        version: String,
        time: String,
        tickets: Vec<TicketOut>,
        text: String,
    },
    CallEnded {
        call: String,
        cso: String,
        sop: String,
    },
    /// A host message the widget could not act on, said in Indonesian.
    Error {
        message: String,
    },
    /// A drill ended (training mode): `training::result_json`'s `score`,
    /// `review` and `played`.
    TrainingResult(Json),
}

/// `{"type":"…", …fields}`, and `"pandu": 1` last, as hosts read it.
impl ToJson for WidgetEvent {
    fn to_json(&self) -> Json {
        let mut o = ObjOut::default();
        let mut put = |k: &str, v: &str| o.put(k, v);
        match self {
            WidgetEvent::Ready { version, sops } => {
                put("type", "ready");
                put("version", version);
                o.put("sops", sops);
            }
            WidgetEvent::StepChanged { sop, step, clause } => {
                put("type", "step-changed");
                put("sop", sop);
                put("step", step);
                put("clause", clause);
            }
            WidgetEvent::TransferRequested {
                destination,
                number,
            } => {
                put("type", "transfer-requested");
                put("destination", destination);
                put("number", number);
            }
            WidgetEvent::Escalation {
                channel,
                level,
                reason,
            } => {
                put("type", "escalation");
                put("channel", channel);
                put("level", level);
                put("reason", reason);
            }
            WidgetEvent::TicketReady {
                call,
                cso,
                sop,
                version,
                time,
                tickets,
                text,
            } => {
                put("type", "ticket-ready");
                put("call", call);
                put("cso", cso);
                put("sop", sop);
                put("version", version);
                put("time", time);
                o.put("tickets", tickets);
                o.put("text", text);
            }
            WidgetEvent::CallEnded { call, cso, sop } => {
                put("type", "call-ended");
                put("call", call);
                put("cso", cso);
                put("sop", sop);
            }
            WidgetEvent::Error { message } => {
                put("type", "error");
                put("message", message);
            }
            WidgetEvent::TrainingResult(result) => {
                put("type", "training-result");
                if let Json::Obj(fields) = result {
                    for (k, v) in fields {
                        o.put_json(k, v.clone());
                    }
                }
            }
        }
        o.put("pandu", &CONTRACT_VERSION);
        o.done()
    }
}

impl WidgetEvent {
    pub fn ticket_ready(call: &str, cso: &str, c: &Composed) -> WidgetEvent {
        WidgetEvent::TicketReady {
            call: call.to_string(),
            cso: cso.to_string(),
            sop: c.sop.clone(),
            version: c.version.clone(),
            time: c.time.clone(),
            tickets: c.tickets.iter().map(TicketOut::from).collect(),
            text: c.text(),
        }
    }
}

/// What the host hears when a call arrives at a step: always `step-changed`,
/// and at a transfer or escalation step that request too, with its template
/// text rendered for this call.
pub fn arrival(catalog: &Catalog, call: &Call) -> Vec<WidgetEvent> {
    let Some(step) = call.current(catalog) else {
        return Vec::new();
    };
    let mut out = vec![WidgetEvent::StepChanged {
        sop: call.at.sop.clone(),
        step: step.id.clone(),
        clause: step.clause.clone(),
    }];
    match &step.kind {
        StepKind::Transfer {
            destination,
            number,
            ..
        } => out.push(WidgetEvent::TransferRequested {
            destination: call.render(destination),
            number: call.render(number),
        }),
        StepKind::Escalate {
            channel,
            level,
            reason,
            ..
        } => out.push(WidgetEvent::Escalation {
            channel: channel.clone(),
            level: call.render(level),
            reason: call.render(reason),
        }),
        _ => {}
    }
    out
}

/// Look at a posted message's `pandu` and `type` before reading the rest.
/// `Ok(false)`: not a Pandu message (other scripts post too), ignore it
/// quietly. `Ok(true)`: read it as a `HostMessage`. `Err`: a Pandu message the
/// widget cannot act on, with the reason for an `error` event.
pub fn screen(version: Option<&Json>, kind: Option<&str>) -> Result<bool, String> {
    match version {
        Some(v @ Json::Num(_)) if v.as_i64() == Some(i64::from(CONTRACT_VERSION)) => match kind {
            Some("context" | "start" | "reset") => Ok(true),
            Some(other) => Err(format!(
                "Jenis pesan `{other}` tidak dikenal (kontrak Pandu versi {CONTRACT_VERSION}: context, start, reset)."
            )),
            None => Err("Pesan tanpa `type` diabaikan.".to_string()),
        },
        Some(Json::Num(v)) => Err(format!(
            "Pesan kontrak versi {v} tidak didukung; Pandu ini memakai versi {CONTRACT_VERSION}."
        )),
        _ => Ok(false),
    }
}

/// A posted message, screened and read: `Ok(None)` when it is not Pandu's.
pub fn read(message: &Json) -> Result<Option<HostMessage>, String> {
    let kind = message.get("type").and_then(Json::as_str);
    if !screen(message.get("pandu"), kind)? {
        return Ok(None);
    }
    HostMessage::from_json(message)
        .map(Some)
        .map_err(|e| format!("Pesan `{}` tidak terbaca: {e}", kind.unwrap_or_default()))
}

/// The origins a host allowed. Messages from any other origin are ignored
/// (and counted by the adapter); the widget posts only to an allowed origin,
/// never to `*`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origins {
    list: Vec<String>,
}

impl Origins {
    /// From `?origins=https://a.example,https://b.example:8443` or a mount option.
    /// Entries that are not `scheme://host[:port]` are left out and returned
    /// separately, so the widget can say which ones it refused.
    pub fn parse(spec: &str) -> (Origins, Vec<String>) {
        let mut list = Vec::new();
        let mut bad = Vec::new();
        for raw in spec.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            match normalize_origin(raw) {
                Some(o) if o != "*" => list.push(o),
                _ => bad.push(raw.to_string()),
            }
        }
        (Origins { list }, bad)
    }

    pub fn allows(&self, origin: &str) -> bool {
        normalize_origin(origin).is_some_and(|o| self.list.contains(&o))
    }

    /// Where events go: the embedding page's origin if it is allowed, else nowhere.
    pub fn target_for(&self, parent_origin: &str) -> Option<String> {
        normalize_origin(parent_origin).filter(|o| self.list.contains(o))
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

/// `HTTPS://Host.Example:443/` → `https://host.example`; `None` if it is not an origin.
pub fn normalize_origin(raw: &str) -> Option<String> {
    let raw = raw.trim().trim_end_matches('/');
    let (scheme, rest) = raw.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if !matches!(scheme.as_str(), "http" | "https") || rest.is_empty() || rest.contains('/') {
        return None;
    }
    let rest = rest.to_ascii_lowercase();
    // IPv6 literals are not needed by any console we know; refuse rather than half-parse.
    let (host, port) = match rest.split_once(':') {
        Some((h, p)) => {
            if p.is_empty() || !p.chars().all(|c| c.is_ascii_digit()) {
                return None;
            }
            (h.to_string(), Some(p.to_string()))
        }
        None => (rest.clone(), None),
    };
    if host.is_empty()
        || !host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'))
    {
        return None;
    }
    let default = if scheme == "https" { "443" } else { "80" };
    Some(match port {
        Some(p) if p != default => format!("{scheme}://{host}:{p}"),
        _ => format!("{scheme}://{host}"),
    })
}
