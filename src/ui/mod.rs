//! Components, one per file.

mod app;
pub use app::App;
