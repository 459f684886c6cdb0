use crate::actions::{self, Action, Typed};
use crate::browser::clipboard::{self, CopyOutcome};
use crate::browser::events::{self, Acted, Edited};
use crate::browser::{self, Dom};
use crate::catalogue;
use crate::hooks::Hook;
use crate::host::{HostConfig, HostCtx, PackNotice, Sink};
use crate::keys::{self, Pressed, Route, Shortcut, Situation};
use crate::screen::Ending;
use crate::shift::{Settings, ShiftCtx};
use crate::state::{AppCtx, CallCtx, CopyCtx, FinderCtx, HeaderCtx, Pending};
use crate::store;
#[cfg(feature = "training")]
use crate::trainer::TrainCtx;
use crate::ui::call_view::CallView;
use crate::ui::caller_header::CallerHeader;
use crate::ui::history_panel::HistoryPanel;
use crate::ui::host_status::HostStatus;
use crate::ui::key_help::KeyHelp;
use crate::ui::quarantine_notice::QuarantineNotice;
use crate::ui::resume_list::ResumeList;
use crate::ui::share_button;
use crate::ui::sop_finder::SopFinder;
use crate::ui::storage_status::StorageStatus;
#[cfg(feature = "training")]
use crate::ui::training_screen::TrainingScreen;
use crate::ui::training_toggle::TrainingToggle;
use crate::ui::update_notice::{self, UpdateNotice};
use crate::ui::voucher_queue::VoucherQueue;
use crate::ui::wipe_all::WipeAll;
use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use pandu_engine::contract::HostMessage;
use pandu_engine::library::Library;
use pandu_engine::{saved, validate};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsValue;

/// Where `Pandu.mount`'s `handle.send(message)` delivers: the mounted widget
/// puts its message handler here once its contexts exist.
pub type Inbox = Rc<RefCell<Option<Box<dyn Fn(JsValue)>>>>;

/// Every context the root's event handlers act on.
#[derive(Clone, Copy)]
struct Ui {
    ctx: CallCtx,
    finder: FinderCtx,
    header: HeaderCtx,
    #[cfg(feature = "training")]
    train: TrainCtx,
    // The live bundle has no training: it sends the user to the training
    // page, or asks the host page's `pandu-embed.js` (a mounted widget).
    #[cfg(not(feature = "training"))]
    mounted: bool,
}

