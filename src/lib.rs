//! Pandu's widget: the Leptos layer over `pandu_engine`.

pub mod ui;
