//! Validators: normal forms, exact messages, seed examples, and no panic on odd input.

use chrono::NaiveDate;
use pandu_engine::model::FieldKind;
use pandu_engine::validate::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn ctx() -> FieldCtx<'static> {
    FieldCtx::default()
}

fn req() -> FieldCtx<'static> {
    FieldCtx {
        required: true,
        ..FieldCtx::default()
    }
}

fn err(s: &str) -> Result<String, String> {
    Err(s.to_string())
}

// ---------------------------------------------------------------- email

#[test]
fn email_valid_and_normalised() {
    assert_eq!(email("budi@gmail.com"), Ok("budi@gmail.com".into()));
    assert_eq!(
        email("  Budi.Santoso@Gmail.COM \n"),
        Ok("Budi.Santoso@gmail.com".into())
    );
    assert_eq!(email("a+promo@pln.co.id"), Ok("a+promo@pln.co.id".into()));
    assert_eq!(
        email("x_y-z@sub-domain.example.id"),
        Ok("x_y-z@sub-domain.example.id".into())
    );
    // A zero-width space pasted along is dropped, not reported.
    assert_eq!(email("budi\u{200B}@gmail.com"), Ok("budi@gmail.com".into()));
}

#[test]
fn email_invalid() {
    for bad in [
        "budi",
        "budi@",
        "@gmail.com",
        "budi@gmail",
        "budi@@gmail.com",
        "budi@ali@gmail.com",
        "budi santoso@gmail.com",
        "budi@gmail,com",
        "budi@gmail..com",
        "budi..s@gmail.com",
        ".budi@gmail.com",
        "budi.@gmail.com",
        "budi@.gmail.com",
        "budi@gmail.com.",
        "budi@-gmail.com",
        "budi@gmail.c",
        "budi@gmail.123",
        "büdi@gmail.com",
        "budi@gmail.com 😀",
    ] {
        assert_eq!(email(bad), err(EMAIL_INVALID), "{bad:?}");
    }
    let long = format!("{}@gmail.com", "a".repeat(65));
    assert_eq!(email(&long), err(EMAIL_INVALID));
}

#[test]
fn email_message_text() {
    assert_eq!(
        EMAIL_INVALID,
        "Alamat email tidak valid: gunakan bentuk nama@domain.com (satu @, tanpa spasi)."
    );
}

// ---------------------------------------------------------------- phone

#[test]
fn phone_all_prefixes_with_separators() {
    assert_eq!(phone("+62 812-3456-7890"), Ok("081234567890".into()));
    assert_eq!(phone("62812.3456.789"), Ok("08123456789".into()));
    assert_eq!(phone("0812 3456 7890"), Ok("081234567890".into()));
    assert_eq!(phone("(0812) 3456-7890"), Ok("081234567890".into()));
    assert_eq!(phone("+62 (0)812 3456 7890"), Ok("081234567890".into()));
    assert_eq!(phone("628123456789"), Ok("08123456789".into()));
    assert_eq!(phone("0812–3456–7890"), Ok("081234567890".into()));
    // WhatsApp copy wraps numbers in bidi marks.
    assert_eq!(
        phone("\u{202A}+62 812-3456-7890\u{202C}"),
        Ok("081234567890".into())
    );
}

#[test]
fn phone_length_bounds() {
    assert_eq!(phone("0812345678"), Ok("0812345678".into())); // 10
    assert_eq!(phone("0812345678901"), Ok("0812345678901".into())); // 13
    assert_eq!(phone("081234567"), err(PHONE_LENGTH)); // 9
    assert_eq!(phone("08123456789012"), err(PHONE_LENGTH)); // 14
    assert_eq!(phone("+62 812 345 67"), err(PHONE_LENGTH)); // 9 in 08 form
    assert_eq!(phone("+62 812 3456 7890 12"), err(PHONE_LENGTH)); // 14 in 08 form
}

#[test]
fn phone_invalid() {
    for bad in [
        "0812-ABC-7890",
        "O812345678",
        "8123456789",
        "+1 812 3456 7890",
        "+0812345678",
        "0812+3456789",
        "++6281234567890",
        "+",
        "٠٨١٢٣٤٥٦٧٨٩٠",
        "0812 3456 7890 ext 2",
        "0112345678",
        "001 212 555 0100",
    ] {
        assert_eq!(phone(bad), err(PHONE_INVALID), "{bad:?}");
    }
    assert_eq!(
        PHONE_INVALID,
        "Nomor telepon tidak valid: gunakan HP 08… (10–13 digit) atau telepon rumah/kantor \
         0 + kode area, mis. 021 7654321; boleh diawali +62 atau 62."
    );
}

