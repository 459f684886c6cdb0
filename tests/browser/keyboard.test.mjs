// Keyboard only: no clicks. Tab and typing in the header and the finder, digits for options,
// Enter to continue and to send forms, Alt+← and Backspace to go back, Esc to cancel. Keys are
// heard at the widget's root: a key pressed outside the widget is not Pandu's.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { assertNoPageErrors, launchBrowser, openApp } from './lib.mjs';
import { loadScenarios, openSop, walkScenario } from './pandu-walk.mjs';

/** Walked with the keyboard alone: one with a refusal and both back keys, one with selects. */
const KEYBOARD_WALKS = [
  ['transfer-elektrinet', 'Unit wajib diisi; kembali mengganti produk membuang data lama'],
  ['niaga-pln-mobile', 'I.a PD 1300→2200 VA, pemohon tidak memiliki HP: APKT Keluhan seperti capture seed, Simone URGENT'],
];

const scenarios = loadScenarios();
let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

for (const [sop, name] of KEYBOARD_WALKS) {
  test(`keyboard only, ${sop}: ${name}`, { timeout: 90_000 }, async () => {
    const sc = scenarios.find((s) => s.sop === sop && s.name === name);
    assert.ok(sc, `scenario "${name}" is missing from sops/${sop}.scenarios.toml`);
    const { page, errors, close } = await openApp(browser);
    // Any real mouse click would show up as a pointer event with a position.
    await page.evaluate(() => {
      window.__mouse = 0;
      window.addEventListener('pointerdown', () => { window.__mouse += 1; }, true);
    });
    try {
      await walkScenario(page, sc, { keyboard: true });
      assert.equal(await page.evaluate(() => window.__mouse), 0, 'no pointer was used');
      await assertNoPageErrors(page, errors);
    } finally {
      await close();
    }
  });
}

test('shortcuts stay out of the way while typing; Esc closes the restart question', { timeout: 60_000 }, async () => {
  const { page, errors, close } = await openApp(browser);
  try {
    await openSop(page, 'transfer-elektrinet');
    // A digit typed in the caller header is a digit, not an answer.
    await page.focus('[data-testid="caller-idpel"]');
    await page.keyboard.type('1');
    assert.equal(await page.getAttribute('[data-testid="step"]', 'data-step-id'), 'tanya-produk');
    assert.equal(await page.inputValue('[data-testid="caller-idpel"]'), '1');
    // So is Backspace.
    await page.keyboard.press('Backspace');
    assert.equal(await page.inputValue('[data-testid="caller-idpel"]'), '');

    // Focus moves to the new step's first control after each transition.
    await page.focus('[data-testid="option"][data-option-id="iconnet"]');
    await page.keyboard.press('2');
    await page.locator('[data-testid="step"][data-step-id="data-iconnet"]').waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'pandu-f-unit');

    // Restart asks; Esc cancels and gives the focus back to the restart button.
    await page.focus('[data-testid="restart"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'restart-confirm');
    await page.keyboard.press('1');
    assert.equal(await page.getAttribute('[data-testid="step"]', 'data-step-id'), 'data-iconnet', 'digits wait while asking');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'restart');
    assert.equal(await page.locator('[data-testid="confirm"]').count(), 0);

    // A click on the widget's text gives the focus to the widget itself, where Backspace goes back.
    await page.click('[data-testid="clause"]');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'app');
    await page.keyboard.press('Backspace');
    await page.locator('[data-testid="step"][data-step-id="tanya-produk"]').waitFor();

    // With the focus outside the widget (the page's body), keys are not Pandu's.
    await page.evaluate(() => document.activeElement.blur());
    await page.keyboard.press('2');
    await page.keyboard.press('Backspace');
    assert.equal(await page.getAttribute('[data-testid="step"]', 'data-step-id'), 'tanya-produk');

    // The help line names the keys.
    const help = await page.textContent('[data-testid="key-help"]');
    for (const k of ['1–9', 'Enter', 'Alt+←', 'Backspace', 'Esc']) assert.ok(help.includes(k), `help names ${k}`);
    await assertNoPageErrors(page, errors);
  } finally {
    await close();
  }
});
