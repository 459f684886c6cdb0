use crate::state::{crumbs, step_title, use_call};
use leptos::prelude::*;

/// The path so far: each answered step, a click takes the call back to it.
#[component]
pub fn Breadcrumbs() -> impl IntoView {
    let ctx = use_call();
    let path = Memo::new(move |_| {
        ctx.call.with(|c| {
            c.as_ref()
                .map(|c| {
                    ctx.app.catalog.with_value(|cat| {
                        let here = c.current(cat).map(step_title).unwrap_or_default();
                        (crumbs(cat, c), here)
                    })
                })
                .unwrap_or_default()
        })
    });
    move || {
        let (done, here) = path.get();
        (!done.is_empty()).then(|| {
            view! {
                <nav class="pandu-path" aria-labelledby="pandu-path-h" data-testid="path">
                    <h3 id="pandu-path-h" class="pandu-path__title">"Jejak panggilan"</h3>
                    <ol class="pandu-path__list">
                        {done
                            .into_iter()
                            .map(|c| {
                                let len = c.len;
                                let label = if c.answer.is_empty() {
                                    c.title.clone()
                                } else {
                                    format!("{}: {}", c.title, c.answer)
                                };
                                view! {
                                    <li class="pandu-path__item">
                                        <button
                                            type="button"
                                            class="pandu-path__link"
                                            data-testid="breadcrumb"
                                            data-len=len
                                            title="Kembali ke langkah ini"
                                            on:click=move |_| ctx.back_to(len)
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
