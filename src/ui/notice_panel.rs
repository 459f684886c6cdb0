use crate::state::use_call;
use leptos::prelude::*;

/// What the last transition changed: a call restored from storage (and what no longer applies), answers dropped by going back, warnings of the form just sent.
#[component]
pub fn NoticePanel() -> impl IntoView {
    let ctx = use_call();
    // The live region stays in the DOM; only its content changes, which is
    // what screen readers announce reliably.
    view! {
        <div class="pandu-notices" role="status" aria-live="polite">
            {move || {
                let n = ctx.notice.get();
                let dropped = (!n.dropped.is_empty())
                    .then(|| {
                        view! {
                            <div class="pandu-notice" data-testid="dropped">
                                <p class="pandu-notice__title">
                                    "Kembali: jawaban berikut dibuang dan tidak masuk tiket"
                                </p>
                                <ul class="pandu-notice__list">
                                    {n
                                        .dropped
                                        .into_iter()
                                        .map(|d| {
                                            view! {
                                                <li data-testid="dropped-item">
                                                    <span class="pandu-notice__label">{d.label}</span>
                                                    ": "
                                                    <span class="pandu-notice__value" data-testid="dropped-value">{d.value}</span>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            </div>
                        }
                    });
                let warnings = (!n.warnings.is_empty())
                    .then(|| {
                        view! {
                            <div class="pandu-notice pandu-notice--warn" data-testid="accepted-warnings">
                                <p class="pandu-notice__title">"Catatan isian sebelumnya (tidak menghalangi)"</p>
                                <ul class="pandu-notice__list">
                                    {n
                                        .warnings
                                        .into_iter()
                                        .map(|(id, label, msg)| {
                                            view! {
                                                <li data-testid="accepted-warning" data-field-id=id>
                                                    <span class="pandu-notice__label">{label}</span>
                                                    ": "
                                                    <span data-testid="warning-message">{msg}</span>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            </div>
                        }
                    });
                let restored = n
                    .restored
                    .map(|text| {
                        view! {
                            <div class="pandu-notice" data-testid="restore-notice">
                                <p class="pandu-notice__title" data-testid="restore-text">{text}</p>
                                {(!n.lost.is_empty())
                                    .then(|| {
                                        view! {
                                            <p>"Jawaban berikut tidak berlaku lagi; tanyakan ulang bila perlu:"</p>
                                            <ul class="pandu-notice__list">
                                                {n
                                                    .lost
                                                    .into_iter()
                                                    .map(|d| {
                                                        view! {
                                                            <li data-testid="lost-item">
                                                                <span class="pandu-notice__label">{d.label}</span>
                                                                ": "
                                                                <span class="pandu-notice__value">{d.value}</span>
                                                            </li>
                                                        }
                                                    })
                                                    .collect_view()}
                                            </ul>
                                        }
                                    })}
                            </div>
                        }
                    });
                (restored, dropped, warnings)
            }}
        </div>
    }
}
