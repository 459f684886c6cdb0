use crate::browser::studio as dom;
use crate::studio::scenarios;
use crate::studio::state::use_studio;
use leptos::prelude::*;
use pandu_engine::map::{self, Marks};
use pandu_engine::StepKind;

/// The SOP as a map: steps by kind, branches labelled, unreachable steps and dead ends marked; includes expand on demand, a scenario's path is highlighted, and a click on a step selects its text.
#[component]
pub fn MapPanel() -> impl IntoView {
    let ctx = use_studio();
    let expand = RwSignal::new(Vec::<String>::new());
    let scenario = RwSignal::new(String::new());
    // The last SOP read, even if it fails the lint: the map shows why.
    let sop = Memo::new(move |_| ctx.checked.with(|c| c.sop.clone()));
    let includes = Memo::new(move |_| {
        sop.with(|s| {
            s.as_ref()
                .map(|s| {
                    s.steps
                        .iter()
                        .filter_map(|st| match &st.kind {
                            StepKind::Include { sop, .. } => Some((st.id.clone(), sop.clone())),
                            _ => None,
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let names = Memo::new(move |_| {
        ctx.scenarios.with(|t| {
            scenarios::parse("skenario.toml", t)
                .map(|v| v.into_iter().map(|s| s.name).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let drawn = Memo::new(move |_| {
        let sop = sop.get()?;
        let cat = ctx.base.with(|b| scenarios::with_draft(b, &sop));
        let m = map::layout(&cat, &sop, &expand.get());
        let mut marks = Marks::default();
        let chosen = scenario.get();
        if !chosen.is_empty() {
            let found = ctx.scenarios.with(|t| {
                scenarios::parse("skenario.toml", t)
                    .ok()
                    .and_then(|v| v.into_iter().find(|s| s.name == chosen))
            });
            if let Some(sc) = found {
                marks.path = scenarios::path(&cat, &sc);
            }
        }
        let summary = format!(
            "{} langkah · {} tak terjangkau · {} jalan buntu",
            m.nodes.len(),
            m.nodes.iter().filter(|n| n.unreachable).count(),
            m.nodes.iter().filter(|n| n.dead_end).count()
        );
        Some((map::svg(&m, &marks), m.nodes.len(), summary))
    });
    view! {
        <div class="studio__panel" data-testid="map-panel">
            <div class="studio__map-tools">
                <label class="studio__label">
                    "Sorot skenario "
                    <select
                        data-testid="map-scenario"
                        on:change=move |e| scenario.set(event_target_value(&e))
                    >
                        <option value="">"— tidak ada —"</option>
                        {move || {
                            names
                                .get()
                                .into_iter()
                                .map(|n| view! { <option value=n.clone()>{n.clone()}</option> })
                                .collect_view()
                        }}
                    </select>
                </label>
                {move || {
                    includes
                        .get()
                        .into_iter()
                        .map(|(step, sub)| {
                            let s = step.clone();
                            let step_shown = step.clone();
                            view! {
                                <label class="studio__label">
                                    <input
                                        type="checkbox"
                                        data-testid="expand-include"
                                        prop:checked=move || expand.with(|e| e.contains(&s))
                                        on:change=move |_| {
                                            expand
                                                .update(|e| {
                                                    if let Some(i) = e.iter().position(|x| *x == step) {
                                                        e.remove(i);
                                                    } else {
                                                        e.push(step.clone());
                                                    }
                                                })
                                        }
                                    />
                                    " Buka sub-alur " {sub} " (" {step_shown} ")"
                                </label>
                            }
                        })
                        .collect_view()
                }}
            </div>
            {move || match drawn.get() {
                None => {
                    view! {
                        <p class="pandu-hint" data-testid="map-none">
                            "Peta muncul setelah berkas terbaca sebagai SOP."
                        </p>
                    }
                        .into_any()
                }
                Some((svg, n, summary)) => {
                    view! {
                        <p class="studio__map-summary" data-testid="map-summary" data-nodes=n>
                            {summary}
                            " · klik langkah (atau Tab lalu Enter) untuk membuka teksnya."
                        </p>
                        <div
                            class="studio__map"
                            data-testid="map"
                            inner_html=svg
                            on:click=move |e| {
                                if let Some(step) = dom::clicked_step(&e) {
                                    ctx.jump_to_step(&step);
                                }
                            }
                            // Each box is a Tab stop: Enter or Space on it opens its text, as a click does.
                            on:keydown=move |e| {
                                if matches!(e.key().as_str(), "Enter" | " ") {
                                    if let Some(step) = dom::clicked_step(&e) {
                                        e.prevent_default();
                                        ctx.jump_to_step(&step);
                                    }
                                }
                            }
                        ></div>
                    }
                        .into_any()
                }
            }}
        </div>
    }
}
