//! The studio's bundle (`studio.html`, bin `studio`, feature `studio`) next
//! to the widget's, and the SOP sources it opens.
//!
//! Trunk builds it on its own into `target/dist-studio/` with the public URL
//! `/studio/` (trunk names the page `index.html` there); its loader is moved
//! out of the page as for the widget's `index.html`
//! (strict CSP), then the page goes to `dist/studio.html` and its files to
//! `dist/studio/`, so nothing of the widget's `dist/` is replaced and the
//! widget's offline cache (which lists `dist/`'s own files) never holds it.
//! The SOP sources go to `dist/sumber/`, listed in `dist/sumber/daftar.txt`.

use std::path::Path;

/// Where trunk writes the studio, and the address its files are served under.
pub const BUILD_DIR: &str = "target/dist-studio";
pub const PUBLIC_URL: &str = "/studio/";
pub const PAGE: &str = "studio.html";
/// What trunk names the page it writes, whatever the source page's name.
const BUILT_PAGE: &str = "index.html";

/// Move the built studio into `dist`: the page at the top, its files under
/// `studio/`. Returns how many files were copied.
pub fn install(built: &Path, dist: &Path) -> Result<usize, String> {
    crate::loader::externalize_page(built, BUILT_PAGE, PUBLIC_URL)?;
    let sub = dist.join(PUBLIC_URL.trim_matches('/'));
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
            dist.join(PAGE)
        } else {
            sub.join(name)
        };
        std::fs::copy(&path, &to)
            .map_err(|e| format!("{} → {}: {e}", path.display(), to.display()))?;
        n += 1;
    }
    Ok(n)
}

/// Copy the SOP files and their scenarios into `dist/sumber/` and list
/// them in `daftar.txt`, one name a line: the studio opens them. Drills and
/// the finder's evaluation set stay out. Returns the names.
pub fn sources(sops: &Path, dist: &Path) -> Result<Vec<String>, String> {
    let out = dist.join("sumber");
    if out.exists() {
        std::fs::remove_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let mut names: Vec<String> = std::fs::read_dir(sops)
        .map_err(|e| format!("{}: {e}", sops.display()))?
        .filter_map(|e| e.ok()?.file_name().to_str().map(String::from))
        .filter(|n| wanted(n))
        .collect();
    names.sort();
    for n in &names {
        std::fs::copy(sops.join(n), out.join(n)).map_err(|e| format!("{n}: {e}"))?;
    }
    let list = format!(
        "# Sumber SOP untuk Pandu Studio (ditulis oleh cargo xtask)\n{}\n",
        names.join("\n")
    );
    std::fs::write(out.join("daftar.txt"), list).map_err(|e| format!("daftar.txt: {e}"))?;
    Ok(names)
}

/// An SOP file or its scenarios; not drills, not the evaluation set.
fn wanted(name: &str) -> bool {
    name.ends_with(".toml") && !name.ends_with(".drills.toml") && !name.ends_with(".eval.toml")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> std::path::PathBuf {
        let d =
            std::env::temp_dir().join(format!("pandu-xtask-studio-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn the_studio_goes_beside_the_widget_without_replacing_its_files() {
        let built = scratch("built");
        let dist = scratch("dist");
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
            install(&built, &dist).unwrap(),
            4,
            "page, wasm, css, loader"
        );
        let page = std::fs::read_to_string(dist.join(PAGE)).unwrap();
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

    #[test]
    fn the_sources_are_the_sops_and_their_scenarios() {
        let sops = scratch("sops");
        let dist = scratch("dist2");
        for n in [
            "a.toml",
            "a.scenarios.toml",
            "a.drills.toml",
            "finder.eval.toml",
            "notes.txt",
        ] {
            std::fs::write(sops.join(n), n).unwrap();
        }
        assert_eq!(
            sources(&sops, &dist).unwrap(),
            vec!["a.scenarios.toml", "a.toml"]
        );
        let list = std::fs::read_to_string(dist.join("sumber/daftar.txt")).unwrap();
        assert!(list.ends_with("a.scenarios.toml\na.toml\n"), "{list}");
        assert!(dist.join("sumber/a.toml").is_file());
    }
}
