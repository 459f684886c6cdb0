use crate::state::use_call;
use leptos::prelude::*;

/// The step's continue button: answers say, transfer and escalate steps, or submits the form it is in.
#[component]
pub fn NextButton(
    #[prop(into)] label: String,
    // Inside a collect form: submit it instead of continuing.
    #[prop(optional)] submit: bool,
) -> impl IntoView {
    let ctx = use_call();
    view! {
        <div class="pandu-next">
            <button
                type=if submit { "submit" } else { "button" }
                class="pandu-btn pandu-btn--primary"
                data-testid="next"
                aria-keyshortcuts="Enter"
                on:click=move |_| {
                    if !submit {
                        ctx.proceed();
                    }
                }
            >
                {label}
                <span class="pandu-btn__key" aria-hidden="true">"Enter ↵"</span>
            </button>
        </div>
    }
}
