//! The benchmark's thousand SOPs: copies of the four seed flows (round-robin)
//! with new ids, titles, summaries and keywords, so that the finder has a
//! catalogue of realistic size to search. The steps stay as they are (the
//! build lints every copy) but for their titles, which carry the copy's
//! number: identical copies would be one string in the wasm (the compiler
//! merges equal constants) and the catalogue would weigh what four SOPs do.
//! The one sub-flow they include, `kontak-email-hp`, is copied once,
//! unchanged. No scenario or drill files are copied.
//!
//! Titles, summaries and keywords mix real words of the domain ("tambah daya",
//! "tagihan", "gardu") with made-up Indonesian-looking names ("Sukaraman"),
//! drawn from a fixed-seed generator: the same catalogue on every run, so the
//! build is not redone when nothing changed.

use std::collections::BTreeSet;
use std::path::Path;

use crate::Result;

/// The flows that are copied, in round-robin order.
pub const SEEDS: [&str; 4] = [
    "evoucher-tokopedia",
    "pln-terbaik",
    "transfer-elektrinet",
    "niaga-pln-mobile",
];

/// The sub-flow the seeds include: copied once, unchanged.
pub const SUBFLOW: &str = "kontak-email-hp";

/// Real words of the domain, as CSOs and callers use them.
const TOPICS: &[&str] = &[
    "tambah daya",
    "pasang baru",
    "penyambungan sementara",
    "tagihan susulan",
    "token listrik",
    "meteran prabayar",
    "kwh meter",
    "gangguan listrik",
    "pemadaman bergilir",
    "tegangan turun",
    "kabel putus",
    "tiang miring",
    "gardu distribusi",
    "balik nama",
    "migrasi pascabayar",
    "diskon tarif",
    "subsidi listrik",
    "tunggakan rekening",
    "pembayaran tagihan",
    "denda keterlambatan",
    "pengaduan pelanggan",
    "verifikasi akun",
    "aplikasi pln mobile",
    "internet rumah",
    "penggantian mcb",
    "segel meteran",
    "stroom tidak masuk",
    "promo elektronik",
    "voucher listrik",
    "hadiah undian",
];

/// What an SOP is about, as a title starts.
const KINDS: &[&str] = &[
    "Informasi",
    "Permohonan",
    "Keluhan",
    "Program",
    "Layanan",
    "Pengecekan",
    "Penanganan",
    "Pengaduan",
];

/// Who asks, for the summary.
const CALLERS: &[&str] = &[
    "Pelanggan",
    "Pemohon",
    "Pelapor",
    "Calon pelanggan",
    "Penyewa persil",
];

/// What the CSO does, for the summary.
const ACTIONS: &[&str] = &[
    "catat data di APKT Keluhan",
    "eskalasi ke Back Office melalui Simone",
    "arahkan ke aplikasi PLN Mobile",
    "jelaskan kriteria program",
    "transfer lewat Fines",
    "catat di CRM dan kirim Form Request Callback",
    "koordinasikan dengan Team Leader",
    "input AP2T s.d Nomor Register",
];

const ONSETS: &[&str] = &[
    "b", "c", "d", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "w", "y", "ng", "ny",
    "s", "k", "t", "r",
];
const VOWELS: &[&str] = &["a", "a", "i", "u", "e", "o", "a", "i", "u"];
const CODAS: &[&str] = &["", "", "", "n", "ng", "r", "k", "h", "s", "m", "l"];

/// A small deterministic generator (SplitMix64): no crates, same output everywhere.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len())]
    }
}

/// A made-up word of 2–4 syllables that reads like Indonesian, lower case.
pub fn word(rng: &mut Rng) -> String {
    let syllables = 2 + rng.below(3);
    let mut w = String::new();
    for i in 0..syllables {
        w.push_str(rng.pick(ONSETS));
        w.push_str(rng.pick(VOWELS));
        // A closed syllable only at the end or, sometimes, in the middle.
        if i + 1 == syllables || rng.below(4) == 0 {
            w.push_str(rng.pick(CODAS));
        }
    }
    w
}

