//! Ranked retrieval over what each SOP says about itself: BM25F (BM25 over
//! weighted fields), phrases boosted, the word being typed matched as a
//! prefix, one typo forgiven.
//!
//! The expensive part, reading each SOP's texts into terms, is `Prepared::of`:
//! a pure function of one SOP, done at build time for the built-in catalogue
//! and carried as JSON beside each heading (`library::IndexEntry::search`). What
//! depends on the whole catalogue (the vocabulary, document frequencies, the
//! postings) is assembled from those at start-up, without stemming anything.

use super::normalize::{self, Word};
use super::{status_of, stem, Status};
use crate::model::{Catalog, Sop, StepKind};
use chrono::NaiveDate;

/// The fields of an SOP the finder reads, in `Prepared`'s order: title (with
/// id and seed), keywords and synonyms, summary, step titles with questions
/// and option labels, script lines. The CSO's instructions (`do`) and the
/// outcomes' summaries were tried as a sixth: one sentence of the evaluation
/// set better, for 43 % more prepared words to carry and index.
const FIELDS: usize = 5;
const WEIGHT: [f32; FIELDS] = [3.0, 4.0, 2.0, 1.5, 1.0];
/// How much a long field's length dilutes a word in it (BM25's `b`).
const B: [f32; FIELDS] = [0.3, 0.3, 0.5, 0.5, 0.75];
const K1: f32 = 1.2;
/// Fields whose neighbouring words count as a phrase.
const PHRASES: [bool; FIELDS] = [true, true, false, true, false];
/// Two query words found side by side in a title, keyword or step title.
const PHRASE_BONUS: f32 = 0.5;
/// A word still being typed, found as the start of a longer word.
const PREFIX: f32 = 0.6;
/// A word of five letters or more, found with one letter wrong.
const TYPO: f32 = 0.7;
/// Prefix matches of the word being typed that are looked up at most.
const MAX_PREFIX: usize = 32;
/// A sub-flow (SOP 001) is rarely what a caller asks for: it comes first
/// only when the words point at it clearly.
const SUBFLOW: f32 = 0.6;
/// Scores within this factor of each other are equally relevant: then SOPs in
/// force come before the others, and sub-flows last.
const TIER: f32 = 1.08;

/// One SOP's words as the finder indexes them: per field, the terms of each
/// phrase (a keyword, a line, a title), words apart by spaces, phrases by
/// `|`, two readings of a word by `/`. A pure function of the SOP.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Prepared {
    pub id: String,
    pub title: String,
    pub keys: String,
    pub summary: String,
    pub steps: String,
    pub script: String,
}

crate::json_struct!(Prepared {
    id: req,
    title: skip,
    keys: skip,
    summary: skip,
    steps: skip,
    script: skip,
});

/// Texts as `Prepared` writes them.
fn encode<'a>(texts: impl IntoIterator<Item = &'a str>) -> String {
    encode_with(texts, normalize::words)
}

fn encode_with<'a>(
    texts: impl IntoIterator<Item = &'a str>,
    read: fn(&str) -> Vec<Word>,
) -> String {
    let mut out = String::new();
    for text in texts {
        let words = read(&normalize::without_placeholders(text));
        if words.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('|');
        }
        for (i, w) in words.iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(&w.terms.join("/"));
        }
    }
    out
}

