//! Field validators: turn what a CSO types while the caller talks into the
//! normal form a ticket needs, or into a short Indonesian message saying what
//! is wrong and what is expected.
//!
//! Rules come from DOMAIN.md ("Data formats") and the seeds: 000 for the
//! Tokopedia invoice and transaction date, 004 for the PLN Mobile account name.
//! Separators people naturally type (spaces, dots, dashes, `Rp`, `VA`) are
//! normalised away rather than rejected: the CSO has a caller on the line.
//!
//! Everything here runs in the browser, so it uses only std, serde and chrono,
//! never reads the clock (dates to compare with come in as arguments) and
//! never panics: every input is walked by `char`, and byte slicing happens
//! only on text already proven ASCII or at boundaries found by `strip_*`.

use crate::model::FieldKind;
use chrono::{Datelike, NaiveDate};

/// Shown under a required field left empty.
pub const REQUIRED: &str = "Wajib diisi.";
/// Email without the shape `nama@domain.tld`.
pub const EMAIL_INVALID: &str =
    "Alamat email tidak valid: gunakan bentuk nama@domain.com (satu @, tanpa spasi).";
/// Telephone number with letters or symbols, or not starting 0 / +62 / 62.
pub const PHONE_INVALID: &str = "Nomor telepon tidak valid: gunakan HP 08… (10–13 digit) atau \
     telepon rumah/kantor 0 + kode area, mis. 021 7654321; boleh diawali +62 atau 62.";
/// A mobile-only field given letters or symbols, or a number not starting 08 / +62 / 62.
pub const MOBILE_INVALID: &str = "Nomor HP tidak valid: gunakan 08…, +62… atau 62…, 10–13 digit.";
/// A mobile-only field given a fixed line.
pub const MOBILE_FIXED: &str =
    "Ini nomor telepon rumah/kantor; yang diminta nomor HP (08…), contoh 081234567890.";
/// Mobile number of the right prefix but too short or too long.
pub const PHONE_LENGTH: &str = "Nomor HP harus 10–13 digit dalam bentuk 08…, contoh 081234567890.";
/// Fixed-line number too short or too long for an area code and a subscriber number.
pub const FIXED_LENGTH: &str = "Nomor telepon rumah/kantor harus 0 + kode area (2–3 digit) + \
     nomor 5–8 digit, contoh 021 7654321 atau 0361 234567.";
/// Note under a fixed-line number: accepted, but it cannot take an SMS or WhatsApp.
pub const PHONE_FIXED: &str = "Telepon rumah/kantor, bukan HP.";
/// IDPEL that is not 12 digits.
pub const IDPEL_INVALID: &str = "IDPEL tidak valid: harus 12 digit angka, contoh 512345678901.";
/// NIK that is not 16 digits.
pub const NIK_DIGITS: &str = "NIK tidak valid: harus 16 digit angka sesuai KTP.";
/// NIK whose digits 7–12 are not a real birth date.
pub const NIK_DATE: &str = "NIK tidak valid: digit ke-7 s.d. 12 harus tanggal lahir DDMMYY \
     yang benar (untuk perempuan tanggal ditambah 40).";
/// Power that cannot be read as a number of VA.
pub const POWER_INVALID: &str =
    "Daya tidak valid: tulis dalam VA atau kVA, contoh 2200, 2.200 VA atau 2,2 kVA.";
/// Power that reads fine but is not one of PLN's steps: the message lists
/// every step [`power`] accepts, from the same table.
pub fn power_not_step() -> String {
    let steps: Vec<String> = POWER_STEPS
        .iter()
        .map(|&va| format_thousands(u64::from(va)))
        .collect();
    let last = steps.last().cloned().unwrap_or_default();
    format!(
        "Daya tidak sesuai daya standar PLN: gunakan salah satu dari {} VA, atau lebih dari {last} VA.",
        steps.join(", ")
    )
}

/// Power above the current one is what a Penambahan Daya asks for.
pub const POWER_NOT_ABOVE: &str = "Daya yang dimohon harus lebih besar dari daya saat ini";
/// Date in none of the accepted shapes.
pub const DATE_INVALID: &str =
    "Tanggal tidak valid: gunakan DD-MM-YYYY (tahun 4 digit), contoh 05-03-2021.";
