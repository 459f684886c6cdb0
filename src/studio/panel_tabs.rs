use crate::studio::state::{use_studio, Panel};
use leptos::prelude::*;

/// The panel buttons beside the editor: map, preview, scenarios, changes, publish.
#[component]
pub fn PanelTabs() -> impl IntoView {
    let ctx = use_studio();
    view! {
        <nav class="studio__tabs" aria-label="Panel">
            {Panel::ALL
                .into_iter()
                .map(|p| {
                    view! {
                        <button
                            type="button"
                            class="studio__tab"
                            class:studio__tab--on=move || ctx.panel.get() == p
                            aria-pressed=move || (ctx.panel.get() == p).to_string()
                            data-testid=format!("tab-{}", p.as_str())
                            on:click=move |_| ctx.panel.set(p)
                        >
                            {p.label()}
                        </button>
                    }
                })
                .collect_view()}
        </nav>
    }
}
