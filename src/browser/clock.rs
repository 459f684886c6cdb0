//! The clock in WIB, fresh call ids, and the performance mark of start-up.

use chrono::NaiveDateTime;
use js_sys::Reflect;
use leptos::prelude::{set_timeout_with_handle, SetValue, StoredValue, TimeoutHandle, UpdateValue};

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

/// Whether the page's widget is ready, and what waits until it is.
type Waiting = (bool, Vec<Box<dyn FnOnce()>>);

thread_local! {
    static READY: std::cell::RefCell<Waiting> = std::cell::RefCell::new((false, Vec::new()));
}

/// Marks the moment the finder accepts input, for the start-up benchmark,
/// and runs what waited for it (`when_ready`).
pub fn mark_ready() {
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark("pandu-ready");
    }
    let waiting = READY.with(|r| {
        let mut r = r.borrow_mut();
        r.0 = true;
        std::mem::take(&mut r.1)
    });
    waiting.into_iter().for_each(|f| f());
}

/// Run `f` once a widget of this page is ready (now, if one already is):
/// work that must not compete with start-up, the catalogue's fetch included.
pub fn when_ready(f: impl FnOnce() + 'static) {
    let mut f: Option<Box<dyn FnOnce()>> = Some(Box::new(f));
    READY.with(|r| {
        let mut r = r.borrow_mut();
        if !r.0 {
            r.1.extend(f.take());
        }
    });
    if let Some(f) = f {
        f();
    }
}

/// Runs an action once, a while after the last time it was asked for: each
/// request cancels the one still waiting (the drafts typed into a form are
/// saved once the CSO pauses, not at every keystroke).
#[derive(Clone, Copy)]
pub struct Debounce(StoredValue<Option<TimeoutHandle>>);

impl Debounce {
    pub fn new() -> Debounce {
        Debounce(StoredValue::new(None))
    }

    /// Run `f` after `delay`, unless asked again before.
    pub fn run(self, delay: std::time::Duration, f: impl FnOnce() + 'static) {
        self.cancel();
        let handle = set_timeout_with_handle(f, delay).ok();
        self.0.try_set_value(handle);
    }

    /// Drop the action still waiting, if any.
    pub fn cancel(self) {
        if let Some(Some(h)) = self.0.try_update_value(Option::take) {
            h.clear();
        }
    }
}

impl Default for Debounce {
    fn default() -> Self {
        Debounce::new()
    }
}
