use crate::state::use_call;
use crate::ui::composed_view::ComposedView;
use crate::ui::copy_manual::CopyManual;
use crate::ui::copy_status::CopyStatus;
use crate::ui::use_dom;
use leptos::prelude::*;

/// The topics of this call that ended before the current one: each one's tickets, folded, to copy again.
#[component]
pub fn EarlierTopics() -> impl IntoView {
    let ctx = use_call();
    let h = use_dom().id("earlier-h");
    move || {
        // Topics are only added by a transition.
        ctx.rev.track();
        let topics = ctx
            .call
            .with_untracked(|c| c.as_ref().map(|c| c.earlier.clone()))
            .unwrap_or_default();
        if topics.is_empty() {
            return ().into_any();
        }
        let titles: Vec<String> = ctx.with_cat(|cat| {
            topics
                .iter()
                .map(|t| {
                    cat.get(&t.sop)
                        .map_or_else(|| t.sop.clone(), |s| s.title.clone())
                })
                .collect()
        });
        // At an outcome its own copy status says it; before, this one does.
        let status = ctx.finished_at.get_untracked().is_none();
        let items = topics
            .into_iter()
            .zip(titles)
            .enumerate()
            .map(|(i, (t, title))| {
                let n = i + 1;
                let sop = t.sop.clone();
                let summary = t.composed.summary.clone();
                let composed = Signal::derive(move || Some(t.composed.clone()));
                view! {
                    <li class="pandu-earlier__item">
                        <details class="pandu-earlier__topic" data-testid="earlier-topic" data-sop-id=sop>
                            <summary class="pandu-earlier__head">
                                <span class="pandu-earlier__n">"Topik " {n}</span>
                                " · "
                                <span data-testid="earlier-title">{title}</span>
                                <span class="pandu-earlier__sum">{summary}</span>
                            </summary>
                            <div class="pandu-outcome">
                                <ComposedView composed quiet=true scope=format!("t{n}-") />
                            </div>
                        </details>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section class="pandu-earlier" aria-labelledby=h.clone() data-testid="earlier-topics">
                <h3 id=h.clone() class="pandu-earlier__title">
                    "Topik sebelumnya dalam panggilan ini (tiket sudah masuk riwayat)"
                </h3>
                <ol class="pandu-earlier__list">{items}</ol>
                {status.then(|| view! { <CopyStatus testid="earlier-copy-status" /> <CopyManual /> })}
            </section>
        }
        .into_any()
    }
}
