// Shared page helpers for Pandu's browser tests (node --test + playwright-core + Debian's
// chromium): launching, opening pages and tabs, collecting errors, waiting, polling, storage,
// axe and layout checks. Walking an SOP through the UI is `pandu-walk.mjs`'s.
// Run through `cargo xtask test`, which builds dist/, serves it and sets PANDU_URL.

import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = dirname(fileURLToPath(import.meta.url));
export const AXE_PATH = join(HERE, 'node_modules', 'axe-core', 'axe.min.js');

/** Base URL of the served dist/, e.g. `http://127.0.0.1:41234/` (set by `cargo xtask test`). */
export const BASE_URL = process.env.PANDU_URL ?? '';

/** The browser binary: Debian's chromium (playwright-core never downloads one). */
export const CHROMIUM = process.env.PANDU_CHROMIUM || '/usr/bin/chromium';

/**
 * Flags for headless Chromium on a closed network as root: without the background-networking
 * ones Chromium keeps trying (and failing) to reach Google's hosts. Playwright's `launch`
 * adds a fresh temporary --user-data-dir of its own, removed on close.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Time allowed for the app to appear (wasm download, compile, first render). */
export const APP_TIMEOUT_MS = 15_000;

/**
 * Errors that are not the app's: Chromium asks for /favicon.ico by itself, and the app has
 * no favicon yet. Remove this entry once index.html links an icon.
 */
export const IGNORED_ERRORS = [/\/favicon\.ico\b/];

/** Resolves `path` against PANDU_URL; fails clearly when the tests are run without it. */
export function appUrl(path = '/') {
  if (!BASE_URL) {
    throw new Error('PANDU_URL is not set: run the browser tests with `cargo xtask test`');
  }
  return new URL(path, BASE_URL).href;
}

/** Launches headless Chromium with the flags above. Close it with `browser.close()`. */
export async function launchBrowser(options = {}) {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
    timeout: 30_000,
    ...options.launch,
  });
}

/**
 * Errors that are not the app's, beyond IGNORED_ERRORS: a reload (or a closed tab) right after
 * start-up cancels the browser's own favicon request, which Chromium reports as a failed request.
 */
export const NAVIGATION_NOISE = [...IGNORED_ERRORS, /^request failed: \S+\/favicon\.svg net::ERR_ABORTED$/];

/**
 * Collects everything that goes wrong on `page`: uncaught page errors, console errors, failed
 * requests and HTTP errors, except those matching `ignore`. Returns a live array of strings.
 * `responses`, when given, receives `{ url, status, contentType }` for every response.
 */
export function watchErrors(page, ignore = NAVIGATION_NOISE, responses = null) {
  const errors = [];
  const report = (message) => {
    if (!ignore.some((pattern) => pattern.test(message))) errors.push(message);
  };
  page.on('pageerror', (err) => report(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const where = msg.location()?.url ? ` (${msg.location().url})` : '';
      report(`console.error: ${msg.text()}${where}`);
    }
  });
  page.on('requestfailed', (req) => {
    report(`request failed: ${req.url()} ${req.failure()?.errorText ?? ''}`.trim());
  });
  page.on('response', (res) => {
    responses?.push({
      url: res.url(),
      status: res.status(),
      contentType: res.headers()['content-type'] ?? '',
    });
    if (res.status() >= 400) report(`HTTP ${res.status()}: ${res.url()}`);
  });
  return errors;
}

/**
 * Opens `path` (relative to PANDU_URL) in a new context and collects everything that went
 * wrong (`watchErrors`, with `options.ignore`, by default IGNORED_ERRORS).
 *
 * Returns `{ context, page, errors, responses, close }`; `errors` is a live array of strings,
 * `responses` the list of `{ url, status, contentType }` seen.
 */
export async function openPage(browser, path = '/', options = {}) {
  const context = await browser.newContext({ ...options.context });
  const page = await context.newPage();
  const responses = [];
  const errors = watchErrors(page, options.ignore ?? IGNORED_ERRORS, responses);
  await page.goto(appUrl(path), { waitUntil: 'load', timeout: APP_TIMEOUT_MS });
  return { context, page, errors, responses, close: () => context.close() };
}

/**
 * Waits until the app has really rendered: the SOP search box attached and visible.
 * On a timeout, the error says what the page showed instead (a blank page, usually).
 */
export async function waitForApp(page, errors = []) {
  try {
    await page
      .locator('[data-testid="sop-search"]')
      .waitFor({ state: 'visible', timeout: APP_TIMEOUT_MS });
  } catch (err) {
    const body = await page
      .evaluate(() => document.body?.outerHTML ?? '(no body)')
      .catch(() => '(page gone)');
    throw new Error(
      `the app did not render [data-testid="sop-search"] within ${APP_TIMEOUT_MS} ms ` +
        `(${err.message.split('\n')[0]})\nerrors: ${JSON.stringify(errors, null, 2)}\n` +
        `body: ${body.slice(0, 2000)}`,
    );
  }
}

