use crate::ui::copy_button::CopyButton;
use leptos::prelude::*;
use pandu_engine::ticket::TicketField;

/// One ticket field: the system's field name, the value to paste, and its own copy button.
#[component]
pub fn TicketRow(
    field: TicketField,
    // The value's element id, selected for a manual copy when copying fails.
    value_id: String,
) -> impl IntoView {
    let select = format!("#{value_id}");
    let data_field = field.name.clone();
    let shown_name = field.name.clone();
    let shown_value = field.value.clone();
    view! {
        <div class="pandu-ticket__row" data-testid="ticket-field" data-field=data_field>
            <dt class="pandu-ticket__name">{shown_name}</dt>
            <dd class="pandu-ticket__value">
                <span id=value_id data-testid="ticket-value">{shown_value}</span>
                {field
                    .warning
                    .map(|w| view! { <span class="pandu-ticket__warn" data-testid="ticket-warning">{w}</span> })}
            </dd>
            <dd class="pandu-ticket__copy">
                <CopyButton
                    text=field.value
                    name=field.name
                    label="Salin"
                    testid="copy-field"
                    select_on_fail=select
                />
            </dd>
        </div>
    }
}
