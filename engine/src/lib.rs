//! Pandu's engine: everything a call needs that is not pixels.
//!
//! No module here imports a UI or browser crate, reads a clock or draws a
//! random number: time comes in as an argument, so every behaviour is tested
//! natively with `cargo test`.

pub mod model;
pub mod template;
pub mod validate;
pub mod flow;
pub mod ticket;
pub mod lint;
pub mod search;
#[cfg(feature = "authoring")]
pub mod authoring;
pub mod scenario;

pub use model::*;