#[test]
fn phone_fixed_lines_are_numbers_too() {
    // Seed 001 butir 4.a records the number the caller uses; some have only a landline.
    for (raw, want) in [
        ("021 5555 1234", "02155551234"),
        ("(021) 765-4321", "0217654321"),
        ("+62 21 7654321", "0217654321"),
        ("62-361-234567", "0361234567"),
        ("+62 (0)22 420 3344", "0224203344"),
        ("0274 512345", "0274512345"),
    ] {
        assert_eq!(
            phone_number(raw),
            Ok(Phone {
                number: want.into(),
                fixed: true
            }),
            "{raw:?}"
        );
    }
    assert_eq!(
        phone_number("0812 3456 7890"),
        Ok(Phone {
            number: "081234567890".into(),
            fixed: false
        })
    );
    // Area code and subscriber number: 0 + 7 to 11 digits.
    assert_eq!(phone("021 7654"), err(FIXED_LENGTH));
    assert_eq!(phone("0361 2345 6789 01"), err(FIXED_LENGTH));
    assert_eq!(phone("02112345"), Ok("02112345".into()));
    assert_eq!(phone("0211234"), err(FIXED_LENGTH));
    assert_eq!(phone("02112345678"), Ok("02112345678".into()));
}

#[test]
fn a_phone_field_takes_a_landline_with_a_note_an_hp_field_refuses_it() {
    let c = check(FieldKind::Phone, "(021) 765-4321", &ctx());
    assert_eq!(
        c,
        Ok(Checked {
            value: "0217654321".into(),
            warnings: vec!["Telepon rumah/kantor, bukan HP.".into()],
        })
    );
    assert_eq!(
        check(FieldKind::Phone, "0812 3456 7890", &ctx()).map(|c| c.warnings),
        Ok(Vec::new())
    );
    assert_eq!(
        check(FieldKind::Hp, "(021) 765-4321", &ctx()),
        Err(
            "Ini nomor telepon rumah/kantor; yang diminta nomor HP (08…), contoh 081234567890."
                .into()
        )
    );
    assert_eq!(
        check(FieldKind::Hp, "0812-ABC", &ctx()),
        Err("Nomor HP tidak valid: gunakan 08…, +62… atau 62…, 10–13 digit.".into())
    );
    assert_eq!(
        check(FieldKind::Hp, "081234567", &ctx()),
        Err(PHONE_LENGTH.into())
    );
    assert_eq!(
        check(FieldKind::Hp, "+62 812-3456-7890", &ctx()).map(|c| c.value),
        Ok("081234567890".into())
    );
    assert!(is_mobile("081234567890") && !is_mobile("0217654321"));
}

#[test]
fn a_requested_power_must_be_above_the_current_one() {
    let with = |now: &'static str| FieldCtx {
        required: true,
        against: Some(now),
        ..FieldCtx::default()
    };
    assert_eq!(
        check(FieldKind::Power, "2200", &with("1300")).map(|c| c.value),
        Ok("2200".into())
    );
    for same_or_less in ["1300", "1.300 VA", "900"] {
        assert_eq!(
            check(FieldKind::Power, same_or_less, &with("1300")),
            Err("Daya yang dimohon harus lebih besar dari daya saat ini (1.300 VA).".into()),
            "{same_or_less}"
        );
    }
    // The current power not given (or not readable yet): no cross-check.
    assert_eq!(
        check(FieldKind::Power, "900", &with("")).map(|c| c.value),
        Ok("900".into())
    );
}

#[test]
fn the_tariff_class_follows_the_customer_group_not_the_power_alone() {
    for (group, va, want) in [
        ("Rumah tangga", 1300, "R1"),
        ("", 2200, "R1"),
        ("Rumah tangga", 4400, "R2"),
        ("Rumah tangga", 7700, "R3"),
        ("Bisnis", 2200, "B1"),
        ("bisnis", 5500, "B1"),
        ("Bisnis", 6600, "B2"),
        ("Bisnis", 250_000, "B3"),
        ("Sosial", 2200, "S2"),
        ("Sosial", 250_000, "S3"),
        ("Pemerintah", 2200, "P1"),
        ("Pemerintah", 250_000, "P2"),
        ("Industri", 13_200, "I1"),
        ("Industri", 33_000, "I2"),
        ("Industri", 250_000, "I3"),
        ("b", 1300, "B1"),
    ] {
        assert_eq!(tariff_class_of(group, va), want, "{group} {va}");
    }
}

// ---------------------------------------------------------------- idpel

