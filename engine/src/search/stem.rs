//! Indonesian affix stripping for the finder, after Tala's rules (particle,
//! possessive -nya, derivational suffix, then up to two prefixes), without a root
//! dictionary: Sastrawi's (Nazief–Adriani) needs 26,000 root words in the
//! wasm (BENCHMARKS.md). Without one, a nasal prefix cannot tell `menambah`
//! (tambah) from `menaikkan` (naik), so such a word gets a second term for
//! the other reading, and the finder looks both up.
//!
//! The suffix `-i` is left alone: too many words end in it without being
//! suffixed (beli, mati, verifikasi, aplikasi, informasi).

/// A vowel: the syllable count below counts groups of them.
fn vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Syllables, counted as vowels (`naik` and `baik` are two: na-ik, ba-ik),
/// which is what keeps a stripped word from becoming a fragment.
fn syllables(w: &str) -> usize {
    w.bytes().filter(|&b| vowel(b)).count()
}

/// What is left may stand as a word: two syllables and three letters at least.
fn word_like(w: &str) -> bool {
    w.len() >= 3 && syllables(w) >= 2
}

fn strip_suffix<'a>(w: &'a str, suffixes: &[&str]) -> Option<&'a str> {
    suffixes
        .iter()
        .find_map(|s| w.strip_suffix(s).filter(|rest| word_like(rest)))
}

/// A prefix taken off `w`: the rest as read, and the other reading of a nasal
/// (`men` + vowel is `t` or `n`: tambah, naik) or of `ke`/`ter` (part of the
/// root in `keluh`, `terima`).
fn strip_prefix(w: &str) -> Option<(String, Option<String>)> {
    let b = w.as_bytes();
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    let rest = |n: usize| &w[n..];
    let recoded = |n: usize, main: &str, alt: &str| {
        (
            format!("{main}{}", rest(n)),
            Some(format!("{alt}{}", rest(n))),
        )
    };
    let (main, alt) = if (w.starts_with("meny") || w.starts_with("peny")) && vowel(at(4)) {
        recoded(4, "s", "ny")
    } else if (w.starts_with("menge") || w.starts_with("penge"))
        && syllables(rest(5)) == 1
        && rest(5).len() >= 3
    {
        // menge-/penge- before a one-syllable root: mengecek, pengecekan.
        return Some((rest(5).to_string(), None));
    } else if (w.starts_with("meng") || w.starts_with("peng")) && vowel(at(4)) {
        recoded(4, "", "k")
    } else if w.starts_with("meng") || w.starts_with("peng") {
        (rest(4).to_string(), None)
    } else if (w.starts_with("mem") || w.starts_with("pem")) && vowel(at(3)) {
        recoded(3, "p", "m")
    } else if (w.starts_with("mem") || w.starts_with("pem"))
        && matches!(at(3), b'b' | b'f' | b'p' | b'v')
    {
        (rest(3).to_string(), None)
    } else if (w.starts_with("men") || w.starts_with("pen")) && vowel(at(3)) {
        recoded(3, "t", "n")
    } else if (w.starts_with("men") || w.starts_with("pen"))
        && matches!(at(3), b'c' | b'd' | b'j' | b's' | b't' | b'z')
    {
        (rest(3).to_string(), None)
    } else if w.starts_with("me") && matches!(at(2), b'l' | b'm' | b'n' | b'r' | b'w' | b'y') {
        (rest(2).to_string(), None)
    } else if w.starts_with("ber") || w.starts_with("per") {
        (rest(3).to_string(), None)
    } else if w.starts_with("pe") && !vowel(at(2)) {
        (rest(2).to_string(), None)
    } else if w.starts_with("ter") {
        (rest(3).to_string(), Some(w.to_string()))
    } else if w.starts_with("di") {
        (rest(2).to_string(), None)
    } else if w.starts_with("ke") {
        (rest(2).to_string(), Some(w.to_string()))
    } else {
        return None;
    };
    word_like(&main).then_some((main, alt))
}

/// The stem of a lower-case word, and a second reading where the prefix is
/// ambiguous. Words with digits or letters outside a–z are left as they are.
pub fn stem(word: &str) -> (String, Option<String>) {
    if word.len() < 4 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return (word.to_string(), None);
    }
    let mut w = word;
    if let Some(r) = strip_suffix(w, &["lah", "kah", "tah", "pun"]) {
        w = r;
    }
    // Only -nya: -ku and -mu end too many roots (laku, buku, ilmu), and
    // callers speak of "akunnya", not "akunku".
    if let Some(r) = strip_suffix(w, &["nya"]) {
        w = r;
    }
    // Nouns take -an after ke-/pe- (kenaikan is naik + an, not nai + kan);
    // verbs take -kan.
    let noun = w.starts_with("ke") || w.starts_with("pe");
    let suffixes: &[&str] = if noun { &["an"] } else { &["kan", "an"] };
    if let Some(r) = strip_suffix(w, suffixes) {
        w = r;
    }
    let mut main = w.to_string();
    let mut alt = None;
    for _ in 0..2 {
        let Some((m, a)) = strip_prefix(&main) else {
            break;
        };
        // The second prefix strips the main reading; the first's other reading stays.
        if alt.is_none() {
            alt = a;
        }
        main = m;
    }
    if alt.as_deref() == Some(main.as_str()) {
        alt = None;
    }
    (main, alt)
}