fn capitalised(w: &str) -> String {
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The new heading of one copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub keywords: Vec<String>,
}

/// The heading of copy `index` of `base`, whose own keywords are `base_keywords`.
pub fn heading(index: usize, base: &str, base_keywords: &[String], rng: &mut Rng) -> Heading {
    let place = capitalised(&word(rng));
    let name = word(rng);
    let topic = rng.pick(TOPICS);
    let other = rng.pick(TOPICS);
    let title = format!(
        "{} {} “{}” – {} UP3 {}",
        rng.pick(KINDS),
        topic,
        name.to_uppercase(),
        other,
        place
    );
    let first = rng.below(ACTIONS.len());
    // Another action than the first: one of the others, at random.
    let then = (first + 1 + rng.below(ACTIONS.len() - 1)) % ACTIONS.len();
    let summary = format!(
        "{} di wilayah UP3 {} menanyakan {} program {} ({} {}): {}, lalu {}.",
        rng.pick(CALLERS),
        place,
        topic,
        capitalised(&name),
        other,
        word(rng),
        ACTIONS[first],
        ACTIONS[then],
    );
    let mut keywords: Vec<String> = vec![
        topic.to_string(),
        other.to_string(),
        name.clone(),
        format!("{topic} {}", place.to_lowercase()),
        format!("program {name}"),
        word(rng),
        format!("{} {}", word(rng), word(rng)),
    ];
    // A few of the flow's own keywords, so its callers' words still find it.
    for _ in 0..3 {
        if !base_keywords.is_empty() {
            keywords.push(base_keywords[rng.below(base_keywords.len())].clone());
        }
    }
    let mut seen = BTreeSet::new();
    keywords.retain(|k| seen.insert(k.clone()));
    Heading {
        id: format!("{base}-{index:04}"),
        title,
        summary,
        keywords,
    }
}

/// A TOML basic string.
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The file's heading lines (before its first `[table]`): `(line index, key)`.
fn heading_lines(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let t = line.trim_start();
        if t.starts_with('[') {
            break;
        }
        if t.starts_with('#') {
            continue;
        }
        if let Some((k, _)) = t.split_once('=') {
            out.push((i, k.trim()));
        }
    }
    out
}

/// The flow's own keywords, from its one-line `keywords = [...]`.
pub fn keywords_of(text: &str) -> Vec<String> {
    let Some((i, _)) = heading_lines(text)
        .into_iter()
        .find(|(_, k)| *k == "keywords")
    else {
        return Vec::new();
    };
    let line = text.lines().nth(i).unwrap_or("");
    line.split('"')
        .enumerate()
        .filter(|(n, _)| n % 2 == 1)
        .map(|(_, s)| s.to_string())
        .collect()
}

/// `text` with its `id`, `title`, `summary` and `keywords` lines replaced by
/// `h`, and each step's `title` marked with the copy's id; every other line
/// stays as it is. Each of the four keys must be in the heading exactly once,
/// on one line.
pub fn rewrite(text: &str, h: &Heading) -> Result<String> {
    let lines = heading_lines(text);
    let mut replaced: Vec<(usize, String)> = Vec::new();
    let keywords = format!(
        "[{}]",
        h.keywords
            .iter()
            .map(|k| quoted(k))
            .collect::<Vec<_>>()
            .join(", ")
    );
    for (key, value) in [
        ("id", quoted(&h.id)),
        ("title", quoted(&h.title)),
        ("summary", quoted(&h.summary)),
        ("keywords", keywords),
    ] {
        let at: Vec<usize> = lines
            .iter()
            .filter(|(_, k)| *k == key)
            .map(|(i, _)| *i)
            .collect();
        let [i] = at[..] else {
            return Err(format!(
                "the SOP heading should have one `{key} = ...` line, found {}",
                at.len()
            ));
        };
        let line = text.lines().nth(i).unwrap_or("");
        if key == "keywords" && !line.trim_end().ends_with(']') {
            return Err("`keywords = [...]` must be on one line".into());
        }
        replaced.push((i, format!("{key} = {value}")));
    }
    let heading_end = lines.last().map_or(0, |(i, _)| *i);
    let mut out = String::with_capacity(text.len() + 1024);
    for (i, line) in text.lines().enumerate() {
        match replaced.iter().find(|(at, _)| *at == i) {
            Some((_, new)) => out.push_str(new),
            None => match line
                .strip_prefix("title = \"")
                .and_then(|t| t.strip_suffix('"'))
            {
                Some(title) if i > heading_end => {
                    out.push_str(&format!("title = \"{title} · {}\"", h.id));
                }
                _ => out.push_str(line),
            },
        }
        out.push('\n');
    }
    Ok(out)
}

