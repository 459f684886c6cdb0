//! Making sure the tools are here: checked quickly by version, installed when missing.
//!
//! Versions come from the files that already pin them, never from this file:
//! - trunk: `trunk-version = "=X"` in `Trunk.toml`;
//! - wasm-bindgen-cli: the `wasm-bindgen` crate in `Cargo.lock` (pinned with `=` in `Cargo.toml`);
//! - wasm-opt: the npm package `binaryen` in `tests/browser/package.json`, checked against
//!   `wasm_opt = "version_N"` in `Trunk.toml`'s `[tools]`.
//!
//! Every command the xtask starts gets a PATH with `tests/browser/node_modules/.bin` (wasm-opt)
//! and cargo's bin directory (trunk, wasm-bindgen) in front, so that trunk, running offline,
//! finds exactly the pinned versions instead of trying to download them.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::run::{self, describe};
use crate::Result;

const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// The npm project holding wasm-opt, playwright-core and axe-core.
const NPM_DIR: &str = "tests/browser";
/// The npm project of the benchmark (playwright-core, lighthouse).
const BENCH_NPM_DIR: &str = "tests/bench";
/// Written into node_modules after a successful install: the lock it was installed from.
const NPM_STAMP: &str = "node_modules/.pandu-installed-from";

/// What a command needs.
#[derive(Clone, Copy, Debug)]
pub struct Needs {
    /// rustfmt and clippy.
    pub lint: bool,
    /// The wasm target, trunk, wasm-bindgen-cli, wasm-opt and the crates, for `trunk build`.
    pub build: bool,
    /// Chromium and the npm test packages.
    pub browser: bool,
    /// LibreOffice Calc, headless: the engine's tests open the HoCC CSV in it.
    pub spreadsheet: bool,
}

impl Needs {
    pub fn build() -> Needs {
        Needs {
            lint: false,
            build: true,
            browser: false,
            spreadsheet: false,
        }
    }

    /// `cargo xtask bench`: the build and Chromium, no rustfmt or clippy.
    pub fn bench() -> Needs {
        Needs {
            lint: false,
            build: true,
            browser: true,
            spreadsheet: false,
        }
    }

    pub fn everything() -> Needs {
        Needs {
            lint: true,
            build: true,
            browser: true,
            spreadsheet: true,
        }
    }
}

/// The checked tools, and the environment to run them in.
pub struct Tools {
    root: PathBuf,
    path: OsString,
    chromium: PathBuf,
}

impl Tools {
    /// Checks (and installs, when missing) what `needs` asks for.
    pub fn ensure(root: &Path, needs: Needs) -> Result<Tools> {
        let mut dirs = vec![
            root.join(NPM_DIR).join("node_modules/.bin"),
            cargo_bin_dir(),
        ];
        if let Some(path) = std::env::var_os("PATH") {
            dirs.extend(std::env::split_paths(&path));
        }
        let path = std::env::join_paths(dirs).map_err(|e| format!("cannot build PATH: {e}"))?;
        let chromium = std::env::var_os("PANDU_CHROMIUM")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
        let tools = Tools {
            root: root.to_path_buf(),
            path,
            chromium,
        };

        let mut step = run::Step::start("setup: checking tools (installing what is missing)");
        if needs.lint {
            tools.rust_components()?;
        }
        if needs.build {
            tools.wasm_target()?;
            tools.trunk()?;
            tools.wasm_bindgen()?;
        }
        if needs.build || needs.browser {
            tools.node()?;
            tools.npm_packages()?;
        }
        if needs.build {
            tools.wasm_opt()?;
            tools.crates()?;
        }
        if needs.browser {
            tools.browser()?;
        }
        if needs.spreadsheet {
            tools.libreoffice()?;
        }
        step.finish(true);
        Ok(tools)
    }

    /// A command run from the workspace root with the tools' PATH.
    pub fn command(&self, program: &str) -> Command {
        let mut cmd = Command::new(program);
        cmd.current_dir(&self.root).env("PATH", &self.path);
        cmd
    }

