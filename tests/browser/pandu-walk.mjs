// Walking an SOP through the widget: the scenarios, the caller header, the finder, every walk
// item through the real UI (mouse or keyboard only), the tickets read back. The scenarios are the
// same `sops/*.scenarios.toml` files `cargo test` runs against the engine, so the UI is checked
// against the very values the engine is. Page helpers (opening, errors, waiting) are `lib.mjs`'s.

import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'smol-toml';

const HERE = dirname(fileURLToPath(import.meta.url));
export const SOPS_DIR = join(HERE, '..', '..', 'sops');

/** How long a single UI transition may take before the walk fails. */
const STEP_TIMEOUT_MS = 5_000;

/** What a CSO would type in the finder for each SOP: the callers' own words. */
export const FINDER_QUERY = {
  'transfer-elektrinet': 'internet mati',
  'niaga-pln-mobile': 'tambah daya',
  'evoucher-tokopedia': 'voucher tokopedia',
  'pln-terbaik': 'pelanggan terbaik',
  'kontak-email-hp': 'nomor hp',
};

/** Every scenario of every `sops/*.scenarios.toml`, each with the file it came from. */
export function loadScenarios() {
  const files = readdirSync(SOPS_DIR).filter((f) => f.endsWith('.scenarios.toml')).sort();
  return files.flatMap((file) => {
    // Plain objects: smol-toml's null-prototype tables never deep-equal what the page returns.
    const doc = JSON.parse(JSON.stringify(parse(readFileSync(join(SOPS_DIR, file), 'utf8'))));
    return (doc.scenario ?? []).map((sc) => ({ ...sc, file }));
  });
}

/** The scenario named `name` (of any SOP); fails when it is missing, so a rename is noticed. */
export function findScenario(name, scenarios = loadScenarios()) {
  const sc = scenarios.find((s) => s.name === name);
  assert.ok(sc, `scenario "${name}" is missing`);
  return sc;
}

/** What the running call shows: SOP, step, progress, path and header, for before/after comparisons. */
export async function callSnapshot(page) {
  return page.evaluate(() => {
    const q = (s) => document.querySelector(s);
    return {
      sop: q('[data-testid="call"]')?.getAttribute('data-sop-id') ?? null,
      callId: q('[data-testid="call"]')?.getAttribute('data-call-id') ?? null,
      step: q('[data-testid="step"]')?.getAttribute('data-step-id') ?? null,
      progress: q('[data-testid="progress"]')?.textContent ?? null,
      path: [...document.querySelectorAll('[data-testid="breadcrumb"]')].map((b) => b.textContent),
      caller: {
        name: q('[data-testid="caller-name"]').value,
        honorific: q('[data-testid="caller-honorific"]').value,
        idpel: q('[data-testid="caller-idpel"]').value,
        phone: q('[data-testid="caller-phone"]').value,
      },
      script: [...document.querySelectorAll('[data-testid="step"] [data-testid="script-line"]')].map((l) => l.textContent),
      fields: Object.fromEntries([...document.querySelectorAll('[data-testid="step"] [data-testid="field"]')].map((f) => [
        f.getAttribute('data-field-id'), f.querySelector('input, select, textarea').value])),
    };
  });
}

const step = (page) => page.locator('[data-testid="step"]');

/** A finger's tap on a touch screen (`tap`, in a context with `hasTouch`), else a mouse click. */
const press = (page, selector, tap) => (tap ? page.tap(selector) : page.click(selector));

async function stepId(page) {
  return step(page).getAttribute('data-step-id', { timeout: STEP_TIMEOUT_MS });
}

async function stepRev(page) {
  return step(page).getAttribute('data-rev', { timeout: STEP_TIMEOUT_MS });
}

/** Waits until the step view was rebuilt after `rev` (a transition happened). */
async function waitForNewStep(page, rev, what) {
  try {
    await page.waitForFunction(
      (old) => {
        const el = document.querySelector('[data-testid="step"]');
        return el && el.getAttribute('data-rev') !== old;
      },
      rev,
      { timeout: STEP_TIMEOUT_MS },
    );
  } catch (err) {
    const hint = await page
      .locator('[data-testid="step-hint"], [data-testid="field-error"], [data-testid="form-error"]')
      .allTextContents();
    throw new Error(`${what}: no transition (still at ${await stepId(page)}); shown: ${JSON.stringify(hint)}`);
  }
}

