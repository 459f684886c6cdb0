//! The e-voucher day queue: rows from walked calls, the HoCC CSV, the
//! 15:00 WIB deadline.

use chrono::{NaiveDate, NaiveDateTime};
use pandu_engine::authoring::load_dir;
use pandu_engine::flow::{Call, Caller, Input};
use pandu_engine::model::Catalog;
use pandu_engine::queue::{Deadline, Queue};
use std::collections::BTreeMap;
use std::path::Path;

fn catalog() -> Catalog {
    load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../sops")).catalog()
}

fn at(d: u32, h: u32, m: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2021, 3, d)
        .unwrap()
        .and_hms_opt(h, m, 0)
        .unwrap()
}

/// A finished e-voucher call, walked through the real SOP, with the data a–g
/// of the seed scenario but for the values given (by field id).
fn voucher_call_with(id: &str, data: &[(&str, &str)]) -> Call {
    let cat = catalog();
    let sc = pandu_engine::authoring::parse_scenarios(
        "x",
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../sops/evoucher-tokopedia.scenarios.toml"),
        )
        .unwrap(),
    )
    .unwrap();
    let sc = sc
        .scenarios
        .iter()
        .find(|s| s.expect.outcome.as_deref() == Some("catat-apkt"))
        .expect("a scenario reaching catat-apkt");
    let walk = &sc.walk;
    // On the scenario's day: after the promo ended the request is not taken.
    let day = pandu_engine::scenario::parse_now(&sc.now).unwrap().date();
    let mut call = Call::start(&cat, "evoucher-tokopedia", Caller::default(), id, day).unwrap();
    for item in walk {
        let input = if let Some(c) = &item.choose {
            Input::Choose(c.clone())
        } else if let Some(f) = &item.fill {
            let mut f: BTreeMap<String, String> = f.clone();
            if f.contains_key("nama_pembeli") {
                for (k, v) in data {
                    f.insert(k.to_string(), v.to_string());
                }
            }
            Input::Submit(f)
        } else {
            Input::Continue
        };
        if item.errors.is_empty() {
            // The CSO said the must-say lines (SOP 001's thank-you, inside).
            call.tick_all(&cat);
            call.answer(&cat, input).unwrap();
        }
    }
    assert!(call.is_finished(&cat));
    call
}

fn voucher_call(id: &str, buyer: &str, product: &str) -> Call {
    voucher_call_with(id, &[("nama_pembeli", buyer), ("produk", product)])
}

#[test]
fn requests_queue_export_as_csv_and_are_marked_sent() {
    let mut q = Queue::default();
    assert!(q.add(
        &voucher_call("a", "Rina \"Ina\" Kusuma", "Kulkas, 2 pintu"),
        at(5, 9, 0)
    ));
    assert!(q.add(
        &voucher_call("b", "Dewi Lestari", "TV LED 43\""),
        at(5, 10, 30)
    ));
    assert_eq!(
        q.export_csv(),
        "\u{FEFF}No,Nama Pembeli,Nomor Invoice,Jenis Produk,Harga Produk,Tanggal Transaksi,Nomor HP Pembeli,Email Tokopedia Pembeli\r\n\
         1,\"Rina \"\"Ina\"\" Kusuma\",INV/20210305/XXI/III/734512890,\"Kulkas, 2 pintu\",4599000,2021-03-05,\"=\"\"081287654321\"\"\",dewi.lestari88@gmail.com\r\n\
         2,Dewi Lestari,INV/20210305/XXI/III/734512890,\"TV LED 43\"\"\",4599000,2021-03-05,\"=\"\"081287654321\"\"\",dewi.lestari88@gmail.com\r\n"
    );

    assert_eq!(
        q.deadline(at(5, 13, 15)),
        Deadline::Before {
            minutes: 105,
            unsent: 2
        }
    );
    assert_eq!(
        q.deadline(at(5, 13, 15)).label(),
        "2 data e-voucher belum dikirim ke PJ Site; batas 15.00 WIB, 1 jam 45 menit lagi."
    );
    assert_eq!(q.deadline(at(5, 15, 1)), Deadline::Missed { unsent: 2 });

    let day = NaiveDate::from_ymd_opt(2021, 3, 5).unwrap();
    assert_eq!(q.mark_sent(day), vec!["a".to_string(), "b".to_string()]);
    assert_eq!(q.sent_on("a"), Some(day));
    assert_eq!(q.deadline(at(5, 15, 1)), Deadline::Clear);
    assert_eq!(
        q.export_csv(),
        "\u{FEFF}No,Nama Pembeli,Nomor Invoice,Jenis Produk,Harga Produk,Tanggal Transaksi,Nomor HP Pembeli,Email Tokopedia Pembeli\r\n",
        "only the header is left"
    );
}

