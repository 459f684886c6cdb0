//! Drill scoring and review with exact figures: a trainee plays SOP 003's
//! ELEKTRINET drill, first opening the wrong SOP, then picking ICONNET,
//! sending the form with the unit empty and continuing before saying the
//! thank-you line.

mod common;

use chrono::{NaiveDate, NaiveDateTime};
use common::fill;
use pandu_engine::authoring::{drills, load_dir};
use pandu_engine::flow::{Call, Input, Refusal};
use pandu_engine::json::to_text;
use pandu_engine::model::Catalog;
use pandu_engine::training::{result_json, Drill, Miss, ReviewRow, Session};
use std::path::Path;

const DRILL: &str =
    "Latihan 003: pemilik kafe di Surabaya, ELEKTRINET dengan SID, disambungkan ke ICONPLUS 1500071";

fn load() -> (Catalog, Vec<Drill>) {
    let loaded = load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../sops"));
    assert!(loaded.is_clean(), "{}", loaded.report());
    let all = drills(&loaded).unwrap_or_else(|e| panic!("{}", e.join("\n")));
    (loaded.catalog(), all)
}

fn at(min: u32, sec: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 3, 3)
        .unwrap()
        .and_hms_opt(10, min, sec)
        .unwrap()
}

/// Apply an input as the widget does: record it with the call as it was, then answer.
fn play(s: &mut Session, cat: &Catalog, call: &mut Call, input: Input) -> Result<(), Refusal> {
    let before = call.clone();
    let result = call.answer(cat, input.clone()).map(|_| ());
    s.record(&before, &input, &result);
    result
}

#[test]
fn every_seed_sop_has_at_least_three_drills_and_004_its_exceptions() {
    let (_, all) = load();
    for sop in [
        "evoucher-tokopedia",
        "kontak-email-hp",
        "pln-terbaik",
        "transfer-elektrinet",
        "niaga-pln-mobile",
    ] {
        let n = all.iter().filter(|d| d.sop == sop).count();
        assert!(n >= 3, "{sop}: {n} drills");
    }
    // Every drill tells the trainee something before the SOP is found, and
    // the trainer what it practises.
    for d in &all {
        assert!(!d.opening.is_empty() && !d.focus.is_empty(), "{}", d.name);
    }
    let outcomes = |sop: &str| -> Vec<&str> {
        all.iter()
            .filter(|d| d.sop == sop)
            .map(|d| d.outcome.as_str())
            .collect()
    };
    let t = outcomes("transfer-elektrinet");
    assert!(t.contains(&"catat-elektrinet") && t.contains(&"catat-iconnet"));
    let n = outcomes("niaga-pln-mobile");
    for o in [
        "keluhan-niaga",
        "register-ps",
        "selesai-callback",
        "selesai-terverifikasi",
    ] {
        assert!(n.contains(&o), "004 has no drill ending at {o}");
    }
    assert!(
        outcomes("evoucher-tokopedia").contains(&"promo-reguler"),
        "000 outside the window"
    );
}

