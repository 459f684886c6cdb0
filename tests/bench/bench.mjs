// Pandu's performance benchmark, run by `cargo xtask bench` (which builds the three dists and
// sets the paths below). Measures, against the budgets:
//   sizes        wasm, JS, CSS, HTML and the first-load total, raw / gzip -9 / brotli -q 11;
//   ready        time to `performance.mark('pandu-ready')`, widget vs the reference counter,
//                fresh browser context per run, alternating, at 1x and 4x CPU throttling;
//   steps        step transitions from real keys (CDP Input.dispatchKeyEvent): keydown →
//                the new step in the DOM ("app work") → the next paint;
//   repeat       time to ready on a second visit in the same context (HTTP cache and the
//                service worker warm), widget vs reference, alternating;
//   memory       JS heap and wasm linear memory after load and after 500 transitions;
//   search       the widget with 1,000 SOPs: bundle growth, time to ready, keydown → the
//                finder's list updated → painted, per keystroke;
//   lighthouse   mobile (its defaults), performance and accessibility.
// Prints a table and writes it as JSON (PANDU_BENCH_OUT). With --check it exits 1 when a
// budget is missed; without, 0 once the table is printed.
//
// Environment: PANDU_BENCH_WIDGET, PANDU_BENCH_REFERENCE, PANDU_BENCH_WIDGET_1000 (dist
// directories), PANDU_BENCH_OUT (the JSON), PANDU_CHROMIUM (default /usr/bin/chromium), and
// for quick tries PANDU_BENCH_RUNS (15), PANDU_BENCH_STEPS (200), PANDU_BENCH_MEMORY_STEPS
// (500), PANDU_BENCH_LIGHTHOUSE=0 (skip it: the budget then counts as missed).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

import { CHROMIUM_ARGS, IGNORED_ERRORS } from '../browser/lib.mjs';
import { brotli, gzip, serve } from './server.mjs';
import { bytes, firstLoadFiles, median, ms, percentile, row, summary, table, total, walkMove } from './stats.mjs';

const CHECK = process.argv.includes('--check');
const env = (name, fallback) => process.env[name] || fallback;
const count = (name, fallback, min = 1) => {
  const n = Number(env(name, fallback));
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number ≥ ${min}, not ${process.env[name]}`);
  return n;
};
const DIST = {
  widget: env('PANDU_BENCH_WIDGET', 'dist'),
  reference: env('PANDU_BENCH_REFERENCE', 'target/bench/reference-dist'),
  widget1000: env('PANDU_BENCH_WIDGET_1000', 'target/bench/dist-1000'),
};
const OUT = env('PANDU_BENCH_OUT', 'target/bench/bench.json');
const CHROMIUM = env('PANDU_CHROMIUM', '/usr/bin/chromium');
const SOPS = count('PANDU_BENCH_SOPS', '1000');
const RUNS = count('PANDU_BENCH_RUNS', '15');
const STEPS = count('PANDU_BENCH_STEPS', '200');
const MEMORY_STEPS = count('PANDU_BENCH_MEMORY_STEPS', '500');
const LIGHTHOUSE = env('PANDU_BENCH_LIGHTHOUSE', '1') !== '0';
/** For quick tries: only these sections (comma-separated: sizes,ready,repeat,steps,memory,search,lighthouse). */
const ONLY = env('PANDU_BENCH_ONLY', '').split(',').filter(Boolean);
const TIMEOUT_MS = 60_000;

const KB = 1024;
const MB = 1024 * 1024;
// The budgets of "Performance, round two" (BENCHMARKS.md says why each number).
const BUDGET = {
  firstLoadGzip: 190 * KB,
  firstLoadStretch: 150 * KB,
  // The live first load before the catalogue became data (`dec2c2e`, BENCHMARKS.md): the
  // SOPs-as-data work promised the CSO's first load would not grow past it.
  firstLoadBeforeData: 340948,
  readyRatio: 1.5,
  repeatRatio: 1.2,
  stepWorkP95: 2,
  memoryGrowth: MB,
  searchP95: 3,
  readyRatio1000: 1.1,
  lighthouse: 100,
};
/** The pages of the bundles a live call must not load, beside the widget's index.html. */
const SIDE_PAGES = { training: 'latihan.html', studio: 'studio.html' };

/** The walk (sops/niaga-pln-mobile.toml): two say steps (Enter), two asks (digits), a form. */
const WALK_SOP_QUERY = 'tambah daya';
const WALK_SOP = 'niaga-pln-mobile';
const WALK = {
  'salam-pembuka': { key: 'Enter' },
  'sapa-nama': { key: 'Enter' },
  'tawarkan-bantuan': { option: 'ps' },
  'jenis-ps': { option: 'pelanggan' },
};
const WALK_END = 'data-ps';
/** Typed one character at a time into the finder of the 1,000-SOP widget. */
const QUERIES = ['tambah daya pelanggan', 'token listrik', 'gangguan internet', 'voucher tokopedia', 'verifikasi akun', 'pln terbaik', 'mau naikin daya dari 1300 ke 2200'];

const log = (...args) => console.log('bench:', ...args);

// ------------------------------------------------------------------ sizes

function sizesOf(dir, page = 'index.html') {
  const html = fs.readFileSync(path.join(dir, page), 'utf8');
  const files = firstLoadFiles(html, (name) => fs.readFileSync(path.join(dir, name), 'utf8'), page).map((f) => {
    const raw = fs.readFileSync(path.join(dir, f.name));
    return { ...f, raw: raw.length, gzip: gzip(raw).length, brotli: brotli(raw).length };
  });
  const of = (...kinds) => total(files.filter((f) => kinds.includes(f.kind)));
  return {
    files,
    wasm: of('wasm'),
    js: of('loader', 'js'),
    css: of('css'),
    html: of('html'),
    firstLoad: total(files),
  };
}

// ------------------------------------------------------------------ the browser

async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 30_000 });
}

/** A promise that settles with `p` or fails after `ms` with `what`. */
function within(p, what, limit = TIMEOUT_MS) {
  let timer;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer within ${limit} ms`)), limit);
    }),
  ]);
}

