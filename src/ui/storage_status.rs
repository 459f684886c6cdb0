use crate::shift::{use_shift, Saving};
use leptos::prelude::*;

/// Whether Pandu's autosave reaches the browser's storage; a loud warning when it does not.
#[component]
pub fn StorageStatus() -> impl IntoView {
    let shift = use_shift();
    let state = move || match shift.saving.get() {
        Saving::Failed(_) => "failed",
        _ => "ok",
    };
    let text = move || match shift.saving.get() {
        Saving::Ready => "Panggilan disimpan otomatis di browser ini.".to_string(),
        Saving::Saved(at) => format!("Tersimpan otomatis · {} WIB", at.format("%H:%M")),
        Saving::Failed(why) => format!(
            "Data tidak tersimpan: {why}. Pandu tetap dapat dipakai, tetapi panggilan, riwayat \
             dan antrean hilang bila halaman ditutup atau dimuat ulang. Catat data penting secara \
             manual."
        ),
    };
    // One live region that stays in the DOM: screen readers announce the
    // change to "tidak tersimpan" when it happens.
    view! {
        <p
            class="pandu-saving"
            class:pandu-saving--failed=move || state() == "failed"
            data-testid="storage-status"
            data-state=state
            role="status"
        >
            {text}
        </p>
    }
}
