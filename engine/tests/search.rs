//! The finder and the in-force status.

use chrono::NaiveDate;
use pandu_engine::model::{Catalog, Sop};
use pandu_engine::search::{normalize, status, Index, Status};

fn sop(id: &str, title: &str, keywords: &[&str]) -> Sop {
    Sop {
        id: id.into(),
        title: title.into(),
        seed: "900".into(),
        version: "1".into(),
        effective_from: None,
        effective_until: None,
        summary: String::new(),
        keywords: keywords.iter().map(|k| k.to_string()).collect(),
        subflow: false,
        start: None,
        steps: Vec::new(),
    }
}

fn catalog() -> Catalog {
    Catalog {
        sops: vec![
            sop(
                "evoucher",
                "e-Voucher Tokopedia",
                &["voucher tokopedia", "promo"],
            ),
            sop(
                "niaga",
                "Niaga PB/PD/PS via PLN Mobile",
                &["tambah daya", "pasang baru"],
            ),
            sop(
                "internet",
                "Transfer Elektrinet",
                &["internet mati", "wifi"],
            ),
        ],
    }
}

#[test]
fn callers_words_find_the_sop() {
    let idx = Index::new(&catalog());
    assert_eq!(idx.query("tambah daya"), vec![1]);
    assert_eq!(idx.query("Pasang"), vec![1]);
    assert_eq!(idx.query("internet mati"), vec![2]);
    assert_eq!(idx.query("voucher tokopedia"), vec![0]);
    assert_eq!(idx.query("evoucher"), vec![0], "hyphen-insensitive");
    assert_eq!(idx.query("pln mobile"), vec![1], "title words");
    assert!(idx.query("gas elpiji").is_empty());
    assert_eq!(idx.query("  "), vec![0, 1, 2], "empty query lists all");
}

#[test]
fn normalize_keeps_letters_and_digits() {
    assert_eq!(
        normalize("  e-Voucher,  TOKOPEDIA! "),
        "e voucher tokopedia"
    );
    assert_eq!(normalize("<img src=x>"), "img src x");
}

#[test]
fn status_by_date() {
    let mut s = sop("x", "X", &[]);
    s.effective_from = Some("2021-02-26".into());
    s.effective_until = Some("2021-03-31".into());
    let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    assert_eq!(status(&s, d(2021, 2, 25)), Status::NotYet(d(2021, 2, 26)));
    assert_eq!(status(&s, d(2021, 2, 26)), Status::InForce);
    assert_eq!(status(&s, d(2021, 3, 31)), Status::InForce);
    assert_eq!(status(&s, d(2026, 11, 22)), Status::Ended(d(2021, 3, 31)));
    assert_eq!(status(&s, d(2026, 11, 22)).label(), "Berakhir 31-03-2021");
    assert_eq!(
        status(&sop("y", "Y", &[]), d(2026, 1, 1)).label(),
        "Berlaku"
    );
}
