//! The catalogue as the widget carries it: every SOP's heading (what the
//! finder shows and searches) at start-up, each SOP's steps only when a call
//! needs them. With five SOPs this changes little; with a thousand it is the
//! difference between reading every step of every SOP before the finder
//! takes a key, and reading one.
//!
//! The SOPs are data, not code: the build writes the index (`katalog.json`)
//! and one body per SOP version, named by its content, next to the app; the
//! widget fetches the index as it starts and a body when a call needs it. A
//! deployment publishes more SOPs without a rebuild, listed in `terbitan.txt`;
//! a host console sends packs. Both go through `Library::publish`, which
//! checks an SOP with the SOPs it includes and lets it replace one of the same
//! id only with a higher version.

use crate::json::{FromJson, Json, Obj, ObjOut, ToJson};
use crate::model::{Catalog, Sop, StepKind};
use crate::search::Prepared;
use std::cmp::Ordering;

/// The index's file name, next to `index.html`.
pub const INDEX_FILE: &str = "katalog.json";
/// The deployment's list of published SOP files, next to `index.html`.
pub const MANIFEST_FILE: &str = "terbitan.txt";
/// The index's format; an index of another format is not read.
pub const INDEX_FORMAT: u32 = 1;

/// One SOP in the index: its heading (the SOP without `start` and `step`),
/// where its body is, and what the finder prepared from the whole SOP.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexEntry {
    pub head: Sop,
    /// The body's address, relative to the index.
    pub body: String,
    /// The finder's words for this SOP (`search`), prepared by the build.
    pub search: Option<Prepared>,
    /// Its map as SVG (`map_marks`), drawn by the build; relative to the index.
    pub map: Option<String>,
}

/// `katalog.json`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Index {
    pub sops: Vec<IndexEntry>,
}

impl ToJson for IndexEntry {
    fn to_json(&self) -> Json {
        let mut o = ObjOut::default();
        o.put("sop", &self.head);
        o.put("body", &self.body);
        o.put_some("search", &self.search);
        o.put_some("map", &self.map);
        o.done()
    }
}

impl FromJson for IndexEntry {
    fn from_json(j: &Json) -> Result<Self, String> {
        let o = Obj::of(j)?;
        if let Some(k) = o.unknown(&["sop", "body", "search", "map"]) {
            return Err(format!("kunci `{k}` tidak dikenal"));
        }
        Ok(IndexEntry {
            head: o.req("sop")?,
            body: o.req("body")?,
            search: o.opt("search")?,
            map: o.opt("map")?,
        })
    }
}

impl ToJson for Index {
    fn to_json(&self) -> Json {
        let mut o = ObjOut::default();
        o.put("format", &INDEX_FORMAT);
        o.put("sops", &self.sops);
        o.done()
    }
}

impl FromJson for Index {
    fn from_json(j: &Json) -> Result<Self, String> {
        let o = Obj::of(j)?;
        let format: u32 = o.req("format")?;
        if format != INDEX_FORMAT {
            return Err(format!(
                "format katalog {format} tidak dikenal (versi Pandu ini membaca format {INDEX_FORMAT})"
            ));
        }
        Ok(Index {
            sops: o.req("sops")?,
        })
    }
}

