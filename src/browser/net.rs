//! The page address, fetching, and file downloads.

use pandu_engine::json;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// A parameter of the page address (`?riwayat=10` → `Some("10")`).
pub fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

/// The page's own origin, e.g. `http://127.0.0.1:8080`.
pub fn own_origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
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
    fetch_started(url)
        .await?
        .ok_or_else(|| "server menjawab 404 (tidak ada)".to_string())
}

/// GET `url`, the request sent now (so several go out together before any is
/// awaited); `None` when the server says there is no such file (404).
pub fn fetch_started(
    url: &str,
) -> impl std::future::Future<Output = Result<Option<String>, String>> {
    let request = web_sys::window().map(|w| w.fetch_with_str(url));
    async move { read_response(request.ok_or("tidak ada jendela browser")?).await }
}

async fn read_response(request: js_sys::Promise) -> Result<Option<String>, String> {
    let response = JsFuture::from(request)
        .await
        .map_err(|e| format!("tidak dapat diambil ({})", super::js_text(&e)))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| "jawaban server tidak terbaca".to_string())?;
    if response.status() == 404 {
        return Ok(None);
    }
    if !response.ok() {
        return Err(format!(
            "server menjawab {} {}",
            response.status(),
            response.status_text()
        ));
    }
    Ok(Some(
        JsFuture::from(response.text().map_err(|e| super::js_text(&e))?)
            .await
            .map_err(|e| super::js_text(&e))?
            .as_string()
            .unwrap_or_default(),
    ))
}

/// The training page (`latihan.html`, training's own bundle) beside this
/// page, with this page's parameters (the simulated date, `embed`, `origins`)
/// and `mode=latihan`. The live bundle goes there: it has no training.
pub fn open_training_page() -> Result<(), String> {
    let location = web_sys::window()
        .ok_or("tidak ada jendela browser")?
        .location();
    let here = location.href().map_err(|e| super::js_text(&e))?;
    let url = web_sys::Url::new_with_base("latihan.html", &here).map_err(|e| super::js_text(&e))?;
    url.set_search(&location.search().unwrap_or_default());
    url.search_params().set("mode", "latihan");
    location.assign(&url.href()).map_err(|e| super::js_text(&e))
}

/// The drills of `sops/*.drills.toml` with their expected paths, which the
/// build writes next to `index.html`: fetched when training mode opens, so
/// they are not in the wasm every CSO downloads at each start.
pub async fn load_drills(assets: &str) -> Result<Vec<pandu_engine::training::Drill>, String> {
    let (url, _) = resolve_url(&format!("{assets}drills.json"))?;
    let text = fetch_text(&url).await?;
    json::from_text(&text).map_err(|e| format!("isinya tidak terbaca ({e})"))
}

/// Offer `text` as a file download named `filename`. The link is the
/// page's for a moment, outside every widget.
pub fn download(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("tidak ada dokumen")?;
    let body = document.body().ok_or("tidak ada dokumen")?;
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|e| super::js_text(&e))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| super::js_text(&e))?;
    let link = document
        .create_element("a")
        .map_err(|e| super::js_text(&e))?
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
