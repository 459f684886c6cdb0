use crate::actions::Action;
use crate::hooks::Hook;
use crate::shift::use_shift;
use crate::state::{use_call, Pending};
use crate::ui::confirm_bar::ConfirmBar;
use crate::ui::use_dom;
use leptos::prelude::*;

/// "Hapus semua data": wipes everything Pandu stored in this browser, after an in-page confirmation.
#[component]
pub fn WipeAll() -> impl IntoView {
    let ctx = use_call();
    let shift = use_shift();
    let h = use_dom().id("data-h");
    view! {
        <section class="pandu-data" aria-labelledby=h.clone()>
            <h2 id=h.clone() class="pandu-section-title">"Data di browser ini"</h2>
            <p class="pandu-tip">
                "Panggilan yang belum selesai, riwayat shift, antrean e-voucher dan data karantina "
                "disimpan di browser ini saja."
            </p>
            <button
                type="button"
                class="pandu-btn pandu-btn--danger-outline"
                data-testid="wipe-all"
                data-hook=Hook::Wipe.as_str()
                data-act=Action::Wipe.act()
            >
                "Hapus semua data"
            </button>
            {move || (ctx.pending.get() == Some(Pending::Wipe)).then(|| view! { <ConfirmBar what=Pending::Wipe /> })}
            <p class="pandu-data__status" data-testid="data-status" role="status">
                {move || shift.status.get()}
            </p>
        </section>
    }
}
