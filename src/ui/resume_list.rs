use crate::actions::Action;
use crate::shift::use_shift;
use crate::ui::use_dom;
use leptos::prelude::*;

/// The unfinished calls saved in this browser (another tab's, a closed tab's), each resumable with one click.
#[component]
pub fn ResumeList() -> impl IntoView {
    let shift = use_shift();
    let h = use_dom().id("resume-h");
    move || {
        let items = shift.unfinished.get();
        let failed = shift.resume_failed.get();
        (!items.is_empty() || failed.is_some()).then(|| {
            view! {
                <section class="pandu-resume" aria-labelledby=h.clone() data-testid="resume-list">
                    <h2 id=h.clone() class="pandu-section-title">
                        "Panggilan belum selesai"
                    </h2>
                    {failed.map(|m| view! { <p class="pandu-hint" role="alert" data-testid="resume-failed">{m}</p> })}
                    {(!items.is_empty())
                        .then(|| {
                            view! {
                                <p class="pandu-tip">
                                    "Tersimpan otomatis di browser ini (tab lain atau tab yang tertutup). Pilih untuk melanjutkan."
                                </p>
                            }
                        })}
                    <ul class="pandu-resume__list">
                        {items
                            .into_iter()
                            .map(|u| {
                                let act = Action::Resume(u.id.clone());
                                view! {
                                    <li>
                                        <button
                                            type="button"
                                            class="pandu-resume__item"
                                            data-testid="resume-item"
                                            data-act=act.act()
                                            data-arg=act.arg()
                                            data-call-id=u.id
                                        >
                                            <span class="pandu-resume__title" data-testid="resume-sop">{u.sop_title}</span>
                                            <span class="pandu-resume__caller" data-testid="resume-caller">{u.caller_name}</span>
                                            <span class="pandu-resume__meta">
                                                <span data-testid="resume-step">{u.step_title}</span>
                                                " · disimpan "
                                                <span data-testid="resume-time">{u.saved_at}</span>
                                            </span>
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
