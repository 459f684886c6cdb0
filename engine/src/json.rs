//! JSON without a JSON library in the wasm: a small reader and writer, and
//! hand-written codecs for what the widget stores, exchanges and embeds.
//!
//! Why not serde: derived `Deserialize` impls, monomorphised for a
//! deserializer, were the largest part of the widget's wasm after its views
//! (BENCHMARKS.md has the numbers), and every CSO downloads that at every
//! start. The shapes written here are exactly the ones serde wrote before,
//! so data saved by earlier builds still reads (`tests/json.rs` holds them to
//! the stored fixtures). Numbers are kept as written: nothing here needs a
//! float, and float formatting alone costs more bytes than this file.

use chrono::{NaiveDate, NaiveDateTime};
use std::collections::BTreeMap;

/// Nesting deeper than this is refused: hostile input must not overflow the stack.
const MAX_DEPTH: usize = 64;

/// A JSON value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Json {
    Null,
    Bool(bool),
    /// A number as written.
    Num(String),
    Str(String),
    Arr(Vec<Json>),
    /// Keys in the order written (or inserted), duplicates kept: lookups take
    /// the last, as `JSON.parse` does.
    Obj(Vec<(String, Json)>),
}

impl Json {
    /// Parse one JSON text; the message says where and what went wrong.
    pub fn parse(text: &str) -> Result<Json, String> {
        let mut p = Parser {
            text,
            s: text.as_bytes(),
            i: 0,
        };
        p.ws();
        let v = p.value(0)?;
        p.ws();
        if p.i < p.s.len() {
            return Err(p.err("ada teks lain setelah nilai JSON"));
        }
        Ok(v)
    }

    /// The compact text, as `JSON.stringify` writes it.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    pub fn write(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Num(n) => out.push_str(n),
            Json::Str(s) => write_str(s, out),
            Json::Arr(items) => {
                out.push('[');
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    v.write(out);
                }
                out.push(']');
            }
            Json::Obj(fields) => {
                out.push('{');
                for (i, (k, v)) in fields.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_str(k, out);
                    out.push(':');
                    v.write(out);
                }
                out.push('}');
            }
        }
    }

    /// The value under `key` of an object: the last one written, as `JSON.parse` keeps it.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(fields) => last(fields, key),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    /// An integer; `2.0` counts, `2.5` does not.
    pub fn as_i64(&self) -> Option<i64> {
        let Json::Num(n) = self else { return None };
        if let Ok(v) = n.parse() {
            return Some(v);
        }
        let (int, frac) = n.split_once('.')?;
        frac.bytes().all(|b| b == b'0').then(|| int.parse().ok())?
    }

    pub fn items(&self) -> Option<&[Json]> {
        match self {
            Json::Arr(items) => Some(items),
            _ => None,
        }
    }

    /// What kind of value this is, for messages.
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "true/false",
            Json::Num(_) => "angka",
            Json::Str(_) => "teks",
            Json::Arr(_) => "daftar",
            Json::Obj(_) => "objek",
        }
    }
}

/// The value of the last `key` among `fields`.
fn last<'a>(fields: &'a [(String, Json)], key: &str) -> Option<&'a Json> {
    fields.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
}

