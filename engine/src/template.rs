//! Templates: script lines and ticket values with `{placeholders}`.
//!
//! `{Bapak/Ibu}` and `{Pak/Bu}` are the honorific the CSO picked, `{nama}`
//! the caller's name, anything else a variable set by a field or a choice.
//! `{name|filter}` transforms the value (`{daya_baru|tarif}` → `R1`).
//! Unknown placeholders are caught by the lint, so rendering never has to
//! guess; if one slips through anyway it shows as `[name]`, never as a blank.

use std::collections::BTreeMap;

/// How the CSO addresses the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "authoring", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "authoring", serde(rename_all = "lowercase"))]
pub enum Honorific {
    Bapak,
    Ibu,
    /// Not chosen yet: the neutral "Bapak/Ibu" is said.
    #[default]
    Unknown,
}

impl Honorific {
    /// `{Bapak/Ibu}`
    pub fn long(self) -> &'static str {
        match self {
            Honorific::Bapak => "Bapak",
            Honorific::Ibu => "Ibu",
            Honorific::Unknown => "Bapak/Ibu",
        }
    }

    /// `{Pak/Bu}`
    pub fn short(self) -> &'static str {
        match self {
            Honorific::Bapak => "Pak",
            Honorific::Ibu => "Bu",
            Honorific::Unknown => "Bapak/Ibu",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Honorific::Bapak => "bapak",
            Honorific::Ibu => "ibu",
            Honorific::Unknown => "",
        }
    }

    pub fn parse(s: &str) -> Honorific {
        match s.trim().to_ascii_lowercase().as_str() {
            "bapak" | "pak" | "bpk" => Honorific::Bapak,
            "ibu" | "bu" => Honorific::Ibu,
            _ => Honorific::Unknown,
        }
    }
}

/// As serde wrote it: `bapak`, `ibu`, `unknown`.
impl crate::json::ToJson for Honorific {
    fn to_json(&self) -> crate::json::Json {
        let s = match self {
            Honorific::Unknown => "unknown",
            h => h.as_str(),
        };
        crate::json::Json::Str(s.into())
    }
}

impl crate::json::FromJson for Honorific {
    fn from_json(j: &crate::json::Json) -> Result<Self, String> {
        match j.as_str() {
            Some("bapak") => Ok(Honorific::Bapak),
            Some("ibu") => Ok(Honorific::Ibu),
            Some("unknown") => Ok(Honorific::Unknown),
            _ => Err("sapaan harus `bapak`, `ibu` atau `unknown`".into()),
        }
    }
}

/// Placeholders every template may use without any step setting them.
/// `nama`, `telepon`, `idpel` come from the caller header and may be empty;
/// `hari_ini` is the day of the call (`YYYY-MM-DD`, WIB; the simulated day in
/// training), for SOPs whose programme ends.
pub const BUILTINS: [&str; 6] = [
    "Bapak/Ibu",
    "Pak/Bu",
    "nama",
    "telepon",
    "idpel",
    "hari_ini",
];

/// Filters a placeholder may carry after `|`. `tarif` may name the variable
/// holding the customer's group after a colon (`{daya|tarif:peruntukan}`);
/// `seluler` and `tetap` keep a telephone number only if it is a mobile
/// number or a fixed line, for systems with a field for each; `awali` puts
/// its text and a space before a value that is there, and leaves out both
/// when it is empty or was never given (`{sid|awali:, SID}`).
pub const FILTERS: [&str; 8] = [
    "upper", "lower", "tarif", "rupiah", "tanggal", "seluler", "tetap", "awali",
];

/// Filters whose argument is the name of a variable, not text.
pub const VAR_ARG_FILTERS: [&str; 1] = ["tarif"];

/// Filters under which a placeholder may be left unset: it then renders nothing.
pub const OPTIONAL_FILTERS: [&str; 1] = ["awali"];

/// A filter as written after `|`: its name and what follows `:`, if anything.
pub fn split_filter(filter: &str) -> (&str, Option<&str>) {
    match filter.split_once(':') {
        Some((name, arg)) => (name.trim(), Some(arg.trim())),
        None => (filter, None),
    }
}

/// A piece of a parsed template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment<'a> {
    Text(&'a str),
    /// `{{` or `}}`: a literal brace.
    Brace(char),
    Var {
        name: &'a str,
        filter: Option<&'a str>,
    },
}

