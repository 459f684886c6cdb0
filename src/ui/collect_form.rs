use crate::browser;
use crate::state::{use_call, FormState};
use crate::ui::field_input::FieldInput;
use crate::ui::next_button::NextButton;
use leptos::prelude::*;
use pandu_engine::Field;
use std::collections::BTreeMap;

/// The fields of a collect step, checked on blur and again when the CSO continues.
#[component]
pub fn CollectForm(fields: Vec<Field>) -> impl IntoView {
    let ctx = use_call();
    // Start values: what the CSO typed before stepping back, else the prefill.
    let start: BTreeMap<String, String> = ctx.call.with_untracked(|c| {
        c.as_ref()
            .map(|c| {
                fields
                    .iter()
                    .map(|f| (f.id.clone(), c.field_start_value(f)))
                    .collect()
            })
            .unwrap_or_default()
    });
    let raw = RwSignal::new(start);
    let errors = RwSignal::new(BTreeMap::<String, String>::new());
    let warnings = RwSignal::new(BTreeMap::<String, String>::new());
    let summary = RwSignal::new(None::<String>);
    // Counts refused sends, so a test (or a host) can tell "refused again" from "nothing happened".
    let refused = RwSignal::new(0u32);
    let send = move || match ctx.submit(raw.get_untracked()) {
        Ok(()) => {}
        Err(errs) => {
            refused.update(|n| *n += 1);
            let first = errs.first().map(|(id, _)| id.clone());
            summary.set(Some(match errs.len() {
                1 => "1 isian perlu diperbaiki sebelum lanjut.".to_string(),
                n => format!("{n} isian perlu diperbaiki sebelum lanjut."),
            }));
            errors.set(errs.into_iter().collect());
            if let Some(id) = first {
                browser::focus_soon(format!(
                    "[data-testid=\"field\"][data-field-id=\"{}\"] :is(input, select, textarea)",
                    css_escape(&id)
                ));
            }
        }
    };
    let form = FormState {
        raw,
        errors,
        warnings,
        submit: Callback::new(move |()| send()),
    };
    // Once everything is fixed the summary has nothing left to say.
    Effect::new(move |_| {
        if errors.with(BTreeMap::is_empty) {
            summary.set(None);
        }
    });

    view! {
        <form
            class="pandu-form"
            novalidate
            data-testid="form"
            data-refused=move || refused.get()
            on:submit=move |ev| {
                ev.prevent_default();
                send();
            }
        >
            {fields.into_iter().map(|field| view! { <FieldInput field form /> }).collect_view()}
            <div class="pandu-form__summary" role="alert">
                {move || {
                    summary.get().map(|s| view! { <p class="pandu-hint" data-testid="form-error">{s}</p> })
                }}
            </div>
            <NextButton label="Lanjut" submit=true />
        </form>
    }
}

// Field ids come from SOP files; quotes and backslashes would break the selector.
fn css_escape(id: &str) -> String {
    id.chars()
        .flat_map(|c| match c {
            '"' | '\\' => vec!['\\', c],
            _ => vec![c],
        })
        .collect()
}
