// End of call and shift history: "Selesai" ends the call (saved state removed, tickets into
// the history), the list masks NIK, e-mail and phone, an opened entry gives the full ticket to
// copy again, the history keeps the last N and is purged at the end of the shift, and
// "Hapus semua data" wipes everything Pandu stored.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { assertNoPageErrors, launchBrowser, openApp, openTab, reloadApp, storedData } from './lib.mjs';
import { endCall, findScenario, openSop, readTickets, setCaller, walkAndFinish, walkScenario } from './pandu-walk.mjs';

const VOUCHER = 'Pembelian TV di Tokopedia 05-03-2021: data a–g dicatat di APKT, eskalasi HoCC';
const NIK = 'PD: verifikasi langsung; nama akun Sagita98 diperingatkan dan diubah saat itu, NIK, HP dan email salah ditolak; Team Leader menyetujui, akun berhasil terverifikasi';
const ELEKTRINET = 'Pelanggan ELEKTRINET disambungkan ke CC PLN ICONPLUS 1500071';

const scenario = (name) => findScenario(name);
let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

const historyIds = (page) =>
  page.locator('[data-testid="history-item"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-call-id')));

test('"Selesai" ends the call: saved state gone, tickets in the history, masked in the list, full when opened', { timeout: 90_000 }, async () => {
  const { page, errors, close } = await openApp(browser);
  try {
    assert.equal(await page.locator('[data-testid="history-empty"]').count(), 1);
    const voucher = scenario(VOUCHER);
    const id = await walkAndFinish(page, voucher);
    const stored = await storedData(page);
    assert.equal(stored[`pandu:v1:call:${id}`], undefined, 'the saved call is removed');
    assert.deepEqual(await storedData(page, 'sessionStorage'), {}, 'the tab runs no call any more');
    assert.equal(await page.inputValue('[data-testid="caller-name"]'), '', 'the header is cleared for the next caller');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'caller-name');
    assert.equal(await page.locator('[data-testid="resume-item"]').count(), 0, 'an ended call is not unfinished');
    assert.deepEqual(await historyIds(page), [id]);
    assert.equal(JSON.parse(stored['pandu:v1:riwayat']).entries[0].call_id, id, 'the history is stored');

    const item = page.locator(`[data-testid="history-item"][data-call-id="${id}"]`);
    assert.equal(await item.locator('[data-testid="history-caller"]').textContent(), 'Dewi Lestari');
    assert.equal(
      await item.locator('[data-testid="history-preview"]').textContent(),
      'PERMINTAAN E-VOUCHER TOKOPEDIA PROMO SUPER ELECTRILLIFE: NAMA DEWI LESTARI, INVOICE INV/20210305/XXI/III/734512890, ' +
        'PRODUK TV LED 43 INCH, HARGA RP4.599.000, TGL TRANSAKSI 05-03-2021, HP 0812*****321, EMAIL D***@GMAIL.COM',
    );
    const listed = await page.textContent('[data-testid="history"]');
    for (const secret of ['081287654321', 'dewi.lestari88', 'DEWI.LESTARI88']) {
      assert.ok(!listed.includes(secret), `the closed list does not show ${secret}`);
    }
    assert.equal(await page.locator('[data-testid="ticket"]').count(), 0);

    // Opened: the very ticket of the call, with its copy buttons.
    await item.locator('[data-testid="history-open"]').click();
    await item.locator('[data-testid="history-ticket"]').waitFor();
    assert.equal(await item.locator('[data-testid="history-open"]').getAttribute('aria-expanded'), 'true');
    assert.deepEqual(await readTickets(page), voucher.expect.ticket);
    assert.ok((await item.locator('[data-testid="copy-field"]').count()) > 0, 'each field can be copied again');
    assert.equal(await item.locator('[data-testid="copy-all"]').count(), 1);
    // SOP 001 inside it: the thank-you and the service-information line were ticked.
    assert.match(await item.locator('[data-testid="stamp"]').textContent(), /^SOP evoucher-tokopedia v2021\.02\.26-2 · \d\d-\d\d-\d{4} \d\d:\d\d WIB · 1 kalimat wajib disampaikan$/);
    await item.locator('[data-testid="history-open"]').click();
    assert.equal(await page.locator('[data-testid="ticket"]').count(), 0, 'closed again');

    // A NIK in the list is masked too; a reload keeps the history, newest first.
    const nik = scenario(NIK);
    const second = await walkAndFinish(page, nik);
    await reloadApp(page);
    assert.deepEqual(await historyIds(page), [second, id]);
    const preview = await page.textContent(`[data-testid="history-item"][data-call-id="${second}"] [data-testid="history-preview"]`);
    assert.match(preview, /\(NIK 3174\*{9}003\)/);
    assert.ok(!(await page.textContent('[data-testid="history"]')).includes('3174055508950003'));
    await page.click(`[data-testid="history-item"][data-call-id="${second}"] [data-testid="history-open"]`);
    assert.deepEqual(await readTickets(page), nik.expect.ticket);
    await assertNoPageErrors(page, errors);
  } finally {
    await close();
  }
});

