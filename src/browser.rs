//! The one place that talks to the browser: catalogue loading, clock, ids,
//! storage, downloads, the page address, clipboard, focus and performance marks. Everything else in the widget is
//! Leptos views over `pandu_engine`, so this file is the whole surface a
//! different host (or a test double) would have to provide.
//!
//! Every call here tolerates a missing API (old browser, plain http,
//! sandboxed iframe): it degrades to a fallback or does nothing, never panics.

use crate::keys::KeyTarget;
use chrono::NaiveDateTime;
use js_sys::{Function, Promise, Reflect};
use pandu_engine::json::{self, FromJson, ToJson};
use pandu_engine::library::{Library, Packed};
use std::collections::BTreeMap;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The linted catalogue, embedded by `build.rs`: per SOP a heading and its
/// steps as JSON text, read by the engine when needed.
static BUILTIN: &[Packed] = include!(concat!(env!("OUT_DIR"), "/sops.rs"));

/// WIB is UTC+7 all year round (no daylight saving).
const WIB_OFFSET_MS: f64 = 7.0 * 3600.0 * 1000.0;

/// Panic hook: log the panic to the console as usual, then tell the CSO on the
/// page. A release build aborts on panic, which would otherwise leave a frozen
/// screen that looks alive.
pub fn on_panic(info: &std::panic::PanicHookInfo) {
    console_error_panic_hook::hook(info);
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let (Some(body), Ok(note)) = (document.body(), document.create_element("p")) else {
        return;
    };
    note.set_class_name("pandu-crash");
    let _ = note.set_attribute("role", "alert");
    let _ = note.set_attribute("data-testid", "crash");
    note.set_text_content(Some(
        "Pandu mengalami kesalahan dan berhenti. Muat ulang halaman (F5); \
         catat langkah terakhir dan laporkan kepada Team Leader.",
    ));
    let _ = body.prepend_with_node_1(&note);
}

/// The drills of `sops/*.drills.toml` with their expected paths, which the
/// build writes next to `index.html`: fetched when training mode opens, so
/// they are not in the wasm every CSO downloads at each start.
pub async fn load_drills(assets: &str) -> Result<Vec<pandu_engine::training::Drill>, String> {
    let (url, _) = resolve_url(&format!("{assets}drills.json"))?;
    let text = fetch_text(&url).await?;
    json::from_text(&text).map_err(|e| format!("isinya tidak terbaca ({e})"))
}

/// The built-in SOPs, or an Indonesian message saying why they could not be read.
pub fn load_library() -> Result<Library, String> {
    Library::from_packed(BUILTIN).map_err(|e| format!("Data SOP tidak terbaca: {e}"))
}

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
        _ => format!("penyimpanan browser menolak ({})", js_text(e)),
    }
}

/// The text stored under `key`, `None` when there is none.
pub fn store_get(which: Store, key: &str) -> Result<Option<String>, String> {
    storage(which)?.get_item(key).map_err(|e| storage_error(&e))
}

/// Store `value` under `key`.
pub fn store_set(which: Store, key: &str, value: &str) -> Result<(), String> {
    storage(which)?
        .set_item(key, value)
        .map_err(|e| storage_error(&e))
}

/// Remove `key` (nothing to do when it is not there).
pub fn store_remove(which: Store, key: &str) -> Result<(), String> {
    storage(which)?
        .remove_item(key)
        .map_err(|e| storage_error(&e))
}

/// Every key in the store, in the store's order.
pub fn store_keys(which: Store) -> Result<Vec<String>, String> {
    let s = storage(which)?;
    let n = s.length().map_err(|e| storage_error(&e))?;
    Ok((0..n).filter_map(|i| s.key(i).ok().flatten()).collect())
}

/// A parameter of the page address (`?riwayat=10` → `Some("10")`).
pub fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

/// Offer `text` as a file download named `filename`.
pub fn download(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("tidak ada dokumen")?;
    let body = document.body().ok_or("tidak ada dokumen")?;
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|e| js_text(&e))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| js_text(&e))?;
    let link = document
        .create_element("a")
        .map_err(|e| js_text(&e))?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| "tautan unduhan tidak dapat dibuat".to_string())?;
    link.set_href(&url);
    link.set_download(filename);
    link.set_class_name("pandu-copybuf");
    let appended = body.append_child(&link).is_ok();
    if appended {
        link.click();
        link.remove();
    }
    // The download reads the blob after this task; free it a little later.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    if appended {
        Ok(())
    } else {
        Err("tautan unduhan tidak dapat dipasang".into())
    }
}

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
        .and_then(|crypto| call_method0(&crypto, "randomUUID"))
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

