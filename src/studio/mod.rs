//! The studio (`studio.html`, feature `studio`): where a supervisor turns an
//! SOP document into a Pandu flow. Open an SOP of the catalogue, a `.toml`
//! from disk or a new one; edit it as text with the lint running as typing
//! pauses; see it as a map; preview it with the widget's own components; run
//! and record its scenarios; see what changed since the published version;
//! and publish it. Built only into its own bundle: the CSO's never carries it.
//!
//! Pure logic (tested natively with `--features studio`): `check` (problems
//! at their lines), `debounce`, `publish`, `scenarios`, `template`. The rest
//! are components, one per file, over `state::StudioCtx`.

pub mod check;
pub mod debounce;
pub mod publish;
pub mod scenarios;
pub mod state;
pub mod template;

mod changes_panel;
mod editor;
mod map_panel;
mod open_bar;
mod panel_tabs;
mod preview_call;
mod preview_panel;
mod problem_list;
mod publish_panel;
mod record_scenario;
mod scenario_panel;
mod studio_app;

pub use studio_app::Studio;
