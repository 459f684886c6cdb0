// Embedding (docs/EMBEDDING.md): the demo console with Pandu in a cross-origin iframe, the
// script mount, foreign origins, SOP packs from the host, and the offline cache.
// The console is served as http://localhost:<port>/ and the widget as http://127.0.0.1:<port>/
// (the same test server under two names), or from the strict-CSP server: two origins.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import {
  BASE_URL,
  NAVIGATION_NOISE,
  assertNoPageErrors,
  eventually,
  launchBrowser,
  openApp,
  openPage,
  waitForApp,
  waitForReady,
  watchErrors,
} from './lib.mjs';
import { SOPS_DIR, endCall, findScenario, openSop, readTickets, walkItems } from './pandu-walk.mjs';

const CSP_URL = process.env.PANDU_CSP_URL ?? '';
const SCENARIO = 'Pelanggan ELEKTRINET disambungkan ke CC PLN ICONPLUS 1500071';
let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** The same server under the name `localhost`: another origin for the browser. */
function asLocalhost(url) {
  const u = new URL(url);
  u.hostname = 'localhost';
  return u.href;
}

/** An SOP file of sops/ as the JSON a host would serve in a pack. */
function sopJson(id) {
  const file = readdirSync(SOPS_DIR).find((f) => f === `${id}.toml`);
  return JSON.parse(JSON.stringify(parse(readFileSync(join(SOPS_DIR, file), 'utf8'))));
}

