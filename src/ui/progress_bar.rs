use crate::state::use_call;
use leptos::prelude::*;

/// How far the call is: steps answered against the shortest way to an outcome.
#[component]
pub fn ProgressBar() -> impl IntoView {
    let ctx = use_call();
    let progress = Memo::new(move |_| {
        ctx.call.with(|c| {
            c.as_ref().map(|c| {
                let finished = ctx.app.catalog.with_value(|cat| c.is_finished(cat));
                let (done, total) = ctx.app.catalog.with_value(|cat| c.progress(cat));
                (done, total.max(1), finished)
            })
        })
    });
    let text = move || match progress.get() {
        Some((done, _, true)) => format!("Selesai · {done} langkah dijawab"),
        Some((done, total, false)) => format!("Langkah {} dari ±{}", done + 1, total),
        None => String::new(),
    };
    view! {
        <div class="pandu-progress" data-testid="progress">
            <progress
                class="pandu-progress__bar"
                aria-label="Kemajuan panggilan"
                max=move || progress.get().map(|p| p.1).unwrap_or(1)
                value=move || progress.get().map(|p| if p.2 { p.1 } else { p.0 }).unwrap_or(0)
            ></progress>
            <span class="pandu-progress__text">{text}</span>
        </div>
    }
}
