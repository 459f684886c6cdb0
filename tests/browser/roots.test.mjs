// One widget per root: two widgets mounted side by side (`public/demo/two.html`) run two
// different calls. Typed values, form values, shortcuts and element ids never cross between
// them, a key pressed outside both is nobody's, the host page's own `data-testid="form"` is left
// alone, and a reload gives each widget its own call back.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import {
  NAVIGATION_NOISE,
  assertNoPageErrors,
  eventually,
  launchBrowser,
  openPage,
  storedData,
  waitForReady,
} from './lib.mjs';

const STEP_TIMEOUT = 5_000;
let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** Where a widget stands: its call, its step and the step's revision. */
async function where(scope) {
  const step = scope.locator('[data-testid="step"]');
  if ((await step.count()) === 0) return { call: null, step: null, rev: null };
  return {
    call: await scope.locator('[data-testid="call"]').getAttribute('data-call-id'),
    step: await step.getAttribute('data-step-id'),
    rev: await step.getAttribute('data-rev'),
  };
}

async function at(scope, stepId) {
  await scope.locator(`[data-testid="step"][data-step-id="${stepId}"]`).waitFor({ timeout: STEP_TIMEOUT });
}

/** Two animation frames: whatever a key set off has rendered by then. */
async function settled(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

async function openSop(scope, sop, query) {
  await scope.locator('[data-testid="sop-search"]').fill(query);
  await scope.locator(`[data-testid="sop-item"][data-sop-id="${sop}"]`).click();
  await scope.locator('[data-testid="step"]').waitFor({ timeout: STEP_TIMEOUT });
}

/** The values of a widget's form fields, field id → value. */
async function fields(scope) {
  return scope.locator('[data-testid="field"]').evaluateAll((els) =>
    Object.fromEntries(els.map((f) => [f.getAttribute('data-field-id'), f.querySelector('input, select, textarea').value])));
}

async function hostForm(page) {
  return page.evaluate(() => {
    const f = document.getElementById('host-form');
    return {
      values: Object.fromEntries([...f.elements].filter((e) => e.name).map((e) => [e.name, e.value])),
      attributes: [...f.attributes].map((a) => a.name).sort(),
      submits: window.hostSubmits,
    };
  });
}

/** Every id in the page once, and every id reference pointing into its own widget. */
async function assertIdsUnique(page, what) {
  const { count, duplicates, broken } = await page.evaluate(() => {
    const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
    const duplicates = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
    const broken = [];
    const attrs = ['for', 'aria-labelledby', 'aria-describedby', 'aria-controls'];
    for (const el of document.querySelectorAll(attrs.map((a) => `[${a}]`).join(','))) {
      const root = el.closest('[data-testid="app"]');
      if (!root) continue;
      for (const ref of attrs.flatMap((a) => (el.getAttribute(a) ?? '').split(/\s+/).filter(Boolean))) {
        const target = document.getElementById(ref);
        if (!target || target.closest('[data-testid="app"]') !== root) broken.push(`${el.tagName.toLowerCase()} → #${ref}`);
      }
    }
    return { count: ids.length, duplicates, broken };
  });
  assert.ok(count > 20, `${what}: only ${count} ids in the page`);
  assert.deepEqual(duplicates, [], `${what}: ids used twice`);
  assert.deepEqual(broken, [], `${what}: id references that leave their widget`);
}

test('two widgets side by side: two calls, values, shortcuts and ids never cross; the host form is left alone', { timeout: 120_000 }, async () => {
  const { page, errors, close } = await openPage(browser, '/demo/two.html', { ignore: NAVIGATION_NOISE });
  try {
    const kiri = page.locator('#kiri');
    const kanan = page.locator('#kanan');
    await waitForReady(kiri);
    await waitForReady(kanan);
    const host = await hostForm(page);
    assert.deepEqual(host.values, { sid: '999', unit: 'UNIT KONSOL', fasa: '3' });
    await assertIdsUnique(page, 'two start screens');

    // The first widget took the focus at start; the second did not take it away.
    await eventually(
      () => page.evaluate(() => document.activeElement?.closest('#kiri') !== null
        && document.activeElement?.getAttribute('data-testid') === 'sop-search'),
      "the left widget's search box has the focus",
    );

    // Each header has its own caller (the mount context); typing in one leaves the other.
    assert.equal(await kiri.locator('[data-testid="caller-name"]').inputValue(), 'Budi Santoso');
    assert.equal(await kanan.locator('[data-testid="caller-name"]').inputValue(), 'Sari Dewi');
    await kiri.locator('[data-testid="caller-name"]').fill('Budi Santoso Wijaya');
    await kanan.locator('[data-testid="caller-idpel"]').fill('543210987654');
    assert.equal(await kanan.locator('[data-testid="caller-name"]').inputValue(), 'Sari Dewi');
    assert.equal(await kiri.locator('[data-testid="caller-idpel"]').inputValue(), '');

    // The finder of one is not the other's.
    const listed = await kanan.locator('[data-testid="sop-item"]').count();
    await kiri.locator('[data-testid="sop-search"]').fill('internet mati');
    assert.equal(await kanan.locator('[data-testid="sop-search"]').inputValue(), '');
    assert.equal(await kanan.locator('[data-testid="sop-item"]').count(), listed);

    // Two different calls.
    await openSop(kiri, 'transfer-elektrinet', 'internet mati');
    await openSop(kanan, 'niaga-pln-mobile', 'tambah daya');
    await at(kiri, 'tanya-produk');
    await at(kanan, 'salam-pembuka');
    const calls = [(await where(kiri)).call, (await where(kanan)).call];
    assert.notEqual(calls[0], calls[1]);
    assert.match(await kiri.locator('[data-testid="script-line"]').first().textContent(), /Budi Santoso Wijaya/);
    await assertIdsUnique(page, 'two calls');

    // Enter with the focus in the left widget (on its own text): the left one is at a question,
    // so Enter does nothing there, and the right one, at a say step, must not move either.
    await kiri.locator('[data-testid="clause"]').click();
    assert.equal(await page.evaluate(() => document.activeElement?.closest('#kiri')?.id), 'kiri');
    const kananBefore = await where(kanan);
    await page.keyboard.press('Enter');
    await settled(page);
    assert.deepEqual(await where(kanan), kananBefore, 'Enter in the left widget moved the right one');
    assert.equal((await where(kiri)).step, 'tanya-produk');

    // A digit answers the left widget's question only.
    await page.keyboard.press('1');
    await at(kiri, 'data-elektrinet');
    assert.deepEqual(await where(kanan), kananBefore, 'a digit in the left widget moved the right one');

    // Enter in the right widget continues its say step only; Backspace there goes back only there.
    const kiriForm = await where(kiri);
    await kanan.locator('[data-testid="clause"]').click();
    await page.keyboard.press('Enter');
    await at(kanan, 'sapa-nama');
    assert.deepEqual(await where(kiri), kiriForm, 'Enter in the right widget moved the left one');
    await kanan.locator('[data-testid="clause"]').click();
    await page.keyboard.press('Backspace');
    await at(kanan, 'salam-pembuka');
    assert.deepEqual(await where(kiri), kiriForm, 'Backspace in the right widget moved the left one');

    // Move the right widget to its form (by mouse).
    await kanan.locator('[data-testid="next"]').click();
    await at(kanan, 'sapa-nama');
    await kanan.locator('[data-testid="next"]').click();
    await at(kanan, 'tawarkan-bantuan');
    await kanan.locator('[data-testid="option"][data-option-id="pd"]').click();
    await at(kanan, 'data-pd');
    await assertIdsUnique(page, 'two forms');

    // Typing in one form leaves the other form and the host's form alone.
    const kananFields = await fields(kanan);
    await kiri.locator('[data-testid="field"][data-field-id="sid"] input').fill('777');
    await kiri.locator('[data-testid="field"][data-field-id="unit"] input').fill('distribusi bali');
    await kiri.locator('[data-testid="field"][data-field-id="up3"] input').fill('up3 denpasar');
    assert.deepEqual(await fields(kanan), kananFields);
    await kanan.locator('[data-testid="field"][data-field-id="daya_lama"] input').fill('1.300 VA');
    assert.deepEqual(await fields(kiri), { sid: '777', unit: 'distribusi bali', up3: 'up3 denpasar' });
    assert.deepEqual((await hostForm(page)).values, host.values);

    // Sending the left form sends what the left form holds: not the right one's, not the host's
    // fields of the same names. Going back shows exactly the answers it took.
    await kiri.locator('[data-testid="next"]').click();
    await at(kiri, 'cek-pengecualian');
    await kiri.locator('[data-testid="back"]').click();
    await at(kiri, 'data-elektrinet');
    assert.deepEqual(await kiri.locator('[data-testid="dropped-value"]').allTextContents(), ['777', 'distribusi bali', 'up3 denpasar']);
    assert.equal(await kanan.locator('[data-testid="dropped"]').count(), 0);
    await kiri.locator('[data-testid="next"]').click();
    await at(kiri, 'cek-pengecualian');

    // The right form refuses what is missing in the right form only.
    await kanan.locator('[data-testid="next"]').click();
    await kanan.locator('[data-testid="field-error"]').first().waitFor({ timeout: STEP_TIMEOUT });
    assert.equal(await kiri.locator('[data-testid="field-error"]').count(), 0);
    await kanan.locator('[data-testid="field"][data-field-id="peruntukan"] select').selectOption({ label: 'Rumah tangga' });
    await kanan.locator('[data-testid="field"][data-field-id="fasa"] select').selectOption('1');
    await kanan.locator('[data-testid="field"][data-field-id="daya_baru"] input').fill('2,2 kVA');
    await kanan.locator('[data-testid="next"]').click();
    // The tariff classes, preselected from the customer group, are confirmed as they are.
    await at(kanan, 'tarif-pd');
    await kanan.locator('[data-testid="next"]').click();
    await at(kanan, 'konfirmasi-pd');

    // Keys in the host's own form are the host's: typed there, and neither widget moves.
    const both = [await where(kiri), await where(kanan)];
    await page.locator('[data-testid="host-unit"]').click();
    await page.keyboard.press('End');
    await page.keyboard.type('X1');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    await settled(page);
    const after = await hostForm(page);
    assert.deepEqual(after.values, { ...host.values, unit: 'UNIT KONSOLX' });
    assert.deepEqual(after.attributes, host.attributes, 'the host form got no attribute from Pandu');
    assert.equal(after.submits, 1, "Enter submitted the host's form, as the host wants");
    assert.deepEqual([await where(kiri), await where(kanan)], both, 'a key in the host form moved a widget');

    // Keys with the focus on the page itself (outside both widgets) are nobody's.
    await page.evaluate(() => document.activeElement?.blur());
    // (Alt+← is left out: on the page itself it is the browser's own "back".)
    for (const key of ['1', '2', 'Enter', 'Backspace', 'Escape']) await page.keyboard.press(key);
    await settled(page);
    assert.deepEqual([await where(kiri), await where(kanan)], both, 'a key outside the widgets moved one');

    // Each widget told its own host callback about its own call only.
    const told = await page.evaluate(() => ({
      kiri: [...new Set(window.panduEvents.kiri.filter((e) => e.sop).map((e) => e.sop))],
      kanan: [...new Set(window.panduEvents.kanan.filter((e) => e.sop).map((e) => e.sop))],
    }));
    // (SOP 003 includes SOP 001 for the caller's contacts: its steps are the left call's too.)
    assert.deepEqual(told, { kiri: ['transfer-elektrinet', 'kontak-email-hp'], kanan: ['niaga-pln-mobile'] });

    // Each widget keeps its own call for this tab, and a reload gives each its own back.
    const session = await storedData(page, 'sessionStorage');
    assert.deepEqual(session, { 'pandu:v1:tab:#kiri': calls[0], 'pandu:v1:tab:#kanan': calls[1] });
    await page.reload({ waitUntil: 'load' });
    await waitForReady(kiri);
    await waitForReady(kanan);
    await at(kiri, 'cek-pengecualian');
    await at(kanan, 'konfirmasi-pd');
    assert.equal((await where(kiri)).call, calls[0]);
    assert.equal((await where(kanan)).call, calls[1]);
    await assertIdsUnique(page, 'two restored calls');

    await assertNoPageErrors(page, errors);
  } finally {
    await close();
  }
});

test("a widget never lists the call running beside it to resume; leaving a call clears that widget's slot alone", { timeout: 90_000 }, async () => {
  const { page, errors, close } = await openPage(browser, '/demo/two.html', { ignore: NAVIGATION_NOISE });
  try {
    const kiri = page.locator('#kiri');
    const kanan = page.locator('#kanan');
    await waitForReady(kiri);
    await waitForReady(kanan);
    await openSop(kiri, 'pln-terbaik', 'pelanggan terbaik');
    const running = (await where(kiri)).call;
    // The right widget lists what other tabs left unfinished, never the left widget's call.
    await page.reload({ waitUntil: 'load' });
    await waitForReady(kiri);
    await waitForReady(kanan);
    assert.equal((await where(kiri)).call, running, 'the left widget got its call back');
    assert.equal(await kanan.locator(`[data-testid="resume-item"][data-call-id="${running}"]`).count(), 0,
      "the right widget lists the left widget's running call");
    // Leaving the call in the left widget clears its slot, not the right one's.
    await kiri.locator('[data-testid="leave"]').click();
    await kiri.locator('[data-testid="sop-search"]').waitFor();
    // No call id left in this tab; each widget keeps only the header it shows, for a reload.
    assert.deepEqual(await storedData(page, 'sessionStorage'), {
      'pandu:v1:penelepon:#kanan': '{"name":"Sari Dewi","honorific":"ibu","idpel":"","phone":""}',
      'pandu:v1:penelepon:#kiri': '{"name":"Budi Santoso","honorific":"bapak","idpel":"","phone":""}',
    });
    await assertNoPageErrors(page, errors);
  } finally {
    await close();
  }
});
