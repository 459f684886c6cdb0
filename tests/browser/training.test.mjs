// Training mode as a trainer and a trainee use it: its own bundle (`latihan.html`, which the
// live page's `?mode=latihan` and its toggle open, and which `pandu-embed.js` mounts for a
// console), a drill played through the
// real UI (a wrong SOP first, a wrong choice, a refused form, a must-say line skipped) to its
// score and review, the exports, the simulated date of an ended SOP (shown, and gone in live
// mode), and the `training-result` event a training portal receives.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'smol-toml';

import {
  NAVIGATION_NOISE, assertAxeClean, assertNoHorizontalScroll, assertNoPageErrors, eventually, launchBrowser, openApp,
  smallTargets, storedData,
} from './lib.mjs';
import { SOPS_DIR, endCall, walkScenario } from './pandu-walk.mjs';

const KEVIN = 'Latihan 003: pemilik kafe di Surabaya, ELEKTRINET dengan SID, disambungkan ke ICONPLUS 1500071';

/** Every drill of every `sops/*.drills.toml`. */
function loadDrills() {
  return readdirSync(SOPS_DIR)
    .filter((f) => f.endsWith('.drills.toml'))
    .flatMap((f) => JSON.parse(JSON.stringify(parse(readFileSync(join(SOPS_DIR, f), 'utf8')))).scenario);
}

const stepId = (page) => page.locator('[data-testid="step"]').getAttribute('data-step-id');

/** Waits until the step shown is `id`. */
async function at(page, id) {
  await page.locator(`[data-testid="step"][data-step-id="${id}"]`).waitFor({ timeout: 5_000 });
}

async function says(page) {
  return page.textContent('[data-testid="caller-says"]');
}

async function fill(page, values) {
  for (const [id, v] of Object.entries(values)) {
    await page.fill(`[data-testid="field"][data-field-id="${id}"] input`, v);
  }
  await page.click('[data-testid="step"] [data-testid="next"]');
}

async function choose(page, id) {
  await page.click(`[data-testid="option"][data-option-id="${id}"]`);
}

async function tickAll(page) {
  for (const box of await page.locator('[data-testid="step"] [data-testid="script-must"]').all()) await box.check();
}

