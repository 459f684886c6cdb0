//! Every "Contoh Penyampaian" line of the seeds is a `say` line, word for
//! word, of an SOP built from that seed (placeholders aside).
//!
//! The lines are extracted from the seed files themselves (`../shared/seeds`
//! beside the repository) and checked against an explicit table, so a change
//! in either the seeds or the extraction cannot silently drop lines.
//!
//! Comparison: in the seed, `{...}` groups (also the `{... )` the seeds
//! sometimes close with a parenthesis) and a bare `Bapak/Ibu` / `Pak/Bu` are
//! placeholders; in the SOP, every `{placeholder}` is. Placeholders standing
//! next to each other (`Bapak/Ibu {... nama ...}` vs `{Bapak/Ibu} {nama}`) count
//! as one. Whitespace runs and curly vs straight quotes are normalised; nothing
//! else is: the literal text between placeholders must be identical, in order,
//! and the `say` line must say nothing more than the seed line. A seed line
//! may be said over consecutive lines of one step (part of it a must-say
//! line), and a closing line of an outcome counts as said.

use pandu_engine::authoring::load_dir;
use pandu_engine::template::{self, Segment};
use pandu_engine::StepKind;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Stands for one placeholder (or a run of them) in normalised text.
const MARK: char = '\u{E000}';

/// The lines each seed asks the CSO to say, as written in the seed.
/// Seeds 000 and 002 have no Contoh Penyampaian.
const EXPECTED: &[(&str, &[&str])] = &[
    ("000", &[]),
    (
        "001",
        &[
            "... Apakah {Bapak/Ibu} sebagai Pemilik atau Penyewa yang bertanggungjawab di alamat tsb ?...",
            "... Untuk alamat emailnya mohon disampaikan ...",
            "... Baik {Bapak/Ibu}, Terima Kasih ...",
            "... Apakah No. Telepon yang digunakan dapat kami hubungi kembali ? ...",
            "... Jika kami memiliki informasi layanan atau produk layanan, maka akan kami sampaikan melalui No. Telepon atau email tersebut...",
        ],
    ),
    ("002", &[]),
    (
        "003",
        &[
            "... Mohon maaf sebelumnya {Bapak/Ibu ... Nama Pelanggan ...) menggunakan produk ELEKTRINET atau ICONNET saat ini ? ...",
            "... Baik Bapak/Ibu {... nama Pelanggan ...}, mohon maaf saat ini {Bapak/Ibu} terhubung dengan Contact Center PLN 123 Ketenagalistrikan, untuk informasi ELEKTRINET, {Bapak/Ibu} akan kami sambungkan ke Contact Center PLN ICONPLUS 1500071, mohon ditunggu ya {Pak/Bu} ...?",
            "... Baik Bapak/Ibu {... nama Pelanggan ...}, mohon maaf saat ini {Bapak/Ibu} terhubung dengan Contact Center PLN 123 Ketenagalistrikan, untuk informasi ICONNET, {Bapak/Ibu} akan kami sambungkan ke Contact Center PLN ICONNET 150678, mohon ditunggu ya {Pak/Bu} ...?",
        ],
    ),
    (
        "004",
        &[
            "... Mohon maaf {Bapak/Ibu}, saat ini untuk permohonan {Penyambungan Baru / Penambahan Daya / Penyambungan Sementara} hanya dapat dilakukan melalui aplikasi PLN Mobile ...",
            "... Apakah saat ini {Bapak/Ibu} sudah memiliki atau mendownload aplikasi PLN Mobile nya ? ...",
            "... Baik ..., apakah saat ini {Bapak/Ibu} ingin mendownload aplikasi PLN Mobile atau ingin mencoba sendiri ?",
            "... Baik, silahkan jika {Bapak/Ibu} ingin mencobanya sendiri, nanti {Bapak/Ibu} dapat mendownload aplikasi PLN Mobile pada Playstore atau Apps store, jika sudah download, kemudian melakukan verifikasi Akun dengan melakukan “Upgrade Akun” yang ada di fitur PLN Mobile agar {Bapak/Ibu} dapat melakukan permohonan {PBPDPSP}, ... Apabila memerlukan bantuan atau informasi lebih lanjut, silahkan {Bapak/Ibu} dapat menghubungi kami kembali, dengan senang hati kami akan membantu ...",
            "... Baik, trima kasih {Bapak/Ibu} telah mendownload aplikasi PLN Mobile...",
            "... Mohon maaf, apakah saat ini akun di PLN Mobilenya sudah terverifikasi?, karena untuk permohonan Penambahan Daya diperlukan verifikasi akun terlebih dahulu ...",
            "... {Bapak/Ibu}, sebelumnya kami mohon maaf, untuk proses verifikasi Upgrade Akunnya saat ini sedang terkendala jaringan, sehingga memerlukan waktu, untuk hasil verifikasinya nanti {Bapak/Ibu} akan kami hubungi kembali ...",
            "... Baik {Bapak/Ibu}, jika Akunnya sudah terverifikasi, {Bapak/Ibu} sudah dapat melakukan permohonan niaga (PB/PD/PS) dan kemudahan lainnya untuk bertransaksi serta informasi mengenai kelistrikan yang terdapat di aplikasi PLN Mobile ..",
            "... Karena PLN berusaha mengoptimalkan proses pelayanan kepada Pelanggan, melalui 1 (satu) Pintu kanal layanan yang dapat diakses secara mobile. Sehingga Pelanggan akan lebih mudah mengakses semua layanan PLN ke depannya ...",
        ],
    ),
];

fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/seeds")
}

fn sops_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../sops")
}

/// Seed number → file text, from `NNN_*.txt`.
fn read_seeds() -> BTreeMap<String, String> {
    let dir = seeds_dir();
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| {
        panic!(
            "seed directory {} not readable ({e}): the verbatim check needs shared/seeds \
             beside the repository clone",
            dir.display()
        )
    });
    let mut out = BTreeMap::new();
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if !name.ends_with(".txt") {
            continue;
        }
        let Some(num) = name
            .get(..3)
            .filter(|n| n.bytes().all(|b| b.is_ascii_digit()))
        else {
            continue;
        };
        let text = std::fs::read_to_string(e.path())
            .unwrap_or_else(|err| panic!("{}: {err}", e.path().display()));
        assert!(
            out.insert(num.to_string(), text).is_none(),
            "two seed files numbered {num}"
        );
    }
    out
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”')
}

/// A quote that opens a line to say: `“...` or `"...`.
fn opens_at(chars: &[char], i: usize) -> bool {
    chars[i] != '”' && is_quote(chars[i]) && chars.get(i + 1..i + 4) == Some(&['.', '.', '.'][..])
}

/// The Contoh Penyampaian lines of a seed, in order: text between an opening
/// quote followed by `...` and the first closing quote right after `.` or `?`
/// (so a quoted “Upgrade Akun” inside the line does not end it). A line whose
/// closing quote is missing (one in seed 004) ends at the end of its text
/// line, recognised by the next line to say starting before any closing quote.
fn extract(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !opens_at(&chars, i) {
            i += 1;
            continue;
        }
        let start = i + 1;
        let line_end = (start..chars.len())
            .find(|&k| chars[k] == '\n')
            .unwrap_or(chars.len());
        let mut end = None;
        let mut j = start;
        while j < chars.len() {
            if opens_at(&chars, j) {
                break;
            }
            if is_quote(chars[j]) && chars[j] != '“' {
                let before = chars[start..j].iter().rev().find(|c| !c.is_whitespace());
                if matches!(before, Some('.') | Some('?')) {
                    end = Some(j);
                    break;
                }
            }
            j += 1;
        }
        let stop = end.unwrap_or(line_end);
        out.push(
            chars[start..stop]
                .iter()
                .collect::<String>()
                .trim()
                .to_string(),
        );
        i = end.map_or(line_end, |e| e + 1);
    }
    out
}

/// Curly quotes straight, whitespace runs to one space, placeholder runs to one MARK.
fn normalise(s: &str) -> String {
    let s: String = s
        .chars()
        .map(|c| match c {
            '“' | '”' | '„' => '"',
            '‘' | '’' => '\'',
            c => c,
        })
        .collect();
    let mut out = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let pair = format!("{MARK} {MARK}");
    let twin = format!("{MARK}{MARK}");
    loop {
        let next = out
            .replace(&pair, &MARK.to_string())
            .replace(&twin, &MARK.to_string());
        if next == out {
            return out;
        }
        out = next;
    }
}

