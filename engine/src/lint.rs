//! The SOP lint: everything that would strand a CSO mid-call, found before a
//! file ships. Runs at build time over `sops/`, in `cargo test`, and in the
//! browser over SOP packs from a host. Every error names the file and step.

use crate::model::{Catalog, Cond, FieldKind, Sop, Step, StepKind};
use crate::template::{self, BUILTINS, FILTERS, OPTIONAL_FILTERS, VAR_ARG_FILTERS};
use std::collections::{BTreeMap, BTreeSet};

/// One problem in one SOP file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LintError {
    pub file: String,
    pub sop: String,
    /// The step at fault; `None` for the SOP's header.
    pub step: Option<String>,
    pub message: String,
}

impl std::fmt::Display for LintError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.step {
            Some(step) => write!(
                f,
                "{}: SOP `{}`, langkah `{}`: {}",
                self.file, self.sop, step, self.message
            ),
            None => write!(f, "{}: SOP `{}`: {}", self.file, self.sop, self.message),
        }
    }
}

/// An SOP with the file it was read from.
#[derive(Debug, Clone)]
pub struct Source {
    pub file: String,
    pub sop: Sop,
}

/// Lint a catalogue whose SOPs have no file (a pack parsed in the browser): the id stands in.
pub fn lint_catalog(catalog: &Catalog) -> Vec<LintError> {
    let sources: Vec<Source> = catalog
        .sops
        .iter()
        .map(|s| Source {
            file: format!("{}.toml", s.id),
            sop: s.clone(),
        })
        .collect();
    lint(&sources)
}

/// Lint SOPs together (includes refer across files).
pub fn lint(sources: &[Source]) -> Vec<LintError> {
    let mut errors = Vec::new();
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for s in sources {
        if let Some(first) = seen.insert(&s.sop.id, &s.file) {
            errors.push(LintError {
                file: s.file.clone(),
                sop: s.sop.id.clone(),
                step: None,
                message: format!("id SOP `{}` sudah dipakai di {first}", s.sop.id),
            });
        }
    }
    let by_id: BTreeMap<&str, &Sop> =
        crate::small::map(sources.iter().map(|s| (s.sop.id.as_str(), &s.sop)));
    for s in sources {
        if let Some(step) = include_cycle(&s.sop, &by_id) {
            errors.push(LintError {
                file: s.file.clone(),
                sop: s.sop.id.clone(),
                step: Some(step),
                message: "`include` berputar: sub-alur ini akhirnya memanggil SOP ini lagi".into(),
            });
        }
    }
    let mut exports = Exports::default();
    for s in sources {
        let mut l = Linter {
            file: &s.file,
            sop: &s.sop,
            by_id: &by_id,
            errors: &mut errors,
        };
        l.run(&mut exports);
    }
    errors
}

/// What weakens the finder without stranding a CSO, reported and never
/// refused: a keyword that two SOPs share (the caller's word cannot tell
/// them apart), and, given the finder's evaluation set (`eval`, every
/// sentence of `*.eval.toml`), a keyword that none of its sentences uses.
/// Keywords are compared as the finder reads them (stemmed, spelling
/// variants and stop words aside), and a sentence uses a keyword when it has
/// all of its words.
pub fn warnings(sources: &[Source], eval: Option<&[&str]>) -> Vec<LintError> {
    use crate::search::normalize::words;
    let main_terms = |text: &str| -> Vec<String> {
        words(text)
            .into_iter()
            .map(|w| w.terms[0].clone())
            .collect()
    };
    let said: Vec<Vec<String>> = eval
        .unwrap_or_default()
        .iter()
        .map(|q| words(q).into_iter().flat_map(|w| w.terms).collect())
        .collect();
    let mut out = Vec::new();
    let mut seen: Vec<(Vec<String>, &str)> = Vec::new();
    for s in sources {
        let warn = |message: String| LintError {
            file: s.file.clone(),
            sop: s.sop.id.clone(),
            step: None,
            message,
        };
        let mut own: Vec<Vec<String>> = Vec::new();
        for k in &s.sop.keywords {
            let terms = main_terms(k);
            if terms.is_empty() || own.contains(&terms) {
                continue;
            }
            own.push(terms.clone());
            if let Some((_, other)) = seen.iter().find(|(t, _)| *t == terms) {
                out.push(warn(format!(
                    "kata kunci `{k}` juga dipakai SOP `{other}`: kata itu tidak membedakan keduanya"
                )));
            }
            if eval.is_some() && !said.iter().any(|q| terms.iter().all(|t| q.contains(t))) {
                out.push(warn(format!(
                    "kata kunci `{k}` tidak dipakai satu kalimat pun di uji pencarian (*.eval.toml)"
                )));
            }
        }
        for terms in own {
            seen.push((terms, &s.sop.id));
        }
    }
    out
}

