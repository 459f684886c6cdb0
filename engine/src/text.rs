//! Letter case and letter tests for Indonesian text, without Unicode tables.
//!
//! `str::to_uppercase`, `char::to_lowercase` and `char::is_alphabetic` carry
//! Unicode tables of about 11 KB (gzip) into the wasm. Pandu's text is
//! Indonesian: ASCII, with now and then a Latin-1 letter in a name (é, ö).
//! These cover exactly that; other scripts are left as they are.

/// Upper case of ASCII and Latin-1 letters.
pub fn upper_char(c: char) -> char {
    match c {
        'a'..='z' | 'à'..='þ' if c != '÷' => char::from_u32(c as u32 - 32).unwrap_or(c),
        _ => c,
    }
}

/// Lower case of ASCII and Latin-1 letters.
pub fn lower_char(c: char) -> char {
    match c {
        'A'..='Z' | 'À'..='Þ' if c != '×' => char::from_u32(c as u32 + 32).unwrap_or(c),
        _ => c,
    }
}

pub fn upper(s: &str) -> String {
    s.chars().map(upper_char).collect()
}

pub fn lower(s: &str) -> String {
    s.chars().map(lower_char).collect()
}

/// A letter: ASCII and Latin-1 letters, and any character of another script.
/// Punctuation, symbols and spaces of the blocks Indonesian text uses are not.
pub fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || (c > '\u{BF}'
            && !matches!(
                c,
                '×' | '÷'
                    | '\u{2000}'..='\u{2BFF}'
                    | '\u{3000}'..='\u{303F}'
                    | '\u{FE30}'..='\u{FE4F}'
                    | '\u{FF00}'..='\u{FF0F}'
                    | '\u{FFF0}'..='\u{FFFF}'
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
/// when it holds a comma, a quote or a line break, quotes doubled inside.
/// A dozen lines instead of the `csv` crate's bytes in the wasm.
pub fn csv_record(out: &mut String, fields: &[&str]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        // A record of one empty field would read back as an empty line.
        let quote = f.contains([',', '"', '\r', '\n']) || (fields.len() == 1 && f.is_empty());
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
        assert_eq!(
            out,
            "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n\"\"\r\n"
        );
    }
}
