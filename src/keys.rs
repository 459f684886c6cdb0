//! Keyboard shortcuts as pure functions, so the key map is tested natively
//! and the help line can never disagree with what the keys do: which command
//! a key means (`command`), what it does where the call stands (`shortcut`),
//! and how the arrow keys and Enter walk the lists (`route`).

use crate::hooks::Hook;

/// What had focus when a key was pressed, as far as shortcuts care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyTarget {
    /// A text box, text area or select: keys are typing.
    Text,
    /// A button, link or checkbox: Enter and Space belong to it.
    Control,
    /// Nothing in particular (the page itself).
    Page,
}

/// A key press, reduced to what the shortcuts look at.
#[derive(Debug, Clone, Copy)]
pub struct Press<'a> {
    /// `KeyboardEvent.key`, e.g. `"1"`, `"Enter"`, `"ArrowLeft"`.
    pub key: &'a str,
    pub alt: bool,
    pub ctrl: bool,
    pub meta: bool,
    pub target: KeyTarget,
}

/// What a shortcut asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// Choose option number n (1-based) of an ask step.
    Choose(usize),
    /// Continue a say, transfer or escalate step.
    Continue,
    /// Go back one step.
    Back,
    /// Close the open confirmation.
    Cancel,
}

/// The shortcut help shown under the call, as (keys, meaning) pairs.
pub const HELP: [(&str, &str); 4] = [
    ("1–9", "pilih opsi"),
    ("Enter", "lanjut / kirim isian"),
    ("Alt+← / Backspace", "kembali"),
    ("Esc", "batal"),
];

/// A key press as the adapter reads it at the widget's root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pressed {
    pub key: String,
    pub alt: bool,
    pub ctrl: bool,
    pub meta: bool,
    /// Held down: the browser repeats it.
    pub repeat: bool,
    pub target: KeyTarget,
    /// The hook of the element the key was pressed on.
    pub on: Option<Hook>,
    /// A text area of the collect form (Ctrl+Enter sends the form).
    pub form_note: bool,
}

impl Pressed {
    pub fn press(&self) -> Press<'_> {
        Press {
            key: &self.key,
            alt: self.alt,
            ctrl: self.ctrl,
            meta: self.meta,
            target: self.target,
        }
    }
}

/// The command a key press means, if any. Typing in a field is never taken
/// over: there only Alt+← (which no text box uses) and Esc act.
pub fn command(p: &Press) -> Option<Command> {
    if p.ctrl || p.meta {
        return None;
    }
    let typing = p.target == KeyTarget::Text;
    match p.key {
        "ArrowLeft" if p.alt => Some(Command::Back),
        _ if p.alt => None,
        "Escape" => Some(Command::Cancel),
        _ if typing => None,
        "Backspace" => Some(Command::Back),
        // Enter on a focused button already clicks it; acting too would answer twice.
        "Enter" if p.target == KeyTarget::Page => Some(Command::Continue),
        k => k
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=9).contains(n))
            .map(Command::Choose),
    }
}

/// What the current step offers the shortcuts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepShape {
    /// An ask step with this many options.
    Ask(usize),
    /// A say, transfer or escalate step: Enter continues it.
    Continues,
    /// A form, the outcome, or a step that cannot be read.
    Other,
}

/// Where the widget stands when a shortcut arrives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Situation {
    /// A confirmation (restart, leave, wipe) or the finder for another
    /// topic is open: Esc closes it, and no other shortcut acts.
    pub confirming: bool,
    /// The running call's step; `None` when no call runs.
    pub step: Option<StepShape>,
    /// The key is held down.
    pub repeat: bool,
}

/// What a shortcut does. Any answer means the key is consumed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    Cancel,
    /// Choose option n (1-based) of the ask step.
    Choose(usize),
    Continue,
    Back,
    /// Nothing, but the key is still taken from the browser: a held digit or
    /// Enter would otherwise race through several steps.
    Hold,
}

/// What `cmd` does in situation `s`; `None` leaves the key to the browser.
pub fn shortcut(cmd: Command, s: Situation) -> Option<Shortcut> {
    if s.confirming {
        // With a confirmation open only Esc acts: a stray digit must not answer.
        return (cmd == Command::Cancel).then_some(Shortcut::Cancel);
    }
    let step = s.step?;
    if s.repeat {
        return matches!(cmd, Command::Choose(_) | Command::Continue | Command::Back)
            .then_some(Shortcut::Hold);
    }
    match (cmd, step) {
        (Command::Choose(n), StepShape::Ask(options)) if n <= options => Some(Shortcut::Choose(n)),
        (Command::Continue, StepShape::Continues) => Some(Shortcut::Continue),
        (Command::Back, _) => Some(Shortcut::Back),
        _ => None,
    }
}

