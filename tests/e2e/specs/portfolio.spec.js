import fs from 'node:fs';
import { test, expect, openApp } from '../fixtures.js';
import { fixtures, accountRecord, seedAccounts, answerAll, startAssessment, scenario } from '../assess.js';

const names = fixtures.scenarios.map((s) => s.name);

/** Clicks `target` and returns the milliseconds until `count` elements match `selector`, timed
 *  inside the page to the frame they appear in (Playwright's polling would add to it). */
async function clickAndTime(page, target, selector, count) {
  const ms = await page.evaluate(
    async ([target, selector, count]) => {
      const t0 = performance.now();
      document.querySelector(target).click();
      while (document.querySelectorAll(selector).length < count) await new Promise((r) => requestAnimationFrame(r));
      return performance.now() - t0;
    },
    [target, selector, count],
  );
  return Math.round(ms);
}

test.describe('a large portfolio', () => {
  // 1,000 stored assessments are written, read and rendered three times over: a larger budget,
  // declared here (not inside the test) so the timing summary knows it.
  test.describe.configure({ timeout: 90_000 });

test('a portfolio of 200 accounts × 5 assessments renders, sorts and filters; the render time is printed', async ({ page }) => {
  await openApp(page);
  const records = Array.from({ length: 200 }, (_, i) =>
    accountRecord(`p${i}`, `Account ${String(i).padStart(3, '0')}`, [0, 1, 2, 3, 4].map((k) => names[(i + k) % names.length]), {
      tags: [i % 2 ? 'east' : 'west', `tag-${String(i).padStart(3, '0')}`],
    }),
  );
  await seedAccounts(page, records);
  const bytes = await page.evaluate(() => Object.entries(localStorage).reduce((n, [k, v]) => n + k.length + v.length, 0));
  await expect(page.locator('.account-card')).toHaveCount(200);

  const rows = page.locator('[data-portfolio] tbody tr');
  const inApp = await clickAndTime(page, '[data-action="portfolio"]', '[data-portfolio] tbody tr', 200);
  await expect(rows).toHaveCount(200);
  await page.reload();
  // From navigation start: loading the wasm and the question bank, reading storage, rendering.
  const cold = Math.round(
    await (await page.waitForFunction(() => document.querySelectorAll('[data-portfolio] tbody tr').length === 200 && performance.now())).jsonValue(),
  );
  const home = await clickAndTime(page, 'a.brand', '.account-card', 200);
  await page.locator('[data-action="portfolio"]').click();
  await expect(rows).toHaveCount(200);
  const line = `portfolio 200 accounts × 5 assessments: ${inApp} ms from click to rendered table and map; ${cold} ms from navigation start on reload (wasm, data and storage included); home screen with 200 cards ${home} ms; storage ${(bytes / 1000).toFixed(0)}k characters`;
  console.log(line);
  fs.mkdirSync('.results', { recursive: true });
  fs.writeFileSync('.results/portfolio-render.txt', `${line}\n`);
  await expect(page.locator('.loyalty-map [data-map-point]')).toHaveCount(200);

  // Sort by defection risk, highest first.
  await page.locator('[data-sort="risk"]').click();
  await page.locator('[data-sort="risk"]').click();
  await expect(page.locator('th[aria-sort="descending"] [data-sort="risk"]')).toBeVisible();
  const risks = await rows.locator('[data-col="risk"]').allTextContents();
  const values = risks.map((t) => Number(t.match(/\((\d+)\)/)[1]));
  expect(values).toEqual([...values].sort((a, b) => b - a));
  // Filter by tag text, then by quadrant.
  await page.locator('[data-field="filter-text"]').fill('TAG-017');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Account 017');
  await page.locator('[data-field="filter-text"]').fill('');
  await page.locator('#filter-quadrant').selectOption('hostage');
  const quadrants = await rows.locator('[data-col="quadrant"]').allTextContents();
  expect(quadrants.length).toBeGreaterThan(0);
  expect(quadrants.length).toBeLessThan(200);
  expect(new Set(quadrants)).toEqual(new Set(['Reluctant (captive)']));
});
});

