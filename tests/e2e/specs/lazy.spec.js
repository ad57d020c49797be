// The screens a new visitor does not need (results, account, compare, portfolio, rules, shared
// results) are a second wasm module with the action texts, fetched when one of them is first
// opened (src/ui/lazy.rs). These tests run against the release build in dist/, which is split.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, openApp } from '../fixtures.js';
import { accountRecord, seedAccounts, startAssessment, expectStartFailed, storageSnapshot } from '../assess.js';

const isLaterCode = (url) => /\/split_later-[0-9a-f]+\.wasm$/.test(url);
const isActionTexts = (url) => /\/actions-(?:(?:en|zh)-)?[0-9a-f]+\.json$/.test(url);
// The labels come with the action texts: the questionnaire shows none.
const isLabels = (url) => /\/labels-(?:(?:en|zh)-)?[0-9a-f]+\.json$/.test(url);
const isRecordsCode = (url) => /\/split_records-[0-9a-f]+\.wasm$/.test(url);

// Only the page's own requests: the service worker precaches every file in the background after
// the first load (for offline use), which is not the page waiting for them.
test.use({ serviceWorkers: 'block' });

/** Records the page's requests for the later screens' code and texts. */
function watchLater(page) {
  const seen = [];
  page.on('request', (r) => {
    if (isLaterCode(r.url())) seen.push('code');
    if (isActionTexts(r.url())) seen.push('texts');
    if (isRecordsCode(r.url())) seen.push('records');
    if (isLabels(r.url())) seen.push('labels');
  });
  return seen;
}

test('the way to the first question fetches neither the later screens nor the action texts', async ({ page }) => {
  const seen = watchLater(page);
  await openApp(page);
  await startAssessment(page, 'First Question Ltd');
  await expect(page.locator('.section-body input[type="radio"]').first()).toBeVisible();
  // The first section of a new assessment is where a new visitor spends their first minutes.
  await page.waitForTimeout(500);
  expect(seen, 'nothing of the later screens, nor the stored records\' code, before the first question').toEqual([]);
  // Moving past the first section prefetches them: results come next, then a home card.
  await page.locator('[data-action="next"]').click();
  await expect.poll(() => [...new Set(seen)].sort()).toEqual(['code', 'labels', 'records', 'texts']);
});

test('opening a later screen fetches its code and texts once, then renders it', async ({ page }) => {
  const seen = watchLater(page);
  await openApp(page, './#/rules');
  await expect(page.locator('[data-screen="rules"]')).toBeVisible();
  // The records module too, though no record is stored: the labels' and action texts' decoders
  // are in it (lazy::Records::install_texts), with the chunks it shares with the later screens.
  expect([...seen].sort()).toEqual(['code', 'labels', 'records', 'texts']);
  // Every other later screen comes from the same module, already in.
  await page.evaluate(() => { location.hash = '#/portfolio'; });
  await expect(page.locator('[data-screen="portfolio"]')).toBeVisible();
  expect([...seen].sort()).toEqual(['code', 'labels', 'records', 'texts']);
});

test('a home screen that lists accounts prefetches the later screens', async ({ page }) => {
  await openApp(page);
  const seen = watchLater(page);
  await seedAccounts(page, [accountRecord('lazy1', 'Prefetch AG', ['incumbent-b'])]);
  await expect.poll(() => [...new Set(seen)].sort()).toEqual(['code', 'labels', 'records', 'texts']);
  await page.locator('[data-account="lazy1"] [data-action="account-page"]').click();
  await expect(page.locator('[data-screen="account"]')).toBeVisible();
});

test('a start with accounts stored reads them with the records module, fetched first', async ({ page }) => {
  await openApp(page);
  const seen = watchLater(page);
  await seedAccounts(page, [accountRecord('rec1', 'Stored GmbH', ['incumbent-b'])]);
  expect(seen[0], 'the records module is the first thing the start fetches').toBe('records');
  const card = page.locator('[data-account="rec1"]');
  await expect(card).toContainText('Stored GmbH');
  // The card's figures come from the scoring code in the same module.
  await expect(card.locator('dl')).toContainText(/Supplier|Preferred|Extended|Partner/);
});

