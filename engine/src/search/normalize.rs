//! Text as the finder reads it, the SOP's and the caller's alike: lower case,
//! no punctuation, informal spellings and abbreviations in their usual form,
//! filler and function words out, numbers of a power (VA) marked as such,
//! every other word stemmed.

use super::stem;
use crate::text::{is_word_char, lower_char};

/// One word as the finder reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// As written, lower-cased: what "cocok:" shows.
    pub typed: String,
    /// After the spelling table, before stemming.
    pub base: String,
    /// The terms it is indexed and looked up under: its stem, a second reading
    /// of an ambiguous prefix, and `daya` for a number that is a power.
    pub terms: Vec<String>,
}

/// The term every power figure also stands for, so "dari 1300 ke 2200" finds
/// the SOPs that talk about daya.
pub const POWER: &str = "daya";

/// Informal spellings, abbreviations and variants → the usual word (two words
/// where one was written for two). Sorted, for the binary search and the test
/// that checks it.
const SPELLING: &[(&str, &str)] = &[
    ("acc", "akun"),
    ("account", "akun"),
    ("apk", "aplikasi"),
    ("aplikasinya", "aplikasi"),
    ("app", "aplikasi"),
    ("apps", "aplikasi"),
    ("belom", "belum"),
    ("blm", "belum"),
    ("bln", "bulan"),
    ("blom", "belum"),
    ("connect", "koneksi"),
    ("dgn", "dengan"),
    ("donload", "download"),
    ("donlod", "download"),
    ("ektp", "ktp"),
    ("engga", "tidak"),
    ("enggak", "tidak"),
    ("evoucher", "voucher"),
    ("fase", "fasa"),
    ("ga", "tidak"),
    ("gak", "tidak"),
    ("gk", "tidak"),
    ("gmn", "bagaimana"),
    ("handphone", "hp"),
    ("hape", "hp"),
    ("henpon", "hp"),
    ("iconplus", "icon plus"),
    ("idpelnya", "idpel"),
    ("imel", "email"),
    ("inet", "internet"),
    ("inv", "invoice"),
    ("jabar", "jawa barat"),
    ("jateng", "jawa tengah"),
    ("jatim", "jawa timur"),
    ("jkt", "jakarta"),
    ("kagak", "tidak"),
    ("kalo", "kalau"),
    ("kenapa", "mengapa"),
    ("knp", "mengapa"),
    ("konek", "koneksi"),
    ("kva", "daya"),
    ("masangin", "pasang"),
    ("naek", "naik"),
    ("naekin", "naik"),
    ("naikin", "naik"),
    ("nambah", "tambah"),
    ("nambahin", "tambah"),
    ("napa", "mengapa"),
    ("ndak", "tidak"),
    ("nelpon", "telepon"),
    ("ngga", "tidak"),
    ("nggak", "tidak"),
    ("nmr", "nomor"),
    ("no", "nomor"),
    ("nomer", "nomor"),
    ("phasa", "fasa"),
    ("phase", "fasa"),
    ("plnmobile", "pln mobile"),
    ("ponsel", "hp"),
    ("sdh", "sudah"),
    ("selfi", "selfie"),
    ("setrum", "listrik"),
    ("smartphone", "hp"),
    ("strum", "listrik"),
    ("surel", "email"),
    ("swafoto", "selfie"),
    ("tambahin", "tambah"),
    ("tdk", "tidak"),
    ("telp", "telepon"),
    ("telpon", "telepon"),
    ("tgl", "tanggal"),
    ("tlp", "telepon"),
    ("tlpn", "telepon"),
    ("tokped", "tokopedia"),
    ("toped", "tokopedia"),
    ("udah", "sudah"),
    ("udh", "sudah"),
    ("unduh", "download"),
    ("va", "daya"),
    ("verif", "verifikasi"),
    ("waifai", "wifi"),
    ("watt", "daya"),
    ("wifii", "wifi"),
    ("yg", "yang"),
];