/// Readings of an informal Jakarta word, for a query word the catalogue does
/// not know as it is: the suffix `-in` (`naikin`, `daftarin`) and the bare
/// nasal prefix (`nambah` → tambah, `nyambung` → sambung, `ngirim` → kirim,
/// `masang` → pasang, `ngecek` → cek).
pub fn informal(word: &str) -> Vec<String> {
    let mut bases = vec![word];
    if let Some(r) = word.strip_suffix("in").filter(|r| word_like(r)) {
        bases.push(r);
    }
    let mut out = Vec::new();
    for b in bases {
        if b != word {
            out.push(b.to_string());
        }
        let second = b.as_bytes().get(2).copied().unwrap_or(0);
        let first = b.as_bytes().get(1).copied().unwrap_or(0);
        if let Some(r) = b.strip_prefix("nge").filter(|r| r.len() >= 3) {
            out.push(r.to_string());
        }
        if b.starts_with("ny") && vowel(second) {
            out.push(format!("s{}", &b[2..]));
            out.push(format!("c{}", &b[2..]));
        } else if b.starts_with("ng") && vowel(second) {
            out.push(format!("k{}", &b[2..]));
            out.push(b[2..].to_string());
        } else if b.starts_with('n') && vowel(first) {
            out.push(format!("t{}", &b[1..]));
        } else if b.starts_with('m') && vowel(first) {
            out.push(format!("p{}", &b[1..]));
        }
    }
    out.retain(|c| c.len() >= 3);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn main(w: &str) -> String {
        stem(w).0
    }

    #[test]
    fn the_issues_examples() {
        assert_eq!(main("penyambungan"), "sambung");
        assert_eq!(main("mendownload"), "download");
        assert_eq!(main("terverifikasi"), "verifikasi");
        assert_eq!(main("dinaikkan"), "naik");
    }

    #[test]
    fn particles_go() {
        assert_eq!(main("bagaimanakah"), "bagaimana");
        assert_eq!(main("bisalah"), "bisa");
        assert_eq!(main("apapun"), "apa");
    }

    #[test]
    fn possessives_go() {
        assert_eq!(main("internetnya"), "internet");
        assert_eq!(main("vouchernya"), "voucher");
        assert_eq!(main("akunnya"), "akun");
        assert_eq!(main("berlaku"), "laku", "-ku is left alone");
        assert_eq!(main("hanya"), "hanya", "ha is no word");
    }

    #[test]
    fn derivational_suffixes_go_but_not_i() {
        assert_eq!(main("tagihan"), "tagih");
        assert_eq!(main("tambahkan"), "tambah");
        assert_eq!(main("kebaikan"), "baik", "ke- ... -an, not -kan");
        assert_eq!(main("bulan"), "bulan", "bul is no word");
        assert_eq!(main("beli"), "beli");
        assert_eq!(main("verifikasi"), "verifikasi");
    }

    #[test]
    fn nasal_prefixes_recode_with_the_other_reading() {
        assert_eq!(stem("menambah"), ("tambah".into(), Some("nambah".into())));
        assert_eq!(stem("menaikkan"), ("taik".into(), Some("naik".into())));
        assert_eq!(
            stem("menyambung"),
            ("sambung".into(), Some("nyambung".into()))
        );
        assert_eq!(stem("memasang"), ("pasang".into(), Some("masang".into())));
        assert_eq!(stem("mengirim"), ("irim".into(), Some("kirim".into())));
        assert_eq!(main("menggunakan"), "guna");
        assert_eq!(main("membayar"), "bayar");
        assert_eq!(main("memproses"), "proses");
        assert_eq!(main("mencoba"), "coba");
        assert_eq!(main("mengecek"), "cek");
        assert_eq!(main("pengecekan"), "cek");
        assert_eq!(main("melakukan"), "laku");
    }

    #[test]
    fn noun_prefixes_with_their_suffix() {
        assert_eq!(main("penambahan"), "tambah");
        assert_eq!(main("pemasangan"), "pasang");
        assert_eq!(main("pembelian"), "beli");
        assert_eq!(main("permohonan"), "mohon");
        assert_eq!(main("pengaduan"), "adu");
        assert_eq!(stem("pemenang"), ("penang".into(), Some("menang".into())));
        // Consistent rather than right: the same word always gives the same term.
        assert_eq!(main("pelanggan"), "pelangg");
    }

    #[test]
    fn ke_ter_di_ber_prefixes() {
        assert_eq!(stem("kenaikan"), ("naik".into(), Some("kenaik".into())));
        assert_eq!(stem("terbaik"), ("baik".into(), Some("terbaik".into())));
        assert_eq!(main("disambungkan"), "sambung");
        assert_eq!(main("berlaku"), "laku");
        assert_eq!(main("dinas"), "dinas", "nas has one syllable");
    }

    #[test]
    fn short_and_foreign_words_stay() {
        assert_eq!(stem("pln"), ("pln".into(), None));
        assert_eq!(stem("1300"), ("1300".into(), None));
        assert_eq!(stem("hélène"), ("hélène".into(), None));
    }

    #[test]
    fn informal_readings() {
        assert!(informal("naikin").contains(&"naik".to_string()));
        assert!(informal("daftarin").contains(&"daftar".to_string()));
        assert!(informal("nambah").contains(&"tambah".to_string()));
        assert!(informal("nambahin").contains(&"tambah".to_string()));
        assert!(informal("nyambung").contains(&"sambung".to_string()));
        assert!(informal("ngirim").contains(&"kirim".to_string()));
        assert!(informal("masang").contains(&"pasang".to_string()));
        assert!(informal("ngecek").contains(&"cek".to_string()));
        assert_eq!(informal("pln"), Vec::<String>::new());
    }
}
