// Never lose a call: every transition is saved in localStorage, so a reload, a crash or a
// closed tab brings the call back exactly; unreadable saved data is set aside, never fatal;
// without storage the widget still serves the call and says it is not saving; two tabs each
// keep their own call.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { assertNoPageErrors, launchBrowser, openApp, openTab, reloadApp, storedData } from './lib.mjs';
import { callSnapshot, endCall, findScenario, openSop, readTickets, setCaller, walkItems, walkScenario } from './pandu-walk.mjs';

/** Goes through a sub-flow (SOP 001) and an escalation: the richest saved state. */
const VOUCHER = 'Pembelian TV di Tokopedia 05-03-2021: data a–g dicatat di APKT, eskalasi HoCC';
const ELEKTRINET = 'Pelanggan ELEKTRINET disambungkan ke CC PLN ICONPLUS 1500071';
const CALL_KEY = /^pandu:v1:call:(.+)$/;

const scenario = (name) => findScenario(name);
let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** The ids of the calls saved in localStorage. */
async function savedCallIds(page) {
  return Object.keys(await storedData(page))
    .map((k) => k.match(CALL_KEY)?.[1])
    .filter(Boolean)
    .sort();
}

/** Starts `sc` in `page` and carries out its first `n` walk items. */
async function walkFirst(page, sc, n) {
  await setCaller(page, sc.caller);
  await openSop(page, sc.sop, { now: sc.now });
  await walkItems(page, sc, sc.walk.slice(0, n));
}

/** Carries out the rest of `sc` after its first `n` items and checks the outcome. */
async function walkRest(page, sc, n) {
  await walkItems(page, sc, sc.walk.slice(n), { first: n });
  await page.locator('[data-testid="outcome"]').waitFor();
  assert.equal(await page.getAttribute('[data-testid="step"]', 'data-step-id'), sc.expect.outcome);
}

test('a reload mid-call comes back at the same step, answers and header; the ticket is the same', { timeout: 90_000 }, async () => {
  const sc = scenario(VOUCHER);
  // The reference: the same walk with no reload.
  const plain = await openApp(browser);
  let reference;
  try {
    await walkScenario(plain.page, sc);
    reference = await readTickets(plain.page);
    await assertNoPageErrors(plain.page, plain.errors);
  } finally {
    await plain.close();
  }

  const { page, errors, close } = await openApp(browser);
  try {
    // Reload three times: in the main flow, inside the included SOP 001, and at the ticket.
    for (const n of [3, 7]) {
      if (n === 3) await walkFirst(page, sc, n);
      else await walkItems(page, sc, sc.walk.slice(3, n), { first: 3 });
      const before = await callSnapshot(page);
      assert.equal((await savedCallIds(page)).length, 1, 'the running call is saved');
      await reloadApp(page);
      await page.locator('[data-testid="step"]').waitFor();
      const after = await callSnapshot(page);
      assert.deepEqual(after, before, `after a reload at walk[${n}]`);
      assert.match(await page.textContent('[data-testid="restore-text"]'), /^Panggilan dipulihkan dari simpanan otomatis \(\d{4}-\d\d-\d\d \d\d:\d\d WIB\)\.$/);
      assert.equal(await page.locator('[data-testid="lost-item"]').count(), 0, 'the SOP did not change: nothing lost');
    }
    await walkRest(page, sc, 7);
    assert.deepEqual(await readTickets(page), reference, 'the ticket equals the walk without reload');
    assert.deepEqual(await readTickets(page), sc.expect.ticket);

    const stamp = await page.textContent('[data-testid="stamp"]');
    await reloadApp(page);
    await page.locator('[data-testid="outcome"]').waitFor();
    assert.deepEqual(await readTickets(page), reference, 'a reload at the ticket keeps it');
    assert.equal(await page.textContent('[data-testid="stamp"]'), stamp, 'and keeps its time');
    await assertNoPageErrors(page, errors);
  } finally {
    await close();
  }
});