    pub fn chromium(&self) -> &Path {
        &self.chromium
    }

    /// `trunk build --release --offline`, then the loader moved out of
    /// `index.html` so the page runs under a strict CSP (see `loader.rs`).
    pub fn trunk_build(&self) -> Result<bool> {
        let ok = run::status(
            self.command("trunk")
                .args(["build", "--release", "--offline"])
                .env_remove("NO_COLOR"),
        )?;
        if ok {
            if let Some(name) = crate::loader::externalize(&self.root.join("dist"))? {
                println!("xtask: moved trunk's inline loader to dist/{name} (strict CSP)");
            }
            if !self.minify_glue(&self.root.join("dist"), "index.html")? {
                return Ok(false);
            }
            // The catalogue and the drills as data next to the app: no SOP
            // text in the wasm. A drill that no longer walks fails here.
            if !self.write_data(&self.root.join("sops"), &self.root.join("dist"))? {
                return Ok(false);
            }
            if !self.side_builds()? {
                return Ok(false);
            }
            // After the side bundles: the embed script loads training's.
            let build = crate::offline::write(&self.root.join("dist"))?;
            println!(
                "xtask: wrote dist/sw.js ({} files for offline use) and dist/pandu-embed.js",
                build.files.len()
            );
            // Last: every file of the build is final now.
            return run::status(
                self.command("node")
                    .arg("xtask/js/compress.mjs")
                    .arg(self.root.join("dist")),
            );
        }
        Ok(ok)
    }

    /// The catalogue (`katalog.json`, one body and one map per SOP) and the drills of
    /// the SOP directory `sops`, written into `dist` by the engine's `data` example.
    pub fn write_data(&self, sops: &Path, dist: &Path) -> Result<bool> {
        run::status(
            self.command("cargo")
                .args([
                    "run",
                    "--quiet",
                    "-p",
                    "pandu-engine",
                    "--features",
                    "authoring,map",
                    "--example",
                    "data",
                    "--",
                ])
                .arg(sops)
                .arg(dist),
        )
    }

    /// Training's and the studio's bundles (`bundle.rs`), each built apart
    /// so the widget's stays as it was, then put beside it in `dist/`; the
    /// studio with the SOP sources it opens (see `studio.rs`).
    fn side_builds(&self) -> Result<bool> {
        let dist = self.root.join("dist");
        for side in [crate::bundle::TRAINING, crate::bundle::STUDIO] {
            let built = self.root.join(side.build_dir);
            let ok = run::status(
                self.command("trunk")
                    // The page first: `--offline` takes an optional value.
                    .args(["build", side.page, "--release", "--offline"])
                    .arg("--dist")
                    .arg(&built)
                    .args(["--public-url", side.public_url])
                    .env_remove("NO_COLOR"),
            )?;
            if !ok || !self.minify_glue(&built, "index.html")? {
                return Ok(false);
            }
            let n = side.install(&built, &dist)?;
            println!(
                "xtask: put {} in dist/ and its {n} files in dist{}",
                side.page, side.public_url
            );
        }
        let names = crate::studio::sources(&self.root.join("sops"), &dist)?;
        println!(
            "xtask: {} SOP sources for the studio in dist/sumber/",
            names.len()
        );
        Ok(true)
    }

