//! Reads and lints `sops/*.toml` at build time and embeds them as JSON texts,
//! one heading and one body per SOP (`pandu_engine::library::Packed`), which
//! the widget reads with the engine's small JSON reader, steps only when a
//! call needs them: no TOML or serde parser ships in the wasm. A broken SOP
//! file fails the build with its file, line or step.
//!
//! `PANDU_SOPS_DIR` builds another directory instead (the benchmark's
//! thousand generated SOPs).

use pandu_engine::authoring::{load_dir, packed_rust};
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-env-changed=PANDU_SOPS_DIR");
    let dir = match std::env::var_os("PANDU_SOPS_DIR") {
        Some(d) => std::path::PathBuf::from(d),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("sops"),
    };
    println!("cargo:rerun-if-changed={}", dir.display());
    if let Ok(rd) = std::fs::read_dir(&dir) {
        for e in rd.flatten() {
            println!("cargo:rerun-if-changed={}", e.path().display());
        }
    }
    let loaded = load_dir(&dir);
    if !loaded.is_clean() {
        for line in loaded.report().lines() {
            println!("cargo:warning={line}");
        }
        panic!("SOP di sops/ tidak lolos pemeriksaan:\n{}", loaded.report());
    }
    // Warnings do not stop the build; a catalogue of copies (the benchmark's)
    // would print thousands, so a few are shown and the rest counted.
    const SHOWN: usize = 20;
    for w in loaded.lint_warnings.iter().take(SHOWN) {
        println!("cargo:warning=peringatan: {w}");
    }
    if loaded.lint_warnings.len() > SHOWN {
        println!(
            "cargo:warning=peringatan: ... dan {} lainnya",
            loaded.lint_warnings.len() - SHOWN
        );
    }
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).to_path_buf();
    std::fs::write(out.join("sops.rs"), packed_rust(&loaded.catalog())).expect("write sops.rs");
}
