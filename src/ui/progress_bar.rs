use crate::state::use_call;
use leptos::prelude::*;

/// How far the call is: steps answered against the shortest way to an outcome.
#[component]
pub fn ProgressBar() -> impl IntoView {
    let ctx = use_call();
    // One rebuild per transition: the bar and its text change together.
    move || {
        ctx.rev.track();
        let (done, total, finished) = ctx
            .call
            .with_untracked(|c| {
                c.as_ref().map(|c| {
                    ctx.with_cat(|cat| {
                        let (done, total) = c.progress(cat);
                        (done, total.max(1), c.is_finished(cat))
                    })
                })
            })
            .unwrap_or((0, 1, false));
        let (text, value) = if finished {
            (format!("Selesai · {done} langkah dijawab"), total)
        } else {
            (format!("Langkah {} dari ±{}", done + 1, total), done)
        };
        view! {
            <div class="pandu-progress" data-testid="progress">
                <progress
                    class="pandu-progress__bar"
                    aria-label="Kemajuan panggilan"
                    max=total
                    value=value
                ></progress>
                <span class="pandu-progress__text">{text}</span>
            </div>
        }
    }
}
