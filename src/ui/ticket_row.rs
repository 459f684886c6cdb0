use crate::ui::copy_button::CopyButton;
use leptos::prelude::*;
use pandu_engine::ticket::TicketField;
use pandu_engine::System;

/// One ticket field: the system's field name, the value to paste, and its own copy button.
#[component]
pub fn TicketRow(system: System, field: TicketField, index: usize) -> impl IntoView {
    let value_id = format!("pandu-v-{}-{index}", system.as_str());
    let select = format!("#{value_id}");
    let text = field.value.clone();
    let name = field.name.clone();
    let data_field = field.name.clone();
    let copy_name = field.name.clone();
    view! {
        <div class="pandu-ticket__row" data-testid="ticket-field" data-field=data_field>
            <dt class="pandu-ticket__name">{name}</dt>
            <dd class="pandu-ticket__value">
                <span id=value_id data-testid="ticket-value">{field.value}</span>
                {field
                    .warning
                    .map(|w| view! { <span class="pandu-ticket__warn" data-testid="ticket-warning">{w}</span> })}
            </dd>
            <dd class="pandu-ticket__copy">
                <CopyButton
                    text=Signal::derive(move || text.clone())
                    name=copy_name
                    label="Salin"
                    testid="copy-field"
                    select_on_fail=select
                />
            </dd>
        </div>
    }
}
