// The studio (studio.html): a supervisor opens a seed SOP, breaks it (the lint shows the error
// at its line and publishing is refused with the reason), fixes it, sees the map change, walks
// the preview (the widget's own components) to the tickets the scenario expects, records that
// walk as a scenario, runs the scenarios (all pass), sees the changes, and publishes (the
// published file is the SOP as the one decoder reads it, with its manifest line). Also: a
// `.toml` picked from disk, and the draft kept across a reload.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { APP_TIMEOUT_MS, eventually, launchBrowser, openPage } from './lib.mjs';
import { SOPS_DIR, loadScenarios, readTickets, setCaller, walkItems } from './pandu-walk.mjs';

const SOP = 'transfer-elektrinet';
const SOURCE = readFileSync(join(SOPS_DIR, `${SOP}.toml`), 'utf8');

let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/**
 * Polls `check` (which asserts) with `eventually` until it passes; on a timeout, fails with
 * `what` and the last assertion's message.
 */
async function settles(check, what, { timeout = 5_000 } = {}) {
  let last = null;
  try {
    await eventually(async () => {
      try {
        await check();
        return true;
      } catch (err) {
        last = err;
        return false;
      }
    }, what, { timeout });
  } catch (err) {
    throw new Error(`${err.message}\n${last?.message ?? ''}`);
  }
}

async function openStudio(page) {
  await page.locator('[data-testid="studio"][data-ready="true"]').waitFor({ timeout: APP_TIMEOUT_MS });
}

const lintStatus = (page) => page.locator('[data-testid="lint-status"]');
/** The errors of the text as it is now; `NaN` while typing has not paused long enough to lint. */
const errorsShown = async (page) => ((await lintStatus(page).getAttribute('data-pending')) === 'false'
  ? Number(await lintStatus(page).getAttribute('data-errors'))
  : NaN);
const lineOf = (text, needle) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

/** The 1-based line the editor's selection starts on. */
async function selectedLine(page) {
  return page.locator('[data-testid="editor"]').evaluate(
    (el) => el.value.slice(0, el.selectionStart).split('\n').length);
}

async function setText(page, text) {
  await page.locator('[data-testid="editor"]').fill(text);
}

