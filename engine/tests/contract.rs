//! The embedding contract: message shapes and the origin allow-list.

use pandu_engine::contract::{normalize_origin, HostMessage, Origins, WidgetEvent};
use pandu_engine::template::Honorific;

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
    let m: HostMessage = serde_json::from_str(
        r#"{"pandu":1,"type":"start","sop":"niaga-pln-mobile","caller":{"name":"Hana","honorific":"Ibu","email":"h@x.id","unit":"DISTRIBUSI JAKARTA RAYA"}}"#,
    )
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
    let r: HostMessage = serde_json::from_str(r#"{"type":"reset"}"#).unwrap();
    assert_eq!(r, HostMessage::Reset);
    assert!(serde_json::from_str::<HostMessage>(r#"{"type":"format-disk"}"#).is_err());
}

#[test]
fn widget_events_have_the_documented_shape() {
    let e = WidgetEvent::TransferRequested {
        destination: "CC PLN ICONPLUS".into(),
        number: "1500071".into(),
    };
    assert_eq!(
        serde_json::to_string(&e).unwrap(),
        r#"{"type":"transfer-requested","destination":"CC PLN ICONPLUS","number":"1500071"}"#
    );
}
