//! Where the widget's SOPs come from: the build's index (`katalog.json`) as
//! the widget starts, requested together with the deployment's list of
//! published files (`terbitan.txt`, which may not exist); each published
//! file, and a host's pack, through `Library::publish_all` (checked with what
//! it includes, taken only at a higher version, refused alone with its
//! reasons while the rest of the catalogue loads); and an SOP's steps, with
//! those of the SOPs it includes, when a call opens it.
//!
//! Every address is relative to `assets`, where Pandu's own files are.

use crate::browser::net;
use crate::host::PackNotice;
use crate::state::AppCtx;
use leptos::prelude::GetValue;
use pandu_engine::contract::Origins;
use pandu_engine::json::{self, Json};
use pandu_engine::library::{self, Index, Library, Published};
use pandu_engine::{codec, Sop};

/// The catalogue the widget starts with, and what became of each published
/// file (or pack) on the way.
#[derive(Clone)]
pub struct Started {
    pub lib: Library,
    pub notices: Vec<PackNotice>,
}

/// The build's index, then the deployment's published files over it.
pub async fn start(assets: &str) -> Result<Started, String> {
    let index = net::fetch_started(&format!("{assets}{}", library::INDEX_FILE));
    let listed = net::fetch_started(&format!("{assets}{}", library::MANIFEST_FILE));
    let index = index
        .await
        .map_err(|e| format!("Katalog SOP tidak dapat diambil: {e}."))?
        .ok_or_else(|| {
            format!(
                "Katalog SOP ({}) tidak ada di samping aplikasi.",
                library::INDEX_FILE
            )
        })?;
    let index: Index =
        json::from_text(&index).map_err(|e| format!("Katalog SOP tidak terbaca: {e}."))?;
    let mut lib = Library::from_index(index);
    let mut notices = Vec::new();
    match listed.await {
        Ok(None) => {}
        Ok(Some(text)) => {
            let files = library::manifest(&text);
            // All requested at once, read in the manifest's order.
            let fetches: Vec<_> = files
                .iter()
                .map(|f| net::fetch_started(&format!("{assets}{f}")))
                .collect();
            for (file, fetch) in files.into_iter().zip(fetches) {
                let sops = match fetch.await {
                    Ok(Some(text)) => read_published(&text),
                    Ok(None) => Err("berkas tidak ada (404)".to_string()),
                    Err(e) => Err(e),
                };
                notices.extend(publish(&mut lib, assets, &file, sops).await);
            }
        }
        Err(e) => notices.push(PackNotice::Refused(
            library::MANIFEST_FILE.into(),
            vec![format!("daftar SOP terbitan tidak dapat diambil: {e}")],
        )),
    }
    Ok(Started { lib, notices })
}

/// A host's pack (`?sops=` or the `sops` mount option) over the catalogue:
/// the same origin or an allowed one only, each SOP published on its own.
pub async fn host_pack(
    lib: &mut Library,
    assets: &str,
    url: &str,
    origins: &Origins,
) -> Vec<PackNotice> {
    let refuse = |e: String| vec![PackNotice::Refused(url.to_string(), vec![e])];
    let (href, origin) = match net::resolve_url(url) {
        Ok(r) => r,
        Err(e) => return refuse(e),
    };
    if origin != net::own_origin() && !origins.allows(&origin) {
        return refuse(format!(
            "asal `{origin}` tidak ada dalam daftar origins yang diizinkan"
        ));
    }
    let sops = match net::fetch_text(&href).await {
        Ok(text) => read_published(&text),
        Err(e) => Err(e),
    };
    publish(lib, assets, url, sops).await
}

/// Fetch the steps a call of `id` needs (its own and those of the SOPs it
/// includes) into the widget's library, asking it again after each round
/// since a body read names what it includes.
pub async fn fetch_for(app: AppCtx, id: &str) -> Result<(), String> {
    let closed = || "Pandu sudah ditutup.".to_string();
    let assets = app.assets.get_value();
    loop {
        let missing = app.with_lib(|l| l.missing(id)).ok_or_else(closed)?;
        if missing.is_empty() {
            return Ok(());
        }
        for (sop, text) in fetch_bodies(&assets, missing).await? {
            app.with_lib(|l| l.insert_body(&sop, &text))
                .ok_or_else(closed)??;
        }
    }
}

