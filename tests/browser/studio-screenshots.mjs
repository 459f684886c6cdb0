// The screenshots of docs/AUTHORING.md, taken from the studio as a supervisor would see it.
// Not a test: run by hand with the app served (cargo xtask serve --port 8282), e.g.
//   PANDU_URL=http://127.0.0.1:8282/ node tests/browser/studio-screenshots.mjs
// and commit the PNGs written to docs/img/.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { APP_TIMEOUT_MS, launchBrowser, openPage } from './lib.mjs';
import { SOPS_DIR, loadScenarios, setCaller, walkItems } from './pandu-walk.mjs';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'img');
const SOP = 'transfer-elektrinet';
const SOURCE = readFileSync(join(SOPS_DIR, `${SOP}.toml`), 'utf8');

const browser = await launchBrowser();
try {
  const { page, close } = await openPage(browser, '/studio.html', {
    context: { viewport: { width: 1400, height: 900 } },
  });
  const shot = async (name) => {
    await page.waitForTimeout(400);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(OUT, `${name}.png`) });
    console.log(`docs/img/${name}.png`);
  };
  await page.locator('[data-testid="studio"][data-ready="true"]').waitFor({ timeout: APP_TIMEOUT_MS });
  await page.selectOption('[data-testid="open-select"]', `${SOP}.toml`);
  await page.click('[data-testid="open-catalogue"]');
  await page.locator('[data-testid="lint-status"][data-errors="0"]').waitFor();
  await shot('studio-peta');

  const broken = SOURCE.replace('next = "data-elektrinet"', 'next = "data-elektrinet-x"');
  await page.locator('[data-testid="editor"]').fill(broken);
  await page.locator('[data-testid="problem"][data-severity="error"]').first().waitFor();
  await page.locator('[data-testid="problem"][data-severity="error"] button').first().click();
  await shot('studio-kesalahan');

  const fixed = SOURCE.replace('version = "2023.07.26-4"', 'version = "2023.07.26-5"');
  await page.locator('[data-testid="editor"]').fill(fixed);
  await page.locator('[data-testid="lint-status"][data-errors="0"]').waitFor();
  const sc = loadScenarios().find((s) => s.file === `${SOP}.scenarios.toml`);
  await page.click('[data-testid="tab-pratinjau"]');
  await page.locator('[data-testid="step"]').waitFor();
  await setCaller(page, sc.caller);
  await walkItems(page, sc, sc.walk.slice(0, 2));
  await shot('studio-pratinjau');

  await page.click('[data-testid="tab-skenario"]');
  await page.click('[data-testid="run-scenarios"]');
  await page.locator('[data-testid="scenario-summary"]').waitFor();
  await shot('studio-skenario');

  await page.click('[data-testid="tab-terbitkan"]');
  await page.locator('[data-testid="manifest-line"]').waitFor();
  await shot('studio-terbitkan');
  await close();
} finally {
  await browser.close();
}