/**
 * Installed before the page's own scripts: `window.__benchReady` resolves with the
 * `pandu-ready` mark's startTime (ms since navigation start), from a PerformanceObserver, so
 * nothing polls the page while it loads.
 */
const READY_INIT = () => {
  window.__benchReady = new Promise((resolve) => {
    new PerformanceObserver((list, observer) => {
      const e = list.getEntriesByName('pandu-ready')[0];
      if (e) {
        observer.disconnect();
        resolve(e.startTime);
      }
    }).observe({ type: 'mark', buffered: true });
  });
};

/** A fresh context and page at `url`, CPU throttled by `rate` from before navigation. */
async function open(browser, url, { rate = 1, init } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  const report = (message) => {
    if (!IGNORED_ERRORS.some((pattern) => pattern.test(message))) errors.push(message);
  };
  page.on('pageerror', (e) => report(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') report(`console.error: ${m.text()}${m.location()?.url ? ` (${m.location().url})` : ''}`);
  });
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  const cdp = await context.newCDPSession(page);
  if (rate !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.addInitScript(READY_INIT);
  if (init) await page.addInitScript(init);
  await page.goto(url, { waitUntil: 'commit', timeout: TIMEOUT_MS });
  // Straight through CDP: page.evaluate would first inject Playwright's helper script into
  // the loading page, work that the page's own start-up would be timed with.
  const answer = await within(
    cdp.send('Runtime.evaluate', { expression: 'window.__benchReady', awaitPromise: true, returnByValue: true }),
    `${url}: the pandu-ready mark`,
  );
  if (answer.exceptionDetails || typeof answer.result?.value !== 'number') {
    throw new Error(`${url}: no pandu-ready mark (${JSON.stringify(answer.exceptionDetails ?? answer.result)})`);
  }
  const fetched = [...requests];
  return { context, page, cdp, ready: answer.result.value, errors, fetched, close: () => context.close() };
}

// ------------------------------------------------------------------ keys through CDP

function keyDef(key) {
  const named = {
    Enter: { code: 'Enter', vk: 13, text: '\r' },
    ArrowLeft: { code: 'ArrowLeft', vk: 37 },
    Backspace: { code: 'Backspace', vk: 8 },
    ' ': { code: 'Space', vk: 32, text: ' ' },
  };
  if (named[key]) return { key, ...named[key] };
  if (/^[0-9]$/.test(key)) return { key, code: `Digit${key}`, vk: key.charCodeAt(0), text: key };
  if (/^[a-z]$/i.test(key)) return { key, code: `Key${key.toUpperCase()}`, vk: key.toUpperCase().charCodeAt(0), text: key };
  throw new Error(`no key definition for ${JSON.stringify(key)}`);
}

/** One key press as the browser gets it from a keyboard: keyDown (with its text), keyUp. */
async function press(cdp, key, modifiers = '') {
  const d = keyDef(key);
  const mod = modifiers === 'Alt' ? 1 : 0;
  const text = mod === 0 ? d.text : undefined;
  const base = { key: d.key, code: d.code, windowsVirtualKeyCode: d.vk, nativeVirtualKeyCode: d.vk, modifiers: mod };
  await cdp.send('Input.dispatchKeyEvent', {
    type: text === undefined ? 'rawKeyDown' : 'keyDown',
    ...base,
    ...(text === undefined ? {} : { text, unmodifiedText: text }),
  });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...base });
}

// ------------------------------------------------------------------ in-page probes

/**
 * Step probe: for each keydown (a capture listener on window) the keydown's timeStamp; when
 * the step element has a new data-rev (MutationObserver), performance.now() as "app work
 * done"; then requestAnimationFrame + a MessageChannel post, the moment after that frame's
 * paint, as "painted". Also the last DOM mutation before the paint.
 */
const STEP_PROBE = () => {
  const modifier = ['Alt', 'Control', 'Shift', 'Meta'];
  const step = () => document.querySelector('[data-testid="step"]');
  window.__bench = { next: null };
  window.addEventListener(
    'keydown',
    (e) => {
      if (modifier.includes(e.key)) return;
      const rev0 = step()?.getAttribute('data-rev');
      const rec = { key: e.key, t0: e.timeStamp, seen: performance.now(), handled: null, dom: null, last: null, painted: null };
      // After the app's own keydown listener (on its root, which the event passes before it
      // bubbles to window) and the microtasks it queued (Leptos's effects): the keystroke fully handled.
      window.addEventListener('keydown', () => { rec.handled = performance.now(); }, { once: true });
      rec.done = new Promise((resolve) => {
        const mo = new MutationObserver(() => {
          const now = performance.now();
          if (rec.painted === null) rec.last = now;
          if (rec.dom !== null) return;
          const el = step();
          if (!el || el.getAttribute('data-rev') === rev0) return;
          rec.dom = now;
          requestAnimationFrame(() => {
            const ch = new MessageChannel();
            ch.port1.onmessage = () => {
              rec.painted = performance.now();
              mo.disconnect();
              resolve();
            };
            ch.port2.postMessage(null);
          });
        });
        mo.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      });
      window.__bench.next = rec;
    },
    true,
  );
};

