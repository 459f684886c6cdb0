//! Reading SOP and scenario files from TOML. Only the build script and the
//! tests use this: the widget receives SOPs already checked, as JSON, so no
//! TOML parser ships in the wasm.

use crate::lint::{self, LintError, Source};
use crate::model::{Catalog, Sop};
use crate::scenario::ScenarioFile;
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

/// Parse one SOP file.
pub fn parse_sop(file: &str, text: &str) -> Result<Sop, LoadError> {
    toml::from_str(text).map_err(|e| toml_error(file, text, e))
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
    pub load_errors: Vec<LoadError>,
    pub lint_errors: Vec<LintError>,
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
}

/// Read and lint every `*.toml` in `dir` (sorted by name): SOPs, and
/// scenarios in `*.scenarios.toml`. File names in messages are `dir/name`.
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
        if name.ends_with(".scenarios.toml") || name.ends_with(".drills.toml") {
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
    out
}
