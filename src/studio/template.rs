//! The text a new SOP starts from: short, lint-clean, one step of the
//! common kinds, each value a hint of what to write (docs/SOP-FORMAT.md).

/// A new SOP's file name in the studio until its `id` says otherwise.
pub const NEW_FILE: &str = "sop-baru.toml";

pub const NEW_SOP: &str = r#"# SOP baru. Ganti setiap nilai contoh dengan isi dokumen SOP sumber.
# Format berkas: docs/SOP-FORMAT.md.
id = "sop-baru"
title = "Judul SOP seperti di dokumen sumber"
seed = "100"
version = "2026.01.01-1"
effective_from = "2026-01-01"
summary = "Satu kalimat: kapan SOP ini dipakai."
keywords = ["kata kunci penelepon"]

[[step]]
id = "sapa"
title = "Sampaikan"
kind = "say"
clause = "100 1"
say = ["Baik {Bapak/Ibu} {nama}, ... (Contoh Penyampaian di dokumen sumber)"]

[[step]]
id = "tanya"
title = "Tanyakan"
kind = "ask"
clause = "100 2"
question = "Pertanyaan untuk penelepon?"

  [[step.option]]
  id = "ya"
  label = "Ya"
  next = "catat"

  [[step.option]]
  id = "tidak"
  label = "Tidak"
  next = "selesai"

[[step]]
id = "catat"
title = "Catat keterangan"
kind = "collect"
clause = "100 3"

  [[step.field]]
  id = "keterangan"
  label = "Keterangan"
  type = "note"

[[step]]
id = "selesai"
title = "Selesai"
kind = "outcome"
clause = "100 4"
summary = "Apa yang dicatat dan disampaikan di akhir."

  [[step.ticket]]
  system = "apkt"
  fields = [{ name = "Permasalahan", value = "Contoh permasalahan" }]
"#;