/**
 * Waits until the app root says it is ready (the first render is done). `scope` is a page, a
 * frame or a locator: on a page with several widgets, the one inside it.
 */
export async function waitForReady(scope) {
  await scope.locator('[data-testid="app"][data-ready="true"]').first().waitFor({ timeout: APP_TIMEOUT_MS });
}

/** Opens the app in a fresh context, waits until it is ready, and returns the page handles. */
export async function openApp(browser, options = {}) {
  const opened = await openPage(browser, options.path ?? '/', { ignore: NAVIGATION_NOISE, ...options });
  // `ready: false`: a screen without the finder (training mode's list of drills).
  if (options.ready !== false) await waitForApp(opened.page, opened.errors);
  await waitForReady(opened.page);
  return opened;
}

/**
 * Opens the app in a new tab of an existing `context` (tabs of one browser share localStorage,
 * each has its own sessionStorage). Returns `{ page, errors }`; the page may show a resumed
 * call instead of the finder, so this waits for the app root only.
 */
export async function openTab(context, path = '/') {
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(appUrl(path), { waitUntil: 'load', timeout: APP_TIMEOUT_MS });
  await waitForReady(page);
  return { page, errors };
}

/** Reloads the tab and waits for the app to be ready again. */
export async function reloadApp(page) {
  await page.reload({ waitUntil: 'load' });
  await waitForReady(page);
}

/** Pandu's keys in localStorage (or sessionStorage), key → text. */
export async function storedData(page, which = 'localStorage') {
  return page.evaluate((w) => {
    const s = window[w];
    const out = {};
    for (let i = 0; i < s.length; i += 1) {
      const k = s.key(i);
      if (k.startsWith('pandu:')) out[k] = s.getItem(k);
    }
    return out;
  }, which);
}

/**
 * Polls `check` (sync or async) until it returns something truthy and returns that; fails with
 * `what` and the last value once `timeout` ms have passed. For things that happen a moment
 * after an action, instead of sleeping and hoping.
 */
export async function eventually(check, what, { timeout = 5_000, every = 25 } = {}) {
  const until = Date.now() + timeout;
  let last;
  for (;;) {
    last = await check();
    if (last) return last;
    if (Date.now() > until) assert.fail(`${what} (not within ${timeout} ms; last: ${JSON.stringify(last)})`);
    await new Promise((resolve) => setTimeout(resolve, every));
  }
}

/**
 * Fails with every page error and console error collected so far, and (unless `app: false`,
 * for a host page whose widget is in a frame) if the app root is gone.
 */
export async function assertNoPageErrors(page, errors, { app = true } = {}) {
  // Late errors (a panic right after a render) get a moment to surface. Nothing can be polled
  // for here: this waits for errors that should never come.
  await page.waitForTimeout(100);
  assert.deepEqual(errors, [], `the page reported errors:\n${errors.join('\n')}`);
  if (app) {
    const panicked = await page.evaluate(() => document.querySelector('[data-testid="app"]') === null);
    assert.equal(panicked, false, 'the app root is gone (blank page)');
  }
}

/** Runs axe-core on the page and fails listing every violation. */
export async function assertAxeClean(page, what) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ path: AXE_PATH });
  }
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')} :: ${n.failureSummary}`),
    }));
  });
  assert.deepEqual(result, [], `axe violations on ${what}:\n${JSON.stringify(result, null, 2)}`);
}

/** Every visible control smaller than 44 × 44 px (check boxes sit in larger labels). */
export async function smallTargets(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('button, input:not([type=checkbox]), select, textarea, a[href]')]
      .filter((e) => e.offsetParent !== null && !e.classList.contains('pandu-copybuf'))
      .map((e) => ({ e, r: e.getBoundingClientRect() }))
      .filter(({ r }) => r.height < 43.5 || r.width < 43.5)
      .map(({ e, r }) => `${e.getAttribute('data-testid') ?? e.tagName} ${Math.round(r.width)}×${Math.round(r.height)}`),
  );
}

/** Fails if the page scrolls sideways. */
export async function assertNoHorizontalScroll(page, what) {
  const { scroll, client, culprits } = await page.evaluate(() => {
    const root = document.documentElement;
    const limit = root.clientWidth;
    const culprits = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > limit + 0.5)
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)}px)`);
    return { scroll: root.scrollWidth, client: limit, culprits };
  });
  assert.ok(scroll <= client, `${what}: scrollWidth ${scroll} > clientWidth ${client}; wide: ${culprits.join(', ')}`);
}
