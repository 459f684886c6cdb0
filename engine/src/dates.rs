//! Dates and times written and read by hand, in the few shapes Pandu uses.
//! chrono's `format` and `parse_from_str` interpret a format string at run
//! time and pull that whole machinery into the wasm; these are a few lines.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

/// Append `n` as at least two digits.
fn push2(out: &mut String, n: u32) {
    if n < 10 {
        out.push('0');
    }
    out.push_str(&n.to_string());
}

fn push4(out: &mut String, y: i32) {
    let s = y.to_string();
    for _ in s.len()..4 {
        out.push('0');
    }
    out.push_str(&s);
}

/// `2021-03-05`: how dates are stored and written in SOP files.
pub fn iso(d: NaiveDate) -> String {
    let mut s = String::with_capacity(10);
    push4(&mut s, d.year());
    s.push('-');
    push2(&mut s, d.month());
    s.push('-');
    push2(&mut s, d.day());
    s
}

/// `05-03-2021`: how CSOs read dates.
pub fn dmy(d: NaiveDate) -> String {
    let mut s = String::with_capacity(10);
    push2(&mut s, d.day());
    s.push('-');
    push2(&mut s, d.month());
    s.push('-');
    push4(&mut s, d.year());
    s
}

/// `09:41`
pub fn hm(t: NaiveTime) -> String {
    let mut s = String::with_capacity(5);
    push2(&mut s, t.hour());
    s.push(':');
    push2(&mut s, t.minute());
    s
}

/// `2026-11-22 09:41`: the stamp of saved calls and ended calls.
pub fn stamp(t: NaiveDateTime) -> String {
    let mut s = iso(t.date());
    s.push(' ');
    s.push_str(&hm(t.time()));
    s
}

/// `22-11-2026 09:41`: the ticket stamp's time.
pub fn dmy_hm(t: NaiveDateTime) -> String {
    let mut s = dmy(t.date());
    s.push(' ');
    s.push_str(&hm(t.time()));
    s
}

/// `2026-11-22T09:41:00`, `2026-11-22T09:41:00.250`: how times are stored, as
/// chrono's serde wrote them. The browser's clock gives milliseconds; they are
/// kept, so a time read back is the time written.
pub fn iso_datetime(t: NaiveDateTime) -> String {
    let mut s = iso(t.date());
    s.push('T');
    s.push_str(&hm(t.time()));
    s.push(':');
    push2(&mut s, t.second());
    // chrono writes the shortest of 3, 6 or 9 digits that holds the fraction.
    let nano = t.nanosecond();
    if nano > 0 {
        let (digits, n) = match nano {
            n if n % 1_000_000 == 0 => (3, n / 1_000_000),
            n if n % 1_000 == 0 => (6, n / 1_000),
            n => (9, n),
        };
        let f = n.to_string();
        s.push('.');
        for _ in f.len()..digits {
            s.push('0');
        }
        s.push_str(&f);
    }
    s
}

/// `20261122T094100`: a stamp that sorts and fits in a storage key (whole seconds).
pub fn key_stamp(t: NaiveDateTime) -> String {
    iso_datetime(t.with_nanosecond(0).unwrap_or(t)).replace(['-', ':'], "")
}

