//! The catalogue as data: the build's index and bodies read back by the
//! widget's library, bodies fetched as a call needs them, and published SOPs
//! (a deployment's files, a host's packs) checked before they are used.

use pandu_engine::authoring::{catalogue_files, load_dir};
use pandu_engine::json::{from_text, to_text};
use pandu_engine::library::{manifest, summary, version_cmp, Index, Library, Published};
use pandu_engine::model::{Catalog, StepKind};
use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::path::Path;

fn seeds() -> Catalog {
    let loaded = load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../sops"));
    assert!(loaded.is_clean(), "{}", loaded.report());
    loaded.catalog()
}

/// The build's files, and a library read from them as the widget does:
/// the index, then bodies fetched one by one as `missing` names them.
fn built(cat: &Catalog) -> (Library, BTreeMap<String, String>) {
    let (index, bodies) = catalogue_files(cat);
    let index: Index = from_text(&index).unwrap();
    (Library::from_index(index), bodies.into_iter().collect())
}

/// How the build names a data file: 16 hex digits of its text's SHA-256.
fn sha_16(text: &str) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(text.as_bytes())[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn fetch_for(lib: &mut Library, files: &BTreeMap<String, String>, id: &str) -> Vec<String> {
    let mut fetched = Vec::new();
    loop {
        let missing = lib.missing(id);
        if missing.is_empty() {
            return fetched;
        }
        for (sop, path) in missing {
            lib.insert_body(&sop, &files[&path]).unwrap();
            fetched.push(path);
        }
    }
}

#[test]
fn the_build_writes_what_the_widget_reads_bodies_named_by_content() {
    let cat = seeds();
    let (lib, files) = built(&cat);
    assert_eq!(lib.catalog().sops.len(), cat.sops.len());
    assert!(lib.catalog().sops.iter().all(|s| s.steps.is_empty()));
    for (path, text) in &files {
        assert!(path.starts_with("katalog/"), "{path}");
        if path.ends_with(".svg") {
            // A map, named by its drawing's own content, beside its SOP's body.
            let id = path
                .trim_start_matches("katalog/")
                .split('.')
                .next()
                .unwrap();
            assert!(
                files
                    .keys()
                    .any(|p| p.starts_with(&format!("katalog/{id}.")) && p.ends_with(".json")),
                "{path}"
            );
            assert!(text.starts_with("<svg ") && text.contains(r#"class="pandu-map__node"#));
            let mut other = text.clone();
            other.push(' ');
            let hash = |t: &str| path.ends_with(&format!(".{}.svg", sha_16(t)));
            assert!(hash(text) && !hash(&other), "{path}");
            continue;
        }
        assert!(path.ends_with(".json"), "{path}");
        // The same SOP writes the same name; another version another name.
        let sop: pandu_engine::Sop = from_text(text).unwrap();
        let mut newer = sop.clone();
        newer.version.push('x');
        let again = catalogue_files(&Catalog { sops: vec![sop] }).1;
        let other = catalogue_files(&Catalog { sops: vec![newer] }).1;
        assert_eq!(&again[0].0, path);
        assert_ne!(&other[0].0, path);
    }
}

#[test]
fn a_call_fetches_its_sop_and_what_it_includes_and_nothing_else() {
    let cat = seeds();
    let (mut lib, files) = built(&cat);
    let fetched = fetch_for(&mut lib, &files, "transfer-elektrinet");
    assert_eq!(fetched.len(), 2, "{fetched:?}");
    assert!(fetched[0].starts_with("katalog/transfer-elektrinet."));
    assert!(fetched[1].starts_with("katalog/kontak-email-hp."));
    assert!(!lib.is_loaded("niaga-pln-mobile"));
    let own = lib.call_catalog("transfer-elektrinet").unwrap();
    let ids: Vec<&str> = own.sops.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["transfer-elektrinet", "kontak-email-hp"]);
    assert_eq!(
        own.get("transfer-elektrinet"),
        cat.get("transfer-elektrinet")
    );
    assert_eq!(
        lib.call_catalog("niaga-pln-mobile").unwrap_err(),
        format!(
            "Isi SOP `niaga-pln-mobile` belum diambil ({}).",
            lib.missing("niaga-pln-mobile")[0].1
        )
    );
}

#[test]
fn a_body_that_is_not_the_sop_of_its_heading_is_refused() {
    let cat = seeds();
    let (mut lib, files) = built(&cat);
    let path = &lib.missing("pln-terbaik")[0].1;
    let wrong = files
        .values()
        .find(|t| t.contains("\"id\":\"transfer-elektrinet\""))
        .unwrap();
    let version = &cat.get("pln-terbaik").unwrap().version;
    let other = &cat.get("transfer-elektrinet").unwrap().version;
    assert_eq!(
        lib.insert_body("pln-terbaik", wrong),
        Err(format!(
            "SOP `pln-terbaik` versi {version}: isi yang terbaca adalah SOP `transfer-elektrinet` versi {other}"
        ))
    );
    assert!(!lib.is_loaded("pln-terbaik"));
    assert!(lib
        .insert_body("pln-terbaik", "{\"id\": ")
        .unwrap_err()
        .starts_with("SOP `pln-terbaik`: JSON tidak valid"));
    lib.insert_body("pln-terbaik", &files[path]).unwrap();
    assert!(lib.is_loaded("pln-terbaik"));
}

#[test]
fn an_index_of_another_format_is_not_read() {
    let (index, _) = catalogue_files(&seeds());
    let other = index.replacen("\"format\":1", "\"format\":2", 1);
    assert_eq!(
        from_text::<Index>(&other).unwrap_err(),
        "format katalog 2 tidak dikenal (versi Pandu ini membaca format 1)"
    );
    let back: Index = from_text(&index).unwrap();
    assert_eq!(to_text(&back), index);
}

#[test]
fn a_published_sop_replaces_only_with_a_higher_version_and_is_checked_with_its_includes() {
    let cat = seeds();
    let (mut lib, files) = built(&cat);
    let mut newer = cat.get("pln-terbaik").unwrap().clone();
    let old = newer.version.clone();
    newer.version = "2021.06.11-10".into();
    // Its sub-flow's body is not there yet: it cannot be checked.
    assert_eq!(
        lib.publish("terbitan/pln-terbaik.json", newer.clone()),
        Published::Refused {
            source: "terbitan/pln-terbaik.json".into(),
            reasons: vec!["isi SOP `kontak-email-hp` yang di-include belum terbaca".into()],
        }
    );
    fetch_for(&mut lib, &files, "kontak-email-hp");
    let done = lib.publish("terbitan/pln-terbaik.json", newer.clone());
    assert_eq!(
        done,
        Published::Replaced {
            id: "pln-terbaik".into(),
            old: old.clone(),
            new: "2021.06.11-10".into(),
            source: "terbitan/pln-terbaik.json".into(),
        }
    );
    assert_eq!(
        done.message(),
        format!("SOP `pln-terbaik` diperbarui dari versi {old} ke versi 2021.06.11-10 (terbitan/pln-terbaik.json).")
    );
    assert!(lib.is_loaded("pln-terbaik"), "a published SOP comes whole");
    // The same again, or an older one: refused, the newer one stays.
    let mut older = newer.clone();
    older.version = "2021.06.11-9".into();
    assert_eq!(
        lib.publish("terbitan/lama.json", older).message(),
        "terbitan/lama.json ditolak: SOP `pln-terbaik` versi 2021.06.11-9 tidak lebih baru dari versi 2021.06.11-10 yang sudah dipakai"
    );
    assert_eq!(
        lib.catalog().get("pln-terbaik").unwrap().version,
        "2021.06.11-10"
    );
}

#[test]
fn a_broken_published_sop_is_refused_naming_file_sop_and_step_and_the_rest_stays() {
    let cat = seeds();
    let (mut lib, files) = built(&cat);
    fetch_for(&mut lib, &files, "transfer-elektrinet");
    let mut broken = cat.get("transfer-elektrinet").unwrap().clone();
    broken.version = "2099".into();
    for step in &mut broken.steps {
        if let StepKind::Transfer { next, .. } = &mut step.kind {
            *next = Some("langkah-hilang".into());
        }
    }
    let Published::Refused { source, reasons } = lib.publish("terbitan/elektrinet.json", broken)
    else {
        panic!("a broken SOP is refused")
    };
    assert_eq!(source, "terbitan/elektrinet.json");
    assert_eq!(
        reasons[..2],
        [
            "SOP `transfer-elektrinet`, langkah `transfer-elektrinet`: `next` menunjuk langkah `langkah-hilang` yang tidak ada",
            "SOP `transfer-elektrinet`, langkah `transfer-iconnet`: `next` menunjuk langkah `langkah-hilang` yang tidak ada",
        ]
    );
    assert_eq!(
        lib.catalog().get("transfer-elektrinet").unwrap().version,
        cat.get("transfer-elektrinet").unwrap().version
    );
    // A new SOP is added at the end of the catalogue.
    let mut fresh = cat.get("pln-terbaik").unwrap().clone();
    fresh.id = "pln-terbaik-2026".into();
    fetch_for(&mut lib, &files, "kontak-email-hp");
    assert_eq!(
        lib.publish("terbitan/baru.json", fresh),
        Published::Added {
            id: "pln-terbaik-2026".into(),
            source: "terbitan/baru.json".into()
        }
    );
    assert_eq!(lib.catalog().sops.last().unwrap().id, "pln-terbaik-2026");
}

#[test]
fn the_manifest_lists_files_and_versions_compare_as_numbers() {
    assert_eq!(
        manifest("# SOP terbitan\n\nterbitan/a.json\n  terbitan/b.json  \n# nanti: c\n"),
        vec!["terbitan/a.json", "terbitan/b.json"]
    );
    for (a, b, want) in [
        ("10", "9", Ordering::Greater),
        ("2021.06.11-10", "2021.06.11-9", Ordering::Greater),
        ("2023.07.26-4", "2023.07.26-4", Ordering::Equal),
        ("2", "2.1", Ordering::Less),
        ("2024.01", "2023.12", Ordering::Greater),
        ("007", "7", Ordering::Equal),
        ("1a", "1b", Ordering::Less),
    ] {
        assert_eq!(version_cmp(a, b), want, "{a} vs {b}");
    }
}

#[test]
fn a_batch_publishes_each_sop_on_its_own_includes_first() {
    let cat = seeds();
    let (mut lib, files) = built(&cat);
    // A new sub-flow and a new SOP that includes it, the includer first in
    // the file: the sub-flow is published first so the includer is checked with it.
    let mut sub = cat.get("kontak-email-hp").unwrap().clone();
    sub.id = "kontak-uji".into();
    let mut main = cat.get("transfer-elektrinet").unwrap().clone();
    main.id = "transfer-uji".into();
    for step in &mut main.steps {
        if let StepKind::Include { sop, .. } = &mut step.kind {
            *sop = "kontak-uji".into();
        }
    }
    // And one that is broken: refused alone, the others still published.
    let mut broken = cat.get("pln-terbaik").unwrap().clone();
    broken.version = "2099.01.01-1".into();
    broken.steps[0].id = broken.steps[1].id.clone();
    let batch = vec![main, broken, sub];
    for (id, path) in lib.missing_for(&batch) {
        lib.insert_body(&id, &files[&path]).unwrap();
    }
    let out = lib.publish_all("paket.json", batch);
    let told: Vec<String> = out.iter().map(Published::message).collect();
    assert_eq!(told[0], "SOP baru `transfer-uji` dari paket.json dipakai.");
    assert!(
        told[1].starts_with("paket.json ditolak: SOP `pln-terbaik`, langkah "),
        "{}",
        told[1]
    );
    assert_eq!(told[2], "SOP baru `kontak-uji` dari paket.json dipakai.");
    assert_eq!(
        summary("paket.json", &out).as_deref(),
        Some("SOP dari paket.json dipakai. SOP baru: transfer-uji, kontak-uji.")
    );
    assert_eq!(summary("paket.json", &out[1..2]), None);
    assert!(lib.load("transfer-uji").is_ok());
    // The built-in one it tried to replace is untouched and still fetchable.
    fetch_for(&mut lib, &files, "pln-terbaik");
    assert_eq!(lib.catalog().get("pln-terbaik"), cat.get("pln-terbaik"));
}

#[test]
fn before_publishing_the_bodies_of_the_built_in_sops_it_includes_are_named() {
    let cat = seeds();
    let (mut lib, files) = built(&cat);
    let mut newer = cat.get("transfer-elektrinet").unwrap().clone();
    newer.version = "2099.01.01-1".into();
    let batch = vec![newer];
    let wanted = lib.missing_for(&batch);
    assert_eq!(
        wanted.iter().map(|(id, _)| id.as_str()).collect::<Vec<_>>(),
        ["kontak-email-hp"]
    );
    // Without them, the lint cannot check the include: refused, and says why.
    let refused = lib.clone().publish_all("baru.json", batch.clone());
    assert_eq!(
        refused[0].message(),
        "baru.json ditolak: isi SOP `kontak-email-hp` yang di-include belum terbaca"
    );
    for (id, path) in wanted {
        lib.insert_body(&id, &files[&path]).unwrap();
    }
    let out = lib.publish_all("baru.json", batch);
    assert_eq!(
        out[0].message(),
        format!(
            "SOP `transfer-elektrinet` diperbarui dari versi {} ke versi 2099.01.01-1 (baru.json).",
            cat.get("transfer-elektrinet").unwrap().version
        )
    );
}

#[test]
fn each_built_in_version_has_its_map_and_a_published_one_has_none() {
    let cat = seeds();
    let (mut lib, files) = built(&cat);
    for sop in &cat.sops {
        let map = lib.map_of(&sop.id, &sop.version).unwrap();
        assert!(
            files[map].contains(&format!(r#"data-sop="{}""#, sop.id)),
            "{map}"
        );
        assert_eq!(
            lib.map_of(&sop.id, "0.0.1"),
            None,
            "another version has no map"
        );
    }
    fetch_for(&mut lib, &files, "transfer-elektrinet");
    let old = lib.catalog().get("transfer-elektrinet").unwrap().clone();
    let mut newer = old.clone();
    newer.version = format!("{}.1", old.version);
    assert!(matches!(
        lib.publish("baru.json", newer.clone()),
        Published::Replaced { .. }
    ));
    assert_eq!(lib.map_of("transfer-elektrinet", &newer.version), None);
    assert_eq!(lib.map_of("transfer-elektrinet", &old.version), None);
    assert!(lib
        .map_of(
            "kontak-email-hp",
            &cat.get("kontak-email-hp").unwrap().version
        )
        .is_some());
}
