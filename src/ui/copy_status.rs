use crate::state::use_app;
use leptos::prelude::*;

/// Whether the last copy worked: a live region beside the copy buttons.
#[component]
pub fn CopyStatus(
    // `copy-status` at an outcome; another id where earlier topics show theirs.
    testid: &'static str,
) -> impl IntoView {
    let app = use_app();
    let copy = app.copy;
    view! {
        <p class="pandu-copy-status" data-testid=testid role="status" aria-live="polite">
            {move || copy.status.get()}
        </p>
    }
}
