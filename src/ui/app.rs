use leptos::prelude::*;

/// The whole widget: caller header, SOP finder, the running call.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <main class="pandu" data-testid="app">
            <h1>"Pandu"</h1>
            <label for="sop-search">"Cari SOP"</label>
            <input id="sop-search" data-testid="sop-search" type="search" />
        </main>
    }
}
