//! The embedding contract: message shapes and the origin allow-list.

use pandu_engine::contract::{
    arrival, normalize_origin, read, screen, HostCaller, HostMessage, Origins, WidgetEvent,
};
use pandu_engine::flow::{Call, Input};
use pandu_engine::json::Json;
use pandu_engine::template::Honorific;
use pandu_engine::StepKind;

#[test]
fn origins_are_compared_normalised_and_never_with_a_wildcard() {
    assert_eq!(
        normalize_origin("HTTPS://Console.PLN.co.id:443/").as_deref(),
        Some("https://console.pln.co.id")
    );
    assert_eq!(
        normalize_origin("http://127.0.0.1:8080").as_deref(),
        Some("http://127.0.0.1:8080")
    );
    assert_eq!(normalize_origin("https://a.example/path"), None);
    assert_eq!(normalize_origin("javascript:alert(1)"), None);
    assert_eq!(normalize_origin("null"), None);

    let (o, bad) = Origins::parse("https://apkt.example, *, http://127.0.0.1:9000/ ,ftp://x");
    assert_eq!(bad, vec!["*".to_string(), "ftp://x".to_string()]);
    assert!(o.allows("https://apkt.example"));
    assert!(o.allows("http://127.0.0.1:9000"));
    assert!(!o.allows("https://evil.example"));
    assert!(!o.allows("null"));
    assert_eq!(
        o.target_for("https://apkt.example:443").as_deref(),
        Some("https://apkt.example")
    );
    assert_eq!(o.target_for("https://evil.example"), None);
}