#[test]
fn other_calls_do_not_join_the_queue() {
    let cat = catalog();
    let call = Call::start(
        &cat,
        "transfer-elektrinet",
        Caller::default(),
        "t",
        pandu_engine::dates::parse_iso("2026-01-05").unwrap(),
    )
    .unwrap();
    let mut q = Queue::default();
    assert!(!q.add(&call, at(5, 9, 0)));
    assert!(q.rows.is_empty());
}

#[test]
fn the_sent_date_goes_into_the_apkt_closing_remark() {
    let cat = catalog();
    let call = voucher_call("a", "Dewi Lestari", "Kulkas");
    let mut t = pandu_engine::ticket::compose(&cat, &call, at(5, 9, 0)).unwrap();
    let day = NaiveDate::from_ymd_opt(2021, 3, 5).unwrap();
    assert!(pandu_engine::queue::apply_remark(&mut t, day));
    assert!(
        pandu_engine::queue::apply_remark(&mut t, day),
        "applying twice replaces"
    );
    let apkt = t.ticket(pandu_engine::model::System::Apkt).unwrap();
    assert_eq!(
        apkt.get("Keterangan Closed"),
        Some("TELAH DISAMPAIKAN KE PJ SITE PADA TANGGAL 05-03-2021")
    );
    assert_eq!(
        apkt.fields
            .iter()
            .filter(|f| f.name == "Keterangan Closed")
            .count(),
        1
    );
}

#[test]
fn the_seed_scenario_gives_this_exact_hocc_form() {
    let mut q = Queue::default();
    assert!(q.add(
        &voucher_call("a", "Dewi Lestari", "TV LED 43 inch"),
        at(5, 9, 0)
    ));
    assert_eq!(
        q.export_csv(),
        "\u{FEFF}No,Nama Pembeli,Nomor Invoice,Jenis Produk,Harga Produk,Tanggal Transaksi,Nomor HP Pembeli,Email Tokopedia Pembeli\r\n\
         1,Dewi Lestari,INV/20210305/XXI/III/734512890,TV LED 43 inch,4599000,2021-03-05,\"=\"\"081287654321\"\"\",dewi.lestari88@gmail.com\r\n"
    );
}

/// A day's queue as the HoCC gets it: accents in names, a formula and a
/// leading minus typed as products, phone and invoice numbers a spreadsheet
/// would turn into numbers.
fn realistic_queue() -> Queue {
    let mut q = Queue::default();
    let rows: [&[(&str, &str)]; 3] = [
        &[
            ("nama_pembeli", "Şahin Ağaoğlu"),
            ("invoice", "INV/20210305/XXI/III/123456789"),
            ("produk", "=HYPERLINK(\"http://contoh.test\";\"Klik\")"),
            ("hp_pembeli", "0812-3456-7890"),
        ],
        &[
            ("nama_pembeli", "Hélène Siregar"),
            ("produk", "-Kulkas 2 pintu; freezer atas"),
            ("harga", "Rp 3.200.000"),
            ("hp_pembeli", "+62 857-1122-3344"),
        ],
        &[
            ("nama_pembeli", "Dewi Lestari"),
            ("invoice", "0210305123456"),
            ("produk", "@Rice cooker"),
            ("harga", "450.000"),
        ],
    ];
    for (i, data) in rows.iter().enumerate() {
        assert!(q.add(
            &voucher_call_with(&format!("c{i}"), data),
            at(5, 9, i as u32)
        ));
    }
    q
}

#[test]
fn the_hocc_csv_keeps_numbers_as_text_and_runs_no_formula() {
    assert_eq!(
        realistic_queue().export_csv(),
        "\u{FEFF}No,Nama Pembeli,Nomor Invoice,Jenis Produk,Harga Produk,Tanggal Transaksi,Nomor HP Pembeli,Email Tokopedia Pembeli\r\n\
         1,Şahin Ağaoğlu,INV/20210305/XXI/III/123456789,\"'=HYPERLINK(\"\"http://contoh.test\"\";\"\"Klik\"\")\",4599000,2021-03-05,\"=\"\"081234567890\"\"\",dewi.lestari88@gmail.com\r\n\
         2,Hélène Siregar,INV/20210305/XXI/III/734512890,\"'-Kulkas 2 pintu; freezer atas\",3200000,2021-03-05,\"=\"\"085711223344\"\"\",dewi.lestari88@gmail.com\r\n\
         3,Dewi Lestari,\"=\"\"0210305123456\"\"\",'@Rice cooker,450000,2021-03-05,\"=\"\"081287654321\"\"\",dewi.lestari88@gmail.com\r\n"
    );
}

