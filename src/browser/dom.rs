//! The widget's own piece of the page: its root element and everything
//! looked up under it (focus, selection, the form's values), and its element
//! ids. Every query starts at the root, never at `document`, so two widgets
//! on one page, or a host page with elements like Pandu's, never meet.

use crate::hooks::{self, Hook};
use leptos::html::Main;
use leptos::prelude::*;
use std::collections::BTreeMap;
use wasm_bindgen::JsCast;

/// One widget's DOM scope: its `<main>` root and its id prefix.
#[derive(Clone, Copy)]
pub struct Dom {
    root: NodeRef<Main>,
    /// The widget's number in the page (from 1), for its element ids.
    n: u32,
}

impl Dom {
    /// A new widget: the next number in the page, a root not mounted yet.
    pub fn new() -> Dom {
        let n = super::page_count("__panduWidgets");
        Dom {
            root: NodeRef::new(),
            n,
        }
    }

    /// For the root's `node_ref`.
    pub fn root(&self) -> NodeRef<Main> {
        self.root
    }

    /// An element id of this widget: `pandu-caller-name`, `pandu2-caller-name`.
    pub fn id(&self, name: &str) -> String {
        format!("{}-{name}", hooks::id_prefix(self.n))
    }

    /// Tell the page around a mounted widget, by a `pandu-mode` event that
    /// bubbles from the root, which mode the user asked for (`"latihan"`,
    /// `"live"`): `pandu-embed.js` mounts the other bundle in its place.
    pub fn ask_mode(&self, mode: &str) -> Result<(), String> {
        let root = self.root_el().ok_or("widget belum tampil")?;
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_detail(&mode.into());
        let event = web_sys::CustomEvent::new_with_event_init_dict("pandu-mode", &init)
            .map_err(|_| "peristiwa tidak dapat dibuat".to_string())?;
        root.dispatch_event(&event)
            .map(|_| ())
            .map_err(|_| "peristiwa tidak terkirim".to_string())
    }

    // `None` before the first render and after the widget is gone (a timer
    // may fire after an unmount).
    fn root_el(&self) -> Option<web_sys::HtmlElement> {
        self.root.try_get_untracked().flatten()
    }

    fn find(&self, selector: &str) -> Option<web_sys::Element> {
        self.root_el()?.query_selector(selector).ok().flatten()
    }

    /// Whether `el` is in this widget.
    pub fn contains(&self, el: &web_sys::Element) -> bool {
        self.root_el().is_some_and(|r| r.contains(Some(el)))
    }

    /// Focus the element matching `selector` after the current render.
    pub fn focus_soon(self, selector: impl Into<String>) {
        let selector = selector.into();
        set_timeout(
            move || {
                if let Some(el) = self.find(&selector).and_then(html) {
                    let _ = el.focus();
                }
            },
            std::time::Duration::ZERO,
        );
    }

    /// Scroll the box of `scope` by its own scrollbars (never the page's)
    /// so that the element `target` names inside it is in its middle, after
    /// the current render: an SOP map opens on the step the call is at.
    pub fn center_soon(self, scope: Hook, target: &'static str) {
        set_timeout(
            move || {
                let Some(area) = self.find(scope.selector()) else {
                    return;
                };
                let Ok(Some(el)) = area.query_selector(target) else {
                    return;
                };
                let (a, e) = (
                    area.get_bounding_client_rect(),
                    el.get_bounding_client_rect(),
                );
                let dx = e.left() - a.left() - (a.width() - e.width()) / 2.0;
                let dy = e.top() - a.top() - (a.height() - e.height()) / 2.0;
                area.set_scroll_left(area.scroll_left() + dx as i32);
                area.set_scroll_top(area.scroll_top() + dy as i32);
            },
            std::time::Duration::ZERO,
        );
    }