/// What an SOP leaves set when it returns, for SOPs that include it.
#[derive(Default)]
struct Exports {
    /// Set on every way through to an outcome.
    definite: BTreeMap<String, BTreeSet<String>>,
    /// Set on some way (optional fields included).
    maybe: BTreeMap<String, BTreeSet<String>>,
}

struct Linter<'a> {
    file: &'a str,
    sop: &'a Sop,
    by_id: &'a BTreeMap<&'a str, &'a Sop>,
    errors: &'a mut Vec<LintError>,
}

impl Linter<'_> {
    fn err(&mut self, step: Option<&str>, message: impl Into<String>) {
        self.errors.push(LintError {
            file: self.file.to_string(),
            sop: self.sop.id.clone(),
            step: step.map(str::to_string),
            message: message.into(),
        });
    }

    fn run(&mut self, exports: &mut Exports) {
        let sop = self.sop;
        self.header();
        if sop.steps.is_empty() {
            self.err(None, "SOP tidak punya langkah (`[[step]]`)");
            return;
        }
        let mut ids = BTreeSet::new();
        for step in &sop.steps {
            if !ids.insert(step.id.as_str()) {
                self.err(Some(&step.id), "id langkah dipakai lebih dari sekali");
            }
        }
        if let Some(start) = &sop.start {
            if sop.step(start).is_none() {
                self.err(
                    None,
                    format!("`start` menunjuk langkah `{start}` yang tidak ada"),
                );
            }
        }
        for step in &sop.steps {
            self.step_shape(step);
        }
        self.graph();
        self.vars(exports);
    }

    fn header(&mut self) {
        let sop = self.sop;
        if sop.id.trim().is_empty() {
            self.err(None, "`id` kosong");
        } else if !sop
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            self.err(None, "`id` hanya boleh huruf kecil, angka dan tanda `-`");
        }
        if sop.title.trim().is_empty() {
            self.err(None, "`title` kosong");
        }
        if sop.version.trim().is_empty() {
            self.err(None, "`version` kosong");
        }
        let from = self.date_field(None, "effective_from", sop.effective_from.as_deref());
        let until = self.date_field(None, "effective_until", sop.effective_until.as_deref());
        if let (Some(f), Some(u)) = (from, until) {
            if f > u {
                self.err(
                    None,
                    format!("`effective_from` ({f}) jatuh setelah `effective_until` ({u})"),
                );
            }
        }
    }

    fn date_field(
        &mut self,
        step: Option<&str>,
        what: &str,
        value: Option<&str>,
    ) -> Option<chrono::NaiveDate> {
        let v = value?;
        let d = crate::dates::parse_iso(v);
        if d.is_none() {
            self.err(
                step,
                format!("`{what}` = \"{v}\" bukan tanggal yang valid (format YYYY-MM-DD)"),
            );
        }
        d
    }

    fn step_shape(&mut self, step: &Step) {
        let sop = self.sop;
        let id = Some(step.id.as_str());
        if step.clause.trim().is_empty() {
            self.err(
                id,
                "`clause` kosong: setiap langkah menyebut pasal SOP sumbernya",
            );
        } else if !step.clause.starts_with(sop.seed.as_str()) {
            self.err(
                id,
                format!(
                    "`clause` \"{}\" harus diawali nomor seed \"{}\"",
                    step.clause, sop.seed
                ),
            );
        }
        let check_ref = |l: &mut Self, what: &str, target: &str| {
            if sop.step(target).is_none() {
                l.err(
                    id,
                    format!("{what} menunjuk langkah `{target}` yang tidak ada"),
                );
            }
        };
        match &step.kind {
            StepKind::Ask { options, question } => {
                if question.trim().is_empty() {
                    self.err(id, "`question` kosong");
                }
                if options.is_empty() {
                    self.err(id, "langkah `ask` tanpa pilihan (`[[step.option]]`)");
                }
                let mut seen = BTreeSet::new();
                for o in options {
                    if !seen.insert(o.id.as_str()) {
                        self.err(
                            id,
                            format!("id pilihan `{}` dipakai lebih dari sekali", o.id),
                        );
                    }
                    check_ref(self, &format!("pilihan `{}`", o.id), &o.next);
                }
            }
            StepKind::Decide { rules, otherwise } => {
                for (i, r) in rules.iter().enumerate() {
                    check_ref(self, &format!("aturan ke-{}", i + 1), &r.next);
                    if r.all.is_empty() {
                        self.err(id, format!("aturan ke-{} tanpa syarat (`when`)", i + 1));
                    }
                    for c in &r.all {
                        self.cond_shape(step, c);
                    }
                }
                check_ref(self, "`otherwise`", otherwise);
            }
            StepKind::Collect { fields, .. } => {
                if fields.is_empty() {
                    self.err(id, "langkah `collect` tanpa isian (`[[step.field]]`)");
                }
                let mut seen = BTreeSet::new();
                for f in fields {
                    if !seen.insert(f.id.as_str()) {
                        self.err(id, format!("id isian `{}` dipakai lebih dari sekali", f.id));
                    }
                    if BUILTINS.contains(&f.id.as_str()) {
                        self.err(
                            id,
                            format!("id isian `{}` bentrok dengan data penelepon", f.id),
                        );
                    }
                    if f.kind == FieldKind::Select && f.options.is_empty() {
                        self.err(
                            id,
                            format!("isian `{}` bertipe select tanpa `options`", f.id),
                        );
                    }
                    self.date_field(id, &format!("{}.min", f.id), f.min.as_deref());
                    self.date_field(id, &format!("{}.max", f.id), f.max.as_deref());
                    let needs_against = matches!(
                        f.kind,
                        FieldKind::Invoice | FieldKind::AccountName | FieldKind::Power
                    );
                    if f.against.is_some() && !needs_against {
                        self.err(
                            id,
                            format!(
                                "isian `{}`: `against` hanya untuk invoice, account_name dan power",
                                f.id
                            ),
                        );
                    }
                }
            }
            StepKind::Include { sop: sub, .. } => {
                if sub == &sop.id {
                    self.err(id, "SOP memanggil dirinya sendiri");
                } else if !self.by_id.contains_key(sub.as_str()) {
                    self.err(id, format!("`include` menunjuk SOP `{sub}` yang tidak ada"));
                }
            }
            StepKind::Transfer { number, .. } => {
                if !number.chars().any(|c| c.is_ascii_digit()) {
                    self.err(id, "`number` transfer tidak berisi angka");
                }
            }
            StepKind::Outcome { tickets, .. } => {
                let mut seen = BTreeSet::new();
                for t in tickets {
                    if !seen.insert(t.system) {
                        self.err(
                            id,
                            format!("tiket `{}` ditulis lebih dari sekali", t.system.as_str()),
                        );
                    }
                    let mut names = BTreeSet::new();
                    for f in &t.fields {
                        if !names.insert(f.name.as_str()) {
                            self.err(
                                id,
                                format!(
                                    "kolom `{}` tiket `{}` ditulis lebih dari sekali",
                                    f.name,
                                    t.system.as_str()
                                ),
                            );
                        }
                    }
                }
            }
            StepKind::Say { .. } | StepKind::Escalate { .. } => {}
        }
        if let Some(explicit) = explicit_next(step) {
            check_ref(self, "`next`", explicit);
        }
        if !matches!(
            step.kind,
            StepKind::Ask { .. } | StepKind::Decide { .. } | StepKind::Outcome { .. }
        ) && sop.next_of(step).is_none()
        {
            self.err(
                id,
                "jalan buntu: langkah terakhir di berkas tanpa `next` dan bukan `outcome`",
            );
        }
    }

    fn cond_shape(&mut self, step: &Step, c: &Cond) {
        let id = Some(step.id.as_str());
        self.date_field(id, &format!("{}.from", c.var), c.from.as_deref());
        self.date_field(id, &format!("{}.until", c.var), c.until.as_deref());
        let any = c.eq.is_some()
            || c.ne.is_some()
            || !c.one_of.is_empty()
            || c.le.is_some()
            || c.ge.is_some()
            || c.from.is_some()
            || c.until.is_some()
            || c.set.is_some()
            || c.warned.is_some();
        if !any {
            self.err(id, format!("syarat pada `{}` tanpa pembanding", c.var));
        }
    }

    /// Unreachable steps, dead ends and cycles with no way out.
    fn graph(&mut self) {
        let sop = self.sop;
        let Some(start) = sop.start_id() else { return };
        let succ = |s: &Step| -> Vec<usize> {
            sop.successors(s)
                .iter()
                .filter_map(|n| sop.step_index(n))
                .collect()
        };
        let n = sop.steps.len();
        let mut reach = vec![false; n];
        let mut stack: Vec<usize> = sop.step_index(start).into_iter().collect();
        while let Some(i) = stack.pop() {
            if std::mem::replace(&mut reach[i], true) {
                continue;
            }
            stack.extend(succ(&sop.steps[i]));
        }
        // Which steps can still get to an outcome: walk the edges backwards.
        let mut preds: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (i, s) in sop.steps.iter().enumerate() {
            for j in succ(s) {
                preds[j].push(i);
            }
        }
        let mut live = vec![false; n];
        let mut stack: Vec<usize> = (0..n)
            .filter(|&i| matches!(sop.steps[i].kind, StepKind::Outcome { .. }))
            .collect();
        if stack.is_empty() {
            self.err(
                None,
                "SOP tidak punya langkah `outcome`: panggilan tidak pernah selesai",
            );
        }
        while let Some(i) = stack.pop() {
            if std::mem::replace(&mut live[i], true) {
                continue;
            }
            stack.extend(preds[i].iter().copied());
        }
        for i in 0..n {
            let id = Some(sop.steps[i].id.as_str());
            if !reach[i] {
                self.err(id, "tidak dapat dicapai dari langkah awal");
            } else if !live[i] {
                let on_cycle = reaches(&succ, sop, i, i);
                self.err(
                    id,
                    if on_cycle {
                        "siklus tanpa jalan keluar: dari sini tidak ada jalan ke `outcome`"
                    } else {
                        "jalan buntu: dari sini tidak ada jalan ke `outcome`"
                    },
                );
            }
        }
    }

    /// Placeholders and decide variables: known, and set on every path that reaches them.
    fn vars(&mut self, exports: &mut Exports) {
        let sop = self.sop;
        let mut visiting = BTreeSet::new();
        let (definite_at, maybe) = flow_vars(sop, self.by_id, exports, &mut visiting);
        for step in &sop.steps {
            let Some(have) = definite_at.get(step.id.as_str()) else {
                continue; // unreachable: reported already
            };
            for (what, t, optional) in templates_of(step) {
                match template::placeholders(t) {
                    Err(e) => self.err(Some(&step.id), format!("{what}: {e}")),
                    Ok(ps) => {
                        for (name, filter) in ps {
                            if let Some(f) = filter {
                                let (fname, arg) = template::split_filter(f);
                                let var_arg = arg.filter(|_| VAR_ARG_FILTERS.contains(&fname));
                                if let Some(a) = var_arg {
                                    if !maybe.contains(a) && !BUILTINS.contains(&a) {
                                        self.err(
                                            Some(&step.id),
                                            format!(
                                                "{what}: filter `{f}` memakai variabel `{a}` yang tidak pernah diisi"
                                            ),
                                        );
                                    }
                                }
                                if !FILTERS.contains(&fname) {
                                    self.err(
                                        Some(&step.id),
                                        format!(
                                            "{what}: filter `{f}` tidak dikenal (yang ada: {})",
                                            FILTERS.join(", ")
                                        ),
                                    );
                                }
                            }
                            if BUILTINS.contains(&name) {
                                continue;
                            }
                            if !maybe.contains(name) {
                                self.err(
                                    Some(&step.id),
                                    format!("{what}: placeholder `{{{name}}}` tidak dikenal"),
                                );
                            } else if !optional
                                && !have.contains(name)
                                && !filter.is_some_and(|f| {
                                    OPTIONAL_FILTERS.contains(&template::split_filter(f).0)
                                })
                            {
                                self.err(
                                    Some(&step.id),
                                    format!(
                                        "{what}: placeholder `{{{name}}}` belum tentu terisi di setiap jalur menuju langkah ini"
                                    ),
                                );
                            }
                        }
                    }
                }
            }
            if let StepKind::Decide { rules, .. } = &step.kind {
                for c in rules.iter().flat_map(|r| &r.all) {
                    if !maybe.contains(c.var.as_str()) && !BUILTINS.contains(&c.var.as_str()) {
                        self.err(
                            Some(&step.id),
                            format!(
                                "syarat memakai variabel `{}` yang tidak pernah diisi",
                                c.var
                            ),
                        );
                    }
                }
            }
            if let StepKind::Include {
                sop: sub, prefill, ..
            } = &step.kind
            {
                if let Some(child) = self.by_id.get(sub.as_str()) {
                    for a in prefill {
                        let is_field = child.steps.iter().any(|s| {
                            matches!(&s.kind, StepKind::Collect { fields, .. }
                                if fields.iter().any(|f| f.id == a.var))
                        });
                        if !is_field {
                            self.err(
                                Some(&step.id),
                                format!(
                                    "prefill `{}`: SOP `{sub}` tidak punya isian dengan id itu",
                                    a.var
                                ),
                            );
                        }
                    }
                }
            }
            if let StepKind::Collect { fields, .. } = &step.kind {
                for f in fields {
                    if let Some(a) = &f.against {
                        let same_step = fields.iter().any(|g| &g.id == a);
                        if !same_step && !maybe.contains(a.as_str()) {
                            self.err(
                                Some(&step.id),
                                format!(
                                    "isian `{}`: `against` menunjuk `{a}` yang tidak pernah diisi",
                                    f.id
                                ),
                            );
                        }
                    }
                }
            }
        }
    }
}

