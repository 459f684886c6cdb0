//! Events read at the widget's root (see `actions.rs`), turned into plain
//! values: which `data-act` was clicked, which box changed, which key was
//! pressed on what. Only elements inside the widget count.

use super::dom::Dom;
use crate::actions::{ACT, ARG, INPUT};
use crate::hooks::{self, Hook};
use crate::keys::{KeyTarget, Pressed};
use js_sys::Reflect;
use std::cell::Cell;
use wasm_bindgen::JsCast;

/// The element an event was aimed at.
fn target_el(ev: &web_sys::Event) -> Option<web_sys::Element> {
    ev.target()?.dyn_into::<web_sys::Element>().ok()
}

/// A `value` property, without a web-sys type per kind of control.
pub(super) fn value_of(el: &web_sys::Element) -> String {
    Reflect::get(el, &"value".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

// The nearest element matching `selector` from `el` up, if it is in this
// widget: a host page may wrap the widget in elements of its own.
fn closest_in(dom: Dom, el: &web_sys::Element, selector: &str) -> Option<web_sys::Element> {
    el.closest(selector)
        .ok()
        .flatten()
        .filter(|c| dom.contains(c))
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

/// The `data-act` element of this widget an event came from, if any.
pub fn acted(dom: Dom, ev: &web_sys::Event) -> Option<Acted> {
    let el = closest_in(dom, &target_el(ev)?, "[data-act]")?;
    Some(Acted {
        act: el.get_attribute(ACT)?,
        arg: el.get_attribute(ARG).unwrap_or_default(),
        el,
    })
}

/// A control whose value changed or that lost the focus: its `data-input`
/// name, or its `name` inside the widget's collect form, with its value now.
pub struct Edited {
    pub input: Option<String>,
    pub field: Option<String>,
    pub value: String,
    /// A `<select>`: done when it changes.
    pub select: bool,
}

pub fn edited(dom: Dom, ev: &web_sys::Event) -> Option<Edited> {
    let el = target_el(ev).filter(|el| dom.contains(el))?;
    let input = el.get_attribute(INPUT);
    let field = closest_in(dom, &el, Hook::Form.selector()).and_then(|_| el.get_attribute("name"));
    if input.is_none() && field.is_none() {
        return None;
    }
    Some(Edited {
        value: value_of(&el),
        select: el.tag_name().eq_ignore_ascii_case("SELECT"),
        input,
        field,
    })
}

thread_local! {
    /// Whether the last thing the user did here was a press with a pointer
    /// (mouse, finger, pen) rather than a key.
    static POINTER: Cell<bool> = const { Cell::new(false) };
}

/// The root heard a pointer go down: a focus change that follows comes from
/// a press. A finger's tap moves the focus only after the finger is lifted,
/// when the button is not `:active` yet (or no longer), so `:active` alone
/// cannot tell a tap from a Tab.
pub fn pointer_down() {
    POINTER.set(true);
}

/// Whether the `<details>` a `toggle` event came from is open now.
pub fn is_open(ev: &web_sys::Event) -> bool {
    target_el(ev).is_some_and(|el| el.has_attribute("open"))
}

/// The root heard a key: the next focus change is the keyboard's (Tab).
pub fn key_down() {
    POINTER.set(false);
}

/// Whether a blur hands the focus to a button being pressed with the
/// pointer. Validating then would insert a message above the button between
/// press and release, moving it away from the pointer and losing the click;
/// the button's own action validates anyway. Tabbing to a button (from the
/// last field of a form, NIK for one) presses nothing: the field is checked
/// as any other it leaves.
pub fn blur_to_button(ev: &web_sys::FocusEvent) -> bool {
    ev.related_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| {
            el.tag_name().eq_ignore_ascii_case("BUTTON")
                && (POINTER.get() || el.matches(":active").unwrap_or(true))
        })
}

/// A key pressed in this widget, as the keyboard map reads it.
pub fn pressed(dom: Dom, ev: &web_sys::KeyboardEvent) -> Pressed {
    key_down();
    let el = target_el(ev).filter(|el| dom.contains(el));
    let on = el
        .as_ref()
        .and_then(|el| el.get_attribute(hooks::ATTR))
        .and_then(|h| Hook::parse(&h));
    let form_note = el.as_ref().is_some_and(|el| {
        el.tag_name().eq_ignore_ascii_case("TEXTAREA")
            && closest_in(dom, el, Hook::Form.selector()).is_some()
    });
    Pressed {
        key: ev.key(),
        alt: ev.alt_key(),
        ctrl: ev.ctrl_key(),
        meta: ev.meta_key(),
        repeat: ev.repeat(),
        target: el.as_ref().map_or(KeyTarget::Page, key_target),
        on,
        form_note,
    }
}

/// Classify the element a key event was aimed at.
fn key_target(el: &web_sys::Element) -> KeyTarget {
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
