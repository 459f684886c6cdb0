use crate::actions::{self, Action, Typed};
use crate::browser::events;
use crate::browser::{self, Dom};
use crate::shift::{Saving, Settings, ShiftCtx};
use crate::state::{AppCtx, CallCtx, HeaderCtx, Pending};
use crate::studio::record_scenario::RecordScenario;
use crate::ui::{CallView, CallerHeader};
use leptos::prelude::*;
use pandu_engine::library::Library;
use pandu_engine::validate;

/// One preview call: the widget's contexts over the draft's catalogue and its call view and caller header, with the root's clicks, typing and ticks carried out as the widget does; nothing is saved.
#[component]
pub fn PreviewCall(lib: Library, sop: String, run: u32) -> impl IntoView {
    let dom = Dom::new();
    let now = browser::now_wib();
    let app = AppCtx::new(
        lib,
        now.date(),
        dom,
        "pandu-studio:pratinjau".into(),
        "./".into(),
    );
    // As in training: nothing of the preview is saved, kept in a history or
    // queued (`AppCtx::live` is false). The shift context is built bare so
    // that the CSO's storage on this origin is never read or touched.
    app.training.set(true);
    let shift = ShiftCtx {
        app,
        settings: Settings::default(),
        saving: RwSignal::new(Saving::Ready),
        history: RwSignal::new(Default::default()),
        queue: RwSignal::new(Default::default()),
        unfinished: RwSignal::new(Vec::new()),
        quarantined: RwSignal::new(Vec::new()),
        clock: RwSignal::new(now),
        status: RwSignal::new(None),
        sent: RwSignal::new(None),
        resume_failed: RwSignal::new(None),
        open: RwSignal::new(None),
    };
    let ctx = CallCtx::new(app, shift);
    let header = HeaderCtx::new();
    provide_context(app);
    provide_context(shift);
    provide_context(ctx);
    provide_context(header);
    let started = ctx.start(&sop);
    let sop_again = sop.clone();

    view! {
        <main
            class="pandu studio__preview"
            data-testid="app"
            data-ready="true"
            data-run=run
            tabindex="-1"
            node_ref=dom.root()
            on:click=move |e| click(ctx, events::acted(dom, &e), &sop_again)
            on:input=move |e| input(ctx, events::edited(dom, &e))
            on:change=move |e| change(ctx, events::acted(dom, &e), events::edited(dom, &e))
            on:pointerdown=move |_| events::pointer_down()
            on:keydown=move |_| events::key_down()
            on:focusout=move |e| focusout(ctx, header, events::edited(dom, &e), events::blur_to_button(&e))
            on:submit=move |e| {
                e.prevent_default();
                ctx.submit(dom.form_values());
            }
        >
            {started.err().map(|e| view! { <p class="pandu-hint" role="alert">{e}</p> })}
            <CallerHeader />
            {move || {
                if ctx.call.with(Option::is_some) {
                    view! { <CallView /> }.into_any()
                } else {
                    view! {
                        <p class="pandu-hint" data-testid="preview-ended">
                            "Pratinjau selesai. Tekan \"Mulai ulang pratinjau\" untuk mencoba lagi."
                        </p>
                    }
                        .into_any()
                }
            }}
            <RecordScenario />
        </main>
    }
}

// The widget's own click handling (`ui/app.rs`), for what a call can do.
fn click(ctx: CallCtx, acted: Option<events::Acted>, sop: &str) {
    let Some(a) = acted else { return };
    match actions::parse(&a.act, &a.arg) {
        Some(Action::Choose(id)) => ctx.choose(&id),
        Some(Action::Next) => ctx.proceed(),
        Some(Action::Back) => ctx.back(),
        Some(Action::BackTo(len)) => ctx.back_to(len),
        Some(Action::Restart) => ctx.ask(Pending::Restart),
        Some(Action::Confirm) => ctx.confirm(),
        Some(Action::Cancel) => ctx.cancel(),
        // "Ganti SOP" and "Selesai" end the preview call; a new one starts
        // with the same SOP at once for "Ganti SOP".
        Some(Action::Leave) => {
            ctx.close();
            let _ = ctx.start(sop);
        }
        Some(Action::Finish) => ctx.close(),
        _ => {}
    }
}

fn input(ctx: CallCtx, edited: Option<events::Edited>) {
    let Some(ed) = edited else { return };
    let v = ed.value;
    match ed.input.as_deref().and_then(actions::typed) {
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
        if ctx.form.errors.with_untracked(|e| e.contains_key(&id)) {
            ctx.check_field(&id, &ctx.app.dom.form_values());
        }
    }
}

fn change(ctx: CallCtx, acted: Option<events::Acted>, edited: Option<events::Edited>) {
    if let Some(a) = acted {
        if let Some(Action::Tick(n)) = actions::parse(&a.act, &a.arg) {
            ctx.tick(n, a.checked());
            return;
        }
    }
    let Some(ed) = edited else { return };
    if let Some(Typed::CallerHonorific) = ed.input.as_deref().and_then(actions::typed) {
        let h = pandu_engine::template::Honorific::parse(&ed.value);
        ctx.edit_caller(move |c| c.honorific = h);
    }
    if let (Some(id), true) = (ed.field, ed.select) {
        ctx.check_field(&id, &ctx.app.dom.form_values());
    }
}

fn focusout(ctx: CallCtx, header: HeaderCtx, edited: Option<events::Edited>, to_button: bool) {
    let Some(ed) = edited else { return };
    let number = match ed.input.as_deref().and_then(actions::typed) {
        Some(Typed::CallerIdpel) => Some((header.idpel, validate::idpel(&ed.value), true)),
        Some(Typed::CallerPhone) => Some((header.phone, validate::phone(&ed.value), false)),
        _ => None,
    };
    if let Some((msg, checked, idpel)) = number {
        match checked {
            _ if ed.value.trim().is_empty() => msg.set(None),
            Ok(v) => {
                msg.set(None);
                ctx.edit_caller(move |c| {
                    if idpel {
                        c.idpel = v.clone();
                    } else {
                        c.phone = v.clone();
                    }
                });
            }
            Err(m) if !to_button => msg.set(Some(m)),
            Err(_) => {}
        }
    }
    if let Some(id) = ed.field {
        if to_button {
            return;
        }
        let touched = ctx.form.touched.with_value(|t| t.contains(&id));
        if touched || !ed.value.is_empty() {
            ctx.check_field(&id, &ctx.app.dom.form_values());
        }
    }
}
