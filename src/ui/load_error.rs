use leptos::prelude::*;

/// The screen shown instead of the widget when the SOP catalogue cannot be read.
#[component]
pub fn LoadError(message: String) -> impl IntoView {
    view! {
        <main class="pandu" data-testid="app">
            <header class="pandu-brand">
                <h1 class="pandu-brand__name">"Pandu"</h1>
                <p class="pandu-brand__tag">"Panduan SOP CC PLN 123"</p>
            </header>
            <section class="pandu-fatal" role="alert" data-testid="load-error">
                <h2>"Daftar SOP tidak dapat dimuat"</h2>
                <p>{message}</p>
                <p>
                    "Muat ulang halaman (F5). Bila masih gagal, layani penelepon dengan SOP "
                    "cetak dan laporkan kepada Team Leader."
                </p>
            </section>
        </main>
    }
}
