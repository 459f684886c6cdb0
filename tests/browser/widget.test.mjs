// The widget, end to end in Chromium: every scenario of every SOP walked through the real
// UI from the finder to the ticket, plus what the scenarios do not cover (the finder's
// status labels, the caller header mid-call, restart, breadcrumbs).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { assertNoPageErrors, launchBrowser, openApp } from './lib.mjs';
import { endCall, loadScenarios, openSop, readTickets, setCaller, walkScenario } from './pandu-walk.mjs';

/**
 * Scenarios that must exist and be walked, per SOP: renaming or dropping one fails here
 * instead of silently shrinking the suite.
 */
const REQUIRED = {
  'transfer-elektrinet': [
    'Pelanggan ELEKTRINET disambungkan ke CC PLN ICONPLUS 1500071',
    'Pelanggan ICONNET kecewa (email/HP tidak diminta) disambungkan ke CC PLN ICONNET 150678',
  ],
  'niaga-pln-mobile': [
    'I.a PD 1300→2200 VA, pemohon tidak memiliki HP: APKT Keluhan seperti capture seed, Simone URGENT',
    'I.d PS Pelanggan Lintas Fasa diproses s.d Nomor Register',
    'I.d PS Non Pelanggan diproses s.d Nomor Register; NIK dengan tanggal mustahil ditolak',
    'PD: verifikasi terkendala jaringan, permohonan maaf dan Form Request Callback',
  ],
  'evoucher-tokopedia': ['Pembelian TV di Tokopedia 05-03-2021: data a–g dicatat di APKT, eskalasi HoCC'],
  'pln-terbaik': ['Pelanggan Jakarta menanyakan kebenaran program: dijelaskan, APKT ISSUE CLOSED'],
  'kontak-email-hp': ['Pemilik memberikan email; No. Telepon yang digunakan dapat dihubungi'],
};

const scenarios = loadScenarios();
let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

test('every required scenario exists, and each SOP has one that ends in a ticket', () => {
  for (const [sop, names] of Object.entries(REQUIRED)) {
    const have = scenarios.filter((s) => s.sop === sop);
    for (const name of names) {
      assert.ok(have.some((s) => s.name === name), `missing scenario for ${sop}: "${name}"`);
    }
    assert.ok(
      have.some((s) => Object.keys(s.expect?.ticket ?? {}).length > 0),
      `${sop}: no scenario asserts ticket values`,
    );
  }
});

describe('scenarios walked through the UI', () => {
  for (const sc of scenarios) {
    test(`${sc.sop}: ${sc.name}`, { timeout: 60_000 }, async () => {
      const { page, errors, close } = await openApp(browser);
      try {
        await walkScenario(page, sc);
        await assertNoPageErrors(page, errors);
      } finally {
        await close();
      }
    });
  }
});

test('the finder: callers\' words, status of each SOP, sub-flows last', { timeout: 60_000 }, async () => {
  const { page, errors, close } = await openApp(browser);
  try {
    const ids = () => page.locator('[data-testid="sop-item"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-sop-id')));
    const all = await ids();
    assert.equal(all.length, 5, `five SOPs listed, got ${all}`);
    assert.equal(all.at(-1), 'kontak-email-hp', 'the sub-flow is listed after the others');

    for (const [q, want] of [
      ['tambah daya', 'niaga-pln-mobile'],
      ['pasang baru', 'niaga-pln-mobile'],
      ['internet mati', 'transfer-elektrinet'],
      ['voucher tokopedia', 'evoucher-tokopedia'],
    ]) {
      await page.fill('[data-testid="sop-search"]', q);
      assert.equal((await ids())[0], want, `"${q}" puts ${want} first`);
    }

    await page.fill('[data-testid="sop-search"]', '');
    const status = (id) => page.locator(`[data-testid="sop-item"][data-sop-id="${id}"] [data-testid="sop-status"]`);
    assert.equal(await status('evoucher-tokopedia').getAttribute('data-status'), 'berakhir');
    assert.equal(await status('evoucher-tokopedia').textContent(), 'Berakhir 31-03-2021');
    assert.equal(await status('pln-terbaik').textContent(), 'Berakhir 17-06-2021');
    assert.equal(await status('transfer-elektrinet').textContent(), 'Berlaku');

    // An ended SOP stays runnable, and says so.
    await page.click('[data-testid="sop-item"][data-sop-id="evoucher-tokopedia"]');
    await page.locator('[data-testid="step"]').waitFor();
    assert.match(await page.textContent('[data-testid="sop-ended"]'), /sudah berakhir pada 31-03-2021/);

    await assertNoPageErrors(page, errors);
  } finally {
    await close();
  }
});

