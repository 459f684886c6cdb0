//! Copying ticket text: the Clipboard API, then select-and-copy, and a word
//! to the CSO either way.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

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

// The textarea is the page's for a moment, outside every widget: it is no
// widget's control, and is gone before any event of the widget's could see it.
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
