//! The host console around the widget (docs/EMBEDDING.md): how it was
//! embedded, which origins may talk to it, where its events go, and what it
//! asked for. Messages are read and events shaped by `pandu_engine::contract`;
//! moving them through `postMessage` or a callback is `browser`'s.

use crate::browser::embed::{self, HostCallback};
use crate::browser::net;
use crate::catalogue;
use crate::nav;
use crate::state::CallCtx;
use leptos::prelude::*;
use pandu_engine::contract::{self, HostCaller, HostMessage, Origins, WidgetEvent};
use pandu_engine::flow::Pos;
use pandu_engine::ticket;
use pandu_engine::Catalog;
use wasm_bindgen::JsValue;

/// Where the widget's events go.
#[derive(Clone, Default)]
pub enum Sink {
    /// Standalone page: nobody listens.
    #[default]
    None,
    /// Inside an iframe: `postMessage` to the parent, at an allowed origin only.
    Parent,
    /// Mounted with `Pandu.mount`: the host's `onEvent` callback.
    Callback(HostCallback),
}

/// How the page or the `Pandu.mount` call set the widget up.
#[derive(Clone, Default)]
pub struct HostConfig {
    /// The compact side-panel layout.
    pub embed: bool,
    pub origins: Origins,
    /// Entries of the origin list that are not origins, to show.
    pub refused_origins: Vec<String>,
    /// Address of an SOP pack to load before the start screen.
    pub pack: Option<String>,
    pub sink: Sink,
    /// Caller context given with `Pandu.mount`.
    pub context: Option<HostCaller>,
    pub cso: String,
    /// Start in training mode (`?mode=latihan`, mount option `mode: "latihan"`),
    /// optionally on a simulated date (`tanggal`, `YYYY-MM-DD`).
    pub training: bool,
    pub sim_date: Option<String>,
    /// Where Pandu's own files are (`drills.json`): the page itself, or
    /// what `pandu-embed.js` tells a mount.
    pub assets: String,
    /// Which widget of the page this is, for what it keeps per widget
    /// (`store::tab_key`): `None` for the page's own, the mount element's
    /// slot for `Pandu.mount`.
    pub slot: Option<String>,
}

impl HostConfig {
    /// From the page address: `?embed=1&origins=…&sops=…`.
    pub fn from_page() -> HostConfig {
        let spec = net::query_param("origins").unwrap_or_default();
        let (origins, refused_origins) = Origins::parse(&spec);
        HostConfig {
            embed: net::query_param("embed").is_some_and(|v| v != "0"),
            origins,
            refused_origins,
            pack: net::query_param("sops").filter(|s| !s.trim().is_empty()),
            sink: if embed::in_frame() {
                Sink::Parent
            } else {
                Sink::None
            },
            context: None,
            cso: String::new(),
            training: net::query_param("mode").is_some_and(|m| m == "latihan"),
            sim_date: net::query_param("tanggal"),
            assets: "./".into(),
            slot: None,
        }
    }

    /// From the options of `Pandu.mount(element, options)`: `origins`
    /// (a list or a comma-separated string), `sops`, `onEvent`, `context`
    /// (`caller`, `cso`) and `compact` (default true: a host page gives a panel).
    pub fn from_options(options: &JsValue) -> Result<HostConfig, String> {
        let spec = match embed::prop(options, "origins") {
            None => String::new(),
            Some(v) => match embed::string_list(&v) {
                Some(list) => list.join(","),
                None => v
                    .as_string()
                    .ok_or("opsi `origins` harus berupa daftar atau teks")?,
            },
        };
        let (origins, refused_origins) = Origins::parse(&spec);
        let sink = match embed::prop(options, "onEvent") {
            None => Sink::None,
            Some(f) => Sink::Callback(
                HostCallback::from_value(f).ok_or("opsi `onEvent` harus berupa fungsi")?,
            ),
        };
        let (context, cso) = match embed::prop(options, "context") {
            None => (None, String::new()),
            Some(c) => {
                let caller = embed::prop(&c, "caller")
                    .map(|c| embed::from_js::<HostCaller>(&c))
                    .transpose()
                    .map_err(|e| format!("opsi `context.caller` tidak terbaca: {e}"))?;
                let cso = embed::prop(&c, "cso")
                    .and_then(|v| v.as_string())
                    .unwrap_or_default();
                (caller, cso)
            }
        };
        Ok(HostConfig {
            embed: embed::prop(options, "compact").and_then(|v| v.as_bool()) != Some(false),
            origins,
            refused_origins,
            pack: embed::prop(options, "sops").and_then(|v| v.as_string()),
            sink,
            context,
            cso,
            training: embed::prop(options, "mode")
                .and_then(|v| v.as_string())
                .as_deref()
                == Some("latihan"),
            sim_date: embed::prop(options, "tanggal").and_then(|v| v.as_string()),
            assets: embed::prop(options, "assets")
                .and_then(|v| v.as_string())
                .unwrap_or_else(|| "./".into()),
            slot: None,
        })
    }
}