/// The include step of `sop` through which `sop` ends up including itself.
fn include_cycle(sop: &Sop, by_id: &BTreeMap<&str, &Sop>) -> Option<String> {
    fn includes(s: &Sop) -> impl Iterator<Item = (&str, &str)> {
        s.steps.iter().filter_map(|st| match &st.kind {
            StepKind::Include { sop, .. } => Some((st.id.as_str(), sop.as_str())),
            _ => None,
        })
    }
    for (step, first) in includes(sop) {
        let mut seen = BTreeSet::new();
        let mut stack = vec![first];
        while let Some(id) = stack.pop() {
            if id == sop.id {
                // Including oneself directly is reported on its own.
                return (first != sop.id).then(|| step.to_string());
            }
            if seen.insert(id) {
                if let Some(s) = by_id.get(id) {
                    stack.extend(includes(s).map(|(_, to)| to));
                }
            }
        }
    }
    None
}

fn explicit_next(step: &Step) -> Option<&str> {
    match &step.kind {
        StepKind::Say { next }
        | StepKind::Collect { next, .. }
        | StepKind::Include { next, .. }
        | StepKind::Transfer { next, .. }
        | StepKind::Escalate { next, .. } => next.as_deref(),
        _ => None,
    }
}

/// Whether `to` can be reached from `from` in one or more steps.
fn reaches(succ: &dyn Fn(&Step) -> Vec<usize>, sop: &Sop, from: usize, to: usize) -> bool {
    let mut seen = vec![false; sop.steps.len()];
    let mut stack = succ(&sop.steps[from]);
    while let Some(i) = stack.pop() {
        if i == to {
            return true;
        }
        if !std::mem::replace(&mut seen[i], true) {
            stack.extend(succ(&sop.steps[i]));
        }
    }
    false
}

