//! Pandu's widget: the Leptos layer over `pandu_engine`.
//!
//! - `ui`: the components, one per file; they render engine state and send it events.
//! - `state`: the typed contexts and every transition of a call.
//! - `keys`: the keyboard shortcuts, as a pure function.
//! - `browser`: the only module that talks to browser APIs.

pub mod browser;
pub mod keys;
pub mod state;
pub mod ui;
