//! Every lint rule has a fixture under `tests/fixtures/lint/<rule>/` that
//! fails it; `expect.txt` lists the report's lines (a line ending in a space
//! matches as a prefix, for parser messages we do not own), and
//! `warnings.txt`, where there is one, the warnings exactly.

use pandu_engine::authoring::load_dir;
use std::path::Path;

fn check(case: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/lint")
        .join(case);
    let expect = std::fs::read_to_string(dir.join("expect.txt")).expect("expect.txt");
    let expected: Vec<&str> = expect.lines().filter(|l| !l.is_empty()).collect();
    let report = load_dir(&dir).report();
    let got: Vec<&str> = report.lines().collect();
    assert_eq!(
        got.len(),
        expected.len(),
        "{case}: report\n{report}\nexpected\n{expect}"
    );
    for e in &expected {
        let ok = if e.ends_with(' ') {
            got.iter().any(|g| g.starts_with(e))
        } else {
            got.contains(e)
        };
        assert!(ok, "{case}: missing `{e}` in report:\n{report}");
    }
    let loaded = load_dir(&dir);
    let warnings = std::fs::read_to_string(dir.join("warnings.txt")).unwrap_or_default();
    assert_eq!(
        loaded.warnings_report(),
        warnings.trim_end(),
        "{case}: warnings"
    );
}

#[test]
fn a_clean_sop_has_no_error() {
    check("clean");
}

#[test]
fn reference_to_an_unknown_step() {
    check("unknown-step");
}

#[test]
fn unreachable_step() {
    check("unreachable");
}

#[test]
fn dead_end() {
    check("dead-end");
}

#[test]
fn cycle_with_no_exit() {
    check("cycle");
}

#[test]
fn unknown_placeholder_and_filter() {
    check("unknown-placeholder");
}

#[test]
fn placeholder_not_set_on_every_path() {
    check("placeholder-not-always-set");
}

#[test]
fn duplicate_step_and_sop_ids() {
    check("duplicate-ids");
}

#[test]
fn invalid_dates() {
    check("invalid-dates");
}

#[test]
fn include_cycle_and_unknown_include() {
    check("include");
}

#[test]
fn clause_must_cite_the_seed() {
    check("clause");
}

#[test]
fn a_keyword_no_evaluation_sentence_uses_is_a_warning() {
    check("keyword-unused");
}

#[test]
fn a_keyword_two_sops_share_is_a_warning() {
    check("keyword-shared");
}

#[test]
fn an_evaluation_case_for_an_unknown_sop_is_an_error() {
    let dir = std::env::temp_dir().join(format!("pandu-eval-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lint/keyword-unused");
    std::fs::copy(fixture.join("contoh.toml"), dir.join("contoh.toml")).unwrap();
    std::fs::write(
        dir.join("x.eval.toml"),
        "[[case]]\nsop = \"tidak-ada\"\nsays = [\"halo\"]\n",
    )
    .unwrap();
    let report = load_dir(&dir).report();
    std::fs::remove_dir_all(&dir).unwrap();
    let name = dir.file_name().unwrap().to_str().unwrap().to_string();
    assert_eq!(
        report,
        format!("{name}/x.eval.toml: SOP `tidak-ada` tidak ada")
    );
}

#[test]
fn malformed_toml_names_file_and_line() {
    check("malformed");
}

#[test]
fn a_misspelt_key_is_refused_with_its_line() {
    check("unknown-key");
}
