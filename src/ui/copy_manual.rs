use crate::hooks::Hook;
use crate::state::use_app;
use leptos::prelude::*;

/// The text to copy by hand, selected, when no way of copying worked.
#[component]
pub fn CopyManual() -> impl IntoView {
    let app = use_app();
    let copy = app.copy;
    let dom = app.dom;
    view! {
        {move || {
            copy.manual
                .get()
                .map(|t| {
                    let id = dom.id("copy-manual");
                    view! {
                        <label class="pandu-label" for=id.clone()>
                            "Teks untuk disalin manual (Ctrl+C)"
                        </label>
                        <textarea
                            id=id
                            class="pandu-input pandu-copy-manual"
                            data-testid="copy-manual"
                            data-hook=Hook::CopyManual.as_str()
                            readonly
                            rows="6"
                            prop:value=t
                        ></textarea>
                    }
                })
        }}
    }
}