/// The whole widget: restores what was saved, talks to the host console, listens to every click and keystroke at its own root (never the page's), and shows the caller header and either the start screen or the call.
#[component]
pub fn App(
    lib: Library,
    config: HostConfig,
    pack: Vec<PackNotice>,
    inbox: Option<Inbox>,
) -> impl IntoView {
    let dom = Dom::new();
    let tab = store::tab_key(config.slot.as_deref());
    let caller_key = store::caller_key(config.slot.as_deref());
    let app = AppCtx::new(
        lib,
        browser::now_wib().date(),
        dom,
        tab,
        config.assets.clone(),
    );
    let (shift, saved_calls) = ShiftCtx::open(app, Settings::from_page());
    let ctx = CallCtx::new(app, shift);
    let framed = matches!(config.sink, Sink::Parent);
    let context = config.context.clone();
    let training = config.training;
    #[cfg(feature = "training")]
    let (sim_date, assets) = (config.sim_date.clone(), config.assets.clone());
    #[cfg(not(feature = "training"))]
    let mounted = config.slot.is_some();
    let host = HostCtx::new(config, pack);
    let ui = Ui {
        ctx,
        finder: FinderCtx::new(),
        header: HeaderCtx::new(),
        #[cfg(feature = "training")]
        train: TrainCtx::new(app, host, assets, training, sim_date.as_deref()),
        #[cfg(not(feature = "training"))]
        mounted,
    };
    provide_context(app);
    provide_context(shift);
    provide_context(ctx);
    provide_context(host);
    provide_context(ui.finder);
    provide_context(ui.header);
    #[cfg(feature = "training")]
    provide_context(ui.train);

    // A reload (or a crash) of this tab brings this widget's own call back;
    // the calls of other tabs, and of tabs that were closed, are listed to resume.
    let own = app
        .tab
        .with_value(|key| store::tab_call(key))
        .filter(|id| saved_calls.iter().any(|s| s.call.id == *id));
    let resumed = own.is_some_and(|id| ctx.resume(&id));
    if !resumed {
        app.set_tab_call(None);
        shift.list_unfinished(&saved_calls, None);
        // The header typed before the reload, with no call started yet.
        if let Some(caller) = store::caller(&caller_key) {
            ctx.caller.set(caller);
        }
    }

    // The host console: context given at mount, messages from the parent
    // frame or through `handle.send`, and events about the call.
    if let Some(caller) = context {
        let cso = host.cso.get_untracked();
        let _ = host.carry_out(ctx, HostMessage::Context { caller, cso });
    }
    // `message` and `storage` are the window's by nature; each widget acts
    // on them for itself only.
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

    let running = Memo::new(move |_| ctx.call.with(Option::is_some));
    // While no call runs the header is the widget's own: kept for a reload
    // of this tab (a running call keeps it in itself).
    Effect::new(move |_| {
        let caller = ctx.caller.get();
        if app.live() {
            let none = pandu_engine::flow::Caller::default();
            let kept = if running.get() { &none } else { &caller };
            let _ = store::save_caller(&caller_key, kept);
        }
    });
    // A new call (or topic) starts from an empty finder, not the last query.
    let call_id = Memo::new(move |_| ctx.call.with(|c| c.as_ref().map(|c| c.id.clone())));
    let finder = ui.finder;
    Effect::new(move |_| {
        if call_id.get().is_some() {
            finder.query.set(String::new());
            finder.error.set(None);
        }
    });
    // Which screen: training (`None`), or live calls with or without a call running.
    let screen = Memo::new(move |_| (!app.training.get()).then(|| running.get()));
    let ready = RwSignal::new(false);
    // Effects run after the first render, i.e. once the finder is in the DOM.
    Effect::new(move |_| {
        if !ready.get_untracked() {
            ready.set(true);
            browser::mark_ready();
            app.with_cat(|cat| host.ready(cat));
            // The first thing a CSO does is look for the SOP (unless a
            // reload brought a call back: its step has the focus then).
            if !resumed {
                dom.focus_soon_if_free(Hook::Search);
            }
            // Asked for training (`?mode=latihan`, the mount option `mode`)
            // of the live bundle: training is a bundle of its own.
            if training && !cfg!(feature = "training") {
                training_action(ui, Action::Training(true));
            }
        }
    });

    // Keys are heard at the root, like clicks: a key pressed outside the
    // widget (the host's page, another widget) is not this widget's. The root
    // takes the focus of a click on its text (`tabindex="-1"`), so the
    // shortcuts keep working after one.
    view! {
        <main
            class="pandu"
            class:pandu--embed=host.embed
            data-testid="app"
            tabindex="-1"
            node_ref=dom.root()
            data-ready=move || ready.get().then_some("true")
            on:click=move |e| click(ui, events::acted(dom, &e))
            on:input=move |e| input(ui, events::edited(dom, &e))
            on:change=move |e| change(ui, events::acted(dom, &e), events::edited(dom, &e))
            on:pointerdown=move |_| events::pointer_down()
            on:focusout=move |e| {
                focusout(ui, events::edited(dom, &e), events::blur_to_button(&e))
            }
            on:submit=move |e| {
                e.prevent_default();
                ctx.submit(dom.form_values());
            }
            on:keydown=move |e| {
                if key(ui, &events::pressed(dom, &e)) {
                    e.prevent_default();
                }
            }
        >
            <header class="pandu-brand">
                <h1 class="pandu-brand__name">"Pandu"</h1>
                <p class="pandu-brand__tag">"Panduan SOP CC PLN 123"</p>
            </header>
            <HostStatus />
            <UpdateNotice />
            {move || match screen.get() {
                // Live calls: saved, kept in the history and the queue.
                Some(true) => {
                    view! {
                        <StorageStatus />
                        <QuarantineNotice />
                        <CallerHeader />
                        <CallView />
                    }
                        .into_any()
                }
                Some(false) => {
                    view! {
                        <StorageStatus />
                        <QuarantineNotice />
                        <ResumeList />
                        <CallerHeader />
                        <SopFinder />
                        <VoucherQueue />
                        <HistoryPanel />
                        <WipeAll />
                        <TrainingToggle />
                    }
                        .into_any()
                }
                None => training_screen(),
            }}
            <KeyHelp />
        </main>
    }
    .into_any()
}