/// How a copy went, so the CSO always knows whether the clipboard holds the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CopyOutcome {
    /// `navigator.clipboard.writeText` took it.
    Clipboard,
    /// The Clipboard API refused; select-and-copy (`execCommand`) worked.
    Fallback,
    /// Neither worked: the CSO must copy by hand.
    Failed,
}

/// Copy `text`: the Clipboard API first, then select-and-copy through a
/// hidden textarea where the API is missing or refused (plain http, an
/// iframe without permission). Focus is put back where it was.
pub async fn copy_text(text: &str) -> CopyOutcome {
    if write_clipboard(text).await {
        return CopyOutcome::Clipboard;
    }
    if exec_copy(text) {
        CopyOutcome::Fallback
    } else {
        CopyOutcome::Failed
    }
}

async fn write_clipboard(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Some(clipboard) = Reflect::get(&window.navigator(), &"clipboard".into())
        .ok()
        .filter(|c| c.is_object())
    else {
        return false;
    };
    // Called through Reflect so that a missing or throwing `writeText`
    // becomes `false` instead of an exception through the wasm.
    let Some(promise) = Reflect::get(&clipboard, &"writeText".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .and_then(|f| f.call1(&clipboard, &JsValue::from_str(text)).ok())
        .and_then(|p| p.dyn_into::<Promise>().ok())
    else {
        return false;
    };
    JsFuture::from(promise).await.is_ok()
}

fn exec_copy(text: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let (Some(body), Ok(area)) = (document.body(), document.create_element("textarea")) else {
        return false;
    };
    let Ok(area) = area.dyn_into::<web_sys::HtmlTextAreaElement>() else {
        return false;
    };
    let before = document.active_element();
    area.set_value(text);
    // Off-screen through a stylesheet class: a `style` attribute would be
    // refused by the app's Content-Security-Policy.
    area.set_class_name("pandu-copybuf");
    let _ = area.set_attribute("readonly", "");
    let _ = area.set_attribute("aria-hidden", "true");
    let _ = area.set_attribute("tabindex", "-1");
    if body.append_child(&area).is_err() {
        return false;
    }
    area.select();
    area.set_selection_range(0, text.encode_utf16().count() as u32)
        .unwrap_or(());
    let copied = document
        .dyn_ref::<web_sys::HtmlDocument>()
        .and_then(|d| d.exec_command("copy").ok())
        .unwrap_or(false);
    area.remove();
    if let Some(el) = before.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
    copied
}

/// Select the text of the element matching `selector`, so a CSO whose
/// clipboard is blocked can press Ctrl+C at once.
pub fn select_text_of(selector: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    let Some(el) = document.query_selector(selector).ok().flatten() else {
        return;
    };
    if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        let _ = area.focus();
        area.select();
        return;
    }
    let (Ok(Some(sel)), Ok(range)) = (window.get_selection(), document.create_range()) else {
        return;
    };
    if range.select_node_contents(&el).is_ok() {
        let _ = sel.remove_all_ranges();
        let _ = sel.add_range(&range);
    }
}

/// Focus the first enabled control inside `scope` (a CSS selector), which is
/// in the DOM already: the step view calls this from an effect, once it is
/// mounted, so no key can arrive before the focus does (a timer could let
/// one in first). Whether the step's top is on screen is looked at in the
/// coming frame: measuring forces a layout, which the paint does anyway.
///
/// The step's top is brought into view and the focus set without
/// scrolling: the script lines above the first control are what the CSO reads
/// next, and must not be scrolled away to show a button.
pub fn focus_first_in(scope: &'static str) {
    let Some(area) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(scope).ok().flatten())
    else {
        return;
    };
    let first = area
        .query_selector(":is(input:not([type=hidden]), select, textarea, button):not([disabled])")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = first {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = el.focus_with_options(&options);
    }
    leptos::prelude::request_animation_frame(move || {
        let height = web_sys::window()
            .and_then(|w| w.inner_height().ok())
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0);
        let top = area.get_bounding_client_rect().top();
        if top < 0.0 || top > height * 0.6 {
            area.scroll_into_view_with_bool(true);
        }
    });
}

/// Take the focus off the element inside `scope` that has it, if any. The
/// step about to be replaced holds the focus (it was put there); removing a
/// focused element makes the browser settle styles and focus on the spot,
/// about a millisecond and a half per transition as measured here.
pub fn blur_within(scope: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(active) = document.active_element() else {
        return;
    };
    let inside = document
        .query_selector(scope)
        .ok()
        .flatten()
        .is_some_and(|s| s.contains(Some(&active)));
    if inside {
        if let Ok(el) = active.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.blur();
        }
    }
}