#[test]
fn a_drill_is_scored_with_the_missed_clauses_and_exact_figures() {
    let (cat, all) = load();
    let drill = all.iter().find(|d| d.name == DRILL).unwrap();
    assert_eq!(drill.expected[0].step, "tanya-produk");
    assert_eq!(
        drill.says_at("transfer-elektrinet", "tanya-produk"),
        "Yang paket bisnis, Mbak, Elektrinet. Dulu ditawari sales ICON+ paket internet sekalian listrik."
    );
    assert_eq!(drill.outcome, "catat-elektrinet");

    let mut s = Session::new(drill, at(0, 0));
    // The trainee first opens SOP 004.
    s.wrong_sop("niaga-pln-mobile");
    let mut call = Call::start(
        &cat,
        &drill.sop,
        drill.caller.clone(),
        "t1",
        pandu_engine::dates::parse_iso("2026-01-05").unwrap(),
    )
    .unwrap();
    // Wrong product first, then back and right.
    play(&mut s, &cat, &mut call, Input::Choose("iconnet".into())).unwrap();
    call.back(&cat).unwrap();
    play(&mut s, &cat, &mut call, Input::Choose("elektrinet".into())).unwrap();
    // The form once with the unit empty.
    assert!(matches!(
        play(
            &mut s,
            &cat,
            &mut call,
            fill(&[("sid", ""), ("unit", ""), ("up3", "")])
        ),
        Err(Refusal::Invalid(_))
    ));
    for e in &drill.expected[1..] {
        // Continuing past the thank-you before ticking it is refused.
        if e.step == "terima-kasih" {
            assert_eq!(
                play(&mut s, &cat, &mut call, e.input()),
                Err(Refusal::Unsaid(vec![0]))
            );
        }
        call.tick_all(&cat);
        play(&mut s, &cat, &mut call, e.input()).unwrap();
    }
    assert!(call.is_finished(&cat), "at {}", call.at.step);

    let score = s.score(&cat, drill, at(3, 30));
    // 5 ask steps and the SOP pick; the unit, the UP3 and the phone; two
    // must-say lines (001's service line is said at the end of the call).
    assert_eq!((score.choices_right, score.choices_total), (4, 6));
    assert_eq!((score.fields_valid, score.fields_total), (1, 3));
    assert_eq!((score.must_said, score.must_total), (1, 2));
    assert_eq!(score.seconds, 210);
    assert_eq!(score.percent, 55, "6 of 11");
    assert_eq!(
        score.misses,
        vec![
            Miss {
                step: "Pilih SOP".into(),
                clause: "003".into(),
                chose: cat.get("niaga-pln-mobile").unwrap().title.clone(),
                expected: cat.get("transfer-elektrinet").unwrap().title.clone(),
            },
            Miss {
                step: "Tanyakan produk".into(),
                clause: "003 B.1".into(),
                chose: "ICONNET (retail / rumah tangga)".into(),
                expected: "ELEKTRINET (bisnis, punya SID)".into(),
            },
        ]
    );

    let csv = score.to_csv();
    let mut lines = csv.split("\r\n");
    assert_eq!(
        lines.next().unwrap(),
        "Latihan,SOP,Nilai (%),Pilihan benar,Pilihan,Isian valid,Isian wajib,Kalimat wajib diucapkan,Kalimat wajib,Waktu (detik),Pasal terlewat"
    );
    assert_eq!(
        lines.next().unwrap(),
        format!("\"{DRILL}\",transfer-elektrinet,55,4,6,1,3,1,2,210,\"003; 003 B.1\"")
    );

    let review = s.review(&cat, drill, &call.at.step);
    assert_eq!(
        review.len(),
        drill.expected.len() + 1,
        "no step off the expected path"
    );
    assert_eq!(
        review[0],
        ReviewRow {
            step: "Tanyakan produk".into(),
            clause: "003 B.1".into(),
            expected: "ELEKTRINET (bisnis, punya SID)".into(),
            actual: "ICONNET (retail / rumah tangga)".into(),
            ok: false,
        }
    );
    assert_eq!(
        review[1],
        ReviewRow {
            step: "Catat data pelapor".into(),
            clause: "003 B.4".into(),
            expected: "SID (Service ID) Elektrinet: 4110023457812; Unit (UID/UIW) lokasi pelanggan: DISTRIBUSI JAWA TIMUR; Unit Pelayanan (UP3): UP3 SURABAYA SELATAN".into(),
            actual: String::new(),
            ok: false,
        }
    );
    assert!(review[2..].iter().all(|r| r.ok), "{:#?}", &review[2..]);
    assert_eq!(
        review.last().unwrap(),
        &ReviewRow {
            step: "Hasil akhir".into(),
            clause: "003 B.4".into(),
            expected: "Catat di APKT".into(),
            actual: "Catat di APKT".into(),
            ok: true,
        }
    );

    let played = at(3, 30) + chrono::Duration::milliseconds(250);
    let json = result_json(&score, &review, played).to_text();
    assert!(json.starts_with(&format!(
        "{{\"score\":{{\"drill\":\"{DRILL}\",\"sop\":\"transfer-elektrinet\",\"choices_right\":4,\"choices_total\":6,\"fields_valid\":1,\"fields_total\":3,\"must_said\":1,\"must_total\":2,\"seconds\":210,\"percent\":55,\"misses\":[{{\"step\":\"Pilih SOP\""
    )));
    assert!(json.ends_with(",\"played\":\"2026-03-03T10:03:30\"}"));
}

#[test]
fn a_trainee_who_leaves_the_path_sees_the_steps_the_drill_does_not_take() {
    let (cat, all) = load();
    let drill = all.iter().find(|d| d.name == DRILL).unwrap();
    let mut s = Session::new(drill, at(0, 0));
    let mut call = Call::start(
        &cat,
        &drill.sop,
        drill.caller.clone(),
        "t2",
        pandu_engine::dates::parse_iso("2026-01-05").unwrap(),
    )
    .unwrap();
    play(&mut s, &cat, &mut call, Input::Choose("bukan-icon".into())).unwrap();
    assert!(call.is_finished(&cat));
    let score = s.score(&cat, drill, at(0, 40));
    // Only the first choice was made: every other ask counts as not answered.
    assert_eq!((score.choices_right, score.choices_total), (0, 5));
    assert_eq!(score.misses[1].chose, "(tidak dijawab)");
    assert_eq!(score.percent, 0);
    let review = s.review(&cat, drill, &call.at.step);
    assert_eq!(review[0].actual, "Bukan internet ICON");
    assert!(review[1..review.len() - 1]
        .iter()
        .all(|r| r.actual.is_empty() && !r.ok));
    let last = review.last().unwrap();
    assert_eq!(
        (last.expected.as_str(), last.actual.as_str(), last.ok),
        ("Catat di APKT", "Bukan pelanggan internet ICON", false)
    );
}

#[test]
fn a_perfect_run_scores_100() {
    let (cat, all) = load();
    for drill in &all {
        let mut s = Session::new(drill, at(0, 0));
        // On the drill's day: 000 and 002 play as they were while in force.
        let day = pandu_engine::scenario::parse_now(&drill.now)
            .unwrap()
            .date();
        let mut call = Call::start(&cat, &drill.sop, drill.caller.clone(), "t3", day).unwrap();
        for e in &drill.expected {
            call.tick_all(&cat);
            play(&mut s, &cat, &mut call, e.input()).unwrap();
        }
        assert!(call.is_finished(&cat), "{}", drill.name);
        assert_eq!(call.at.step, drill.outcome);
        let score = s.score(&cat, drill, at(1, 0));
        assert_eq!(score.percent, 100, "{}: {:?}", drill.name, score.misses);
        assert!(
            s.review(&cat, drill, &call.at.step).iter().all(|r| r.ok),
            "{}",
            drill.name
        );
    }
}

#[test]
fn drills_travel_as_json_and_come_back_the_same() {
    let (_, all) = load();
    let text = to_text(&all);
    let back: Vec<Drill> = pandu_engine::json::from_text(&text).unwrap();
    assert_eq!(back, all);
}
