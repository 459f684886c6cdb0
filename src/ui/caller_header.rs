use crate::state::{use_call, HeaderCtx};
use crate::ui::caller_number::CallerNumber;
use leptos::prelude::*;
use pandu_engine::template::Honorific;

/// The caller header: name, honorific and the optional IDPEL and phone that script lines and tickets use.
#[component]
pub fn CallerHeader() -> impl IntoView {
    let ctx = use_call();
    let msgs = expect_context::<HeaderCtx>();
    let honorific = move || ctx.caller.with(|c| c.honorific);
    // Values are set from the caller only when it changes from elsewhere
    // (a host's context, a restored call, the next caller): typing itself
    // goes through the root's input handler into `ctx.caller`.
    view! {
        <section class="pandu-caller" aria-labelledby="pandu-caller-h">
            <h2 id="pandu-caller-h" class="pandu-caller__title">"Penelepon"</h2>
            <div class="pandu-caller__grid">
                <div class="pandu-caller__cell pandu-caller__cell--name">
                    <label class="pandu-label" for="pandu-caller-name">"Nama"</label>
                    <input
                        id="pandu-caller-name"
                        class="pandu-input"
                        data-testid="caller-name"
                        data-input="caller-name"
                        type="text"
                        autocomplete="off"
                        spellcheck="false"
                        prop:value=move || ctx.caller.with(|c| c.name.clone())
                    />
                </div>
                <div class="pandu-caller__cell pandu-caller__cell--honorific">
                    <label class="pandu-label" for="pandu-caller-honorific">"Sapaan"</label>
                    <select
                        id="pandu-caller-honorific"
                        class="pandu-input"
                        data-testid="caller-honorific"
                        data-input="caller-honorific"
                    >
                        <option value="" selected=move || honorific() == Honorific::Unknown>
                            "Bapak/Ibu"
                        </option>
                        <option value="bapak" selected=move || honorific() == Honorific::Bapak>
                            "Bapak"
                        </option>
                        <option value="ibu" selected=move || honorific() == Honorific::Ibu>
                            "Ibu"
                        </option>
                    </select>
                </div>
                <CallerNumber
                    id="pandu-caller-idpel"
                    label="IDPEL "
                    input="caller-idpel"
                    kind="text"
                    mode="numeric"
                    msg=msgs.idpel
                    value=|c| c.idpel.clone()
                />
                <CallerNumber
                    id="pandu-caller-phone"
                    label="No. HP "
                    input="caller-phone"
                    kind="tel"
                    mode="tel"
                    msg=msgs.phone
                    value=|c| c.phone.clone()
                />
            </div>
        </section>
    }
}