/// Every template of a step: (what, text, whether an unset variable is allowed).
fn templates_of(step: &Step) -> Vec<(String, &str, bool)> {
    let mut out: Vec<(String, &str, bool)> = Vec::new();
    for (i, l) in step.say.iter().enumerate() {
        out.push((format!("say[{}]", i + 1), &l.text, false));
    }
    for (i, l) in step.todo.iter().enumerate() {
        out.push((format!("do[{}]", i + 1), l, false));
    }
    match &step.kind {
        StepKind::Ask { question, options } => {
            out.push(("question".into(), question, false));
            for o in options {
                out.push((format!("pilihan `{}`", o.id), &o.label, false));
                for a in &o.set {
                    out.push((
                        format!("pilihan `{}` set `{}`", o.id, a.var),
                        &a.value,
                        false,
                    ));
                }
            }
        }
        StepKind::Collect { fields, .. } => {
            for f in fields {
                out.push((format!("isian `{}` label", f.id), &f.label, false));
                // A prefill may use a value that is not there yet: the field then starts empty.
                out.push((format!("isian `{}` prefill", f.id), &f.prefill, true));
            }
        }
        StepKind::Transfer { destination, .. } => {
            out.push(("destination".into(), destination, false));
        }
        StepKind::Escalate { reason, .. } => out.push(("reason".into(), reason, false)),
        // A prefill whose value is not there yet is left out.
        StepKind::Include { prefill, .. } => {
            for a in prefill {
                out.push((format!("prefill `{}`", a.var), &a.value, true));
            }
        }
        StepKind::Outcome {
            summary,
            tickets,
            closing,
        } => {
            out.push(("summary".into(), summary, false));
            for (i, l) in closing.iter().enumerate() {
                out.push((format!("closing[{}]", i + 1), &l.text, false));
            }
            for t in tickets {
                for f in &t.fields {
                    out.push((
                        format!("tiket `{}` kolom `{}`", t.system.as_str(), f.name),
                        &f.value,
                        f.optional,
                    ));
                }
            }
        }
        StepKind::Say { .. } | StepKind::Decide { .. } => {}
    }
    out
}

