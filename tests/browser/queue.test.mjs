// Seed 000's e-voucher day queue: each finished request with data joins it; "Kirim ke PJ Site"
// downloads the HoCC form as CSV, marks the rows sent, and writes the date into the APKT closing
// remark of those calls in the history; the 15:00 WIB deadline counts down and warns once passed.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { assertNoPageErrors, launchBrowser, openTab, storedData, waitForReady, watchErrors } from './lib.mjs';
import { endCall, findScenario, readTickets, walkAndFinish, walkScenario } from './pandu-walk.mjs';

/** The same build behind the strict CSP host consoles use (set by `cargo xtask test`). */
const CSP_URL = process.env.PANDU_CSP_URL ?? '';
const VOUCHER = 'Pembelian TV di Tokopedia 05-03-2021: data a–g dicatat di APKT, eskalasi HoCC';
const NO_DATA = 'Pembelian di dealer partner lain';
// A UTF-8 BOM first, the phone as `="…"` (text in a spreadsheet): see `text::sheet_cell`.
const CSV =
  '\uFEFFNo,Nama Pembeli,Nomor Invoice,Jenis Produk,Harga Produk,Tanggal Transaksi,Nomor HP Pembeli,Email Tokopedia Pembeli\r\n' +
  '1,Dewi Lestari,INV/20210305/XXI/III/734512890,TV LED 43 inch,4599000,2021-03-05,"=""081287654321""",dewi.lestari88@gmail.com\r\n';

const scenario = (name) => findScenario(name);
let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** A context whose clock starts at `time` (and runs on), recording the type of each blob URL made. */
async function contextAt(time) {
  const context = await browser.newContext({ acceptDownloads: true });
  await context.clock.install({ time: new Date(time) });
  await context.addInitScript(() => {
    window.__blobTypes = [];
    const make = URL.createObjectURL;
    URL.createObjectURL = (blob) => {
      window.__blobTypes.push(blob.type);
      return make.call(URL, blob);
    };
  });
  return context;
}

test('a finished request joins the queue; "Kirim ke PJ Site" downloads the CSV, marks it sent, closes APKT with the date', { timeout: 90_000 }, async () => {
  const context = await contextAt('2021-03-05T13:15:00+07:00');
  try {
    const { page, errors } = await openTab(context);
    assert.equal(await page.locator('[data-testid="voucher-queue"]').count(), 0, 'no panel while the queue is empty');

    // An e-voucher call that ends without data a–g does not join.
    await walkAndFinish(page, scenario(NO_DATA));
    assert.equal(await page.locator('[data-testid="voucher-queue"]').count(), 0);

    const id = await walkAndFinish(page, scenario(VOUCHER));
    const queue = page.locator('[data-testid="voucher-queue"]');
    await queue.waitFor();
    assert.deepEqual(await queue.locator('[data-testid="voucher-row"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-call-id'))), [id]);
    assert.match(await queue.locator('[data-testid="voucher-row"]').textContent(), /^Dewi Lestari · INV\/20210305\/XXI\/III\/734512890 · TV LED 43 inch$/);
    const deadline = queue.locator('[data-testid="voucher-deadline"]');
    assert.equal(await deadline.getAttribute('data-state'), 'before');
    assert.match(await deadline.textContent(), /^1 data e-voucher belum dikirim ke PJ Site; batas 15\.00 WIB, 1 jam 4\d menit lagi\.$/);
    assert.equal(JSON.parse((await storedData(page))['pandu:v1:antrean']).rows[0].call_id, id, 'the queue is stored');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="send-pj-site"]'),
    ]);
    assert.equal(download.suggestedFilename(), 'evoucher-pj-site-2021-03-05.csv');
    assert.equal(await readFile(await download.path(), 'utf8'), CSV);
    assert.deepEqual(await page.evaluate(() => window.__blobTypes), ['text/csv;charset=utf-8']);

    assert.equal(await queue.locator('[data-testid="voucher-row"]').count(), 0, 'sent rows leave the list');
    assert.equal(await deadline.getAttribute('data-state'), 'clear');
    assert.equal(await deadline.textContent(), 'Semua data e-voucher sudah dikirim ke PJ Site.');
    assert.equal(await page.isDisabled('[data-testid="send-pj-site"]'), true);
    assert.match(await page.textContent('[data-testid="voucher-status"]'), /^1 data e-voucher diunduh sebagai evoucher-pj-site-2021-03-05\.csv/);
    assert.equal(JSON.parse((await storedData(page))['pandu:v1:antrean']).rows[0].sent_on, '2021-03-05');

    // The history ticket now carries APKT's closing remark with that date.
    await page.click(`[data-testid="history-item"][data-call-id="${id}"] [data-testid="history-open"]`);
    const apkt = (await readTickets(page)).apkt;
    assert.equal(apkt['Keterangan Closed'], 'TELAH DISAMPAIKAN KE PJ SITE PADA TANGGAL 05-03-2021');
    assert.equal(apkt.Permasalahan, scenario(VOUCHER).expect.ticket.apkt.Permasalahan);
    await assertNoPageErrors(page, errors);
  } finally {
    await context.close();
  }
});

test('the 15:00 WIB deadline counts down every minute and warns once passed with rows unsent', { timeout: 90_000 }, async () => {
  const context = await contextAt('2021-03-05T14:57:10+07:00');
  try {
    const { page, errors } = await openTab(context);
    await walkAndFinish(page, scenario(VOUCHER));
    const deadline = page.locator('[data-testid="voucher-deadline"]');
    await deadline.waitFor();
    assert.match(await deadline.textContent(), /batas 15\.00 WIB, 0 jam 2 menit lagi\.$/);
    assert.equal(await deadline.getAttribute('role'), null);

    await context.clock.fastForward('01:00');
    await page.waitForFunction(() => /0 jam 1 menit lagi/.test(document.querySelector('[data-testid="voucher-deadline"]').textContent));

    await context.clock.fastForward('02:00');
    await page.waitForFunction(() => document.querySelector('[data-testid="voucher-deadline"]').getAttribute('data-state') === 'missed');
    assert.equal(await deadline.textContent(), 'Lewat batas 15.00 WIB: 1 data e-voucher belum dikirim ke PJ Site.');
    assert.equal(await deadline.getAttribute('role'), 'alert');
    assert.equal(await page.isEnabled('[data-testid="send-pj-site"]'), true, 'late is better than never');
    await assertNoPageErrors(page, errors);
  } finally {
    await context.close();
  }
});

test('under the strict CSP: autosave, reload and the CSV download work with no violation', { timeout: 90_000 }, async () => {
  assert.ok(CSP_URL, 'PANDU_CSP_URL is not set: run with `cargo xtask test`');
  const context = await browser.newContext({ acceptDownloads: true });
  try {
    const page = await context.newPage();
    // Chromium reports every CSP violation as a console error.
    const errors = watchErrors(page);
    await page.goto(CSP_URL, { waitUntil: 'load' });
    await waitForReady(page);
    const sc = scenario(VOUCHER);
    await walkScenario(page, sc);
    await page.reload({ waitUntil: 'load' });
    await waitForReady(page);
    await page.locator('[data-testid="outcome"]').waitFor();
    assert.deepEqual(await readTickets(page), sc.expect.ticket, 'the call came back after a reload');
    await endCall(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="send-pj-site"]')]);
    assert.match(download.suggestedFilename(), /^evoucher-pj-site-\d{4}-\d\d-\d\d\.csv$/);
    assert.equal(await readFile(await download.path(), 'utf8'), CSV);
    await assertNoPageErrors(page, errors);
  } finally {
    await context.close();
  }
});