/// Focus the element matching `selector` after the current render.
pub fn focus_soon(selector: impl Into<String>) {
    let selector = selector.into();
    leptos::prelude::set_timeout(move || focus_selector(&selector), std::time::Duration::ZERO);
}

/// Select the text of the element matching `selector` after the current render.
pub fn select_text_soon(selector: impl Into<String>) {
    let selector = selector.into();
    leptos::prelude::set_timeout(move || select_text_of(&selector), std::time::Duration::ZERO);
}

/// Move the focus `delta` places along the elements matching `selector`
/// (arrow keys in a list); `false` when there is no such neighbour.
pub fn move_focus(selector: &str, delta: i32) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Ok(list) = document.query_selector_all(selector) else {
        return false;
    };
    let active = document.active_element();
    let items: Vec<web_sys::HtmlElement> = (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .collect();
    let Some(at) = items.iter().position(|e| {
        active
            .as_ref()
            .is_some_and(|a| a == e.as_ref() as &web_sys::Element)
    }) else {
        return false;
    };
    let target = at as i64 + i64::from(delta);
    match usize::try_from(target).ok().and_then(|t| items.get(t)) {
        Some(el) => el.focus().is_ok(),
        None => false,
    }
}

fn focus_selector(selector: &str) {
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = el {
        let _ = el.focus();
    }
}

/// Classify the element a key event was aimed at.
pub fn key_target(ev: &web_sys::KeyboardEvent) -> KeyTarget {
    let Some(el) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return KeyTarget::Page;
    };
    match el.tag_name().to_ascii_uppercase().as_str() {
        "TEXTAREA" | "SELECT" => KeyTarget::Text,
        "INPUT" => {
            let kind = el
                .get_attribute("type")
                .unwrap_or_default()
                .to_ascii_lowercase();
            if matches!(
                kind.as_str(),
                "checkbox" | "radio" | "button" | "submit" | "reset"
            ) {
                KeyTarget::Control
            } else {
                KeyTarget::Text
            }
        }
        "BUTTON" | "A" | "SUMMARY" => KeyTarget::Control,
        _ if el.get_attribute("contenteditable").is_some() => KeyTarget::Text,
        _ => KeyTarget::Page,
    }
}

// ---- Events, read at the widget's root (see `actions.rs`) ----

/// The element an event was aimed at.
fn target_el(ev: &web_sys::Event) -> Option<web_sys::Element> {
    ev.target()?.dyn_into::<web_sys::Element>().ok()
}

/// A `value` or `checked` property, without a web-sys type per kind of control.
fn js_value(el: &web_sys::Element) -> String {
    Reflect::get(el, &"value".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// The element with a `data-act` that an event happened in (the button
/// itself, or the button around the clicked label).
pub struct Acted {
    pub act: String,
    pub arg: String,
    el: web_sys::Element,
}

impl Acted {
    /// Another attribute of the element (`data-copy`, `data-name`, …).
    pub fn attr(&self, name: &str) -> Option<String> {
        self.el.get_attribute(name)
    }

    /// A checkbox's state.
    pub fn checked(&self) -> bool {
        Reflect::get(&self.el, &"checked".into())
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false)
    }
}

/// The `data-act` element an event came from, if any.
pub fn acted(ev: &web_sys::Event) -> Option<Acted> {
    let el = target_el(ev)?.closest("[data-act]").ok()??;
    Some(Acted {
        act: el.get_attribute("data-act")?,
        arg: el.get_attribute("data-arg").unwrap_or_default(),
        el,
    })
}

/// A control whose value changed or that lost the focus: its `data-input`
/// name, or its `name` inside a collect form, with its value now.
pub struct Edited {
    pub input: Option<String>,
    pub field: Option<String>,
    pub value: String,
    /// A `<select>`: done when it changes.
    pub select: bool,
}

pub fn edited(ev: &web_sys::Event) -> Option<Edited> {
    let el = target_el(ev)?;
    let input = el.get_attribute("data-input");
    let field = match el.closest("[data-testid=\"form\"]") {
        Ok(Some(_)) => el.get_attribute("name"),
        _ => None,
    };
    if input.is_none() && field.is_none() {
        return None;
    }
    Some(Edited {
        value: js_value(&el),
        select: el.tag_name().eq_ignore_ascii_case("SELECT"),
        input,
        field,
    })
}

/// What the collect form on screen holds, by field name.
pub fn form_values() -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let list = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector_all("[data-testid=\"form\"] [name]").ok());
    if let Some(list) = list {
        for i in 0..list.length() {
            if let Some(el) = list
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                if let Some(name) = el.get_attribute("name") {
                    out.insert(name, js_value(&el));
                }
            }
        }
    }
    out
}