/** Opens the app with `?sops=<name>`, the host serving `pack` there (or `status` with no body). */
async function openWithPack(name, pack) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.route(`**/packs/${name}`, (route) => route.fulfill({ json: pack }));
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${BASE_URL}?sops=packs/${name}`, { waitUntil: 'load' });
  await waitForApp(page, errors);
  return { page, errors, close: () => context.close() };
}

/** The widget's frame in the demo console, once it has loaded. */
async function widgetFrame(page) {
  const frame = await (await page.waitForSelector('#pandu[src]')).contentFrame();
  await frame.waitForLoadState('load');
  return frame;
}

/** No page or console error in the console page or its frames (the widget is in a frame). */
const assertClean = (page, errors) => assertNoPageErrors(page, errors, { app: false });

async function events(page) {
  return page.evaluate(() => window.panduEvents.map((e) => ({ ...e })));
}

async function waitForEvent(page, type, count = 1) {
  await page.waitForFunction(
    ([t, n]) => (window.panduEvents ?? []).filter((e) => e.type === t).length >= n,
    [type, count],
    { timeout: 10_000 },
  );
}

test('the demo console runs a whole call with Pandu in a cross-origin iframe under the strict CSP', { timeout: 90_000 }, async () => {
  assert.ok(CSP_URL, 'PANDU_CSP_URL is not set: run with `cargo xtask test`');
  const widget = new URL('index.html', CSP_URL).href;
  const consoleUrl = `${asLocalhost(BASE_URL)}demo/console.html?widget=${encodeURIComponent(widget)}`;
  const { page, errors, close } = await openPage(browser, consoleUrl, { ignore: NAVIGATION_NOISE });
  try {
    await waitForEvent(page, 'ready');
    const frame = await widgetFrame(page);
    assert.ok(frame.url().startsWith(CSP_URL), 'the widget frame is loaded from the widget origin');
    assert.equal(new URL(frame.url()).searchParams.get('origins'), new URL(asLocalhost(BASE_URL)).origin);
    assert.equal(await frame.getAttribute('[data-testid="app"]', 'class'), 'pandu pandu--embed');
    const [ready] = await events(page);
    assert.equal(ready.pandu, 1);
    assert.deepEqual(ready.sops.slice().sort(), readdirSync(SOPS_DIR)
      .filter((f) => f.endsWith('.toml') && !f.includes('.scenarios.') && !f.includes('.drills.') && !f.includes('.eval.'))
      .map((f) => f.replace('.toml', '')).sort());

    // The console sends who is calling; the header and the script lines show it.
    const sc = findScenario(SCENARIO);
    await page.fill('input[name="name"]', sc.caller.name);
    await page.selectOption('select[name="honorific"]', sc.caller.honorific);
    await page.fill('input[name="phone"]', '');
    await page.fill('input[name="email"]', 'budi.santoso@tokobudi.co.id');
    await page.fill('input[name="unit"]', 'distribusi jakarta raya');
    await page.fill('input[name="cso"]', 'CSO-0042');
    await page.click('[data-testid="send-context"]');
    await frame.waitForFunction((n) => document.querySelector('[data-testid="caller-name"]').value === n, sc.caller.name);
    assert.equal(await frame.textContent('[data-testid="host-cso"]'), 'CSO: CSO-0042');

    await page.selectOption('[data-testid="demo-sop"]', sc.sop);
    await page.click('[data-testid="demo-start"]');
    await frame.locator('[data-testid="step"][data-step-id="tanya-produk"]').waitFor();
    const line = await frame.textContent('[data-testid="step"] [data-testid="script-line"]');
    assert.match(line, /Mohon maaf sebelumnya Bapak Budi Santoso menggunakan produk ELEKTRINET/);

    // Unit and email come from the console: the walk leaves those fields as prefilled.
    const walk = sc.walk.map((item) => {
      if (!item.fill) return item;
      const fill = { ...item.fill };
      const keep = ['unit', 'email'].filter((id) => id in fill);
      for (const id of keep) delete fill[id];
      return { ...item, fill, keep };
    });
    await frame.locator('[data-testid="step"]').waitFor();
    await walkItems(frame, sc, walk);
    await frame.locator('[data-testid="outcome"]').waitFor();
    assert.deepEqual(await readTickets(frame), sc.expect.ticket, 'prefilled values reach the ticket as typed ones');

    await waitForEvent(page, 'ticket-ready');
    const all = await events(page);
    const types = all.map((e) => e.type);
    assert.equal(types[0], 'ready');
    assert.deepEqual(
      all.filter((e) => e.type === 'step-changed').map((e) => e.step),
      ['tanya-produk', 'data-elektrinet', 'cek-pengecualian', 'tanya-pemilik', 'minta-email', 'terima-kasih',
        'tanya-telepon', 'hp-sama', 'sambung-elektrinet', 'transfer-elektrinet', 'catat-elektrinet'],
    );
    assert.deepEqual(all.find((e) => e.type === 'transfer-requested'),
      { pandu: 1, type: 'transfer-requested', destination: 'Contact Center PLN ICONPLUS', number: '1500071' });
    const ticket = all.find((e) => e.type === 'ticket-ready');
    const callId = await frame.getAttribute('[data-testid="call"]', 'data-call-id');
    assert.equal(ticket.call, callId);
    assert.equal(ticket.cso, 'CSO-0042');
    assert.equal(ticket.sop, sc.sop);
    assert.deepEqual(ticket.tickets.map((t) => t.system), ['apkt']);
    assert.deepEqual(Object.fromEntries(ticket.tickets[0].fields), sc.expect.ticket.apkt);
    assert.deepEqual(ticket.tickets[0].fields.map(([name]) => name), Object.keys(sc.expect.ticket.apkt),
      'fields in the order of the ticket');
    const shown = await frame.textContent('[data-testid="ticket"][data-system="apkt"]');
    for (const [, value] of ticket.tickets[0].fields) assert.ok(shown.includes(value), value);
    assert.ok(ticket.text.includes(`Permasalahan: ${sc.expect.ticket.apkt.Permasalahan}`), ticket.text);
    assert.ok(ticket.text.includes(ticket.time), 'the stamp is in the text');

    // The console pastes the ticket into its APKT form.
    await page.click('[data-testid="demo-paste"]');
    const pasted = await page.$$eval('[data-testid="apkt-form"] [data-field]',
      (els) => Object.fromEntries(els.map((e) => [e.dataset.field, e.value])));
    assert.deepEqual(pasted, sc.expect.ticket.apkt);
    assert.equal(await page.inputValue('[data-testid="apkt-text"]'), ticket.text);

    // Selesai in the widget: the console hears the call end.
    await endCall(frame);
    await waitForEvent(page, 'call-ended');
    const ended = (await events(page)).find((e) => e.type === 'call-ended');
    assert.deepEqual(ended, { pandu: 1, type: 'call-ended', call: callId, cso: 'CSO-0042', sop: sc.sop });
    assert.equal(await page.locator('[data-testid="events"] li[data-type="call-ended"]').count(), 1);
    await assertClean(page, errors);
  } finally {
    await close();
  }
});

test('messages from an origin not on the list are ignored and counted, and nothing is posted there', { timeout: 60_000 }, async () => {
  // The console runs at localhost:<port>, but the widget is told to allow another origin only.
  const allowed = 'https://apkt.contoh.invalid';
  const consoleUrl = `${asLocalhost(BASE_URL)}demo/console.html?widget=${encodeURIComponent(`${BASE_URL}index.html`)}&origins=${encodeURIComponent(allowed)}`;
  const { page, errors, close } = await openPage(browser, consoleUrl, { ignore: NAVIGATION_NOISE });
  try {
    const frame = await widgetFrame(page);
    await waitForReady(frame);
    assert.equal(new URL(frame.url()).searchParams.get('origins'), allowed);
    await page.click('[data-testid="send-context"]');
    await page.evaluate(() => document.getElementById('pandu').contentWindow.postMessage({ pandu: 1, type: 'start', sop: 'pln-terbaik' }, '*'));
    await frame.locator('[data-testid="host-status"][data-ignored="2"]').waitFor();
    assert.equal(await frame.textContent('[data-testid="ignored-messages"]'), '2 pesan dari asal yang tidak diizinkan diabaikan.');
    assert.equal(await frame.inputValue('[data-testid="caller-name"]'), '', 'the context was not applied');
    assert.equal(await frame.locator('[data-testid="sop-search"]').count(), 1, 'no SOP was started');
    assert.deepEqual(await events(page), [], 'no event went to an origin that is not allowed, not even ready');
    await assertClean(page, errors);
  } finally {
    await close();
  }
});

test('a bad host message gets an error event in Indonesian; the widget carries on', { timeout: 60_000 }, async () => {
  const consoleUrl = `${BASE_URL}demo/console.html`;
  const { page, errors, close } = await openPage(browser, consoleUrl, { ignore: NAVIGATION_NOISE });
  try {
    await waitForEvent(page, 'ready');
    const post = (m) => page.evaluate((msg) => document.getElementById('pandu').contentWindow.postMessage(msg, location.origin), m);
    await post({ pandu: 1, type: 'format-disk' });
    await post({ pandu: 1, type: 'start', sop: 'tidak-ada' });
    await post({ pandu: 1, type: 'start' });
    await post({ pandu: 2, type: 'reset' });
    await post({ hello: 'bukan untuk Pandu' });
    await waitForEvent(page, 'error', 4);
    assert.deepEqual((await events(page)).filter((e) => e.type === 'error').map((e) => e.message), [
      'Jenis pesan `format-disk` tidak dikenal (kontrak Pandu versi 1: context, start, reset).',
      'SOP `tidak-ada` tidak ditemukan.',
      'Pesan `start` tidak terbaca: kunci `sop` tidak ada',
      'Pesan kontrak versi 2 tidak didukung; Pandu ini memakai versi 1.',
    ]);
    const frame = await widgetFrame(page);
    await post({ pandu: 1, type: 'start', sop: 'pln-terbaik' });
    // Today the programme has ended (17 Juni 2021): the SOP says so first.
    await frame.locator('[data-testid="step"][data-step-id="program-berakhir"]').waitFor();
    // A second start while that call runs is refused, not a lost call.
    await post({ pandu: 1, type: 'start', sop: 'transfer-elektrinet' });
    await waitForEvent(page, 'error', 5);
    assert.equal((await events(page)).filter((e) => e.type === 'error')[4].message,
      'Panggilan dengan SOP `pln-terbaik` masih berjalan; kirim `reset` dulu.');
    // Reset sets the unfinished call aside: it is listed to resume.
    await page.click('[data-testid="demo-reset"]');
    await frame.locator('[data-testid="resume-item"]').waitFor();
    await waitForEvent(page, 'call-ended');
    await assertClean(page, errors);
  } finally {
    await close();
  }
});

test('Pandu.mount puts the widget in the host page with its context; unmount takes it out', { timeout: 60_000 }, async () => {
  const { page, errors, close } = await openPage(browser, `${BASE_URL}demo/mount.html`, { ignore: NAVIGATION_NOISE });
  try {
    const panel = page.locator('[data-testid="mount-panel"]');
    await waitForReady(panel);
    assert.equal(await panel.locator('[data-testid="app"]').getAttribute('class'), 'pandu pandu--embed');
    assert.equal(await page.inputValue('[data-testid="caller-name"]'), 'Budi Santoso');
    assert.equal(await page.textContent('[data-testid="host-cso"]'), 'CSO: CSO-0042');
    // Pandu's stylesheet leaves the host page alone.
    const host = await page.evaluate(() => ({
      box: getComputedStyle(document.querySelector('h1')).boxSizing,
      bg: getComputedStyle(document.body).backgroundColor,
    }));
    assert.deepEqual(host, { box: 'content-box', bg: 'rgb(238, 241, 245)' });

    await page.click('[data-testid="demo-start"]');
    await page.locator('[data-testid="step"][data-step-id="tanya-produk"]').waitFor();
    assert.match(await page.textContent('[data-testid="script-line"]'), /Bapak Budi Santoso/);
    await page.click('[data-testid="option"][data-option-id="elektrinet"]');
    const unit = page.locator('[data-testid="field"][data-field-id="unit"] input');
    await unit.waitFor();
    assert.equal(await unit.inputValue(), 'DISTRIBUSI JAWA BARAT', 'the unit from the host is prefilled');
    await waitForEvent(page, 'step-changed', 2);
    assert.deepEqual((await events(page)).map((e) => e.type), ['ready', 'step-changed', 'step-changed']);

    await page.click('[data-testid="demo-toggle"]');
    assert.equal(await panel.locator('*').count(), 0, 'unmount empties the panel');
    // Mounted again in the same tab, the call comes back where it was.
    await page.click('[data-testid="demo-toggle"]');
    await panel.locator('[data-testid="step"][data-step-id="data-elektrinet"]').waitFor();
    assert.equal(await unit.inputValue(), 'DISTRIBUSI JAWA BARAT');
    await assertNoPageErrors(page, errors);
  } finally {
    await close();
  }
});

test('an SOP pack from the host is linted in the browser: a bad one is refused with its errors', { timeout: 60_000 }, async () => {
  const broken = sopJson('transfer-elektrinet');
  broken.version = '2099.01.01-1';
  broken.step.find((s) => s.id === 'transfer-elektrinet').next = 'langkah-hilang';
  const { page, errors, close } = await openWithPack('rusak.json', { sops: [broken] });
  try {
    assert.equal(await page.textContent('[data-testid="pack-refused"] code'), 'packs/rusak.json');
    assert.deepEqual(await page.locator('[data-testid="pack-error"]').allTextContents(), [
      'SOP `transfer-elektrinet`, langkah `transfer-elektrinet`: `next` menunjuk langkah `langkah-hilang` yang tidak ada',
      'SOP `transfer-elektrinet`, langkah `transfer-elektrinet`: jalan buntu: dari sini tidak ada jalan ke `outcome`',
      'SOP `transfer-elektrinet`, langkah `catat-elektrinet`: tidak dapat dicapai dari langkah awal',
    ]);
    // The built-in SOP still works.
    await openSop(page, 'transfer-elektrinet');
    assert.equal(await page.getAttribute('[data-testid="step"]', 'data-step-id'), 'tanya-produk');
    await assertNoPageErrors(page, errors);
  } finally {
    await close();
  }
});

test('a good SOP pack adds and updates SOPs before the start screen', { timeout: 60_000 }, async () => {
  const updated = sopJson('transfer-elektrinet');
  updated.version = '2026.12.01-1';
  const extra = sopJson('pln-terbaik');
  extra.id = 'pln-terbaik-uji';
  extra.title = 'Program Pelanggan Terbaik (uji paket)';
  const { page, errors, close } = await openWithPack('baik.json', { sops: [updated, extra] });
  try {
    const old = sopJson('transfer-elektrinet').version;
    assert.equal(await page.textContent('[data-testid="pack-applied"]'),
      `SOP dari packs/baik.json dipakai. SOP baru: pln-terbaik-uji; SOP diperbarui: transfer-elektrinet (versi ${old} → 2026.12.01-1).`);
    await page.fill('[data-testid="sop-search"]', 'uji paket');
    await page.locator('[data-testid="sop-item"][data-sop-id="pln-terbaik-uji"]').click();
    await page.locator('[data-testid="step"][data-step-id="program-berakhir"]').waitFor();
    await assertNoPageErrors(page, errors);
  } finally {
    await close();
  }
});

test('a pack from an origin not on the list is not even fetched', { timeout: 60_000 }, async () => {
  const { page, errors, close } = await openPage(browser, `/?sops=${encodeURIComponent('https://sop.contoh.invalid/paket.json')}`, {
    ignore: NAVIGATION_NOISE,
  });
  try {
    await waitForApp(page, errors);
    assert.deepEqual(await page.locator('[data-testid="pack-error"]').allTextContents(), [
      'asal `https://sop.contoh.invalid` tidak ada dalam daftar origins yang diizinkan',
    ]);
    await assertNoPageErrors(page, errors);
  } finally {
    await close();
  }
});