/// Words that say nothing about which SOP is needed: function words, the
/// call's courtesies and fillers, honorifics. Sorted.
const STOP: &[&str] = &[
    "ada",
    "adalah",
    "agar",
    "aja",
    "akan",
    "aku",
    "anda",
    "apa",
    "apakah",
    "atau",
    "bagaimana",
    "bagi",
    "bahwa",
    "baik",
    "bang",
    "banget",
    "bantu",
    "bantuan",
    "bapak",
    "begini",
    "begitu",
    "belum",
    "berapa",
    "bertanya",
    "biar",
    "bila",
    "bisa",
    "bu",
    "buat",
    "bukan",
    "cuma",
    "dah",
    "dalam",
    "dan",
    "dapat",
    "dapet",
    "dari",
    "deh",
    "dengan",
    "di",
    "dia",
    "dibantu",
    "dik",
    "dimana",
    "dong",
    "eh",
    "gimana",
    "gini",
    "gitu",
    "gua",
    "gue",
    "hallo",
    "halo",
    "hanya",
    "harus",
    "ibu",
    "ingin",
    "ini",
    "itu",
    "iya",
    "jadi",
    "jangan",
    "jika",
    "juga",
    "kak",
    "kalau",
    "kami",
    "kan",
    "kapan",
    "karena",
    "kasih",
    "kata",
    "katanya",
    "kayak",
    "ke",
    "kemarin",
    "kita",
    "kok",
    "krn",
    "lagi",
    "lah",
    "lewat",
    "lho",
    "loh",
    "maaf",
    "mah",
    "makasih",
    "malam",
    "mana",
    "mas",
    "masih",
    "mau",
    "mbak",
    "melalui",
    "membantu",
    "menanyakan",
    "mereka",
    "minta",
    "mohon",
    "nah",
    "nanti",
    "nanya",
    "nggih",
    "nih",
    "nya",
    "ok",
    "oke",
    "oleh",
    "om",
    "pada",
    "pagi",
    "pak",
    "para",
    "pengen",
    "perlu",
    "permisi",
    "pingin",
    "pun",
    "saja",
    "sama",
    "sampai",
    "sangat",
    "saya",
    "sebagai",
    "sedang",
    "sejak",
    "sekali",
    "sekarang",
    "selamat",
    "semua",
    "seperti",
    "setiap",
    "siang",
    "sih",
    "skrg",
    "sore",
    "sudah",
    "supaya",
    "tadi",
    "tanya",
    "tapi",
    "telah",
    "terima",
    "tersebut",
    "tetapi",
    "thanks",
    "tiap",
    "tidak",
    "tlg",
    "tolong",
    "tsb",
    "tuh",
    "untuk",
    "utk",
    "ya",
    "yah",
    "yang",
];

/// The usual form of an informal or abbreviated word (maybe two words).
pub fn spelling(word: &str) -> Option<&'static str> {
    SPELLING
        .binary_search_by(|(k, _)| k.cmp(&word))
        .ok()
        .map(|i| SPELLING[i].1)
}

pub fn is_stop(word: &str) -> bool {
    STOP.binary_search(&word).is_ok()
}

/// Whether a number is a power in VA: a round figure between 450 and
/// 200,000 (phone numbers like 150678 are not round), not a year.
pub fn is_power(digits: &str) -> bool {
    let Ok(n) = digits.parse::<u32>() else {
        return false;
    };
    (450..=200_000).contains(&n) && n % 50 == 0 && !(1900..=2100).contains(&n)
}

/// Lower-case words and numbers. A new word starts where letters meet digits
/// ("2200va"); thousands separators join ("11.000"); a hyphen after one or two
/// letters joins ("e-mail", "wi-fi"); `+` after a word is "plus" ("icon+").
pub fn tokens(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().map(lower_char).collect();
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    let letter = |i: usize| chars.get(i).is_some_and(|c| c.is_ascii_lowercase());
    let mut out = Vec::new();
    let mut cur = String::new();
    let push = |cur: &mut String, out: &mut Vec<String>| {
        if !cur.is_empty() {
            out.push(std::mem::take(cur));
        }
    };
    for (i, &c) in chars.iter().enumerate() {
        if is_word_char(c) {
            let boundary = cur
                .chars()
                .next_back()
                .is_some_and(|p| p.is_ascii_digit() != c.is_ascii_digit());
            if boundary {
                push(&mut cur, &mut out);
            }
            cur.push(c);
        } else if matches!(c, '.' | ',')
            && digit(i.wrapping_sub(1))
            && (1..=3).all(|k| digit(i + k))
            && !digit(i + 4)
        {
            // 11.000: the number goes on.
        } else if c == '-'
            && (1..=2).contains(&cur.chars().count())
            && cur.chars().all(|c| c.is_ascii_lowercase())
            && letter(i + 1)
        {
            // e-mail, wi-fi: one word.
        } else {
            let plus = c == '+' && !cur.is_empty();
            push(&mut cur, &mut out);
            if plus {
                out.push("plus".into());
            }
        }
    }
    push(&mut cur, &mut out);
    out
}

/// Placeholders (`{Bapak/Ibu}`, `{nama}`) are not words anybody says.
pub fn without_placeholders(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' if depth > 0 => {
                depth -= 1;
                out.push(' ');
            }
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The words of a text that can tell SOPs apart, each with its terms.
pub fn words(text: &str) -> Vec<Word> {
    read(text, true)
}

/// `words` for a label whose numbers are no power (an SOP's id and seed).
pub fn label_words(text: &str) -> Vec<Word> {
    read(text, false)
}