/** Fills the caller header with the mouse-and-keyboard way a CSO would. */
export async function setCaller(page, caller = {}) {
  await page.fill('[data-testid="caller-name"]', caller.name ?? '');
  await page.selectOption('[data-testid="caller-honorific"]', caller.honorific ?? '');
  await page.fill('[data-testid="caller-idpel"]', caller.idpel ?? '');
  await page.fill('[data-testid="caller-phone"]', caller.phone ?? '');
}

/**
 * An SOP whose programme ended (000, 002) plays on its scenario's day, as the scenario was
 * written for (`now`, WIB): the page's clock is fixed there before the call starts. An SOP in
 * force runs on the page's own clock.
 */
export async function atScenarioDay(page, sopId, now) {
  if (!now) return;
  const status = await page.locator(`[data-testid="sop-item"][data-sop-id="${sopId}"] [data-testid="sop-status"]`)
    .getAttribute('data-status', { timeout: STEP_TIMEOUT_MS });
  if (status === 'berakhir') {
    await page.clock.setFixedTime(new Date(`${now.replace(' ', 'T')}:00+07:00`));
  }
}

/**
 * Types the SOP's finder words and clicks (or taps) its item, on the scenario's day when it
 * has one (`now`); returns when its first step shows.
 */
export async function openSop(page, sopId, { tap = false, now = null } = {}) {
  await atScenarioDay(page, sopId, now);
  const query = FINDER_QUERY[sopId] ?? sopId;
  await page.fill('[data-testid="sop-search"]', query);
  const item = page.locator(`[data-testid="sop-item"][data-sop-id="${sopId}"]`);
  assert.equal(await item.count(), 1, `finder: "${query}" does not list ${sopId}`);
  await (tap ? item.tap() : item.click());
  await step(page).waitFor({ timeout: STEP_TIMEOUT_MS });
}

/** The field errors shown in the current step, field id → message. */
export async function shownErrors(page) {
  return page.evaluate(() => {
    const out = {};
    for (const f of document.querySelectorAll('[data-testid="step"] [data-testid="field"]')) {
      const e = f.querySelector('[data-testid="field-error"]');
      if (e) out[f.getAttribute('data-field-id')] = e.textContent;
    }
    return out;
  });
}

async function acceptedWarnings(page) {
  return page.evaluate(() => {
    const out = {};
    for (const w of document.querySelectorAll('[data-testid="accepted-warning"]')) {
      out[w.getAttribute('data-field-id')] = w.querySelector('[data-testid="warning-message"]').textContent;
    }
    return out;
  });
}

/** The answers the notice says a back dropped, in its order (none when it is not shown). */
export async function droppedValues(page) {
  return page.locator('[data-testid="dropped-value"]').allTextContents();
}

async function tickMustLines(page, keyboard, tap) {
  const boxes = page.locator('[data-testid="step"] [data-testid="script-must"]:not(:checked)');
  const n = await boxes.count();
  for (let i = 0; i < n; i += 1) {
    if (keyboard) {
      await page.keyboard.press('Space');
      await page.keyboard.press('Tab');
    } else if (tap) {
      await boxes.first().tap();
    } else {
      await boxes.first().check();
    }
  }
}

/** The control (input, select, textarea) of each field of the current step, in order. */
async function fieldControls(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="step"] [data-testid="field"]')].map((f) => {
      const c = f.querySelector('input, select, textarea');
      return {
        id: f.getAttribute('data-field-id'),
        tag: c.tagName.toLowerCase(),
        options: c.tagName === 'SELECT' ? [...c.options].map((o) => o.value) : [],
      };
    }),
  );
}

/** Index of the field whose control has the focus, or -1. */
async function focusedField(page) {
  return page.evaluate(() => {
    const fields = [...document.querySelectorAll('[data-testid="step"] [data-testid="field"]')];
    return fields.findIndex((f) => f.contains(document.activeElement));
  });
}

async function focusedTestId(page) {
  return page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName);
}

