use crate::actions::Action;
use crate::hooks::Hook;
use crate::state::use_app;
use crate::ui::status_badge::StatusBadge;
use leptos::prelude::*;
use pandu_engine::search;

/// One SOP in the finder: title, seed, whether it is in force, what it is for, and the caller's words it matched.
#[component]
pub fn SopItem(
    // Index into the catalogue.
    index: usize,
    // The query's words this SOP matched, as typed, comma-separated.
    matched: String,
) -> impl IntoView {
    let app = use_app();
    let today = app.today.get_untracked();
    // The heading's strings only: an SOP read in full would clone its steps too.
    let Some((id, title, seed, summary, subflow, status)) = app.with_cat(|c| {
        c.sops.get(index).map(|s| {
            (
                s.id.clone(),
                s.title.clone(),
                s.seed.clone(),
                s.summary.clone(),
                s.subflow,
                search::status(s, today),
            )
        })
    }) else {
        return ().into_any();
    };
    let mut class = String::from("pandu-sop");
    if matches!(status, search::Status::Ended(_)) {
        class.push_str(" pandu-sop--ended");
    }
    if subflow {
        class.push_str(" pandu-sop--sub");
    }
    let act = Action::Start(id.clone());
    view! {
        <button
            type="button"
            class=class
            data-testid="sop-item"
            data-hook=Hook::SopItem.as_str()
            data-act=act.act()
            data-arg=act.arg()
            data-sop-id=id
            data-status=status.as_str()
        >
            <span class="pandu-sop__title">{title}</span>
            <span class="pandu-sop__meta">
                <span class="pandu-sop__seed">"SOP " {seed}</span>
                <StatusBadge status />
                {subflow.then(|| view! { <span class="pandu-badge pandu-badge--sub">"Sub-alur"</span> })}
            </span>
            {(!summary.is_empty()).then(|| view! { <span class="pandu-sop__summary">{summary}</span> })}
            {(!matched.is_empty())
                .then(|| {
                    view! {
                        <span class="pandu-sop__matched" data-testid="sop-matched">
                            "cocok: "
                            {matched}
                        </span>
                    }
                })}
        </button>
    }
    .into_any()
}
