//! The draft's scenarios: run against the catalogue with the draft in it,
//! each passed or failed with the differences (ticket fields first, as
//! `scenario::run` words them), a scenario's path for the map, and a walk
//! of the preview recorded as a scenario file. Pure.

use pandu_engine::authoring::{self, LoadError};
use pandu_engine::flow::Call;
use pandu_engine::scenario::{self, Scenario};
use pandu_engine::ticket::Composed;
use pandu_engine::{Catalog, Sop};
use std::collections::BTreeSet;

/// One scenario's result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub name: String,
    pub passed: bool,
    /// Each difference found (empty when passed).
    pub differences: Vec<String>,
}

/// `base` with `draft` in place of the SOP of its id (or added).
pub fn with_draft(base: &Catalog, draft: &Sop) -> Catalog {
    let mut sops: Vec<Sop> = base
        .sops
        .iter()
        .filter(|s| s.id != draft.id)
        .cloned()
        .collect();
    sops.push(draft.clone());
    Catalog { sops }
}

/// The scenarios of a `*.scenarios.toml` text.
pub fn parse(file: &str, text: &str) -> Result<Vec<Scenario>, LoadError> {
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    authoring::parse_scenarios(file, text).map(|f| f.scenarios)
}

/// Run every scenario on `catalog`.
pub fn run_all(catalog: &Catalog, scenarios: &[Scenario]) -> Vec<Outcome> {
    scenarios
        .iter()
        .map(|sc| match scenario::run(catalog, sc) {
            Ok(_) => Outcome {
                name: sc.name.clone(),
                passed: true,
                differences: Vec::new(),
            },
            Err(e) => Outcome {
                name: sc.name.clone(),
                passed: false,
                differences: e.split("; ").map(str::to_string).collect(),
            },
        })
        .collect()
}

/// The map's ids of the steps a scenario passes through (as far as it
/// walks): top-level steps by id, steps of an included SOP as
/// `include-step/step`, as `map::layout` names them when expanded.
pub fn path(catalog: &Catalog, sc: &Scenario) -> BTreeSet<String> {
    let mut last: Option<Call> = None;
    let _ = scenario::run_observed(catalog, sc, &mut |c| last = Some(c.clone()));
    let mut out = BTreeSet::new();
    let Some(call) = last else { return out };
    let mut top = String::new();
    for pos in call.path.iter().map(|e| &e.pos).chain([&call.at]) {
        if pos.stack.is_empty() {
            top = pos.step.clone();
            out.insert(top.clone());
        } else if pos.stack.len() == 1 {
            out.insert(format!("{top}/{}", pos.step));
        }
    }
    out
}

/// A preview walk, at its outcome, as a `*.scenarios.toml` text of one scenario.
pub fn record(call: &Call, composed: &Composed, name: &str, now: &str) -> Result<String, String> {
    authoring::scenarios_toml(vec![scenario::record(call, composed, name, now)])
}

/// `extra` (a scenario file's text) appended to `text`, one blank line between.
pub fn append(text: &str, extra: &str) -> String {
    let head = text.trim_end();
    if head.is_empty() {
        extra.to_string()
    } else {
        format!("{head}\n\n{extra}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn sops() -> (Catalog, String) {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sops");
        let loaded = authoring::load_dir(&dir);
        let text = std::fs::read_to_string(dir.join("transfer-elektrinet.scenarios.toml")).unwrap();
        (loaded.catalog(), text)
    }

    #[test]
    fn the_seed_scenarios_pass_and_a_changed_ticket_shows_its_field() {
        let (cat, text) = sops();
        let scs = parse("s.toml", &text).unwrap();
        let results = run_all(&cat, &scs);
        assert!(!results.is_empty());
        assert!(results.iter().all(|r| r.passed), "{results:?}");
        // The APKT ticket of the draft says something else.
        let mut sop = cat.get("transfer-elektrinet").unwrap().clone();
        for step in &mut sop.steps {
            if let pandu_engine::StepKind::Outcome { tickets, .. } = &mut step.kind {
                for t in tickets {
                    for f in &mut t.fields {
                        if f.name == "Tipe Keluhan" {
                            f.value = "Lain".into();
                        }
                    }
                }
            }
        }
        let results = run_all(&with_draft(&cat, &sop), &scs);
        let failed: Vec<&Outcome> = results.iter().filter(|r| !r.passed).collect();
        assert!(!failed.is_empty());
        assert!(
            failed[0]
                .differences
                .iter()
                .any(|d| d.contains("Tipe Keluhan") && d.contains("diharapkan")),
            "{failed:?}"
        );
    }

    #[test]
    fn a_path_holds_the_steps_walked_and_a_recorded_walk_replays() {
        let (cat, text) = sops();
        let sc = &parse("s.toml", &text).unwrap()[0];
        let p = path(&cat, sc);
        assert!(p.contains("tanya-produk"), "{p:?}");
        assert!(p.contains(sc.expect.outcome.as_deref().unwrap()), "{p:?}");
        // Walk it, record it, read it back, run it.
        let mut last = None;
        let composed = scenario::run_observed(&cat, sc, &mut |c| last = Some(c.clone())).unwrap();
        let toml = record(&last.unwrap(), &composed, "Rekaman", &sc.now).unwrap();
        let back = parse("r.toml", &toml).unwrap();
        assert_eq!(back.len(), 1);
        assert!(run_all(&cat, &back)[0].passed);
        assert_eq!(append("a\n\n", "b"), "a\n\nb");
        assert_eq!(append("  ", "b"), "b");
    }
}
