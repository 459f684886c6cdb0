use crate::actions::Action;
use crate::shift::use_shift;
use crate::ui::use_dom;
use leptos::prelude::*;
use pandu_engine::queue::{Deadline, COLUMNS};

/// Seed 000's e-voucher day queue: the unsent requests, the 15:00 WIB deadline, and "Kirim ke PJ Site" (the HoCC form as CSV).
#[component]
pub fn VoucherQueue() -> impl IntoView {
    let shift = use_shift();
    let h = use_dom().id("queue-h");
    // The columns shown on screen: buyer, invoice, product (the CSV has all).
    let col = |id: &str| COLUMNS.iter().position(|(_, f)| *f == id);
    let (buyer, invoice, product) = (col("nama_pembeli"), col("invoice"), col("produk"));
    move || {
        let now = shift.clock.get();
        shift.queue.with(|q| {
            (!q.rows.is_empty()).then(|| {
                let deadline = q.deadline(now);
                let (state, missed) = match deadline {
                    Deadline::Before { .. } => ("before", false),
                    Deadline::Missed { .. } => ("missed", true),
                    Deadline::Clear => ("clear", false),
                };
                let rows: Vec<_> = q
                    .unsent()
                    .map(|r| {
                        let get = |i: Option<usize>| i.and_then(|i| r.values.get(i).cloned()).unwrap_or_default();
                        view! {
                            <li class="pandu-queue__row" data-testid="voucher-row" data-call-id=r.call_id.clone()>
                                <span class="pandu-queue__buyer">{get(buyer)}</span>
                                " · "
                                <span class="pandu-queue__invoice">{get(invoice)}</span>
                                " · "
                                <span>{get(product)}</span>
                            </li>
                        }
                    })
                    .collect();
                let none = rows.is_empty();
                view! {
                    <section class="pandu-queue" aria-labelledby=h.clone() data-testid="voucher-queue">
                        <h2 id=h.clone() class="pandu-section-title">
                            "Antrean e-Voucher Tokopedia (SOP 000)"
                        </h2>
                        <p
                            class=if missed { "pandu-queue__deadline pandu-queue__deadline--missed" } else { "pandu-queue__deadline" }
                            data-testid="voucher-deadline"
                            data-state=state
                            role=missed.then_some("alert")
                        >
                            {deadline.label()}
                        </p>
                        <ol class="pandu-queue__rows">{rows}</ol>
                        <button
                            type="button"
                            class="pandu-btn pandu-btn--primary"
                            data-testid="send-pj-site"
                            data-act=Action::SendPjSite.act()
                            disabled=none
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
        })
    }
}
