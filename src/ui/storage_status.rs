use crate::shift::{use_shift, Saving};
use leptos::prelude::*;

/// Whether Pandu's autosave reaches the browser's storage; a loud warning when it does not.
#[component]
pub fn StorageStatus() -> impl IntoView {
    let shift = use_shift();
    let failed = move || matches!(shift.saving.get(), Saving::Failed(_));
    let text = move || match shift.saving.get() {
        Saving::Ready => "Panggilan disimpan otomatis di browser ini.".to_string(),
        Saving::Saved(at) => format!(
            "Tersimpan otomatis · {} WIB",
            pandu_engine::dates::hm(at.time())
        ),
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
            class=move || if failed() { "pandu-saving pandu-saving--failed" } else { "pandu-saving" }
            data-testid="storage-status"
            data-state=move || if failed() { "failed" } else { "ok" }
            role="status"
        >
            {text}
        </p>
    }
}
