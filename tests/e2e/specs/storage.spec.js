import fs from 'node:fs';
import { test, expect, openApp } from '../fixtures.js';
import { fixtures, startAssessment, radio, compactAnswer } from '../assess.js';
import { fillStorage, freeStorage } from '../quota.js';

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

  // Deleting is offered once the data was downloaded; it removes the copy and the damaged
  // original, so the next start finds nothing to report, and the healthy account stays.
  await expect(notice.locator('[data-action="delete-quarantined"]')).toHaveCount(0);
  const [file] = await Promise.all([page.waitForEvent('download'), notice.locator('[data-action="download-quarantined"]').click()]);
  expect(fs.readFileSync(await file.path(), 'utf8')).toBe('{"v":1,"id":"broken1","name":');
  await notice.locator('[data-action="delete-quarantined"]').click();
  await expect(notice).toHaveCount(0);
  const left = await page.evaluate(() => Object.keys(localStorage));
  expect(left.filter((k) => k.includes('broken1'))).toEqual([]);
  await page.reload();
  await expect(page.locator('.account-name')).toHaveText('Healthy Account');
  await expect(page.locator('[data-notice]')).toHaveCount(0);
});

test('a full storage quota shows a clear message and keeps the previous saved state', async ({ page }) => {
  await openApp(page);
  await startAssessment(page, 'Quota Co');
  const [key] = await accountKeys(page);
  const before = await page.evaluate((k) => localStorage.getItem(k), key);
  // Fill the rest of the quota.
  await fillStorage(page);
  const q = fixtures.sections[0].questions[0];
  await radio(page, q, 2).check();
  const notice = page.locator('[data-notice="account-not-saved"]');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('storage is full');
  await expect(notice).toContainText('Export all your data');
  await expect(radio(page, q, 2)).toBeChecked();
  // The notice's export keeps the change that could not be saved.
  const [download] = await Promise.all([page.waitForEvent('download'), notice.locator('[data-action="export-all-notice"]').click()]);
  const exported = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  expect(exported.accounts[0].assessments[0].answers, 'the unsaved answer is in the export').toBe(compactAnswer(q, 2));
  expect(await page.evaluate((k) => localStorage.getItem(k), key), 'no half-written record').toBe(before);
  // Free space: the next change saves everything pending.
  await freeStorage(page);
  await radio(page, fixtures.sections[0].questions[1], 1).check();
  // Compact answers: one character per position of the frozen answer order (see compactAnswer).
  const [first, second] = fixtures.sections[0].questions;
  const expected = compactAnswer(first, 2).split('');
  const at = fixtures.answer_order.indexOf(second);
  while (expected.length <= at) expected.push('.');
  expected[at] = '1';
  await expect.poll(() => page.evaluate((k) => JSON.parse(localStorage.getItem(k)).assessments[0].answers, key)).toBe(expected.join(''));
});

test('records saved by an earlier version load upgraded; a newer version’s record is left untouched', async ({ page }) => {
  const v1 = fs.readFileSync(new URL('../../fixtures/storage/v1-account.json', import.meta.url), 'utf8');
  const v2 = fs.readFileSync(new URL('../../fixtures/storage/v2-account.json', import.meta.url), 'utf8').trim();
  const newer = v2.replace('"v":2', '"v":9').replace('acct-v1', 'acct-v9');
  await openApp(page);
  await page.evaluate(
    ([a, b]) => {
      localStorage.setItem('rapport.v1.account.acct-v1', a);
      localStorage.setItem('rapport.v1.account.acct-v9', b);
    },
    [v1, newer],
  );
  await page.reload();
  // The format-1 account shows with its history and draft, and is rewritten in the current format.
  const card = page.locator('.account-card', { hasText: 'Acme 华东 <b>&' });
  await expect(card).toBeVisible();
  await expect(card.locator('.draft-progress')).toContainText(`2 of ${fixtures.total_questions}`);
  await expect(card.locator('a', { hasText: 'View results' })).toBeVisible();
  // Rewritten once, in the current format (3): the same content, a first revision, no edit times yet.
  await expect.poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('rapport.v1.account.acct-v1') ?? '{}').v)).toBe(3);
  const rewritten = JSON.parse(await page.evaluate(() => localStorage.getItem('rapport.v1.account.acct-v1')));
  expect(rewritten.rev).toMatch(/^1-[0-9a-f]{8}$/);
  const { v, rev, ...content } = rewritten;
  const { v: _, ...original } = JSON.parse(v2);
  expect(content).toEqual(original);
  // The newer record is reported, not loaded, and never overwritten.
  const notice = page.locator('[data-notice="account-unreadable"]');
  await expect(notice).toContainText('newer version of Rapport');
  expect(await page.evaluate(() => localStorage.getItem('rapport.v1.account.acct-v9'))).toBe(newer);
  await expect(page.locator('.account-card')).toHaveCount(1);
});
