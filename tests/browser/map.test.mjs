// "Peta SOP": the map the build drew for each SOP, opened from a call with the step the call is
// at marked and the steps it went through, following the call into an included SOP's own map;
// and the training review's map, the trainee's path beside the expected one.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { assertAxeClean, assertNoHorizontalScroll, assertNoPageErrors, launchBrowser, openApp } from './lib.mjs';
import { findScenario, openSop, setCaller, walkItems } from './pandu-walk.mjs';

const ELEKTRINET = 'Pelanggan ELEKTRINET disambungkan ke CC PLN ICONPLUS 1500071';

/** What the open map shows: its SOP, the step marked here, the steps marked taken and on the path. */
async function mapMarks(page) {
  return page.locator('[data-testid="sop-map-drawing"] svg').evaluate((svg) => {
    const steps = (cls) => [...svg.querySelectorAll(`.pandu-map__node--${cls}`)].map((g) => g.getAttribute('data-step')).sort();
    return {
      sop: svg.getAttribute('data-sop'),
      here: steps('here'),
      taken: steps('taken'),
      path: steps('path'),
      boxes: svg.querySelectorAll('[data-step]').length,
    };
  });
}

/** Waits until the open map is the one of `sop` with `here` marked. */
async function mapAt(page, sop, here) {
  await page.waitForFunction(
    ([sop, here]) => {
      const svg = document.querySelector('[data-testid="sop-map-drawing"] svg');
      return svg && svg.getAttribute('data-sop') === sop &&
        svg.querySelector(`.pandu-map__node--here[data-step="${here}"]`) !== null;
    },
    [sop, here],
    { timeout: 5_000 },
  );
}

test('"Peta SOP" from a call: the step marked where the call is, following it into a sub-flow', { timeout: 90_000 }, async () => {
  const sc = findScenario(ELEKTRINET);
  const browser = await launchBrowser();
  try {
    const { page, errors, close } = await openApp(browser);
    // A console's side panel: the map is wider than its box.
    await page.setViewportSize({ width: 420, height: 800 });
    await setCaller(page, sc.caller);
    await openSop(page, sc.sop);
    const toggle = page.locator('[data-testid="sop-map-toggle"]');
    assert.equal(await toggle.textContent(), 'Peta SOP');
    // Closed until asked for: nothing fetched, nothing drawn.
    assert.equal(await page.locator('[data-testid="sop-map-drawing"] svg').count(), 0);
    assert.equal(await page.locator('[data-testid="sop-map-drawing"]').isVisible(), false);

    await walkItems(page, sc, sc.walk.slice(0, 1));
    await toggle.click();
    await mapAt(page, 'transfer-elektrinet', 'data-elektrinet');
    const first = await mapMarks(page);
    assert.deepEqual(first.here, ['data-elektrinet']);
    assert.deepEqual(first.taken, ['tanya-produk']);
    assert.deepEqual(first.path, []);
    assert.ok(first.boxes >= 10, `every step a box (${first.boxes})`);
    assert.match(await page.textContent('[data-testid="sop-map"] .pandu-tip'), /langkah sekarang/);
    // Opened on the step: its box is inside the drawing's visible part, however wide the map.
    await page.waitForFunction(() => {
      const box = document.querySelector('[data-testid="sop-map-drawing"]').getBoundingClientRect();
      const here = document.querySelector('.pandu-map__node--here rect').getBoundingClientRect();
      return here.left >= box.left && here.right <= box.right && here.top >= box.top && here.bottom <= box.bottom;
    }, null, { timeout: 5_000 });

    // The map stays open while the call goes on; into 001's steps, 001's map.
    await walkItems(page, sc, sc.walk.slice(1, 3), { first: 1 });
    await mapAt(page, 'kontak-email-hp', 'tanya-pemilik');
    const inside = await mapMarks(page);
    assert.deepEqual(inside.here, ['tanya-pemilik']);
    assert.deepEqual(inside.taken, ['cek-pengecualian'], 'only the steps of this map');
    // Back in the top SOP after the sub-flow.
    await walkItems(page, sc, sc.walk.slice(3, 8), { first: 3 });
    await mapAt(page, 'transfer-elektrinet', 'sambung-elektrinet');
    assert.deepEqual((await mapMarks(page)).taken, ['data-elektrinet', 'kontak-elektrinet', 'tanya-produk']);
    await assertAxeClean(page, 'a call with its map open');
    await assertNoHorizontalScroll(page, 'a call with its map open');
    // One Tab stop for the whole map: from its scrolling box, Tab leaves the map.
    await page.focus('[data-testid="sop-map-drawing"]');
    await page.keyboard.press('Tab');
    assert.equal(
      await page.evaluate(() => document.activeElement.closest('[data-testid="sop-map"]') === null),
      true,
      'Tab from the drawing goes past the map, not into its boxes',
    );

    // Closed again, the step is as it was and the call goes on.
    await toggle.click();
    assert.equal(await page.locator('[data-testid="sop-map-drawing"]').isVisible(), false);
    assert.equal(await page.getAttribute('[data-testid="step"]', 'data-step-id'), 'sambung-elektrinet');
    await assertNoPageErrors(page, errors);
    await close();
  } finally {
    await browser.close();
  }
});

