//! The interpreter and the composer on a small two-SOP catalogue
//! (`fixtures/flow/`): an SOP that includes a contact sub-flow.

mod common;

use chrono::NaiveDate;
use common::fill;
use pandu_engine::authoring::load_dir;
use pandu_engine::flow::{Call, Caller, Dropped, Input, Refusal};
use pandu_engine::model::{Catalog, System};
use pandu_engine::template::Honorific;
use pandu_engine::ticket::compose;
use std::path::Path;

fn catalog() -> Catalog {
    let loaded = load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/flow"));
    assert!(loaded.is_clean(), "{}", loaded.report());
    loaded.catalog()
}

fn caller() -> Caller {
    Caller {
        name: "Hana Apsari Namira".into(),
        honorific: Honorific::Ibu,
        idpel: String::new(),
        phone: "0812 3456 7890".into(),
        ..Caller::default()
    }
}

fn now() -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 22)
        .unwrap()
        .and_hms_opt(9, 41, 0)
        .unwrap()
}

/// Walks to the contact sub-flow with PD 1300 → 2200 VA.
fn at_contact(cat: &Catalog) -> Call {
    let mut call = Call::start(cat, "tambah-daya", caller(), "c1").unwrap();
    call.answer(cat, Input::Choose("pd".into())).unwrap();
    call.answer(
        cat,
        fill(&[("daya_lama", "1.300"), ("daya_baru", "2200 VA")]),
    )
    .unwrap();
    call
}

#[test]
fn script_lines_use_the_callers_name_and_honorific() {
    let cat = catalog();
    let call = Call::start(&cat, "tambah-daya", caller(), "c1").unwrap();
    let step = call.current(&cat).unwrap();
    assert_eq!(
        call.render(&step.say[0].text),
        "Selamat pagi Ibu Hana Apsari Namira, ada yang bisa kami bantu?"
    );
    let mut anon = call.clone();
    anon.caller = Caller::default();
    assert_eq!(
        anon.render(&step.say[0].text),
        "Selamat pagi Bapak/Ibu, ada yang bisa kami bantu?"
    );
}

#[test]
fn decide_and_include_run_by_themselves_and_return() {
    let cat = catalog();
    let call = at_contact(&cat);
    // The decide step and the include are automatic: the CSO is inside the sub-flow.
    assert_eq!(call.at.sop, "kontak");
    assert_eq!(call.at.step, "email");
    assert_eq!(call.at.stack.len(), 1);
    let hp = match &call.current(&cat).unwrap().kind {
        pandu_engine::model::StepKind::Collect { fields, .. } => call.field_start_value(&fields[1]),
        _ => unreachable!(),
    };
    assert_eq!(
        hp, "081234567890",
        "prefill from the caller header, normalised"
    );

    let mut call = call;
    call.answer(&cat, fill(&[("email", ""), ("hp", "+62 812-3456-7890")]))
        .unwrap();
    assert_eq!(
        (call.at.sop.as_str(), call.at.step.as_str()),
        ("tambah-daya", "eskalasi")
    );
    assert!(call.at.stack.is_empty());
    assert_eq!(
        call.vars().get("hp").map(String::as_str),
        Some("081234567890")
    );
}

#[test]
fn invalid_fields_are_refused_with_their_messages_and_nothing_changes() {
    let cat = catalog();
    let mut call = Call::start(&cat, "tambah-daya", caller(), "c1").unwrap();
    call.answer(&cat, Input::Choose("pd".into())).unwrap();
    let before = call.clone();
    let err = call
        .answer(&cat, fill(&[("daya_lama", "2000"), ("daya_baru", "")]))
        .unwrap_err();
    let Refusal::Invalid(errs) = err else {
        panic!("{err:?}")
    };
    assert_eq!(errs.len(), 2);
    assert_eq!(errs[0].0, "daya_lama");
    assert_eq!(errs[0].1, pandu_engine::validate::POWER_NOT_STEP);
    assert_eq!(
        errs[1],
        ("daya_baru".to_string(), "Wajib diisi.".to_string())
    );
    assert_eq!(call, before);
}

