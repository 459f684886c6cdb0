//! Drill scoring and review with exact figures: a trainee plays SOP 003's
//! ELEKTRINET drill, first picking ICONNET, then leaving the unit empty.

use chrono::NaiveDate;
use pandu_engine::authoring::load_dir;
use pandu_engine::flow::{Call, Input};
use pandu_engine::model::{Catalog, StepKind};
use pandu_engine::scenario::Scenario;
use pandu_engine::training::{expected_path, Miss, Session};
use std::collections::BTreeMap;
use std::path::Path;

fn load() -> (Catalog, Scenario) {
    let loaded = load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../sops"));
    let drill = loaded
        .scenarios
        .iter()
        .flat_map(|(_, f)| f.scenarios.iter())
        .find(|s| s.name == "Pelanggan ELEKTRINET disambungkan ke CC PLN ICONPLUS 1500071")
        .unwrap()
        .clone();
    (loaded.catalog(), drill)
}

fn at(min: u32, sec: u32) -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 22)
        .unwrap()
        .and_hms_opt(10, min, sec)
        .unwrap()
}

/// Apply an input as the widget does: record, then answer.
fn play(s: &mut Session, cat: &Catalog, call: &mut Call, input: Input) {
    let mut probe = call.clone();
    let result = probe.answer(cat, input.clone()).map(|_| ());
    s.record(call, &input, &result);
    if result.is_ok() {
        *call = probe;
    }
}

#[test]
fn a_drill_is_scored_with_the_missed_clause_and_exact_figures() {
    let (cat, drill) = load();
    let expected = expected_path(&cat, &drill).unwrap();
    let asks = expected
        .iter()
        .filter(|e| {
            matches!(
                cat.get(&e.sop).unwrap().step(&e.step).unwrap().kind,
                StepKind::Ask { .. }
            )
        })
        .count();
    assert_eq!(expected[0].step, "tanya-produk");
    assert_eq!(
        expected[0].says,
        "Internet kantor saya mati, saya pakai Elektrinet."
    );

    let mut s = Session::new(&drill, at(0, 0));
    let mut call = Call::start(&cat, &drill.sop, drill.caller.clone(), "t1").unwrap();
    // Wrong product first, then back and right.
    play(&mut s, &cat, &mut call, Input::Choose("iconnet".into()));
    call.back(&cat).unwrap();
    // From here the trainee follows the drill, but sends the form once with the unit empty.
    play(&mut s, &cat, &mut call, Input::Choose("elektrinet".into()));
    let empty: BTreeMap<String, String> = [("unit".to_string(), String::new())].into();
    play(&mut s, &cat, &mut call, Input::Submit(empty));
    for e in &expected[1..] {
        play(&mut s, &cat, &mut call, e.input());
    }
    assert!(call.is_finished(&cat), "at {}", call.at.step);

    let score = s.score(&cat, &expected, (3, 4), at(2, 30));
    assert_eq!(score.choices_total, asks);
    assert_eq!(score.choices_right, asks - 1);
    assert_eq!(
        score.misses,
        vec![Miss {
            step: "tanya-produk".into(),
            clause: "003 B.1".into(),
            chose: "ICONNET (retail / rumah tangga)".into(),
            expected: "ELEKTRINET (bisnis, punya SID)".into(),
        }]
    );
    // The unit was refused on the first try; the other required fields were right.
    assert_eq!(score.fields_valid + 1, score.fields_total);
    assert_eq!((score.must_said, score.must_total), (3, 4));
    assert_eq!(score.seconds, 150);
    let right = score.choices_right + score.fields_valid + 3;
    let total = score.choices_total + score.fields_total + 4;
    assert_eq!(score.percent as usize, (right * 100 + total / 2) / total);

    let csv = score.to_csv();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "Latihan,Nilai (%),Pilihan benar,Pilihan,Isian valid,Isian wajib,Kalimat wajib diucapkan,Kalimat wajib,Waktu (detik),Pasal terlewat"
    );
    assert_eq!(
        lines.next().unwrap(),
        format!(
            "Pelanggan ELEKTRINET disambungkan ke CC PLN ICONPLUS 1500071,{},{},{},{},{},3,4,150,003 B.1",
            score.percent, score.choices_right, score.choices_total, score.fields_valid, score.fields_total
        )
    );
}

#[test]
fn a_perfect_run_scores_100() {
    let (cat, drill) = load();
    let expected = expected_path(&cat, &drill).unwrap();
    let mut s = Session::new(&drill, at(0, 0));
    let mut call = Call::start(&cat, &drill.sop, drill.caller.clone(), "t2").unwrap();
    for e in &expected {
        play(&mut s, &cat, &mut call, e.input());
    }
    assert!(call.is_finished(&cat));
    let score = s.score(&cat, &expected, (0, 0), at(1, 0));
    assert_eq!(score.percent, 100);
    assert!(score.misses.is_empty());
}
