use leptos::prelude::*;
use pandu_engine::search::Status;

/// A badge saying whether an SOP is in force, not yet in force, or ended, with the date.
#[component]
pub fn StatusBadge(status: Status) -> impl IntoView {
    view! {
        <span
            class=format!("pandu-badge pandu-badge--{}", status.as_str())
            data-testid="sop-status"
            data-status=status.as_str()
        >
            {status.label()}
        </span>
    }
}