test('an account page shows the trend and the quadrant path; details can be edited; two assessments compare', async ({ page }) => {
  await openApp(page);
  await seedAccounts(page, [
    accountRecord('trend1', 'Trend Co', ['all-worst', 'incumbent-b', 'all-best']),
    accountRecord('other1', 'Other Co', ['dedicated-trucks']),
  ]);
  await page.locator('.account-card', { hasText: 'Trend Co' }).locator('[data-action="account-page"]').click();
  await expect(page.locator('[data-screen="account"]')).toBeVisible();
  await expect(page.locator('[data-history] tbody tr')).toHaveCount(3);
  await expect(page.locator('[data-series="satisfaction"] circle')).toHaveCount(3);
  await expect(page.locator('[data-series="risk"] circle')).toHaveCount(3);
  await expect(page.locator('.loyalty-map [data-path-step]')).toHaveCount(2);
  // Any index can be plotted: the loyalty axes and defection risk at first, the rest on demand.
  await expect(page.locator('[data-series]')).toHaveCount(3);
  await page.locator('[data-series-toggle="trust"]').check();
  await expect(page.locator('[data-series="trust"] circle')).toHaveCount(3);
  await page.locator('[data-series-toggle="satisfaction"]').press('Space');
  await expect(page.locator('[data-series="satisfaction"]')).toHaveCount(0);
  await expect(page.locator('[data-series]')).toHaveCount(3);

  // Edit name and tags; a blank name is refused with a message and changes nothing.
  await page.locator('[data-action="edit-details"]').click();
  await page.locator('#edit-name').fill('   ');
  await page.locator('[data-action="save-details"]').click();
  await expect(page.locator('[data-form="details"] [role="alert"]')).toBeVisible();
  await page.locator('#edit-name').fill('Trend Co <renamed>');
  await page.locator('#edit-tags').fill('north, 重点');
  await page.locator('[data-action="save-details"]').click();
  await expect(page.locator('#account-heading')).toHaveText('Trend Co <renamed>');
  await expect(page.locator('.account-meta .tag')).toHaveText(['north', '重点']);
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('rapport.v1.account.trend1')));
  expect(stored.name).toBe('Trend Co <renamed>');
  expect(stored.tags).toEqual(['north', '重点']);
  expect(stored.assessments).toHaveLength(3);

  // Latest against the one before: incumbent-b → all-best.
  await page.locator('[data-history] tbody tr').first().locator('[data-action="compare-previous"]').click();
  await expect(page.locator('[data-screen="compare"]')).toBeVisible();
  const delta = (key) => page.locator(`[data-figure="${key}"]`).getAttribute('data-delta');
  expect(Number(await delta('axis.satisfaction'))).toBeGreaterThan(0);
  expect(Number(await delta('index.defection_risk'))).toBeLessThan(0);
  await expect(page.locator('[data-flags="resolved"] [data-flag="flag.hostage"]')).toBeVisible();
  await expect(page.locator('[data-flags="new"]')).toContainText('None.');

  // Any two assessments of different accounts, from the compare form.
  await page.goto('./#/account/trend1');
  await page.locator('#compare-a').selectOption('other1/other1-s0');
  await page.locator('[data-action="compare"]').click();
  await expect(page).toHaveURL(/#\/compare\/other1\/other1-s0\/trend1\/trend1-s2$/);
  await expect(page.locator('[data-compare] thead')).toContainText('Other Co');
  await expect(page.locator('[data-compare] thead')).toContainText('Trend Co <renamed>');

  // The same screens in Chinese.
  await page.locator('.lang-switch button', { hasText: '中文' }).click();
  await expect(page.locator('#compare-heading')).toHaveText('比较两次评估');
  await page.goto('./#/portfolio');
  await expect(page.locator('#portfolio-heading')).toHaveText('客户组合');
});