#[test]
fn idpel_cases() {
    assert_eq!(idpel("512345678901"), Ok("512345678901".into()));
    assert_eq!(idpel(" 5123 4567 8901 "), Ok("512345678901".into()));
    assert_eq!(idpel("5123-4567-8901"), Ok("512345678901".into()));
    assert_eq!(idpel("51234567890"), err(IDPEL_INVALID));
    assert_eq!(idpel("5123456789012"), err(IDPEL_INVALID));
    assert_eq!(idpel("51234567890A"), err(IDPEL_INVALID));
    assert_eq!(idpel("１２３４５６７８９０１２"), err(IDPEL_INVALID));
    assert_eq!(
        IDPEL_INVALID,
        "IDPEL tidak valid: harus 12 digit angka, contoh 512345678901."
    );
}

// ---------------------------------------------------------------- nik

#[test]
fn nik_male_and_female() {
    let m = nik("3201011201900001").unwrap();
    assert_eq!(
        m,
        Nik {
            number: "3201011201900001".into(),
            birth_day: 12,
            birth_month: 1,
            birth_yy: 90,
            female: false
        }
    );
    // A woman born 12 Jan 1990: DD = 12 + 40 = 52.
    let f = nik("3201 0152 0190 0001").unwrap();
    assert_eq!(f.number, "3201015201900001");
    assert_eq!((f.birth_day, f.birth_month, f.birth_yy), (12, 1, 90));
    assert!(f.female);
    // 31 and 71 are the last days; 01 and 41 the first.
    assert!(nik("3201013112990001").is_ok());
    assert!(nik("3201017112990001").unwrap().female);
    assert!(nik("3201010101000001").is_ok());
    assert!(nik("3201014101000001").unwrap().female);
}

#[test]
fn nik_feb_29() {
    // 00: 1900 is not a leap year, 2000 is.
    assert!(nik("3201012902000001").is_ok());
    assert!(nik("3201016902000001").unwrap().female);
    assert!(nik("3201012902040001").is_ok());
    assert!(nik("3201012902960001").is_ok());
    assert_eq!(nik("3201012902010001"), Err(NIK_DATE.into()));
    assert_eq!(nik("3201016902990001"), Err(NIK_DATE.into()));
    assert_eq!(nik("3201013002000001"), Err(NIK_DATE.into()));
}

#[test]
fn nik_invalid() {
    // Date part not real.
    for bad in [
        "3201017201900001", // DD 72
        "3201011213900001", // month 13
        "3201010001900001", // day 0
        "3201014001900001", // 40: day 0 for a woman
        "3201013204900001", // 32 April
        "3201013104900001", // 31 April
        "3201011200900001", // month 0
    ] {
        assert_eq!(nik(bad), Err(NIK_DATE.into()), "{bad}");
    }
    // Not 16 digits.
    for bad in [
        "",
        "320101120190000",
        "32010112019000012",
        "320101120190000X",
        "3201O11201900001",
        "3201011201900001😀",
    ] {
        assert_eq!(nik(bad), Err(NIK_DIGITS.into()), "{bad:?}");
    }
    assert_eq!(
        NIK_DIGITS,
        "NIK tidak valid: harus 16 digit angka sesuai KTP."
    );
    assert_eq!(
        NIK_DATE,
        "NIK tidak valid: digit ke-7 s.d. 12 harus tanggal lahir DDMMYY yang benar \
         (untuk perempuan tanggal ditambah 40)."
    );
}

// ---------------------------------------------------------------- power

#[test]
fn power_forms() {
    for (raw, va) in [
        ("2200", 2200),
        ("2.200", 2200),
        ("2,200", 2200),
        ("2200 VA", 2200),
        ("2200VA", 2200),
        ("2.200 VA", 2200),
        ("2200 va", 2200),
        ("2,2 kVA", 2200),
        ("2.2 kva", 2200),
        ("2,2kVA", 2200),
        ("450", 450),
        ("0,45 kVA", 450),
        ("1.300", 1300),
        ("10,6 kVA", 10600),
        ("11.000 VA", 11000),
        ("66 kVA", 66000),
        ("5,5", 5500),
        ("41,5 kVA", 41500),
        ("66000", 66000),
        ("66001", 66001),
        ("197.000 VA", 197000),
        ("1.000 kVA", 1_000_000),
    ] {
        assert_eq!(power(raw), Ok(va), "{raw:?}");
    }
}

