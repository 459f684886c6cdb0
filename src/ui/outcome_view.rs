use crate::actions::Action;
use crate::state::use_call;
use crate::ui::composed_view::ComposedView;
use leptos::prelude::*;
use pandu_engine::ticket;

/// The end of the call: what to copy into each system, and "Selesai", which ends the call into the shift history.
#[component]
pub fn OutcomeView() -> impl IntoView {
    let ctx = use_call();
    // Composed once per arrival here and again when the caller header
    // changes, so a name typed late still reaches the ticket.
    let composed = Memo::new(move |_| {
        let at = ctx.finished_at.get()?;
        ctx.call.with(|c| {
            let c = c.as_ref()?;
            ctx.with_cat(|cat| ticket::compose(cat, c, at))
        })
    });

    let tip = ctx.app.dom.id("finish-tip");
    view! {
        <div class="pandu-outcome" data-testid="outcome">
            <ComposedView composed=composed />
            <div class="pandu-outcome__end">
                <p class="pandu-tip" id=tip.clone()>
                    {if ctx.app.live() {
                        "Selesai: tiket masuk riwayat shift untuk disalin lagi, simpanan panggilan dihapus, \
                         dan data penelepon dikosongkan untuk panggilan berikutnya."
                    } else {
                        "Selesai: latihan berakhir dan nilainya ditampilkan."
                    }}
                </p>
                <div class="pandu-outcome__actions">
                    <button
                        type="button"
                        class="pandu-btn pandu-btn--primary"
                        data-testid="finish"
                        data-act=Action::Finish.act()
                        aria-describedby=tip
                    >
                        "Selesai"
                    </button>
                </div>
            </div>
        </div>
    }
}
