//! Shift history: masking, limits, purge at the end of the shift; and
//! restoring saved calls, also across an SOP version change.

use chrono::{NaiveDate, NaiveTime};
use pandu_engine::authoring::load_dir;
use pandu_engine::flow::{Call, Caller, Input};
use pandu_engine::history::{mask, next_shift_end, Ended, History};
use pandu_engine::saved::{call_key, restore, Saved, FORMAT};
use pandu_engine::ticket::Composed;
use std::collections::BTreeMap;
use std::path::Path;

#[test]
fn personal_data_is_masked_in_the_list() {
    assert_eq!(
        mask("NIK 3171015201900003, HP 081234567890 email hana@contoh.co.id"),
        "NIK 3171*********003, HP 0812*****890 email h***@contoh.co.id"
    );
    assert_eq!(
        mask("+62 812-3456-7890"),
        "+62 812-3456-7890",
        "split words stay"
    );
    assert_eq!(mask("+62812-3456-7890"), "6281******890");
    // IDPEL, prices and dates are not personal data.
    assert_eq!(
        mask("IDPEL 512345678901 Rp1.500.000 05-03-2021"),
        "IDPEL 512345678901 Rp1.500.000 05-03-2021"
    );
}

fn ended(id: &str) -> Ended {
    Ended {
        call_id: id.into(),
        sop_title: "T".into(),
        caller_name: "Budi".into(),
        ended_at: "2026-11-22 09:00".into(),
        composed: Composed {
            sop: "x".into(),
            version: "1".into(),
            time: "22-11-2026 09:00 WIB".into(),
            outcome: "o".into(),
            summary: String::new(),
            tickets: Vec::new(),
            transfers: Vec::new(),
            escalations: Vec::new(),
            said: 0,
        },
    }
}

#[test]
fn the_history_keeps_the_newest_n_and_replaces_a_call_ended_again() {
    let mut h = History::default();
    for id in ["a", "b", "c", "b"] {
        h.push(ended(id), 2);
    }
    let ids: Vec<&str> = h.entries.iter().map(|e| e.call_id.as_str()).collect();
    assert_eq!(ids, vec!["b", "c"]);
}

#[test]
fn the_history_is_purged_at_the_end_of_the_shift() {
    let at = |d, h, m| {
        NaiveDate::from_ymd_opt(2026, 11, d)
            .unwrap()
            .and_hms_opt(h, m, 0)
            .unwrap()
    };
    let midnight = NaiveTime::from_hms_opt(0, 0, 0).unwrap();
    assert_eq!(next_shift_end(at(22, 23, 59), midnight), at(23, 0, 0));
    assert_eq!(next_shift_end(at(23, 0, 0), midnight), at(24, 0, 0));

    let mut h = History::default();
    assert!(!h.purge_if_due(at(22, 8, 0), midnight));
    h.push(ended("a"), 10);
    assert!(!h.purge_if_due(at(22, 23, 59), midnight));
    assert_eq!(h.entries.len(), 1);
    assert!(h.purge_if_due(at(23, 0, 1), midnight));
    assert!(h.entries.is_empty());
    assert_eq!(h.purge_at, Some(at(24, 0, 0)));
}

fn fixtures() -> pandu_engine::model::Catalog {
    load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/flow")).catalog()
}

fn walked(cat: &pandu_engine::model::Catalog) -> Call {
    let mut call = Call::start(
        cat,
        "tambah-daya",
        Caller::default(),
        "c7",
        pandu_engine::dates::parse_iso("2026-01-05").unwrap(),
    )
    .unwrap();
    call.answer(cat, Input::Choose("pd".into())).unwrap();
    let f: BTreeMap<String, String> = [("daya_lama", "1300"), ("daya_baru", "2200")]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    call.answer(cat, Input::Submit(f)).unwrap();
    call
}

#[test]
fn a_saved_call_of_the_same_version_comes_back_exactly() {
    let cat = fixtures();
    let call = walked(&cat);
    assert_eq!(call_key(&call.id), format!("pandu:v{FORMAT}:call:c7"));
    let r = restore(&cat, Saved::new(call.clone(), "2026-11-22 09:00".into())).unwrap();
    assert_eq!(r.call, call);
    assert_eq!(r.notice, None);
}

#[test]
fn a_changed_sop_restores_what_still_applies_and_says_so() {
    let cat = fixtures();
    let call = walked(&cat);
    let mut changed = cat.clone();
    let sop = changed
        .sops
        .iter_mut()
        .find(|s| s.id == "tambah-daya")
        .unwrap();
    sop.version = "4".into();
    // The power form now refuses 2200 → 2200 as a change: only the first answer survives.
    if let pandu_engine::model::StepKind::Collect { fields, .. } =
        &mut sop.steps.iter_mut().find(|s| s.id == "daya").unwrap().kind
    {
        fields[1].kind = pandu_engine::model::FieldKind::Idpel;
    }
    let r = restore(&changed, Saved::new(call, "x".into())).unwrap();
    assert_eq!(r.call.at.step, "daya");
    assert_eq!(r.call.version, "4");
    assert_eq!(
        r.notice.as_deref(),
        Some("SOP tambah-daya berubah dari versi 3 ke versi 4 sejak panggilan disimpan: 1 langkah dipulihkan, 2 jawaban tidak berlaku lagi.")
    );
    let lost: Vec<&str> = r.lost.iter().map(|d| d.value.as_str()).collect();
    assert_eq!(lost, vec!["1300", "2200"]);
}

#[test]
fn an_unknown_format_or_sop_is_refused() {
    let cat = fixtures();
    let mut s = Saved::new(walked(&cat), "x".into());
    s.format = 0;
    assert_eq!(
        restore(&cat, s.clone()).unwrap_err(),
        format!("format simpanan 0 tidak dikenal (versi ini memakai {FORMAT})")
    );
    s.format = FORMAT;
    s.call.sop = "hilang".into();
    assert_eq!(restore(&cat, s).unwrap_err(), "SOP `hilang` tidak ada lagi");
}
