// The widget under the strict Content-Security-Policy host consoles use:
// `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`.
// `cargo xtask test` serves the same build a second time with that header (PANDU_CSP_URL).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoPageErrors, eventually, launchBrowser, openPage, waitForApp, waitForReady } from './lib.mjs';
import { findScenario, readTickets, walkScenario } from './pandu-walk.mjs';

const CSP_URL = process.env.PANDU_CSP_URL ?? '';
const SCENARIO = 'Pelanggan ELEKTRINET disambungkan ke CC PLN ICONPLUS 1500071';
let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

test('a whole call runs under the strict CSP with no violation', { timeout: 60_000 }, async () => {
  assert.ok(CSP_URL, 'PANDU_CSP_URL is not set: run with `cargo xtask test`');
  // Chromium reports every CSP violation as a console error, which openPage collects.
  const { page, errors, responses, close } = await openPage(browser, CSP_URL);
  try {
    const index = responses.find((r) => r.url === CSP_URL);
    assert.ok(index, 'the page itself was loaded');
    const csp = await page.evaluate(async (url) => (await fetch(url)).headers.get('content-security-policy'), CSP_URL);
    assert.equal(csp, "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'");
    assert.equal(await page.locator('script:not([src])').count(), 0, 'no inline script in the page');

    await waitForApp(page, errors);
    await waitForReady(page);
    const sc = findScenario(SCENARIO);
    await walkScenario(page, sc);
    const tickets = await readTickets(page);
    assert.equal(tickets.apkt?.['Tipe Keluhan'], 'Informasi');
    // The SOP map too: a fetched SVG put in the page, classes only, no inline style.
    await page.click('[data-testid="sop-map-toggle"]');
    await page.locator('[data-testid="sop-map-drawing"] svg .pandu-map__node--here').waitFor();
    await assertNoPageErrors(page, errors);

    // Control: the policy really is enforced, so the clean run above means something.
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true;';
      document.head.append(s);
    });
    assert.equal(await page.evaluate(() => window.__inlineRan === true), false, 'an inline script is blocked');
    // The report comes a moment after the block: polled, not slept for.
    await eventually(() => errors.some((e) => /Content Security Policy/i.test(e)), 'the blocked script is reported');
  } finally {
    await close();
  }
});