test('a share link opened in a fresh browser shows the same results read-only, and can be saved there', async ({ page, browser, baseURL }) => {
  // A whole assessment through the UI (75 questions) and then more: 7-12 s on this 2-core
  // machine, so the default 30 s would leave too little headroom under load.
  test.setTimeout(60_000);
  const s = scenario('incumbent-b');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  // Opened with a query (as an embed would be): the link must not pass it on.
  await openApp(page, './?lang=en');
  await startAssessment(page, 'Shared Co 共享 <b>');
  await answerAll(page, s.answers);
  const results = page.locator('[data-results]');
  await expect(results).toHaveAttribute('data-level', s.summary.level);
  await page.locator('[data-action="share"]').click();
  const link = await page.locator('#share-link').inputValue();
  expect(link).toMatch(/^http:\/\/[^?#]+#\/shared\/[A-Za-z0-9_-]+$/);
  await page.locator('[data-action="copy-link"]').click();
  await expect(page.locator('[data-share-panel] [role="status"]')).toHaveText('Link copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  expect(link.length).toBeLessThan(300);

  const context = await browser.newContext({ baseURL });
  const other = await context.newPage();
  const foreign = [];
  other.on('request', (r) => { if (new URL(r.url()).origin !== new URL(baseURL).origin) foreign.push(r.url()); });
  await other.goto(link);
  const shared = other.locator('[data-results]');
  await expect(shared).toBeVisible();
  await expect(other.locator('[data-shared]')).toBeVisible();
  for (const attr of ['data-level', 'data-target-level', 'data-quadrant', 'data-satisfaction', 'data-switching-cost', 'data-defection-risk', 'data-confidence']) {
    expect(await shared.getAttribute(attr), attr).toBe(await results.getAttribute(attr));
  }
  await expect(other.locator('#results-heading')).toContainText('Shared Co 共享 <b>');
  expect(await other.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('rapport.v1.account.'))), 'nothing stored until saved').toEqual([]);
  await other.locator('[data-action="save-shared"]').click();
  await expect(other).toHaveURL(/#\/results\//);
  await other.locator('a.brand').click();
  await expect(other.locator('.account-card', { hasText: 'Shared Co 共享 <b>' })).toBeVisible();

  // Punctuation a sentence or a chat app adds is ignored.
  await other.goto(`${link}).`);
  await expect(other.locator('[data-results]')).toBeVisible();
  await expect(other.locator('[data-unverified]')).toHaveCount(0);
  // A damaged link says what happened, stays on its address, and never shows figures.
  const payload = link.split('#/shared/')[1];
  const changed = payload.slice(0, 20) + (payload[20] === 'A' ? 'B' : 'A') + payload.slice(21);
  for (const [bad, says] of [
    [link.slice(0, -12), 'cut short'],
    [link.replace(payload, changed), 'was changed'],
    [link.replace(payload, payload.slice(0, 10) + '+/' + payload.slice(12)), 'was changed'],
  ]) {
    await other.goto(bad);
    await expect(other.locator('[data-screen="shared-error"] [role="alert"]')).toContainText(says);
    await expect(other.locator('[data-results]')).toHaveCount(0);
    expect(other.url()).toBe(bad);
  }
  expect(foreign).toEqual([]);
  await context.close();
});

test('a refused copy says so and selects the link instead of claiming success', async ({ page }) => {
  await openApp(page);
  await seedAccounts(page, [accountRecord('cp1', 'Copy Co', ['all-best'])]);
  // The browser's clipboard refuses, as it does without permission or a user gesture.
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('refused', 'NotAllowedError'));
  });
  await page.goto('./#/results/cp1/cp1-s0');
  await page.locator('[data-action="share"]').click();
  await page.locator('[data-action="copy-link"]').click();
  await expect(page.locator('[data-share-panel] [role="status"]')).toHaveText(/Could not copy automatically/);
  const selected = await page.evaluate(() => {
    const f = document.getElementById('share-link');
    return document.activeElement === f && f.selectionStart === 0 && f.selectionEnd === f.value.length;
  });
  expect(selected, 'the link is selected for Ctrl+C').toBe(true);
});

test('an assessment answered with questionnaire v1 still opens, says what carried over, and trends mark it', async ({ page }) => {
  await openApp(page);
  const record = accountRecord('old1', 'Old Questionnaire Co', ['incumbent-b', 'incumbent-b']);
  // The first one as the v1 build stored it: bank version 1, answers only at v1's 70 positions.
  record.assessments[0].bank_version = 1;
  record.assessments[0].answers = record.assessments[0].answers.slice(0, 70).replace(/\.+$/, '');
  await seedAccounts(page, [record]);
  await page.goto('./#/results/old1/old1-s0');
  const results = page.locator('[data-results]');
  await expect(results).toHaveAttribute('data-bank-version', '1');
  await expect(page.locator('[data-carried-over]')).toContainText('Answered with questionnaire v1');
  await expect(page.locator('[data-carried-over]')).toContainText(`of ${fixtures.total_questions} answers carried over`);
  await page.goto('./#/account/old1');
  await expect(page.locator('[data-older-questionnaire]')).toBeVisible();
  await page.locator('[data-history] tbody tr').first().locator('[data-action="compare-previous"]').click();
  await expect(page.locator('[data-versions-differ]')).toContainText('v1 and v2');
  await page.locator('.lang-switch button', { hasText: '中文' }).click();
  await expect(page.locator('[data-versions-differ]')).toContainText('第 1 版和第 2 版');
});

test('a share link made before links carried a check still opens, marked as unverifiable', async ({ page }) => {
  const v1 = fs.readFileSync(new URL('../../fixtures/share/bank-v1-link.txt', import.meta.url), 'utf8').trim();
  await openApp(page);
  await page.goto(`./#/shared/${v1}`);
  await expect(page.locator('[data-results]')).toBeVisible();
  await expect(page.locator('[data-unverified]')).toContainText('no integrity check');
  await expect(page.locator('[data-carried-over]')).toContainText('Answered with questionnaire v1');
});
