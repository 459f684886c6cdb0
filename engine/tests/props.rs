//! Property tests: no panic on arbitrary input in the validators, the
//! template renderer and the SOP loader; and random walks of every SOP in
//! `sops/` always end in an outcome.

use pandu_engine::authoring::{load_dir, parse_sop};
use pandu_engine::flow::{Call, Caller, Input, Refusal};
use pandu_engine::json::Json;
use pandu_engine::model::{Catalog, Field, FieldKind, StepKind};
use pandu_engine::template::{render, Env, Honorific};
use pandu_engine::validate::{check, FieldCtx, POWER_STEPS};
use pandu_engine::{lint, ticket};
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::path::Path;

const KINDS: [FieldKind; 13] = FieldKind::ALL;

/// Strings that hit the edges: digits, separators, RTL marks, emoji, markup.
fn odd_string() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9 .+\\-/()]{0,24}",
        "[A-Za-z0-9@._\\-]{0,30}",
        "(INV/)?[0-9]{0,8}/?[IVXLC]{0,4}/?[IVX]{0,4}/?[0-9]{0,10}",
        prop::collection::vec(
            prop_oneof![
                Just("\u{200f}".to_string()),
                Just("\u{202e}".to_string()),
                Just("😀".to_string()),
                Just("<img src=x onerror=alert(1)>".to_string()),
                Just("\n\t".to_string()),
                Just("١٢٣".to_string()),
                "[0-9]{1,4}".prop_map(|s| s),
            ],
            0..12
        )
        .prop_map(|v| v.concat()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn validators_never_panic(raw in odd_string(), against in odd_string(), required: bool) {
        let options = vec!["PB".to_string(), "PD".to_string()];
        for kind in KINDS {
            let ctx = FieldCtx {
                required,
                options: &options,
                min: Some("2021-02-26"),
                max: Some("2021-03-11"),
                against: Some(&against),
            };
            if let Ok(c) = check(kind, &raw, &ctx) {
                // What is stored is what a ticket gets: never multi-line for one-line kinds.
                if kind != FieldKind::Note {
                    prop_assert!(!c.value.contains('\n'), "{kind:?} kept a newline: {:?}", c.value);
                }
            }
        }
    }

    #[test]
    fn the_renderer_never_panics(t in odd_string(), braces in "[{}|a-z/ ]{0,20}", value in odd_string()) {
        let mut vars = BTreeMap::new();
        vars.insert("a".to_string(), value.clone());
        vars.insert("nama".to_string(), value);
        for h in [Honorific::Bapak, Honorific::Ibu, Honorific::Unknown] {
            let env = Env { honorific: h, vars: &vars };
            let _ = render(&t, &env);
            let _ = render(&format!("{t}{braces}{{a|tarif}}{{nama}}"), &env);
        }
    }

    #[test]
    fn the_loader_never_panics_on_garbage(text in any::<String>()) {
        if let Ok(sop) = parse_sop("x.toml", &text) {
            let _ = lint::lint_catalog(&Catalog { sops: vec![sop] });
        }
    }

    #[test]
    fn the_json_reader_never_panics_and_reads_back_what_it_wrote(
        text in prop_oneof![any::<String>(), "[\\[\\]{}\":,0-9.eE+\\-a-z\\\\ ]{0,40}"],
    ) {
        if let Ok(j) = Json::parse(&text) {
            prop_assert_eq!(Json::parse(&j.to_text()), Ok(j));
        }
        // Damaged storage and host packs go through these: no panic either.
        let _ = pandu_engine::json::from_text::<pandu_engine::saved::Saved>(&text);
        let _ = pandu_engine::json::from_text::<Catalog>(&text);
        let s = Json::Str(text.clone());
        prop_assert_eq!(Json::parse(&s.to_text()), Ok(s));
    }

    #[test]
    fn the_finders_substring_search_agrees_with_std(hay in "[a-c é]{0,12}", needle in "[a-c é]{0,3}") {
        prop_assert_eq!(pandu_engine::text::contains(&hay, &needle), hay.contains(needle.as_str()));
    }

    #[test]
    fn the_loader_never_panics_on_damaged_sops(cut in 0usize..20_000, len in 0usize..200, insert in odd_string()) {
        for (file, text) in sop_texts() {
            let chars: Vec<char> = text.chars().collect();
            let at = cut % chars.len().max(1);
            let end = (at + len).min(chars.len());
            let damaged: String = chars[..at].iter().chain(insert.chars().collect::<Vec<_>>().iter()).chain(chars[end..].iter()).collect();
            if let Ok(sop) = parse_sop(&file, &damaged) {
                let _ = lint::lint_catalog(&Catalog { sops: vec![sop] });
            }
        }
    }

    #[test]
    fn random_walks_of_every_sop_end_in_an_outcome(seed in any::<u64>()) {
        let catalog = catalog();
        for sop in &catalog.sops {
            walk(&catalog, &sop.id, seed)?;
        }
    }
}

fn sops_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../sops")
}

fn sop_texts() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(sops_dir()).unwrap().flatten() {
        let p = e.path();
        if p.extension().is_some_and(|x| x == "toml") {
            out.push((
                p.display().to_string(),
                std::fs::read_to_string(&p).unwrap(),
            ));
        }
    }
    out
}

fn catalog() -> Catalog {
    let loaded = load_dir(&sops_dir());
    assert!(loaded.is_clean(), "{}", loaded.report());
    loaded.catalog()
}