// `keep`: ids of fields left as the form shows them (a value the host prefilled).
async function fillForm(page, fill, keyboard, label, keep = [], tap = false) {
  const fields = await fieldControls(page);
  for (const id of Object.keys(fill)) {
    assert.ok(fields.some((f) => f.id === id), `${label}: the step has no field \`${id}\``);
  }
  // A value a select does not offer cannot be entered in the UI at all; the engine
  // refuses it (that is what such a scenario item checks), so the UI has nothing to do.
  const impossible = fields.find((f) => f.tag === 'select' && !f.options.includes(fill[f.id] ?? ''));
  if (impossible) return { impossible: impossible.id };
  if (!keyboard) {
    for (const f of fields) {
      if (keep.includes(f.id)) continue;
      const value = fill[f.id] ?? '';
      const control = page.locator(`[data-testid="step"] [data-testid="field"][data-field-id="${f.id}"]`).locator('input, select, textarea').first();
      if (f.tag === 'select') await control.selectOption(value);
      else await control.fill(value);
    }
    await press(page, '[data-testid="step"] [data-testid="next"]', tap);
    return {};
  }
  // Keyboard: the focus is on some field of the form (the first one after a transition,
  // the first invalid one after a refusal). Walk to the first field with Shift+Tab.
  let at = await focusedField(page);
  assert.ok(at >= 0, `${label}: the focus is not in the form (on ${await focusedTestId(page)})`);
  while (at > 0) {
    await page.keyboard.press('Shift+Tab');
    at -= 1;
  }
  for (const [i, f] of fields.entries()) {
    assert.equal(await focusedField(page), i, `${label}: Tab did not reach field \`${f.id}\``);
    const value = fill[f.id] ?? '';
    if (keep.includes(f.id)) {
      // Left as shown.
    } else if (f.tag === 'select') {
      // On a closed select, Home picks the first option and each ArrowDown the next one.
      const index = f.options.indexOf(value);
      assert.ok(index >= 0, `${label}: \`${value}\` is not an option of \`${f.id}\``);
      await page.keyboard.press('Home');
      for (let k = 0; k < index; k += 1) await page.keyboard.press('ArrowDown');
    } else {
      await page.keyboard.press('Control+A');
      if (value === '') await page.keyboard.press('Delete');
      else await page.keyboard.type(value);
    }
    await page.keyboard.press('Tab');
  }
  assert.equal(await focusedTestId(page), 'next', `${label}: Tab after the last field must reach Lanjut`);
  await page.keyboard.press('Enter');
  return {};
}

/**
 * Walks `sc` through the UI from the finder to its outcome and checks everything the scenario
 * states on the way: the step at each action, refused inputs and their messages, warnings,
 * dropped answers. `keyboard: true` uses only Tab, typing, digits, Enter and the back keys;
 * `tap: true` taps where a mouse would click (a phone: the context needs `hasTouch`).
 */
