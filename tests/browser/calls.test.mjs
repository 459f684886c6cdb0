// Callers at the edges, through the real UI (issue 13): a landline instead of a handphone,
// a caller who does not know the product's name, two topics in one call with the closing
// line said once at the very end, Enter on a step whose must-say line is not ticked yet,
// NIK checked when its field is left, "Salin semua" only with something to copy, and a new
// call that starts from an empty finder. The walks are the SOPs' own scenarios.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { assertNoPageErrors, eventually, launchBrowser, openApp } from './lib.mjs';
import {
  closingLines,
  endCall,
  findScenario,
  openSop,
  readTickets,
  setCaller,
  walkItems,
  walkScenario,
} from './pandu-walk.mjs';

const LANDLINE = 'Pelanggan tanpa HP: telepon rumah yang digunakan dicatat (butir 4.a), AP2T di kolom Telepon';
const UNKNOWN_PRODUCT = 'Pemilik toko tidak tahu nama produknya: internet usaha dari Sales ICON+, dikenali sebagai ELEKTRINET (003 A)';
const TWO_TOPICS = 'Satu panggilan, dua topik: informasi Pelanggan Terbaik lalu tambah daya; Email/HP tidak diminta dua kali, kalimat penutup sekali di akhir';
const ANGRY = 'Pelanggan marah: email dan HP tidak diminta';
const ELEKTRINET = 'Pelanggan ELEKTRINET disambungkan ke CC PLN ICONPLUS 1500071';
const NIK = 'PD: verifikasi langsung; nama akun Sagita98 diperingatkan dan diubah saat itu, NIK, HP dan email salah ditolak; Team Leader menyetujui, akun berhasil terverifikasi';
const CLOSING_001 = '... Jika kami memiliki informasi layanan atau produk layanan, maka akan kami sampaikan melalui No. Telepon atau email tersebut...';

let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