/// What became of a published SOP file or of the SOP pack the host pointed at.
#[derive(Debug, Clone, PartialEq)]
pub enum PackNotice {
    Applied(String),
    /// Refused: from where, and every reason.
    Refused(String, Vec<String>),
}

/// The host side of the widget, shared by the components that show it.
#[derive(Clone, Copy)]
pub struct HostCtx {
    pub embed: bool,
    /// The CSO on duty, as the host said.
    pub cso: RwSignal<String>,
    /// Messages from origins not on the list, ignored.
    pub ignored: RwSignal<u32>,
    /// What became of the published SOP files and the host's pack.
    pub pack: RwSignal<Vec<PackNotice>>,
    pub refused_origins: StoredValue<Vec<String>>,
    origins: StoredValue<Origins>,
    sink: StoredValue<Sink, LocalStorage>,
    /// The parent's origin once known and allowed; events wait until then.
    target: StoredValue<Option<String>>,
    waiting: StoredValue<Vec<JsValue>, LocalStorage>,
}

/// The host context.
pub fn use_host() -> HostCtx {
    expect_context::<HostCtx>()
}

impl HostCtx {
    pub fn new(config: HostConfig, pack: Vec<PackNotice>) -> HostCtx {
        let target = match config.sink {
            Sink::Parent => embed::parent_origin().and_then(|o| config.origins.target_for(&o)),
            _ => None,
        };
        HostCtx {
            embed: config.embed,
            cso: RwSignal::new(config.cso),
            ignored: RwSignal::new(0),
            pack: RwSignal::new(pack),
            refused_origins: StoredValue::new(config.refused_origins),
            origins: StoredValue::new(config.origins),
            sink: StoredValue::new_local(config.sink),
            target: StoredValue::new(target),
            waiting: StoredValue::new_local(Vec::new()),
        }
    }

    /// Whether anybody hears the events (the UI shows the host status then).
    pub fn listened(&self) -> bool {
        self.sink.with_value(|s| !matches!(s, Sink::None))
    }

    /// Send an event to the host, with `"pandu": 1`. Never to `*`: in a frame
    /// it waits until the parent's origin is known to be allowed.
    pub fn emit(&self, event: &WidgetEvent) {
        let Ok(message) = embed::to_js(event) else {
            return;
        };
        self.sink.with_value(|sink| match sink {
            Sink::None => {}
            Sink::Callback(f) => f.call(&message),
            Sink::Parent => match self.target.get_value() {
                Some(origin) => {
                    let _ = embed::post_to_parent(&message, &origin);
                }
                None => self.waiting.update_value(|w| w.push(message)),
            },
        });
    }

    /// A `message` event from another window: from an allowed origin it is
    /// read and carried out, from any other it is counted and dropped.
    pub fn receive(&self, ctx: CallCtx, origin: &str, data: JsValue) {
        if !self.origins.with_value(|o| o.allows(origin)) {
            self.ignored.update(|n| *n += 1);
            return;
        }
        // The parent has spoken from an allowed origin: events can go there now.
        if self.target.with_value(Option::is_none) {
            self.target.set_value(contract::normalize_origin(origin));
            let waiting = std::mem::take(&mut *self.waiting.write_value());
            if let Some(to) = self.target.get_value() {
                for m in waiting {
                    let _ = embed::post_to_parent(&m, &to);
                }
            }
        }
        self.handle(ctx, data);
    }