/// For each reachable step, the variables set on every path that reaches it,
/// and the set of all variables the SOP may set.
fn flow_vars<'s>(
    sop: &'s Sop,
    by_id: &BTreeMap<&str, &Sop>,
    exports: &mut Exports,
    visiting: &mut BTreeSet<String>,
) -> (BTreeMap<&'s str, BTreeSet<String>>, BTreeSet<String>) {
    visiting.insert(sop.id.clone());
    // Variables any step may set, to tell "unknown" from "not always set".
    let mut maybe: BTreeSet<String> = BTreeSet::new();
    for step in &sop.steps {
        match &step.kind {
            StepKind::Collect { fields, .. } => maybe.extend(fields.iter().map(|f| f.id.clone())),
            StepKind::Ask { options, .. } => maybe.extend(
                options
                    .iter()
                    .flat_map(|o| o.set.iter().map(|a| a.var.clone())),
            ),
            StepKind::Include { sop: sub, .. } => {
                sub_exports(sub, by_id, exports, visiting);
                if let Some(m) = exports.maybe.get(sub) {
                    maybe.extend(m.iter().cloned());
                }
            }
            _ => {}
        }
    }
    let mut at: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    let Some(start) = sop.start_id() else {
        visiting.remove(&sop.id);
        return (at, maybe);
    };
    at.insert(start, BTreeSet::new());
    let mut work = vec![start.to_string()];
    while let Some(id) = work.pop() {
        let Some(step) = sop.step(&id) else { continue };
        let have = at[step.id.as_str()].clone();
        let mut edges: Vec<(String, BTreeSet<String>)> = Vec::new();
        match &step.kind {
            StepKind::Ask { options, .. } => {
                for o in options {
                    let mut out = have.clone();
                    out.extend(o.set.iter().map(|a| a.var.clone()));
                    edges.push((o.next.clone(), out));
                }
            }
            StepKind::Collect { fields, .. } => {
                let mut out = have.clone();
                out.extend(fields.iter().filter(|f| f.required).map(|f| f.id.clone()));
                edges.extend(sop.next_of(step).map(|n| (n, out)));
            }
            StepKind::Include { sop: sub, .. } => {
                let mut out = have.clone();
                if let Some(d) = exports.definite.get(sub) {
                    out.extend(d.iter().cloned());
                }
                edges.extend(sop.next_of(step).map(|n| (n, out)));
            }
            _ => {
                for n in sop.successors(step) {
                    edges.push((n, have.clone()));
                }
            }
        }
        for (next, out) in edges {
            let Some(target) = sop.step(&next) else {
                continue;
            };
            let key = target.id.as_str();
            match at.get_mut(key) {
                None => {
                    at.insert(key, out);
                    work.push(next);
                }
                Some(cur) => {
                    let meet: BTreeSet<String> = crate::small::set(cur.intersection(&out).cloned());
                    if meet.len() != cur.len() {
                        *cur = meet;
                        work.push(next);
                    }
                }
            }
        }
    }
    // What this SOP leaves set when it returns to an SOP that includes it.
    let mut definite: Option<BTreeSet<String>> = None;
    for step in &sop.steps {
        if let (StepKind::Outcome { .. }, Some(have)) = (&step.kind, at.get(step.id.as_str())) {
            definite = Some(match definite {
                None => have.clone(),
                Some(d) => d.intersection(have).cloned().collect(),
            });
        }
    }
    exports
        .definite
        .insert(sop.id.clone(), definite.unwrap_or_default());
    exports.maybe.insert(sop.id.clone(), maybe.clone());
    visiting.remove(&sop.id);
    (at, maybe)
}

fn sub_exports(
    sub: &str,
    by_id: &BTreeMap<&str, &Sop>,
    exports: &mut Exports,
    visiting: &mut BTreeSet<String>,
) {
    if exports.definite.contains_key(sub) || visiting.contains(sub) {
        return;
    }
    if let Some(s) = by_id.get(sub) {
        flow_vars(s, by_id, exports, visiting);
    }
}
