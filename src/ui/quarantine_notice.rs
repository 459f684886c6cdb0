use crate::shift::use_shift;
use leptos::prelude::*;

/// Says that saved data was unreadable (corrupt or an older format) and was set aside, not restored.
#[component]
pub fn QuarantineNotice() -> impl IntoView {
    let shift = use_shift();
    move || {
        let n = shift.quarantined.with(Vec::len);
        (n > 0).then(|| {
            view! {
                <p class="pandu-banner pandu-banner--data" role="alert" data-testid="quarantine-notice">
                    {format!(
                        "{n} data tersimpan tidak dapat dibaca (rusak atau dari versi Pandu yang lama) \
                         dan dipindahkan ke karantina; data itu tidak dipulihkan. Bila ada panggilan \
                         yang hilang, layani ulang dari awal dan laporkan kepada Team Leader."
                    )}
                </p>
            }
        })
    }
}
