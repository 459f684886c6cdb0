use crate::actions::Action;
use crate::hooks::Hook;
use crate::state::Pending;
use crate::ui::use_dom;
use leptos::prelude::*;

/// An in-page confirmation before restarting or leaving a call, or wiping all data (Esc or Batal cancels).
#[component]
pub fn ConfirmBar(what: Pending) -> impl IntoView {
    let (question, yes, testid) = match what {
        Pending::Restart => (
            "Ulangi SOP dari langkah pertama? Semua jawaban panggilan ini dihapus.",
            "Ya, ulangi",
            "restart-confirm",
        ),
        Pending::Leave => (
            "Tinggalkan SOP ini? Jawaban yang sudah diisi tidak disimpan.",
            "Ya, ganti SOP",
            "leave-confirm",
        ),
        Pending::Wipe => (
            "Hapus semua data Pandu di browser ini? Panggilan yang belum selesai (juga dari tab lain), \
             riwayat shift, antrean e-voucher dan data karantina dihapus dan tidak dapat dikembalikan.",
            "Ya, hapus semua",
            "wipe-confirm",
        ),
    };
    let q = use_dom().id("confirm-q");
    view! {
        <div class="pandu-confirm" role="alertdialog" aria-labelledby=q.clone() data-testid="confirm">
            <p id=q.clone() class="pandu-confirm__q">{question}</p>
            <div class="pandu-confirm__actions">
                <button
                    type="button"
                    class="pandu-btn pandu-btn--danger pandu-confirm__yes"
                    data-testid=testid
                    data-hook=Hook::ConfirmYes.as_str()
                    data-act=Action::Confirm.act()
                >
                    {yes}
                </button>
                <button
                    type="button"
                    class="pandu-btn"
                    data-testid="confirm-cancel"
                    data-act=Action::Cancel.act()
                    aria-keyshortcuts="Escape"
                >
                    "Batal"
                </button>
            </div>
        </div>
    }
}
