use crate::state::use_app;
use crate::ui::status_badge::StatusBadge;
use leptos::prelude::*;
use pandu_engine::search;

/// One SOP in the finder: title, seed, whether it is in force, and what it is for.
#[component]
pub fn SopItem(
    // Index into the catalogue.
    index: usize,
) -> impl IntoView {
    let app = use_app();
    let Some(sop) = app.with_cat(|c| c.sops.get(index).cloned()) else {
        return ().into_any();
    };
    let status = search::status(&sop, app.today.get_untracked());
    let mut class = String::from("pandu-sop");
    if matches!(status, search::Status::Ended(_)) {
        class.push_str(" pandu-sop--ended");
    }
    if sop.subflow {
        class.push_str(" pandu-sop--sub");
    }
    view! {
        <button
            type="button"
            class=class
            data-testid="sop-item"
            data-act="start"
            data-arg=sop.id.clone()
            data-sop-id=sop.id
            data-status=status.as_str()
        >
            <span class="pandu-sop__title">{sop.title}</span>
            <span class="pandu-sop__meta">
                <span class="pandu-sop__seed">"SOP " {sop.seed}</span>
                <StatusBadge status />
                {sop.subflow.then(|| view! { <span class="pandu-badge pandu-badge--sub">"Sub-alur"</span> })}
            </span>
            {(!sop.summary.is_empty())
                .then(|| view! { <span class="pandu-sop__summary">{sop.summary}</span> })}
        </button>
    }
    .into_any()
}
