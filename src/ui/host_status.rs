use crate::host::{use_host, PackNotice};
use leptos::prelude::*;

/// What the host console and the deployment set up: the CSO on duty, published SOP files and the host's SOP pack (used, or refused with their reasons), origin entries that were not origins, and how many foreign messages were ignored.
#[component]
pub fn HostStatus() -> impl IntoView {
    let host = use_host();
    let refused_origins = host.refused_origins.get_value();
    view! {
        <section
            class="pandu-host"
            data-testid="host-status"
            data-ignored=move || host.ignored.get().to_string()
            aria-label="Konsol host"
        >
            {move || {
                let cso = host.cso.get();
                (!cso.trim().is_empty())
                    .then(|| {
                        view! {
                            <p class="pandu-host__cso" data-testid="host-cso">
                                "CSO: "
                                {cso}
                            </p>
                        }
                    })
            }}
            {move || {
                host.pack
                    .get()
                    .into_iter()
                    .map(|notice| match notice {
                        PackNotice::Applied(summary) => {
                            view! {
                                <p class="pandu-host__pack" data-testid="pack-applied" role="status">
                                    {summary}
                                </p>
                            }
                                .into_any()
                        }
                        PackNotice::Refused(from, errors) => {
                            view! {
                                <div class="pandu-host__refused" data-testid="pack-refused" role="alert">
                                    <p>
                                        "SOP dari "
                                        <code>{from}</code>
                                        " ditolak; SOP lainnya tetap dipakai. Sampaikan kepada pengelola SOP:"
                                    </p>
                                    <ul>
                                        {errors
                                            .into_iter()
                                            .map(|e| view! { <li data-testid="pack-error">{e}</li> })
                                            .collect_view()}
                                    </ul>
                                </div>
                            }
                                .into_any()
                        }
                    })
                    .collect_view()
            }}
            {(!refused_origins.is_empty())
                .then(|| {
                    view! {
                        <p class="pandu-host__refused" data-testid="origins-refused" role="alert">
                            "Bukan origin yang sah, diabaikan: "
                            {refused_origins.join(", ")}
                        </p>
                    }
                })}
            {move || {
                let n = host.ignored.get();
                (n > 0)
                    .then(|| {
                        view! {
                            <p class="pandu-host__ignored" data-testid="ignored-messages">
                                {format!("{n} pesan dari asal yang tidak diizinkan diabaikan.")}
                            </p>
                        }
                    })
            }}
        </section>
    }
}