fn read(text: &str, powers: bool) -> Vec<Word> {
    let mut out = Vec::new();
    for typed in tokens(text) {
        let usual = spelling(&typed).unwrap_or(&typed);
        for base in usual.split(' ') {
            let number = base.bytes().all(|b| b.is_ascii_digit());
            if is_stop(base) || (!number && base.chars().count() < 2) {
                continue;
            }
            let terms = if number {
                let mut t = vec![base.to_string()];
                if powers && is_power(base) {
                    t.push(POWER.to_string());
                }
                t
            } else {
                let (main, alt) = stem::stem(base);
                let mut t = vec![main];
                t.extend(alt);
                t
            };
            out.push(Word {
                typed: typed.clone(),
                base: base.to_string(),
                terms,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        words(text).into_iter().flat_map(|w| w.terms).collect()
    }

    #[test]
    fn tables_are_sorted_for_the_binary_search() {
        assert!(SPELLING.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(STOP.windows(2).all(|w| w[0] < w[1]));
        // A spelling never leads to another spelling: one lookup is enough.
        for (_, usual) in SPELLING {
            for w in usual.split(' ') {
                assert_eq!(spelling(w), None, "{w}");
            }
        }
    }

    #[test]
    fn lower_case_and_punctuation() {
        assert_eq!(
            tokens("Internet MATI!!! (sejak pagi)"),
            ["internet", "mati", "sejak", "pagi"]
        );
        assert_eq!(tokens("<img src=x>"), ["img", "src", "x"]);
    }

    #[test]
    fn letters_and_digits_part() {
        assert_eq!(
            tokens("2200VA r1/1300va"),
            ["2200", "va", "r", "1", "1300", "va"]
        );
    }

    #[test]
    fn thousands_separators_join() {
        assert_eq!(tokens("11.000 VA, 3.500.000"), ["11000", "va", "3500000"]);
        assert_eq!(tokens("tanggal 1.5"), ["tanggal", "1", "5"]);
    }

    #[test]
    fn short_hyphenated_prefixes_join() {
        assert_eq!(
            tokens("e-mail wi-fi e-voucher"),
            ["email", "wifi", "evoucher"]
        );
        assert_eq!(tokens("berturut-turut"), ["berturut", "turut"]);
    }

    #[test]
    fn plus_after_a_word() {
        assert_eq!(tokens("ICON+ 1+1"), ["icon", "plus", "1", "plus", "1"]);
    }

    #[test]
    fn informal_spellings_and_abbreviations() {
        assert_eq!(
            terms("gak nggak tdk"),
            Vec::<String>::new(),
            "tidak is a stop word"
        );
        assert_eq!(terms("naikin"), ["naik"]);
        assert_eq!(terms("nambah"), ["tambah"]);
        assert_eq!(terms("tokped"), ["tokopedia"]);
        assert_eq!(terms("handphone hp"), ["hp", "hp"]);
        assert_eq!(terms("wi-fi"), ["wifi"]);
        assert_eq!(terms("plnmobile"), ["pln", "mobile"]);
        assert_eq!(terms("e-voucher"), ["voucher"]);
        assert_eq!(terms("jateng"), ["jawa", "tengah"]);
        assert_eq!(terms("kenapa"), ["apa", "kapa"], "mengapa, stemmed");
    }

    #[test]
    fn stop_words_go() {
        assert_eq!(
            terms("saya mau ingin tolong pak bu dari ke di yang untuk buat ada apa ya kok"),
            Vec::<String>::new()
        );
        assert_eq!(terms("mbak saya mau tambah daya ya"), ["tambah", "daya"]);
    }

    #[test]
    fn powers_are_marked() {
        assert_eq!(terms("dari 1300 ke 2200"), ["1300", "daya", "2200", "daya"]);
        assert_eq!(terms("5500 VA"), ["5500", "daya", "daya"]);
        assert_eq!(terms("150678"), ["150678"], "a phone number, not round");
        assert_eq!(terms("maret 2021"), ["maret", "2021"], "a year");
        assert_eq!(terms("300"), ["300"], "below 450");
        assert!(is_power("450") && is_power("200000") && !is_power("200050"));
    }

    #[test]
    fn labels_have_no_powers() {
        let t: Vec<String> = label_words("sop 900")
            .into_iter()
            .flat_map(|w| w.terms)
            .collect();
        assert_eq!(t, ["sop", "900"]);
    }

    #[test]
    fn affixes_are_stemmed() {
        assert_eq!(terms("penyambungan"), ["sambung", "nyambung"]);
        assert_eq!(terms("terverifikasi"), ["verifikasi", "terverifikasi"]);
    }

    #[test]
    fn single_letters_go_and_words_keep_what_was_typed() {
        let w = words("e Voucher");
        assert_eq!(w.len(), 1);
        assert_eq!(
            (w[0].typed.as_str(), w[0].base.as_str()),
            ("voucher", "voucher")
        );
        let w = words("PLNMobile");
        assert_eq!(
            w.iter().map(|w| w.typed.as_str()).collect::<Vec<_>>(),
            ["plnmobile", "plnmobile"]
        );
    }

    #[test]
    fn placeholders_are_not_words() {
        assert_eq!(
            without_placeholders("Baik {Bapak/Ibu} {nama}, terima"),
            "Baik    , terima"
        );
    }
}
