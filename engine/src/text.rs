//! Letter case and letter tests for Indonesian text, without Unicode tables.
//!
//! `str::to_uppercase`, `char::to_lowercase` and `char::is_alphabetic` carry
//! Unicode tables of about 11 KB (gzip) into the wasm. Pandu's text is
//! Indonesian: ASCII, with now and then a letter of Latin-1 or Latin
//! Extended-A in a name (é, ö, Ş, ğ, ł). These cover exactly that (U+0000 to
//! U+017F, as std maps them); other scripts are left as they are.
//!
//! A char maps to one char. Where std gives several, Unicode's one-to-one
//! (simple) mapping is taken: `ß` and `ŉ` stay as they are in capitals (std:
//! `SS`, `ʼN`), and `İ` in small letters is `i` (std: `i` with a combining dot).

/// Upper case of the letters of ASCII, Latin-1 and Latin Extended-A.
pub fn upper_char(c: char) -> char {
    let u = c as u32;
    let up = match c {
        'a'..='z' | 'à'..='þ' if c != '÷' => u - 32,
        'µ' => 0x39C,
        'ÿ' => 0x178,
        'ı' => u32::from(b'I'),
        'ſ' => u32::from(b'S'),
        // Latin Extended-A is capital-small pairs, the capital even up to ķ
        // and from Ŋ, odd from Ĺ to ň and from Ź.
        '\u{101}'..='\u{137}' | '\u{14B}'..='\u{177}' if u & 1 == 1 => u - 1,
        '\u{13A}'..='\u{148}' | '\u{17A}'..='\u{17E}' if u & 1 == 0 => u - 1,
        _ => u,
    };
    char::from_u32(up).unwrap_or(c)
}

/// Lower case of the letters of ASCII, Latin-1 and Latin Extended-A.
pub fn lower_char(c: char) -> char {
    let u = c as u32;
    let low = match c {
        'A'..='Z' | 'À'..='Þ' if c != '×' => u + 32,
        'İ' => u32::from(b'i'),
        'Ÿ' => 0xFF,
        '\u{100}'..='\u{136}' | '\u{14A}'..='\u{176}' if u & 1 == 0 => u + 1,
        '\u{139}'..='\u{147}' | '\u{179}'..='\u{17D}' if u & 1 == 1 => u + 1,
        _ => u,
    };
    char::from_u32(low).unwrap_or(c)
}

pub fn upper(s: &str) -> String {
    s.chars().map(upper_char).collect()
}

pub fn lower(s: &str) -> String {
    s.chars().map(lower_char).collect()
}

/// A letter: ASCII and Latin-1 letters, and any character of another script.
/// Punctuation, symbols and spaces of the blocks Indonesian text uses are
/// not, nor emoji and what joins or modifies them (ZWJ, variation selectors,
/// tags), which people type in names and chat-style complaints.
pub fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || (c > '\u{BF}'
            && !matches!(
                c,
                '×' | '÷'
                    // Punctuation, arrows, dingbats (U+2600–U+27BF), ZWJ U+200D.
                    | '\u{2000}'..='\u{2BFF}'
                    | '\u{3000}'..='\u{303F}'
                    // Circled ideographs (㊗ ㊙).
                    | '\u{3200}'..='\u{32FF}'
                    | '\u{FE00}'..='\u{FE0F}'
                    | '\u{FE30}'..='\u{FE4F}'
                    | '\u{FF00}'..='\u{FF0F}'
                    | '\u{FFF0}'..='\u{FFFF}'
                    // Cards, enclosed letters (🅰), pictographs, emoji, flags.
                    | '\u{1F000}'..='\u{1FBFF}'
                    // Tags (flags of regions) and more variation selectors.
                    | '\u{E0000}'..='\u{E01EF}'
            ))
}

/// A letter or an ASCII digit.
pub fn is_word_char(c: char) -> bool {
    c.is_ascii_digit() || is_letter(c)
}

