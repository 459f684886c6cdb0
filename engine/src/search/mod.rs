//! The SOP finder: ranked search over what each SOP says about itself, in
//! the words callers use (`normalize`, `stem`, `rank`), and whether each SOP
//! is in force on a given day.

pub mod normalize;
mod rank;
pub mod stem;

pub use rank::{Found, Hit, Index, Prepared};

use crate::model::Sop;
use chrono::NaiveDate;

/// One situation of the finder's evaluation set (`sops/*.eval.toml`): the
/// SOP its callers' sentences should find.
#[cfg(feature = "authoring")]
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvalCase {
    pub sop: String,
    /// The seed's situation, e.g. "004 I.a: tidak punya HP".
    #[serde(default)]
    pub about: String,
    pub says: Vec<String>,
}

/// An evaluation file: `[[case]]` tables.
#[cfg(feature = "authoring")]
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvalFile {
    #[serde(rename = "case", default)]
    pub cases: Vec<EvalCase>,
}

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
    status_of(day(&sop.effective_from), day(&sop.effective_until), today)
}

fn status_of(from: Option<NaiveDate>, until: Option<NaiveDate>, today: NaiveDate) -> Status {
    match (from, until) {
        (Some(from), _) if today < from => Status::NotYet(from),
        (_, Some(until)) if today > until => Status::Ended(until),
        _ => Status::InForce,
    }
}
