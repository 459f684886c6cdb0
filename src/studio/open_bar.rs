use crate::browser::studio as dom;
use crate::studio::state::use_studio;
use leptos::prelude::*;

/// The top bar: the studio's name, open an SOP of the catalogue, a `.toml` from disk or a new one, the open file and its draft.
#[component]
pub fn OpenBar() -> impl IntoView {
    let ctx = use_studio();
    let chosen = RwSignal::new(String::new());
    let on_pick = move |e| {
        if let Some(file) = dom::picked_file(&e) {
            ctx.open_file(file);
        }
    };
    view! {
        <header class="studio__bar">
            <h1 class="studio__name">"Pandu Studio"</h1>
            <div class="studio__open" role="group" aria-label="Buka SOP">
                <label class="studio__label">
                    "SOP katalog "
                    <select
                        data-testid="open-select"
                        on:change=move |e| chosen.set(event_target_value(&e))
                        prop:value=move || chosen.get()
                    >
                        <option value="">"— pilih —"</option>
                        <For
                            each=move || ctx.files.get()
                            key=|f| f.clone()
                            children=move |f| {
                                let title = ctx
                                    .base
                                    .with_untracked(|b| {
                                        b.sops
                                            .iter()
                                            .find(|s| format!("{}.toml", s.id) == f)
                                            .map(|s| format!("{} ({})", s.title, s.id))
                                    })
                                    .unwrap_or_else(|| f.clone());
                                view! { <option value=f.clone()>{title}</option> }
                            }
                        />
                    </select>
                </label>
                <button
                    type="button"
                    class="pandu-btn"
                    data-testid="open-catalogue"
                    disabled=move || chosen.with(String::is_empty)
                    on:click=move |_| ctx.open_catalogue(&chosen.get_untracked())
                >
                    "Buka"
                </button>
                <label class="pandu-btn studio__file">
                    "Buka berkas .toml…"
                    <input
                        type="file"
                        accept=".toml,text/plain"
                        data-testid="open-file"
                        class="studio__file-input"
                        on:change=on_pick
                    />
                </label>
                <button
                    type="button"
                    class="pandu-btn"
                    data-testid="new-sop"
                    on:click=move |_| ctx.new_sop()
                >
                    "SOP baru"
                </button>
            </div>
            <p class="studio__file-name">
                <span data-testid="file-name">{move || ctx.file.get()}</span>
                {move || {
                    ctx.from_draft
                        .get()
                        .then(|| {
                            view! {
                                " · draf "
                                <button
                                    type="button"
                                    class="studio__link"
                                    data-testid="discard-draft"
                                    on:click=move |_| ctx.discard_draft()
                                >
                                    "Buang draf"
                                </button>
                            }
                        })
                }}
            </p>
            <p class="studio__notice" role="status" data-testid="notice">
                {move || ctx.notice.get()}
            </p>
            <p class="studio__drop">"Atau tarik berkas .toml ke halaman ini."</p>
        </header>
    }
}
