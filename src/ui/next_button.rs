use crate::actions::Action;
use leptos::prelude::*;

/// The step's continue button: answers say, transfer and escalate steps, or submits the form it is in.
#[component]
pub fn NextButton(
    label: &'static str,
    // Inside a collect form: submit it instead of continuing.
    #[prop(optional)] submit: bool,
) -> impl IntoView {
    view! {
        <div class="pandu-next">
            <button
                type=if submit { "submit" } else { "button" }
                class="pandu-btn pandu-btn--primary"
                data-testid="next"
                data-act=(!submit).then(|| Action::Next.act())
                aria-keyshortcuts="Enter"
            >
                {label}
                <span class="pandu-btn__key" aria-hidden="true">"Enter ↵"</span>
            </button>
        </div>
    }
}
