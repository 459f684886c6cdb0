use crate::state::use_call;
use leptos::prelude::*;

/// A template of the running call as text, following the caller header (a new name or honorific shows at once).
#[component]
pub fn Tpl(text: String) -> impl IntoView {
    let ctx = use_call();
    move || ctx.render(&text)
}
