use crate::ui::tpl::Tpl;
use leptos::prelude::*;

/// A transfer as a short checklist, with the number to transfer to large.
#[component]
pub fn TransferCard(destination: String, number: String, fines: Vec<String>) -> impl IntoView {
    view! {
        <section class="pandu-action pandu-action--transfer" aria-labelledby="pandu-transfer-h" data-testid="transfer">
            <h4 id="pandu-transfer-h" class="pandu-action__title">"Transfer ke " <Tpl text=destination /></h4>
            <p class="pandu-action__big" data-testid="transfer-number">{number}</p>
            {(!fines.is_empty())
                .then(|| {
                    view! {
                        <p class="pandu-action__sub">"Di Fines:"</p>
                        <ol class="pandu-checklist">
                            {fines.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}
                        </ol>
                    }
                })}
        </section>
    }
}
