use crate::trainer::use_train;
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
                    view! {
                        <li>
                            <button
                                type="button"
                                class="pandu-drill"
                                data-testid="drill"
                                data-act="drill"
                                data-arg=d.name.clone()
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
    view! {
        <section class="pandu-drills" aria-labelledby="pandu-drills-h" data-testid="drills">
            <h2 id="pandu-drills-h" class="pandu-section-title">"Pilih latihan"</h2>
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
