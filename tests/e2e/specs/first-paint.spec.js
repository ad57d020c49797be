// The first screen is in the HTML (rendered at build time by the app's own components), so a
// visitor sees it before the wasm has loaded; the app then takes over without a shift or a lost
// click. The wasm is held back by the test until it says so.
import { test as bare } from '@playwright/test';
import { test, expect, APP_HEADER } from '../fixtures.js';
import { accountRecord } from '../assess.js';

/** Holds every request for the wasm until `release()` is called. */
async function holdWasm(page) {
  let release;
  const gate = new Promise((resolve) => (release = resolve));
  await page.route(/\.wasm$/, async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

/** Sums the layout shifts the page reports (the CLS Lighthouse measures). */
async function recordShifts(page) {
  await page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** The build-time render, while the app has not started (the app then renders into it). */
const prerendered = (page) => page.locator('html:not([data-app]) #prerender');

// The service worker would serve the wasm from its cache, past the test's hold.
test.use({ serviceWorkers: 'block' });

for (const [locale, lang, heading, welcome] of [
  ['en-US', 'en', 'Accounts', 'No accounts assessed yet'],
  ['zh-CN', 'zh-CN', '客户', '还没有评估过任何客户'],
]) {
  test.describe(`a new visitor (${locale})`, () => {
    test.use({ locale });

    test('sees the first screen before the wasm has loaded, and the app takes over without a shift', async ({ page }) => {
      await recordShifts(page);
      const release = await holdWasm(page);
      await page.goto('./');
      await expect(prerendered(page).locator('h1')).toHaveText(heading);
      await expect(prerendered(page).locator('.empty-state h2')).toHaveText(welcome);
      await expect(prerendered(page).locator('[data-action="new-assessment"]')).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      await expect(page.locator(APP_HEADER)).toHaveCount(0);
      const before = await page.locator('h1').boundingBox();
      release();
      await expect(page.locator(APP_HEADER)).toBeVisible();
      await expect(page.locator('template')).toHaveCount(0);
      // Exactly one of everything, in the same place.
      await expect(page.locator('header.site-header')).toHaveCount(1);
      await expect(page.locator('h1')).toHaveText(heading);
      expect(await page.locator('h1').boundingBox()).toEqual(before);
      expect(await page.evaluate(() => window.__shift)).toBe(0);
    });
  });
}

test('a click on "New assessment" before the app has loaded is not lost', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('./');
  await prerendered(page).locator('[data-action="new-assessment"]').click();
  release();
  await expect(page.locator('[data-field="account-name"]')).toBeVisible();
  await expect(page.locator('[data-action="new-assessment"]')).toHaveCount(0);
});

test('the import picker opened before the app has loaded opens the app’s own, so the file is not lost', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('./');
  let chooser = null;
  page.on('filechooser', (c) => (chooser = c));
  await prerendered(page).locator('label[for="import-file"]').click();
  await page.waitForTimeout(300);
  expect(chooser, 'no picker whose file would go nowhere').toBeNull();
  const opened = page.waitForEvent('filechooser');
  release();
  await expect(page.locator(APP_HEADER)).toBeVisible();
  await (await opened).setFiles({ name: 'empty.json', mimeType: 'application/json', buffer: Buffer.from('{}') });
  // The app read it: a file that is JSON but not an export is refused with a message.
  await expect(page.locator('[data-import]')).toContainText('not a Rapport export');
});

test('a language picked before the app has loaded is kept as the user’s choice', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('./');
  await prerendered(page).getByRole('button', { name: '简体中文' }).click();
  await expect(prerendered(page).locator('h1')).toHaveText('客户');
  release();
  await expect(page.locator(APP_HEADER)).toBeVisible();
  await expect(page.locator('h1')).toHaveText('客户');
  await expect.poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('rapport.v1.settings') ?? '{}').lang)).toBe('zh');
});

test('a returning user, or a link to another screen, never sees the new visitor’s welcome', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator(APP_HEADER)).toBeVisible();
  await page.evaluate((r) => localStorage.setItem(`rapport.v1.account.${r.id}`, JSON.stringify(r)), accountRecord('ret1', 'Returning Co', ['all-best']));
  for (const path of ['./?r=1', './?r=2#/rules']) {
    const release = await holdWasm(page);
    await page.goto(path);
    await expect(prerendered(page).locator('header.site-header')).toBeVisible();
    await expect(prerendered(page).locator('main')).toHaveCount(0);
    release();
    await expect(page.locator(APP_HEADER)).toBeVisible();
    await page.unroute(/\.wasm$/);
  }
  await page.goto('./?r=3');
  await expect(page.locator('.account-card', { hasText: 'Returning Co' })).toBeVisible();
});

// Without the shared fixture: the failed start is an uncaught error on purpose.
bare.describe('when the app’s code cannot be loaded', () => {
  bare.use({ serviceWorkers: 'block' });
  for (const [locale, text, button] of [
    ['en-US', 'Rapport could not start', 'Reload'],
    ['zh-CN', 'Rapport 无法启动', '重新加载'],
  ]) {
    bare(`the first screen says so and offers a reload (${locale})`, async ({ browser }) => {
      const context = await browser.newContext({ locale, serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.route(/\.wasm$/, (route) => route.abort());
      await page.goto('./');
      const notice = page.locator('#start-failed');
      await expect(notice).toContainText(text);
      await expect(notice).toHaveAttribute('role', 'alert');
      // Once the code can load again, the reload starts the app.
      await page.unroute(/\.wasm$/);
      await notice.getByRole('button', { name: button }).click();
      await expect(page.locator(APP_HEADER)).toBeVisible();
      await expect(page.locator('#start-failed')).toHaveCount(0);
      await context.close();
    });
  }
});
