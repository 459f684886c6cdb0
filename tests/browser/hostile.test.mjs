// Hostile and odd input through a whole call: HTML and script, right-to-left marks, emoji,
// tabs in single-line fields and a 10 kB value. Shown as text and never run; in the ticket on
// one line, trimmed, cut to APKT's length with a visible warning; nothing dropped silently.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { assertNoPageErrors, launchBrowser, openTab } from './lib.mjs';
import { endCall, findScenario, openSop, readTickets, setCaller, walkItems } from './pandu-walk.mjs';

const VOUCHER = 'Pembelian TV di Tokopedia 05-03-2021: data a–g dicatat di APKT, eskalasi HoCC';
/** Markup with a handler, a right-to-left mark, Arabic, an emoji, a tab, spaces around. */
const EVIL = '  <img src=x onerror="window.__pwned=1">\u200F مرحبا 😀\tDewi  ';
/** Over 10 kB, one word, emoji included: cut by code points, never inside one. */
const LONG = 'Kulkas😀'.repeat(1500);
const MAX = 1000;

let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** What `validate::one_line` makes of a value: whitespace runs to one space, trimmed. */
const oneLine = (s) => s.split(/\s+/u).filter(Boolean).join(' ');

test('hostile strings through a whole call: text only, exact, one line, a 10 kB value cut with a warning', { timeout: 120_000 }, async () => {
  const base = findScenario(VOUCHER);
  const sc = structuredClone(base);
  const data = sc.walk.find((w) => w.at === 'data-pembeli');
  data.fill = { ...data.fill, nama_pembeli: EVIL, produk: LONG };
  assert.ok(new TextEncoder().encode(LONG).length > 10_240, 'the long value is over 10 kB');

  const context = await browser.newContext({ acceptDownloads: true });
  try {
    const { page, errors } = await openTab(context);
    await page.evaluate(() => {
      window.alert = () => { window.__pwned = 'alert'; };
    });
    await setCaller(page, { ...sc.caller, name: EVIL });
    await openSop(page, sc.sop, { now: sc.now });
    assert.equal(await page.inputValue('[data-testid="caller-name"]'), EVIL, 'the header keeps what was typed');

    // Half-way, another tab lists the call with the name as text.
    await walkItems(page, sc, sc.walk.slice(0, 3));
    const other = await openTab(context);
    assert.equal(await other.page.textContent('[data-testid="resume-caller"]'), oneLine(EVIL));
    assert.equal(await other.page.evaluate(() => window.__pwned), undefined);
    await assertNoPageErrors(other.page, other.errors);
    await other.page.close();

    await walkItems(page, sc, sc.walk.slice(3), { first: 3 });
    await page.locator('[data-testid="outcome"]').waitFor();

    const full = oneLine(
      `PERMINTAAN E-VOUCHER TOKOPEDIA PROMO SUPER ELECTRILLIFE: NAMA ${oneLine(EVIL)}, INVOICE INV/20210305/XXI/III/734512890, ` +
        `PRODUK ${LONG}, HARGA RP4.599.000, TGL TRANSAKSI 05-03-2021, HP 081287654321, EMAIL DEWI.LESTARI88@GMAIL.COM`,
    ).toUpperCase();
    const points = [...full];
    const expected = points.slice(0, MAX).join('');
    const warning = `Teks dipotong dari ${points.length} menjadi ${MAX} karakter; lengkapi secara manual bila perlu.`;

    const checkTicket = async (scope) => {
      const apkt = (await readTickets(page)).apkt;
      assert.equal(apkt.Permasalahan, expected, 'the value is exact up to the cut');
      assert.ok(!/[\n\r\t]/.test(apkt.Permasalahan), 'one line');
      assert.ok(apkt.Permasalahan.startsWith('PERMINTAAN E-VOUCHER TOKOPEDIA PROMO SUPER ELECTRILLIFE: NAMA <IMG SRC=X ONERROR="WINDOW.__PWNED=1">\u200F مرحبا 😀 DEWI, '));
      const row = page.locator(`${scope} [data-testid="ticket"][data-system="apkt"] [data-testid="ticket-field"][data-field="Permasalahan"]`);
      const warn = row.locator('[data-testid="ticket-warning"]');
      assert.equal(await warn.textContent(), warning);
      assert.ok(await warn.isVisible(), 'the cut is shown, not silent');
      const others = await page.locator(`${scope} [data-testid="ticket-warning"]`).count();
      assert.equal(others, 1, 'only the cut field warns');
    };
    await checkTicket('[data-testid="outcome"]');
    const escalation = await page.textContent('[data-testid="escalation-item"]');
    assert.ok(escalation.includes(`a.n. ${oneLine(EVIL)}, invoice`), `escalation names the buyer as text: ${escalation}`);
    assert.equal(await page.locator('main img').count(), 0, 'no element was made from input');

    // Ended: the history lists the name as text and gives the same ticket and warning back.
    const id = await page.getAttribute('[data-testid="call"]', 'data-call-id');
    await endCall(page);
    await page.locator('[data-testid="sop-search"]').waitFor();
    const item = `[data-testid="history-item"][data-call-id="${id}"]`;
    assert.equal(await page.textContent(`${item} [data-testid="history-caller"]`), oneLine(EVIL));
    await page.click(`${item} [data-testid="history-open"]`);
    await checkTicket(item);

    // The HoCC form keeps each value whole in its cell, quoted the CSV way.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="send-pj-site"]')]);
    const csv = await readFile(await download.path(), 'utf8');
    const row = csv.split('\r\n')[1];
    assert.ok(row.startsWith(`1,"${oneLine(EVIL).replaceAll('"', '""')}",INV/20210305/XXI/III/734512890,${LONG},`), row.slice(0, 200));
    assert.equal(csv.split('\r\n').length, 3, 'header, one row, final line end: no value broke a line');

    assert.equal(await page.evaluate(() => window.__pwned), undefined, 'nothing ran');
    assert.equal(await page.locator('main img').count(), 0);
    await assertNoPageErrors(page, errors);
  } finally {
    await context.close();
  }
});