#[test]
fn host_messages_read_from_json() {
    let m: HostMessage = read(&Json::parse(
        r#"{"pandu":1,"type":"start","sop":"niaga-pln-mobile","caller":{"name":"Hana","honorific":"Ibu","email":"h@x.id","unit":"DISTRIBUSI JAKARTA RAYA"}}"#,
    ).unwrap())
    .unwrap()
    .unwrap();
    let HostMessage::Start {
        sop,
        caller: Some(c),
    } = m
    else {
        panic!("{m:?}")
    };
    assert_eq!(sop, "niaga-pln-mobile");
    assert_eq!(c.caller().honorific, Honorific::Ibu);
    assert_eq!(
        c.prefills(),
        vec![("email", "h@x.id"), ("unit", "DISTRIBUSI JAKARTA RAYA")]
    );
    let r = read(&Json::parse(r#"{"pandu":1,"type":"reset"}"#).unwrap());
    assert_eq!(r, Ok(Some(HostMessage::Reset)));
    // Not Pandu's (no `pandu`), or Pandu's but unreadable: the exact reasons.
    assert_eq!(read(&Json::parse(r#"{"type":"reset"}"#).unwrap()), Ok(None));
    assert_eq!(
        read(&Json::parse(r#"{"pandu":1,"type":"start"}"#).unwrap()),
        Err("Pesan `start` tidak terbaca: kunci `sop` tidak ada".into())
    );
    assert_eq!(
        read(&Json::parse(r#"{"pandu":1,"type":"context","caller":{"name":7}}"#).unwrap()),
        Err(
            "Pesan `context` tidak terbaca: `caller`: `name`: diharapkan teks, ternyata angka"
                .into()
        )
    );
}

#[test]
fn widget_events_have_the_documented_shape() {
    let e = WidgetEvent::TransferRequested {
        destination: "CC PLN ICONPLUS".into(),
        number: "1500071".into(),
    };
    assert_eq!(
        pandu_engine::json::to_text(&e),
        r#"{"type":"transfer-requested","destination":"CC PLN ICONPLUS","number":"1500071","pandu":1}"#
    );
}

const TRANSFER_SCENARIO: &str = "Pelanggan ELEKTRINET disambungkan ke CC PLN ICONPLUS 1500071";

fn seeds() -> pandu_engine::Catalog {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../sops");
    let loaded = pandu_engine::authoring::load_dir(&dir);
    assert!(loaded.is_clean(), "{}", loaded.report());
    loaded.catalog()
}

#[test]
fn host_context_prefills_fields_with_the_same_id_as_if_typed() {
    let cat = seeds();
    let host = HostCaller {
        name: "Hana".into(),
        honorific: "ibu".into(),
        email: " hana@contoh.id ".into(),
        unit: "DISTRIBUSI JAKARTA RAYA".into(),
        ..HostCaller::default()
    };
    let mut call = Call::start(
        &cat,
        "transfer-elektrinet",
        host.caller(),
        "c1",
        pandu_engine::dates::parse_iso("2026-01-05").unwrap(),
    )
    .unwrap();
    call.answer(&cat, Input::Choose("elektrinet".into()))
        .unwrap();
    let step = call.current(&cat).unwrap().clone();
    let StepKind::Collect { fields, .. } = &step.kind else {
        panic!("{step:?}")
    };
    let unit = fields.iter().find(|f| f.id == "unit").unwrap();
    assert_eq!(call.field_start_value(unit), "DISTRIBUSI JAKARTA RAYA");
    let sid = fields.iter().find(|f| f.id == "sid").unwrap();
    assert_eq!(call.field_start_value(sid), "");
    assert_eq!(
        call.caller.known.get("email").map(String::as_str),
        Some("hana@contoh.id")
    );
}

fn scenario(name: &str) -> pandu_engine::scenario::Scenario {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../sops");
    let loaded = pandu_engine::authoring::load_dir(&dir);
    loaded
        .scenarios
        .into_iter()
        .flat_map(|(_, f)| f.scenarios)
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no scenario {name}"))
}

fn input(item: &pandu_engine::scenario::WalkItem) -> Input {
    match (&item.choose, &item.fill) {
        (Some(c), _) => Input::Choose(c.clone()),
        (None, Some(f)) => Input::Submit(f.clone()),
        _ => Input::Continue,
    }
}

#[test]
fn arriving_at_a_transfer_step_tells_the_host_where_to() {
    let cat = seeds();
    let sc = scenario(TRANSFER_SCENARIO);
    let mut call = Call::start(
        &cat,
        &sc.sop,
        sc.caller.clone(),
        "c1",
        pandu_engine::dates::parse_iso("2026-01-05").unwrap(),
    )
    .unwrap();
    let first = arrival(&cat, &call);
    assert_eq!(first.len(), 1);
    assert!(
        matches!(&first[0], WidgetEvent::StepChanged { sop, step, .. }
        if sop == "transfer-elektrinet" && step == "tanya-produk")
    );
    let mut seen = Vec::new();
    for item in sc.walk.iter().filter(|i| !i.back && !i.close) {
        // The CSO said the must-say lines.
        call.tick_all(&cat);
        let r = call.answer(&cat, input(item));
        assert_eq!(r.is_err(), !item.errors.is_empty(), "{item:?}");
        seen.extend(arrival(&cat, &call).into_iter().skip(1));
    }
    assert_eq!(
        seen,
        vec![WidgetEvent::TransferRequested {
            destination: "Contact Center PLN ICONPLUS".into(),
            number: "1500071".into(),
        }]
    );
}

#[test]
fn ticket_ready_carries_the_call_the_cso_and_the_full_text() {
    let cat = seeds();
    let sc = scenario(TRANSFER_SCENARIO);
    let composed = pandu_engine::scenario::run(&cat, &sc).unwrap();
    let WidgetEvent::TicketReady {
        call,
        cso,
        sop,
        tickets,
        text,
        ..
    } = WidgetEvent::ticket_ready("c1", "CSO-0042", &composed)
    else {
        panic!()
    };
    assert_eq!(
        (call.as_str(), cso.as_str(), sop.as_str()),
        ("c1", "CSO-0042", "transfer-elektrinet")
    );
    assert_eq!(text, composed.text());
    assert_eq!(tickets.len(), composed.tickets.len());
    assert_eq!(tickets[0].system, composed.tickets[0].system.as_str());
    assert_eq!(tickets[0].fields[0].0, composed.tickets[0].fields[0].name);
}

#[test]
fn only_pandu_messages_of_this_version_are_read() {
    let n = |s: &str| Json::Num(s.into());
    assert_eq!(screen(None, Some("start")), Ok(false));
    assert_eq!(
        screen(Some(&Json::Str("1".into())), Some("start")),
        Ok(false)
    );
    assert_eq!(screen(Some(&n("1")), Some("start")), Ok(true));
    assert_eq!(screen(Some(&n("1.0")), Some("start")), Ok(true));
    assert_eq!(
        screen(Some(&n("2")), Some("start")),
        Err("Pesan kontrak versi 2 tidak didukung; Pandu ini memakai versi 1.".into())
    );
    assert_eq!(
        screen(Some(&n("1")), Some("format-disk")),
        Err("Jenis pesan `format-disk` tidak dikenal (kontrak Pandu versi 1: context, start, reset).".into())
    );
}