/** The step shown: { id, kind, rev, options }. */
const STEP_NOW = () => {
  const el = document.querySelector('[data-testid="step"]');
  return el
    ? {
        id: el.getAttribute('data-step-id'),
        kind: el.getAttribute('data-kind'),
        rev: el.getAttribute('data-rev'),
        options: [...el.querySelectorAll('[data-testid="option"]')].map((o) => o.getAttribute('data-option-id')),
      }
    : null;
};

/** Waits for the pending record of the last keydown; then the step shown; then the focus off every control. */
const STEP_RESULT = async ([limit, settle]) => {
  const rec = window.__bench.next;
  window.__bench.next = null;
  if (!rec) return { error: 'the page saw no keydown' };
  await Promise.race([rec.done, new Promise((r) => setTimeout(r, limit))]);
  const el = document.querySelector('[data-testid="step"]');
  // Let the app's own after-render work run (it moves the focus to the new step's first
  // control), then put the focus on the widget itself (not on a control), where Enter
  // continues a say step. Keys pressed outside the widget are not the widget's.
  await new Promise((r) => setTimeout(r, settle));
  document.querySelector('[data-testid="app"]')?.focus();
  return {
    key: rec.key,
    t0: rec.t0,
    seen: rec.seen,
    handled: rec.handled,
    dom: rec.dom,
    last: rec.last,
    painted: rec.painted,
    step: el
      ? {
          id: el.getAttribute('data-step-id'),
          kind: el.getAttribute('data-kind'),
          rev: el.getAttribute('data-rev'),
          options: [...el.querySelectorAll('[data-testid="option"]')].map((o) => o.getAttribute('data-option-id')),
        }
      : null,
  };
};

/** Resolves once `test()` (a string of JS, evaluated in the page) is true; checks on every DOM change. */
const WAIT_IN_PAGE = ([test, limit]) =>
  new Promise((resolve, reject) => {
    // eslint-disable-next-line no-new-func
    const ok = new Function(`return (${test});`);
    if (ok()) return resolve(true);
    const mo = new MutationObserver(() => {
      if (ok()) {
        mo.disconnect();
        clearTimeout(timer);
        resolve(true);
      }
    });
    const timer = setTimeout(() => {
      mo.disconnect();
      reject(new Error(`not within ${limit} ms: ${test}`));
    }, limit);
    mo.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });

/** Waits in the page, with page.evaluate only: no Playwright selector engine is injected (its
 * scripts would count in the JS heap). */
function waitIn(page, test, limit = 10_000) {
  return page.evaluate(WAIT_IN_PAGE, [test, limit]);
}

/** Types the walk's query into the finder and opens the first hit with Enter. */
async function openWalkSop(page, cdp) {
  await waitIn(page, `document.querySelector('[data-testid="sop-search"]')`, TIMEOUT_MS);
  await page.evaluate(() => document.querySelector('[data-testid="sop-search"]').focus());
  for (const c of WALK_SOP_QUERY) await press(cdp, c);
  // Enter opens the first hit: it must be the walk's SOP.
  await waitIn(
    page,
    `document.querySelector('[data-testid="sop-search"]').value === ${JSON.stringify(WALK_SOP_QUERY)} && ` +
      `document.querySelector('[data-testid="sop-item"]')?.getAttribute('data-sop-id') === ${JSON.stringify(WALK_SOP)}`,
  );
  await press(cdp, 'Enter');
  await waitIn(page, `document.querySelector('[data-testid="step"][data-step-id="${Object.keys(WALK)[0]}"]')`);
  await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
  await page.evaluate(() => document.querySelector('[data-testid="app"]')?.focus());
}

/** `n` transitions of the walk; returns one record per transition. */
async function walkSteps(page, cdp, n, label) {
  await page.evaluate(STEP_PROBE);
  const state = {};
  let at = await page.evaluate(STEP_NOW);
  const out = [];
  for (let i = 0; i < n; i += 1) {
    const move = walkMove(WALK, WALK_END, at, state);
    await press(cdp, move.key, move.modifiers);
    const r = await page.evaluate(STEP_RESULT, [5_000, 30]);
    const name = `${label} transition ${i + 1} (${at.id} ${move.modifiers ? `${move.modifiers}+` : ''}${move.key})`;
    if (r.error) throw new Error(`${name}: ${r.error}`);
    if (r.painted === null || r.dom === null) throw new Error(`${name}: no new step within 5 s`);
    if (r.step?.id !== move.expect) throw new Error(`${name}: at \`${r.step?.id}\`, expected \`${move.expect}\``);
    out.push({ from: at.id, key: `${move.modifiers ? `${move.modifiers}+` : ''}${move.key}`, to: r.step.id, work: r.dom - r.t0, lastMutation: r.last - r.t0, paint: r.painted - r.t0, delivered: r.seen - r.t0, handled: r.handled === null ? null : r.handled - r.t0 });
    at = r.step;
  }
  return out;
}

// ------------------------------------------------------------------ memory

async function memoryNow(page, cdp) {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.__benchWasm?.memory?.buffer?.byteLength ?? null);
  return { jsHeapUsed: heap.usedSize, jsHeapTotal: heap.totalSize, wasmMemory: wasm };
}

