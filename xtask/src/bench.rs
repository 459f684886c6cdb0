//! `cargo xtask bench`: builds the three things the benchmark compares and
//! hands them to `node tests/bench/bench.mjs`, which measures, prints the
//! table and writes `target/bench/bench.json`.
//!
//! 1. the widget, exactly as `cargo xtask test` builds it (`Tools::trunk_build`, into `dist/`);
//! 2. the reference, a minimal Leptos counter (`bench/reference/`), with the same release
//!    profile, wasm-opt and loader, into `target/bench/reference-dist/`;
//! 3. the widget with 1,000 generated SOPs (`sopgen.rs`, into `target/bench/sops-1000/`),
//!    in `target/bench/dist-1000/`: the same build as `dist/` with the catalogue data
//!    written from those SOPs instead (SOPs are data: no second wasm).
//!
//! `--check` is passed on: the script then exits non-zero when a budget is missed.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use crate::run::{self, Step};
use crate::tools::{toml_raw, Needs, Tools};
use crate::Result;

/// The SOPs of the big catalogue: the sub-flow and 999 copies.
pub const SOP_COUNT: usize = 1000;

const REFERENCE_DIR: &str = "bench/reference";
const REFERENCE_DIST: &str = "target/bench/reference-dist";
/// The reference's own cargo target directory (built without the widget's rustflags).
const TARGET_REFERENCE: &str = "target/bench/cargo-reference";
const SOPS_1000: &str = "target/bench/sops-1000";
const DIST_1000: &str = "target/bench/dist-1000";
const REPORT: &str = "target/bench/bench.json";
const SCRIPT: &str = "tests/bench/bench.mjs";

#[derive(Debug, Default, PartialEq, Eq)]
pub struct BenchArgs {
    /// Exit non-zero when a budget is missed.
    pub check: bool,
    /// Measure the builds of the last run again, without building.
    pub no_build: bool,
}

pub fn parse_args(rest: &[String]) -> Result<BenchArgs> {
    let mut args = BenchArgs::default();
    for arg in rest {
        match arg.as_str() {
            "--check" => args.check = true,
            "--no-build" => args.no_build = true,
            other => return Err(format!("bench: unknown option `{other}`")),
        }
    }
    Ok(args)
}

pub fn bench(root: &Path, rest: &[String]) -> Result<ExitCode> {
    let args = parse_args(rest).map_err(|e| format!("{e}\n\n{}", crate::USAGE))?;
    let started = Instant::now();
    let tools = Tools::ensure(root, Needs::bench())?;
    let mut step = Step::start("setup: the benchmark's npm packages (tests/bench)");
    tools.bench_packages()?;
    step.finish(true);

    let reference_dist = root.join(REFERENCE_DIST);
    let dist_1000 = root.join(DIST_1000);
    if args.no_build {
        println!("xtask: --no-build: measuring the builds of the last run");
        for dir in [root.join("dist"), reference_dist.clone(), dist_1000.clone()] {
            if !dir.join("index.html").is_file() {
                return Err(format!(
                    "{} has no index.html: run `cargo xtask bench` without --no-build first",
                    dir.display()
                ));
            }
        }
    } else {
        build_all(root, &tools, &reference_dist, &dist_1000)?;
    }

    let mut step = Step::start("the benchmark's own tests (node --test tests/bench/*.test.mjs)");
    let ok = run::status(
        tools
            .command("node")
            .arg("--test")
            .args(crate::test_files(&root.join("tests/bench"))?),
    )?;
    step.finish(ok);
    if !ok {
        return Err(
            "the benchmark's own tests failed (see above): its figures would not be trusted".into(),
        );
    }

    let mut step = Step::start(&format!("node {SCRIPT}"));
    let mut node = tools.command("node");
    node.arg(SCRIPT)
        .env("PANDU_BENCH_WIDGET", root.join("dist"))
        .env("PANDU_BENCH_REFERENCE", &reference_dist)
        .env("PANDU_BENCH_WIDGET_1000", &dist_1000)
        .env("PANDU_BENCH_SOPS", SOP_COUNT.to_string())
        .env("PANDU_BENCH_OUT", root.join(REPORT))
        .env("PANDU_CHROMIUM", tools.chromium());
    if args.check {
        node.arg("--check");
    }
    let status = node
        .status()
        .map_err(|e| format!("cannot run `{}`: {e}", run::describe(&node)))?;
    step.finish(status.success());
    println!(
        "xtask: the benchmark took {:.1?} (builds included)",
        started.elapsed()
    );
    let code = status.code().unwrap_or(1);
    Ok(ExitCode::from(u8::try_from(code).unwrap_or(1)))
}

