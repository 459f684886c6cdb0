use crate::browser::net;
use crate::studio::publish;
use crate::studio::state::use_studio;
use crate::studio::state::StudioCtx;
use leptos::prelude::*;

/// Publishing: when the draft is lint-clean and newer than the catalogue's, the TOML for `sops/`, the published file with its manifest line, and the steps to put it live; otherwise why not.
#[component]
pub fn PublishPanel() -> impl IntoView {
    let ctx = use_studio();
    let prepared = Memo::new(move |_| {
        ctx.checked
            .with(|c| ctx.base.with(|b| publish::prepare(c, b)))
    });
    let status = RwSignal::new(None::<String>);
    view! {
        <div class="studio__panel" data-testid="publish-panel">
            {move || match prepared.get() {
                Err(reasons) => {
                    view! {
                        <p>
                            <button type="button" class="pandu-btn pandu-btn--primary" data-testid="publish-toml" disabled=true>
                                "Unduh untuk diterbitkan"
                            </button>
                        </p>
                        <div class="pandu-hint" role="alert" data-testid="publish-refused">
                            <p>"Belum dapat diterbitkan:"</p>
                            <ul>{reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
                        </div>
                    }
                        .into_any()
                }
                Ok(p) => {
                    let toml_name = p.toml_name.clone();
                    let json_name = p.json_name.clone();
                    let manifest = p.manifest_line.clone();
                    view! {
                        <p data-testid="publish-effect">{p.effect.clone()}</p>
                        <p>
                            <button
                                type="button"
                                class="pandu-btn pandu-btn--primary"
                                data-testid="publish-toml"
                                on:click=move |_| {
                                    // The text as it is now, if it still publishes.
                                    let r = now(ctx)
                                        .and_then(|_| {
                                            ctx.text.with_untracked(|t| net::download(&toml_name, "text/plain", t))
                                        });
                                    status.set(Some(match r {
                                        Ok(()) => format!("{toml_name} diunduh."),
                                        Err(e) => format!("Unduhan gagal: {e}"),
                                    }));
                                }
                            >
                                {format!("Unduh {} (untuk sops/)", p.toml_name)}
                            </button>
                            " "
                            <button
                                type="button"
                                class="pandu-btn pandu-btn--primary"
                                data-testid="publish-json"
                                on:click=move |_| {
                                    let r = now(ctx)
                                        .and_then(|p| net::download(&p.json_name, "application/json", &p.json_text));
                                    status.set(Some(match r {
                                        Ok(()) => format!("{json_name} diunduh."),
                                        Err(e) => format!("Unduhan gagal: {e}"),
                                    }));
                                }
                            >
                                {format!("Unduh berkas terbitan {}", p.json_name)}
                            </button>
                        </p>
                        <p>
                            "Baris untuk " <code>"terbitan.txt"</code> ": "
                            <code data-testid="manifest-line">{manifest}</code>
                        </p>
                        <ol class="studio__steps" data-testid="publish-steps">
                            {p.steps.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}
                        </ol>
                        <p role="status" data-testid="publish-status">{move || status.get()}</p>
                    }
                        .into_any()
                }
            }}
        </div>
    }
}

// The publication of the text as it is at the click (typing may not have
// paused long enough for the panel to follow).
fn now(ctx: StudioCtx) -> Result<publish::Publication, String> {
    let checked = ctx.checked_now();
    ctx.base
        .with_untracked(|b| publish::prepare(&checked, b))
        .map_err(|reasons| reasons.join(" "))
}
