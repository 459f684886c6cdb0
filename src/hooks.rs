//! What the widget's own code looks up in its DOM, as a typed enum: the
//! elements focus moves to, the lists the arrow keys walk, the form whose
//! values are read. Views write `data-hook=Hook::X.as_str()`, the adapter
//! finds them with `Hook::X.selector()`, always inside the widget's root.
//!
//! Test ids (`data-testid`) are for tests and host consoles' tests only: a
//! test id can be renamed without breaking the keyboard, and a host page's
//! own `data-testid="form"` is never taken for Pandu's.
//!
//! Element ids are unique per widget: each mounted widget has its own prefix.

/// An element the runtime finds (`data-hook`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hook {
    /// The finder's search box: the focus at start and after a call.
    Search,
    /// An SOP of the finder's list (arrow keys).
    SopItem,
    /// An option of an ask step (arrow keys).
    Option,
    /// The current step: its first control gets the focus.
    Step,
    /// The collect form of the current step: its values are what is sent.
    Form,
    /// One field of the form (with `data-field-id`): a refused send focuses the first.
    Field,
    /// A must-say tick box: an unticked one gets the focus when the engine asks for it.
    Must,
    /// The buttons a closed confirmation gives the focus back to.
    Restart,
    Leave,
    Wipe,
    /// The caller's name: the focus for the next caller.
    CallerName,
    /// A drill of the trainer's list.
    Drill,
    /// The drill's score, focused when it is shown.
    Score,
    /// The box with text to copy by hand when no copy worked.
    CopyManual,
    /// The yes-button of the confirmation that is open.
    ConfirmYes,
    /// "Selesai": the focus once the closing lines are ticked.
    Finish,
    /// The drawing of an open SOP map: scrolled to the step the call is at.
    MapDrawing,
}

/// The attribute the hooks live in.
pub const ATTR: &str = "data-hook";

impl Hook {
    /// Every hook, for the tests.
    pub const ALL: [Hook; 17] = [
        Hook::Search,
        Hook::SopItem,
        Hook::Option,
        Hook::Step,
        Hook::Form,
        Hook::Field,
        Hook::Must,
        Hook::Restart,
        Hook::Leave,
        Hook::Wipe,
        Hook::CallerName,
        Hook::Drill,
        Hook::Score,
        Hook::CopyManual,
        Hook::ConfirmYes,
        Hook::Finish,
        Hook::MapDrawing,
    ];

    /// `data-hook`'s value.
    pub const fn as_str(self) -> &'static str {
        match self {
            Hook::Search => "search",
            Hook::SopItem => "sop-item",
            Hook::Option => "option",
            Hook::Step => "step",
            Hook::Form => "form",
            Hook::Field => "field",
            Hook::Must => "must",
            Hook::Restart => "restart",
            Hook::Leave => "leave",
            Hook::Wipe => "wipe",
            Hook::CallerName => "caller-name",
            Hook::Drill => "drill",
            Hook::Score => "score",
            Hook::CopyManual => "copy-manual",
            Hook::ConfirmYes => "confirm-yes",
            Hook::Finish => "finish",
            Hook::MapDrawing => "map-drawing",
        }
    }

    /// The CSS selector of the hook. Spelled out rather than formatted: the
    /// adapter asks for these on every transition, without an allocation.
    pub const fn selector(self) -> &'static str {
        match self {
            Hook::Search => "[data-hook=\"search\"]",
            Hook::SopItem => "[data-hook=\"sop-item\"]",
            Hook::Option => "[data-hook=\"option\"]",
            Hook::Step => "[data-hook=\"step\"]",
            Hook::Form => "[data-hook=\"form\"]",
            Hook::Field => "[data-hook=\"field\"]",
            Hook::Must => "[data-hook=\"must\"]",
            Hook::Restart => "[data-hook=\"restart\"]",
            Hook::Leave => "[data-hook=\"leave\"]",
            Hook::Wipe => "[data-hook=\"wipe\"]",
            Hook::CallerName => "[data-hook=\"caller-name\"]",
            Hook::Drill => "[data-hook=\"drill\"]",
            Hook::Score => "[data-hook=\"score\"]",
            Hook::CopyManual => "[data-hook=\"copy-manual\"]",
            Hook::ConfirmYes => "[data-hook=\"confirm-yes\"]",
            Hook::Finish => "[data-hook=\"finish\"]",
            Hook::MapDrawing => "[data-hook=\"map-drawing\"]",
        }
    }

    /// The hook an element carries.
    pub fn parse(value: &str) -> Option<Hook> {
        Hook::ALL.into_iter().find(|h| h.as_str() == value)
    }
}

/// The control of the form field `id`, for the focus after a refused send.
pub fn field_control(id: &str) -> String {
    format!(
        "{}[data-field-id=\"{}\"] :is(input, select, textarea)",
        Hook::Field.selector(),
        css_escape(id)
    )
}

/// The must-say boxes not ticked yet.
pub const UNTICKED_MUST: &str = "[data-hook=\"must\"]:not(:checked)";

// Field ids come from SOP files; quotes and backslashes would break the selector.
fn css_escape(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for c in id.chars() {
        if matches!(c, '"' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The element-id prefix of the `n`-th widget of a page (from 1). The first
/// keeps the plain `pandu`, so a page with one widget has the ids it always had.
pub fn id_prefix(n: u32) -> String {
    if n <= 1 {
        "pandu".into()
    } else {
        format!("pandu{n}")
    }
}

/// An SOP field id or a call id as part of an HTML id: only what an id
/// tolerates everywhere (ids come from SOP files and from hosts).
pub fn id_safe(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_hook_has_one_name_and_its_selector_says_it() {
        for h in Hook::ALL {
            assert_eq!(h.selector(), format!("[data-hook=\"{}\"]", h.as_str()));
            assert_eq!(Hook::parse(h.as_str()), Some(h));
        }
        assert_eq!(Hook::parse("sop-search"), None);
        assert_eq!(
            UNTICKED_MUST,
            format!("{}:not(:checked)", Hook::Must.selector())
        );
    }

    #[test]
    fn a_field_is_found_by_its_id_even_with_quotes_in_it() {
        assert_eq!(
            field_control("unit"),
            "[data-hook=\"field\"][data-field-id=\"unit\"] :is(input, select, textarea)"
        );
        assert_eq!(css_escape(r#"a"b\c"#), r#"a\"b\\c"#);
    }

    #[test]
    fn ids_are_prefixed_per_widget_and_safe() {
        assert_eq!(id_prefix(1), "pandu");
        assert_eq!(id_prefix(2), "pandu2");
        assert_eq!(id_prefix(0), "pandu");
        assert_eq!(id_safe("no hp/wa"), "no_hp_wa");
        assert_eq!(id_safe("6f1c-22_x"), "6f1c-22_x");
    }
}
