//! `localStorage` and `sessionStorage`, each call returning an Indonesian
//! reason instead of throwing. Storage is the origin's, shared by every tab
//! and every widget of a page: what is kept under which key is `store.rs`'s.

use js_sys::Reflect;
use wasm_bindgen::JsValue;

/// One of the browser's two key-value stores.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Store {
    /// `localStorage`: shared by the tabs of one origin, kept across restarts.
    Local,
    /// `sessionStorage`: one per tab, kept across a reload of that tab.
    Session,
}

// Private mode, a third-party iframe with partitioned or blocked storage, or a
// policy can make the getter throw, return null, or hand out a store whose
// every write throws: each of these is an `Err` with a reason for the CSO.
fn storage(which: Store) -> Result<web_sys::Storage, String> {
    let window = web_sys::window().ok_or("tidak ada jendela browser")?;
    let store = match which {
        Store::Local => window.local_storage(),
        Store::Session => window.session_storage(),
    };
    match store {
        Ok(Some(s)) => Ok(s),
        Ok(None) => Err("penyimpanan browser tidak tersedia".into()),
        Err(e) => Err(storage_error(&e)),
    }
}

fn storage_error(e: &JsValue) -> String {
    let name = Reflect::get(e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    match name.as_str() {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => "penyimpanan browser penuh".into(),
        "SecurityError" => {
            "penyimpanan browser diblokir (mode privat atau pengaturan browser)".into()
        }
        _ => format!("penyimpanan browser menolak ({})", super::js_text(e)),
    }
}

/// The text stored under `key`, `None` when there is none.
pub fn get(which: Store, key: &str) -> Result<Option<String>, String> {
    storage(which)?.get_item(key).map_err(|e| storage_error(&e))
}

/// Store `value` under `key`.
pub fn set(which: Store, key: &str, value: &str) -> Result<(), String> {
    storage(which)?
        .set_item(key, value)
        .map_err(|e| storage_error(&e))
}

/// Remove `key` (nothing to do when it is not there).
pub fn remove(which: Store, key: &str) -> Result<(), String> {
    storage(which)?
        .remove_item(key)
        .map_err(|e| storage_error(&e))
}

/// Every key in the store, in the store's order.
pub fn keys(which: Store) -> Result<Vec<String>, String> {
    let s = storage(which)?;
    let n = s.length().map_err(|e| storage_error(&e))?;
    Ok((0..n).filter_map(|i| s.key(i).ok().flatten()).collect())
}
