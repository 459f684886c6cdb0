//! What "Terbitkan" hands over: the TOML for `sops/` and the published SOP
//! file a deployment lists in `terbitan.txt` (the SOP as JSON, read by the
//! one decoder, `codec::sop`), with the manifest line and the steps to put it
//! live. Offered only when the draft is lint-clean and `Library::publish`,
//! the check the widget itself runs on a published file, takes it over the
//! catalogue. Pure.

use crate::studio::check::{Checked, Severity};
use pandu_engine::json::ToJson;
use pandu_engine::library::{Library, Published, MANIFEST_FILE};
use pandu_engine::{Catalog, Sop};

/// The folder, next to `index.html`, the studio suggests for published files.
pub const FOLDER: &str = "terbit";

/// Everything to download and do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Publication {
    /// For `sops/` in the repository: `<id>.toml`.
    pub toml_name: String,
    /// The published file's address relative to `terbitan.txt`: `terbit/<id>-<version>.json`.
    pub json_path: String,
    /// Its download name (no folder).
    pub json_name: String,
    pub json_text: String,
    /// The line to add to `terbitan.txt`.
    pub manifest_line: String,
    /// What the widget will say of it ("SOP `x` diperbarui dari versi ...").
    pub effect: String,
    /// The steps to put it live, in order.
    pub steps: Vec<String>,
}

/// The publication of a checked draft over `base`, or why there is none.
pub fn prepare(checked: &Checked, base: &Catalog) -> Result<Publication, Vec<String>> {
    let errors: Vec<String> = checked
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| match p.line {
            Some(l) => format!("baris {l}: {}", p.message),
            None => p.message.clone(),
        })
        .collect();
    if !errors.is_empty() {
        let mut reasons = vec![format!(
            "SOP belum lolos pemeriksaan ({} kesalahan): perbaiki dulu.",
            errors.len()
        )];
        reasons.extend(errors);
        return Err(reasons);
    }
    let Some(sop) = checked.sop.clone() else {
        return Err(vec!["Berkas belum terbaca sebagai SOP.".into()]);
    };
    let json_name = format!("{}-{}.json", file_safe(&sop.id), file_safe(&sop.version));
    let json_path = format!("{FOLDER}/{json_name}");
    let mut lib = Library::from_catalog(base.clone());
    let effect = match lib.publish(&json_path, sop.clone()) {
        Published::Refused { reasons, .. } => return Err(reasons),
        ok => ok.message(),
    };
    Ok(Publication {
        toml_name: format!("{}.toml", file_safe(&sop.id)),
        json_text: sop.to_json().to_text(),
        steps: steps(&sop, &json_path),
        manifest_line: json_path.clone(),
        json_name,
        json_path,
        effect,
    })
}

fn steps(sop: &Sop, json_path: &str) -> Vec<String> {
    vec![
        format!(
            "Unduh berkas terbitan dan simpan di folder `{FOLDER}/` di samping `index.html` Pandu (alamatnya: `{json_path}`)."
        ),
        format!(
            "Tambahkan baris `{json_path}` ke `{MANIFEST_FILE}` di samping `index.html` (satu berkas per baris; buat berkasnya bila belum ada)."
        ),
        "Muat ulang Pandu: layar awal menyebut SOP yang dipakai, atau menolaknya dengan alasannya.".into(),
        format!(
            "Untuk versi bawaan berikutnya: unduh TOML, simpan sebagai `sops/{}.toml` di repositori, lalu jalankan `cargo xtask test`.",
            file_safe(&sop.id)
        ),
    ]
}

// As the build names catalogue files: letters, digits, `-` and `.`.
fn file_safe(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
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
    use crate::studio::check::check;
    use crate::studio::template::NEW_SOP;

    #[test]
    fn a_clean_new_sop_is_published_as_json_the_one_decoder_reads() {
        let checked = check("sops/sop-baru.toml", NEW_SOP, &Catalog::default());
        let p = prepare(&checked, &Catalog::default()).expect("publishable");
        assert_eq!(p.toml_name, "sop-baru.toml");
        assert_eq!(p.json_path, "terbit/sop-baru-2026.01.01-1.json");
        assert_eq!(p.manifest_line, p.json_path);
        assert!(p.effect.contains("SOP baru `sop-baru`"), "{}", p.effect);
        let back =
            pandu_engine::codec::sop(&pandu_engine::json::Json::parse(&p.json_text).unwrap())
                .expect("the one decoder reads it");
        assert_eq!(Some(back), checked.sop);
        // The manifest line is what `library::manifest` reads back.
        assert_eq!(
            pandu_engine::library::manifest(&format!("# terbitan\n{}\n", p.manifest_line)),
            vec![p.json_path.clone()]
        );
    }

    #[test]
    fn a_file_that_fails_the_lint_is_not_offered_and_says_why() {
        let text = NEW_SOP.replace("next = \"catat\"", "next = \"hilang\"");
        let checked = check("sops/sop-baru.toml", &text, &Catalog::default());
        let reasons = prepare(&checked, &Catalog::default()).unwrap_err();
        assert!(
            reasons[0].contains("belum lolos pemeriksaan"),
            "{reasons:?}"
        );
        assert!(reasons
            .iter()
            .any(|r| r.contains("hilang") && r.starts_with("baris ")));
    }

    #[test]
    fn the_same_version_as_the_catalogues_is_refused_until_raised() {
        let base = Catalog {
            sops: vec![check("a.toml", NEW_SOP, &Catalog::default()).sop.unwrap()],
        };
        let checked = check("sops/sop-baru.toml", NEW_SOP, &base);
        let reasons = prepare(&checked, &base).unwrap_err();
        assert!(reasons[0].contains("tidak lebih baru"), "{reasons:?}");
        let raised = NEW_SOP.replace("2026.01.01-1", "2026.01.01-2");
        let p = prepare(&check("sops/sop-baru.toml", &raised, &base), &base).unwrap();
        assert!(p.effect.contains("diperbarui"), "{}", p.effect);
    }
}
