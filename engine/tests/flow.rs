//! The interpreter and the composer on a small two-SOP catalogue
//! (`fixtures/flow/`): an SOP that includes a contact sub-flow.

mod common;

use chrono::NaiveDate;
use common::fill;
use pandu_engine::authoring::load_dir;
use pandu_engine::flow::{Call, Caller, Dropped, Input, Refusal};
use pandu_engine::model::{Catalog, StepKind, System};
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
    let mut call = Call::start(
        cat,
        "tambah-daya",
        caller(),
        "c1",
        pandu_engine::dates::parse_iso("2026-01-05").unwrap(),
    )
    .unwrap();
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
    let call = Call::start(
        &cat,
        "tambah-daya",
        caller(),
        "c1",
        pandu_engine::dates::parse_iso("2026-01-05").unwrap(),
    )
    .unwrap();
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
    let mut call = Call::start(
        &cat,
        "tambah-daya",
        caller(),
        "c1",
        pandu_engine::dates::parse_iso("2026-01-05").unwrap(),
    )
    .unwrap();
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
    assert_eq!(errs[0].1, pandu_engine::validate::power_not_step());
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

/// The form of step `step` of SOP `sop`: its field `field`.
fn field_of(cat: &Catalog, sop: &str, step: &str, field: &str) -> pandu_engine::model::Field {
    match &cat.get(sop).unwrap().step(step).unwrap().kind {
        StepKind::Collect { fields, .. } => fields.iter().find(|f| f.id == field).unwrap().clone(),
        other => panic!("{sop}/{step} is not a form: {other:?}"),
    }
}

/// Back at the power form: its new power starts as `expected`, and the form is sent with it.
fn power_form_resent(cat: &Catalog, call: &mut Call, expected: &str) {
    let daya_baru = field_of(cat, "tambah-daya", "daya", "daya_baru");
    assert_eq!(call.field_start_value(&daya_baru), expected);
    call.answer(
        cat,
        fill(&[("daya_lama", "1.300"), ("daya_baru", expected)]),
    )
    .unwrap();
}

#[test]
fn a_sub_flow_form_keeps_its_draft_beside_a_form_of_the_same_id_in_the_sop_including_it() {
    let mut cat = catalog();
    // The contact sub-flow's form takes the id of the power form before it.
    let kontak = cat.sops.iter_mut().find(|s| s.id == "kontak").unwrap();
    kontak.steps[0].id = "daya".into();
    if kontak.start.is_some() {
        kontak.start = Some("daya".into());
    }
    let mut call = at_contact(&cat);
    assert_eq!(
        (call.at.sop.as_str(), call.at.step.as_str()),
        ("kontak", "daya")
    );
    call.draft("email", "hana@");

    call.back(&cat).unwrap();
    assert_eq!(
        (call.at.sop.as_str(), call.at.step.as_str()),
        ("tambah-daya", "daya")
    );
    power_form_resent(&cat, &mut call, "2200 VA");

    // Forward again: the contact form has what was typed there, not lost to the power form.
    assert_eq!(
        (call.at.sop.as_str(), call.at.step.as_str()),
        ("kontak", "daya")
    );
    let email = field_of(&cat, "kontak", "daya", "email");
    assert_eq!(call.field_start_value(&email), "hana@");
}

#[test]
fn a_draft_saved_by_step_id_alone_is_read_in_the_calls_own_sop_only() {
    let cat = catalog();
    let mut call = at_contact(&cat);
    // As a call saved before drafts named their SOP has them.
    call.drafts.clear();
    call.drafts.insert(
        "email".into(),
        [("email".to_string(), "lama@".to_string())].into(),
    );
    let email = field_of(&cat, "kontak", "email", "email");
    assert_eq!(call.field_start_value(&email), "", "not inside a sub-flow");
    call.back(&cat).unwrap();
    call.drafts.insert(
        "daya".into(),
        [("daya_baru".to_string(), "3500 VA".to_string())].into(),
    );
    call.drafts.remove("tambah-daya/daya");
    power_form_resent(&cat, &mut call, "3500 VA");
    assert!(
        !call.drafts.contains_key("daya"),
        "sent: the old draft is gone too"
    );
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
    assert_eq!(call.drafts_here().unwrap()["daya_baru"], "2200 VA");

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
    let mut call = Call::start(
        &cat,
        "tambah-daya",
        caller(),
        "c1",
        pandu_engine::dates::parse_iso("2026-01-05").unwrap(),
    )
    .unwrap();
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
    let mut call = Call::start(
        &cat,
        "tambah-daya",
        caller(),
        "c1",
        pandu_engine::dates::parse_iso("2026-01-05").unwrap(),
    )
    .unwrap();
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
    assert!(Call::start(
        &cat,
        "tidak-ada",
        caller(),
        "x",
        pandu_engine::dates::parse_iso("2026-01-05").unwrap()
    )
    .is_err());
    call.answer(&cat, Input::Choose("lain".into())).unwrap();
    assert_eq!(call.answer(&cat, Input::Continue), Err(Refusal::Finished));
}

