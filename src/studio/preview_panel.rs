use crate::studio::preview_call::PreviewCall;
use crate::studio::scenarios;
use crate::studio::state::use_studio;
use leptos::prelude::*;
use pandu_engine::library::Library;

/// The preview: the lint-clean draft run as a CSO sees it, started afresh on demand (with the text as it is then).
#[component]
pub fn PreviewPanel() -> impl IntoView {
    let ctx = use_studio();
    // Each start is a new call on the text as it is at that moment.
    let run: RwSignal<Option<(u32, String, String)>> = RwSignal::new(None);
    let start = move || {
        let Some(sop) = ctx.checked_now().clean_sop().cloned() else {
            return;
        };
        let n = run.with_untracked(|r| r.as_ref().map_or(1, |r| r.0 + 1));
        run.set(Some((n, sop.id.clone(), sop.version.clone())));
    };
    let clean = move || ctx.checked.with(|c| c.clean_sop().is_some());
    // Started once when the panel opens, if it can be.
    start();
    view! {
        <div class="studio__panel" data-testid="preview-panel">
            <p class="studio__preview-bar">
                <button
                    type="button"
                    class="pandu-btn pandu-btn--primary"
                    data-testid="preview-start"
                    disabled=move || !clean()
                    on:click=move |_| start()
                >
                    "Mulai ulang pratinjau"
                </button>
                " "
                {move || {
                    if clean() {
                        "Pratinjau memakai teks saat tombol ditekan; mulai ulang setelah mengubah teks."
                    } else {
                        "Pratinjau memerlukan SOP yang lolos pemeriksaan."
                    }
                }}
            </p>
            {move || {
                run.get()
                    .and_then(|(n, id, _)| {
                        let sop = ctx.checked.with_untracked(|c| c.clean_sop().cloned())?;
                        let cat = ctx.base.with_untracked(|b| scenarios::with_draft(b, &sop));
                        let lib = Library::from_catalog(cat);
                        Some(view! { <PreviewCall lib sop=id run=n /> })
                    })
            }}
        </div>
    }
}
