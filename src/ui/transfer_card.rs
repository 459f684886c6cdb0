use crate::ui::tpl::Tpl;
use crate::ui::use_dom;
use leptos::prelude::*;

/// A transfer as a short checklist, with the number to transfer to large.
#[component]
pub fn TransferCard(destination: String, number: String, fines: Vec<String>) -> impl IntoView {
    let h = use_dom().id("transfer-h");
    view! {
        <section class="pandu-action pandu-action--transfer" aria-labelledby=h.clone() data-testid="transfer">
            <h4 id=h.clone() class="pandu-action__title">"Transfer ke " <Tpl text=destination /></h4>
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
