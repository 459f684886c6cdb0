use crate::actions::Action;
use crate::state::use_call;
use crate::trainer::use_train;
use crate::ui::use_dom;
use leptos::prelude::*;

/// What the drill's caller says now: the opening before the SOP is found, then the line of the step the call is at.
#[component]
pub fn CallerLine() -> impl IntoView {
    let ctx = use_call();
    let train = use_train();
    let line = move || {
        ctx.rev.track();
        let finished = ctx.finished_at.get_untracked().is_some();
        train
            .with_drill(|drill| {
                ctx.call.with_untracked(|c| match c {
                    None => drill.opening.clone(),
                    Some(_) if finished => {
                        "(Penelepon menunggu. Tekan Selesai untuk melihat nilai latihan.)"
                            .to_string()
                    }
                    Some(c) => match drill.says_at(&c.at.sop, &c.at.step) {
                        "" => "(Penelepon menunggu Anda.)".to_string(),
                        says => says.to_string(),
                    },
                })
            })
            .unwrap_or_default()
    };
    let h = use_dom().id("caller-line-h");
    view! {
        <section class="pandu-caller-line" aria-labelledby=h.clone() data-testid="caller-line">
            <h2 id=h.clone() class="pandu-caller-line__who">"Kata penelepon"</h2>
            <p class="pandu-caller-line__says" data-testid="caller-says" aria-live="polite">{line}</p>
            {move || train.hint.get().map(|h| view! { <p class="pandu-hint" role="alert" data-testid="drill-hint">{h}</p> })}
            <button type="button" class="pandu-btn" data-testid="drill-quit" data-act=Action::DrillQuit.act()>
                "Hentikan latihan"
            </button>
        </section>
    }
}
