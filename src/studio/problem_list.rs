use crate::studio::state::use_studio;
use leptos::prelude::*;

/// The lint's errors and warnings with their lines; a click selects the line in the editor.
#[component]
pub fn ProblemList() -> impl IntoView {
    let ctx = use_studio();
    let summary = move || {
        ctx.checked.with(|c| match (c.errors(), c.warnings()) {
            (0, 0) => "Lolos pemeriksaan: tidak ada kesalahan.".to_string(),
            (0, w) => format!("Lolos pemeriksaan, {w} peringatan."),
            (e, 0) => format!("{e} kesalahan."),
            (e, w) => format!("{e} kesalahan, {w} peringatan."),
        })
    };
    view! {
        <div class="studio__problems">
            <p
                class="studio__status"
                data-testid="lint-status"
                data-errors=move || ctx.checked.with(|c| c.errors())
                data-warnings=move || ctx.checked.with(|c| c.warnings())
                data-pending=move || ctx.stale.get().to_string()
                role="status"
            >
                {summary}
            </p>
            <ul class="studio__problem-list" data-testid="problems">
                {move || {
                    ctx.checked
                        .get()
                        .problems
                        .into_iter()
                        .map(|p| {
                            let line = p.line;
                            let at = line
                                .map(|l| format!("baris {l}"))
                                .unwrap_or_else(|| "kepala".into());
                            view! {
                                <li
                                    class=format!("studio__problem studio__problem--{}", p.severity.as_str())
                                    data-testid="problem"
                                    data-severity=p.severity.as_str()
                                    data-line=line
                                >
                                    <button
                                        type="button"
                                        class="studio__link"
                                        disabled=line.is_none()
                                        on:click=move |_| {
                                            if let Some(l) = line {
                                                ctx.jump(l);
                                            }
                                        }
                                    >
                                        {at}
                                    </button>
                                    " "
                                    <strong>{p.severity.label()}</strong>
                                    ": "
                                    {p.message}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </div>
    }
}
