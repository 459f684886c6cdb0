// Pure helpers of the benchmark: statistics, the first-load file list, budgets and the table.
// No dependencies, so `node --test tests/bench/` runs them anywhere (stats.test.mjs).

/**
 * The p-th percentile (0 < p ≤ 100) by the nearest-rank method: the smallest sample with at
 * least p % of the samples at or below it. Always a value that was measured; for 15 runs the
 * 90th percentile is the 14th smallest, for 200 steps the 95th is the 190th.
 */
export function percentile(samples, p) {
  const xs = samples.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  if (!(p > 0 && p <= 100)) throw new Error(`percentile: p must be in (0, 100], not ${p}`);
  const rank = Math.ceil((p / 100) * xs.length);
  return xs[Math.min(xs.length, Math.max(1, rank)) - 1];
}

/** The median: the middle sample, or the mean of the two middle ones. */
export function median(samples) {
  const xs = samples.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const mid = xs.length >> 1;
  return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

/** n, min, median, p90, p95, max of the samples. */
export function summary(samples) {
  const xs = samples.filter((x) => Number.isFinite(x));
  return {
    n: xs.length,
    min: xs.length ? Math.min(...xs) : null,
    median: median(xs),
    p90: percentile(xs, 90),
    p95: percentile(xs, 95),
    max: xs.length ? Math.max(...xs) : null,
  };
}

/** Attribute values of every `<tag ...>` in an HTML text, quoted or not (trunk's minifier drops quotes). */
export function tags(html, tag) {
  const out = [];
  const re = new RegExp(`<${tag}\\b([^>]*)>`, 'gi');
  for (const m of html.matchAll(re)) {
    const attrs = {};
    const attrRe = /([^\s=/]+)(?:\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
    for (const a of m[1].matchAll(attrRe)) {
      attrs[a[1].toLowerCase()] = a[3] ?? a[4] ?? a[5] ?? '';
    }
    out.push(attrs);
  }
  return out;
}

/** A same-origin URL path of the page as a file name in dist (`/a.js` → `a.js`); null for others. */
function local(ref) {
  if (!ref || /^[a-z]+:|^\/\//i.test(ref)) return null;
  return ref.replace(/^\.?\//, '').split(/[?#]/)[0];
}

/**
 * The files a first load fetches, from the page and its loader script: the HTML, the scripts
 * and the stylesheets and preloads it links, and what the loader imports (the wasm-bindgen JS)
 * and instantiates (the wasm). Not the icon (`rel=icon`), not what the app fetches later
 * (drills.json in training mode, sw.js and its cache after start-up).
 * `readText(name)` returns a file's text. Returns [{ name, kind }], kind one of
 * html, loader, js, wasm, css.
 */
export function firstLoadFiles(html, readText, page = 'index.html') {
  const files = [{ name: page, kind: 'html' }];
  const add = (name, kind) => {
    if (name && !files.some((f) => f.name === name)) files.push({ name, kind });
  };
  const kindOf = (name) =>
    name.endsWith('.wasm') ? 'wasm' : name.endsWith('.css') ? 'css' : name.endsWith('.js') ? 'js' : 'other';
  for (const s of tags(html, 'script')) {
    const name = local(s.src);
    if (!name) continue;
    add(name, 'loader');
    const text = readText(name);
    for (const m of text.matchAll(/(?:from\s*|import\s*\(\s*|module_or_path:\s*)['"]([^'"]+)['"]/g)) {
      const dep = local(m[1]);
      if (dep) add(dep, kindOf(dep));
    }
  }
  for (const l of tags(html, 'link')) {
    const rel = (l.rel ?? '').toLowerCase().split(/\s+/);
    if (!rel.some((r) => ['stylesheet', 'modulepreload', 'preload'].includes(r))) continue;
    const name = local(l.href);
    if (name) add(name, kindOf(name));
  }
  return files;
}

/** `{ raw, gzip, brotli }` summed over `files` (each with those three sizes). */
export function total(files) {
  return files.reduce(
    (t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
}

/** A budget row: `{ name, widget, reference, budget, pass, note }`; `pass` null when unmeasured. */
export function row(name, widget, reference, budget, pass, note = '') {
  return { name, widget, reference, budget, pass: pass === null || pass === undefined ? null : !!pass, note };
}

/** The table as text: one line per row, columns padded; FAIL also for rows not measured. */
export function table(rows, headers = ['', 'widget', 'reference', 'budget', 'result']) {
  const cells = rows.map((r) => [
    r.name,
    String(r.widget ?? ''),
    String(r.reference ?? ''),
    String(r.budget ?? ''),
    r.budget === '' || r.budget === undefined ? '' : r.pass === true ? 'pass' : r.pass === false ? 'FAIL' : 'FAIL (not measured)',
  ]);
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) => `| ${c.map((x, i) => x.padEnd(widths[i])).join(' | ')} |`;
  return [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}

/** Bytes as `12,345 B (12.1 KB)`, KB = 1024 bytes. */
export function bytes(n) {
  if (n === null || n === undefined) return 'n/a';
  return `${n.toLocaleString('en-US')} B (${(n / 1024).toFixed(1)} KB)`;
}

/** Milliseconds with one decimal. */
export function ms(x) {
  return x === null || x === undefined ? 'n/a' : `${x.toFixed(1)} ms`;
}

/**
 * The key that moves the benchmark's walk on from a step: forward from the plan's first step
 * along `plan` (step id → { key } or { option }, in order) to the collect step `end`, then
 * Alt+← back step by step to the first, and again. `state.back` says which way the walk goes.
 * `at` is { id, kind, options } of the step shown. Returns { key, modifiers, expect }, with the
 * step id the key must lead to.
 */
export function walkMove(plan, end, at, state) {
  const ids = Object.keys(plan);
  if (at.id === end) state.back = true;
  if (at.id === ids[0]) state.back = false;
  const i = ids.indexOf(at.id);
  if (state.back) {
    const expect = at.id === end ? ids[ids.length - 1] : ids[i - 1];
    if (expect === undefined) throw new Error(`walk: no way back from \`${at.id}\``);
    return { key: 'ArrowLeft', modifiers: 'Alt', expect };
  }
  const move = plan[at.id];
  if (!move) throw new Error(`walk: step \`${at.id}\` (${at.kind}) is not on the walk`);
  const expect = i + 1 < ids.length ? ids[i + 1] : end;
  if (move.key) return { key: move.key, modifiers: '', expect };
  const n = at.options.indexOf(move.option) + 1;
  if (n < 1 || n > 9) {
    throw new Error(`walk: \`${at.id}\` has no option \`${move.option}\` under a digit (${at.options})`);
  }
  return { key: String(n), modifiers: '', expect };
}
