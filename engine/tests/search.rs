//! The finder and the in-force status.

use chrono::NaiveDate;
use pandu_engine::json::{from_text, to_text};
use pandu_engine::model::{Catalog, Sop};
use pandu_engine::search::{status, Index, Prepared, Status};

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
        synonyms: Vec::new(),
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

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn today() -> NaiveDate {
    day(2026, 12, 1)
}

fn order(idx: &Index, q: &str) -> Vec<usize> {
    idx.find(q, today()).indices()
}

#[test]
fn callers_words_find_the_sop() {
    let idx = Index::new(&catalog());
    assert_eq!(order(&idx, "tambah daya"), vec![1]);
    assert_eq!(order(&idx, "Pasang"), vec![1]);
    assert_eq!(order(&idx, "internet mati"), vec![2]);
    assert_eq!(order(&idx, "voucher tokopedia"), vec![0]);
    assert_eq!(
        order(&idx, "e-voucher"),
        vec![0],
        "hyphen and the e- prefix"
    );
    assert_eq!(order(&idx, "pln mobile"), vec![1], "title words");
    assert!(order(&idx, "gas elpiji").is_empty());
    assert_eq!(order(&idx, "  "), vec![0, 1, 2], "an empty query lists all");
}

#[test]
fn extra_words_never_empty_the_list() {
    let idx = Index::new(&catalog());
    assert_eq!(order(&idx, "mau tambah daya"), vec![1]);
    assert_eq!(
        order(&idx, "internet saya mati dari pagi tolong dicek"),
        vec![2]
    );
    // Two SOPs' words: both listed, the one with more of them first.
    assert_eq!(
        order(&idx, "promo voucher tokopedia buat tambah daya"),
        vec![0, 1]
    );
    // Only fillers: nothing tells SOPs apart, so all are listed.
    assert_eq!(order(&idx, "saya mau tanya ya pak"), vec![0, 1, 2]);
}

#[test]
fn informal_words_prefixes_and_typos() {
    let idx = Index::new(&catalog());
    assert_eq!(
        order(&idx, "naikin daya"),
        vec![1],
        "daya alone is enough, naikin is not a word here"
    );
    assert_eq!(order(&idx, "nambah daya"), vec![1], "nambah is tambah");
    assert_eq!(order(&idx, "tokped"), vec![0]);
    assert_eq!(order(&idx, "inet mati"), vec![2]);
    assert_eq!(
        order(&idx, "tokopdia"),
        vec![0],
        "one typo in a word of five letters or more"
    );
    assert!(
        order(&idx, "wfi").is_empty(),
        "no typo forgiven under five letters"
    );
    // The word being typed is the start of a longer one; after a space it is whole.
    assert_eq!(order(&idx, "tamb"), vec![1]);
    assert!(order(&idx, "tamb ").is_empty());
    assert_eq!(order(&idx, "elektri"), vec![2]);
}

#[test]
fn a_power_figure_points_to_daya() {
    let idx = Index::new(&catalog());
    assert_eq!(order(&idx, "dari 1300 ke 2200"), vec![1]);
    assert_eq!(order(&idx, "5500 VA"), vec![1]);
    assert!(
        order(&idx, "150678").is_empty(),
        "a phone number is no power"
    );
}

#[test]
fn phrases_count_more_than_scattered_words() {
    let mut cat = catalog();
    cat.sops
        .push(sop("daya-lain", "Daya listrik", &["tambah", "daya turun"]));
    let idx = Index::new(&cat);
    assert_eq!(order(&idx, "tambah daya")[0], 1, "the keyword as a phrase");
    assert_eq!(order(&idx, "daya turun")[0], 3);
}

#[test]
fn the_words_each_sop_matched() {
    let idx = Index::new(&catalog());
    let found = idx.find("Mau TAMBAH daya, internet", today());
    assert_eq!(found.words, vec!["tambah", "daya", "internet"]);
    assert_eq!(found.indices(), vec![1, 2]);
    assert_eq!(found.matched(&found.hits[0]), vec!["tambah", "daya"]);
    assert_eq!(found.matched(&found.hits[1]), vec!["internet"]);
    assert!(found.suggest.is_empty());
}

#[test]
fn nothing_found_suggests_the_closest_words() {
    let idx = Index::new(&catalog());
    let found = idx.find("internat mti", today());
    // "internat" is one letter from "internet": a typo found.
    assert_eq!(found.indices(), vec![2]);
    let found = idx.find("vocer", today());
    assert!(found.hits.is_empty());
    assert_eq!(found.suggest[0], "voucher tokopedia");
    let found = idx.find("qwertyuiop", today());
    assert!(found.hits.is_empty());
    assert_eq!(
        found.suggest,
        vec!["voucher tokopedia", "promo", "tambah daya", "pasang baru"],
        "nothing close: the catalogue's first words"
    );
}

