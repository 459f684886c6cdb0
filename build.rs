//! Reads and lints `sops/*.toml` at build time and embeds them as compact
//! JSON, which the widget hands to the browser's own `JSON.parse`: no TOML or
//! JSON parser ships in the wasm. A broken SOP file fails the build with its
//! file, line or step.

use pandu_engine::authoring::load_dir;
use std::path::Path;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sops");
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
    let json = serde_json::to_string(&loaded.catalog()).expect("catalogue serialises");
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("sops.json");
    std::fs::write(out, json).expect("write sops.json");
}
