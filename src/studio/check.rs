//! The draft as the lint sees it, with every problem at its line: a TOML or
//! decoding error where `authoring::parse_sop` puts it, a lint error at the
//! line of the step it names (the line setting the value the message names
//! when there is one), a warning likewise. Pure: no Leptos, no browser.

use pandu_engine::authoring;
use pandu_engine::lint::{self, LintError, Source};
use pandu_engine::{Catalog, Sop};

/// How bad a problem is: an error stops publishing, a warning does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }

    /// The label a supervisor reads.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "Kesalahan",
            Severity::Warning => "Peringatan",
        }
    }
}

/// One problem of the draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    /// 1-based; `None` when no line can be named.
    pub line: Option<usize>,
    pub message: String,
}

/// What the lint made of a draft.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Checked {
    /// The SOP, when the text could be read (it may still fail the lint).
    pub sop: Option<Sop>,
    pub problems: Vec<Problem>,
}

impl Checked {
    pub fn errors(&self) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count()
    }

    pub fn warnings(&self) -> usize {
        self.problems.len() - self.errors()
    }

    /// Read and lint-clean: what preview, publish and the scenarios need.
    pub fn clean_sop(&self) -> Option<&Sop> {
        self.sop.as_ref().filter(|_| self.errors() == 0)
    }
}

/// Read and lint `text` (the file `file`) together with the other SOPs of
/// `base` (an SOP of the same id in `base` is the one being edited and is
/// left out), as the build does. Problems come in line order.
pub fn check(file: &str, text: &str, base: &Catalog) -> Checked {
    let sop = match authoring::parse_sop(file, text) {
        Ok(sop) => sop,
        Err(e) => {
            return Checked {
                sop: None,
                problems: vec![Problem {
                    severity: Severity::Error,
                    line: e.line,
                    message: e.message,
                }],
            }
        }
    };
    let mut sources: Vec<Source> = base
        .sops
        .iter()
        .filter(|s| s.id != sop.id)
        .map(|s| Source {
            file: format!("{}.toml", s.id),
            sop: s.clone(),
        })
        .collect();
    sources.push(Source {
        file: file.to_string(),
        sop: sop.clone(),
    });
    let mine = |e: &LintError| e.file == file;
    let mut problems: Vec<Problem> = lint::lint(&sources)
        .iter()
        .filter(|e| mine(e))
        .map(|e| problem(text, Severity::Error, e))
        .collect();
    problems.extend(
        lint::warnings(&sources, None)
            .iter()
            .filter(|e| mine(e))
            .map(|e| problem(text, Severity::Warning, e)),
    );
    problems.sort_by_key(|p| (p.line.unwrap_or(0), p.severity == Severity::Warning));
    Checked {
        sop: Some(sop),
        problems,
    }
}

fn problem(text: &str, severity: Severity, e: &LintError) -> Problem {
    let message = match &e.step {
        Some(step) => format!("langkah `{step}`: {}", e.message),
        None => e.message.clone(),
    };
    Problem {
        severity,
        line: lint_line(text, e.step.as_deref(), &e.message),
        message,
    }
}

/// The line a lint message is about: inside the step it names (or the
/// heading, before the first `[[`), the line that sets a value or key the
/// message names in backquotes, the last named first; else the step's `id`
/// line; else, for the heading, none.
pub fn lint_line(text: &str, step: Option<&str>, message: &str) -> Option<usize> {
    let lines: Vec<&str> = text.lines().collect();
    let (from, to, own) = match step {
        Some(step) => {
            let at = step_line(text, step)? - 1;
            let to = lines[at + 1..]
                .iter()
                .position(|l| l.trim_start().starts_with("[[step]]"))
                .map_or(lines.len(), |n| at + 1 + n);
            (at, to, Some(at))
        }
        None => (
            0,
            lines
                .iter()
                .position(|l| l.trim_start().starts_with("[["))
                .unwrap_or(lines.len()),
            None,
        ),
    };
    let named: Vec<&str> = message.split('`').skip(1).step_by(2).collect();
    let quoted = |w: &str| format!("\"{w}\"");
    named
        .iter()
        .rev()
        .find_map(|w| {
            (from..to).find(|&i| {
                Some(i) != own
                    && !is_comment(lines[i])
                    && (lines[i].contains(&quoted(w)) || authoring::key_at(lines[i], w))
            })
        })
        .or(own)
        .map(|i| i + 1)
}

