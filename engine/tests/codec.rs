//! The SOP format has one decoder (`codec::sop`): the TOML files, the
//! catalogue the build writes and the widget reads, published SOPs and
//! hosts' packs all go through it. These tests hold it to every key the
//! format knows, round-tripped, on the path the widget takes.

use pandu_engine::authoring::{catalogue_files, load_dir, parse_sop};
use pandu_engine::flow::{Call, Caller, Input};
use pandu_engine::json::{from_text, to_text, Json, ToJson};
use pandu_engine::library::Library;
use pandu_engine::model::keys::*;
use pandu_engine::{Catalog, Sop};
use std::collections::BTreeMap;
use std::path::Path;

fn fixtures() -> Catalog {
    let loaded = load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/codec"));
    assert!(loaded.is_clean(), "{}", loaded.report());
    loaded.catalog()
}

/// Every key used at each level of an SOP's JSON, by the level's key list.
fn used_keys(sop: &Json, out: &mut BTreeMap<&'static str, Vec<String>>) {
    fn walk(j: &Json, level: &'static str, out: &mut BTreeMap<&'static str, Vec<String>>) {
        let Json::Obj(fields) = j else { return };
        for (k, v) in fields {
            out.entry(level).or_default().push(k.clone());
            let child = match (level, k.as_str()) {
                ("sop", "step" | "steps") => "step",
                ("step", "option" | "options") => "option",
                ("option", "set") => "assign",
                ("step", "field" | "fields") => "field",
                ("step", "rule" | "rules") => "rule",
                ("rule", "when") => "cond",
                ("step", "ticket" | "tickets") => "ticket",
                ("ticket", "field" | "fields") => "ticket_field",
                ("step", "say") => "line",
                _ => continue,
            };
            for item in v.items().unwrap_or_default() {
                walk(item, child, out);
            }
        }
    }
    walk(sop, "sop", out);
}

fn toml_json(file: &str) -> Json {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/codec")
        .join(file);
    let text = std::fs::read_to_string(path).unwrap();
    pandu_engine::authoring::toml_to_json(&text.parse::<toml::Value>().unwrap())
}

#[test]
fn the_fixtures_use_every_key_of_the_format() {
    let mut used = BTreeMap::new();
    used_keys(&toml_json("semua-kunci.toml"), &mut used);
    used_keys(&toml_json("semua-kunci-sub.toml"), &mut used);
    let levels: [(&str, &[&str]); 10] = [
        ("sop", SOP_KEYS),
        ("step", STEP_KEYS),
        ("option", OPTION_KEYS),
        ("assign", ASSIGN_KEYS),
        ("field", FIELD_KEYS),
        ("rule", RULE_KEYS),
        ("cond", COND_KEYS),
        ("ticket", TICKET_KEYS),
        ("ticket_field", TICKET_FIELD_KEYS),
        ("line", LINE_KEYS),
    ];
    for (level, keys) in levels {
        let got = used.get(level).cloned().unwrap_or_default();
        for k in keys {
            assert!(
                got.iter().any(|g| g == k),
                "the codec fixtures never use `{k}` at the {level} level"
            );
        }
    }
}

#[test]
fn every_key_round_trips_through_the_writer_and_the_one_decoder() {
    let cat = fixtures();
    for sop in &cat.sops {
        let text = to_text(sop);
        let back: Sop = from_text(&text).unwrap();
        assert_eq!(&back, sop);
        // Written again, the text is the same: nothing is lost or reordered.
        assert_eq!(to_text(&back), text);
    }
    let main = cat.get("semua-kunci").unwrap();
    assert_eq!(main.start.as_deref(), Some("mulai"));
    assert!(main.steps[0].say[0].must && !main.steps[0].say[1].must);
    // The plural aliases are read into the same model and written singular.
    let sub = to_text(cat.get("semua-kunci-sub").unwrap());
    assert!(sub.contains("\"step\":[") && !sub.contains("\"steps\""));
    assert!(sub.contains("\"option\":[") && sub.contains("\"ticket\":["));
}

/// The catalogue as the widget reads it: the index the build writes, then
/// the bodies a call needs, fetched and inserted.
fn library(cat: &Catalog) -> Library {
    let (index, bodies) = catalogue_files(cat);
    let mut lib = Library::from_index(pandu_engine::json::from_text(&index).unwrap());
    // Each body read names what it includes: ask again until nothing is missing.
    while let Some((id, path)) = lib.missing("semua-kunci").pop() {
        let text = &bodies.iter().find(|(p, _)| *p == path).unwrap().1;
        lib.insert_body(&id, text).unwrap();
    }
    lib.load("semua-kunci").unwrap();
    lib
}

fn walk(cat: &Catalog, fill: &[(&str, &str)], colour: &str) -> Call {
    let mut call = Call::start(
        cat,
        "semua-kunci",
        Caller::default(),
        "uji",
        pandu_engine::dates::parse_iso("2026-01-05").unwrap(),
    )
    .unwrap();
    assert_eq!(call.at.step, "mulai", "`start` names the first step");
    call.answer(cat, Input::Choose(colour.into())).unwrap();
    let raw = fill
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    call.answer(cat, Input::Submit(raw)).unwrap();
    call
}

