//! After each build: `dist/sw.js`, the service worker that keeps this build's
//! files for offline use, and `dist/pandu-embed.js`, the script a host page
//! imports to get `Pandu.mount`. Both need the hashed file names of the
//! build, which only exist once trunk has run.

use std::path::Path;

/// A side bundle's wasm-bindgen script, wasm, and the stylesheets it has
/// that the widget's page does not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Side {
    pub js: String,
    pub wasm: String,
    pub css: Vec<String>,
}

/// The files of one build that the two scripts refer to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Build {
    pub js: String,
    pub wasm: String,
    pub css: String,
    /// Everything the app needs at start, for the offline cache.
    pub files: Vec<String>,
    /// Training's bundle (`dist/latihan/`), which `pandu-embed.js` loads
    /// for `mode: "latihan"` only.
    pub training: Option<Side>,
}

/// Read the names from `dist/` and write both scripts.
pub fn write(dist: &Path) -> Result<Build, String> {
    let mut names: Vec<String> = std::fs::read_dir(dist)
        .map_err(|e| format!("cannot read {}: {e}", dist.display()))?
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_file())
        .filter_map(|e| e.file_name().to_str().map(String::from))
        .collect();
    names.sort();
    let index = std::fs::read_to_string(dist.join("index.html"))
        .map_err(|e| format!("cannot read dist/index.html: {e}"))?;
    let manifest = std::fs::read_to_string(dist.join(MANIFEST)).ok();
    let mut build = find(&names, &index, manifest.as_deref())?;
    build.training = side_files(
        &dist.join(crate::bundle::TRAINING.public_url.trim_matches('/')),
        &names,
    );
    // The catalogue: its index and every body, named by content, so a call
    // opens offline on any SOP of this build.
    if dist.join("katalog").is_dir() {
        let mut bodies: Vec<String> = std::fs::read_dir(dist.join("katalog"))
            .map_err(|e| format!("cannot read dist/katalog: {e}"))?
            .filter_map(|e| e.ok())
            .filter_map(|e| e.file_name().to_str().map(|n| format!("./katalog/{n}")))
            .collect();
        bodies.sort();
        build.files.extend(bodies);
    }
    // The deployment's list of published SOPs: kept for offline, but always
    // asked of the network first (it changes without a build).
    if dist.join("terbitan.txt").is_file() {
        build.files.push("./terbitan.txt".into());
    }
    // Every byte cached goes into the cache's name: files without a hash in
    // their name (drills.json, katalog.json, the manifest, the icons) change
    // without renaming anything, and an unchanged name would keep the old ones.
    let mut contents = Vec::new();
    for f in &build.files {
        let path = dist.join(f.trim_start_matches("./"));
        if path.is_file() {
            contents.extend(
                std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?,
            );
        } else if f != "./" {
            return Err(format!(
                "dist/{} is to be cached but does not exist",
                f.trim_start_matches("./")
            ));
        }
    }
    std::fs::write(dist.join("sw.js"), service_worker(&build, &contents))
        .map_err(|e| format!("cannot write dist/sw.js: {e}"))?;
    std::fs::write(dist.join("pandu-embed.js"), embed_script(&build))
        .map_err(|e| format!("cannot write dist/pandu-embed.js: {e}"))?;
    Ok(build)
}

/// The web app manifest `index.html` links (`public/manifest.webmanifest`).
const MANIFEST: &str = "manifest.webmanifest";

