// SOPs as published data (docs/EMBEDDING.md, "SOP terbitan"): a deployment lists SOP files
// in `terbitan.txt` next to `index.html` and the widget takes them without a rebuild; a
// broken one is refused with its reasons while the rest works; a call saved on one version
// comes back on that version after a newer one is published, offline too.
//
// The app is served from a copy of dist/ by a server of this test (127.0.0.1, a free port,
// stopped at the end) that reads each file when it is asked for, so the test can publish
// between two page loads, as a deployment would.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'smol-toml';
import { TYPES } from '../bench/server.mjs';
import { NAVIGATION_NOISE, assertNoPageErrors, launchBrowser, waitForApp, waitForReady, watchErrors } from './lib.mjs';
import { SOPS_DIR, findScenario, openSop, walkScenario } from './pandu-walk.mjs';

const DIST = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');

let browser;
let root;
let server;
let base;

/** Serves `dir` as it is on disk at each request. */
function serveDir(dir) {
  return http.createServer((req, res) => {
    let name = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '');
    if (name === '' || name.endsWith('/')) name += 'index.html';
    const file = path.join(dir, name);
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found\n');
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
    });
    res.end(fs.readFileSync(file));
  });
}

before(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'pandu-terbit-'));
  fs.cpSync(DIST, root, { recursive: true });
  server = serveDir(root);
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${server.address().port}/`;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await new Promise((ok) => (server ? server.close(ok) : ok()));
  fs.rmSync(root, { recursive: true, force: true });
});

/** An SOP file of sops/ as the JSON the studio publishes. */
function sopJson(id) {
  return JSON.parse(JSON.stringify(parse(fs.readFileSync(path.join(SOPS_DIR, `${id}.toml`), 'utf8'))));
}

/** Puts `files` (name → JSON value) live and lists them in terbitan.txt, in that order. */
function publish(files) {
  fs.rmSync(path.join(root, 'terbit'), { recursive: true, force: true });
  fs.mkdirSync(path.join(root, 'terbit'));
  const lines = ['# SOP terbitan, dibaca Pandu saat mulai'];
  for (const [name, value] of Object.entries(files)) {
    fs.writeFileSync(path.join(root, 'terbit', name), JSON.stringify(value));
    lines.push(`terbit/${name}`);
  }
  fs.writeFileSync(path.join(root, 'terbitan.txt'), `${lines.join('\n')}\n`);
}

// Back to the build's own list, which lists nothing.
const EMPTY_LIST = fs.readFileSync(path.join(DIST, 'terbitan.txt'), 'utf8');
function unpublish() {
  fs.writeFileSync(path.join(root, 'terbitan.txt'), EMPTY_LIST);
}

async function open(context) {
  const page = await context.newPage();
  const errors = watchErrors(page, NAVIGATION_NOISE);
  await page.goto(base, { waitUntil: 'load' });
  await waitForApp(page, errors);
  return { page, errors };
}

test('a published SOP is taken without a rebuild and walked to its exact tickets', { timeout: 90_000 }, async () => {
  const extra = sopJson('pln-terbaik');
  extra.id = 'pln-terbaik-terbit';
  extra.title = 'Program Pelanggan Terbaik (terbitan uji)';
  const broken = sopJson('transfer-elektrinet');
  broken.version = '2099.01.01-1';
  broken.step.find((s) => s.id === 'transfer-elektrinet').next = 'langkah-hilang';
  publish({ 'pln-terbaik-terbit.json': extra, 'transfer-rusak.json': broken, 'bukan-sop.json': { halo: 1 } });
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const { page, errors } = await open(context);
    assert.deepEqual(await page.locator('[data-testid="pack-applied"]').allTextContents(), [
      'SOP dari terbit/pln-terbaik-terbit.json dipakai. SOP baru: pln-terbaik-terbit.',
    ]);
    const refused = page.locator('[data-testid="pack-refused"]');
    assert.deepEqual(await refused.locator('code').allTextContents(), ['terbit/transfer-rusak.json', 'terbit/bukan-sop.json']);
    assert.deepEqual(await refused.nth(0).locator('[data-testid="pack-error"]').allTextContents(), [
      'SOP `transfer-elektrinet`, langkah `transfer-elektrinet`: `next` menunjuk langkah `langkah-hilang` yang tidak ada',
      'SOP `transfer-elektrinet`, langkah `transfer-elektrinet`: jalan buntu: dari sini tidak ada jalan ke `outcome`',
      'SOP `transfer-elektrinet`, langkah `catat-elektrinet`: tidak dapat dicapai dari langkah awal',
    ]);
    assert.deepEqual(await refused.nth(1).locator('[data-testid="pack-error"]').allTextContents(), [
      'isinya bukan format SOP Pandu: kunci `sops` tidak ada',
    ]);

    // The published SOP walks like a built-in one, to the same tickets.
    const sc = findScenario('Pelanggan dari Bandung: program internal UID Jakarta Raya; informasi tetap dicatat di APKT dengan Email/HP (001 butir 1)');
    await walkScenario(page, { ...sc, sop: 'pln-terbaik-terbit' });

    await assertNoPageErrors(page, errors);

    // The built-in SOP the broken file tried to replace still works (another tab).
    const other = await open(context);
    await openSop(other.page, 'transfer-elektrinet');
    assert.equal(await other.page.getAttribute('[data-testid="call"]', 'data-sop-id'), 'transfer-elektrinet');
    assert.equal(await other.page.getAttribute('[data-testid="step"]', 'data-step-id'), 'tanya-produk');
    await assertNoPageErrors(other.page, other.errors);
  } finally {
    await context.close();
    unpublish();
  }
});

test('a call saved on one SOP version comes back on it after a newer one is published, offline too', { timeout: 90_000 }, async () => {
  unpublish();
  const context = await browser.newContext();
  try {
    const { page, errors } = await open(context);
    // The service worker in control, with the catalogue's bodies kept.
    await page.waitForFunction(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      if (!reg?.active || !navigator.serviceWorker.controller) return false;
      const names = await caches.keys();
      if (names.length !== 1) return false;
      const keys = await (await caches.open(names[0])).keys();
      return keys.some((r) => /\/katalog\/transfer-elektrinet\.[0-9a-f]{16}\.json$/.test(r.url));
    }, null, { timeout: 15_000 });
    await openSop(page, 'transfer-elektrinet');
    const old = sopJson('transfer-elektrinet');
    await page.click('[data-testid="option"][data-option-id="elektrinet"]');
    await page.locator('[data-testid="step"][data-step-id="data-elektrinet"]').waitFor();

    const newer = sopJson('transfer-elektrinet');
    newer.version = '2099.01.01-1';
    newer.title = 'Gangguan internet ICON+ (versi baru)';
    publish({ 'transfer-baru.json': newer });

    const meta = () => page.textContent('[data-testid="call"] .pandu-call__meta');
    for (const offline of [false, true]) {
      await context.setOffline(offline);
      await page.reload({ waitUntil: 'load' });
      await waitForReady(page);
      await page.locator('[data-testid="step"][data-step-id="data-elektrinet"]').waitFor();
      assert.equal(await page.textContent('[data-testid="call"] h2'), old.title, `offline: ${offline}`);
      assert.match(await meta(), new RegExp(`versi ${old.version.replace(/\./g, '\\.')}`));
    }
    await context.setOffline(false);
    // A new call takes the newer version.
    await page.reload({ waitUntil: 'load' });
    await waitForReady(page);
    assert.deepEqual(await page.locator('[data-testid="pack-applied"]').allTextContents(), [
      `SOP dari terbit/transfer-baru.json dipakai. SOP diperbarui: transfer-elektrinet (versi ${old.version} → 2099.01.01-1).`,
    ]);
    await assertNoPageErrors(page, errors);
  } finally {
    await context.close();
    unpublish();
  }
});
