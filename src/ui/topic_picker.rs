use crate::actions::Action;
use crate::ui::sop_finder::SopFinder;
use leptos::prelude::*;

/// The finder inside a call at its outcome: another SOP for the same caller, or back to the outcome.
#[component]
pub fn TopicPicker() -> impl IntoView {
    view! {
        <div class="pandu-topic" data-testid="topic-picker">
            <p class="pandu-tip">
                "Topik lain untuk penelepon yang sama: data penelepon tetap, tiket topik ini tetap "
                "di atas dan masuk riwayat, dan data Email/HP yang sudah dicatat tidak ditanyakan lagi."
            </p>
            <SopFinder />
            <div class="pandu-outcome__actions">
                <button
                    type="button"
                    class="pandu-btn"
                    data-testid="topic-cancel"
                    data-act=Action::TopicCancel.act()
                >
                    "Batal, kembali ke tiket"
                </button>
            </div>
        </div>
    }
}
