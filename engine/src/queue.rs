//! The e-voucher day queue (seed 000): each Tokopedia e-voucher request of
//! the day waits here until the HoCC sends the data to the PJ Site, at the
//! latest at 15:00 WIB. The export is the HoCC form as CSV.

use crate::flow::Call;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// The SOP whose calls join the queue.
pub const SOP_ID: &str = "evoucher-tokopedia";

/// The HoCC sends the day's data to the PJ Site by this time (WIB).
pub fn deadline_time() -> NaiveTime {
    NaiveTime::from_hms_opt(15, 0, 0).expect("valid time")
}

/// The form's columns: the seed's data a–g, as (header, field id).
pub const COLUMNS: [(&str, &str); 7] = [
    ("Nama Pembeli", "nama_pembeli"),
    ("Nomor Invoice", "invoice"),
    ("Jenis Produk", "produk"),
    ("Harga Produk", "harga"),
    ("Tanggal Transaksi", "tanggal_transaksi"),
    ("Nomor HP Pembeli", "hp_pembeli"),
    ("Email Tokopedia Pembeli", "email_tokped"),
];

/// One request in the queue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub call_id: String,
    /// WIB, when the call reached its ticket.
    pub added: NaiveDateTime,
    /// The values of `COLUMNS`, in order.
    pub values: Vec<String>,
    /// The day the row was sent to the PJ Site.
    pub sent_on: Option<NaiveDate>,
}

/// The queue, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Queue {
    pub rows: Vec<Row>,
}

crate::json_struct!(Row {
    call_id: req,
    added: req,
    values: req,
    sent_on: skip,
});
crate::json_struct!(Queue { rows: req });

/// Where the day stands against the 15:00 deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deadline {
    /// Minutes left before 15:00 WIB today.
    Before { minutes: i64, unsent: usize },
    /// Past 15:00 with rows still unsent.
    Missed { unsent: usize },
    /// Nothing waiting.
    Clear,
}

impl Queue {
    /// Add a finished e-voucher call (again: replaces its row, keeping a sent date).
    pub fn add(&mut self, call: &Call, now: NaiveDateTime) -> bool {
        if call.sop != SOP_ID {
            return false;
        }
        let vars = call.vars();
        let values: Vec<String> = COLUMNS
            .iter()
            .map(|(_, id)| vars.get(*id).cloned().unwrap_or_default())
            .collect();
        // Only a request whose data a–g were taken joins: a purchase outside
        // the window, or a call after the promo ended, has at most a date.
        if !vars.contains_key(COLUMNS[0].1) {
            return false;
        }
        match self.rows.iter_mut().find(|r| r.call_id == call.id) {
            Some(r) => r.values = values,
            None => self.rows.push(Row {
                call_id: call.id.clone(),
                added: now,
                values,
                sent_on: None,
            }),
        }
        true
    }

    pub fn unsent(&self) -> impl Iterator<Item = &Row> {
        self.rows.iter().filter(|r| r.sent_on.is_none())
    }

    /// The unsent rows as the HoCC form in CSV, header first, for a
    /// spreadsheet opened by a double-click: a UTF-8 BOM (without it Excel
    /// reads the bytes as the PC's code page and "Şahin" comes out "Åžahin"),
    /// phone and invoice numbers kept as text, nothing that runs as a formula
    /// (`text::sheet_cell`).
    pub fn export_csv(&self) -> String {
        let mut out = String::from('\u{FEFF}');
        let mut header: Vec<&str> = vec!["No"];
        header.extend(COLUMNS.iter().map(|(h, _)| *h));
        crate::text::csv_record(&mut out, &header);
        for (i, r) in self.unsent().enumerate() {
            let cells: Vec<String> = COLUMNS
                .iter()
                .zip(&r.values)
                .map(|((_, id), v)| {
                    crate::text::sheet_cell(v, matches!(*id, "invoice" | "hp_pembeli"))
                })
                .collect();
            let n = (i + 1).to_string();
            let mut rec: Vec<&str> = vec![&n];
            rec.extend(cells.iter().map(String::as_str));
            crate::text::csv_record(&mut out, &rec);
        }
        out
    }

    /// Mark every unsent row as sent on `day`; returns the call ids marked,
    /// whose APKT closing remark now carries that date.
    pub fn mark_sent(&mut self, day: NaiveDate) -> Vec<String> {
        let mut ids = Vec::new();
        for r in self.rows.iter_mut().filter(|r| r.sent_on.is_none()) {
            r.sent_on = Some(day);
            ids.push(r.call_id.clone());
        }
        ids
    }

    /// The day the row of a call was sent, if it was.
    pub fn sent_on(&self, call_id: &str) -> Option<NaiveDate> {
        self.rows
            .iter()
            .find(|r| r.call_id == call_id)
            .and_then(|r| r.sent_on)
    }

    /// Where `now` stands against today's 15:00 WIB.
    pub fn deadline(&self, now: NaiveDateTime) -> Deadline {
        let unsent = self.unsent().count();
        if unsent == 0 {
            return Deadline::Clear;
        }
        let due = now.date().and_time(deadline_time());
        if now < due {
            Deadline::Before {
                minutes: (due - now).num_minutes(),
                unsent,
            }
        } else {
            Deadline::Missed { unsent }
        }
    }

    /// Rows older than `keep_days` days that were sent are dropped.
    pub fn prune(&mut self, today: NaiveDate, keep_days: i64) {
        self.rows
            .retain(|r| r.sent_on.is_none_or(|d| (today - d).num_days() < keep_days));
    }
}

impl Deadline {
    /// The line shown to the HoCC.
    pub fn label(self) -> String {
        match self {
            Deadline::Before { minutes, unsent } => format!(
                "{unsent} data e-voucher belum dikirim ke PJ Site; batas 15.00 WIB, {} jam {} menit lagi.",
                minutes / 60,
                minutes % 60
            ),
            Deadline::Missed { unsent } => format!(
                "Lewat batas 15.00 WIB: {unsent} data e-voucher belum dikirim ke PJ Site."
            ),
            Deadline::Clear => "Semua data e-voucher sudah dikirim ke PJ Site.".into(),
        }
    }
}

/// APKT's closing-remark field, as seed 000 asks for it.
pub const REMARK_FIELD: &str = "Keterangan Closed";

/// The closing remark once the row was sent: "APKT di Closed dengan keterangan
/// telah disampaikan ke PJ Site pada tanggal …".
pub fn closing_remark(sent_on: NaiveDate) -> String {
    format!(
        "TELAH DISAMPAIKAN KE PJ SITE PADA TANGGAL {}",
        crate::validate::format_date_id(sent_on)
    )
}

/// Write the closing remark into the APKT ticket of a composed e-voucher
/// call (replacing an earlier one); returns whether there was an APKT ticket.
pub fn apply_remark(composed: &mut crate::ticket::Composed, sent_on: NaiveDate) -> bool {
    let Some(t) = composed
        .tickets
        .iter_mut()
        .find(|t| t.system == crate::model::System::Apkt)
    else {
        return false;
    };
    let value = closing_remark(sent_on);
    match t.fields.iter_mut().find(|f| f.name == REMARK_FIELD) {
        Some(f) => f.value = value,
        None => t.fields.push(crate::ticket::TicketField {
            name: REMARK_FIELD.into(),
            value,
            warning: None,
        }),
    }
    true
}