/// How a key moves through the widget's lists before it is a shortcut.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// Open the finder's best match.
    OpenBest,
    /// Focus the first element with this hook.
    Focus(Hook),
    /// Move the focus `delta` places along the elements of `list`; past the
    /// first one, to `above` if there is one.
    Walk {
        list: Hook,
        delta: i32,
        above: Option<Hook>,
    },
    /// Send the collect form.
    Submit,
    /// Enter on a must-say tick box: go on from the step once its lines are
    /// ticked (continue, send the form, move to the options or to
    /// "Selesai"), else say which line is missing.
    Onward,
}

/// The list move a key means on the element it was pressed on, if any.
pub fn route(p: &Pressed) -> Option<Route> {
    let delta = match p.key.as_str() {
        "ArrowDown" => 1,
        "ArrowUp" => -1,
        _ => 0,
    };
    match (p.on, p.key.as_str()) {
        // Enter opens the best match: type a few letters, press Enter, talk.
        (Some(Hook::Search), "Enter") => Some(Route::OpenBest),
        (Some(Hook::Search), "ArrowDown") => Some(Route::Focus(Hook::SopItem)),
        // Arrow keys walk the lists, so they need no Tab marathon.
        (Some(Hook::SopItem), _) if delta != 0 => Some(Route::Walk {
            list: Hook::SopItem,
            delta,
            above: (delta < 0).then_some(Hook::Search),
        }),
        (Some(Hook::Option), _) if delta != 0 => Some(Route::Walk {
            list: Hook::Option,
            delta,
            above: None,
        }),
        // A tick box is where the focus lands on a step with must-say lines:
        // Enter there goes on, as it does from the page.
        (Some(Hook::Must), "Enter") if !(p.alt || p.ctrl || p.meta) => Some(Route::Onward),
        // Enter writes a new line in a text area; Ctrl+Enter sends the form.
        (_, "Enter") if p.form_note && (p.ctrl || p.meta) => Some(Route::Submit),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(key: &str, target: KeyTarget) -> Press<'_> {
        Press {
            key,
            alt: false,
            ctrl: false,
            meta: false,
            target,
        }
    }

    #[test]
    fn digits_choose_options_unless_typing() {
        assert_eq!(
            command(&press("1", KeyTarget::Page)),
            Some(Command::Choose(1))
        );
        assert_eq!(
            command(&press("9", KeyTarget::Control)),
            Some(Command::Choose(9))
        );
        assert_eq!(command(&press("0", KeyTarget::Page)), None);
        assert_eq!(command(&press("3", KeyTarget::Text)), None);
    }

    #[test]
    fn enter_continues_only_from_the_page() {
        assert_eq!(
            command(&press("Enter", KeyTarget::Page)),
            Some(Command::Continue)
        );
        assert_eq!(command(&press("Enter", KeyTarget::Control)), None);
        assert_eq!(command(&press("Enter", KeyTarget::Text)), None);
    }

    #[test]
    fn backspace_goes_back_only_outside_fields() {
        assert_eq!(
            command(&press("Backspace", KeyTarget::Page)),
            Some(Command::Back)
        );
        assert_eq!(
            command(&press("Backspace", KeyTarget::Control)),
            Some(Command::Back)
        );
        assert_eq!(command(&press("Backspace", KeyTarget::Text)), None);
    }

    #[test]
    fn alt_left_goes_back_even_from_a_field() {
        let p = Press {
            alt: true,
            ..press("ArrowLeft", KeyTarget::Text)
        };
        assert_eq!(command(&p), Some(Command::Back));
    }

    #[test]
    fn browser_shortcuts_are_left_alone() {
        let p = Press {
            ctrl: true,
            ..press("1", KeyTarget::Page)
        };
        assert_eq!(command(&p), None);
        let p = Press {
            alt: true,
            ..press("2", KeyTarget::Page)
        };
        assert_eq!(command(&p), None);
    }

    #[test]
    fn escape_cancels_anywhere() {
        assert_eq!(
            command(&press("Escape", KeyTarget::Text)),
            Some(Command::Cancel)
        );
    }

    fn pressed(key: &str, on: Option<Hook>) -> Pressed {
        Pressed {
            key: key.into(),
            alt: false,
            ctrl: false,
            meta: false,
            repeat: false,
            target: KeyTarget::Control,
            on,
            form_note: false,
        }
    }

    const ASK3: Situation = Situation {
        confirming: false,
        step: Some(StepShape::Ask(3)),
        repeat: false,
    };

    #[test]
    fn a_digit_chooses_only_an_option_that_exists() {
        assert_eq!(
            shortcut(Command::Choose(3), ASK3),
            Some(Shortcut::Choose(3))
        );
        assert_eq!(shortcut(Command::Choose(4), ASK3), None);
        let say = Situation {
            step: Some(StepShape::Continues),
            ..ASK3
        };
        assert_eq!(shortcut(Command::Choose(1), say), None);
    }

    #[test]
    fn enter_continues_only_a_step_that_continues() {
        let say = Situation {
            step: Some(StepShape::Continues),
            ..ASK3
        };
        assert_eq!(shortcut(Command::Continue, say), Some(Shortcut::Continue));
        assert_eq!(shortcut(Command::Continue, ASK3), None);
        let form = Situation {
            step: Some(StepShape::Other),
            ..ASK3
        };
        assert_eq!(shortcut(Command::Continue, form), None);
        assert_eq!(shortcut(Command::Back, form), Some(Shortcut::Back));
    }

    #[test]
    fn with_a_confirmation_open_only_escape_acts() {
        let asking = Situation {
            confirming: true,
            ..ASK3
        };
        assert_eq!(shortcut(Command::Choose(1), asking), None);
        assert_eq!(shortcut(Command::Back, asking), None);
        assert_eq!(shortcut(Command::Cancel, asking), Some(Shortcut::Cancel));
        // Without one, Esc is left to the browser.
        assert_eq!(shortcut(Command::Cancel, ASK3), None);
    }

    #[test]
    fn without_a_call_no_shortcut_acts() {
        let idle = Situation { step: None, ..ASK3 };
        for cmd in [
            Command::Choose(1),
            Command::Continue,
            Command::Back,
            Command::Cancel,
        ] {
            assert_eq!(shortcut(cmd, idle), None, "{cmd:?}");
        }
    }

    #[test]
    fn a_held_key_is_taken_but_does_nothing() {
        let held = Situation {
            repeat: true,
            ..ASK3
        };
        assert_eq!(shortcut(Command::Choose(1), held), Some(Shortcut::Hold));
        assert_eq!(shortcut(Command::Choose(9), held), Some(Shortcut::Hold));
        assert_eq!(shortcut(Command::Continue, held), Some(Shortcut::Hold));
        assert_eq!(shortcut(Command::Back, held), Some(Shortcut::Hold));
        assert_eq!(shortcut(Command::Cancel, held), None);
    }

    #[test]
    fn arrows_and_enter_walk_the_finder_and_the_options() {
        let on = |key, hook| route(&pressed(key, Some(hook)));
        assert_eq!(on("Enter", Hook::Search), Some(Route::OpenBest));
        assert_eq!(
            on("ArrowDown", Hook::Search),
            Some(Route::Focus(Hook::SopItem))
        );
        assert_eq!(on("ArrowUp", Hook::Search), None);
        assert_eq!(
            on("ArrowUp", Hook::SopItem),
            Some(Route::Walk {
                list: Hook::SopItem,
                delta: -1,
                above: Some(Hook::Search)
            })
        );
        assert_eq!(
            on("ArrowDown", Hook::SopItem),
            Some(Route::Walk {
                list: Hook::SopItem,
                delta: 1,
                above: None
            })
        );
        assert_eq!(
            on("ArrowUp", Hook::Option),
            Some(Route::Walk {
                list: Hook::Option,
                delta: -1,
                above: None
            })
        );
        // Enter on an option is the button's own click, not a route.
        assert_eq!(on("Enter", Hook::Option), None);
        assert_eq!(on("ArrowDown", Hook::Drill), None);
        // Enter on a must-say box goes on from the step; Space stays the box's own.
        assert_eq!(on("Enter", Hook::Must), Some(Route::Onward));
        assert_eq!(on(" ", Hook::Must), None);
        let ctrl = Pressed {
            ctrl: true,
            ..pressed("Enter", Some(Hook::Must))
        };
        assert_eq!(route(&ctrl), None);
        assert_eq!(route(&pressed("ArrowDown", None)), None);
    }

    #[test]
    fn ctrl_enter_sends_the_form_from_its_text_area_only() {
        let note = Pressed {
            ctrl: true,
            form_note: true,
            target: KeyTarget::Text,
            ..pressed("Enter", None)
        };
        assert_eq!(route(&note), Some(Route::Submit));
        let meta = Pressed {
            ctrl: false,
            meta: true,
            ..note.clone()
        };
        assert_eq!(route(&meta), Some(Route::Submit));
        assert_eq!(
            route(&Pressed {
                ctrl: false,
                ..note.clone()
            }),
            None,
            "a plain Enter is a new line"
        );
        let manual = Pressed {
            form_note: false,
            on: Some(Hook::CopyManual),
            ..note
        };
        assert_eq!(route(&manual), None, "the copy-by-hand box is no form");
    }
}
