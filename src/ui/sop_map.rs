use crate::browser::{events, net};
use crate::hooks::Hook;
use crate::state::use_app;
use leptos::prelude::*;
use leptos::task::spawn_local;
use pandu_engine::map_marks::{mark, Marks};

/// Which SOP's map to show, at which version, and what to mark on it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MapMarks {
    pub sop: String,
    pub version: String,
    pub marks: Marks,
}

/// "Peta SOP": the build's drawing of an SOP, fetched when opened, with the call's step or a drill's two paths marked; absent for an SOP the build did not draw (a published one).
#[component]
pub fn SopMap(
    what: Signal<Option<MapMarks>>,
    // The disclosure's label.
    title: &'static str,
    // What the marks mean, under the label.
    legend: &'static str,
    // Shown open from the start (the training review).
    #[prop(optional)] open: bool,
) -> impl IntoView {
    let app = use_app();
    let dom = app.dom;
    let path = Memo::new(move |_| {
        what.with(|w| {
            let w = w.as_ref()?;
            app.lib
                .with_value(|l| l.map_of(&w.sop, &w.version).map(String::from))
        })
    });
    let shown = RwSignal::new(open);
    // The drawing read last, by its address: an open map follows the call
    // into an included SOP's map.
    let drawn: RwSignal<Option<(String, Result<String, String>)>> = RwSignal::new(None);
    Effect::new(move |_| {
        let (true, Some(p)) = (shown.get(), path.get()) else {
            return;
        };
        if drawn.with_untracked(|d| d.as_ref().is_some_and(|(at, r)| *at == p && r.is_ok())) {
            return;
        }
        let url = format!("{}{p}", app.assets.get_value());
        spawn_local(async move {
            let got = net::fetch_text(&url).await;
            drawn.try_set(Some((p, got)));
        });
    });
    // Each time the marked step moves (or the drawing arrives), it is
    // brought to the middle of the drawing's box.
    Effect::new(move |_| {
        let here = what.with(|w| w.as_ref().and_then(|w| w.marks.here.clone()));
        let ready = drawn.with(|d| matches!(d, Some((_, Ok(_)))));
        if shown.get() && ready && here.is_some() {
            dom.center_soon(Hook::MapDrawing, ".pandu-map__node--here");
        }
    });
    let body = move || {
        let p = path.get()?;
        drawn.with(|d| match d {
            Some((at, Ok(svg))) if *at == p => {
                let svg = svg.clone();
                let marked = move || what.with(|w| w.as_ref().map(|w| mark(&svg, &w.marks)));
                Some(
                    view! {
                        // Scrolls both ways in a narrow panel: reachable by keyboard too.
                        <div
                            class="pandu-sopmap__drawing"
                            data-testid="sop-map-drawing"
                            data-hook=Hook::MapDrawing.as_str()
                            tabindex="0"
                            role="region"
                            aria-label=title
                            inner_html=marked
                        ></div>
                    }
                    .into_any(),
                )
            }
            Some((at, Err(e))) if *at == p => Some(
                view! {
                    <p class="pandu-hint" role="alert" data-testid="sop-map-error">
                        "Peta SOP tidak dapat dimuat (" {e.clone()} "). Langkah panggilan tetap dapat dijalankan."
                    </p>
                }
                .into_any(),
            ),
            _ => Some(view! { <p class="pandu-tip">"Memuat peta…"</p> }.into_any()),
        })
    };
    view! {
        <details
            class="pandu-sopmap"
            data-testid="sop-map"
            open=open
            hidden=move || path.with(Option::is_none)
            // `toggle` does not bubble: the root cannot hear it for this element.
            on:toggle=move |e| shown.set(events::is_open(&e))
        >
            <summary class="pandu-sopmap__toggle" data-testid="sop-map-toggle">{title}</summary>
            <p class="pandu-tip">{legend}</p>
            {move || shown.get().then(body)}
        </details>
    }
}