test('a trainee plays a drill through the real UI to its score and review; nothing is saved', { timeout: 120_000 }, async () => {
  const drills = loadDrills();
  const kevin = drills.find((d) => d.name === KEVIN);
  const line = (step) => kevin.walk.find((w) => w.at === step).says;
  const browser = await launchBrowser();
  try {
    const { page, errors, close } = await openApp(browser, { path: '/latihan.html', ready: false });
    await page.locator('[data-testid="drills"]').waitFor();
    assert.equal(await page.locator('[data-testid="drill"]').count(), drills.length);
    assert.ok(drills.length >= 15);
    assert.equal(await page.locator('[data-testid="training-bar"]').count(), 1);
    // Live data is not on a training screen.
    assert.equal(await page.locator('[data-testid="history"], [data-testid="wipe-all"]').count(), 0);

    await page.click(`[data-testid="drill"][data-arg="${KEVIN}"]`);
    assert.equal(await says(page), kevin.opening);

    // The wrong SOP first: not opened, and said why.
    await page.fill('[data-testid="sop-search"]', 'tambah daya');
    await page.keyboard.press('Enter');
    assert.equal(
      await page.textContent('[data-testid="drill-hint"]'),
      'Bukan SOP ini yang dibutuhkan penelepon. Dengarkan lagi apa yang disampaikannya, lalu cari SOP lain.',
    );
    assert.equal(await page.locator('[data-testid="step"]').count(), 0);

    await page.fill('[data-testid="sop-search"]', 'internet mati');
    await page.click('[data-testid="sop-item"][data-sop-id="transfer-elektrinet"]');
    await at(page, 'tanya-produk');
    await page.fill('[data-testid="caller-name"]', 'Kevin Tanujaya');
    await page.selectOption('[data-testid="caller-honorific"]', 'bapak');
    assert.equal(await says(page), line('tanya-produk'));

    // A wrong product, then back and the right one.
    await choose(page, 'iconnet');
    await at(page, 'data-iconnet');
    await page.click('[data-testid="back"]');
    await at(page, 'tanya-produk');
    await choose(page, 'elektrinet');
    await at(page, 'data-elektrinet');
    assert.equal(await says(page), line('data-elektrinet'));
    // The form once with the unit empty.
    await page.click('[data-testid="step"] [data-testid="next"]');
    assert.equal(await page.textContent('[data-field-id="unit"] [data-testid="field-error"]'), 'Wajib diisi.');
    await fill(page, { sid: '4110023457812', unit: 'DISTRIBUSI JAWA TIMUR', up3: 'UP3 SURABAYA SELATAN' });
    await at(page, 'cek-pengecualian');
    await choose(page, 'tidak');
    await at(page, 'tanya-pemilik');
    await choose(page, 'ya');
    await at(page, 'minta-email');
    await fill(page, { email: 'kevin@kopitanujaya.com' });
    await at(page, 'terima-kasih');
    // Going on before saying the thank-you: refused, and said which line is missing.
    await page.click('[data-testid="step"] [data-testid="next"]');
    assert.equal(
      await page.textContent('[data-testid="step-hint"]'),
      'Kalimat wajib belum dicentang: “... Baik Bapak, Terima Kasih ...”. Sampaikan kepada pelanggan, lalu centang.',
    );
    assert.equal(await stepId(page), 'terima-kasih');
    await tickAll(page);
    await page.click('[data-testid="step"] [data-testid="next"]');
    await at(page, 'tanya-telepon');
    await choose(page, 'ya');
    await at(page, 'hp-sama');
    await fill(page, { hp: '0812-3123-4567' });
    // 001 butir 5 is said at the very end now, with the closing lines (issue 13).
    await at(page, 'sambung-elektrinet');
    assert.equal(await says(page), line('sambung-elektrinet'));
    await tickAll(page);
    await choose(page, 'ya');
    await at(page, 'transfer-elektrinet');
    await page.click('[data-testid="step"] [data-testid="next"]');
    await at(page, 'catat-elektrinet');
    assert.match(await page.textContent('[data-testid="stamp"]'), / · 2 kalimat wajib disampaikan$/);
    await endCall(page);

    // The score: 4 of 6 choices (the SOP pick and the product were wrong), 1 of 3 required
    // fields right the first time (the unit and the UP3 were sent empty), 1 of 2 must-say
    // lines said before being reminded: 6 of 11.
    await page.locator('[data-testid="score"]').waitFor();
    assert.equal(await page.textContent('[data-testid="score-percent"]'), '55%');
    assert.equal(await page.textContent('[data-testid="score-choices"]'), 'Pilihan benar: 4 dari 6');
    assert.equal(await page.textContent('[data-testid="score-fields"]'), 'Isian wajib valid: 1 dari 3');
    assert.equal(await page.textContent('[data-testid="score-must"]'), 'Kalimat wajib diucapkan: 1 dari 2');
    assert.match(await page.textContent('[data-testid="score-time"]'), /^Waktu: \d+ menit \d+ detik$/);
    assert.deepEqual(await page.locator('[data-testid="miss"]').allTextContents(), [
      'Pilih SOP (SOP 003): dipilih Niaga PB / PD / PS melalui aplikasi PLN Mobile, seharusnya Gangguan internet ICON+: Elektrinet / ICONNET – Transfer Layanan',
      'Tanyakan produk (SOP 003 B.1): dipilih ICONNET (retail / rumah tangga), seharusnya ELEKTRINET (bisnis, punya SID)',
    ]);
    const rows = page.locator('[data-testid="review-row"]');
    assert.equal(await rows.count(), 11, 'the 10 steps of the expected path and the outcome');
    assert.deepEqual(await rows.first().locator('td').allTextContents(), [
      'Tanyakan produk', '003 B.1', 'ELEKTRINET (bisnis, punya SID)', 'ICONNET (retail / rumah tangga)', '✗ berbeda',
    ]);
    assert.deepEqual(await rows.last().locator('td').allTextContents(), [
      'Hasil akhir', '003 B.4', 'Catat di APKT', 'Catat di APKT', '✓ sesuai',
    ]);

    // The exports, for the trainer's records.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-csv"]')]);
    assert.match(csv.suggestedFilename(), /^latihan-\d{4}-\d\d-\d\d\.csv$/);
    const lines = (await readFile(await csv.path(), 'utf8')).split('\r\n');
    assert.equal(lines[0], 'Latihan,SOP,Nilai (%),Pilihan benar,Pilihan,Isian valid,Isian wajib,Kalimat wajib diucapkan,Kalimat wajib,Waktu (detik),Pasal terlewat');
    assert.match(lines[1], new RegExp(`^"${KEVIN}",transfer-elektrinet,55,4,6,1,3,1,2,\\d+,"003; 003 B\\.1"$`));
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-json"]')]);
    const result = JSON.parse(await readFile(await json.path(), 'utf8'));
    assert.equal(result.score.percent, 55);
    assert.equal(result.review.length, 11);

    // Nothing of the drill reached the live data.
    const stored = await storedData(page);
    assert.deepEqual(Object.keys(stored).filter((k) => !k.startsWith('pandu:v1:probe')), [], JSON.stringify(stored));

    // Again, perfectly this time is possible from the same screen.
    await page.click('[data-testid="drill-again"]');
    assert.equal(await says(page), kevin.opening);
    await assertNoPageErrors(page, errors);
    await close();
  } finally {
    await browser.close();
  }
});