    /// Like `focus_soon`, unless the focus is somewhere else on the page: a
    /// widget that starts up next to a host's form (or another widget) does
    /// not take the focus from under the person typing there.
    pub fn focus_soon_if_free(self, hook: Hook) {
        set_timeout(
            move || {
                let active = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.active_element());
                let free = active
                    .is_none_or(|a| a.tag_name().eq_ignore_ascii_case("BODY") || self.contains(&a));
                if free {
                    if let Some(el) = self.find(hook.selector()).and_then(html) {
                        let _ = el.focus();
                    }
                }
            },
            std::time::Duration::ZERO,
        );
    }

    /// Focus the first enabled control inside `scope`, which is in the DOM
    /// already: the step view calls this from an effect, once it is mounted,
    /// so no key can arrive before the focus does (a timer could let one in
    /// first). Whether the step's top is on screen is looked at in the coming
    /// frame: measuring forces a layout, which the paint does anyway.
    ///
    /// The step's top is brought into view and the focus set without
    /// scrolling: the script lines above the first control are what the CSO
    /// reads next, and must not be scrolled away to show a button.
    pub fn focus_first_in(self, scope: Hook) {
        let Some(area) = self.find(scope.selector()) else {
            return;
        };
        let first = area
            .query_selector(
                ":is(input:not([type=hidden]), select, textarea, button):not([disabled])",
            )
            .ok()
            .flatten()
            .and_then(html);
        if let Some(el) = first {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = el.focus_with_options(&options);
        }
        request_animation_frame(move || {
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
    /// step about to be replaced holds the focus (it was put there); removing
    /// a focused element makes the browser settle styles and focus on the
    /// spot, about a millisecond and a half per transition as measured here.
    pub fn blur_within(self, scope: Hook) {
        let Some(active) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element())
        else {
            return;
        };
        let inside = self
            .find(scope.selector())
            .is_some_and(|s| s.contains(Some(&active)));
        if inside {
            if let Some(el) = html(active) {
                let _ = el.blur();
            }
        }
    }

    /// Move the focus `delta` places along this widget's elements with the
    /// hook `list` (arrow keys in a list); `false` when there is no such neighbour.
    pub fn move_focus(self, list: Hook, delta: i32) -> bool {
        let Some(items) = self
            .root_el()
            .and_then(|r| r.query_selector_all(list.selector()).ok())
        else {
            return false;
        };
        let active = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element());
        let items: Vec<web_sys::HtmlElement> = (0..items.length())
            .filter_map(|i| items.item(i))
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

    /// Select the text of the element matching `selector` after the current
    /// render, so a CSO whose clipboard is blocked can press Ctrl+C at once.
    pub fn select_text_soon(self, selector: impl Into<String>) {
        let selector = selector.into();
        set_timeout(
            move || self.select_text_of(&selector),
            std::time::Duration::ZERO,
        );
    }

    fn select_text_of(&self, selector: &str) {
        let Some(el) = self.find(selector) else {
            return;
        };
        if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            let _ = area.focus();
            area.select();
            return;
        }
        let Some(window) = web_sys::window() else {
            return;
        };
        let Some(document) = window.document() else {
            return;
        };
        let (Ok(Some(sel)), Ok(range)) = (window.get_selection(), document.create_range()) else {
            return;
        };
        if range.select_node_contents(&el).is_ok() {
            let _ = sel.remove_all_ranges();
            let _ = sel.add_range(&range);
        }
    }

    /// What this widget's collect form holds, by field name.
    pub fn form_values(self) -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        let selector = format!("{} [name]", Hook::Form.selector());
        let list = self
            .root_el()
            .and_then(|r| r.query_selector_all(&selector).ok());
        if let Some(list) = list {
            for i in 0..list.length() {
                if let Some(el) = list
                    .item(i)
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                {
                    if let Some(name) = el.get_attribute("name") {
                        out.insert(name, super::events::value_of(&el));
                    }
                }
            }
        }
        out
    }
}

impl Default for Dom {
    fn default() -> Self {
        Dom::new()
    }
}

fn html(el: web_sys::Element) -> Option<web_sys::HtmlElement> {
    el.dyn_into::<web_sys::HtmlElement>().ok()
}
