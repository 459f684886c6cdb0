use crate::actions::Action;
use crate::hooks::Hook;
use crate::state::use_call;
use crate::ui::tpl::Tpl;
use crate::ui::use_dom;
use leptos::prelude::*;
use pandu_engine::ScriptLine;

/// What the CSO says to the caller, personalised; must-say lines carry a tick box.
#[component]
pub fn ScriptLines(
    lines: Vec<ScriptLine>,
    // The call's closing lines, said once at the very end.
    #[prop(optional)] closing: bool,
) -> impl IntoView {
    if lines.is_empty() {
        return ().into_any();
    }
    let ctx = use_call();
    let mut must_seen = 0;
    let items = lines
        .into_iter()
        .map(|line| {
            let text = view! { <span class="pandu-say__text" data-testid="script-line"><Tpl text=line.text /></span> };
            if line.must {
                let n = must_seen;
                must_seen += 1;
                // Lines said before a back stay ticked; the box keeps its own state after.
                let said = ctx.call.with_untracked(|c| c.as_ref().is_some_and(|c| c.ticked(n)));
                let act = Action::Tick(n);
                view! {
                    <li class="pandu-say__line pandu-say__line--must">
                        <label class="pandu-say__tick">
                            <input
                                type="checkbox"
                                class="pandu-say__box"
                                data-testid="script-must"
                                data-hook=Hook::Must.as_str()
                                data-act=act.act()
                                data-arg=act.arg()
                                checked=said
                            />
                            {text}
                            <span class="pandu-say__must">"Wajib disampaikan"</span>
                        </label>
                    </li>
                }
                .into_any()
            } else {
                view! { <li class="pandu-say__line">{text}</li> }.into_any()
            }
        })
        .collect_view();
    let h = use_dom().id("say-h");
    view! {
        <section
            class=if closing { "pandu-say pandu-say--closing" } else { "pandu-say" }
            aria-labelledby=h.clone()
            data-testid=closing.then_some("closing")
        >
            <h4 id=h.clone() class="pandu-say__label">
                {if closing {
                    "Penutup: ucapkan sebelum panggilan diakhiri"
                } else {
                    "Ucapkan kepada pelanggan"
                }}
            </h4>
            <ul class="pandu-say__lines">{items}</ul>
        </section>
    }
    .into_any()
}
