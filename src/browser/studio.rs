//! What the studio (`studio.html`, feature `studio`) needs of the browser
//! beyond the widget's adapter: the editor's text area (select a line,
//! scroll the gutter with it), the map's clicked step, and the text of a
//! file picked or dropped. Never in the CSO's bundle.

use leptos::html::{Div, Textarea};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Select `[start, end)` (UTF-16 units) of the text area, which holds
/// `lines` lines, and scroll line `line` (1-based) into view, a few lines
/// below the top; the gutter follows.
pub fn select_line(
    area: NodeRef<Textarea>,
    gutter: NodeRef<Div>,
    (start, end): (u32, u32),
    line: usize,
    lines: usize,
) {
    let Some(el) = area.get_untracked() else {
        return;
    };
    let _ = el.focus();
    let _ = el.set_selection_range(start, end);
    let per_line = f64::from(el.scroll_height()) / lines.max(1) as f64;
    let top = (line.saturating_sub(4) as f64 * per_line).max(0.0);
    el.set_scroll_top(top as i32);
    sync_scroll(area, gutter);
}

/// The gutter scrolled as far as the text area.
pub fn sync_scroll(area: NodeRef<Textarea>, gutter: NodeRef<Div>) {
    if let (Some(a), Some(g)) = (area.get_untracked(), gutter.get_untracked()) {
        g.set_scroll_top(a.scroll_top());
    }
}

/// The `data-step` of the map box a click or a key landed in.
pub fn clicked_step(ev: &web_sys::Event) -> Option<String> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    target
        .closest("[data-step]")
        .ok()
        .flatten()?
        .get_attribute("data-step")
}

/// A file the supervisor picked or dropped.
pub struct PickedFile(web_sys::File);

impl PickedFile {
    pub fn name(&self) -> String {
        self.0.name()
    }

    /// Its text (UTF-8).
    pub async fn text(self) -> Result<String, String> {
        let v = JsFuture::from(self.0.text())
            .await
            .map_err(|e| super::js_text(&e))?;
        v.as_string()
            .ok_or_else(|| "isi berkas bukan teks".to_string())
    }
}

/// The first file of a file input's `change`; the input is emptied so the
/// same file may be picked again.
pub fn picked_file(ev: &web_sys::Event) -> Option<PickedFile> {
    let input = ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    let file = input.files()?.get(0);
    input.set_value("");
    file.map(PickedFile)
}

/// The first file of a drop; the browser's own handling (opening the file)
/// is prevented.
pub fn dropped_file(ev: &web_sys::DragEvent) -> Option<PickedFile> {
    ev.prevent_default();
    ev.data_transfer()?.files()?.get(0).map(PickedFile)
}

/// A drag over the page: let it drop here rather than open the file.
pub fn allow_drop(ev: &web_sys::DragEvent) {
    ev.prevent_default();
}
