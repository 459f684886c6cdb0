//! The lint runs once typing pauses: every edit takes a new number, and a
//! timer started for an edit does its work only if no edit came after it.
//! Pure: the timer itself is the caller's.

/// How long typing must pause before the lint runs.
pub const DELAY_MS: u64 = 300;

/// The number of the latest edit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Debounce {
    latest: u64,
}

impl Debounce {
    /// An edit: its number, for the timer started now.
    pub fn edit(&mut self) -> u64 {
        self.latest += 1;
        self.latest
    }

    /// Whether the timer of edit `n` should run: nothing was typed since.
    pub fn due(&self, n: u64) -> bool {
        n == self.latest
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_last_of_a_burst_of_edits_runs() {
        let mut d = Debounce::default();
        let first = d.edit();
        let second = d.edit();
        assert!(!d.due(first), "an edit came after the first");
        assert!(d.due(second));
        let third = d.edit();
        assert!(!d.due(second));
        assert!(d.due(third));
    }
}
