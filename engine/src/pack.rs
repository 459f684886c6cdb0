//! SOP packs from a host: extra or updated SOPs, checked before they are used.
//! A pack is refused whole when any SOP in it, or the catalogue it would make,
//! fails the lint; the built-in SOPs then stay as they were.

use crate::lint::lint_catalog;
use crate::model::Catalog;

/// What a pack changed, for the notice on the start screen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Applied {
    /// SOP ids the pack added.
    pub added: Vec<String>,
    /// SOP ids the pack replaced, with the old and the new version.
    pub replaced: Vec<(String, String, String)>,
}

impl Applied {
    /// One Indonesian line for the CSO.
    pub fn summary(&self, source: &str) -> String {
        let mut parts = Vec::new();
        if !self.added.is_empty() {
            parts.push(format!("SOP baru: {}", self.added.join(", ")));
        }
        if !self.replaced.is_empty() {
            let list: Vec<String> = self
                .replaced
                .iter()
                .map(|(id, old, new)| format!("{id} (versi {old} → {new})"))
                .collect();
            parts.push(format!("SOP diperbarui: {}", list.join(", ")));
        }
        format!("Paket SOP dari {source} dipakai. {}.", parts.join("; "))
    }
}

/// Merge `pack` into `builtin`: a pack SOP with the id of a built-in replaces
/// it in place, others are added at the end. `Err` holds every reason to
/// refuse, one line each, naming the SOP and step.
pub fn merge(builtin: &Catalog, pack: Catalog) -> Result<(Catalog, Applied), Vec<String>> {
    if pack.sops.is_empty() {
        return Err(vec!["Paket SOP kosong: tidak ada SOP di dalamnya.".into()]);
    }
    let mut errors = Vec::new();
    for (i, sop) in pack.sops.iter().enumerate() {
        if sop.id.trim().is_empty() {
            errors.push(format!("SOP ke-{} dalam paket tidak punya `id`.", i + 1));
        } else if pack.sops[..i].iter().any(|s| s.id == sop.id) {
            errors.push(format!("SOP `{}` muncul dua kali dalam paket.", sop.id));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }

    let mut merged = builtin.clone();
    let mut applied = Applied::default();
    for sop in pack.sops {
        match merged.sops.iter_mut().find(|s| s.id == sop.id) {
            Some(old) => {
                applied
                    .replaced
                    .push((sop.id.clone(), old.version.clone(), sop.version.clone()));
                *old = sop;
            }
            None => {
                applied.added.push(sop.id.clone());
                merged.sops.push(sop);
            }
        }
    }
    let lint = lint_catalog(&merged);
    if !lint.is_empty() {
        return Err(lint.iter().map(ToString::to_string).collect());
    }
    Ok((merged, applied))
}