#[test]
fn progress_counts_answered_steps_and_the_longest_way_left() {
    let cat = catalog();
    let call = Call::start(
        &cat,
        "tambah-daya",
        caller(),
        "c1",
        pandu_engine::dates::parse_iso("2026-01-05").unwrap(),
    )
    .unwrap();
    // jenis → daya → (kontak: email) → eskalasi → catat is the longest way:
    // four answers and the outcome, the sub-flow's step counted.
    assert_eq!(call.progress(&cat), (0, 5));
    // Inside the sub-flow: its step, then the caller's escalation and outcome.
    let call = at_contact(&cat);
    assert_eq!(call.progress(&cat), (2, 5));
}

/// SOP 003's transfer announcement is a must-say line: the seed forbids
/// transferring before telling the caller.
#[test]
fn a_must_say_line_must_be_ticked_and_the_stamp_counts_it() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../sops");
    let cat = load_dir(&dir).catalog();
    let mut call = Call::start(
        &cat,
        "transfer-elektrinet",
        caller(),
        "m1",
        pandu_engine::dates::parse_iso("2026-01-05").unwrap(),
    )
    .unwrap();
    call.answer(&cat, Input::Choose("elektrinet".into()))
        .unwrap();
    call.answer(
        &cat,
        fill(&[
            ("sid", ""),
            ("unit", "DISTRIBUSI BALI"),
            ("up3", "UP3 DENPASAR"),
        ]),
    )
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
    // The CSO is told which line is still to be said, as it reads on screen.
    assert_eq!(
        call.unsaid_lines(&cat),
        vec![
            "... Baik Ibu Hana Apsari Namira, mohon maaf saat ini Ibu terhubung dengan Contact \
              Center PLN 123 Ketenagalistrikan, untuk informasi ELEKTRINET, Ibu akan kami \
              sambungkan ke Contact Center PLN ICONPLUS 1500071, mohon ditunggu ya Bu ...?"
                .to_string()
        ]
    );
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

fn seed_catalog() -> Catalog {
    load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../sops")).catalog()
}

fn day(iso: &str) -> chrono::NaiveDate {
    pandu_engine::dates::parse_iso(iso).unwrap()
}

/// Seed 000's data (f) HP and (g) email are what 001's fields start with:
/// the CSO checks them, and a field 001 skips never gets them.
#[test]
fn an_include_prefills_the_sub_flows_fields_it_names() {
    let cat = seed_catalog();
    let mut call = Call::start(
        &cat,
        "evoucher-tokopedia",
        caller(),
        "p1",
        day("2021-03-09"),
    )
    .unwrap();
    call.answer(&cat, Input::Choose("tokopedia".into()))
        .unwrap();
    call.answer(&cat, fill(&[("tanggal_transaksi", "08-03-2021")]))
        .unwrap();
    call.answer(
        &cat,
        fill(&[
            ("nama_pembeli", "Made"),
            ("invoice", "INV/20210308/XXI/III/700100200"),
            ("produk", "AC"),
            ("harga", "3750000"),
            ("hp_pembeli", "0812 3900 1122"),
            ("email_tokped", "made@gmail.com"),
        ]),
    )
    .unwrap();
    call.answer(&cat, Input::Continue).unwrap();
    assert_eq!(call.at.step, "cek-pengecualian");
    call.answer(&cat, Input::Choose("tidak".into())).unwrap();
    call.answer(&cat, Input::Choose("ya".into())).unwrap();
    let field = |call: &Call| match &call.current(&cat).unwrap().kind {
        StepKind::Collect { fields, .. } => fields[0].clone(),
        k => panic!("{k:?}"),
    };
    assert_eq!(call.field_start_value(&field(&call)), "made@gmail.com");
    call.answer(&cat, fill(&[("email", "made@gmail.com")]))
        .unwrap();
    call.tick_all(&cat);
    call.answer(&cat, Input::Continue).unwrap();
    call.answer(&cat, Input::Choose("ya".into())).unwrap();
    // The number in normal form, over the header's own number.
    assert_eq!(call.field_start_value(&field(&call)), "081239001122");
    // Nothing of it reaches a ticket until sent: the email is not a variable yet
    // when 001 skips asking for it.
    let mut skipped = Call::start(
        &cat,
        "evoucher-tokopedia",
        caller(),
        "p2",
        day("2021-03-09"),
    )
    .unwrap();
    for input in [
        Input::Choose("tokopedia".into()),
        fill(&[("tanggal_transaksi", "08-03-2021")]),
        fill(&[
            ("nama_pembeli", "Made"),
            ("invoice", "INV/20210308/XXI/III/700100200"),
            ("produk", "AC"),
            ("harga", "3750000"),
            ("hp_pembeli", "0812 3900 1122"),
            ("email_tokped", "made@gmail.com"),
        ]),
        Input::Continue,
        Input::Choose("tidak".into()),
        Input::Choose("tidak".into()),
    ] {
        skipped.answer(&cat, input).unwrap();
    }
    assert!(!skipped.vars().contains_key("email"));
}

