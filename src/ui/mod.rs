//! Components, one per file. Each renders engine state and sends the engine
//! events through `state::CallCtx`; none of them decides anything an SOP says.

mod app;
mod ask_options;
mod breadcrumbs;
mod call_nav;
mod call_view;
mod caller_header;
mod collect_form;
mod confirm_bar;
mod copy_button;
mod escalate_card;
mod field_input;
mod key_help;
mod load_error;
mod next_button;
mod notice_panel;
mod outcome_view;
mod progress_bar;
mod script_lines;
mod sop_finder;
mod sop_item;
mod status_badge;
mod step_view;
mod ticket_panel;
mod ticket_row;
mod todo_lines;
mod transfer_card;

pub use app::App;