test('ready: data-ready on the root, a performance mark, the search box focused', { timeout: 30_000 }, async () => {
  const { page, errors, close } = await openApp(browser);
  try {
    const marks = await page.evaluate(() => performance.getEntriesByName('pandu-ready', 'mark').length);
    assert.equal(marks, 1, 'performance.mark("pandu-ready") once');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'sop-search');
    assert.equal(await page.locator('main').count(), 1);
    assert.equal(await page.isVisible('.pandu-boot'), false, 'the loading note is hidden once the app runs');
    await assertNoPageErrors(page, errors);
  } finally {
    await close();
  }
});

test('no match says so instead of an empty list', { timeout: 30_000 }, async () => {
  const { page, errors, close } = await openApp(browser);
  try {
    await page.fill('[data-testid="sop-search"]', 'qwertyuiop');
    assert.equal(await page.locator('[data-testid="sop-item"]').count(), 0);
    assert.match(await page.textContent('#pandu-finder-count'), /Tidak ada SOP yang cocok/);
    await assertNoPageErrors(page, errors);
  } finally {
    await close();
  }
});

test('a step shows its clause, the assumed flag, script lines apart from CSO instructions', { timeout: 30_000 }, async () => {
  const { page, errors, close } = await openApp(browser);
  try {
    await setCaller(page, { name: 'Budi Santoso', honorific: 'bapak' });
    await openSop(page, 'transfer-elektrinet');
    assert.equal(await page.textContent('[data-testid="clause"]'), 'SOP 003 B.1');
    const line = page.locator('[data-testid="script-line"]').first();
    assert.match(await line.textContent(), /Mohon maaf sebelumnya Bapak Budi Santoso menggunakan produk/);
    assert.ok((await page.locator('.pandu-say [data-testid="do-line"]').count()) === 0, 'instructions are not inside the script block');
    assert.ok((await page.locator('.pandu-do [data-testid="do-line"]').count()) > 0, 'the step has CSO instructions');
    assert.equal(await page.locator('[data-testid="option"]').first().textContent(), '1ELEKTRINET (bisnis, punya SID)');

    // Changing the header mid-call changes the script at once.
    await page.fill('[data-testid="caller-name"]', 'Sari Dewi');
    await page.selectOption('[data-testid="caller-honorific"]', 'ibu');
    assert.match(await line.textContent(), /Mohon maaf sebelumnya Ibu Sari Dewi menggunakan produk/);

    await page.click('[data-testid="option"][data-option-id="elektrinet"]');
    await page.locator('[data-testid="step"][data-step-id="data-elektrinet"]').waitFor();
    assert.equal(await page.locator('[data-testid="assumed"]').textContent(), 'Tafsiran: seed tidak mengatur');
    await assertNoPageErrors(page, errors);
  } finally {
    await close();
  }
});

test('header edits keep what the CSO typed; blur validation; breadcrumbs go back', { timeout: 30_000 }, async () => {
  const { page, errors, close } = await openApp(browser);
  try {
    await setCaller(page, { name: 'Budi', honorific: 'bapak' });
    await openSop(page, 'transfer-elektrinet');
    await page.click('[data-testid="option"][data-option-id="elektrinet"]');
    const unit = page.locator('[data-testid="field"][data-field-id="unit"] input');
    await unit.fill('DISTRIBUSI BALI');
    await page.fill('[data-testid="caller-name"]', 'Budi Setiawan');
    assert.equal(await unit.inputValue(), 'DISTRIBUSI BALI', 'typed input survives a header edit');

    // Blur on an emptied required field says so, linked to the input.
    await unit.fill('');
    await unit.blur();
    const err = page.locator('[data-testid="field"][data-field-id="unit"] [data-testid="field-error"]');
    assert.equal(await err.textContent(), 'Wajib diisi.');
    assert.equal(await unit.getAttribute('aria-invalid'), 'true');
    const described = await unit.getAttribute('aria-describedby');
    assert.ok(described.split(' ').includes(await err.getAttribute('id')), 'the error is in aria-describedby');
    await unit.fill('DISTRIBUSI BALI');
    assert.equal(await err.count(), 0, 'the error clears once the input is right');
    await page.fill('[data-testid="field"][data-field-id="up3"] input', 'UP3 DENPASAR');

    await page.click('[data-testid="next"]');
    await page.locator('[data-testid="step"][data-step-id="cek-pengecualian"]').waitFor();
    const crumbs = page.locator('[data-testid="breadcrumb"]');
    assert.deepEqual(await crumbs.allTextContents(), [
      'Tanyakan produk: ELEKTRINET (bisnis, punya SID)',
      'Catat data pelapor',
    ]);
    assert.match(await page.textContent('[data-testid="progress"]'), /Langkah 3 dari/);
    await crumbs.first().click();
    await page.locator('[data-testid="step"][data-step-id="tanya-produk"]').waitFor();
    assert.deepEqual(await page.locator('[data-testid="dropped-value"]').allTextContents(), [
      'DISTRIBUSI BALI',
      'UP3 DENPASAR',
      'ELEKTRINET (bisnis, punya SID)',
    ]);
    assert.equal(await page.locator('[data-testid="breadcrumb"]').count(), 0);
    await assertNoPageErrors(page, errors);
  } finally {
    await close();
  }
});