export async function walkScenario(page, sc, { keyboard = false, tap = false } = {}) {
  if (keyboard) {
    // The finder has the focus at start; the header is just before it.
    const c = sc.caller ?? {};
    assert.equal(await focusedTestId(page), 'sop-search', 'the search box has the focus at start');
    await atScenarioDay(page, sc.sop, sc.now);
    for (let i = 0; i < 4; i += 1) await page.keyboard.press('Shift+Tab');
    assert.equal(await focusedTestId(page), 'caller-name');
    await page.keyboard.type(c.name ?? '');
    await page.keyboard.press('Tab');
    const down = { bapak: 1, ibu: 2 }[c.honorific] ?? 0;
    await page.keyboard.press('Home');
    for (let k = 0; k < down; k += 1) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.type(c.idpel ?? '');
    await page.keyboard.press('Tab');
    await page.keyboard.type(c.phone ?? '');
    await page.keyboard.press('Tab');
    assert.equal(await focusedTestId(page), 'sop-search');
    await page.keyboard.type(FINDER_QUERY[sc.sop] ?? sc.sop);
    await page.keyboard.press('Enter');
    await step(page).waitFor({ timeout: STEP_TIMEOUT_MS });
    assert.equal(await page.locator('[data-testid="call"]').getAttribute('data-sop-id'), sc.sop,
      'Enter in the finder opens the best match');
    assert.equal(await page.inputValue('[data-testid="caller-honorific"]'), c.honorific ?? '');
  } else {
    await setCaller(page, sc.caller);
    await openSop(page, sc.sop, { tap, now: sc.now });
  }

  await walkItems(page, sc, sc.walk ?? [], { keyboard, tap });

  const expect = sc.expect ?? {};
  if (expect.outcome) assert.equal(await stepId(page), expect.outcome, `${sc.name}: outcome`);
  await page.locator('[data-testid="outcome"]').waitFor({ timeout: STEP_TIMEOUT_MS });
  assert.deepEqual(await readTickets(page), expect.ticket ?? {}, `${sc.name}: tickets`);
  // Earlier topics of the call: their tickets stay on screen, in order.
  const earlier = page.locator('[data-testid="earlier-topic"]');
  assert.equal(await earlier.count(), (expect.earlier ?? []).length, `${sc.name}: earlier topics`);
  for (const [k, e] of (expect.earlier ?? []).entries()) {
    assert.deepEqual(await readTickets(page, earlier.nth(k)), e.ticket ?? {}, `${sc.name}: tickets of topic ${k + 1}`);
  }
  // The closing lines, once each, when the walk ended the call with them.
  if (expect.closing) {
    assert.deepEqual(await closingLines(page), expect.closing, `${sc.name}: closing lines`);
  }
  const transfers = await page.locator('[data-testid="transfer-item"]').evaluateAll(
    (els) => els.map((e) => e.getAttribute('data-number')));
  assert.deepEqual(transfers, expect.transfers ?? [], `${sc.name}: transfers`);
  const escalations = await page.locator('[data-testid="escalation-item"]').evaluateAll(
    (els) => els.map((e) => `${e.getAttribute('data-channel')} ${e.getAttribute('data-level')}`.trim()));
  assert.deepEqual(escalations, expect.escalations ?? [], `${sc.name}: escalations`);
}

/**
 * Carries out `items` (a slice of `sc.walk`) on the running call and checks what each states:
 * the step it happens at, refused inputs and their messages, warnings, dropped answers.
 * `first` is the 0-based index of `items[0]` in `sc.walk`, for the messages; `tap` as in `walkScenario`.
 */
