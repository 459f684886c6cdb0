use crate::actions::Action;
use crate::hooks::Hook;
use crate::state::use_call;
use crate::ui::composed_view::ComposedView;
use crate::ui::topic_picker::TopicPicker;
use leptos::prelude::*;
use pandu_engine::ticket;

/// The end of a topic: what to copy into each system, another topic for the same caller, and "Selesai" (through the closing lines), which ends the call into the shift history.
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
    // The step view is rebuilt when the closing lines are shown: read once.
    let closing = ctx
        .call
        .with_untracked(|c| c.as_ref().is_some_and(|c| c.closing));
    let live = ctx.app.live();

    let tip = ctx.app.dom.id("finish-tip");
    let tip_text = match (closing, live) {
        (true, true) => {
            "Selesai: tiket masuk riwayat shift untuk disalin lagi, simpanan panggilan dihapus, \
             dan data penelepon dikosongkan untuk panggilan berikutnya."
        }
        (true, false) => "Selesai: latihan berakhir dan nilainya ditampilkan.",
        (false, true) => {
            "Tanyakan apakah ada hal lain yang bisa dibantu. Ada: \"Topik lain\" (data penelepon \
             tetap). Tidak ada: \"Selesai\", lalu sampaikan kalimat penutup."
        }
        (false, false) => "Selesai: kalimat penutup (bila ada), lalu nilai latihan ditampilkan.",
    };
    view! {
        <div class="pandu-outcome" data-testid="outcome" data-closing=closing.then_some("true")>
            <ComposedView composed=composed />
            <div class="pandu-outcome__end">
                <p class="pandu-tip" id=tip.clone()>
                    {tip_text}
                </p>
                <div class="pandu-outcome__actions">
                    {(live && !closing)
                        .then(|| {
                            view! {
                                <button
                                    type="button"
                                    class="pandu-btn"
                                    data-testid="next-topic"
                                    data-act=Action::NextTopic.act()
                                    disabled=move || ctx.picking.get()
                                >
                                    "Topik lain untuk penelepon ini"
                                </button>
                            }
                        })}
                    <button
                        type="button"
                        class="pandu-btn pandu-btn--primary"
                        data-testid="finish"
                        data-hook=Hook::Finish.as_str()
                        data-act=Action::Finish.act()
                        aria-describedby=tip
                    >
                        "Selesai"
                    </button>
                </div>
                {move || ctx.picking.get().then(|| view! { <TopicPicker /> })}
            </div>
        </div>
    }
}