#[test]
fn a_ticket_is_composed_from_the_collected_data() {
    let cat = catalog();
    let mut call = at_contact(&cat);
    call.answer(
        &cat,
        fill(&[("email", "hana@contoh.co.id"), ("hp", "081234567890")]),
    )
    .unwrap();
    assert!(compose(&cat, &call, now()).is_none(), "not finished yet");
    call.answer(&cat, Input::Continue).unwrap();
    assert!(call.is_finished(&cat));

    let t = compose(&cat, &call, now()).unwrap();
    assert_eq!(t.outcome, "catat");
    assert_eq!(
        t.summary,
        "Catat di APKT, Ibu Hana Apsari Namira dihubungi unit."
    );
    let apkt = t.ticket(System::Apkt).unwrap();
    let fields: Vec<(&str, &str)> = apkt
        .fields
        .iter()
        .map(|f| (f.name.as_str(), f.value.as_str()))
        .collect();
    assert_eq!(
        fields,
        vec![
            ("Tipe Keluhan", "Informasi"),
            ("Tipe Sub Keluhan", "PD"),
            (
                "Permasalahan",
                "MOHON BANTUAN LAYANAN, POTENSI PERMOHONAN PD (R1/1300VA-R1/2200VA)"
            ),
            // From the sub-flow's outcome, merged into the APKT ticket…
            ("Email Pelapor", "hana@contoh.co.id"),
            ("HP Pelapor", "081234567890"),
        ]
    );
    // …while CRM, which this outcome does not write, is not opened for it.
    assert!(t.ticket(System::Crm).is_none());
    let simone = t.ticket(System::Simone).unwrap();
    assert_eq!(simone.get("Eskalasi"), Some("URGENT"));
    assert_eq!(
        simone.get("Keterangan"),
        Some("Potensi PD 1300VA ke 2200VA")
    );
    assert_eq!(t.stamp(), "SOP tambah-daya v3 · 22-11-2026 09:41 WIB");
    assert_eq!(
        t.text(),
        "APKT – Keluhan\nTipe Keluhan: Informasi\nTipe Sub Keluhan: PD\n\
         Permasalahan: MOHON BANTUAN LAYANAN, POTENSI PERMOHONAN PD (R1/1300VA-R1/2200VA)\n\
         Email Pelapor: hana@contoh.co.id\nHP Pelapor: 081234567890\n\n\
         Simone\nEskalasi: URGENT\nKeterangan: Potensi PD 1300VA ke 2200VA\n\n\
         Eskalasi: simone – URGENT: Potensi PD 1300VA ke 2200VA\n\n\
         SOP tambah-daya v3 · 22-11-2026 09:41 WIB"
    );
}

#[test]
fn an_optional_field_left_empty_is_left_out_of_the_ticket() {
    let cat = catalog();
    let mut call = at_contact(&cat);
    call.answer(&cat, fill(&[("email", "  "), ("hp", "081234567890")]))
        .unwrap();
    call.answer(&cat, Input::Continue).unwrap();
    let t = compose(&cat, &call, now()).unwrap();
    let apkt = t.ticket(System::Apkt).unwrap();
    assert_eq!(apkt.get("Email Pelapor"), None);
    assert_eq!(apkt.get("HP Pelapor"), Some("081234567890"));
}

#[test]
fn back_reroutes_and_reports_what_was_dropped() {
    let cat = catalog();
    let mut call = at_contact(&cat);
    // Back from the sub-flow's first step skips the automatic include and
    // decide and lands on the power form, dropping its values.
    let dropped = call.back(&cat).unwrap();
    assert_eq!(call.at.step, "daya");
    assert_eq!(
        dropped,
        vec![
            Dropped {
                step: "daya".into(),
                label: "Daya lama".into(),
                value: "1300".into()
            },
            Dropped {
                step: "daya".into(),
                label: "Daya baru".into(),
                value: "2200".into()
            },
        ]
    );
    // The typed input comes back as a draft, but not as data.
    assert!(!call.vars().contains_key("daya_baru"));
    assert_eq!(call.drafts["daya"]["daya_baru"], "2200 VA");

    let dropped = call.back(&cat).unwrap();
    assert_eq!(call.at.step, "jenis");
    assert_eq!(dropped[0].value, "Penambahan Daya");
    assert!(call.back(&cat).is_none(), "nothing before the first step");

    // Another branch: nothing of the abandoned one reaches the outcome.
    call.answer(&cat, Input::Choose("lain".into())).unwrap();
    assert!(call.is_finished(&cat));
    assert!(!call.vars().contains_key("jenis"));
    let t = compose(&cat, &call, now()).unwrap();
    assert_eq!(t.outcome, "lain");
    assert!(t.tickets.is_empty());
}

#[test]
fn above_the_limit_the_decide_takes_the_other_branch() {
    let cat = catalog();
    let mut call = Call::start(&cat, "tambah-daya", caller(), "c1").unwrap();
    call.answer(&cat, Input::Choose("pd".into())).unwrap();
    call.answer(
        &cat,
        fill(&[("daya_lama", "11000"), ("daya_baru", "13200")]),
    )
    .unwrap();
    assert_eq!(call.at.step, "besar");
    assert!(call.is_finished(&cat));
}

