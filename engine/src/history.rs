//! The shift history: tickets of ended calls, kept to copy again until the
//! shift ends, with personal data masked in the list.

use crate::ticket::Composed;
use chrono::{Duration, NaiveDateTime, NaiveTime};

/// How many ended calls are kept unless configured otherwise.
pub const DEFAULT_LIMIT: usize = 30;

/// One ended call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ended {
    pub call_id: String,
    pub sop_title: String,
    pub caller_name: String,
    /// WIB, `YYYY-MM-DD HH:MM`.
    pub ended_at: String,
    pub composed: Composed,
}

/// Ended calls, newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    pub entries: Vec<Ended>,
    /// When the history is wiped next (end of the shift), WIB.
    pub purge_at: Option<NaiveDateTime>,
}

crate::json_struct!(Ended {
    call_id: req,
    sop_title: req,
    caller_name: req,
    ended_at: req,
    composed: req,
});
crate::json_struct!(History {
    entries: req,
    purge_at: skip,
});

impl History {
    /// Add an ended call, keeping the newest `limit`. A call ended twice
    /// (after a back from its outcome) replaces its earlier entry.
    pub fn push(&mut self, e: Ended, limit: usize) {
        self.entries.retain(|x| x.call_id != e.call_id);
        self.entries.insert(0, e);
        self.entries.truncate(limit.max(1));
    }

    /// Wipe the history when its shift is over; returns whether it did.
    /// `shift_end` is the time of day the shift ends (midnight WIB by default).
    pub fn purge_if_due(&mut self, now: NaiveDateTime, shift_end: NaiveTime) -> bool {
        let due = self.purge_at.is_some_and(|at| now >= at);
        if due {
            self.entries.clear();
        }
        if due || self.purge_at.is_none() {
            self.purge_at = Some(next_shift_end(now, shift_end));
        }
        due
    }
}

/// The first `shift_end` strictly after `now`.
pub fn next_shift_end(now: NaiveDateTime, shift_end: NaiveTime) -> NaiveDateTime {
    let today = now.date().and_time(shift_end);
    if today > now {
        today
    } else {
        today + Duration::days(1)
    }
}

/// Mask personal data in a text shown in the history list: e-mail addresses,
/// NIK (16 digits) and phone numbers (`08…`/`628…`, 10 to 15 digits). IDPEL,
/// prices and dates are not personal and stay readable.
/// The full text stays in the ticket for copying; only the list is masked.
pub fn mask(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&mask_word(word));
    }
    out
}

fn mask_word(word: &str) -> String {
    if let Some(at) = word.find('@') {
        let (local, domain) = word.split_at(at);
        if !local.is_empty() && domain.len() > 1 {
            let first: String = local.chars().take(1).collect();
            return format!("{first}***{domain}");
        }
    }
    // Digits with the separators people type inside numbers.
    let digits: String = word.chars().filter(char::is_ascii_digit).collect();
    let numeric = word
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | '.' | '(' | ')' | ',' | ':'));
    let nik = digits.len() == 16;
    let phone = (10..=15).contains(&digits.len())
        && (digits.starts_with("08") || digits.starts_with("628"));
    if numeric && (nik || phone) {
        let keep_head = 4;
        let head: String = digits.chars().take(keep_head).collect();
        let tail: String = digits.chars().skip(digits.len() - 3).collect();
        let stars = "*".repeat(digits.len() - keep_head - 3);
        let trailing: String = word
            .chars()
            .rev()
            .take_while(|c| !c.is_ascii_digit())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        return format!("{head}{stars}{tail}{trailing}");
    }
    word.to_string()
}
