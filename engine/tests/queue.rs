//! The e-voucher day queue: rows from walked calls, the HoCC CSV, the
//! 15:00 WIB deadline.

use chrono::{NaiveDate, NaiveDateTime};
use pandu_engine::authoring::load_dir;
use pandu_engine::flow::{Call, Caller, Input};
use pandu_engine::model::Catalog;
use pandu_engine::queue::{Deadline, Queue};
use std::collections::BTreeMap;
use std::path::Path;

fn catalog() -> Catalog {
    load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../sops")).catalog()
}

fn at(d: u32, h: u32, m: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2021, 3, d)
        .unwrap()
        .and_hms_opt(h, m, 0)
        .unwrap()
}

/// A finished e-voucher call, walked through the real SOP with the data given.
fn voucher_call(id: &str, buyer: &str, product: &str) -> Call {
    let cat = catalog();
    let sc = pandu_engine::authoring::parse_scenarios(
        "x",
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../sops/evoucher-tokopedia.scenarios.toml"),
        )
        .unwrap(),
    )
    .unwrap();
    let walk = &sc
        .scenarios
        .iter()
        .find(|s| s.expect.outcome.as_deref() == Some("catat-apkt"))
        .expect("a scenario reaching catat-apkt")
        .walk;
    let mut call = Call::start(&cat, "evoucher-tokopedia", Caller::default(), id).unwrap();
    for item in walk {
        let input = if let Some(c) = &item.choose {
            Input::Choose(c.clone())
        } else if let Some(f) = &item.fill {
            let mut f: BTreeMap<String, String> = f.clone();
            if f.contains_key("nama_pembeli") {
                f.insert("nama_pembeli".into(), buyer.into());
                f.insert("produk".into(), product.into());
            }
            Input::Submit(f)
        } else {
            Input::Continue
        };
        if item.errors.is_empty() {
            // The CSO said the must-say lines (SOP 001's thank-you, inside).
            call.tick_all(&cat);
            call.answer(&cat, input).unwrap();
        }
    }
    assert!(call.is_finished(&cat));
    call
}

#[test]
fn requests_queue_export_as_csv_and_are_marked_sent() {
    let mut q = Queue::default();
    assert!(q.add(
        &voucher_call("a", "Rina \"Ina\" Kusuma", "Kulkas, 2 pintu"),
        at(5, 9, 0)
    ));
    assert!(q.add(
        &voucher_call("b", "Dewi Lestari", "TV LED 43\""),
        at(5, 10, 30)
    ));
    let csv = q.export_csv();
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "No,Nama Pembeli,Nomor Invoice,Jenis Produk,Harga Produk,Tanggal Transaksi,Nomor HP Pembeli,Email Tokopedia Pembeli"
    );
    assert!(
        lines[1].starts_with("1,\"Rina \"\"Ina\"\" Kusuma\",INV/"),
        "{}",
        lines[1]
    );
    assert!(lines[1].contains(",\"Kulkas, 2 pintu\","), "{}", lines[1]);
    assert!(lines[2].starts_with("2,Dewi Lestari,"), "{}", lines[2]);
    assert!(lines[2].contains(",\"TV LED 43\"\"\","), "{}", lines[2]);
    assert_eq!(lines.len(), 4, "header, two rows, final empty");

    assert_eq!(
        q.deadline(at(5, 13, 15)),
        Deadline::Before {
            minutes: 105,
            unsent: 2
        }
    );
    assert_eq!(
        q.deadline(at(5, 13, 15)).label(),
        "2 data e-voucher belum dikirim ke PJ Site; batas 15.00 WIB, 1 jam 45 menit lagi."
    );
    assert_eq!(q.deadline(at(5, 15, 1)), Deadline::Missed { unsent: 2 });

    let day = NaiveDate::from_ymd_opt(2021, 3, 5).unwrap();
    assert_eq!(q.mark_sent(day), vec!["a".to_string(), "b".to_string()]);
    assert_eq!(q.sent_on("a"), Some(day));
    assert_eq!(q.deadline(at(5, 15, 1)), Deadline::Clear);
    assert_eq!(
        q.export_csv().split("\r\n").count(),
        2,
        "only the header is left"
    );
}

#[test]
fn other_calls_do_not_join_the_queue() {
    let cat = catalog();
    let call = Call::start(&cat, "transfer-elektrinet", Caller::default(), "t").unwrap();
    let mut q = Queue::default();
    assert!(!q.add(&call, at(5, 9, 0)));
    assert!(q.rows.is_empty());
}

#[test]
fn the_sent_date_goes_into_the_apkt_closing_remark() {
    let cat = catalog();
    let call = voucher_call("a", "Dewi Lestari", "Kulkas");
    let mut t = pandu_engine::ticket::compose(&cat, &call, at(5, 9, 0)).unwrap();
    let day = NaiveDate::from_ymd_opt(2021, 3, 5).unwrap();
    assert!(pandu_engine::queue::apply_remark(&mut t, day));
    assert!(
        pandu_engine::queue::apply_remark(&mut t, day),
        "applying twice replaces"
    );
    let apkt = t.ticket(pandu_engine::model::System::Apkt).unwrap();
    assert_eq!(
        apkt.get("Keterangan Closed"),
        Some("TELAH DISAMPAIKAN KE PJ SITE PADA TANGGAL 05-03-2021")
    );
    assert_eq!(
        apkt.fields
            .iter()
            .filter(|f| f.name == "Keterangan Closed")
            .count(),
        1
    );
}

#[test]
fn the_seed_scenario_gives_this_exact_hocc_form() {
    let mut q = Queue::default();
    assert!(q.add(
        &voucher_call("a", "Dewi Lestari", "TV LED 43 inch"),
        at(5, 9, 0)
    ));
    assert_eq!(
        q.export_csv(),
        "No,Nama Pembeli,Nomor Invoice,Jenis Produk,Harga Produk,Tanggal Transaksi,Nomor HP Pembeli,Email Tokopedia Pembeli\r\n\
         1,Dewi Lestari,INV/20210305/XXI/III/734512890,TV LED 43 inch,4599000,2021-03-05,081287654321,dewi.lestari88@gmail.com\r\n"
    );
}
