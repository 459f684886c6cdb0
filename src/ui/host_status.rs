use crate::host::{use_host, PackNotice};
use leptos::prelude::*;

/// What the host console set up: the CSO on duty, the SOP pack it sent (used, or refused with its lint errors), origin entries that were not origins, and how many foreign messages were ignored.
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
            {move || match host.pack.get() {
                None => None,
                Some(PackNotice::Applied(summary)) => {
                    Some(
                        view! {
                            <p class="pandu-host__pack" data-testid="pack-applied" role="status">
                                {summary}
                            </p>
                        }
                            .into_any(),
                    )
                }
                Some(PackNotice::Refused(from, errors)) => {
                    Some(
                        view! {
                            <div class="pandu-host__refused" data-testid="pack-refused" role="alert">
                                <p>
                                    "Paket SOP dari "
                                    <code>{from}</code>
                                    " ditolak; SOP bawaan tetap dipakai. Sampaikan kepada pengelola SOP:"
                                </p>
                                <ul>
                                    {errors
                                        .into_iter()
                                        .map(|e| view! { <li data-testid="pack-error">{e}</li> })
                                        .collect_view()}
                                </ul>
                            </div>
                        }
                            .into_any(),
                    )
                }
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
