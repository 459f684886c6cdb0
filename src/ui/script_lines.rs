use crate::state::use_call;
use leptos::prelude::*;
use pandu_engine::ScriptLine;

/// What the CSO says to the caller, personalised; must-say lines carry a tick box.
#[component]
pub fn ScriptLines(lines: Vec<ScriptLine>) -> impl IntoView {
    if lines.is_empty() {
        return ().into_any();
    }
    let ctx = use_call();
    let mut must_seen = 0;
    let items = lines
        .into_iter()
        .map(|line| {
            let template = line.text;
            // Tracked: a new name or honorific in the header shows at once.
            let text = move || ctx.call.with(|c| c.as_ref().map(|c| c.render(&template)).unwrap_or_default());
            if line.must {
                let n = must_seen;
                must_seen += 1;
                view! {
                    <li class="pandu-say__line pandu-say__line--must">
                        <label class="pandu-say__tick">
                            <input
                                type="checkbox"
                                class="pandu-say__box"
                                data-testid="script-must"
                                prop:checked=move || ctx.ticks.with(|t| t.get(n).copied().unwrap_or(false))
                                on:change=move |ev| ctx.tick(n, event_target_checked(&ev))
                            />
                            <span class="pandu-say__text" data-testid="script-line">{text}</span>
                            <span class="pandu-say__must">"Wajib disampaikan"</span>
                        </label>
                    </li>
                }
                .into_any()
            } else {
                view! {
                    <li class="pandu-say__line">
                        <span class="pandu-say__text" data-testid="script-line">{text}</span>
                    </li>
                }
                .into_any()
            }
        })
        .collect_view();
    view! {
        <section class="pandu-say" aria-labelledby="pandu-say-h">
            <h4 id="pandu-say-h" class="pandu-say__label">
                "Ucapkan kepada pelanggan"
            </h4>
            <ul class="pandu-say__lines">{items}</ul>
        </section>
    }
    .into_any()
}