impl Prepared {
    /// Read an SOP's texts. Its steps are needed for the last three fields.
    pub fn of(sop: &Sop) -> Prepared {
        let id_words = sop.id.replace('-', " ");
        let seed = format!("sop {}", sop.seed);
        let mut keys: Vec<&str> = sop.keywords.iter().map(String::as_str).collect();
        keys.extend(sop.synonyms.iter().flat_map(|s| s.split('=')));
        let mut steps = Vec::new();
        let mut script = Vec::new();
        for s in &sop.steps {
            // An include's title names the sub-flow (every SOP has "Email &
            // HP (SOP 001)"): the sub-flow's words, not this SOP's.
            if !matches!(s.kind, StepKind::Include { .. }) {
                steps.push(s.title.as_str());
            }
            if let StepKind::Ask { question, options } = &s.kind {
                steps.push(question);
                steps.extend(options.iter().map(|o| o.label.as_str()));
            }
            script.extend(s.say.iter().map(|l| l.text.as_str()));
        }
        Prepared {
            id: sop.id.clone(),
            title: {
                let mut t = encode([sop.title.as_str()]);
                let label = encode_with([id_words.as_str(), &seed], normalize::label_words);
                if !t.is_empty() && !label.is_empty() {
                    t.push('|');
                }
                t.push_str(&label);
                t
            },
            keys: encode(keys),
            summary: encode([sop.summary.as_str()]),
            steps: encode(steps),
            script: encode(script),
        }
    }

    fn fields(&self) -> [&str; FIELDS] {
        [
            &self.title,
            &self.keys,
            &self.summary,
            &self.steps,
            &self.script,
        ]
    }
}

/// One SOP among the results, with the query's words it matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index into the catalogue.
    pub index: usize,
    /// Bit `i` set: `Found::words[i]` matched.
    pub matched: u64,
}

/// What the finder found for a query.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Found {
    /// In finder order.
    pub hits: Vec<Hit>,
    /// The query's words that were looked for, as typed.
    pub words: Vec<String>,
    /// When the query's words match nothing: the catalogue's closest words.
    pub suggest: Vec<String>,
}

impl Found {
    /// The words a hit matched, as typed, each once.
    pub fn matched(&self, hit: &Hit) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for (i, w) in self.words.iter().enumerate().take(64) {
            if hit.matched & (1 << i) != 0 && !out.contains(&w.as_str()) {
                out.push(w);
            }
        }
        out
    }

    /// The catalogue indices in finder order.
    pub fn indices(&self) -> Vec<usize> {
        self.hits.iter().map(|h| h.index).collect()
    }
}

/// A term in a document: its counts per field while the index is built,
/// then its whole BM25F weight, so a keystroke does one multiplication per
/// posting.
#[derive(Debug, Clone, Copy)]
struct Posting {
    doc: u32,
    tf: [u8; FIELDS],
    weight: f32,
}

#[derive(Debug, Clone)]
struct Doc {
    /// BM25's length normalisation per field: 1 / (1 - b + b·len/avg).
    norm: [f32; FIELDS],
    /// Neighbouring terms of the phrase fields, `a << 32 | b`, sorted.
    pairs: Vec<u64>,
    from: Option<NaiveDate>,
    until: Option<NaiveDate>,
    subflow: bool,
}

/// The catalogue's vocabulary and postings, assembled once at start-up.
#[derive(Debug, Clone, Default)]
pub struct Index {
    docs: Vec<Doc>,
    terms: Vec<Box<str>>,
    /// Term ids in the order of their text, for prefixes.
    sorted: Vec<u32>,
    /// Open addressing, FNV-1a: term id + 1, 0 for empty.
    table: Vec<u32>,
    postings: Vec<Vec<Posting>>,
    idf: Vec<f32>,
    /// Keywords and synonyms as written, lower-cased, each once: suggestions.
    keywords: Vec<String>,
    /// The words of those, each once, with the first keyword holding it.
    keyword_words: Vec<(Box<str>, u32)>,
}

