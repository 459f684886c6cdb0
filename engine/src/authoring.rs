//! Reading SOP and scenario files from TOML. Only the build script and the
//! tests use this: the widget receives SOPs already checked, as JSON, so no
//! TOML parser ships in the wasm.

use crate::lint::{self, LintError, Source};
use crate::model::keys::*;
use crate::model::{Catalog, Sop};
use crate::scenario::ScenarioFile;
use crate::search::{EvalFile, Prepared};
use std::path::Path;

/// A file that could not be read as an SOP: file, line and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}: {}", self.file, l, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

fn toml_error(file: &str, text: &str, e: toml::de::Error) -> LoadError {
    let line = e
        .span()
        .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
    LoadError {
        file: file.to_string(),
        line,
        message: e.message().trim().to_string(),
    }
}

/// Parse one SOP file. Keys the format does not know are refused: serde
/// would skip them silently, and a misspelt `next` would quietly fall
/// through to the step below.
pub fn parse_sop(file: &str, text: &str) -> Result<Sop, LoadError> {
    let sop: Sop = toml::from_str(text).map_err(|e| toml_error(file, text, e))?;
    let value: toml::Table = toml::from_str(text).map_err(|e| toml_error(file, text, e))?;
    unknown_keys(&value, SOP_KEYS, "").map_or(Ok(sop), |(key, at)| {
        let line = text.lines().position(|l| key_at(l, &key)).map(|i| i + 1);
        Err(LoadError {
            file: file.to_string(),
            line,
            message: format!(
                "kunci `{key}` tidak dikenal{at}; periksa ejaannya (lihat docs/SOP-FORMAT.md)"
            ),
        })
    })
}

/// Whether `line` assigns `key` (`key =` after a start, space, `{` or `,`).
fn key_at(line: &str, key: &str) -> bool {
    line.match_indices(key).any(|(i, _)| {
        let before_ok = line[..i]
            .chars()
            .next_back()
            .is_none_or(|c| matches!(c, ' ' | '\t' | '{' | ','));
        before_ok && line[i + key.len()..].trim_start().starts_with('=')
    })
}

/// The first key not in the format, with where it was (" di langkah `x`").
fn unknown_keys(t: &toml::Table, allowed: &[&str], at: &str) -> Option<(String, String)> {
    let tables = |v: &toml::Value| -> Vec<toml::Table> {
        match v {
            toml::Value::Array(a) => a.iter().filter_map(|x| x.as_table().cloned()).collect(),
            toml::Value::Table(t) => vec![t.clone()],
            _ => Vec::new(),
        }
    };
    for (k, v) in t {
        if !allowed.contains(&k.as_str()) {
            return Some((k.clone(), at.to_string()));
        }
        let (child, here): (&[&str], String) = match (allowed, k.as_str()) {
            (a, "step" | "steps") if a == SOP_KEYS => (STEP_KEYS, String::new()),
            (a, "option" | "options") if a == STEP_KEYS => (OPTION_KEYS, at.to_string()),
            (a, "set") if a == OPTION_KEYS => (ASSIGN_KEYS, at.to_string()),
            (a, "field" | "fields") if a == STEP_KEYS => (FIELD_KEYS, at.to_string()),
            (a, "rule" | "rules") if a == STEP_KEYS => (RULE_KEYS, at.to_string()),
            (a, "when") if a == RULE_KEYS => (COND_KEYS, at.to_string()),
            (a, "ticket" | "tickets") if a == STEP_KEYS => (TICKET_KEYS, at.to_string()),
            (a, "field" | "fields") if a == TICKET_KEYS => (TICKET_FIELD_KEYS, at.to_string()),
            (a, "say") if a == STEP_KEYS => (LINE_KEYS, at.to_string()),
            _ => continue,
        };
        for sub in tables(v) {
            let here = if child == STEP_KEYS {
                match sub.get("id").and_then(|i| i.as_str()) {
                    Some(id) => format!(" di langkah `{id}`"),
                    None => here.clone(),
                }
            } else {
                here.clone()
            };
            if let Some(found) = unknown_keys(&sub, child, &here) {
                return Some(found);
            }
        }
    }
    None
}

/// Parse one scenario file.
pub fn parse_scenarios(file: &str, text: &str) -> Result<ScenarioFile, LoadError> {
    toml::from_str(text).map_err(|e| toml_error(file, text, e))
}

/// Everything found in an SOP directory.
#[derive(Debug, Default)]
pub struct Loaded {
    pub sources: Vec<Source>,
    /// (file, scenarios) for every `*.scenarios.toml`.
    pub scenarios: Vec<(String, ScenarioFile)>,
    /// (file, cases) for every `*.eval.toml`: the finder's evaluation set.
    pub eval: Vec<(String, EvalFile)>,
    pub load_errors: Vec<LoadError>,
    pub lint_errors: Vec<LintError>,
    /// Worth a look, never a reason to refuse the files (`lint::warnings`).
    pub lint_warnings: Vec<LintError>,
}

impl Loaded {
    pub fn catalog(&self) -> Catalog {
        Catalog {
            sops: self.sources.iter().map(|s| s.sop.clone()).collect(),
        }
    }