test('the import code comes with the later screens, fetched when a file is picked', async ({ page }) => {
  const seen = watchLater(page);
  await openApp(page);
  await page.waitForTimeout(300);
  expect(seen, 'a new visitor\'s home needs none of it').toEqual([]);
  await page.locator('[data-action="import"]').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') });
  await expect(page.locator('[data-import="error"]')).toContainText('not a Rapport export');
  expect(seen).toContain('code');
});

test.describe('when the later screens cannot be fetched', () => {
  // The aborted fetch is logged by the browser, and the split loader logs the failure it then
  // reports to the app; those errors are the point of this test.
  // (One pattern: Playwright reads a two-element array as a value and its fixture options.)
  test.use({ expectedConsoleErrors: [/ERR_INTERNET_DISCONNECTED|^TypeError: Failed to fetch/] });

  test('an import whose code cannot be fetched says so, and works once it can', async ({ page }) => {
    const blocked = (url) => isLaterCode(url.href);
    await page.route(blocked, (route) => route.abort('internetdisconnected'));
    await openApp(page);
    const file = { name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') };
    await page.locator('[data-action="import"]').setInputFiles(file);
    const failed = page.locator('[data-exchange="failed"]');
    await expect(failed).toContainText('could not be loaded, so nothing was imported or exported');
    await expect(failed).toHaveAttribute('role', 'alert');
    await page.unroute(blocked);
    await page.locator('[data-action="import"]').setInputFiles(file);
    await expect(page.locator('[data-import="error"]')).toContainText('not a Rapport export');
    await expect(failed).toHaveCount(0);
  });

  for (const lang of ['en', 'zh']) {
    test(`the screen says so and opens on retry (${lang})`, async ({ page }) => {
      const blocked = (url) => isLaterCode(url.href);
      await page.route(blocked, (route) => route.abort('internetdisconnected'));
      await openApp(page, `./?lang=${lang}#/rules`);
      const failure = page.locator('[data-lazy="failed"]');
      await expect(failure).toBeVisible();
      await expect(failure).toHaveAttribute('role', 'alert');
      await expect(failure).toContainText(lang === 'en' ? 'could not be loaded' : '无法加载此页面');
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.map((v) => v.id), 'axe on the failed screen').toEqual([]);
      for (const width of [360, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        await page.screenshot({ path: `screenshots/later-screen-failed-${width}-${lang}.png`, fullPage: true });
      }
      await page.unroute(blocked);
      await failure.locator('[data-action="retry-load"]').click();
      await expect(page.locator('[data-screen="rules"]')).toBeVisible();
      await expect(failure).toHaveCount(0);
    });
  }

  for (const lang of ['en', 'zh']) {
    test(`a start with accounts stored whose records code cannot be fetched says so, reads nothing and starts on reload (${lang})`, async ({ page }) => {
      await openApp(page, `./?lang=${lang}`);
      const record = accountRecord('rec2', 'Kept Safe Ltd', ['incumbent-b']);
      await page.evaluate((r) => localStorage.setItem(`rapport.v1.account.${r.id}`, JSON.stringify(r)), record);
      const before = await storageSnapshot(page);
      const blocked = (url) => isRecordsCode(url.href);
      await page.route(blocked, (route) => route.abort('internetdisconnected'));
      await page.reload();
      const failure = await expectStartFailed(page, lang, before);
      for (const width of [360, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        await page.screenshot({ path: `screenshots/start-failed-${width}-${lang}.png`, fullPage: true });
      }
      await page.unroute(blocked);
      await failure.locator('[data-action="reload"]').click();
      await expect(page.locator('[data-account="rec2"]')).toContainText('Kept Safe Ltd');
    });
  }
});