// A click on anything with a `data-act`.
fn click(ui: Ui, acted: Option<Acted>) {
    let Some(a) = acted else { return };
    let Some(action) = actions::parse(&a.act, &a.arg) else {
        return;
    };
    let ctx = ui.ctx;
    match action {
        Action::Start(id) => open_sop(ui, &id),
        Action::Suggest(word) => {
            ui.finder.error.set(None);
            ui.finder.query.set(word);
            ctx.app.dom.focus_soon(Hook::Search.selector());
        }
        Action::Choose(id) => ctx.choose(&id),
        Action::Next => ctx.proceed(),
        Action::Back => ctx.back(),
        Action::BackTo(len) => ctx.back_to(len),
        Action::Restart => ctx.ask(Pending::Restart),
        Action::Leave => ctx.leave_or_ask(),
        Action::Wipe => ctx.ask(Pending::Wipe),
        Action::Confirm => ctx.confirm(),
        Action::Cancel => ctx.cancel(),
        // The closing lines first, when the call has some; then the end.
        Action::Finish => {
            if ctx.wind_up() == Ending::End {
                #[cfg(feature = "training")]
                if ctx.app.training.get_untracked() {
                    ui.train.finish(ctx);
                    return;
                }
                ctx.finish(true);
            }
        }
        Action::NextTopic => {
            ui.finder.error.set(None);
            ui.finder.query.set(String::new());
            ctx.open_topics();
        }
        Action::TopicCancel => ctx.close_topics(),
        Action::Resume(id) => {
            ctx.resume(&id);
        }
        Action::Copy => copy(ctx.app.copy, ctx.app.dom, &a),
        Action::Share => share_button::share(ctx.app.copy, ctx.app.dom, a),
        Action::Reload => update_notice::reload(ctx),
        Action::ToggleHistory(id) => ctx.shift.open.update(|open| {
            *open = if open.as_deref() == Some(id.as_str()) {
                None
            } else {
                Some(id)
            };
        }),
        Action::SendPjSite => ctx.shift.send_to_pj_site(),
        // Ticks follow the checkbox's `change`, which a click on its label also fires.
        Action::Tick(_) => {}
        Action::Training(_)
        | Action::Drill(_)
        | Action::DrillQuit
        | Action::ExportCsv
        | Action::ExportJson
        | Action::ClearDate => training_action(ui, action),
    }
}

// The training screens: the drills, a drill being played, its score.
#[cfg(feature = "training")]
fn training_screen() -> AnyView {
    view! { <TrainingScreen /> }.into_any()
}

// The live bundle never shows training (its `app.training` stays false).
#[cfg(not(feature = "training"))]
fn training_screen() -> AnyView {
    ().into_any()
}

#[cfg(feature = "training")]
fn training_action(ui: Ui, action: Action) {
    ui.train.act(ui.ctx, action);
}

// Only the way into training reaches the live bundle: it leaves for the
// training bundle (the page, or the host's `pandu-embed.js`), and says so
// if it cannot.
#[cfg(not(feature = "training"))]
fn training_action(ui: Ui, action: Action) {
    if action != Action::Training(true) {
        return;
    }
    let went = if ui.mounted {
        ui.ctx.app.dom.ask_mode("latihan")
    } else {
        browser::net::open_training_page()
    };
    if let Err(e) = went {
        ui.finder.error.set(Some(format!(
            "Mode latihan tidak dapat dibuka: {e}. Muat ulang halaman (F5) atau laporkan kepada Team Leader."
        )));
    }
}