test('restart asks first, in the page; Batal keeps the call', { timeout: 30_000 }, async () => {
  const { page, errors, close } = await openApp(browser);
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs += 1;
    d.dismiss();
  });
  try {
    await openSop(page, 'transfer-elektrinet');
    await page.click('[data-testid="option"][data-option-id="iconnet"]');
    await page.locator('[data-testid="step"][data-step-id="data-iconnet"]').waitFor();

    await page.click('[data-testid="restart"]');
    await page.click('[data-testid="confirm-cancel"]');
    assert.equal(await page.getAttribute('[data-testid="step"]', 'data-step-id'), 'data-iconnet');

    await page.click('[data-testid="restart"]');
    // The focus moves on the next task, after the bar is painted: wait for it.
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'restart-confirm',
      null, { timeout: 2_000 }).catch(() => {});
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-testid')), 'restart-confirm',
      'the confirmation takes the focus');
    await page.click('[data-testid="restart-confirm"]');
    await page.locator('[data-testid="step"][data-step-id="tanya-produk"]').waitFor();
    assert.equal(await page.locator('[data-testid="breadcrumb"]').count(), 0);
    assert.equal(dialogs, 0, 'no window.confirm');
    await assertNoPageErrors(page, errors);
  } finally {
    await close();
  }
});

test('texts from users are shown as text, never as markup', { timeout: 30_000 }, async () => {
  const { page, errors, close } = await openApp(browser);
  try {
    const evil = '<img src=x onerror="window.__pwned=1">';
    await setCaller(page, { name: evil, honorific: 'ibu' });
    await openSop(page, 'transfer-elektrinet');
    assert.match(await page.locator('[data-testid="script-line"]').first().textContent(), /Ibu <img src=x/);
    await page.click('[data-testid="option"][data-option-id="elektrinet"]');
    await page.fill('[data-testid="field"][data-field-id="unit"] input', evil);
    await page.fill('[data-testid="field"][data-field-id="up3"] input', 'UP3 DENPASAR');
    await page.click('[data-testid="next"]');
    await page.locator('[data-testid="step"][data-step-id="cek-pengecualian"]').waitFor();
    await page.click('[data-testid="option"][data-option-id="ya"]');
    await page.locator('[data-testid="step"][data-step-id="sambung-elektrinet"]').waitFor();
    // The transfer announcement is a must-say line.
    await page.check('[data-testid="script-must"]');
    await page.click('[data-testid="option"][data-option-id="ya"]');
    await page.click('[data-testid="next"]');
    await page.locator('[data-testid="ticket"]').waitFor();
    const t = await readTickets(page);
    assert.equal(t.apkt.Unit, '<IMG SRC=X ONERROR="WINDOW.__PWNED=1">');
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.locator('main img').count(), 0);
    await assertNoPageErrors(page, errors);
  } finally {
    await close();
  }
});

test('after the ticket, "Selesai" clears the header for the next caller', { timeout: 60_000 }, async () => {
  const sc = scenarios.find((s) => s.name === REQUIRED['transfer-elektrinet'][0]);
  const { page, errors, close } = await openApp(browser);
  try {
    await walkScenario(page, sc);
    await endCall(page);
    await page.locator('[data-testid="sop-search"]').waitFor();
    assert.equal(await page.inputValue('[data-testid="caller-name"]'), '');
    assert.equal(await page.inputValue('[data-testid="caller-honorific"]'), '');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'caller-name');

    // "Ganti SOP" mid-call asks first, then keeps the caller.
    await setCaller(page, { name: 'Rina', honorific: 'ibu' });
    await openSop(page, 'transfer-elektrinet');
    await page.click('[data-testid="option"][data-option-id="iconnet"]');
    await page.locator('[data-testid="step"][data-step-id="data-iconnet"]').waitFor();
    await page.click('[data-testid="leave"]');
    await page.click('[data-testid="leave-confirm"]');
    await page.locator('[data-testid="sop-search"]').waitFor();
    assert.equal(await page.inputValue('[data-testid="caller-name"]'), 'Rina');
    await assertNoPageErrors(page, errors);
  } finally {
    await close();
  }
});
