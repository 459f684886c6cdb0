use crate::actions::Action;
use crate::hooks::id_safe;
use crate::shift::use_shift;
use crate::ui::composed_view::ComposedView;
use crate::ui::use_dom;
use leptos::prelude::*;
use pandu_engine::history::{mask, Ended};
use pandu_engine::ticket::Composed;

/// One ended call in the history: masked in the list, the full ticket to copy again once opened.
#[component]
pub fn HistoryItem(entry: Ended) -> impl IntoView {
    let shift = use_shift();
    let id = entry.call_id.clone();
    let is_open = {
        let id = id.clone();
        Memo::new(move |_| shift.open.with(|o| o.as_deref() == Some(id.as_str())))
    };
    let panel_id = use_dom().id(&format!("hist-{}", id_safe(&id)));
    let name = if entry.caller_name.is_empty() {
        "(nama belum diisi)".to_string()
    } else {
        mask(&entry.caller_name)
    };
    let preview = mask(&preview(&entry.composed));
    let composed = StoredValue::new(entry.composed);
    let item_id = id.clone();
    let act = Action::ToggleHistory(id);
    view! {
        <li class="pandu-history__item" data-testid="history-item" data-call-id=item_id>
            // A heading around the button (the accordion pattern): the
            // ticket panels inside continue the page's heading levels.
            <h3 class="pandu-history__h">
                <button
                    type="button"
                    class="pandu-history__open"
                    data-testid="history-open"
                    data-act=act.act()
                    data-arg=act.arg()
                    aria-expanded=move || if is_open.get() { "true" } else { "false" }
                    aria-controls=panel_id.clone()
                >
                    <span class="pandu-history__title">{entry.sop_title}</span>
                    <span class="pandu-history__caller" data-testid="history-caller">{name}</span>
                    <span class="pandu-history__time">"Selesai " {entry.ended_at} " WIB"</span>
                    <span class="pandu-history__preview" data-testid="history-preview">{preview}</span>
                </button>
            </h3>
            <div id=panel_id class="pandu-history__ticket">
                {move || {
                    is_open
                        .get()
                        .then(|| {
                            let composed = Signal::derive(move || Some(composed.get_value()));
                            view! {
                                <div class="pandu-outcome" data-testid="history-ticket">
                                    <ComposedView composed />
                                </div>
                            }
                        })
                }}
            </div>
        </li>
    }
}

// The line that says what the call was about: APKT's Permasalahan or a
// Keterangan when there is one, else the outcome's summary.
fn preview(c: &Composed) -> String {
    let field = |name: &str| c.tickets.iter().find_map(|t| t.get(name));
    field("Permasalahan")
        .or_else(|| field("Keterangan"))
        .unwrap_or(&c.summary)
        .to_string()
}
