//! What a click or a typed character asks for, read from the element's
//! `data-act` / `data-input` attributes.
//!
//! The widget listens once, at its root, instead of on every button and
//! input: each Leptos event handler is its own monomorphised closure and
//! keeps its element out of Leptos's static-HTML fast path, about a kilobyte
//! of wasm each (BENCHMARKS.md), and every CSO downloads the wasm at every
//! start. Views stay declarative: a button says what it does in its
//! attributes, and this pure mapping, tested natively like the keyboard map,
//! turns that into an action for `CallCtx` and its siblings.

/// A button or checkbox's meaning (`data-act` and `data-arg`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Open an SOP from the finder (its id).
    Start(String),
    /// Search for one of the words the finder suggested.
    Suggest(String),
    /// Choose an option of an ask step (its id).
    Choose(String),
    /// Continue a say, transfer or escalate step.
    Next,
    Back,
    /// A breadcrumb: back until the path has this many entries.
    BackTo(usize),
    /// Ask before restarting the call.
    Restart,
    /// Leave the SOP (asks first when answers would be lost).
    Leave,
    /// Ask before wiping all of Pandu's data.
    Wipe,
    /// Carry out the confirmation that is open.
    Confirm,
    /// Close it.
    Cancel,
    /// "Selesai": end the call into the shift history.
    Finish,
    /// Resume an unfinished call (its id).
    Resume(String),
    /// Copy the text the button carries (`data-copy`).
    Copy,
    /// Open or close an entry of the shift history (its call id).
    ToggleHistory(String),
    /// "Kirim ke PJ Site": the e-voucher queue's CSV.
    SendPjSite,
    /// A must-say line ticked or unticked (its index among the step's must lines).
    Tick(usize),
    /// Switch between live calls and training.
    Training(bool),
    /// Start a drill (its name).
    Drill(String),
    /// Stop the drill and go back to the list of drills.
    DrillQuit,
    /// Export the drill's result.
    ExportCsv,
    ExportJson,
    /// Clear the simulated date.
    ClearDate,
}

/// The action of `data-act` with its `data-arg`; `None` for anything else.
pub fn parse(act: &str, arg: &str) -> Option<Action> {
    let arg_s = || arg.to_string();
    Some(match act {
        "start" => Action::Start(arg_s()),
        "suggest" => Action::Suggest(arg_s()),
        "choose" => Action::Choose(arg_s()),
        "next" => Action::Next,
        "back" => Action::Back,
        "back-to" => Action::BackTo(arg.parse().ok()?),
        "restart" => Action::Restart,
        "leave" => Action::Leave,
        "wipe" => Action::Wipe,
        "confirm" => Action::Confirm,
        "cancel" => Action::Cancel,
        "finish" => Action::Finish,
        "resume" => Action::Resume(arg_s()),
        "copy" => Action::Copy,
        "history" => Action::ToggleHistory(arg_s()),
        "send-pj-site" => Action::SendPjSite,
        "tick" => Action::Tick(arg.parse().ok()?),
        "training" => Action::Training(arg == "on"),
        "drill" => Action::Drill(arg_s()),
        "drill-quit" => Action::DrillQuit,
        "export-csv" => Action::ExportCsv,
        "export-json" => Action::ExportJson,
        "clear-date" => Action::ClearDate,
        _ => return None,
    })
}

/// A text box or select whose every change the widget follows (`data-input`);
/// the fields of a collect form are read from the form itself when it is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Typed {
    Search,
    CallerName,
    CallerHonorific,
    CallerIdpel,
    CallerPhone,
    /// The trainer's simulated date.
    SimulatedDate,
}

pub fn typed(name: &str) -> Option<Typed> {
    Some(match name {
        "search" => Typed::Search,
        "caller-name" => Typed::CallerName,
        "caller-honorific" => Typed::CallerHonorific,
        "caller-idpel" => Typed::CallerIdpel,
        "caller-phone" => Typed::CallerPhone,
        "sim-date" => Typed::SimulatedDate,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_map_to_actions() {
        assert_eq!(parse("choose", "ya"), Some(Action::Choose("ya".into())));
        assert_eq!(
            parse("suggest", "tambah daya"),
            Some(Action::Suggest("tambah daya".into()))
        );
        assert_eq!(parse("back-to", "3"), Some(Action::BackTo(3)));
        assert_eq!(parse("tick", "1"), Some(Action::Tick(1)));
        assert_eq!(parse("training", "on"), Some(Action::Training(true)));
        assert_eq!(parse("training", "off"), Some(Action::Training(false)));
        // A damaged argument is no action at all, never a guess.
        assert_eq!(parse("back-to", "x"), None);
        assert_eq!(parse("tick", ""), None);
        assert_eq!(parse("format-disk", ""), None);
        assert_eq!(typed("caller-phone"), Some(Typed::CallerPhone));
        assert_eq!(typed("unit"), None);
    }
}
