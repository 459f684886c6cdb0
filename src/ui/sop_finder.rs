use crate::actions::Typed;
use crate::hooks::Hook;
use crate::state::{use_app, FinderCtx};
use crate::ui::sop_item::SopItem;
use leptos::prelude::*;

/// How many SOPs the finder lists at once; the rest are a few letters away.
const SHOWN: usize = 30;

/// The SOP finder: instant search over titles, keywords and callers' words, sub-flows listed last.
#[component]
pub fn SopFinder() -> impl IntoView {
    let app = use_app();
    let finder = expect_context::<FinderCtx>();
    let hits = Memo::new(move |_| finder.hits(app));
    let count = move || match hits.with(Vec::len) {
        0 => "Tidak ada SOP yang cocok. Coba kata lain, mis. \u{201c}tambah daya\u{201d}."
            .to_string(),
        n if n > SHOWN => {
            format!("{n} SOP ditemukan; {SHOWN} teratas ditampilkan, ketik lebih banyak kata.")
        }
        n => format!("{n} SOP ditemukan."),
    };

    let id = |name| app.dom.id(name);
    view! {
        <section class="pandu-finder" aria-labelledby=id("finder-h")>
            <h2 id=id("finder-h") class="pandu-section-title">"Cari SOP"</h2>
            <label class="pandu-label" for=id("sop-search")>
                "Judul, nomor SOP, atau kata penelepon"
            </label>
            <input
                id=id("sop-search")
                class="pandu-input pandu-finder__search"
                data-testid="sop-search"
                data-hook=Hook::Search.as_str()
                data-input=Typed::Search.as_str()
                type="search"
                autocomplete="off"
                spellcheck="false"
                placeholder="mis. tambah daya, internet mati"
                aria-controls=id("sop-list")
                aria-describedby=format!("{} {}", id("finder-tip"), id("finder-count"))
                prop:value=move || finder.query.get()
            />
            <p id=id("finder-tip") class="pandu-tip">
                <kbd>"Enter"</kbd>
                " membuka SOP teratas, "
                <kbd>"↓"</kbd>
                " pindah ke daftar."
            </p>
            <p id=id("finder-count") class="pandu-finder__count" role="status">
                {count}
            </p>
            {move || {
                finder.error.get().map(|e| view! { <p class="pandu-hint" role="alert">{e}</p> })
            }}
            <ul id=id("sop-list") class="pandu-finder__list">
                {move || {
                    // A simulated date (training) changes the badges.
                    app.today.track();
                    hits.with(|h| {
                        h.iter()
                            .take(SHOWN)
                            .map(|&i| {
                                view! {
                                    <li class="pandu-finder__item">
                                        <SopItem index=i />
                                    </li>
                                }
                            })
                            .collect_view()
                    })
                }}
            </ul>
        </section>
    }
}