const stepId = (page) => page.getAttribute('[data-testid="step"]', 'data-step-id');
const focused = (page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
const historyIds = (page) => page.locator('[data-testid="history-item"]').evaluateAll(
  (els) => els.map((e) => e.getAttribute('data-call-id')));

/** The index of the walk item at step `at` (fails when the scenario has none). */
function indexAt(sc, at) {
  const i = sc.walk.findIndex((w) => w.at === at);
  assert.ok(i >= 0, `${sc.name}: no walk item at \`${at}\``);
  return i;
}

test('landline: 001 records a fixed line with its note, AP2T "Telepon", and the call ends', { timeout: 60_000 }, async () => {
  const sc = findScenario(LANDLINE);
  const { page, errors, close } = await openApp(browser);
  try {
    await setCaller(page, sc.caller);
    await openSop(page, sc.sop);
    const at = indexAt(sc, 'hp-sama');
    await walkItems(page, sc, sc.walk.slice(0, at));
    // Typed and left: a note, never an error.
    const hp = page.locator('[data-testid="field"][data-field-id="hp"] input');
    await hp.fill('021 7654321');
    await hp.press('Shift+Tab');
    await eventually(async () => (await page.locator('[data-field-id="hp"] [data-testid="field-warning"]').count()) === 1,
      'the landline note under the field');
    assert.equal(await page.textContent('[data-field-id="hp"] [data-testid="field-warning"]'), 'Telepon rumah/kantor, bukan HP.');
    assert.equal(await page.locator('[data-field-id="hp"] [data-testid="field-error"]').count(), 0);
    // The scenario's own number, sent: accepted with the note (walkItems checks it).
    await walkItems(page, sc, sc.walk.slice(at), { first: at });
    assert.deepEqual(await readTickets(page), sc.expect.ticket);
    assert.equal((await readTickets(page)).ap2t.Telepon, '0217654321');
    assert.deepEqual(await closingLines(page), sc.expect.closing);
    const id = await page.getAttribute('[data-testid="call"]', 'data-call-id');
    // The closing line was ticked by the walk: "Selesai" ends the call.
    await page.click('[data-testid="finish"]');
    await page.locator('[data-testid="sop-search"]').waitFor();
    assert.deepEqual(await historyIds(page), [id]);
    await assertNoPageErrors(page, errors);
  } finally {
    await close();
  }
});

test('003 "tidak tahu": the shop owner is recognised as ELEKTRINET, to the exact ticket', { timeout: 60_000 }, async () => {
  const sc = findScenario(UNKNOWN_PRODUCT);
  const { page, errors, close } = await openApp(browser);
  try {
    await walkScenario(page, sc);
    const tickets = await readTickets(page);
    assert.equal(tickets.apkt.Permasalahan,
      'PELANGGAN ELEKTRINET MENGELUHKAN GANGGUAN INTERNET ICON, TELAH DITRANSFER KE CC PLN ICONPLUS 1500071');
    assert.deepEqual(tickets, sc.expect.ticket);
    await endCall(page);
    await assertNoPageErrors(page, errors);
  } finally {
    await close();
  }
});

test('two topics for one caller: header kept, 001 not asked twice, both tickets, the closing line once', { timeout: 90_000 }, async () => {
  const sc = findScenario(TWO_TOPICS);
  const { page, errors, close } = await openApp(browser);
  try {
    await setCaller(page, sc.caller);
    await openSop(page, sc.sop, { now: sc.now });
    const topic = sc.walk.findIndex((w) => w.topic);
    await walkItems(page, sc, sc.walk.slice(0, topic));
    const first = await readTickets(page);
    assert.deepEqual(first, sc.expect.earlier[0].ticket);
    const id = await page.getAttribute('[data-testid="call"]', 'data-call-id');

    // "Topik lain": the finder inside the call, empty, the header and the tickets still there.
    await page.click('[data-testid="next-topic"]');
    await page.locator('[data-testid="topic-picker"] [data-testid="sop-search"]').waitFor();
    // Focused once the picker is drawn, a frame after it appears.
    await eventually(async () => (await focused(page)) === 'sop-search', 'the focus on the search box');
    assert.equal(await page.inputValue('[data-testid="topic-picker"] [data-testid="sop-search"]'), '');
    // Changed one's mind: back to the ticket, nothing lost.
    await page.click('[data-testid="topic-cancel"]');
    assert.equal(await page.locator('[data-testid="topic-picker"]').count(), 0);
    assert.deepEqual(await readTickets(page), first);
    // Esc closes it too, from the search box, with the focus back on "Selesai".
    await page.click('[data-testid="next-topic"]');
    await page.locator('[data-testid="topic-picker"] [data-testid="sop-search"]').waitFor();
    await page.fill('[data-testid="topic-picker"] [data-testid="sop-search"]', 'internet');
    await page.keyboard.press('Escape');
    await page.locator('[data-testid="topic-picker"]').waitFor({ state: 'detached' });
    await eventually(async () => (await focused(page)) === 'finish', 'the focus on Selesai');
    assert.deepEqual(await readTickets(page), first);

    const steps = [];
    await walkItems(page, sc, sc.walk.slice(topic, topic + 1), { first: topic });
    assert.equal(await page.getAttribute('[data-testid="call"]', 'data-call-id'), id, 'the same call');
    assert.equal(await page.inputValue('[data-testid="caller-name"]'), sc.caller.name, 'the header stays');
    // The first topic's tickets stay above, folded, and are in the history already.
    assert.equal(await page.locator('[data-testid="earlier-topic"]').count(), 1);
    assert.deepEqual(await readTickets(page, page.locator('[data-testid="earlier-topic"]')), first);
    assert.equal(await page.getAttribute('[data-testid="earlier-topic"]', 'data-sop-id'), 'pln-terbaik');

    for (const [j, item] of sc.walk.slice(topic + 1).entries()) {
      steps.push(await stepId(page));
      await walkItems(page, sc, [item], { first: topic + 1 + j });
    }
    // 001 was not asked again: its steps never showed, and the screen says what it took over.
    for (const s of ['cek-pengecualian', 'tanya-pemilik', 'minta-email', 'terima-kasih', 'tanya-telepon', 'hp-sama', 'hp-lain']) {
      assert.ok(!steps.includes(s), `001's \`${s}\` was asked again (${steps})`);
    }
    assert.match(await page.textContent('[data-testid="reused"]'), /sudah dicatat di topik sebelumnya/);
    assert.deepEqual(await page.locator('[data-testid="reused-value"]').allTextContents(),
      ['sri.rahayu@gmail.com', '081511223344']);

    // Closing: the line of 001 butir 5 once, at the very end.
    assert.deepEqual(await closingLines(page), [CLOSING_001]);
    assert.deepEqual(await readTickets(page), sc.expect.ticket);
    assert.deepEqual(await readTickets(page, page.locator('[data-testid="earlier-topic"]')), sc.expect.earlier[0].ticket);
    await page.click('[data-testid="finish"]');
    await page.locator('[data-testid="sop-search"]').waitFor();
    // Both topics in the history, the later one first.
    assert.deepEqual(await historyIds(page), [`${id}-2`, id]);
    assert.match(await page.textContent(`[data-testid="history-item"][data-call-id="${id}"] [data-testid="history-preview"]`),
      /INFORMASI PROGRAM PELANGGAN TERBAIK PLN/);
    await assertNoPageErrors(page, errors);
  } finally {
    await close();
  }
});

test('Selesai with an unticked closing line is refused, naming the line', { timeout: 60_000 }, async () => {
  const sc = findScenario(LANDLINE);
  const { page, errors, close } = await openApp(browser);
  try {
    await setCaller(page, sc.caller);
    await openSop(page, sc.sop);
    await walkItems(page, sc, sc.walk.filter((w) => !w.close));
    await page.click('[data-testid="finish"]');
    await page.locator('[data-testid="closing"]').waitFor();
    // The focus is on the closing line's box; "Selesai" before it is ticked says which line.
    await eventually(async () => (await focused(page)) === 'script-must', 'the focus on the closing line');
    await page.click('[data-testid="finish"]');
    const hint = `Kalimat wajib belum dicentang: “${CLOSING_001}”. Sampaikan kepada pelanggan, lalu centang.`;
    await eventually(async () => (await page.locator('[data-testid="step-hint"]').count()) === 1, 'the refusal');
    assert.equal(await page.textContent('[data-testid="step-hint"]'), hint);
    assert.equal(await page.locator('[data-testid="call"]').count(), 1, 'the call is still on');
    // Back to the tickets and again: the closing lines are shown afresh.
    await page.click('[data-testid="back"]');
    await eventually(async () => (await page.locator('[data-testid="closing"]').count()) === 0, 'back at the ticket');
    await page.click('[data-testid="finish"]');
    await page.locator('[data-testid="closing"]').waitFor();
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    // Enter on the ticked box goes to "Selesai", it does not end the call by itself.
    await eventually(async () => (await focused(page)) === 'finish', 'the focus on Selesai');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="sop-search"]').waitFor();
    await assertNoPageErrors(page, errors);
  } finally {
    await close();
  }
});

