//! Pandu's JSON reader and writer held to a second implementation: serde_json
//! stands in for the browser's `JSON.parse` and `JSON.stringify`.
//!
//! Where serde_json differs from `JSON.parse` on purpose, the test says so and
//! asks serde_json about the text `JSON.parse` would read (`as_js_reads`):
//! - lone surrogates (`"\ud800"`): `JSON.parse` keeps them in the string,
//!   serde_json refuses them; a Rust `String` cannot hold them, so Pandu reads
//!   each as U+FFFD;
//! - numbers beyond f64 (`1e400`): `JSON.parse` reads `Infinity`, serde_json
//!   refuses them; Pandu keeps numbers as written and accepts them;
//! - nesting: Pandu refuses more than 65 levels (hostile input must not
//!   overflow the stack), serde_json more than 127, `JSON.parse` only far
//!   deeper; the generated texts stay well below (see the last test).

use pandu_engine::json::Json;
use proptest::prelude::*;
use serde::Serialize;
use serde_json::Value;

/// Pandu's value as serde_json holds it; objects through `Json::get`, so a
/// duplicate key reads as its last value, as in `JSON.parse` and serde_json.
fn to_serde(j: &Json) -> Value {
    match j {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(*b),
        // Beyond f64: JSON.parse's Infinity, which serde_json cannot hold (see `as_js_reads`).
        Json::Num(n) => serde_json::from_str(n).unwrap_or(Value::from(0)),
        Json::Str(s) => Value::String(s.clone()),
        Json::Arr(items) => Value::Array(items.iter().map(to_serde).collect()),
        Json::Obj(fields) => Value::Object(
            fields
                .iter()
                .map(|(k, _)| (k.clone(), to_serde(j.get(k).unwrap())))
                .collect(),
        ),
    }
}

/// The text with what serde_json refuses and `JSON.parse` reads replaced by
/// what Pandu reads it as: a lone surrogate escape by `\ufffd`, a number
/// beyond f64 by `0`. String state is tracked as JSON defines it; past the
/// first error the text is refused either way, so what follows does not matter.
fn as_js_reads(text: &str) -> String {
    let hex = |at: usize| {
        let h = text.get(at..at + 4)?;
        h.bytes()
            .all(|b| b.is_ascii_hexdigit())
            .then(|| u32::from_str_radix(h, 16).ok())?
    };
    let mut out = String::new();
    let mut in_str = false;
    let mut i = 0;
    while let Some(c) = text[i..].chars().next() {
        if in_str && c == '\\' && text[i + 1..].starts_with('u') {
            if let Some(u) = hex(i + 2) {
                let low_next = text[i + 6..].starts_with("\\u")
                    && hex(i + 8).is_some_and(|l| (0xDC00..0xE000).contains(&l));
                if (0xD800..0xDC00).contains(&u) && low_next {
                    out.push_str(&text[i..i + 12]);
                    i += 12;
                } else if (0xD800..0xE000).contains(&u) {
                    out.push_str("\\ufffd");
                    i += 6;
                } else {
                    out.push_str(&text[i..i + 6]);
                    i += 6;
                }
                continue;
            }
        }
        if in_str && c == '\\' {
            // Any other escape: the next character cannot end the string.
            let next = text[i + 1..].chars().next().map_or(0, char::len_utf8);
            out.push_str(&text[i..i + 1 + next]);
            i += 1 + next;
            continue;
        }
        if !in_str && (c == '-' || c.is_ascii_digit()) {
            let len = text[i..]
                .find(|c: char| !matches!(c, '0'..='9' | '-' | '+' | '.' | 'e' | 'E'))
                .unwrap_or(text.len() - i);
            let run = &text[i..i + len];
            // Only the number itself becomes 0: what follows it in the run
            // (`1e400-`) stays, to be refused on both sides.
            let (number, after) = run.split_at(number_len(run));
            let beyond = serde_json::from_str::<Value>(number)
                .is_err_and(|e| e.to_string().starts_with("number out of range"));
            out.push_str(if beyond { "0" } else { number });
            out.push_str(after);
            i += len;
            continue;
        }
        if c == '"' {
            in_str = !in_str;
        }
        out.push(c);
        i += c.len_utf8();
    }
    out
}

/// The length of the JSON number at the start of `s` (RFC 8259's grammar:
/// `-? int frac? exp?`), 0 when there is none.
fn number_len(s: &str) -> usize {
    let b = s.as_bytes();
    let digits = |from: usize| from + b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let mut i = usize::from(b.first() == Some(&b'-'));
    match b.get(i) {
        Some(b'0') => i += 1,
        Some(b'1'..=b'9') => i = digits(i),
        _ => return 0,
    }
    if b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
        i = digits(i + 1);
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        let sign = usize::from(matches!(b.get(i + 1), Some(b'+' | b'-')));
        if b.get(i + 1 + sign).is_some_and(u8::is_ascii_digit) {
            i = digits(i + 1 + sign);
        }
    }
    i
}

