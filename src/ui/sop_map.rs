use crate::browser::{events, net};
use crate::hooks::Hook;
use crate::state::use_app;
use leptos::prelude::*;
use leptos::task::spawn_local;
use pandu_engine::map_marks::{mark, Marks};
use std::rc::Rc;

/// Which SOP's map to show, at which version, and what to mark on it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MapMarks {
    pub sop: String,
    pub version: String,
    pub marks: Marks,
}

/// What a map shows, asked again whenever a signal it reads changes (the
/// call's step). A plain closure rather than a `Signal`: one more signal
/// type costs the CSO's wasm more than this whole component.
pub type Marked = Rc<dyn Fn() -> Option<MapMarks>>;

/// "Peta SOP": the build's drawing of an SOP, fetched when opened, with the call's step or a drill's two paths marked; hidden for an SOP the build did not draw (a published one).
#[component]
pub fn SopMap(
    what: Marked,
    // The disclosure's label.
    title: &'static str,
    // What the marks mean, under the label.
    legend: &'static str,
    // Shown open from the start (the training review).
    #[prop(optional)] open: bool,
) -> impl IntoView {
    let app = use_app();
    let shown = RwSignal::new(open);
    let drawn = RwSignal::new(false);
    // The marked drawing, as the box shows it.
    let html = RwSignal::new(String::new());
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    // The drawing fetched last: (address, SVG). A map open during a call
    // is marked again at each step, without fetching it again.
    let fetched: StoredValue<(String, String)> = StoredValue::new(Default::default());
    let center = move |m: &Marks| {
        if m.here.is_some() {
            app.dom
                .center_soon(Hook::MapDrawing, ".pandu-map__node--here");
        }
    };
    Effect::new(move |_| {
        let w = what();
        let path = w.as_ref().and_then(|w| {
            app.lib
                .with_value(|l| l.map_of(&w.sop, &w.version).map(String::from))
        });
        drawn.set(path.is_some());
        let (Some(w), Some(path), true) = (w, path, shown.get()) else {
            return;
        };
        if let Some(marked) =
            fetched.with_value(|(at, svg)| (*at == path).then(|| mark(svg, &w.marks)))
        {
            html.set(marked);
            center(&w.marks);
            return;
        }
        html.set("Memuat peta…".into());
        error.set(None);
        let url = format!("{}{path}", app.assets.get_value());
        let what = what.clone();
        spawn_local(async move {
            match net::fetch_text(&url).await {
                Ok(svg) => {
                    // Marked as the call is now: it may have moved meanwhile.
                    let marks = untrack(|| what()).map(|w| w.marks).unwrap_or_default();
                    html.try_set(mark(&svg, &marks));
                    fetched.try_set_value((path, svg));
                    center(&marks);
                }
                Err(e) => {
                    html.try_set(String::new());
                    error.try_set(Some(e));
                }
            }
        });
    });
    view! {
        <details
            class="pandu-sopmap"
            data-testid="sop-map"
            open=open
            hidden=move || !drawn.get()
            // `toggle` does not bubble: the root cannot hear it for this element.
            on:toggle=move |e| shown.set(events::is_open(&e))
        >
            <summary class="pandu-sopmap__toggle" data-testid="sop-map-toggle">{title}</summary>
            <p class="pandu-tip">{legend}</p>
            {move || error.get().map(|e| view! {
                <p class="pandu-hint" role="alert" data-testid="sop-map-error">
                    "Peta SOP tidak dapat dimuat (" {e} "). Langkah panggilan tetap dapat dijalankan."
                </p>
            })}
            // Scrolls both ways in a narrow panel: reachable by keyboard too.
            <div
                class="pandu-sopmap__drawing"
                data-testid="sop-map-drawing"
                data-hook=Hook::MapDrawing.as_str()
                tabindex="0"
                role="region"
                aria-label=title
                inner_html=move || html.get()
            ></div>
        </details>
    }
}
