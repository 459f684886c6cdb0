use crate::browser::{self, CopyOutcome};
use crate::state::CopyCtx;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// A copy button for one text; the copy status always says whether it worked.
#[component]
pub fn CopyButton(
    // The exact text put on the clipboard.
    #[prop(into)] text: Signal<String>,
    // What was copied, for the status line ("Permasalahan").
    #[prop(into)] name: String,
    // Visible label.
    #[prop(into)] label: String,
    // `copy-field` or `copy-all`.
    testid: &'static str,
    // Element to select for a manual copy if copying fails; none: show the text in a box.
    #[prop(optional, into)] select_on_fail: Option<String>,
) -> impl IntoView {
    let copy = expect_context::<CopyCtx>();
    let hidden_name = if name == label {
        String::new()
    } else {
        format!(" {name}")
    };
    let on_click = move |_| {
        let t = text.get_untracked();
        let name = name.clone();
        let select = select_on_fail.clone();
        // Cleared first so that copying the same field twice is announced twice.
        copy.status.set(String::new());
        copy.manual.set(None);
        spawn_local(async move {
            let message = match browser::copy_text(&t).await {
                CopyOutcome::Clipboard => format!("Tersalin: {name}"),
                CopyOutcome::Fallback => format!("Tersalin (cara cadangan): {name}"),
                CopyOutcome::Failed => {
                    match select {
                        Some(sel) => browser::select_text_soon(sel),
                        None => {
                            copy.manual.set(Some(t));
                            browser::select_text_soon("[data-testid=\"copy-manual\"]");
                        }
                    }
                    "Gagal menyalin: pilih teks lalu tekan Ctrl+C".to_string()
                }
            };
            copy.status.set(message);
        });
    };
    view! {
        <button type="button" class="pandu-btn pandu-btn--copy" data-testid=testid on:click=on_click>
            {label}
            <span class="pandu-sr">{hidden_name}</span>
        </button>
    }
}