    /// Minify the wasm-bindgen glue of the build in `dir` (trunk 0.21 cannot)
    /// and keep `page`'s subresource integrity right (`xtask/js/minify-glue.mjs`).
    pub fn minify_glue(&self, dir: &Path, page: &str) -> Result<bool> {
        let names: Vec<String> = std::fs::read_dir(dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .filter_map(|e| e.ok()?.file_name().to_str().map(String::from))
            .collect();
        let glue: Vec<String> = names
            .iter()
            .filter_map(|n| n.strip_suffix("_bg.wasm"))
            .map(|stem| format!("{stem}.js"))
            .filter(|js| names.contains(js))
            .collect();
        let [glue] = glue.as_slice() else {
            return Err(format!(
                "{} should hold one wasm and its wasm-bindgen script, found {glue:?}",
                dir.display()
            ));
        };
        run::status(
            self.command("node")
                .arg("xtask/js/minify-glue.mjs")
                .arg(self.root.join(NPM_DIR))
                .arg(dir.join(glue))
                .arg(dir.join(page)),
        )
    }

    /// The first line a command prints, if it runs and succeeds.
    fn output(&self, program: &str, args: &[&str]) -> Option<String> {
        let out = self
            .command(program)
            .args(args)
            .stdin(Stdio::null())
            .stderr(Stdio::null())
            .output()
            .ok()?;
        if !out.status.success() {
            return None;
        }
        let text = String::from_utf8_lossy(&out.stdout);
        Some(text.lines().next().unwrap_or("").trim().to_string())
    }

    fn install(&self, what: &str, why: &str, cmd: &mut Command) -> Result<()> {
        println!("setup: installing {what}: {why}");
        println!("setup: running `{}`", describe(cmd));
        if run::status(cmd)? {
            Ok(())
        } else {
            Err(format!("installing {what} failed: `{}`", describe(cmd)))
        }
    }

    fn rust_components(&self) -> Result<()> {
        let fmt = self.output("cargo", &["fmt", "--version"]);
        let clippy = self.output("cargo", &["clippy", "--version"]);
        if let (Some(fmt), Some(clippy)) = (&fmt, &clippy) {
            println!("setup: ok  {fmt}, {clippy}");
            return Ok(());
        }
        self.install(
            "rustfmt and clippy",
            "`cargo xtask test` checks formatting and lints",
            self.command("rustup")
                .args(["component", "add", "rustfmt", "clippy"]),
        )
    }

    fn wasm_target(&self) -> Result<()> {
        let libdir = self.output(
            "rustc",
            &["--print", "target-libdir", "--target", WASM_TARGET],
        );
        let installed = libdir.is_some_and(|dir| {
            std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_some())
        });
        if installed {
            println!("setup: ok  rust target {WASM_TARGET}");
            return Ok(());
        }
        self.install(
            &format!("the rust target {WASM_TARGET}"),
            "the app is compiled to WebAssembly",
            self.command("rustup").args(["target", "add", WASM_TARGET]),
        )
    }

    fn trunk(&self) -> Result<()> {
        let trunk_toml = self.read("Trunk.toml")?;
        let requirement = toml_value(&trunk_toml, "", "trunk-version")
            .ok_or("Trunk.toml has no `trunk-version = \"=X.Y.Z\"`")?;
        let version = requirement
            .strip_prefix('=')
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .ok_or_else(|| {
                format!("Trunk.toml: trunk-version must be an exact `=X.Y.Z`, not `{requirement}`")
            })?
            .to_string();
        let want = format!("trunk {version}");
        let found = self.output("trunk", &["--version"]);
        if found.as_deref() == Some(want.as_str()) {
            println!("setup: ok  {want}");
            return Ok(());
        }
        self.install(
            &format!("trunk {version} (found: {})", found.as_deref().unwrap_or("none")),
            "it builds the wasm app and bundles dist/; compiled from crates.io, a few minutes, once",
            self.command("cargo")
                .args(["install", "trunk", "--version", &version, "--locked"]),
        )?;
        self.expect_version("trunk", &want)
    }

    fn wasm_bindgen(&self) -> Result<()> {
        let version = self.wasm_bindgen_version()?;
        let want = format!("wasm-bindgen {version}");
        let found = self.output("wasm-bindgen", &["--version"]);
        if found.as_deref() == Some(want.as_str()) {
            println!("setup: ok  {want}");
            return Ok(());
        }
        // No `--locked`: the crate's own lock file does not build with this toolchain.
        self.install(
            &format!(
                "wasm-bindgen-cli {version} (found: {})",
                found.as_deref().unwrap_or("none")
            ),
            "trunk runs it to make the JS glue, and it must equal the app's wasm-bindgen crate",
            self.command("cargo")
                .args(["install", "wasm-bindgen-cli", "--version", &version]),
        )?;
        self.expect_version("wasm-bindgen", &want)
    }

