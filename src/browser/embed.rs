//! The host page around the widget: frames, `postMessage`, the host's
//! callback, JS values to and from the engine's JSON, and the element a host
//! mounts the widget in. `host.rs` and `mount.rs` reach JS through here only.

use js_sys::{Function, Reflect};
use pandu_engine::json::{self, FromJson, ToJson};
use wasm_bindgen::{JsCast, JsValue};

/// The element types `Pandu.mount` takes, for `mount.rs`'s signatures.
pub use web_sys::{Element, HtmlElement};

/// Whether the widget runs inside a frame of another page.
pub fn in_frame() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    match window.parent() {
        Ok(Some(parent)) => !js_sys::Object::is(&parent, &window),
        _ => false,
    }
}

/// The embedding page's origin as the browser reports it: `ancestorOrigins`
/// where it exists (Chromium, Safari), else the referrer's origin.
pub fn parent_origin() -> Option<String> {
    let window = web_sys::window()?;
    let location = window.location();
    let ancestors = Reflect::get(&location, &"ancestorOrigins".into()).ok();
    if let Some(first) = ancestors
        .filter(|a| a.is_object())
        .and_then(|a| Reflect::get(&a, &"0".into()).ok())
        .and_then(|o| o.as_string())
    {
        return Some(first);
    }
    let referrer = window.document()?.referrer();
    web_sys::Url::new(&referrer).ok().map(|u| u.origin())
}

/// Post `message` to the parent window, addressed to `origin` only: the
/// browser delivers it solely if the parent is at that origin.
pub fn post_to_parent(message: &JsValue, origin: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("tidak ada jendela browser")?;
    let parent = window
        .parent()
        .map_err(|e| super::js_text(&e))?
        .ok_or("tidak ada halaman induk")?;
    parent
        .post_message(message, origin)
        .map_err(|e| super::js_text(&e))
}

/// A host's `onEvent` function.
#[derive(Clone)]
pub struct HostCallback(Function);

impl HostCallback {
    /// The option's value as a callback; `None` when it is not a function.
    pub fn from_value(value: JsValue) -> Option<HostCallback> {
        value.dyn_into::<Function>().ok().map(HostCallback)
    }

    /// Call `onEvent(message)`; a throwing host callback is logged, not ours to fail on.
    pub fn call(&self, message: &JsValue) {
        if let Err(e) = self.0.call1(&JsValue::NULL, message) {
            web_sys::console::warn_2(&"Pandu: onEvent milik halaman host gagal:".into(), &e);
        }
    }
}

/// A JS array's string entries; `None` when the value is not an array.
pub fn string_list(value: &JsValue) -> Option<Vec<String>> {
    js_sys::Array::is_array(value).then(|| {
        js_sys::Array::from(value)
            .iter()
            .filter_map(|o| o.as_string())
            .collect()
    })
}

/// A JS `Error` with `message`, for the exceptions `Pandu.mount` throws.
pub fn js_error(message: &str) -> JsValue {
    js_sys::Error::new(message).into()
}

/// A Rust value as a plain JS object, for `postMessage` and `onEvent`.
pub fn to_js<T: ToJson>(value: &T) -> Result<JsValue, String> {
    js_sys::JSON::parse(&json::to_text(value)).map_err(|e| super::js_text(&e))
}

/// A JS value (a host's message or option) as JSON, through the browser's own
/// `JSON.stringify`; `None` for what JSON cannot hold (functions, cycles).
pub fn js_json(value: &JsValue) -> Option<json::Json> {
    let text = js_sys::JSON::stringify(value).ok()?.as_string()?;
    json::Json::parse(&text).ok()
}

/// A JS value read as a Rust type; the error in words for the host.
pub fn from_js<T: FromJson>(value: &JsValue) -> Result<T, String> {
    let j = js_json(value).ok_or("nilai tidak dapat dibaca sebagai JSON")?;
    T::from_json(&j)
}

/// A property of a JS object, if the value is an object and has it.
pub fn prop(object: &JsValue, name: &str) -> Option<JsValue> {
    if !object.is_object() {
        return None;
    }
    Reflect::get(object, &name.into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// Which widget of the page a mount element holds, for what Pandu keeps per
/// widget (the tab's running call): `#` and the element's `id`, else `@` and
/// a number written on the element, so that mounting on it again, or the
/// same page mounting in the same order after a reload, finds its own call.
pub fn mount_slot(element: &Element) -> String {
    let id = element.id();
    if !id.is_empty() {
        return format!("#{id}");
    }
    if let Some(slot) = element.get_attribute("data-pandu-slot") {
        return slot;
    }
    let n = super::page_count("__panduSlots");
    let slot = format!("@{n}");
    let _ = element.set_attribute("data-pandu-slot", &slot);
    slot
}