/// Run `start` once SOP `id` can run: now when its steps are read, after
/// fetching them otherwise; a failure to fetch or to start goes to `failed`.
pub fn when_ready(
    app: AppCtx,
    id: &str,
    start: impl FnOnce() -> Result<(), String> + 'static,
    failed: impl FnOnce(String) + 'static,
) {
    if app.with_lib(|l| l.load(id).is_ok()).unwrap_or(false) {
        if let Err(e) = start() {
            failed(e);
        }
        return;
    }
    let id = id.to_string();
    leptos::task::spawn_local(async move {
        if let Err(e) = fetch_for(app, &id).await.and_then(|()| start()) {
            failed(e);
        }
    });
}

/// Each (SOP id, address) fetched, all requested at once: (SOP id, text).
async fn fetch_bodies(
    assets: &str,
    missing: Vec<(String, String)>,
) -> Result<Vec<(String, String)>, String> {
    let fetches: Vec<_> = missing
        .iter()
        .map(|(_, path)| net::fetch_started(&format!("{assets}{path}")))
        .collect();
    let mut out = Vec::new();
    for ((sop, path), fetch) in missing.into_iter().zip(fetches) {
        match fetch.await {
            Ok(Some(text)) => out.push((sop, text)),
            Ok(None) => return Err(format!("Isi SOP `{sop}` ({path}) tidak ada di server.")),
            Err(e) => {
                return Err(format!(
                    "Isi SOP `{sop}` tidak dapat diambil ({e}). Periksa jaringan, lalu coba lagi."
                ))
            }
        }
    }
    Ok(out)
}

/// A published file: one SOP as the studio and the build write it, or a
/// pack of several (`{"sops": [...]}`).
fn read_published(text: &str) -> Result<Vec<Sop>, String> {
    let j = Json::parse(text).map_err(|e| format!("bukan JSON yang valid: {e}"))?;
    if !matches!(j, Json::Obj(_)) {
        return Err("isinya bukan format SOP Pandu".into());
    }
    if j.get("sops").is_some() {
        let pack =
            codec::catalog(text).map_err(|e| format!("isinya bukan format SOP Pandu: {e}"))?;
        if pack.sops.is_empty() {
            return Err("tidak ada SOP di dalamnya".into());
        }
        return Ok(pack.sops);
    }
    if j.get("id").is_none() && j.get("step").is_none() {
        return Err("isinya bukan format SOP Pandu: kunci `sops` tidak ada".into());
    }
    codec::sop(&j)
        .map(|s| vec![s])
        .map_err(|e| format!("isinya bukan format SOP Pandu: {e}"))
}

/// Publish what a source gave, with the steps of the SOPs it includes
/// fetched first (the lint checks an SOP with them); what became of it as
/// at most two notices: what was taken, and every refusal.
async fn publish(
    lib: &mut Library,
    assets: &str,
    source: &str,
    sops: Result<Vec<Sop>, String>,
) -> Vec<PackNotice> {
    let sops = match sops {
        Ok(s) => s,
        Err(e) => return vec![PackNotice::Refused(source.to_string(), vec![e])],
    };
    // A body that cannot be fetched leaves the include unread: the SOP that
    // needs it is then refused, saying so.
    if let Ok(bodies) = fetch_bodies(assets, lib.missing_for(&sops)).await {
        for (id, text) in bodies {
            let _ = lib.insert_body(&id, &text);
        }
    }
    let results = lib.publish_all(source, sops);
    let mut notices = Vec::new();
    if let Some(summary) = library::summary(source, &results) {
        notices.push(PackNotice::Applied(summary));
    }
    let refused: Vec<String> = results
        .into_iter()
        .filter_map(|p| match p {
            Published::Refused { reasons, .. } => Some(reasons),
            _ => None,
        })
        .flatten()
        .collect();
    if !refused.is_empty() {
        notices.push(PackNotice::Refused(source.to_string(), refused));
    }
    notices
}