    /// Every problem, one per line; empty when the directory is clean.
    pub fn report(&self) -> String {
        let mut lines: Vec<String> = self.load_errors.iter().map(|e| e.to_string()).collect();
        lines.extend(self.lint_errors.iter().map(|e| e.to_string()));
        lines.join("\n")
    }

    pub fn is_clean(&self) -> bool {
        self.load_errors.is_empty() && self.lint_errors.is_empty()
    }

    /// Every warning, one per line.
    pub fn warnings_report(&self) -> String {
        let lines: Vec<String> = self.lint_warnings.iter().map(|e| e.to_string()).collect();
        lines.join("\n")
    }

    /// Every sentence of the evaluation set with the SOP it should find.
    pub fn eval_queries(&self) -> Vec<(&str, &str)> {
        self.eval
            .iter()
            .flat_map(|(_, f)| &f.cases)
            .flat_map(|c| c.says.iter().map(|s| (c.sop.as_str(), s.as_str())))
            .collect()
    }
}

/// Read and lint every `*.toml` in `dir` (sorted by name): SOPs, scenarios
/// in `*.scenarios.toml` and `*.drills.toml`, the finder's evaluation set in
/// `*.eval.toml`. File names in messages are `dir/name`.
pub fn load_dir(dir: &Path) -> Loaded {
    let mut out = Loaded::default();
    let mut files: Vec<_> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            out.load_errors.push(LoadError {
                file: dir.display().to_string(),
                line: None,
                message: format!("tidak dapat dibaca: {e}"),
            });
            return out;
        }
    };
    files.sort();
    for path in files {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if !name.ends_with(".toml") {
            continue;
        }
        let shown = format!(
            "{}/{}",
            dir.file_name().and_then(|n| n.to_str()).unwrap_or("sops"),
            name
        );
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                out.load_errors.push(LoadError {
                    file: shown,
                    line: None,
                    message: format!("tidak dapat dibaca: {e}"),
                });
                continue;
            }
        };
        if name.ends_with(".eval.toml") {
            match toml::from_str::<EvalFile>(&text) {
                Ok(f) => out.eval.push((shown, f)),
                Err(e) => out.load_errors.push(toml_error(&shown, &text, e)),
            }
        } else if name.ends_with(".scenarios.toml") || name.ends_with(".drills.toml") {
            match parse_scenarios(&shown, &text) {
                Ok(s) => out.scenarios.push((shown, s)),
                Err(e) => out.load_errors.push(e),
            }
        } else {
            match parse_sop(&shown, &text) {
                Ok(sop) => out.sources.push(Source { file: shown, sop }),
                Err(e) => out.load_errors.push(e),
            }
        }
    }
    out.lint_errors = lint::lint(&out.sources);
    for (file, f) in &out.eval {
        for c in &f.cases {
            if !out.sources.iter().any(|s| s.sop.id == c.sop) {
                out.load_errors.push(LoadError {
                    file: file.clone(),
                    line: None,
                    message: format!("SOP `{}` tidak ada", c.sop),
                });
            }
        }
    }
    let queries: Vec<&str> = out.eval_queries().into_iter().map(|(_, q)| q).collect();
    let eval = (!out.eval.is_empty()).then_some(queries.as_slice());
    out.lint_warnings = lint::warnings(&out.sources, eval);
    out
}

/// The catalogue as the build embeds it for `library::Library`: per SOP its
/// heading, its steps and the finder's prepared words, each as JSON text
/// (see `library::Packed`).
pub fn packed(catalog: &Catalog) -> Vec<(String, String, String)> {
    catalog
        .sops
        .iter()
        .map(|sop| {
            let mut head = match serde_json::to_value(sop) {
                Ok(serde_json::Value::Object(m)) => m,
                _ => serde_json::Map::new(),
            };
            let mut body = serde_json::Map::new();
            for key in crate::library::BODY_KEYS {
                if let Some(v) = head.remove(*key) {
                    body.insert((*key).to_string(), v);
                }
            }
            (
                serde_json::Value::Object(head).to_string(),
                serde_json::Value::Object(body).to_string(),
                crate::json::to_text(&Prepared::of(sop)),
            )
        })
        .collect()
}

/// `packed` as Rust source: a `&[Packed]` the widget includes.
pub fn packed_rust(catalog: &Catalog) -> String {
    let mut out = String::from("&[\n");
    for (head, body, terms) in packed(catalog) {
        out.push_str(&format!(
            "    pandu_engine::library::Packed {{ head: {head:?}, body: {body:?}, terms: {terms:?} }},\n"
        ));
    }
    out.push(']');
    out
}

/// The drills of every `*.drills.toml`, each replayed on the catalogue to
/// find the path it expects. `Err` lists every drill that does not walk.
pub fn drills(loaded: &Loaded) -> Result<Vec<crate::training::Drill>, Vec<String>> {
    let catalog = loaded.catalog();
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for (file, sf) in loaded
        .scenarios
        .iter()
        .filter(|(f, _)| f.ends_with(".drills.toml"))
    {
        for sc in &sf.scenarios {
            match crate::training::Drill::from_scenario(&catalog, sc) {
                Ok(d) => out.push(d),
                Err(e) => errors.push(format!("{file}: {e}")),
            }
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}
