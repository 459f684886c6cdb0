//! What a reviewer sees between a published version and a draft.

use pandu_engine::authoring::load_dir;
use pandu_engine::diff::{changes, Kind};
use pandu_engine::model::{ScriptLine, StepKind};
use std::path::Path;

#[test]
fn a_changed_line_a_new_field_a_ticket_value_and_a_removed_step_are_listed() {
    let cat = load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../sops")).catalog();
    let old = cat.get("transfer-elektrinet").unwrap().clone();
    let mut new = old.clone();
    new.version = "2099".into();
    new.title = "Internet ICON+ – Transfer".into();
    let ask = new
        .steps
        .iter_mut()
        .find(|s| s.id == "tanya-produk")
        .unwrap();
    ask.say[0] = ScriptLine {
        text: "... Bapak/Ibu memakai ELEKTRINET atau ICONNET? ...".into(),
        must: true,
    };
    for step in &mut new.steps {
        if let StepKind::Collect { fields, .. } = &mut step.kind {
            if step.id == "data-iconnet" {
                let mut f = fields[0].clone();
                f.id = "alamat".into();
                f.label = "Alamat pemasangan".into();
                f.required = false;
                fields.push(f);
            }
        }
        if let StepKind::Outcome { tickets, .. } = &mut step.kind {
            if step.id == "catat-iconnet" {
                tickets[0].fields[1].value = "Gangguan".into();
            }
        }
    }
    new.steps.retain(|s| s.id != "di-luar-cakupan");
    for step in &mut new.steps {
        if let StepKind::Ask { options, .. } = &mut step.kind {
            options.retain(|o| o.next != "di-luar-cakupan");
        }
    }
    let got: Vec<(String, Kind, String, String)> = changes(&old, &new)
        .into_iter()
        .map(|c| (c.step, c.what, c.before, c.after))
        .collect();
    let has = |step: &str, what: Kind, before: &str, after: &str| {
        got.iter()
            .any(|(s, w, b, a)| s == step && *w == what && b == before && a == after)
    };
    assert!(has(
        "",
        Kind::Heading,
        "Judul: Gangguan internet ICON+: Elektrinet / ICONNET – Transfer Layanan",
        "Judul: Internet ICON+ – Transfer"
    ));
    assert!(has(
        "tanya-produk",
        Kind::Script,
        "",
        "... Bapak/Ibu memakai ELEKTRINET atau ICONNET? ... (wajib)"
    ));
    assert!(has(
        "tanya-produk",
        Kind::Script,
        &old.steps[0].say[0].text,
        ""
    ));
    assert!(has(
        "data-iconnet",
        Kind::Field,
        "",
        "Alamat pemasangan (text)"
    ));
    assert!(has(
        "catat-iconnet",
        Kind::Ticket,
        "APKT · Tipe Sub Keluhan: Umum",
        ""
    ));
    assert!(has(
        "catat-iconnet",
        Kind::Ticket,
        "",
        "APKT · Tipe Sub Keluhan: Gangguan"
    ));
    assert!(has(
        "di-luar-cakupan",
        Kind::StepRemoved,
        "Bukan pelanggan internet ICON (outcome, 003 B)",
        ""
    ));
    assert!(got
        .iter()
        .any(|(s, w, _, _)| s == "tanya-produk" && *w == Kind::Option));
    assert_eq!(Kind::Script.label(), "Kalimat");
    // The same SOP: nothing to show.
    assert!(changes(&old, &old).is_empty());
}
