use crate::hooks::Hook;
use crate::state::use_call;
use crate::ui::ask_options::AskOptions;
use crate::ui::collect_form::CollectForm;
use crate::ui::escalate_card::EscalateCard;
use crate::ui::next_button::NextButton;
use crate::ui::outcome_view::OutcomeView;
use crate::ui::script_lines::ScriptLines;
use crate::ui::todo_lines::TodoLines;
use crate::ui::transfer_card::TransferCard;
use leptos::prelude::*;
use pandu_engine::StepKind;

/// One step of the call: its seed clause, what to say, what to do, and the controls its kind needs.
#[component]
pub fn StepView() -> impl IntoView {
    let ctx = use_call();
    // The one copy of the step: its parts move into the views below.
    let Some(step) = ctx.with_step(Clone::clone) else {
        return view! {
            <p class="pandu-hint" role="alert">
                "Langkah SOP tidak ditemukan. Ulangi dari awal atau pilih SOP lain."
            </p>
        }
        .into_any();
    };
    let kind = step.kind.name();
    let title = step.label();
    // Once this step is in the DOM: its first control gets the focus, so
    // the keyboard goes on from here without a click.
    let dom = ctx.app.dom;
    Effect::new(move |_| dom.focus_first_in(Hook::Step));
    let controls = match step.kind {
        StepKind::Say { .. } => view! { <NextButton label="Lanjut" /> }.into_any(),
        StepKind::Ask { question, options } => view! { <AskOptions question options /> }.into_any(),
        StepKind::Collect { fields, .. } => view! { <CollectForm fields /> }.into_any(),
        StepKind::Transfer { destination, number, fines, .. } => {
            view! {
                <TransferCard destination number fines />
                <NextButton label="Sudah ditransfer, lanjut" />
            }
            .into_any()
        }
        StepKind::Escalate { channel, level, reason, .. } => {
            view! {
                <EscalateCard channel level reason />
                <NextButton label="Sudah dieskalasi, lanjut" />
            }
            .into_any()
        }
        StepKind::Outcome { .. } => view! { <OutcomeView /> }.into_any(),
        // Automatic steps never wait for the CSO; reaching one here means a
        // broken catalogue, which is said rather than shown blank.
        StepKind::Decide { .. } | StepKind::Include { .. } => {
            view! {
                <p class="pandu-hint" role="alert">
                    "Langkah otomatis berhenti di sini. Ulangi dari awal dan laporkan kepada Team Leader."
                </p>
            }
            .into_any()
        }
    };
    let assumed = step.assumed;
    let h = dom.id("step-h");
    // After "Selesai" the call's closing lines take the place of the step's.
    let closing = ctx.call.with_untracked(|c| {
        c.as_ref()
            .filter(|c| c.closing)
            .map(|c| ctx.with_cat(|cat| c.current_lines(cat)))
    });
    let lines = match closing {
        Some(lines) => view! { <ScriptLines lines closing=true /> }.into_any(),
        None => view! { <ScriptLines lines=step.say /> }.into_any(),
    };

    view! {
        <article
            class=if assumed { "pandu-step pandu-step--assumed" } else { "pandu-step" }
            data-testid="step"
            data-hook=Hook::Step.as_str()
            data-step-id=step.id
            data-kind=kind
            data-rev=ctx.rev.get_untracked()
            aria-labelledby=h.clone()
        >
            <header class="pandu-step__head">
                <h3 id=h.clone() class="pandu-step__title">{title}</h3>
                <p class="pandu-step__source">
                    <span class="pandu-step__clause" data-testid="clause">"SOP " {step.clause}</span>
                    {assumed
                        .then(|| {
                            view! {
                                <span class="pandu-badge pandu-badge--assumed" data-testid="assumed">
                                    "Tafsiran: seed tidak mengatur"
                                </span>
                            }
                        })}
                </p>
            </header>
            {lines}
            <TodoLines lines=step.todo />
            <div class="pandu-step__hint" role="alert">
                {move || {
                    ctx.hint.get().map(|h| view! { <p class="pandu-hint" data-testid="step-hint">{h}</p> })
                }}
            </div>
            {controls}
        </article>
    }
    .into_any()
}