/// Whether `needle` occurs in `hay`. `str::contains` builds a two-way
/// searcher for every call, which was most of a keystroke's time over a
/// thousand SOPs; query words are short, so a first-byte scan is faster.
pub fn contains(hay: &str, needle: &str) -> bool {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    let mut at = 0;
    while at + needle.len() <= hay.len() {
        match hay[at..=hay.len() - needle.len()]
            .iter()
            .position(|&b| b == first)
        {
            None => return false,
            Some(p) => {
                at += p + 1;
                if &hay[at..at + rest.len()] == rest {
                    return true;
                }
            }
        }
    }
    false
}

/// One CSV record (RFC 4180, CRLF) as spreadsheets read it: a field is quoted
/// when it holds a comma, a quote or a line break, quotes doubled inside; and
/// when it holds a semicolon or a tab, which LibreOffice's import dialog
/// also splits on by default.
/// A dozen lines instead of the `csv` crate's bytes in the wasm.
pub fn csv_record(out: &mut String, fields: &[&str]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        // A record of one empty field would read back as an empty line.
        let quote =
            f.contains([',', '"', '\r', '\n', ';', '\t']) || (fields.len() == 1 && f.is_empty());
        if quote {
            out.push('"');
            out.push_str(&f.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(f);
        }
    }
    out.push_str("\r\n");
}