fn find(names: &[String], index: &str, manifest: Option<&str>) -> Result<Build, String> {
    let one = |what: &str, pick: &dyn Fn(&str) -> bool| -> Result<String, String> {
        let found: Vec<&String> = names.iter().filter(|n| pick(n)).collect();
        match found.as_slice() {
            [one] => Ok((*one).clone()),
            _ => Err(format!(
                "dist/ should hold exactly one {what}, found {found:?}"
            )),
        }
    };
    let wasm = one("*_bg.wasm", &|n| n.ends_with("_bg.wasm"))?;
    let js = one("wasm-bindgen script", &|n| {
        n.ends_with(".js") && n.starts_with("pandu-") && wasm.starts_with(n.trim_end_matches(".js"))
    })?;
    let css = one("stylesheet", &|n| n.ends_with(".css"))?;
    // Only what index.html pulls in, plus the page itself: the demo pages
    // and the scripts written here stay out of the cache.
    let mut files = vec!["./".to_string(), "./index.html".to_string()];
    for n in names {
        let fetched = n == "drills.json" || n == "katalog.json";
        if (n != "index.html" && index.contains(n.as_str())) || *n == js || *n == wasm || fetched {
            let path = format!("./{n}");
            if !files.contains(&path) {
                files.push(path);
            }
        }
    }
    // An installed Pandu opened offline still shows its icon and name. The
    // worker installs after the page's `load`, so these never slow the first load.
    if let Some(manifest) = manifest.filter(|_| index.contains(MANIFEST)) {
        for icon in manifest_icons(manifest) {
            let path = format!("./{}", icon.trim_start_matches("./"));
            if !files.contains(&path) {
                files.push(path);
            }
        }
    }
    Ok(Build {
        js,
        wasm,
        css,
        files,
        training: None,
    })
}

/// A side bundle's files by name, if `dir` holds exactly one wasm and its
/// script; `widget` are the names of the widget's own `dist/` files.
fn side_files(dir: &Path, widget: &[String]) -> Option<Side> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok()?.file_name().to_str().map(String::from))
        .collect();
    names.sort();
    let wasm: Vec<&String> = names.iter().filter(|n| n.ends_with("_bg.wasm")).collect();
    let [wasm] = wasm.as_slice() else {
        return None;
    };
    let js = format!("{}.js", wasm.trim_end_matches("_bg.wasm"));
    let css = names
        .iter()
        .filter(|n| n.ends_with(".css") && !widget.contains(n))
        .cloned()
        .collect();
    names.contains(&js).then(|| Side {
        js,
        wasm: (*wasm).clone(),
        css,
    })
}

/// Every `"src"` of the manifest: its icons, relative to the manifest, which
/// sits beside `index.html`. Read by hand: the xtask is std only, and the
/// manifest is ours.
fn manifest_icons(manifest: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = manifest;
    while let Some(i) = rest.find("\"src\"") {
        rest = &rest[i + 5..];
        let value = rest.trim_start().strip_prefix(':').map(str::trim_start);
        if let Some(Some((src, _))) =
            value.map(|v| v.strip_prefix('"').and_then(|v| v.split_once('"')))
        {
            out.push(src.to_string());
        }
    }
    out
}

/// The cache is named after the build (its file names and their bytes), so
/// a new build replaces it.
fn service_worker(build: &Build, contents: &[u8]) -> String {
    let mut seed = build.files.join("\n").into_bytes();
    seed.extend_from_slice(contents);
    let version = format!("pandu-{:016x}", crate::loader::fnv1a(&seed));
    let files = build
        .files
        .iter()
        .map(|f| format!("  '{f}',"))
        .collect::<Vec<_>>()
        .join("\n");
    format!(
        r#"// Pandu's offline cache, written by `cargo xtask` after each build: a phone
// that loses signal can reload and keep working. The cache is named after the
// build; a new build installs a new cache and the old one is deleted. A new
// build takes over as soon as it is cached (skipWaiting), so an offline reload
// gets it; an open page is never reloaded for it: Pandu tells the CSO, who
// reloads between calls (src/browser/sw.rs).
const VERSION = '{version}';
const FILES = [
{files}
];
// Kept, but the network first: they change without a new build.
const FRESH = ['./terbitan.txt'];
// A page of this build that was never opened online, asked for offline.
const OFFLINE_PAGE = '<!doctype html><html lang="id"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Pandu · luring</title><p>Halaman ini belum pernah dibuka dengan koneksi, jadi belum tersimpan untuk dipakai tanpa koneksi. Sambungkan ke jaringan lalu muat ulang (F5). <a href="./">Kembali ke Pandu</a></p></html>';

self.addEventListener('install', (event) => {{
  // Past the HTTP cache: a file may keep its name across builds while its
  // bytes change (trunk names the wasm and its glue after cargo's output,
  // before wasm-opt and the glue step), and the cache must hold one build.
  const fresh = FILES.map((f) => new Request(f, {{ cache: 'reload' }}));
  event.waitUntil(
    caches.open(VERSION).then((cache) => cache.addAll(fresh)).then(() => self.skipWaiting()),
  );
}});

self.addEventListener('activate', (event) => {{
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith('pandu-') && k !== VERSION).map((k) => caches.delete(k))),
      )
      .then(() => self.clients.claim()),
  );
}});

