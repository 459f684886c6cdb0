use crate::state::use_call;
use crate::trainer::use_train;
use crate::ui::call_view::CallView;
use crate::ui::caller_header::CallerHeader;
use crate::ui::caller_line::CallerLine;
use crate::ui::drill_list::DrillList;
use crate::ui::score_view::ScoreView;
use crate::ui::sop_finder::SopFinder;
use crate::ui::training_bar::TrainingBar;
use leptos::prelude::*;

/// Training mode's screen (training's bundle only): the list of drills, a drill being played with the caller's line, or its score.
#[component]
pub fn TrainingScreen() -> impl IntoView {
    let train = use_train();
    let ctx = use_call();
    // (a drill chosen, its score shown, a call running)
    let screen = Memo::new(move |_| {
        (
            train.active.with(Option::is_some),
            train.finished.with(Option::is_some),
            ctx.call.with(Option::is_some),
        )
    });
    move || match screen.get() {
        (false, _, _) => view! { <TrainingBar /> <DrillList /> }.into_any(),
        (true, true, _) => view! { <TrainingBar /> <ScoreView /> }.into_any(),
        (true, false, call) => view! {
            <TrainingBar />
            <CallerLine />
            <CallerHeader />
            {if call {
                view! { <CallView /> }.into_any()
            } else {
                view! { <SopFinder /> }.into_any()
            }}
        }
        .into_any(),
    }
}