fn number(s: &str, len: usize) -> Option<u32> {
    (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// `YYYY-MM-DD` exactly (surrounding spaces allowed).
pub fn parse_iso(s: &str) -> Option<NaiveDate> {
    let mut it = s.trim().split('-');
    let (y, m, d) = (it.next()?, it.next()?, it.next()?);
    if it.next().is_some() {
        return None;
    }
    NaiveDate::from_ymd_opt(number(y, 4)? as i32, number(m, 2)?, number(d, 2)?)
}

/// What `iso_datetime` writes, and what chrono's serde read: a fraction of a
/// second of any length, of which the first nine digits count.
pub fn parse_iso_datetime(s: &str) -> Option<NaiveDateTime> {
    let (date, time) = s.split_once('T')?;
    let (hms, frac) = match time.split_once('.') {
        Some((hms, frac)) => (hms, Some(frac)),
        None => (time, None),
    };
    let nano = match frac {
        None => 0,
        Some(f) if !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()) => f
            .bytes()
            .chain(std::iter::repeat(b'0'))
            .take(9)
            .fold(0, |n, b| n * 10 + u32::from(b - b'0')),
        Some(_) => return None,
    };
    let mut it = hms.split(':');
    let (h, m, sec) = (
        number(it.next()?, 2)?,
        number(it.next()?, 2)?,
        number(it.next()?, 2)?,
    );
    if it.next().is_some() {
        return None;
    }
    // No leap seconds (`:60`): the browser's clock never gives one.
    parse_iso(date)?.and_hms_nano_opt(h, m, sec, nano)
}

/// `HH:MM` (one-digit hours allowed: `7:30`).
pub fn parse_hm(s: &str) -> Option<NaiveTime> {
    let (h, m) = s.trim().split_once(':')?;
    let h = number(h, h.len().clamp(1, 2)).filter(|_| !h.is_empty())?;
    NaiveTime::from_hms_opt(h, number(m, 2)?, 0)
}

/// `YYYY-MM-DD HH:MM`.
pub fn parse_stamp(s: &str) -> Option<NaiveDateTime> {
    let (d, t) = s.trim().split_once(' ')?;
    Some(parse_iso(d)?.and_time(parse_hm(t)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_times_keep_their_fraction_of_a_second_as_chrono_did() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        for (text, nano) in [
            ("2026-11-22T10:05:00", 0),
            ("2026-11-22T10:05:00.250", 250_000_000),
            ("2026-11-22T10:05:00.000250", 250_000),
            ("2026-11-22T10:05:00.000000250", 250),
            ("2026-11-22T10:05:00.123456789", 123_456_789),
        ] {
            let t = d.and_hms_nano_opt(10, 5, 0, nano).unwrap();
            assert_eq!(iso_datetime(t), text);
            // chrono's serde wrote `Debug` and read `FromStr`.
            assert_eq!(format!("{t:?}"), text);
            assert_eq!(parse_iso_datetime(text), Some(t));
            assert_eq!(text.parse::<NaiveDateTime>().ok(), Some(t));
        }
        for (text, nano) in [
            ("2026-11-22T10:05:00.5", 500_000_000),
            ("2026-11-22T10:05:00.0000001", 100),
            ("2026-11-22T10:05:00.1234567891", 123_456_789),
        ] {
            let t = d.and_hms_nano_opt(10, 5, 0, nano);
            assert_eq!(parse_iso_datetime(text), t, "{text}");
            assert_eq!(text.parse::<NaiveDateTime>().ok(), t, "{text}");
        }
        for bad in [
            "2026-11-22T10:05:00.",
            "2026-11-22T10:05:00.5x",
            "2026-11-22T10:05:00.-5",
            "2026-11-22T10:05",
            "2026-11-22T10:05:60",
            "2026-11-22T24:00:00",
            "2026-11-22 10:05:00",
            "2026-11-22T10:05:00:00",
            "2026-11-22T10:05:00.5.5",
            "2026-11-22T",
        ] {
            assert_eq!(parse_iso_datetime(bad), None, "{bad}");
        }
        let t = d.and_hms_milli_opt(10, 5, 7, 250).unwrap();
        assert_eq!(key_stamp(t), "20261122T100507");
    }

    #[test]
    fn shapes_round_trip() {
        let d = NaiveDate::from_ymd_opt(2021, 3, 5).unwrap();
        let t = d.and_hms_opt(9, 7, 0).unwrap();
        assert_eq!(iso(d), "2021-03-05");
        assert_eq!(dmy(d), "05-03-2021");
        assert_eq!(stamp(t), "2021-03-05 09:07");
        assert_eq!(dmy_hm(t), "05-03-2021 09:07");
        assert_eq!(key_stamp(t), "20210305T090700");
        assert_eq!(iso_datetime(t), "2021-03-05T09:07:00");
        assert_eq!(parse_iso("2021-03-05"), Some(d));
        assert_eq!(parse_stamp("2021-03-05 09:07"), Some(t));
        assert_eq!(parse_hm("7:30"), NaiveTime::from_hms_opt(7, 30, 0));
        for bad in [
            "2021-3-05",
            "2021-02-30",
            "21-03-05",
            "2021-03-05-1",
            "",
            "2021-03-0x",
        ] {
            assert_eq!(parse_iso(bad), None, "{bad}");
        }
        for bad in ["24:00", "12:60", ":30", "12:3", "123:00", "12"] {
            assert_eq!(parse_hm(bad), None, "{bad}");
        }
    }
}
