//! The widget's source held to its own rules (ARCHITECTURE.md, "Invariants"):
//! views write `data-act`, `data-arg`, `data-input` and `data-hook` through
//! the types that read them, element ids through the widget's prefix, the
//! runtime never finds an element by its test id, and only the browser
//! adapter names `web_sys` or `js_sys`. Each test reads the files as text,
//! so a rule broken anywhere fails here with the file and the line.

use pandu::actions;
use std::path::{Path, PathBuf};

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every `.rs` file under `dir`, as (path relative to `src/`, text).
fn rust_files(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("read src") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("read file");
                let name = path
                    .strip_prefix(src())
                    .unwrap_or(&path)
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((name, text));
            }
        }
    }
    out.sort();
    assert!(!out.is_empty(), "no Rust files under {}", dir.display());
    out
}

/// The code that runs: a file up to its test module.
fn runtime(text: &str) -> &str {
    text.split("#[cfg(test)]").next().unwrap_or(text)
}

fn line_of(text: &str, at: usize) -> usize {
    text[..at].matches('\n').count() + 1
}

/// The value written after `attr=` in a view, up to the end of the attribute:
/// a literal, a path or call chain, or a bracketed expression.
fn attr_values<'a>(text: &'a str, attr: &str) -> Vec<(usize, &'a str)> {
    let needle = format!("{attr}=");
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find(&needle) {
        let start = from + i + needle.len();
        // Only the attribute itself: `data-act=`, not `my-data-act=`.
        let before = text[..from + i].chars().next_back();
        from = start;
        if before.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '_') {
            continue;
        }
        let rest = &text[start..];
        let mut depth = 0i32;
        let mut in_str = false;
        let mut end = rest.len();
        for (j, c) in rest.char_indices() {
            match c {
                '"' if depth == 0 && j == 0 => in_str = true,
                '"' if in_str => {
                    end = j + 1;
                    break;
                }
                _ if in_str => {}
                '(' | '{' | '[' => depth += 1,
                ')' | '}' | ']' => {
                    depth -= 1;
                    if depth < 0 {
                        end = j;
                        break;
                    }
                }
                c if depth == 0 && (c.is_whitespace() || c == '>' || c == '/') => {
                    end = j;
                    break;
                }
                _ => {}
            }
        }
        out.push((start, &rest[..end]));
    }
    out
}

