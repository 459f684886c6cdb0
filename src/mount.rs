//! The script API for host pages that want the widget in their own DOM
//! (`pandu-embed.js` exposes it as `Pandu`): `Pandu.mount(element, options)`
//! returns a handle with `send(message)` and `unmount()`; `Pandu.unmount(element)`
//! does the same from the element. Several widgets may be mounted on one
//! page, each in its own element: each keeps to its element (`browser::Dom`).
//!
//! The element types of the signatures come from the browser adapter
//! (`browser::embed`): the adapter is the only code that names the browser's crates.

use leptos::prelude::*;
use pandu::browser::embed::{self, Element, HtmlElement};
use pandu::host::HostConfig;
use pandu::ui::{Inbox, Root};
use std::any::Any;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

struct Mounted {
    element: Element,
    inbox: Inbox,
    // Dropping Leptos's unmount handle takes the widget out of the page and
    // runs its cleanups (listeners, timers).
    _handle: Box<dyn Any>,
}

thread_local! {
    static MOUNTED: RefCell<Vec<Mounted>> = const { RefCell::new(Vec::new()) };
}

/// A widget mounted by a host page.
#[wasm_bindgen]
pub struct PanduHandle {
    element: Element,
}

#[wasm_bindgen]
impl PanduHandle {
    /// Deliver a host message (`{pandu: 1, type: "context" | "start" | "reset", …}`).
    pub fn send(&self, message: JsValue) {
        // Taken out of the list first: the handler may re-enter through events.
        let inbox = MOUNTED.with(|m| {
            m.borrow()
                .iter()
                .find(|x| x.element == self.element)
                .map(|x| x.inbox.clone())
        });
        if let Some(inbox) = inbox {
            if let Some(handler) = inbox.borrow().as_ref() {
                handler(message);
            }
        }
    }

    /// Take the widget out of the page.
    pub fn unmount(&self) -> bool {
        unmount(&self.element)
    }
}

/// Mount the widget inside `element`. Options: `origins`, `sops`, `onEvent`,
/// `context` {`caller`, `cso`}, `compact` (see docs/EMBEDDING.md).
#[wasm_bindgen]
pub fn mount(element: HtmlElement, options: JsValue) -> Result<PanduHandle, JsValue> {
    let mut config = HostConfig::from_options(&options)
        .map_err(|e| embed::js_error(&format!("Pandu.mount: {e}")))?;
    let key: Element = element.clone().into();
    if MOUNTED.with(|m| m.borrow().iter().any(|x| x.element == key)) {
        return Err(embed::js_error(
            "Pandu.mount: elemen ini sudah berisi Pandu; panggil unmount dulu.",
        ));
    }
    config.slot = Some(embed::mount_slot(&key));
    let inbox: Inbox = Default::default();
    let given = inbox.clone();
    let handle = leptos::mount::mount_to(element, move || {
        view! { <Root config inbox=given /> }
    });
    MOUNTED.with(|m| {
        m.borrow_mut().push(Mounted {
            element: key.clone(),
            inbox,
            _handle: Box::new(handle),
        })
    });
    Ok(PanduHandle { element: key })
}

/// Take the widget out of `element`; `false` if it was not mounted there.
#[wasm_bindgen]
pub fn unmount(element: &Element) -> bool {
    let taken = MOUNTED.with(|m| {
        let mut m = m.borrow_mut();
        let at = m.iter().position(|x| x.element == *element)?;
        Some(m.remove(at))
    });
    // Dropped outside the borrow: cleanups may look at the list.
    taken.is_some()
}
