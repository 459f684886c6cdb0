//! Running commands: live output, step headers with timings, and the pass/fail tally.

use std::io::{BufRead, BufReader, IsTerminal, Write};
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::Result;

/// A titled stage of a command, printed with its duration when it ends.
pub struct Step {
    name: String,
    started: Instant,
}

impl Step {
    pub fn start(name: &str) -> Step {
        println!();
        println!("==> {name}");
        flush();
        Step {
            name: name.to_string(),
            started: Instant::now(),
        }
    }

    pub fn finish(&mut self, ok: bool) {
        let verdict = if ok { "ok" } else { "FAILED" };
        println!(
            "<== {}: {verdict} ({:.1?})",
            self.name,
            self.started.elapsed()
        );
        flush();
    }
}

fn flush() {
    let _ = std::io::stdout().flush();
}

pub fn stdout_is_terminal() -> bool {
    std::io::stdout().is_terminal()
}

/// Shows a command the way a person would type it.
pub fn describe(cmd: &Command) -> String {
    let mut text = cmd.get_program().to_string_lossy().into_owned();
    for arg in cmd.get_args() {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text
}

/// Runs `cmd` with inherited stdio; `Ok(true)` when it exits with success.
pub fn status(cmd: &mut Command) -> Result<bool> {
    flush();
    let status = cmd
        .status()
        .map_err(|e| format!("cannot run `{}`: {e}", describe(cmd)))?;
    Ok(status.success())
}

/// Runs `cmd`, copying its stdout through line by line as it comes (stderr is inherited)
/// and handing each line, without colour codes, to `on_line`.
pub fn tee(cmd: &mut Command, mut on_line: impl FnMut(&str)) -> Result<bool> {
    flush();
    let mut child = cmd
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run `{}`: {e}", describe(cmd)))?;
    let mut reader = BufReader::new(child.stdout.take().expect("stdout is piped"));
    let mut out = std::io::stdout();
    let mut line = Vec::new();
    loop {
        line.clear();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {
                let _ = out.write_all(&line);
                let _ = out.flush();
                on_line(&strip_ansi(&String::from_utf8_lossy(&line)));
            }
            Err(e) => {
                eprintln!("xtask: lost the output of `{}`: {e}", describe(cmd));
                break;
            }
        }
    }
    let status = child
        .wait()
        .map_err(|e| format!("`{}` vanished: {e}", describe(cmd)))?;
    Ok(status.success())
}

/// Removes ANSI escape sequences (colours) from a line.
pub fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\u{1b}' {
            out.push(c);
            continue;
        }
        if chars.peek() == Some(&'[') {
            chars.next();
            // CSI: parameters and intermediates, then one final byte in '@'..='~'.
            for c in chars.by_ref() {
                if ('@'..='~').contains(&c) {
                    break;
                }
            }
        } else {
            chars.next();
        }
    }
    out
}

/// Test counts gathered from cargo's and node's output.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub passed: u64,
    pub failed: u64,
}

impl Tally {
    /// Reads one of libtest's `test result: ok. 3 passed; 0 failed; ...` lines, if it is one.
    pub fn cargo_line(&mut self, line: &str) {
        let Some((_, rest)) = line.split_once("test result: ") else {
            return;
        };
        let Some((_, counts)) = rest.split_once(". ") else {
            return;
        };
        for part in counts.split(';') {
            match part.trim().split_once(' ') {
                Some((n, "passed")) => self.passed += n.parse::<u64>().unwrap_or(0),
                Some((n, "failed")) => self.failed += n.parse::<u64>().unwrap_or(0),
                _ => {}
            }
        }
    }

    /// Reads one of node's TAP summary lines (`# pass 3`, `# fail 0`, `# cancelled 0`).
    /// Cancelled tests (a timeout, a file that crashed) count as failed.
    pub fn tap_line(&mut self, line: &str) {
        let Some(rest) = line.trim_end().strip_prefix("# ") else {
            return;
        };
        match rest.split_once(' ') {
            Some(("pass", n)) => self.passed += n.parse::<u64>().unwrap_or(0),
            Some(("fail" | "cancelled", n)) => self.failed += n.parse::<u64>().unwrap_or(0),
            _ => {}
        }
    }

    pub fn summary(&self) -> String {
        format!("{} passed, {} failed", self.passed, self.failed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cargo_lines_add_up() {
        let mut t = Tally::default();
        t.cargo_line("running 3 tests");
        t.cargo_line("test result: ok. 3 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s");
        t.cargo_line("test result: FAILED. 5 passed; 2 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.01s\n");
        t.cargo_line("test foo ... ok");
        assert_eq!(
            t,
            Tally {
                passed: 8,
                failed: 2
            }
        );
    }

    #[test]
    fn coloured_cargo_lines_count_too() {
        let mut t = Tally::default();
        let line = "test result: \u{1b}[32mok\u{1b}[0m. 4 passed; 0 failed; 0 ignored";
        t.cargo_line(&strip_ansi(line));
        assert_eq!(t.passed, 4);
    }

    #[test]
    fn tap_lines_add_up() {
        let mut t = Tally::default();
        for line in [
            "TAP version 13",
            "# Subtest: app mounts",
            "ok 1 - app mounts",
            "# tests 4",
            "# suites 0",
            "# pass 3",
            "# fail 1",
            "# cancelled 1",
            "# skipped 0",
            "# duration_ms 812.5",
        ] {
            t.tap_line(line);
        }
        assert_eq!(
            t,
            Tally {
                passed: 3,
                failed: 2
            }
        );
        assert_eq!(t.summary(), "3 passed, 2 failed");
    }

    #[test]
    fn strip_ansi_keeps_text() {
        assert_eq!(strip_ansi("\u{1b}[1m\u{1b}[32mok\u{1b}[0m."), "ok.");
        assert_eq!(strip_ansi("plain"), "plain");
    }
}