self.addEventListener('fetch', (event) => {{
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  const href = request.url.split('?')[0];
  const same = (f) => new URL(f, self.location).href === href;
  if (request.mode === 'navigate') {{
    // The network first, so a new build shows at once; the kept page offline.
    // A page of its own bundle (training's latihan.html) is kept once opened
    // online; never opened, it says so offline instead of falling back to the
    // widget's page, whose `?mode=latihan` would send it back here.
    const precached = FILES.some(same);
    event.respondWith(
      fetch(request)
        .then((response) => {{
          if (response.ok && !precached) {{
            const copy = response.clone();
            caches.open(VERSION).then((cache) => cache.put(href, copy));
          }}
          return response;
        }})
        .catch(() =>
          caches.open(VERSION).then(async (cache) => {{
            if (precached) return cache.match(request, {{ ignoreSearch: true }});
            const kept = await cache.match(href);
            if (kept) return kept;
            if (!href.endsWith('.html')) return cache.match('./index.html');
            return new Response(OFFLINE_PAGE, {{ status: 503, headers: {{ 'Content-Type': 'text/html; charset=utf-8' }} }});
          }}),
        ),
    );
    return;
  }}
  const own = FILES.some(same) && !FRESH.some(same);
  if (own) {{
    // This build's files never change under their name: the cache first.
    event.respondWith(
      caches
        .open(VERSION)
        .then((cache) => cache.match(request, {{ ignoreSearch: true }}))
        .then((hit) => hit || fetch(request)),
    );
    return;
  }}
  // The rest (the deployment's published SOPs and their list, which change
  // without a new build): the network first, the last copy kept for offline.
  event.respondWith(
    fetch(request)
      .then((response) => {{
        if (response.ok) {{
          const copy = response.clone();
          caches.open(VERSION).then((cache) => cache.put(request, copy));
        }}
        return response;
      }})
      .catch(() =>
        caches.open(VERSION).then((cache) => cache.match(request, {{ ignoreSearch: true }})),
      ),
  );
}});
"#
    )
}

