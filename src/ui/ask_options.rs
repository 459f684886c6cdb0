use crate::actions::Action;
use crate::hooks::Hook;
use crate::ui::tpl::Tpl;
use crate::ui::use_dom;
use leptos::prelude::*;
use pandu_engine::Choice;

/// The question of an ask step and its options as large numbered buttons (keys 1–9).
#[component]
pub fn AskOptions(question: String, options: Vec<Choice>) -> impl IntoView {
    let buttons = options
        .into_iter()
        .enumerate()
        .map(|(i, o)| {
            let n = i + 1;
            let act = Action::Choose(o.id.clone());
            view! {
                <li class="pandu-ask__item">
                    <button
                        type="button"
                        class="pandu-option"
                        data-testid="option"
                        data-hook=Hook::Option.as_str()
                        data-act=act.act()
                        data-arg=act.arg()
                        data-option-id=o.id
                        aria-keyshortcuts=(n <= 9).then(|| n.to_string())
                    >
                        <span class="pandu-option__num" aria-hidden="true">
                            {if n <= 9 { n.to_string() } else { "·".into() }}
                        </span>
                        <span class="pandu-option__label"><Tpl text=o.label /></span>
                    </button>
                </li>
            }
        })
        .collect_view();
    let q = use_dom().id("ask-q");
    view! {
        <div class="pandu-ask" role="group" aria-labelledby=q.clone()>
            <p id=q.clone() class="pandu-ask__q" data-testid="question"><Tpl text=question /></p>
            <ol class="pandu-ask__options">{buttons}</ol>
        </div>
    }
}
