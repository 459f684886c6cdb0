use crate::state::{use_call, Pending};
use crate::ui::confirm_bar::ConfirmBar;
use leptos::prelude::*;
use pandu_engine::flow::Answer;

/// The call's controls: back, restart (asks first) and leave for another SOP.
#[component]
pub fn CallNav() -> impl IntoView {
    let ctx = use_call();
    let can_back = Memo::new(move |_| ctx.can_go_back());
    // Leaving loses nothing when nothing was answered or the call is done.
    let leave_needs_asking = move || {
        ctx.call.with_untracked(|c| {
            c.as_ref().is_some_and(|c| {
                let answered = c.path.iter().any(|e| !matches!(e.answer, Answer::Auto(_)));
                answered && !ctx.app.catalog.with_value(|cat| c.is_finished(cat))
            })
        })
    };
    view! {
        <nav class="pandu-nav" aria-label="Kendali panggilan">
            <button
                type="button"
                class="pandu-btn"
                data-testid="back"
                aria-keyshortcuts="Alt+ArrowLeft Backspace"
                disabled=move || !can_back.get()
                on:click=move |_| ctx.back()
            >
                <span aria-hidden="true">"← "</span>
                "Kembali"
            </button>
            <button
                type="button"
                class="pandu-btn"
                data-testid="restart"
                on:click=move |_| ctx.ask(Pending::Restart)
            >
                "Ulangi dari awal"
            </button>
            <button
                type="button"
                class="pandu-btn"
                data-testid="leave"
                on:click=move |_| {
                    if leave_needs_asking() { ctx.ask(Pending::Leave) } else { ctx.leave() }
                }
            >
                "Ganti SOP"
            </button>
        </nav>
        {move || {
            ctx.pending
                .get()
                .filter(|p| *p != Pending::Wipe)
                .map(|what| view! { <ConfirmBar what /> })
        }}
    }
}
