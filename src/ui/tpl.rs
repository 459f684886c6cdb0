use crate::state::use_call;
use leptos::prelude::*;

/// A template of the running call as text, following the caller header (a new name or honorific shows at once).
#[component]
pub fn Tpl(text: String) -> impl IntoView {
    let ctx = use_call();
    // Tracks the header only: everything else a template reads changes with
    // a transition, which builds the step anew, so the old step's texts are
    // not rendered once more on their way out.
    move || {
        ctx.caller.track();
        ctx.call
            .with_untracked(|c| c.as_ref().map(|c| c.render(&text)))
            .unwrap_or_default()
    }
}
