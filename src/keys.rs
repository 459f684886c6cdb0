//! Keyboard shortcuts as a pure function, so the key map is tested natively
//! and the help line can never disagree with what the keys do.

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
}
