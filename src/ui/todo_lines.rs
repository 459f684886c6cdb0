use crate::ui::tpl::Tpl;
use crate::ui::use_dom;
use leptos::prelude::*;

/// Instructions to the CSO (what to do, not what to say), set apart from the script.
#[component]
pub fn TodoLines(lines: Vec<String>) -> impl IntoView {
    if lines.is_empty() {
        return ().into_any();
    }
    let items = lines
        .into_iter()
        .map(|text| view! { <li class="pandu-do__line" data-testid="do-line"><Tpl text /></li> })
        .collect_view();
    let h = use_dom().id("do-h");
    view! {
        <section class="pandu-do" aria-labelledby=h.clone()>
            <h4 id=h.clone() class="pandu-do__label">
                "Untuk CSO (jangan dibacakan)"
            </h4>
            <ul class="pandu-do__lines">{items}</ul>
        </section>
    }
    .into_any()
}