#[test]
fn power_not_standard() {
    for bad in [
        "2000", "2.000 VA", "1000", "2,3 kVA", "0", "65000", "12000", "66", "1",
    ] {
        assert_eq!(power(bad), Err(power_not_step()), "{bad:?}");
    }
    assert_eq!(
        power_not_step(),
        "Daya tidak sesuai daya standar PLN: gunakan salah satu dari 450, 900, 1.300, 2.200, \
         3.500, 4.400, 5.500, 6.600, 7.700, 10.600, 11.000, 13.200, 16.500, 22.000, 23.000, \
         33.000, 41.500, 53.000, 66.000 VA, atau lebih dari 66.000 VA."
    );
}

#[test]
fn power_unreadable() {
    for bad in [
        "",
        "VA",
        "kVA",
        "dua ribu",
        "2200 W",
        "2.2.2",
        "2..200",
        "1.30.0",
        "-2200",
        "2,2345 kVA",
        "2200,5",
        "99999999999999999999",
        "5000000 kVA",
    ] {
        assert_eq!(power(bad), Err(POWER_INVALID.into()), "{bad:?}");
    }
}

#[test]
fn tariff_classes() {
    for (va, class) in [
        (450, "R1"),
        (900, "R1"),
        (1300, "R1"),
        (2200, "R1"),
        (3500, "R2"),
        (4400, "R2"),
        (5500, "R2"),
        (6600, "R3"),
        (7700, "R3"),
        (66000, "R3"),
        (200000, "R3"),
        // Between ranges: the class of the range below.
        (2201, "R1"),
        (3499, "R1"),
        (5501, "R2"),
        (6599, "R2"),
        (0, "R1"),
        (u32::MAX, "R3"),
    ] {
        assert_eq!(tariff_class(va), class, "{va}");
    }
}

// ---------------------------------------------------------------- date

#[test]
fn date_forms() {
    for raw in [
        "2021-03-05",
        "05-03-2021",
        "05/03/2021",
        "5/3/2021",
        "05.03.2021",
        " 5-3-2021 ",
        "5 Maret 2021",
        "05 Mar 2021",
        "5 march 2021",
        "5 MAR. 2021",
        "2021/03/05",
    ] {
        assert_eq!(date(raw), Ok(d(2021, 3, 5)), "{raw:?}");
    }
    assert_eq!(date("17 Agustus 1945"), Ok(d(1945, 8, 17)));
    assert_eq!(date("17 Agt 2021"), Ok(d(2021, 8, 17)));
    assert_eq!(date("5 Mrt 2021"), Ok(d(2021, 3, 5)));
    assert_eq!(date("10 Nopember 2021"), Ok(d(2021, 11, 10)));
    assert_eq!(date("29/02/2024"), Ok(d(2024, 2, 29)));
    assert_eq!(date("1-1-1900"), Ok(d(1900, 1, 1)));
    assert_eq!(date("31-12-2099"), Ok(d(2099, 12, 31)));
}

#[test]
fn date_invalid() {
    for bad in [
        "",
        "05032021",
        "05/03/21",
        "5 3",
        "05-03-2021 10:00",
        "2021-3",
        "1-2-3-2021",
        "hari ini",
        "5 Mzt 2021",
        "005-03-2021",
        "2021-03-005",
        "٠٥-٠٣-٢٠٢١",
    ] {
        assert_eq!(date(bad), Err(DATE_INVALID.into()), "{bad:?}");
    }
    for bad in [
        "31-02-2021",
        "29-02-2021",
        "00-03-2021",
        "05-13-2021",
        "03/25/2021",
    ] {
        assert_eq!(date(bad), Err(DATE_NOT_REAL.into()), "{bad:?}");
    }
    for bad in ["05-03-1899", "05-03-2100", "05-03-0221", "2201-03-05"] {
        assert_eq!(date(bad), Err(DATE_YEAR.into()), "{bad:?}");
    }
}

#[test]
fn date_window() {
    let (lo, hi) = (d(2021, 2, 26), d(2021, 3, 11));
    assert_eq!(date_in_window(d(2021, 2, 26), Some(lo), Some(hi)), Ok(()));
    assert_eq!(date_in_window(d(2021, 3, 11), Some(lo), Some(hi)), Ok(()));
    assert_eq!(date_in_window(d(2021, 3, 12), None, None), Ok(()));
    assert_eq!(
        date_in_window(d(2021, 3, 12), Some(lo), Some(hi)),
        Err("Tanggal harus antara 26-02-2021 dan 11-03-2021.".into())
    );
    assert_eq!(
        date_in_window(d(2021, 2, 25), Some(lo), Some(hi)),
        Err("Tanggal harus antara 26-02-2021 dan 11-03-2021.".into())
    );
    assert_eq!(
        date_in_window(d(2021, 2, 25), Some(lo), None),
        Err("Tanggal harus pada atau setelah 26-02-2021.".into())
    );
    assert_eq!(
        date_in_window(d(2021, 3, 12), None, Some(hi)),
        Err("Tanggal harus pada atau sebelum 11-03-2021.".into())
    );
}

