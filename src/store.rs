//! What the widget keeps in the browser and how it comes back: each running
//! call under its own key in `localStorage`, the shift history and the
//! e-voucher day queue beside them, and in `sessionStorage` the id of the call
//! each widget of this tab runs. Keys and formats are the engine's
//! (`pandu_engine::saved`); moving the strings is `browser`'s. Every function here returns what went
//! wrong instead of failing: a widget without storage still serves the call.

use crate::browser::storage::{self, Store};
use chrono::NaiveDateTime;
use pandu_engine::flow::{Call, Caller};
use pandu_engine::history::History;
use pandu_engine::queue::Queue;
use pandu_engine::saved::{self, Key, Saved};
use pandu_engine::{dates, small, validate, Catalog};

/// A write that failed says why, in Indonesian, for the storage status.
pub type Written = Result<(), String>;

/// An unfinished call as the start screen lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct Unfinished {
    pub id: String,
    pub sop_title: String,
    pub caller_name: String,
    pub step_title: String,
    pub saved_at: String,
}

/// What start-up found in `localStorage`.
#[derive(Debug, Default)]
pub struct Found {
    /// Readable saved calls.
    pub calls: Vec<Saved>,
    pub history: Option<History>,
    pub queue: Option<Queue>,
    /// Keys whose data was unreadable or of an older format, now set aside.
    pub quarantined: Vec<String>,
    /// Why storage cannot be used at all, if it cannot.
    pub problem: Option<String>,
}

/// Whether `localStorage` takes a write: some private modes hand out a store
/// whose every `setItem` throws.
pub fn probe() -> Written {
    let key = format!("{}v{}:probe", saved::PREFIX, saved::FORMAT);
    storage::set(Store::Local, &key, "1")?;
    storage::remove(Store::Local, &key)
}

/// Read everything at start-up. Unreadable or old-format data is moved under
/// `saved::quarantine_key` (never guessed at, never deleted) and listed.
pub fn open(now: NaiveDateTime) -> Found {
    let mut found = Found::default();
    let keys = match storage::keys(Store::Local) {
        Ok(keys) => keys,
        Err(e) => {
            found.problem = Some(e);
            return found;
        }
    };
    let stamp = dates::key_stamp(now);
    for key in keys {
        let readable = match saved::parse_key(&key) {
            None
            | Some(Key::Quarantined | Key::Newer | Key::Unknown | Key::Tab | Key::CallSops(_)) => {
                continue
            }
            Some(Key::Old) => false,
            Some(Key::Call(id)) => match read_call(&key, &id) {
                Ok((s, _)) => {
                    found.calls.push(s);
                    true
                }
                Err(_) => false,
            },
            Some(Key::History) => match read::<History>(&key) {
                Ok(h) => {
                    found.history = h;
                    true
                }
                Err(_) => false,
            },
            Some(Key::Queue) => match read::<Queue>(&key) {
                Ok(q) => {
                    found.queue = q;
                    true
                }
                Err(_) => false,
            },
        };
        if !readable {
            quarantine(&key, &stamp);
            found.quarantined.push(key);
        }
    }
    small::sort_by_key(&mut found.calls, |c| std::cmp::Reverse(c.saved_at.clone()));
    found
}

// Move the text under `key` aside. If the copy cannot be written the original
// stays where it is (it is skipped again next time): data is never dropped.
fn quarantine(key: &str, stamp: &str) {
    if let Ok(Some(text)) = storage::get(Store::Local, key) {
        if storage::set(Store::Local, &saved::quarantine_key(key, stamp), &text).is_ok() {
            let _ = storage::remove(Store::Local, key);
        }
    }
}

// Storage holds strings: values go through the engine's small JSON codec,
// not gloo-storage, whose serde_json every CSO would download at each start.
fn read<T: pandu_engine::json::FromJson>(key: &str) -> Result<Option<T>, String> {
    match storage::get(Store::Local, key)? {
        None => Ok(None),
        Some(text) => pandu_engine::json::from_text(&text).map(Some),
    }
}

fn write<T: pandu_engine::json::ToJson>(key: &str, value: &T) -> Written {
    storage::set(Store::Local, key, &pandu_engine::json::to_text(value))
}

// A saved call is readable when it parses, sits under its own id, and the
// engine can restore it against the SOPs saved with it: the versions it
// started on, whatever the catalogue holds today, offline too.
fn read_call(key: &str, id: &str) -> Result<(Saved, Catalog), String> {
    let saved: Saved = read(key)?.ok_or("hilang")?;
    if saved.call.id != id {
        return Err(format!("kunci {key} memuat panggilan {}", saved.call.id));
    }
    let sops: Catalog = read(&saved::sops_key(id))?.ok_or("SOP panggilan tidak tersimpan")?;
    saved::restore(&sops, saved.clone())?;
    Ok((saved, sops))
}

