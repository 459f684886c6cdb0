use crate::ui::ticket_row::TicketRow;
use crate::ui::use_dom;
use leptos::prelude::*;
use pandu_engine::ticket::Ticket;

/// One system's ticket (APKT, CRM, AP2T, Simone, Form Request Callback), a row per field.
#[component]
pub fn TicketPanel(
    ticket: Ticket,
    // Put before its element ids (an earlier topic's panels beside the outcome's).
    #[prop(optional, into)] scope: String,
) -> impl IntoView {
    let system = ticket.system;
    let dom = use_dom();
    let heading_id = dom.id(&format!("{scope}ticket-{}", system.as_str()));
    let title = if ticket.tab.is_empty() {
        system.title().to_string()
    } else {
        format!("{} – {}", system.title(), ticket.tab)
    };
    let labelled_by = heading_id.clone();
    view! {
        <section
            class="pandu-ticket"
            data-testid="ticket"
            data-system=system.as_str()
            aria-labelledby=labelled_by
        >
            <h4 id=heading_id class="pandu-ticket__title">{title}</h4>
            <dl class="pandu-ticket__fields">
                {ticket
                    .fields
                    .into_iter()
                    .enumerate()
                    .map(|(i, field)| {
                        let value_id = dom.id(&format!("{scope}v-{}-{i}", system.as_str()));
                        view! { <TicketRow field value_id /> }
                    })
                    .collect_view()}
            </dl>
        </section>
    }
}