#[test]
fn date_display() {
    assert_eq!(format_date_id(d(2021, 3, 5)), "05-03-2021");
    assert_eq!(format_date_id(d(1999, 12, 31)), "31-12-1999");
}

// ---------------------------------------------------------------- money

#[test]
fn money_forms() {
    for raw in [
        "1500000",
        "1.500.000",
        "Rp 1.500.000",
        "Rp1.500.000",
        "Rp. 1.500.000",
        "rp1.500.000,-",
        "1.500.000,00",
        "Rp1,500,000",
        "IDR 1,500,000.00",
        "1,5 jt",
        "1.5 juta",
        "1500 rb",
        "1.500 ribu",
        "1500k",
        "1 500 000",
        "1.500.000 rupiah",
    ] {
        assert_eq!(money(raw), Ok(1_500_000), "{raw:?}");
    }
    assert_eq!(money("1.500"), Ok(1500));
    assert_eq!(money("1,500"), Ok(1500));
    assert_eq!(money("0"), Ok(0));
    assert_eq!(money("Rp 999"), Ok(999));
    assert_eq!(money("12345"), Ok(12345));
}

#[test]
fn money_invalid() {
    for bad in [
        "",
        "Rp",
        "satu juta",
        "1.500,50",
        "1,5",
        "-1500",
        "1.50.000",
        "1..500",
        "1.500.000,5,0",
        "1.500.000.",
        "Rp 1.500.000 USD",
        "99999999999999999999",
        "1,2345 rb",
        "$100",
    ] {
        assert_eq!(money(bad), Err(MONEY_INVALID.into()), "{bad:?}");
    }
}

#[test]
fn rupiah_display() {
    assert_eq!(format_rupiah(1_500_000), "Rp1.500.000");
    assert_eq!(format_rupiah(0), "Rp0");
    assert_eq!(format_rupiah(999), "Rp999");
    assert_eq!(format_rupiah(1000), "Rp1.000");
    assert_eq!(format_rupiah(12_345_678), "Rp12.345.678");
    assert_eq!(format_rupiah(u64::MAX), "Rp18.446.744.073.709.551.615");
}

// ---------------------------------------------------------------- invoice

#[test]
fn invoice_matching_date_no_warning() {
    assert_eq!(
        invoice_warnings("INV/20210305/XXI/III/123456789", Some(d(2021, 3, 5))),
        Vec::<String>::new()
    );
    assert_eq!(
        invoice_warnings(" inv / 20210305 / xxi / iii / 123456789 ", None),
        Vec::<String>::new()
    );
    assert_eq!(
        invoice_warnings("INV/20211224/XXI/XII/987", Some(d(2021, 12, 24))),
        Vec::<String>::new()
    );
}

#[test]
fn invoice_mismatching_transaction_date() {
    assert_eq!(
        invoice_warnings("INV/20210305/XXI/III/123456789", Some(d(2021, 3, 6))),
        vec![
            "Tanggal di nomor invoice (05-03-2021) berbeda dengan tanggal transaksi \
             (06-03-2021); mohon pastikan keduanya benar."
                .to_string()
        ]
    );
}

#[test]
fn invoice_roman_and_shape() {
    assert_eq!(
        invoice_warnings("INV/20210305/XX/II/1", None),
        vec![
            "Tahun Romawi di nomor invoice (XX) tidak sesuai tanggalnya: untuk 2021 seharusnya XXI."
                .to_string(),
            "Bulan Romawi di nomor invoice (II) tidak sesuai tanggalnya: untuk bulan 03 seharusnya III."
                .to_string(),
        ]
    );
    assert_eq!(
        invoice_warnings("123456789", None),
        vec![INVOICE_SHAPE.to_string()]
    );
    assert_eq!(
        invoice_warnings("INV/2021035/XXI/III/1", None),
        vec![INVOICE_SHAPE.to_string()]
    );
    assert_eq!(
        invoice_warnings("INV/20210305/XXI/III", Some(d(2021, 3, 5))),
        vec![INVOICE_SHAPE.to_string()]
    );
    assert_eq!(
        invoice_warnings("INV/20210305/XXI/III/12A", None),
        vec![INVOICE_SHAPE.to_string()]
    );
    assert_eq!(
        invoice_warnings("INV/20210231/XXI/II/1", Some(d(2021, 2, 28))),
        vec![INVOICE_DATE_NOT_REAL.to_string()]
    );
    assert_eq!(
        invoice_warnings("INV/19990305/XXI/III/1", None),
        vec![INVOICE_DATE_NOT_REAL.to_string()]
    );
    assert_eq!(
        invoice_warnings("XYZ/20210305/XXI/III/1", Some(d(2021, 3, 4))),
        vec![
            INVOICE_SHAPE.to_string(),
            "Tanggal di nomor invoice (05-03-2021) berbeda dengan tanggal transaksi \
             (04-03-2021); mohon pastikan keduanya benar."
                .to_string()
        ]
    );
    assert_eq!(invoice_warnings("   ", None), Vec::<String>::new());
}