    /// The `wasm-bindgen` crate's version: from Cargo.lock, else the `=` pin in Cargo.toml.
    fn wasm_bindgen_version(&self) -> Result<String> {
        if let Ok(lock) = self.read("Cargo.lock") {
            if let Some(v) = lock_version(&lock, "wasm-bindgen") {
                return Ok(v);
            }
        }
        let manifest = self.read("Cargo.toml")?;
        toml_value(&manifest, "dependencies", "wasm-bindgen")
            .and_then(|v| v.strip_prefix('=').map(str::to_string))
            .ok_or_else(|| {
                "cannot tell the wasm-bindgen version: no Cargo.lock entry and no \
                 `wasm-bindgen = \"=X.Y.Z\"` in Cargo.toml"
                    .to_string()
            })
    }

    fn node(&self) -> Result<()> {
        let version = self.output("node", &["--version"]).ok_or(
            "Node.js is missing: install Node.js 20 or newer with npm (the browser tests and \
             wasm-opt run on it)",
        )?;
        let major: u32 = version
            .trim_start_matches('v')
            .split('.')
            .next()
            .and_then(|m| m.parse().ok())
            .unwrap_or(0);
        if major < 20 {
            return Err(format!(
                "Node.js {version} is too old: the test runner needs 20 or newer"
            ));
        }
        let npm = self
            .output("npm", &["--version"])
            .ok_or("npm is missing (it comes with Node.js)")?;
        println!("setup: ok  node {version}, npm {npm}");
        Ok(())
    }

    /// `npm ci` in tests/browser, unless node_modules was installed from this very lock file.
    fn npm_packages(&self) -> Result<()> {
        self.npm_install(
            NPM_DIR,
            "wasm-opt (binaryen) for trunk, terser for the wasm-bindgen glue, playwright-core \
             and axe-core for the browser tests",
        )
    }

    /// `npm ci` in tests/bench (playwright-core, lighthouse): only `cargo xtask bench`
    /// asks for it, so CI never downloads Lighthouse.
    pub fn bench_packages(&self) -> Result<()> {
        self.npm_install(
            BENCH_NPM_DIR,
            "playwright-core and lighthouse for the benchmark",
        )
    }

    /// `npm ci` in `dir` (`npm install` when it has no lock yet), unless its
    /// node_modules was installed from this very lock file.
    fn npm_install(&self, dir_name: &str, why: &str) -> Result<()> {
        let dir = self.root.join(dir_name);
        let lock = std::fs::read(dir.join("package-lock.json")).ok();
        let manifest = std::fs::read(dir.join("package.json"))
            .map_err(|e| format!("cannot read {dir_name}/package.json: {e}"))?;
        let mut fingerprint = manifest;
        fingerprint.extend(lock.as_deref().unwrap_or_default());
        let stamp = dir.join(NPM_STAMP);
        if std::fs::read(&stamp).ok().as_deref() == Some(fingerprint.as_slice()) {
            println!("setup: ok  npm packages in {dir_name} (as locked)");
            return Ok(());
        }
        let verb = if lock.is_some() { "ci" } else { "install" };
        self.install(
            &format!("the npm packages of {dir_name} (npm {verb})"),
            why,
            self.command("npm")
                .current_dir(&dir)
                .args([verb, "--no-audit", "--no-fund"]),
        )?;
        if lock.is_none() {
            // `npm install` has just written the lock: fingerprint what is now on disk.
            fingerprint = std::fs::read(dir.join("package.json")).unwrap_or_default();
            fingerprint.extend(std::fs::read(dir.join("package-lock.json")).unwrap_or_default());
        }
        std::fs::write(&stamp, fingerprint)
            .map_err(|e| format!("cannot write {}: {e}", stamp.display()))
    }