fn build_all(root: &Path, tools: &Tools, reference_dist: &Path, dist_1000: &Path) -> Result<()> {
    check_reference_config(root)?;

    let mut step = Step::start(&format!(
        "generate {SOP_COUNT} SOPs into {SOPS_1000}/ (from sops/)"
    ));
    let sops_1000 = root.join(SOPS_1000);
    let n = crate::sopgen::generate(&root.join("sops"), &sops_1000, SOP_COUNT)?;
    println!("xtask: {n} SOP files in {SOPS_1000}/");
    step.finish(true);

    let mut step =
        Step::start("the widget: trunk build --release --offline (as `cargo xtask test`)");
    let ok = tools.trunk_build()?;
    step.finish(ok);
    if !ok {
        return Err("the widget's trunk build failed (see above)".into());
    }

    let mut step = Step::start(&format!(
        "the reference: trunk build --release --offline in {REFERENCE_DIR}/ into {REFERENCE_DIST}/"
    ));
    // A plain Leptos app: `--cfg erase_components` (.cargo/config.toml) is a
    // lever for the widget's large view tree, and makes a counter 17 KB
    // (7 KB gzip) bigger. Its own target directory, so the widget's is not rebuilt.
    let ok = run::status(
        tools
            .command("trunk")
            .current_dir(root.join(REFERENCE_DIR))
            .args(["build", "--release", "--offline", "--dist"])
            .arg(reference_dist)
            .env("RUSTFLAGS", "")
            .env("CARGO_TARGET_DIR", root.join(TARGET_REFERENCE))
            .env_remove("NO_COLOR"),
    )?;
    // The same loader (out of the page) and the same minified glue as the widget.
    let ok = ok && {
        loader(reference_dist)?;
        tools.minify_glue(reference_dist, "index.html")?
    };
    step.finish(ok);
    if !ok {
        return Err("the reference's trunk build failed (see above)".into());
    }

    let mut step = Step::start(&format!(
        "the widget with {SOP_COUNT} SOPs: dist/ copied to {DIST_1000}/, its catalogue \
         data written from {SOPS_1000}/"
    ));
    if dist_1000.exists() {
        std::fs::remove_dir_all(dist_1000)
            .map_err(|e| format!("cannot clear {}: {e}", dist_1000.display()))?;
    }
    copy_dir(&root.join("dist"), dist_1000)?;
    std::fs::remove_dir_all(dist_1000.join("katalog"))
        .map_err(|e| format!("cannot clear {DIST_1000}/katalog: {e}"))?;
    let ok = tools.write_data(&sops_1000, dist_1000)?;
    if ok {
        // The same service worker as dist/, so that both load the same way.
        crate::offline::write(dist_1000)?;
    }
    step.finish(ok);
    if !ok {
        return Err(format!(
            "the {SOP_COUNT}-SOP catalogue data failed (see above; a generated SOP the \
             lint refuses is named there)"
        ));
    }
    Ok(())
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    let entries =
        std::fs::read_dir(from).map_err(|e| format!("cannot read {}: {e}", from.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let dest = to.join(entry.file_name());
        if path.is_dir() {
            copy_dir(&path, &dest)?;
        } else {
            std::fs::copy(&path, &dest)
                .map_err(|e| format!("cannot copy {}: {e}", path.display()))?;
        }
    }
    Ok(())
}

/// The loader out of `index.html`, as `Tools::trunk_build` does for `dist/`
/// (without the way to training's page: the counter has none).
fn loader(dist: &Path) -> Result<()> {
    if let Some(name) = crate::loader::externalize_page(dist, "index.html", "/")? {
        println!(
            "xtask: moved trunk's inline loader to {}/{name}",
            dist.display()
        );
    }
    Ok(())
}

/// The reference must be built like the widget: the same trunk, wasm-opt and
/// wasm-opt options. Compares `bench/reference/` with the root's files.
fn check_reference_config(root: &Path) -> Result<()> {
    let read = |p: PathBuf| {
        std::fs::read_to_string(&p).map_err(|e| format!("cannot read {}: {e}", p.display()))
    };
    let reference = root.join(REFERENCE_DIR);
    let (widget_trunk, reference_trunk) = (
        read(root.join("Trunk.toml"))?,
        read(reference.join("Trunk.toml"))?,
    );
    for (section, key) in TRUNK_SETTINGS {
        let (a, b) = (
            toml_raw(&widget_trunk, section, key),
            toml_raw(&reference_trunk, section, key),
        );
        if a != b {
            return Err(format!(
                "{REFERENCE_DIR}/Trunk.toml has {key} = {b:?} but Trunk.toml has {a:?}: \
                 the reference must be built with the same tools"
            ));
        }
    }
    let (widget_html, reference_html) = (
        read(root.join("index.html"))?,
        read(reference.join("index.html"))?,
    );
    for attr in ["data-wasm-opt", "data-wasm-opt-params"] {
        let (a, b) = (
            rust_link_attr(&widget_html, attr),
            rust_link_attr(&reference_html, attr),
        );
        if a.is_none() || a != b {
            return Err(format!(
                "{REFERENCE_DIR}/index.html has {attr}={b:?} but index.html has {a:?}: \
                 the reference must get the same wasm-opt"
            ));
        }
    }
    Ok(())
}

/// The Trunk.toml settings that change what trunk builds, as (section, key):
/// the reference's must equal the widget's.
const TRUNK_SETTINGS: [(&str, &str); 8] = [
    ("", "trunk-version"),
    ("build", "public_url"),
    ("build", "offline"),
    ("build", "filehash"),
    ("build", "no_sri"),
    ("build", "minify"),
    ("build", "release"),
    ("tools", "wasm_opt"),
];

/// The value of `attr` on the page's `<link data-trunk rel="rust" ...>`.
pub fn rust_link_attr(html: &str, attr: &str) -> Option<String> {
    let mut rest = html;
    while let Some(start) = rest.find("<link") {
        let tag_end = rest[start..].find('>')? + start;
        let tag = &rest[start..tag_end];
        rest = &rest[tag_end..];
        if !(tag.contains("data-trunk") && tag.contains("rel=\"rust\"")) {
            continue;
        }
        let needle = format!("{attr}=\"");
        // Not a longer attribute that ends with this name (data-wasm-opt vs ...-params).
        let mut from = 0;
        while let Some(at) = tag[from..].find(&needle) {
            let at = from + at;
            let before = tag[..at].chars().last();
            if before.is_some_and(char::is_whitespace) {
                let value = &tag[at + needle.len()..];
                return value.split('"').next().map(str::to_string);
            }
            from = at + needle.len();
        }
        return None;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options() {
        assert_eq!(parse_args(&[]).unwrap(), BenchArgs::default());
        let a = parse_args(&["--check".into(), "--no-build".into()]).unwrap();
        assert!(a.check && a.no_build);
        assert!(parse_args(&["--fast".into()]).is_err());
    }

    #[test]
    fn reads_trunk_settings_as_written() {
        let text = "trunk-version = \"=0.21.14\" # pinned\n[build]\nfilehash = true # hashes\n\
                    minify = \"on_release\"\n# no_sri = true\n[tools]\nwasm_opt = \"version_132\"\n";
        assert_eq!(
            toml_raw(text, "", "trunk-version").as_deref(),
            Some("\"=0.21.14\"")
        );
        assert_eq!(toml_raw(text, "build", "filehash").as_deref(), Some("true"));
        assert_eq!(
            toml_raw(text, "build", "minify").as_deref(),
            Some("\"on_release\"")
        );
        assert_eq!(toml_raw(text, "build", "no_sri"), None);
        assert_eq!(
            toml_raw(text, "tools", "wasm_opt").as_deref(),
            Some("\"version_132\"")
        );
        assert_eq!(toml_raw(text, "build", "wasm_opt"), None);
    }

    #[test]
    fn reads_the_rust_link() {
        let html = "<head>\n<link data-trunk rel=\"css\" href=\"a.css\" />\n  <link data-trunk rel=\"rust\" data-wasm-opt=\"z\"\n        data-wasm-opt-params=\"--enable-bulk-memory --enable-sign-ext\" />\n</head>";
        assert_eq!(rust_link_attr(html, "data-wasm-opt").as_deref(), Some("z"));
        assert_eq!(
            rust_link_attr(html, "data-wasm-opt-params").as_deref(),
            Some("--enable-bulk-memory --enable-sign-ext")
        );
        assert_eq!(rust_link_attr(html, "data-bin"), None);
        assert_eq!(rust_link_attr("<link rel=\"icon\">", "data-wasm-opt"), None);
    }

    #[test]
    fn the_reference_is_configured_like_the_widget() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
        check_reference_config(root).unwrap();
    }
}