test('Enter on a must-say step: names the missing line, goes on once it is ticked', { timeout: 60_000 }, async () => {
  const { page, errors, close } = await openApp(browser);
  try {
    await setCaller(page, { name: 'Rina Wulandari', honorific: 'ibu' });
    await openSop(page, 'kontak-email-hp');
    const sc = findScenario('Pemilik memberikan email; No. Telepon yang digunakan dapat dihubungi');
    await walkItems(page, sc, sc.walk.slice(0, indexAt(sc, 'terima-kasih')));
    assert.equal(await stepId(page), 'terima-kasih');
    const rev = await page.getAttribute('[data-testid="step"]', 'data-rev');
    // The focus lands on the must-say box; Enter there, not ticked: refused and said why.
    await eventually(async () => (await focused(page)) === 'script-must', 'the focus on the must-say box');
    await page.keyboard.press('Enter');
    const hint = 'Kalimat wajib belum dicentang: “... Baik Ibu, Terima Kasih ...”. Sampaikan kepada pelanggan, lalu centang.';
    await eventually(async () => (await page.locator('[data-testid="step-hint"]').count()) === 1, 'the step hint');
    assert.equal(await page.textContent('[data-testid="step-hint"]'), hint);
    assert.equal(await page.locator('.pandu-step__hint[role="alert"] [data-testid="step-hint"]').count(), 1, 'in the alert area');
    assert.equal(await page.getAttribute('[data-testid="step"]', 'data-rev'), rev, 'still at the same step');
    // From the page too (the root has the focus), the same message.
    await page.click('[data-testid="step"] .pandu-step__title');
    await page.keyboard.press('Enter');
    assert.equal(await page.textContent('[data-testid="step-hint"]'), hint);
    assert.equal(await stepId(page), 'terima-kasih');
    // Ticked with Space, Enter goes on.
    await page.focus('[data-testid="script-must"]');
    await page.keyboard.press('Space');
    assert.equal(await page.isChecked('[data-testid="script-must"]'), true);
    await page.keyboard.press('Enter');
    await eventually(async () => (await stepId(page)) === 'tanya-telepon', 'the next step');
    await assertNoPageErrors(page, errors);
  } finally {
    await close();
  }
});