    /// wasm-opt from npm must be the version Trunk.toml pins (trunk checks it too, offline).
    fn wasm_opt(&self) -> Result<()> {
        let trunk_toml = self.read("Trunk.toml")?;
        let want = toml_value(&trunk_toml, "tools", "wasm_opt")
            .ok_or("Trunk.toml has no `wasm_opt = \"version_N\"` under [tools]")?;
        let found = self.output("wasm-opt", &["--version"]);
        // `wasm-opt version 132 (version_132)`: trunk reads the third word.
        let found_version = found
            .as_deref()
            .and_then(|line| line.split(' ').nth(2))
            .map(|n| format!("version_{n}"));
        if found_version.as_deref() == Some(want.as_str()) {
            println!("setup: ok  {} (npm binaryen)", found.unwrap_or_default());
            return Ok(());
        }
        Err(format!(
            "wasm-opt: Trunk.toml wants {want} but PATH gives {} — set the npm package \
             `binaryen` in {NPM_DIR}/package.json to the same major version (Debian's \
             binaryen must not be used: its wasm-opt 108 builds a blank page)",
            found.as_deref().unwrap_or("none")
        ))
    }

    /// trunk builds with `cargo build --offline`: fetch the crates first.
    fn crates(&self) -> Result<()> {
        println!("setup: cargo fetch (trunk builds offline, so the crates must be downloaded)");
        if run::status(self.command("cargo").arg("fetch"))? {
            Ok(())
        } else {
            Err("`cargo fetch` failed".into())
        }
    }

    fn browser(&self) -> Result<()> {
        let chromium = self.chromium.to_string_lossy().into_owned();
        if let Some(version) = self.output(&chromium, &["--version"]) {
            println!("setup: ok  {version} ({chromium})");
            return Ok(());
        }
        if std::env::var_os("PANDU_CHROMIUM").is_some() {
            return Err(format!("PANDU_CHROMIUM={chromium} does not run"));
        }
        println!("setup: Chromium is missing; the browser tests drive Debian's chromium headless");
        self.install(
            "the Debian package lists",
            "to find chromium",
            &mut self.apt(&["apt-get", "update"]),
        )?;
        self.install(
            "chromium and chromium-driver",
            "the browser tests run in them (playwright-core drives /usr/bin/chromium)",
            &mut self.apt(&["apt-get", "install", "-y", "chromium", "chromium-driver"]),
        )?;
        let version = self
            .output(&chromium, &["--version"])
            .ok_or_else(|| format!("{chromium} still does not run after installing"))?;
        println!("setup: ok  {version}");
        Ok(())
    }

    /// The engine's test `the_hocc_csv_opens_right_in_libreoffice` fails
    /// without `soffice`; Debian's Calc without its GUI is enough.
    fn libreoffice(&self) -> Result<()> {
        if let Some(version) = self.output("soffice", &["--version"]) {
            println!("setup: ok  {version}");
            return Ok(());
        }
        println!(
            "setup: LibreOffice is missing; the engine's tests open the HoCC CSV in it, headless"
        );
        self.install(
            "the Debian package lists",
            "to find libreoffice-calc-nogui",
            &mut self.apt(&["apt-get", "update"]),
        )?;
        self.install(
            "libreoffice-calc-nogui",
            "the HoCC CSV test opens the file in LibreOffice Calc as a spreadsheet user would",
            &mut self.apt(&[
                "apt-get",
                "install",
                "-y",
                "--no-install-recommends",
                "libreoffice-calc-nogui",
            ]),
        )?;
        let version = self
            .output("soffice", &["--version"])
            .ok_or("soffice still does not run after installing libreoffice-calc-nogui")?;
        println!("setup: ok  {version}");
        Ok(())
    }

    /// An apt command, through `sudo -n` unless this is root.
    fn apt(&self, args: &[&str]) -> Command {
        let root = self.output("id", &["-u"]).as_deref() == Some("0");
        let sudo: &[&str] = if root { &[] } else { &["sudo", "-n"] };
        let all: Vec<&str> = sudo.iter().chain(args).copied().collect();
        let mut cmd = self.command(all[0]);
        cmd.args(&all[1..]).env("DEBIAN_FRONTEND", "noninteractive");
        cmd
    }