test('a changed SOP version: the CSO is told, what still applies is restored, the rest is listed', { timeout: 90_000 }, async () => {
  const sc = scenario(VOUCHER);
  const { page, errors, close } = await openApp(browser);
  try {
    await walkFirst(page, sc, 3);
    const id = await page.getAttribute('[data-testid="call"]', 'data-call-id');
    const version = JSON.parse((await storedData(page))[`pandu:v1:call:${id}`]).call.version;
    // As if the call had been saved under version 0, whose form had a field this one no longer takes.
    await page.evaluate((key) => {
      const saved = JSON.parse(localStorage.getItem(key));
      saved.call.version = '0';
      const form = saved.call.path.find((e) => e.pos.step === 'data-pembeli');
      form.answer.v.harga = 'gratis';
      localStorage.setItem(key, JSON.stringify(saved));
    }, `pandu:v1:call:${id}`);
    await reloadApp(page);
    await page.locator('[data-testid="step"][data-step-id="data-pembeli"]').waitFor();
    assert.match(
      await page.textContent('[data-testid="restore-text"]'),
      new RegExp(`SOP evoucher-tokopedia berubah dari versi 0 ke versi ${version.replaceAll('.', '\\.')} sejak panggilan disimpan: 2 langkah dipulihkan, 6 jawaban tidak berlaku lagi\\.$`),
    );
    const lost = await page.locator('[data-testid="lost-item"]').allTextContents();
    assert.equal(lost.length, 6);
    assert.ok(lost.includes('Nama pembeli (a): Dewi Lestari'), lost.join(' | '));
    assert.deepEqual(await page.locator('[data-testid="breadcrumb"]').allTextContents(), [
      'Tempat pembelian: Tokopedia (TOPED)',
      'Tanggal transaksi',
    ]);
    // The restored call is saved again under the version it now follows.
    const saved = JSON.parse((await storedData(page))[`pandu:v1:call:${id}`]);
    assert.equal(saved.call.version, version);
    await assertNoPageErrors(page, errors);
  } finally {
    await close();
  }
});

test('a closed tab: its call is listed on the start screen of a new tab and resumes', { timeout: 90_000 }, async () => {
  const sc = scenario(VOUCHER);
  const context = await browser.newContext();
  try {
    const first = await openTab(context);
    await walkFirst(first.page, sc, 3);
    const before = await callSnapshot(first.page);
    const [id] = await savedCallIds(first.page);
    assert.equal(before.callId, id, 'the call is saved under its own id');
    await assertNoPageErrors(first.page, first.errors);
    await first.page.close();

    const { page, errors } = await openTab(context);
    await page.locator('[data-testid="sop-search"]').waitFor();
    const item = page.locator(`[data-testid="resume-item"][data-call-id="${id}"]`);
    assert.equal(await page.locator('[data-testid="resume-item"]').count(), 1);
    assert.equal(await item.locator('[data-testid="resume-sop"]').textContent(), 'e-Voucher Tokopedia – promo Tambah Daya Bundling Elektronik “Super Electrillife”');
    assert.equal(await item.locator('[data-testid="resume-caller"]').textContent(), 'Dewi Lestari');
    assert.equal(await item.locator('[data-testid="resume-step"]').textContent(), 'Informasikan proses e-Voucher');
    assert.match(await item.locator('[data-testid="resume-time"]').textContent(), /^\d{4}-\d\d-\d\d \d\d:\d\d$/);

    await item.click();
    await page.locator('[data-testid="step"]').waitFor();
    assert.deepEqual(await callSnapshot(page), before, 'the new tab resumes the call as it was');
    assert.equal(await page.locator('[data-testid="resume-item"]').count(), 0, 'the list is gone during the call');
    await walkRest(page, sc, 3);
    assert.deepEqual(await readTickets(page), sc.expect.ticket);
    await assertNoPageErrors(page, errors);
  } finally {
    await context.close();
  }
});

