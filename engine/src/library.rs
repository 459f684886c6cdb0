//! The catalogue as the widget carries it: every SOP's heading (what the
//! finder shows and searches) at start-up, each SOP's steps only when a call
//! needs them. With five SOPs this changes little; with a thousand it is the
//! difference between reading every step of every SOP before the finder
//! takes a key, and reading one.

use crate::model::{Catalog, Sop, StepKind};

/// One built-in SOP as the build embeds it: its heading (the SOP without
/// `start` and `step`) and the whole SOP, each a JSON text the one SOP
/// decoder (`codec::sop`) reads.
#[derive(Debug, Clone, Copy)]
pub struct Packed {
    pub head: &'static str,
    pub body: &'static str,
}

#[derive(Debug, Clone, Default)]
pub struct Library {
    /// Headings of all SOPs, with the steps of those loaded.
    catalog: Catalog,
    /// The whole SOPs still to read, by catalogue position.
    bodies: Vec<Option<&'static str>>,
}

impl Library {
    /// The built-in SOPs, headings read now and steps later.
    pub fn from_packed(packed: &[Packed]) -> Result<Library, String> {
        let sops = packed
            .iter()
            .map(|p| crate::json::from_text::<Sop>(p.head))
            .collect::<Result<Vec<Sop>, String>>()?;
        Ok(Library {
            catalog: Catalog { sops },
            bodies: packed.iter().map(|p| Some(p.body)).collect(),
        })
    }

    /// A catalogue read whole (a host's pack merged in): nothing left to load.
    pub fn from_catalog(catalog: Catalog) -> Library {
        Library {
            bodies: vec![None; catalog.sops.len()],
            catalog,
        }
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
    /// it never meets a step that is not there. A body that cannot be read
    /// stays unread (and the error comes again next time): an SOP is never
    /// marked loaded without its steps.
    pub fn load(&mut self, id: &str) -> Result<(), String> {
        let mut todo = vec![id.to_string()];
        while let Some(id) = todo.pop() {
            let i = self
                .position(&id)
                .ok_or_else(|| format!("SOP `{id}` tidak ditemukan."))?;
            let Some(body) = self.bodies[i] else {
                continue;
            };
            let sop = read_body(&self.catalog.sops[i], body)?;
            for s in &sop.steps {
                if let StepKind::Include { sop, .. } = &s.kind {
                    todo.push(sop.clone());
                }
            }
            self.catalog.sops[i] = sop;
            self.bodies[i] = None;
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
