use crate::browser;
use crate::state::use_call;
use leptos::prelude::*;
use pandu_engine::Choice;

/// The question of an ask step and its options as large numbered buttons (keys 1–9).
#[component]
pub fn AskOptions(question: String, options: Vec<Choice>) -> impl IntoView {
    let ctx = use_call();
    let q = move || {
        ctx.call
            .with(|c| c.as_ref().map(|c| c.render(&question)).unwrap_or_default())
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let delta = match ev.key().as_str() {
            "ArrowDown" => 1,
            "ArrowUp" => -1,
            _ => return,
        };
        ev.prevent_default();
        browser::move_focus("[data-testid=\"option\"]", delta);
    };
    let buttons = options
        .into_iter()
        .enumerate()
        .map(|(i, o)| {
            let n = i + 1;
            let id = o.id.clone();
            let template = o.label;
            let label = move || {
                ctx.call
                    .with(|c| c.as_ref().map(|c| c.render(&template)).unwrap_or_default())
            };
            view! {
                <li class="pandu-ask__item">
                    <button
                        type="button"
                        class="pandu-option"
                        data-testid="option"
                        data-option-id=o.id
                        aria-keyshortcuts=(n <= 9).then(|| n.to_string())
                        on:click=move |_| ctx.choose(&id)
                    >
                        <span class="pandu-option__num" aria-hidden="true">
                            {if n <= 9 { n.to_string() } else { "·".into() }}
                        </span>
                        <span class="pandu-option__label">{label}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="pandu-ask" role="group" aria-labelledby="pandu-ask-q">
            <p id="pandu-ask-q" class="pandu-ask__q" data-testid="question">{q}</p>
            <ol class="pandu-ask__options" on:keydown=on_keydown>{buttons}</ol>
        </div>
    }
}