test('corrupt or old-format saved data is quarantined; the app starts and says so', { timeout: 60_000 }, async () => {
  const garbage = {
    'pandu:v1:call:rusak': '{"format":1,"saved_at":"2026-',
    'pandu:v1:call:kosong': '{"format":1}',
    'pandu:v1:call:lama-format': '{"format":0,"saved_at":"x","call":null}',
    'pandu:v0:call:versi-lama': '{"apa":"saja"}',
    'pandu:v1:riwayat': 'bukan json',
  };
  const context = await browser.newContext();
  // Seeded once, before the app's first script runs.
  await context.addInitScript((data) => {
    if (localStorage.getItem('test:seeded')) return;
    localStorage.setItem('test:seeded', '1');
    for (const [k, v] of Object.entries(data)) localStorage.setItem(k, v);
  }, garbage);
  try {
    const { page, errors } = await openTab(context);
    await page.locator('[data-testid="sop-search"]').waitFor();
    const notice = page.locator('[data-testid="quarantine-notice"]');
    assert.match(await notice.textContent(), /^5 data tersimpan tidak dapat dibaca .* dipindahkan ke karantina/);
    const stored = await storedData(page);
    for (const [key, text] of Object.entries(garbage)) {
      assert.equal(stored[key], undefined, `${key} is no longer where it was`);
      const moved = Object.keys(stored).filter((k) => k.startsWith('pandu:karantina:') && k.endsWith(`:${key}`));
      assert.equal(moved.length, 1, `${key} is under a quarantine key: ${Object.keys(stored)}`);
      assert.match(moved[0], /^pandu:karantina:\d{8}T\d{6}:/);
      assert.equal(stored[moved[0]], text, `${key}: the data is kept as it was`);
    }
    assert.equal(await page.locator('[data-testid="resume-item"]').count(), 0, 'nothing unreadable is offered to resume');
    assert.equal(await page.locator('[data-testid="history-empty"]').count(), 1, 'an empty history instead of the unreadable one');

    // The app works: a call runs and is saved.
    await openSop(page, 'transfer-elektrinet');
    await page.click('[data-testid="option"][data-option-id="elektrinet"]');
    await page.locator('[data-testid="step"][data-step-id="data-elektrinet"]').waitFor();
    assert.equal((await savedCallIds(page)).length, 1);
    assert.equal(await page.getAttribute('[data-testid="storage-status"]', 'data-state'), 'ok');

    // The next start finds nothing new to quarantine.
    await reloadApp(page);
    assert.equal(await page.locator('[data-testid="quarantine-notice"]').count(), 0);
    await assertNoPageErrors(page, errors);
  } finally {
    await context.close();
  }
});

/** localStorage that throws on access, as in some private modes and blocked third-party iframes. */
function storageThrows() {
  Object.defineProperty(window, 'localStorage', {
    configurable: true,
    get() {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    },
  });
}

