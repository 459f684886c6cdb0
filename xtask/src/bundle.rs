//! The bundles built beside the CSO's own (`index.html`): training
//! (`latihan.html`, bin `latihan`, feature `training`) and the studio
//! (`studio.html`, bin `studio`, feature `studio`). A live call loads
//! neither.
//!
//! Trunk builds each on its own into `target/dist-<name>/` with the public
//! URL `/<name>/` (trunk names the page `index.html` there); its loader is
//! moved out of the page as for the widget's `index.html` (strict CSP), then
//! the page goes to `dist/<page>` and its files to `dist/<name>/`, so nothing
//! of the widget's `dist/` is replaced and the widget's offline cache (which
//! lists `dist/`'s own files) never holds them. The page sits beside
//! `index.html`, so the files it fetches by relative address (`katalog.json`,
//! `drills.json`) are the widget's.

use std::path::Path;

/// A bundle of its own, beside the widget's.
#[derive(Debug, Clone, Copy)]
pub struct Side {
    /// The source page, and the name it gets in `dist/`.
    pub page: &'static str,
    /// Where trunk writes it.
    pub build_dir: &'static str,
    /// The address its files are served under (`dist/latihan/` → `/latihan/`).
    pub public_url: &'static str,
}

pub const TRAINING: Side = Side {
    page: "latihan.html",
    build_dir: "target/dist-latihan",
    public_url: "/latihan/",
};

pub const STUDIO: Side = Side {
    page: "studio.html",
    build_dir: "target/dist-studio",
    public_url: "/studio/",
};

/// What trunk names the page it writes, whatever the source page's name.
const BUILT_PAGE: &str = "index.html";

impl Side {
    /// Move the built bundle into `dist`: the page at the top, its files under
    /// its public URL's directory. Returns how many files were copied.
    pub fn install(&self, built: &Path, dist: &Path) -> Result<usize, String> {
        crate::loader::externalize_page(built, BUILT_PAGE, self.public_url)?;
        let sub = dist.join(self.public_url.trim_matches('/'));
        if sub.exists() {
            std::fs::remove_dir_all(&sub).map_err(|e| format!("{}: {e}", sub.display()))?;
        }
        std::fs::create_dir_all(&sub).map_err(|e| format!("{}: {e}", sub.display()))?;
        let mut n = 0;
        for entry in std::fs::read_dir(built).map_err(|e| format!("{}: {e}", built.display()))? {
            let path = entry.map_err(|e| e.to_string())?.path();
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            if !path.is_file() {
                continue;
            }
            let to = if name == BUILT_PAGE {
                dist.join(self.page)
            } else {
                sub.join(name)
            };
            std::fs::copy(&path, &to)
                .map_err(|e| format!("{} → {}: {e}", path.display(), to.display()))?;
            n += 1;
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_studio_goes_beside_the_widget_without_replacing_its_files() {
        let built = crate::scratch("bundle-built");
        let dist = crate::scratch("bundle-dist");
        std::fs::write(
            built.join(BUILT_PAGE),
            "<title>S</title><script type=module>import init from '/studio/studio-1.js';</script>",
        )
        .unwrap();
        std::fs::write(built.join("studio-1_bg.wasm"), "w").unwrap();
        std::fs::write(built.join("pandu-1.css"), "studio's copy").unwrap();
        std::fs::write(dist.join("pandu-1.css"), "widget's").unwrap();
        std::fs::write(dist.join("index.html"), "widget").unwrap();
        assert_eq!(
            STUDIO.install(&built, &dist).unwrap(),
            4,
            "page, wasm, css, loader"
        );
        let page = std::fs::read_to_string(dist.join(STUDIO.page)).unwrap();
        assert!(page.contains("src=\"/studio/pandu-loader-"), "{page}");
        assert!(!page.contains("import init"), "no inline script left");
        assert!(dist.join("studio/studio-1_bg.wasm").is_file());
        assert_eq!(
            std::fs::read_to_string(dist.join("pandu-1.css")).unwrap(),
            "widget's"
        );
        assert_eq!(
            std::fs::read_to_string(dist.join("index.html")).unwrap(),
            "widget"
        );
    }
}
