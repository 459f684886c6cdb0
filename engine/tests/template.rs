//! Template rendering: honorifics, names, filters, and no blanks.

use pandu_engine::template::{parse, placeholders, render, Env, Honorific};
use std::collections::BTreeMap;

fn vars(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn honorific_long_and_short_with_a_neutral_fallback() {
    let t = "Baik {Bapak/Ibu} {nama}, mohon ditunggu ya {Pak/Bu} ...?";
    let v = vars(&[("nama", "Budi")]);
    let r = |h| {
        render(
            t,
            &Env {
                honorific: h,
                vars: &v,
            },
        )
    };
    assert_eq!(
        r(Honorific::Bapak),
        "Baik Bapak Budi, mohon ditunggu ya Pak ...?"
    );
    assert_eq!(
        r(Honorific::Ibu),
        "Baik Ibu Budi, mohon ditunggu ya Bu ...?"
    );
    assert_eq!(
        r(Honorific::Unknown),
        "Baik Bapak/Ibu Budi, mohon ditunggu ya Bapak/Ibu ...?"
    );
}

#[test]
fn an_empty_name_leaves_no_double_space_or_space_before_a_comma() {
    let v = vars(&[]);
    let env = Env {
        honorific: Honorific::Ibu,
        vars: &v,
    };
    assert_eq!(
        render("Baik {Bapak/Ibu} {nama}, terima kasih", &env),
        "Baik Ibu, terima kasih"
    );
    assert_eq!(render("Halo {nama} dan {Pak/Bu}", &env), "Halo dan Bu");
}

#[test]
fn filters() {
    let v = vars(&[
        ("daya", "2200"),
        ("harga", "1500000"),
        ("tgl", "2021-03-05"),
        ("x", "Abc"),
    ]);
    let env = Env {
        honorific: Honorific::Unknown,
        vars: &v,
    };
    assert_eq!(render("{daya|tarif}/{daya}VA", &env), "R1/2200VA");
    assert_eq!(render("{harga|rupiah}", &env), "Rp1.500.000");
    assert_eq!(render("{tgl|tanggal}", &env), "05-03-2021");
    assert_eq!(render("{x|upper} {x|lower}", &env), "ABC abc");
}

#[test]
fn an_unknown_placeholder_shows_its_name_never_a_blank() {
    let v = vars(&[]);
    let env = Env {
        honorific: Honorific::Unknown,
        vars: &v,
    };
    assert_eq!(render("Email: {email}", &env), "Email: [email]");
}

#[test]
fn literal_braces_and_malformed_templates() {
    assert_eq!(
        placeholders("a {{b}} {c|upper}").unwrap(),
        vec![("c", Some("upper"))]
    );
    assert_eq!(
        parse("a {b").unwrap_err(),
        "placeholder tidak ditutup dengan `}`"
    );
    assert_eq!(
        parse("a } b").unwrap_err(),
        "tanda `}` tanpa pasangan `{` (tulis `}}` untuk kurung kurawal biasa)"
    );
    assert_eq!(parse("{}").unwrap_err(), "placeholder kosong `{}`");
    let v = vars(&[]);
    let env = Env {
        honorific: Honorific::Unknown,
        vars: &v,
    };
    assert_eq!(render("{{ok}}", &env), "{ok}");
}
