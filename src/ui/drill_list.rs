use crate::actions::Action;
use crate::hooks::Hook;
use crate::trainer::use_train;
use crate::ui::use_dom;
use leptos::prelude::*;

/// The drills a trainee can play, with the SOP and what each practises.
#[component]
pub fn DrillList() -> impl IntoView {
    let train = use_train();
    let items = move || {
        train.drills.with(|drills| {
            drills
                .iter()
                .map(|d| {
                    let act = Action::Drill(d.name.clone());
                    view! {
                        <li>
                            <button
                                type="button"
                                class="pandu-drill"
                                data-testid="drill"
                                data-hook=Hook::Drill.as_str()
                                data-act=act.act()
                                data-arg=act.arg()
                                data-sop-id=d.sop.clone()
                            >
                                <span class="pandu-drill__name">{d.name.clone()}</span>
                                <span class="pandu-drill__focus">{d.focus.clone()}</span>
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let h = use_dom().id("drills-h");
    view! {
        <section class="pandu-drills" aria-labelledby=h.clone() data-testid="drills">
            <h2 id=h.clone() class="pandu-section-title">"Pilih latihan"</h2>
            <p class="pandu-tip">
                "Pandu memerankan penelepon. Cari SOP yang tepat, pilih jawaban dan isi data "
                "seperti pada panggilan sungguhan; kalimat wajib dicentang setelah diucapkan."
            </p>
            {move || {
                train
                    .loading
                    .get()
                    .map(|m| view! { <p class="pandu-hint" role="status" data-testid="drills-loading">{m}</p> })
            }}
            <ul class="pandu-drills__list">{items}</ul>
        </section>
    }
}
