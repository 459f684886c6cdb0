//! Reading SOP and scenario files from TOML. Only the build script and the
//! tests use this: the widget receives SOPs already checked, as JSON, so no
//! TOML parser ships in the wasm.

use crate::codec::SopError;
use crate::json::{Json, ToJson};
use crate::lint::{self, LintError, Source};
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

/// Parse one SOP file: its TOML becomes JSON values, which the one SOP
/// decoder reads (`codec::sop`), as it reads the catalogue the widget gets.
/// Keys the format does not know are refused there, and the message here
/// points at the line.
pub fn parse_sop(file: &str, text: &str) -> Result<Sop, LoadError> {
    let value: toml::Table = toml::from_str(text).map_err(|e| toml_error(file, text, e))?;
    let json = toml_to_json(&toml::Value::Table(value));
    crate::codec::sop(&json).map_err(|e| LoadError {
        file: file.to_string(),
        line: line_of(text, &e),
        message: match &e.step {
            Some(step) => format!("langkah `{step}`: {}", e.detail),
            None => e.detail.clone(),
        },
    })
}

/// TOML as JSON values: numbers as written, dates as their text.
pub fn toml_to_json(v: &toml::Value) -> Json {
    match v {
        toml::Value::String(s) => Json::Str(s.clone()),
        toml::Value::Integer(i) => Json::Num(i.to_string()),
        toml::Value::Float(f) => Json::Num(f.to_string()),
        toml::Value::Boolean(b) => Json::Bool(*b),
        toml::Value::Datetime(d) => Json::Str(d.to_string()),
        toml::Value::Array(a) => Json::Arr(a.iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => Json::Obj(
            t.iter()
                .map(|(k, v)| (k.clone(), toml_to_json(v)))
                .collect(),
        ),
    }
}

/// The line a decoding error is about: within the step it names (from its
/// `id = "..."` line to the next `[[step]]`), the line that sets the
/// innermost key the message names, else the step's `id` line.
fn line_of(text: &str, e: &SopError) -> Option<usize> {
    let lines: Vec<&str> = text.lines().collect();
    let (from, to) = match &e.step {
        Some(step) => {
            let from = lines.iter().position(|l| {
                let t = l.trim_start();
                t.starts_with("id") && key_at(t, "id") && t.contains(&format!("\"{step}\""))
            })?;
            let to = lines[from + 1..]
                .iter()
                .position(|l| l.trim_start().starts_with("[[step]]"))
                .map_or(lines.len(), |n| from + 1 + n);
            (from, to)
        }
        None => (
            0,
            lines
                .iter()
                .position(|l| l.trim_start().starts_with("[["))
                .unwrap_or(lines.len()),
        ),
    };
    let named: Vec<&str> = e.detail.split('`').skip(1).step_by(2).collect();
    named
        .iter()
        .rev()
        .find_map(|key| (from..to).find(|&i| key_at(lines[i], key)))
        .or(e.step.as_ref().map(|_| from))
        .map(|i| i + 1)
}

/// Whether a TOML `line` assigns `key` (`key =` after a start, space, `{`
/// or `,`): where a lint message points, here and in the studio's editor.
pub fn key_at(line: &str, key: &str) -> bool {
    line.match_indices(key).any(|(i, _)| {
        let before_ok = line[..i]
            .chars()
            .next_back()
            .is_none_or(|c| matches!(c, ' ' | '\t' | '{' | ','));
        before_ok && line[i + key.len()..].trim_start().starts_with('=')
    })
}

/// Parse one scenario file.
pub fn parse_scenarios(file: &str, text: &str) -> Result<ScenarioFile, LoadError> {
    toml::from_str(text).map_err(|e| toml_error(file, text, e))
}

/// Scenarios as a `*.scenarios.toml` file's text.
pub fn scenarios_toml(scenarios: Vec<crate::scenario::Scenario>) -> Result<String, String> {
    toml::to_string(&ScenarioFile { scenarios }).map_err(|e| e.to_string())
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

/// The catalogue as data files for `library::Library::from_index`: the
/// index (`katalog.json`) and one body per SOP, `katalog/<id>.<hash>.json`,
/// named by its content so a browser may keep it for ever and a new version
/// never meets an old copy. `search` gives each SOP the finder's prepared words.
/// With feature `map`, each SOP's map is drawn beside its body
/// (`katalog/<id>.<hash>.svg`, named by the drawing's own content: a new
/// layout of an unchanged SOP is a new file too).
pub fn catalogue_files(catalog: &Catalog) -> (String, Vec<(String, String)>) {
    let mut index = crate::library::Index::default();
    let mut files = Vec::new();
    for sop in &catalog.sops {
        let text = sop.to_json().to_text();
        let path = format!("katalog/{}.{}.json", file_safe(&sop.id), short_hash(&text));
        index.sops.push(crate::library::IndexEntry {
            head: Sop {
                start: None,
                steps: Vec::new(),
                ..sop.clone()
            },
            body: path.clone(),
            search: Some(Prepared::of(sop)),
            map: None,
        });
        files.push((path.clone(), text));
        // With the layout at hand, each version's map is drawn beside its
        // body, so the widget never lays one out.
        #[cfg(feature = "map")]
        {
            let drawn = crate::map::drawing(&crate::map::layout(catalog, sop, &[]));
            let map = format!("katalog/{}.{}.svg", file_safe(&sop.id), short_hash(&drawn));
            index.sops.last_mut().expect("just pushed").map = Some(map.clone());
            files.push((map, drawn));
        }
    }
    (index.to_json().to_text(), files)
}

// 16 hex digits of the SHA-256 of a data file's text: its name in `katalog/`.
fn short_hash(text: &str) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(text.as_bytes());
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

// SOP ids are lower-case letters, digits and `-` by convention; anything
// else would be trouble in a file name on some server.
fn file_safe(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
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
