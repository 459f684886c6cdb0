//! Pandu's engine: everything a call needs that is not pixels.
//!
//! No module here imports a UI or browser crate, reads a clock or draws a
//! random number: time comes in as an argument, so every behaviour is tested
//! natively with `cargo test`.

#[cfg(feature = "authoring")]
pub mod authoring;
pub mod codec;
pub mod contract;
pub mod dates;
pub mod diff;
pub mod flow;
pub mod history;
pub mod json;
pub mod library;
pub mod lint;
#[cfg(feature = "map")]
pub mod map;
pub mod map_marks;
pub mod model;
pub mod queue;
pub mod saved;
pub mod scenario;
pub mod search;
pub mod small;
pub mod template;
pub mod text;
pub mod ticket;
pub mod training;
pub mod validate;

pub use model::*;
