use crate::ui::tpl::Tpl;
use crate::ui::use_dom;
use leptos::prelude::*;
use pandu_engine::System;

/// An escalation as a short checklist: where to, at which level (large), and the reason to write.
#[component]
pub fn EscalateCard(channel: String, level: String, reason: String) -> impl IntoView {
    let target = System::parse(&channel.to_ascii_lowercase())
        .map(|s| s.title().to_string())
        .unwrap_or(channel);
    let has_level = !level.is_empty();
    let h = use_dom().id("escalate-h");
    view! {
        <section class="pandu-action pandu-action--escalate" aria-labelledby=h.clone() data-testid="escalate">
            <h4 id=h.clone() class="pandu-action__title">"Eskalasi ke " {target.clone()}</h4>
            {has_level
                .then(|| {
                    view! { <p class="pandu-action__big" data-testid="escalate-level">{level.clone()}</p> }
                })}
            <ol class="pandu-checklist">
                <li>"Buka " {target}</li>
                {has_level.then(|| view! { <li>"Pilih eskalasi " <strong>{level}</strong></li> })}
                <li>"Tulis keterangan: " <span data-testid="escalate-reason"><Tpl text=reason /></span></li>
            </ol>
        </section>
    }
}
