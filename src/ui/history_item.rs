use crate::shift::use_shift;
use crate::ui::composed_view::ComposedView;
use leptos::prelude::*;
use pandu_engine::history::mask;
use pandu_engine::ticket::Composed;

/// One ended call in the history: masked in the list, the full ticket to copy again once opened.
#[component]
pub fn HistoryItem(
    // The ended call's id.
    call_id: String,
    // Which entry is open (one at a time).
    open: RwSignal<Option<String>>,
) -> impl IntoView {
    let shift = use_shift();
    let entry = {
        let id = call_id.clone();
        Memo::new(move |_| {
            shift
                .history
                .with(|h| h.entries.iter().find(|e| e.call_id == id).cloned())
        })
    };
    let is_open = {
        let id = call_id.clone();
        Memo::new(move |_| open.with(|o| o.as_deref() == Some(id.as_str())))
    };
    let composed = Signal::derive(move || entry.with(|e| e.as_ref().map(|e| e.composed.clone())));
    let panel_id = format!("pandu-hist-{}", dom_id(&call_id));
    let toggle = {
        let id = call_id.clone();
        move |_| {
            let now_open = is_open.get_untracked();
            open.set((!now_open).then(|| id.clone()));
        }
    };
    // Masked once per change of the entry, not once per text node.
    let line = Memo::new(move |_| {
        entry.with(|e| {
            e.as_ref()
                .map(|e| {
                    let name = if e.caller_name.is_empty() {
                        "(nama belum diisi)".to_string()
                    } else {
                        mask(&e.caller_name)
                    };
                    (
                        e.sop_title.clone(),
                        name,
                        e.ended_at.clone(),
                        mask(&preview(&e.composed)),
                    )
                })
                .unwrap_or_default()
        })
    });
    view! {
        <li class="pandu-history__item" data-testid="history-item" data-call-id=call_id.clone()>
            // A heading around the button (the accordion pattern): the
            // ticket panels inside continue the page's heading levels.
            <h3 class="pandu-history__h">
                <button
                    type="button"
                    class="pandu-history__open"
                    data-testid="history-open"
                    aria-expanded=move || if is_open.get() { "true" } else { "false" }
                    aria-controls=panel_id.clone()
                    on:click=toggle
                >
                    <span class="pandu-history__title">{move || line.with(|l| l.0.clone())}</span>
                    <span class="pandu-history__caller" data-testid="history-caller">{move || line.with(|l| l.1.clone())}</span>
                    <span class="pandu-history__time">{move || line.with(|l| format!("Selesai {} WIB", l.2))}</span>
                    <span class="pandu-history__preview" data-testid="history-preview">{move || line.with(|l| l.3.clone())}</span>
                </button>
            </h3>
            <div id=panel_id class="pandu-history__ticket">
                {move || {
                    is_open
                        .get()
                        .then(|| {
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
    let field = |name: &str| {
        c.tickets
            .iter()
            .flat_map(|t| t.fields.iter())
            .find(|f| f.name == name)
            .map(|f| f.value.clone())
    };
    field("Permasalahan")
        .or_else(|| field("Keterangan"))
        .unwrap_or_else(|| c.summary.clone())
}

// Call ids are uuids or time+random: keep what an HTML id tolerates.
fn dom_id(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}