/// Characters that make JSON strings interesting: any at all, control
/// characters, the ones JSON escapes, astral ones (surrogate pairs when escaped).
fn a_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => any::<char>(),
        2 => proptest::char::range('a', 'z'),
        1 => proptest::char::range('\u{0}', '\u{1f}'),
        1 => prop::sample::select(vec!['"', '\\', '/', '\u{7f}', 'é', 'Ş', '\u{2028}', '\u{feff}', '\u{fffd}']),
        1 => proptest::char::range('\u{1f300}', '\u{1faff}'),
    ]
}

fn a_string(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(a_char(), 0..max).prop_map(String::from_iter)
}

/// Numbers as serde_json writes them: integers of either sign, any finite f64.
fn a_number() -> impl Strategy<Value = serde_json::Number> {
    prop_oneof![
        any::<i64>().prop_map(serde_json::Number::from),
        any::<u64>().prop_map(serde_json::Number::from),
        (-1000i64..1000).prop_map(serde_json::Number::from),
        any::<f64>().prop_filter_map("finite", serde_json::Number::from_f64),
    ]
}

fn a_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        a_number().prop_map(Value::Number),
        a_string(12).prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(a_string(6), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Pandu's own values, with keys from a small pool so that objects often
/// hold a key twice.
fn a_pandu_value() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        a_number().prop_map(|n| Json::Num(n.to_string())),
        a_string(12).prop_map(Json::Str),
    ];
    let key = prop_oneof![
        prop::sample::select(vec!["a", "b", "é", "😀", ""]).prop_map(String::from),
        a_string(6),
    ];
    leaf.prop_recursive(5, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Json::Arr),
            prop::collection::vec((key.clone(), inner), 0..6).prop_map(Json::Obj),
        ]
    })
}

/// serde_json's writer with every non-ASCII character escaped, astral ones
/// as surrogate pairs (`JSON.stringify` writes them as they are; other
/// writers, Python's among them, escape).
struct AsciiOnly;

impl serde_json::ser::Formatter for AsciiOnly {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        for c in fragment.chars() {
            if c.is_ascii() {
                w.write_all(&[c as u8])?;
            } else {
                for unit in c.encode_utf16(&mut [0; 2]) {
                    write!(w, "\\u{unit:04X}")?;
                }
            }
        }
        Ok(())
    }
}

fn ascii_only(v: &Value) -> String {
    let mut out = Vec::new();
    v.serialize(&mut serde_json::Serializer::with_formatter(
        &mut out, AsciiOnly,
    ))
    .unwrap();
    String::from_utf8(out).unwrap()
}

/// Texts near JSON: pieces of JSON run together, and valid texts with one
/// character deleted, replaced or inserted.
fn a_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        prop::sample::select(vec![
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            "\"",
            "\\",
            "\\u",
            "\\ud83d",
            "\\ude00",
            "\\ud800",
            "\\u00e9",
            "\\n",
            "\\x",
            "d83d",
            "0",
            "1",
            "9",
            "-",
            "+",
            ".",
            "e",
            "E",
            "true",
            "fals",
            "null",
            " ",
            "\n",
            "\t",
            "\r",
            "\u{a0}",
            "\u{feff}",
            "é",
            "😀",
            "\u{1}",
            "1e400",
            "\"a\"",
            "{\"a\":1}",
        ])
        .prop_map(String::from),
        a_char().prop_map(String::from),
    ];
    let mutated =
        (a_value(), any::<prop::sample::Index>(), 0..3u8, a_char()).prop_map(|(v, at, how, c)| {
            let text = if how == 0 {
                ascii_only(&v)
            } else {
                v.to_string()
            };
            let mut chars: Vec<char> = text.chars().collect();
            let at = at.index(chars.len() + 1);
            match how {
                0 if at < chars.len() => {
                    chars.remove(at);
                }
                1 if at < chars.len() => chars[at] = c,
                _ => chars.insert(at, c),
            }
            chars.into_iter().collect()
        });
    // Strings of escapes, surrogates lone and paired among them.
    let escapes = prop::collection::vec(
        prop::sample::select(vec![
            "\\ud800", "\\udbff", "\\udc00", "\\udfff", "\\ud83d", "\\ude00", "\\uD83D", "\\uDE00",
            "\\u0041", "\\u00", "\\n", "\\\"", "\\\\", "a", "é",
        ]),
        0..8,
    )
    .prop_map(|p| format!("[\"{}\"]", p.concat()));
    prop_oneof![
        2 => prop::collection::vec(piece, 0..16).prop_map(|p| p.concat()),
        2 => mutated,
        2 => escapes,
        1 => any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// What serde_json writes (compact as `JSON.stringify`, indented, or
    /// with every non-ASCII character escaped), Pandu reads as the same value;
    /// and writes the compact text again byte for byte.
    #[test]
    fn pandu_reads_what_serde_json_writes(v in a_value()) {
        let compact = serde_json::to_string(&v).unwrap();
        let j = Json::parse(&compact).unwrap();
        prop_assert_eq!(to_serde(&j), serde_json::from_str::<Value>(&compact).unwrap());
        prop_assert_eq!(j.to_text(), compact);
        for text in [serde_json::to_string_pretty(&v).unwrap(), ascii_only(&v)] {
            prop_assert_eq!(Json::parse(&text), Ok(j.clone()), "{}", text);
        }
    }

    /// What Pandu writes, serde_json reads as the same value (a key written
    /// twice counts with its last value on both sides), and so does Pandu.
    #[test]
    fn serde_json_reads_what_pandu_writes(j in a_pandu_value()) {
        let text = j.to_text();
        let read: Value = serde_json::from_str(&text).map_err(|e| TestCaseError::fail(format!("{e}: {text}")))?;
        prop_assert_eq!(read, to_serde(&j));
        prop_assert_eq!(Json::parse(&text), Ok(j));
    }

    /// Any text: accepted by both or refused by both, and when accepted, read
    /// as the same value.
    #[test]
    fn pandu_accepts_what_json_parse_accepts(text in a_text()) {
        // Some builds of serde_json read an exponent too large for a float up
        // to its last digit and take what follows (`-1e746951.5` as 0), an
        // error in JSON.parse and in Pandu: not a difference of Pandu's.
        prop_assume!(!huge_exponent(&text));
        let js = as_js_reads(&text);
        match (Json::parse(&text), serde_json::from_str::<Value>(&js)) {
            (Ok(j), Ok(v)) => prop_assert_eq!(to_serde(&j), v, "{:?}", text),
            (Err(_), Err(_)) => {}
            (pandu, serde) => prop_assert!(false, "{:?}: Pandu {:?}, serde_json {:?}", text, pandu, serde),
        }
    }
}