export async function walkItems(page, sc, items, { keyboard = false, first = 0, tap = false } = {}) {
  let backs = 0;
  for (const [j, item] of items.entries()) {
    const i = first + j;
    const label = `${sc.name} › walk[${i + 1}]`;
    if (item.at) assert.equal(await stepId(page), item.at, `${label}: at the wrong step`);
    // `unsaid`: the must-say lines are left unticked and the input is refused for that;
    // `unticked`: left unticked, and the option chosen does not need them.
    if (!item.unsaid && !item.unticked) await tickMustLines(page, keyboard, tap);
    const unsaid = item.unsaid ? await untickedLines(page) : [];
    const rev = await stepRev(page);
    if (item.topic) {
      await openTopic(page, item.topic, { keyboard });
    } else if (item.close) {
      await beginClosing(page, { keyboard });
      if (item.unsaid) {
        const lines = await untickedLines(page);
        const closing = await stepRev(page);
        await page.click('[data-testid="finish"]');
        await expectUnsaid(page, closing, lines, label);
      }
      await tickMustLines(page, keyboard);
    } else if (item.back) {
      if (keyboard) {
        // Both documented back keys get used; Backspace only where it is not typing.
        const typing = await page.evaluate(() => {
          const a = document.activeElement;
          return a && (a.tagName === 'TEXTAREA' || a.tagName === 'SELECT' ||
            (a.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'submit'].includes(a.type)));
        });
        await page.keyboard.press(typing || backs % 2 === 0 ? 'Alt+ArrowLeft' : 'Backspace');
      } else {
        await press(page, '[data-testid="back"]', tap);
      }
      backs += 1;
      await waitForNewStep(page, rev, label);
      // `dropped = []` says the back drops nothing: then no dropped answer may show.
      if (item.dropped !== undefined) {
        assert.deepEqual(await droppedValues(page), item.dropped, `${label}: dropped answers`);
      }
    } else if (item.choose !== undefined) {
      if (keyboard) {
        const ids = await page.locator('[data-testid="step"] [data-testid="option"]').evaluateAll(
          (els) => els.map((e) => e.getAttribute('data-option-id')));
        const n = ids.indexOf(item.choose) + 1;
        assert.ok(n >= 1 && n <= 9, `${label}: option \`${item.choose}\` has no digit key (${ids})`);
        await page.keyboard.press(String(n));
      } else {
        await press(page, `[data-testid="step"] [data-testid="option"][data-option-id="${item.choose}"]`, tap);
      }
      if (item.unsaid) await expectUnsaid(page, rev, unsaid, label);
      else await waitForNewStep(page, rev, label);
    } else if (item.next) {
      if (keyboard && item.unsaid) {
        // The focus is on the first box not ticked: Enter there says which line is missing.
        await page.keyboard.press('Enter');
      } else if (keyboard) {
        assert.equal(await focusedTestId(page), 'next', `${label}: the focus is on Lanjut`);
        await page.keyboard.press('Enter');
      } else {
        await press(page, '[data-testid="step"] [data-testid="next"]', tap);
      }
      if (item.unsaid) await expectUnsaid(page, rev, unsaid, label);
      else await waitForNewStep(page, rev, label);
    } else if (item.fill) {
      const refusedBefore = await page.getAttribute('[data-testid="form"]', 'data-refused');
      const expectErrors = item.errors && Object.keys(item.errors).length > 0;
      const { impossible } = await fillForm(page, item.fill, keyboard, label, item.keep, tap);
      if (impossible) {
        assert.ok(expectErrors && item.errors[impossible],
          `${label}: \`${item.fill[impossible]}\` is not an option of \`${impossible}\`, yet the scenario expects it accepted`);
        continue;
      }
      if (expectErrors) {
        await page.waitForFunction(
          (old) => document.querySelector('[data-testid="form"]')?.getAttribute('data-refused') !== old,
          refusedBefore,
          { timeout: STEP_TIMEOUT_MS },
        );
        assert.deepEqual(await shownErrors(page), item.errors, `${label}: field errors`);
        assert.equal(await stepRev(page), rev, `${label}: a refused form stays on its step`);
        const invalid = await page.locator('[data-testid="step"] [aria-invalid="true"]').count();
        assert.equal(invalid, Object.keys(item.errors).length, `${label}: aria-invalid on each refused field`);
      } else {
        await waitForNewStep(page, rev, label);
        assert.deepEqual(await acceptedWarnings(page), item.warnings ?? {}, `${label}: warnings`);
      }
    } else {
      throw new Error(`${label}: no action`);
    }
  }
}

/** The must-say lines of the step not ticked, as on screen. */
async function untickedLines(page) {
  return page.locator('[data-testid="step"] [data-testid="script-must"]:not(:checked)').evaluateAll((boxes) =>
    boxes.map((b) => b.closest('label').querySelector('[data-testid="script-line"]').textContent.trim()));
}

/** What the step says when it is asked to go on before `lines` are ticked. */
export function unsaidHint(lines) {
  const quoted = lines.map((l) => `“${l}”`);
  return quoted.length === 1
    ? `Kalimat wajib belum dicentang: ${quoted[0]}. Sampaikan kepada pelanggan, lalu centang.`
    : `${quoted.length} kalimat wajib belum dicentang: ${quoted.join('; ')}. Sampaikan kepada pelanggan, lalu centang.`;
}

/** The input was refused for `lines` not ticked: said in the step, which stays. */
async function expectUnsaid(page, rev, lines, label) {
  assert.ok(lines.length > 0, `${label}: \`unsaid\`, yet every must-say line is ticked`);
  const hint = page.locator('[data-testid="step-hint"]');
  await hint.waitFor({ timeout: STEP_TIMEOUT_MS });
  assert.equal(await hint.textContent(), unsaidHint(lines), `${label}: the missing lines named`);
  assert.equal(await stepRev(page), rev, `${label}: refused, the step stays`);
}

/**
 * The tickets on screen: system → field name → value, exactly as the copy buttons copy them.
 * Those of earlier topics of the call are left out, unless `scope` (a locator) is one of them.
 */
