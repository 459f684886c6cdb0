// The start screen once data is kept: unfinished calls to resume, the quarantine notice, the
// e-voucher queue, the shift history with an entry open, the wipe confirmation, and the storage
// warning. axe finds nothing, nothing scrolls sideways at 320 px, targets are at least 44 px.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import {
  assertAxeClean,
  assertNoHorizontalScroll,
  assertNoPageErrors,
  launchBrowser,
  openTab,
  smallTargets,
} from './lib.mjs';
import { endCall, findScenario, loadScenarios, openSop, setCaller, walkScenario } from './pandu-walk.mjs';

const VOUCHER = 'Pembelian TV di Tokopedia 05-03-2021: data a–g dicatat di APKT, eskalasi HoCC';
const LONG_NAME = 'Kartika Sari Dewi Anggraeni Purnamasari Wijayakusumaningrat';

const scenarios = loadScenarios();
let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

async function checkScreen(page, what) {
  await assertAxeClean(page, what);
  await assertNoHorizontalScroll(page, what);
  assert.deepEqual(await smallTargets(page), [], `small touch targets on ${what}`);
}

for (const width of [320, 1024]) {
  test(`axe, layout and targets at ${width} px: start screen with kept data`, { timeout: 120_000 }, async () => {
    const sc = findScenario(VOUCHER, scenarios);
    assert.ok(sc);
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    try {
      // An unfinished call in another tab, with a long unbroken name.
      const other = await openTab(context);
      await setCaller(other.page, { name: `${LONG_NAME}${'x'.repeat(300)}`, honorific: 'ibu' });
      await openSop(other.page, 'transfer-elektrinet');
      await other.page.click('[data-testid="option"][data-option-id="elektrinet"]');
      await other.page.locator('[data-testid="step"][data-step-id="data-elektrinet"]').waitFor();
      // Unreadable data, found by the next tab to start.
      await other.page.evaluate(() => localStorage.setItem('pandu:v1:call:rusak', '{'));

      const { page, errors } = await openTab(context);
      await walkScenario(page, sc);
      await checkScreen(page, 'a ticket with "Selesai"');
      await endCall(page);
      await page.locator('[data-testid="voucher-queue"]').waitFor();
      assert.equal(await page.locator('[data-testid="resume-item"]').count(), 1);
      assert.equal(await page.locator('[data-testid="quarantine-notice"]').count(), 1);
      await checkScreen(page, 'the start screen with kept data');

      await page.click('[data-testid="history-open"]');
      await page.locator('[data-testid="history-ticket"]').waitFor();
      await checkScreen(page, 'an open history entry');

      await page.click('[data-testid="wipe-all"]');
      await page.locator('[data-testid="wipe-confirm"]').waitFor();
      await checkScreen(page, 'the wipe confirmation');
      await page.click('[data-testid="confirm-cancel"]');
      await assertNoPageErrors(page, errors);
      await assertNoPageErrors(other.page, other.errors);
    } finally {
      await context.close();
    }

    // Storage refused: the warning is readable too.
    const blocked = await browser.newContext({ viewport: { width, height: 800 } });
    await blocked.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('quota', 'QuotaExceededError');
      };
    });
    try {
      const { page, errors } = await openTab(blocked);
      assert.equal(await page.getAttribute('[data-testid="storage-status"]', 'data-state'), 'failed');
      await checkScreen(page, 'the start screen when storage is refused');
      await assertNoPageErrors(page, errors);
    } finally {
      await blocked.close();
    }
  });
}
