//! The offline cache's service worker, and the news that it holds a newer
//! Pandu than the one running.
//!
//! `sw.js` (written by the build, `xtask/src/offline.rs`) takes over as soon
//! as it has cached a build, so an offline reload gets that build; the page
//! that is open is never reloaded for it. Instead [`on_new_version`] tells the
//! widget, which offers the reload when no call is running.

use super::embed::prop;
use js_sys::{Function, Promise, Reflect};
use std::cell::RefCell;
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// How often an open page asks for a new `sw.js`: the browser asks by itself
/// only on a navigation, and a phone may keep Pandu open all day.
const CHECK_EVERY: Duration = Duration::from_secs(30 * 60);

thread_local! {
    static NEWS: RefCell<News> = RefCell::new(News::default());
}

#[derive(Default)]
struct News {
    arrived: bool,
    hear: Vec<Box<dyn Fn()>>,
}

/// Register `sw.js` (written by the build next to `index.html`) so that a
/// phone that loses signal can reload. Skipped where there is no service
/// worker API (plain http on another host, some embedded browsers).
///
/// After the page's `load` and the widget's first render (its effects, the
/// ready mark among them, run before any timer): the worker's install fetches
/// every file of the build again, the manifest and the icons too, and none of
/// that may compete with the first load.
pub fn register_service_worker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(container) = prop(&window.navigator(), "serviceWorker") else {
        return;
    };
    let loaded = window
        .document()
        .is_none_or(|d| d.ready_state() == "complete");
    // After `load` and once the widget is ready (the catalogue fetched and
    // the finder drawn): the worker's install fetches the whole build again.
    let after_ready = move || super::clock::when_ready(move || register(container));
    if loaded {
        leptos::prelude::set_timeout(after_ready, Duration::ZERO);
    } else {
        let once = Closure::once_into_js(after_ready);
        let _ = window.add_event_listener_with_callback("load", once.unchecked_ref());
    }
}

fn register(container: JsValue) {
    let Some(promise) = call(&container, "register", Some(&"./sw.js".into())) else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        match JsFuture::from(promise).await {
            Ok(registration) => watch(registration),
            Err(e) => web_sys::console::warn_2(&"Pandu: cache luring tidak terpasang:".into(), &e),
        }
    });
}

/// Call `f` once a newer build than the running one is cached (at once if
/// one already is). Only the page that registered `sw.js` ever hears this:
/// a console that mounts Pandu in its own page has a worker of its own, or none.
pub fn on_new_version(f: impl Fn() + 'static) {
    let now = NEWS.with(|n| {
        let mut n = n.borrow_mut();
        if !n.arrived {
            n.hear.push(Box::new(f));
            return None;
        }
        Some(f)
    });
    if let Some(f) = now {
        f();
    }
}

/// Load the page again: the new build comes from the network, or offline
/// from the cache the new worker filled.
pub fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

fn announce() {
    let hear = NEWS.with(|n| {
        let mut n = n.borrow_mut();
        n.arrived = true;
        std::mem::take(&mut n.hear)
    });
    for f in hear {
        f();
    }
}

fn watch(registration: JsValue) {
    // A worker installing while an older one is active is a new build; the
    // first install in this browser is not (nothing was cached before it).
    let follow_new = {
        let registration = registration.clone();
        move || {
            if prop(&registration, "active").is_none() {
                return;
            }
            if let Some(worker) = prop(&registration, "installing") {
                follow(worker);
            }
        }
    };
    // The navigation's own update check may have found one already.
    follow_new();
    listen(&registration, "updatefound", follow_new);
    let check = registration.clone();
    leptos::prelude::set_interval(
        move || {
            if let Some(update) = call(&check, "update", None) {
                // Offline, the check fails; the next one will do.
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = JsFuture::from(update).await;
                });
            }
        },
        CHECK_EVERY,
    );
}

// `sw.js` activates a build as soon as it is cached and deletes the older
// caches while activating: once active, the caches hold only the new build.
fn follow(worker: JsValue) {
    let w = worker.clone();
    listen(&worker, "statechange", move || {
        if prop(&w, "state").and_then(|s| s.as_string()).as_deref() == Some("activated") {
            wasm_bindgen_futures::spawn_local(async {
                if !running_build_cached().await {
                    announce();
                }
            });
        }
    });
}

/// Whether the cache holds the wasm this page runs. A page loaded online
/// after a release already runs the build its worker has just cached: that
/// is no news. Unknown (no wasm found on the page) counts as not cached, so
/// the CSO hears of an update rather than misses one.
async fn running_build_cached() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let (Some(caches), Some(wasm)) = (prop(&window, "caches"), running_wasm(&window)) else {
        return false;
    };
    let Some(hit) = call(&caches, "match", Some(&wasm.into())) else {
        return false;
    };
    JsFuture::from(hit)
        .await
        .is_ok_and(|r| !r.is_undefined() && !r.is_null())
}

/// The address of the page's `*_bg.wasm`, as the browser fetched it.
fn running_wasm(window: &web_sys::Window) -> Option<String> {
    let performance = window.performance()?;
    let entries = call_value(&performance, "getEntriesByType", Some(&"resource".into()))?;
    js_sys::Array::from(&entries)
        .iter()
        .filter_map(|e| prop(&e, "name")?.as_string())
        .find(|name| name.ends_with("_bg.wasm"))
}

fn listen(target: &JsValue, event: &str, f: impl Fn() + 'static) {
    let f = Closure::<dyn Fn()>::new(f);
    if let Ok(add) = Reflect::get(target, &"addEventListener".into()) {
        if let Ok(add) = add.dyn_into::<Function>() {
            let _ = add.call2(target, &event.into(), f.as_ref());
        }
    }
    // The worker and its registration live as long as the page.
    f.forget();
}

fn call_value(target: &JsValue, name: &str, arg: Option<&JsValue>) -> Option<JsValue> {
    let f = Reflect::get(target, &name.into())
        .ok()?
        .dyn_into::<Function>()
        .ok()?;
    match arg {
        Some(a) => f.call1(target, a),
        None => f.call0(target),
    }
    .ok()
}

fn call(target: &JsValue, name: &str, arg: Option<&JsValue>) -> Option<Promise> {
    call_value(target, name, arg)?.dyn_into::<Promise>().ok()
}
