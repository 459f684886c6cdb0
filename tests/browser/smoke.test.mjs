// Smoke test: the release build loads in Chromium and renders, without errors.
// A blank page (wasm missing, wasm-opt breaking the module, a panic at start) fails here.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { launchBrowser, openPage, waitForApp } from './lib.mjs';

let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

test('the app renders the SOP search box with no errors', { timeout: 60_000 }, async () => {
  const { page, errors, responses, close } = await openPage(browser, '/');
  try {
    await waitForApp(page, errors);

    const main = page.locator('main');
    assert.equal(await main.count(), 1, 'exactly one <main>');
    const text = (await main.innerText()).trim();
    assert.ok(text.length > 0, '<main> has no text');

    const wasm = responses.filter((r) => r.url.endsWith('.wasm'));
    assert.equal(wasm.length, 1, `one .wasm loaded, got ${JSON.stringify(wasm)}`);
    assert.equal(wasm[0].contentType, 'application/wasm', 'wasm served as application/wasm');

    // Let late errors (a panic right after the first render) surface before judging.
    await page.waitForTimeout(250);
    assert.deepEqual(errors, [], `the page reported errors:\n${errors.join('\n')}`);
  } finally {
    await close();
  }
});
