//! After each build: `dist/sw.js`, the service worker that keeps this build's
//! files for offline use, and `dist/pandu-embed.js`, the script a host page
//! imports to get `Pandu.mount`. Both need the hashed file names of the
//! build, which only exist once trunk has run.

use std::path::Path;

/// The files of one build that the two scripts refer to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Build {
    pub js: String,
    pub wasm: String,
    pub css: String,
    /// Everything the app needs at start, for the offline cache.
    pub files: Vec<String>,
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
    let mut build = find(&names, &index)?;
    // The catalogue: its index and every body, named by content, so a call
    // opens offline on any SOP of this build.
    let mut seed = index.clone();
    if let Ok(text) = std::fs::read_to_string(dist.join("katalog.json")) {
        seed.push_str(&text);
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
    std::fs::write(dist.join("sw.js"), service_worker(&build, &seed))
        .map_err(|e| format!("cannot write dist/sw.js: {e}"))?;
    std::fs::write(dist.join("pandu-embed.js"), embed_script(&build))
        .map_err(|e| format!("cannot write dist/pandu-embed.js: {e}"))?;
    Ok(build)
}

fn find(names: &[String], index: &str) -> Result<Build, String> {
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
    Ok(Build {
        js,
        wasm,
        css,
        files,
    })
}

/// The cache is named after the build, so a new build replaces it.
fn service_worker(build: &Build, index: &str) -> String {
    let mut seed = build.files.join("\n");
    seed.push_str(index);
    let version = format!("pandu-{:016x}", crate::loader::fnv1a(seed.as_bytes()));
    let files = build
        .files
        .iter()
        .map(|f| format!("  '{f}',"))
        .collect::<Vec<_>>()
        .join("\n");
    format!(
        r#"// Pandu's offline cache, written by `cargo xtask` after each build: a phone
// that loses signal can reload and keep working. The cache is named after the
// build; a new build installs a new cache and the old one is deleted.
const VERSION = '{version}';
const FILES = [
{files}
];
// Kept, but the network first: they change without a new build.
const FRESH = ['./terbitan.txt'];

self.addEventListener('install', (event) => {{
  event.waitUntil(
    caches.open(VERSION).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()),
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
  if (request.mode === 'navigate') {{
    // The network first, so a new build shows at once; the kept page offline.
    event.respondWith(
      fetch(request).catch(() =>
        caches.open(VERSION).then((cache) => cache.match('./index.html')),
      ),
    );
    return;
  }}
  const href = request.url.split('?')[0];
  const same = (f) => new URL(f, self.location).href === href;
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
    format!(
        r#"// Pandu for host consoles (docs/EMBEDDING.md), written by `cargo xtask`
// after each build. In the host page:
//   import {{ Pandu }} from 'https://pandu.example/pandu-embed.js';
//   const handle = Pandu.mount(panel, {{ origins: [location.origin], onEvent }});
const base = new URL('./', import.meta.url);
if (!document.querySelector('link[data-pandu-style]')) {{
  const style = document.createElement('link');
  style.rel = 'stylesheet';
  style.href = new URL('{css}', base).href;
  style.setAttribute('data-pandu-style', '');
  document.head.append(style);
}}
const wasm = await import(new URL('{js}', base).href);
await wasm.default({{ module_or_path: new URL('{wasm}', base) }});
// `assets`: where Pandu's files are (the drills training mode fetches).
const mount = (element, options) => wasm.mount(element, {{ assets: base.href, ...options }});
export const Pandu = Object.freeze({{ mount, unmount: wasm.unmount, contract: 1 }});
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
        let sw = service_worker(&b, index);
        assert!(sw.contains("  './pandu-9f_bg.wasm',\n"), "{sw}");
        assert!(!sw.contains("pandu-embed.js"));
        let other = service_worker(&b, "<p>another build</p>");
        assert_ne!(
            sw.lines().nth(3),
            other.lines().nth(3),
            "the cache name follows the build"
        );
        let embed = embed_script(&b);
        assert!(embed.contains("await import(new URL('pandu-9f.js', base).href);"));
        assert!(embed.contains("module_or_path: new URL('pandu-9f_bg.wasm', base)"));
    }

    #[test]
    fn a_dist_without_a_wasm_is_an_error_not_a_guess() {
        let e = find(&names(&["index.html", "pandu-1.css"]), "").unwrap_err();
        assert!(
            e.starts_with("dist/ should hold exactly one *_bg.wasm"),
            "{e}"
        );
    }
}