test('open, break, fix, map, preview, scenarios, changes, publish', { timeout: 180_000 }, async () => {
  const { page, errors, close } = await openPage(browser, '/studio.html', { context: { acceptDownloads: true } });
  try {
    await openStudio(page);
    // The catalogue lists the seed SOPs; open 003.
    await page.selectOption('[data-testid="open-select"]', `${SOP}.toml`);
    await page.click('[data-testid="open-catalogue"]');
    await settles(async () => {
      assert.equal(await page.locator('[data-testid="editor"]').inputValue(), SOURCE);
      assert.equal(await errorsShown(page), 0);
    }, 'the seed SOP opens lint-clean');
    assert.equal(await page.textContent('[data-testid="file-name"]'), `sops/${SOP}.toml`);
    const nodes = Number(await page.getAttribute('[data-testid="map-summary"]', 'data-nodes'));
    assert.ok(nodes >= 8, `the map draws every step (${nodes})`);
    assert.equal(await page.locator('[data-testid="map"] [data-step]').count(), nodes);

    // Break it: an option leads to a step that does not exist.
    const broken = SOURCE.replace('next = "data-elektrinet"', 'next = "data-elektrinet-x"');
    const brokenLine = lineOf(broken, 'data-elektrinet-x');
    await setText(page, broken);
    const problem = page.locator('[data-testid="problem"][data-severity="error"]').first();
    await settles(async () => {
      assert.ok((await errorsShown(page)) >= 1, 'the lint reports the error');
      assert.equal(await problem.getAttribute('data-line'), String(brokenLine), 'at its line');
      assert.match(await problem.textContent(), /data-elektrinet-x/);
    }, 'the lint error shows at its line', { timeout: 5_000 });
    // The gutter marks it; a click on the problem selects the line.
    assert.equal(await page.locator('.studio__ln--error').first().textContent(), String(brokenLine));
    await problem.locator('button').click();
    await settles(async () => assert.equal(await selectedLine(page), brokenLine), 'the click jumps to the line');
    // Publishing is refused, with the reason.
    await page.click('[data-testid="tab-terbitkan"]');
    assert.equal(await page.isDisabled('[data-testid="publish-toml"]'), true);
    assert.match(await page.textContent('[data-testid="publish-refused"]'), new RegExp(`baris ${brokenLine}: .*data-elektrinet-x`));

    // Fix it, rename a step, change an instruction and raise the version.
    const fixed = SOURCE
      .replace('title = "Tanyakan produk"', 'title = "Tanyakan produk internet"')
      .replace('"Jangan langsung mentransfer', '"Jangan sekali-kali langsung mentransfer')
      .replace('version = "2023.07.26-4"', 'version = "2023.07.26-5"');
    await setText(page, fixed);
    await settles(async () => assert.equal(await errorsShown(page), 0), 'fixed: no error');
    await page.click('[data-testid="tab-peta"]');
    const title = page.locator('[data-testid="map"] [data-step="tanya-produk"] .pandu-map__title');
    await settles(async () => assert.equal(await title.textContent(), 'Tanyakan produk internet'),
      'the map shows the new title');
    // A click on a step of the map selects its `id` line.
    await page.click('[data-testid="map"] [data-step="kenali-produk"] rect');
    await settles(async () => assert.equal(await selectedLine(page), lineOf(fixed, 'id = "kenali-produk"')),
      'the map click jumps to the step');
    // By keyboard: a box is a Tab stop, and Enter on it does what the click does.
    await page.focus('[data-testid="map"] [data-step="tanya-produk"]');
    await page.keyboard.press('Enter');
    await settles(async () => assert.equal(await selectedLine(page), lineOf(fixed, 'id = "tanya-produk"')),
      'Enter on a map box jumps to the step');
    // A scenario's path is highlighted.
    const scenarios = loadScenarios().filter((s) => s.file === `${SOP}.scenarios.toml`);
    const sc = scenarios[0];
    await page.selectOption('[data-testid="map-scenario"]', sc.name);
    await settles(async () => {
      const path = await page.locator('[data-testid="map"] .pandu-map__node--path').evaluateAll(
        (els) => els.map((e) => e.getAttribute('data-step')));
      assert.ok(path.includes('tanya-produk') && path.includes(sc.expect.outcome), JSON.stringify(path));
    }, 'the scenario path is highlighted');

    // Preview: the widget's own call view; walk the first scenario to its tickets.
    await page.click('[data-testid="tab-pratinjau"]');
    await page.locator('[data-testid="step"]').waitFor({ timeout: 5_000 });
    assert.equal(await page.getAttribute('[data-testid="call"]', 'data-sop-id'), SOP);
    await setCaller(page, sc.caller);
    // Up to the outcome: the call's closing lines (`close`) are the widget's, not the SOP's.
    await walkItems(page, sc, sc.walk.filter((item) => !item.close && !item.topic));
    await page.locator('[data-testid="outcome"]').waitFor({ timeout: 5_000 });
    assert.deepEqual(await readTickets(page), sc.expect.ticket, 'the preview makes the scenario\'s tickets');
    // Record the walk as a scenario and add it to the SOP's scenarios.
    await page.fill('[data-testid="record-name"]', 'Rekaman dari pratinjau');
    await page.click('[data-testid="record"]');
    assert.match(await page.textContent('[data-testid="recorded"]'), /name = "Rekaman dari pratinjau"/);
    await page.click('[data-testid="record-add"]');

    // Scenarios: the seed's and the recorded one all pass.
    await page.click('[data-testid="tab-skenario"]');
    assert.match(await page.inputValue('[data-testid="scenarios-text"]'), /Rekaman dari pratinjau/);
    await page.click('[data-testid="run-scenarios"]');
    const summary = page.locator('[data-testid="scenario-summary"]');
    await summary.waitFor();
    assert.equal(await summary.getAttribute('data-total'), String(scenarios.length + 1));
    assert.equal(await summary.getAttribute('data-passed'), String(scenarios.length + 1),
      await page.textContent('[data-testid="scenario-panel"]'));
    // A ticket field changed in the SOP: the scenario fails and names the field.
    await setText(page, fixed.replace('{ name = "Tipe Keluhan", value = "Informasi" }', '{ name = "Tipe Keluhan", value = "Gangguan" }'));
    await settles(async () => assert.equal(await errorsShown(page), 0), 'still clean');
    await page.click('[data-testid="run-scenarios"]');
    await settles(async () => {
      const diffs = await page.locator('[data-testid="scenario-difference"]').allTextContents();
      assert.ok(diffs.some((d) => /Tipe Keluhan = "Gangguan", diharapkan "Informasi"/.test(d)), JSON.stringify(diffs));
    }, 'a failing scenario names the ticket field');
    await setText(page, fixed);
    await settles(async () => assert.equal(await errorsShown(page), 0), 'clean again');

    // Changes against the published version.
    await page.click('[data-testid="tab-perubahan"]');
    const changes = await page.locator('[data-testid="change"]').allTextContents();
    assert.ok(changes.some((c) => c.includes('Instruksi') && c.includes('sekali-kali')), JSON.stringify(changes));

    // Publish: the TOML and the published file, with the manifest line.
    await page.click('[data-testid="tab-terbitkan"]');
    const manifestLine = `terbit/${SOP}-2023.07.26-5.json`;
    assert.equal(await page.textContent('[data-testid="manifest-line"]'), manifestLine);
    assert.match(await page.textContent('[data-testid="publish-effect"]'), /diperbarui dari versi 2023\.07\.26-4 ke versi 2023\.07\.26-5/);
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="publish-json"]')]);
    assert.equal(json.suggestedFilename(), `${SOP}-2023.07.26-5.json`);
    const published = JSON.parse(readFileSync(await json.path(), 'utf8'));
    assert.equal(published.id, SOP);
    assert.equal(published.version, '2023.07.26-5');
    assert.equal(published.step.find((s) => s.id === 'tanya-produk').title, 'Tanyakan produk internet');
    const [toml] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="publish-toml"]')]);
    assert.equal(toml.suggestedFilename(), `${SOP}.toml`);
    assert.equal(readFileSync(await toml.path(), 'utf8'), fixed);

    // The draft survives a reload.
    await page.reload({ waitUntil: 'load' });
    await openStudio(page);
    await settles(async () => {
      assert.equal(await page.locator('[data-testid="editor"]').inputValue(), fixed);
      assert.equal(await page.locator('[data-testid="discard-draft"]').count(), 1);
    }, 'the draft is back after a reload');
    await page.click('[data-testid="discard-draft"]');
    await settles(async () => assert.equal(await page.locator('[data-testid="editor"]').inputValue(), SOURCE),
      'discarding the draft reopens the catalogue version');

    assert.deepEqual(errors, [], `the page reported errors:\n${errors.join('\n')}`);
  } finally {
    await close();
  }
});

