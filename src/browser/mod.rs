//! The one adapter to browser APIs, by concern: `storage` (`localStorage`,
//! `sessionStorage`), `clipboard`, `dom` (the widget's root and everything
//! looked up under it), `events` (what a click, a typed character or a key
//! at the root means), `embed` (frames, `postMessage`, JS values, the mount
//! element), `net` (the page address, fetch, downloads), `share` (the
//! phone's share sheet), `sw` (the offline cache and news of a new build in
//! it) and `clock`. Everything else in the widget is Leptos views over
//! `pandu_engine`, so this folder is the whole surface a different host (or
//! a test double) would have to provide. `web_sys` and `js_sys` are named
//! nowhere else (`tests/invariants.rs` holds `ui/`, `host.rs` and `mount.rs`
//! to it); `mount.rs` gets the element types it must name from `embed`.
//!
//! Every call here tolerates a missing API (old browser, plain http,
//! sandboxed iframe): it degrades to a fallback or does nothing, never panics.

pub mod clipboard;
pub mod clock;
pub mod dom;
pub mod embed;
pub mod events;
pub mod net;
pub mod share;
pub mod storage;
#[cfg(feature = "studio")]
pub mod studio;
pub mod sw;

pub use clock::{call_id, mark_ready, now_wib};
pub use dom::Dom;
pub use sw::register_service_worker;

use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// Panic hook: log the panic to the console as usual, then tell the CSO on the
/// page. A release build aborts on panic, which would otherwise leave a frozen
/// screen that looks alive. Which widget panicked is not known: the note is the page's.
pub fn on_panic(info: &std::panic::PanicHookInfo) {
    console_error_panic_hook::hook(info);
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let (Some(body), Ok(note)) = (document.body(), document.create_element("p")) else {
        return;
    };
    note.set_class_name("pandu-crash");
    let _ = note.set_attribute("role", "alert");
    let _ = note.set_attribute("data-testid", "crash");
    note.set_text_content(Some(
        "Pandu mengalami kesalahan dan berhenti. Muat ulang halaman (F5); \
         catat langkah terakhir dan laporkan kepada Team Leader.",
    ));
    let _ = body.prepend_with_node_1(&note);
}

/// Whether `index.html` asked to be mounted on the page body at start-up
/// (`<body data-pandu="app">`). A host page that loads `pandu-embed.js` has no
/// such body and mounts the widget itself with `Pandu.mount`.
pub fn auto_mount() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
        .and_then(|b| b.get_attribute("data-pandu"))
        .is_some_and(|v| v == "app")
}

/// The next number of a page-wide count (`name` on `globalThis`): the live
/// and the training bundle can both be on one page (`pandu-embed.js`), and
/// their widgets must not share element ids or slots. Counts from 1; a page
/// without a global object counts in this module alone.
pub(crate) fn page_count(name: &str) -> u32 {
    thread_local! {
        static OWN: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    }
    let global = js_sys::global();
    let key = JsValue::from_str(name);
    let n = Reflect::get(&global, &key)
        .ok()
        .and_then(|v| v.as_f64())
        .map_or_else(|| OWN.with(|o| o.get()), |v| v as u32)
        + 1;
    if Reflect::set(&global, &key, &JsValue::from(n)).is_err() {
        OWN.with(|o| o.set(n));
    }
    n
}

fn call_method0(target: &JsValue, name: &str) -> Option<JsValue> {
    Reflect::get(target, &name.into())
        .ok()?
        .dyn_into::<Function>()
        .ok()?
        .call0(target)
        .ok()
}

fn js_text(v: &JsValue) -> String {
    v.as_string()
        .or_else(|| {
            v.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| "tidak diketahui".into())
}
