use crate::actions::{Action, Typed};
use crate::state::use_app;
use leptos::prelude::*;
use pandu_engine::dates;

/// Training mode's banner: that nothing is saved, the simulated date (always visible when set), and the way back to live calls.
#[component]
pub fn TrainingBar() -> impl IntoView {
    let app = use_app();
    let sim = move || app.sim.get().map(dates::iso).unwrap_or_default();
    let (h, date) = (app.dom.id("train-h"), app.dom.id("sim-date"));
    let off = Action::Training(false);
    view! {
        <section class="pandu-train" aria-labelledby=h.clone() data-testid="training-bar">
            <h2 id=h.clone() class="pandu-train__title">"Mode latihan"</h2>
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
                <label class="pandu-label" for=date.clone()>"Tanggal simulasi"</label>
                <input
                    id=date
                    class="pandu-input pandu-train__input"
                    type="date"
                    data-testid="sim-date"
                    data-input=Typed::SimulatedDate.as_str()
                    prop:value=sim
                />
                <button type="button" class="pandu-btn" data-testid="sim-date-clear" data-act=Action::ClearDate.act()>
                    "Tanggal hari ini"
                </button>
                <button
                    type="button"
                    class="pandu-btn"
                    data-testid="training-off"
                    data-act=off.act()
                    data-arg=off.arg()
                >
                    "Kembali ke layanan"
                </button>
            </div>
        </section>
    }
}
