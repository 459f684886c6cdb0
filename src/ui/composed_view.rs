use crate::screen;
use crate::state::use_app;
use crate::ui::copy_button::CopyButton;
use crate::ui::copy_manual::CopyManual;
use crate::ui::copy_status::CopyStatus;
use crate::ui::share_button::ShareButton;
use crate::ui::ticket_panel::TicketPanel;
use leptos::prelude::*;
use pandu_engine::ticket::Composed;

/// A composed call, ready to copy: the summary, copy-all and share, one ticket panel per system, transfers, escalations and the stamp.
#[component]
pub fn ComposedView(
    #[prop(into)] composed: Signal<Option<Composed>>,
    // Without the copy status: a list of several (earlier topics) shows one of its own.
    #[prop(optional)] quiet: bool,
    // Put before its element ids, so several on one screen do not share one.
    #[prop(optional, into)] scope: String,
) -> impl IntoView {
    let app = use_app();
    let copy = app.copy;
    let dom = app.dom;
    // A new set of tickets on screen: nothing of it is copied yet.
    copy.clear();
    view! {
        {move || {
            composed
                .get()
                .map(|c| {
                    let stamp = c.stamp();
                    let all = screen::copy_all(&c);
                    view! {
                        <p class="pandu-outcome__summary" data-testid="summary">{c.summary}</p>
                        <div class="pandu-outcome__bar">
                            // Only where there is something to copy, and what the panels below show.
                            {all
                                .map(|text| {
                                    view! {
                                        <CopyButton text=text.clone() name="semua tiket" label="Salin semua" testid="copy-all" />
                                        <ShareButton text name="semua tiket" />
                                    }
                                })}
                            {(!quiet).then(|| view! { <CopyStatus testid="copy-status" /> })}
                        </div>
                        {(!quiet).then(|| view! { <CopyManual /> })}
                        {c
                            .tickets
                            .is_empty()
                            .then(|| {
                                view! {
                                    <p class="pandu-outcome__none" data-testid="no-ticket">
                                        "Tidak ada tiket yang perlu ditulis."
                                    </p>
                                }
                            })}
                        {c
                            .tickets
                            .into_iter()
                            .map(|t| view! { <TicketPanel ticket=t scope=scope.clone() /> })
                            .collect_view()}
                        {(!c.transfers.is_empty())
                            .then(|| {
                                let h = dom.id(&format!("{scope}done-t"));
                                view! {
                                    <section class="pandu-done" aria-labelledby=h.clone() data-testid="transfers">
                                        <h4 id=h.clone() class="pandu-done__title">"Transfer"</h4>
                                        <ul class="pandu-done__list">
                                            {c
                                                .transfers
                                                .into_iter()
                                                .map(|t| {
                                                    let number = t.number.clone();
                                                    view! {
                                                        <li data-testid="transfer-item" data-number=number>
                                                            {t.destination} " "
                                                            <strong class="pandu-done__num">{t.number}</strong>
                                                        </li>
                                                    }
                                                })
                                                .collect_view()}
                                        </ul>
                                    </section>
                                }
                            })}
                        {(!c.escalations.is_empty())
                            .then(|| {
                                let h = dom.id(&format!("{scope}done-e"));
                                view! {
                                    <section class="pandu-done" aria-labelledby=h.clone() data-testid="escalations">
                                        <h4 id=h.clone() class="pandu-done__title">"Eskalasi"</h4>
                                        <ul class="pandu-done__list">
                                            {c
                                                .escalations
                                                .into_iter()
                                                .map(|e| {
                                                    let tail = e.detail();
                                                    view! {
                                                        <li data-testid="escalation-item" data-channel=e.channel.clone() data-level=e.level>
                                                            <strong>{screen::channel_title(&e.channel)}</strong>
                                                            {tail}
                                                        </li>
                                                    }
                                                })
                                                .collect_view()}
                                        </ul>
                                    </section>
                                }
                            })}
                        <p class="pandu-outcome__stamp" data-testid="stamp">{stamp}</p>
                    }
                })
        }}
    }
}