test('offline: after one visit the service worker serves the app, and a call can be walked', { timeout: 60_000 }, async () => {
  const { context, page, errors, close } = await openApp(browser);
  try {
    // Active and in control, and the cache written (Chromium may show the entries a moment later).
    await page.waitForFunction(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      if (!reg?.active || !navigator.serviceWorker.controller) return false;
      const names = await caches.keys();
      if (names.length !== 1) return false;
      const keys = await (await caches.open(names[0])).keys();
      return keys.some((r) => r.url.endsWith('_bg.wasm'));
    }, null, { timeout: 15_000 });
    // Read again until the listing holds the wasm: Chromium's cache storage may list a cache
    // between two of its own updates (once, an empty list right after the check above).
    const cached = await eventually(async () => {
      const c = await page.evaluate(async () => {
        const names = await caches.keys();
        const cache = await caches.open(names[0]);
        return { names, files: (await cache.keys()).map((r) => new URL(r.url).pathname) };
      });
      return c.files.some((f) => f.endsWith('_bg.wasm')) && c;
    }, 'the offline cache lists the wasm', { timeout: 15_000 });
    assert.equal(cached.names.length, 1);
    assert.match(cached.names[0], /^pandu-[0-9a-f]{16}$/);
    assert.ok(cached.files.some((f) => f.endsWith('_bg.wasm')), cached.files.join(' '));

    await context.setOffline(true);
    await page.reload({ waitUntil: 'load' });
    await waitForApp(page, errors);
    await openSop(page, 'pln-terbaik');
    assert.equal(await page.getAttribute('[data-testid="step"]', 'data-step-id'), 'program-berakhir');
    await context.setOffline(false);
    await assertNoPageErrors(page, errors);
  } finally {
    await close();
  }
});

test('a pack that is not an SOP pack is refused in words, not a blank page', { timeout: 30_000 }, async () => {
  const { page, errors, close } = await openWithPack('lain.json', { hello: 'dunia' });
  try {
    assert.deepEqual(await page.locator('[data-testid="pack-error"]').allTextContents(), [
      'isinya bukan format SOP Pandu: kunci `sops` tidak ada',
    ]);
    await assertNoPageErrors(page, errors);
  } finally {
    await close();
  }
});

test('standalone, the widget has its full layout and no host status', { timeout: 30_000 }, async () => {
  const { page, errors, close } = await openApp(browser);
  try {
    assert.equal(await page.getAttribute('[data-testid="app"]', 'class'), 'pandu');
    assert.equal(await page.locator('[data-testid="host-status"] > *').count(), 0);
    await assertNoPageErrors(page, errors);
  } finally {
    await close();
  }
});