/// Date in a good shape that does not exist (31-02, month 13).
pub const DATE_NOT_REAL: &str =
    "Tanggal tidak ada di kalender: periksa hari dan bulannya (DD-MM-YYYY).";
/// Date with an implausible year, almost always a typo.
pub const DATE_YEAR: &str = "Tahun tidak wajar: gunakan tahun 4 digit antara 1900 dan 2099.";
/// Amount that cannot be read as whole rupiah.
pub const MONEY_INVALID: &str =
    "Nominal tidak valid: tulis rupiah tanpa sen, contoh 1.500.000 atau Rp1.500.000.";
/// Warning: invoice number not in Tokopedia's usual shape.
pub const INVOICE_SHAPE: &str = "Nomor invoice tidak seperti biasanya \
     (contoh INV/20210305/XXI/III/123456789); mohon periksa kembali.";
/// Warning: the YYYYMMDD part of the invoice number is not a real date.
pub const INVOICE_DATE_NOT_REAL: &str = "Tanggal di dalam nomor invoice (YYYYMMDD) bukan \
     tanggal yang benar; mohon periksa kembali.";

/// PLN's standard power steps in VA (DOMAIN.md). Above the last one any whole VA is accepted.
pub const POWER_STEPS: [u32; 19] = [
    450, 900, 1300, 2200, 3500, 4400, 5500, 6600, 7700, 10600, 11000, 13200, 16500, 22000, 23000,
    33000, 41500, 53000, 66000,
];

/// Outcome of checking one raw input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    /// The normal form stored and used in tickets.
    pub value: String,
    /// Soft findings shown to the CSO; they never block the step.
    pub warnings: Vec<String>,
}

/// Context a field check may need besides its raw text.
#[derive(Debug, Clone, Copy, Default)]
pub struct FieldCtx<'a> {
    /// Empty input is refused with [`REQUIRED`].
    pub required: bool,
    /// For `Select`: the allowed values.
    pub options: &'a [String],
    /// For `Date`: earliest day `YYYY-MM-DD`.
    pub min: Option<&'a str>,
    /// For `Date`: latest day `YYYY-MM-DD`.
    pub max: Option<&'a str>,
    /// The stored value of the other field: for `Invoice` the transaction
    /// date, for `AccountName` the KTP name.
    pub against: Option<&'a str>,
}

/// Validate and normalise one field's raw input; `Err` is the message shown under the field.
///
/// Empty input (only spaces or invisible marks) is `Ok` with an empty value
/// when the field is optional and [`REQUIRED`] when it is required, whatever
/// the kind. Bounds in `ctx.min`/`ctx.max` that do not parse are ignored: the
/// SOP lint reports them, and a CSO cannot fix them mid-call.
pub fn check(kind: FieldKind, raw: &str, ctx: &FieldCtx<'_>) -> Result<Checked, String> {
    if raw.chars().all(|c| c.is_whitespace() || is_invisible(c)) {
        return if ctx.required {
            Err(REQUIRED.to_string())
        } else {
            Ok(ok(String::new()))
        };
    }
    match kind {
        FieldKind::Text => Ok(ok(one_line(raw))),
        FieldKind::Note => Ok(ok(raw.trim().to_string())),
        FieldKind::Email => email(raw).map(ok),
        FieldKind::Hp => mobile(raw).map(ok),
        FieldKind::Phone => phone_number(raw).map(|p| Checked {
            warnings: if p.fixed {
                vec![PHONE_FIXED.to_string()]
            } else {
                Vec::new()
            },
            value: p.number,
        }),
        FieldKind::Idpel => idpel(raw).map(ok),
        FieldKind::Nik => nik(raw).map(|n| ok(n.number)),
        FieldKind::Power => {
            let va = power(raw)?;
            // `against`: the current power, which a requested one must exceed.
            if let Some(now) = ctx.against.and_then(|s| s.parse::<u32>().ok()) {
                if va <= now {
                    return Err(format!(
                        "{POWER_NOT_ABOVE} ({} VA).",
                        format_thousands(u64::from(now))
                    ));
                }
            }
            Ok(ok(va.to_string()))
        }
        FieldKind::Money => money(raw).map(|m| ok(m.to_string())),
        FieldKind::Date => {
            let d = date(raw)?;
            let bound = |s: Option<&str>| s.and_then(|s| date(s).ok());
            date_in_window(d, bound(ctx.min), bound(ctx.max))?;
            Ok(ok(crate::dates::iso(d)))
        }
        FieldKind::Invoice => {
            let tx = ctx.against.and_then(|s| date(s).ok());
            Ok(Checked {
                value: crate::text::upper(&one_line(raw)),
                warnings: invoice_warnings(raw, tx),
            })
        }
        // A name PLN Mobile would refuse is the customer's to change in
        // Profil, not a reason to stop the call: a warning (seed 004 II.A.1.b.1.a.1).
        FieldKind::AccountName => {
            let ktp = ctx.against.unwrap_or("");
            let warnings = match account_name(raw, ktp) {
                Err(w) if !ktp.trim().is_empty() => vec![w],
                _ => Vec::new(),
            };
            Ok(Checked {
                value: one_line(raw),
                warnings,
            })
        }
        FieldKind::Select => {
            let v = raw.trim();
            if ctx.options.iter().any(|o| o == v) {
                Ok(ok(v.to_string()))
            } else if ctx.options.is_empty() {
                Err("Pilihan tidak valid: belum ada pilihan yang tersedia.".to_string())
            } else {
                Err(format!(
                    "Pilihan tidak valid: pilih salah satu dari {}.",
                    ctx.options.join(", ")
                ))
            }
        }
    }
}