test('NIK is checked when its field is left with Tab, like the other fields', { timeout: 60_000 }, async () => {
  const sc = findScenario(NIK);
  const { page, errors, close } = await openApp(browser);
  try {
    await setCaller(page, sc.caller);
    await openSop(page, sc.sop);
    await walkItems(page, sc, sc.walk.slice(0, indexAt(sc, 'persiapan-verifikasi')));
    const nik = page.locator('[data-testid="field"][data-field-id="nik"] input');
    await nik.fill('3174053102950003');
    // NIK is the form's last field: Tab goes to "Lanjut", and the field is still checked.
    await nik.press('Tab');
    assert.equal(await focused(page), 'next');
    await eventually(async () => (await page.locator('[data-field-id="nik"] [data-testid="field-error"]').count()) === 1,
      'the NIK error on leaving the field');
    assert.equal(await page.textContent('[data-field-id="nik"] [data-testid="field-error"]'),
      'NIK tidak valid: digit ke-7 s.d. 12 harus tanggal lahir DDMMYY yang benar (untuk perempuan tanggal ditambah 40).');
    assert.equal(await page.getAttribute('[data-field-id="nik"] input', 'aria-invalid'), 'true');
    // Fixed: the message goes as soon as the number is right.
    await nik.fill('3174055508950003');
    await eventually(async () => (await page.locator('[data-field-id="nik"] [data-testid="field-error"]').count()) === 0,
      'the error cleared');
    await assertNoPageErrors(page, errors);
  } finally {
    await close();
  }
});

test('"Salin semua" only with something to copy, and it copies what the panels show', { timeout: 60_000 }, async () => {
  const { page, errors, close } = await openApp(browser);
  try {
    await walkScenario(page, findScenario(ANGRY));
    assert.equal(await page.locator('[data-testid="no-ticket"]').count(), 1);
    assert.equal(await page.locator('[data-testid="copy-all"]').count(), 0, 'nothing to copy, no button');
    await endCall(page);

    await walkScenario(page, findScenario(ELEKTRINET));
    const copied = await page.getAttribute('[data-testid="copy-all"]', 'data-copy');
    const shown = await page.evaluate(() => {
      const out = document.querySelector('[data-testid="outcome"]');
      const parts = [...out.querySelectorAll('[data-testid="ticket"]')].map((t) => [
        t.querySelector('.pandu-ticket__title').textContent,
        ...[...t.querySelectorAll('[data-testid="ticket-field"]')].map((f) =>
          `${f.getAttribute('data-field')}: ${f.querySelector('[data-testid="ticket-value"]').textContent}`),
      ].join('\n'));
      for (const li of out.querySelectorAll('[data-testid="transfer-item"]')) parts.push(`Transfer: ${li.textContent.trim()}`);
      for (const li of out.querySelectorAll('[data-testid="escalation-item"]')) parts.push(`Eskalasi: ${li.textContent.trim()}`);
      parts.push(out.querySelector('[data-testid="stamp"]').textContent);
      return parts.join('\n\n');
    });
    assert.equal(copied, shown);
    assert.match(copied, /\n\nTransfer: Contact Center PLN ICONPLUS 1500071\n\n/);
    await assertNoPageErrors(page, errors);
  } finally {
    await close();
  }
});

test('a new call starts from an empty finder', { timeout: 60_000 }, async () => {
  const sc = findScenario(ELEKTRINET);
  const { page, errors, close } = await openApp(browser);
  try {
    await walkScenario(page, sc);
    await endCall(page);
    await page.locator('[data-testid="sop-search"]').waitFor();
    assert.equal(await page.inputValue('[data-testid="sop-search"]'), '', 'the last query is gone');
    // Enter in the finder starts one too, and Ganti SOP comes back to an empty box.
    await page.fill('[data-testid="sop-search"]', 'internet mati');
    await page.press('[data-testid="sop-search"]', 'Enter');
    await page.locator('[data-testid="step"]').waitFor();
    await page.click('[data-testid="leave"]');
    await page.locator('[data-testid="sop-search"]').waitFor();
    assert.equal(await page.inputValue('[data-testid="sop-search"]'), '');
    await assertNoPageErrors(page, errors);
  } finally {
    await close();
  }
});