/// The HoCC form opened in a real spreadsheet: LibreOffice, headless.
///
/// Not skipped when LibreOffice is missing: it fails and says what to install
/// (`cargo xtask setup` and `cargo xtask test` install it).
#[test]
fn the_hocc_csv_opens_right_in_libreoffice() {
    let soffice = find_on_path("soffice").unwrap_or_else(|| {
        panic!(
            "LibreOffice's `soffice` is not on PATH: this test opens the HoCC CSV in it. Install \
             it with `apt-get install -y --no-install-recommends libreoffice-calc-nogui` \
             (or run `cargo xtask setup`)."
        )
    });
    let dir = TempDir::new("pandu-hocc-csv");
    let csv = dir.0.join("hocc.csv");
    std::fs::write(&csv, realistic_queue().export_csv()).unwrap();

    let header = [
        "string No",
        "string Nama Pembeli",
        "string Nomor Invoice",
        "string Jenis Produk",
        "string Harga Produk",
        "string Tanggal Transaksi",
        "string Nomor HP Pembeli",
        "string Email Tokopedia Pembeli",
    ];
    // `=` marks a cell whose value a formula gave.
    let rows = |phone: [&'static str; 3], invoice: &'static str| -> Vec<Vec<&'static str>> {
        vec![
            header.to_vec(),
            vec![
                "float 1",
                "string Şahin Ağaoğlu",
                "string INV/20210305/XXI/III/123456789",
                "string '=HYPERLINK(\"http://contoh.test\";\"Klik\")",
                "float 4599000",
                "date 2021-03-05",
                phone[0],
                "string dewi.lestari88@gmail.com",
            ],
            vec![
                "float 2",
                "string Hélène Siregar",
                "string INV/20210305/XXI/III/734512890",
                "string '-Kulkas 2 pintu; freezer atas",
                "float 3200000",
                "date 2021-03-05",
                phone[1],
                "string dewi.lestari88@gmail.com",
            ],
            vec![
                "float 3",
                "string Dewi Lestari",
                invoice,
                "string '@Rice cooker",
                "float 450000",
                "date 2021-03-05",
                phone[2],
                "string dewi.lestari88@gmail.com",
            ],
        ]
    };

    // What a double-click does: LibreOffice's Text Import dialog with its
    // defaults (LibreOffice 7.4, `Office.Calc/Dialogs/CSVImport` in its
    // registry). The CSV filter's options, in order:
    //  1. `44/59/9`: fields separated by comma, semicolon or tab (all three ticked);
    //  2. `34`: text in double quotes;
    //  3. `76`: UTF-8, which the dialog picks when the file starts with a UTF-8 BOM;
    //  4. `1`: from the first line;
    //  5. (empty): every column "Standard", the spreadsheet guesses each cell;
    //  6. `1057`: Indonesian, the language of a HoCC's PC (the dialog's "Default");
    //  7. `false`: a quoted field is not text for being quoted;
    //  8. `false`: "Detect special numbers" off (dates in ISO form still are);
    //  9, 10, 12: export options, unused here; 11. `false`: spaces kept;
    // 13. `false`: "Evaluate formulas" off.
    let dialog = "44/59/9,34,76,1,,1057,false,false,false,false,false,false,false";
    let cells = open_in_libreoffice(&soffice, &dir, &csv, dialog);
    // Every digit kept, though shown as `="…"`: the dialog's default does not
    // evaluate formulas. A plain 0812… would keep its 0 in neither program.
    assert_eq!(
        cells,
        rows(
            [
                "string =\"081234567890\"",
                "string =\"085711223344\"",
                "string =\"081287654321\"",
            ],
            "string =\"0210305123456\""
        )
    );

    // "Evaluate formulas" ticked (the dialog remembers it), as Excel always
    // does: the phone numbers are text with their 0, and what looked like a
    // formula in the data is still text, never run.
    let evaluated = dialog.replace(
        ",false,false,false,false,false,false,false",
        ",false,false,false,false,false,false,true",
    );
    let cells = open_in_libreoffice(&soffice, &dir, &csv, &evaluated);
    assert_eq!(
        cells,
        rows(
            [
                "string= 081234567890",
                "string= 085711223344",
                "string= 081287654321",
            ],
            "string= 0210305123456"
        )
    );
}

