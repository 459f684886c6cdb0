//! Components, one per file. Each renders engine state; what a button or a
//! box does is in its `data-act` / `data-input` attributes, written through
//! `actions::Action` and `actions::Typed` and carried out by the root's
//! handlers (`app.rs`) on `state::CallCtx` and its siblings. What the runtime
//! finds in the DOM carries a `data-hook` (`hooks::Hook`); `data-testid` is
//! for tests only. Element ids go through `use_dom().id(..)`. None of them
//! decides anything an SOP says, and none talks to the browser but through `browser`.

mod app;
mod ask_options;
mod breadcrumbs;
mod call_nav;
mod call_view;
mod caller_header;
#[cfg(feature = "training")]
mod caller_line;
mod caller_number;
mod collect_form;
mod composed_view;
mod confirm_bar;
mod copy_button;
mod copy_manual;
mod copy_status;
#[cfg(feature = "training")]
mod drill_list;
mod earlier_topics;
mod escalate_card;
mod field_input;
mod history_item;
mod history_panel;
mod host_status;
mod key_help;
mod load_error;
mod next_button;
mod notice_panel;
mod outcome_view;
mod progress_bar;
mod quarantine_notice;
mod resume_list;
mod reused_note;
mod root;
#[cfg(feature = "training")]
mod score_view;
mod script_lines;
mod share_button;
mod sop_finder;
mod sop_item;
mod sop_map;
mod status_badge;
mod step_view;
mod storage_status;
mod ticket_panel;
mod ticket_row;
mod todo_lines;
mod topic_picker;
mod tpl;
#[cfg(feature = "training")]
mod training_bar;
#[cfg(feature = "training")]
mod training_screen;
mod training_toggle;
mod transfer_card;
mod update_notice;
mod voucher_queue;
mod wipe_all;

pub use app::{App, Inbox};
// The studio's preview shows a call with the widget's own components.
pub use call_view::CallView;
pub use caller_header::CallerHeader;
pub use root::Root;
pub use sop_map::MapMarks;

/// This widget's DOM scope, for its element ids (`dom.id("caller-name")`):
/// unique per widget, so two widgets on a page never share one.
fn use_dom() -> crate::browser::Dom {
    crate::state::use_app().dom
}