    /// A message from the host page itself (`handle.send` of `Pandu.mount`).
    pub fn handle(&self, ctx: CallCtx, data: JsValue) {
        // Objects JSON cannot hold (functions, cycles) are not messages of the contract.
        let Some(message) = embed::js_json(&data) else {
            return;
        };
        match contract::read(&message) {
            Ok(None) => {}
            Ok(Some(m)) => {
                if let Err(message) = self.carry_out(ctx, m) {
                    self.emit(&WidgetEvent::Error { message });
                }
            }
            Err(message) => self.emit(&WidgetEvent::Error { message }),
        }
    }

    /// Carry out a host message; `Err` says in Indonesian why it could not be.
    pub fn carry_out(&self, ctx: CallCtx, message: HostMessage) -> Result<(), String> {
        match message {
            HostMessage::Context { caller, cso } => {
                self.cso.set(cso);
                apply_caller(ctx, &caller);
                Ok(())
            }
            HostMessage::Start { sop, caller } => {
                let done = ctx.finished_at.get_untracked().is_some();
                let refused = ctx.call.with_untracked(|c| {
                    nav::start_refused(c.as_ref().map(|c| c.sop.as_str()), done)
                });
                if let Some(refused) = refused {
                    return Err(refused);
                }
                if ctx.call.with_untracked(Option::is_some) {
                    ctx.finish(true);
                }
                if let Some(caller) = caller {
                    apply_caller(ctx, &caller);
                }
                let host = *self;
                let id = sop.clone();
                catalogue::when_ready(
                    ctx.app,
                    &sop,
                    move || ctx.start(&id),
                    move |message| host.emit(&WidgetEvent::Error { message }),
                );
                Ok(())
            }
            HostMessage::Reset => {
                ctx.reset_for_host();
                Ok(())
            }
        }
    }

    /// Everything the host hears about the call, driven by the call's revision.
    pub fn watch(&self, ctx: CallCtx) {
        let host = *self;
        // (call id, SOP, position) last told, so only changes are sent.
        Effect::new(move |last: Option<Option<(String, String, Pos)>>| {
            ctx.rev.track();
            let last = last.flatten();
            let now = ctx.call.with_untracked(|c| {
                c.as_ref()
                    .map(|c| (c.id.clone(), c.sop.clone(), c.at.clone()))
            });
            if let Some((id, sop, _)) = &last {
                if now.as_ref().map(|n| &n.0) != Some(id) {
                    host.emit(&WidgetEvent::CallEnded {
                        call: id.clone(),
                        cso: host.cso.get_untracked(),
                        sop: sop.clone(),
                    });
                }
            }
            if now.is_some() && now != last {
                let events = ctx.call.with_untracked(|c| {
                    let c = c.as_ref()?;
                    ctx.with_cat(|cat| {
                        let mut out = contract::arrival(cat, c);
                        if let Some(at) = ctx.finished_at.get_untracked() {
                            if let Some(composed) = ticket::compose(cat, c, at) {
                                out.push(WidgetEvent::ticket_ready(
                                    &c.id,
                                    &host.cso.get_untracked(),
                                    &composed,
                                ));
                            }
                        }
                        Some(out)
                    })
                });
                for e in events.unwrap_or_default() {
                    host.emit(&e);
                }
            }
            now
        });
    }

    /// `ready`, once the finder takes input.
    pub fn ready(&self, catalog: &Catalog) {
        self.emit(&WidgetEvent::Ready {
            version: env!("CARGO_PKG_VERSION").to_string(),
            sops: catalog.sops.iter().map(|s| s.id.clone()).collect(),
        });
    }
}

// The host's caller context fills the header (and a running call's caller),
// keeping what it does not mention.
fn apply_caller(ctx: CallCtx, host: &HostCaller) {
    let given = host.caller();
    ctx.edit_caller(|c| {
        if !given.name.trim().is_empty() {
            c.name = given.name.clone();
        }
        if !host.honorific.trim().is_empty() {
            c.honorific = given.honorific;
        }
        if !given.idpel.trim().is_empty() {
            c.idpel = given.idpel.clone();
        }
        if !given.phone.trim().is_empty() {
            c.phone = given.phone.clone();
        }
        c.known.extend(given.known.clone());
    });
}
