//! The hand-written JSON: what earlier builds stored reads back and is
//! written again byte for byte (fixtures written by the serde codecs these
//! replaced), the contract's events keep their documented shape, SOPs read
//! from JSON are the SOPs the build read from TOML, and the reader's
//! messages say where the text is broken.

use pandu_engine::authoring::{catalogue_files, load_dir};
use pandu_engine::contract::{TicketOut, WidgetEvent};
use pandu_engine::history::History;
use pandu_engine::json::{from_text, to_text, Json, Obj};
use pandu_engine::library::Library;
use pandu_engine::model::Catalog;
use pandu_engine::queue::Queue;
use pandu_engine::saved::Saved;
use std::path::Path;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/json")
            .join(name),
    )
    .unwrap()
}

fn seeds() -> Catalog {
    let loaded = load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../sops"));
    assert!(loaded.is_clean(), "{}", loaded.report());
    loaded.catalog()
}

#[test]
fn saved_calls_of_earlier_builds_read_back_and_write_the_same_bytes() {
    let text = fixture("saved.jsonl");
    let mut n = 0;
    for line in text.lines() {
        let saved: Saved = from_text(line).unwrap_or_else(|e| panic!("{e}\n{line}"));
        assert_eq!(to_text(&saved), line);
        n += 1;
    }
    assert_eq!(n, 72);
}

#[test]
fn the_history_and_the_queue_read_back_and_write_the_same_bytes() {
    let h = fixture("history.json");
    let history: History = from_text(&h).unwrap();
    assert_eq!(to_text(&history), h);
    assert_eq!(history.entries.len(), 36);
    assert_eq!(history.entries[0].sop_title, "T \"q\"");

    let q = fixture("queue.json");
    let queue: Queue = from_text(&q).unwrap();
    assert_eq!(to_text(&queue), q);
    assert!(queue.rows[0].sent_on.is_some() && queue.rows[1].sent_on.is_none());
}

/// A test-side reading of an event fixture, to write it again.
fn event(j: &Json) -> WidgetEvent {
    let o = Obj::of(j).unwrap();
    let s = |k: &str| o.req::<String>(k).unwrap();
    match s("type").as_str() {
        "ready" => WidgetEvent::Ready {
            version: s("version"),
            sops: o.req("sops").unwrap(),
        },
        "step-changed" => WidgetEvent::StepChanged {
            sop: s("sop"),
            step: s("step"),
            clause: s("clause"),
        },
        "transfer-requested" => WidgetEvent::TransferRequested {
            destination: s("destination"),
            number: s("number"),
        },
        "escalation" => WidgetEvent::Escalation {
            channel: s("channel"),
            level: s("level"),
            reason: s("reason"),
        },
        "ticket-ready" => WidgetEvent::TicketReady {
            call: s("call"),
            cso: s("cso"),
            sop: s("sop"),
            version: s("version"),
            time: s("time"),
            tickets: o.req::<Vec<TicketOut>>("tickets").unwrap(),
            text: s("text"),
        },
        "call-ended" => WidgetEvent::CallEnded {
            call: s("call"),
            cso: s("cso"),
            sop: s("sop"),
        },
        "error" => WidgetEvent::Error {
            message: s("message"),
        },
        other => panic!("{other}"),
    }
}

#[test]
fn widget_events_keep_their_documented_shape_with_the_contract_version_last() {
    let text = fixture("events.jsonl");
    let mut kinds = std::collections::BTreeSet::new();
    for line in text.lines() {
        let j = Json::parse(line).unwrap();
        kinds.insert(j.get("type").and_then(Json::as_str).unwrap().to_string());
        let want = format!("{},\"pandu\":1}}", &line[..line.len() - 1]);
        assert_eq!(to_text(&event(&j)), want);
    }
    assert_eq!(kinds.len(), 7, "{kinds:?}");
}

