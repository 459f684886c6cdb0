use crate::actions::Action;
use leptos::prelude::*;

/// A copy button for one text (the root's click handler copies it); the copy status always says whether it worked.
#[component]
pub fn CopyButton(
    // The exact text put on the clipboard.
    text: String,
    // What was copied, for the status line ("Permasalahan").
    #[prop(into)] name: String,
    // Visible label.
    label: &'static str,
    // `copy-field` or `copy-all`.
    testid: &'static str,
    // Element to select for a manual copy if copying fails; none: show the text in a box.
    #[prop(optional, into)] select_on_fail: Option<String>,
) -> impl IntoView {
    let hidden_name = if name == label {
        String::new()
    } else {
        format!(" {name}")
    };
    view! {
        <button
            type="button"
            class="pandu-btn pandu-btn--copy"
            data-testid=testid
            data-act=Action::Copy.act()
            data-copy=text
            data-name=name
            data-select=select_on_fail
        >
            {label}
            <span class="pandu-sr">{hidden_name}</span>
        </button>
    }
}
