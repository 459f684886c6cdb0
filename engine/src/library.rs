//! The catalogue as the widget carries it: every SOP's heading (what the
//! finder shows and searches) at start-up, each SOP's steps only when a call
//! needs them. With five SOPs this changes little; with a thousand it is the
//! difference between reading every step of every SOP before the finder
//! takes a key, and reading one.

use crate::json::{Json, Obj};
use crate::model::{Catalog, Sop, StepKind};
use crate::search::Prepared;

/// One built-in SOP as the build embeds it: the heading (every key but
/// `start` and `step`) and the steps, each a JSON object, and the finder's
/// words read from the whole SOP (`search::Prepared`), which the steps are
/// not there at start-up to give.
#[derive(Debug, Clone, Copy)]
pub struct Packed {
    pub head: &'static str,
    pub body: &'static str,
    pub terms: &'static str,
}

/// The keys of a packed body.
pub const BODY_KEYS: &[&str] = &["start", "step"];

#[derive(Debug, Clone, Default)]
pub struct Library {
    /// Headings of all SOPs, with the steps of those loaded.
    catalog: Catalog,
    /// The steps still to read, by catalogue position.
    bodies: Vec<Option<&'static str>>,
    /// The finder's words of each built-in SOP; empty for a catalogue read whole.
    prepared: Vec<Prepared>,
}

impl Library {
    /// The built-in SOPs, headings read now and steps later.
    pub fn from_packed(packed: &[Packed]) -> Result<Library, String> {
        let sops = packed
            .iter()
            .map(|p| crate::json::from_text::<Sop>(p.head))
            .collect::<Result<Vec<Sop>, String>>()?;
        let prepared = packed
            .iter()
            .map(|p| crate::json::from_text::<Prepared>(p.terms))
            .collect::<Result<Vec<Prepared>, String>>()?;
        Ok(Library {
            catalog: Catalog { sops },
            bodies: packed.iter().map(|p| Some(p.body)).collect(),
            prepared,
        })
    }

    /// A catalogue read whole (a host's pack merged in): nothing left to load.
    pub fn from_catalog(catalog: Catalog) -> Library {
        Library {
            bodies: vec![None; catalog.sops.len()],
            catalog,
            prepared: Vec::new(),
        }
    }

    /// The finder's words of each SOP as the build prepared them (empty for
    /// a catalogue read whole: `search::Index::build` reads those itself).
    pub fn prepared(&self) -> &[Prepared] {
        &self.prepared
    }

    /// Every SOP; those not loaded yet have no steps.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    pub fn is_loaded(&self, id: &str) -> bool {
        self.position(id)
            .is_some_and(|i| self.bodies.get(i).is_some_and(Option::is_none))
    }

    fn position(&self, id: &str) -> Option<usize> {
        self.catalog.sops.iter().position(|s| s.id == id)
    }

    /// Read the steps of `id` and of every SOP it includes, so a call through
    /// it never meets a step that is not there.
    pub fn load(&mut self, id: &str) -> Result<(), String> {
        let mut todo = vec![id.to_string()];
        while let Some(id) = todo.pop() {
            let i = self
                .position(&id)
                .ok_or_else(|| format!("SOP `{id}` tidak ditemukan."))?;
            let Some(body) = self.bodies[i].take() else {
                continue;
            };
            let sop = &mut self.catalog.sops[i];
            read_body(sop, body).map_err(|e| format!("SOP `{id}`: {e}"))?;
            for s in &sop.steps {
                if let StepKind::Include { sop, .. } = &s.kind {
                    todo.push(sop.clone());
                }
            }
        }
        Ok(())
    }

    /// Read everything (before a pack is merged and linted with the rest).
    pub fn load_all(&mut self) -> Result<&Catalog, String> {
        for i in 0..self.catalog.sops.len() {
            let id = self.catalog.sops[i].id.clone();
            self.load(&id)?;
        }
        Ok(&self.catalog)
    }
}

fn read_body(sop: &mut Sop, body: &str) -> Result<(), String> {
    let j = Json::parse(body)?;
    let o = Obj::of(&j)?;
    if let Some(k) = o.unknown(BODY_KEYS) {
        return Err(format!("kunci `{k}` tidak dikenal"));
    }
    sop.start = o.opt("start")?;
    sop.steps = o.opt("step")?;
    Ok(())
}
