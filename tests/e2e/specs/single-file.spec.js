// The single-file edition opened straight from disk.
import { test, expect } from '@playwright/test';
import { scenario, answerAll, resultAttributes, expectSummary } from '../assess.js';

const file = new URL('../../../dist-single/rapport.html', import.meta.url).href;

test('rapport.html opened via file:// completes an assessment and keeps it', async ({ page }) => {
  // Three loads of the 1 MB single file (wasm inlined, compiled each time) plus all 75 answers:
  // 7-13 s on this 2-core machine, so the default 30 s would leave too little headroom under load.
  test.setTimeout(60_000);
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('request', (r) => !/^(file|data):/.test(r.url()) && problems.push(`request: ${r.url()}`));
  await page.goto(file);
  await expect(page.locator('header.site-header')).toBeVisible();
  const s = scenario('supplier-a-shares');
  await page.locator('[data-action="new-assessment"]').click();
  await page.locator('[data-field="account-name"]').fill('Attachment Co');
  await page.locator('[data-action="start"]').click();
  await answerAll(page, s.answers);
  expectSummary(await resultAttributes(page), s.summary);
  await page.reload();
  expectSummary(await resultAttributes(page), s.summary);
  await page.goto(file);
  await expect(page.locator('.account-name')).toHaveText('Attachment Co');
  // Both languages' interface texts travel inside the file: a switch needs nothing fetched.
  await page.locator('.lang-switch [data-lang="zh"]').click();
  await expect(page.locator('[data-action="new-assessment"]')).toHaveText(/新建评估/);
  expect(problems).toEqual([]);
});