/// An exponent of four digits or more (`1e1000`): past any float.
fn huge_exponent(text: &str) -> bool {
    let b = text.as_bytes();
    b.iter().enumerate().any(|(i, &c)| {
        matches!(c, b'e' | b'E') && {
            let rest = &b[i + 1..];
            let rest = rest
                .strip_prefix(b"-")
                .or(rest.strip_prefix(b"+"))
                .unwrap_or(rest);
            rest.iter().take_while(|d| d.is_ascii_digit()).count() >= 4
        }
    })
}

#[test]
fn an_overflowing_exponent_with_text_after_it_is_refused() {
    assert!(Json::parse("-1e746951.14781735").is_err());
    // Read as JSON.parse would, the text after the number stays: refused.
    assert_eq!(as_js_reads("1e400-"), "0-");
    assert_eq!(as_js_reads("[1e400,2e-3]"), "[0,2e-3]");
    assert!(Json::parse("1e400-").is_err() && serde_json::from_str::<Value>("0-").is_err());
    assert!(huge_exponent("[1, -1e746951]") && !huge_exponent("1e400"));
}

/// The differences themselves, and the helper that stands for them.
#[test]
fn where_serde_json_differs_from_json_parse_on_purpose() {
    // Lone surrogates: refused by serde_json, kept by JSON.parse, U+FFFD in Pandu.
    let text = r#"["\ud800\ud83d\ude00", "\udc00", "\ud800\u0041"]"#;
    assert!(serde_json::from_str::<Value>(text).is_err());
    assert_eq!(
        as_js_reads(text),
        r#"["\ufffd\ud83d\ude00", "\ufffd", "\ufffd\u0041"]"#
    );
    assert_eq!(
        to_serde(&Json::parse(text).unwrap()),
        serde_json::json!(["\u{FFFD}😀", "\u{FFFD}", "\u{FFFD}A"])
    );
    // Numbers beyond f64: refused by serde_json, Infinity in JSON.parse, kept as written in Pandu.
    assert!(serde_json::from_str::<Value>("[1e400]").is_err());
    assert_eq!(as_js_reads("[1e400, -1E+999, 1e-400]"), "[0, 0, 1e-400]");
    assert_eq!(
        Json::parse("[1e400]"),
        Ok(Json::Arr(vec![Json::Num("1e400".into())]))
    );
    // Inside strings nothing is a number; escapes other than `\u` are left alone.
    assert_eq!(
        as_js_reads(r#"{"1e400\"\\":"\\ud800"}"#),
        r#"{"1e400\"\\":"\\ud800"}"#
    );
    // Nesting: 65 levels of arrays in Pandu, 127 in serde_json.
    let nest = |n: usize| "[".repeat(n) + &"]".repeat(n);
    assert!(Json::parse(&nest(65)).is_ok());
    assert!(Json::parse(&nest(66)).is_err());
    assert!(serde_json::from_str::<Value>(&nest(127)).is_ok());
    assert!(serde_json::from_str::<Value>(&nest(128)).is_err());
}