/// What the CSO typed and has not sent is kept with the call, survives a
/// save and a reload, and starts the field again, even when it is not valid.
#[test]
fn typed_but_unsent_values_come_back_after_a_reload() {
    let cat = seed_catalog();
    let mut call = Call::start(
        &cat,
        "transfer-elektrinet",
        caller(),
        "d1",
        day("2024-01-08"),
    )
    .unwrap();
    call.answer(&cat, Input::Choose("elektrinet".into()))
        .unwrap();
    call.draft("unit", "DISTRIBUSI JA");
    call.draft("sid", "12x");
    let back: Call = pandu_engine::json::from_text(&pandu_engine::json::to_text(&call)).unwrap();
    assert_eq!(back, call);
    let StepKind::Collect { fields, .. } = &back.current(&cat).unwrap().kind else {
        panic!()
    };
    let starts: Vec<String> = fields.iter().map(|f| back.field_start_value(f)).collect();
    assert_eq!(starts, vec!["12x", "DISTRIBUSI JA", ""]);
    // Sent: the draft has done its work.
    call.answer(
        &cat,
        fill(&[
            ("sid", "12"),
            ("unit", "DISTRIBUSI JAKARTA RAYA"),
            ("up3", "UP3 MENTENG"),
        ]),
    )
    .unwrap();
    assert!(call.drafts.is_empty());
}

/// `hari_ini` is the day of the call: an SOP whose programme ended says so
/// on a later day, and plays as it was on a day within it (training).
#[test]
fn the_call_day_decides_whether_an_ended_programme_is_presented() {
    let cat = seed_catalog();
    let after = Call::start(&cat, "pln-terbaik", caller(), "h1", day("2022-02-07")).unwrap();
    assert_eq!(after.at.step, "program-berakhir");
    assert_eq!(
        after.vars().get("hari_ini").map(String::as_str),
        Some("2022-02-07")
    );
    let within = Call::start(&cat, "pln-terbaik", caller(), "h2", day("2021-06-14")).unwrap();
    assert_eq!(within.at.step, "tanya-wilayah");
    let voucher = Call::start(
        &cat,
        "evoucher-tokopedia",
        caller(),
        "h3",
        day("2021-04-01"),
    )
    .unwrap();
    assert_eq!(voucher.at.step, "promo-berakhir");
}

/// A second topic keeps the first one's tickets (composed when it ended),
/// takes over what 001 collected, and is saved and restored whole.
#[test]
fn a_next_topic_keeps_the_first_and_is_saved_with_it() {
    let cat = seed_catalog();
    let mut call = Call::start(
        &cat,
        "transfer-elektrinet",
        caller(),
        "t1",
        day("2024-01-08"),
    )
    .unwrap();
    assert!(
        call.next_topic(&cat, "niaga-pln-mobile", now()).is_err(),
        "not at an outcome yet"
    );
    for input in [
        Input::Choose("iconnet".into()),
        fill(&[("unit", "DISTRIBUSI BANTEN"), ("up3", "UP3 SERPONG")]),
        Input::Choose("tidak".into()),
        Input::Choose("tidak".into()),
        Input::Choose("lain".into()),
        fill(&[("hp", "021 5550 1234")]),
        Input::Choose("ya".into()),
        Input::Continue,
    ] {
        call.tick_all(&cat);
        call.answer(&cat, input).unwrap();
    }
    assert!(call.is_finished(&cat));
    call.next_topic(&cat, "niaga-pln-mobile", now()).unwrap();
    assert_eq!(
        (call.sop.as_str(), call.at.step.as_str()),
        ("niaga-pln-mobile", "salam-pembuka")
    );
    assert_eq!(call.earlier.len(), 1);
    assert_eq!(call.earlier[0].composed.outcome, "catat-iconnet");
    assert_eq!(call.caller, caller(), "the header stays");
    let saved: Call = pandu_engine::json::from_text(&pandu_engine::json::to_text(&call)).unwrap();
    assert_eq!(saved, call);
    // Back at the first step of the new topic, nothing of the first is lost.
    assert_eq!(call.back(&cat), None);
    assert_eq!(call.earlier.len(), 1);
    assert!(
        !call.begin_closing(&cat),
        "the new topic has no outcome yet"
    );
}
