use crate::screen;
use crate::state::use_call;
use leptos::prelude::*;

/// The sub-flows this topic did not ask again, because an earlier topic of the call recorded them (SOP 001 once per call).
#[component]
pub fn ReusedNote() -> impl IntoView {
    let ctx = use_call();
    move || {
        ctx.rev.track();
        let reused = ctx
            .call
            .with_untracked(|c| {
                c.as_ref()
                    .map(|c| ctx.with_cat(|cat| screen::reused(cat, c)))
            })
            .unwrap_or_default();
        (!reused.is_empty()).then(|| {
            reused
                .into_iter()
                .map(|r| {
                    let values = r
                        .values
                        .into_iter()
                        .map(|(label, value)| {
                            view! {
                                <li>
                                    <span class="pandu-notice__label">{label}</span>
                                    ": "
                                    <span class="pandu-notice__value" data-testid="reused-value">{value}</span>
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <div class="pandu-notice" data-testid="reused">
                            <p class="pandu-notice__title">
                                <span data-testid="reused-title">{r.title}</span>
                                ": sudah dicatat di topik sebelumnya, tidak ditanyakan lagi"
                            </p>
                            <ul class="pandu-notice__list">{values}</ul>
                        </div>
                    }
                })
                .collect_view()
        })
    }
}
