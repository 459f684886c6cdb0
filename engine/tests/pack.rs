//! SOP packs from a host: merged only when the whole result passes the lint.

use pandu_engine::authoring::load_dir;
use pandu_engine::model::{Catalog, StepKind};
use pandu_engine::pack::{merge, Applied};
use std::path::Path;

fn seeds() -> Catalog {
    let loaded = load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../sops"));
    assert!(loaded.is_clean(), "{}", loaded.report());
    loaded.catalog()
}

#[test]
fn a_pack_adds_new_sops_and_replaces_updated_ones_in_place() {
    let builtin = seeds();
    let mut updated = builtin.get("transfer-elektrinet").unwrap().clone();
    updated.version = "2026-12".into();
    let mut extra = builtin.get("pln-terbaik").unwrap().clone();
    extra.id = "pln-terbaik-uji".into();
    extra.title = "PLN Terbaik (uji)".into();
    let (merged, applied) = merge(
        &builtin,
        Catalog {
            sops: vec![updated, extra],
        },
    )
    .unwrap();
    let ids: Vec<&str> = merged.sops.iter().map(|s| s.id.as_str()).collect();
    let mut expected: Vec<&str> = builtin.sops.iter().map(|s| s.id.as_str()).collect();
    expected.push("pln-terbaik-uji");
    assert_eq!(ids, expected, "replaced in place, added at the end");
    assert_eq!(
        merged.get("transfer-elektrinet").unwrap().version,
        "2026-12"
    );
    let old = builtin.get("transfer-elektrinet").unwrap().version.clone();
    assert_eq!(
        applied,
        Applied {
            added: vec!["pln-terbaik-uji".into()],
            replaced: vec![("transfer-elektrinet".into(), old.clone(), "2026-12".into())],
        }
    );
    assert_eq!(
        applied.summary("https://apkt.example/sop.json"),
        format!("Paket SOP dari https://apkt.example/sop.json dipakai. SOP baru: pln-terbaik-uji; SOP diperbarui: transfer-elektrinet (versi {old} → 2026-12).")
    );
}

#[test]
fn a_pack_that_fails_the_lint_is_refused_with_file_and_step() {
    let builtin = seeds();
    let mut broken = builtin.get("transfer-elektrinet").unwrap().clone();
    for step in &mut broken.steps {
        if let StepKind::Transfer { next, .. } = &mut step.kind {
            *next = Some("langkah-hilang".into());
        }
    }
    let errors = merge(&builtin, Catalog { sops: vec![broken] }).unwrap_err();
    assert!(!errors.is_empty());
    assert!(
        errors.iter().all(
            |e| e.starts_with("transfer-elektrinet.toml: SOP `transfer-elektrinet`, langkah `")
        ),
        "{errors:#?}"
    );
    assert!(
        errors.iter().any(|e| e.contains("langkah-hilang")),
        "{errors:#?}"
    );
}

#[test]
fn empty_packs_and_repeated_ids_are_refused() {
    let builtin = seeds();
    assert_eq!(
        merge(&builtin, Catalog::default()).unwrap_err(),
        vec!["Paket SOP kosong: tidak ada SOP di dalamnya.".to_string()]
    );
    let one = builtin.sops[0].clone();
    let mut nameless = one.clone();
    nameless.id = " ".into();
    assert_eq!(
        merge(
            &builtin,
            Catalog {
                sops: vec![one.clone(), one.clone(), nameless]
            }
        )
        .unwrap_err(),
        vec![
            format!("SOP `{}` muncul dua kali dalam paket.", one.id),
            "SOP ke-3 dalam paket tidak punya `id`.".to_string(),
        ]
    );
}
