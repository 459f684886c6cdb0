// Accessibility and layout: axe-core finds nothing on the four screens a CSO sees most
// (start, a step with options, a form showing errors, a ticket); nothing scrolls sideways
// at 320 px; touch targets are at least 44 px; focus is visible.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import {
  assertAxeClean,
  assertNoHorizontalScroll,
  assertNoPageErrors,
  launchBrowser,
  openApp,
  smallTargets,
} from './lib.mjs';
import { findScenario, openSop, setCaller, walkScenario } from './pandu-walk.mjs';

const TICKET_SCENARIO = 'I.a PD 1300→2200 VA, pemohon tidak memiliki HP: APKT Keluhan seperti capture seed, Simone URGENT';
let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

for (const width of [320, 1024]) {
  test(`axe, layout and targets at ${width} px: start, options, form errors, ticket`, { timeout: 90_000 }, async () => {
    const { page, errors, close } = await openApp(browser, { context: { viewport: { width, height: 800 } } });
    try {
      // Long unbroken values are what breaks narrow layouts.
      await setCaller(page, {
        name: 'Kartika Sari Dewi Anggraeni Purnamasari Wijayakusumaningrat',
        honorific: 'ibu',
        idpel: '543210987654',
        phone: '081234567890',
      });
      await assertAxeClean(page, 'the start screen');
      await assertNoHorizontalScroll(page, 'the start screen');
      assert.deepEqual(await smallTargets(page), [], 'small touch targets on the start screen');

      await openSop(page, 'transfer-elektrinet');
      assert.ok((await page.locator('[data-testid="option"]').count()) > 1);
      await assertAxeClean(page, 'a step with options');
      await assertNoHorizontalScroll(page, 'a step with options');
      assert.deepEqual(await smallTargets(page), [], 'small touch targets on a step');

      // Visible focus: an option reached by keyboard has an outline.
      await page.focus('[data-testid="option"]');
      await page.keyboard.press('ArrowDown');
      await page.waitForFunction(() => document.activeElement?.getAttribute('data-option-id') === 'iconnet');
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
      assert.notEqual(outline, 'none', 'focused controls show an outline');

      await page.click('[data-testid="option"][data-option-id="elektrinet"]');
      await page.fill('[data-testid="field"][data-field-id="unit"] input', '');
      await page.click('[data-testid="next"]');
      await page.locator('[data-testid="field-error"]').first().waitFor();
      await assertAxeClean(page, 'a form showing errors');
      await assertNoHorizontalScroll(page, 'a form showing errors');
      await assertNoPageErrors(page, errors);
    } finally {
      await close();
    }

    const sc = findScenario(TICKET_SCENARIO);
    const second = await openApp(browser, { context: { viewport: { width, height: 800 } } });
    try {
      await walkScenario(second.page, sc);
      assert.ok((await second.page.locator('[data-testid="ticket"]').count()) >= 2);
      await assertAxeClean(second.page, 'a ticket');
      await assertNoHorizontalScroll(second.page, 'a ticket');
      assert.deepEqual(await smallTargets(second.page), [], 'small touch targets on a ticket');
      await assertNoPageErrors(second.page, second.errors);
    } finally {
      await second.close();
    }
  });
}
