//! Pandu's widget: the Leptos layer over `pandu_engine`.
//!
//! - `ui`: the components, one per file; they render engine state and send it events.
//! - `state`: the typed contexts and every transition of a call.
//! - `shift`: storage status, unfinished calls, shift history, e-voucher queue.
//! - `store`: what is kept in the browser's storage, under which key.
//! - `trainer` (feature `training`, `latihan.html`'s bundle): training mode: drills, the simulated date, scores.
//! - `keys`: the keyboard shortcuts and what they do, as pure functions.
//! - `actions`: what a button's `data-act` means, parsed and written by one type.
//! - `hooks`: what the runtime looks up in the widget's DOM (`data-hook`), and element ids.
//! - `nav`: the finder's order, the path view, a host's `start` refused: pure.
//! - `screen`: copy-all text, the must-say reminder, what "Selesai" does next, sub-flows reused: pure.
//! - `host`: the host console: configuration, messages in, events out.
//! - `browser`: the only module that talks to browser APIs, by concern.
//! - `studio` (feature `studio`, `studio.html` only): the SOP editor for supervisors.

pub mod actions;
pub mod browser;
pub mod catalogue;
pub mod hooks;
pub mod host;
pub mod keys;
pub mod nav;
pub mod screen;
pub mod shift;
pub mod state;
pub mod store;
#[cfg(feature = "studio")]
pub mod studio;
#[cfg(feature = "training")]
pub mod trainer;
pub mod ui;
