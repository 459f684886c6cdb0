//! Sharing ticket text through the phone's share sheet (Web Share API):
//! field staff pass tickets on through chat apps, not a clipboard.

use js_sys::{Function, Object, Promise, Reflect};
use std::future::Future;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// How a share went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareOutcome {
    /// The share sheet took the text.
    Shared,
    /// The user closed the share sheet (`AbortError`): their choice, not a failure.
    Cancelled,
    /// The browser refused (no permission, no target, no API after all): the
    /// reason, in the browser's words.
    Failed(String),
}

/// Whether this browser can share text at all: desktop browsers mostly cannot,
/// and then no share button is shown.
pub fn available() -> bool {
    share_fn().is_some()
}

fn share_fn() -> Option<(JsValue, Function)> {
    let navigator: JsValue = web_sys::window()?.navigator().into();
    let share = Reflect::get(&navigator, &"share".into())
        .ok()?
        .dyn_into::<Function>()
        .ok()?;
    Some((navigator, share))
}

/// Share `text`, and only `text`: a title would be put before it by some
/// chat apps, and the ticket must arrive as "Salin semua" copies it.
///
/// `navigator.share` is called at once, while the click that asked for it is
/// still the page's user activation (the browser refuses it afterwards); the
/// returned future only waits for the user's answer.
pub fn share_text(text: &str) -> impl Future<Output = ShareOutcome> {
    let started = start(text);
    async move {
        match started {
            Err(reason) => ShareOutcome::Failed(reason),
            Ok(promise) => match JsFuture::from(promise).await {
                Ok(_) => ShareOutcome::Shared,
                Err(e) if error_name(&e).as_deref() == Some("AbortError") => {
                    ShareOutcome::Cancelled
                }
                Err(e) => ShareOutcome::Failed(super::js_text(&e)),
            },
        }
    }
}

fn start(text: &str) -> Result<Promise, String> {
    let (navigator, share) = share_fn().ok_or("browser ini tidak dapat berbagi")?;
    let data = Object::new();
    Reflect::set(&data, &"text".into(), &JsValue::from_str(text))
        .map_err(|e| super::js_text(&e))?;
    // A share that throws at once (a second share while one is open) is a
    // refusal like any other, not an exception through the wasm.
    share
        .call1(&navigator, &data)
        .map_err(|e| super::js_text(&e))?
        .dyn_into::<Promise>()
        .map_err(|_| "navigator.share tidak mengembalikan Promise".to_string())
}

fn error_name(e: &JsValue) -> Option<String> {
    Reflect::get(e, &"name".into()).ok()?.as_string()
}
