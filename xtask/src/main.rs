//! Pandu's task runner, run as `cargo xtask <command>` (alias in `.cargo/config.toml`).
//!
//! - `setup`: install whatever the other commands need and is missing.
//! - `serve`: build the app with trunk and serve `dist/` on 127.0.0.1.
//! - `test`: fmt, clippy, native tests, the wasm build and the browser tests,
//!   ending with one `N passed, N failed` line.
//! - `bench`: the performance benchmark (`bench.rs`, `tests/bench/`).
//!
//! Std only, on purpose: this crate is compiled on every CI run, before anything else.

mod bench;
mod bundle;
mod loader;
mod offline;
mod run;
mod server;
mod sopgen;
mod studio;
mod tools;

use std::net::{Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use run::{Step, Tally};
use server::{Server, ServerOptions};
use tools::{Needs, Tools};

/// Errors are plain messages: every one of them is meant for a person.
pub type Result<T> = std::result::Result<T, String>;

const USAGE: &str = "\
Pandu's task runner.

USAGE:
    cargo xtask <COMMAND> [OPTIONS]

COMMANDS:
    setup    Install what is missing: wasm32 target, trunk, wasm-bindgen-cli,
             npm packages (wasm-opt, playwright-core, axe-core), Chromium,
             LibreOffice Calc (libreoffice-calc-nogui, for the CSV test).
    serve    Build with `trunk build --release --offline` and serve dist/ on
             http://127.0.0.1:8080/ until Ctrl-C.
               --port N     port to listen on (default 8080; 0 = any free port)
               --csp        add the app's Content-Security-Policy header
               --no-build   serve the existing dist/ without building
               --dir DIR    serve DIR instead of dist/ (implies --no-build)
    test     Run every check: cargo fmt --check, clippy -D warnings,
             cargo test --workspace, the trunk release build and the
             browser tests (node --test tests/browser/*.test.mjs).
             The last line printed is `N passed, N failed`.
    bench    The performance benchmark, against its budgets: builds the widget
             (as `test` does), a minimal Leptos counter as the reference
             (bench/reference/) and the widget with 1,000 generated SOPs,
             then measures sizes (raw, gzip, brotli), time to ready (1x and
             4x CPU throttling), step transitions, memory over 500 steps,
             search over 1,000 SOPs and Lighthouse (mobile) in headless
             Chromium, prints a table and writes target/bench/bench.json.
             Installs the npm packages of tests/bench (playwright-core,
             lighthouse) the first time.
               --check      exit non-zero when a budget is missed
               --no-build   measure the builds of the last run again
             Run counts for quick tries: PANDU_BENCH_RUNS (default 15),
             PANDU_BENCH_STEPS (200), PANDU_BENCH_MEMORY_STEPS (500),
             PANDU_BENCH_LIGHTHOUSE=0 skips Lighthouse, PANDU_BENCH_ONLY=
             sizes,ready,steps,memory,search,lighthouse measures only those
             (what is skipped counts as a missed budget).
    help     Show this text.
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match real_main(&args) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("xtask: error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn real_main(args: &[String]) -> Result<ExitCode> {
    let root = workspace_root();
    std::env::set_current_dir(&root)
        .map_err(|e| format!("cannot enter the workspace {}: {e}", root.display()))?;
    let (command, rest) = match args.split_first() {
        Some((c, rest)) => (c.as_str(), rest),
        None => ("help", &[][..]),
    };
    match command {
        "setup" => {
            no_options(rest)?;
            Tools::ensure(&root, Needs::everything())?;
            println!("xtask: setup complete.");
            Ok(ExitCode::SUCCESS)
        }
        "serve" => serve(&root, rest),
        "test" => {
            no_options(rest)?;
            test(&root)
        }
        "bench" => bench::bench(&root, rest),
        "help" | "-h" | "--help" => {
            print!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        other => Err(format!("unknown command `{other}`\n\n{USAGE}")),
    }
}

/// The workspace root: the parent of this crate's directory.
fn workspace_root() -> PathBuf {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    here.parent().unwrap_or(here).to_path_buf()
}

fn no_options(rest: &[String]) -> Result<()> {
    match rest.first() {
        None => Ok(()),
        Some(arg) => Err(format!("unexpected argument `{arg}`\n\n{USAGE}")),
    }
}

struct ServeArgs {
    port: u16,
    csp: bool,
    build: bool,
    dir: Option<PathBuf>,
}

fn parse_serve_args(rest: &[String]) -> Result<ServeArgs> {
    let mut parsed = ServeArgs {
        port: 8080,
        csp: false,
        build: true,
        dir: None,
    };
    let mut it = rest.iter();
    while let Some(arg) = it.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) => (f, Some(v.to_string())),
            None => (arg.as_str(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| it.next().cloned())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match flag {
            "--port" => {
                let v = value("--port")?;
                parsed.port = v
                    .parse()
                    .map_err(|_| format!("--port: `{v}` is not a port number"))?;
            }
            "--csp" => parsed.csp = true,
            "--no-build" => parsed.build = false,
            "--dir" => {
                parsed.dir = Some(PathBuf::from(value("--dir")?));
                parsed.build = false;
            }
            _ => return Err(format!("serve: unknown option `{arg}`\n\n{USAGE}")),
        }
    }
    Ok(parsed)
}

fn serve(root: &Path, rest: &[String]) -> Result<ExitCode> {
    let args = parse_serve_args(rest)?;
    if args.build {
        let tools = Tools::ensure(root, Needs::build())?;
        let mut step = Step::start("trunk build --release --offline");
        let ok = tools.trunk_build()?;
        step.finish(ok);
        if !ok {
            return Err("trunk build failed (see above)".into());
        }
    }
    let dir = args.dir.unwrap_or_else(|| root.join("dist"));
    if !dir.join("index.html").is_file() {
        return Err(format!(
            "{} has no index.html: build first (`cargo xtask serve` without --no-build)",
            dir.display()
        ));
    }
    let mut options = ServerOptions::new(dir, SocketAddr::from((Ipv4Addr::LOCALHOST, args.port)));
    options.log_requests = true;
    if args.csp {
        options.add_header("Content-Security-Policy", server::CSP);
    }
    let server = Server::bind(options).map_err(|e| {
        format!(
            "cannot listen on 127.0.0.1:{}: {e} (another server running? try --port N)",
            args.port
        )
    })?;
    println!();
    println!("Pandu: http://{}/", server.local_addr());
    println!(
        "Demo console (Pandu as a side panel): http://{}/demo/console.html",
        server.local_addr()
    );
    println!("(serving {}; Ctrl-C to stop)", server.root().display());
    server.run();
    Ok(ExitCode::SUCCESS)
}

fn test(root: &Path) -> Result<ExitCode> {
    let started = Instant::now();
    let tools = Tools::ensure(root, Needs::everything())?;
    let mut tally = Tally::default();
    let mut failed_steps: Vec<&str> = Vec::new();
    let mut check = |name: &'static str, ok: bool| {
        if !ok {
            failed_steps.push(name);
        }
    };

    let mut step = Step::start("cargo fmt --all --check");
    let ok = run::status(tools.command("cargo").args(["fmt", "--all", "--check"]))?;
    step.finish(ok);
    check("cargo fmt --all --check", ok);

    // With the studio (feature `studio` of `pandu`): its code is linted and
    // its pure modules tested too; the widget's own code is the same either way.
    let mut step = Step::start(
        "cargo clippy --workspace --all-targets --features pandu/studio -- -D warnings",
    );
    let ok = run::status(tools.command("cargo").args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--features",
        "pandu/studio",
        "--",
        "-D",
        "warnings",
    ]))?;
    step.finish(ok);
    check("cargo clippy", ok);

    // The live bundle (`index.html`) builds without the default `training`
    // feature: its code paths are linted too.
    let mut step =
        Step::start("cargo clippy -p pandu --no-default-features --all-targets -- -D warnings");
    let ok = run::status(tools.command("cargo").args([
        "clippy",
        "-p",
        "pandu",
        "--no-default-features",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    step.finish(ok);
    check("cargo clippy (live bundle)", ok);

    let mut step = Step::start("cargo test --workspace --features pandu/studio --no-fail-fast");
    let mut cargo_test = tools.command("cargo");
    // --no-fail-fast: one failing test binary must not hide the counts of the others.
    cargo_test.args([
        "test",
        "--workspace",
        "--features",
        "pandu/studio",
        "--no-fail-fast",
    ]);
    if run::stdout_is_terminal() {
        // Piped output loses cargo's colours; ask for them back when a person watches.
        cargo_test.args(["--color", "always", "--", "--color", "always"]);
    }
    let ok = run::tee(&mut cargo_test, |line| tally.cargo_line(line))?;
    step.finish(ok);
    check("cargo test --workspace", ok);

    let mut step = Step::start("trunk build --release --offline");
    let built = tools.trunk_build()?;
    step.finish(built);
    check("trunk build --release --offline", built);

    if built {
        let mut step = Step::start("browser tests (node --test tests/browser/)");
        let ok = browser_tests(root, &tools, &mut tally)?;
        step.finish(ok);
        check("browser tests", ok);
    } else {
        println!("xtask: skipping the browser tests: there is no build to test.");
        failed_steps.push("browser tests (skipped: no build)");
    }

    println!();
    println!("xtask: everything took {:.1?}", started.elapsed());
    let zero = tally.passed + tally.failed == 0;
    if !failed_steps.is_empty() {
        println!("xtask: failed steps: {}", failed_steps.join("; "));
    }
    if zero {
        println!("xtask: no test ran at all, which counts as a failure.");
    }
    // The very last line: the one CI and people read.
    println!("{}", tally.summary());
    if failed_steps.is_empty() && tally.failed == 0 && !zero {
        Ok(ExitCode::SUCCESS)
    } else {
        Ok(ExitCode::FAILURE)
    }
}

/// A fresh, empty directory for a test (`what` keeps tests apart).
#[cfg(test)]
pub(crate) fn scratch(what: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("pandu-xtask-{what}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// The `*.test.mjs` files of a directory, in name order.
pub(crate) fn test_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.ends_with(".test.mjs") || n.ends_with(".test.js"))
        })
        .collect();
    files.sort();
    Ok(files)
}

/// Serves `dist/` on a free port in a thread and runs every `tests/browser/*.test.mjs` against it.
fn browser_tests(root: &Path, tools: &Tools, tally: &mut Tally) -> Result<bool> {
    let test_dir = root.join("tests/browser");
    let mut files = test_files(&test_dir)?;
    // The benchmark's own helpers (percentiles, its server) and the build's scripts
    // (`xtask/js`) need no browser: they run here too.
    files.extend(test_files(&root.join("tests/bench"))?);
    files.extend(test_files(&root.join("xtask/js"))?);
    if files.is_empty() {
        println!("xtask: no browser test files in {}", test_dir.display());
        return Ok(false);
    }

    let options = ServerOptions::new(
        root.join("dist"),
        SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
    );
    let server = Server::bind(options)
        .map_err(|e| format!("cannot start the test server on 127.0.0.1: {e}"))?;
    let url = format!("http://{}/", server.local_addr());
    println!("xtask: serving dist/ at {url} for the browser tests (PANDU_URL)");
    let running = server.spawn();

    // The same build once more behind the strict CSP that host consoles use.
    let mut csp_options = ServerOptions::new(
        root.join("dist"),
        SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
    );
    csp_options.add_header("Content-Security-Policy", server::CSP);
    let csp_server = Server::bind(csp_options)
        .map_err(|e| format!("cannot start the CSP test server on 127.0.0.1: {e}"))?;
    let csp_url = format!("http://{}/", csp_server.local_addr());
    println!("xtask: serving dist/ with a strict CSP at {csp_url} (PANDU_CSP_URL)");
    let csp_running = csp_server.spawn();

    // Spec output for people on stdout, TAP to a file for the counts.
    let tap = root.join("target/xtask/node-tests.tap");
    if let Some(dir) = tap.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    let _ = std::fs::remove_file(&tap);
    let mut node = tools.command("node");
    node.arg("--test")
        .arg("--test-reporter=spec")
        .arg("--test-reporter-destination=stdout")
        .arg("--test-reporter=tap")
        .arg(format!("--test-reporter-destination={}", tap.display()))
        .args(&files)
        .env("PANDU_URL", &url)
        .env("PANDU_CSP_URL", &csp_url)
        .env("PANDU_CHROMIUM", tools.chromium());
    let ok = run::status(&mut node);
    running.stop();
    csp_running.stop();
    let ok = ok?;

    match std::fs::read_to_string(&tap) {
        Ok(text) => text.lines().for_each(|line| tally.tap_line(line)),
        Err(e) => {
            println!("xtask: node wrote no TAP report ({}): {e}", tap.display());
            return Ok(false);
        }
    }
    Ok(ok)
}