/// A small deterministic generator, so a failing seed replays exactly.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A value the field accepts, picked at random among valid ones.
fn valid_value(
    f: &Field,
    rng: &mut Rng,
    same_step: &BTreeMap<String, String>,
    call: &Call,
) -> String {
    match f.kind {
        FieldKind::Text | FieldKind::Note => {
            ["Hana Apsari Namira", "Budi", "DISTRIBUSI JAKARTA RAYA"][rng.pick(3)].into()
        }
        FieldKind::Email => "hana@contoh.co.id".into(),
        FieldKind::Phone => [
            "081234567890",
            "+62 812-3456-789",
            "62.811.222.333",
            "(021) 765-4321",
        ][rng.pick(4)]
        .into(),
        FieldKind::Hp => ["081234567890", "+62 812-3456-789", "62.811.222.333"][rng.pick(3)].into(),
        FieldKind::Idpel => "512345678901".into(),
        FieldKind::Nik => ["3171015201900003", "3171011201900003"][rng.pick(2)].into(),
        // A requested power is above the current one (`against`).
        FieldKind::Power => {
            let floor = f
                .against
                .as_deref()
                .and_then(|a| same_step.get(a))
                .and_then(|v| v.parse::<u32>().ok())
                .unwrap_or(0);
            let above: Vec<u32> = POWER_STEPS.iter().copied().filter(|&p| p > floor).collect();
            match above.len() {
                0 => (floor + 1000).to_string(),
                n => above[rng.pick(n)].to_string(),
            }
        }
        FieldKind::Date => {
            let lo = f
                .min
                .as_deref()
                .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                .unwrap_or(chrono::NaiveDate::from_ymd_opt(2021, 2, 20).unwrap());
            let hi = f
                .max
                .as_deref()
                .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                .unwrap_or(chrono::NaiveDate::from_ymd_opt(2021, 3, 20).unwrap());
            let span = (hi - lo).num_days().max(0) as usize + 1;
            (lo + chrono::Duration::days(rng.pick(span) as i64))
                .format("%d-%m-%Y")
                .to_string()
        }
        FieldKind::Money => "1500000".into(),
        FieldKind::Invoice => "INV/20210305/XXI/III/123456789".into(),
        FieldKind::AccountName => {
            let ktp = f
                .against
                .as_deref()
                .and_then(|a| {
                    same_step
                        .get(a)
                        .cloned()
                        .or_else(|| call.vars().get(a).cloned())
                })
                .unwrap_or_default();
            format!("{}78", ktp.split_whitespace().next().unwrap_or("Hana"))
        }
        FieldKind::Select => f.options[rng.pick(f.options.len())].clone(),
    }
}

fn walk(catalog: &Catalog, sop: &str, seed: u64) -> Result<(), TestCaseError> {
    let mut rng = Rng(seed | 1);
    let caller = Caller {
        name: "Hana Apsari Namira".into(),
        honorific: Honorific::Ibu,
        idpel: String::new(),
        phone: "081234567890".into(),
        ..Caller::default()
    };
    let mut call = Call::start(
        catalog,
        sop,
        caller,
        "acak",
        pandu_engine::dates::parse_iso("2026-01-05").unwrap(),
    )
    .map_err(|e| TestCaseError::fail(e.to_string()))?;
    for _ in 0..300 {
        if call.is_finished(catalog) {
            let now = chrono::NaiveDate::from_ymd_opt(2026, 1, 5)
                .unwrap()
                .and_hms_opt(9, 0, 0)
                .unwrap();
            prop_assert!(ticket::compose(catalog, &call, now).is_some());
            return Ok(());
        }
        let step = call.current(catalog).expect("current step").clone();
        // Now and then step back, to walk re-routed paths too.
        if rng.pick(8) == 0 && call.back(catalog).is_some() {
            continue;
        }
        let input = match &step.kind {
            StepKind::Ask { options, .. } => {
                Input::Choose(options[rng.pick(options.len())].id.clone())
            }
            StepKind::Collect { fields, .. } => {
                let mut values = BTreeMap::new();
                for f in fields {
                    if !f.required && rng.pick(3) == 0 {
                        continue;
                    }
                    let v = valid_value(f, &mut rng, &values, &call);
                    values.insert(f.id.clone(), v);
                }
                Input::Submit(values)
            }
            _ => Input::Continue,
        };
        // Now and then try to go on before saying the must-say lines: refused,
        // the call unchanged; then say them.
        let exempt = match (&step.kind, &input) {
            (StepKind::Ask { options, .. }, Input::Choose(id)) => {
                options.iter().any(|o| &o.id == id && o.skip_must)
            }
            _ => false,
        };
        if !call.unsaid(catalog).is_empty() && !exempt && rng.pick(2) == 0 {
            let before = call.clone();
            prop_assert!(matches!(
                call.answer(catalog, input.clone()),
                Err(Refusal::Unsaid(_))
            ));
            prop_assert_eq!(&call, &before);
        }
        call.tick_all(catalog);
        match call.answer(catalog, input.clone()) {
            Ok(_) => {}
            Err(Refusal::Invalid(errs)) => {
                return Err(TestCaseError::fail(format!(
                    "{sop}/{}: valid input {input:?} refused: {errs:?}",
                    step.id
                )))
            }
            Err(e) => return Err(TestCaseError::fail(format!("{sop}/{}: {e}", step.id))),
        }
    }
    Err(TestCaseError::fail(format!(
        "{sop}: no outcome after 300 actions (at {})",
        call.at.step
    )))
}
