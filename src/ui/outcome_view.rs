use crate::state::use_call;
use crate::ui::composed_view::ComposedView;
use leptos::prelude::*;
use pandu_engine::ticket;

/// The end of the call: what to copy into each system, and "Selesai", which ends the call into the shift history.
#[component]
pub fn OutcomeView() -> impl IntoView {
    let ctx = use_call();
    let composed = Memo::new(move |_| {
        let at = ctx.finished_at.get()?;
        ctx.call.with(|c| {
            let c = c.as_ref()?;
            ctx.app
                .catalog
                .with_value(|cat| ticket::compose(cat, c, at))
        })
    });

    view! {
        <div class="pandu-outcome" data-testid="outcome">
            <ComposedView composed=composed />
            <div class="pandu-outcome__end">
                <p class="pandu-tip" id="pandu-finish-tip">
                    "Selesai: tiket masuk riwayat shift untuk disalin lagi, simpanan panggilan dihapus, "
                    "dan data penelepon dikosongkan untuk panggilan berikutnya."
                </p>
                <div class="pandu-outcome__actions">
                    <button
                        type="button"
                        class="pandu-btn pandu-btn--primary"
                        data-testid="finish"
                        aria-describedby="pandu-finish-tip"
                        on:click=move |_| ctx.finish(true)
                    >
                        "Selesai"
                    </button>
                </div>
            </div>
        </div>
    }
}
