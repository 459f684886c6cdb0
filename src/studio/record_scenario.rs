use crate::browser::net;
use crate::state::use_call;
use crate::studio::scenarios;
use crate::studio::state::use_studio;
use chrono::{Datelike, Timelike};
use leptos::prelude::*;
use pandu_engine::ticket;

/// At the preview's outcome: the walk recorded as a scenario (its answers and the tickets it made), to add to the SOP's scenarios or download.
#[component]
pub fn RecordScenario() -> impl IntoView {
    let studio = use_studio();
    let ctx = use_call();
    let name = RwSignal::new("Rekaman pratinjau".to_string());
    let recorded = RwSignal::new(None::<Result<String, String>>);
    let record = move || {
        let Some(at) = ctx.finished_at.get_untracked() else {
            return;
        };
        let now = format!(
            "{:04}-{:02}-{:02} {:02}:{:02}",
            at.year(),
            at.month(),
            at.day(),
            at.hour(),
            at.minute()
        );
        let text: Result<String, String> = ctx.call.with_untracked(|c| {
            let c = c.as_ref().ok_or("Tidak ada panggilan.")?;
            let composed = ctx
                .app
                .with_cat(|cat| ticket::compose(cat, c, at))
                .ok_or("Panggilan belum sampai hasil akhir.")?;
            scenarios::record(c, &composed, &name.get_untracked(), &now)
        });
        recorded.set(Some(text));
    };
    view! {
        <Show when=move || ctx.finished_at.with(Option::is_some)>
            <section class="studio__record" data-testid="record-panel">
                <h3>"Rekam sebagai skenario"</h3>
                <label class="studio__label">
                    "Nama skenario "
                    <input
                        type="text"
                        class="pandu-input"
                        data-testid="record-name"
                        prop:value=move || name.get()
                        on:input=move |e| name.set(event_target_value(&e))
                    />
                </label>
                <button
                    type="button"
                    class="pandu-btn"
                    data-testid="record"
                    on:click=move |_| record()
                >
                    "Rekam"
                </button>
                {move || {
                    recorded
                        .get()
                        .map(|r| match r {
                            Ok(text) => {
                                let add = text.clone();
                                let file = text.clone();
                                view! {
                                    <pre class="studio__code" data-testid="recorded">{text}</pre>
                                    <button
                                        type="button"
                                        class="pandu-btn"
                                        data-testid="record-add"
                                        on:click=move |_| {
                                            let all = studio.scenarios.with_untracked(|s| scenarios::append(s, &add));
                                            studio.edit_scenarios(all);
                                            studio.notice.set(Some("Skenario rekaman ditambahkan ke panel Skenario.".into()));
                                        }
                                    >
                                        "Tambahkan ke skenario SOP"
                                    </button>
                                    <button
                                        type="button"
                                        class="pandu-btn"
                                        data-testid="record-download"
                                        on:click=move |_| {
                                            let _ = net::download("skenario-rekaman.toml", "text/plain", &file);
                                        }
                                    >
                                        "Unduh"
                                    </button>
                                }
                                    .into_any()
                            }
                            Err(e) => view! { <p class="pandu-hint" role="alert">{e}</p> }.into_any(),
                        })
                }}
            </section>
        </Show>
    }
}