test('an ended SOP is practised on a simulated date, always shown, never in live mode', { timeout: 90_000 }, async () => {
  const drill = loadDrills().find((d) => d.sop === 'evoucher-tokopedia' && /03-03-2021/.test(d.name));
  assert.ok(drill, 'a 000 drill inside the window');
  const browser = await launchBrowser();
  try {
    const { page, errors, close } = await openApp(browser, { path: '/latihan.html', ready: false });
    await page.click(`[data-testid="drill"][data-arg="${drill.name}"]`);
    // The drill's day, since SOP 000 ended in 2021.
    const day = drill.now.slice(0, 10);
    const [y, m, d] = day.split('-');
    assert.equal(await page.inputValue('[data-testid="sim-date"]'), day);
    assert.match(await page.textContent('[data-testid="sim-date-banner"]'), new RegExp(`Tanggal simulasi: ${d}-${m}-${y}`));
    await page.fill('[data-testid="sop-search"]', 'voucher tokopedia');
    const item = page.locator('[data-testid="sop-item"][data-sop-id="evoucher-tokopedia"]');
    assert.equal(await item.getAttribute('data-status'), 'berlaku', 'in force on the simulated date');
    await item.click();
    await page.locator('[data-testid="step"]').waitFor();
    assert.equal(await page.locator('[data-testid="sop-ended"]').count(), 0);

    // Back to live calls: the date is gone and the SOP is ended again.
    await page.click('[data-testid="training-off"]');
    await page.locator('[data-testid="sop-search"]').waitFor();
    assert.equal(await page.locator('[data-testid="sim-date-banner"], [data-testid="training-bar"]').count(), 0);
    await page.fill('[data-testid="sop-search"]', 'voucher tokopedia');
    assert.equal(await item.getAttribute('data-status'), 'berakhir');
    // The toggle brings training back, without the date set before.
    await page.click('[data-testid="training-on"]');
    await page.locator('[data-testid="drills"]').waitFor();
    assert.equal(await page.inputValue('[data-testid="sim-date"]'), '');
    await assertNoPageErrors(page, errors);
    await close();
  } finally {
    await browser.close();
  }
});

