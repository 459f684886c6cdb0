use crate::browser;
use crate::state::use_app;
use crate::ui::status_badge::StatusBadge;
use leptos::prelude::*;
use pandu_engine::search;

/// One SOP in the finder: title, seed, whether it is in force, and what it is for.
#[component]
pub fn SopItem(
    // Index into the catalogue.
    index: usize,
    // Called with the SOP id when the CSO opens it.
    on_pick: Callback<String>,
) -> impl IntoView {
    let app = use_app();
    let Some(sop) = app.catalog.with_value(|c| c.sops.get(index).cloned()) else {
        return ().into_any();
    };
    let status = search::status(&sop, app.today);
    let id = sop.id.clone();
    // Arrow keys walk the list, so the finder needs no Tab marathon.
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let delta = match ev.key().as_str() {
            "ArrowDown" => 1,
            "ArrowUp" => -1,
            _ => return,
        };
        ev.prevent_default();
        if !browser::move_focus("[data-testid=\"sop-item\"]", delta) && delta < 0 {
            browser::focus_soon("[data-testid=\"sop-search\"]");
        }
    };
    view! {
        <button
            type="button"
            class="pandu-sop"
            class:pandu-sop--ended=matches!(status, search::Status::Ended(_))
            class:pandu-sop--sub=sop.subflow
            data-testid="sop-item"
            data-sop-id=sop.id.clone()
            data-status=status.as_str()
            on:click=move |_| on_pick.run(id.clone())
            on:keydown=on_keydown
        >
            <span class="pandu-sop__title">{sop.title.clone()}</span>
            <span class="pandu-sop__meta">
                <span class="pandu-sop__seed">"SOP " {sop.seed.clone()}</span>
                <StatusBadge status />
                {sop.subflow.then(|| view! { <span class="pandu-badge pandu-badge--sub">"Sub-alur"</span> })}
            </span>
            {(!sop.summary.is_empty())
                .then(|| view! { <span class="pandu-sop__summary">{sop.summary.clone()}</span> })}
        </button>
    }
    .into_any()
}