#[test]
fn invoice_through_check() {
    let c = check(
        FieldKind::Invoice,
        "inv/20210305/xxi/iii/123456789",
        &FieldCtx {
            required: true,
            against: Some("2021-03-05"),
            ..FieldCtx::default()
        },
    )
    .unwrap();
    assert_eq!(c.value, "INV/20210305/XXI/III/123456789");
    assert!(c.warnings.is_empty());

    let c = check(
        FieldKind::Invoice,
        "INV/20210305/XXI/III/123456789",
        &FieldCtx {
            against: Some("2021-03-10"),
            ..FieldCtx::default()
        },
    )
    .unwrap();
    assert_eq!(
        c.warnings,
        vec![
            "Tanggal di nomor invoice (05-03-2021) berbeda dengan tanggal transaksi \
             (10-03-2021); mohon pastikan keduanya benar."
                .to_string()
        ]
    );

    // Shape problems never block.
    let c = check(FieldKind::Invoice, "toped  123\n45", &req()).unwrap();
    assert_eq!(c.value, "TOPED 123 45");
    assert_eq!(c.warnings, vec![INVOICE_SHAPE.to_string()]);
    assert_eq!(check(FieldKind::Invoice, " ", &req()), Err(REQUIRED.into()));
}

// ---------------------------------------------------------------- account name

#[test]
fn account_name_seed_004() {
    let ktp = "Hana Apsari Namira";
    assert_eq!(account_name("Apsari78", ktp), Ok(()));
    assert_eq!(account_name("Namira54", ktp), Ok(()));
    assert_eq!(account_name("hana_99", ktp), Ok(()));
    assert_eq!(account_name("NAMIRA", ktp), Ok(()));
    assert_eq!(account_name("A.p.s.a.r.i", ktp), Ok(()));
    assert_eq!(
        account_name("Sagita98", ktp),
        Err(
            "Nama Akun belum memuat unsur nama pada KTP (Hana, Apsari, Namira): Upgrade Akun akan ditolak. \
             Minta Pelanggan mengubah Nama Akun di menu Profil agar memuat unsur nama pada KTP."
                .into()
        )
    );
    assert!(account_name("", ktp).is_err());
    assert!(account_name("12345", ktp).is_err());
}

#[test]
fn account_name_short_elements() {
    // "Al" and "M" are too short to count when a longer element exists.
    let ktp = "M. Al Fatih";
    assert_eq!(account_name("Fatih01", ktp), Ok(()));
    assert_eq!(
        account_name("Alvin", ktp),
        Err(
            "Nama Akun belum memuat unsur nama pada KTP (Fatih): Upgrade Akun akan ditolak. \
             Minta Pelanggan mengubah Nama Akun di menu Profil agar memuat unsur nama pada KTP."
                .into()
        )
    );
    // All short: they count.
    assert_eq!(account_name("Bo99", "Bo Li"), Ok(()));
    assert_eq!(
        account_name("Xy", "Bo Li"),
        Err(
            "Nama Akun belum memuat unsur nama pada KTP (Bo, Li): Upgrade Akun akan ditolak. \
             Minta Pelanggan mengubah Nama Akun di menu Profil agar memuat unsur nama pada KTP."
                .into()
        )
    );
    // Nothing to compare with.
    assert_eq!(account_name("Siapa", "123"), Ok(()));
}