fn ok(value: String) -> Checked {
    Checked {
        value,
        warnings: Vec::new(),
    }
}

/// Characters that copy-paste drags along invisibly (WhatsApp wraps numbers in
/// bidi embeddings, web pages add zero-width spaces and BOMs). They are never
/// part of a number or an address, so the validators drop them.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// `raw` without invisible marks, whitespace and the given separators.
fn compact(raw: &str, separators: &[char]) -> String {
    raw.chars()
        .filter(|&c| !(c.is_whitespace() || is_invisible(c) || separators.contains(&c)))
        .collect()
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// A practical email check: one `@`, a non-empty local part, a domain with a
/// dot, no spaces, no consecutive dots, ASCII only. Stricter than RFC 5322 on
/// purpose: quoted local parts and IP-literal domains never reach the contact
/// center, while typos like `nama@gmail,com` or `nama@gmail` do.
///
/// Normal form: trimmed, domain lowercased (the local part is kept as typed,
/// since some providers treat it case-sensitively).
pub fn email(raw: &str) -> Result<String, String> {
    let bad = || EMAIL_INVALID.to_string();
    let s: String = raw.chars().filter(|&c| !is_invisible(c)).collect();
    let s = s.trim();
    // Limits from RFC 5321; longer is a paste accident.
    if s.len() > 254 || !s.is_ascii() {
        return Err(bad());
    }
    let (local, domain) = s.split_once('@').ok_or_else(bad)?;
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-/=?^_`{|}~.".contains(&b));
    let labels_ok = domain.split('.').all(|l| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    });
    let tld_ok = domain
        .rsplit('.')
        .next()
        .is_some_and(|t| t.len() >= 2 && t.bytes().all(|b| b.is_ascii_alphabetic()));
    if local_ok && domain.contains('.') && labels_ok && tld_ok {
        let mut out = String::with_capacity(s.len());
        out.push_str(local);
        out.push('@');
        out.push_str(&domain.to_ascii_lowercase());
        Ok(out)
    } else {
        Err(bad())
    }
}

/// A telephone number in its normal form, and whether it is a fixed line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phone {
    /// Digits only, national form with its leading 0: `081234567890`, `0217654321`.
    pub number: String,
    /// A fixed line (telepon rumah/kantor): `0` + area code, not `08…`.
    pub fixed: bool,
}

/// A telephone number as callers give it: a mobile number (`08…`, `+628…`,
/// `628…`, 10–13 digits in the `08…` form) or a fixed line (`0` + a 2–3 digit
/// area code + a 5–8 digit subscriber number: `021 7654321`,
/// `(021) 765-4321`, `+62 21 7654321`). Seed 001 records "No. Telepon" and
/// some callers only have a landline (004 I.a), so both are numbers; which
/// one it is decides the field it goes to (AP2T has "Telepon" and "Hp").
/// Spaces, dots, dashes and brackets are normalised away, as is a `(0)`
/// after `+62`.
pub fn phone_number(raw: &str) -> Result<Phone, String> {
    let s = compact(
        raw,
        &[
            '.', '-', '(', ')', '\u{2010}', '\u{2011}', '\u{2013}', '\u{2014}',
        ],
    );
    let rest = s.strip_prefix('+').unwrap_or(&s);
    if !all_digits(rest) || (rest.len() < s.len() && !rest.starts_with("62")) {
        return Err(PHONE_INVALID.to_string());
    }
    let national = match rest.strip_prefix("62") {
        Some(n) => n.strip_prefix('0').unwrap_or(n),
        None => match rest.strip_prefix('0') {
            Some(n) => n,
            None => return Err(PHONE_INVALID.to_string()),
        },
    };
    // `national` lacks the leading 0. Mobile numbers are 08…; area codes
    // start with 2–7 or 9 (0 and 1 begin international and service numbers).
    let fixed = match national.bytes().next() {
        Some(b'8') => false,
        Some(b'2'..=b'7' | b'9') => true,
        _ => return Err(PHONE_INVALID.to_string()),
    };
    let (len, message) = if fixed {
        (7..=11, FIXED_LENGTH)
    } else {
        (9..=12, PHONE_LENGTH)
    };
    if !len.contains(&national.len()) {
        return Err(message.to_string());
    }
    let mut number = String::with_capacity(national.len() + 1);
    number.push('0');
    number.push_str(national);
    Ok(Phone { number, fixed })
}

/// The normal form of a telephone number, mobile or fixed line (see [`phone_number`]).
pub fn phone(raw: &str) -> Result<String, String> {
    phone_number(raw).map(|p| p.number)
}

/// A mobile number only: a fixed line, or anything that is no number, is
/// refused with a message about HP numbers.
pub fn mobile(raw: &str) -> Result<String, String> {
    match phone_number(raw) {
        Ok(p) if p.fixed => Err(MOBILE_FIXED.to_string()),
        Ok(p) => Ok(p.number),
        Err(e) if e == PHONE_INVALID => Err(MOBILE_INVALID.to_string()),
        Err(e) => Err(e),
    }
}

/// Whether a normalised number (`phone`'s output) is a mobile number.
pub fn is_mobile(number: &str) -> bool {
    number.starts_with("08")
}

/// IDPEL, the 12-digit customer ID. Spaces, dots and dashes inside are
/// tolerated (people read it out in groups); the normal form is the 12 digits.
pub fn idpel(raw: &str) -> Result<String, String> {
    let s = compact(raw, &['.', '-']);
    if s.len() == 12 && all_digits(&s) {
        Ok(s)
    } else {
        Err(IDPEL_INVALID.to_string())
    }
}

/// A NIK read apart: the number and the birth date it encodes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nik {
    /// The 16 digits.
    pub number: String,
    /// Day of birth, 1–31 (the +40 for women already taken off).
    pub birth_day: u32,
    pub birth_month: u32,
    /// Two-digit year of birth; the century is not encoded.
    pub birth_yy: u32,
    pub female: bool,
}

/// The KTP number: 16 digits (spaces, dots, dashes tolerated), digits 7–12
/// the birth date DDMMYY with 40 added to DD for women. A date part that is not
/// a real date makes the NIK wrong. Since the century is not encoded, 29 Feb
/// is accepted when either 19YY or 20YY is a leap year. The region code
/// (digits 1–6) is not checked: codes change with new regencies.
pub fn nik(raw: &str) -> Result<Nik, String> {
    let number = compact(raw, &['.', '-']);
    if number.len() != 16 || !all_digits(&number) {
        return Err(NIK_DIGITS.to_string());
    }
    // ASCII digits only from here, so byte positions are char positions.
    let two = |i: usize| -> u32 {
        let b = number.as_bytes();
        u32::from(b[i] - b'0') * 10 + u32::from(b[i + 1] - b'0')
    };
    let (dd, mm, yy) = (two(6), two(8), two(10));
    let female = dd > 40;
    let day = if female { dd - 40 } else { dd };
    let real = |century: i32| NaiveDate::from_ymd_opt(century + yy as i32, mm, day).is_some();
    if !(real(1900) || real(2000)) {
        return Err(NIK_DATE.to_string());
    }
    Ok(Nik {
        number,
        birth_day: day,
        birth_month: mm,
        birth_yy: yy,
        female,
    })
}

/// Power in VA, as CSOs and callers say it: `2200`, `2.200`, `2200 VA`,
/// `2200VA`, `2,2 kVA`, `2.2 kva`. A decimal number under 1000 without a unit
/// (`5,5`) is read as kVA, since 5,5 VA means nothing. The result must be one
/// of [`POWER_STEPS`] or any whole VA above 66000 (large customers).
pub fn power(raw: &str) -> Result<u32, String> {
    let s = compact(raw, &[]).to_ascii_lowercase();
    let (num, unit_kva) = if let Some(n) = s.strip_suffix("kva") {
        (n, Some(true))
    } else if let Some(n) = s.strip_suffix("va") {
        (n, Some(false))
    } else {
        (s.as_str(), None)
    };
    let n = parse_number(num).ok_or_else(|| POWER_INVALID.to_string())?;
    let kva = unit_kva.unwrap_or(n.decimal && n.int < 1000);
    let va = scale(&n, if kva { 3 } else { 0 })
        .and_then(|v| u32::try_from(v).ok())
        .ok_or_else(|| POWER_INVALID.to_string())?;
    if va > 66000 || POWER_STEPS.contains(&va) {
        Ok(va)
    } else {
        Err(power_not_step())
    }
}

/// Residential tariff class of a power: `R1` up to 2200 VA, `R2` 3500–5500 VA,
/// `R3` from 6600 VA.
///
/// Powers between the ranges (2201–3499, 5501–6599) are not PLN steps, so
/// [`power`] never yields them; if one arrives anyway (a template filter on a
/// hand-typed value) it gets the class of the range just below: a class is
/// taken to begin at its first step (R2 at 3500 VA, R3 at 6600 VA), so the
/// class is the highest one whose first step the value has reached.
pub fn tariff_class(va: u32) -> &'static str {
    match va {
        0..=3499 => "R1",
        3500..=6599 => "R2",
        _ => "R3",
    }
}

/// The tariff class of a customer group at a power. The class belongs to
/// the customer, not to the power (DOMAIN.md): a shop at 2200 VA is B1, a
/// mosque S2, a government office P1; only households follow the power
/// alone. `group` is what the CSO chose (`Rumah tangga`, `Bisnis`,
/// `Sosial`, `Pemerintah`, `Industri`, or the class letter); an empty or
/// unknown group gives the household class, as seed 004's example does.
pub fn tariff_class_of(group: &str, va: u32) -> &'static str {
    let g = crate::text::lower(group.trim());
    let letter = match g.as_str() {
        "b" | "bisnis" => 'B',
        "s" | "sosial" => 'S',
        "p" | "pemerintah" => 'P',
        "i" | "industri" => 'I',
        _ => 'R',
    };
    match (letter, va) {
        ('B', 0..=5500) => "B1",
        ('B', 5501..=200_000) => "B2",
        ('B', _) => "B3",
        ('S', 0..=200_000) => "S2",
        ('S', _) => "S3",
        ('P', 0..=200_000) => "P1",
        ('P', _) => "P2",
        ('I', 0..=14_000) => "I1",
        ('I', 14_001..=200_000) => "I2",
        ('I', _) => "I3",
        _ => tariff_class(va),
    }
}

/// A calendar date as CSOs type it: `2021-03-05` (ISO), `05-03-2021`,
/// `05/03/2021`, `5/3/2021`, `05.03.2021`, and also `5 Maret 2021` or
/// `5 Mar 2021` (Indonesian or English month names, full or three letters).
/// Two-digit years are refused: `05/03/21` could be 1921 for a birth date.
pub fn date(raw: &str) -> Result<NaiveDate, String> {
    let s: String = raw.chars().filter(|&c| !is_invisible(c)).collect();
    let mut parts = s
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '/' | '.' | ','))
        .filter(|p| !p.is_empty());
    let (a, b, c) = match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(a), Some(b), Some(c), None) => (a, b, c),
        _ => return Err(DATE_INVALID.to_string()),
    };
    let (y, m, d) = if a.len() == 4 && all_digits(a) {
        (a, b, c)
    } else if c.len() == 4 && all_digits(c) {
        (c, b, a)
    } else {
        return Err(DATE_INVALID.to_string());
    };
    if !(1..=2).contains(&d.len()) || !all_digits(d) {
        return Err(DATE_INVALID.to_string());
    }
    let month = if (1..=2).contains(&m.len()) && all_digits(m) {
        small(m)
    } else {
        month_by_name(m).ok_or_else(|| DATE_INVALID.to_string())?
    };
    let year = small(y);
    if !(1900..=2099).contains(&year) {
        return Err(DATE_YEAR.to_string());
    }
    NaiveDate::from_ymd_opt(year as i32, month, small(d)).ok_or_else(|| DATE_NOT_REAL.to_string())
}

/// Value of a string of at most 4 ASCII digits (checked by the caller).
fn small(s: &str) -> u32 {
    s.bytes().fold(0, |v, b| v * 10 + u32::from(b - b'0'))
}

fn month_by_name(name: &str) -> Option<u32> {
    // Indonesian and English names; "nopember", "mrt" and "agt"/"ags" are common
    // Indonesian spellings. Matched as full name or its first three letters.
    const NAMES: [&[&str]; 12] = [
        &["januari", "january"],
        &["februari", "february", "pebruari"],
        &["maret", "march", "mrt"],
        &["april"],
        &["mei", "may"],
        &["juni", "june"],
        &["juli", "july"],
        &["agustus", "august", "agt", "ags"],
        &["september", "sept"],
        &["oktober", "october"],
        &["november", "nopember"],
        &["desember", "december"],
    ];
    if !name.is_ascii() || name.len() < 3 {
        return None;
    }
    let name = name.to_ascii_lowercase();
    let hit = |full: &str| full == name || (name.len() == 3 && full.starts_with(name.as_str()));
    NAMES
        .iter()
        .position(|alts| alts.iter().any(|f| hit(f)))
        .map(|i| i as u32 + 1)
}

/// Whether a date falls within `min..=max` (either bound may be absent).
/// The message shows the window in DD-MM-YYYY, the form CSOs read.
pub fn date_in_window(
    d: NaiveDate,
    min: Option<NaiveDate>,
    max: Option<NaiveDate>,
) -> Result<(), String> {
    let early = min.is_some_and(|m| d < m);
    let late = max.is_some_and(|m| d > m);
    if !early && !late {
        return Ok(());
    }
    // Both bounds are named when both exist, so the CSO sees the whole window.
    Err(match (min, max) {
        (Some(a), Some(b)) => format!(
            "Tanggal harus antara {} dan {}.",
            format_date_id(a),
            format_date_id(b)
        ),
        (Some(a), None) => format!("Tanggal harus pada atau setelah {}.", format_date_id(a)),
        (None, Some(b)) => format!("Tanggal harus pada atau sebelum {}.", format_date_id(b)),
        (None, None) => return Ok(()),
    })
}

/// An amount in whole rupiah: `1500000`, `1.500.000`, `Rp 1.500.000`,
/// `Rp1.500.000,-`, `1.500.000,00`, `IDR 1,500,000` (English grouping), and
/// `1,5 jt` / `150 rb` / `150k`. Sen are refused (`1.500,50`): no PLN or
/// Tokopedia price has them, so they signal a typo. Normal form: plain digits.
pub fn money(raw: &str) -> Result<u64, String> {
    let s = compact(raw, &[]).to_ascii_lowercase();
    let mut t = s.as_str();
    t = t
        .strip_prefix("rp")
        .or_else(|| t.strip_prefix("idr"))
        .unwrap_or(t);
    t = t.strip_prefix(['.', ':']).unwrap_or(t);
    t = t.strip_suffix("rupiah").unwrap_or(t);
    t = t
        .strip_suffix(",-")
        .or_else(|| t.strip_suffix(".-"))
        .unwrap_or(t);
    let mut pow10 = 0;
    for (suffix, p) in [("juta", 6), ("jt", 6), ("ribu", 3), ("rb", 3), ("k", 3)] {
        if let Some(rest) = t.strip_suffix(suffix) {
            t = rest;
            pow10 = p;
            break;
        }
    }
    parse_number(t)
        .and_then(|n| scale(&n, pow10))
        .ok_or_else(|| MONEY_INVALID.to_string())
}

/// An amount as Indonesians write it: `Rp1.500.000`.
pub fn format_rupiah(amount: u64) -> String {
    format!("Rp{}", format_thousands(amount))
}

/// A whole number with Indonesian thousands dots: `1.500.000`.
pub fn format_thousands(amount: u64) -> String {
    let digits = amount.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// A number read with either convention: `1.500.000,00` (Indonesian) or
/// `1,500,000.00` (English).
struct Num<'a> {
    int: u64,
    /// Digits after the decimal separator, trailing zeros removed.
    frac: &'a str,
    /// A decimal separator was present (even if the fraction was all zeros).
    decimal: bool,
}

/// Reads digits with `.`/`,` separators. With both kinds present the last one
/// is decimal; one kind repeated is grouping; a single separator followed by
/// exactly three digits is grouping (`1.500`, the Indonesian habit), otherwise
/// decimal (`2,2`). Groups after the first must have three digits, so `1.50.000`
/// is refused rather than guessed.
fn parse_number(s: &str) -> Option<Num<'_>> {
    let b = s.as_bytes();
    if !s
        .bytes()
        .all(|c| c.is_ascii_digit() || c == b'.' || c == b',')
        || !b.first()?.is_ascii_digit()
        || !b.last()?.is_ascii_digit()
    {
        return None;
    }
    // All ASCII from here: byte slicing is safe.
    let (int_part, frac, decimal, group) = match s.rfind(['.', ',']) {
        None => (s, "", false, None),
        Some(p) => {
            let last = b[p];
            let other = if last == b'.' { b',' } else { b'.' };
            let n_last = s.bytes().filter(|&c| c == last).count();
            let (before, after) = (&s[..p], &s[p + 1..]);
            if s.bytes().any(|c| c == other) {
                if n_last != 1 {
                    return None;
                }
                (before, after, true, Some(other))
            } else if n_last >= 2
                || (after.len() == 3 && before.len() <= 3 && !before.starts_with('0'))
            {
                (s, "", false, Some(last))
            } else {
                (before, after, true, None)
            }
        }
    };
    let mut int: u64 = 0;
    for (i, g) in int_part
        .split(|c| Some(c) == group.map(char::from))
        .enumerate()
    {
        let fits = match (group, i) {
            (None, _) => true,
            (Some(_), 0) => (1..=3).contains(&g.len()),
            (Some(_), _) => g.len() == 3,
        };
        if !fits || !all_digits(g) {
            return None;
        }
        for c in g.bytes() {
            int = int.checked_mul(10)?.checked_add(u64::from(c - b'0'))?;
        }
    }
    Some(Num {
        int,
        frac: frac.trim_end_matches('0'),
        decimal,
    })
}

/// `n × 10^pow10` if that is a whole number.
fn scale(n: &Num<'_>, pow10: u32) -> Option<u64> {
    let shift = (pow10 as usize).checked_sub(n.frac.len())?;
    let mut v = n.int.checked_mul(10u64.checked_pow(pow10)?)?;
    if !n.frac.is_empty() {
        let f = n
            .frac
            .bytes()
            .fold(0u64, |v, b| v * 10 + u64::from(b - b'0'));
        v = v.checked_add(f.checked_mul(10u64.checked_pow(shift as u32)?)?)?;
    }
    Some(v)
}

/// Soft check of a Tokopedia invoice number (seed 000), which usually looks
/// like `INV/20210305/XXI/III/123456789`: the date, the year minus 2000 and
/// the month in Roman numerals, then digits. Shapes vary, so everything here
/// is a warning, never an error. Also warns when the date inside differs from
/// the transaction date the caller gave.
pub fn invoice_warnings(raw: &str, transaction_date: Option<NaiveDate>) -> Vec<String> {
    let mut out = Vec::new();
    let s = crate::text::upper(&compact(raw, &[]));
    if s.is_empty() {
        return out;
    }
    let parts: Vec<&str> = s.splitn(6, '/').collect();
    let roman = |p: &str| !p.is_empty() && p.bytes().all(|b| b"IVXLCDM".contains(&b));
    let date_part = parts
        .get(1)
        .copied()
        .filter(|p| p.len() == 8 && all_digits(p));
    let shape_ok = parts.len() == 5
        && parts[0] == "INV"
        && date_part.is_some()
        && roman(parts[2])
        && roman(parts[3])
        && all_digits(parts[4]);
    if !shape_ok {
        out.push(INVOICE_SHAPE.to_string());
    }
    let Some(dp) = date_part else {
        return out;
    };
    let inv_date =
        NaiveDate::from_ymd_opt(small(&dp[..4]) as i32, small(&dp[4..6]), small(&dp[6..]))
            .filter(|d| (2000..=2099).contains(&d.year()));
    let Some(inv_date) = inv_date else {
        out.push(INVOICE_DATE_NOT_REAL.to_string());
        return out;
    };
    let yy = inv_date.year() as u32 - 2000;
    if let Some(&got) = parts.get(2).filter(|p| roman(p)) {
        if yy > 0 && got != to_roman(yy) {
            out.push(format!(
                "Tahun Romawi di nomor invoice ({got}) tidak sesuai tanggalnya: \
                 untuk {} seharusnya {}.",
                inv_date.year(),
                to_roman(yy)
            ));
        }
    }
    if let Some(&got) = parts.get(3).filter(|p| roman(p)) {
        let want = to_roman(inv_date.month());
        if got != want {
            out.push(format!(
                "Bulan Romawi di nomor invoice ({got}) tidak sesuai tanggalnya: \
                 untuk bulan {:02} seharusnya {want}.",
                inv_date.month()
            ));
        }
    }
    if let Some(tx) = transaction_date.filter(|&tx| tx != inv_date) {
        out.push(format!(
            "Tanggal di nomor invoice ({}) berbeda dengan tanggal transaksi ({}); \
             mohon pastikan keduanya benar.",
            format_date_id(inv_date),
            format_date_id(tx)
        ));
    }
    out
}

/// Roman numeral of 1..=3999 (larger values never occur here: years are 1..=99).
fn to_roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (v, r) in TABLE {
        while n >= v {
            out.push_str(r);
            n -= v;
        }
    }
    out
}

/// Seed 004: the PLN Mobile account name must contain an element of the name
/// on the KTP, or Upgrade Akun is refused. For KTP "Hana Apsari Namira",
/// "Apsari78" and "Namira54" pass, "Sagita98" fails.
///
/// Matching is case-insensitive and ignores digits, punctuation and spaces in
/// the account name. KTP elements shorter than 3 letters ("Al", "M") are
/// ignored, since almost any name would contain them, unless every element is
/// that short. A KTP name with no letters gives nothing to check: `Ok`.
pub fn account_name(account: &str, ktp_name: &str) -> Result<(), String> {
    let all: Vec<&str> = ktp_name
        .split(|c: char| !crate::text::is_letter(c))
        .filter(|w| !w.is_empty())
        .collect();
    let long: Vec<&str> = all
        .iter()
        .copied()
        .filter(|w| w.chars().count() >= 3)
        .collect();
    let elements = if long.is_empty() { all } else { long };
    if elements.is_empty() {
        return Ok(());
    }
    // Small letters of the capitals, so that the dotless `ı` of "Yılmaz"
    // matches the `i` of "yilmaz" as it matches the `I` of "YILMAZ".
    let fold = |c| crate::text::lower_char(crate::text::upper_char(c));
    let letters: String = account
        .chars()
        .filter(|&c| crate::text::is_letter(c))
        .map(fold)
        .collect();
    if elements
        .iter()
        .any(|e| letters.contains(&e.chars().map(fold).collect::<String>()))
    {
        Ok(())
    } else {
        Err(format!(
            "Nama Akun belum memuat unsur nama pada KTP ({}): Upgrade Akun akan ditolak. \
             Minta Pelanggan mengubah Nama Akun di menu Profil agar memuat unsur nama pada KTP.",
            elements.join(", ")
        ))
    }
}

/// A date as CSOs read it: `05-03-2021`.
pub fn format_date_id(d: NaiveDate) -> String {
    crate::dates::dmy(d)
}

/// Text for one-line ticket fields (APKT's Permasalahan is one line): newlines,
/// tabs and runs of any Unicode whitespace become one space; ends are trimmed.
pub fn one_line(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for w in raw.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}
