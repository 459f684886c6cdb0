use crate::state::use_call;
use crate::ui::breadcrumbs::Breadcrumbs;
use crate::ui::call_nav::CallNav;
use crate::ui::earlier_topics::EarlierTopics;
use crate::ui::notice_panel::NoticePanel;
use crate::ui::progress_bar::ProgressBar;
use crate::ui::reused_note::ReusedNote;
use crate::ui::sop_map::{MapMarks, Marked, SopMap};
use crate::ui::status_badge::StatusBadge;
use crate::ui::step_view::StepView;
use crate::ui::use_dom;
use leptos::either::Either;
use leptos::prelude::*;
use pandu_engine::dates;
use pandu_engine::map_marks;
use pandu_engine::search::{self, Status};
use std::rc::Rc;

/// The running call: which SOP, how far, the path so far, the current step and the call's controls.
#[component]
pub fn CallView() -> impl IntoView {
    let ctx = use_call();
    let app = ctx.app;
    // The top-level SOP: a next topic changes it while the view lives.
    let sop_id = Memo::new(move |_| {
        ctx.rev.track();
        ctx.call
            .with_untracked(|c| c.as_ref().map(|c| c.sop.clone()))
    });
    let call_id = ctx
        .call
        .with_untracked(|c| c.as_ref().map(|c| c.id.clone()));
    let h = use_dom().id("call-h");
    let head = {
        let h = h.clone();
        move || {
            let sop = sop_id
                .get()
                .and_then(|id| ctx.with_cat(|cat| cat.get(&id).cloned()));
            let Some(sop) = sop else {
                return view! { <p class="pandu-hint" role="alert">"SOP panggilan ini tidak ditemukan."</p> }
                    .into_any();
            };
            let status = search::status(&sop, app.today.get_untracked());
            let ended = match status {
                Status::Ended(d) => Some(format!(
                    "SOP ini sudah berakhir pada {}. Tetap dapat dijalankan untuk menjawab pertanyaan \
                     penelepon atau untuk latihan.",
                    dates::dmy(d)
                )),
                Status::NotYet(d) => Some(format!(
                    "SOP ini baru berlaku mulai {}. Pastikan memang SOP ini yang dimaksud.",
                    dates::dmy(d)
                )),
                Status::InForce => None,
            };
            view! {
                <header class="pandu-call__head">
                    <h2 id=h.clone() class="pandu-call__title">{sop.title}</h2>
                    <p class="pandu-call__meta">
                        <span>"SOP " {sop.seed} " · versi " {sop.version}</span>
                        <StatusBadge status />
                    </p>
                    {ended.map(|text| view! { <p class="pandu-banner" data-testid="sop-ended">{text}</p> })}
                </header>
            }
            .into_any()
        }
    };

    // Where the call is, on the map of the SOP of its step.
    let here: Marked = Rc::new(move || {
        ctx.rev.track();
        ctx.call.with_untracked(|c| {
            let (sop, marks) = map_marks::of_call(c.as_ref()?);
            let version = ctx.with_cat(|cat| cat.get(&sop).map(|s| s.version.clone()))?;
            Some(MapMarks {
                sop,
                version,
                marks,
            })
        })
    });

    let fresh = std::cell::Cell::new(false);
    view! {
        <section
            class="pandu-call"
            aria-labelledby=h
            data-testid="call"
            data-sop-id=move || sop_id.get()
            data-call-id=call_id
        >
            {head}
            <EarlierTopics />
            <ProgressBar />
            <NoticePanel />
            <ReusedNote />
            // Rebuilt on transitions only: caller-header edits re-render the
            // text inside the step without losing what the CSO typed. Built
            // afresh each time (alternating sides of an `Either`): Leptos
            // would otherwise patch the previous step's DOM in place, and a
            // box ticked or text typed there would still show in this one.
            {move || {
                ctx.rev.track();
                fresh.set(!fresh.get());
                if fresh.get() {
                    Either::Left(view! { <StepView /> })
                } else {
                    Either::Right(view! { <StepView /> })
                }
            }}
            <CallNav />
            <SopMap
                what=here
                title="Peta SOP"
                legend="Kotak bergaris merah: langkah sekarang. Kotak kuning: langkah yang sudah dilalui."
            />
            // Below the step on purpose: in a narrow side panel the step the
            // CSO is reading stays near the top.
            <Breadcrumbs />
        </section>
    }
    .into_any()
}
