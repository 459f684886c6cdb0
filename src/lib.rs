//! Pandu's widget: the Leptos layer over `pandu_engine`.
//!
//! - `ui`: the components, one per file; they render engine state and send it events.
//! - `state`: the typed contexts and every transition of a call.
//! - `shift`: storage status, unfinished calls, shift history, e-voucher queue.
//! - `store`: what is kept in the browser's storage, under which key.
//! - `trainer`: training mode: drills, the simulated date, scores.
//! - `keys`: the keyboard shortcuts, as a pure function.
//! - `actions`: what a button's `data-act` means, as a pure function.
//! - `browser`: the only module that talks to browser APIs.

pub mod actions;
pub mod browser;
pub mod host;
pub mod keys;
pub mod shift;
pub mod state;
pub mod store;
pub mod trainer;
pub mod ui;