/** Keeps the wasm exports trunk's loader announces (`TrunkApplicationStarted`, detail.wasm). */
const WASM_GRAB = () => {
  window.addEventListener('TrunkApplicationStarted', (e) => {
    window.__benchWasm = e.detail?.wasm;
  });
};

// ------------------------------------------------------------------ search

/**
 * Search probe: per keydown its timeStamp; the first and last mutation of #pandu-sop-list
 * (MutationObserver); and, from the keystroke's `input` event, rAF + MessageChannel: painted.
 */
const SEARCH_PROBE = () => {
  const modifier = ['Alt', 'Control', 'Shift', 'Meta'];
  window.__bench = { next: null };
  window.addEventListener(
    'keydown',
    (e) => {
      if (modifier.includes(e.key)) return;
      const list = document.getElementById('pandu-sop-list');
      const rec = { key: e.key, t0: e.timeStamp, input: null, handled: null, list: null, lastList: null, painted: null, shown: null };
      // After the app's input listener (Leptos's, on window, added at start-up) and the
      // microtasks it queued (the search and the list's effect): the keystroke fully handled.
      window.addEventListener('input', () => { rec.handled = performance.now(); }, { once: true });
      const mo = new MutationObserver(() => {
        const now = performance.now();
        if (rec.painted !== null) return;
        if (rec.list === null) rec.list = now;
        rec.lastList = now;
      });
      mo.observe(list, { subtree: true, childList: true, attributes: true, characterData: true });
      rec.done = new Promise((resolve) => {
        window.addEventListener(
          'input',
          () => {
            rec.input = performance.now();
            requestAnimationFrame(() => {
              const ch = new MessageChannel();
              ch.port1.onmessage = () => {
                rec.painted = performance.now();
                rec.shown = list.children.length;
                mo.disconnect();
                resolve();
              };
              ch.port2.postMessage(null);
            });
          },
          { capture: true, once: true },
        );
      });
      window.__bench.next = rec;
    },
    true,
  );
};

const SEARCH_RESULT = async (limit) => {
  const rec = window.__bench.next;
  window.__bench.next = null;
  if (!rec) return { error: 'the page saw no keydown' };
  await Promise.race([rec.done, new Promise((r) => setTimeout(r, limit))]);
  await new Promise((r) => setTimeout(r, 30));
  const { done, ...plain } = rec;
  return { ...plain, value: document.querySelector('[data-testid="sop-search"]').value };
};

async function searchKeystrokes(page, cdp) {
  await page.evaluate(SEARCH_PROBE);
  const out = [];
  for (const q of QUERIES) {
    await page.evaluate(() => {
      const box = document.querySelector('[data-testid="sop-search"]');
      box.value = '';
      box.dispatchEvent(new Event('input', { bubbles: true }));
      box.focus();
    });
    await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
    for (let i = 0; i < q.length; i += 1) {
      await press(cdp, q[i]);
      const r = await page.evaluate(SEARCH_RESULT, 5_000);
      const label = `search "${q.slice(0, i + 1)}"`;
      if (r.error) throw new Error(`${label}: ${r.error}`);
      if (r.painted === null) throw new Error(`${label}: no paint within 5 s`);
      if (r.value !== q.slice(0, i + 1)) throw new Error(`${label}: the search box holds "${r.value}"`);
      if (r.handled === null) throw new Error(`${label}: the input event did not reach the page's window`);
      out.push({
        query: q.slice(0, i + 1),
        // The list's first mutation; when the list stays as it was, the end of the app's
        // handling of the keystroke (its search included).
        listUpdated: (r.list ?? r.handled) - r.t0,
        listChanged: r.list !== null,
        listMutation: r.list === null ? null : r.list - r.t0,
        handled: r.handled - r.t0,
        listLastMutation: r.lastList === null ? null : r.lastList - r.t0,
        painted: r.painted - r.t0,
        shown: r.shown,
      });
    }
  }
  return out;
}

// ------------------------------------------------------------------ Lighthouse

