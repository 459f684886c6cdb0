use crate::browser;
use crate::host::{HostConfig, HostCtx, PackNotice, Sink};
use crate::keys::{self, Command, Press};
use crate::shift::{Settings, ShiftCtx};
use crate::state::{AppCtx, CallCtx};
use crate::store;
use crate::ui::call_view::CallView;
use crate::ui::caller_header::CallerHeader;
use crate::ui::history_panel::HistoryPanel;
use crate::ui::host_status::HostStatus;
use crate::ui::key_help::KeyHelp;
use crate::ui::quarantine_notice::QuarantineNotice;
use crate::ui::resume_list::ResumeList;
use crate::ui::sop_finder::SopFinder;
use crate::ui::storage_status::StorageStatus;
use crate::ui::voucher_queue::VoucherQueue;
use crate::ui::wipe_all::WipeAll;
use leptos::ev;
use leptos::prelude::*;
use pandu_engine::contract::HostMessage;
use pandu_engine::saved;
use pandu_engine::{Catalog, StepKind};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsValue;

/// Where `Pandu.mount`'s `handle.send(message)` delivers: the mounted widget
/// puts its message handler here once its contexts exist.
pub type Inbox = Rc<RefCell<Option<Box<dyn Fn(JsValue)>>>>;

/// The whole widget: restores what was saved, talks to the host console, and shows the caller header and either the start screen or the call.
#[component]
pub fn App(
    catalog: Catalog,
    config: HostConfig,
    pack: Option<PackNotice>,
    inbox: Option<Inbox>,
) -> impl IntoView {
    let app = AppCtx::new(catalog, browser::now_wib().date());
    let (shift, saved_calls) = ShiftCtx::open(app, Settings::from_page());
    let ctx = CallCtx::new(app, shift);
    let framed = matches!(config.sink, Sink::Parent);
    let context = config.context.clone();
    let host = HostCtx::new(config, pack);
    provide_context(app);
    provide_context(shift);
    provide_context(ctx);
    provide_context(host);

    // A reload (or a crash) of this tab brings its own call back; the calls
    // of other tabs, and of tabs that were closed, are listed to resume.
    let own = store::tab_call().filter(|id| saved_calls.iter().any(|s| s.call.id == *id));
    let resumed = own.is_some_and(|id| ctx.resume(&id));
    if !resumed {
        store::set_tab_call(None);
        shift.list_unfinished(&saved_calls, None);
    }

    // The host console: context given at mount, messages from the parent
    // frame or through `handle.send`, and events about the call.
    if let Some(caller) = context {
        let cso = host.cso.get_untracked();
        let _ = host.carry_out(ctx, HostMessage::Context { caller, cso });
    }
    if framed {
        let messages = window_event_listener(ev::message, move |e| {
            host.receive(ctx, &e.origin(), e.data());
        });
        on_cleanup(move || messages.remove());
    }
    if let Some(inbox) = inbox {
        *inbox.borrow_mut() = Some(Box::new(move |data| host.handle(ctx, data)));
    }
    host.watch(ctx);

    // Another tab saved, ended or wiped something: list and history follow.
    let storage = window_event_listener(ev::storage, move |e| {
        if e.key().is_none_or(|k| k.starts_with(saved::PREFIX)) {
            let running = ctx
                .call
                .with_untracked(|c| c.as_ref().map(|c| c.id.clone()));
            shift.reload(running.as_deref());
        }
    });
    on_cleanup(move || storage.remove());
    // The deadline countdown and the end-of-shift purge move with the clock.
    if let Ok(every_minute) = set_interval_with_handle(
        move || shift.tick(browser::now_wib()),
        std::time::Duration::from_secs(60),
    ) {
        on_cleanup(move || every_minute.clear());
    }

    // One listener for the whole widget, so shortcuts work wherever the
    // focus is, and never while the CSO is typing in a field.
    let keys = window_event_listener(ev::keydown, move |e| {
        let key = e.key();
        let press = Press {
            key: &key,
            alt: e.alt_key(),
            ctrl: e.ctrl_key(),
            meta: e.meta_key(),
            target: browser::key_target(&e),
        };
        if let Some(cmd) = keys::command(&press) {
            if run_shortcut(ctx, cmd, e.repeat()) {
                e.prevent_default();
            }
        }
    });
    on_cleanup(move || keys.remove());

    let running = Memo::new(move |_| ctx.call.with(Option::is_some));
    let ready = RwSignal::new(false);
    // Effects run after the first render, i.e. once the finder is in the DOM.
    Effect::new(move |_| {
        if !ready.get_untracked() {
            ready.set(true);
            browser::mark_ready();
            app.catalog.with_value(|cat| host.ready(cat));
            // The first thing a CSO does is look for the SOP (unless a
            // reload brought a call back: its step has the focus then).
            if !resumed {
                browser::focus_soon("[data-testid=\"sop-search\"]");
            }
        }
    });

    view! {
        <main
            class="pandu"
            class:pandu--embed=host.embed
            data-testid="app"
            data-ready=move || ready.get().then_some("true")
        >
            <header class="pandu-brand">
                <h1 class="pandu-brand__name">"Pandu"</h1>
                <p class="pandu-brand__tag">"Panduan SOP CC PLN 123"</p>
            </header>
            <HostStatus />
            <StorageStatus />
            <QuarantineNotice />
            {move || (!running.get()).then(|| view! { <ResumeList /> })}
            <CallerHeader />
            {move || {
                if running.get() {
                    view! { <CallView /> }.into_any()
                } else {
                    view! {
                        <SopFinder />
                        <VoucherQueue />
                        <HistoryPanel />
                        <WipeAll />
                    }
                        .into_any()
                }
            }}
            <KeyHelp />
        </main>
    }
    .into_any()
}

// Carry out a shortcut; `true` when it did something (the key is then consumed).
fn run_shortcut(ctx: CallCtx, cmd: Command, repeat: bool) -> bool {
    if ctx.pending.get_untracked().is_some() {
        // With a confirmation open only Esc acts: a stray digit must not answer.
        if cmd == Command::Cancel {
            ctx.cancel();
            return true;
        }
        return false;
    }
    if ctx.call.with_untracked(Option::is_none) {
        return false;
    }
    // A held key would otherwise race through several steps.
    if repeat {
        return matches!(cmd, Command::Choose(_) | Command::Continue | Command::Back);
    }
    let kind = ctx.current_step().map(|s| s.kind);
    match cmd {
        Command::Choose(n) => match kind {
            Some(StepKind::Ask { options, .. }) if n <= options.len() => {
                ctx.choose_nth(n);
                true
            }
            _ => false,
        },
        Command::Continue => match kind {
            Some(StepKind::Say { .. } | StepKind::Transfer { .. } | StepKind::Escalate { .. }) => {
                ctx.proceed();
                true
            }
            _ => false,
        },
        Command::Back => {
            ctx.back();
            true
        }
        Command::Cancel => false,
    }
}