/// The files of a catalogue of `total` SOPs (the sub-flow and `total - 1`
/// copies), as (file name, text), from the seed texts in `seeds` (in the
/// order of `SEEDS`) and the sub-flow's text.
pub fn catalogue(
    seeds: &[String; 4],
    subflow: &str,
    total: usize,
) -> Result<Vec<(String, String)>> {
    let base_keywords: Vec<Vec<String>> = seeds.iter().map(|s| keywords_of(s)).collect();
    let mut out = vec![(format!("{SUBFLOW}.toml"), subflow.to_string())];
    let mut titles = BTreeSet::new();
    for index in 0..total.saturating_sub(1) {
        let n = index % SEEDS.len();
        let mut rng = Rng::new(0x5eed_0000 + index as u64);
        // Titles are unique, as a real catalogue's are.
        let h = loop {
            let h = heading(index, SEEDS[n], &base_keywords[n], &mut rng);
            if titles.insert(h.title.clone()) {
                break h;
            }
        };
        let text = rewrite(&seeds[n], &h).map_err(|e| format!("{}.toml: {e}", SEEDS[n]))?;
        out.push((format!("{}.toml", h.id), text));
    }
    Ok(out)
}

/// Writes the catalogue of `total` SOPs made from `sops/` into `dir`.
/// Files whose text is unchanged are left alone (their times too, so cargo
/// does not rebuild), and any other file in `dir` is removed. Returns how
/// many SOP files `dir` holds.
pub fn generate(sops: &Path, dir: &Path, total: usize) -> Result<usize> {
    let read = |name: &str| {
        let path = sops.join(format!("{name}.toml"));
        std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))
    };
    let seeds = [
        read(SEEDS[0])?,
        read(SEEDS[1])?,
        read(SEEDS[2])?,
        read(SEEDS[3])?,
    ];
    let files = catalogue(&seeds, &read(SUBFLOW)?, total)?;
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let keep: BTreeSet<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let name = entry.file_name();
        if !keep.contains(name.to_string_lossy().as_ref()) {
            std::fs::remove_file(entry.path())
                .map_err(|e| format!("cannot remove {}: {e}", entry.path().display()))?;
        }
    }
    for (name, text) in &files {
        let path = dir.join(name);
        if std::fs::read_to_string(&path).ok().as_deref() == Some(text.as_str()) {
            continue;
        }
        std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(files.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOP: &str = "# SOP 004\n# id = \"not-this\"\n\nid = \"niaga-pln-mobile\"\ntitle = \"Niaga PB\"\nseed = \"004\"\nsummary = \"Permohonan.\"\nkeywords = [\"tambah daya\", \"pb\"]\n\n[[step]]\nid = \"salam-pembuka\"\ntitle = \"Salam pembuka\"\nkind = \"say\"\n";

    fn sample_heading() -> Heading {
        Heading {
            id: "niaga-pln-mobile-0007".into(),
            title: "Informasi “SUKA” – token".into(),
            summary: "Pelanggan \"A\" menanyakan.".into(),
            keywords: vec!["tambah daya".into(), "sukaraman".into()],
        }
    }

    #[test]
    fn only_the_heading_is_rewritten() {
        let out = rewrite(SOP, &sample_heading()).unwrap();
        assert!(out.contains("\nid = \"niaga-pln-mobile-0007\"\n"), "{out}");
        assert!(out.contains("\ntitle = \"Informasi “SUKA” – token\"\n"));
        assert!(out.contains("\nsummary = \"Pelanggan \\\"A\\\" menanyakan.\"\n"));
        assert!(out.contains("\nkeywords = [\"tambah daya\", \"sukaraman\"]\n"));
        // Comments and other keys are untouched; a step keeps all but its
        // title, which names the copy.
        assert!(out.contains("# id = \"not-this\"\n"));
        assert!(out.contains("seed = \"004\"\n"));
        assert!(out.contains(
            "[[step]]\nid = \"salam-pembuka\"\ntitle = \"Salam pembuka · niaga-pln-mobile-0007\"\n"
        ));
        assert_eq!(out.lines().count(), SOP.lines().count());
    }

    #[test]
    fn a_heading_without_a_key_is_an_error() {
        let e = rewrite("id = \"x\"\ntitle = \"t\"\n", &sample_heading()).unwrap_err();
        assert!(e.contains("`summary = ...`"), "{e}");
        let e = rewrite(
            "id = \"x\"\ntitle = \"t\"\nsummary = \"s\"\nkeywords = [\n  \"a\",\n]\n",
            &sample_heading(),
        )
        .unwrap_err();
        assert!(e.contains("one line"), "{e}");
    }

    #[test]
    fn keywords_are_read_from_the_heading() {
        assert_eq!(keywords_of(SOP), vec!["tambah daya", "pb"]);
    }

    #[test]
    fn words_look_indonesian_and_are_reproducible() {
        let mut a = Rng::new(42);
        let mut b = Rng::new(42);
        for _ in 0..200 {
            let w = word(&mut a);
            assert_eq!(w, word(&mut b));
            assert!(
                w.len() >= 4 && w.chars().all(|c| c.is_ascii_lowercase()),
                "{w}"
            );
        }
    }

    #[test]
    fn the_catalogue_has_one_subflow_and_unique_ids_and_titles() {
        let seeds = SEEDS.map(|s| SOP.replace("niaga-pln-mobile", s));
        let subflow = "id = \"kontak-email-hp\"\ntitle = \"Kontak\"\n";
        let files = catalogue(&seeds, subflow, 1000).unwrap();
        assert_eq!(files.len(), 1000);
        assert_eq!(files[0].0, "kontak-email-hp.toml");
        assert_eq!(files[0].1, subflow, "the sub-flow is unchanged");
        assert_eq!(files[1].0, "evoucher-tokopedia-0000.toml");
        assert_eq!(files[4].0, "niaga-pln-mobile-0003.toml");
        assert_eq!(files[999].0, "transfer-elektrinet-0998.toml");
        let names: BTreeSet<&String> = files.iter().map(|(n, _)| n).collect();
        assert_eq!(names.len(), 1000);
        let titles: BTreeSet<&str> = files
            .iter()
            .filter_map(|(_, t)| t.lines().find(|l| l.starts_with("title = ")))
            .collect();
        assert_eq!(titles.len(), 1000, "every title differs");
        assert!(files[4].1.contains("[[step]]\nid = \"salam-pembuka\""));
        for (_, text) in &files[1..] {
            let summary = text.lines().find(|l| l.starts_with("summary = ")).unwrap();
            let (first, then) = summary.split_once(", lalu ").unwrap();
            let then = then.trim_end_matches(".\"");
            assert!(!first.ends_with(then), "two different actions: {summary}");
        }
        // The same catalogue every time.
        assert_eq!(files, catalogue(&seeds, subflow, 1000).unwrap());
    }
}