/** localStorage (and sessionStorage) that refuse every write: storage full. */
function storageFull() {
  Storage.prototype.setItem = function setItem() {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
}

for (const [what, init, reason] of [
  ['blocked (localStorage throws on access)', storageThrows, /diblokir/],
  ['full (setItem throws)', storageFull, /penuh/],
]) {
  test(`storage ${what}: the call runs end to end and the page says it is not saved`, { timeout: 90_000 }, async () => {
    const sc = scenario(ELEKTRINET);
    const context = await browser.newContext();
    await context.addInitScript(init);
    try {
      const { page, errors } = await openTab(context);
      await page.locator('[data-testid="sop-search"]').waitFor();
      const status = page.locator('[data-testid="storage-status"]');
      assert.equal(await status.getAttribute('data-state'), 'failed');
      assert.match(await status.textContent(), /tidak tersimpan/i);
      assert.match(await status.textContent(), reason);
      assert.ok(await status.isVisible());

      await walkScenario(page, sc);
      assert.match(await status.textContent(), /tidak tersimpan/i, 'still said at the ticket');
      await endCall(page);
      await page.locator('[data-testid="sop-search"]').waitFor();
      assert.equal(await page.locator('[data-testid="history-item"]').count(), 1, 'the history works in memory');
      assert.match(await status.textContent(), /tidak tersimpan/i);
      await assertNoPageErrors(page, errors);
    } finally {
      await context.close();
    }
  });
}

test('two tabs: each its own call; neither overwrites the other; a reload keeps its own and lists the other', { timeout: 90_000 }, async () => {
  const context = await browser.newContext();
  try {
    const a = await openTab(context);
    const b = await openTab(context);
    await setCaller(a.page, { name: 'Ani Wijaya', honorific: 'ibu' });
    await openSop(a.page, 'transfer-elektrinet');
    await a.page.click('[data-testid="option"][data-option-id="iconnet"]');
    await a.page.locator('[data-testid="step"][data-step-id="data-iconnet"]').waitFor();

    await setCaller(b.page, { name: 'Budi Hartono', honorific: 'bapak' });
    await openSop(b.page, 'transfer-elektrinet');
    await b.page.click('[data-testid="option"][data-option-id="elektrinet"]');
    await b.page.locator('[data-testid="step"][data-step-id="data-elektrinet"]').waitFor();

    const snapA = await callSnapshot(a.page);
    const snapB = await callSnapshot(b.page);
    assert.notEqual(snapA.callId, snapB.callId);
    assert.deepEqual(await savedCallIds(a.page), [snapA.callId, snapB.callId].sort(), 'both calls are saved');
    const stored = await storedData(a.page);
    assert.equal(JSON.parse(stored[`pandu:v1:call:${snapA.callId}`]).call.caller.name, 'Ani Wijaya');
    assert.equal(JSON.parse(stored[`pandu:v1:call:${snapB.callId}`]).call.caller.name, 'Budi Hartono');

    await reloadApp(a.page);
    await a.page.locator('[data-testid="step"]').waitFor();
    assert.deepEqual(await callSnapshot(a.page), snapA, 'tab A resumes its own call');
    await reloadApp(b.page);
    await b.page.locator('[data-testid="step"]').waitFor();
    assert.deepEqual(await callSnapshot(b.page), snapB, 'tab B resumes its own call');

    // Both are listed where no call runs: a third tab sees both, grabs neither.
    const c = await openTab(context);
    await c.page.locator('[data-testid="sop-search"]').waitFor();
    const listed = await c.page.locator('[data-testid="resume-item"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-call-id')).sort());
    assert.deepEqual(listed, [snapA.callId, snapB.callId].sort());
    const caller = (id) => c.page.textContent(`[data-testid="resume-item"][data-call-id="${id}"] [data-testid="resume-caller"]`);
    assert.equal(await caller(snapA.callId), 'Ani Wijaya');
    assert.equal(await caller(snapB.callId), 'Budi Hartono');

    // When tab A leaves its call (given up half-way), the other tabs' lists follow.
    await a.page.click('[data-testid="leave"]');
    await a.page.click('[data-testid="leave-confirm"]');
    await a.page.locator('[data-testid="sop-search"]').waitFor();
    await c.page.waitForFunction(() => document.querySelectorAll('[data-testid="resume-item"]').length === 1);
    assert.deepEqual(await a.page.locator('[data-testid="resume-item"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-call-id'))), [snapB.callId],
      'tab A now lists tab B\'s call');
    assert.deepEqual(await savedCallIds(b.page), [snapB.callId]);
    assert.deepEqual(await callSnapshot(b.page), snapB, 'tab B is untouched');

    for (const t of [a, b, c]) await assertNoPageErrors(t.page, t.errors);
  } finally {
    await context.close();
  }
});