#[test]
fn sops_read_from_json_are_the_sops_read_from_toml() {
    let cat = seeds();
    // What the writer gives, the one decoder reads back as it was.
    let json = to_text(&cat);
    assert_eq!(from_text::<Catalog>(&json).unwrap(), cat);

    // The form the build writes: headings first, steps fetched on demand.
    let (index, bodies) = catalogue_files(&cat);
    let mut lib = Library::from_index(from_text(&index).unwrap());
    let fetch = |lib: &mut Library, id: &str| {
        while let Some((id, path)) = lib.missing(id).pop() {
            let text = &bodies.iter().find(|(p, _)| *p == path).unwrap().1;
            lib.insert_body(&id, text).unwrap();
        }
    };
    assert!(lib.catalog().sops.iter().all(|s| s.steps.is_empty()));
    assert!(lib.load("transfer-elektrinet").is_err());
    fetch(&mut lib, "transfer-elektrinet");
    lib.load("transfer-elektrinet").unwrap();
    // The sub-flow it includes comes with it; the others wait.
    assert!(lib.is_loaded("transfer-elektrinet") && lib.is_loaded("kontak-email-hp"));
    assert!(!lib.is_loaded("niaga-pln-mobile"));
    assert_eq!(
        lib.catalog().get("transfer-elektrinet"),
        cat.get("transfer-elektrinet")
    );
    for sop in &cat.sops {
        fetch(&mut lib, &sop.id);
    }
    assert_eq!(lib.catalog(), &cat);
    assert_eq!(
        lib.load("tidak-ada"),
        Err("SOP `tidak-ada` tidak ditemukan.".into())
    );
}

#[test]
fn a_pack_with_a_misspelt_key_is_refused_naming_sop_step_and_key() {
    let cat = seeds();
    let value = || serde_json::from_str::<serde_json::Value>(&to_text(&cat)).unwrap();
    let mut v = value();
    v["sops"][2]["step"][1]["nxt"] = serde_json::json!("x");
    let id = cat.sops[2].id.clone();
    let step = cat.sops[2].steps[1].id.clone();
    assert_eq!(
        from_text::<Catalog>(&v.to_string()),
        Err(format!(
            "`sops`: [2]: SOP `{id}`: langkah `{step}`: kunci `nxt` tidak dikenal; \
             periksa ejaannya (lihat docs/SOP-FORMAT.md)"
        ))
    );
    let mut v = value();
    v["sops"][0]["step"][0]["kind"] = serde_json::json!("tanya");
    assert!(from_text::<Catalog>(&v.to_string())
        .unwrap_err()
        .ends_with("jenis langkah `tanya` tidak dikenal (say, ask, collect, decide, include, transfer, escalate, outcome)"));
}

#[test]
fn the_reader_says_where_the_text_is_broken() {
    let cases = [
        (
            "",
            "JSON tidak valid pada karakter ke-1: teks berakhir sebelum nilainya lengkap",
        ),
        (
            "{\"a\":1,}",
            "JSON tidak valid pada karakter ke-8: diharapkan nama kunci dalam tanda kutip",
        ),
        (
            "[1 2]",
            "JSON tidak valid pada karakter ke-4: diharapkan `,` atau `]`",
        ),
        (
            "\"abc",
            "JSON tidak valid pada karakter ke-5: teks dalam tanda kutip tidak ditutup",
        ),
        (
            "01",
            "JSON tidak valid pada karakter ke-3: angka tidak valid",
        ),
        (
            "{} x",
            "JSON tidak valid pada karakter ke-4: ada teks lain setelah nilai JSON",
        ),
        (
            "\"\\x\"",
            "JSON tidak valid pada karakter ke-3: escape `\\` tidak dikenal",
        ),
        (
            "tru",
            "JSON tidak valid pada karakter ke-1: nilai tidak dikenal",
        ),
    ];
    for (text, want) in cases {
        assert_eq!(Json::parse(text), Err(want.to_string()), "{text:?}");
    }
    // Positions count characters, not UTF-8 bytes: `é` is one character
    // (two bytes), `😀` one character (four bytes; JSON.parse, counting
    // UTF-16 units, would say one more after it).
    let cases = [
        (
            "{\"é\":1,}",
            "JSON tidak valid pada karakter ke-8: diharapkan nama kunci dalam tanda kutip",
        ),
        (
            "[\"Şahin 😀\" 2]",
            "JSON tidak valid pada karakter ke-12: diharapkan `,` atau `]`",
        ),
        (
            "\"ü\\u12G4\"",
            "JSON tidak valid pada karakter ke-5: `\\u` harus diikuti 4 digit heksadesimal",
        ),
    ];
    for (text, want) in cases {
        assert_eq!(Json::parse(text), Err(want.to_string()), "{text:?}");
    }
    let deep = "[".repeat(100) + &"]".repeat(100);
    assert!(Json::parse(&deep)
        .unwrap_err()
        .ends_with("bersarang terlalu dalam"));
}