#[test]
fn account_name_letters_beyond_latin_1_in_any_case() {
    // Names reach APKT in capitals; the KTP and the account may be written either way.
    assert_eq!(account_name("ŞAHIN", "Şahin"), Ok(()));
    assert_eq!(account_name("şahin_88", "ŞAHIN"), Ok(()));
    assert_eq!(account_name("ŞAHİN", "Ayşe Şahin"), Ok(()));
    assert_eq!(account_name("YILMAZ7", "Yılmaz"), Ok(()));
    assert_eq!(account_name("yilmaz", "Emre Yılmaz"), Ok(()));
    assert_eq!(account_name("ŁUKASZ", "Łukasz Nowak"), Ok(()));
    // An emoji is neither an element of the name nor in the way of one.
    assert_eq!(account_name("Şahin😀", "ŞAHIN 😀"), Ok(()));
    assert_eq!(
        account_name("🔥🔥🔥", "Budi 🔥🔥🔥"),
        Err(
            "Nama Akun belum memuat unsur nama pada KTP (Budi): Upgrade Akun akan ditolak. \
             Minta Pelanggan mengubah Nama Akun di menu Profil agar memuat unsur nama pada KTP."
                .into()
        )
    );
    assert_eq!(
        account_name("Sagita", "Ayşe 👍🏽 Şahin"),
        Err(
            "Nama Akun belum memuat unsur nama pada KTP (Ayşe, Şahin): Upgrade Akun akan ditolak. \
             Minta Pelanggan mengubah Nama Akun di menu Profil agar memuat unsur nama pada KTP."
                .into()
        )
    );
}

#[test]
fn account_name_through_check() {
    let fail = check(
        FieldKind::AccountName,
        "Sagita98",
        &FieldCtx {
            required: true,
            against: Some("HANA APSARI NAMIRA"),
            ..FieldCtx::default()
        },
    );
    // A name PLN Mobile would refuse is a warning: the call goes on.
    assert_eq!(
        fail,
        Ok(Checked {
            value: "Sagita98".into(),
            warnings: vec![
                "Nama Akun belum memuat unsur nama pada KTP (HANA, APSARI, NAMIRA): Upgrade Akun akan ditolak. \
                 Minta Pelanggan mengubah Nama Akun di menu Profil agar memuat unsur nama pada KTP."
                    .into()
            ],
        })
    );
    // No KTP name known yet: accepted without the cross-check.
    for against in [None, Some(""), Some("  ")] {
        let c = check(
            FieldKind::AccountName,
            " Sagita98 ",
            &FieldCtx {
                against,
                ..FieldCtx::default()
            },
        );
        assert_eq!(c.map(|c| c.value), Ok("Sagita98".into()));
    }
}

// ---------------------------------------------------------------- one_line

#[test]
fn one_line_collapses() {
    assert_eq!(
        one_line("  MOHON\n\tBANTUAN   LAYANAN \r\n"),
        "MOHON BANTUAN LAYANAN"
    );
    assert_eq!(one_line("a\u{00A0}\u{3000}b"), "a b");
    assert_eq!(one_line(""), "");
    assert_eq!(one_line(" \n "), "");
}

// ---------------------------------------------------------------- check

#[test]
fn check_empty_input() {
    for kind in ALL_KINDS {
        assert_eq!(
            check(kind, "", &ctx()),
            Ok(Checked {
                value: String::new(),
                warnings: vec![]
            }),
            "{kind:?}"
        );
        assert_eq!(
            check(kind, " \n\t\u{200B} ", &req()),
            Err(REQUIRED.into()),
            "{kind:?}"
        );
    }
    assert_eq!(REQUIRED, "Wajib diisi.");
}

#[test]
fn check_normal_forms() {
    let v = |kind, raw: &str| check(kind, raw, &req()).map(|c| c.value);
    assert_eq!(
        v(FieldKind::Text, " rumah \n  kosong "),
        Ok("rumah kosong".into())
    );
    assert_eq!(
        v(FieldKind::Note, "  baris 1\nbaris 2  \n"),
        Ok("baris 1\nbaris 2".into())
    );
    assert_eq!(
        v(FieldKind::Email, " Budi@Gmail.com "),
        Ok("Budi@gmail.com".into())
    );
    assert_eq!(
        v(FieldKind::Phone, "+62 812-3456-7890"),
        Ok("081234567890".into())
    );
    assert_eq!(
        v(FieldKind::Idpel, "5123 4567 8901"),
        Ok("512345678901".into())
    );
    assert_eq!(
        v(FieldKind::Nik, "3201 0152 0190 0001"),
        Ok("3201015201900001".into())
    );
    assert_eq!(v(FieldKind::Power, "2.200 VA"), Ok("2200".into()));
    assert_eq!(v(FieldKind::Power, "2,2 kVA"), Ok("2200".into()));
    assert_eq!(v(FieldKind::Money, "Rp 1.500.000"), Ok("1500000".into()));
    assert_eq!(v(FieldKind::Date, "5/3/2021"), Ok("2021-03-05".into()));

    assert_eq!(v(FieldKind::Phone, "081234567"), Err(PHONE_LENGTH.into()));
    assert_eq!(v(FieldKind::Power, "2000"), Err(power_not_step()));
    assert_eq!(v(FieldKind::Nik, "3201017201900001"), Err(NIK_DATE.into()));
}

