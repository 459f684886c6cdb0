use crate::actions::{Action, Typed};
use crate::hooks::Hook;
use crate::state::{use_app, FinderCtx};
use crate::ui::sop_item::SopItem;
use leptos::prelude::*;

/// How many SOPs the finder lists at once: the ranking puts the caller's
/// SOP among the first three; each item drawn costs time at every keystroke.
const SHOWN: usize = 10;

/// The SOP finder: ranked search in callers' words, the words each SOP matched, close words when none does.
#[component]
pub fn SopFinder() -> impl IntoView {
    let app = use_app();
    let finder = expect_context::<FinderCtx>();
    let found = Memo::new(move |_| finder.hits(app));
    let count = move || match found.with(|f| f.hits.len()) {
        0 => "Tidak ada SOP yang cocok. Coba kata yang dikenal di bawah.".to_string(),
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
            {move || {
                found
                    .with(|f| {
                        (!f.suggest.is_empty())
                            .then(|| {
                                let words = f
                                    .suggest
                                    .iter()
                                    .map(|w| {
                                        let act = Action::Suggest(w.clone());
                                        view! {
                                            <button
                                                type="button"
                                                class="pandu-finder__word"
                                                data-act=act.act()
                                                data-arg=act.arg()
                                            >
                                                {w.clone()}
                                            </button>
                                        }
                                    })
                                    .collect_view();
                                view! {
                                    <p class="pandu-finder__suggest" data-testid="finder-suggest">
                                        "Kata yang dikenal: "
                                        {words}
                                    </p>
                                }
                            })
                    })
            }}
            <ul id=id("sop-list") class="pandu-finder__list">
                {move || {
                    // A simulated date (training) changes the badges.
                    app.today.track();
                    found
                        .with(|f| {
                            f.hits
                                .iter()
                                .take(SHOWN)
                                .map(|h| {
                                    let matched = f.matched(h).join(", ");
                                    view! {
                                        <li class="pandu-finder__item">
                                            <SopItem index=h.index matched />
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
