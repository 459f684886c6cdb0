//! Writes what the widget reads as data next to `index.html`, from an SOP
//! directory, so no SOP text is in the wasm and a new SOP needs no rebuild
//! of the app. Run by `cargo xtask` after each build:
//!
//!     cargo run -p pandu-engine --features authoring,map --example data -- sops dist
//!
//! - `katalog.json` and `katalog/<id>.<hash>.json`: the catalogue's index and
//!   one body per SOP and its map, `katalog/<id>.<hash>.svg` (`authoring::catalogue_files`);
//! - `terbitan.txt`: the deployment's list of published SOPs, empty;
//! - `drills.json`: the training drills with their expected paths, fetched
//!   when training mode opens.
//!
//! An SOP that fails the lint, or a drill that no longer walks on its SOP,
//! fails with its file and name.

use pandu_engine::authoring::{catalogue_files, drills, load_dir};
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, out] = args.as_slice() else {
        eprintln!("pemakaian: data <direktori SOP> <direktori keluaran>");
        return ExitCode::FAILURE;
    };
    match write(Path::new(dir), Path::new(out)) {
        Ok(message) => {
            println!("{message}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

fn write(dir: &Path, out: &Path) -> Result<String, String> {
    let loaded = load_dir(dir);
    if !loaded.is_clean() {
        return Err(loaded.report());
    }
    let all = drills(&loaded).map_err(|errors| errors.join("\n"))?;
    let put = |name: &str, text: &str| {
        let path = out.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))
    };
    put("drills.json", &pandu_engine::json::to_text(&all))?;
    let catalog = loaded.catalog();
    let (index, bodies) = catalogue_files(&catalog);
    put(pandu_engine::library::INDEX_FILE, &index)?;
    for (path, text) in &bodies {
        put(path, text)?;
    }
    // The deployment's list of published SOPs, empty: it is the file a
    // deployment edits (docs/EMBEDDING.md), and there is no 404 to log.
    put(
        pandu_engine::library::MANIFEST_FILE,
        "# SOP terbitan: satu alamat berkas SOP (JSON dari studio) per baris, relatif\n\
         # terhadap berkas ini. Baris kosong dan baris berawalan # dilewati.\n",
    )?;
    Ok(format!(
        "{} SOP (isi dan peta) dan {} latihan ditulis ke {}",
        bodies
            .iter()
            .filter(|(path, _)| path.ends_with(".json"))
            .count(),
        all.len(),
        out.display()
    ))
}