test('the training review draws the trainee\'s path beside the expected one', { timeout: 90_000 }, async () => {
  const browser = await launchBrowser();
  try {
    const { page, errors, close } = await openApp(browser, { path: '/latihan.html', ready: false });
    const drill = page.locator('[data-testid="drill"]').filter({ hasText: 'ELEKTRINET dengan SID' }).first();
    await drill.click();
    await page.fill('[data-testid="sop-search"]', 'internet mati');
    await page.click('[data-testid="sop-item"][data-sop-id="transfer-elektrinet"]');
    const at = (id) => page.locator(`[data-testid="step"][data-step-id="${id}"]`).waitFor({ timeout: 5_000 });
    const choose = (id) => page.click(`[data-testid="option"][data-option-id="${id}"]`);
    const tick = async () => {
      for (const box of await page.locator('[data-testid="step"] [data-testid="script-must"]').all()) await box.check();
    };
    const fill = async (values) => {
      for (const [id, v] of Object.entries(values)) await page.fill(`[data-testid="field"][data-field-id="${id}"] input`, v);
      await tick();
      await page.click('[data-testid="step"] [data-testid="next"]');
    };
    // ICONNET first, its form sent empty (refused), back; then the drill's answers.
    await at('tanya-produk');
    await choose('iconnet');
    await at('data-iconnet');
    await page.click('[data-testid="step"] [data-testid="next"]');
    await page.locator('[data-testid="field-error"]').first().waitFor();
    await page.click('[data-testid="back"]');
    await at('tanya-produk');
    await choose('elektrinet');
    await at('data-elektrinet');
    await fill({ sid: '4110023457812', unit: 'DISTRIBUSI JAWA TIMUR', up3: 'UP3 SURABAYA SELATAN' });
    await at('cek-pengecualian');
    await choose('tidak');
    await at('tanya-pemilik');
    await choose('ya');
    await at('minta-email');
    await fill({ email: 'kevin@kopitanujaya.com' });
    await at('terima-kasih');
    await tick();
    await page.click('[data-testid="step"] [data-testid="next"]');
    await at('tanya-telepon');
    await choose('ya');
    await at('hp-sama');
    await fill({ hp: '0812-3123-4567' });
    await at('sambung-elektrinet');
    await tick();
    await choose('ya');
    await at('transfer-elektrinet');
    await tick();
    await page.click('[data-testid="step"] [data-testid="next"]');
    await at('catat-elektrinet');
    await page.click('[data-testid="finish"]');
    for (let i = 0; i < 5 && (await page.locator('[data-testid="score"]').count()) === 0; i += 1) {
      await tick();
      await page.click('[data-testid="finish"]');
    }
    await page.locator('[data-testid="score"]').waitFor();

    // Open from the start, on the drill's SOP.
    const map = page.locator('[data-testid="score"] [data-testid="sop-map"]');
    assert.equal(await map.getAttribute('open'), '');
    await page.locator('[data-testid="score"] [data-testid="sop-map-drawing"] svg').waitFor();
    const marks = await mapMarks(page);
    assert.equal(marks.sop, 'transfer-elektrinet');
    assert.deepEqual(marks.here, []);
    assert.deepEqual(marks.path, [
      'catat-elektrinet', 'data-elektrinet', 'kontak-elektrinet', 'sambung-elektrinet', 'tanya-produk', 'transfer-elektrinet',
    ]);
    assert.deepEqual(marks.taken, [...marks.path, 'data-iconnet'].sort(), 'the detour is the trainee\'s alone');
    assert.match(await map.locator('.pandu-tip').textContent(), /jalur yang diharapkan/);
    await assertNoPageErrors(page, errors);
    await close();
  } finally {
    await browser.close();
  }
});
