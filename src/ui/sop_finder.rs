use crate::browser;
use crate::state::{finder_order, use_app, use_call};
use crate::ui::sop_item::SopItem;
use leptos::prelude::*;

/// The SOP finder: instant search over titles, keywords and callers' words, sub-flows listed last.
#[component]
pub fn SopFinder() -> impl IntoView {
    let app = use_app();
    let ctx = use_call();
    let query = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let hits = Memo::new(move |_| {
        let q = query.get();
        let hits = app.index.with_value(|ix| ix.query(&q));
        app.catalog.with_value(|cat| finder_order(cat, hits))
    });
    let pick = Callback::new(move |id: String| {
        if let Err(e) = ctx.start(&id) {
            error.set(Some(e));
        }
    });
    let count = move || match hits.with(Vec::len) {
        0 => "Tidak ada SOP yang cocok. Coba kata lain, mis. \u{201c}tambah daya\u{201d}."
            .to_string(),
        n => format!("{n} SOP ditemukan."),
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        // Enter opens the best match: type a few letters, press Enter, talk.
        "Enter" => {
            ev.prevent_default();
            let first = hits.with_untracked(|h| h.first().copied());
            if let Some(i) = first {
                if let Some(id) = app
                    .catalog
                    .with_value(|c| c.sops.get(i).map(|s| s.id.clone()))
                {
                    pick.run(id);
                }
            }
        }
        "ArrowDown" => {
            ev.prevent_default();
            browser::focus_soon("[data-testid=\"sop-item\"]");
        }
        _ => {}
    };

    view! {
        <section class="pandu-finder" aria-labelledby="pandu-finder-h">
            <h2 id="pandu-finder-h" class="pandu-section-title">"Cari SOP"</h2>
            <label class="pandu-label" for="pandu-sop-search">
                "Judul, nomor SOP, atau kata penelepon"
            </label>
            <input
                id="pandu-sop-search"
                class="pandu-input pandu-finder__search"
                data-testid="sop-search"
                type="search"
                autocomplete="off"
                spellcheck="false"
                placeholder="mis. tambah daya, internet mati"
                aria-controls="pandu-sop-list"
                aria-describedby="pandu-finder-tip pandu-finder-count"
                prop:value=move || query.get()
                on:input=move |ev| {
                    error.set(None);
                    query.set(event_target_value(&ev));
                }
                on:keydown=on_keydown
            />
            <p id="pandu-finder-tip" class="pandu-tip">
                <kbd>"Enter"</kbd>
                " membuka SOP teratas, "
                <kbd>"↓"</kbd>
                " pindah ke daftar."
            </p>
            <p id="pandu-finder-count" class="pandu-finder__count" role="status">
                {count}
            </p>
            {move || error.get().map(|e| view! { <p class="pandu-hint" role="alert">{e}</p> })}
            <ul id="pandu-sop-list" class="pandu-finder__list">
                <For
                    each=move || hits.get()
                    key=|i| *i
                    children=move |i| {
                        view! {
                            <li class="pandu-finder__item">
                                <SopItem index=i on_pick=pick />
                            </li>
                        }
                    }
                />
            </ul>
        </section>
    }
}
