use crate::shift::use_shift;
use crate::state::{use_call, Pending};
use crate::ui::confirm_bar::ConfirmBar;
use leptos::prelude::*;

/// "Hapus semua data": wipes everything Pandu stored in this browser, after an in-page confirmation.
#[component]
pub fn WipeAll() -> impl IntoView {
    let ctx = use_call();
    let shift = use_shift();
    view! {
        <section class="pandu-data" aria-labelledby="pandu-data-h">
            <h2 id="pandu-data-h" class="pandu-section-title">"Data di browser ini"</h2>
            <p class="pandu-tip">
                "Panggilan yang belum selesai, riwayat shift, antrean e-voucher dan data karantina "
                "disimpan di browser ini saja."
            </p>
            <button type="button" class="pandu-btn pandu-btn--danger-outline" data-testid="wipe-all" data-act="wipe">
                "Hapus semua data"
            </button>
            {move || (ctx.pending.get() == Some(Pending::Wipe)).then(|| view! { <ConfirmBar what=Pending::Wipe /> })}
            <p class="pandu-data__status" data-testid="data-status" role="status">
                {move || shift.status.get()}
            </p>
        </section>
    }
}
