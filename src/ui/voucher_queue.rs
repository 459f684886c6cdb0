use crate::shift::use_shift;
use leptos::prelude::*;
use pandu_engine::queue::{Deadline, COLUMNS};

/// Seed 000's e-voucher day queue: the unsent requests, the 15:00 WIB deadline, and "Kirim ke PJ Site" (the HoCC form as CSV).
#[component]
pub fn VoucherQueue() -> impl IntoView {
    let shift = use_shift();
    let has_rows = Memo::new(move |_| shift.queue.with(|q| !q.rows.is_empty()));
    let deadline = Memo::new(move |_| {
        let now = shift.clock.get();
        shift.queue.with(|q| q.deadline(now))
    });
    let rows = Memo::new(move |_| {
        shift.queue.with(|q| {
            q.unsent()
                .map(|r| (r.call_id.clone(), r.values.clone()))
                .collect::<Vec<_>>()
        })
    });
    // The columns shown on screen: buyer, invoice, product (the CSV has all).
    let col = |id: &str| COLUMNS.iter().position(|(_, f)| *f == id);
    let (buyer, invoice, product) = (col("nama_pembeli"), col("invoice"), col("produk"));
    move || {
        has_rows.get().then(|| {
            view! {
                <section class="pandu-queue" aria-labelledby="pandu-queue-h" data-testid="voucher-queue">
                    <h2 id="pandu-queue-h" class="pandu-section-title">
                        "Antrean e-Voucher Tokopedia (SOP 000)"
                    </h2>
                    <p
                        class="pandu-queue__deadline"
                        class:pandu-queue__deadline--missed=move || matches!(deadline.get(), Deadline::Missed { .. })
                        data-testid="voucher-deadline"
                        data-state=move || match deadline.get() {
                            Deadline::Before { .. } => "before",
                            Deadline::Missed { .. } => "missed",
                            Deadline::Clear => "clear",
                        }
                        role=move || matches!(deadline.get(), Deadline::Missed { .. }).then_some("alert")
                    >
                        {move || deadline.get().label()}
                    </p>
                    <ol class="pandu-queue__rows">
                        {move || {
                            rows.get()
                                .into_iter()
                                .map(|(id, v)| {
                                    let get = |i: Option<usize>| i.and_then(|i| v.get(i).cloned()).unwrap_or_default();
                                    view! {
                                        <li class="pandu-queue__row" data-testid="voucher-row" data-call-id=id>
                                            <span class="pandu-queue__buyer">{get(buyer)}</span>
                                            " · "
                                            <span class="pandu-queue__invoice">{get(invoice)}</span>
                                            " · "
                                            <span>{get(product)}</span>
                                        </li>
                                    }
                                })
                                .collect_view()
                        }}
                    </ol>
                    <button
                        type="button"
                        class="pandu-btn pandu-btn--primary"
                        data-testid="send-pj-site"
                        disabled=move || rows.with(Vec::is_empty)
                        on:click=move |_| shift.send_to_pj_site()
                    >
                        "Kirim ke PJ Site"
                    </button>
                    <p class="pandu-tip">
                        "Mengunduh form HoCC (CSV) berisi data yang belum dikirim, lalu menandainya terkirim hari ini; "
                        "tanggal itu masuk ke keterangan Closed APKT di riwayat."
                    </p>
                    <p class="pandu-data__status" data-testid="voucher-status" role="status">
                        {move || shift.sent.get()}
                    </p>
                </section>
            }
        })
    }
}