/// A seed line with its placeholders replaced by MARK.
fn seed_pattern(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '{' {
            let end = (i + 1..chars.len())
                .find(|&k| matches!(chars[k], '}' | ')'))
                .unwrap_or_else(|| panic!("unclosed placeholder in seed line: {line}"));
            out.push(MARK);
            i = end + 1;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    let out = out
        .replace("Bapak/Ibu", &MARK.to_string())
        .replace("Pak/Bu", &MARK.to_string());
    normalise(&out)
}

/// A `say` template with its placeholders replaced by MARK.
fn say_pattern(text: &str) -> String {
    let segments =
        template::parse(text).unwrap_or_else(|e| panic!("malformed say template ({e}): {text}"));
    let mut out = String::new();
    for seg in segments {
        match seg {
            Segment::Text(t) => out.push_str(t),
            Segment::Brace(c) => out.push(c),
            Segment::Var { .. } => out.push(MARK),
        }
    }
    normalise(&out)
}

#[test]
fn seed_lines_match_the_table() {
    let seeds = read_seeds();
    let table: BTreeMap<&str, &[&str]> = EXPECTED.iter().copied().collect();
    let found: Vec<&String> = seeds.keys().collect();
    let listed: Vec<&str> = table.keys().copied().collect();
    assert_eq!(
        found,
        listed,
        "seed files in {} differ from the table",
        seeds_dir().display()
    );
    for (num, text) in &seeds {
        let got: Vec<String> = extract(text).iter().map(|l| normalise(l)).collect();
        let want: Vec<String> = table[num.as_str()].iter().map(|l| normalise(l)).collect();
        assert_eq!(
            got.len(),
            want.len(),
            "seed {num}: {} Contoh Penyampaian lines found, the table lists {}:\n{got:#?}",
            got.len(),
            want.len()
        );
        for (g, w) in got.iter().zip(&want) {
            assert_eq!(g, w, "seed {num}: extracted line differs from the table");
        }
    }
    let total: usize = table.values().map(|v| v.len()).sum();
    assert_eq!(
        total, 17,
        "the table must keep all 17 lines of seeds 001, 003, 004"
    );
}

#[test]
fn every_seed_line_is_said_verbatim() {
    let seeds = read_seeds();
    let loaded = load_dir(&sops_dir());
    assert!(loaded.is_clean(), "\n{}\n", loaded.report());
    let mut missing = Vec::new();
    let mut checked = 0;
    for (num, text) in &seeds {
        // A step's lines, and an outcome's closing lines, one by one and
        // run together: a seed line may be split where part of it must be
        // ticked as said (004's "Apabila memerlukan bantuan …").
        let says: Vec<(String, String, String)> = loaded
            .sources
            .iter()
            .filter(|s| &s.sop.seed == num)
            .flat_map(|s| {
                s.sop.steps.iter().flat_map(move |st| {
                    let closing = match &st.kind {
                        StepKind::Outcome { closing, .. } => closing.clone(),
                        _ => Vec::new(),
                    };
                    let lines: Vec<String> = st
                        .say
                        .iter()
                        .chain(&closing)
                        .map(|l| l.text.clone())
                        .collect();
                    let mut runs = Vec::new();
                    for from in 0..lines.len() {
                        for to in from + 1..=lines.len() {
                            let text = lines[from..to].join(" ");
                            runs.push((s.sop.id.clone(), st.id.clone(), say_pattern(&text)));
                        }
                    }
                    runs
                })
            })
            .collect();
        for line in extract(text) {
            checked += 1;
            let want = seed_pattern(&line);
            if !says.iter().any(|(_, _, got)| got == &want) {
                let shown = want.replace(MARK, "{…}");
                missing.push(format!("seed {num}: {line}\n    (as pattern: {shown})"));
            }
        }
    }
    assert_eq!(checked, 17, "expected 17 seed lines to check");
    assert!(
        missing.is_empty(),
        "seed lines not said word for word by any SOP of that seed:\n{}",
        missing.join("\n")
    );
}

#[test]
fn patterns_treat_placeholders_alike() {
    // The seed's odd placeholder forms and the SOP's placeholders meet.
    assert_eq!(
        seed_pattern("... Baik Bapak/Ibu {... nama Pelanggan ...}, mohon ya {Pak/Bu} ...?"),
        say_pattern("... Baik {Bapak/Ibu} {nama}, mohon ya {Pak/Bu} ...?")
    );
    assert_eq!(
        seed_pattern("... Mohon maaf sebelumnya {Bapak/Ibu ... Nama Pelanggan ...) menggunakan"),
        say_pattern("... Mohon maaf sebelumnya {Bapak/Ibu} {nama} menggunakan")
    );
    // A word added or changed is not the same line.
    assert_ne!(
        seed_pattern("... Baik {Bapak/Ibu}, Terima Kasih ..."),
        say_pattern("... Baik {Bapak/Ibu}, Terima Kasih banyak ...")
    );
    assert_ne!(
        seed_pattern("... Baik, trima kasih {Bapak/Ibu} telah ..."),
        say_pattern("... Baik, terima kasih {Bapak/Ibu} telah ...")
    );
    // A placeholder the seed has must be there.
    assert_ne!(
        seed_pattern("... Mohon maaf {Bapak/Ibu}, saat ini ..."),
        say_pattern("... Mohon maaf, saat ini ...")
    );
    // Curly and straight quotes, and line breaks, are the same.
    assert_eq!(
        seed_pattern("melakukan “Upgrade Akun” yang ada, ...\n\nApabila"),
        say_pattern("melakukan \"Upgrade Akun\" yang ada, ... Apabila")
    );
}

#[test]
fn extraction_handles_the_seeds_quirks() {
    let text = "x “... Baik ..., apakah {Bapak/Ibu} ingin ?\n- o lain\n“... Baik, dengan “Upgrade Akun” agar ...\n\nApabila ...”\n\"Email\" dan \"... Baik ya {Pak/Bu} ...?\" y";
    assert_eq!(
        extract(text),
        vec![
            "... Baik ..., apakah {Bapak/Ibu} ingin ?".to_string(),
            "... Baik, dengan “Upgrade Akun” agar ...\n\nApabila ...".to_string(),
            "... Baik ya {Pak/Bu} ...?".to_string(),
        ]
    );
}
