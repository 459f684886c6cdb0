use crate::shift::use_shift;
use crate::ui::history_item::HistoryItem;
use leptos::prelude::*;

/// The shift history: ended calls, newest first, personal data masked until one is opened to copy again.
#[component]
pub fn HistoryPanel() -> impl IntoView {
    let shift = use_shift();
    // One entry open at a time: its ticket panels use the page's only set of ids.
    let open = RwSignal::new(None::<String>);
    let ids = Memo::new(move |_| {
        shift.history.with(|h| {
            h.entries
                .iter()
                .map(|e| e.call_id.clone())
                .collect::<Vec<_>>()
        })
    });
    let purge = move || {
        let at = shift
            .history
            .with(|h| h.purge_at)
            .map(|t| t.format("%H:%M").to_string())
            .unwrap_or_else(|| shift.settings.shift_end.format("%H:%M").to_string());
        format!(
            "Menyimpan {} panggilan terakhir; dihapus otomatis pada akhir shift, pukul {at} WIB. \
             NIK, email dan nomor HP disamarkan di daftar; buka untuk menyalin tiket lengkap.",
            shift.settings.history_limit
        )
    };
    view! {
        <section class="pandu-history" aria-labelledby="pandu-history-h" data-testid="history">
            <h2 id="pandu-history-h" class="pandu-section-title">"Riwayat shift"</h2>
            <p class="pandu-tip" data-testid="history-purge">{purge}</p>
            {move || {
                ids.with(Vec::is_empty)
                    .then(|| {
                        view! {
                            <p class="pandu-history__empty" data-testid="history-empty">
                                "Belum ada panggilan yang selesai di shift ini."
                            </p>
                        }
                    })
            }}
            <ol class="pandu-history__list">
                <For
                    each=move || ids.get()
                    key=|id| id.clone()
                    children=move |id| view! { <HistoryItem call_id=id open /> }
                />
            </ol>
        </section>
    }
}