// Open an SOP from the finder (in a drill: only the one the caller needs).
// The SOP's steps are fetched first when this is its first call (cached by
// the service worker after that, offline too).
fn open_sop(ui: Ui, id: &str) {
    ui.finder.error.set(None);
    let sop = id.to_string();
    catalogue::when_ready(
        ui.ctx.app,
        id,
        move || {
            #[cfg(feature = "training")]
            if ui.ctx.app.training.get_untracked() {
                return ui.train.pick(ui.ctx, &sop);
            }
            if ui.ctx.picking.get_untracked() {
                ui.ctx.next_topic(&sop)
            } else {
                ui.ctx.start(&sop)
            }
        },
        move |e| ui.finder.error.set(Some(e)),
    );
}

// Copy the text a copy button carries; the status always says whether it worked.
fn copy(copy: CopyCtx, dom: Dom, a: &Acted) {
    let text = a.attr("data-copy").unwrap_or_default();
    let name = a.attr("data-name").unwrap_or_default();
    let select = a.attr("data-select");
    // Cleared first so that copying the same field twice is announced twice.
    copy.clear();
    spawn_local(async move {
        let message = match clipboard::copy_text(&text).await {
            CopyOutcome::Clipboard => format!("Tersalin: {name}"),
            CopyOutcome::Fallback => format!("Tersalin (cara cadangan): {name}"),
            CopyOutcome::Failed => {
                match select {
                    Some(sel) => dom.select_text_soon(sel),
                    None => {
                        copy.manual.set(Some(text));
                        dom.select_text_soon(Hook::CopyManual.selector());
                    }
                }
                "Gagal menyalin: pilih teks lalu tekan Ctrl+C".to_string()
            }
        };
        copy.status.set(message);
    });
}

// A keystroke in a text box the widget follows, or in a field of the form.
fn input(ui: Ui, edited: Option<Edited>) {
    let Some(ed) = edited else { return };
    let ctx = ui.ctx;
    let v = ed.value;
    let in_form = ed.field.as_ref().map(|_| v.clone());
    match ed.input.as_deref().and_then(actions::typed) {
        Some(Typed::Search) => {
            ui.finder.error.set(None);
            ui.finder.query.set(v);
        }
        Some(Typed::CallerName) => ctx.edit_caller(move |c| c.name = v.clone()),
        Some(Typed::CallerIdpel) => ctx.edit_caller(move |c| c.idpel = v.clone()),
        Some(Typed::CallerPhone) => ctx.edit_caller(move |c| c.phone = v.clone()),
        _ => {}
    }
    if let Some(id) = ed.field {
        ctx.form.touched.update_value(|t| {
            if !t.contains(&id) {
                t.push(id.clone());
            }
        });
        // Saved with the call once typing pauses: a reload gives it back.
        ctx.draft_soon(id.clone(), in_form.unwrap_or_default());
        // An error already shown clears as soon as the input is right.
        if ctx
            .form
            .errors
            .with_untracked(|errs| errs.contains_key(&id))
        {
            ctx.check_field(&id, &ctx.app.dom.form_values());
        }
    }
}

// A select or checkbox changed.
fn change(ui: Ui, acted: Option<Acted>, edited: Option<Edited>) {
    let ctx = ui.ctx;
    if let Some(a) = acted {
        if let Some(Action::Tick(n)) = actions::parse(&a.act, &a.arg) {
            ctx.tick(n, a.checked());
            return;
        }
    }
    let Some(ed) = edited else { return };
    match ed.input.as_deref().and_then(actions::typed) {
        Some(Typed::CallerHonorific) => {
            let h = pandu_engine::template::Honorific::parse(&ed.value);
            ctx.edit_caller(move |c| c.honorific = h);
        }
        // A date box gives `YYYY-MM-DD`, or nothing when cleared.
        #[cfg(feature = "training")]
        Some(Typed::SimulatedDate) => ui.train.set_date(pandu_engine::dates::parse_iso(&ed.value)),
        _ => {}
    }
    // A select is done when it changes; text boxes are checked when left.
    if let (Some(id), true) = (ed.field, ed.select) {
        ctx.check_field(&id, &ctx.app.dom.form_values());
    }
}