/// What a key was pressed on, for the lists' arrow keys: the element's
/// `data-testid`, or `textarea` for a text area.
pub fn key_testid(ev: &web_sys::KeyboardEvent) -> Option<String> {
    let el = target_el(ev)?;
    el.get_attribute("data-testid").or_else(|| {
        el.tag_name()
            .eq_ignore_ascii_case("TEXTAREA")
            .then(|| "textarea".to_string())
    })
}

/// Whether a blur hands the focus to a button. Validating then would insert
/// a message above the button between press and release, moving it away from
/// the pointer and losing the click; the button's own action validates anyway.
pub fn blur_to_button(ev: &web_sys::FocusEvent) -> bool {
    ev.related_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| el.tag_name().eq_ignore_ascii_case("BUTTON"))
}

fn call_method0(target: &JsValue, name: &str) -> Option<JsValue> {
    Reflect::get(target, &name.into())
        .ok()?
        .dyn_into::<Function>()
        .ok()?
        .call0(target)
        .ok()
}

fn js_text(v: &JsValue) -> String {
    v.as_string()
        .or_else(|| {
            v.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| "tidak diketahui".into())
}

// ---- Embedding: the host page, its messages, SOP packs, the offline cache ----

/// Whether `index.html` asked to be mounted on the page body at start-up
/// (`<body data-pandu="app">`). A host page that loads `pandu-embed.js` has no
/// such body and mounts the widget itself with `Pandu.mount`.
pub fn auto_mount() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
        .and_then(|b| b.get_attribute("data-pandu"))
        .is_some_and(|v| v == "app")
}

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

/// The page's own origin, e.g. `http://127.0.0.1:8080`.
pub fn own_origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
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
        .map_err(|e| js_text(&e))?
        .ok_or("tidak ada halaman induk")?;
    parent
        .post_message(message, origin)
        .map_err(|e| js_text(&e))
}

/// Call a host's `onEvent(message)`; a throwing host callback is logged, not ours to fail on.
pub fn call_host(callback: &Function, message: &JsValue) {
    if let Err(e) = callback.call1(&JsValue::NULL, message) {
        web_sys::console::warn_2(&"Pandu: onEvent milik halaman host gagal:".into(), &e);
    }
}

/// A Rust value as a plain JS object, for `postMessage` and `onEvent`.
pub fn to_js<T: ToJson>(value: &T) -> Result<JsValue, String> {
    js_sys::JSON::parse(&json::to_text(value)).map_err(|e| js_text(&e))
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

/// Set a property on a JS object (ignored on a non-object).
pub fn set_prop(object: &JsValue, name: &str, value: &JsValue) {
    if object.is_object() {
        let _ = Reflect::set(object, &name.into(), value);
    }
}

/// An address resolved against the page: (full address, its origin).
pub fn resolve_url(url: &str) -> Result<(String, String), String> {
    let base = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let parsed = web_sys::Url::new_with_base(url, &base)
        .map_err(|_| format!("alamat `{url}` tidak valid"))?;
    Ok((parsed.href(), parsed.origin()))
}

/// GET `url` and return its body as text.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("tidak ada jendela browser")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|e| format!("tidak dapat diambil ({})", js_text(&e)))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| "jawaban server tidak terbaca".to_string())?;
    if !response.ok() {
        return Err(format!(
            "server menjawab {} {}",
            response.status(),
            response.status_text()
        ));
    }
    Ok(JsFuture::from(response.text().map_err(|e| js_text(&e))?)
        .await
        .map_err(|e| js_text(&e))?
        .as_string()
        .unwrap_or_default())
}

/// Register `sw.js` (written by the build next to `index.html`) so that a
/// phone that loses signal can reload. Skipped where there is no service
/// worker API (plain http on another host, some embedded browsers).
pub fn register_service_worker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    let Some(container) = prop(&navigator, "serviceWorker") else {
        return;
    };
    let Ok(register) = Reflect::get(&container, &"register".into()) else {
        return;
    };
    let Ok(register) = register.dyn_into::<Function>() else {
        return;
    };
    if let Ok(promise) = register.call1(&container, &"./sw.js".into()) {
        if let Ok(promise) = promise.dyn_into::<Promise>() {
            wasm_bindgen_futures::spawn_local(async move {
                if let Err(e) = JsFuture::from(promise).await {
                    web_sys::console::warn_2(&"Pandu: cache luring tidak terpasang:".into(), &e);
                }
            });
        }
    }
}