#[test]
fn strings_numbers_and_escapes() {
    let j = Json::parse(r#"{"s":"a\"b\\c\n\u00e9\ud83d\ude00\ud800x","n":[-1.5e3,0,11000.0,7]}"#)
        .unwrap();
    assert_eq!(
        j.get("s").and_then(Json::as_str),
        Some("a\"b\\c\né😀\u{FFFD}x")
    );
    let n = j.get("n").and_then(Json::items).unwrap();
    let ints: Vec<Option<i64>> = n.iter().map(Json::as_i64).collect();
    assert_eq!(ints, vec![None, Some(0), Some(11000), Some(7)]);
    // Written as JSON.stringify writes it: control characters escaped, the rest as is.
    let s = Json::Str("tab\there \u{1} é \"q\"".into());
    assert_eq!(s.to_text(), r#""tab\there \u0001 é \"q\"""#);
    assert_eq!(Json::parse(&s.to_text()).unwrap(), s);
}

#[test]
fn a_lone_surrogate_becomes_u_fffd_and_the_escape_after_it_is_read_on_its_own() {
    let cases = [
        (r#""\ud800x""#, "\u{FFFD}x"),
        (r#""\udc00\ud800""#, "\u{FFFD}\u{FFFD}"),
        (r#""\ud800\u0041""#, "\u{FFFD}A"),
        (r#""\ud800\n""#, "\u{FFFD}\n"),
        // The high surrogate after a high one still pairs with its own low one.
        (r#""\ud800\ud83d\ude00""#, "\u{FFFD}😀"),
        (r#""\ud83d\ude00\ude00""#, "😀\u{FFFD}"),
        (r#""\uD83D\uDE00""#, "😀"),
    ];
    for (text, want) in cases {
        assert_eq!(Json::parse(text), Ok(Json::Str(want.into())), "{text}");
    }
    assert_eq!(
        Json::parse(r#""\ud800\u00G0""#),
        Err(
            "JSON tidak valid pada karakter ke-10: `\\u` harus diikuti 4 digit heksadesimal".into()
        )
    );
}

#[test]
fn of_duplicate_keys_the_last_counts_as_in_json_parse() {
    let j = Json::parse(r#"{"a":1,"b":{"c":"x","c":"y"},"a":2}"#).unwrap();
    assert_eq!(j.get("a").and_then(Json::as_i64), Some(2));
    let b = j.get("b").unwrap();
    assert_eq!(b.get("c").and_then(Json::as_str), Some("y"));
    assert_eq!(Obj::of(b).unwrap().req::<String>("c"), Ok("y".into()));
    // A map reads only the last value of a key: an earlier one that does not fit is never read.
    let m: std::collections::BTreeMap<String, u32> =
        from_text(r#"{"k":"tiga","j":1,"k":3}"#).unwrap();
    assert_eq!(
        m.into_iter().collect::<Vec<_>>(),
        vec![("j".into(), 1), ("k".into(), 3)]
    );
    // What a host posts twice is read as JSON.parse would read it.
    let msg: pandu_engine::contract::HostMessage =
        from_text(r#"{"type":"reset","type":"start","sop":"x","sop":"transfer-elektrinet"}"#)
            .unwrap();
    assert_eq!(
        msg,
        pandu_engine::contract::HostMessage::Start {
            sop: "transfer-elektrinet".into(),
            caller: None
        }
    );
}

#[test]
fn stored_times_keep_their_fraction_of_a_second() {
    // The browser's clock gives milliseconds; earlier builds (chrono's serde) stored them.
    let q = r#"{"rows":[{"call_id":"c0","added":"2026-11-22T10:05:00.250","values":[]},{"call_id":"c1","added":"2026-11-22T10:05:00","values":[]}]}"#;
    let queue: Queue = from_text(q).unwrap();
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    assert_eq!(
        queue.rows[0].added,
        day.and_hms_milli_opt(10, 5, 0, 250).unwrap()
    );
    assert_eq!(queue.rows[1].added, day.and_hms_opt(10, 5, 0).unwrap());
    assert_eq!(to_text(&queue), q);
    assert_eq!(
        from_text::<chrono::NaiveDateTime>(r#""2026-11-22T10:05:00.""#),
        Err("diharapkan waktu YYYY-MM-DDTHH:MM:SS, ternyata teks".into())
    );
}
