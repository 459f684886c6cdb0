use leptos::prelude::*;

/// The way into training mode from the start screen (never during a live call).
#[component]
pub fn TrainingToggle() -> impl IntoView {
    view! {
        <section class="pandu-data" aria-labelledby="pandu-latihan-h">
            <h2 id="pandu-latihan-h" class="pandu-section-title">"Latihan"</h2>
            <p class="pandu-tip">
                "Simulasi panggilan untuk CSO baru: Pandu memerankan penelepon, hasilnya dinilai. "
                "Tidak ada yang disimpan."
            </p>
            <button type="button" class="pandu-btn" data-testid="training-on" data-act="training" data-arg="on">
                "Mode latihan"
            </button>
        </section>
    }
}
