//! Storage keys: every key Pandu writes is recognised again from the key
//! alone, so start-up knows what to restore, what to quarantine and what to
//! leave to a newer build.

use pandu_engine::saved::{
    call_key, history_key, parse_key, quarantine_key, queue_key, sops_key, tab_key, Key, FORMAT,
    PREFIX,
};

#[test]
fn every_key_pandu_writes_starts_with_the_prefix_and_reads_back() {
    for key in [
        call_key("a-1"),
        sops_key("a-1"),
        history_key(),
        queue_key(),
        tab_key(),
    ] {
        assert!(key.starts_with(PREFIX), "{key}");
    }
    assert_eq!(parse_key(&call_key("a-1")), Some(Key::Call("a-1".into())));
    assert_eq!(
        parse_key(&call_key("id:with:colons")),
        Some(Key::Call("id:with:colons".into()))
    );
    assert_eq!(
        parse_key(&sops_key("a:1")),
        Some(Key::CallSops("a:1".into()))
    );
    assert_eq!(parse_key(&history_key()), Some(Key::History));
    assert_eq!(parse_key(&queue_key()), Some(Key::Queue));
    assert_eq!(parse_key(&tab_key()), Some(Key::Tab));
    let q = quarantine_key(&call_key("x"), "20261122T090000");
    assert_eq!(
        q,
        format!("pandu:karantina:20261122T090000:pandu:v{FORMAT}:call:x")
    );
    assert_eq!(parse_key(&q), Some(Key::Quarantined));
}

#[test]
fn older_formats_are_quarantined_newer_ones_left_alone() {
    assert_eq!(parse_key("pandu:v0:call:x"), Some(Key::Old));
    assert_eq!(
        parse_key("pandu:call:x"),
        Some(Key::Old),
        "before versioned keys"
    );
    assert_eq!(parse_key("pandu:"), Some(Key::Old));
    assert_eq!(
        parse_key(&format!("pandu:v{}:call:x", FORMAT + 1)),
        Some(Key::Newer)
    );
    assert_eq!(
        parse_key(&format!("pandu:v{FORMAT}:something-new")),
        Some(Key::Unknown)
    );
    assert_eq!(
        parse_key(&format!("pandu:v{FORMAT}:call:")),
        Some(Key::Unknown)
    );
    assert_eq!(parse_key("other-app:v1:call:x"), None);
    assert_eq!(
        parse_key("Pandu:v1:call:x"),
        None,
        "keys are case-sensitive"
    );
}
