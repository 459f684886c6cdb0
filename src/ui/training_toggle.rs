use crate::actions::Action;
use crate::ui::use_dom;
use leptos::prelude::*;

/// The way into training mode from the start screen (never during a live call).
#[component]
pub fn TrainingToggle() -> impl IntoView {
    let h = use_dom().id("latihan-h");
    let on = Action::Training(true);
    view! {
        <section class="pandu-data" aria-labelledby=h.clone()>
            <h2 id=h.clone() class="pandu-section-title">"Latihan"</h2>
            <p class="pandu-tip">
                "Simulasi panggilan untuk CSO baru: Pandu memerankan penelepon, hasilnya dinilai. "
                "Tidak ada yang disimpan."
            </p>
            <button
                type="button"
                class="pandu-btn"
                data-testid="training-on"
                data-act=on.act()
                data-arg=on.arg()
            >
                "Mode latihan"
            </button>
        </section>
    }
}
