// Shared helpers for Pandu's browser tests (node --test + playwright-core + Debian's chromium).
// Run through `cargo xtask test`, which builds dist/, serves it and sets PANDU_URL.

import { chromium } from 'playwright-core';

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
 * Opens `path` (relative to PANDU_URL) in a new context and collects everything that went
 * wrong: uncaught page errors, console errors, failed requests and HTTP errors (except
 * those matching `options.ignore`, by default IGNORED_ERRORS).
 *
 * Returns `{ context, page, errors, responses, close }`; `errors` is a live array of strings,
 * `responses` the list of `{ url, status, contentType }` seen.
 */
export async function openPage(browser, path = '/', options = {}) {
  const context = await browser.newContext({ ...options.context });
  const page = await context.newPage();
  const ignored = options.ignore ?? IGNORED_ERRORS;
  const errors = [];
  const report = (message) => {
    if (!ignored.some((pattern) => pattern.test(message))) errors.push(message);
  };
  const responses = [];
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
    responses.push({
      url: res.url(),
      status: res.status(),
      contentType: res.headers()['content-type'] ?? '',
    });
    if (res.status() >= 400) report(`HTTP ${res.status()}: ${res.url()}`);
  });
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
