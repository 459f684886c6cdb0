// The finder as a CSO uses it: the caller's sentence typed as it is spoken (in none of the
// repository's sentence files), Enter opens the first SOP; each SOP shows the words that
// matched; nonsense says so and suggests words the catalogue knows; ↓/↑ move in the list.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { assertNoPageErrors, launchBrowser, openApp } from './lib.mjs';

let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

const ids = (page) =>
  page.locator('[data-testid="sop-item"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-sop-id')));

for (const [said, sop, word] of [
  ['pak, listrik di rumah mau saya naikkan dari 900 ke 2200 va', 'niaga-pln-mobile', 'naikkan'],
  ['wifi kafe saya pakai icon plus, dari pagi tidak bisa internetan', 'transfer-elektrinet', 'wifi'],
  ['katanya ada hadiah dari pln jakarta buat yang bayarnya tanggal 1 sampai 5', 'pln-terbaik', 'hadiah'],
]) {
  test(`"${said}" → Enter opens ${sop}`, { timeout: 60_000 }, async () => {
    const { page, errors, close } = await openApp(browser);
    try {
      await page.focus('[data-testid="sop-search"]');
      // Key by key, as the CSO types while the caller talks.
      await page.keyboard.type(said);
      await page.waitForFunction(
        (want) => document.querySelector('[data-testid="sop-item"]')?.getAttribute('data-sop-id') === want,
        sop,
      );
      const first = page.locator('[data-testid="sop-item"]').first();
      const matched = await first.locator('[data-testid="sop-matched"]').textContent();
      assert.match(matched, /^cocok: /);
      assert.ok(matched.split(/: |, /).includes(word), `"${word}" among the matched words: ${matched}`);
      await page.keyboard.press('Enter');
      await page.locator(`[data-testid="call"][data-sop-id="${sop}"]`).waitFor();
      await page.locator('[data-testid="step"]').waitFor();
      await assertNoPageErrors(page, errors);
    } finally {
      await close();
    }
  });
}

test('no SOP for nonsense: said so, with the catalogue\'s words to try', { timeout: 60_000 }, async () => {
  const { page, errors, close } = await openApp(browser);
  try {
    await page.fill('[data-testid="sop-search"]', 'qwertyuiop zxcvbnm');
    assert.equal(await page.locator('[data-testid="sop-item"]').count(), 0);
    assert.match(await page.textContent('#pandu-finder-count'), /^Tidak ada SOP yang cocok\./);
    const suggest = page.locator('[data-testid="finder-suggest"] [data-act="suggest"]');
    const words = await suggest.allTextContents();
    assert.ok(words.length >= 1 && words.length <= 4, `suggestions: ${words}`);
    // A suggestion is a search: it fills the box and lists the SOPs it finds.
    await suggest.first().click();
    assert.equal(await page.inputValue('[data-testid="sop-search"]'), words[0]);
    await page.locator('[data-testid="sop-item"]').first().waitFor();
    assert.equal(await page.locator('[data-testid="finder-suggest"]').count(), 0);
    await assertNoPageErrors(page, errors);
  } finally {
    await close();
  }
});

test('the empty finder lists SOPs in force first and the sub-flow last; ↓ and ↑ move', { timeout: 60_000 }, async () => {
  const { page, errors, close } = await openApp(browser);
  try {
    const all = await ids(page);
    assert.deepEqual(all, [
      'niaga-pln-mobile',
      'transfer-elektrinet',
      'evoucher-tokopedia',
      'pln-terbaik',
      'kontak-email-hp',
    ]);
    await page.fill('[data-testid="sop-search"]', 'internet mati');
    const hits = await ids(page);
    assert.equal(hits[0], 'transfer-elektrinet');
    await page.focus('[data-testid="sop-search"]');
    await page.keyboard.press('ArrowDown');
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-sop-id') ?? document.activeElement?.getAttribute('data-testid'));
    assert.equal(await focused(), hits[0]);
    if (hits.length > 1) {
      await page.keyboard.press('ArrowDown');
      assert.equal(await focused(), hits[1]);
      await page.keyboard.press('ArrowUp');
      assert.equal(await focused(), hits[0]);
    }
    await page.keyboard.press('ArrowUp');
    assert.equal(await focused(), 'sop-search');
    await assertNoPageErrors(page, errors);
  } finally {
    await close();
  }
});
