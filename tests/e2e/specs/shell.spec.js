import { test, expect, openApp } from '../fixtures.js';

const SETTINGS_KEY = 'rapport.v1.settings';

test('renders the shell and the empty accounts screen', async ({ page }) => {
  await openApp(page);
  await expect(page.locator('.brand-name')).toHaveText('Rapport');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accounts');
  await expect(page.getByText('No accounts assessed yet')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle(/Rapport/);
});

test('switching language changes the text and <html lang>, and survives a reload', async ({ page }) => {
  await openApp(page);
  const zh = page.getByRole('button', { name: '简体中文' });
  await expect(zh).toHaveAttribute('aria-pressed', 'false');
  await zh.click();
  await expect(zh).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('客户');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page).toHaveTitle('Rapport · 大客户关系评估');
  expect(await page.evaluate((k) => localStorage.getItem(k), SETTINGS_KEY)).toBe('{"lang":"zh"}');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('客户');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accounts');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test.describe('with a Chinese browser', () => {
  test.use({ locale: 'zh-CN' });

  test('defaults to Simplified Chinese without writing a choice', async ({ page }) => {
    await openApp(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('客户');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    expect(await page.evaluate((k) => localStorage.getItem(k), SETTINGS_KEY)).toBeNull();
  });
});

test('the language switch works from the keyboard', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('Tab'); // skip link
  await expect(page.locator('.skip-link')).toBeFocused();
  await page.keyboard.press('Tab'); // the product name, a link home
  await expect(page.locator('a.brand')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'English' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: '简体中文' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('the skip link moves focus to the main content without changing the screen', async ({ page }) => {
  await openApp(page);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  await expect(page.locator('[data-screen="accounts"]')).toBeVisible();
});

for (const raw of ['{"lang": "zh"', '"hello from another app"', '{"lang":"klingon"}']) {
  test(`unreadable stored settings ${JSON.stringify(raw)} show a notice and are kept`, async ({ page }) => {
    await openApp(page);
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [SETTINGS_KEY, raw]);
    await page.reload();

    const notice = page.locator('[data-notice="settings-unreadable"]');
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('could not be read');
    const stored = await page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
    const quarantined = Object.keys(stored).filter((k) => k.startsWith('rapport.quarantine.'));
    expect(quarantined).toHaveLength(1);
    expect(stored[quarantined[0]]).toBe(raw);
    expect(stored[SETTINGS_KEY], 'the original is not overwritten on start').toBe(raw);
    await expect(notice).toContainText(quarantined[0]);

    // The app still works: switching language applies, is saved, and the notice follows the language.
    await page.getByRole('button', { name: '简体中文' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('客户');
    await expect(notice).toContainText('无法读取已保存的设置');
    expect(await page.evaluate((k) => localStorage.getItem(k), SETTINGS_KEY)).toBe('{"lang":"zh"}');
    expect(await page.evaluate((k) => localStorage.getItem(k), quarantined[0])).toBe(raw);

    await notice.getByRole('button', { name: '关闭' }).click();
    await expect(notice).toHaveCount(0);
  });
}

test('a link followed while the app is still changing screen wins over the screen it was opening', async ({ page }) => {
  await openApp(page);
  // A first assessment loads the question bank, so the second start opens at once (a start
  // made before the bank arrives waits, and leaving the screen cancels it by design).
  await page.locator('[data-action="new-assessment"]').click();
  await page.locator('[data-field="account-name"]').fill('Warm-up Co');
  await page.locator('[data-action="start"]').click();
  await expect(page.locator('[data-screen="questionnaire"]')).toBeVisible();
  await page.goto('./#/new');
  await page.locator('[data-field="account-name"]').fill('Race Ltd');
  // Start, and in the same moment follow a link elsewhere: the questionnaire's screen change
  // must not write its address over the newer one.
  await page.evaluate(() => {
    document.querySelector('[data-action="start"]').click();
    location.hash = '#/rules';
  });
  await expect(page.locator('[data-screen="rules"]')).toBeVisible();
  await page.waitForTimeout(300);
  await expect(page.locator('[data-screen="rules"]')).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#/rules');
  // The start it interrupted went through: the account and its draft exist.
  await page.goto('./');
  await expect(page.locator('[data-account]').filter({ hasText: 'Race Ltd' })).toBeVisible();
});