/// Every readable saved call, newest first (after another tab wrote).
pub fn saved_calls() -> Vec<Saved> {
    let mut calls: Vec<Saved> = storage::keys(Store::Local)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|key| match saved::parse_key(&key) {
            Some(Key::Call(id)) => read_call(&key, &id).ok().map(|(s, _)| s),
            _ => None,
        })
        .collect();
    small::sort_by_key(&mut calls, |c| std::cmp::Reverse(c.saved_at.clone()));
    calls
}

/// One saved call with its SOPs, read fresh (another tab may have moved it on).
pub fn load_call(id: &str) -> Option<(Saved, Catalog)> {
    read_call(&saved::call_key(id), id).ok()
}

/// The SOPs saved with a call, if they are there and readable.
pub fn call_sops(id: &str) -> Option<Catalog> {
    read(&saved::sops_key(id)).ok().flatten()
}

/// The SOPs a call runs on, saved once as it starts (and as a topic is
/// added), beside the call.
pub fn save_call_sops(id: &str, sops: &Catalog) -> Written {
    write(&saved::sops_key(id), sops)
}

/// Save the running call under its own key.
pub fn save_call(call: &Call, now: NaiveDateTime) -> Written {
    write(
        &saved::call_key(&call.id),
        &Saved::new(call.clone(), dates::stamp(now)),
    )
}

/// The call ended or was given up: its saved state goes.
pub fn forget_call(id: &str) -> Written {
    storage::remove(Store::Local, &saved::call_key(id))?;
    storage::remove(Store::Local, &saved::sops_key(id))
}

/// The `sessionStorage` key under which a widget keeps the id of the call it
/// runs in this tab. The page's own widget (`slot` `None`) uses the engine's
/// key; a widget mounted by a host adds its slot (`embed::mount_slot`), so two
/// widgets of one page never take each other's call, and a reload gives each
/// its own back. `parse_key` never sees these: it reads `localStorage` only.
pub fn tab_key(slot: Option<&str>) -> String {
    match slot {
        None => saved::tab_key(),
        Some(slot) => format!("{}:{slot}", saved::tab_key()),
    }
}

/// The id of the call this widget runs, kept across a reload of this tab only.
pub fn tab_call(key: &str) -> Option<String> {
    storage::get(Store::Session, key).ok().flatten()
}

/// Remember (or forget) the call this widget runs. Without `sessionStorage`
/// a reload lists the call among the unfinished ones instead of resuming it.
pub fn set_tab_call(key: &str, id: Option<&str>) {
    let _ = match id {
        Some(id) => storage::set(Store::Session, key, id),
        None => storage::remove(Store::Session, key),
    };
}

/// The `sessionStorage` key of the caller header a widget keeps while no
/// call runs (a running call keeps it in itself). Per widget, like
/// `tab_key`, and apart from it: `tab_calls_elsewhere` reads call ids only.
pub fn caller_key(slot: Option<&str>) -> String {
    let base = format!("{}v{}:penelepon", saved::PREFIX, saved::FORMAT);
    match slot {
        None => base,
        Some(slot) => format!("{base}:{slot}"),
    }
}

/// The header typed before a call started, back after a reload of this tab.
pub fn caller(key: &str) -> Option<Caller> {
    let text = storage::get(Store::Session, key).ok().flatten()?;
    pandu_engine::json::from_text(&text).ok()
}

/// Keep the header typed while no call runs; an empty one removes the key.
pub fn save_caller(key: &str, caller: &Caller) -> Written {
    if *caller == Caller::default() {
        storage::remove(Store::Session, key)
    } else {
        storage::set(Store::Session, key, &pandu_engine::json::to_text(caller))
    }
}

/// The calls the other widgets of this tab run: not this widget's to list
/// for resuming, since they are on screen beside it.
pub fn tab_calls_elsewhere(own: &str) -> Vec<String> {
    let base = saved::tab_key();
    storage::keys(Store::Session)
        .unwrap_or_default()
        .into_iter()
        .filter(|k| k != own && is_tab_key(&base, k))
        .filter_map(|k| tab_call(&k))
        .collect()
}

fn is_tab_key(base: &str, key: &str) -> bool {
    key == base
        || key
            .strip_prefix(base)
            .is_some_and(|rest| rest.starts_with(':'))
}

/// The shift history as stored: `Err` when storage or the data is unusable.
pub fn read_history() -> Result<Option<History>, String> {
    read(&saved::history_key())
}

pub fn write_history(h: &History) -> Written {
    write(&saved::history_key(), h)
}

/// The e-voucher day queue as stored.
pub fn read_queue() -> Result<Option<Queue>, String> {
    read(&saved::queue_key())
}

