use crate::browser::studio as dom;
use crate::studio::check::{self, Severity};
use crate::studio::state::use_studio;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// The SOP file as text with a line-number gutter; lines with a problem are marked in the gutter.
#[component]
pub fn Editor() -> impl IntoView {
    let ctx = use_studio();
    let count = Memo::new(move |_| ctx.text.with(|t| check::line_count(t)));
    // The worst problem of each line, for the gutter.
    let marks = Memo::new(move |_| {
        ctx.checked.with(|c| {
            let mut m: BTreeMap<usize, Severity> = BTreeMap::new();
            for p in &c.problems {
                if let Some(l) = p.line {
                    let e = m.entry(l).or_insert(p.severity);
                    if p.severity == Severity::Error {
                        *e = Severity::Error;
                    }
                }
            }
            m
        })
    });
    view! {
        <div class="studio__editor">
            <div class="studio__gutter" node_ref=ctx.gutter aria-hidden="true">
                {move || {
                    let marks = marks.get();
                    (1..=count.get())
                        .map(|n| {
                            let class = match marks.get(&n) {
                                Some(Severity::Error) => "studio__ln studio__ln--error",
                                Some(Severity::Warning) => "studio__ln studio__ln--warning",
                                None => "studio__ln",
                            };
                            view! { <span class=class>{n}</span> }
                        })
                        .collect_view()
                }}
            </div>
            <textarea
                class="studio__text"
                data-testid="editor"
                aria-label="Teks SOP (TOML)"
                spellcheck="false"
                wrap="off"
                node_ref=ctx.area
                prop:value=move || ctx.text.get()
                on:input=move |e| ctx.edit(event_target_value(&e))
                on:scroll=move |_| dom::sync_scroll(ctx.area, ctx.gutter)
            ></textarea>
        </div>
    }
}