#[test]
fn a_call_saved_and_restored_is_the_same_call() {
    let cat = catalog();
    let mut call = at_contact(&cat);
    call.back(&cat).unwrap();
    let json = pandu_engine::json::to_text(&call);
    let restored: Call = pandu_engine::json::from_text(&json).unwrap();
    assert_eq!(restored, call);
    // …and goes on exactly as the original would.
    let mut a = call.clone();
    let mut b = restored;
    for c in [&mut a, &mut b] {
        c.answer(&cat, fill(&[("daya_lama", "1300"), ("daya_baru", "2200")]))
            .unwrap();
        c.answer(&cat, fill(&[("email", ""), ("hp", "081234567890")]))
            .unwrap();
        c.answer(&cat, Input::Continue).unwrap();
    }
    assert_eq!(compose(&cat, &a, now()), compose(&cat, &b, now()));
}

#[test]
fn restart_starts_over_with_the_same_caller() {
    let cat = catalog();
    let mut call = at_contact(&cat);
    call.restart(&cat).unwrap();
    assert_eq!(call.at.step, "jenis");
    assert!(call.path.is_empty());
    assert_eq!(call.caller, caller());
    assert_eq!(call.id, "c1");
}

#[test]
fn wrong_inputs_are_refused() {
    let cat = catalog();
    let mut call = Call::start(&cat, "tambah-daya", caller(), "c1").unwrap();
    assert_eq!(
        call.answer(&cat, Input::Choose("zzz".into())),
        Err(Refusal::Mismatch(
            "pilihan `zzz` tidak ada di langkah ini".into()
        ))
    );
    assert_eq!(
        call.answer(&cat, Input::Continue),
        Err(Refusal::Mismatch(
            "langkah `jenis` (ask) tidak menerima lanjut".into()
        ))
    );
    assert!(Call::start(&cat, "tidak-ada", caller(), "x").is_err());
    call.answer(&cat, Input::Choose("lain".into())).unwrap();
    assert_eq!(call.answer(&cat, Input::Continue), Err(Refusal::Finished));
}

#[test]
fn progress_counts_answered_steps_and_the_shortest_way_left() {
    let cat = catalog();
    let call = Call::start(&cat, "tambah-daya", caller(), "c1").unwrap();
    // jenis → lain is the shortest way: 1 answer + the outcome.
    assert_eq!(call.progress(&cat), (0, 2));
    let call = at_contact(&cat);
    assert_eq!(call.progress(&cat).0, 2);
}

/// SOP 003's transfer announcement is a must-say line: the seed forbids
/// transferring before telling the caller.
#[test]
fn a_must_say_line_must_be_ticked_and_the_stamp_counts_it() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../sops");
    let cat = load_dir(&dir).catalog();
    let mut call = Call::start(&cat, "transfer-elektrinet", caller(), "m1").unwrap();
    call.answer(&cat, Input::Choose("elektrinet".into()))
        .unwrap();
    call.answer(&cat, fill(&[("sid", ""), ("unit", "DISTRIBUSI BALI")]))
        .unwrap();
    // The caller is angry: the contact sub-flow is skipped, straight to the announcement.
    call.answer(&cat, Input::Choose("ya".into())).unwrap();
    assert_eq!(call.at.step, "sambung-elektrinet");
    assert_eq!(call.must_lines(&cat), 1);
    let before = call.clone();
    assert_eq!(
        call.answer(&cat, Input::Choose("ya".into())),
        Err(Refusal::Unsaid(vec![0]))
    );
    assert_eq!(call, before, "a refused input changes nothing");
    assert_eq!(
        Refusal::Unsaid(vec![0]).to_string(),
        "Centang dulu kalimat wajib setelah disampaikan kepada pelanggan."
    );
    assert!(!call.tick(&cat, 1, true), "there is no second must line");
    assert!(call.tick(&cat, 0, true));
    // Saved with the tick, restored with it.
    let again: Call = pandu_engine::json::from_text(&pandu_engine::json::to_text(&call)).unwrap();
    assert_eq!(again.ticks, vec![true]);
    call.answer(&cat, Input::Choose("ya".into())).unwrap();
    assert!(call.ticks.is_empty());
    // Back to the announcement: it was said, it stays ticked.
    call.back(&cat).unwrap();
    assert!(call.ticked(0));
    call.answer(&cat, Input::Choose("ya".into())).unwrap();
    call.answer(&cat, Input::Continue).unwrap();
    let c = compose(&cat, &call, now()).unwrap();
    assert_eq!(c.said, 1);
    assert_eq!(
        c.stamp(),
        "SOP transfer-elektrinet v2023.07.26-4 · 22-11-2026 09:41 WIB · 1 kalimat wajib disampaikan"
    );
}
