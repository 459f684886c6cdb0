use crate::keys::HELP;
use leptos::prelude::*;

/// The keyboard shortcuts in one small line, from the same table the keys use.
#[component]
pub fn KeyHelp() -> impl IntoView {
    view! {
        <footer class="pandu-keys" data-testid="key-help">
            <span class="pandu-keys__title">"Pintasan:"</span>
            {HELP
                .iter()
                .map(|(keys, meaning)| {
                    view! {
                        <span class="pandu-keys__item">
                            <kbd>{*keys}</kbd>
                            " "
                            {*meaning}
                        </span>
                    }
                })
                .collect_view()}
        </footer>
    }
}
