//! The benchmark's reference: the smallest Leptos 0.8 app worth timing, a
//! counter. It marks `pandu-ready` once it has rendered, as the widget does
//! (`browser::mark_ready` in an Effect), so both are timed the same way.

use leptos::prelude::*;
use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen]
extern "C" {
    /// `performance.mark(name)`.
    #[wasm_bindgen(js_namespace = performance, js_name = mark)]
    fn performance_mark(name: &str);
}

/// A button that counts its clicks.
#[component]
fn Counter() -> impl IntoView {
    let count = RwSignal::new(0u32);
    // Effects run after the first render, i.e. once the counter is in the DOM.
    Effect::new(move |done: Option<()>| {
        if done.is_none() {
            performance_mark("pandu-ready");
        }
    });
    view! {
        <main>
            <h1>"Counter"</h1>
            <button data-testid="counter" on:click=move |_| count.update(|n| *n += 1)>
                "Clicked " {move || count.get()} " times"
            </button>
        </main>
    }
}

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(Counter);
}