/// Every literal `data-act="…"` that turns up, with what `parse` makes of it.
#[test]
fn no_view_writes_an_action_or_a_typed_box_by_hand() {
    let files = rust_files(&src().join("ui"));
    let mut bad = Vec::new();
    let mut seen = 0;
    for (name, text) in &files {
        let code = runtime(text);
        for (attr, encoder) in [
            ("data-act", ".act()"),
            ("data-arg", ".arg()"),
            ("data-input", ".as_str()"),
            ("data-hook", "Hook::"),
        ] {
            for (at, value) in attr_values(code, attr) {
                seen += 1;
                let line = line_of(code, at);
                if let Some(literal) = value.strip_prefix('"') {
                    let literal = literal.trim_end_matches('"');
                    let parsed = match attr {
                        "data-act" => format!(" (parse gives {:?})", actions::parse(literal, "")),
                        "data-input" => format!(" (typed gives {:?})", actions::typed(literal)),
                        _ => String::new(),
                    };
                    bad.push(format!(
                        "{name}:{line}: {attr}=\"{literal}\" by hand{parsed}"
                    ));
                } else if !value.contains(encoder) {
                    bad.push(format!(
                        "{name}:{line}: {attr}={value} is not written through `{encoder}`"
                    ));
                }
            }
        }
    }
    assert!(
        seen > 40,
        "only {seen} attributes found: the scan lost its way"
    );
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// The scanner itself: a literal is caught, an encoded value passes.
#[test]
fn the_attribute_scanner_sees_literals_and_expressions() {
    let view = r#"<button data-act="format-disk" data-arg=a.arg()>
        <b data-act=(!submit).then(|| Action::Next.act()) data-hook=Hook::Step.as_str()>"#;
    let acts: Vec<&str> = attr_values(view, "data-act")
        .into_iter()
        .map(|(_, v)| v)
        .collect();
    assert_eq!(
        acts,
        vec!["\"format-disk\"", "(!submit).then(|| Action::Next.act())"]
    );
    assert_eq!(attr_values(view, "data-arg")[0].1, "a.arg()");
    assert_eq!(attr_values(view, "data-hook")[0].1, "Hook::Step.as_str()");
    assert_eq!(actions::parse("format-disk", ""), None);
}

/// Ids, and the attributes that point at ids, are built with the widget's
/// prefix (`use_dom().id(..)`): two widgets on a page never share one.
#[test]
fn no_view_writes_an_element_id_by_hand() {
    let mut bad = Vec::new();
    for (name, text) in rust_files(&src().join("ui")) {
        let code = runtime(&text);
        for attr in [
            "id",
            "for",
            "aria-labelledby",
            "aria-describedby",
            "aria-controls",
        ] {
            for (at, value) in attr_values(code, attr) {
                if value.starts_with('"') {
                    bad.push(format!("{name}:{}: {attr}={value}", line_of(code, at)));
                }
            }
        }
    }
    assert!(bad.is_empty(), "ids written by hand:\n{}", bad.join("\n"));
}

/// Test ids are for tests: the runtime finds its elements by `data-hook`.
#[test]
fn runtime_code_never_looks_an_element_up_by_its_test_id() {
    let mut bad = Vec::new();
    for (name, text) in rust_files(&src()) {
        let code = runtime(&text);
        let mut from = 0;
        while let Some(i) = code[from..].find("data-testid") {
            let at = from + i;
            from = at + 1;
            let after = &code[at + "data-testid".len()..];
            let before = &code[..at];
            // A view writing one (`data-testid="step"`), or the crash note
            // marking itself for the tests: writing, not looking up.
            let writes = (after.starts_with('=') && before.ends_with(char::is_whitespace))
                || before.ends_with("set_attribute(\"");
            // Doc comments may talk about test ids.
            let line_start = before.rfind('\n').map_or(0, |n| n + 1);
            let comment = code[line_start..at].trim_start().starts_with("//");
            if !writes && !comment {
                bad.push(format!("{name}:{}", line_of(code, at)));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "runtime code uses data-testid (use a `hooks::Hook`):\n{}",
        bad.join("\n")
    );
}

/// `web_sys` and `js_sys` are named in the browser adapter only.
#[test]
fn only_the_browser_adapter_names_web_sys_or_js_sys() {
    let mut bad = Vec::new();
    let mut checked = Vec::new();
    for (name, text) in rust_files(&src()) {
        if name.starts_with("browser/") {
            continue;
        }
        checked.push(name.clone());
        for (n, line) in text.lines().enumerate() {
            if line.contains("web_sys") || line.contains("js_sys") {
                bad.push(format!("{name}:{}: {}", n + 1, line.trim()));
            }
        }
    }
    for must in ["host.rs", "mount.rs", "ui/app.rs", "state.rs"] {
        assert!(checked.iter().any(|c| c == must), "{must} was not checked");
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// The pure modules stay pure: no Leptos, no browser, no JS bindings.
#[test]
fn the_pure_modules_need_neither_leptos_nor_the_browser() {
    let mut bad = Vec::new();
    for name in ["actions.rs", "keys.rs", "hooks.rs", "nav.rs", "screen.rs"] {
        let text = std::fs::read_to_string(src().join(name)).expect("read");
        for word in ["leptos", "wasm_bindgen", "crate::browser", "crate::state"] {
            if runtime(&text).contains(word) {
                bad.push(format!("{name} uses {word}"));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
