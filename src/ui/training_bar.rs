use crate::state::use_app;
use leptos::prelude::*;
use pandu_engine::dates;

/// Training mode's banner: that nothing is saved, the simulated date (always visible when set), and the way back to live calls.
#[component]
pub fn TrainingBar() -> impl IntoView {
    let app = use_app();
    let sim = move || app.sim.get().map(dates::iso).unwrap_or_default();
    view! {
        <section class="pandu-train" aria-labelledby="pandu-train-h" data-testid="training-bar">
            <h2 id="pandu-train-h" class="pandu-train__title">"Mode latihan"</h2>
            <p class="pandu-tip">
                "Panggilan latihan tidak disimpan dan tidak masuk riwayat shift atau antrean."
            </p>
            {move || {
                app.sim
                    .get()
                    .map(|d| {
                        view! {
                            <p class="pandu-banner pandu-train__date" data-testid="sim-date-banner" role="status">
                                "Tanggal simulasi: " <strong>{dates::dmy(d)}</strong>
                                " (SOP dan tiket memakai tanggal ini)"
                            </p>
                        }
                    })
            }}
            <div class="pandu-train__row">
                <label class="pandu-label" for="pandu-sim-date">"Tanggal simulasi"</label>
                <input
                    id="pandu-sim-date"
                    class="pandu-input pandu-train__input"
                    type="date"
                    data-testid="sim-date"
                    data-input="sim-date"
                    prop:value=sim
                />
                <button type="button" class="pandu-btn" data-testid="sim-date-clear" data-act="clear-date">
                    "Tanggal hari ini"
                </button>
                <button
                    type="button"
                    class="pandu-btn"
                    data-testid="training-off"
                    data-act="training"
                    data-arg="off"
                >
                    "Kembali ke layanan"
                </button>
            </div>
        </section>
    }
}
