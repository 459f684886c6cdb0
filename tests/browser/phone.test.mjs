// Pandu on a field officer's phone (issue 18): installable from its own origin (Chromium's own
// check, the manifest's icons at their declared sizes), a whole call walked by taps at 360 × 740
// with no key hints and no sideways scrolling, "Bagikan" beside "Salin semua" handing over the
// very text copy-all copies, and a new version arriving mid-call told, never forced.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import {
  APP_TIMEOUT_MS,
  CHROMIUM,
  CHROMIUM_ARGS,
  appUrl,
  assertNoHorizontalScroll,
  assertNoPageErrors,
  eventually,
  launchBrowser,
  waitForReady,
  watchErrors,
} from './lib.mjs';
import { findScenario, openSop, readTickets, setCaller, walkItems, walkScenario } from './pandu-walk.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const DIST = join(HERE, '..', '..', 'dist');

/** A phone: Chromium's mobile emulation at 360 × 740, touch only. */
const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/** SOP 003 through sub-flow 001 to an APKT ticket and a transfer: asks, forms, must-say lines. */
const SCENARIO = 'Pemilik toko tidak tahu nama produknya: internet usaha dari Sales ICON+, dikenali sebagai ELEKTRINET (003 A)';
/** SOP 004 to two tickets (APKT and Simone): what is shared is more than one block of text. */
const TWO_TICKETS = 'I.a PD 1300→2200 VA, pemohon tidak memiliki HP: APKT Keluhan seperti capture seed, Simone URGENT';

let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/**
 * Opens `url` on a phone, with `init` run before any script of the page (a stubbed
 * `navigator.share`), and waits until the app is ready.
 */
async function openPhone(url = appUrl('/'), init) {
  const context = await browser.newContext(PHONE);
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(url, { waitUntil: 'load', timeout: APP_TIMEOUT_MS });
  await waitForReady(page);
  return { context, page, errors, close: () => context.close() };
}

/**
 * README's phone screenshots, taken only when asked for (`PANDU_SCREENSHOTS=docs`): the page
 * scrolled to `selector`, 360 × 740 CSS pixels, as `screenshot-phone-<name>.png`.
 */
async function screenshot(page, name, selector) {
  const dir = process.env.PANDU_SCREENSHOTS;
  if (!dir) return;
  await page.evaluate((sel) => document.querySelector(sel).scrollIntoView(), selector);
  await page.screenshot({ path: join(dir, `screenshot-phone-${name}.png`), scale: 'css' });
}

