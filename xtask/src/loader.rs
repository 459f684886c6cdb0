//! Moves trunk's inline loader script into a file of its own.
//!
//! Trunk 0.21 writes the wasm loader as an inline `<script type="module">`
//! in `index.html`. A host page with `script-src 'self'` (no `'unsafe-inline'`)
//! blocks it and the widget never starts. Trunk only offers a per-request
//! nonce, which a static deployment cannot use, so after each build the
//! script goes into `dist/pandu-loader-<hash>.js` and `index.html` loads it
//! with `src=`. The hash changes with the content, like trunk's own files.

use std::path::Path;

/// The loader's opening tag as trunk writes it, and as trunk's HTML minifier does.
const OPEN: [&str; 2] = ["<script type=\"module\">", "<script type=module>"];
const CLOSE: &str = "</script>";

/// Rewrite `dist/index.html` so that it has no inline script; returns the
/// loader file's name, or `None` if there was no inline loader (already done).
/// The widget's loader also sends `?mode=latihan` to training's page before
/// the live wasm starts (`for_training`).
pub fn externalize(dist: &Path) -> Result<Option<String>, String> {
    let index = dist.join("index.html");
    let html = std::fs::read_to_string(&index)
        .map_err(|e| format!("cannot read {}: {e}", index.display()))?;
    let Some((new_html, name, script)) = split_at(&html, "/") else {
        return Ok(None);
    };
    let script = for_training(&script, crate::bundle::TRAINING.page);
    std::fs::write(dist.join(&name), script)
        .map_err(|e| format!("cannot write {}/{name}: {e}", dist.display()))?;
    std::fs::write(&index, new_html)
        .map_err(|e| format!("cannot write {}: {e}", index.display()))?;
    Ok(Some(name))
}

/// The loader, with the way to training first: on `?mode=latihan` the page
/// is replaced by `page` with the same query, and the live wasm is never
/// instantiated. The module's `import` lines stay at its top, as they must.
fn for_training(script: &str, page: &str) -> String {
    let (imports, rest): (Vec<&str>, Vec<&str>) =
        script.lines().partition(|l| l.starts_with("import "));
    format!(
        "{}\n// Training is a bundle of its own (`{page}`): the live one does not start for it.\n\
         if (new URLSearchParams(location.search).get('mode') === 'latihan') {{\n  \
         location.replace(new URL('{page}' + location.search + location.hash, location.href));\n\
         }} else {{\n{}\n}}\n",
        imports.join("\n"),
        rest.join("\n").trim(),
    )
}

/// The same for another page of a build (the studio's `studio.html`): the
/// loader goes next to the page, addressed under `url_prefix` (the build's
/// public URL, e.g. `/studio/`).
pub fn externalize_page(
    dir: &Path,
    page: &str,
    url_prefix: &str,
) -> Result<Option<String>, String> {
    let index = dir.join(page);
    let dist = dir;
    let html = std::fs::read_to_string(&index)
        .map_err(|e| format!("cannot read {}: {e}", index.display()))?;
    let Some((new_html, name, script)) = split_at(&html, url_prefix) else {
        return Ok(None);
    };
    std::fs::write(dist.join(&name), script)
        .map_err(|e| format!("cannot write {}/{name}: {e}", dist.display()))?;
    std::fs::write(&index, new_html)
        .map_err(|e| format!("cannot write {}: {e}", index.display()))?;
    Ok(Some(name))
}

/// The page without the inline script, the loader's file name, and its text.
#[cfg(test)]
fn split(html: &str) -> Option<(String, String, String)> {
    split_at(html, "/")
}

/// `split`, the loader addressed under `url_prefix`.
fn split_at(html: &str, url_prefix: &str) -> Option<(String, String, String)> {
    let (start, open) = OPEN
        .iter()
        .find_map(|o| html.find(o).map(|i| (i, o.len())))?;
    let body_start = start + open;
    let end = body_start + html[body_start..].find(CLOSE)?;
    let script = html[body_start..end].trim().to_string() + "\n";
    let name = format!("pandu-loader-{:016x}.js", fnv1a(script.as_bytes()));
    let tag = format!("<script type=\"module\" src=\"{url_prefix}{name}\"></script>");
    let new_html = format!("{}{tag}{}", &html[..start], &html[end + CLOSE.len()..]);
    Some((new_html, name, script))
}

/// A small stable hash for the file name (not for security).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_inline_loader_becomes_a_file() {
        let html = "<head>\n<script type=\"module\">\nimport init from '/a.js';\nawait init();\n</script>\n<link rel=\"x\"></head>";
        let (page, name, script) = split(html).unwrap();
        assert_eq!(script, "import init from '/a.js';\nawait init();\n");
        assert!(name.starts_with("pandu-loader-") && name.ends_with(".js"));
        assert_eq!(
            page,
            format!("<head>\n<script type=\"module\" src=\"/{name}\"></script>\n<link rel=\"x\"></head>")
        );
        assert!(split(&page).is_none(), "nothing inline is left");
    }

    #[test]
    fn the_widgets_loader_sends_training_to_its_page_before_starting() {
        let script = "import init, * as bindings from '/p.js';\nconst wasm = await init({ module_or_path: '/p_bg.wasm' });\nwindow.wasmBindings = bindings;\n";
        assert_eq!(
            for_training(script, "latihan.html"),
            "import init, * as bindings from '/p.js';\n\
             // Training is a bundle of its own (`latihan.html`): the live one does not start for it.\n\
             if (new URLSearchParams(location.search).get('mode') === 'latihan') {\n  \
             location.replace(new URL('latihan.html' + location.search + location.hash, location.href));\n\
             } else {\n\
             const wasm = await init({ module_or_path: '/p_bg.wasm' });\nwindow.wasmBindings = bindings;\n}\n"
        );
    }

    #[test]
    fn the_studios_loader_is_addressed_under_its_public_url() {
        let html = "<title>S</title><script type=module>import init from '/studio/s.js';</script>";
        let (page, name, _) = split_at(html, "/studio/").unwrap();
        assert_eq!(
            page,
            format!("<title>S</title><script type=\"module\" src=\"/studio/{name}\"></script>")
        );
    }

    #[test]
    fn a_minified_page_has_its_loader_moved_too() {
        let html =
            "<title>P</title><script type=module>import init from '/a.js';</script><link rel=x>";
        let (page, name, script) = split(html).unwrap();
        assert_eq!(script, "import init from '/a.js';\n");
        assert_eq!(
            page,
            format!(
                "<title>P</title><script type=\"module\" src=\"/{name}\"></script><link rel=x>"
            )
        );
    }
}