// The focus left a control: numbers in the header are normalised, a field
// of the form is checked. Not when the focus went to a button: a message
// appearing above it would move it from under the pointer and lose the click.
fn focusout(ui: Ui, edited: Option<Edited>, to_button: bool) {
    let Some(ed) = edited else { return };
    let ctx = ui.ctx;
    match ed.input.as_deref().and_then(actions::typed) {
        Some(Typed::CallerIdpel) => {
            let raw = ctx.caller.with_untracked(|c| c.idpel.clone());
            let checked = (!raw.trim().is_empty()).then(|| validate::idpel(&raw));
            settle_number(ctx, checked, ui.header.idpel, to_button, |c, v| c.idpel = v);
        }
        Some(Typed::CallerPhone) => {
            let raw = ctx.caller.with_untracked(|c| c.phone.clone());
            let checked = (!raw.trim().is_empty()).then(|| validate::phone(&raw));
            settle_number(ctx, checked, ui.header.phone, to_button, |c, v| c.phone = v);
        }
        _ => {}
    }
    if let Some(id) = ed.field {
        ctx.save_drafts();
        if to_button {
            return;
        }
        // Tabbing through an untouched empty field is not an error yet.
        let touched = ctx.form.touched.with_value(|t| t.contains(&id));
        let shown = ctx
            .form
            .errors
            .with_untracked(|errs| errs.contains_key(&id));
        if touched || shown || !ed.value.is_empty() {
            ctx.check_field(&id, &ctx.app.dom.form_values());
        }
    }
}

// Apply a header number check: store the normal form, or show why it is
// wrong (both numbers are optional: a wrong one never blocks the call).
fn settle_number(
    ctx: CallCtx,
    checked: Option<Result<String, String>>,
    msg: RwSignal<Option<String>>,
    to_button: bool,
    store: fn(&mut pandu_engine::flow::Caller, String),
) {
    match checked {
        None => msg.set(None),
        Some(Ok(v)) => {
            msg.set(None);
            ctx.edit_caller(move |c| store(c, v.clone()));
        }
        Some(Err(m)) if !to_button => msg.set(Some(m)),
        Some(Err(_)) => {}
    }
}

// Keys: list navigation where the focus is, then the shortcuts (both as
// pure functions in `keys.rs`); `true` when the key was taken.
fn key(ui: Ui, k: &Pressed) -> bool {
    let ctx = ui.ctx;
    let dom = ctx.app.dom;
    if let Some(route) = keys::route(k) {
        match route {
            Route::OpenBest => {
                let first = ui.finder.hits(ctx.app).hits.first().map(|h| h.index);
                if let Some(id) =
                    first.and_then(|i| ctx.app.with_cat(|c| c.sops.get(i).map(|s| s.id.clone())))
                {
                    open_sop(ui, &id);
                }
            }
            Route::Focus(hook) => dom.focus_soon(hook.selector()),
            Route::Walk { list, delta, above } => {
                if !dom.move_focus(list, delta) {
                    if let Some(hook) = above {
                        dom.focus_soon(hook.selector());
                    }
                }
            }
            Route::Submit => ctx.submit(dom.form_values()),
            Route::Onward => ctx.onward(|| dom.form_values()),
        }
        return true;
    }
    let Some(cmd) = keys::command(&k.press()) else {
        return false;
    };
    let now = Situation {
        confirming: ctx.pending.get_untracked().is_some() || ctx.picking.get_untracked(),
        step: ctx.step_shape(),
        repeat: k.repeat,
    };
    let Some(shortcut) = keys::shortcut(cmd, now) else {
        return false;
    };
    match shortcut {
        Shortcut::Cancel => ctx.cancel(),
        Shortcut::Choose(n) => ctx.choose_nth(n),
        Shortcut::Continue => ctx.proceed(),
        Shortcut::Back => ctx.back(),
        Shortcut::Hold => {}
    }
    true
}