/// FNV-1a, then MurmurHash3's finaliser: FNV's low bits, which the table's
/// mask keeps, mix poorly on their own.
fn fnv(s: &str) -> usize {
    let mut h: u32 = 0x811c_9dc5;
    for b in s.bytes() {
        h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    h ^= h >> 16;
    h = h.wrapping_mul(0x85eb_ca6b);
    h ^= h >> 13;
    h = h.wrapping_mul(0xc2b2_ae35);
    h ^= h >> 16;
    h as usize
}

/// Whether `a` becomes `b` with one letter added, removed, changed, or two
/// neighbours swapped.
fn one_edit(a: &[u8], b: &[u8]) -> bool {
    if a.len().abs_diff(b.len()) > 1 || a == b {
        return false;
    }
    let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[p..], &b[p..]);
    match ra.len().cmp(&rb.len()) {
        std::cmp::Ordering::Equal => {
            ra[1..] == rb[1..]
                || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
        }
        std::cmp::Ordering::Greater => ra[1..] == *rb,
        std::cmp::Ordering::Less => *ra == rb[1..],
    }
}

/// Edit distance with swaps of neighbours (optimal string alignment), for suggestions.
fn distance(a: &[u8], b: &[u8]) -> usize {
    let w = b.len() + 1;
    let mut d: Vec<usize> = (0..(a.len() + 1) * w).collect();
    for i in 0..=a.len() {
        d[i * w] = i;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j] + 1)
                .min(d[i * w + j - 1] + 1)
                .min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
        }
    }
    d[a.len() * w + b.len()]
}

impl Index {
    /// The index of a catalogue whose SOPs are all there in full (tests, a
    /// host's pack merged in): every SOP is read now.
    pub fn new(catalog: &Catalog) -> Index {
        Index::build(catalog, &[])
    }