/** Width and height a PNG declares in its IHDR chunk. */
function pngSize(bytes) {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  assert.deepEqual([...bytes.subarray(0, 8)], signature, 'a PNG file');
  assert.equal(bytes.toString('latin1', 12, 16), 'IHDR');
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

/**
 * "Selesai" by taps. The closing lines come first where the call has them (001 butir 5, said
 * once at the end): ticked by taps, in thumb reach, then Selesai again.
 */
async function finishByTaps(page) {
  await page.tap('[data-testid="finish"]');
  await page.locator('[data-testid="sop-search"], [data-testid="closing"]').first().waitFor();
  if (await page.locator('[data-testid="closing"]').count() > 0) {
    await assertThumbLayout(page, 'the closing lines');
    for (const box of await page.locator('[data-testid="step"] [data-testid="script-must"]').all()) {
      if (!(await box.isChecked())) await box.tap();
    }
    await page.tap('[data-testid="finish"]');
  }
  await page.locator('[data-testid="sop-search"]').waitFor();
}

test('installable: Chromium finds nothing against it, and each icon has the size the manifest says', { timeout: 60_000 }, async () => {
  // Chromium never offers an install in an incognito profile, which every `newContext` is.
  const profile = mkdtempSync(join(tmpdir(), 'pandu-install-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const errors = watchErrors(page);
    const cdp = await context.newCDPSession(page);
    const installability = async () => (await cdp.send('Page.getInstallabilityErrors')).installabilityErrors;

    // The check is not blind: the page with a manifest that has no usable icon fails it. (First,
    // while no service worker answers for the page and the route below can change what it gets.)
    const real = JSON.parse(readFileSync(join(DIST, 'manifest.webmanifest'), 'utf8'));
    const broken = { ...real, icons: [{ src: 'favicon.svg', sizes: '16x16', type: 'image/svg+xml' }] };
    await page.route('**/manifest.webmanifest', (route) =>
      route.fulfill({ contentType: 'application/manifest+json', body: JSON.stringify(broken) }));
    await page.goto(appUrl('/'), { waitUntil: 'load', timeout: APP_TIMEOUT_MS });
    await waitForReady(page);
    const refused = await eventually(async () => {
      const e = await installability();
      return e.length > 0 && e.map((x) => x.errorId);
    }, 'a manifest without a usable icon is reported', { timeout: 15_000 });
    assert.ok(refused.includes('manifest-missing-suitable-icon'), refused.join(' '));

    await page.unrouteAll();
    await page.reload({ waitUntil: 'load' });
    await waitForReady(page);
    let found;
    await eventually(async () => {
      found = await installability();
      return found.length === 0;
    }, 'Page.getInstallabilityErrors reports nothing', { timeout: 15_000 }).catch(() => {
      assert.fail(`installability errors: ${JSON.stringify(found)}`);
    });

    const { url, errors: manifestErrors, data } = await cdp.send('Page.getAppManifest');
    assert.equal(new URL(url).pathname, '/manifest.webmanifest');
    assert.deepEqual(manifestErrors, []);
    const manifest = JSON.parse(data);
    assert.deepEqual(manifest, real, 'the manifest of the build');
    assert.equal(manifest.display, 'standalone');
    assert.equal(manifest.lang, 'id');
    assert.ok(manifest.icons.some((i) => i.purpose === 'maskable'), 'a maskable icon');
    for (const size of ['192x192', '512x512']) {
      assert.ok(manifest.icons.some((i) => i.sizes === size && i.purpose !== 'maskable'), `an icon of ${size}`);
    }
    for (const icon of manifest.icons) {
      const res = await context.request.get(new URL(icon.src, url).href);
      assert.equal(res.status(), 200, icon.src);
      assert.equal(res.headers()['content-type'], icon.type, `${icon.src}: served as ${icon.type}`);
      assert.equal(pngSize(await res.body()), icon.sizes, `${icon.src}: the size the manifest declares`);
    }
    await assertNoPageErrors(page, errors);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

// Records each registration of a service worker with where the page was at that moment.
const spyRegister = () => {
  window.__registered = [];
  const register = ServiceWorkerContainer.prototype.register;
  ServiceWorkerContainer.prototype.register = function (...args) {
    window.__registered.push({
      loaded: document.readyState === 'complete',
      ready: performance.getEntriesByName('pandu-ready', 'mark').length === 1,
    });
    return register.apply(this, args);
  };
};

test('the service worker keeps the manifest and the icons, and registers after the page is ready', { timeout: 60_000 }, async () => {
  const { page, errors, close } = await openPhone(appUrl('/'), spyRegister);
  try {
    const cached = await eventually(() => page.evaluate(async () => {
      if (!navigator.serviceWorker.controller) return false;
      const names = await caches.keys();
      if (names.length !== 1) return false;
      return (await (await caches.open(names[0])).keys()).map((r) => new URL(r.url).pathname);
    }), 'the offline cache is written', { timeout: 15_000 });
    // The SOP maps too: "Peta SOP" opens offline.
    const maps = readdirSync(join(DIST, 'katalog')).filter((f) => f.endsWith('.svg')).map((f) => `/katalog/${f}`);
    assert.ok(maps.length >= 5, `a map per SOP in dist/katalog: ${maps}`);
    for (const f of ['/manifest.webmanifest', '/icons/icon-192.png', '/icons/icon-512.png', '/icons/icon-maskable-512.png', ...maps]) {
      assert.ok(cached.includes(f), `${f} cached: ${cached.join(' ')}`);
    }
    // The worker's install fetches the whole build again: not while the page itself loads.
    assert.deepEqual(await page.evaluate(() => window.__registered), [{ loaded: true, ready: true }],
      'sw.js registered once, after the load event and the ready mark');
    const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
    for (const f of ['./manifest.webmanifest', './icons/icon-192.png', './icons/icon-maskable-512.png']) {
      assert.ok(sw.includes(`'${f}'`), `sw.js precaches ${f}`);
    }
    await assertNoPageErrors(page, errors);
  } finally {
    await close();
  }
});

/** What a phone must show at every step: no key hints, no sideways scroll, big full-width targets. */
async function assertThumbLayout(page, what) {
  await assertNoHorizontalScroll(page, what);
  const shown = await page.evaluate(() => {
    const visible = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
    return [...document.querySelectorAll('kbd, [data-testid="key-help"], .pandu-btn__key')]
      .filter(visible)
      .map((e) => e.outerHTML.slice(0, 80));
  });
  assert.deepEqual(shown, [], `${what}: key hints shown on a touch screen`);
  const targets = await page.evaluate(() => {
    const step = document.querySelector('[data-testid="step"]');
    if (!step) return [];
    const inner = step.clientWidth;
    return [...step.querySelectorAll('[data-testid="option"], [data-testid="next"]')].map((e) => {
      const r = e.getBoundingClientRect();
      return { id: e.getAttribute('data-option-id') ?? 'Lanjut', w: r.width / inner, h: r.height };
    });
  });
  for (const t of targets) {
    // As wide as the step (either thumb reaches it) and at least 44 px high.
    assert.ok(t.w >= 0.85 && t.h >= 43.5, `${what}: ${t.id} is ${Math.round(t.w * 100)} % wide, ${Math.round(t.h)} px high`);
  }
}

test('phone: a whole call by taps, no key hints, nothing scrolls sideways, Lanjut within the thumb', { timeout: 90_000 }, async () => {
  const sc = findScenario(SCENARIO);
  const { page, errors, close } = await openPhone();
  try {
    assert.equal(await page.evaluate(() => matchMedia('(hover: none) and (pointer: coarse)').matches), true,
      'the emulated phone is a touch screen');
    await assertThumbLayout(page, 'start screen');
    await setCaller(page, sc.caller);
    await openSop(page, sc.sop, { tap: true });
    let lanjutSeen = 0;
    for (const [i, item] of sc.walk.entries()) {
      const label = `${sc.name} › walk[${i + 1}]`;
      await assertThumbLayout(page, label);
      if (i === 0) await screenshot(page, 'step', '[data-testid="step"]');
      // A say, transfer or escalate step keeps Lanjut at the bottom of the screen, in reach
      // of the thumb, however long its script: no scrolling to find it.
      const pinned = await page.evaluate(() => {
        const next = document.querySelector('[data-testid="step"] > .pandu-next [data-testid="next"]');
        if (!next) return null;
        window.scrollTo(0, 0);
        const r = next.getBoundingClientRect();
        const step = document.querySelector('[data-testid="step"]').getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, screen: innerHeight, stepBottom: step.bottom };
      });
      if (pinned) {
        lanjutSeen += 1;
        const onScreen = pinned.bottom <= pinned.screen + 0.5 && pinned.top >= pinned.screen / 2;
        // Unless the whole step ends above the middle of the screen (then so does Lanjut).
        assert.ok(onScreen || pinned.stepBottom < pinned.screen / 2, `${label}: Lanjut at ${JSON.stringify(pinned)}`);
      }
      await walkItems(page, sc, [item], { tap: true, first: i });
    }
    assert.ok(lanjutSeen > 0, 'the walk passes a step with Lanjut');
    await page.locator('[data-testid="outcome"]').waitFor();
    assert.deepEqual(await readTickets(page), sc.expect.ticket, 'the tickets, reached by taps');
    await assertThumbLayout(page, 'the ticket');
    await finishByTaps(page);
    await assertNoPageErrors(page, errors);
  } finally {
    await close();
  }
});

// A stand-in for the phone's share sheet: records what it is handed; `window.__shareAnswer`
// says how the user (or the browser) answers: shared, closed the sheet, refused.
const stubShare = () => {
  window.__shared = [];
  window.__shareAnswer = 'ok';
  Object.defineProperty(Navigator.prototype, 'share', {
    configurable: true,
    value(data) {
      window.__shared.push(data);
      if (window.__shareAnswer === 'abort') return Promise.reject(new DOMException('closed by the user', 'AbortError'));
      if (window.__shareAnswer === 'refuse') return Promise.reject(new DOMException('no share target', 'NotAllowedError'));
      return Promise.resolve();
    },
  });
};

const noShare = () => {
  delete Navigator.prototype.share;
};

const copyStatus = (page, text) =>
  eventually(async () => (await page.textContent('[data-testid="copy-status"]')) === text, `copy status "${text}"`);

test('share: "Bagikan" hands the share sheet exactly what "Salin semua" copies; closed or refused, nothing breaks', { timeout: 90_000 }, async () => {
  const sc = findScenario(TWO_TICKETS);
  const { page, context, errors, close } = await openPhone(appUrl('/'), stubShare);
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
    await walkScenario(page, sc, { tap: true });
    await screenshot(page, 'ticket', '[data-testid="outcome"]');
    const share = page.locator('[data-testid="share"]');
    assert.equal(await share.textContent(), 'Bagikan semua tiket', 'the button, with its name for screen readers');

    await share.tap();
    await copyStatus(page, 'Dibagikan: semua tiket');
    const shared = await page.evaluate(() => window.__shared);
    assert.equal(shared.length, 1);
    assert.deepEqual(Object.keys(shared[0]), ['text'], 'the text alone: no title a chat app would put before it');

    await page.tap('[data-testid="copy-all"]');
    await copyStatus(page, 'Tersalin: semua tiket');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(shared[0].text, copied, 'shared and copied text are the same');
    const stamp = await page.textContent('[data-testid="stamp"]');
    assert.ok(copied.endsWith(`\n\n${stamp}`), 'with the SOP stamp');
    const tickets = await readTickets(page);
    assert.deepEqual(Object.keys(tickets).sort(), ['apkt', 'simone']);
    for (const fields of Object.values(tickets)) {
      for (const [name, value] of Object.entries(fields)) {
        assert.ok(copied.includes(`${name}: ${value}`), `${name}: ${value} in ${copied}`);
      }
    }

    // The sheet closed without sharing: the user's choice; nothing is copied behind their back.
    await page.evaluate(() => navigator.clipboard.writeText('isi papan klip sebelumnya'));
    await page.evaluate(() => { window.__shareAnswer = 'abort'; });
    await share.tap();
    await copyStatus(page, 'Batal dibagikan.');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'isi papan klip sebelumnya');
    assert.equal(await page.evaluate(() => window.__shared.length), 2);

    // Refused by the browser: the text is copied instead, and the status says so.
    await page.evaluate(() => { window.__shareAnswer = 'refuse'; });
    await share.tap();
    await copyStatus(page, 'Tidak dapat dibagikan; tersalin: semua tiket');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), copied);

    // The call is still the call: it ends as always.
    await finishByTaps(page);
    await assertNoPageErrors(page, errors);
  } finally {
    await close();
  }
});

