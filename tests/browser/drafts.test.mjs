// Nothing typed is lost (issue 13): what the CSO types into a form and has not sent yet is
// saved with the call once typing pauses, wrong values too, and comes back after a reload
// and in another tab's "Panggilan belum selesai". At every form step of every scenario
// (`sops/*.scenarios.toml`): type, wait for the save, reload, find the text again, go on.
// The caller header typed before any call comes back after a reload too.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { assertNoPageErrors, eventually, launchBrowser, openApp, openTab, reloadApp, storedData } from './lib.mjs';
import { findScenario, loadScenarios, openSop, setCaller, walkItems } from './pandu-walk.mjs';

const CALL_KEY = /^pandu:v1:call:(.+)$/;
const scenarios = loadScenarios();
let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** The drafts saved with the running call for step `step` (of whichever SOP): field id → text. */
async function savedDrafts(page, step) {
  const data = await storedData(page);
  const key = Object.keys(data).find((k) => CALL_KEY.test(k));
  const drafts = key ? JSON.parse(data[key]).call.drafts ?? {} : {};
  // Kept by `<sop id>/<step id>`.
  return Object.entries(drafts).find(([k]) => k.endsWith(`/${step}`))?.[1] ?? {};
}

/** The form's controls: field id → { tag, options }. */
async function controls(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="step"] [data-testid="field"]')].map((f) => {
      const c = f.querySelector('input, select, textarea');
      return {
        id: f.getAttribute('data-field-id'),
        tag: c.tagName.toLowerCase(),
        options: c.tagName === 'SELECT' ? [...c.options].map((o) => o.value).filter(Boolean) : [],
      };
    }));
}

/** What the form shows now, field id → value. */
async function shown(page) {
  return page.evaluate(() => Object.fromEntries(
    [...document.querySelectorAll('[data-testid="step"] [data-testid="field"]')].map((f) => [
      f.getAttribute('data-field-id'), f.querySelector('input, select, textarea').value])));
}

/**
 * Types into every field of the form on screen (text no validator takes, the last option of a
 * select), waits until the call is saved with it, reloads, and checks the form shows it again.
 */
async function typeReloadFind(page, label) {
  const step = await page.getAttribute('[data-testid="step"]', 'data-step-id');
  const typed = {};
  for (const [i, c] of (await controls(page)).entries()) {
    const box = page.locator(`[data-testid="step"] [data-testid="field"][data-field-id="${c.id}"]`).locator('input, select, textarea').first();
    if (c.tag === 'select') {
      if (c.options.length === 0) continue;
      typed[c.id] = c.options.at(-1);
      await box.selectOption(typed[c.id]);
    } else {
      // Typed key by key, as a CSO does: each keystroke is an `input`, the save waits for the pause.
      typed[c.id] = `draf ${i + 1} x@!`;
      await box.fill('');
      await box.pressSequentially(typed[c.id]);
    }
  }
  await eventually(async () => {
    const d = await savedDrafts(page, step);
    return Object.entries(typed).every(([k, v]) => d[k] === v);
  }, `${label}: the typed text saved with the call`);
  await reloadApp(page);
  await page.locator(`[data-testid="step"][data-step-id="${step}"]`).waitFor();
  const after = await shown(page);
  for (const [k, v] of Object.entries(typed)) {
    assert.equal(after[k], v, `${label}: \`${k}\` after the reload`);
  }
}

describe('typed and not sent: back after a reload, at every form step of every scenario', () => {
  for (const sc of scenarios.filter((s) => (s.walk ?? []).some((w) => w.fill))) {
    test(`${sc.sop}: ${sc.name}`, { timeout: 90_000 }, async () => {
      const { page, errors, close } = await openApp(browser);
      try {
        await setCaller(page, sc.caller);
        await openSop(page, sc.sop, { now: sc.now });
        const done = new Set();
        for (const [i, item] of sc.walk.entries()) {
          if (item.fill) {
            const step = await page.getAttribute('[data-testid="step"]', 'data-step-id');
            if (!done.has(step)) {
              done.add(step);
              await typeReloadFind(page, `${sc.name} › walk[${i + 1}] at ${step}`);
            }
          }
          await walkItems(page, sc, [item], { first: i });
        }
        assert.ok(done.size > 0);
        await assertNoPageErrors(page, errors);
      } finally {
        await close();
      }
    });
  }
});

test('another tab resumes the call with what was typed, a wrong value included', { timeout: 60_000 }, async () => {
  const sc = findScenario('Pemilik memberikan email; No. Telepon yang digunakan dapat dihubungi');
  const { context, page, errors, close } = await openApp(browser);
  try {
    await setCaller(page, sc.caller);
    await openSop(page, sc.sop);
    const at = sc.walk.findIndex((w) => w.at === 'minta-email');
    await walkItems(page, sc, sc.walk.slice(0, at));
    const email = page.locator('[data-field-id="email"] input');
    await email.pressSequentially('rina.wulandari@gmail');
    // Sent as it is: refused, and what was typed is kept as it was.
    await page.click('[data-testid="step"] [data-testid="next"]');
    await page.locator('[data-field-id="email"] [data-testid="field-error"]').waitFor();
    await eventually(async () => (await savedDrafts(page, 'minta-email')).email === 'rina.wulandari@gmail',
      'the refused value saved as a draft');
    await page.close();

    const other = await openTab(context);
    await other.page.locator('[data-testid="resume-item"]').waitFor();
    await other.page.click('[data-testid="resume-item"]');
    await other.page.locator('[data-testid="step"][data-step-id="minta-email"]').waitFor();
    assert.equal(await other.page.inputValue('[data-field-id="email"] input'), 'rina.wulandari@gmail');
    assert.equal(await other.page.inputValue('[data-testid="caller-name"]'), sc.caller.name);
    await assertNoPageErrors(other.page, [...errors, ...other.errors]);
  } finally {
    await close();
  }
});

test('the caller header typed before any call comes back after a reload', { timeout: 30_000 }, async () => {
  const { page, errors, close } = await openApp(browser);
  try {
    await setCaller(page, { name: 'Sri Rahayu', honorific: 'ibu', idpel: '543210987654', phone: '0815 1122 3344' });
    await eventually(async () => Object.keys(await storedData(page, 'sessionStorage')).some((k) => k.startsWith('pandu:v1:penelepon')),
      'the header kept for this tab');
    await reloadApp(page);
    assert.equal(await page.inputValue('[data-testid="caller-name"]'), 'Sri Rahayu');
    assert.equal(await page.inputValue('[data-testid="caller-honorific"]'), 'ibu');
    assert.equal(await page.inputValue('[data-testid="caller-idpel"]'), '543210987654');
    assert.match(await page.inputValue('[data-testid="caller-phone"]'), /^0815/);
    // The call that starts takes the header; "Selesai" clears it for good.
    const sc = findScenario('Pelanggan marah: email dan HP tidak diminta');
    await openSop(page, sc.sop);
    await walkItems(page, sc, sc.walk);
    await page.click('[data-testid="finish"]');
    await page.locator('[data-testid="sop-search"]').waitFor();
    assert.equal(await page.inputValue('[data-testid="caller-name"]'), '');
    await reloadApp(page);
    assert.equal(await page.inputValue('[data-testid="caller-name"]'), '');
    await assertNoPageErrors(page, errors);
  } finally {
    await close();
  }
});