pub fn write_queue(q: &Queue) -> Written {
    write(&saved::queue_key(), q)
}

/// "Hapus semua data": every key starting with Pandu's prefix, in both stores
/// (quarantined data, other tabs' calls and this tab's id included).
pub fn wipe_all() -> Written {
    let mut result = Ok(());
    for which in [Store::Local, Store::Session] {
        // A store that cannot be opened holds nothing of Pandu's.
        let keys = storage::keys(which).unwrap_or_default();
        for key in keys.iter().filter(|k| k.starts_with(saved::PREFIX)) {
            if let Err(e) = storage::remove(which, key) {
                result = Err(e);
            }
        }
    }
    result
}

/// How a saved call is listed: its SOP, its caller and where it stands.
/// The step is the one `restore` returns, so a changed SOP lists the step the
/// call will really resume at.
pub fn describe(catalog: &Catalog, saved: &Saved) -> Option<Unfinished> {
    let restored = saved::restore(catalog, saved.clone()).ok()?;
    let call = restored.call;
    let sop_title = catalog.get(&call.sop)?.title.clone();
    let step = call
        .current(catalog)
        .map(pandu_engine::Step::label)
        .unwrap_or_else(|| call.at.step.clone());
    let name = validate::one_line(&call.caller.name);
    Some(Unfinished {
        id: call.id.clone(),
        sop_title,
        caller_name: if name.is_empty() {
            "(nama belum diisi)".into()
        } else {
            name
        },
        step_title: step,
        saved_at: saved.saved_at.clone(),
    })
}

/// When the saved call reached its outcome, for the ticket stamp after a reload.
pub fn saved_time(saved: &Saved) -> Option<NaiveDateTime> {
    dates::parse_stamp(&saved.saved_at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use pandu_engine::flow::Input;

    fn catalog() -> Catalog {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sops");
        pandu_engine::authoring::load_dir(&dir).catalog()
    }

    #[test]
    fn an_unfinished_call_is_listed_with_sop_caller_and_step() {
        let cat = catalog();
        let caller = Caller {
            name: "  Budi \t Santoso ".into(),
            ..Caller::default()
        };
        let mut call = Call::start(
            &cat,
            "transfer-elektrinet",
            caller,
            "c1",
            pandu_engine::dates::parse_iso("2026-01-05").unwrap(),
        )
        .unwrap();
        call.answer(&cat, Input::Choose("elektrinet".into()))
            .unwrap();
        let saved = Saved::new(call, "2026-11-22 09:41".into());
        let u = describe(&cat, &saved).unwrap();
        assert_eq!(u.id, "c1");
        assert_eq!(u.sop_title, cat.get("transfer-elektrinet").unwrap().title);
        assert_eq!(u.caller_name, "Budi Santoso");
        assert_eq!(u.step_title, "Catat data pelapor");
        assert_eq!(u.saved_at, "2026-11-22 09:41");
        assert_eq!(
            saved_time(&saved),
            chrono::NaiveDate::from_ymd_opt(2026, 11, 22).and_then(|d| d.and_hms_opt(9, 41, 0))
        );
    }

    #[test]
    fn each_widget_keeps_its_tab_call_under_its_own_key() {
        assert_eq!(tab_key(None), saved::tab_key());
        assert_eq!(tab_key(None), "pandu:v1:tab");
        assert_eq!(tab_key(Some("#kiri")), "pandu:v1:tab:#kiri");
        assert_eq!(tab_key(Some("@2")), "pandu:v1:tab:@2");
        let base = saved::tab_key();
        assert!(is_tab_key(&base, &tab_key(None)));
        assert!(is_tab_key(&base, &tab_key(Some("#kanan"))));
        assert!(!is_tab_key(&base, "pandu:v1:tabel"));
        assert!(!is_tab_key(&base, &saved::call_key("x")));
        // The header's key is no call id of this tab.
        assert_eq!(caller_key(None), "pandu:v1:penelepon");
        assert_eq!(caller_key(Some("#kiri")), "pandu:v1:penelepon:#kiri");
        assert!(!is_tab_key(&base, &caller_key(None)));
        assert!(
            caller_key(None).starts_with(saved::PREFIX),
            "wiped with the rest"
        );
    }

    #[test]
    fn a_call_of_an_sop_that_is_gone_is_not_listed() {
        let cat = catalog();
        let mut call = Call::start(
            &cat,
            "transfer-elektrinet",
            Caller::default(),
            "c2",
            pandu_engine::dates::parse_iso("2026-01-05").unwrap(),
        )
        .unwrap();
        call.sop = "hilang".into();
        assert_eq!(describe(&cat, &Saved::new(call, "x".into())), None);
    }
}
