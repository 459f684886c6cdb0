//! The offline cache's service worker.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Register `sw.js` (written by the build next to `index.html`) so that a
/// phone that loses signal can reload. Skipped where there is no service
/// worker API (plain http on another host, some embedded browsers).
pub fn register_service_worker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    let Some(container) = super::embed::prop(&navigator, "serviceWorker") else {
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
