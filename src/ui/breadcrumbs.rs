use crate::actions::Action;
use crate::nav::crumbs;
use crate::state::use_call;
use crate::ui::use_dom;
use leptos::prelude::*;

/// The path so far: each answered step, a click takes the call back to it.
#[component]
pub fn Breadcrumbs() -> impl IntoView {
    let ctx = use_call();
    let h = use_dom().id("path-h");
    move || {
        ctx.rev.track();
        let (done, here) = ctx
            .call
            .with_untracked(|c| {
                c.as_ref().map(|c| {
                    ctx.with_cat(|cat| {
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
                <nav class="pandu-path" aria-labelledby=h.clone() data-testid="path">
                    <h3 id=h.clone() class="pandu-path__title">"Jejak panggilan"</h3>
                    <ol class="pandu-path__list">
                        {done
                            .into_iter()
                            .map(|c| {
                                let label = if c.answer.is_empty() {
                                    c.title
                                } else {
                                    format!("{}: {}", c.title, c.answer)
                                };
                                let act = Action::BackTo(c.len);
                                view! {
                                    <li class="pandu-path__item">
                                        <button
                                            type="button"
                                            class="pandu-path__link"
                                            data-testid="breadcrumb"
                                            data-act=act.act()
                                            data-arg=act.arg()
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