async function runLighthouse(url) {
  const [{ default: lighthouse }, chromeLauncher] = await Promise.all([import('lighthouse'), import('chrome-launcher')]);
  process.env.CHROME_PATH = CHROMIUM;
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pandu-lighthouse-'));
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    userDataDir,
    chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
    });
    const lhr = result?.lhr;
    if (!lhr) throw new Error('Lighthouse returned no report');
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    const metric = (id) => lhr.audits[id]?.numericValue ?? null;
    const score = (id) => (lhr.categories[id]?.score === null || lhr.categories[id]?.score === undefined ? null : Math.round(lhr.categories[id].score * 100));
    const failing = (cat) =>
      (lhr.categories[cat]?.auditRefs ?? [])
        .filter((r) => r.weight > 0 && lhr.audits[r.id]?.score !== null && lhr.audits[r.id]?.score < 1)
        .map((r) => ({ id: r.id, title: lhr.audits[r.id].title, score: lhr.audits[r.id].score, displayValue: lhr.audits[r.id].displayValue ?? '' }));
    return {
      version: lhr.lighthouseVersion,
      userAgent: lhr.environment?.hostUserAgent,
      formFactor: lhr.configSettings?.formFactor,
      throttlingMethod: lhr.configSettings?.throttlingMethod,
      performance: score('performance'),
      accessibility: score('accessibility'),
      metrics: {
        fcp: metric('first-contentful-paint'),
        lcp: metric('largest-contentful-paint'),
        tbt: metric('total-blocking-time'),
        cls: metric('cumulative-layout-shift'),
        si: metric('speed-index'),
      },
      belowFull: { performance: failing('performance'), accessibility: failing('accessibility') },
      warnings: lhr.runWarnings ?? [],
      lhr,
    };
  } finally {
    await chrome.kill();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------ the run

async function section(name, results, fn) {
  if (ONLY.length && !ONLY.includes(name)) {
    results[name] = { error: `skipped (PANDU_BENCH_ONLY=${ONLY.join(',')})` };
    return;
  }
  const started = Date.now();
  log(`${name}…`);
  try {
    results[name] = await fn();
    log(`${name}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (e) {
    results[name] = { error: e.message };
    log(`${name}: FAILED: ${e.message}`);
  }
}

function rotate(list, n) {
  const k = n % list.length;
  return [...list.slice(k), ...list.slice(0, k)];
}

async function main() {
  const started = Date.now();
  for (const [name, dir] of Object.entries(DIST)) {
    if (!fs.existsSync(path.join(dir, 'index.html'))) throw new Error(`${name}: ${dir} has no index.html (run \`cargo xtask bench\`)`);
  }
  const results = {};
  log(`runs ${RUNS}, steps ${STEPS}, memory steps ${MEMORY_STEPS}, lighthouse ${LIGHTHOUSE ? 'on' : 'off'}, ${os.cpus().length} CPUs`);

  await section('sizes', results, async () => ({
    widget: sizesOf(DIST.widget),
    reference: sizesOf(DIST.reference),
    widget1000: sizesOf(DIST.widget1000),
    sides: Object.fromEntries(
      Object.entries(SIDE_PAGES)
        .filter(([, page]) => fs.existsSync(path.join(DIST.widget, page)))
        .map(([name, page]) => [name, sizesOf(DIST.widget, page)]),
    ),
  }));

  const servers = {};
  for (const [name, dir] of Object.entries(DIST)) servers[name] = await serve(dir);
  const browser = await launch();
  const chromiumVersion = browser.version();
  try {
    await section('ready', results, async () => {
      const samples = { 1: { widget: [], reference: [], widget1000: [] }, 4: { widget: [], reference: [] } };
      const fetched = {};
      const errors = [];
      const once = async (name, rate, keep) => {
        const p = await open(browser, servers[name].url, { rate });
        await p.close();
        errors.push(...p.errors.map((e) => `${name}: ${e}`));
        if (!keep) return;
        samples[rate][name].push(p.ready);
        fetched[name] ??= p.fetched;
      };
      // One discarded round first: the browser's own start-up costs go to no variant.
      for (const name of ['widget', 'reference', 'widget1000']) await once(name, 1, false);
      for (const rate of [1, 4]) {
        const names = Object.keys(samples[rate]);
        for (let r = 0; r < RUNS; r += 1) {
          for (const name of rotate(names, r)) await once(name, rate, true);
        }
        log(`ready at ${rate}x: ${names.map((n) => `${n} ${ms(median(samples[rate][n]))}`).join(', ')}`);
      }
      const stat = (xs) => ({ ...summary(xs), samples: xs });
      return {
        cpu1x: Object.fromEntries(Object.entries(samples[1]).map(([k, v]) => [k, stat(v)])),
        cpu4x: Object.fromEntries(Object.entries(samples[4]).map(([k, v]) => [k, stat(v)])),
        fetchedBeforeReady: fetched,
        errors,
      };
    });

    // A repeat visit, as a CSO meets Pandu at every shift after the first: the same
    // browser context (HTTP cache, and the widget's service worker once it is active)
    // opens the page a second time. Widget and reference alternate as above.
    await section('repeat', results, async () => {
      const samples = { widget: [], reference: [] };
      const errors = [];
      for (let r = 0; r < RUNS; r += 1) {
        for (const name of rotate(Object.keys(samples), r)) {
          const p = await open(browser, servers[name].url);
          try {
            await within(
              p.page.evaluate(() =>
                'serviceWorker' in navigator && navigator.serviceWorker.getRegistration().then((reg) => reg && navigator.serviceWorker.ready.then(() => true)),
              ),
              `${name}: the service worker`,
            );
            await p.page.goto(servers[name].url, { waitUntil: 'commit', timeout: TIMEOUT_MS });
            const answer = await within(
              p.cdp.send('Runtime.evaluate', { expression: 'window.__benchReady', awaitPromise: true, returnByValue: true }),
              `${name}: the pandu-ready mark of the repeat visit`,
            );
            if (typeof answer.result?.value !== 'number') throw new Error(`${name}: no pandu-ready mark on the repeat visit`);
            samples[name].push(answer.result.value);
            errors.push(...p.errors.map((e) => `${name}: ${e}`));
          } finally {
            await p.close();
          }
        }
      }
      log(`repeat visit: ${Object.entries(samples).map(([n, xs]) => `${n} ${ms(median(xs))}`).join(', ')}`);
      return {
        ...Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, { ...summary(v), samples: v }])),
        errors,
      };
    });

    await section('steps', results, async () => {
      const p = await open(browser, servers.widget.url);
      try {
        await openWalkSop(p.page, p.cdp);
        const steps = await walkSteps(p.page, p.cdp, STEPS, 'steps');
        return {
          sop: WALK_SOP,
          walk: [...Object.keys(WALK), WALK_END],
          transitions: steps.length,
          paint: summary(steps.map((s) => s.paint)),
          work: summary(steps.map((s) => s.work)),
          lastMutation: summary(steps.map((s) => s.lastMutation)),
          delivered: summary(steps.map((s) => s.delivered)),
          handled: summary(steps.map((s) => s.handled)),
          samples: steps,
          errors: p.errors,
        };
      } finally {
        await p.close();
      }
    });

    await section('memory', results, async () => {
      const p = await open(browser, servers.widget.url, { init: WASM_GRAB });
      try {
        await p.page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
        const afterLoad = await memoryNow(p.page, p.cdp);
        if (afterLoad.wasmMemory === null) throw new Error('no TrunkApplicationStarted event with the wasm exports');
        await openWalkSop(p.page, p.cdp);
        const afterOpen = await memoryNow(p.page, p.cdp);
        const steps = await walkSteps(p.page, p.cdp, MEMORY_STEPS, 'memory');
        await p.page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
        const afterWalk = await memoryNow(p.page, p.cdp);
        return {
          transitions: steps.length,
          afterLoad,
          afterOpen,
          afterWalk,
          growth: {
            jsHeap: afterWalk.jsHeapUsed - afterLoad.jsHeapUsed,
            wasm: afterWalk.wasmMemory - afterLoad.wasmMemory,
            jsHeapDuringWalk: afterWalk.jsHeapUsed - afterOpen.jsHeapUsed,
            wasmDuringWalk: afterWalk.wasmMemory - afterOpen.wasmMemory,
          },
          errors: p.errors,
        };
      } finally {
        await p.close();
      }
    });

    await section('search', results, async () => {
      const p = await open(browser, servers.widget1000.url);
      try {
        const sops = await p.page.evaluate(() => document.getElementById('pandu-finder-count')?.textContent ?? '');
        const keys = await searchKeystrokes(p.page, p.cdp);
        const changed = keys.filter((k) => k.listChanged);
        return {
          sops,
          queries: QUERIES,
          keystrokes: keys.length,
          listUpdated: summary(keys.map((k) => k.listUpdated)),
          listMutation: summary(changed.map((k) => k.listMutation)),
          listLastMutation: summary(changed.map((k) => k.listLastMutation)),
          handled: summary(keys.map((k) => k.handled)),
          painted: summary(keys.map((k) => k.painted)),
          unchangedList: keys.filter((k) => !k.listChanged).map((k) => k.query),
          // Should be 0: the list's mutation comes within the app's handling of the key.
          listAfterHandled: changed.filter((k) => k.listMutation > k.handled).length,
          samples: keys,
          errors: p.errors,
        };
      } finally {
        await p.close();
      }
    });
  } finally {
    await browser.close();
  }

  if (LIGHTHOUSE) {
    await section('lighthouse', results, () => runLighthouse(servers.widget.url));
  } else {
    results.lighthouse = { error: 'skipped (PANDU_BENCH_LIGHTHOUSE=0)' };
  }
  for (const s of Object.values(servers)) await s.close();

  const rows = budgetRows(results);
  const failed = rows.filter((r) => r.budget && r.pass !== true);
  const report = {
    generatedAt: new Date().toISOString(),
    durationSeconds: Math.round((Date.now() - started) / 1000),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version, chromium: chromiumVersion, platform: `${os.platform()} ${os.release()}` },
    config: { runs: RUNS, steps: STEPS, memorySteps: MEMORY_STEPS, sops: SOPS, walk: { sop: WALK_SOP, query: WALK_SOP_QUERY, plan: WALK, end: WALK_END }, queries: QUERIES, percentiles: 'nearest rank' },
    budgets: BUDGET,
    table: rows,
    pass: failed.length === 0,
    failed: failed.map((r) => r.name),
    results: { ...results, lighthouse: results.lighthouse?.lhr ? { ...results.lighthouse, lhr: undefined } : results.lighthouse },
  };
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, `${JSON.stringify(report, null, 2)}\n`);
  if (results.lighthouse?.lhr) fs.writeFileSync(path.join(path.dirname(OUT), 'lighthouse.json'), JSON.stringify(results.lighthouse.lhr));

  console.log();
  console.log(table(rows));
  console.log();
  for (const note of notes(results)) console.log(`note: ${note}`);
  console.log(`bench: wrote ${OUT} (${report.durationSeconds} s of measuring)`);
  if (failed.length) {
    console.log(`bench: ${failed.length} budget(s) missed: ${failed.map((r) => r.name).join('; ')}`);
  } else {
    console.log('bench: every budget met');
  }
  return CHECK && failed.length ? 1 : 0;
}