test('a training portal that mounts Pandu hears the result as a training-result event', { timeout: 90_000 }, async () => {
  const drill = loadDrills().find((d) => d.walk.length === 1 && d.sop === 'transfer-elektrinet');
  assert.ok(drill, 'a one-choice drill of SOP 003');
  const browser = await launchBrowser();
  try {
    const { page, errors, close } = await openApp(browser, { path: '/demo/mount.html?mode=latihan', ready: false });
    await page.locator('[data-testid="drills"]').waitFor();
    await page.click(`[data-testid="drill"][data-arg="${drill.name}"]`);
    await page.fill('[data-testid="sop-search"]', 'internet mati');
    await page.keyboard.press('Enter');
    await choose(page, drill.walk[0].choose);
    await endCall(page);
    await page.locator('[data-testid="score"]').waitFor();
    const events = await page.evaluate(() => window.panduEvents.filter((e) => e.type === 'training-result'));
    assert.equal(events.length, 1);
    const [e] = events;
    assert.equal(e.pandu, 1);
    assert.deepEqual(
      { drill: e.score.drill, sop: e.score.sop, percent: e.score.percent, misses: e.score.misses },
      { drill: drill.name, sop: 'transfer-elektrinet', percent: 100, misses: [] },
    );
    assert.equal(e.review.at(-1).ok, true);
    assert.match(e.played, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    await assertNoPageErrors(page, errors);
    await close();
  } finally {
    await browser.close();
  }
});

test('every drill, played as its walk says, scores 100% with every review row right; the screens pass axe', { timeout: 300_000 }, async () => {
  const drills = loadDrills();
  const browser = await launchBrowser();
  try {
    for (const [i, drill] of drills.entries()) {
      const { page, errors, close } = await openApp(browser, { path: '/latihan.html', ready: false });
      try {
        await page.locator('[data-testid="drill"]').first().waitFor();
        if (i === 0) await assertAxeClean(page, 'the list of drills');
        await page.click(`[data-testid="drill"][data-arg="${drill.name}"]`);
        assert.equal(await says(page), drill.opening, drill.name);
        if (i === 0) await assertAxeClean(page, 'a drill before the SOP is found');
        // The walk's tickets are checked on the way, exactly as for a scenario.
        await walkScenario(page, drill);
        await endCall(page);
        await page.locator('[data-testid="score"]').waitFor();
        assert.equal(await page.textContent('[data-testid="score-percent"]'), '100%', drill.name);
        const marks = await page.locator('[data-testid="review-row"] td:last-child').allTextContents();
        assert.ok(marks.length > 1 && marks.every((m) => m === '✓ sesuai'), `${drill.name}: ${marks}`);
        if (i === 0) await assertAxeClean(page, 'the score and the review');
        await assertNoPageErrors(page, errors);
      } finally {
        await close();
      }
    }
  } finally {
    await browser.close();
  }
});

test('at 320 px the training screens fit, with large enough targets, and pass axe', { timeout: 90_000 }, async () => {
  const drill = loadDrills().find((d) => d.walk.length === 1 && d.sop === 'transfer-elektrinet');
  const browser = await launchBrowser();
  try {
    const { page, errors, close } = await openApp(browser, {
      path: '/latihan.html?tanggal=2021-03-05',
      ready: false,
      context: { viewport: { width: 320, height: 800 } },
    });
    await page.locator('[data-testid="drill"]').first().waitFor();
    // The date from the page address is set and shown.
    assert.match(await page.textContent('[data-testid="sim-date-banner"]'), /05-03-2021/);
    for (const [what, go] of [
      ['the list of drills', async () => {}],
      ['a drill before the SOP is found', async () => page.click(`[data-testid="drill"][data-arg="${drill.name}"]`)],
      ['the score and the review', async () => {
        await page.fill('[data-testid="sop-search"]', 'internet mati');
        await page.keyboard.press('Enter');
        await choose(page, 'iconnet');
        await page.click('[data-testid="back"]');
        await choose(page, drill.walk[0].choose);
        await endCall(page);
        await page.locator('[data-testid="score"]').waitFor();
      }],
    ]) {
      await go();
      await assertNoHorizontalScroll(page, what);
      assert.deepEqual(await smallTargets(page), [], `${what}: targets smaller than 44 px`);
      await assertAxeClean(page, `${what} at 320 px`);
    }
    await assertNoPageErrors(page, errors);
    await close();
  } finally {
    await browser.close();
  }
});

/** Page errors to expect when `?mode=latihan` leaves the live page: its own preloads cut off. */
const LEAVING_LIVE = [...NAVIGATION_NOISE, /^request failed: \S+\/pandu-[0-9a-f]+(_bg\.wasm|\.js) net::ERR_ABORTED$/];

/** The paths of a page's responses under training's or the studio's bundle. */
const sideFiles = (responses) =>
  responses.map((r) => new URL(r.url).pathname).filter((p) => /^\/(latihan|studio)(\/|\.html)/.test(p));

test('a live page loads nothing of training, and its toggle and ?mode=latihan open training as its own page', { timeout: 90_000 }, async () => {
  const browser = await launchBrowser();
  try {
    const { page, errors, responses, close } = await openApp(browser, { path: '/', ignore: LEAVING_LIVE });
    assert.deepEqual(sideFiles(responses), [], 'a live start fetches nothing of training or the studio');
    await page.click('[data-testid="training-on"]');
    await page.waitForURL(/\/latihan\.html\?mode=latihan$/);
    await page.locator('[data-testid="drills"]').waitFor();
    const training = sideFiles(responses);
    assert.ok(training.some((p) => /^\/latihan\/latihan-[0-9a-f]+_bg\.wasm$/.test(p)), `training's wasm: ${training}`);
    assert.ok(training.some((p) => /^\/latihan\/latihan-[0-9a-f]+\.css$/.test(p)), `training's styles: ${training}`);
    // An old link to the live page with `?mode=latihan`: training's page, its parameters kept.
    await page.goto(new URL('/?mode=latihan&tanggal=2021-03-05', page.url()).href);
    await page.waitForURL(/\/latihan\.html\?mode=latihan&tanggal=2021-03-05$/);
    await page.locator('[data-testid="drills"]').waitFor();
    assert.match(await page.textContent('[data-testid="sim-date-banner"]'), /05-03-2021/);
    await assertNoPageErrors(page, errors);
    await close();
  } finally {
    await browser.close();
  }
});

test('a console mounting Pandu gets training in the same panel, and its handle follows', { timeout: 90_000 }, async () => {
  const browser = await launchBrowser();
  try {
    const { page, errors, responses, close } = await openApp(browser, { path: '/demo/mount.html' });
    const panel = page.locator('[data-testid="mount-panel"]');
    await panel.locator('[data-testid="sop-search"]').waitFor();
    assert.deepEqual(sideFiles(responses), [], 'the live widget alone');
    await panel.locator('[data-testid="training-on"]').click();
    await panel.locator('[data-testid="drills"]').waitFor();
    assert.equal(await page.locator('[data-testid="app"]').count(), 1, 'one widget in the panel');
    // Training's styles came with its bundle.
    assert.equal(await page.locator('link[data-pandu-training-style]').count(), 1);
    assert.equal(await panel.locator('.pandu-train').evaluate((e) => getComputedStyle(e).borderTopColor), 'rgb(53, 53, 122)');
    // The same handle takes the training widget out, and a new mount is live again.
    await page.click('[data-testid="demo-toggle"]');
    await eventually(async () => (await page.locator('[data-testid="app"]').count()) === 0, 'the panel is empty');
    await page.click('[data-testid="demo-toggle"]');
    await panel.locator('[data-testid="sop-search"]').waitFor();
    assert.equal(await panel.locator('[data-testid="drills"]').count(), 0);
    await assertNoPageErrors(page, errors);
    await close();
  } finally {
    await browser.close();
  }
});

test('training opened once online opens again offline; never opened, offline says so instead of looping', { timeout: 90_000 }, async () => {
  const browser = await launchBrowser();
  try {
    // Its `?mode=latihan` visit below leaves the live page as it starts.
    const { context, page, errors, close } = await openApp(browser, { path: '/latihan.html', ready: false, ignore: LEAVING_LIVE });
    await page.locator('[data-testid="drills"]').waitFor();
    await eventually(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)), 'the service worker controls the page', { timeout: 15_000 });
    // Opened under the worker, training's page and bundle are kept.
    await page.reload();
    await page.locator('[data-testid="drills"]').waitFor();
    await eventually(() => page.evaluate(async () => {
      const names = await caches.keys();
      const kept = names.length === 1 ? (await (await caches.open(names[0])).keys()).map((r) => new URL(r.url).pathname) : [];
      return kept.includes('/latihan.html') && kept.some((p) => /^\/latihan\/latihan-[0-9a-f]+_bg\.wasm$/.test(p));
    }), 'training kept for offline use', { timeout: 15_000 });
    await context.setOffline(true);
    await page.goto(new URL('/?mode=latihan', page.url()).href);
    await page.waitForURL(/\/latihan\.html\?mode=latihan$/);
    await page.locator('[data-testid="drill"]').first().waitFor();
    await context.setOffline(false);
    await assertNoPageErrors(page, errors);
    await close();

    // A phone that only ever opened the live page.
    const live = await openApp(browser, { path: '/' });
    await eventually(() => live.page.evaluate(async () => Boolean(navigator.serviceWorker.controller) && (await caches.keys()).length === 1), 'the live page is kept', { timeout: 15_000 });
    await live.context.setOffline(true);
    const shown = await live.page.goto(new URL('/latihan.html', live.page.url()).href);
    assert.equal(shown.status(), 503);
    assert.match(await live.page.textContent('body'), /belum pernah dibuka dengan koneksi/);
    await live.close();
  } finally {
    await browser.close();
  }
});
