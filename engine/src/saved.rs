//! Autosave: what a call looks like in storage, and how it comes back, also
//! when its SOP changed in between. The browser adapter only moves strings.

use crate::flow::{describe, Call, Dropped};
use crate::model::Catalog;

/// Bumped when `Saved` changes shape; older data is quarantined, never guessed at.
pub const FORMAT: u32 = 1;

/// Every key Pandu writes starts with this, so "Hapus semua data" can find them all.
pub const PREFIX: &str = "pandu:";

/// Storage key of one call. Each call has its own key, so two tabs never
/// write over each other's call.
pub fn call_key(id: &str) -> String {
    format!("{PREFIX}v{FORMAT}:call:{id}")
}

/// Storage key of the SOPs a call runs on, at the versions it started with
/// (a `Catalog`): written once when the call starts or takes a new topic, so
/// it restores on those versions after a reload, offline too, whatever was
/// published since. It goes with the call.
pub fn sops_key(id: &str) -> String {
    format!("{PREFIX}v{FORMAT}:sops:{id}")
}

/// Where unreadable data is set aside, with the key it was found under.
pub fn quarantine_key(original: &str, stamp: &str) -> String {
    format!("{PREFIX}{QUARANTINE}:{stamp}:{original}")
}

const QUARANTINE: &str = "karantina";

/// Storage key of the shift history.
pub fn history_key() -> String {
    format!("{PREFIX}v{FORMAT}:riwayat")
}

/// Storage key of the e-voucher day queue.
pub fn queue_key() -> String {
    format!("{PREFIX}v{FORMAT}:antrean")
}

/// Key of the id of the call a tab is running. Meant for per-tab storage
/// (`sessionStorage`): a reload finds its own call, another tab does not.
pub fn tab_key() -> String {
    format!("{PREFIX}v{FORMAT}:tab")
}

/// What a stored key holds, read from the key alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Key {
    /// A saved call, with its id.
    Call(String),
    /// The SOPs of a saved call, with the call's id.
    CallSops(String),
    History,
    Queue,
    Tab,
    /// Data already set aside.
    Quarantined,
    /// Written by an older format: to be quarantined, never guessed at.
    Old,
    /// Written by a newer format (another tab runs a newer build): left alone.
    Newer,
    /// This format, but a key this build does not know: left alone.
    Unknown,
}

/// Classify a storage key; `None` when it is not Pandu's.
pub fn parse_key(key: &str) -> Option<Key> {
    let rest = key.strip_prefix(PREFIX)?;
    if rest == QUARANTINE || rest.starts_with(&format!("{QUARANTINE}:")) {
        return Some(Key::Quarantined);
    }
    let Some((version, what)) = rest
        .strip_prefix('v')
        .and_then(|r| r.split_once(':'))
        .and_then(|(v, w)| Some((v.parse::<u32>().ok()?, w)))
    else {
        // Pandu's prefix without a version: the shape before versioned keys.
        return Some(Key::Old);
    };
    Some(match version.cmp(&FORMAT) {
        std::cmp::Ordering::Less => Key::Old,
        std::cmp::Ordering::Greater => Key::Newer,
        std::cmp::Ordering::Equal => match what {
            "riwayat" => Key::History,
            "antrean" => Key::Queue,
            "tab" => Key::Tab,
            _ => match (what.strip_prefix("call:"), what.strip_prefix("sops:")) {
                (Some(id), _) if !id.is_empty() => Key::Call(id.to_string()),
                (_, Some(id)) if !id.is_empty() => Key::CallSops(id.to_string()),
                _ => Key::Unknown,
            },
        },
    })
}

/// One saved call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    pub format: u32,
    /// `YYYY-MM-DD HH:MM` WIB, for the list of unfinished calls.
    pub saved_at: String,
    pub call: Call,
}

crate::json_struct!(Saved {
    format: req,
    saved_at: req,
    call: req,
});

impl Saved {
    pub fn new(call: Call, saved_at: String) -> Saved {
        Saved {
            format: FORMAT,
            saved_at,
            call,
        }
    }
}

/// A call brought back, and what the CSO must be told about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    pub call: Call,
    /// Shown when the SOP changed since the call was saved.
    pub notice: Option<String>,
    /// Answers that no longer apply under the new version.
    pub lost: Vec<Dropped>,
}

/// Bring a saved call back. The same SOP version restores exactly; a changed
/// version replays the answers on the new SOP for as long as they still fit.
pub fn restore(catalog: &Catalog, saved: Saved) -> Result<Restored, String> {
    if saved.format != FORMAT {
        return Err(format!(
            "format simpanan {} tidak dikenal (versi ini memakai {FORMAT})",
            saved.format
        ));
    }
    let old = saved.call;
    let sop = catalog
        .get(&old.sop)
        .ok_or_else(|| format!("SOP `{}` tidak ada lagi", old.sop))?;
    if sop.version == old.version && old.current(catalog).is_some() {
        return Ok(Restored {
            call: old,
            notice: None,
            lost: Vec::new(),
        });
    }
    let mut call = old.fresh(catalog).map_err(|e| e.to_string())?;
    let mut kept = 0;
    let mut lost = Vec::new();
    let mut replaying = true;
    for e in &old.path {
        let Some(input) = e.answer.input() else {
            continue;
        };
        // Lines said in the saved call were said: a replay does not ask again.
        call.tick_all(catalog);
        if replaying && call.at == e.pos && call.answer(catalog, input).is_ok() {
            kept += 1;
        } else {
            replaying = false;
            lost.extend(describe(catalog, e));
        }
    }
    let notice = format!(
        "SOP {} berubah dari versi {} ke versi {} sejak panggilan disimpan: {kept} langkah dipulihkan{}.",
        sop.id,
        old.version,
        sop.version,
        if lost.is_empty() {
            String::new()
        } else {
            format!(", {} jawaban tidak berlaku lagi", lost.len())
        }
    );
    Ok(Restored {
        call,
        notice: Some(notice),
        lost,
    })
}
