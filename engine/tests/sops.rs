//! Every file in `sops/`: it parses, the lint is clean, every scenario walks
//! to its expected tickets, and every outcome of every SOP is reached by one.

use pandu_engine::authoring::load_dir;
use pandu_engine::model::StepKind;
use pandu_engine::scenario;
use std::collections::BTreeSet;
use std::path::Path;

fn sops_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../sops")
}

#[test]
fn sop_files_parse_and_lint_clean() {
    let loaded = load_dir(&sops_dir());
    assert!(loaded.is_clean(), "\n{}\n", loaded.report());
    assert!(!loaded.sources.is_empty(), "no SOP in sops/");
}

#[test]
fn every_scenario_walks_to_its_tickets() {
    let loaded = load_dir(&sops_dir());
    let catalog = loaded.catalog();
    let mut failures = Vec::new();
    let mut count = 0;
    for (file, sf) in &loaded.scenarios {
        for sc in &sf.scenarios {
            count += 1;
            if let Err(e) = scenario::run(&catalog, sc) {
                failures.push(format!("{file}: \"{}\": {e}", sc.name));
            }
        }
    }
    assert!(count > 0, "no scenario found");
    assert!(failures.is_empty(), "\n{}\n", failures.join("\n"));
}

#[test]
fn every_outcome_is_reached_by_a_scenario() {
    let loaded = load_dir(&sops_dir());
    let catalog = loaded.catalog();
    let mut reached = BTreeSet::new();
    for (_, sf) in &loaded.scenarios {
        for sc in &sf.scenarios {
            if let Ok(c) = scenario::run(&catalog, sc) {
                reached.insert((c.sop.clone(), c.outcome.clone()));
            }
        }
    }
    let mut missing = Vec::new();
    for sop in &catalog.sops {
        for step in &sop.steps {
            if matches!(step.kind, StepKind::Outcome { .. })
                && !reached.contains(&(sop.id.clone(), step.id.clone()))
            {
                // A sub-flow's outcome is reached when it runs on its own.
                missing.push(format!("{} / {}", sop.id, step.id));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "outcomes no scenario reaches:\n{}",
        missing.join("\n")
    );
}

/// "Langkah N dari ±M" never under-reads: at every point of every scenario
/// the steps still shown as left (M − N + 1, the outcome included) are at
/// least three quarters of the steps that really remained on that walk.
#[test]
fn the_step_count_never_under_reads_the_steps_left() {
    let loaded = load_dir(&sops_dir());
    let catalog = loaded.catalog();
    let mut worst = Vec::new();
    let mut points = 0;
    for (file, sf) in &loaded.scenarios {
        for sc in &sf.scenarios {
            // (topics before, answered, estimated total) at each point of the walk.
            let mut seen: Vec<(usize, usize, usize)> = Vec::new();
            scenario::run_observed(&catalog, sc, &mut |call| {
                if !call.closing {
                    let (done, total) = call.progress(&catalog);
                    seen.push((call.earlier.len(), done, total));
                }
            })
            .unwrap_or_else(|e| panic!("{file}: {}: {e}", sc.name));
            let Some(&(_, _, _)) = seen.last() else {
                continue;
            };
            for (i, &(topic, done, total)) in seen.iter().enumerate() {
                // What really remained of this topic: answers still to come, and its outcome.
                let last = seen
                    .iter()
                    .rev()
                    .find(|s| s.0 == topic)
                    .expect("this topic's own point");
                let real = last.1 - done + 1;
                let shown = total - done;
                points += 1;
                if shown * 4 < real * 3 {
                    worst.push(format!(
                        "{file}: \"{}\" point {i}: ±{shown} steps left shown, {real} really left",
                        sc.name
                    ));
                }
            }
        }
    }
    assert!(points > 300, "only {points} points looked at");
    assert!(worst.is_empty(), "\n{}\n", worst.join("\n"));
}

/// A walk recorded as a scenario (the studio's "record from the preview")
/// is written as TOML that reads back and replays to the same tickets.
#[test]
fn a_recorded_walk_replays_to_the_same_tickets() {
    let loaded = load_dir(&sops_dir());
    let catalog = loaded.catalog();
    let mut recorded = 0;
    for (file, sf) in &loaded.scenarios {
        for sc in sf.scenarios.iter().filter(|s| s.expect.earlier.is_empty()) {
            let mut last = None;
            let composed = scenario::run_observed(&catalog, sc, &mut |c| last = Some(c.clone()))
                .unwrap_or_else(|e| panic!("{file}: {e}"));
            let call = last.expect("the call at its outcome");
            let again = scenario::record(&call, &composed, "rekaman", &sc.now);
            let text = pandu_engine::authoring::scenarios_toml(vec![again]).unwrap();
            let back = pandu_engine::authoring::parse_scenarios("rekaman.toml", &text).unwrap();
            let replayed = scenario::run(&catalog, &back.scenarios[0])
                .unwrap_or_else(|e| panic!("{file}: \"{}\" recorded:\n{text}\n{e}", sc.name));
            assert_eq!(replayed.tickets, composed.tickets, "{}", sc.name);
            recorded += 1;
        }
    }
    assert!(recorded > 40, "{recorded}");
}