/// The published SOP files a deployment lists, one address per line
/// (relative to the manifest); blank lines and `#` comments are skipped.
pub fn manifest(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

/// One Indonesian line on what a source's published SOPs added and
/// replaced; `None` when it changed nothing (every SOP refused).
pub fn summary(source: &str, results: &[Published]) -> Option<String> {
    let mut added = Vec::new();
    let mut replaced = Vec::new();
    for r in results {
        match r {
            Published::Added { id, .. } => added.push(id.clone()),
            Published::Replaced { id, old, new, .. } => {
                replaced.push(format!("{id} (versi {old} → {new})"))
            }
            Published::Refused { .. } => {}
        }
    }
    let mut parts = Vec::new();
    if !added.is_empty() {
        parts.push(format!("SOP baru: {}", added.join(", ")));
    }
    if !replaced.is_empty() {
        parts.push(format!("SOP diperbarui: {}", replaced.join(", ")));
    }
    (!parts.is_empty()).then(|| format!("SOP dari {source} dipakai. {}.", parts.join("; ")))
}

/// Versions compared as people read them: runs of digits as numbers, the
/// rest as text, so "2021.06.11-10" is above "2021.06.11-9" and "10" above "9".
pub fn version_cmp(a: &str, b: &str) -> Ordering {
    fn parts(s: &str) -> Vec<(bool, &str)> {
        let mut out = Vec::new();
        let mut start = 0;
        let bytes = s.as_bytes();
        for i in 1..=bytes.len() {
            if i == bytes.len() || bytes[i].is_ascii_digit() != bytes[start].is_ascii_digit() {
                out.push((bytes[start].is_ascii_digit(), &s[start..i]));
                start = i;
            }
        }
        out
    }
    let (pa, pb) = (parts(a), parts(b));
    for (x, y) in pa.iter().zip(&pb) {
        let ord = match (x, y) {
            ((true, x), (true, y)) => {
                let (x, y) = (x.trim_start_matches('0'), y.trim_start_matches('0'));
                x.len().cmp(&y.len()).then(x.cmp(y))
            }
            ((_, x), (_, y)) => x.cmp(y),
        };
        if ord != Ordering::Equal {
            return ord;
        }
    }
    pa.len().cmp(&pb.len())
}

/// What became of one published SOP.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Published {
    Added {
        id: String,
        source: String,
    },
    Replaced {
        id: String,
        old: String,
        new: String,
        source: String,
    },
    /// Not used: every reason, naming the file (or pack), the SOP and step.
    Refused {
        source: String,
        reasons: Vec<String>,
    },
}

impl Published {
    /// One Indonesian line for the start screen.
    pub fn message(&self) -> String {
        match self {
            Published::Added { id, source } => format!("SOP baru `{id}` dari {source} dipakai."),
            Published::Replaced {
                id,
                old,
                new,
                source,
            } => format!("SOP `{id}` diperbarui dari versi {old} ke versi {new} ({source})."),
            Published::Refused { source, reasons } => {
                format!("{source} ditolak: {}", reasons.join("; "))
            }
        }
    }

    pub fn is_refused(&self) -> bool {
        matches!(self, Published::Refused { .. })
    }
}

/// Where the steps of an SOP of the library are.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Body {
    /// Read: the catalogue entry has its steps.
    Loaded,
    /// At this address (relative to the index), still to fetch.
    At(String),
}

#[derive(Debug, Clone, Default)]
pub struct Library {
    /// Headings of all SOPs, with the steps of those loaded.
    catalog: Catalog,
    /// Where each SOP's steps are, by catalogue position.
    bodies: Vec<Body>,
    /// The finder's prepared words, by catalogue position, as the build wrote them.
    search: Vec<Option<Prepared>>,
    /// Each SOP's drawn map, by catalogue position; a published SOP has none.
    maps: Vec<Option<String>>,
}

impl Library {
    /// The catalogue of the build's index: headings now, bodies to fetch.
    pub fn from_index(index: Index) -> Library {
        let mut lib = Library::default();
        for e in index.sops {
            lib.bodies.push(Body::At(e.body));
            lib.search.push(e.search);
            lib.maps.push(e.map);
            lib.catalog.sops.push(Sop {
                start: None,
                steps: Vec::new(),
                ..e.head
            });
        }
        lib
    }

    /// A catalogue read whole: nothing left to load.
    pub fn from_catalog(catalog: Catalog) -> Library {
        Library {
            bodies: vec![Body::Loaded; catalog.sops.len()],
            search: vec![None; catalog.sops.len()],
            maps: vec![None; catalog.sops.len()],
            catalog,
        }
    }

    /// The finder's prepared words of each SOP, in catalogue order; an SOP
    /// the build did not prepare (a published one) gets an empty entry, which
    /// `search::Index::build` reads from the SOP itself.
    pub fn prepared(&self) -> Vec<Prepared> {
        self.search
            .iter()
            .map(|p| p.clone().unwrap_or_default())
            .collect()
    }

