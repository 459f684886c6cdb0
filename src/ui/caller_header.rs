use crate::actions::Typed;
use crate::hooks::Hook;
use crate::state::{use_call, HeaderCtx};
use crate::ui::caller_number::CallerNumber;
use crate::ui::use_dom;
use leptos::prelude::*;
use pandu_engine::template::Honorific;

/// The caller header: name, honorific and the optional IDPEL and phone that script lines and tickets use.
#[component]
pub fn CallerHeader() -> impl IntoView {
    let ctx = use_call();
    let msgs = expect_context::<HeaderCtx>();
    let honorific = move || ctx.caller.with(|c| c.honorific);
    let dom = use_dom();
    let (h, name, sapaan) = (
        dom.id("caller-h"),
        dom.id("caller-name"),
        dom.id("caller-honorific"),
    );
    // Values are set from the caller only when it changes from elsewhere
    // (a host's context, a restored call, the next caller): typing itself
    // goes through the root's input handler into `ctx.caller`.
    view! {
        <section class="pandu-caller" aria-labelledby=h.clone()>
            <h2 id=h.clone() class="pandu-caller__title">"Penelepon"</h2>
            <div class="pandu-caller__grid">
                <div class="pandu-caller__cell pandu-caller__cell--name">
                    <label class="pandu-label" for=name.clone()>"Nama"</label>
                    <input
                        id=name
                        class="pandu-input"
                        data-testid="caller-name"
                        data-hook=Hook::CallerName.as_str()
                        data-input=Typed::CallerName.as_str()
                        type="text"
                        autocomplete="off"
                        spellcheck="false"
                        prop:value=move || ctx.caller.with(|c| c.name.clone())
                    />
                </div>
                <div class="pandu-caller__cell pandu-caller__cell--honorific">
                    <label class="pandu-label" for=sapaan.clone()>"Sapaan"</label>
                    <select
                        id=sapaan
                        class="pandu-input"
                        data-testid="caller-honorific"
                        data-input=Typed::CallerHonorific.as_str()
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
                    id=dom.id("caller-idpel")
                    label="IDPEL "
                    testid="caller-idpel"
                    input=Typed::CallerIdpel
                    kind="text"
                    mode="numeric"
                    msg=msgs.idpel
                    value=|c| c.idpel.clone()
                />
                <CallerNumber
                    id=dom.id("caller-phone")
                    label="No. HP "
                    testid="caller-phone"
                    input=Typed::CallerPhone
                    kind="tel"
                    mode="tel"
                    msg=msgs.phone
                    value=|c| c.phone.clone()
                />
            </div>
        </section>
    }
}