fn write_str(s: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let esc = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        if esc.is_empty() {
            out.push_str("\\u00");
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        } else {
            out.push_str(esc);
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

struct Parser<'a> {
    text: &'a str,
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn err(&self, what: &str) -> String {
        // A position in characters, as people and JSON.parse count them, not
        // in UTF-8 bytes (continuation bytes start no character). JSON.parse
        // counts UTF-16 units: past an emoji it says one more.
        let at = self.s[..self.i]
            .iter()
            .filter(|&&b| b & 0xC0 != 0x80)
            .count();
        format!("JSON tidak valid pada karakter ke-{}: {what}", at + 1)
    }

    fn ws(&mut self) {
        while matches!(self.s.get(self.i), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.i += 1;
        }
    }

    fn eat(&mut self, b: u8) -> bool {
        let hit = self.s.get(self.i) == Some(&b);
        if hit {
            self.i += 1;
        }
        hit
    }

    fn word(&mut self, w: &str, v: Json) -> Result<Json, String> {
        if self.s[self.i..].starts_with(w.as_bytes()) {
            self.i += w.len();
            Ok(v)
        } else {
            Err(self.err("nilai tidak dikenal"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, String> {
        if depth > MAX_DEPTH {
            return Err(self.err("bersarang terlalu dalam"));
        }
        match self.s.get(self.i) {
            Some(b'{') => {
                self.i += 1;
                let mut fields = Vec::new();
                self.ws();
                if self.eat(b'}') {
                    return Ok(Json::Obj(fields));
                }
                loop {
                    self.ws();
                    if self.s.get(self.i) != Some(&b'"') {
                        return Err(self.err("diharapkan nama kunci dalam tanda kutip"));
                    }
                    let k = self.string()?;
                    self.ws();
                    if !self.eat(b':') {
                        return Err(self.err("diharapkan `:`"));
                    }
                    self.ws();
                    let v = self.value(depth + 1)?;
                    fields.push((k, v));
                    self.ws();
                    if self.eat(b',') {
                        continue;
                    }
                    if self.eat(b'}') {
                        return Ok(Json::Obj(fields));
                    }
                    return Err(self.err("diharapkan `,` atau `}`"));
                }
            }
            Some(b'[') => {
                self.i += 1;
                let mut items = Vec::new();
                self.ws();
                if self.eat(b']') {
                    return Ok(Json::Arr(items));
                }
                loop {
                    self.ws();
                    items.push(self.value(depth + 1)?);
                    self.ws();
                    if self.eat(b',') {
                        continue;
                    }
                    if self.eat(b']') {
                        return Ok(Json::Arr(items));
                    }
                    return Err(self.err("diharapkan `,` atau `]`"));
                }
            }
            Some(b'"') => self.string().map(Json::Str),
            Some(b't') => self.word("true", Json::Bool(true)),
            Some(b'f') => self.word("false", Json::Bool(false)),
            Some(b'n') => self.word("null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.err("karakter tidak terduga")),
            None => Err(self.err("teks berakhir sebelum nilainya lengkap")),
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.i;
        while self.s.get(self.i).is_some_and(u8::is_ascii_digit) {
            self.i += 1;
        }
        self.i - start
    }

    fn number(&mut self) -> Result<Json, String> {
        let start = self.i;
        self.eat(b'-');
        let int = self.digits();
        let leading_zero = int > 1 && self.s[self.i - int] == b'0';
        if int == 0 || leading_zero {
            return Err(self.err("angka tidak valid"));
        }
        if self.eat(b'.') && self.digits() == 0 {
            return Err(self.err("angka tidak valid"));
        }
        if self.eat(b'e') || self.eat(b'E') {
            if !self.eat(b'+') {
                self.eat(b'-');
            }
            if self.digits() == 0 {
                return Err(self.err("angka tidak valid"));
            }
        }
        Ok(Json::Num(self.text[start..self.i].to_string()))
    }

    /// The four hex digits at `at`, if there are four.
    fn hex4(&self, at: usize) -> Option<u32> {
        let h = self.s.get(at..at + 4)?;
        h.iter()
            .try_fold(0, |n, &b| Some(n * 16 + char::from(b).to_digit(16)?))
    }

    fn string(&mut self) -> Result<String, String> {
        self.i += 1;
        let mut out = String::new();
        loop {
            let start = self.i;
            while self
                .s
                .get(self.i)
                .is_some_and(|&b| b != b'"' && b != b'\\' && b >= 0x20)
            {
                self.i += 1;
            }
            // Only ASCII bytes stop the scan, so this is a char boundary.
            out.push_str(&self.text[start..self.i]);
            match self.s.get(self.i) {
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.i += 1;
                    let c = match self.s.get(self.i) {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.i += 1;
                            let mut code = self.hex4(self.i).ok_or_else(|| {
                                self.err("`\\u` harus diikuti 4 digit heksadesimal")
                            })?;
                            self.i += 4;
                            // A high surrogate pairs only with a low one right
                            // after it; any other escape there is read on its own.
                            if (0xD800..0xDC00).contains(&code)
                                && self.s[self.i..].starts_with(b"\\u")
                            {
                                if let Some(lo @ 0xDC00..0xE000) = self.hex4(self.i + 2) {
                                    code = 0x10000 + ((code - 0xD800) << 10) + (lo - 0xDC00);
                                    self.i += 6;
                                }
                            }
                            // A lone surrogate (JavaScript strings allow them) becomes U+FFFD.
                            out.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
                            continue;
                        }
                        _ => return Err(self.err("escape `\\` tidak dikenal")),
                    };
                    self.i += 1;
                    out.push(c);
                }
                Some(_) => return Err(self.err("karakter kontrol di dalam teks")),
                None => return Err(self.err("teks dalam tanda kutip tidak ditutup")),
            }
        }
    }
}

/// A value that writes itself as JSON.
pub trait ToJson {
    fn to_json(&self) -> Json;
}

/// A value read back from JSON; the message names what did not fit.
pub trait FromJson: Sized {
    fn from_json(j: &Json) -> Result<Self, String>;
}

/// Parse a JSON text straight into a value.
pub fn from_text<T: FromJson>(text: &str) -> Result<T, String> {
    T::from_json(&Json::parse(text)?)
}

/// The value as compact JSON text.
pub fn to_text<T: ToJson + ?Sized>(v: &T) -> String {
    v.to_json().to_text()
}

fn expected(what: &str, got: &Json) -> String {
    format!("diharapkan {what}, ternyata {}", got.kind())
}

impl ToJson for str {
    fn to_json(&self) -> Json {
        Json::Str(self.to_string())
    }
}

impl ToJson for String {
    fn to_json(&self) -> Json {
        Json::Str(self.clone())
    }
}

impl FromJson for String {
    fn from_json(j: &Json) -> Result<Self, String> {
        j.as_str()
            .map(str::to_string)
            .ok_or_else(|| expected("teks", j))
    }
}

impl ToJson for bool {
    fn to_json(&self) -> Json {
        Json::Bool(*self)
    }
}

impl FromJson for bool {
    fn from_json(j: &Json) -> Result<Self, String> {
        match j {
            Json::Bool(b) => Ok(*b),
            _ => Err(expected("true/false", j)),
        }
    }
}

macro_rules! int_codec {
    ($($t:ty),*) => {$(
        impl ToJson for $t {
            fn to_json(&self) -> Json {
                Json::Num(self.to_string())
            }
        }
        impl FromJson for $t {
            fn from_json(j: &Json) -> Result<Self, String> {
                j.as_i64()
                    .and_then(|v| <$t>::try_from(v).ok())
                    .ok_or_else(|| expected("bilangan bulat", j))
            }
        }
    )*};
}
int_codec!(i64, u32, u64, usize);

impl<T: ToJson> ToJson for Option<T> {
    fn to_json(&self) -> Json {
        self.as_ref().map_or(Json::Null, ToJson::to_json)
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(j: &Json) -> Result<Self, String> {
        match j {
            Json::Null => Ok(None),
            _ => T::from_json(j).map(Some),
        }
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn to_json(&self) -> Json {
        Json::Arr(self.iter().map(ToJson::to_json).collect())
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(j: &Json) -> Result<Self, String> {
        let items = j.items().ok_or_else(|| expected("daftar", j))?;
        items
            .iter()
            .enumerate()
            .map(|(i, v)| T::from_json(v).map_err(|e| format!("[{i}]: {e}")))
            .collect()
    }
}

impl<T: ToJson> ToJson for BTreeMap<String, T> {
    fn to_json(&self) -> Json {
        Json::Obj(self.iter().map(|(k, v)| (k.clone(), v.to_json())).collect())
    }
}

impl<T: FromJson> FromJson for BTreeMap<String, T> {
    fn from_json(j: &Json) -> Result<Self, String> {
        let Json::Obj(fields) = j else {
            return Err(expected("objek", j));
        };
        let mut out = BTreeMap::new();
        // Last first, so that a duplicate key's earlier values are never read.
        for (k, v) in fields.iter().rev() {
            if !out.contains_key(k) {
                let v = T::from_json(v).map_err(|e| format!("`{k}`: {e}"))?;
                out.insert(k.clone(), v);
            }
        }
        Ok(out)
    }
}

impl<A: ToJson, B: ToJson> ToJson for (A, B) {
    fn to_json(&self) -> Json {
        Json::Arr(vec![self.0.to_json(), self.1.to_json()])
    }
}

impl<A: FromJson, B: FromJson> FromJson for (A, B) {
    fn from_json(j: &Json) -> Result<Self, String> {
        match j.items() {
            Some([a, b]) => Ok((A::from_json(a)?, B::from_json(b)?)),
            _ => Err(expected("pasangan [a, b]", j)),
        }
    }
}

impl ToJson for NaiveDate {
    fn to_json(&self) -> Json {
        Json::Str(crate::dates::iso(*self))
    }
}

impl FromJson for NaiveDate {
    fn from_json(j: &Json) -> Result<Self, String> {
        j.as_str()
            .and_then(crate::dates::parse_iso)
            .ok_or_else(|| expected("tanggal YYYY-MM-DD", j))
    }
}

/// As chrono's serde wrote it: `2026-11-22T10:05:00`, `2026-11-22T10:05:00.250`.
impl ToJson for NaiveDateTime {
    fn to_json(&self) -> Json {
        Json::Str(crate::dates::iso_datetime(*self))
    }
}

impl FromJson for NaiveDateTime {
    fn from_json(j: &Json) -> Result<Self, String> {
        j.as_str()
            .and_then(crate::dates::parse_iso_datetime)
            .ok_or_else(|| expected("waktu YYYY-MM-DDTHH:MM:SS", j))
    }
}

/// A field the writer leaves out when it holds nothing, as serde's
/// `skip_serializing_if` did.
pub trait Skip {
    fn skip(&self) -> bool;
}

impl Skip for String {
    fn skip(&self) -> bool {
        self.is_empty()
    }
}

impl Skip for u32 {
    fn skip(&self) -> bool {
        *self == 0
    }
}

impl Skip for bool {
    fn skip(&self) -> bool {
        !*self
    }
}

impl<T> Skip for Vec<T> {
    fn skip(&self) -> bool {
        self.is_empty()
    }
}

impl<T> Skip for Option<T> {
    fn skip(&self) -> bool {
        self.is_none()
    }
}

impl<K, V> Skip for BTreeMap<K, V> {
    fn skip(&self) -> bool {
        self.is_empty()
    }
}

/// An object being read: typed lookups with messages that name the key.
#[derive(Clone, Copy)]
pub struct Obj<'a> {
    fields: &'a [(String, Json)],
}

impl<'a> Obj<'a> {
    pub fn of(j: &'a Json) -> Result<Obj<'a>, String> {
        match j {
            Json::Obj(fields) => Ok(Obj { fields }),
            _ => Err(expected("objek", j)),
        }
    }

    /// The value under `key`: the last one written, as `JSON.parse` keeps it.
    pub fn get(&self, key: &str) -> Option<&'a Json> {
        last(self.fields, key)
    }

    /// A key that must be there.
    pub fn req<T: FromJson>(&self, key: &str) -> Result<T, String> {
        let v = self
            .get(key)
            .ok_or_else(|| format!("kunci `{key}` tidak ada"))?;
        T::from_json(v).map_err(|e| format!("`{key}`: {e}"))
    }

    /// A key that may be missing (or null): then the type's default.
    pub fn opt<T: FromJson + Default>(&self, key: &str) -> Result<T, String> {
        match self.get(key) {
            None | Some(Json::Null) => Ok(T::default()),
            Some(v) => T::from_json(v).map_err(|e| format!("`{key}`: {e}")),
        }
    }

    /// The first key that is not one of `known`.
    pub fn unknown(&self, known: &[&str]) -> Option<&'a str> {
        self.fields
            .iter()
            .map(|(k, _)| k.as_str())
            .find(|k| !known.contains(k))
    }
}

/// An object being written, keys in the order they are put.
#[derive(Default)]
pub struct ObjOut(Vec<(String, Json)>);

impl ObjOut {
    pub fn put<T: ToJson + ?Sized>(&mut self, key: &str, v: &T) {
        self.0.push((key.to_string(), v.to_json()));
    }

    pub fn put_json(&mut self, key: &str, v: Json) {
        self.0.push((key.to_string(), v));
    }

    /// Put `v` unless it holds nothing.
    pub fn put_some<T: ToJson + Skip>(&mut self, key: &str, v: &T) {
        if !v.skip() {
            self.put(key, v);
        }
    }

    pub fn done(self) -> Json {
        Json::Obj(self.0)
    }
}

/// Codecs for a plain struct, field by field in declaration order (the order
/// the JSON has). Each field is `req` (must be there), `def` (missing means
/// default; always written) or `skip` (missing means default; written only
/// when it holds something); `"name"` after the mode renames the key.
#[macro_export]
macro_rules! json_struct {
    ($ty:ident { $($field:ident : $mode:ident $($key:literal)?),* $(,)? }) => {
        impl $crate::json::ToJson for $ty {
            fn to_json(&self) -> $crate::json::Json {
                let mut o = $crate::json::ObjOut::default();
                $($crate::json_struct!(@put o, self.$field, $mode, $crate::json_struct!(@key $field $($key)?));)*
                o.done()
            }
        }
        impl $crate::json::FromJson for $ty {
            fn from_json(j: &$crate::json::Json) -> Result<Self, String> {
                let o = $crate::json::Obj::of(j)?;
                Ok($ty {
                    $($field: $crate::json_struct!(@get o, $mode, $crate::json_struct!(@key $field $($key)?))?,)*
                })
            }
        }
    };
    (@key $field:ident) => { stringify!($field) };
    (@key $field:ident $key:literal) => { $key };
    (@put $o:ident, $v:expr, skip, $k:expr) => { $o.put_some($k, &$v) };
    (@put $o:ident, $v:expr, $mode:ident, $k:expr) => { $o.put($k, &$v) };
    (@get $o:ident, req, $k:expr) => { $o.req($k) };
    (@get $o:ident, $mode:ident, $k:expr) => { $o.opt($k) };
}