/// A directory of its own (this process, this test), removed when dropped.
struct TempDir(std::path::PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn find_on_path(program: &str) -> Option<std::path::PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|d| d.join(program))
        .find(|p| p.is_file())
}

/// The cells of `csv` as LibreOffice reads them with the CSV filter `options`,
/// one string per cell: its type, `=` when a formula gave it, its value.
fn open_in_libreoffice(
    soffice: &Path,
    dir: &TempDir,
    csv: &Path,
    options: &str,
) -> Vec<Vec<String>> {
    let out = dir.0.join("out");
    let _ = std::fs::remove_dir_all(&out);
    // A profile of its own: runs in parallel (or a desktop LibreOffice) do
    // not share, lock or change one.
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.0
            .join("profile")
            .display()
            .to_string()
            .replace(' ', "%20")
    );
    let mut child = std::process::Command::new(soffice)
        .arg(profile)
        .args(["--headless", "--norestore", "--nolockcheck"])
        .arg(format!("--infilter=Text - txt - csv (StarCalc):{options}"))
        .args(["--convert-to", "fods", "--outdir"])
        .arg(&out)
        .arg(csv)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("soffice starts");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(180);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("soffice did not finish converting in 180 s");
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let done = child.wait_with_output().unwrap();
    let fods = out.join("hocc.fods");
    let xml = std::fs::read_to_string(&fods).unwrap_or_else(|e| {
        panic!(
            "soffice wrote no {} ({e}; {}): {}{}",
            fods.display(),
            done.status,
            String::from_utf8_lossy(&done.stdout),
            String::from_utf8_lossy(&done.stderr)
        )
    });
    sheet_cells(&xml)
}

/// The first sheet of a flat ODS file, rows of cells, empty ones at the
/// ends left out. Enough XML for what LibreOffice writes, no XML crate.
fn sheet_cells(xml: &str) -> Vec<Vec<String>> {
    let attr = |tag: &str, name: &str| -> Option<String> {
        let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        Some(unescape(&tag[at..at + tag[at..].find('"')?]))
    };
    let table = &xml[xml.find("<table:table ").unwrap()..xml.find("</table:table>").unwrap()];
    let mut rows = Vec::new();
    for row in table.split("<table:table-row").skip(1) {
        let mut cells = Vec::new();
        for cell in row.split("<table:table-cell").skip(1) {
            let tag = &cell[..cell.find('>').unwrap()];
            let body = if tag.ends_with('/') {
                ""
            } else {
                &cell[tag.len() + 1..cell.find("</table:table-cell>").unwrap()]
            };
            let kind = attr(tag, "office:value-type").unwrap_or_default();
            let value = match kind.as_str() {
                "float" => attr(tag, "office:value").unwrap(),
                "date" => attr(tag, "office:date-value").unwrap(),
                _ => text_of(body),
            };
            let formula = if tag.contains(" table:formula=") {
                "="
            } else {
                ""
            };
            let repeat: usize =
                attr(tag, "table:number-columns-repeated").map_or(1, |n| n.parse().unwrap());
            let text = if kind.is_empty() {
                String::new()
            } else {
                format!("{kind}{formula} {value}")
            };
            cells.extend(std::iter::repeat_n(text, repeat));
        }
        while cells.last().is_some_and(String::is_empty) {
            cells.pop();
        }
        rows.push(cells);
    }
    while rows.last().is_some_and(Vec::is_empty) {
        rows.pop();
    }
    rows
}

/// The text of a cell's paragraphs, as shown.
fn text_of(body: &str) -> String {
    let mut out = String::new();
    let mut in_p = false;
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        if in_p {
            out.push_str(&unescape(&rest[..lt]));
        }
        let end = rest[lt..].find('>').unwrap() + lt;
        let tag = &rest[lt + 1..end];
        match tag.split([' ', '/']).next().unwrap() {
            "text:p" if !tag.ends_with('/') => {
                if !out.is_empty() {
                    out.push('\n');
                }
                in_p = true;
            }
            "" if tag == "/text:p" => in_p = false,
            "text:s" => {
                let n = tag
                    .split("text:c=\"")
                    .nth(1)
                    .map_or(1, |c| c[..c.find('"').unwrap()].parse().unwrap());
                out.push_str(&" ".repeat(n));
            }
            "text:tab" => out.push('\t'),
            "text:line-break" => out.push('\n'),
            _ => {}
        }
        rest = &rest[end + 1..];
    }
    out
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}
