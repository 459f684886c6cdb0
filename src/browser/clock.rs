//! The clock in WIB, fresh call ids, and the performance mark of start-up.

use chrono::NaiveDateTime;
use js_sys::Reflect;

/// WIB is UTC+7 all year round (no daylight saving).
const WIB_OFFSET_MS: f64 = 7.0 * 3600.0 * 1000.0;

/// The current local time in WIB, from the browser's UTC clock.
pub fn now_wib() -> NaiveDateTime {
    let ms = js_sys::Date::now() + WIB_OFFSET_MS;
    // A clock outside chrono's range is a broken machine; the epoch is a
    // visible, harmless stand-in rather than a panic.
    chrono::DateTime::from_timestamp_millis(ms as i64)
        .map(|d| d.naive_utc())
        .unwrap_or_default()
}

/// A fresh id for a call: `crypto.randomUUID()` where the page is a secure
/// context, otherwise time plus `Math.random` (unique enough for one desk).
pub fn call_id() -> String {
    let uuid = Reflect::get(&js_sys::global(), &"crypto".into())
        .ok()
        .filter(|c| c.is_object())
        .and_then(|crypto| super::call_method0(&crypto, "randomUUID"))
        .and_then(|v| v.as_string());
    uuid.unwrap_or_else(|| {
        let rand = (js_sys::Math::random() * 1e12) as u64;
        format!("{:x}-{rand:x}", js_sys::Date::now() as u64)
    })
}

/// Marks the moment the finder accepts input, for the start-up benchmark.
pub fn mark_ready() {
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark("pandu-ready");
    }
}