    /// Every SOP; those not loaded yet have no steps.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    pub fn is_loaded(&self, id: &str) -> bool {
        self.position(id)
            .is_some_and(|i| self.bodies.get(i) == Some(&Body::Loaded))
    }

    /// The bodies to fetch before `id` can run, as (SOP id, address): its
    /// own and those of the SOPs it includes, as far as the bodies read so
    /// far tell. Fetch them, `insert_body`, and ask again until it is empty.
    pub fn missing(&self, id: &str) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        let mut todo = vec![id.to_string()];
        while let Some(id) = todo.pop() {
            if seen.contains(&id) {
                continue;
            }
            seen.push(id.clone());
            let Some(i) = self.position(&id) else {
                continue;
            };
            match &self.bodies[i] {
                Body::At(path) => out.push((id, path.clone())),
                Body::Loaded => todo.extend(includes(&self.catalog.sops[i])),
            }
        }
        out
    }

    /// A fetched body: the whole SOP behind heading `id`, which must be that
    /// SOP at that version.
    pub fn insert_body(&mut self, id: &str, text: &str) -> Result<(), String> {
        let i = self
            .position(id)
            .ok_or_else(|| format!("SOP `{id}` tidak ditemukan."))?;
        let sop = read_body(&self.catalog.sops[i], text)?;
        self.catalog.sops[i] = sop;
        self.bodies[i] = Body::Loaded;
        Ok(())
    }

    /// The SOPs a call of `id` runs on, with their steps: it and every SOP
    /// it includes. A call keeps these, so it goes on (and restores) on the
    /// versions it started with whatever is published meanwhile.
    pub fn call_catalog(&mut self, id: &str) -> Result<Catalog, String> {
        self.load(id)?;
        let mut out = Catalog::default();
        let mut todo = vec![id.to_string()];
        while let Some(id) = todo.pop() {
            if out.get(&id).is_some() {
                continue;
            }
            let sop = self
                .catalog
                .get(&id)
                .ok_or_else(|| format!("SOP `{id}` tidak ditemukan."))?;
            if !self.is_loaded(&id) {
                return Err(format!("Isi SOP `{id}` belum terbaca."));
            }
            todo.extend(includes(sop));
            out.sops.push(sop.clone());
        }
        Ok(out)
    }

    /// A published SOP (a deployment's file, a host's pack), from `source`.
    /// It is checked with the SOPs it includes, which must be loaded
    /// (`missing` tells which bodies to fetch first); it replaces an SOP of
    /// the same id only with a higher version. Refused, the catalogue is
    /// as it was.
    pub fn publish(&mut self, source: &str, sop: Sop) -> Published {
        let refuse = |reasons: Vec<String>| Published::Refused {
            source: source.to_string(),
            reasons,
        };
        if sop.id.trim().is_empty() {
            return refuse(vec!["SOP tanpa `id`".into()]);
        }
        let current = self.position(&sop.id);
        if let Some(i) = current {
            let old = &self.catalog.sops[i].version;
            if version_cmp(&sop.version, old) != Ordering::Greater {
                return refuse(vec![format!(
                    "SOP `{}` versi {} tidak lebih baru dari versi {old} yang sudah dipakai",
                    sop.id, sop.version
                )]);
            }
        }
        // Checked with what it includes: the lint's rules across SOPs
        // (includes that exist, placeholders they set) need them.
        let mut with = Catalog {
            sops: vec![sop.clone()],
        };
        let mut todo = includes(&sop);
        let mut unknown = Vec::new();
        while let Some(id) = todo.pop() {
            if id == sop.id || with.get(&id).is_some() {
                continue;
            }
            match self.catalog.get(&id) {
                Some(s) if self.is_loaded(&id) => {
                    todo.extend(includes(s));
                    with.sops.push(s.clone());
                }
                Some(_) => {
                    let why = format!("isi SOP `{id}` yang di-include belum terbaca");
                    if !unknown.contains(&why) {
                        unknown.push(why);
                    }
                }
                None => {}
            }
        }
        if !unknown.is_empty() {
            return refuse(unknown);
        }
        let errors: Vec<String> = crate::lint::lint_catalog(&with)
            .iter()
            .filter(|e| e.sop == sop.id)
            .map(|e| match &e.step {
                Some(step) => format!("SOP `{}`, langkah `{step}`: {}", e.sop, e.message),
                None => format!("SOP `{}`: {}", e.sop, e.message),
            })
            .collect();
        if !errors.is_empty() {
            return refuse(errors);
        }
        match current {
            Some(i) => {
                let old = std::mem::replace(&mut self.catalog.sops[i], sop);
                self.bodies[i] = Body::Loaded;
                self.search[i] = None;
                self.maps[i] = None;
                Published::Replaced {
                    id: old.id,
                    old: old.version,
                    new: self.catalog.sops[i].version.clone(),
                    source: source.to_string(),
                }
            }
            None => {
                let id = sop.id.clone();
                self.catalog.sops.push(sop);
                self.bodies.push(Body::Loaded);
                self.search.push(None);
                self.maps.push(None);
                Published::Added {
                    id,
                    source: source.to_string(),
                }
            }
        }
    }

    /// Where the drawn map of SOP `id` at `version` is (relative to the
    /// index): none for a published SOP, which the build did not draw, nor
    /// for a version the catalogue no longer has.
    pub fn map_of(&self, id: &str, version: &str) -> Option<&str> {
        let i = self.position(id)?;
        (self.catalog.sops[i].version == version)
            .then(|| self.maps[i].as_deref())
            .flatten()
    }

    fn position(&self, id: &str) -> Option<usize> {
        self.catalog.sops.iter().position(|s| s.id == id)
    }

    /// Whether a call of `id` can start: its steps and those of every SOP
    /// it includes are read (`missing` says which to fetch otherwise).
    pub fn load(&self, id: &str) -> Result<(), String> {
        if self.position(id).is_none() {
            return Err(format!("SOP `{id}` tidak ditemukan."));
        }
        match self.missing(id).first() {
            Some((sop, path)) => Err(format!("Isi SOP `{sop}` belum diambil ({path}).")),
            None => Ok(()),
        }
    }

    /// The bodies to fetch before `sops` can be published: those of the
    /// catalogue's SOPs they include (the lint checks an SOP with them).
    pub fn missing_for(&self, sops: &[Sop]) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        for id in sops.iter().flat_map(includes) {
            if sops.iter().any(|s| s.id == id) {
                continue;
            }
            for m in self.missing(&id) {
                if !out.contains(&m) {
                    out.push(m);
                }
            }
        }
        out
    }

    /// Publish several SOPs from one source (a published file, a host's
    /// pack), each on its own: one refused does not stop the others. An SOP
    /// that another of the batch includes goes first, so the includer is
    /// checked with the version that comes with it.
    pub fn publish_all(&mut self, source: &str, sops: Vec<Sop>) -> Vec<Published> {
        let mut todo: Vec<(usize, Sop)> = sops.into_iter().enumerate().collect();
        let mut out: Vec<(usize, Published)> = Vec::new();
        while !todo.is_empty() {
            // One that includes none of those still waiting (a cycle is
            // the lint's to refuse: then just the first).
            let pick = todo
                .iter()
                .position(|(_, s)| {
                    includes(s)
                        .iter()
                        .all(|inc| *inc == s.id || !todo.iter().any(|(_, t)| t.id == *inc))
                })
                .unwrap_or(0);
            let (at, sop) = todo.remove(pick);
            out.push((at, self.publish(source, sop)));
        }
        // Told in the order of the file.
        out.sort_by_key(|(at, _)| *at);
        out.into_iter().map(|(_, p)| p).collect()
    }
}

/// The SOPs a step of `sop` includes.
fn includes(sop: &Sop) -> Vec<String> {
    sop.steps
        .iter()
        .filter_map(|s| match &s.kind {
            StepKind::Include { sop, .. } => Some(sop.clone()),
            _ => None,
        })
        .collect()
}

/// The whole SOP behind a heading; it must be the same SOP and version.
fn read_body(head: &Sop, body: &str) -> Result<Sop, String> {
    let j = crate::json::Json::parse(body).map_err(|e| format!("SOP `{}`: {e}", head.id))?;
    let sop = crate::codec::sop(&j).map_err(|e| e.to_string())?;
    if sop.id != head.id || sop.version != head.version {
        return Err(format!(
            "SOP `{}` versi {}: isi yang terbaca adalah SOP `{}` versi {}",
            head.id, head.version, sop.id, sop.version
        ));
    }
    Ok(sop)
}
