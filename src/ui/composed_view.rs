use crate::hooks::Hook;
use crate::state::use_app;
use crate::ui::copy_button::CopyButton;
use crate::ui::share_button::ShareButton;
use crate::ui::ticket_panel::TicketPanel;
use leptos::prelude::*;
use pandu_engine::ticket::Composed;
use pandu_engine::System;

/// A composed call, ready to copy: the summary, copy-all and share, one ticket panel per system, transfers, escalations and the stamp.
#[component]
pub fn ComposedView(#[prop(into)] composed: Signal<Option<Composed>>) -> impl IntoView {
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
                    let all = c.text();
                    view! {
                        <p class="pandu-outcome__summary" data-testid="summary">{c.summary}</p>
                        <div class="pandu-outcome__bar">
                            <CopyButton text=all.clone() name="semua tiket" label="Salin semua" testid="copy-all" />
                            <ShareButton text=all name="semua tiket" />
                            <p class="pandu-copy-status" data-testid="copy-status" role="status" aria-live="polite">
                                {move || copy.status.get()}
                            </p>
                        </div>
                        {move || {
                            copy.manual
                                .get()
                                .map(|t| {
                                    let id = dom.id("copy-manual");
                                    view! {
                                        <label class="pandu-label" for=id.clone()>
                                            "Teks untuk disalin manual (Ctrl+C)"
                                        </label>
                                        <textarea
                                            id=id
                                            class="pandu-input pandu-copy-manual"
                                            data-testid="copy-manual"
                                            data-hook=Hook::CopyManual.as_str()
                                            readonly
                                            rows="6"
                                            prop:value=t
                                        ></textarea>
                                    }
                                })
                        }}
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
                        {c.tickets.into_iter().map(|t| view! { <TicketPanel ticket=t /> }).collect_view()}
                        {(!c.transfers.is_empty())
                            .then(|| {
                                let h = dom.id("done-t");
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
                                let h = dom.id("done-e");
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
                                                            <strong>{channel_title(&e.channel)}</strong>
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

// "simone" → "Simone", "callback" → "Form Request Callback"; roles (HoCC) as written.
fn channel_title(channel: &str) -> String {
    System::parse(&channel.to_ascii_lowercase())
        .map(|s| s.title().to_string())
        .unwrap_or_else(|| channel.to_string())
}
