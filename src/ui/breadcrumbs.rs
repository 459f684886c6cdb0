use crate::state::{crumbs, use_call};
use leptos::prelude::*;

/// The path so far: each answered step, a click takes the call back to it.
#[component]
pub fn Breadcrumbs() -> impl IntoView {
    let ctx = use_call();
    move || {
        ctx.rev.track();
        let (done, here) = ctx
            .call
            .with_untracked(|c| {
                c.as_ref().map(|c| {
                    ctx.app.with_cat(|cat| {
                        let here = c
                            .current(cat)
                            .map(pandu_engine::Step::label)
                            .unwrap_or_default();
                        (crumbs(cat, c), here)
                    })
                })
            })
            .unwrap_or_default();
        (!done.is_empty()).then(|| {
            view! {
                <nav class="pandu-path" aria-labelledby="pandu-path-h" data-testid="path">
                    <h3 id="pandu-path-h" class="pandu-path__title">"Jejak panggilan"</h3>
                    <ol class="pandu-path__list">
                        {done
                            .into_iter()
                            .map(|c| {
                                let label = if c.answer.is_empty() {
                                    c.title
                                } else {
                                    format!("{}: {}", c.title, c.answer)
                                };
                                view! {
                                    <li class="pandu-path__item">
                                        <button
                                            type="button"
                                            class="pandu-path__link"
                                            data-testid="breadcrumb"
                                            data-act="back-to"
                                            data-arg=c.len
                                            data-len=c.len
                                            title="Kembali ke langkah ini"
                                        >
                                            {label}
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                        <li class="pandu-path__item pandu-path__item--here" aria-current="step">
                            {here}
                        </li>
                    </ol>
                </nav>
            }
        })
    }
}
