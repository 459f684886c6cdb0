use crate::browser::studio as dom;
use crate::studio::changes_panel::ChangesPanel;
use crate::studio::editor::Editor;
use crate::studio::map_panel::MapPanel;
use crate::studio::open_bar::OpenBar;
use crate::studio::panel_tabs::PanelTabs;
use crate::studio::preview_panel::PreviewPanel;
use crate::studio::problem_list::ProblemList;
use crate::studio::publish_panel::PublishPanel;
use crate::studio::scenario_panel::ScenarioPanel;
use crate::studio::state::{Panel, StudioCtx};
use leptos::prelude::*;

/// The whole studio: the open bar, the editor with its problems, and the panels beside it; a `.toml` dropped anywhere opens.
#[component]
pub fn Studio() -> impl IntoView {
    let ctx = StudioCtx::new();
    provide_context(ctx);
    ctx.load();
    let on_drop = move |e| {
        if let Some(file) = dom::dropped_file(&e) {
            ctx.open_file(file);
        }
    };
    view! {
        <div
            class="studio"
            data-testid="studio"
            data-ready=move || ctx.loaded.get().then_some("true")
            on:dragover=move |e| dom::allow_drop(&e)
            on:drop=on_drop
        >
            <OpenBar />
            <div class="studio__main">
                <section class="studio__edit" aria-label="Teks SOP">
                    <Editor />
                    <ProblemList />
                </section>
                <section class="studio__side" aria-label="Panel">
                    <PanelTabs />
                    {move || match ctx.panel.get() {
                        Panel::Map => view! { <MapPanel /> }.into_any(),
                        Panel::Preview => view! { <PreviewPanel /> }.into_any(),
                        Panel::Scenarios => view! { <ScenarioPanel /> }.into_any(),
                        Panel::Changes => view! { <ChangesPanel /> }.into_any(),
                        Panel::Publish => view! { <PublishPanel /> }.into_any(),
                    }}
                </section>
            </div>
        </div>
    }
}