/// The 1-based line of `id = "<step>"` of a `[[step]]` table (not an
/// option's or a field's id, which sit in `[[step.option]]` and the like).
pub fn step_line(text: &str, step: &str) -> Option<usize> {
    let want = format!("\"{step}\"");
    let mut in_step = false;
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.starts_with('[') {
            in_step = t.starts_with("[[step]]");
            continue;
        }
        if in_step && authoring::key_at(t, "id") {
            if t.split('=')
                .nth(1)
                .is_some_and(|v| v.split('#').next().unwrap_or_default().trim() == want)
            {
                return Some(i + 1);
            }
            in_step = false;
        }
    }
    None
}

fn is_comment(line: &str) -> bool {
    line.trim_start().starts_with('#')
}

/// Where line `line` (1-based) of `text` starts and ends, in UTF-16 code
/// units as a text area counts them (`setSelectionRange`).
pub fn line_span_utf16(text: &str, line: usize) -> Option<(u32, u32)> {
    let mut start = 0u32;
    for (i, l) in text.split('\n').enumerate() {
        let len = l.encode_utf16().count() as u32;
        if i + 1 == line {
            return Some((start, start + len));
        }
        start += len + 1;
    }
    None
}

/// The line numbers of the gutter: one per line of `text`, at least one.
pub fn line_count(text: &str) -> usize {
    text.split('\n').count().max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "sops/contoh.toml";

    fn base() -> Catalog {
        Catalog::default()
    }

    #[test]
    fn the_template_is_lint_clean() {
        let c = check(FILE, crate::studio::template::NEW_SOP, &base());
        assert_eq!(c.problems, vec![], "{:?}", c.problems);
        assert_eq!(c.sop.unwrap().id, "sop-baru");
    }

    #[test]
    fn a_next_to_a_missing_step_is_an_error_at_the_next_line() {
        let text =
            crate::studio::template::NEW_SOP.replace("next = \"catat\"", "next = \"tidak-ada\"");
        let line = text.lines().position(|l| l.contains("tidak-ada")).unwrap() + 1;
        let c = check(FILE, &text, &base());
        assert!(c.errors() >= 1, "{:?}", c.problems);
        let p = c
            .problems
            .iter()
            .find(|p| p.message.contains("tidak-ada"))
            .expect("the missing step is named");
        assert_eq!(p.line, Some(line), "{p:?}");
        assert!(c.clean_sop().is_none());
    }

    #[test]
    fn a_toml_error_keeps_the_parsers_line() {
        let text = "id = \"x\"\ntitle = \n";
        let c = check(FILE, text, &base());
        assert_eq!(c.errors(), 1);
        assert_eq!(c.problems[0].line, Some(2));
    }

    #[test]
    fn a_step_is_found_by_its_own_id_not_an_options() {
        let text = "id = \"s\"\n[[step]]\nid = \"a\"\n  [[step.option]]\n  id = \"b\"\n[[step]]\nid = \"b\"\n";
        assert_eq!(step_line(text, "a"), Some(3));
        assert_eq!(step_line(text, "b"), Some(7));
        assert_eq!(step_line(text, "c"), None);
    }

    #[test]
    fn an_unreachable_step_is_shown_at_its_id_line() {
        let text = format!(
            "{}\n[[step]]\nid = \"yatim\"\nkind = \"say\"\nclause = \"999 1\"\nnext = \"selesai\"\n",
            crate::studio::template::NEW_SOP
        );
        let c = check(FILE, &text, &base());
        let p = c
            .problems
            .iter()
            .find(|p| p.message.contains("yatim"))
            .expect("unreachable step reported");
        assert_eq!(p.line, step_line(&text, "yatim"));
    }

    #[test]
    fn spans_count_utf16_units() {
        let text = "ab\n— é\nx";
        assert_eq!(line_span_utf16(text, 1), Some((0, 2)));
        assert_eq!(line_span_utf16(text, 2), Some((3, 6)));
        assert_eq!(line_span_utf16(text, 3), Some((7, 8)));
        assert_eq!(line_span_utf16(text, 4), None);
        assert_eq!(line_count(text), 3);
        assert_eq!(line_count(""), 1);
    }
}