/// A value as a spreadsheet (Excel, LibreOffice) should show it from a CSV.
///
/// With `digits_as_text`, digits only (a phone, an invoice number) are
/// written `="0812…"`: a formula whose value is the text, so Excel shows
/// 081234567890, not the number 81234567890 (8,12E+10 in a narrow column).
/// LibreOffice does the same with "Evaluate formulas" ticked in its import
/// dialog; unticked (the dialog's default) it shows `="081234567890"`, still
/// every digit. A plain 081234567890 keeps its 0 in neither program.
///
/// Anything else that starts like a formula (`=`, `+`, `-`, `@`; tab and CR
/// too, as OWASP's CSV-injection advice has it) gets a `'` in front: a
/// caller's `=HYPERLINK(…)` is shown, never run.
pub fn sheet_cell(value: &str, digits_as_text: bool) -> String {
    if digits_as_text && !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        format!("=\"{value}\"")
    } else if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_and_letters() {
        assert_eq!(
            upper("Ibu Hélène, jl. mawar 5 ÷ ×"),
            "IBU HÉLÈNE, JL. MAWAR 5 ÷ ×"
        );
        assert_eq!(lower("ÉLEKTRINET Ä ×"), "élektrinet ä ×");
        assert!(is_letter('é') && is_letter('q') && is_letter('ß'));
        assert!(!is_letter('“') && !is_letter('–') && !is_letter('1') && !is_letter(' '));
        assert!(is_word_char('7') && !is_word_char('-'));
    }

    /// The chars for which std gives several chars, with the one kept here.
    const MULTI: [(char, char, char); 3] = [
        // (char, upper_char, lower_char)
        ('ß', 'ß', 'ß'), // std upper: "SS"
        ('İ', 'İ', 'i'), // std lower: "i\u{307}"
        ('ŉ', 'ŉ', 'ŉ'), // std upper: "ʼN"
    ];

    #[test]
    fn case_is_std_case_up_to_latin_extended_a() {
        let mut checked = 0;
        for c in '\u{0}'..='\u{17F}' {
            if let Some(&(_, up, low)) = MULTI.iter().find(|m| m.0 == c) {
                assert_eq!((upper_char(c), lower_char(c)), (up, low), "{c}");
                continue;
            }
            let up: Vec<char> = c.to_uppercase().collect();
            let low: Vec<char> = c.to_lowercase().collect();
            assert_eq!(vec![upper_char(c)], up, "upper of {c} U+{:04X}", c as u32);
            assert_eq!(vec![lower_char(c)], low, "lower of {c} U+{:04X}", c as u32);
            checked += 1;
        }
        assert_eq!(checked, 0x180 - MULTI.len());
        // They are the ones std gives several chars for.
        for (c, _, _) in MULTI {
            assert_eq!(
                c.to_uppercase().count() + c.to_lowercase().count(),
                3,
                "{c}"
            );
        }
        assert_eq!(upper("Şahin Yılmaz, Łódź"), "ŞAHIN YILMAZ, ŁÓDŹ");
        assert_eq!(lower("ŞAHİN ĞÜLŞEN ŸVES"), "şahin ğülşen ÿves");
    }

    #[test]
    fn letters_are_std_letters_up_to_latin_extended_a_but_ordinals_and_micro() {
        for c in '\u{0}'..='\u{17F}' {
            let symbol = matches!(c, 'ª' | 'µ' | 'º');
            assert_eq!(
                is_letter(c),
                c.is_alphabetic() && !symbol,
                "{c} U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn emoji_and_what_joins_them_are_not_letters() {
        for s in [
            "👍🏽",
            "👨‍👩‍👧",
            "🇮🇩",
            "❤️",
            "☎️",
            "✅",
            "⭐",
            "㊗️",
            "🀄",
            "🃏",
            "🅰️",
            "🆗",
            "🈯",
            "🪫",
            "🫠",
            "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}",
            "#️⃣",
            "™",
        ] {
            for c in s.chars() {
                assert!(!is_letter(c), "{s}: U+{:04X}", c as u32);
            }
        }
        for range in [
            '\u{1F000}'..='\u{1FAFF}',
            '\u{2600}'..='\u{27BF}',
            '\u{FE00}'..='\u{FE0F}',
            '\u{200D}'..='\u{200D}',
            '\u{E0020}'..='\u{E007F}',
        ] {
            assert!(range.clone().all(|c| !is_letter(c)), "{range:?}");
        }
        // A name with an emoji is the name's letters.
        let words: Vec<&str> = "Şahin😀 Ayu❤️Lestari"
            .split(|c| !is_letter(c))
            .filter(|w| !w.is_empty())
            .collect();
        assert_eq!(words, ["Şahin", "Ayu", "Lestari"]);
        assert!(is_letter('ğ') && is_letter('ي') && is_letter('中') && is_letter('ñ'));
    }

    #[test]
    fn contains_finds_what_str_contains_finds() {
        let hay = "tambah daya \u{1}pasang baru";
        for needle in [
            "", "t", "daya", "a", "baru", "u", "ya p", "\u{1}p", "x", "barux", hay,
        ] {
            assert_eq!(contains(hay, needle), hay.contains(needle), "{needle:?}");
        }
        assert!(!contains("", "a"));
    }

    #[test]
    fn csv_quotes_only_what_needs_it() {
        let mut out = String::new();
        csv_record(&mut out, &["a", "b,c", "say \"hi\"", "two\nlines", ""]);
        csv_record(&mut out, &[""]);
        csv_record(&mut out, &["a;b", "c\td", "e'f"]);
        assert_eq!(
            out,
            "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n\"\"\r\n\"a;b\",\"c\td\",e'f\r\n"
        );
    }

    #[test]
    fn sheet_cells_keep_digits_as_text_and_never_run_formulas() {
        let cases = [
            ("081234567890", true, "=\"081234567890\""),
            ("081234567890", false, "081234567890"),
            (
                "INV/20210305/XXI/III/123456789",
                true,
                "INV/20210305/XXI/III/123456789",
            ),
            ("", true, ""),
            (
                "=HYPERLINK(\"http://x\")",
                false,
                "'=HYPERLINK(\"http://x\")",
            ),
            ("=1+1", true, "'=1+1"),
            ("+62812", true, "'+62812"),
            ("-Kulkas", false, "'-Kulkas"),
            ("@SUM(A1)", false, "'@SUM(A1)"),
            ("\t=1", false, "'\t=1"),
            ("\r=1", false, "'\r=1"),
            ("Kulkas -2", false, "Kulkas -2"),
            ("'kutip", false, "'kutip"),
            ("4599000", false, "4599000"),
        ];
        for (value, digits_as_text, want) in cases {
            assert_eq!(sheet_cell(value, digits_as_text), want, "{value:?}");
        }
    }
}
