use crate::browser;
use crate::state::{use_call, FormState};
use leptos::prelude::*;
use pandu_engine::{Field, FieldKind};

/// One field of a collect form: label, input fit for its type, help, and its error or warning.
#[component]
pub fn FieldInput(field: Field, form: FormState) -> impl IntoView {
    let ctx = use_call();
    let id = field.id.clone();
    let input_id = format!("pandu-f-{}", dom_id(&id));
    let help_id = format!("{input_id}-help");
    let err_id = format!("{input_id}-err");
    let warn_id = format!("{input_id}-warn");
    let dirty = RwSignal::new(false);
    // The SOP's own help wins; the generic format reminder is only a fallback.
    let help = match field.help.trim() {
        "" => kind_hint(field.kind).to_string(),
        own => own.to_string(),
    };
    let has_help = !help.is_empty();

    let value = {
        let id = id.clone();
        move || {
            form.raw
                .try_with(|r| r.get(&id).cloned().unwrap_or_default())
                .unwrap_or_default()
        }
    };
    let error = {
        let id = id.clone();
        Memo::new(move |_| form.errors.with(|e| e.get(&id).cloned()))
    };
    let warning = {
        let id = id.clone();
        Memo::new(move |_| form.warnings.with(|w| w.get(&id).cloned()))
    };

    // The same rules as on submit, one field at a time: the CSO sees a wrong
    // number while the caller is still on that sentence.
    let check = {
        let field = field.clone();
        move || {
            // `try_`: a blur can still arrive after the step is gone (the focused
            // input is removed by the transition), when this form's state is disposed.
            let Some(raw) = form.raw.try_get_untracked() else {
                return;
            };
            let text = raw.get(&field.id).cloned().unwrap_or_default();
            let result = ctx
                .call
                .with_untracked(|c| c.as_ref().map(|c| c.check_field(&field, &text, &raw)));
            let Some(result) = result else { return };
            match result {
                Ok(checked) => {
                    form.errors.update(|e| {
                        e.remove(&field.id);
                    });
                    form.warnings.update(|w| {
                        if checked.warnings.is_empty() {
                            w.remove(&field.id);
                        } else {
                            w.insert(field.id.clone(), checked.warnings.join(" "));
                        }
                    });
                }
                Err(message) => form.errors.update(|e| {
                    e.insert(field.id.clone(), message);
                }),
            }
        }
    };
    let on_blur = {
        let check = check.clone();
        let value = value.clone();
        // Tabbing through an untouched empty field is not an error yet.
        move |ev: leptos::ev::FocusEvent| {
            if browser::blur_to_button(&ev) {
                return;
            }
            let touched = dirty.try_get_untracked().unwrap_or(false);
            let shown = error.try_with_untracked(Option::is_some).unwrap_or(false);
            if touched || shown || !value().is_empty() {
                check();
            }
        }
    };
    let on_input = {
        let id = id.clone();
        let check = check.clone();
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            dirty.set(true);
            form.raw.update(|r| {
                r.insert(id.clone(), v);
            });
            // An error already shown clears as soon as the input is right.
            if error.try_with_untracked(Option::is_some).unwrap_or(false) {
                check();
            }
        }
    };
    let described = {
        let (help_id, err_id, warn_id) = (help_id.clone(), err_id.clone(), warn_id.clone());
        move || {
            let mut ids = Vec::new();
            if error.with(Option::is_some) {
                ids.push(err_id.clone());
            }
            if warning.with(Option::is_some) {
                ids.push(warn_id.clone());
            }
            if has_help {
                ids.push(help_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let invalid = move || {
        if error.with(Option::is_some) {
            "true"
        } else {
            "false"
        }
    };
    let required = field.required;

    let control = match field.kind {
        FieldKind::Note => view! {
            <textarea
                id=input_id.clone()
                class="pandu-input pandu-input--note"
                name=id.clone()
                rows="3"
                aria-invalid=invalid
                aria-required=required.then_some("true")
                aria-describedby=described
                prop:value=value
                on:input=on_input
                on:blur=on_blur
                on:keydown=move |ev| {
                    // Enter writes a new line here; Ctrl+Enter sends the form.
                    if ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key()) {
                        ev.prevent_default();
                        form.submit.run(());
                    }
                }
            ></textarea>
        }
        .into_any(),
        FieldKind::Select => {
            let current = value.clone();
            let options = field
                .options
                .iter()
                .map(|o| {
                    let o = o.clone();
                    let current = current.clone();
                    let selected = {
                        let o = o.clone();
                        move || current() == o
                    };
                    view! { <option value=o.clone() selected=selected>{o.clone()}</option> }
                })
                .collect_view();
            let none_selected = {
                let current = current.clone();
                move || current().is_empty()
            };
            view! {
                <select
                    id=input_id.clone()
                    class="pandu-input"
                    name=id.clone()
                    aria-invalid=invalid
                    aria-required=required.then_some("true")
                    aria-describedby=described
                    on:change=move |ev| {
                        on_input(ev);
                        check();
                    }
                    on:blur=on_blur
                >
                    <option value="" selected=none_selected>"— pilih —"</option>
                    {options}
                </select>
            }
            .into_any()
        }
        kind => view! {
            <input
                id=input_id.clone()
                class="pandu-input"
                name=id.clone()
                type=input_type(kind)
                inputmode=input_mode(kind)
                autocomplete="off"
                spellcheck="false"
                aria-invalid=invalid
                aria-required=required.then_some("true")
                aria-describedby=described
                prop:value=value
                on:input=on_input
                on:blur=on_blur
            />
        }
        .into_any(),
    };

    view! {
        <div
            class="pandu-field"
            class:pandu-field--invalid=move || error.with(Option::is_some)
            data-testid="field"
            data-field-id=id.clone()
            data-kind=format!("{:?}", field.kind).to_lowercase()
        >
            <label class="pandu-label" for=input_id.clone()>
                {field.label.clone()}
                {(!required).then(|| view! { " " <span class="pandu-optional">"(opsional)"</span> })}
            </label>
            {control}
            {has_help.then(|| view! { <p id=help_id.clone() class="pandu-field__help">{help.clone()}</p> })}
            {move || {
                error
                    .get()
                    .map(|e| {
                        view! {
                            <p id=err_id.clone() class="pandu-field__error" data-testid="field-error" role="alert">
                                {e}
                            </p>
                        }
                    })
            }}
            {move || {
                warning
                    .get()
                    .map(|w| {
                        view! {
                            <p id=warn_id.clone() class="pandu-field__warning" data-testid="field-warning">
                                {w}
                            </p>
                        }
                    })
            }}
        </div>
    }
}

// A short format reminder per type, shown under the field.
fn kind_hint(kind: FieldKind) -> &'static str {
    match kind {
        FieldKind::Email => "Contoh: nama@domain.com",
        FieldKind::Phone => "08…, +62… atau 62…, 10–13 digit",
        FieldKind::Idpel => "12 digit angka",
        FieldKind::Nik => "16 digit sesuai KTP",
        FieldKind::Power => "Dalam VA, mis. 2200 atau 2,2 kVA",
        FieldKind::Date => "DD-MM-YYYY, mis. 05-03-2021",
        FieldKind::Money => "Rupiah, mis. 1.500.000",
        FieldKind::Invoice => "Mis. INV/20210305/XXI/III/123456789",
        FieldKind::Note => "Ctrl+Enter untuk lanjut",
        FieldKind::Text | FieldKind::AccountName | FieldKind::Select => "",
    }
}

// Plain text inputs throughout: the engine accepts the separators people
// type, which `type=email`/`type=date` would reject or reshape first.
fn input_type(kind: FieldKind) -> &'static str {
    match kind {
        FieldKind::Phone => "tel",
        _ => "text",
    }
}

fn input_mode(kind: FieldKind) -> &'static str {
    match kind {
        FieldKind::Phone => "tel",
        FieldKind::Email => "email",
        FieldKind::Idpel | FieldKind::Nik => "numeric",
        _ => "text",
    }
}

// Field ids are SOP-file words; keep only what an HTML id tolerates everywhere.
fn dom_id(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}