test('"Selesai" and "Ganti SOP" at the ticket end the call into the history too', { timeout: 90_000 }, async () => {
  const sc = scenario(ELEKTRINET);
  const { page, errors, close } = await openApp(browser);
  try {
    await walkScenario(page, sc);
    const first = await page.getAttribute('[data-testid="call"]', 'data-call-id');
    await endCall(page);
    await page.locator('[data-testid="sop-search"]').waitFor();

    await walkScenario(page, sc);
    const second = await page.getAttribute('[data-testid="call"]', 'data-call-id');
    await page.click('[data-testid="leave"]');
    await page.locator('[data-testid="sop-search"]').waitFor();
    assert.equal(await page.inputValue('[data-testid="caller-name"]'), sc.caller.name, '"Ganti SOP" keeps the caller');
    assert.deepEqual(await historyIds(page), [second, first]);
    assert.deepEqual(Object.keys(await storedData(page)).filter((k) => k.includes(':call:')), []);
    await assertNoPageErrors(page, errors);
  } finally {
    await close();
  }
});

test('?riwayat=2 keeps the last two ended calls', { timeout: 90_000 }, async () => {
  const sc = scenario(ELEKTRINET);
  const { page, errors, close } = await openApp(browser, { path: '/?riwayat=2' });
  try {
    assert.match(await page.textContent('[data-testid="history-purge"]'), /^Menyimpan 2 panggilan terakhir/);
    const ids = [];
    for (let i = 0; i < 3; i += 1) ids.push(await walkAndFinish(page, sc));
    assert.deepEqual(await historyIds(page), [ids[2], ids[1]]);
    await assertNoPageErrors(page, errors);
  } finally {
    await close();
  }
});

