use crate::browser;
use crate::state::{use_call, CallCtx};
use leptos::prelude::*;
use pandu_engine::flow::Caller;
use pandu_engine::template::Honorific;
use pandu_engine::validate;

/// The caller header: name, honorific and the optional IDPEL and phone that script lines and tickets use.
#[component]
pub fn CallerHeader() -> impl IntoView {
    let ctx = use_call();
    let idpel_msg = RwSignal::new(None::<String>);
    let phone_msg = RwSignal::new(None::<String>);

    // Numbers are normalised when the CSO leaves the box, so `{telepon}` in a
    // ticket reads `0812…` however it was typed; a wrong one is flagged but
    // never blocks the call (both are optional).
    let idpel_blur = move |ev: leptos::ev::FocusEvent| {
        let raw = ctx.caller.with_untracked(|c| c.idpel.clone());
        let checked = (!raw.trim().is_empty()).then(|| validate::idpel(&raw));
        settle_number(
            ctx,
            checked,
            idpel_msg,
            browser::blur_to_button(&ev),
            move |c, v| c.idpel = v,
        );
    };
    let phone_blur = move |ev: leptos::ev::FocusEvent| {
        let raw = ctx.caller.with_untracked(|c| c.phone.clone());
        let checked = (!raw.trim().is_empty()).then(|| validate::phone(&raw));
        settle_number(
            ctx,
            checked,
            phone_msg,
            browser::blur_to_button(&ev),
            move |c, v| c.phone = v,
        );
    };
    let honorific = move || ctx.caller.with(|c| c.honorific);

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
                        type="text"
                        autocomplete="off"
                        spellcheck="false"
                        prop:value=move || ctx.caller.with(|c| c.name.clone())
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            ctx.edit_caller(move |c| c.name = v.clone());
                        }
                    />
                </div>
                <div class="pandu-caller__cell pandu-caller__cell--honorific">
                    <label class="pandu-label" for="pandu-caller-honorific">"Sapaan"</label>
                    <select
                        id="pandu-caller-honorific"
                        class="pandu-input"
                        data-testid="caller-honorific"
                        on:change=move |ev| {
                            let h = Honorific::parse(&event_target_value(&ev));
                            ctx.edit_caller(move |c| c.honorific = h);
                        }
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
                <div class="pandu-caller__cell">
                    <label class="pandu-label" for="pandu-caller-idpel">
                        "IDPEL " <span class="pandu-optional">"(opsional)"</span>
                    </label>
                    <input
                        id="pandu-caller-idpel"
                        class="pandu-input"
                        data-testid="caller-idpel"
                        type="text"
                        inputmode="numeric"
                        autocomplete="off"
                        aria-invalid=move || if idpel_msg.with(Option::is_some) { "true" } else { "false" }
                        aria-describedby=move || idpel_msg.with(Option::is_some).then_some("pandu-caller-idpel-msg")
                        prop:value=move || ctx.caller.with(|c| c.idpel.clone())
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            ctx.edit_caller(move |c| c.idpel = v.clone());
                        }
                        on:blur=idpel_blur
                    />
                    {move || {
                        idpel_msg
                            .get()
                            .map(|m| {
                                view! {
                                    <p id="pandu-caller-idpel-msg" class="pandu-field__error" role="alert">
                                        {m}
                                    </p>
                                }
                            })
                    }}
                </div>
                <div class="pandu-caller__cell">
                    <label class="pandu-label" for="pandu-caller-phone">
                        "No. HP " <span class="pandu-optional">"(opsional)"</span>
                    </label>
                    <input
                        id="pandu-caller-phone"
                        class="pandu-input"
                        data-testid="caller-phone"
                        type="tel"
                        inputmode="tel"
                        autocomplete="off"
                        aria-invalid=move || if phone_msg.with(Option::is_some) { "true" } else { "false" }
                        aria-describedby=move || phone_msg.with(Option::is_some).then_some("pandu-caller-phone-msg")
                        prop:value=move || ctx.caller.with(|c| c.phone.clone())
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            ctx.edit_caller(move |c| c.phone = v.clone());
                        }
                        on:blur=phone_blur
                    />
                    {move || {
                        phone_msg
                            .get()
                            .map(|m| {
                                view! {
                                    <p id="pandu-caller-phone-msg" class="pandu-field__error" role="alert">
                                        {m}
                                    </p>
                                }
                            })
                    }}
                </div>
            </div>
        </section>
    }
}

// Apply a header number check: store the normal form, or show why it is
// wrong (unless the focus went to a button, whose click a message appearing
// above it would make miss).
fn settle_number(
    ctx: CallCtx,
    checked: Option<Result<String, String>>,
    msg: RwSignal<Option<String>>,
    to_button: bool,
    store: impl Fn(&mut Caller, String) + Copy + 'static,
) {
    match checked {
        None => msg.set(None),
        Some(Ok(v)) => {
            msg.set(None);
            ctx.edit_caller(move |c| store(c, v.clone()));
        }
        Some(Err(m)) if !to_button => msg.set(Some(m)),
        Some(Err(_)) => {}
    }
}
