use crate::actions::Action;
use crate::hooks::Hook;
use crate::state::{use_call, Pending};
use crate::ui::confirm_bar::ConfirmBar;
use leptos::prelude::*;

/// The call's controls: back, restart (asks first) and leave for another SOP.
#[component]
pub fn CallNav() -> impl IntoView {
    let ctx = use_call();
    view! {
        <nav class="pandu-nav" aria-label="Kendali panggilan">
            <button
                type="button"
                class="pandu-btn"
                data-testid="back"
                data-act=Action::Back.act()
                aria-keyshortcuts="Alt+ArrowLeft Backspace"
                disabled=move || !ctx.can_go_back()
            >
                <span aria-hidden="true">"← "</span>
                "Kembali"
            </button>
            <button
                type="button"
                class="pandu-btn"
                data-testid="restart"
                data-hook=Hook::Restart.as_str()
                data-act=Action::Restart.act()
            >
                "Ulangi dari awal"
            </button>
            <button
                type="button"
                class="pandu-btn"
                data-testid="leave"
                data-hook=Hook::Leave.as_str()
                data-act=Action::Leave.act()
            >
                "Ganti SOP"
            </button>
        </nav>
        {move || {
            ctx.pending.get().filter(|p| *p != Pending::Wipe).map(|what| view! { <ConfirmBar what /> })
        }}
    }
}
