use crate::hooks::{id_safe, Hook};
use crate::state::use_call;
use crate::ui::use_dom;
use leptos::prelude::*;
use pandu_engine::{Field, FieldKind};

/// One field of a collect form: label, input fit for its type, help, and its error or warning.
#[component]
pub fn FieldInput(
    field: Field,
    // What the box starts with (a draft from before a back, the host's value, the prefill).
    value: String,
) -> impl IntoView {
    let form = use_call().form;
    let id = field.id;
    let input_id = use_dom().id(&format!("f-{}", id_safe(&id)));
    let help_id = format!("{input_id}-help");
    let err_id = format!("{input_id}-err");
    let warn_id = format!("{input_id}-warn");
    // The SOP's own help wins; the generic format reminder is only a fallback.
    let help = match field.help.trim() {
        "" => kind_hint(field.kind).to_string(),
        own => own.to_string(),
    };
    // A key to press is no help on a touch screen, which hides it (pandu.css).
    let help_class = if field.help.trim().is_empty() && field.kind == FieldKind::Note {
        "pandu-field__help pandu-field__help--keys"
    } else {
        "pandu-field__help"
    };
    let has_help = !help.is_empty();
    let error = {
        let id = id.clone();
        Memo::new(move |_| form.errors.with(|e| e.get(&id).cloned()))
    };
    let warning = {
        let id = id.clone();
        Memo::new(move |_| form.warnings.with(|w| w.get(&id).cloned()))
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
    let required = field.required.then_some("true");

    // Typing and leaving are followed by the root's handlers through `name`.
    let control = match field.kind {
        FieldKind::Note => view! {
            <textarea
                id=input_id.clone()
                class="pandu-input pandu-input--note"
                name=id.clone()
                rows="3"
                aria-invalid=invalid
                aria-required=required
                aria-describedby=described
                prop:value=value
            ></textarea>
        }
        .into_any(),
        FieldKind::Select => {
            let options = field
                .options
                .into_iter()
                .map(|o| {
                    let selected = o == value;
                    let v = o.clone();
                    view! { <option value=v selected=selected>{o}</option> }
                })
                .collect_view();
            view! {
                <select
                    id=input_id.clone()
                    class="pandu-input"
                    name=id.clone()
                    aria-invalid=invalid
                    aria-required=required
                    aria-describedby=described
                >
                    <option value="" selected=value.is_empty()>"— pilih —"</option>
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
                aria-required=required
                aria-describedby=described
                prop:value=value
            />
        }
        .into_any(),
    };

    view! {
        <div
            class=move || if error.with(Option::is_some) { "pandu-field pandu-field--invalid" } else { "pandu-field" }
            data-testid="field"
            data-hook=Hook::Field.as_str()
            data-field-id=id
            data-kind=field.kind.as_str()
        >
            <label class="pandu-label" for=input_id>
                {field.label}
                {(!field.required).then(|| view! { " " <span class="pandu-optional">"(opsional)"</span> })}
            </label>
            {control}
            {has_help.then(|| view! { <p id=help_id class=help_class>{help}</p> })}
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
        FieldKind::Phone => "HP 08… atau telepon rumah/kantor 0 + kode area; +62 boleh",
        FieldKind::Hp => "08…, +62… atau 62…, 10–13 digit",
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
        FieldKind::Phone | FieldKind::Hp => "tel",
        _ => "text",
    }
}

fn input_mode(kind: FieldKind) -> &'static str {
    match kind {
        FieldKind::Phone | FieldKind::Hp => "tel",
        FieldKind::Email => "email",
        FieldKind::Idpel | FieldKind::Nik => "numeric",
        _ => "text",
    }
}