    fn expect_version(&self, program: &str, want: &str) -> Result<()> {
        match self.output(program, &["--version"]) {
            Some(found) if found == want => {
                println!("setup: ok  {found}");
                Ok(())
            }
            found => Err(format!(
                "after installing, `{program} --version` says {} instead of `{want}`: \
                 is another {program} earlier on PATH?",
                found.as_deref().unwrap_or("nothing")
            )),
        }
    }

    fn read(&self, file: &str) -> Result<String> {
        std::fs::read_to_string(self.root.join(file))
            .map_err(|e| format!("cannot read {file}: {e}"))
    }
}

/// Where `cargo install` puts binaries.
fn cargo_bin_dir() -> PathBuf {
    if let Some(root) = std::env::var_os("CARGO_INSTALL_ROOT") {
        return PathBuf::from(root).join("bin");
    }
    if let Some(home) = std::env::var_os("CARGO_HOME") {
        return PathBuf::from(home).join("bin");
    }
    let home = std::env::var_os("HOME").unwrap_or_default();
    PathBuf::from(home).join(".cargo/bin")
}

/// A value as written (`"=0.21.14"`, `true`), from `key = value` in
/// `[section]` (`""` for the top level), without its comment. Not a TOML
/// parser: enough for Trunk.toml.
pub fn toml_raw(text: &str, section: &str, key: &str) -> Option<String> {
    let mut current = String::new();
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[') {
            current = name.trim_matches(['[', ']', ' ']).to_string();
            continue;
        }
        if current != section {
            continue;
        }
        let Some((k, v)) = line.split_once('=') else {
            continue;
        };
        if k.trim() != key {
            continue;
        }
        let v = v.trim();
        let value = match v.strip_prefix('"') {
            Some(quoted) => format!("\"{}\"", quoted.split('"').next().unwrap_or("")),
            None => v.split('#').next().unwrap_or("").trim().to_string(),
        };
        return Some(value);
    }
    None
}

/// A quoted string value from a simple TOML file: `key = "value"` in `[section]`
/// (`""` for the top level). Enough for Trunk.toml and Cargo.toml.
pub fn toml_value(text: &str, section: &str, key: &str) -> Option<String> {
    let raw = toml_raw(text, section, key)?;
    raw.strip_prefix('"')?.strip_suffix('"').map(str::to_string)
}

/// A package's version in a Cargo.lock.
fn lock_version(lock: &str, package: &str) -> Option<String> {
    let want = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() != want {
            continue;
        }
        for next in lines.by_ref() {
            let next = next.trim();
            if let Some(v) = next.strip_prefix("version = \"") {
                return v.strip_suffix('"').map(str::to_string);
            }
            if next.is_empty() || next.starts_with('[') {
                break;
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_trunk_toml_pins() {
        let text = "# Trunk\ntrunk-version = \"=0.21.14\" # pinned\n\n[build]\nrelease = true\n\
                    [tools]\n# wasm_opt = \"version_1\"\nwasm_opt = \"version_132\"\n";
        assert_eq!(
            toml_value(text, "", "trunk-version").as_deref(),
            Some("=0.21.14")
        );
        assert_eq!(
            toml_value(text, "tools", "wasm_opt").as_deref(),
            Some("version_132")
        );
        assert_eq!(toml_value(text, "build", "wasm_opt"), None);
    }

    #[test]
    fn reads_cargo_pins() {
        let manifest =
            "[dependencies]\nleptos = { version = \"0.8\" }\nwasm-bindgen = \"=0.2.130\"\n";
        assert_eq!(
            toml_value(manifest, "dependencies", "wasm-bindgen").as_deref(),
            Some("=0.2.130")
        );
        let lock =
            "[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\nsource = \"x\"\n\n\
                    [[package]]\nname = \"wasm-bindgen-macro\"\nversion = \"0.2.131\"\n";
        assert_eq!(
            lock_version(lock, "wasm-bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(
            lock_version(lock, "wasm-bindgen-macro").as_deref(),
            Some("0.2.131")
        );
        assert_eq!(lock_version(lock, "leptos"), None);
    }
}
