use crate::hooks::Hook;
use crate::state::use_call;
use crate::ui::field_input::FieldInput;
use crate::ui::next_button::NextButton;
use leptos::prelude::*;
use pandu_engine::Field;

/// The fields of a collect step, checked on blur and again when the CSO continues (the root's submit handler sends them).
#[component]
pub fn CollectForm(fields: Vec<Field>) -> impl IntoView {
    let ctx = use_call();
    let form = ctx.form;
    // Start values: what the CSO typed before stepping back, else the prefill.
    let start: Vec<String> = ctx.call.with_untracked(|c| {
        fields
            .iter()
            .map(|f| {
                c.as_ref()
                    .map(|c| c.field_start_value(f))
                    .unwrap_or_default()
            })
            .collect()
    });
    let inputs = fields
        .into_iter()
        .zip(start)
        .map(|(field, value)| view! { <FieldInput field value /> })
        .collect_view();

    view! {
        <form
            class="pandu-form"
            novalidate
            data-testid="form"
            data-hook=Hook::Form.as_str()
            data-refused=move || form.refused.get()
        >
            {inputs}
            <div class="pandu-form__summary" role="alert">
                {move || {
                    form.summary.get().map(|s| view! { <p class="pandu-hint" data-testid="form-error">{s}</p> })
                }}
            </div>
            <NextButton label="Lanjut" submit=true />
        </form>
    }
}