test('a .toml from disk opens, a new SOP starts from a clean template', { timeout: 60_000 }, async () => {
  const { page, errors, close } = await openPage(browser, '/studio.html');
  try {
    await openStudio(page);
    await page.click('[data-testid="new-sop"]');
    await settles(async () => {
      assert.equal(await page.textContent('[data-testid="file-name"]'), 'sops/sop-baru.toml');
      assert.equal(await errorsShown(page), 0);
    }, 'the template is lint-clean');
    await page.click('[data-testid="tab-terbitkan"]');
    assert.equal(await page.textContent('[data-testid="manifest-line"]'), 'terbit/sop-baru-2026.01.01-1.json');

    const text = SOURCE.replace('id = "transfer-elektrinet"', 'id = "transfer-baru"');
    await page.setInputFiles('[data-testid="open-file"]', {
      name: 'transfer-baru.toml', mimeType: 'text/plain', buffer: Buffer.from(text),
    });
    await settles(async () => {
      assert.equal(await page.textContent('[data-testid="file-name"]'), 'sops/transfer-baru.toml');
      assert.equal(await page.locator('[data-testid="editor"]').inputValue(), text);
    }, 'the picked file opens');
    // Its keywords are the seed's: warnings, not errors; publishable as a new SOP.
    await settles(async () => {
      assert.equal(await errorsShown(page), 0);
      assert.ok(Number(await lintStatus(page).getAttribute('data-warnings')) > 0, 'shared keywords are warned');
    }, 'warnings only');
    assert.match(await page.textContent('[data-testid="publish-effect"]'), /SOP baru `transfer-baru`/);
    assert.deepEqual(errors, [], `the page reported errors:\n${errors.join('\n')}`);
  } finally {
    await close();
  }
});

test('the CSO\'s page loads none of the studio', { timeout: 60_000 }, async () => {
  const { page, responses, close } = await openPage(browser, '/');
  try {
    await page.locator('[data-testid="sop-search"]').waitFor({ timeout: APP_TIMEOUT_MS });
    const studio = responses.filter((r) => /\/studio\//.test(r.url) || /sumber\//.test(r.url));
    assert.deepEqual(studio, []);
  } finally {
    await close();
  }
});

test('the studio runs under the strict Content-Security-Policy', { timeout: 60_000 }, async () => {
  const csp = process.env.PANDU_CSP_URL;
  assert.ok(csp, 'PANDU_CSP_URL is set (cargo xtask test serves dist/ with the CSP there)');
  const { page, errors, close } = await openPage(browser, new URL('studio.html', csp).href);
  try {
    await openStudio(page);
    await page.selectOption('[data-testid="open-select"]', `${SOP}.toml`);
    await page.click('[data-testid="open-catalogue"]');
    await page.locator('[data-testid="map"] [data-step="tanya-produk"]').waitFor();
    await page.click('[data-testid="tab-pratinjau"]');
    await page.locator('[data-testid="step"]').waitFor();
    assert.deepEqual(errors, [], `the page reported errors:\n${errors.join('\n')}`);
  } finally {
    await close();
  }
});
