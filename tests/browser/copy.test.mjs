// Copying ticket text: the Clipboard API where it is allowed, select-and-copy where it is
// refused, and a selection for Ctrl+C where both fail. The CSO always reads which happened.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { assertNoPageErrors, launchBrowser, openApp, waitForReady } from './lib.mjs';
import { findScenario, readTickets, walkScenario } from './pandu-walk.mjs';

const SCENARIO = 'Pelanggan ELEKTRINET disambungkan ke CC PLN ICONPLUS 1500071';
let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** Opens the app (with `init` run before any page script) and walks to the ELEKTRINET ticket. */
async function atTicket(options = {}, init) {
  const sc = findScenario(SCENARIO);
  const opened = await openApp(browser, options);
  if (init) {
    await opened.page.addInitScript(init);
    await opened.page.reload();
    await waitForReady(opened.page);
  }
  await walkScenario(opened.page, sc);
  return opened;
}

const permasalahan = '[data-testid="ticket"][data-system="apkt"] [data-testid="ticket-field"][data-field="Permasalahan"]';
const status = (page) => page.textContent('[data-testid="copy-status"]');

test('copy with the Clipboard API: the exact value, and the status says so', { timeout: 60_000 }, async () => {
  const { page, errors, close, context } = await atTicket();
  try {
    const origin = new URL(page.url()).origin;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    const value = await page.textContent(`${permasalahan} [data-testid="ticket-value"]`);
    await page.click(`${permasalahan} [data-testid="copy-field"]`);
    await page.waitForFunction(() => document.querySelector('[data-testid="copy-status"]').textContent !== '');
    assert.equal(await status(page), 'Tersalin: Permasalahan');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), value);

    await page.click('[data-testid="copy-all"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="copy-status"]').textContent === 'Tersalin: semua tiket');
    const all = await page.evaluate(() => navigator.clipboard.readText());
    const t = (await readTickets(page)).apkt;
    const head = ['APKT – Keluhan', ...Object.entries(t).map(([k, v]) => `${k}: ${v}`)].join('\n');
    assert.ok(all.startsWith(`${head}\n\n`), `copy-all starts with the APKT block:\n${all}`);
    assert.ok(all.includes('\n\nTransfer: Contact Center PLN ICONPLUS 1500071'), 'copy-all lists the transfer');
    const stamp = await page.textContent('[data-testid="stamp"]');
    // The transfer announcement, the thank-you and the service-information line of SOP 001.
    assert.match(stamp, /^SOP transfer-elektrinet v2023\.07\.26-4 · \d\d-\d\d-\d{4} \d\d:\d\d WIB · 2 kalimat wajib disampaikan$/);
    assert.ok(all.endsWith(`\n\n${stamp}`), 'copy-all ends with the stamp');
    await assertNoPageErrors(page, errors);
  } finally {
    await close();
  }
});

test('clipboard refused: select-and-copy fallback, and the status says so', { timeout: 60_000 }, async () => {
  const { page, errors, close } = await atTicket({}, () => {
    Object.defineProperty(navigator.clipboard, 'writeText', {
      value: () => Promise.reject(new DOMException('refused by the test', 'NotAllowedError')),
    });
    window.__copied = [];
    document.execCommand = (cmd) => {
      const a = document.activeElement;
      const selected = a && (a.tagName === 'TEXTAREA' || a.tagName === 'INPUT')
        ? a.value.substring(a.selectionStart, a.selectionEnd)
        : String(window.getSelection());
      window.__copied.push({ cmd, selected });
      return true;
    };
  });
  try {
    const value = await page.textContent(`${permasalahan} [data-testid="ticket-value"]`);
    const button = page.locator(`${permasalahan} [data-testid="copy-field"]`);
    await button.click();
    await page.waitForFunction(() => document.querySelector('[data-testid="copy-status"]').textContent !== '');
    assert.equal(await status(page), 'Tersalin (cara cadangan): Permasalahan');
    assert.deepEqual(await page.evaluate(() => window.__copied), [{ cmd: 'copy', selected: value }]);
    assert.equal(await button.evaluate((b) => b === document.activeElement), true, 'the focus is back on the button');
    assert.equal(await page.locator('.pandu-copybuf').count(), 0, 'the helper textarea is removed');
    await assertNoPageErrors(page, errors);
  } finally {
    await close();
  }
});

test('both refused: the text is selected for Ctrl+C, and the status says so', { timeout: 60_000 }, async () => {
  const { page, errors, close } = await atTicket({}, () => {
    Object.defineProperty(navigator.clipboard, 'writeText', {
      value: () => Promise.reject(new DOMException('refused by the test', 'NotAllowedError')),
    });
    document.execCommand = () => false;
  });
  try {
    const value = await page.textContent(`${permasalahan} [data-testid="ticket-value"]`);
    await page.click(`${permasalahan} [data-testid="copy-field"]`);
    await page.waitForFunction(() => document.querySelector('[data-testid="copy-status"]').textContent !== '');
    assert.equal(await status(page), 'Gagal menyalin: pilih teks lalu tekan Ctrl+C');
    await page.waitForFunction((v) => String(window.getSelection()) === v, value, { timeout: 2_000 });

    await page.click('[data-testid="copy-all"]');
    const manual = page.locator('[data-testid="copy-manual"]');
    await manual.waitFor();
    await page.waitForFunction(() => {
      const a = document.activeElement;
      return a?.getAttribute('data-testid') === 'copy-manual' && a.selectionEnd - a.selectionStart === a.value.length;
    }, null, { timeout: 2_000 });
    assert.match(await manual.inputValue(), /^APKT – Keluhan\n/);
    assert.equal(await status(page), 'Gagal menyalin: pilih teks lalu tekan Ctrl+C');
    await assertNoPageErrors(page, errors);
  } finally {
    await close();
  }
});
