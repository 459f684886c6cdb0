use crate::studio::state::use_studio;
use leptos::prelude::*;
use pandu_engine::diff;

/// What changed from the published version: script lines, instructions, questions, options, fields, tickets and flow, step by step.
#[component]
pub fn ChangesPanel() -> impl IntoView {
    let ctx = use_studio();
    let compared = Memo::new(move |_| {
        let new = ctx.checked.with(|c| c.sop.clone())?;
        let old = ctx.base.with(|b| b.get(&new.id).cloned());
        Some(match old {
            None => Err(new.id),
            Some(old) => Ok((old.version.clone(), diff::changes(&old, &new))),
        })
    });
    view! {
        <div class="studio__panel" data-testid="changes-panel">
            {move || match compared.get() {
                None => view! { <p class="pandu-hint">"Perubahan muncul setelah berkas terbaca sebagai SOP."</p> }.into_any(),
                Some(Err(id)) => {
                    view! {
                        <p data-testid="changes-new">
                            "SOP " <code>{id}</code> " belum pernah terbit: semua langkahnya baru."
                        </p>
                    }
                        .into_any()
                }
                Some(Ok((version, changes))) if changes.is_empty() => {
                    view! {
                        <p data-testid="changes-none">
                            {format!("Tidak ada perubahan dari versi terbit {version}.")}
                        </p>
                    }
                        .into_any()
                }
                Some(Ok((version, changes))) => {
                    view! {
                        <p data-testid="changes-summary" data-count=changes.len()>
                            {format!("{} perubahan dari versi terbit {version}:", changes.len())}
                        </p>
                        <table class="studio__changes">
                            <thead>
                                <tr>
                                    <th scope="col">"Langkah"</th>
                                    <th scope="col">"Apa"</th>
                                    <th scope="col">"Sebelum"</th>
                                    <th scope="col">"Sesudah"</th>
                                </tr>
                            </thead>
                            <tbody>
                                {changes
                                    .into_iter()
                                    .map(|c| {
                                        let step = c.step.clone();
                                        view! {
                                            <tr data-testid="change">
                                                <td>
                                                    {if step.is_empty() {
                                                        view! { "kepala" }.into_any()
                                                    } else {
                                                        let s = step.clone();
                                                        view! {
                                                            <button
                                                                type="button"
                                                                class="studio__link"
                                                                on:click=move |_| ctx.jump_to_step(&s)
                                                            >
                                                                {step}
                                                            </button>
                                                        }
                                                            .into_any()
                                                    }}
                                                </td>
                                                <td>{c.what.label()}</td>
                                                <td class="studio__before">{c.before}</td>
                                                <td class="studio__after">{c.after}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    }
                        .into_any()
                }
            }}
        </div>
    }
}
