use crate::actions::Typed;
use crate::state::use_call;
use leptos::prelude::*;
use pandu_engine::flow::Caller;

/// One optional number of the caller header (IDPEL, phone), with its message when it is not right.
#[component]
pub fn CallerNumber(
    id: String,
    label: &'static str,
    testid: &'static str,
    // Which header number the root's handlers update from this box.
    input: Typed,
    kind: &'static str,
    mode: &'static str,
    msg: RwSignal<Option<String>>,
    // Which number of the header this box shows.
    value: fn(&Caller) -> String,
) -> impl IntoView {
    let ctx = use_call();
    let value = move || ctx.caller.with(value);
    let msg_id = format!("{id}-msg");
    let described = msg_id.clone();
    view! {
        <div class="pandu-caller__cell">
            <label class="pandu-label" for=id.clone()>
                {label} <span class="pandu-optional">"(opsional)"</span>
            </label>
            <input
                id=id
                class="pandu-input"
                data-testid=testid
                data-input=input.as_str()
                type=kind
                inputmode=mode
                autocomplete="off"
                aria-invalid=move || if msg.with(Option::is_some) { "true" } else { "false" }
                aria-describedby=move || msg.with(Option::is_some).then(|| described.clone())
                prop:value=value
            />
            {move || {
                msg.get()
                    .map(|m| {
                        view! {
                            <p id=msg_id.clone() class="pandu-field__error" role="alert">
                                {m}
                            </p>
                        }
                    })
            }}
        </div>
    }
}