    /// The index from each SOP's prepared words (`prepared[i]` for
    /// `catalog.sops[i]`, as the build wrote them); an SOP without them, or
    /// with another SOP's, is read from the catalogue.
    pub fn build(catalog: &Catalog, prepared: &[Prepared]) -> Index {
        let mut ix = Index::default();
        let mut known_keywords = std::collections::BTreeSet::new();
        let mut known_words = std::collections::BTreeSet::new();
        let mut lens: Vec<[u32; FIELDS]> = Vec::with_capacity(catalog.sops.len());
        for (d, sop) in catalog.sops.iter().enumerate() {
            let own;
            let p = match prepared.get(d) {
                Some(p) if p.id == sop.id => p,
                _ => {
                    own = Prepared::of(sop);
                    &own
                }
            };
            let mut len = [0u32; FIELDS];
            let mut pairs = Vec::new();
            for (f, text) in p.fields().into_iter().enumerate() {
                for phrase in text.split('|') {
                    let mut prev: Vec<u32> = Vec::new();
                    for word in phrase.split(' ').filter(|w| !w.is_empty()) {
                        len[f] += 1;
                        let ids: Vec<u32> = word.split('/').map(|t| ix.intern(t)).collect();
                        for &id in &ids {
                            ix.add(id, d as u32, f);
                        }
                        if PHRASES[f] {
                            for &a in &prev {
                                for &b in &ids {
                                    pairs.push(u64::from(a) << 32 | u64::from(b));
                                }
                            }
                        }
                        prev = ids;
                    }
                }
            }
            crate::small::heap_sort_by(&mut pairs, |a, b| a < b);
            pairs.dedup();
            let day = |s: &Option<String>| s.as_deref().and_then(crate::dates::parse_iso);
            ix.docs.push(Doc {
                norm: [0.0; FIELDS],
                pairs,
                from: day(&sop.effective_from),
                until: day(&sop.effective_until),
                subflow: sop.subflow,
            });
            lens.push(len);
            for k in sop.keywords.iter().chain(&sop.synonyms) {
                for phrase in k.split('=') {
                    let phrase = crate::text::lower(phrase.trim());
                    if phrase.is_empty() || !known_keywords.insert(phrase.clone()) {
                        continue;
                    }
                    let at = ix.keywords.len() as u32;
                    for w in normalize::tokens(&phrase) {
                        if w.len() >= 3 && known_words.insert(w.clone()) {
                            ix.keyword_words.push((w.into(), at));
                        }
                    }
                    ix.keywords.push(phrase);
                }
            }
        }
        let n = ix.docs.len().max(1) as f32;
        let mut avg = [0f32; FIELDS];
        for len in &lens {
            for f in 0..FIELDS {
                avg[f] += len[f] as f32 / n;
            }
        }
        for (doc, len) in ix.docs.iter_mut().zip(&lens) {
            for f in 0..FIELDS {
                let rel = if avg[f] > 0.0 {
                    len[f] as f32 / avg[f]
                } else {
                    0.0
                };
                doc.norm[f] = 1.0 / (1.0 - B[f] + B[f] * rel);
            }
        }
        ix.idf = ix
            .postings
            .iter()
            .map(|p| {
                let df = p.len() as f32;
                (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
            })
            .collect();
        for (id, list) in ix.postings.iter_mut().enumerate() {
            for p in list.iter_mut() {
                let norm = &ix.docs[p.doc as usize].norm;
                let mut wtf = 0.0;
                for f in 0..FIELDS {
                    wtf += WEIGHT[f] * f32::from(p.tf[f]) * norm[f];
                }
                p.weight = ix.idf[id] * wtf / (K1 + wtf);
            }
        }
        let mut sorted: Vec<u32> = (0..ix.terms.len() as u32).collect();
        let terms = &ix.terms;
        crate::small::heap_sort_by(&mut sorted, |&a, &b| terms[a as usize] < terms[b as usize]);
        ix.sorted = sorted;
        ix
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    fn lookup(&self, term: &str) -> Option<u32> {
        if self.table.is_empty() {
            return None;
        }
        let mask = self.table.len() - 1;
        let mut at = fnv(term) & mask;
        loop {
            match self.table[at] {
                0 => return None,
                id if &*self.terms[id as usize - 1] == term => return Some(id - 1),
                _ => at = (at + 1) & mask,
            }
        }
    }

    fn intern(&mut self, term: &str) -> u32 {
        if let Some(id) = self.lookup(term) {
            return id;
        }
        if (self.terms.len() + 1) * 2 > self.table.len() {
            let size = (self.table.len() * 2).max(1024);
            self.table = vec![0; size];
            for (i, t) in self.terms.iter().enumerate() {
                let mut at = fnv(t) & (size - 1);
                while self.table[at] != 0 {
                    at = (at + 1) & (size - 1);
                }
                self.table[at] = i as u32 + 1;
            }
        }
        let id = self.terms.len() as u32;
        self.terms.push(term.into());
        self.postings.push(Vec::new());
        let mask = self.table.len() - 1;
        let mut at = fnv(term) & mask;
        while self.table[at] != 0 {
            at = (at + 1) & mask;
        }
        self.table[at] = id + 1;
        id
    }

    fn add(&mut self, term: u32, doc: u32, field: usize) {
        let list = &mut self.postings[term as usize];
        match list.last_mut() {
            Some(p) if p.doc == doc => p.tf[field] = p.tf[field].saturating_add(1),
            _ => {
                let mut tf = [0u8; FIELDS];
                tf[field] = 1;
                list.push(Posting {
                    doc,
                    tf,
                    weight: 0.0,
                });
            }
        }
    }

    /// Term ids starting with `prefix` (other than `prefix` itself).
    fn prefixed<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = u32> + 'a {
        let start = self
            .sorted
            .partition_point(|&id| &*self.terms[id as usize] < prefix);
        self.sorted[start..]
            .iter()
            .copied()
            .take_while(move |&id| self.terms[id as usize].starts_with(prefix))
            .filter(move |&id| &*self.terms[id as usize] != prefix)
    }

    /// The terms a query word is looked up under, each with how much a match
    /// counts: its own terms, else an informal reading; the start of a longer
    /// word while it is typed; else one typo.
    fn candidates(&self, w: &Word, typing: bool) -> Vec<(u32, f32)> {
        let mut out: Vec<(u32, f32)> = Vec::new();
        let push = |out: &mut Vec<(u32, f32)>, id: u32, f: f32| {
            if !out.iter().any(|c| c.0 == id) {
                out.push((id, f));
            }
        };
        for t in &w.terms {
            if let Some(id) = self.lookup(t) {
                push(&mut out, id, 1.0);
            }
        }
        let number = w.base.bytes().all(|b| b.is_ascii_digit());
        if number {
            return out;
        }
        if out.is_empty() {
            for reading in stem::informal(&w.base) {
                let (main, alt) = stem::stem(&reading);
                for t in std::iter::once(main).chain(alt) {
                    if let Some(id) = self.lookup(&t) {
                        push(&mut out, id, 1.0);
                    }
                }
            }
        }
        if typing && w.base.len() >= 2 {
            let mut probes = vec![w.base.as_str()];
            if w.terms[0] != w.base {
                probes.push(&w.terms[0]);
            }
            let mut n = 0;
            for p in probes {
                for id in self.prefixed(p) {
                    if n == MAX_PREFIX {
                        break;
                    }
                    n += 1;
                    let share = p.len() as f32 / self.terms[id as usize].len() as f32;
                    push(&mut out, id, PREFIX + (1.0 - PREFIX) * share);
                }
            }
        }
        if out.is_empty() && w.typed.chars().count() >= 5 {
            for p in [w.base.as_bytes(), w.terms[0].as_bytes()] {
                for (id, t) in self.terms.iter().enumerate() {
                    if one_edit(p, t.as_bytes()) {
                        push(&mut out, id as u32, TYPO);
                    }
                }
            }
        }
        out
    }

    /// The SOPs for a query, best first: every word counts, none is
    /// required. At equal relevance SOPs in force on `today` come first and
    /// sub-flows last; a query with no word that tells SOPs apart lists them
    /// all in that order.
    pub fn find(&self, query: &str, today: NaiveDate) -> Found {
        let mut words = normalize::words(query);
        words.truncate(64);
        let typing = query
            .chars()
            .next_back()
            .is_some_and(crate::text::is_word_char);
        let n = self.docs.len();
        let mut score = vec![0f32; n];
        let mut mask = vec![0u64; n];
        let mut exact: Vec<Vec<u32>> = Vec::with_capacity(words.len());
        let mut best = vec![0f32; n];
        let mut touched: Vec<usize> = Vec::new();
        for (i, w) in words.iter().enumerate() {
            let cands = self.candidates(w, typing && i + 1 == words.len());
            for &(id, factor) in &cands {
                for p in &self.postings[id as usize] {
                    let d = p.doc as usize;
                    let c = p.weight * factor;
                    if best[d] == 0.0 {
                        touched.push(d);
                    }
                    if c > best[d] {
                        best[d] = c;
                    }
                }
            }
            for &d in &touched {
                score[d] += best[d];
                mask[d] |= 1 << i;
                best[d] = 0.0;
            }
            touched.clear();
            exact.push(cands.iter().filter(|c| c.1 >= 1.0).map(|c| c.0).collect());
        }
        for i in 1..words.len() {
            let both = 3u64 << (i - 1);
            for (d, doc) in self.docs.iter().enumerate() {
                if mask[d] & both != both {
                    continue;
                }
                let mut bonus = 0f32;
                for &a in &exact[i - 1] {
                    for &b in &exact[i] {
                        let key = u64::from(a) << 32 | u64::from(b);
                        if doc.pairs.binary_search(&key).is_ok() {
                            let idf = (self.idf[a as usize] + self.idf[b as usize]) / 2.0;
                            bonus = bonus.max(PHRASE_BONUS * idf);
                        }
                    }
                }
                score[d] += bonus;
            }
        }
        let all = words.is_empty();
        // One integer per hit, smallest first: relevance tier (best first),
        // then sub-flows last, then SOPs in force first, then the score (its
        // top 26 bits), then the catalogue's order (20 bits: a million SOPs).
        let mut ranked: Vec<u64> = Vec::new();
        for (d, doc) in self.docs.iter().enumerate() {
            let s = if doc.subflow {
                score[d] * SUBFLOW
            } else {
                score[d]
            };
            if !all && s <= 0.0 {
                continue;
            }
            let tier = if all {
                0
            } else {
                (s.ln() / TIER.ln()).floor() as i32
            };
            let later = !matches!(status_of(doc.from, doc.until, today), Status::InForce);
            let key = u64::from((0x7fff - tier.clamp(-0x7fff, 0x7fff)) as u16) << 48
                | u64::from(doc.subflow) << 47
                | u64::from(later) << 46
                | u64::from(0x03ff_ffff - (s.to_bits() >> 5)) << 20
                | (d as u64 & 0xf_ffff);
            ranked.push(key);
        }
        crate::small::heap_sort_by(&mut ranked, |a, b| a < b);
        let hits: Vec<Hit> = ranked
            .iter()
            .map(|&key| {
                let index = (key & 0xf_ffff) as usize;
                Hit {
                    index,
                    matched: mask[index],
                }
            })
            .collect();
        let suggest = if hits.is_empty() {
            self.suggest(&words)
        } else {
            Vec::new()
        };
        Found {
            hits,
            words: words.into_iter().map(|w| w.typed).collect(),
            suggest,
        }
    }

    /// Up to four of the catalogue's keywords closest to the query's words:
    /// a word of theirs within two edits, else sharing its first three
    /// letters or more; with none close, the first keywords. Only words with
    /// the same first letter are compared, which keeps this quick over a
    /// thousand SOPs' keywords.
    fn suggest(&self, words: &[Word]) -> Vec<String> {
        let mut best: Vec<(usize, u32)> = Vec::new();
        for w in words.iter().filter(|w| w.typed.len() >= 3) {
            let a = w.typed.as_bytes();
            for (k, at) in &self.keyword_words {
                let b = k.as_bytes();
                if b[0] != a[0] {
                    continue;
                }
                let shared = a.iter().zip(b).take_while(|(x, y)| x == y).count();
                let close = a.len().abs_diff(b.len()) <= 2 && a.len().max(b.len()) >= 4;
                let d = if close { distance(a, b) } else { usize::MAX };
                let s = if d <= 2 {
                    10 - 3 * d
                } else if shared >= 3 {
                    shared
                } else {
                    continue;
                };
                match best.iter_mut().find(|e| e.1 == *at) {
                    Some(e) => e.0 = e.0.max(s),
                    None => best.push((s, *at)),
                }
            }
        }
        crate::small::heap_sort_by(&mut best, |a, b| a.0 > b.0 || (a.0 == b.0 && a.1 < b.1));
        let mut out: Vec<String> = best
            .iter()
            .take(4)
            .map(|&(_, k)| self.keywords[k as usize].clone())
            .collect();
        if out.is_empty() {
            out = self.keywords.iter().take(4).cloned().collect();
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_edit_is_one_letter() {
        assert!(one_edit(b"tokopdia", b"tokopedia"));
        assert!(one_edit(b"voucer", b"voucher"));
        assert!(one_edit(b"pelangan", b"pelanggan"));
        assert!(
            one_edit(b"verfiikasi", b"verifikasi"),
            "two neighbours swapped"
        );
        assert!(one_edit(b"iconet", b"iconnet"));
        assert!(
            !one_edit(b"iconnet", b"iconnet"),
            "the same word is no typo"
        );
        assert!(!one_edit(b"internet", b"intranet"));
        assert!(!one_edit(b"daya", b"dayang"));
    }

    #[test]
    fn distance_counts_edits() {
        assert_eq!(distance(b"qwerty", b"qwerty"), 0);
        assert_eq!(distance(b"tambha", b"tambah"), 1);
        assert_eq!(distance(b"internt", b"internet"), 1);
        assert_eq!(distance(b"pulsa", b"pln"), 3);
    }
}
