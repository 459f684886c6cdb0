use crate::browser::net;
use crate::studio::scenarios::{self, Outcome};
use crate::studio::state::{scenarios_name, use_studio};
use leptos::prelude::*;

/// The SOP's scenarios as text, run on the draft: each passed or failed with the ticket fields that differ.
#[component]
pub fn ScenarioPanel() -> impl IntoView {
    let ctx = use_studio();
    let results = RwSignal::new(None::<Result<Vec<Outcome>, String>>);
    let run = move || {
        let Some(sop) = ctx.checked_now().clean_sop().cloned() else {
            results.set(Some(Err(
                "Skenario dijalankan pada SOP yang lolos pemeriksaan: perbaiki kesalahannya dulu."
                    .into(),
            )));
            return;
        };
        let file = scenarios_name(&ctx.file.get_untracked());
        let parsed = ctx.scenarios.with_untracked(|t| scenarios::parse(&file, t));
        results.set(Some(match parsed {
            Ok(list) if list.is_empty() => Err("Belum ada skenario.".into()),
            Ok(list) => {
                let cat = ctx.base.with_untracked(|b| scenarios::with_draft(b, &sop));
                Ok(scenarios::run_all(&cat, &list))
            }
            Err(e) => Err(e.to_string()),
        }));
    };
    view! {
        <div class="studio__panel" data-testid="scenario-panel">
            <p>
                "Skenario: jalan uji dengan tiket yang diharapkan (docs/SOP-FORMAT.md, \"Skenario\"). "
                "Disimpan sebagai "
                <code>{move || scenarios_name(&ctx.file.get())}</code>
                "."
            </p>
            <textarea
                class="studio__text studio__text--scenarios"
                data-testid="scenarios-text"
                aria-label="Skenario (TOML)"
                spellcheck="false"
                wrap="off"
                prop:value=move || ctx.scenarios.get()
                on:input=move |e| ctx.edit_scenarios(event_target_value(&e))
            ></textarea>
            <p>
                <button
                    type="button"
                    class="pandu-btn pandu-btn--primary"
                    data-testid="run-scenarios"
                    on:click=move |_| run()
                >
                    "Jalankan skenario"
                </button>
                " "
                <button
                    type="button"
                    class="pandu-btn"
                    data-testid="download-scenarios"
                    on:click=move |_| {
                        let name = scenarios_name(&ctx.file.get_untracked());
                        let name = name.trim_start_matches("sops/").to_string();
                        let _ = ctx
                            .scenarios
                            .with_untracked(|t| net::download(&name, "text/plain", t));
                    }
                >
                    "Unduh skenario"
                </button>
            </p>
            {move || {
                results
                    .get()
                    .map(|r| match r {
                        Err(e) => {
                            view! { <p class="pandu-hint" role="alert" data-testid="scenario-error">{e}</p> }
                                .into_any()
                        }
                        Ok(list) => {
                            let passed = list.iter().filter(|o| o.passed).count();
                            let total = list.len();
                            view! {
                                <p
                                    class="studio__status"
                                    data-testid="scenario-summary"
                                    data-passed=passed
                                    data-total=total
                                >
                                    {format!("{passed} dari {total} skenario lulus.")}
                                </p>
                                <ul class="studio__results">
                                    {list
                                        .into_iter()
                                        .map(|o| {
                                            view! {
                                                <li
                                                    class=if o.passed { "studio__pass" } else { "studio__fail" }
                                                    data-testid="scenario-result"
                                                    data-passed=o.passed.to_string()
                                                >
                                                    <strong>{if o.passed { "Lulus" } else { "Gagal" }}</strong>
                                                    ": "
                                                    {o.name}
                                                    <ul>
                                                        {o
                                                            .differences
                                                            .into_iter()
                                                            .map(|d| view! { <li data-testid="scenario-difference">{d}</li> })
                                                            .collect_view()}
                                                    </ul>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            }
                                .into_any()
                        }
                    })
            }}
        </div>
    }
}
