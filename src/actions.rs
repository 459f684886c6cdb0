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
    /// "Selesai": end the call into the shift history (after its closing
    /// lines, when it has some).
    Finish,
    /// "Topik lain untuk penelepon ini": the finder, inside the call.
    NextTopic,
    /// Close that finder: back to the outcome.
    TopicCancel,
    /// Resume an unfinished call (its id).
    Resume(String),
    /// Copy the text the button carries (`data-copy`).
    Copy,
    /// Hand the same text to the phone's share sheet (Web Share API).
    Share,
    /// Load the new version of Pandu the offline cache holds (offered only between calls).
    Reload,
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

/// The attributes the root's listeners read: written by the views through
/// [`Action::act`], [`Action::arg`] and [`Typed::as_str`], never by hand.
pub const ACT: &str = "data-act";
pub const ARG: &str = "data-arg";
pub const INPUT: &str = "data-input";

impl Action {
    /// `data-act`: the encoder beside [`parse`], so a view cannot write a
    /// name the parser does not know.
    pub fn act(&self) -> &'static str {
        match self {
            Action::Start(_) => "start",
            Action::Suggest(_) => "suggest",
            Action::Choose(_) => "choose",
            Action::Next => "next",
            Action::Back => "back",
            Action::BackTo(_) => "back-to",
            Action::Restart => "restart",
            Action::Leave => "leave",
            Action::Wipe => "wipe",
            Action::Confirm => "confirm",
            Action::Cancel => "cancel",
            Action::Finish => "finish",
            Action::NextTopic => "next-topic",
            Action::TopicCancel => "topic-cancel",
            Action::Resume(_) => "resume",
            Action::Copy => "copy",
            Action::Share => "share",
            Action::Reload => "reload",
            Action::ToggleHistory(_) => "history",
            Action::SendPjSite => "send-pj-site",
            Action::Tick(_) => "tick",
            Action::Training(_) => "training",
            Action::Drill(_) => "drill",
            Action::DrillQuit => "drill-quit",
            Action::ExportCsv => "export-csv",
            Action::ExportJson => "export-json",
            Action::ClearDate => "clear-date",
        }
    }

    /// `data-arg`, for the actions that carry one (`None`: no attribute).
    pub fn arg(&self) -> Option<String> {
        match self {
            Action::Start(s)
            | Action::Suggest(s)
            | Action::Choose(s)
            | Action::Resume(s)
            | Action::ToggleHistory(s)
            | Action::Drill(s) => Some(s.clone()),
            Action::BackTo(n) | Action::Tick(n) => Some(n.to_string()),
            Action::Training(on) => Some(if *on { "on" } else { "off" }.into()),
            Action::Next
            | Action::Back
            | Action::Restart
            | Action::Leave
            | Action::Wipe
            | Action::Confirm
            | Action::Cancel
            | Action::Finish
            | Action::NextTopic
            | Action::TopicCancel
            | Action::Copy
            | Action::Share
            | Action::Reload
            | Action::SendPjSite
            | Action::DrillQuit
            | Action::ExportCsv
            | Action::ExportJson
            | Action::ClearDate => None,
        }
    }
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
        "next-topic" => Action::NextTopic,
        "topic-cancel" => Action::TopicCancel,
        "resume" => Action::Resume(arg_s()),
        "copy" => Action::Copy,
        "share" => Action::Share,
        "reload" => Action::Reload,
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

impl Typed {
    /// Every box the widget follows, for the round-trip test.
    pub const ALL: [Typed; 6] = [
        Typed::Search,
        Typed::CallerName,
        Typed::CallerHonorific,
        Typed::CallerIdpel,
        Typed::CallerPhone,
        Typed::SimulatedDate,
    ];

    /// `data-input`, the encoder beside [`typed`].
    pub fn as_str(self) -> &'static str {
        match self {
            Typed::Search => "search",
            Typed::CallerName => "caller-name",
            Typed::CallerHonorific => "caller-honorific",
            Typed::CallerIdpel => "caller-idpel",
            Typed::CallerPhone => "caller-phone",
            Typed::SimulatedDate => "sim-date",
        }
    }
}

pub fn typed(name: &str) -> Option<Typed> {
    Typed::ALL.into_iter().find(|t| t.as_str() == name)
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

    /// One of each variant. The `match` has no wildcard: a new variant fails
    /// to compile here until it has an example, so the round trip covers it.
    fn examples() -> Vec<Action> {
        let all = vec![
            Action::Start("transfer-elektrinet".into()),
            Action::Suggest("tambah daya".into()),
            Action::Choose("ya".into()),
            Action::Next,
            Action::Back,
            Action::BackTo(3),
            Action::Restart,
            Action::Leave,
            Action::Wipe,
            Action::Confirm,
            Action::Cancel,
            Action::Finish,
            Action::NextTopic,
            Action::TopicCancel,
            Action::Resume("6f1c-22".into()),
            Action::Copy,
            Action::Share,
            Action::Reload,
            Action::ToggleHistory("6f1c-22".into()),
            Action::SendPjSite,
            Action::Tick(0),
            Action::Training(true),
            Action::Training(false),
            Action::Drill("Latihan 1: produk".into()),
            Action::DrillQuit,
            Action::ExportCsv,
            Action::ExportJson,
            Action::ClearDate,
        ];
        for a in &all {
            match a {
                Action::Start(_)
                | Action::Suggest(_)
                | Action::Choose(_)
                | Action::Next
                | Action::Back
                | Action::BackTo(_)
                | Action::Restart
                | Action::Leave
                | Action::Wipe
                | Action::Confirm
                | Action::Cancel
                | Action::Finish
                | Action::NextTopic
                | Action::TopicCancel
                | Action::Resume(_)
                | Action::Copy
                | Action::Share
                | Action::Reload
                | Action::ToggleHistory(_)
                | Action::SendPjSite
                | Action::Tick(_)
                | Action::Training(_)
                | Action::Drill(_)
                | Action::DrillQuit
                | Action::ExportCsv
                | Action::ExportJson
                | Action::ClearDate => {}
            }
        }
        all
    }

    #[test]
    fn every_action_round_trips_through_its_attributes() {
        let all = examples();
        for a in &all {
            let arg = a.arg().unwrap_or_default();
            assert_eq!(parse(a.act(), &arg).as_ref(), Some(a), "{a:?}");
        }
        // One name per variant: two variants sharing a name would parse as one.
        let mut names: Vec<&str> = all.iter().map(Action::act).collect();
        names.sort_unstable();
        names.dedup();
        let mut kinds = Vec::new();
        for a in &all {
            if !kinds.contains(&std::mem::discriminant(a)) {
                kinds.push(std::mem::discriminant(a));
            }
        }
        assert_eq!(names.len(), kinds.len());
    }

    #[test]
    fn every_typed_box_round_trips_through_its_attribute() {
        for t in Typed::ALL {
            assert_eq!(typed(t.as_str()), Some(t));
        }
    }
}
