import { test, expect, openApp } from '../fixtures.js';
import { fixtures, startAssessment, radio } from '../assess.js';

const accountKeys = (page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('rapport.v1.account.')));

test('a corrupt account record is reported and kept; the other accounts still load', async ({ page }) => {
  await openApp(page);
  await startAssessment(page, 'Healthy Account');
  await page.locator('a.brand').click();
  await page.evaluate(() => localStorage.setItem('rapport.v1.account.broken1', '{"v":1,"id":"broken1","name":'));
  await page.reload();
  const notice = page.locator('[data-notice="account-unreadable"]');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Nothing was deleted');
  await expect(page.locator('.account-card')).toHaveCount(1);
  await expect(page.locator('.account-name')).toHaveText('Healthy Account');
  const stored = await page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
  const quarantined = Object.keys(stored).filter((k) => k.startsWith('rapport.quarantine.') && k.endsWith('broken1'));
  expect(quarantined).toHaveLength(1);
  expect(stored[quarantined[0]]).toBe('{"v":1,"id":"broken1","name":');
  expect(stored['rapport.v1.account.broken1'], 'the original is left as it was').toBe('{"v":1,"id":"broken1","name":');
});

test('a full storage quota shows a clear message and keeps the previous saved state', async ({ page }) => {
  await openApp(page);
  await startAssessment(page, 'Quota Co');
  const [key] = await accountKeys(page);
  const before = await page.evaluate((k) => localStorage.getItem(k), key);
  // Fill the rest of the quota.
  await page.evaluate(() => {
    const chunk = 'x'.repeat(256 * 1024);
    for (let i = 0; i < 200; i++) {
      try {
        localStorage.setItem(`filler.${i}`, chunk);
      } catch {
        let size = chunk.length;
        while (size > 16) {
          size = Math.floor(size / 2);
          try {
            localStorage.setItem(`filler.${i}.${size}`, chunk.slice(0, size));
          } catch {}
        }
        break;
      }
    }
  });
  const q = fixtures.sections[0].questions[0];
  await radio(page, q, 2).check();
  const notice = page.locator('[data-notice="account-not-saved"]');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('storage is full');
  await expect(radio(page, q, 2)).toBeChecked();
  expect(await page.evaluate((k) => localStorage.getItem(k), key), 'no half-written record').toBe(before);
  // Free space: the next change saves everything pending.
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler.')).forEach((k) => localStorage.removeItem(k)));
  await radio(page, fixtures.sections[0].questions[1], 1).check();
  await expect.poll(() => page.evaluate((k) => JSON.parse(localStorage.getItem(k)).assessments[0].answers, key)).toMatchObject({
    [q]: 2,
    [fixtures.sections[0].questions[1]]: 1,
  });
});
