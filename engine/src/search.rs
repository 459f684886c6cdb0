//! The SOP finder: instant search over titles, keywords and the words callers
//! use, and whether each SOP is in force on a given day.

use crate::model::{Catalog, Sop};
use chrono::NaiveDate;

/// Whether an SOP applies on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    InForce,
    NotYet(NaiveDate),
    Ended(NaiveDate),
}

impl Status {
    /// The finder's label, e.g. "Berakhir 11-03-2021".
    pub fn label(self) -> String {
        match self {
            Status::InForce => "Berlaku".into(),
            Status::NotYet(d) => format!("Berlaku mulai {}", crate::dates::dmy(d)),
            Status::Ended(d) => format!("Berakhir {}", crate::dates::dmy(d)),
        }
    }

    /// For `data-status` and CSS.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::InForce => "berlaku",
            Status::NotYet(_) => "belum",
            Status::Ended(_) => "berakhir",
        }
    }
}

/// Whether `sop` is in force on `today` (WIB).
pub fn status(sop: &Sop, today: NaiveDate) -> Status {
    let day = |s: &Option<String>| s.as_deref().and_then(crate::dates::parse_iso);
    if let Some(from) = day(&sop.effective_from) {
        if today < from {
            return Status::NotYet(from);
        }
    }
    if let Some(until) = day(&sop.effective_until) {
        if today > until {
            return Status::Ended(until);
        }
    }
    Status::InForce
}

/// Lower-cased, accent-free words; built once per catalogue so a keystroke
/// only scans prepared text.
#[derive(Debug, Clone, Default)]
pub struct Index {
    entries: Vec<Entry>,
}

#[derive(Debug, Clone)]
struct Entry {
    title: String,
    keywords: Vec<String>,
    rest: String,
    /// Title and keywords without spaces, so "evoucher" finds "e voucher".
    squashed_title: String,
    squashed_keywords: Vec<String>,
    /// Everything above in one text, fields apart: a word found nowhere in
    /// it rules the SOP out with one scan, before any ranking.
    all: String,
}

/// Lowercase and keep letters and digits, so "e-Voucher" finds "evoucher" and "e voucher".
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = true;
    for c in s.chars().map(crate::text::lower_char) {
        if crate::text::is_word_char(c) {
            out.push(c);
            space = false;
        } else if !space {
            out.push(' ');
            space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

fn squash(s: &str) -> String {
    s.replace(' ', "")
}

impl Index {
    pub fn new(catalog: &Catalog) -> Index {
        Index {
            entries: catalog
                .sops
                .iter()
                .map(|s| {
                    let title = normalize(&s.title);
                    let keywords: Vec<String> = s.keywords.iter().map(|k| normalize(k)).collect();
                    let squashed_title = squash(&title);
                    let squashed_keywords: Vec<String> =
                        keywords.iter().map(|k| squash(k)).collect();
                    let rest = normalize(&format!("{} {} sop {}", s.id, s.summary, s.seed));
                    let mut all = format!("{title}\u{1}{squashed_title}\u{1}{rest}");
                    for k in keywords.iter().chain(&squashed_keywords) {
                        all.push('\u{1}');
                        all.push_str(k);
                    }
                    Entry {
                        squashed_title,
                        squashed_keywords,
                        title,
                        keywords,
                        rest,
                        all,
                    }
                })
                .collect(),
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Indices into the catalogue, best match first. Every word of the query
    /// must occur somewhere; an empty query lists everything in order.
    pub fn query(&self, q: &str) -> Vec<usize> {
        let q = normalize(q);
        let words: Vec<&str> = q.split(' ').filter(|w| !w.is_empty()).collect();
        if words.is_empty() {
            return (0..self.entries.len()).collect();
        }
        let mut hits: Vec<(u32, usize)> = Vec::new();
        for (i, e) in self.entries.iter().enumerate() {
            if !words.iter().all(|w| crate::text::contains(&e.all, w)) {
                continue;
            }
            let mut score = 0u32;
            let mut all = true;
            for w in &words {
                let s = if e
                    .keywords
                    .iter()
                    .any(|k| k.split(' ').any(|t| t.starts_with(w)))
                {
                    4
                } else if e.title.split(' ').any(|t| t.starts_with(w)) {
                    3
                } else if e.keywords.iter().any(|k| crate::text::contains(k, w))
                    || e.squashed_keywords
                        .iter()
                        .any(|k| crate::text::contains(k, w))
                {
                    2
                } else if crate::text::contains(&e.title, w)
                    || crate::text::contains(&e.rest, w)
                    || crate::text::contains(&e.squashed_title, w)
                {
                    1
                } else {
                    0
                };
                if s == 0 {
                    all = false;
                    break;
                }
                score += s;
            }
            // A whole keyword phrase typed as such ranks first.
            if all && e.keywords.iter().any(|k| crate::text::contains(k, &q)) {
                score += 10;
            }
            if all {
                hits.push((score, i));
            }
        }
        // Best score first, catalogue order within a score. Scores are small,
        // so one pass per score value, no sort routine in the wasm.
        let mut out = Vec::with_capacity(hits.len());
        let mut score = hits.iter().map(|h| h.0).max().unwrap_or(0);
        loop {
            out.extend(hits.iter().filter(|h| h.0 == score).map(|h| h.1));
            if out.len() == hits.len() || score == 0 {
                break;
            }
            score -= 1;
        }
        out
    }
}