#[test]
fn in_force_first_and_sub_flows_last_at_equal_relevance() {
    let mut cat = Catalog {
        sops: vec![
            sop("s1", "Program hadiah", &["hadiah"]),
            sop("s2", "Program hadiah", &["hadiah"]),
            sop("s3", "Program hadiah", &["hadiah"]),
            sop("s4", "Program hadiah", &["hadiah"]),
        ],
    };
    cat.sops[0].effective_until = Some("2021-06-17".into());
    cat.sops[1].subflow = true;
    cat.sops[3].effective_from = Some("2027-01-01".into());
    let idx = Index::new(&cat);
    assert_eq!(order(&idx, "hadiah"), vec![2, 0, 3, 1]);
    assert_eq!(order(&idx, ""), vec![2, 0, 3, 1]);
    // On a day when the first is in force (a trainer's simulated date), it leads.
    assert_eq!(
        idx.find("hadiah", day(2021, 6, 12)).indices(),
        vec![0, 2, 3, 1]
    );
    // More relevance beats the status: the ended SOP with the better words comes first.
    cat.sops[0].keywords.push("hadiah undian".into());
    let idx = Index::new(&cat);
    assert_eq!(order(&idx, "hadiah undian")[0], 0);
}

#[test]
fn a_sub_flow_comes_first_only_when_the_words_point_at_it() {
    let mut cat = catalog();
    let mut sub = sop(
        "kontak",
        "Email dan nomor HP pelanggan",
        &["email", "nomor hp"],
    );
    sub.subflow = true;
    cat.sops.push(sub);
    cat.sops[1].keywords.push("hp tidak support".into());
    let idx = Index::new(&cat);
    assert_eq!(order(&idx, "ganti email dan nomor hp")[0], 3);
    assert_eq!(order(&idx, "hp tidak support")[0], 1);
}

#[test]
fn prepared_words_round_trip_and_index_the_same() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../sops");
    let cat = pandu_engine::authoring::load_dir(&dir).catalog();
    let prepared: Vec<Prepared> = cat.sops.iter().map(Prepared::of).collect();
    for p in &prepared {
        let text = to_text(p);
        assert_eq!(&from_text::<Prepared>(&text).unwrap(), p);
    }
    let niaga = &prepared[cat
        .sops
        .iter()
        .position(|s| s.id == "niaga-pln-mobile")
        .unwrap()];
    assert!(
        niaga.keys.starts_with("tambah daya|tambah/nambah daya|"),
        "{}",
        niaga.keys
    );
    assert!(niaga.title.contains("pln mobile"), "{}", niaga.title);
    // Headings only (as at start-up), with the build's words: the same index.
    let headings = Catalog {
        sops: cat
            .sops
            .iter()
            .map(|s| Sop {
                steps: Vec::new(),
                ..s.clone()
            })
            .collect(),
    };
    let shipped = Index::build(&headings, &prepared);
    let full = Index::new(&cat);
    for q in [
        "akun belum terverifikasi",
        "internet mati",
        "hadiah",
        "nomor hp",
        "xyz",
    ] {
        assert_eq!(shipped.find(q, today()), full.find(q, today()), "{q}");
    }
    // Another SOP's words (a pack changed the catalogue) are not used.
    let mut moved = prepared.clone();
    moved.rotate_left(1);
    assert_eq!(
        Index::build(&cat, &moved).find("internet", today()),
        full.find("internet", today())
    );
}

#[test]
fn status_by_date() {
    let mut s = sop("x", "X", &[]);
    s.effective_from = Some("2021-02-26".into());
    s.effective_until = Some("2021-03-31".into());
    assert_eq!(
        status(&s, day(2021, 2, 25)),
        Status::NotYet(day(2021, 2, 26))
    );
    assert_eq!(status(&s, day(2021, 2, 26)), Status::InForce);
    assert_eq!(status(&s, day(2021, 3, 31)), Status::InForce);
    assert_eq!(
        status(&s, day(2026, 11, 22)),
        Status::Ended(day(2021, 3, 31))
    );
    assert_eq!(status(&s, day(2026, 11, 22)).label(), "Berakhir 31-03-2021");
    assert_eq!(
        status(&sop("y", "Y", &[]), day(2026, 1, 1)).label(),
        "Berlaku"
    );
}