test('the history is purged at the end of the shift (?akhir_shift=HH:MM, default midnight WIB)', { timeout: 90_000 }, async () => {
  const sc = scenario(ELEKTRINET);
  const context = await browser.newContext();
  // 13:58:30 WIB on 5 March 2026; the shift ends at 14:00.
  await context.clock.install({ time: new Date('2026-03-05T13:58:30+07:00') });
  try {
    const plain = await openTab(context);
    assert.match(await plain.page.textContent('[data-testid="history-purge"]'), /pukul 00:00 WIB/);
    await assertNoPageErrors(plain.page, plain.errors);
    await plain.page.close();

    const { page, errors } = await openTab(context, '/?akhir_shift=14:00');
    assert.match(await page.textContent('[data-testid="history-purge"]'), /pukul 14:00 WIB/);
    const id = await walkAndFinish(page, sc);
    assert.deepEqual(await historyIds(page), [id]);
    assert.equal(JSON.parse((await storedData(page))['pandu:v1:riwayat']).purge_at, '2026-03-05T14:00:00');

    // The minute tick after 14:00 empties the list and the storage.
    await context.clock.fastForward('02:00');
    await page.locator('[data-testid="history-empty"]').waitFor({ timeout: 5_000 });
    const h = JSON.parse((await storedData(page))['pandu:v1:riwayat']);
    assert.deepEqual(h.entries, []);
    assert.equal(h.purge_at, '2026-03-06T14:00:00', 'the next purge is at the end of the next shift');

    // A history whose shift ended while no tab was open is purged at start-up.
    await walkAndFinish(page, sc);
    await page.evaluate(() => {
      const h = JSON.parse(localStorage.getItem('pandu:v1:riwayat'));
      h.purge_at = '2026-03-05T14:00:00';
      localStorage.setItem('pandu:v1:riwayat', JSON.stringify(h));
    });
    await reloadApp(page);
    await page.locator('[data-testid="history-empty"]').waitFor({ timeout: 5_000 });
    await assertNoPageErrors(page, errors);
  } finally {
    await context.close();
  }
});

test('"Hapus semua data" asks in the page, then wipes every pandu: key in both storages', { timeout: 90_000 }, async () => {
  const sc = scenario(ELEKTRINET);
  const context = await browser.newContext();
  let dialogs = 0;
  try {
    // Another tab's unfinished call, quarantined data, and an ended call in the history.
    const other = await openTab(context);
    await setCaller(other.page, { name: 'Sari', honorific: 'ibu' });
    await openSop(other.page, 'transfer-elektrinet');
    await other.page.click('[data-testid="option"][data-option-id="iconnet"]');
    await other.page.locator('[data-testid="step"][data-step-id="data-iconnet"]').waitFor();
    await other.page.evaluate(() => {
      localStorage.setItem('pandu:karantina:20260305T090000:pandu:v0:call:x', '{}');
      localStorage.setItem('lain:punya-aplikasi-lain', 'tetap');
    });

    const { page, errors } = await openTab(context);
    page.on('dialog', (d) => {
      dialogs += 1;
      d.dismiss();
    });
    await walkAndFinish(page, sc);
    assert.equal(await page.locator('[data-testid="resume-item"]').count(), 1);
    assert.equal(await page.locator('[data-testid="history-item"]').count(), 1);
    await setCaller(page, { name: 'Budi', idpel: '512345678901' });

    await page.click('[data-testid="wipe-all"]');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'wipe-confirm');
    assert.match(await page.textContent('[data-testid="confirm"]'), /Hapus semua data Pandu di browser ini\?/);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'wipe-all');
    assert.equal(await page.locator('[data-testid="confirm"]').count(), 0, 'Esc cancels');
    await page.click('[data-testid="wipe-all"]');
    await page.click('[data-testid="confirm-cancel"]');
    assert.equal(await page.locator('[data-testid="history-item"]').count(), 1, 'Batal keeps everything');

    await page.click('[data-testid="wipe-all"]');
    await page.click('[data-testid="wipe-confirm"]');
    await page.locator('[data-testid="history-empty"]').waitFor();
    assert.equal(await page.textContent('[data-testid="data-status"]'), 'Semua data Pandu di browser ini sudah dihapus.');
    assert.equal(await page.locator('[data-testid="resume-item"]').count(), 0);
    assert.equal(await page.inputValue('[data-testid="caller-name"]'), '', 'the header is cleared too');
    assert.deepEqual(await storedData(page), {}, 'no pandu: key is left in localStorage');
    assert.equal(await page.evaluate(() => localStorage.getItem('lain:punya-aplikasi-lain')), 'tetap', 'other apps\' data stays');
    assert.deepEqual(await storedData(page, 'sessionStorage'), {});
    assert.equal(dialogs, 0, 'no window.confirm');
    await assertNoPageErrors(page, errors);
    await assertNoPageErrors(other.page, other.errors);
  } finally {
    await context.close();
  }
});
