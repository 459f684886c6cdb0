use crate::shift::use_shift;
use crate::ui::history_item::HistoryItem;
use crate::ui::use_dom;
use leptos::prelude::*;
use pandu_engine::dates;

/// The shift history: ended calls, newest first, personal data masked until one is opened to copy again.
#[component]
pub fn HistoryPanel() -> impl IntoView {
    let shift = use_shift();
    let purge = move || {
        let at = shift
            .history
            .with(|h| h.purge_at)
            .map(|t| dates::hm(t.time()))
            .unwrap_or_else(|| dates::hm(shift.settings.shift_end));
        format!(
            "Menyimpan {} panggilan terakhir; dihapus otomatis pada akhir shift, pukul {at} WIB. \
             NIK, email dan nomor HP disamarkan di daftar; buka untuk menyalin tiket lengkap.",
            shift.settings.history_limit
        )
    };
    // Rebuilt when the history changes, not when an entry opens: each entry
    // follows `shift.open` itself.
    let entries = move || {
        shift.history.with(|h| {
            if h.entries.is_empty() {
                return view! {
                    <p class="pandu-history__empty" data-testid="history-empty">
                        "Belum ada panggilan yang selesai di shift ini."
                    </p>
                }
                .into_any();
            }
            let items = h
                .entries
                .iter()
                .map(|e| view! { <HistoryItem entry=e.clone() /> })
                .collect_view();
            view! { <ol class="pandu-history__list">{items}</ol> }.into_any()
        })
    };
    let h = use_dom().id("history-h");
    view! {
        <section class="pandu-history" aria-labelledby=h.clone() data-testid="history">
            <h2 id=h.clone() class="pandu-section-title">"Riwayat shift"</h2>
            <p class="pandu-tip" data-testid="history-purge">{purge}</p>
            {entries}
        </section>
    }
}