#[test]
fn check_date_window_from_ctx() {
    let c = FieldCtx {
        required: true,
        min: Some("2021-02-26"),
        max: Some("2021-03-11"),
        ..FieldCtx::default()
    };
    assert_eq!(
        check(FieldKind::Date, "26-02-2021", &c).map(|c| c.value),
        Ok("2021-02-26".into())
    );
    assert_eq!(
        check(FieldKind::Date, "12-03-2021", &c),
        Err("Tanggal harus antara 26-02-2021 dan 11-03-2021.".into())
    );
    assert_eq!(
        check(FieldKind::Date, "31-02-2021", &c),
        Err(DATE_NOT_REAL.into())
    );
    // A malformed bound from the SOP file is ignored, not blamed on the CSO.
    let broken = FieldCtx {
        min: Some("kemarin"),
        ..FieldCtx::default()
    };
    assert_eq!(
        check(FieldKind::Date, "01-01-2000", &broken).map(|c| c.value),
        Ok("2000-01-01".into())
    );
}

#[test]
fn check_select() {
    let options = vec!["PB".to_string(), "PD".to_string(), "PS".to_string()];
    let c = FieldCtx {
        required: true,
        options: &options,
        ..FieldCtx::default()
    };
    assert_eq!(
        check(FieldKind::Select, " PD ", &c).map(|c| c.value),
        Ok("PD".into())
    );
    assert_eq!(
        check(FieldKind::Select, "pd", &c),
        Err("Pilihan tidak valid: pilih salah satu dari PB, PD, PS.".into())
    );
    assert_eq!(
        check(FieldKind::Select, "PX", &c),
        Err("Pilihan tidak valid: pilih salah satu dari PB, PD, PS.".into())
    );
    assert_eq!(check(FieldKind::Select, "", &c), Err(REQUIRED.into()));
    assert_eq!(
        check(FieldKind::Select, "PB", &ctx()),
        Err("Pilihan tidak valid: belum ada pilihan yang tersedia.".into())
    );
}

// ---------------------------------------------------------------- robustness

const ALL_KINDS: [FieldKind; 13] = FieldKind::ALL;

/// Pieces that stress parsers: separators, units, non-ASCII digits,
/// case-changing letters, bidi and zero-width marks, emoji, combining marks.
const PIECES: [&str; 40] = [
    "",
    " ",
    "\n",
    "\t",
    "0",
    "8",
    "9",
    "62",
    "+",
    "+62",
    "08",
    "-",
    ".",
    ",",
    "/",
    "@",
    "Rp",
    "kVA",
    "VA",
    "jt",
    ",-",
    "INV",
    "XXI",
    "III",
    "2021",
    "20210305",
    "29",
    "02",
    "\u{200F}",
    "\u{202E}",
    "\u{FEFF}",
    "😀",
    "ß",
    "İ",
    "ﷺ",
    "٣",
    "１",
    "e\u{0301}",
    "\u{0000}",
    "Ⅻ",
];

/// A small deterministic generator (64-bit LCG) so the test needs no crate.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
}

fn odd_strings() -> Vec<String> {
    let mut rng = Lcg(123);
    let mut out = Vec::new();
    for _ in 0..400 {
        let n = rng.next() % 12;
        let mut s = String::new();
        for _ in 0..n {
            s.push_str(PIECES[rng.next() % PIECES.len()]);
        }
        out.push(s);
    }
    out.push("9".repeat(100_000));
    out.push("😀".repeat(20_000));
    out.push(format!("INV/{}", "/".repeat(10_000)));
    out.push("1.".repeat(10_000));
    out.push("a@".repeat(5_000));
    out
}

#[test]
fn no_panic_on_odd_input() {
    let strings = odd_strings();
    let options = vec!["PB".to_string(), "😀".to_string()];
    for (i, raw) in strings.iter().enumerate() {
        let other = strings[(i * 7 + 3) % strings.len()].as_str();
        for required in [false, true] {
            let c = FieldCtx {
                required,
                options: &options,
                min: Some(other),
                max: Some("2021-03-11"),
                against: Some(other),
            };
            for kind in ALL_KINDS {
                let _ = check(kind, raw, &c);
            }
        }
        let _ = email(raw);
        let _ = phone(raw);
        let _ = idpel(raw);
        let _ = nik(raw);
        let _ = power(raw);
        let _ = date(raw);
        let _ = money(raw);
        let _ = invoice_warnings(raw, Some(d(2021, 3, 5)));
        let _ = account_name(raw, other);
        let _ = one_line(raw);
    }
}