/// Split a template into text and placeholders; `Err` says what is malformed.
pub fn parse(t: &str) -> Result<Vec<Segment<'_>>, String> {
    let mut out = Vec::new();
    let mut rest = t;
    while !rest.is_empty() {
        let Some(i) = rest.find(['{', '}']) else {
            out.push(Segment::Text(rest));
            break;
        };
        if i > 0 {
            out.push(Segment::Text(&rest[..i]));
        }
        let tail = &rest[i..];
        if let Some(after) = tail.strip_prefix("{{") {
            out.push(Segment::Brace('{'));
            rest = after;
        } else if let Some(after) = tail.strip_prefix("}}") {
            out.push(Segment::Brace('}'));
            rest = after;
        } else if tail.starts_with('}') {
            return Err(
                "tanda `}` tanpa pasangan `{` (tulis `}}` untuk kurung kurawal biasa)".into(),
            );
        } else {
            let Some(end) = tail.find('}') else {
                return Err("placeholder tidak ditutup dengan `}`".into());
            };
            let inner = &tail[1..end];
            if inner.contains('{') {
                return Err(format!("placeholder `{{{inner}` tidak ditutup dengan `}}`"));
            }
            let (name, filter) = match inner.split_once('|') {
                Some((n, f)) => (n.trim(), Some(f.trim())),
                None => (inner.trim(), None),
            };
            if name.is_empty() {
                return Err("placeholder kosong `{}`".into());
            }
            out.push(Segment::Var { name, filter });
            rest = &tail[end + 1..];
        }
    }
    Ok(out)
}

/// The placeholder names a template uses (with filters), or why it is malformed.
pub fn placeholders(t: &str) -> Result<Vec<(&str, Option<&str>)>, String> {
    Ok(parse(t)?
        .into_iter()
        .filter_map(|s| match s {
            Segment::Var { name, filter } => Some((name, filter)),
            _ => None,
        })
        .collect())
}

/// What a template is rendered against.
#[derive(Debug, Clone, Copy)]
pub struct Env<'a> {
    pub honorific: Honorific,
    /// Every variable, the caller header's `nama`/`telepon`/`idpel` included.
    pub vars: &'a BTreeMap<String, String>,
}

/// Fill in a template. An empty built-in (no caller name yet) leaves no double space.
pub fn render(t: &str, env: &Env) -> String {
    let Ok(segments) = parse(t) else {
        // The lint rejects malformed templates; show the raw text rather than nothing.
        return t.to_string();
    };
    let mut out = String::with_capacity(t.len() + 16);
    // Set when a placeholder came out empty right after a space, so that the
    // space or punctuation that follows does not leave "Bapak  ," behind.
    let mut after_empty = false;
    for seg in segments {
        match seg {
            Segment::Text(mut s) => {
                if after_empty {
                    if s.starts_with(' ') {
                        s = &s[1..];
                    } else if s.starts_with([',', '.', '?', '!', ')']) && out.ends_with(' ') {
                        out.pop();
                    }
                }
                out.push_str(s);
            }
            Segment::Brace(c) => out.push(c),
            Segment::Var { name, filter } => {
                let value: String = match name {
                    "Bapak/Ibu" => env.honorific.long().into(),
                    "Pak/Bu" => env.honorific.short().into(),
                    _ => match env.vars.get(name) {
                        Some(v) => apply_filter(v, filter, env.vars),
                        None if BUILTINS.contains(&name) => String::new(),
                        None if filter
                            .is_some_and(|f| OPTIONAL_FILTERS.contains(&split_filter(f).0)) =>
                        {
                            String::new()
                        }
                        None => format!("[{name}]"),
                    },
                };
                after_empty = value.is_empty() && (out.is_empty() || out.ends_with(' '));
                out.push_str(&value);
                continue;
            }
        }
        after_empty = false;
    }
    out
}

/// A filter applied to a value; a value the filter cannot read is left as it
/// is. `vars` gives a filter's argument variable its value.
pub fn apply_filter(value: &str, filter: Option<&str>, vars: &BTreeMap<String, String>) -> String {
    let Some((name, arg)) = filter.map(split_filter) else {
        return value.to_string();
    };
    match name {
        "upper" => crate::text::upper(value),
        "lower" => crate::text::lower(value),
        "tarif" => match value.parse::<u32>() {
            Ok(va) => {
                let group = arg.and_then(|a| vars.get(a)).map_or("", String::as_str);
                crate::validate::tariff_class_of(group, va).to_string()
            }
            Err(_) => value.to_string(),
        },
        "rupiah" => match value.parse::<u64>() {
            Ok(n) => crate::validate::format_rupiah(n),
            Err(_) => value.to_string(),
        },
        "tanggal" => match crate::dates::parse_iso(value) {
            Some(d) => crate::dates::dmy(d),
            None => value.to_string(),
        },
        "seluler" if crate::validate::is_mobile(value) => value.to_string(),
        "tetap" if !crate::validate::is_mobile(value) => value.to_string(),
        "seluler" | "tetap" => String::new(),
        "awali" if value.trim().is_empty() => String::new(),
        "awali" => format!("{} {value}", arg.unwrap_or_default()),
        _ => value.to_string(),
    }
}
