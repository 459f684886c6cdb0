use crate::actions::Action;
use crate::browser;
use crate::state::{use_call, CallCtx};
use leptos::prelude::*;

/// "Versi baru Pandu tersedia": a newer build is in the offline cache; the reload is the CSO's to choose, and is offered only between calls.
#[component]
pub fn UpdateNotice() -> impl IntoView {
    let ctx = use_call();
    let arrived = RwSignal::new(false);
    // The news is the page's and may come after this widget is gone.
    browser::sw::on_new_version(move || {
        let _ = arrived.try_set(true);
    });
    let calling = Memo::new(move |_| ctx.call.with(Option::is_some));
    // The live region stays in the DOM so that the news is announced when it comes.
    view! {
        <div class="pandu-update-slot" role="status" aria-live="polite">
            {move || {
                arrived
                    .get()
                    .then(|| {
                        view! {
                            <div class="pandu-update" data-testid="update-notice">
                                <p class="pandu-update__text">
                                    "Versi baru Pandu tersedia."
                                    {move || {
                                        calling
                                            .get()
                                            .then_some(
                                                " Tombol Muat ulang muncul setelah panggilan ini selesai; panggilan tidak terganggu.",
                                            )
                                    }}
                                </p>
                                {move || {
                                    (!calling.get())
                                        .then(|| {
                                            view! {
                                                <button
                                                    type="button"
                                                    class="pandu-btn pandu-btn--primary"
                                                    data-testid="update-reload"
                                                    data-act=Action::Reload.act()
                                                >
                                                    "Muat ulang"
                                                </button>
                                            }
                                        })
                                }}
                            </div>
                        }
                    })
            }}
        </div>
    }
}

/// "Muat ulang", carried out by the root's click handler. A call that started
/// between the button showing and the click is not cut off: nothing happens.
pub fn reload(ctx: CallCtx) {
    if ctx.call.with_untracked(Option::is_none) {
        browser::sw::reload();
    }
}