// ------------------------------------------------------------------ the table

const triple = (t) => (t ? `${bytes(t.raw)} / ${bytes(t.gzip)} / ${bytes(t.brotli)}` : 'n/a');
const medP = (s, p = 'p95') => (s && s.n ? `${ms(s.median)} / ${ms(s[p])}` : 'n/a');
const signed = (n) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(n).toLocaleString('en-US')}`;
const err = (x) => (x?.error ? `error: ${x.error}` : null);

function budgetRows(r) {
  const rows = [];
  const S = r.sizes?.error ? null : r.sizes;
  const sizeRow = (name, key) => rows.push(row(`${name} raw / gzip / brotli`, S ? triple(S.widget[key]) : err(r.sizes), S ? triple(S.reference[key]) : '', '', null));
  sizeRow('wasm', 'wasm');
  sizeRow('JS (loader + wasm-bindgen)', 'js');
  sizeRow('CSS', 'css');
  sizeRow('HTML', 'html');
  sizeRow('first load', 'firstLoad');
  rows.push(
    row(
      'live first load, all five SOPs, gzip',
      S ? `${bytes(S.widget.firstLoad.gzip)} (stretch ${bytes(BUDGET.firstLoadStretch)}: ${S.widget.firstLoad.gzip <= BUDGET.firstLoadStretch ? 'met' : 'not met'})` : err(r.sizes),
      S ? bytes(S.reference.firstLoad.gzip) : '',
      `≤ ${bytes(BUDGET.firstLoadGzip)}`,
      S ? S.widget.firstLoad.gzip <= BUDGET.firstLoadGzip : null,
    ),
  );
  rows.push(
    row(
      '  no larger than before SOPs were data (dec2c2e), gzip',
      S ? `${signed(S.widget.firstLoad.gzip - BUDGET.firstLoadBeforeData)} B against it` : err(r.sizes),
      '',
      `≤ ${bytes(BUDGET.firstLoadBeforeData)}`,
      S ? S.widget.firstLoad.gzip <= BUDGET.firstLoadBeforeData : null,
    ),
  );
  // Training and the studio: reported, and none of their files in the live load (as
  // computed from the page, nor as the browser fetched it before ready).
  const sides = Object.entries(S?.sides ?? {});
  const sideDirs = Object.values(SIDE_PAGES).map((page) => page.replace(/\.html$/, '/'));
  const liveSeen = [...(S?.widget.files.map((f) => f.name) ?? []), ...(r.ready?.fetchedBeforeReady?.widget ?? []).map((p) => p.replace(/^\//, ''))];
  const leaked = liveSeen.filter((n) => Object.values(SIDE_PAGES).includes(n) || sideDirs.some((d) => n.startsWith(d)));
  rows.push(
    row(
      'training / studio first load, gzip',
      S ? sides.map(([name, x]) => `${name} ${bytes(x.firstLoad.gzip)}`).join(', ') || 'not built' : err(r.sizes),
      '',
      'not in the live load',
      S && sides.length === Object.keys(SIDE_PAGES).length ? leaked.length === 0 : null,
      leaked.length ? `in the live load: ${[...new Set(leaked)].join(', ')}` : '',
    ),
  );

  const R = r.ready?.error ? null : r.ready;
  for (const [key, label] of [['cpu1x', '1x'], ['cpu4x', '4x']]) {
    const w = R?.[key]?.widget;
    const ref = R?.[key]?.reference;
    const limit = ref?.median != null ? BUDGET.readyRatio * ref.median : null;
    rows.push(
      row(
        `time to ready at ${label} CPU, median / p90 (${RUNS} runs)`,
        w ? `${medP(w, 'p90')} (${(w.median / ref.median).toFixed(2)}x ref)` : err(r.ready),
        ref ? medP(ref, 'p90') : '',
        limit != null ? `median ≤ ${BUDGET.readyRatio} x ref = ${ms(limit)}` : `median ≤ ${BUDGET.readyRatio} x ref`,
        w && limit != null ? w.median <= limit : null,
      ),
    );
  }

  const V = r.repeat?.error ? null : r.repeat;
  const repeatLimit = V?.reference?.median != null ? BUDGET.repeatRatio * V.reference.median : null;
  rows.push(
    row(
      `time to ready, repeat visit (cache and service worker warm), median / p90`,
      V ? `${medP(V.widget, 'p90')} (${(V.widget.median / V.reference.median).toFixed(2)}x ref)` : err(r.repeat),
      V ? medP(V.reference, 'p90') : '',
      repeatLimit != null ? `median ≤ ${BUDGET.repeatRatio} x ref = ${ms(repeatLimit)}` : `median ≤ ${BUDGET.repeatRatio} x ref`,
      V && repeatLimit != null ? V.widget.median <= repeatLimit : null,
    ),
  );

  const T = r.steps?.error ? null : r.steps;
  rows.push(row(`step transition, input → painted, median / p95 (${T?.transitions ?? STEPS} steps)`, T ? medP(T.paint) : err(r.steps), '', '', null));
  rows.push(row('  app work: input → DOM updated, median / p95', T ? medP(T.work) : err(r.steps), '', `p95 ≤ ${BUDGET.stepWorkP95} ms`, T ? T.work.p95 <= BUDGET.stepWorkP95 : null));

  const M = r.memory?.error ? null : r.memory;
  const memCell = (a, b, g) => `${bytes(a)} → ${bytes(b)}: ${g >= 0 ? '+' : ''}${bytes(g)}`;
  rows.push(
    row(
      `JS heap, after load → after ${M?.transitions ?? MEMORY_STEPS} steps`,
      M ? memCell(M.afterLoad.jsHeapUsed, M.afterWalk.jsHeapUsed, M.growth.jsHeap) : err(r.memory),
      '',
      `growth ≤ ${bytes(BUDGET.memoryGrowth)}`,
      M ? M.growth.jsHeap <= BUDGET.memoryGrowth : null,
    ),
  );
  rows.push(
    row(
      `wasm memory, after load → after ${M?.transitions ?? MEMORY_STEPS} steps`,
      M ? memCell(M.afterLoad.wasmMemory, M.afterWalk.wasmMemory, M.growth.wasm) : err(r.memory),
      '',
      `growth ≤ ${bytes(BUDGET.memoryGrowth)}`,
      M ? M.growth.wasm <= BUDGET.memoryGrowth : null,
    ),
  );

  const S1000 = S?.widget1000;
  rows.push(
    row(
      `first load with ${SOPS} SOPs, gzip (growth over five)`,
      S1000 ? `${bytes(S1000.firstLoad.gzip)} (+${bytes(S1000.firstLoad.gzip - S.widget.firstLoad.gzip)}, x${(S1000.firstLoad.gzip / S.widget.firstLoad.gzip).toFixed(2)})` : err(r.sizes),
      '',
      '',
      null,
    ),
  );
  const w5 = R?.cpu1x?.widget;
  const w1000 = R?.cpu1x?.widget1000;
  rows.push(
    row(
      `time to ready with ${SOPS} SOPs at 1x, median (ratio to five)`,
      w1000 && w5 ? `${ms(w1000.median)} (${(w1000.median / w5.median).toFixed(2)}x of ${ms(w5.median)})` : err(r.ready),
      '',
      `≤ ${BUDGET.readyRatio1000} x with five`,
      w1000 && w5 ? w1000.median <= BUDGET.readyRatio1000 * w5.median : null,
    ),
  );
  const Q = r.search?.error ? null : r.search;
  rows.push(
    row(
      `search over ${SOPS} SOPs, keydown → list updated, median / p95`,
      Q ? `${medP(Q.listUpdated)} (${Q.keystrokes} keys)` : err(r.search),
      '',
      `p95 ≤ ${BUDGET.searchP95} ms`,
      Q && Q.listUpdated.n ? Q.listUpdated.p95 <= BUDGET.searchP95 : null,
    ),
  );
  rows.push(row(`  only the ${Q?.listMutation?.n ?? 0} keys that changed the list`, Q ? medP(Q.listMutation) : err(r.search), '', '', null));
  rows.push(row('  keydown → painted, median / p95', Q ? medP(Q.painted) : err(r.search), '', '', null));

  const L = r.lighthouse?.error ? null : r.lighthouse;
  rows.push(row('Lighthouse mobile: performance', L ? String(L.performance) : err(r.lighthouse), '', `${BUDGET.lighthouse}`, L ? L.performance >= BUDGET.lighthouse : null));
  rows.push(row('Lighthouse mobile: accessibility', L ? String(L.accessibility) : err(r.lighthouse), '', `${BUDGET.lighthouse}`, L ? L.accessibility >= BUDGET.lighthouse : null));
  if (L) {
    const m = L.metrics;
    rows.push(row('  FCP / LCP / TBT / CLS / SI', `${ms(m.fcp)} / ${ms(m.lcp)} / ${ms(m.tbt)} / ${m.cls?.toFixed(3)} / ${ms(m.si)}`, '', '', null));
  }
  return rows;
}

function notes(r) {
  const out = [];
  const S = r.sizes?.error ? null : r.sizes;
  if (S) out.push(`first load = ${S.widget.files.map((f) => f.name).join(', ')} (reference: ${S.reference.files.map((f) => f.name).join(', ')})`);
  const fetched = r.ready?.fetchedBeforeReady;
  if (fetched && S) {
    // What the browser really fetched before ready, against the computed first-load list.
    for (const name of ['widget', 'reference', 'widget1000']) {
      const seen = [...new Set((fetched[name] ?? []).map((p) => (p === '/' ? 'index.html' : p.replace(/^\//, ''))))].filter((p) => p !== 'favicon.ico');
      const listed = S[name].files.map((f) => f.name);
      const extra = seen.filter((p) => !listed.includes(p));
      const missing = listed.filter((p) => !seen.includes(p));
      if (extra.length || missing.length) {
        out.push(`${name}: fetched before ready but not in the first-load sizes: [${extra.join(', ')}]; in the sizes but not fetched before ready: [${missing.join(', ')}]`);
      }
    }
  }
  const errors = [...(r.ready?.errors ?? []), ...(r.repeat?.errors ?? []), ...(r.steps?.errors ?? []), ...(r.memory?.errors ?? []), ...(r.search?.errors ?? [])];
  if (errors.length) out.push(`page errors: ${[...new Set(errors)].slice(0, 5).join(' | ')}`);
  if (r.search?.unchangedList?.length) {
    if (r.search.listAfterHandled) out.push(`${r.search.listAfterHandled} keystroke(s) changed the list after the app's input handlers had returned (asynchronous update?)`);
    out.push(`${r.search.unchangedList.length} of ${r.search.keystrokes} keystrokes left the finder's list as it was (same hits): for them "list updated" is the end of the app's handling of the key (search included)`);
  }
  const T = r.steps?.error ? null : r.steps;
  if (T) {
    out.push(
      `steps: of the app work, ${ms(T.delivered.median)} (median) is the key's way from the browser to the page's keydown listener; ` +
        `timer resolution in the page is 0.1 ms`,
    );
  }
  const M = r.memory?.error ? null : r.memory;
  if (M) out.push(`memory during the walk alone (after opening the SOP → after the walk): JS heap ${bytes(M.growth.jsHeapDuringWalk)}, wasm ${bytes(M.growth.wasmDuringWalk)}`);
  const L = r.lighthouse?.error ? null : r.lighthouse;
  if (L) {
    out.push(`Lighthouse ${L.version}, ${L.formFactor}, ${L.throttlingMethod} throttling`);
    for (const cat of ['performance', 'accessibility']) {
      for (const a of L.belowFull[cat]) out.push(`Lighthouse ${cat}: ${a.id} (${a.title}) scored ${a.score}${a.displayValue ? `, ${a.displayValue}` : ''}`);
    }
    for (const w of L.warnings) out.push(`Lighthouse warning: ${w}`);
  } else if (r.lighthouse?.error) {
    out.push(`Lighthouse did not run: ${r.lighthouse.error}`);
  }
  return out;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`bench: error: ${e.stack ?? e.message}`);
    process.exit(1);
  },
);