test('share: where the browser cannot share there is no "Bagikan", and "Salin semua" works', { timeout: 90_000 }, async () => {
  const sc = findScenario(SCENARIO);
  const { page, context, errors, close } = await openPhone(appUrl('/'), noShare);
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
    await walkScenario(page, sc, { tap: true });
    assert.equal(await page.evaluate(() => typeof navigator.share), 'undefined');
    assert.equal(await page.locator('[data-testid="share"]').count(), 0, 'no share button');
    await page.tap('[data-testid="copy-all"]');
    await copyStatus(page, 'Tersalin: semua tiket');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(copied.endsWith(await page.textContent('[data-testid="stamp"]')), copied);
    await assertNoPageErrors(page, errors);
  } finally {
    await close();
  }
});

const TYPES = {
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

/** Serves `dir` on 127.0.0.1 (an origin of its own, so its service worker is this test's). */
async function serveDir(dir) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = resolve(dir, `.${path.endsWith('/') ? `${path}index.html` : path}`);
    if (!file.startsWith(dir + sep)) {
      res.writeHead(404).end();
      return;
    }
    let body;
    try {
      body = readFileSync(file);
    } catch {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    res.end(body);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const stop = () => new Promise((done) => {
    server.closeAllConnections();
    server.close(done);
  });
  return { url: `http://127.0.0.1:${server.address().port}/`, stop };
}

/**
 * A release on the server, as `cargo xtask` writes one: a new `sw.js` with a new cache name
 * (`version`). With `newWasm`, another wasm too (the same bytes under a new hashed name, as a
 * rebuilt widget or catalogue would have); without, the running build stays as it was (only
 * unhashed files changed, say the drills).
 */
function release(dir, version, { newWasm }) {
  const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
  let changed = sw.replace(/const VERSION = 'pandu-[0-9a-f]+'/, `const VERSION = '${version}'`);
  if (newWasm) {
    const wasm = readdirSync(dir).find((f) => f.endsWith('_bg.wasm') && sw.includes(f));
    const next = wasm.replace(/^pandu-[0-9a-f]+/, 'pandu-0123456789abcdef');
    cpSync(join(dir, wasm), join(dir, next));
    changed = changed.replaceAll(wasm, next);
  }
  assert.notEqual(changed, sw);
  writeFileSync(join(dir, 'sw.js'), changed);
}

/** Asks for `sw.js` now and waits until the worker of `version` has taken over the cache. */
async function update(page, version) {
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  await eventually(() => page.evaluate(async (v) => {
    const reg = await navigator.serviceWorker.getRegistration();
    const names = await caches.keys();
    return reg.active?.state === 'activated' && names.length === 1 && names[0] === v;
  }, version), `the worker of ${version} is active`, { timeout: 15_000 });
}

test('update: a new version cached during a call is told, the page is not reloaded, the reload waits for the call\'s end', { timeout: 120_000 }, async () => {
  const sc = findScenario(SCENARIO);
  const dir = mkdtempSync(join(tmpdir(), 'pandu-release-'));
  cpSync(DIST, dir, { recursive: true });
  const server = await serveDir(dir);
  let opened;
  try {
    opened = await openPhone(server.url);
    const { page, errors } = opened;
    await eventually(() => page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      return Boolean(reg?.active?.state === 'activated' && navigator.serviceWorker.controller);
    }), 'the service worker controls the page', { timeout: 15_000 });
    // The first install in this browser is no news.
    assert.equal(await page.locator('[data-testid="update-notice"]').count(), 0, 'no notice for the first install');

    await setCaller(page, sc.caller);
    await openSop(page, sc.sop, { tap: true });
    await walkItems(page, sc, sc.walk.slice(0, 2), { tap: true });
    const before = await page.evaluate(() => {
      window.__samePage = true;
      return {
        call: document.querySelector('[data-testid="call"]').getAttribute('data-call-id'),
        step: document.querySelector('[data-testid="step"]').getAttribute('data-step-id'),
      };
    });
    let navigations = 0;
    page.on('framenavigated', (f) => {
      if (f === page.mainFrame()) navigations += 1;
    });

    // A release that leaves the running build as it is (a page loaded online after a release
    // runs the new build already) is no news. The page checks the new cache once the worker is
    // active; the same check done here, after it, has seen what the page saw.
    release(dir, 'pandu-0000000000000001', { newWasm: false });
    await update(page, 'pandu-0000000000000001');
    await page.evaluate(async () => caches.match(performance.getEntriesByType('resource')
      .find((e) => e.name.endsWith('_bg.wasm')).name));
    assert.equal(await page.locator('[data-testid="update-notice"]').count(), 0, 'no notice for the build already running');

    release(dir, 'pandu-0000000000000002', { newWasm: true });
    await update(page, 'pandu-0000000000000002');
    await page.locator('[data-testid="update-notice"]').waitFor({ timeout: 15_000 });
    const notice = await page.textContent('[data-testid="update-notice"]');
    assert.ok(notice.startsWith('Versi baru Pandu tersedia.'), notice);
    assert.match(notice, /setelah panggilan ini selesai/);
    assert.equal(await page.locator('[data-testid="update-reload"]').count(), 0, 'no reload offered during the call');
    // The call went on, on the same page.
    const after = await page.evaluate(() => ({
      same: window.__samePage === true,
      call: document.querySelector('[data-testid="call"]').getAttribute('data-call-id'),
      step: document.querySelector('[data-testid="step"]').getAttribute('data-step-id'),
    }));
    assert.deepEqual(after, { same: true, ...before });
    assert.equal(navigations, 0, 'no navigation');

    await walkItems(page, sc, sc.walk.slice(2), { tap: true, first: 2 });
    await page.locator('[data-testid="outcome"]').waitFor();
    assert.deepEqual(await readTickets(page), sc.expect.ticket, 'the call ends with its tickets');
    assert.equal(await page.locator('[data-testid="update-reload"]').count(), 0, 'not at the ticket either');
    assert.equal(await page.evaluate(() => window.__samePage), true);

    // "Selesai": between calls the reload is offered, and only a tap on it reloads.
    await finishByTaps(page);
    const reload = page.locator('[data-testid="update-reload"]');
    await reload.waitFor();
    assert.equal(await reload.textContent(), 'Muat ulang');
    assert.equal(await page.evaluate(() => window.__samePage), true);
    await Promise.all([page.waitForEvent('load'), reload.tap()]);
    await waitForReady(page);
    assert.equal(await page.evaluate(() => window.__samePage), undefined, 'reloaded');
    assert.equal(await page.locator('[data-testid="update-notice"]').count(), 0, 'no notice after the reload');
    await assertNoPageErrors(page, errors);
  } finally {
    await opened?.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