fn embed_script(build: &Build) -> String {
    let Build { js, wasm, css, .. } = build;
    let dir = crate::bundle::TRAINING.public_url.trim_matches('/');
    let training = match &build.training {
        Some(Side {
            js: tjs,
            wasm: twasm,
            css: tcss,
        }) => {
            let styles: Vec<String> = tcss
                .iter()
                .map(|c| format!("style('{dir}/{c}', 'data-pandu-training-style');\n    "))
                .collect();
            format!(
                "import(new URL('{dir}/{tjs}', base).href).then(async (m) => {{\n    \
                 {}await m.default({{ module_or_path: new URL('{dir}/{twasm}', base) }});\n    \
                 return m;\n  }})",
                styles.concat()
            )
        }
        None => "Promise.reject(new Error('build ini tanpa mode latihan'))".into(),
    };
    format!(
        r#"// Pandu for host consoles (docs/EMBEDDING.md), written by `cargo xtask`
// after each build. In the host page:
//   import {{ Pandu }} from 'https://pandu.example/pandu-embed.js';
//   const handle = Pandu.mount(panel, {{ origins: [location.origin], onEvent }});
const base = new URL('./', import.meta.url);
// A stylesheet of Pandu's, once per page.
const style = (href, mark) => {{
  if (document.querySelector(`link[${{mark}}]`)) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL(href, base).href;
  link.setAttribute(mark, '');
  document.head.append(link);
}};
style('{css}', 'data-pandu-style');
const live = await import(new URL('{js}', base).href);
await live.default({{ module_or_path: new URL('{wasm}', base) }});
// Training (`mode: "latihan"`) is a bundle of its own, loaded on first use:
// a live console never downloads it.
let training;
const trainingBundle = () =>
  (training ??= {training}.catch((e) => {{
    training = undefined;
    throw e;
  }}));
const held = new WeakMap();
const failed = (element, e) => {{
  console.error('Pandu: mode latihan', e);
  const p = document.createElement('p');
  p.className = 'pandu-boot';
  p.setAttribute('role', 'alert');
  p.textContent = `Mode latihan tidak dapat dimuat (${{e?.message ?? e}}). Muat ulang halaman (F5) atau laporkan kepada pengelola pelatihan.`;
  element.replaceChildren(p);
}};
// The handle stays the host's while the widget in the element changes
// bundle (the live widget's "Mode latihan" asks by a `pandu-mode` event).
function mount(element, options) {{
  if (held.has(element)) throw new Error('Pandu.mount: elemen ini sudah berisi Pandu; panggil unmount dulu.');
  const given = {{ assets: base.href, ...options }};
  let inner = null;
  let gone = false;
  const waiting = [];
  const start = (bundle, opts) => {{
    if (gone) return;
    inner = bundle.mount(element, opts);
    for (const m of waiting.splice(0)) inner.send(m);
  }};
  const toTraining = (opts) => trainingBundle().then((t) => start(t, opts), (e) => gone || failed(element, e));
  const onMode = (e) => {{
    if (e.detail !== 'latihan' || gone) return;
    // After the click that asked has finished in the live widget.
    setTimeout(() => {{
      inner?.unmount();
      inner = null;
      toTraining({{ ...given, mode: 'latihan' }});
    }});
  }};
  if (given.mode === 'latihan') toTraining(given);
  else start(live, given);
  element.addEventListener('pandu-mode', onMode);
  const handle = Object.freeze({{
    send: (message) => void (inner ? inner.send(message) : waiting.push(message)),
    unmount: () => {{
      if (gone) return false;
      gone = true;
      element.removeEventListener('pandu-mode', onMode);
      held.delete(element);
      const was = inner;
      inner = null;
      return was ? was.unmount() : true;
    }},
  }});
  held.set(element, handle);
  return handle;
}}
const unmount = (element) => held.get(element)?.unmount() ?? false;
export const Pandu = Object.freeze({{ mount, unmount, contract: 1 }});
window.Pandu = Pandu;
window.dispatchEvent(new CustomEvent('pandu-ready'));
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_build_files_are_found_and_only_they_are_cached() {
        let index = r#"<link rel="stylesheet" href="/pandu-1.css"><script type="module" src="/pandu-loader-2.js"></script><link rel="icon" href="/favicon.svg">"#;
        let b = find(
            &names(&[
                "drills.json",
                "favicon.svg",
                "index.html",
                "pandu-1.css",
                "pandu-9f.js",
                "pandu-9f_bg.wasm",
                "pandu-embed.js",
                "pandu-loader-2.js",
                "sw.js",
            ]),
            index,
            None,
        )
        .unwrap();
        assert_eq!(b.js, "pandu-9f.js");
        assert_eq!(b.wasm, "pandu-9f_bg.wasm");
        assert_eq!(b.css, "pandu-1.css");
        assert_eq!(
            b.files,
            names(&[
                "./",
                "./index.html",
                "./drills.json",
                "./favicon.svg",
                "./pandu-1.css",
                "./pandu-9f.js",
                "./pandu-9f_bg.wasm",
                "./pandu-loader-2.js",
            ])
        );
        let sw = service_worker(&b, index.as_bytes());
        assert!(sw.contains("  './pandu-9f_bg.wasm',\n"), "{sw}");
        assert!(!sw.contains("pandu-embed.js"));
        let version = |sw: &str| {
            sw.lines()
                .find(|l| l.starts_with("const VERSION = 'pandu-"))
                .map(String::from)
        };
        assert!(version(&sw).is_some(), "{sw}");
        assert_ne!(
            version(&sw),
            version(&service_worker(&b, b"<p>another build</p>")),
            "the cache name follows the build"
        );
        let embed = embed_script(&b);
        assert!(embed.contains("await import(new URL('pandu-9f.js', base).href);"));
        assert!(embed.contains("module_or_path: new URL('pandu-9f_bg.wasm', base)"));
        assert!(embed.contains("new Error('build ini tanpa mode latihan')"));
        let with_training = Build {
            training: Some(Side {
                js: "latihan-3.js".into(),
                wasm: "latihan-3_bg.wasm".into(),
                css: vec!["latihan-4.css".into()],
            }),
            ..b.clone()
        };
        let embed = embed_script(&with_training);
        assert!(embed.contains("style('latihan/latihan-4.css', 'data-pandu-training-style');"));
        assert!(embed.contains("import(new URL('latihan/latihan-3.js', base).href)"));
        assert!(embed.contains("module_or_path: new URL('latihan/latihan-3_bg.wasm', base)"));
    }

    #[test]
    fn trainings_files_are_its_wasm_its_script_and_the_styles_the_widget_lacks() {
        let dir = crate::scratch("side");
        for n in [
            "latihan-7.js",
            "latihan-7_bg.wasm",
            "pandu-1.css",
            "latihan-2.css",
            "pandu-loader-5.js",
        ] {
            std::fs::write(dir.join(n), n).unwrap();
        }
        assert_eq!(
            side_files(&dir, &names(&["index.html", "pandu-1.css"])),
            Some(Side {
                js: "latihan-7.js".into(),
                wasm: "latihan-7_bg.wasm".into(),
                css: names(&["latihan-2.css"]),
            })
        );
        std::fs::remove_file(dir.join("latihan-7.js")).unwrap();
        assert_eq!(side_files(&dir, &[]), None, "a wasm without its script");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_dist_without_a_wasm_is_an_error_not_a_guess() {
        let e = find(&names(&["index.html", "pandu-1.css"]), "", None).unwrap_err();
        assert!(
            e.starts_with("dist/ should hold exactly one *_bg.wasm"),
            "{e}"
        );
    }

    #[test]
    fn the_manifest_and_its_icons_are_cached_when_the_page_links_it() {
        let manifest = r#"{ "name": "Pandu", "icons": [
            { "src": "icons/icon-192.png", "sizes": "192x192" },
            {"src":"./icons/icon-maskable-512.png","purpose":"maskable"} ] }"#;
        assert_eq!(
            manifest_icons(manifest),
            names(&["icons/icon-192.png", "./icons/icon-maskable-512.png"])
        );
        let dist = names(&[
            "index.html",
            "manifest.webmanifest",
            "pandu-1.css",
            "pandu-9f.js",
            "pandu-9f_bg.wasm",
        ]);
        let linked = r#"<link rel="stylesheet" href="/pandu-1.css"><link rel="manifest" href="manifest.webmanifest">"#;
        let b = find(&dist, linked, Some(manifest)).unwrap();
        assert!(
            b.files.contains(&"./manifest.webmanifest".to_string()),
            "{:?}",
            b.files
        );
        assert_eq!(
            b.files[b.files.len() - 2..],
            names(&["./icons/icon-192.png", "./icons/icon-maskable-512.png"])
        );
        // A page that does not link it (a build without the manifest) caches neither.
        let b = find(
            &dist,
            r#"<link rel="stylesheet" href="/pandu-1.css">"#,
            Some(manifest),
        )
        .unwrap();
        assert!(
            !b.files
                .iter()
                .any(|f| f.contains("icon") || f.contains("manifest")),
            "{:?}",
            b.files
        );
    }

    #[test]
    fn a_changed_icon_renames_the_cache_though_no_file_name_changed() {
        let b = find(
            &names(&[
                "index.html",
                "pandu-1.css",
                "pandu-9f.js",
                "pandu-9f_bg.wasm",
            ]),
            "",
            None,
        )
        .unwrap();
        let first = service_worker(&b, b"icon bytes");
        let second = service_worker(&b, b"icon bytes, redrawn");
        assert_ne!(first, second);
        assert_eq!(
            first,
            service_worker(&b, b"icon bytes"),
            "the same build, the same cache"
        );
    }
}