export async function readTickets(page, scope = null) {
  if (scope) {
    return scope.evaluate((root) => {
      const out = {};
      for (const t of root.querySelectorAll('[data-testid="ticket"]')) {
        const fields = {};
        for (const f of t.querySelectorAll('[data-testid="ticket-field"]')) {
          fields[f.getAttribute('data-field')] = f.querySelector('[data-testid="ticket-value"]').textContent;
        }
        out[t.getAttribute('data-system')] = fields;
      }
      return out;
    });
  }
  return page.evaluate(() => {
    const out = {};
    for (const t of document.querySelectorAll('[data-testid="ticket"]')) {
      if (t.closest('[data-testid="earlier-topic"]')) continue;
      const fields = {};
      for (const f of t.querySelectorAll('[data-testid="ticket-field"]')) {
        fields[f.getAttribute('data-field')] = f.querySelector('[data-testid="ticket-value"]').textContent;
      }
      out[t.getAttribute('data-system')] = fields;
    }
    return out;
  });
}

/** Walks `sc` to its ticket and ends the call ("Selesai", its closing lines); returns the ended call's id. */
export async function walkAndFinish(page, sc) {
  await walkScenario(page, sc);
  const id = await page.getAttribute('[data-testid="call"]', 'data-call-id');
  await endCall(page);
  await page.locator('[data-testid="sop-search"]').waitFor();
  return id;
}

/** The closing lines on screen, as said. */
export async function closingLines(page) {
  return page.locator('[data-testid="closing"] [data-testid="script-line"]').allTextContents();
}

/**
 * "Selesai" at the outcome: shows the call's closing lines when it has some (and waits for
 * them), else ends the call. Returns whether the closing lines are on screen.
 */
export async function beginClosing(page, { keyboard = false } = {}) {
  const rev = await stepRev(page);
  if (keyboard) {
    await page.focus('[data-testid="finish"]');
    await page.keyboard.press('Enter');
  } else {
    await page.click('[data-testid="finish"]');
  }
  // Either the closing lines (a rebuilt step) or the call is over.
  await page.waitForFunction(
    (old) => {
      const el = document.querySelector('[data-testid="step"]');
      return !el || el.getAttribute('data-rev') !== old;
    },
    rev,
    { timeout: STEP_TIMEOUT_MS },
  );
  return (await page.locator('[data-testid="closing"]').count()) > 0;
}

/**
 * Ends the call at its outcome as a CSO does: "Selesai", the closing lines ticked when there
 * are some, "Selesai" again. Returns the closing lines that were said.
 */
export async function endCall(page) {
  if (await page.locator('[data-testid="closing"]').count() === 0) {
    if (!(await beginClosing(page))) return [];
  }
  await tickMustLines(page, false);
  const lines = await closingLines(page);
  await page.click('[data-testid="finish"]');
  await page.locator('[data-testid="call"]').waitFor({ state: 'detached', timeout: STEP_TIMEOUT_MS });
  return lines;
}

/** At an outcome: "Topik lain untuk penelepon ini", the finder inside the call, the SOP `sopId`. */
export async function openTopic(page, sopId, { keyboard = false } = {}) {
  const rev = await stepRev(page);
  await page.click('[data-testid="next-topic"]');
  const search = page.locator('[data-testid="topic-picker"] [data-testid="sop-search"]');
  await search.waitFor({ timeout: STEP_TIMEOUT_MS });
  const query = FINDER_QUERY[sopId] ?? sopId;
  if (keyboard) {
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'sop-search');
    await page.keyboard.type(query);
    await page.keyboard.press('Enter');
  } else {
    await search.fill(query);
    await page.click(`[data-testid="topic-picker"] [data-testid="sop-item"][data-sop-id="${sopId}"]`);
  }
  // The call view is built afresh for the new topic, headed by its SOP.
  await page.locator(`[data-testid="call"][data-sop-id="${sopId}"] [data-testid="step"]`)
    .waitFor({ timeout: STEP_TIMEOUT_MS });
  assert.notEqual(await stepRev(page), rev, `topic ${sopId}: a new step`);
}
