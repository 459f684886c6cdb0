//! The studio's SOP sources: the studio (`studio.html`, bin `studio`,
//! feature `studio`, a bundle of its own: `bundle.rs`) opens them from
//! `dist/sumber/`, listed in `dist/sumber/daftar.txt`.

use std::path::Path;

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

    #[test]
    fn the_sources_are_the_sops_and_their_scenarios() {
        let sops = crate::scratch("studio-sops");
        let dist = crate::scratch("studio-dist2");
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