#[test]
fn the_widgets_catalogue_runs_ge_le_ne_one_of_from_until_set_min_max_and_start() {
    let lib = library(&fixtures());
    let cat = lib.catalog();
    let form = |jumlah: &'static str, tanggal: &'static str| {
        vec![
            ("tanggal", tanggal),
            ("jumlah", jumlah),
            ("ukuran", "kecil"),
        ]
    };
    // Every condition holds: the rule's branch.
    let call = walk(cat, &form("3000", "05-03-2021"), "merah");
    assert_eq!(call.at.step, "alih");
    // ge, le, ne, one_of, from: each failing alone falls to `otherwise`.
    for (jumlah, tanggal, colour) in [
        ("999", "05-03-2021", "merah"),
        ("5001", "05-03-2021", "merah"),
        ("2000", "05-03-2021", "merah"),
        ("3000", "05-03-2021", "hijau"),
        ("3000", "28-02-2021", "merah"),
    ] {
        let call = walk(cat, &form(jumlah, tanggal), colour);
        assert_eq!(call.at.step, "tanya", "{jumlah} {tanggal} {colour}");
    }
    // min and max of the date field refuse days outside them.
    let mut call = Call::start(
        cat,
        "semua-kunci",
        Caller::default(),
        "uji",
        pandu_engine::dates::parse_iso("2026-01-05").unwrap(),
    )
    .unwrap();
    call.answer(cat, Input::Choose("merah".into())).unwrap();
    for day in ["25-02-2021", "12-03-2021"] {
        let raw: BTreeMap<String, String> = form("3000", day)
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let refused = call.answer(cat, Input::Submit(raw)).unwrap_err();
        assert!(refused.to_string().starts_with("tanggal: "), "{refused}");
    }
}

#[test]
fn a_body_that_fails_to_parse_stays_unloaded_and_fails_again() {
    let cat = fixtures();
    let (index, _) = catalogue_files(&cat);
    let mut lib = Library::from_index(pandu_engine::json::from_text(&index).unwrap());
    let first = lib
        .insert_body("semua-kunci", "{\"id\": \"semua-kunci\", \"step\": [")
        .unwrap_err();
    assert!(
        first.starts_with("SOP `semua-kunci`: JSON tidak valid"),
        "{first}"
    );
    assert!(!lib.is_loaded("semua-kunci"));
    assert!(lib.load("semua-kunci").is_err());
    assert!(lib.catalog().get("semua-kunci").unwrap().steps.is_empty());

    // A body of another version is not taken for this one.
    let mut other = cat.get("semua-kunci").unwrap().clone();
    other.version = "2".into();
    assert_eq!(
        lib.insert_body("semua-kunci", &to_text(&other))
            .unwrap_err(),
        "SOP `semua-kunci` versi 1: isi yang terbaca adalah SOP `semua-kunci` versi 2"
    );
    assert!(!lib.is_loaded("semua-kunci"));
}

#[test]
fn both_a_list_key_and_its_plural_are_refused_not_half_read() {
    let text = r#"
id = "x"
title = "X"
seed = "900"
version = "1"

[[step]]
id = "a"
kind = "ask"
clause = "900 1"
question = "?"
option = [{ id = "y", label = "Y", next = "b" }]
options = [{ id = "z", label = "Z", next = "b" }]

[[step]]
id = "b"
kind = "outcome"
clause = "900 2"
"#;
    let e = parse_sop("x.toml", text).unwrap_err();
    assert_eq!(
        e.to_string(),
        "x.toml:13: langkah `a`: kunci `option` dan `options` dipakai bersamaan; pakai salah satu saja"
    );
}

#[test]
fn a_decoding_error_points_at_the_line_of_the_key_or_the_step() {
    // A value of the wrong type: the line that sets it.
    let text = "id = \"x\"\ntitle = \"X\"\nseed = \"900\"\nversion = \"1\"\n\n[[step]]\nid = \"a\"\nkind = \"say\"\nclause = \"900 1\"\nnext = 3\n";
    let e = parse_sop("x.toml", text).unwrap_err();
    assert_eq!(
        e.to_string(),
        "x.toml:10: langkah `a`: `next`: diharapkan teks, ternyata angka"
    );
    // A key that is missing: the step's `id` line.
    let text = "id = \"x\"\ntitle = \"X\"\nseed = \"900\"\nversion = \"1\"\n\n[[step]]\nid = \"a\"\nkind = \"say\"\n";
    let e = parse_sop("x.toml", text).unwrap_err();
    assert_eq!(
        e.to_string(),
        "x.toml:7: langkah `a`: kunci `clause` tidak ada"
    );
    // In the heading: the key's line.
    let text = "id = \"x\"\ntitle = \"X\"\nseeds = \"900\"\nversion = \"1\"\n";
    let e = parse_sop("x.toml", text).unwrap_err();
    assert_eq!(
        e.to_string(),
        "x.toml:3: kunci `seeds` tidak dikenal; periksa ejaannya (lihat docs/SOP-FORMAT.md)"
    );
    // The value the writer gives for a heading holds no steps.
    let sop = parse_sop(
        "x.toml",
        "id = \"x\"\ntitle = \"X\"\nseed = \"900\"\nversion = \"1\"\n",
    )
    .unwrap();
    assert_eq!(
        sop.to_json().to_text(),
        r#"{"id":"x","title":"X","seed":"900","version":"1","step":[]}"#
    );
}
