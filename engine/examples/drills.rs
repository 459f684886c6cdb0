//! Writes the training drills of an SOP directory as JSON, for the widget to
//! fetch when training mode opens (they stay out of the wasm every CSO
//! downloads at each start). Run by `cargo xtask` after each build:
//!
//!     cargo run -p pandu-engine --features authoring --example drills -- sops dist/drills.json
//!
//! A drill that no longer walks on its SOP fails with its file and name.

use pandu_engine::authoring::{drills, load_dir};
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, out] = args.as_slice() else {
        eprintln!("pemakaian: drills <direktori SOP> <berkas keluaran .json>");
        return ExitCode::FAILURE;
    };
    let loaded = load_dir(Path::new(dir));
    if !loaded.is_clean() {
        eprintln!("{}", loaded.report());
        return ExitCode::FAILURE;
    }
    match drills(&loaded) {
        Ok(all) => match std::fs::write(out, pandu_engine::json::to_text(&all)) {
            Ok(()) => {
                println!("{} latihan ditulis ke {out}", all.len());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("{out}: {e}");
                ExitCode::FAILURE
            }
        },
        Err(errors) => {
            eprintln!("{}", errors.join("\n"));
            ExitCode::FAILURE
        }
    }
}
